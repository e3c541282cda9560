// Native equals wasm on the fuzz corpora (issue 17): every CSV the ingest
// fuzzer kept is audited, every process file checked and every answers file
// scored by both builds, and the envelopes must be the same bytes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, ROOT, loadEngine } from './engine.mjs';

// The tool sits in the same build as the CLI the suite is given.
const TOOL = path.join(path.dirname(path.dirname(CLI)), 'fuzz', 'corpus_outputs');

/** @param {string} kind @param {string} corpus @param {(engine: any, bytes: Uint8Array) => string} wasm */
async function compare(kind, corpus, wasm) {
  const dir = path.join(ROOT, 'fuzz', 'corpus', corpus);
  const run = spawnSync(TOOL, [kind, dir], { maxBuffer: 1 << 30, encoding: 'utf8' });
  assert.equal(run.status, 0, `${TOOL}: ${run.stderr}`);
  const native = new Map(run.stdout.split('\n').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    return [line.slice(0, tab), line.slice(tab + 1)];
  }));
  const files = readdirSync(dir).sort();
  assert.equal(native.size, files.length, 'the native tool answered every file');
  assert.ok(files.length >= 10, `${corpus} has a corpus (${files.length} files)`);
  const engine = await loadEngine();
  let differ = 0;
  for (const name of files) {
    const got = wasm(engine, new Uint8Array(readFileSync(path.join(dir, name))));
    if (got !== native.get(name)) {
      differ++;
      if (differ <= 3) assert.equal(got, native.get(name), `${corpus}/${name}: wasm and native differ`);
    }
  }
  assert.equal(differ, 0);
}

test('wasm audits every ingest corpus file to the native bytes', () =>
  compare('audit', 'ingest', (e, b) => e.audit(b, JSON.stringify({ as_of: '2026-06-30' }))));
test('wasm checks every process corpus file to the native bytes', () =>
  compare('process', 'process', (e, b) => e.process_check(b, '', '{}')));
test('wasm scores every answers corpus file to the native bytes', () =>
  compare('diagnose', 'answers', (e, b) => e.diagnose(b, '{}')));
