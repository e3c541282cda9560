// Parses a CSV file with a JavaScript peer, the way a page would: bytes read,
// decoded to a string, parsed to rows. Prints {"seconds","rows"} as JSON.
// Usage: node bench/peer_parse.mjs udsv|papaparse FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [peer, file] = process.argv.slice(2);
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
