// Files that are not deal exports are refused with a clear message instead of
// being audited (a PNG, a CSV with no stage, amount or owner column), and a
// pipeline with nothing wrong reads as such: no "0 deals" links, no "fix
// first", singular nouns for one deal.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, assertClean, openApp, screenshot, setAsOf, waitForAudit } from './browser.mjs';

// A 1 × 1 PNG, as an image editor writes it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

/** @param {any} page @param {{name: string, mimeType: string, buffer: Buffer}} file */
async function upload(page, file) {
  await page.click('.topnav [data-go="start"]');
  await page.click('.entry-card [data-go="upload"]');
  await page.setInputFiles('[data-testid="deal-file"]', file);
  // The error of this file, not the one before it.
  await page.waitForFunction((name) => {
    const box = document.querySelector('#load-error');
    return box instanceof HTMLElement && !box.hidden && (box.textContent || '').includes(name);
  }, file.name);
  return (await page.textContent('#load-error')) || '';
}

test('a PNG and a CSV that is not a deal export are refused with their reasons', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.waitForSelector('.demo-button');
    const png = await upload(page, { name: 'screenshot.png', mimeType: 'image/png', buffer: PNG });
    assert.match(png, /not a deal export/);
    assert.match(png, /screenshot\.png is a PNG image/);
    assert.equal(await page.isVisible('[data-screen="upload"]'), true, 'it stays on the upload screen');
    assert.equal(await page.isDisabled('.topnav [data-go="mapping"]'), true, 'nothing was read');
    await screenshot(page, 'refused-png');

    const junk = await upload(page, { name: 'foo.csv', mimeType: 'text/csv', buffer: Buffer.from('foo,bar\n1,2\n') });
    assert.match(junk, /foo\.csv does not look like a deal export: no column reads as a stage, an amount, an owner/);
    assert.match(junk, /"foo", "bar"/);
    assert.equal(await page.isVisible('[data-screen="upload"]'), true);
    assert.equal(await page.isDisabled('.topnav [data-go="dashboard"]'), true, 'nothing was audited');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});

test('a file over the page\'s 1 GB cap is refused before reading, pointing to the CLI, and the next file loads', async () => {
  // A sparse file: 1 GB and one byte on the file system, none of it on disk.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'revdiag-cap-'));
  const big = path.join(dir, 'whole-crm.csv');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 1024 ** 3 + 1);
  closeSync(fd);
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', big);
    await page.waitForFunction(() => /too large/.test(document.querySelector('#load-error')?.textContent || ''));
    const text = (await page.textContent('#load-error')) || '';
    assert.match(text, /whole-crm\.csv is too large for the page/);
    assert.match(text, /is 1\.0 GB; the page reads files up to 1 GB/);
    assert.match(text, /revdiag audit "whole-crm\.csv"/);
    assert.equal(await page.isDisabled('.topnav [data-go="mapping"]'), true, 'nothing was read');
    await page.setInputFiles('[data-testid="deal-file"]', path.join(ROOT, 'tests/fixtures/golden/healthy_deal_in_negotiation.csv'));
    await page.waitForSelector('[data-screen="mapping"]:not([hidden])');
    assertClean(app, assert);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a pipeline where every deal follows the process says so, with no empty links', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', path.join(ROOT, 'tests/fixtures/golden/healthy_deal_in_negotiation.csv'));
    await page.waitForSelector('[data-screen="mapping"]:not([hidden])');
    await page.fill('[data-testid="as-of"]', '2026-06-30');
    await page.click('#mapping-continue');
    await waitForAudit(page, '2026-06-30');
    await setAsOf(page, '2026-06-30');
    await page.waitForSelector('#deal-table .deal-row');
    const text = await page.textContent('#screen-dashboard');
    assert.equal(await page.getAttribute('[data-testid="weakest-layer"]', 'data-value'), '');
    assert.match(await page.textContent('[data-testid="weakest-layer"]'), /No layer fails/);
    assert.doesNotMatch(text, /Fix first/);
    assert.doesNotMatch(text, /Show the 0/);
    assert.doesNotMatch(text, /\b1 deals\b/);
    assert.match(await page.textContent('#layer-total'), /No layer fails/);
    assert.match(await page.textContent('.table-count'), /^1 deal /);
    assert.match(await page.textContent('[data-testid="deal-next"]'), /Nothing to do/);
    assert.match(await page.textContent('#owner-actions'), /No actions/);
    await screenshot(page, 'dashboard-healthy');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
