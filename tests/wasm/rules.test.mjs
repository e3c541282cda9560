// The process and rule checks in the wasm module: the same fixtures as the
// native suite, identical envelopes to the CLI, and deep nesting (the wasm
// stack is 64 KB) answered with an error instead of a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, CLI, FIXTURES } from './engine.mjs';

const processWith = (rule) => JSON.stringify({
  schema: 'revdiag.process/1',
  stages: [{ id: 'a', name: 'A', probability: 0.5, criteria: [{ id: 'A1', label: 'deep', rule }] }],
});

test('process_default in wasm is byte-identical to the CLI', async () => {
  const engine = await loadEngine();
  const fromWasm = engine.process_default();
  const envelope = JSON.parse(fromWasm);
  assert.equal(envelope.ok, true);
  assert.equal(envelope.process.stages.length, 8);
  const fromCli = execFileSync(CLI, ['process', 'default', '--format', 'json'], { encoding: 'utf8' }).trimEnd();
  assert.equal(fromWasm, fromCli);
});

test('process fixtures give the same findings and error locations in wasm', async () => {
  const engine = await loadEngine();
  const dir = path.join(FIXTURES, 'process');
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.expected.'));
  assert.ok(cases.length >= 30);
  for (const file of cases) {
    const expected = JSON.parse(readFileSync(path.join(dir, file.replace(/\.json$/, '.expected.json')), 'utf8'));
    const got = JSON.parse(engine.process_check(readFileSync(path.join(dir, file), 'utf8'), '', ''));
    assert.equal(got.ok, expected.ok, file);
    if (expected.ok) {
      assert.deepEqual(got.findings.map((f) => f.code), expected.findings, file);
    } else {
      assert.equal(got.error.code, expected.code, file);
      assert.equal(got.error.at.pointer ?? '', expected.pointer, file);
      assert.equal(got.error.at.line, expected.line, file);
      assert.equal(got.error.at.column, expected.column, file);
    }
  }
});

test('a 10000 level nested rule is a too_deep error and the module keeps working', async () => {
  const engine = await loadEngine();
  const deep = [
    '('.repeat(10000) + 'problem_confirmed' + ')'.repeat(10000),
    'not '.repeat(10000) + 'problem_confirmed',
    '-'.repeat(10000) + 'amount > 0',
    'lower('.repeat(10000) + 'owner' + ')'.repeat(10000) + ' == "x"',
  ];
  for (const rule of deep) {
    const got = JSON.parse(engine.process_check(processWith(rule), '', ''));
    assert.equal(got.ok, false);
    assert.equal(got.error.code, 'rule.too_deep');
    assert.equal(got.error.at.pointer, '/stages/0/criteria/0/rule');
  }
  // 64 levels, the limit, still fit the 64 KB stack on the deepest recursion path.
  for (const rule of ['('.repeat(64) + 'problem_confirmed' + ')'.repeat(64),
    'lower('.repeat(64) + 'owner' + ')'.repeat(64) + ' == "x"', 'not '.repeat(64) + 'problem_confirmed']) {
    assert.equal(JSON.parse(engine.process_check(processWith(rule), '', '')).ok, true);
  }
  const flat = 'problem_confirmed' + ' or budget_confirmed'.repeat(10000);
  assert.equal(JSON.parse(engine.process_check(processWith(flat), '', '')).ok, true);
  assert.equal(JSON.parse(engine.version()).ok, true);
});

test('a 10000 level nested process document is a too_deep error in wasm', async () => {
  const engine = await loadEngine();
  const text = '{"schema": "revdiag.process/1", "name": ' + '['.repeat(10000) + ']'.repeat(10000) + '}';
  const got = JSON.parse(engine.process_check(text, '', ''));
  assert.equal(got.ok, false);
  assert.equal(got.error.code, 'process.too_deep');
  assert.equal(JSON.parse(engine.process_default()).ok, true);
});

test('process_check against an export is byte-identical in wasm and the CLI', async () => {
  const engine = await loadEngine();
  const processFile = path.join(FIXTURES, 'process', 'against', 'lead_source_process.json');
  const csvFile = path.join(FIXTURES, 'process', 'against', 'pilot_stage_and_lead_source.csv');
  const fromWasm = engine.process_check(readFileSync(processFile, 'utf8'), readFileSync(csvFile, 'utf8'), '');
  const envelope = JSON.parse(fromWasm);
  assert.equal(envelope.ok, true);
  assert.deepEqual(envelope.findings.map((f) => f.code), ['STAGE_COUNT', 'FIELD_NOT_RECORDED', 'STAGE_UNKNOWN']);
  let fromCli = '';
  try {
    fromCli = execFileSync(CLI, ['process', 'check', processFile, '--against', csvFile, '--format', 'json'], { encoding: 'utf8' });
  } catch (e) {
    fromCli = e.stdout;
  }
  assert.equal(fromWasm, fromCli.trimEnd());
});
