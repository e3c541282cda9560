// @ts-check
// The simulator's three small charts, drawn as SVG with presentation attributes
// only (no inline style, so the page's CSP holds): the forward series (stacked
// states, real pipeline with nobody acting and with the policy enforced), the
// forecast's stated and real distributions on shared bins, and the archive
// calibration curve. Each chart carries an aria-label with its figures.

const NS = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 160;
const PAD = { left: 6, right: 6, top: 8, bottom: 18 };
export const STATE_COLORS = Object.freeze({
  follow_up_due: '#f59f00', reengage_due: '#e8590c', stale: '#adb5bd', archive_due: '#862e9c', close_date_passed: '#c92a2a',
});
const REAL = '#2b8a3e';
const STATED = '#3b5bdb';

/** @param {string} tag @param {Record<string, string | number>} attrs @param {...Element} children */
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(c);
  return el;
}

/** @param {string} label */
function frame(label) {
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': label, class: 'sim-chart' });
}

/** @param {number} x @param {number} y @param {string} text @param {string} [anchor] */
function label(x, y, text, anchor = 'start') {
  const t = svg('text', { x, y, 'font-size': 10, fill: '#5c6370', 'text-anchor': anchor });
  t.textContent = text;
  return t;
}

/** @param {number[][]} points */
function path(points) {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/**
 * Stacked state amounts per day (nobody acting), the real pipeline line, and
 * the real pipeline under the enforced policy (dashed) when given.
 * @param {any[]} days @param {any[] | null} enforced @param {string} caption
 */
export function forwardChart(days, enforced, caption) {
  const el = frame(caption);
  const states = Object.keys(STATE_COLORS);
  const stackTop = days.map((d) => states.reduce((sum, s) => sum + Number(d.states[s].amount), 0));
  const max = Math.max(1, ...stackTop, ...days.map((d) => Number(d.real_total)), ...(enforced || []).map((d) => Number(d.open_total)));
  const x = (/** @type {number} */ i) => PAD.left + (i / Math.max(1, days.length - 1)) * (W - PAD.left - PAD.right);
  const y = (/** @type {number} */ v) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const below = days.map(() => 0);
  for (const s of states) {
    const top = days.map((d, i) => below[i] + Number(d.states[s].amount));
    const upper = top.map((v, i) => [x(i), y(v)]);
    const lower = below.map((v, i) => [x(i), y(v)]).reverse();
    el.appendChild(svg('path', { d: path([...upper, ...lower]) + 'Z', fill: STATE_COLORS[/** @type {keyof typeof STATE_COLORS} */ (s)], 'fill-opacity': 0.55 }));
    top.forEach((v, i) => { below[i] = v; });
  }
  el.appendChild(svg('path', { d: path(days.map((d, i) => [x(i), y(Number(d.real_total))])), fill: 'none', stroke: REAL, 'stroke-width': 2 }));
  if (enforced) {
    el.appendChild(svg('path', { d: path(enforced.map((d, i) => [x(i), y(Number(d.real_total))])), fill: 'none', stroke: REAL,
      'stroke-width': 2, 'stroke-dasharray': '4 3', class: 'sim-enforced' }));
  }
  el.appendChild(label(PAD.left, H - 4, `day 0`));
  el.appendChild(label(W - PAD.right, H - 4, `day ${days.length - 1}`, 'end'));
  return el;
}

/**
 * The stated and real distributions as bars on the forecast's shared bins, with
 * P10/P50/P90 ticks and the target line.
 * @param {any} forecast @param {string} caption
 */
export function distributionChart(forecast, caption) {
  const el = frame(caption);
  const bins = forecast.bins.map(Number);
  const lo = bins[0];
  const hi = bins[bins.length - 1];
  const x = (/** @type {number} */ v) => PAD.left + ((v - lo) / Math.max(1, hi - lo)) * (W - PAD.left - PAD.right);
  const max = Math.max(1, ...forecast.stated.histogram, ...forecast.real.histogram);
  const half = (H - PAD.top - PAD.bottom) / 2;
  [['stated', STATED, PAD.top], ['real', REAL, PAD.top + half]].forEach(([side, color, top]) => {
    const d = forecast[/** @type {string} */ (side)];
    d.histogram.forEach((/** @type {number} */ n, /** @type {number} */ i) => {
      const bar = (n / max) * (half - 4);
      el.appendChild(svg('rect', { x: x(bins[i]), y: Number(top) + half - 2 - bar, width: Math.max(1, x(bins[i + 1]) - x(bins[i]) - 1), height: bar, fill: String(color), 'fill-opacity': 0.7 }));
    });
    for (const q of ['p10', 'p50', 'p90']) {
      el.appendChild(svg('line', { x1: x(Number(d[q])), x2: x(Number(d[q])), y1: Number(top), y2: Number(top) + half - 2, stroke: String(color), 'stroke-width': q === 'p50' ? 2 : 1, 'stroke-dasharray': q === 'p50' ? '' : '2 2' }));
    }
    el.appendChild(label(PAD.left, Number(top) + 9, String(side)));
  });
  if (typeof forecast.target === 'number') {
    const t = Math.min(Math.max(forecast.target, lo), hi);
    el.appendChild(svg('line', { x1: x(t), x2: x(t), y1: PAD.top, y2: H - PAD.bottom, stroke: '#c92a2a', 'stroke-width': 1.5, class: 'sim-target' }));
  }
  return el;
}

/**
 * Share of lost deals archived early and of won deals archived wrongly, per
 * inactivity threshold, with the current threshold marked.
 * @param {any} calibration @param {string} caption
 */
export function calibrationChart(calibration, caption) {
  const el = frame(caption);
  const pts = calibration.points;
  const x = (/** @type {number} */ t) => PAD.left + ((t - 7) / 83) * (W - PAD.left - PAD.right);
  const y = (/** @type {number} */ share) => H - PAD.bottom - share * (H - PAD.top - PAD.bottom);
  el.appendChild(svg('path', { d: path(pts.map((/** @type {any} */ p) => [x(p.threshold), y(p.lost_archived_share)])), fill: 'none', stroke: REAL, 'stroke-width': 2 }));
  el.appendChild(svg('path', { d: path(pts.map((/** @type {any} */ p) => [x(p.threshold), y(p.won_archived_share)])), fill: 'none', stroke: '#c92a2a', 'stroke-width': 2 }));
  const current = Math.min(90, Math.max(7, Number(calibration.current_threshold)));
  el.appendChild(svg('line', { x1: x(current), x2: x(current), y1: PAD.top, y2: H - PAD.bottom, stroke: '#1f2430', 'stroke-dasharray': '3 2' }));
  el.appendChild(label(x(current), PAD.top + 8, `${calibration.current_threshold} d`, 'middle'));
  el.appendChild(label(PAD.left, H - 4, '7 days'));
  el.appendChild(label(W - PAD.right, H - 4, '90 days', 'end'));
  return el;
}
