// Exports: the JSON report and the flagged-deals CSV are downloaded and checked
// (figures, formula-injection safety), and the print stylesheet renders a
// client-ready report.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertClean, openApp, readFigures, reportFigures, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';

/** Split one CSV line into fields (RFC 4180 quoting). @param {string} text */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('the JSON report, the flagged CSV and the printable report are produced', async () => {
  const app = await openApp();
  const { page } = app;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-exports-'));
  try {
    await page.waitForSelector('.demo-button');
    await page.click('.demo-button');
    await waitForAudit(page);
    await setAsOf(page, AS_OF);
    await waitForAudit(page, AS_OF);
    const shown = await readFigures(page);

    let download = page.waitForEvent('download');
    await page.click('#export-json');
    const jsonFile = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(jsonFile);
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    assert.equal(report.schema, 'revdiag.audit/1');
    assert.equal(report.as_of, AS_OF);
    assert.deepEqual(reportFigures(report), shown);
    assert.ok(Array.isArray(report.deals) && report.deals.length > 0, 'the exported report lists the deals');

    download = page.waitForEvent('download');
    await page.click('#export-csv');
    const csvFile = path.join(dir, (await download).suggestedFilename());
    await (await download).saveAs(csvFile);
    assert.match(csvFile, /\.csv$/);
    const rows = parseCsv(readFileSync(csvFile, 'utf8')).filter((r) => r.length > 1);
    assert.ok(rows.length > 1, 'a header and flagged deals');
    for (const row of rows) {
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)} could run as a formula`);
    }

    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    assert.equal(await page.isVisible('.topbar'), false);
    assert.equal(await page.isVisible('#headline'), true);
    assert.equal(await page.isVisible('#layer-list'), true);
    assert.equal(await page.isVisible('#owner-actions'), true);
    await screenshot(page, 'print');
    await page.emulateMedia({ media: 'screen' });
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
