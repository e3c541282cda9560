// @ts-check
// The Content Security Policy is one policy wherever it is written: the header
// scripts/serve.py sends on every response (the worker and the wasm included,
// since a <meta> policy does not reach a worker), the sample static-host
// configuration web/_headers, the nginx and Apache lines of docs/web.md, and
// the page's <meta> tag (which cannot carry frame-ancestors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from './browser.mjs';

/** @param {string} policy */
const directives = (policy) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean).sort();

test('every response carries the one CSP, written the same in _headers, docs/web.md and the page', async () => {
  const headersFile = readFileSync(path.join(ROOT, 'web/_headers'), 'utf8');
  const policy = directives(/Content-Security-Policy: (.*)/.exec(headersFile)?.[1] ?? '');
  assert.ok(policy.includes("default-src 'none'") && policy.includes("connect-src 'self'"));
  const docs = readFileSync(path.join(ROOT, 'docs/web.md'), 'utf8');
  const documented = [...docs.matchAll(/Content-Security-Policy "([^"]*)"/g)].map((m) => directives(m[1]));
  assert.equal(documented.length, 2, 'nginx and Apache');
  for (const d of documented) assert.deepEqual(d, policy);
  const page = readFileSync(path.join(ROOT, 'web/index.html'), 'utf8');
  const meta = directives(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '');
  assert.deepEqual(meta, policy.filter((d) => !d.startsWith('frame-ancestors')));
  const server = await startServer();
  try {
    for (const file of ['', 'index.html', 'engine_worker.js', 'revdiag.js', 'revdiag.wasm', 'no-such-file']) {
      const response = await fetch(server.url + file);
      await response.arrayBuffer();
      assert.deepEqual(directives(response.headers.get('content-security-policy') ?? ''), policy, file || '/');
    }
  } finally {
    await server.stop();
  }
});
