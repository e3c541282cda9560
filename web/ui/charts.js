// @ts-check
// The two dashboard charts, drawn with Chart.js (vendored from npm, loaded as a
// classic script): the stated → real waterfall and stated vs real by stage.
// Each chart has a text caption with the same figures for screen readers.
// Chart.js (~200 KB) is not needed on the start screen, so it is loaded on
// first need (loadChartLibrary), not by index.html: the page is interactive sooner.
import { $, formatCompact, formatNumber } from '../dom.js';
import { layerInfo, readSummary } from '../state.js';

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
 * Stated minus what the archive rule removes, minus what has no real stage or is
 * waiting in re-engagement, equals real. The archive share is capped by the gap
 * because a deal may fail several layers but leaves the pipeline once.
 * @param {any} report
 */
export function waterfallSteps(report) {
  const s = readSummary(report);
  const gap = Math.max(0, (s.statedTotal || 0) - (s.realTotal || 0));
  const archive = (report.layers || []).find((/** @type {any} */ l) => l.id === 'archive');
  const archived = Math.min(gap, Number(archive && archive.amount_at_risk) || 0);
  return { stated: s.statedTotal || 0, archived, unqualified: gap - archived, real: s.realTotal || 0 };
}

/** The report whose charts are wanted: a newer render call wins over a pending one. */
let wanted = null;

/**
 * Write the captions now and draw the charts as soon as Chart.js is loaded.
 * Resolves once the charts are drawn (or cannot be).
 * @param {any} report
 */
export async function renderCharts(report) {
  wanted = report;
  writeCaptions(report);
  if (!(await loadChartLibrary()) || wanted !== report) return;
  drawCharts(report);
}

/** @param {any} report */
function writeCaptions(report) {
  const w = waterfallSteps(report);
  $('#waterfall-text').textContent = `Stated ${formatNumber(w.stated)}, minus ${formatNumber(w.archived)} `
    + `that is stale or past its close date (${layerInfo('archive').name.toLowerCase()}), minus ${formatNumber(w.unqualified)} `
    + `that meets no stage's criteria or waits in re-engagement, leaves ${formatNumber(w.real)} real.`;
  const stages = Array.isArray(report.stages) ? report.stages : [];
  const names = stages.map((/** @type {any} */ st) => st.name || st.id);
  $('#stage-chart-text').textContent = stages.map((/** @type {any} */ st, /** @type {number} */ i) =>
    `${names[i]}: ${formatNumber(st.stated_count)} deals, ${formatNumber(st.stated_amount)} stated, `
    + `${formatNumber(st.real_count)} deals, ${formatNumber(st.real_amount)} real`).join('; ') + '.';
}

/** @param {any} report */
function drawCharts(report) {
  const w = waterfallSteps(report);
  const opts = baseOptions();
  opts.plugins.legend = /** @type {any} */ ({ display: false });
  /** @type {any} */ (opts.plugins).tooltip = { callbacks: { label: (/** @type {any} */ ctx) => {
    const [a, b] = ctx.raw;
    return formatNumber(Math.abs(b - a));
  } } };
  draw('waterfall-chart', {
    type: 'bar',
    data: {
      labels: ['Stated', 'Stale or overdue', 'Not qualified or waiting', 'Real'],
      datasets: [{
        data: [[0, w.stated], [w.stated - w.archived, w.stated], [w.real, w.real + w.unqualified], [0, w.real]],
        backgroundColor: [COLORS.stated, COLORS.loss, COLORS.lossAlt, COLORS.real],
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
