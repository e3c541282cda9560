// The wasm module writes the same bytes in every time zone: a Node process per
// zone (TZ=UTC, America/Los_Angeles, Asia/Tokyo, Pacific/Kiritimati) runs the
// same audit (as of today, which the engine takes in UTC), simulation, sample
// and diagnostic, and every output must equal the UTC one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './engine.mjs';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'];
const CHILD = `
  const { loadEngine, fixtureBytes } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'tests/wasm/engine.mjs')).href)});
  const e = await loadEngine();
  const fixture = (f) => fixtureBytes(f);
  const out = [
    new Date(0).getTimezoneOffset() === 0 ? 'utc' : 'local',
    e.audit(fixture('real/hubspot-deals.csv'), '{}'),
    e.simulate(fixture('real/zoho-potentials.csv'), JSON.stringify({ as_of: '2021-04-15', trials: 300, seed: 5 })),
    e.sample(JSON.stringify({ crm: 'dynamics', deals: 40, seed: 9 })),
    e.diagnose(new TextDecoder().decode(fixture('diagnostic/mixed.answers.json')), '{}'),
  ];
  process.stdout.write(JSON.stringify(out));
`;

test('the wasm module writes the same bytes in every time zone', () => {
  /** @type {string[] | null} */ let utc = null;
  for (const zone of ZONES) {
    if (zone !== 'UTC') assert.ok(existsSync(`/usr/share/zoneinfo/${zone}`), `tzdata has ${zone} (scripts/setup installs it)`);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD],
      { env: { ...process.env, TZ: zone }, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(run.status, 0, run.stderr);
    const [offset, ...outputs] = JSON.parse(run.stdout);
    // The zone really applied: only UTC has no offset at the epoch.
    assert.equal(offset, zone === 'UTC' ? 'utc' : 'local', `TZ=${zone} took effect`);
    for (const o of outputs) assert.equal(JSON.parse(o).ok ?? true, true, o.slice(0, 200));
    if (!utc) utc = outputs;
    else outputs.forEach((o, i) => assert.equal(o, utc[i], `output ${i} differs under TZ=${zone}`));
  }
});
