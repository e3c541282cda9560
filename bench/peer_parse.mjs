// Parses a CSV file with a JavaScript peer, the way a page would: bytes read,
// decoded to a string, parsed to rows. DuckDB-wasm (the node blocking build,
// from bench/node_modules only) loads the bytes into a typed table with
// read_csv_auto and runs one GROUP BY on the stage column; its start-up
// (instantiating the module) is timed apart. Prints {"seconds","rows"} (and
// "start_seconds" for DuckDB) as JSON.
// Usage: node bench/peer_parse.mjs udsv|papaparse|duckdb FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [peer, file] = process.argv.slice(2);

async function duckdbLoad() {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
  const s0 = process.hrtime.bigint();
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  const start = Number(process.hrtime.bigint() - s0) / 1e9;
  const t0 = process.hrtime.bigint();
  db.registerFileBuffer('deals.csv', new Uint8Array(readFileSync(file)));
  conn.query("CREATE TABLE deals AS SELECT * FROM read_csv_auto('deals.csv')");
  // The stage column is the one whose name says so (each CRM spells it its own way).
  const columns = conn.query('DESCRIBE deals').toArray().map((r) => String(r.column_name));
  const stage = columns.find((c) => /stage/i.test(c)) ?? columns[0];
  conn.query(`SELECT "${stage.replace(/"/g, '""')}" AS stage, count(*) AS n FROM deals GROUP BY 1`).toArray();
  const rows = Number(conn.query('SELECT count(*) AS n FROM deals').toArray()[0].n);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rows, start_seconds: start };
}

if (peer === 'duckdb') {
  console.log(JSON.stringify(await duckdbLoad()));
} else {
  const t0 = process.hrtime.bigint();
  const text = new TextDecoder('utf-8').decode(readFileSync(file));
  let rows = 0;
  if (peer === 'udsv') {
    const { inferSchema, initParser } = require('udsv');
    const schema = inferSchema(text);
    const parser = initParser(schema);
    rows = parser.stringArrs(text).length;
  } else if (peer === 'papaparse') {
    const Papa = require('papaparse');
    rows = Papa.parse(text, { header: false, skipEmptyLines: true }).data.length - 1;
  } else {
    console.error(`unknown peer ${peer}`);
    process.exit(2);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ seconds, rows }));
}
