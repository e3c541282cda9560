// Evidence and coverage through the wasm module: the CLI's JSON byte for byte
// under both evidence modes (real exports and the per-CRM evidence fixtures),
// and a demo audited as of its own reference date when no as-of is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, fixtureBytes, CLI, FIXTURES } from './engine.mjs';

const REAL = readdirSync(path.join(FIXTURES, 'real')).filter((f) => f.endsWith('.csv')).sort().map((f) => `real/${f}`);
const EVIDENCE = readdirSync(path.join(FIXTURES, 'evidence')).filter((f) => f.endsWith('.csv')).sort()
  .map((f) => `evidence/${f}`);

function cli(args) {
  return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

test('wasm and CLI give the same bytes under available and strict evidence', async () => {
  const engine = await loadEngine();
  assert.equal(REAL.length, 5);
  assert.equal(EVIDENCE.length, 7);
  for (const relative of [...REAL, ...EVIDENCE]) {
    for (const evidence of ['available', 'strict']) {
      const options = { as_of: '2026-06-30', evidence };
      const fromWasm = engine.audit(fixtureBytes(relative), JSON.stringify(options));
      const report = JSON.parse(fromWasm);
      assert.equal(report.ok, true, relative);
      assert.equal(report.coverage.evidence, evidence, relative);
      const fromCli = cli(['audit', path.join(FIXTURES, relative), '--as-of', '2026-06-30', '--evidence', evidence,
        '--format', 'json']);
      assert.equal(fromWasm + '\n', fromCli, `${relative} (${evidence})`);
    }
  }
});

test('a demo without an as-of is audited as of its reference date in wasm and CLI alike', async () => {
  const engine = await loadEngine();
  const samples = JSON.parse(engine.samples());
  const demo = samples.demos[0].name;
  const fromWasm = engine.audit('', JSON.stringify({ sample: demo }));
  const report = JSON.parse(fromWasm);
  assert.equal(report.ok, true);
  assert.equal(report.as_of, samples.reference);
  assert.equal(fromWasm + '\n', cli(['audit', '--sample', demo, '--format', 'json']));
});
