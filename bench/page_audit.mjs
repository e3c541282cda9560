// The time a user waits in the page: headless Chromium opens the app on
// loopback (time to interactive = the demo list, which needs the worker and the
// wasm module, is on screen), then a file goes through the picker, the worker's
// chunked read, the mapping step and the audit until the key figures are shown.
// Prints {"interactive_seconds","audit_seconds"}.
// Usage: node bench/page_audit.mjs FILE [--as-of D]
import { chromium } from 'playwright-core';
import { startServer } from '../tests/web/browser.mjs';

const args = process.argv.slice(2);
const file = args[0];
const i = args.indexOf('--as-of');
const asOf = i >= 0 ? args[i + 1] : '2026-06-30';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#demo-list .demo-button');
  const interactive = await page.evaluate(() => performance.now() / 1000);
  await page.click('.entry-card [data-go="upload"]');
  await page.fill('[data-testid="as-of"]', asOf).catch(() => {});
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="deal-file"]', file);
  await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #mapping-continue', { timeout: 600000 });
  await page.click('#mapping-continue');
  await page.waitForFunction(() => document.body.dataset.busy === 'false'
    && document.querySelector('[data-testid="stated-total"]') !== null, null, { timeout: 600000 });
  const audit = (Date.now() - t0) / 1000;
  console.log(JSON.stringify({ interactive_seconds: interactive, audit_seconds: audit }));
} finally {
  await browser.close();
  await server.stop();
}
