// @ts-check
// The one JSON reader in wasm: every input kind's error names the same code,
// pointer, line and column as natively (the cases of fixtures/json/locations.json,
// which tests/core/json_test.cpp runs too), and hostile nesting leaves the module working.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES, loadEngine } from './engine.mjs';

const cases = JSON.parse(readFileSync(path.join(FIXTURES, 'json', 'locations.json'), 'utf8'));

/** The envelope one case's api call answers. @param {any} engine @param {any} c */
function answerOf(engine, c) {
  const t = (/** @type {string} */ key) => (typeof c[key] === 'string' ? c[key] : '');
  switch (c.call) {
    case 'process_check': return engine.process_check(t('process'), '', t('options'));
    case 'audit': return engine.audit(t('csv'), t('options'));
    case 'inspect': return engine.inspect(t('csv'), t('options'));
    case 'sample': return engine.sample(t('options'));
    case 'diagnose': return engine.diagnose(t('answers'), t('options'));
    case 'snapshot': return engine.snapshot(t('answers'));
    case 'simulate': return engine.simulate(t('csv'), t('options'));
    case 'session': {
      const s = new engine.Session(t('options'));
      try { return s.push('x'); } finally { s.delete(); }
    }
    case 'deals': {
      const s = new engine.Session('');
      try {
        s.push(t('csv'));
        s.finish('');
        s.audit('{"as_of":"2026-06-30"}');
        return s.deals(t('query'));
      } finally { s.delete(); }
    }
    default: throw new Error(`unknown call ${c.call}`);
  }
}

test('every json input reports its code, pointer, line and column in wasm as natively', async () => {
  const engine = await loadEngine();
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const got = JSON.parse(answerOf(engine, c));
    assert.equal(got.ok, false, c.name);
    assert.deepEqual(
      { code: got.error.code, source: got.error.at.source, pointer: got.error.at.pointer || '', line: got.error.at.line, column: got.error.at.column },
      { code: c.code, source: c.source, pointer: c.pointer, line: c.line, column: c.column },
      c.name);
  }
});

test('a process nested 100000 deep inside audit options is too_deep and the module keeps working', async () => {
  const engine = await loadEngine();
  const options = '{"process": {"name": ' + '['.repeat(100000) + ']'.repeat(100000) + '}}';
  const got = JSON.parse(engine.audit('Deal Name,Stage\nA,Proposal\n', options));
  assert.equal(got.ok, false);
  assert.equal(got.error.code, 'options.too_deep');
  assert.equal(got.error.at.line, 1);
  assert.equal(got.error.at.column, 22 + 30);
  assert.equal(JSON.parse(engine.process_default()).ok, true);
});

test('a rule error gives the column inside the rule beside the file column', async () => {
  const engine = await loadEngine();
  const text = '{"schema": "revdiag.process/1", "stages": [{"id": "a", "name": "A", "probability": 0.1,\n'
    + ' "criteria": [{"id": "A1", "rule": "contains(owner, \\"x\\") and "}]}]}';
  const got = JSON.parse(engine.process_check(text, '', ''));
  assert.equal(got.ok, false);
  assert.equal(got.error.at.pointer, '/stages/0/criteria/0/rule');
  assert.equal(got.error.at.line, 2);
  assert.equal(got.error.at.rule_column, 26);
});
