// The simulator through the wasm module gives the CLI's JSON byte for byte:
// the same seed draws the same numbers in both builds (forecast trials, buyer
// responses), on the hand-made export, the real exports and a generated sample,
// through api.simulate and through a streamed Session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEngine, fixtureBytes, CLI, FIXTURES } from './engine.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'revdiag-simulate-'));

function cli(args) {
  return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

const REQUESTS = [
  { options: { as_of: '2026-06-30', trials: 2000, seed: 7 }, args: ['--as-of', '2026-06-30', '--trials', '2000', '--seed', '7'] },
  {
    options: { as_of: '2026-06-30', trials: 500, seed: 12345678901, policy: 'enforced', response_rate: 0.03, target: 50000, set: { inactive_after_days: 21 } },
    args: ['--as-of', '2026-06-30', '--trials', '500', '--seed', '12345678901', '--policy', 'enforced', '--response-rate', '0.03',
      '--target', '50000', '--set', 'inactive_after_days=21'],
  },
];

test('wasm simulate JSON equals CLI JSON byte for byte for the same seed', async () => {
  const engine = await loadEngine();
  const files = ['simulate/hand.csv', 'real/hubspot-deals.csv', 'real/maven-crm-sales-pipeline.csv', 'real/salesforce-opportunity.csv'];
  for (const relative of files) {
    for (const { options, args } of REQUESTS) {
      const fromWasm = engine.simulate(fixtureBytes(relative), JSON.stringify(options));
      assert.equal(JSON.parse(fromWasm).ok, true, relative);
      const fromCli = cli(['simulate', path.join(FIXTURES, relative), ...args, '--format', 'json']);
      assert.equal(fromWasm + '\n', fromCli, `${relative} ${JSON.stringify(options)}`);
    }
  }
});

test('a streamed Session simulates as the CLI does on a generated sample', async () => {
  const engine = await loadEngine();
  const sample = JSON.parse(engine.sample(JSON.stringify({ crm: 'pipedrive', deals: 3000, seed: 4 })));
  assert.equal(sample.ok, true);
  const file = path.join(scratch, 'sample.csv');
  writeFileSync(file, sample.csv);
  const bytes = new TextEncoder().encode(sample.csv);
  const session = new engine.Session('{}');
  for (let at = 0; at < bytes.length; at += 65536) assert.equal(JSON.parse(session.push(bytes.subarray(at, at + 65536))).ok, true);
  assert.equal(JSON.parse(session.finish('{}')).ok, true);
  const { options, args } = REQUESTS[1];
  const fromSession = session.simulate(JSON.stringify(options));
  session.delete();
  const parsed = JSON.parse(fromSession);
  assert.equal(parsed.ok, true);
  assert.ok(parsed.forward.days.some((d) => d.events.responded), 'buyers responded on some day');
  assert.equal(fromSession + '\n', cli(['simulate', file, ...args, '--format', 'json']));
});

test('wasm simulate answers settings errors with their pointer', async () => {
  const engine = await loadEngine();
  const r = JSON.parse(engine.simulate(fixtureBytes('simulate/hand.csv'), JSON.stringify({ set: { inactive_after_days: 'soon' } })));
  assert.equal(r.ok, false);
  assert.equal(r.error.at.pointer, '/set/inactive_after_days');
});
