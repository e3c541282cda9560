// @ts-check
// The two dashboard charts, drawn with Chart.js (vendored from npm, loaded as a
// classic script): the stated → real waterfall and stated vs real by stage.
// Each chart has a text caption with the same figures for screen readers.
// Chart.js (~200 KB) is not needed to paint the start screen, so the page asks
// for it when the browser is first idle after loading (preloadChartLibrary):
// the page is interactive sooner, and the charts still draw with no network
// once the page has loaded, as the footer promises.
import { $, fill, formatCompact, formatNumber, h } from '../dom.js';
import { REMOVALS, readSummary } from '../state.js';

const COLORS = Object.freeze({ stated: '#3b5bdb', real: '#2b8a3e', loss: '#e8590c', lossAlt: '#f08c00', grid: '#e9ecef', text: '#343a40' });

/** @type {Map<string, any>} */
const charts = new Map();

/** @type {Promise<boolean> | null} */
let chartLibrary = null;

/**
 * Load vendor/chart.umd.js once (a same-origin classic script, allowed by the
 * CSP); resolves true when window.Chart exists. A failed load is forgotten so
 * the next call retries. Safe to call early to warm it up.
 * @returns {Promise<boolean>}
 */
export function loadChartLibrary() {
  if ((/** @type {any} */ (globalThis)).Chart) return Promise.resolve(true);
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = new URL('../vendor/chart.umd.js', import.meta.url).href;
      script.async = true;
      script.dataset.revdiag = 'chart';
      script.onload = () => resolve(Boolean((/** @type {any} */ (globalThis)).Chart));
      script.onerror = () => {
        script.remove();
        chartLibrary = null;
        resolve(false);
      };
      document.head.appendChild(script);
    });
  }
  return chartLibrary;
}

/**
 * Load Chart.js when the browser is idle after the page loaded (or after two
 * seconds at most), so it is in memory before anyone goes offline.
 */
export function preloadChartLibrary() {
  const idle = /** @type {any} */ (globalThis).requestIdleCallback;
  if (typeof idle === 'function') idle(() => loadChartLibrary(), { timeout: 2000 });
  else setTimeout(() => loadChartLibrary(), 200);
}

/** @param {string} id @param {any} config */
function draw(id, config) {
  const Chart = /** @type {any} */ (globalThis).Chart;
  if (!Chart) return;
  const old = charts.get(id);
  if (old) old.destroy();
  const canvas = /** @type {HTMLCanvasElement} */ ($(`#${id}`));
  charts.set(id, new Chart(canvas, config));
}

const baseOptions = () => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: { duration: 300 },
  plugins: { legend: { labels: { color: COLORS.text } } },
  scales: {
    x: { grid: { display: false }, ticks: { color: COLORS.text } },
    y: { beginAtZero: true, grid: { color: COLORS.grid },
      ticks: { color: COLORS.text, callback: (/** @type {number} */ v) => formatCompact(v) } },
  },
});

/**
 * The engine's partition of stated − real: every open deal that is not real
 * pipeline sits in exactly one step, so the steps add up to the gap.
 * @param {any} report
 * @returns {{stated: number, real: number, steps: Array<{id: string, label: string, deals: number, amount: number}>}}
 */
export function waterfallSteps(report) {
  const s = readSummary(report);
  const w = (report && report.waterfall) || {};
  const steps = Array.isArray(w.steps) ? w.steps : [];
  return {
    stated: Number(w.stated ?? s.statedTotal) || 0,
    real: Number(w.real ?? s.realTotal) || 0,
    steps: REMOVALS.map((known) => {
      const step = steps.find((/** @type {any} */ x) => x.id === known.id) || {};
      return { ...known, deals: Number(step.deals) || 0, amount: Number(step.amount) || 0 };
    }),
  };
}

/** The report whose charts are wanted: a newer render call wins over a pending one. */
let wanted = null;

/**
 * Write the captions now and draw the charts as soon as Chart.js is loaded.
 * Resolves once the charts are drawn (or cannot be).
 * @param {any} report
 * @param {{onStep?: (id: string) => void}} [hooks] a step's button lists its deals
 */
export async function renderCharts(report, hooks = {}) {
  wanted = report;
  writeCaptions(report, hooks);
  if (!(await loadChartLibrary()) || wanted !== report) return;
  drawCharts(report);
}

/** @param {number} n @param {string} one @param {string} many */
function count(n, one, many) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** @param {any} report @param {{onStep?: (id: string) => void}} hooks */
function writeCaptions(report, hooks) {
  const w = waterfallSteps(report);
  fill($('#waterfall-steps'),
    h('li', { class: 'step stated' }, h('span', null, 'Stated'), h('span', { class: 'num' }, formatNumber(w.stated))),
    w.steps.map((st) => h('li', { class: `step${st.deals ? '' : ' empty'}`, 'data-testid': `waterfall-step-${st.id}`,
      dataset: { amount: String(st.amount), deals: String(st.deals) } },
    h('span', null, `− ${st.label}`, ' ', st.deals && hooks.onStep
      ? h('button', { type: 'button', class: 'action-link', onclick: () => hooks.onStep?.(st.id) }, count(st.deals, 'deal', 'deals'))
      : h('span', { class: 'muted' }, count(st.deals, 'deal', 'deals'))),
    h('span', { class: 'num' }, formatNumber(st.amount)))),
    h('li', { class: 'step real' }, h('span', null, '= Real'), h('span', { class: 'num' }, formatNumber(w.real))));
  const gap = w.steps.some((st) => st.deals > 0);
  $('#waterfall-text').textContent = gap
    ? 'Each deal that is not real pipeline is counted in one step only, in this order: the archive rule, then waiting in re-engagement, then meeting no stage\'s criteria. The steps add up to stated − real.'
    : 'All of the stated pipeline is real: every open deal meets its stage\'s criteria and none is stale.';
  const stages = Array.isArray(report.stages) ? report.stages : [];
  const names = stages.map((/** @type {any} */ st) => st.name || st.id);
  $('#stage-chart-text').textContent = stages.map((/** @type {any} */ st, /** @type {number} */ i) =>
    `${names[i]}: ${count(Number(st.stated_count) || 0, 'deal', 'deals')}, ${formatNumber(st.stated_amount)} stated; `
    + `${count(Number(st.real_count) || 0, 'deal', 'deals')}, ${formatNumber(st.real_amount)} real`).join('. ') + '.';
}

/** A label as lines of about `width` characters, broken between words. @param {string} text @param {number} width */
function wrapWords(text, width) {
  /** @type {string[]} */ const lines = [];
  // Narrow lines also break after a hyphen ("re-" / "engagement").
  const words = width < 12 ? text.split(' ').flatMap((w) => w.replace(/-/g, '-\n').split('\n')) : text.split(' ');
  for (const word of words) {
    const last = lines.length - 1;
    const glue = last >= 0 && lines[last].endsWith('-') ? '' : ' ';
    if (last >= 0 && lines[last].length + glue.length + word.length <= width) lines[last] += `${glue}${word}`;
    else lines.push(word);
  }
  return lines;
}

/** @param {any} report */
function drawCharts(report) {
  const w = waterfallSteps(report);
  const opts = baseOptions();
  // The step names are wrapped onto lines, never turned on their side and cut at the chart's edge.
  const narrow = ($('#waterfall-chart').clientWidth || 480) < 420;
  /** @type {any} */ (opts.scales.x.ticks).maxRotation = 0;
  /** @type {any} */ (opts.scales.x.ticks).autoSkip = false;
  if (narrow) /** @type {any} */ (opts.scales.x.ticks).font = { size: 10 };
  opts.plugins.legend = /** @type {any} */ ({ display: false });
  /** @type {any} */ (opts.plugins).tooltip = { callbacks: { label: (/** @type {any} */ ctx) => {
    const [a, b] = ctx.raw;
    return formatNumber(Math.abs(b - a));
  } } };
  /** @type {Array<[number, number]>} */
  const bars = [[0, w.stated]];
  let level = w.stated;
  for (const step of w.steps) {
    bars.push([level - step.amount, level]);
    level -= step.amount;
  }
  bars.push([0, w.real]);
  draw('waterfall-chart', {
    type: 'bar',
    data: {
      labels: ['Stated', ...w.steps.map((st) => [...wrapWords(st.label, narrow ? 8 : 12), count(st.deals, 'deal', 'deals')]), 'Real'],
      datasets: [{
        data: bars,
        backgroundColor: [COLORS.stated, COLORS.loss, COLORS.lossAlt, '#d9480f', COLORS.real],
        borderRadius: 4,
      }],
    },
    options: opts,
  });

  const stages = Array.isArray(report.stages) ? report.stages : [];
  const names = stages.map((/** @type {any} */ st) => st.name || st.id);
  draw('stage-chart', {
    type: 'bar',
    data: {
      labels: names,
      datasets: [
        { label: 'Stated', data: stages.map((/** @type {any} */ st) => st.stated_amount || 0), backgroundColor: COLORS.stated, borderRadius: 3 },
        { label: 'Real', data: stages.map((/** @type {any} */ st) => st.real_amount || 0), backgroundColor: COLORS.real, borderRadius: 3 },
      ],
    },
    options: baseOptions(),
  });
}

// Printing lays the page out at the paper's width: charts drawn for the screen
// would keep their screen width and cover their neighbours, so they are
// resized before printing and after.
for (const type of ['beforeprint', 'afterprint']) {
  globalThis.addEventListener(type, () => {
    for (const chart of charts.values()) chart.resize();
  });
}
