// The diagnostic's result as a person uses it: a next step to audit an export
// with the answers kept for the comparison, the comparison by layer name, CRM
// enforcement scored apart from the five audited layers, a share link that
// says it was copied, a dated printout, and someone else's link that never
// replaces your own saved answers unless you ask.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, axeViolations, openApp, screenshot, waitForAudit } from './browser.mjs';

const BANK = JSON.parse(readFileSync(path.join(ROOT, 'core/data/questions.json'), 'utf8'));
const MIXED = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/diagnostic/mixed.answers.json'), 'utf8')).answers;
const FIRST = Object.fromEntries(BANK.questions.map((/** @type {any} */ q) => [q.id, q.choices[0].id]));

/** The share fragment for a set of answers, as the page encodes it. @param {Record<string, string>} answers */
function shareHash(answers) {
  return `#diagnostic=${BANK.version}-${BANK.questions.map((/** @type {any} */ q) =>
    q.choices.findIndex((/** @type {any} */ c) => c.id === answers[q.id]).toString(36)).join('')}`;
}

/** The answers saved in this browser. */
async function saved(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('revdiag.diagnostic.answers') || 'null')?.answers || null);
}

test('the result leads on to an audit, compares by layer name, scores CRM enforcement apart, copies and prints', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page, context } = app;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.goto('about:blank');
    await page.goto(app.url + shareHash(MIXED));
    await page.waitForSelector('[data-testid="diag-result"]');
    // Nothing was saved yet, so the link's answers become yours.
    assert.deepEqual(await saved(page), MIXED);
    assert.equal(await page.$('[data-testid="diag-shared"]'), null);
    // Five audited layers in the list, CRM enforcement apart and said why.
    assert.equal(await page.locator('.dq-chart-panel > .dq-scores > li').count(), 5);
    assert.match(await page.textContent('[data-testid="diag-apart"]'), /apart from the 5 layers an export is audited on: CRM enforcement/);
    assert.equal(await page.locator('[data-testid="diag-apart"] [data-testid="diag-layer-crm_enforcement"]').count(), 1);

    // The share link says it was copied, and it was.
    await page.click('[data-testid="diag-share"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="diag-share-status"]')?.textContent === 'Link copied.');
    const link = await page.inputValue('[data-testid="diag-share-link"]');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // The printout has a title and a date.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid="diag-print-meta"]'), true);
    assert.match(await page.textContent('[data-testid="diag-print-meta"]'), /Sales process diagnostic · printed on \d{4}-\d{2}-\d{2}/);
    assert.equal(await page.isVisible('[data-testid="diag-audit"]'), false);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('[data-testid="diag-print-meta"]'), false);

    // Next step: audit an export; the answers are kept and compared once it is audited.
    assert.match(await page.textContent('[data-testid="diag-next"]'), /Your answers stay saved/);
    await page.click('[data-testid="diag-audit"]');
    await page.waitForSelector('[data-screen="upload"]:not([hidden])');
    await page.click('.topnav [data-go="start"]');
    await page.click('.demo-button');
    await waitForAudit(page);
    await page.click('.topnav [data-go="diagnostic"]');
    await page.waitForSelector('[data-testid="diag-comparison"]');
    assert.equal(await page.$('[data-testid="diag-next"]'), null);
    const rows = await page.$$eval('[data-testid^="diag-compare-"] th', (els) => els.map((el) => el.textContent));
    assert.ok(rows.includes('Exit criteria') && rows.includes('Stage definitions'), rows.join(', '));
    assert.ok(rows.every((name) => !/_/.test(name || '')), rows.join(', '));
    assert.deepEqual(await saved(page), MIXED);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'diagnostic-comparison');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('someone else\'s share link never replaces your saved answers unless you ask', async () => {
  const app = await openApp({ width: 390, height: 844 });
  const { page } = app;
  try {
    await page.goto('about:blank');
    await page.goto(app.url + shareHash(MIXED));
    await page.waitForSelector('[data-testid="diag-result"]');
    assert.deepEqual(await saved(page), MIXED);

    // Another person's answers: shown as shared, yours untouched.
    await page.goto('about:blank');
    await page.goto(app.url + shareHash(FIRST));
    await page.waitForSelector('[data-testid="diag-shared"]');
    assert.match(await page.textContent('[data-testid="diag-shared"]'), /Your own answers \(25 of 25 answered\) are kept/);
    assert.deepEqual(await saved(page), MIXED);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    await screenshot(page, 'diagnostic-shared-phone');
    await page.click('[data-testid="diag-back-to-mine"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="diag-shared"]') && document.querySelector('[data-testid="diag-result"]'));
    assert.equal(await page.evaluate(() => location.hash), '');
    assert.deepEqual(await saved(page), MIXED);

    // Asked for, they replace yours.
    await page.goto('about:blank');
    await page.goto(app.url + shareHash(FIRST));
    await page.waitForSelector('[data-testid="diag-shared"]');
    await page.click('[data-testid="diag-keep-shared"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="diag-shared"]') && document.querySelector('[data-testid="diag-result"]'));
    assert.deepEqual(await saved(page), FIRST);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
