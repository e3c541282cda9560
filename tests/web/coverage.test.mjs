// A real export with no column for any criterion: the page leads with what it
// can and cannot show, marks layers it cannot measure as such (never 100/100),
// names the activity column and its tier on the mapping screen, offers the
// export's own date in one click, switches evidence modes like the CLI, and
// never audits an upload as of a demo's date.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, screenshot, waitForAudit } from './browser.mjs';

const SALESFORCE = path.join(ROOT, 'tests/fixtures/real/salesforce-opportunity.csv');
const MAVEN = path.join(ROOT, 'tests/fixtures/real/maven-crm-sales-pipeline.csv');

/** Today's date as the page computes it (local time). */
async function pageToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

test('a real Salesforce export leads with its coverage and audits as of its own date in one click', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    // A demo first: its reference date must not carry over to the upload.
    await page.waitForSelector('.demo-button');
    await page.click('.demo-button');
    await waitForAudit(page);
    const demoAsOf = await page.inputValue('[data-testid="as-of"]');
    // The demo is audited as of its own reference date.
    const reference = (await cliAudit(['--sample', await page.getAttribute('.demo-button', 'data-demo')])).as_of;
    assert.equal(demoAsOf, reference);
    assert.equal(await page.evaluate(() => document.body.dataset.auditAsOf), reference);
    await page.click('.topnav [data-go="start"]');
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', SALESFORCE);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    const today = await pageToday(page);
    assert.equal(await page.inputValue('[data-testid="as-of"]'), today);
    assert.notEqual(today, demoAsOf);
    // The activity column and its tier, and what it is used for.
    assert.equal(await page.getAttribute('[data-testid="tier-last_activity_date"]', 'data-tier'), 'rep');
    assert.match(await page.textContent('[data-testid="tier-last_activity_date"]'), /logged by reps.*archive rule/);
    await page.click('#mapping-continue');
    await waitForAudit(page, today);

    const panel = page.locator('[data-testid="coverage"]');
    assert.equal(await panel.getAttribute('data-partial'), 'true');
    // The panel comes before the headline figures.
    assert.ok(await page.evaluate(() => {
      const c = document.querySelector('[data-testid="coverage"]');
      const s = document.querySelector('[data-testid="stated-total"]');
      return Boolean(c && s && (c.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING));
    }));
    assert.match(await panel.textContent(), /judged on LastActivityDate, logged by reps/);
    assert.equal(await page.getAttribute('[data-testid="coverage-layer-exit_criteria"]', 'data-measurable'), 'no');
    assert.equal(await page.textContent('[data-testid="layer-exit_criteria"] .layer-score'), 'not measurable');
    assert.equal(await page.textContent('[data-testid="layer-follow_up"] .layer-score'), 'not measurable');
    // What the export cannot show is said once, in the panel, not as notes under Stage definitions.
    assert.doesNotMatch(await page.textContent('[data-testid="layer-stages"]'), /does not record/);
    assert.match(await panel.textContent(), /no column for E1, D1, Q1, Q2, Q3, P1, P2, N1/);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'coverage-salesforce');

    await page.click('[data-testid="audit-as-of-export"]');
    await waitForAudit(page, '2024-01-22');
    assert.equal(await page.inputValue('[data-testid="as-of"]'), '2024-01-22');
    assert.deepEqual(await readFigures(page), reportFigures(await cliAudit([SALESFORCE, '--as-of', '2024-01-22'])));
    assert.match(await page.textContent('[data-testid="coverage-unverified"]'), /unverified/);

    const audits = Number(await page.evaluate(() => document.body.dataset.auditCount));
    await page.selectOption('[data-testid="evidence-mode"]', 'strict');
    await page.waitForFunction((n) => Number(document.body.dataset.auditCount) > n, audits);
    await waitForAudit(page, '2024-01-22');
    assert.deepEqual(await readFigures(page),
      reportFigures(await cliAudit([SALESFORCE, '--as-of', '2024-01-22', '--evidence', 'strict'])));
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('open deals without amounts say the pipeline cannot be valued', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', MAVEN);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.fill('[data-testid="as-of"]', '2017-01-10');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2017-01-10');
    assert.match(await page.textContent('[data-testid="coverage-no-amounts"]'), /cannot be valued/);
    await page.click('.topnav [data-go="mapping"]');
    await page.waitForSelector('[data-testid="amount-hint"]');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('the process screen switches the evidence mode of the audit', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', SALESFORCE);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.fill('[data-testid="as-of"]', '2024-01-22');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2024-01-22');
    assert.deepEqual(await readFigures(page), reportFigures(await cliAudit([SALESFORCE, '--as-of', '2024-01-22'])));
    await page.click('.topnav [data-go="process"]');
    const audits = Number(await page.evaluate(() => document.body.dataset.auditCount));
    await page.selectOption('[data-testid="process-evidence-mode"]', 'strict');
    await page.waitForFunction((n) => Number(document.body.dataset.auditCount) > n, audits);
    await waitForAudit(page, '2024-01-22');
    assert.deepEqual(await readFigures(page),
      reportFigures(await cliAudit([SALESFORCE, '--as-of', '2024-01-22', '--evidence', 'strict'])));
    assert.equal(await page.inputValue('[data-testid="evidence-mode"]'), 'strict');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
