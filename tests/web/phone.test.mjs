// A phone (390 × 844): no screen scrolls sideways (start, upload, mapping,
// dashboard, diagnostic, process), the header collapses behind a Menu button,
// and the deal list reads as cards with the deal, its next action and why.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, screenshot, waitForAudit } from './browser.mjs';

const FILE = path.join(ROOT, 'tests/fixtures/real/hubspot-deals.csv');

/** How far the page is wider than the screen, and the widest element that pokes out. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    let widest = '';
    let right = width;
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > right + 0.5) {
        right = box.right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ')[0]}`;
      }
    }
    return { by: document.documentElement.scrollWidth - width, widest, right: Math.round(right) };
  });
}

/** @param {any} page @param {string} screen */
async function assertFits(page, screen) {
  await page.waitForTimeout(300);
  const o = await overflow(page);
  assert.ok(o.by <= 0, `${screen}: the page scrolls sideways by ${o.by}px at 390 px`);
  assert.equal(o.widest, '', `${screen}: ${o.widest} reaches ${o.right}px on a 390 px screen`);
}

/** @param {any} page @param {string} screen */
async function go(page, screen) {
  if (await page.isVisible('.menu-toggle')) {
    await page.click('.menu-toggle');
    assert.equal(await page.getAttribute('.menu-toggle', 'aria-expanded'), 'true');
  }
  await page.click(`.topnav [data-go="${screen}"]`);
  await page.waitForSelector(`[data-screen="${screen}"]:not([hidden])`);
}

test('no screen scrolls sideways on a 390 px phone and the header collapses', async () => {
  const app = await openApp({ width: 390, height: 844 });
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const header = await page.locator('.topbar').boundingBox();
    assert.ok(header && header.height <= 844 / 12, `the collapsed header is ${header && header.height}px tall`);
    assert.equal(await page.isVisible('.topnav'), false, 'the section links are behind the Menu button');
    await assertFits(page, 'start');
    await screenshot(page, 'phone-start');

    await page.click('.entry-card [data-go="upload"]');
    await assertFits(page, 'upload');
    await page.setInputFiles('[data-testid="deal-file"]', FILE);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await assertFits(page, 'mapping');
    await screenshot(page, 'phone-mapping');

    await go(page, 'diagnostic');
    await page.waitForSelector('#diagnostic-root *');
    await assertFits(page, 'diagnostic');
    await go(page, 'process');
    await page.waitForSelector('#process-editor *');
    await assertFits(page, 'process');

    await go(page, 'start');
    await page.click('.demo-button');
    await waitForAudit(page);
    await page.waitForSelector('#deal-table .deal-row');
    await assertFits(page, 'dashboard');
    // A deal card shows the deal, its amount, its next action and a reason, none cut to nothing.
    const card = await page.evaluate(() => {
      const row = document.querySelector('#deal-table .deal-row');
      const box = (/** @type {string} */ sel) => row?.querySelector(sel)?.getBoundingClientRect();
      return { deal: box('.deal-name')?.width, next: box('.cell-next')?.width, why: box('.cell-why')?.width, row: row?.getBoundingClientRect().width };
    });
    assert.ok(card.row && card.next && card.why && card.deal, 'the card has its parts');
    assert.ok(card.next >= card.row * 0.8, `the next action spans the card (${card.next} of ${card.row}px)`);
    assert.ok(card.deal >= 120, `the deal name has room (${card.deal}px)`);
    await screenshot(page, 'phone-dashboard');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
