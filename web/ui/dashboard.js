// @ts-check
// The dashboard's text panels: the headline figures (with the data-testid /
// data-value contract of DESIGN §7), the layers ranked by amount at risk with
// the weakest explained and their overlaps counted once, the owners' next
// actions (each deal once) and the input warnings.
import { $, fill, formatCompact, formatNumber, formatPercent, h } from '../dom.js';
import { FINDINGS, findingText, layerInfo, rankLayers, readSummary, readWarnings, warningTotal } from '../state.js';
import { warningList } from './mapping.js';

/** "1 deal", "3 deals": a count with its noun, formatted like every number on the page. @param {number} n @param {string} one @param {string} [many] */
export function plural(n, one, many = `${one}s`) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * @typedef {{onLayer: (id: string) => void, countFinding: (code: string) => Promise<number>,
 *   onAction?: (owner: string | null, action: string) => void}} DashboardActions
 */

/**
 * @param {any} report
 * @param {DashboardActions} actions
 */
export function renderDashboard(report, actions) {
  renderHeadline(report);
  renderLayers(report, actions);
  explainWeakest(report, actions);
  renderOwners(report, actions);
  const warnings = readWarnings(report);
  fill($('#input-warnings'), warnings.length ? warningList(warnings, warningTotal(report))
    : h('p', { class: 'hint' }, 'No input warnings: every row and value was read.'));
}

/**
 * Say when the audit used a process the user edited or imported, not the default one.
 * @param {any} report @param {boolean} edited @param {() => void} onEdit
 */
export function renderProcessNote(report, edited, onEdit) {
  const note = $('#process-note');
  note.hidden = !edited;
  const name = report && report.process && report.process.name ? String(report.process.name) : 'your process';
  fill(note, edited ? [h('span', { class: 'pill medium' }, 'custom process'), ` Audited against ${name}, edited on this page, not the default process. `,
    h('button', { type: 'button', class: 'link-button', onclick: onEdit }, 'Open the process')] : null);
}

/** @param {any} report */
function renderHeadline(report) {
  const s = readSummary(report);
  const diff = s.statedTotal - s.realTotal;
  const ratio = s.statedTotal > 0 ? diff / s.statedTotal : NaN;
  const weakest = layerInfo(s.weakestLayer);
  const summary = report.summary || {};
  // No open deal has an amount: "0 → 0" would read as an empty pipeline, so say it cannot be valued and count deals.
  const unvalued = summary.ranked_by === 'deals' && s.openDeals > 0;
  const realDeals = Number(summary.real_deals) || 0;
  const money = unvalued ? [
    figure('Pipeline value', 'Cannot be valued', 'no open deal has an amount', 'stated-total', s.statedTotal, 'unvalued'),
    h('div', { class: 'headline-arrow', 'aria-hidden': 'true' }, '→'),
    figure('Real pipeline', `${formatNumber(realDeals)} of ${formatNumber(s.openDeals)}`, 'open deals, counted, not valued',
      'real-total', s.realTotal, 'real counted'),
    h('div', { class: 'figure gap' },
      h('span', { class: 'figure-label' }, 'Not real'),
      h('span', { class: 'figure-value' }, plural(s.openDeals - realDeals, 'deal')),
      h('span', { class: 'figure-sub' }, `${formatPercent((s.openDeals - realDeals) / s.openDeals)} of open deals`)),
  ] : [
    figure('Stated pipeline', formatCompact(s.statedTotal), formatNumber(s.statedTotal), 'stated-total', s.statedTotal),
    h('div', { class: 'headline-arrow', 'aria-hidden': 'true' }, '→'),
    figure('Real pipeline', formatCompact(s.realTotal), formatNumber(s.realTotal), 'real-total', s.realTotal, 'real'),
    h('div', { class: 'figure gap' },
      h('span', { class: 'figure-label' }, 'Not real'),
      h('span', { class: 'figure-value' }, formatCompact(diff)),
      h('span', { class: 'figure-sub' }, Number.isFinite(ratio) ? `${formatPercent(ratio)} of stated` : '')),
  ];
  $('#headline').dataset.unvalued = String(unvalued);
  const unmeasured = (Array.isArray(report.layers) ? report.layers : []).filter((/** @type {any} */ l) => l.measurable === 'no').length;
  fill($('#headline'),
    money,
    figure('Open deals', formatNumber(s.openDeals), '', 'open-deals', s.openDeals),
    s.weakestLayer
      ? h('div', { class: 'figure weakest', dataset: { testid: 'weakest-layer', value: s.weakestLayer } },
        h('span', { class: 'figure-label' }, 'Fix first'),
        h('span', { class: 'figure-value' }, weakest.name),
        h('span', { class: 'figure-sub' }, 'the weakest layer'))
      : h('div', { class: 'figure weakest none', dataset: { testid: 'weakest-layer', value: '' } },
        h('span', { class: 'figure-label' }, 'Layers'),
        // A layer the export cannot show has not passed: say how many were not measured.
        h('span', { class: 'figure-value' }, unmeasured ? 'No measured layer fails' : 'No layer fails'),
        h('span', { class: 'figure-sub' }, unmeasured ? `${plural(unmeasured, 'layer')} could not be measured from this export`
          : 'every open deal follows the process')));
}

/**
 * @param {string} label @param {string} shown @param {string} sub @param {string} testid
 * @param {number} value @param {string} [extra]
 */
function figure(label, shown, sub, testid, value, extra = '') {
  return h('div', { class: `figure ${extra}`, dataset: { testid, value: Number.isFinite(value) ? String(value) : '' } },
    h('span', { class: 'figure-label' }, label),
    h('span', { class: 'figure-value' }, shown),
    sub ? h('span', { class: 'figure-sub' }, sub) : null);
}

/** @param {any} report @param {{onLayer: (id: string) => void}} actions */
function renderLayers(report, actions) {
  const weakestId = readSummary(report).weakestLayer;
  const stated = readSummary(report).statedTotal;
  const openDeals = readSummary(report).openDeals;
  const byDeals = Boolean(report.summary && report.summary.ranked_by === 'deals');
  const ranked = rankLayers(report);
  const items = ranked.map((layer, k) => {
    const info = layerInfo(layer.id);
    const weakest = layer.id === weakestId;
    const amount = Number(layer.amount_at_risk) || 0;
    const failing = Number(layer.deals_failing) || 0;
    // With no amounts recorded the engine ranks by deal counts, and so do the bars.
    const share = byDeals ? Math.min(1, failing / Math.max(1, openDeals))
      : stated > 0 ? Math.min(1, amount / stated) : 0;
    const bar = h('span', { class: 'layer-bar-fill' });
    bar.style.width = `${(share * 100).toFixed(1)}%`;
    return h('li', { class: `layer${weakest ? ' weakest' : ''}${failing ? '' : ' passing'}`,
      dataset: { testid: `layer-${layer.id}`, deals: String(layer.deals_failing ?? ''), amount: String(layer.amount_at_risk ?? ''),
        countedAbove: String(layer.amount_counted_above ?? '') } },
    h('div', { class: 'layer-head' },
      h('span', { class: 'layer-name' }, info.name, weakest ? h('span', { class: 'pill weakest-pill' }, 'weakest') : null),
      // A layer the export cannot show has no score (DESIGN §3.1): never 100/100.
      layer.score == null ? h('span', { class: 'layer-score unmeasured' }, 'not measurable')
        : h('span', { class: 'layer-score', title: 'Layer score out of 100' }, `${layer.score}/100`,
          layer.measurable === 'partly' ? h('span', { class: 'pill partly' }, 'partly measured') : null)),
    h('div', { class: 'layer-bar', 'aria-hidden': 'true' }, bar),
    h('p', { class: 'layer-figures' }, !failing ? 'Passes: no deal fails it.' : byDeals
      ? `${plural(failing, 'deal failing', 'deals failing')} (no amounts recorded)`
      : `${formatCompact(amount)} at risk · ${plural(failing, 'deal')}`),
    failing ? overlapNote(layer, ranked.slice(0, k), byDeals) : null,
    weakest ? h('div', { class: 'layer-why' }, h('p', null, info.why), h('ul', { class: 'layer-codes', id: 'weakest-codes' }),
      h('p', null, h('strong', null, 'Fix: '), info.fix)) : null,
    layer.id === 'stages' ? processNotes(report) : null,
    failing ? h('button', { type: 'button', class: 'link-button no-print', onclick: () => actions.onLayer(layer.id) },
      failing === 1 ? 'Show the deal' : `Show the ${formatNumber(failing)} deals`) : null);
  });
  const s = report.summary || {};
  const flagged = Number(s.flagged_deals) || 0;
  fill($('#layer-list'), items);
  fill($('#layer-total'), !flagged ? 'No layer fails: every open deal follows the process.'
    : byDeals ? `A deal can fail several layers: ${plural(flagged, 'deal fails', 'deals fail')} at least one.`
      : `A deal can fail several layers, so the amounts overlap: counted once, the ${plural(flagged, 'flagged deal')} carry ${formatCompact(Number(s.flagged_amount) || 0)}.`);
}

/**
 * How much of a layer's amount a layer ranked before it already counts, and how
 * much leaves the real pipeline (the waterfall's share).
 * @param {any} layer @param {any[]} above @param {boolean} byDeals
 */
function overlapNote(layer, above, byDeals) {
  const deals = Number(layer.deals_counted_above) || 0;
  const amount = Number(layer.amount_counted_above) || 0;
  const notReal = Number(layer.amount_not_real) || 0;
  const names = above.filter((l) => Number(l.deals_failing) > 0).map((l) => layerInfo(l.id).name);
  const parts = [];
  if (deals > 0) {
    parts.push(byDeals ? `${plural(deals, 'deal')} already counted above (${names.join(', ')})`
      : `${formatCompact(amount)} of it (${plural(deals, 'deal')}) already counted above under ${names.join(', ')}`);
  } else if (names.length) {
    parts.push('none of it counted above');
  }
  if (!byDeals) parts.push(notReal > 0 ? `${formatCompact(notReal)} of it leaves the real pipeline` : 'all of it stays in the real pipeline, at an earlier stage or with an action');
  return h('p', { class: 'layer-overlap', 'data-testid': `overlap-${layer.id}` }, parts.join('; '), '.');
}

/**
 * Break the weakest layer down by finding (how many deals carry each code), so
 * "exit criteria" reads as "criteria never recorded on 80 deals, not met on 12".
 * @param {any} report @param {{countFinding: (code: string) => Promise<number>}} actions
 */
async function explainWeakest(report, actions) {
  const weakest = readSummary(report).weakestLayer;
  const codes = FINDINGS.filter((f) => f.layer === weakest);
  const counts = [];
  for (const f of codes) counts.push([f, await actions.countFinding(f.code)]);
  const list = document.getElementById('weakest-codes');
  if (!list) return;
  fill(list, counts.filter(([, n]) => Number(n) > 0).sort((a, b) => Number(b[1]) - Number(a[1]))
    .map(([f, n]) => h('li', null, h('strong', null, formatNumber(Number(n))), ` ${Number(n) === 1 ? 'deal' : 'deals'}: ${/** @type {any} */ (f).label}`)));
}

/** Findings about the process itself (too many stages, a stage with no buyer action). @param {any} report */
function processNotes(report) {
  // Criteria the export cannot show are the coverage panel's (DESIGN §3.1), not a verdict on the stages.
  const findings = (report.process && Array.isArray(report.process.findings) ? report.process.findings : [])
    .filter((/** @type {any} */ f) => f.code !== 'CRITERION_NOT_RECORDED');
  if (!findings.length) return null;
  return h('ul', { class: 'layer-codes' }, findings.map((/** @type {any} */ f) => h('li', null, f.message || f.code)));
}

/** @param {any} report @param {DashboardActions} handlers */
function renderOwners(report, handlers) {
  const owners = Array.isArray(report.owners) ? report.owners : [];
  if (!owners.length) {
    fill($('#owner-actions'), h('p', { class: 'hint' }, 'No actions: every open deal follows the process.'));
    return;
  }
  const cards = owners.slice(0, 60).map((/** @type {any} */ o) => {
    const actions = Array.isArray(o.actions) ? o.actions : [];
    const deals = Number(o.deals ?? 0);
    return h('article', { class: 'owner-card', 'data-testid': 'owner-card', dataset: { deals: String(deals) } },
      h('h3', null, h('span', { class: 'owner-name' }, o.owner || '(no owner)'), ' ', h('span', { class: 'count' },
        `${plural(deals, 'deal')} · ${formatCompact(Number(o.amount_at_risk) || 0)}`)),
      h('ul', null, actions.slice(0, 5).map((/** @type {any} */ a) => h('li', { 'data-testid': 'owner-action', dataset: { count: String(a.count ?? '') } },
        actionText(a, handlers.onAction ? () => handlers.onAction?.(o.owner ?? null, String(a.action)) : null))),
      actions.length > 5 ? h('li', { class: 'more' }, `and ${plural(actions.length - 5, 'more kind', 'more kinds')} of action`) : null));
  });
  fill($('#owner-actions'), h('p', { class: 'hint owner-hint' }, 'One next action per deal: each deal is counted once, under the action that comes first (archive, re-engage, follow up, move back, then data fixes). Every other finding stays listed as a reason in the deal table.'),
    cards,
    owners.length > 60 ? h('p', { class: 'hint' }, `and ${plural(owners.length - 60, 'more owner')} in the exports`) : null);
}

/**
 * An owner's action: what to do, on how many deals (how much), and the first
 * deals by name; a button lists them all in the deal table.
 * @param {any} a @param {(() => void) | null} onShow
 */
function actionText(a, onShow) {
  if (typeof a === 'string') return a;
  const deals = Array.isArray(a.deals) ? a.deals : [];
  const count = Number(a.count ?? deals.length);
  const names = deals.slice(0, 2).map((/** @type {any} */ d) => d.deal_name || d.deal_id || `row ${d.row}`);
  const more = count > names.length ? ` +${formatNumber(count - names.length)}` : '';
  const what = onShow ? h('button', { type: 'button', class: 'action-what action-link', onclick: onShow,
    'aria-label': `${findingText(a)}: show the ${plural(count, 'deal')}` }, findingText(a))
    : h('span', { class: 'action-what' }, findingText(a));
  return [
    h('span', { class: 'action-head' }, what,
      h('span', { class: 'action-size' }, `${plural(count, 'deal')} · ${formatCompact(Number(a.amount) || 0)}`)),
    names.length ? h('span', { class: 'action-deals' }, names.join(', '), more) : null,
  ];
}
