// Runs every benchmark in one process tree on the same generated files and
// writes bench/RESULTS.md: the engine natively (bench/native_audit: the same
// Session calls and chunks as the wasm bench), the native CLI as a user runs it,
// the wasm audit in Node, the page in headless Chromium, and the JavaScript
// peers (uDSV, PapaParse: parse only). Then the targets of issue 8, each with
// its figure. Medians of several runs; the spread (max/min) says how noisy they were.
// Usage: node bench/run.mjs [--sizes 10000,100000,1000000] [--runs 3]
//        node bench/run.mjs --report-only   (rewrites RESULTS.md from the last run's build/bench/results.json)
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
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
const NATIVE = path.join(ROOT, 'build/native-release/bench/native_audit');
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

const REPORT_ONLY = args.includes('--report-only');
const results = REPORT_ONLY ? JSON.parse(readFileSync(path.join(DATA, 'results.json'), 'utf8')) : [];
for (const n of REPORT_ONLY ? [] : SIZES) {
  const file = sampleFile(n);
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  console.error(`bench: ${n} deals, ${mb.toFixed(1)} MB`);
  const row = { deals: n, mb, runs: RUNS };
  const rerun = n <= 100000 ? ['--rerun'] : [];
  row.native = repeat(() => {
    const m = measure(NATIVE, [file, '--as-of', AS_OF, ...rerun]);
    const j = JSON.parse(m.stdout);
    return { seconds: j.total_seconds, read: j.read_seconds, finish: j.finish_seconds, audit: j.audit_seconds,
             rerun: j.rerun_seconds ?? NaN, rss: m.rss };
  });
  row.cli = repeat(() => {
    const m = measure(CLI, ['audit', file, '--as-of', AS_OF, '--out', '/dev/null']);
    return { seconds: m.seconds, rss: m.rss };
  });
  row.native_reader = repeat(() => {
    const j = JSON.parse(measure(NATIVE, [file, '--read-only']).stdout);
    return { seconds: j.read_seconds + j.finish_seconds };
  });
  row.wasm_reader = repeat(() => {
    const j = JSON.parse(measure('node', [path.join(ROOT, 'bench/wasm_audit.mjs'), file, '--read-only']).stdout);
    return { seconds: j.read_seconds + j.finish_seconds };
  });
  row.wasm = repeat(() => {
    const m = measure('node', [path.join(ROOT, 'bench/wasm_audit.mjs'), file, '--as-of', AS_OF, ...rerun]);
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

// The simulator's timings (issue 15): what-if and forward on 100k deals, the
// forecast's 10,000 trials on about 10,000 open deals (12,500 generated deals).
const simulatePath = path.join(DATA, 'simulate.json');
if (!REPORT_ONLY) {
  const sim = repeat(() => JSON.parse(measure('node', [path.join(ROOT, 'bench/wasm_simulate.mjs'), sampleFile(100000),
    sampleFile(12500), '--as-of', AS_OF]).stdout));
  writeFileSync(simulatePath, JSON.stringify(sim, null, 2));
}
const simulated = existsSync(simulatePath) ? JSON.parse(readFileSync(simulatePath, 'utf8')) : null;

const wasmBytes = readFileSync(path.join(ROOT, 'build/wasm-release/wasm/revdiag.wasm'));
const wasmKB = wasmBytes.length / 1024;
const wasmGzipKB = gzipSync(wasmBytes, { level: 9 }).length / 1024;
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ms = (s) => fmt(s == null ? NaN : s * 1000, 0);  // a run without a re-audit stores null
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Written by \`scripts/bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ` +
           `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}, Chromium headless. ` +
           `Inputs: \`revdiag sample --crm salesforce --seed 7 --deals N\` (quoted fields, US dates, amounts, blanks). ` +
           `Medians of ${results[0]?.runs ?? RUNS} runs; the noise line gives max/min over the runs.`, '');
lines.push('What runs: **native** = `bench/native_audit` (the engine through the same Session calls and 2 MB chunks as the wasm bench); ' +
           '**CLI** = `revdiag audit FILE` (text report, the whole file read at once); **wasm** = `bench/wasm_audit.mjs` in Node; ' +
           '**page** = `bench/page_audit.mjs`, headless Chromium from file pick to key figures on screen; ' +
           '**uDSV**, **PapaParse** = `bench/peer_parse.mjs`, bytes decoded and parsed to rows, nothing more. ' +
           'The audits ask for what the page asks for (no deal list, three deals per owner action).', '');
lines.push(`revdiag.wasm: ${fmt(wasmKB, 0)} KB (${fmt(wasmGzipKB, 0)} KB gzipped).`, '');
lines.push('| deals | MB | native s | CLI s | wasm s | wasm/native | page s | uDSV parse s | PapaParse parse s | uDSV/wasm | PapaParse/wasm | wasm MB/s | wasm deals/s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  lines.push(`| ${r.deals} | ${fmt(r.mb, 1)} | ${fmt(r.native.seconds)} | ${fmt(r.cli.seconds)} | ${fmt(r.wasm.seconds)} | ${fmt(r.wasm.seconds / r.native.seconds)} | ` +
             `${fmt(r.page?.seconds)} | ${fmt(r.udsv.seconds)} | ${fmt(r.papaparse.seconds)} | ${fmt(r.udsv.seconds / r.wasm.seconds)}× | ` +
             `${fmt(r.papaparse.seconds / r.wasm.seconds)}× | ${fmt(r.mb / r.wasm.seconds, 0)} | ${fmt(r.deals / r.wasm.seconds, 0)} |`);
}
lines.push('', 'Throughput, MB/s and deals/s (the peers parse only):', '');
const runners = [['native', 'native'], ['CLI', 'cli'], ['wasm', 'wasm'], ['page', 'page'], ['uDSV', 'udsv'], ['PapaParse', 'papaparse']];
lines.push(`| deals | ${runners.map(([name]) => `${name} MB/s | ${name} deals/s`).join(' | ')} |`);
lines.push(`|---|${runners.map(() => '---|---').join('|')}|`);
for (const r of results) {
  lines.push(`| ${r.deals} | ${runners.map(([, key]) => `${fmt(r.mb / r[key]?.seconds, 0)} | ${fmt(r.deals / r[key]?.seconds, 0)}`).join(' | ')} |`);
}
lines.push('', 'Phases (read = chunks pushed and cells scanned; finish = columns typed; audit = rules, totals and the JSON report) and memory (peak RSS; for Node runs, above a bare Node process):', '');
lines.push('| deals | native read / finish / audit s | wasm read / finish / audit s | reader alone native / wasm s | re-audit, one threshold changed, native / wasm ms | native peak / file | CLI peak / file | wasm peak / file | uDSV peak / file | PapaParse peak / file | page interactive s |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const file = r.mb * 1e6;
  const base = r.node_baseline.rss;
  lines.push(`| ${r.deals} | ${fmt(r.native.read)} / ${fmt(r.native.finish)} / ${fmt(r.native.audit)} | ` +
             `${fmt(r.wasm.read)} / ${fmt(r.wasm.finish)} / ${fmt(r.wasm.audit)} | ${fmt(r.native_reader.seconds)} / ${fmt(r.wasm_reader.seconds)} | ` +
             `${ms(r.native.rerun)} / ${ms(r.wasm.rerun)} | ${fmt(r.native.rss / file)}× | ${fmt(r.cli.rss / file)}× | ` +
             `${fmt((r.wasm.rss - base) / file)}× | ${fmt((r.udsv.rss - base) / file)}× | ${fmt((r.papaparse.rss - base) / file)}× | ${fmt(r.page?.interactive)} |`);
}
const big = results.reduce((a, b) => (b.deals > a.deals ? b : a));
const mid = results.find((r) => r.deals === 100000);
const interactive = median(results.map((r) => r.page?.interactive).filter(Number.isFinite));
const targets = [
  [`Full audit of ${big.deals} deals in wasm ≥ 5× faster than uDSV's parse`, `${fmt(big.udsv.seconds / big.wasm.seconds)}× (${fmt(big.wasm.seconds)} s vs ${fmt(big.udsv.seconds)} s)`,
   big.udsv.seconds / big.wasm.seconds >= 5],
  [`wasm within 1.3× of native (${big.deals} deals)`, `${fmt(big.wasm.seconds / big.native.seconds)}×`, big.wasm.seconds / big.native.seconds <= 1.3],
  [`Peak memory of the wasm audit ≤ 2.5× the file (${big.deals} deals)`, `${fmt((big.wasm.rss - big.node_baseline.rss) / (big.mb * 1e6))}×`,
   (big.wasm.rss - big.node_baseline.rss) / (big.mb * 1e6) <= 2.5],
  ['Re-audit with one threshold changed, 100k deals, wasm < 50 ms', mid ? `${fmt(mid.wasm.rerun * 1000, 0)} ms` : 'n/a', !!mid && mid.wasm.rerun < 0.05],
  ['Simulator what-if (one threshold changed), 100k deals, wasm < 50 ms', simulated ? `${ms(simulated.what_if_seconds)} ms` : 'n/a',
   !!simulated && simulated.what_if_seconds < 0.05],
  [`Simulator forecast, 10,000 trials over ${simulated ? simulated.forecast_open_deals : '~10,000'} open deals, wasm < 1 s`,
   simulated ? `${fmt(simulated.forecast_seconds)} s` : 'n/a', !!simulated && simulated.forecast_seconds < 1],
  ['Simulator forward 90 days, 100k deals, wasm < 1 s', simulated ? `${fmt(simulated.forward_seconds)} s` : 'n/a',
   !!simulated && simulated.forward_seconds < 1],
  ['revdiag.wasm < 400 KB', `${fmt(wasmKB, 0)} KB`, wasmKB < 400],
  ['Page interactive < 1 s (loopback)', `${fmt(interactive)} s`, interactive < 1],
];
lines.push('', '| target | measured | met |', '|---|---|---|');
for (const [what, got, ok] of targets) lines.push(`| ${what} | ${got} | ${ok ? 'yes' : '**no**'} |`);
lines.push('', 'Noise (max/min over runs): ' + results.map((r) =>
  `${r.deals}: native ${fmt(r.native.seconds_spread)}, CLI ${fmt(r.cli.seconds_spread)}, wasm ${fmt(r.wasm.seconds_spread)}, page ${fmt(r.page?.seconds_spread)}, ` +
  `uDSV ${fmt(r.udsv.seconds_spread)}, PapaParse ${fmt(r.papaparse.seconds_spread)}`).join('; ') + '.', '');
writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), lines.join('\n'));
writeFileSync(path.join(DATA, 'results.json'), JSON.stringify(results, null, 2));
console.log(readFileSync(path.join(ROOT, 'bench/RESULTS.md'), 'utf8'));
