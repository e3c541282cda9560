// Shared helper for the browser tests: serves build/site with scripts/serve.py
// (the CSP header on every response) on a free 127.0.0.1 port, launches the
// system Chromium through playwright-core, and records what a privacy or
// safety test must assert: requests leaving 127.0.0.1, CSP violations, console
// errors and page errors, dialogs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = process.env.REVDIAG_SITE || path.join(ROOT, 'build/site');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Resolve once the port accepts connections (the server is up). */
async function waitForPort(port, child, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve.py exited with ${child.exitCode}`);
    const up = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => { sock.end(); resolve(true); });
      sock.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`serve.py did not listen on ${port}`);
}

/** Start scripts/serve.py on a free port; returns {url, stop}. */
export async function startServer(site = SITE) {
  if (!existsSync(path.join(site, 'index.html'))) throw new Error(`no built site in ${site}: run ./scripts/build`);
  const port = await freePort();
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '--dir', site, '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    await waitForPort(port, child);
  } catch (e) {
    child.kill();
    throw new Error(`${e.message}\n${stderr}`);
  }
  return {
    url: `http://127.0.0.1:${port}/`,
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
