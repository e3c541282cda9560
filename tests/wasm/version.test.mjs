import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadEngine, CLI } from './engine.mjs';

test('the wasm module answers a version envelope identical to the CLI', async () => {
  const engine = await loadEngine();
  const fromWasm = engine.version();
  const envelope = JSON.parse(fromWasm);
  assert.equal(envelope.schema, 'revdiag.version/1');
  assert.equal(envelope.ok, true);
  assert.match(envelope.version, /^\d+\.\d+\.\d+$/);
  const fromCli = execFileSync(CLI, ['version'], { encoding: 'utf8' }).trimEnd();
  assert.equal(fromWasm, fromCli);
});
