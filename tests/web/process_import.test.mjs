// @ts-check
// Importing a process file: the engine reads the file's text, so a broken file
// is reported at the engine's line and column (and a broken rule beside its
// field, at the column inside the rule), never by the page's own JSON.parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, screenshot } from './browser.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'process');

/** @param {import('playwright-core').Page} page @param {string} name @param {string} text */
async function importProcess(page, name, text) {
  await page.setInputFiles('#process-import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('importing a broken process shows the engine pointer, line and column', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.topnav [data-go="process"]');
    await page.locator('[data-pointer="/stages/1/criteria/0/rule"]').waitFor();
    await page.waitForSelector('#process-status[data-valid="true"]');

    // Not JSON: the engine's line and column of the missing comma (DESIGN fixture).
    await importProcess(page, 'missing-comma.json', readFileSync(path.join(FIXTURES, 'invalid_json_missing_comma.json'), 'utf8'));
    await page.waitForSelector('#process-status[data-valid="false"]');
    const status = await page.textContent('#process-status');
    assert.match(String(status), /missing-comma\.json: .*line 4, column 3/);
    await screenshot(page, 'process-import-broken');

    // JSON with a duplicate key, which JSON.parse would have accepted silently.
    await importProcess(page, 'twice.json', readFileSync(path.join(FIXTURES, 'duplicate_key.json'), 'utf8'));
    await page.waitForFunction(() => /twice\.json/.test(document.querySelector('#process-status')?.textContent || ''));
    assert.match(String(await page.textContent('#process-status')), /line 7, column 85, \/stages\/2\/probability/);

    // A broken rule: the file's line and column in the status, the rule's own column beside the field.
    await importProcess(page, 'rule.json', readFileSync(path.join(FIXTURES, 'rule_type_error.json'), 'utf8'));
    await page.waitForFunction(() => /rule\.json/.test(document.querySelector('#process-status')?.textContent || ''));
    assert.match(String(await page.textContent('#process-status')), /line 6, column 194, \/stages\/1\/criteria\/0\/rule/);
    const rule = '[data-pointer="/stages/1/criteria/0/rule"]';
    await page.waitForSelector(`${rule}[aria-invalid="true"]`);
    // `budget_confirmed + 1`: the `+` is column 18 of the rule (194 of the file's line).
    const beside = String(await page.textContent('#pe--stages-1-criteria-0-rule-msg'));
    assert.match(beside, /at column 18 of the rule:/);
    assert.doesNotMatch(beside, /column 194/);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
