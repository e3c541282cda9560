// The printed report after a long coverage panel (a real export that records
// no criterion): the headline figures stay together on one page, never split
// across a page break, and the printout carries its title and date.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, waitForAudit } from './browser.mjs';

const SALESFORCE = path.join(ROOT, 'tests/fixtures/real/salesforce-opportunity.csv');
// A4 less the 12 mm margins of styles.css' @page, in CSS pixels (96 per inch).
const PAGE_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);
const PAGE_HEIGHT = Math.floor(((297 - 24) / 25.4) * 96);

/** The text of each page of a PDF (pdftotext from poppler-utils, see scripts/setup). @param {Buffer} pdf */
function pageTexts(pdf) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'revdiag-print-')), 'report.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdftotext: ${r.stderr || r.error}`);
  return r.stdout.split('\f').map((t) => t.replace(/\s+/g, ' ').toLowerCase());
}

test('the headline figures print together on one page after a long coverage panel', async () => {
  const app = await openApp({ width: PAGE_WIDTH, height: PAGE_HEIGHT });
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', SALESFORCE);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.click('#mapping-continue');
    await waitForAudit(page);
    // Every part of the coverage panel open: the longest it gets.
    await page.evaluate(() => { for (const d of document.querySelectorAll('#coverage-panel details')) d.setAttribute('open', ''); });
    await page.emulateMedia({ media: 'print' });
    const pages = pageTexts(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    const labels = ['stated pipeline', 'real pipeline', 'not real', 'open deals', 'fix first'];
    const where = labels.map((label) => pages.findIndex((p) => p.includes(label)));
    assert.ok(where.every((p) => p >= 0), `every headline figure is printed: ${where}`);
    assert.ok(where.every((p) => p === where[0]), `the headline figures print on pages ${where.map((p) => p + 1).join(', ')}`);
    // The first page says what this is and when it was printed.
    assert.match(pages[0], /salesforce-opportunity\.csv/);
    assert.match(pages[0], /printed on \d{4}-\d{2}-\d{2}/);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
