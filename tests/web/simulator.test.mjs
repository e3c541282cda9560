// The simulator panel: sliders recompute the what-if, the forward series and
// the forecast in the worker, and every figure on screen equals the CLI's
// `revdiag simulate` for the same file and settings; a burst of slider moves
// ends on the last position without a queue of stale answers; nothing leaves
// the origin.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertClean, axeViolations, openApp, runCli, screenshot, waitForAudit } from './browser.mjs';

const AS_OF = '2026-06-30';

/** The CLI's simulate report for the page's settings (as the panel records them). */
async function cliSimulate(file, settings) {
  const args = ['simulate', file, '--as-of', settings.as_of, '--trials', String(settings.trials), '--seed', String(settings.seed),
    '--response-rate', String(settings.response_rate), '--format', 'json'];
  for (const [k, v] of Object.entries(settings.set)) args.push('--set', `${k}=${v}`);
  if (settings.target !== undefined) args.push('--target', String(settings.target));
  const r = await runCli(args);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The figures the panel shows, by data-testid. */
async function panelFigures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('#simulator [data-testid][data-value]')) {
      out[el.getAttribute('data-testid')] = el.getAttribute('data-value');
    }
    return { settings: JSON.parse(document.querySelector('#simulator').dataset.settings || '{}'), figures: out };
  });
}

/** The same figures from a CLI report. */
function reportFigures(r) {
  const f = r.forecast;
  const days = r.forward.days;
  const out = {
    'sim-real-total': String(r.what_if.summary.real_total),
    'sim-stated-total': String(r.what_if.summary.stated_total),
    'sim-weakest-layer': String(r.what_if.summary.weakest_layer || ''),
    'sim-forward-real': String(days[days.length - 1].real_total),
  };
  for (const side of ['stated', 'real']) {
    for (const q of ['p10', 'p50', 'p90']) out[`sim-${side}-${q}`] = String(f[side][q]);
    if (f[side].p_target !== undefined) out[`sim-${side}-target`] = String(f[side].p_target);
  }
  return out;
}

/** Wait until the panel shows an answer for settings that satisfy `want`. */
async function waitForSimulation(page, want) {
  await page.waitForFunction((w) => {
    const el = document.querySelector('#simulator');
    if (!el || el.dataset.busy !== 'false' || !el.dataset.settings) return false;
    const s = JSON.parse(el.dataset.settings);
    return Object.entries(w).every(([k, v]) => JSON.stringify(k === 'response_rate' || k === 'target' ? s[k] : s.set[k]) === JSON.stringify(v));
  }, want, { timeout: 60000 });
}

test('simulator sliders give the CLI figures for the same settings, with no stale queue', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'revdiag-sim-web-'));
  const file = path.join(dir, 'pipeline.csv');
  const sample = await runCli(['sample', '--crm', 'hubspot', '--deals', '400', '--seed', '2']);
  assert.equal(sample.status, 0, sample.stderr);
  writeFileSync(file, sample.stdout);

  const app = await openApp();
  const { page } = app;
  try {
    await page.click('.entry-card [data-go="upload"]');
    await page.setInputFiles('[data-testid="deal-file"]', file);
    await page.waitForSelector('[data-screen="mapping"]:not([hidden]) #field-mapping select');
    await page.fill('[data-testid="as-of"]', AS_OF);
    await page.click('#mapping-continue');
    await waitForAudit(page, AS_OF);
    await page.waitForSelector('#simulator:not([hidden]) [data-testid="sim-real-total"]', { timeout: 60000 });
    await waitForSimulation(page, { inactive_after_days: 30 });

    let shown = await panelFigures(page);
    assert.equal(shown.settings.as_of, AS_OF);
    let expected = await cliSimulate(file, shown.settings);
    assert.deepEqual(shown.figures, reportFigures(expected));
    // With nothing changed the what-if is the dashboard's audit.
    assert.equal(shown.figures['sim-real-total'], await page.getAttribute('[data-testid="real-total"]', 'data-value'));
    // The weakest layer reads by its name, as on the dashboard, never by its id.
    const weakestId = shown.figures['sim-weakest-layer'];
    assert.ok(weakestId);
    const weakestName = await page.textContent('[data-testid="sim-weakest-layer"]');
    assert.notEqual(weakestName, weakestId);
    assert.equal(weakestName, await page.textContent('[data-testid="weakest-layer"] .figure-value'));

    const first = shown.figures;
    await page.fill('[data-testid="sim-inactive_after_days"]', '45');
    await waitForSimulation(page, { inactive_after_days: 45 });
    shown = await panelFigures(page);
    expected = await cliSimulate(file, shown.settings);
    assert.deepEqual(shown.figures, reportFigures(expected));
    assert.notDeepEqual(shown.figures, first, 'a longer inactivity threshold changes the figures');

    // A burst of moves, as a hand dragging the slider: the panel ends on the last
    // position and answers far fewer times than it was moved.
    const before = Number(await page.getAttribute('#simulator', 'data-count'));
    await page.evaluate(() => {
      const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="sim-reengage_after_days"]'));
      for (let v = 2; v <= 40; v += 1) {
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await waitForSimulation(page, { reengage_after_days: 40 });
    const after = Number(await page.getAttribute('#simulator', 'data-count'));
    assert.ok(after - before <= 3, `answered ${after - before} times for 39 moves`);
    shown = await panelFigures(page);
    assert.deepEqual(shown.figures, reportFigures(await cliSimulate(file, shown.settings)));

    // Buyers responding (seeded draws) and a target: still the CLI's numbers.
    await page.fill('[data-testid="sim-response_rate"]', '2');
    await waitForSimulation(page, { response_rate: 0.02 });
    await page.fill('[data-testid="sim-target"]', '150000');
    await page.dispatchEvent('[data-testid="sim-target"]', 'change');
    await waitForSimulation(page, { response_rate: 0.02, target: 150000 });
    shown = await panelFigures(page);
    assert.equal(shown.settings.response_rate, 0.02);
    expected = await cliSimulate(file, shown.settings);
    assert.deepEqual(shown.figures, reportFigures(expected));
    assert.ok('sim-real-target' in shown.figures);
    assert.ok(await page.$('#simulator svg .sim-enforced'), 'the enforced policy is drawn');
    assert.ok(await page.$('#simulator svg .sim-target'), 'the target line is drawn');

    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'simulator');
    assertClean(app, assert);
  } finally {
    await app.close();
  }
});
