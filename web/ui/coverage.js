// @ts-check
// The coverage panel (DESIGN §3.1): what this export can show, what it cannot,
// and the fields to add, in plain words above the figures whenever coverage is
// partial, so that "your CRM does not record it" never reads as "your deals
// failed it". Also the evidence switch and the one-click as-of of an old export.
import { plural } from './dashboard.js';
import { fill, formatCompact, formatNumber, h } from '../dom.js';
import { layerInfo } from '../state.js';

/** How each evidence tier reads to a sales leader. */
export const TIER_WORDS = Object.freeze({
  buyer: 'buyer replies and meetings',
  two_way: 'two-way contact: weaker than buyer replies',
  rep: 'logged by reps: weaker than buyer replies',
  stage_timing: 'stage timing',
});

/** @param {any} tier */
export function tierWords(tier) {
  return typeof tier === 'string' ? (/** @type {any} */ (TIER_WORDS))[tier] || tier : '';
}

/** The export's newest date when an audit warned it is older than the as-of, else ''. @param {any} report */
export function staleExportDate(report) {
  const warnings = Array.isArray(report && report.warnings) ? report.warnings : [];
  const w = warnings.find((/** @type {any} */ x) => x && x.code === 'audit.export_older_than_as_of');
  return w && w.at && typeof w.at.field === 'string' ? w.at.field : '';
}

/** True when the panel has something to say before the figures. @param {any} report */
export function coverageIsPartial(report) {
  const c = report && report.coverage;
  if (!c) return false;
  const noAmounts = report.summary && report.summary.ranked_by === 'deals';
  return !c.complete || Boolean(staleExportDate(report)) || noAmounts;
}

/**
 * @param {HTMLElement} el
 * @param {any} report
 * @param {{evidence: string, onAsOf: (date: string) => void, onEvidence: (mode: string) => void}} actions
 */
export function renderCoverage(el, report, actions) {
  const c = report && report.coverage;
  if (!c) {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  const partial = coverageIsPartial(report);
  el.dataset.partial = String(partial);
  const layers = Array.isArray(c.layers) ? c.layers : [];
  const measured = layers.filter((/** @type {any} */ l) => l.measurable !== 'no');
  const blind = layers.filter((/** @type {any} */ l) => l.measurable === 'no');
  const notAssessable = (Array.isArray(c.criteria) ? c.criteria : []).filter((/** @type {any} */ x) => x.status === 'not_assessable');
  const s = report.summary || {};
  const oldDate = staleExportDate(report);
  /** @type {Map<string, string>} */
  const toAdd = new Map();
  for (const l of layers) for (const f of (Array.isArray(l.add) ? l.add : [])) if (!toAdd.has(f.field)) toAdd.set(f.field, f.crm_field);

  fill(el,
    h('h2', { id: 'coverage-title' }, partial ? 'What this export can and cannot show' : 'What this export shows'),
    s.ranked_by === 'deals' && Number(s.open_deals) > 0
      ? h('p', { class: 'coverage-alert', dataset: { testid: 'coverage-no-amounts' } },
        `None of the ${formatNumber(s.open_deals)} open deals has an amount, so the pipeline cannot be valued: `
        + 'layers are ranked by how many deals fail them. Map the column that holds deal value on the Mapping screen.')
      : null,
    oldDate ? h('p', { class: 'coverage-alert', dataset: { testid: 'coverage-old-export' } },
      `The newest date in this export is ${oldDate}, long before the as-of date ${report.as_of}, so every deal looks older than it was. `,
      h('button', { type: 'button', class: 'button', dataset: { testid: 'audit-as-of-export' },
        onclick: () => actions.onAsOf(oldDate) }, `Audit as of ${oldDate}`)) : null,
    h('p', null, activitySentence(c.activity)),
    h('ul', { class: 'coverage-layers' }, layers.map((/** @type {any} */ l) => h('li', {
      dataset: { testid: `coverage-layer-${l.id}`, measurable: String(l.measurable) } },
    h('strong', null, layerInfo(l.id).name), ': ',
    l.measurable === 'yes' ? 'measured' : l.measurable === 'partly' ? 'partly measured' : 'not measurable from this export'))),
    notAssessable.length ? h('p', null,
      `This export has no column for ${notAssessable.map((/** @type {any} */ x) => x.criterion).join(', ')}: `
      + 'those criteria were not assessed, and no deal was flagged for them.') : null,
    Number(s.unverified_deals) > 0 ? h('p', { dataset: { testid: 'coverage-unverified', value: String(s.unverified_total) } },
      (s.ranked_by === 'deals' ? `${plural(Number(s.unverified_deals) || 0, 'deal')} of the real pipeline `
        : `${formatCompact(Number(s.unverified_total) || 0)} of the real pipeline (${plural(Number(s.unverified_deals) || 0, 'deal')}) `)
      + `${s.ranked_by === 'deals' && Number(s.unverified_deals) !== 1 ? 'rest' : 'rests'} on criteria this export cannot show: unverified, not confirmed.`) : null,
    toAdd.size ? h('details', { open: blind.length > 0 && measured.length < layers.length },
      h('summary', null, `Fields to add to the export (${formatNumber(toAdd.size)})`),
      h('ul', null, [...toAdd].map(([field, words]) => h('li', null, h('code', null, field), ` — ${words}`)))) : null,
    h('p', { class: 'coverage-switch no-print' }, evidenceSwitch('evidence-mode', actions.evidence, actions.onEvidence)));
}

/**
 * The evidence switch (DESIGN §3.1): what an absent column means for the audit.
 * @param {string} id @param {string} mode @param {(mode: string) => void} onChange
 */
export function evidenceSwitch(id, mode, onChange) {
  return [
    h('label', { for: id }, 'Absent columns: '),
    h('select', { id, class: 'evidence-mode', dataset: { testid: id },
      onchange: (/** @type {Event} */ e) => onChange(/** @type {HTMLSelectElement} */ (e.target).value) },
    h('option', { value: 'available', selected: mode !== 'strict' }, 'not assessed (judge what the export records)'),
    h('option', { value: 'strict', selected: mode === 'strict' }, 'read as blank on every deal (strict)')),
  ];
}

/** "Activity is judged on Last Activity Date, logged by reps: weaker than buyer replies." @param {any} a */
function activitySentence(a) {
  if (!a || !a.column) return 'The export has no activity column, so how long deals have gone quiet cannot be judged: no deal was flagged stale for it.';
  return `Activity is judged on ${a.header || a.column}, ${tierWords(a.tier)}.`;
}
