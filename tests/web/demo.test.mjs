// Start screen → a built-in demo → dashboard: the key figures carry the
// data-testid / data-value contract and equal the CLI's report for the same
// demo and as-of date; each screen passes axe and is photographed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, axeViolations, cliAudit, openApp, readFigures, reportFigures, screenshot, setAsOf, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';

test('a demo pipeline opens on a dashboard whose figures equal the CLI report', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const demos = await page.$$eval('.demo-button', (els) => els.map((e) => e.getAttribute('data-demo')));
    assert.ok(demos.length >= 3, `at least three demos, got ${demos.length}`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'start');

    await page.click(`.demo-button[data-demo="${demos[0]}"]`);
    await waitForAudit(page);
    await setAsOf(page, AS_OF);
    await waitForAudit(page, AS_OF);
    const shown = await readFigures(page);
    const expected = reportFigures(await cliAudit(['--sample', demos[0], '--as-of', AS_OF]));
    assert.deepEqual(shown, expected);
    assert.ok(shown.open_deals > 0);
    assert.equal(await page.getAttribute('.layer.weakest', 'data-testid'), `layer-${expected.weakest_layer}`);

    await page.waitForSelector('#deal-table .grid-row:not(.loading) .cell');
    await page.waitForTimeout(400);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'dashboard');

    await page.click('.topnav [data-go="mapping"]');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'mapping-demo');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('every demo loads and the dashboard is usable at 768 px', async () => {
  const app = await openApp({ width: 768, height: 1000 });
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const demos = await page.$$eval('.demo-button', (els) => els.map((e) => e.getAttribute('data-demo')));
    /** @type {Set<string>} */
    const crms = new Set();
    for (const demo of demos) {
      await page.click('.topnav [data-go="start"]');
      await page.click(`.demo-button[data-demo="${demo}"]`);
      await page.waitForFunction(() => document.body.dataset.busy === 'false'
        && document.querySelector('[data-screen="dashboard"]:not([hidden])'));
      await waitForAudit(page);
      crms.add((await page.textContent('#source-meta')).split(' · ')[0]);
      const figures = await readFigures(page);
      assert.ok(Number.isFinite(figures.stated_total), `demo ${demo} shows a stated total`);
      assert.equal(Object.keys(figures.layers).length, 5);
    }
    assert.ok(crms.size >= 3, `demos in at least three CRM header styles, detected ${[...crms].join(', ')}`);
    await page.waitForTimeout(400);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'dashboard-768');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 768 px (overflow ${overflow}px)`);
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
