// The process editor as a person uses it: thresholds first, what a rule can
// call and read listed beside the rules (the engine's words), a rule error
// located within the rule, the dashboard saying when a custom process is in
// use, and "Reset to default" auditing again with the default process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';

/** Wait for an audit after `n` audits. */
async function nextAudit(page, n) {
  await page.waitForFunction((k) => Number(document.body.dataset.auditCount) > k, n);
  await waitForAudit(page, AS_OF);
}

const audits = (page) => page.evaluate(() => Number(document.body.dataset.auditCount));

test('process editor: thresholds first, rule help beside it, errors within the rule, custom process named, reset re-audits', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const demo = await page.getAttribute('.demo-button', 'data-demo');
    await page.click('.demo-button');
    await waitForAudit(page);
    await setAsOf(page, AS_OF);
    await waitForAudit(page, AS_OF);
    assert.equal(await page.isVisible('[data-testid="process-note"]'), false);

    await page.click('.topnav [data-go="process"]');
    const rule = page.locator('[data-pointer="/stages/1/criteria/0/rule"]');
    await rule.waitFor();
    // Thresholds come before the stages.
    assert.ok(await page.evaluate(() => {
      const t = document.getElementById('pe-thresholds-title');
      const s = document.getElementById('pe-stages-title');
      return Boolean(t && s && (t.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING));
    }));

    // An unknown function: located within the rule, and every function the engine names is listed beside it.
    await rule.fill('present(decision_date) and nosuch(x)');
    await page.waitForSelector('#process-status[data-valid="false"]');
    const msg = await page.textContent('#pe--stages-1-criteria-0-rule-msg');
    assert.match(msg, /`nosuch` at column 28 of the rule: unknown function/);
    assert.doesNotMatch(msg, /\(column \d+\)/);
    const status = await page.textContent('#process-status');
    assert.match(status, /at column 28 of the rule/);
    assert.doesNotMatch(status, /\/stages\/|line \d/);
    const named = /functions are ([a-z_, ]+) and ([a-z_]+)\./.exec(msg);
    assert.ok(named, msg);
    const reference = await page.textContent('[data-testid="rule-reference"]');
    for (const fn of [...named[1].split(', '), named[2]]) assert.match(reference, new RegExp(`${fn}\\(`), fn);
    for (const field of ['decision_date', 'last_buyer_activity_date', 'amount']) assert.match(reference, new RegExp(field));
    await screenshot(page, 'process-editor-error');
    await rule.fill('present(decision_date)');
    await page.waitForSelector('#process-status[data-valid="true"]');

    // Applied, the dashboard says a custom process is in use.
    await page.fill('[data-pointer="/thresholds/inactive_after_days"]', '3650');
    let n = await audits(page);
    await page.click('#process-apply');
    await nextAudit(page, n);
    assert.equal(await page.isVisible('[data-testid="process-note"]'), true);
    assert.match(await page.textContent('[data-testid="process-note"]'), /custom process/);
    const edited = await readFigures(page);

    // Reset to default audits again with the default process.
    await page.click('.topnav [data-go="process"]');
    n = await audits(page);
    await page.click('#process-reset');
    await nextAudit(page, n);
    const reset = await readFigures(page);
    assert.notDeepEqual(reset, edited);
    assert.deepEqual(reset, reportFigures(await cliAudit(['--sample', demo, '--as-of', AS_OF])));
    assert.equal(await page.inputValue('[data-pointer="/thresholds/inactive_after_days"]'), '30');
    await page.click('.topnav [data-go="dashboard"]');
    assert.equal(await page.isVisible('[data-testid="process-note"]'), false);

    // On a phone the reference sits under the stages and nothing scrolls sideways.
    await page.click('.topnav [data-go="process"]');
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `process screen is ${width} px wide`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'process-editor-phone');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
