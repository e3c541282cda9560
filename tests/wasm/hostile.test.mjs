// @ts-check
// Hostile exports through the wasm module: the same rows, warnings (code, line,
// column) or error as the native expectations in tests/fixtures/hostile, and
// the CLI's inspect and audit JSON byte for byte; plus the process and rule
// limits, answered as envelopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, fixtureBytes, CLI, FIXTURES } from './engine.mjs';

const CASES = readdirSync(path.join(FIXTURES, 'hostile')).filter((f) => f.endsWith('.csv')).sort();

/** @param {string[]} args */
function cli(args) {
  try {
    return execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  } catch (e) {
    return /** @type {{stdout: string}} */ (e).stdout; // exit 1: the ok:false envelope is still on stdout
  }
}

test('every hostile export reads in wasm as expected natively', async () => {
  const engine = await loadEngine();
  assert.ok(CASES.length >= 11);
  for (const file of CASES) {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'hostile', file.replace(/\.csv$/, '.expected.json')), 'utf8'));
    const got = JSON.parse(engine.inspect(fixtureBytes(`hostile/${file}`), '{"rows":true}'));
    if (expected.error) {
      assert.equal(got.ok, false, file);
      assert.deepEqual([got.error.code, got.error.at.line ?? 0, got.error.at.column ?? 0],
        [expected.error.code, expected.error.line, expected.error.column], file);
      continue;
    }
    assert.equal(got.ok, true, file);
    assert.equal(got.rows, expected.rows, file);
    const warnings = got.warnings.map((/** @type {any} */ w) => ({ code: w.code, line: w.at.line ?? 0, column: w.at.column ?? 0 }));
    assert.deepEqual(warnings, expected.warnings, file);
  }
});

test('wasm inspect and audit equal the CLI byte for byte on every hostile export', async () => {
  const engine = await loadEngine();
  for (const file of CASES) {
    const full = path.join(FIXTURES, 'hostile', file);
    const inspected = engine.inspect(fixtureBytes(`hostile/${file}`), '{"map":{},"rows":true}');
    assert.equal(inspected, cli(['inspect', full, '--rows', '--format', 'json']).trimEnd(), file);
    const audited = engine.audit(fixtureBytes(`hostile/${file}`), '{"as_of":"2026-04-01"}');
    assert.equal(audited, cli(['audit', full, '--as-of', '2026-04-01', '--format', 'json']).trimEnd(), file);
  }
});

test('an amount of 1e23 is refused in wasm as natively and the stated total stays exact', async () => {
  const engine = await loadEngine();
  const report = JSON.parse(engine.audit(fixtureBytes('hostile/amount_1e23_left_out.csv'), '{"as_of":"2026-04-01"}'));
  assert.equal(report.ok, true);
  assert.equal(report.summary.stated_total, 500);
  const lines = report.input.warnings.filter((/** @type {any} */ w) => w.code === 'value.implausible_amount').map((/** @type {any} */ w) => w.at.line);
  assert.deepEqual(lines, [2, 3, 5]);
});

test('a process of 100,000 stages is refused quickly in wasm with a limit error', async () => {
  const engine = await loadEngine();
  const stages = Array.from({ length: 100000 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}`, probability: 0.5 }));
  const started = Date.now();
  const checked = JSON.parse(engine.process_check(JSON.stringify({ schema: 'revdiag.process/1', stages }), '', ''));
  assert.equal(checked.ok, false);
  assert.equal(checked.error.code, 'process.too_many_stages');
  assert.ok(Date.now() - started < 10000);
});

test('the deepest process, answers, rule and quote inputs answer in wasm on its 64 KiB stack', async () => {
  const engine = await loadEngine();
  const deepProcess = JSON.parse(engine.process_check('['.repeat(100000) + ']'.repeat(100000), '', ''));
  assert.equal(deepProcess.error.code, 'process.too_deep');
  const deepAnswers = JSON.parse(engine.diagnose('{'.repeat(100000), ''));
  assert.equal(deepAnswers.ok, false);
  const rule = '('.repeat(100000) + 'problem_confirmed' + ')'.repeat(100000);
  const stages = [{ id: 'a', name: 'A', probability: 0.5, criteria: [{ id: 'A1', rule }] }];
  const deepRule = JSON.parse(engine.process_check(JSON.stringify({ schema: 'revdiag.process/1', stages }), '', ''));
  assert.equal(deepRule.error.code, 'rule.too_deep');
  const quotes = JSON.parse(engine.inspect('"'.repeat(100001), ''));
  assert.equal(quotes.ok, false);
});

test('every bad answers file gives in wasm the code, pointer, line and column expected natively', async () => {
  const engine = await loadEngine();
  const dir = path.join(FIXTURES, 'diagnostic', 'bad');
  const cases = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));
  assert.ok(cases.length >= 14);
  for (const file of cases) {
    const expected = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const answers = readFileSync(path.join(dir, file.replace('.expected.json', '.answers.json')), 'utf8');
    const got = JSON.parse(expected.api === 'snapshot' ? engine.snapshot(answers) : engine.diagnose(answers, ''));
    assert.equal(got.ok, false, file);
    assert.equal(got.error.code, expected.code, file);
    assert.ok(got.error.message.includes(expected.message_contains), file);
    for (const key of ['pointer', 'line', 'column']) {
      if (key in expected) assert.equal(got.error.at[key], expected[key], `${file} ${key}`);
    }
    if (got.error.code.startsWith('answers.')) assert.ok(got.error.at.line > 0 && got.error.at.column > 0, file);
  }
});

test('rule mistakes point at the right place in wasm: unclosed (, present(5), look-alike letters, huge names', async () => {
  const engine = await loadEngine();
  /** @param {string} rule */
  const check = (rule) => {
    const stages = [{ id: 'a', name: 'A', probability: 0.5, criteria: [{ id: 'A1', label: 'x', rule }] }];
    return JSON.parse(engine.process_check(JSON.stringify({ schema: 'revdiag.process/1', stages }), '', '')).error;
  };
  const unclosed = check('(amount > 1 and owner');
  assert.deepEqual([unclosed.code, unclosed.message.includes('At column 1: this `(` is never closed')], ['rule.syntax', true]);
  const constant = check('present(5)');
  assert.equal(constant.code, 'rule.type');
  assert.match(constant.message, /present needs a field/);
  const homoglyph = check('am\u043eunt > 0');
  assert.equal(homoglyph.code, 'rule.syntax');
  assert.match(homoglyph.message, /U\+043E CYRILLIC SMALL LETTER O, not the ASCII o/);
  for (const size of [200000, 1 << 20]) {
    const started = Date.now();
    const huge = check('a'.repeat(size) + ' == 1');
    assert.ok(Date.now() - started < 2000, `${size}: ${Date.now() - started} ms`);
    assert.equal(huge.code, size > 262144 ? 'rule.too_long' : 'rule.name_too_long');
    assert.ok(huge.message.length < 400, `${size}: a message of ${huge.message.length} characters`);
  }
});
