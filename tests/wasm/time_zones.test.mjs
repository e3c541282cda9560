// @ts-check
// The wasm engine gives the same bytes whatever the machine's time zone: the
// audit, inspect and simulator envelopes of the golden, real and simulator
// fixtures are computed in child processes under UTC, America/Los_Angeles,
// Asia/Tokyo and Pacific/Kiritimati and compared (the CLI's twin is the ctest
// boundary.same_bytes_in_every_time_zone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'];

// Run in each child: every envelope's SHA-256, one line per run, and the zone's offset now.
const CHILD = `
import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadEngine, fixtureBytes, FIXTURES } from ${JSON.stringify(new URL('./engine.mjs', import.meta.url).href)};
const engine = await loadEngine();
const options = JSON.stringify({ as_of: '2026-06-30' });
const lines = [String(new Date(Date.UTC(2026, 5, 30, 12)).getTimezoneOffset())];
const hash = (s) => createHash('sha256').update(s).digest('hex');
for (const dir of ['golden', 'real', 'simulate']) {
  for (const f of readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.csv')).sort()) {
    const bytes = fixtureBytes(dir + '/' + f);
    lines.push(f + ' audit ' + hash(engine.audit(bytes, options)));
    lines.push(f + ' inspect ' + hash(engine.inspect(bytes, '{"rows":true}')));
    if (dir === 'simulate') lines.push(f + ' simulate ' + hash(engine.simulate(bytes, JSON.stringify({ as_of: '2026-06-30', trials: 200 }))));
  }
}
// "Today" (no as_of) is the engine's UTC day; the sample and the diagnostic too.
lines.push('today ' + hash(engine.audit(fixtureBytes('real/hubspot-deals.csv'), '{}')));
lines.push('sample ' + hash(engine.sample(JSON.stringify({ crm: 'dynamics', deals: 40, seed: 9 }))));
lines.push('diagnose ' + hash(engine.diagnose(fixtureBytes('diagnostic/mixed.answers.json'), '{}')));
process.stdout.write(lines.join('\\n'));
`;

test('wasm envelopes are the same bytes under four time zones from UTC-8 to UTC+14', () => {
  const runs = ZONES.map((zone) => execFileSync(process.execPath, ['--input-type=module', '-e', CHILD],
    { env: { ...process.env, TZ: zone }, encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n'));
  // The zones really differ (so the comparison is not UTC against itself).
  assert.deepEqual(runs.map((r) => r[0]), ['0', '420', '-540', '-840']);
  assert.ok(runs[0].length > 30);
  for (let i = 1; i < ZONES.length; i++) assert.deepEqual(runs[i].slice(1), runs[0].slice(1), ZONES[i]);
});
