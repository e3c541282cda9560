// The mapping screen before any audit: CRM names as people write them, id
// columns recognized as ids (never "100% sure" for a name), what each missing
// field will cost in the engine's own coverage terms, and pointers to the
// columns that decide the audit (the amount first); then a headline that says
// an export without amounts cannot be valued instead of "0 → 0".
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, axeViolations, cliAudit, openApp, screenshot, waitForAudit } from './browser.mjs';

const SALESFORCE = path.join(ROOT, 'tests/fixtures/real/salesforce-opportunity.csv');
const MAVEN = path.join(ROOT, 'tests/fixtures/real/maven-crm-sales-pipeline.csv');

/** Upload a file and wait for the mapping screen with the engine's look at its coverage. */
async function upload(page, file) {
  await page.click('.entry-card [data-go="upload"]');
  await page.setInputFiles('[data-testid="deal-file"]', file);
  await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
  await page.waitForSelector('[data-testid="mapping-coverage"]:not([hidden])');
}

/** No screen scrolls sideways. */
async function assertNoOverflow(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= page.viewportSize().width, `page is ${width} px wide`);
}

test('a Salesforce API export: CRM by name, ids as ids, and what each missing field costs', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page } = app;
  try {
    await upload(page, SALESFORCE);
    assert.match(await page.textContent('#mapping-summary'), /Detected CRM\s*Salesforce/);
    assert.doesNotMatch(await page.textContent('#mapping-summary'), /salesforce/);
    // AccountId and OwnerId hold ids: recognized, never claimed as sure matches for names.
    for (const field of ['account', 'owner']) {
      const row = page.locator(`#field-mapping tr[data-field="${field}"]`);
      assert.doesNotMatch(await row.textContent(), /100% sure/);
      assert.match(await page.textContent(`[data-testid="ids-${field}"]`), /record ids, not names/);
      assert.match(await page.textContent(`[data-testid="pointer-ids-${field}"]`), /Id holds record ids/);
    }
    assert.match(await page.textContent('#field-mapping tr[data-field="amount"]'), /100% sure/);
    // A missing field says what it costs, from the engine's coverage of this export.
    const report = await cliAudit([SALESFORCE, '--as-of', await page.inputValue('[data-testid="as-of"]')]);
    const follow = report.coverage.layers.find((l) => l.id === 'follow_up');
    assert.ok(follow.add.some((a) => a.field === 'proposal_sent_date'));
    assert.match(await page.textContent('[data-testid="cost-proposal_sent_date"]'),
      /^No proposal sent: .*Follow-up cannot be checked.*criteria P2, N1 not assessed\.$/);
    assert.match(await page.textContent('[data-testid="cost-decision_maker"]'), /criterion P1 not assessed/);
    // A field no check reads costs nothing.
    assert.equal(await page.$('[data-testid="cost-currency"]'), null);
    // Each pointer leads to its row.
    await page.click('[data-testid="pointer-missing"] button:has-text("Proposal sent")');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'map-proposal_sent_date');
    assert.deepEqual(await axeViolations(page), []);
    await assertNoOverflow(page);
    await screenshot(page, 'mapping-salesforce');

    // Numbers inside the engine's warnings read like the page's numbers (the export is over 1,000 days old).
    await page.click('#mapping-continue');
    await waitForAudit(page);
    const warnings = await page.textContent('#input-warnings');
    assert.match(warnings, /2024-01-22, \d,\d{3} days before the as-of date \d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(warnings, /[^-\d]\d{4} days/);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('an export whose open deals have no amount: pointed at before the audit, "cannot be valued" after', async () => {
  const app = await openApp({ width: 390, height: 844 });
  const { page } = app;
  try {
    await upload(page, MAVEN);
    assert.match(await page.textContent('#mapping-summary'), /Maven sales data set/);
    // Before the audit is shown, the screen points at the amount column.
    assert.match(await page.textContent('[data-testid="pointer-amount"]'), /No open deal has a value in close_value/);
    await page.waitForSelector('[data-testid="amount-hint"]');
    await page.click('[data-testid="pointer-amount"] button');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'map-amount');
    await assertNoOverflow(page);
    await screenshot(page, 'mapping-maven-phone');

    await page.fill('[data-testid="as-of"]', '2017-01-10');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2017-01-10');
    const headline = await page.textContent('#headline');
    assert.equal(await page.getAttribute('#headline', 'data-unvalued'), 'true');
    assert.match(headline, /Cannot be valued/);
    assert.match(headline, /no open deal has an amount/);
    assert.match(headline, /252 of 252/);
    assert.doesNotMatch(await page.textContent('[data-testid="stated-total"] .figure-value'), /^0$/);
    assert.doesNotMatch(await page.textContent('[data-testid="real-total"] .figure-value'), /^0$/);
    // Layers the export cannot show are not a pass.
    assert.match(await page.textContent('[data-testid="weakest-layer"]'), /No measured layer fails.*could not be measured/);
    // The simulator counts deals too, never "0 of 0 stated".
    await page.waitForSelector('[data-testid="sim-unvalued"]', { timeout: 60000 });
    assert.match(await page.textContent('[data-testid="sim-unvalued"]'), /^Real pipeline 252 of 252 open deals \(no amounts recorded\)/);
    assert.match(await page.textContent('[data-testid="sim-forward-real"]'), /^\d[\d,]* deals?$/);
    assert.match(await page.textContent('[data-testid="sim-forecast-unvalued"]'), /no revenue to forecast/);
    await assertNoOverflow(page);
    await screenshot(page, 'dashboard-maven-phone');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
