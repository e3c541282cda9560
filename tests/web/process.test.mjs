// The process editor: a broken criterion is flagged beside its field as you
// type; a threshold change, applied, recomputes the dashboard exactly as the
// CLI does with the exported process file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';

test('editing the process validates as you type and recomputes the dashboard', async () => {
  const app = await openApp();
  const { page } = app;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-process-'));
  try {
    await page.waitForSelector('.demo-button');
    const demo = await page.getAttribute('.demo-button', 'data-demo');
    await page.click('.demo-button');
    await waitForAudit(page);
    await setAsOf(page, AS_OF);
    await waitForAudit(page, AS_OF);
    const before = await readFigures(page);

    await page.click('.topnav [data-go="process"]');
    const rule = page.locator('[data-pointer="/stages/1/criteria/0/rule"]');
    await rule.waitFor();
    const original = await rule.inputValue();
    await rule.fill('present(');
    await page.waitForSelector('[data-pointer="/stages/1/criteria/0/rule"][aria-invalid="true"]');
    assert.equal(await page.getAttribute('#process-status', 'data-valid'), 'false');
    assert.notEqual((await page.textContent('#pe--stages-1-criteria-0-rule-msg')).trim(), '');
    await screenshot(page, 'process-invalid');
    await rule.fill(original);
    await page.waitForSelector('#process-status[data-valid="true"]');
    assert.equal(await rule.getAttribute('aria-invalid'), null);

    // A much longer inactivity threshold archives fewer deals.
    await page.fill('[data-pointer="/thresholds/inactive_after_days"]', '3650');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'process');
    const download = page.waitForEvent('download');
    await page.click('#process-export');
    const file = path.join(dir, 'process.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.thresholds.inactive_after_days, 3650);

    const audits = Number(await page.evaluate(() => document.body.dataset.auditCount));
    await page.click('#process-apply');
    await page.waitForFunction((n) => Number(document.body.dataset.auditCount) > n, audits);
    await waitForAudit(page, AS_OF);
    const after = await readFigures(page);
    assert.notDeepEqual(after, before);
    assert.ok(after.layers.archive.deals <= before.layers.archive.deals);
    assert.deepEqual(after, reportFigures(await cliAudit(['--sample', demo, '--as-of', AS_OF, '--process', file])));
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
