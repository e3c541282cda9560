// The wasm module's audit in Node, fed the way the page's worker feeds it: the
// file's bytes in chunks into a Session, then one audit, then (optionally) a
// re-run with one threshold changed, with the options the page sends (no deal
// list, three deals per owner action). Prints timings as JSON.
// Usage: node bench/wasm_audit.mjs FILE [--as-of D] [--chunk-mb N] [--rerun] [--read-only]
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { loadEngine } from '../tests/wasm/engine.mjs';

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const asOf = opt('--as-of', '2026-06-30');
const chunkBytes = Number(opt('--chunk-mb', '2')) * 1024 * 1024;

const t0 = process.hrtime.bigint();
const engine = await loadEngine();
const tLoaded = process.hrtime.bigint();
const fd = openSync(file, 'r');
const size = fstatSync(fd).size;
const session = new engine.Session(JSON.stringify({ expected_bytes: size }));
const buf = new Uint8Array(chunkBytes);
let offset = 0;
while (offset < size) {
  const n = readSync(fd, buf, 0, chunkBytes, offset);
  const reply = JSON.parse(session.push(n === chunkBytes ? buf : buf.subarray(0, n)));
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  offset += n;
}
closeSync(fd);
const tRead = process.hrtime.bigint();
const finished = JSON.parse(session.finish('{}'));
if (!finished.ok) throw new Error(JSON.stringify(finished.error));
const tFinished = process.hrtime.bigint();
const result = { load_seconds: Number(tLoaded - t0) / 1e9, read_seconds: Number(tRead - tLoaded) / 1e9,
                 finish_seconds: Number(tFinished - tRead) / 1e9, rows: finished.rows };
if (!args.includes('--read-only')) {
  const report = JSON.parse(session.audit(JSON.stringify({ as_of: asOf, deals: 'none', action_deals: 3 })));
  if (!report.ok) throw new Error(JSON.stringify(report.error));
  const tAudit = process.hrtime.bigint();
  result.audit_seconds = Number(tAudit - tFinished) / 1e9;
  result.total_seconds = Number(tAudit - tLoaded) / 1e9;
  result.open_deals = report.summary.open_deals;
  if (args.includes('--rerun')) {
    const times = [];
    const designed = JSON.parse(engine.process_default()).process;
    for (let i = 0; i < 5; i++) {
      designed.thresholds.inactive_after_days = 20 + i;
      const t = process.hrtime.bigint();
      const again = JSON.parse(session.audit(JSON.stringify({ as_of: asOf, deals: 'none', action_deals: 3, process: designed })));
      times.push(Number(process.hrtime.bigint() - t) / 1e9);
      if (!again.ok) throw new Error(JSON.stringify(again.error));
    }
    times.sort((a, b) => a - b);
    result.rerun_seconds = times[Math.floor(times.length / 2)];
  }
}
session.delete();
console.log(JSON.stringify(result));
