// The simulator's three timings in the wasm module (issue 15), on a Session fed
// the way the page's worker feeds it: a what-if with one threshold changed and
// the forward series over 90 days on FILE, and the Monte Carlo forecast
// (10,000 trials) on FORECAST_FILE (about 10,000 open deals). Medians of
// --runs runs (default 5). Prints timings as JSON.
// Usage: node bench/wasm_simulate.mjs FILE FORECAST_FILE [--as-of D] [--runs N]
import { readFileSync } from 'node:fs';
import { loadEngine } from '../tests/wasm/engine.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const asOf = opt('--as-of', '2026-06-30');
const runs = Number(opt('--runs', '5'));
const engine = await loadEngine();

function open(file) {
  const bytes = new Uint8Array(readFileSync(file));
  const session = new engine.Session(JSON.stringify({ expected_bytes: bytes.length }));
  const chunk = 2 * 1024 * 1024;
  for (let at = 0; at < bytes.length; at += chunk) session.push(bytes.subarray(at, at + chunk));
  const finished = JSON.parse(session.finish('{}'));
  if (!finished.ok) throw new Error(JSON.stringify(finished.error));
  return session;
}

/** Median seconds of `runs` calls (after one warm-up call, as a slider's second move). */
function time(session, optionsFor) {
  const warm = JSON.parse(session.simulate(JSON.stringify(optionsFor(-1))));
  if (!warm.ok) throw new Error(JSON.stringify(warm.error));
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const r = JSON.parse(session.simulate(JSON.stringify(optionsFor(i))));
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const median = (/** @type {number[]} */ xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
  return { seconds: median(times), cpu_seconds: median(cpu), report: warm };
}

const big = open(args[0]);
const whatIf = time(big, (i) => ({ as_of: asOf, parts: ['what_if'], set: { inactive_after_days: 25 + i } }));
const forward = time(big, (i) => ({ as_of: asOf, parts: ['forward'], days: 90, events: 0, seed: i + 2 }));
big.delete();
const small = open(args[1]);
const forecast = time(small, (i) => ({ as_of: asOf, parts: ['forecast', 'what_if'], trials: 10000, seed: i + 2 }));
small.delete();
console.log(JSON.stringify({
  what_if_seconds: whatIf.seconds, what_if_cpu_seconds: whatIf.cpu_seconds,
  forward_cpu_seconds: forward.cpu_seconds, forecast_cpu_seconds: forecast.cpu_seconds, what_if_open_deals: whatIf.report.what_if.summary.open_deals,
  forward_seconds: forward.seconds, forward_days: forward.report.forward.days.length - 1,
  forecast_seconds: forecast.seconds, forecast_trials: forecast.report.forecast.trials,
  forecast_open_deals: forecast.report.what_if.summary.open_deals,
}));
