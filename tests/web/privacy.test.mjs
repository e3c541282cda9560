// The no-upload promise, end to end (issue 17): one whole session — the
// diagnostic, a real CRM export uploaded, mapped and audited, the simulator,
// both exports and the printed report — with the network cut right after the
// page loaded. Nothing may ask another origin, nothing may break the CSP, and
// every screen must still work offline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, waitForAudit } from './browser.mjs';

const REAL = path.join(ROOT, 'tests/fixtures/real/salesforce-opportunity.csv');

test('a whole session runs offline after load and sends nothing anywhere', async () => {
  const app = await openApp({ width: 1440, height: 900 });
  const { page, context } = app;
  /** @type {string[]} */ const attempted = [];
  try {
    await page.waitForSelector('.demo-button');
    // Everything the page needs later (the engine, the chart library) is loaded by now.
    await page.waitForFunction(() => Boolean(/** @type {any} */ (window).Chart), null, { timeout: 15000 });
    await context.setOffline(true);
    /** @type {string[]} */ const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('request', (r) => { if (!r.url().startsWith('data:') && !r.url().startsWith('blob:')) attempted.push(r.url()); });

    // The diagnostic: every question answered with its first choice.
    await page.click('.topnav [data-go="diagnostic"]');
    await page.click('[data-testid="diag-start"]');
    const total = Number(await page.getAttribute('[data-testid="diag-progress"]', 'data-total'));
    assert.ok(total > 10, `the diagnostic asks ${total} questions`);
    for (let i = 0; i < total; ++i) {
      await page.waitForFunction((n) => document.querySelector('[data-testid="diag-progress"]')?.getAttribute('data-current') === String(n), i + 1);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
    }
    await page.waitForSelector('[data-testid="diag-result"]');
    assert.equal(await page.locator('[data-testid^="diag-layer-"]').count() > 0, true, 'the diagnostic scored offline');

    // A real export, uploaded, mapped and audited.
    await page.click('.topnav [data-go="start"]');
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', REAL);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.fill('[data-testid="as-of"]', '2024-01-22');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2024-01-22');
    assert.ok((await page.textContent('#headline')).length > 0, 'the dashboard shows the audit offline');

    // The simulator answers in the worker.
    await page.waitForSelector('#simulator:not([hidden]) [data-testid="sim-real-total"]', { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('#simulator')?.getAttribute('data-busy') === 'false', null, { timeout: 60000 });

    // Both exports are made on the machine.
    for (const button of ['#export-json', '#export-csv']) {
      const download = page.waitForEvent('download');
      await page.click(button);
      const saved = await (await download).path();
      assert.ok(saved && readFileSync(saved).length > 0, `${button} produced a file offline`);
    }

    // The printed report renders.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000, 'the report prints offline');
    await page.emulateMedia({ media: 'screen' });

    // Offline, the only requests are to the page's own origin (and none failed).
    const origin = new URL(app.url).origin;
    assert.deepEqual(attempted.filter((u) => !u.startsWith(origin + '/')), [], 'no request to another origin');
    assert.deepEqual(failed, [], 'nothing the session needed was missing offline');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
