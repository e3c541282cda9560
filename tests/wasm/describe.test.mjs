// api::describe and api::match_stages through the wasm module: the page's
// vocabulary and stage matching are the engine's, byte for byte the CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadEngine, CLI } from './engine.mjs';

test('wasm describe is byte-identical to the CLI describe json', async () => {
  const engine = await loadEngine();
  const fromWasm = engine.describe();
  const fromCli = execFileSync(CLI, ['describe', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(fromWasm + '\n', fromCli);
  const d = JSON.parse(fromWasm);
  assert.equal(d.schema, 'revdiag.describe/1');
  assert.deepEqual(d.layers.map((/** @type {any} */ l) => l.id), ['stages', 'exit_criteria', 'ownership', 'follow_up', 'archive']);
  assert.ok(d.findings.length >= 14);
  assert.ok(d.crms.some((/** @type {any} */ c) => c.id === 'dynamics' && c.name === 'Dynamics 365'));
});

test('wasm match_stages folds Unicode case as the native engine does', async () => {
  const engine = await loadEngine();
  const process = JSON.parse(engine.process_default()).process;
  process.stages[1].aliases.push('Выявление потребностей');
  const values = ['ВЫЯВЛЕНИЕ ПОТРЕБНОСТЕЙ', 'Proposal / Quote', 'Propoſal', 'NÉGOCIATION', ''];
  const env = JSON.parse(engine.match_stages(JSON.stringify(process), JSON.stringify({ values })));
  assert.equal(env.ok, true, JSON.stringify(env.error));
  assert.deepEqual(env.matches.map((/** @type {any} */ m) => m.stage), ['discovery', 'proposal', 'proposal', null, null]);
  const bad = JSON.parse(engine.match_stages('', JSON.stringify({ values: ['x', 4] })));
  assert.equal(bad.ok, false);
  assert.equal(bad.error.at.pointer, '/values/1');
});
