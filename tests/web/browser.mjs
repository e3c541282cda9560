// Shared helper for the browser tests: serves build/site with scripts/serve.py
// (the CSP header on every response) on a free 127.0.0.1 port, launches the
// system Chromium through playwright-core, and records what a privacy or
// safety test must assert: requests leaving 127.0.0.1, CSP violations, console
// errors and page errors, dialogs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = process.env.REVDIAG_SITE || path.join(ROOT, 'build/site');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Start scripts/serve.py on a free port (it prints the URL it serves); returns {url, stop}. */
export async function startServer(site = SITE) {
  if (!existsSync(path.join(site, 'index.html'))) throw new Error(`no built site in ${site}: run ./scripts/build`);
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), site, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.py did not start:\n${output}`)), 10000);
    const onData = (/** @type {Buffer} */ d) => {
      output += d;
      const m = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}:\n${output}`)); });
  });
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill();
    }),
  };
}

/**
 * Open the app in a fresh headless Chromium.
 * @param {{width?: number, height?: number, path?: string}} [options]
 */
export async function openApp(options = {}) {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: options.width || 1280, height: options.height || 900 },
    acceptDownloads: true,
  });
  const origin = new URL(server.url).origin;
  /** @type {string[]} */ const foreignRequests = [];
  /** @type {string[]} */ const cspViolations = [];
  /** @type {string[]} */ const consoleErrors = [];
  /** @type {string[]} */ const dialogs = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) cspViolations.push(text);
    else consoleErrors.push(text);
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  // securitypolicyviolation events also fire for blocked inline styles and in workers' pages.
  await page.exposeBinding('__revdiagCsp', (_src, text) => { cspViolations.push(text); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      /** @type {any} */ (window).__revdiagCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(server.url + (options.path || ''));
  return {
    browser, context, page, url: server.url, foreignRequests, cspViolations, consoleErrors, dialogs,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Save a full-page screenshot to build/screenshots/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Run axe-core on the current screen; returns the serious and critical violations.
 * evaluate() runs through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page) {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate(async () => /** @type {any} */ (window).axe.run(document, {
    resultTypes: ['violations'],
  }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
}

/** The native CLI built by scripts/build (or REVDIAG_CLI). */
export function cliPath() {
  const candidates = [process.env.REVDIAG_CLI, 'build/native-release/cli/revdiag', 'build/native-release/revdiag',
    'build/dev/cli/revdiag', 'build/native/cli/revdiag'].filter(Boolean).map((p) => path.resolve(ROOT, p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`revdiag CLI not built (looked in ${candidates.join(', ')})`);
  return found;
}

/** Run the CLI; returns {status, stdout, stderr}. @param {string[]} args */
export async function runCli(args) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(cliPath(), args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's audit report (JSON) for the same inputs the page used. @param {string[]} args */
export async function cliAudit(args) {
  const r = await runCli(['audit', ...args, '--format', 'json']);
  if (r.status !== 0) throw new Error(`revdiag audit ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Wait for an audit dated asOf to be on screen (and no request running). */
export async function waitForAudit(page, asOf) {
  await page.waitForFunction((d) => document.body.dataset.busy === 'false'
    && (!d || document.body.dataset.auditAsOf === d)
    && document.querySelector('[data-testid="stated-total"]') !== null, asOf, { timeout: 60000 });
}

/** The key figures as the page states them (DESIGN §7). */
export async function readFigures(page) {
  return page.evaluate(() => {
    const value = (/** @type {string} */ id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');
    const layers = {};
    for (const el of document.querySelectorAll('[data-testid^="layer-"]')) {
      layers[el.getAttribute('data-testid').slice(6)] = {
        deals: Number(el.getAttribute('data-deals')), amount: Number(el.getAttribute('data-amount')) };
    }
    return { open_deals: Number(value('open-deals')), stated_total: Number(value('stated-total')),
      real_total: Number(value('real-total')), weakest_layer: value('weakest-layer'), layers };
  });
}

/** The same figures read from an audit report. */
export function reportFigures(report) {
  const layers = {};
  for (const l of report.layers) layers[l.id] = { deals: l.deals_failing, amount: l.amount_at_risk };
  const s = report.summary;
  return { open_deals: s.open_deals, stated_total: s.stated_total, real_total: s.real_total,
    weakest_layer: s.weakest_layer, layers };
}

/** Set the as-of date and wait for the audit of that date. */
export async function setAsOf(page, asOf) {
  await page.fill('[data-testid="as-of"]', asOf);
  await page.dispatchEvent('[data-testid="as-of"]', 'change');
}

/** Assert the privacy and safety invariants every test ends with. */
export function assertClean(app, assert) {
  assert.deepEqual(app.foreignRequests, [], 'requests left 127.0.0.1');
  assert.deepEqual(app.cspViolations, [], 'CSP violations');
  assert.deepEqual(app.consoleErrors, [], 'console errors');
  assert.deepEqual(app.dialogs, [], 'dialogs opened');
}
