// Upload a real CRM export → mapping → dashboard: the figures equal the CLI's
// for the same file and as-of date; overriding a column mapping changes the
// result exactly as the CLI's --map does.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';
const FILE = path.join(ROOT, 'tests/fixtures/real/hubspot-deals.csv');

test('a real HubSpot export goes through mapping to a dashboard equal to the CLI report', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'upload');
    await page.setInputFiles('[data-testid="deal-file"]', FILE);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    assert.match(await page.textContent('#mapping-summary'), /hubspot/i);
    const stageSelect = await page.$eval('#map-stage', (el) => /** @type {HTMLSelectElement} */ (el).value);
    assert.notEqual(stageSelect, '', 'the stage column is detected');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mapping');

    await page.fill('[data-testid="as-of"]', AS_OF);
    await page.click('#mapping-continue');
    await waitForAudit(page, AS_OF);
    const expected = reportFigures(await cliAudit([FILE, '--as-of', AS_OF]));
    assert.deepEqual(await readFigures(page), expected);
    await screenshot(page, 'dashboard-hubspot');

    // Unmapping the amount column leaves no amount to count: the CLI agrees.
    await page.click('.topnav [data-go="mapping"]');
    const before = await readFigures(page);
    const audits = Number(await page.evaluate(() => document.body.dataset.auditCount));
    await page.selectOption('#map-amount', '');
    await page.waitForFunction((n) => Number(document.body.dataset.auditCount) > n, audits);
    await waitForAudit(page, AS_OF);
    const after = await readFigures(page);
    assert.notDeepEqual(after, before);
    assert.deepEqual(after, reportFigures(await cliAudit([FILE, '--as-of', AS_OF, '--map', 'amount='])));
    assert.equal(await page.textContent('#field-mapping tr:has(#map-amount) .pill'), 'set by you');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
