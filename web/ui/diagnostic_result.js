// @ts-check
// The diagnostic's result: the layer scores (the five layers the audit checks,
// and CRM enforcement apart, which no export can show), the weakest layer's
// next steps, the comparison with the last audit by layer name, the next step
// (audit your export), a share link that says when it is copied, answers from
// someone's link shown beside yours (never over them), and a dated printout.
import { h, todayIso } from '../dom.js';
import { LAYERS } from '../state.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The layer scores as horizontal bars, drawn in SVG. @param {any[]} layers @param {string} weakest */
function scoreChart(layers, weakest) {
  const rowHeight = 34;
  const labelWidth = 170;
  const barWidth = 300;
  const height = layers.length * rowHeight + 24;
  const svg = document.createElementNS(SVG_NS, 'svg');
  const attrs = (/** @type {Element} */ el, /** @type {Record<string, string | number>} */ a) => {
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
    return el;
  };
  attrs(svg, {
    viewBox: `0 0 ${labelWidth + barWidth + 60} ${height}`, class: 'dq-chart', role: 'img', 'data-testid': 'diag-chart',
    'aria-label': `Layer scores: ${layers.map((l) => `${l.name} ${l.score}`).join(', ')}`,
  });
  for (const x of [0, 50, 100]) {
    const lx = labelWidth + (barWidth * x) / 100;
    svg.appendChild(attrs(document.createElementNS(SVG_NS, 'line'), { x1: lx, x2: lx, y1: 0, y2: height - 18, class: 'dq-grid' }));
    const t = attrs(document.createElementNS(SVG_NS, 'text'), { x: lx, y: height - 4, class: 'dq-axis', 'text-anchor': 'middle' });
    t.textContent = String(x);
    svg.appendChild(t);
  }
  layers.forEach((l, i) => {
    const y = i * rowHeight + 6;
    const label = attrs(document.createElementNS(SVG_NS, 'text'), { x: labelWidth - 10, y: y + 16, class: 'dq-bar-label', 'text-anchor': 'end' });
    label.textContent = l.name;
    const bar = attrs(document.createElementNS(SVG_NS, 'rect'), {
      x: labelWidth, y, height: 22, width: Math.max(2, (barWidth * l.score) / 100),
      class: `dq-bar band-${l.band}${l.id === weakest ? ' is-weakest' : ''}`,
    });
    const value = attrs(document.createElementNS(SVG_NS, 'text'), { x: labelWidth + Math.max(2, (barWidth * l.score) / 100) + 6, y: y + 16, class: 'dq-bar-value' });
    value.textContent = String(l.score);
    svg.append(label, bar, value);
  });
  return svg;
}

/** @param {any} comparison @param {(id: string) => string} layerName */
function comparisonSection(comparison, layerName) {
  return h('section', { class: 'dq-panel dq-comparison', 'data-testid': 'diag-comparison', 'aria-labelledby': 'diag-cmp-title' },
    h('h3', { id: 'diag-cmp-title' }, 'Your answers against your last audit'),
    h('p', {}, comparison.summary),
    h('table', { class: 'dq-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Layer'), h('th', { scope: 'col' }, 'Your answers'),
        h('th', { scope: 'col' }, 'Measured'), h('th', { scope: 'col' }, 'Verdict'))),
      h('tbody', {}, comparison.layers.map((/** @type {any} */ l) => h('tr', {
        'data-testid': `diag-compare-${l.id}`, 'data-verdict': l.verdict, class: `verdict-${l.verdict}`,
      }, h('th', { scope: 'row' }, layerName(l.id)), h('td', {}, String(l.self_score)),
      h('td', {}, String(l.measured_score)), h('td', {}, l.message))))));
}

/**
 * @typedef {{layerName: (id: string) => string, shared: boolean, ownAnswered: number, total: number,
 *   shareUrl: () => string, onEdit: () => void, onRestart: () => void, onAudit: () => void,
 *   onKeepShared: () => void, onBackToMine: () => void}} ResultContext
 */

/** The result section of a diagnose envelope. @param {any} r @param {ResultContext} ctx */
export function resultView(r, ctx) {
  const weakest = r.recommendations[0];
  const rest = r.recommendations.slice(1);
  // The audit's layers (the engine's describe); any other scored layer is shown apart.
  const audited = (/** @type {any} */ l) => !LAYERS.length || LAYERS.some((x) => x.id === l.id);
  const apart = r.layers.filter((/** @type {any} */ l) => !audited(l));
  const shareInput = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', readonly: true, class: 'dq-share-link', 'data-testid': 'diag-share-link', 'aria-label': 'Share link', hidden: true,
  }));
  const shareStatus = h('span', { class: 'dq-share-status', role: 'status', 'data-testid': 'diag-share-status' });
  const score = (/** @type {any} */ l) => h('li', {
    'data-testid': `diag-layer-${l.id}`, 'data-score': String(l.score), 'data-band': l.band,
    class: l.id === r.weakest_layer ? 'is-weakest' : '',
  }, h('span', { class: 'dq-score-name' }, l.name), ' ', h('span', { class: 'dq-score-value' }, `${l.score}/100`), ' ',
  h('span', { class: `dq-band band-${l.band}` }, l.band_label));
  return h('section', { class: 'dq-result', 'data-testid': 'diag-result', 'data-weakest': r.weakest_layer, 'aria-labelledby': 'diag-result-title' },
    h('p', { class: 'print-only dq-print-meta', 'data-testid': 'diag-print-meta' },
      `revdiag · Sales process diagnostic${ctx.shared ? ' (shared answers)' : ''} · printed on ${todayIso()}`),
    h('h2', { id: 'diag-result-title', tabindex: '-1' }, ctx.shared ? 'A shared sales process diagnostic' : 'Your sales process diagnostic'),
    ctx.shared ? h('div', { class: 'dq-panel dq-shared', role: 'note', 'data-testid': 'diag-shared' },
      h('p', {}, `These answers come from a shared link. Your own answers (${ctx.ownAnswered} of ${ctx.total} answered) are kept in this browser, untouched.`),
      h('div', { class: 'dq-nav' },
        h('button', { type: 'button', class: 'button', 'data-testid': 'diag-back-to-mine', onclick: ctx.onBackToMine }, 'Back to my answers'),
        h('button', { type: 'button', class: 'button', 'data-testid': 'diag-keep-shared', onclick: ctx.onKeepShared }, 'Replace mine with these'))) : null,
    h('p', { class: 'dq-summary' }, r.summary),
    h('div', { class: 'dq-panel dq-chart-panel' },
      scoreChart(r.layers, r.weakest_layer),
      h('ol', { class: 'dq-scores' }, r.layers.filter(audited).map(score)),
      apart.length ? h('div', { class: 'dq-apart', 'data-testid': 'diag-apart' },
        h('p', {}, `${apart.length === 1 ? 'One more score' : `${apart.length} more scores`}, apart from the ${LAYERS.length} layers an export is audited on: `
          + `${apart.map((/** @type {any} */ l) => l.name).join(', ')} asks whether the CRM itself makes the process happen, which no export can show.`),
        h('ol', { class: 'dq-scores' }, apart.map(score))) : null),
    h('section', { class: 'dq-panel dq-weakest', 'data-testid': 'diag-weakest', 'data-layer': weakest.layer, 'aria-labelledby': 'diag-weakest-title' },
      h('h3', { id: 'diag-weakest-title' }, `Fix first: ${weakest.name}`),
      h('p', {}, `Scores ${weakest.score} of 100. Next steps, in order:`),
      h('ol', { class: 'dq-steps' }, weakest.steps.map((/** @type {string} */ s) => h('li', {}, s)))),
    r.comparison || ctx.shared ? null : h('section', { class: 'dq-panel dq-next', 'data-testid': 'diag-next', 'aria-labelledby': 'diag-next-title' },
      h('h3', { id: 'diag-next-title' }, 'Next: audit your export'),
      h('p', {}, 'Your answers stay saved in this browser. Audit a deal export from your CRM, then come back here: '
        + 'this page compares what you answered with what the export shows, layer by layer.'),
      h('button', { type: 'button', class: 'button primary', 'data-testid': 'diag-audit', onclick: ctx.onAudit }, 'Audit an export')),
    rest.length ? h('section', { class: 'dq-panel', 'aria-labelledby': 'diag-then-title' },
      h('h3', { id: 'diag-then-title' }, 'Then, in this order'),
      rest.map((/** @type {any} */ rec) => h('div', { class: 'dq-rec', 'data-testid': `diag-rec-${rec.layer}` },
        h('h4', {}, `${rec.priority}. ${rec.name} (${rec.score})`),
        h('ul', { class: 'dq-steps' }, rec.steps.map((/** @type {string} */ s) => h('li', {}, s)))))) : null,
    r.comparison ? comparisonSection(r.comparison, ctx.layerName) : null,
    h('div', { class: 'dq-actions' },
      h('button', {
        type: 'button', class: `button${r.comparison || ctx.shared ? ' primary' : ''}`, 'data-testid': 'diag-share',
        onclick: () => {
          const url = ctx.shareUrl();
          shareInput.value = url;
          shareInput.hidden = false;
          shareInput.select();
          const copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject(new Error('no clipboard'));
          copied.then(() => { shareStatus.textContent = 'Link copied.'; },
            () => { shareStatus.textContent = 'Copy the link below: it is selected.'; });
        },
      }, 'Share link'),
      h('button', { type: 'button', class: 'button', 'data-testid': 'diag-print', onclick: () => window.print() }, 'Print'),
      ctx.shared ? null : h('button', { type: 'button', class: 'button', 'data-testid': 'diag-edit', onclick: ctx.onEdit }, 'Change answers'),
      ctx.shared ? null : h('button', { type: 'button', class: 'button', 'data-testid': 'diag-restart', onclick: ctx.onRestart }, 'Start over'),
      shareStatus,
      shareInput));
}
