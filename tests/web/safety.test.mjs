// Safety and errors: hostile deal text renders literally (no dialog, no
// injected element) and stays inert in the CSV export; a malformed file names
// its line where the upload happened, and the next upload works.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, screenshot, waitForAudit } from './browser.mjs';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_OWNER = '<script>alert(2)</script>';
const FORMULA = '=HYPERLINK("http://evil.invalid/","click")';

/** @param {string} v */
const q = (v) => `"${v.replace(/"/g, '""')}"`;

test('hostile deal names show literally and never run', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-hostile-'));
  const file = path.join(dir, 'hostile.csv');
  writeFileSync(file, ['Deal Name,Amount,Deal Stage,Deal owner,Create Date,Close Date',
    `${q(HOSTILE_NAME)},1000,Proposal,${q(HOSTILE_OWNER)},2026-01-05,2026-02-01`,
    `${q(FORMULA)},2000,Discovery,${q(HOSTILE_OWNER)},2026-01-06,2026-02-02`,
    'Plain deal,3000,Negotiation,Ana Ruiz,2026-01-07,2026-02-03', ''].join('\r\n'));
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', file);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.click('#mapping-continue');
    await waitForAudit(page);
    await page.waitForSelector('#deal-table .grid-row:not(.loading) .cell');
    await page.waitForTimeout(300);
    const cells = await page.$$eval('#deal-table .grid-row .cell', (els) => els.map((e) => e.textContent));
    assert.ok(cells.includes(HOSTILE_NAME), 'the hostile name is shown as text');
    assert.ok(cells.includes(HOSTILE_OWNER), 'the hostile owner is shown as text');
    assert.equal(await page.$$eval('img[src="x"], #main script', (els) => els.length), 0, 'no element was injected');
    await screenshot(page, 'hostile');

    const download = page.waitForEvent('download');
    await page.click('#export-csv');
    const csvFile = path.join(dir, 'flagged.csv');
    await (await download).saveAs(csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(csv), 'the formula cell is neutralised in the CSV');
    assert.deepEqual(app.dialogs, []);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('a malformed file shows its line and the next upload works', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-malformed-'));
  const bad = path.join(dir, 'broken.csv');
  writeFileSync(bad, 'Deal Name,Amount,Deal Stage\nAcme,100,Proposal\n"Globex,200,Discovery\nInitech,300,Proposal\n');
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', bad);
    await page.waitForSelector('#load-error:not([hidden])');
    const message = await page.textContent('#load-error');
    assert.match(message, /broken\.csv/);
    assert.match(message, /line 3/);
    await screenshot(page, 'upload-error');

    await page.setInputFiles('[data-testid="deal-file"]', path.join(ROOT, 'tests/fixtures/real/salesforce-opportunity.csv'));
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    assert.equal(await page.isVisible('#load-error'), false);
    await page.click('#mapping-continue');
    await waitForAudit(page);
    assert.ok(Number(await page.getAttribute('[data-testid="open-deals"]', 'data-value')) >= 0);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
