// The audit through the wasm module gives the CLI's JSON byte for byte: every
// golden case (with its options) and the five real exports, plus the flagged
// CSV, a streamed Session and the built-in samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEngine, fixtureBytes, CLI, FIXTURES } from './engine.mjs';

const AS_OF = '2026-06-30';
const REAL = ['dynamics365-opportunity.csv', 'hubspot-deals.csv', 'maven-crm-sales-pipeline.csv',
  'salesforce-opportunity.csv', 'zoho-potentials.csv'].map((f) => `real/${f}`);
const GOLDEN = readdirSync(path.join(FIXTURES, 'golden')).filter((f) => f.endsWith('.csv')).sort().map((f) => `golden/${f}`);
const scratch = mkdtempSync(path.join(tmpdir(), 'revdiag-audit-'));

/** The case's api options and the same request as CLI arguments. */
function caseRequest(relative) {
  const options = { as_of: AS_OF };
  const extra = path.join(FIXTURES, relative.replace(/\.csv$/, '.options.json'));
  if (existsSync(extra)) Object.assign(options, JSON.parse(readFileSync(extra, 'utf8')));
  const args = ['audit', path.join(FIXTURES, relative), '--as-of', options.as_of];
  for (const [recorded, stage] of Object.entries(options.stage_map || {})) args.push('--stage-map', `${recorded}=${stage}`);
  if (options.process) {
    const file = path.join(scratch, path.basename(relative, '.csv') + '.process.json');
    writeFileSync(file, JSON.stringify(options.process));
    args.push('--process', file);
  }
  return { options, args };
}

function cli(args) {
  return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

test('wasm audit JSON equals CLI JSON byte for byte on golden cases and real exports', async () => {
  const engine = await loadEngine();
  assert.ok(GOLDEN.length >= 20);
  for (const relative of [...GOLDEN, ...REAL]) {
    const { options, args } = caseRequest(relative);
    const fromWasm = engine.audit(fixtureBytes(relative), JSON.stringify(options));
    assert.equal(JSON.parse(fromWasm).ok, true, relative);
    const fromCli = cli([...args, '--format', 'json']);
    assert.equal(fromWasm + '\n', fromCli, relative);
  }
});

test('wasm audit matches the checked-in golden reports', async () => {
  const engine = await loadEngine();
  for (const relative of GOLDEN) {
    const { options } = caseRequest(relative);
    const actual = JSON.parse(engine.audit(fixtureBytes(relative), JSON.stringify(options)));
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, relative.replace(/\.csv$/, '.expected.json')), 'utf8'));
    delete actual.input;
    delete expected.input;
    assert.deepEqual(actual, expected, relative);
  }
});

test('wasm flagged CSV equals the CLI csv format', async () => {
  const engine = await loadEngine();
  for (const relative of ['golden/hostile_text_is_data.csv', 'real/hubspot-deals.csv']) {
    const { options, args } = caseRequest(relative);
    const envelope = JSON.parse(engine.flagged_csv(fixtureBytes(relative), JSON.stringify(options)));
    assert.equal(envelope.ok, true);
    assert.equal(envelope.csv, cli([...args, '--format', 'csv']), relative);
  }
});

test('a wasm Session fed in chunks audits like the one-shot call and serves deal windows', async () => {
  const engine = await loadEngine();
  const bytes = fixtureBytes('real/salesforce-opportunity.csv');
  const options = JSON.stringify({ as_of: AS_OF });
  const session = new engine.Session('');
  try {
    for (let at = 0; at < bytes.length; at += 997) {
      assert.equal(JSON.parse(session.push(bytes.subarray(at, at + 997))).ok, true);
    }
    assert.equal(JSON.parse(session.finish('')).ok, true);
    assert.equal(session.audit(options), engine.audit(bytes, options));
    const window = JSON.parse(session.deals(JSON.stringify({ sort: { key: 'amount', desc: true }, limit: 5 })));
    assert.equal(window.ok, true);
    assert.equal(window.deals.length, 5);
    const amounts = window.deals.map((d) => d.amount);
    assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a));
    assert.equal(JSON.parse(session.flagged_csv()).csv, JSON.parse(engine.flagged_csv(bytes, options)).csv);
  } finally {
    session.delete();
  }
});

test('Session.push reads a Uint8Array, an ArrayBuffer or a string alike and refuses other values', async () => {
  const engine = await loadEngine();
  const bytes = fixtureBytes('real/hubspot-deals.csv');
  const text = new TextDecoder().decode(bytes);
  const options = JSON.stringify({ as_of: AS_OF });
  const expected = engine.audit(bytes, options);
  const slices = [(a, b) => bytes.subarray(a, b), (a, b) => bytes.slice(a, b).buffer];
  for (const slice of slices) {
    const session = new engine.Session('');
    try {
      for (let at = 0; at < bytes.length; at += 613) assert.equal(JSON.parse(session.push(slice(at, at + 613))).ok, true);
      assert.equal(JSON.parse(session.finish('')).ok, true);
      assert.equal(session.audit(options), expected);
    } finally {
      session.delete();
    }
  }
  const session = new engine.Session('');
  try {
    assert.equal(JSON.parse(session.push(text)).ok, true);
    assert.equal(JSON.parse(session.finish('')).ok, true);
    assert.equal(session.audit(options), expected);
    assert.throws(() => session.push(42));
  } finally {
    session.delete();
  }
});

test('wasm samples and demo audits equal the CLI', async () => {
  const engine = await loadEngine();
  const list = JSON.parse(engine.samples());
  assert.ok(list.demos.length >= 3);
  for (const demo of list.demos) {
    const fromWasm = engine.audit('', JSON.stringify({ as_of: AS_OF, sample: demo.name }));
    assert.equal(fromWasm + '\n', cli(['audit', '--sample', demo.name, '--as-of', AS_OF, '--format', 'json']), demo.name);
    const csv = JSON.parse(engine.sample(JSON.stringify({ demo: demo.name }))).csv;
    assert.equal(csv, cli(['sample', '--demo', demo.name]), demo.name);
  }
});
