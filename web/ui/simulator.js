// @ts-check
// The simulator panel beside the dashboard (DESIGN §5), all computed in the
// worker: sliders for the four thresholds and the buyers' daily response rate
// recompute the what-if while they move. At most one request is in flight: a
// slider that moves meanwhile only marks the settings dirty, and the newest
// settings are sent when the reply arrives (the worker also drops a queued
// request overtaken by a newer one), so no queue of stale results builds up.
import { fill, formatNumber, formatPercent, h } from '../dom.js';
import { calibrationChart, distributionChart, forwardChart } from './simulator_charts.js';
import { plural } from './dashboard.js';
import { layerInfo } from '../state.js';

/** The sliders: process thresholds (sent as "set") and the response rate. */
const SLIDERS = Object.freeze([
  { key: 'follow_up_business_days', label: 'Follow-up due after (business days)', min: 1, max: 20, step: 1, value: 5 },
  { key: 'reengage_after_days', label: 'Re-engage after (days)', min: 1, max: 60, step: 1, value: 14 },
  { key: 'inactive_after_days', label: 'Stale after (days without buyer activity)', min: 7, max: 120, step: 1, value: 30 },
  { key: 'reengagement_window_days', label: 'Re-engagement window (days)', min: 1, max: 60, step: 1, value: 14 },
  { key: 'response_rate', label: 'Buyers responding per day (%)', min: 0, max: 20, step: 0.5, value: 0 },
]);

/** Open deals above which the first simulation waits for a click. */
const LARGE = 50000;

const STATE_NAMES = Object.freeze({
  follow_up_due: 'follow-up due', reengage_due: 're-engage due', stale: 'stale', archive_due: 'archive due', close_date_passed: 'close date passed',
});

/**
 * @param {HTMLElement} root the aside#simulator
 * @param {{engine: {call: (type: string, payload?: any) => Promise<any>}, message: string, baseOptions: () => Record<string, any>}} deps
 */
export function mountSimulator(root, deps) {
  /** @type {Record<string, number>} */
  const values = {};
  for (const s of SLIDERS) values[s.key] = s.value;
  let target = '';
  let inFlight = false;
  let dirty = false;
  let sent = 0;
  let active = false;

  const controls = h('form', { class: 'sim-controls no-print', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
    SLIDERS.map((s) => {
      const id = `sim-${s.key}`;
      const out = h('output', { for: id, id: `${id}-value` }, String(s.value));
      const input = h('input', { type: 'range', id, min: s.min, max: s.max, step: s.step, value: String(s.value), dataset: { testid: id } });
      input.addEventListener('input', () => {
        values[s.key] = Number(/** @type {HTMLInputElement} */ (input).value);
        out.textContent = String(values[s.key]);
        request();
      });
      return h('div', { class: 'sim-slider' }, h('label', { for: id }, s.label, ' ', out), input);
    }),
    h('div', { class: 'sim-slider' }, h('label', { for: 'sim-target' }, 'Target revenue in the horizon'),
      h('input', { type: 'number', id: 'sim-target', min: 0, step: 1000, dataset: { testid: 'sim-target' },
        onchange: (/** @type {Event} */ e) => { target = /** @type {HTMLInputElement} */ (e.target).value; request(); } })));
  const status = h('p', { class: 'sim-status', role: 'status' });
  const body = h('div', { class: 'sim-body' });
  fill(root, h('h2', null, 'Simulator'), controls, status, body);

  /** The options for the current slider positions. */
  function options() {
    /** @type {Record<string, any>} */
    const set = {};
    for (const s of SLIDERS) if (s.key !== 'response_rate') set[s.key] = values[s.key];
    /** @type {Record<string, any>} */
    const o = { ...deps.baseOptions(), set, response_rate: values.response_rate / 100, trials: 2000, seed: 1 };
    delete o.deals;
    if (target !== '' && Number(target) >= 0) o.target = Number(target);
    return o;
  }

  async function request() {
    if (!active) return;
    if (inFlight) {
      dirty = true;
      return;
    }
    inFlight = true;
    dirty = false;
    const settings = options();
    const mine = ++sent;
    status.textContent = 'Simulating…';
    root.dataset.busy = 'true';
    const env = await deps.engine.call(deps.message, { options: settings, compare: true });
    inFlight = false;
    if (dirty) {
      // The sliders moved meanwhile: this answer is already stale.
      request();
      return;
    }
    root.dataset.busy = 'false';
    if (mine !== sent) return;
    if (!env.ok) {
      status.textContent = env.error ? env.error.message : 'The simulation failed.';
      return;
    }
    status.textContent = '';
    root.dataset.settings = JSON.stringify(settings);
    root.dataset.count = String(Number(root.dataset.count || 0) + 1);
    render(env);
  }

  /** @param {string} testid @param {number} value @param {string} text */
  function figure(testid, value, text) {
    return h('strong', { dataset: { testid, value: String(value) } }, text);
  }

  /** @param {any} env */
  function render(env) {
    const s = env.what_if.summary;
    const days = env.forward.days;
    const last = days[days.length - 1];
    const enforced = env.forward_enforced ? env.forward_enforced.days : null;
    const f = env.forecast;
    const hist = env.history;
    const unvalued = s.ranked_by === 'deals' && s.open_deals > 0;
    fill(body,
      h('section', { class: 'sim-block' }, h('h3', null, 'What-if'),
        // With no amount on any open deal, the what-if counts deals, as the headline does.
        unvalued ? h('p', { dataset: { testid: 'sim-unvalued' } },
          `Real pipeline ${formatNumber(s.real_deals)} of ${plural(s.open_deals, 'open deal')} (no amounts recorded); weakest layer `,
          figure('sim-weakest-layer', s.weakest_layer || '', s.weakest_layer ? layerInfo(s.weakest_layer).name : 'none'), '.')
          : h('p', null, 'Real pipeline ', figure('sim-real-total', s.real_total, formatNumber(s.real_total)),
          ' of ', figure('sim-stated-total', s.stated_total, formatNumber(s.stated_total)), ' stated; weakest layer ',
          figure('sim-weakest-layer', s.weakest_layer || '', s.weakest_layer ? layerInfo(s.weakest_layer).name : 'none'), '.')),
      h('section', { class: 'sim-block' }, h('h3', null, `Forward ${days.length - 1} days`),
        forwardChart(days, enforced, `Real pipeline from ${formatNumber(days[0].real_total)} to ${formatNumber(last.real_total)} if nobody acts`
          + (enforced ? `, ${formatNumber(enforced[enforced.length - 1].real_total)} with the process enforced` : '')),
        h('p', { class: 'sim-legend' }, Object.entries(STATE_NAMES).map(([k, name]) =>
          h('span', { class: `sim-key sim-key-${k}` }, name)), h('span', { class: 'sim-key sim-key-real' }, 'real (solid: nobody acts, dashed: enforced)')),
        h('p', null, `Day ${days.length - 1}: real `, figure('sim-forward-real', last.real_total, unvalued
          ? plural(Number(last.real_deals) || 0, 'deal') : formatNumber(last.real_total)),
          `, stale ${plural(last.states.stale.deals, 'deal')}`,
          enforced ? `; enforced: ${plural(enforced[enforced.length - 1].open_deals, 'deal')} left open` : '', '.')),
      h('section', { class: 'sim-block' }, h('h3', null, `Forecast to ${f.horizon}`),
        distributionChart(f, `Revenue closing by ${f.horizon}: stated P50 ${formatNumber(f.stated.p50)}, real P50 ${formatNumber(f.real.p50)}`),
        h('table', { class: 'sim-table' },
          h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'P10'), h('th', null, 'P50'), h('th', null, 'P90'),
            typeof f.target === 'number' ? h('th', null, 'P(≥ target)') : null)),
          h('tbody', null, ['stated', 'real'].map((side) => h('tr', null, h('th', null, side),
            ['p10', 'p50', 'p90'].map((q) => h('td', { dataset: { testid: `sim-${side}-${q}`, value: String(f[side][q]) } }, formatNumber(f[side][q]))),
            typeof f.target === 'number' ? h('td', { dataset: { testid: `sim-${side}-target`, value: String(f[side].p_target) } }, formatPercent(f[side].p_target)) : null)))),
        unvalued ? h('p', { class: 'sim-note', dataset: { testid: 'sim-forecast-unvalued' } },
          'No open deal has an amount, so there is no revenue to forecast until deal values are recorded.') : null,
        h('p', { class: 'sim-note' }, `${formatNumber(f.trials)} trials, seed ${f.seed}; probabilities from the ${f.probabilities.requested}.`)),
      h('section', { class: 'sim-block' }, h('h3', null, 'History'),
        h('ul', { class: 'sim-history' },
          h('li', null, `Win rate ${hist.win_rate.value === null ? '—' : formatPercent(hist.win_rate.value)} (on ${plural(hist.win_rate.sample, 'closed deal')})`),
          h('li', null, `Average won ${hist.average_won_amount.value === null ? '—' : formatNumber(hist.average_won_amount.value)} (on ${hist.average_won_amount.sample})`),
          h('li', null, `Cycle ${hist.cycle_days.value === null ? '—' : hist.cycle_days.value + ' days'} (on ${hist.cycle_days.sample})`),
          h('li', null, `Sales velocity ${hist.sales_velocity_per_day.value === null ? '—' : formatNumber(hist.sales_velocity_per_day.value) + ' per day'}`)),
        hist.fallback ? h('p', { class: 'sim-note', dataset: { testid: 'sim-history-fallback' } }, hist.fallback) : null),
      h('section', { class: 'sim-block' }, h('h3', null, 'Archive rule calibration'),
        env.calibration
          ? [calibrationChart(env.calibration, `Lost deals archived early and won deals archived wrongly per threshold; current ${env.calibration.current_threshold} days`),
            h('p', { class: 'sim-note' }, `Green: lost deals archived before they closed; red: won deals archived wrongly (on ${env.calibration.lost} lost, ${env.calibration.won} won).`)]
          : h('p', { class: 'sim-note' }, env.calibration_reason || 'Not available.')));
  }

  return {
    /**
     * Show the panel and simulate the export now loaded (a new audit); the
     * sliders start at the process's thresholds. A large pipeline waits for a
     * click, so its first simulation does not queue before the deal table's windows.
     * @param {Record<string, number> | null | undefined} thresholds
     * @param {number} openDeals
     */
    refresh(thresholds, openDeals) {
      if (!active && thresholds) {
        for (const s of SLIDERS) {
          if (typeof thresholds[s.key] !== 'number') continue;
          values[s.key] = thresholds[s.key];
          const input = /** @type {HTMLInputElement} */ (root.querySelector(`#sim-${s.key}`));
          input.value = String(values[s.key]);
          const out = root.querySelector(`#sim-${s.key}-value`);
          if (out) out.textContent = String(values[s.key]);
        }
      }
      root.hidden = false;
      if (!active && openDeals > LARGE) {
        fill(body, h('button', { type: 'button', class: 'button', dataset: { testid: 'sim-start' },
          onclick: () => { active = true; request(); } }, `Simulate these ${plural(openDeals, 'open deal')}`));
        return;
      }
      active = true;
      request();
    },
  };
}

