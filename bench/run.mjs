// Runs every benchmark in one process tree on the same generated files and
// writes bench/RESULTS.md: native CLI audit, the wasm audit in Node, the page in
// headless Chromium, and the JavaScript peers (uDSV, PapaParse: parse only).
// Medians of several runs; the spread (max/min) says how noisy they were.
// Usage: node bench/run.mjs [--sizes 10000,100000,1000000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt('--sizes', '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(opt('--runs', '3'));
const CLI = path.join(ROOT, 'build/native-release/cli/revdiag');
const DATA = path.join(ROOT, 'build/bench');
const AS_OF = '2026-06-30';
mkdirSync(DATA, { recursive: true });

/** Runs a command under GNU time; returns wall seconds, peak RSS (bytes) and stdout. */
function measure(cmd, cmdArgs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const rss = Number(lines[lines.length - 1]) * 1024;
  return { seconds, rss, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => Math.max(...xs) / Math.min(...xs);

/** Repeats fn RUNS times; each run returns {key: number}; returns medians and spreads. */
function repeat(fn) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(fn());
  const out = {};
  for (const k of Object.keys(runs[0])) {
    if (typeof runs[0][k] !== 'number') continue;
    out[k] = median(runs.map((r) => r[k]));
    out[`${k}_spread`] = spread(runs.map((r) => r[k]));
  }
  return out;
}

function sampleFile(n) {
  const file = path.join(DATA, `deals-${n}.csv`);
  if (!existsSync(file)) {
    const r = spawnSync(CLI, ['sample', '--crm', 'salesforce', '--deals', String(n), '--seed', '7', '--out', file],
                        { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sample failed: ${r.stderr}`);
  }
  return file;
}

const results = [];
for (const n of SIZES) {
  const file = sampleFile(n);
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  console.error(`bench: ${n} deals, ${mb.toFixed(1)} MB`);
  const row = { deals: n, mb };
  row.native = repeat(() => {
    const m = measure(CLI, ['audit', file, '--as-of', AS_OF, '--format', 'json', '--out', '/dev/null']);
    return { seconds: m.seconds, rss: m.rss };
  });
  row.native_reader = repeat(() => {
    const m = measure(CLI, ['inspect', file, '--format', 'json']);
    return { seconds: m.seconds, rss: m.rss };
  });
  row.wasm = repeat(() => {
    const m = measure('node', [path.join(ROOT, 'bench/wasm_audit.mjs'), file, '--as-of', AS_OF,
                               ...(n <= 100000 ? ['--rerun'] : [])]);
    const j = JSON.parse(m.stdout);
    return { seconds: j.total_seconds, read: j.read_seconds, finish: j.finish_seconds, audit: j.audit_seconds,
             rerun: j.rerun_seconds ?? NaN, rss: m.rss };
  });
  row.node_baseline = repeat(() => {
    const m = measure('node', ['-e', '0']);
    return { rss: m.rss };
  });
  for (const peer of ['udsv', 'papaparse']) {
    row[peer] = repeat(() => {
      const m = measure('node', [path.join(ROOT, 'bench/peer_parse.mjs'), peer, file]);
      return { seconds: JSON.parse(m.stdout).seconds, rss: m.rss };
    });
  }
  if (existsSync(path.join(ROOT, 'bench/page_audit.mjs'))) {
    row.page = repeat(() => {
      const m = measure('node', [path.join(ROOT, 'bench/page_audit.mjs'), file, '--as-of', AS_OF]);
      const j = JSON.parse(m.stdout);
      return { seconds: j.audit_seconds, interactive: j.interactive_seconds };
    });
  }
  results.push(row);
  console.error(JSON.stringify(row));
}

const wasmSize = statSync(path.join(ROOT, 'build/wasm-release/wasm/revdiag.wasm')).size;
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Written by \`scripts/bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ` +
           `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}. ` +
           `Inputs: \`revdiag sample --crm salesforce --seed 7 --deals N\`. Medians of ${RUNS} runs; "spread" is max/min over the runs.`, '');
lines.push(`revdiag.wasm: ${(wasmSize / 1024).toFixed(0)} KB.`, '');
lines.push('| deals | MB | native audit s | wasm audit s | wasm/native | page audit s | uDSV parse s | PapaParse parse s | uDSV/wasm | PapaParse/wasm | wasm MB/s | wasm deals/s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  lines.push(`| ${r.deals} | ${fmt(r.mb, 1)} | ${fmt(r.native.seconds)} | ${fmt(r.wasm.seconds)} | ${fmt(r.wasm.seconds / r.native.seconds)} | ` +
             `${fmt(r.page?.seconds)} | ${fmt(r.udsv.seconds)} | ${fmt(r.papaparse.seconds)} | ${fmt(r.udsv.seconds / r.wasm.seconds)}× | ` +
             `${fmt(r.papaparse.seconds / r.wasm.seconds)}× | ${fmt(r.mb / r.wasm.seconds, 0)} | ${fmt(r.deals / r.wasm.seconds, 0)} |`);
}
lines.push('', '| deals | native peak / file | wasm peak above Node / file | uDSV peak above Node / file | PapaParse peak above Node / file | native reader (inspect) s | wasm read s | wasm finish s | wasm audit s | re-audit, one threshold changed, s | page interactive s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const file = r.mb * 1e6;
  const base = r.node_baseline.rss;
  lines.push(`| ${r.deals} | ${fmt(r.native.rss / file)}× | ${fmt((r.wasm.rss - base) / file)}× | ${fmt((r.udsv.rss - base) / file)}× | ` +
             `${fmt((r.papaparse.rss - base) / file)}× | ${fmt(r.native_reader.seconds)} | ${fmt(r.wasm.read)} | ${fmt(r.wasm.finish)} | ` +
             `${fmt(r.wasm.audit)} | ${fmt(r.wasm.rerun, 3)} | ${fmt(r.page?.interactive)} |`);
}
lines.push('', 'Noise (max/min over runs): ' + results.map((r) =>
  `${r.deals}: native ${fmt(r.native.seconds_spread)}, wasm ${fmt(r.wasm.seconds_spread)}, uDSV ${fmt(r.udsv.seconds_spread)}, PapaParse ${fmt(r.papaparse.seconds_spread)}`).join('; ') + '.', '');
writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), lines.join('\n'));
writeFileSync(path.join(DATA, 'results.json'), JSON.stringify(results, null, 2));
console.log(readFileSync(path.join(ROOT, 'bench/RESULTS.md'), 'utf8'));
