// @ts-check
// The mapping step: what was detected (CRM, encoding, delimiter, rows), each
// canonical field's chosen column with its confidence (changeable), and the
// export's stage names mapped onto the process stages (changeable).
import { $, describeError, fill, formatNumber, h } from '../dom.js';
import { crmName, layerInfo, matchStage, readHeaders, readMapping, readStageValues, readWarnings, warningTotal } from '../state.js';
import { tierWords } from './coverage.js';

/** Activity columns, strongest first, as the engine reads them (DESIGN §3.1). */
const ACTIVITY_ORDER = Object.freeze(['last_buyer_activity_date', 'last_buyer_response_date', 'last_contact_date', 'last_activity_date']);

/**
 * What an evidence column will be used for, given which activity columns are mapped.
 * @param {string} field @param {Set<string>} mapped
 */
export function evidenceUse(field, mapped) {
  const reference = ACTIVITY_ORDER.find((f) => mapped.has(f));
  const e1 = ACTIVITY_ORDER.slice(0, 3).find((f) => mapped.has(f));
  const uses = [];
  if (field === e1) uses.push('E1 (buyer has responded or met)');
  if (field === reference) uses.push('the archive rule (days without activity)');
  if (field === 'last_buyer_response_date' || (field === 'last_contact_date' && !mapped.has('last_buyer_response_date')
    && !mapped.has('last_buyer_activity_date'))) uses.push('the buyer\'s answer to a proposal');
  if (field === 'last_activity_date' && !e1) uses.push('never E1: a rep\'s log is not the buyer');
  if (field === 'next_activity_date' && !mapped.has('next_step_date')) uses.push('Q3 (next step with a date)');
  if (field === 'stage_entered_date') uses.push('the re-engagement window');
  return uses.length ? uses.join('; ') : 'not used: a stronger column is read';
}

/** The canonical fields of DESIGN §2.1, in order, with a human label. */
export const CANONICAL_FIELDS = Object.freeze([
  ['deal_id', 'Deal ID'], ['deal_name', 'Deal name'], ['account', 'Account'], ['amount', 'Amount'],
  ['currency', 'Currency'], ['stage', 'Stage'], ['status', 'Status'], ['owner', 'Owner'],
  ['created_date', 'Created date'], ['close_date', 'Close date'], ['stage_entered_date', 'Stage entered'],
  ['last_activity_date', 'Last activity'], ['last_buyer_activity_date', 'Last buyer activity'],
  ['last_buyer_response_date', 'Last buyer response'], ['last_contact_date', 'Last contact'],
  ['next_activity_date', 'Next activity'], ['next_step', 'Next step'],
  ['next_step_date', 'Next step date'], ['problem_confirmed', 'Problem confirmed'],
  ['budget_confirmed', 'Budget confirmed'], ['decision_date', 'Decision date'],
  ['decision_maker', 'Decision maker'], ['proposal_sent_date', 'Proposal sent'],
  ['last_follow_up_date', 'Last follow-up'], ['probability', 'Probability'], ['snoozed_until', 'Snoozed until'],
]);

/**
 * @param {any} state
 * @param {{onMap: (field: string, header: string) => void, onStageMap: (value: string, stage: string) => void}} actions
 */
export function renderMapping(state, actions) {
  const inspect = state.inspect;
  if (!inspect) return;
  const mapping = readMapping(inspect);
  const byField = new Map(mapping.map((m) => [m.field, m]));
  const headers = readHeaders(inspect);

  fill($('#mapping-summary'),
    fact('Detected CRM', crmName(inspect.detected_crm || (inspect.input && inspect.input.detected_crm) || 'generic')),
    fact('Rows', formatNumber(Number(inspect.rows ?? (inspect.input && inspect.input.rows)))),
    inspect.encoding ? fact('Encoding', inspect.encoding) : null,
    inspect.delimiter ? fact('Delimiter', delimiterName(inspect.delimiter)) : null);

  const mapped = new Set(mapping.filter((m) => m.header).map((m) => m.field));
  const report = state.report;
  const noAmounts = Boolean(report && report.summary && report.summary.ranked_by === 'deals');
  const raw = inspect.mapping || (inspect.input && inspect.input.mapping) || {};
  // The engine marks a name field read from a column of record ids (AccountId, OwnerId).
  const ids = (/** @type {string} */ field) => Boolean(raw[field] && raw[field].ids);
  const rows = CANONICAL_FIELDS.map(([field, label]) => {
    const m = byField.get(field) || { field, header: '', confidence: 0, alternatives: [] };
    const tier = raw[field] && typeof raw[field] === 'object' ? raw[field].tier : undefined;
    const chosen = field in state.map ? state.map[field] : m.header;
    const id = `map-${field}`;
    const select = h('select', { id, dataset: { field },
      onchange: (/** @type {Event} */ e) => actions.onMap(field, /** @type {HTMLSelectElement} */ (e.target).value) },
    h('option', { value: '' }, '(not recorded)'),
    headers.map((header) => h('option', { value: header, selected: header === chosen }, header)));
    const overridden = field in state.map;
    const cost = chosen ? '' : fieldCost(field, label, report);
    return h('tr', { dataset: { field } },
      h('th', { scope: 'row' }, h('label', { for: id }, label)),
      h('td', null, select),
      h('td', null, overridden ? h('span', { class: 'pill manual' }, 'set by you') : confidencePill(chosen ? m.confidence : 0),
        // The evidence tier of an activity column and what the audit reads it for.
        tier && chosen ? h('span', { class: 'evidence-tier', dataset: { testid: `tier-${field}`, tier } },
          ` ${tierWords(tier)} · used for ${evidenceUse(field, mapped)}`) : null,
        field === 'amount' && (noAmounts || !chosen) ? h('span', { class: 'pill low', dataset: { testid: 'amount-hint' } },
          chosen ? 'no open deal has a value here: pick the deal value column' : 'no amount: the pipeline cannot be valued') : null,
        chosen && ids(field) ? h('span', { class: 'map-note', dataset: { testid: `ids-${field}` } },
          `${chosen} holds record ids, not names: the audit works, but ${label.toLowerCase()} names would read better.`) : null,
        cost ? h('span', { class: 'map-note', dataset: { testid: `cost-${field}` } }, cost) : null));
  });
  renderPointers(state, report, { noAmounts, amountColumn: ('amount' in state.map ? state.map.amount : byField.get('amount')?.header) || '',
  idFields: CANONICAL_FIELDS.filter(([f]) => ids(f)).map(([f, label]) => ({ field: f, label, header: String(raw[f].header) })) });
  fill($('#field-mapping'), h('table', { class: 'map-table' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Column in the export'),
      h('th', { scope: 'col' }, 'Match'))),
    h('tbody', null, rows)));

  renderStageMapping(state, actions);

  const warnings = readWarnings(inspect);
  fill($('#mapping-warnings'), warnings.length ? warningList(warnings, warningTotal(inspect))
    : h('p', { class: 'hint' }, 'Every row was read cleanly.'));
}

/**
 * What the audit loses when a field has no column, in the engine's own terms:
 * the layers its coverage says need the field and the criteria that read it.
 * '' when no check reads it (or before the engine has looked).
 * @param {string} field @param {string} label @param {any} report
 */
export function fieldCost(field, label, report) {
  const c = report && report.coverage;
  if (!c) return '';
  const layers = (Array.isArray(c.layers) ? c.layers : []).filter((/** @type {any} */ l) => l.measurable !== 'yes'
    && Array.isArray(l.add) && l.add.some((/** @type {any} */ a) => a.field === field));
  const criteria = (Array.isArray(c.criteria) ? c.criteria : []).filter((/** @type {any} */ x) => x.status === 'not_assessable'
    && Array.isArray(x.add) && x.add.some((/** @type {any} */ a) => a.field === field)).map((/** @type {any} */ x) => x.criterion);
  const parts = layers.map((/** @type {any} */ l) => `${layerInfo(l.id).name} ${l.measurable === 'no' ? 'cannot be checked' : 'is only partly checked'}`);
  if (criteria.length) parts.push(`${criteria.length === 1 ? 'criterion' : 'criteria'} ${criteria.join(', ')} not assessed`);
  return parts.length ? `No ${label.toLowerCase()}: ${parts.join('; ')}.` : '';
}

/**
 * Before the audit: the columns that decide what it can value and check, each a
 * link to its row (amount with no value on open deals, id columns, missing fields).
 * @param {any} state @param {any} report
 * @param {{noAmounts: boolean, amountColumn: string, idFields: {field: string, label: string, header: string}[]}} o
 */
function renderPointers(state, report, o) {
  const el = $('#mapping-coverage');
  const go = (/** @type {string} */ field, /** @type {string} */ text) => h('button', { type: 'button', class: 'link-button',
    onclick: () => { const s = document.getElementById(`map-${field}`); if (s) { s.scrollIntoView({ block: 'center' }); s.focus(); } } }, text);
  const missing = CANONICAL_FIELDS.filter(([f, label]) => !(f in state.map ? state.map[f] : readMapping(state.inspect).some((m) => m.field === f && m.header))
    && fieldCost(f, label, report));
  const blind = (report && report.coverage && Array.isArray(report.coverage.layers) ? report.coverage.layers : [])
    .filter((/** @type {any} */ l) => l.measurable !== 'yes').map((/** @type {any} */ l) => layerInfo(l.id).name);
  const items = [
    !o.amountColumn ? h('li', { dataset: { testid: 'pointer-amount' } }, 'No amount column: the pipeline cannot be valued. ',
      go('amount', 'Pick the column that holds deal value')) : null,
    o.amountColumn && o.noAmounts ? h('li', { dataset: { testid: 'pointer-amount' } },
      `No open deal has a value in ${o.amountColumn}, so the pipeline cannot be valued. `, go('amount', 'Pick the column that holds deal value')) : null,
    ...o.idFields.map((f) => h('li', { dataset: { testid: `pointer-ids-${f.field}` } },
      `${f.header} holds record ids, not names. `, go(f.field, `Pick the ${f.label.toLowerCase()} name column, if the export has one`))),
    missing.length ? h('li', { dataset: { testid: 'pointer-missing' } },
      `${formatNumber(missing.length)} ${missing.length === 1 ? 'field' : 'fields'} the checks read ${missing.length === 1 ? 'has' : 'have'} no column, so ${blind.join(', ')} cannot be fully checked: `,
      missing.map(([f, label], i) => [i ? ', ' : '', go(f, label)]), '.') : null,
  ].filter(Boolean);
  el.hidden = !items.length;
  fill(el, h('h2', { id: 'mapping-coverage-title' }, 'Before you audit'), h('ul', null, items));
}

/** @param {any} state @param {{onStageMap: (value: string, stage: string) => void}} actions */
function renderStageMapping(state, actions) {
  const values = readStageValues(state.inspect);
  const stages = (state.process && Array.isArray(state.process.stages)) ? state.process.stages : [];
  if (!values.length) {
    fill($('#stage-mapping'), h('p', { class: 'hint' }, 'No stage column was found in this export.'));
    return;
  }
  const rows = values.map((v, i) => {
    const id = `stage-map-${i}`;
    const chosen = v.value in state.stageMap ? state.stageMap[v.value] : (v.stage || matchStage(state.process, v.value));
    return h('tr', null,
      h('th', { scope: 'row' }, h('label', { for: id }, v.value || '(empty)')),
      h('td', { class: 'num' }, formatNumber(v.count)),
      h('td', null, h('select', { id, onchange: (/** @type {Event} */ e) => actions.onStageMap(v.value,
        /** @type {HTMLSelectElement} */ (e.target).value) },
      h('option', { value: '' }, '(not matched)'),
      stages.map((/** @type {any} */ s) => h('option', { value: s.id, selected: s.id === chosen }, s.name || s.id)))));
  });
  fill($('#stage-mapping'), h('table', { class: 'map-table' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Stage in the export'), h('th', { scope: 'col', class: 'num' }, 'Deals'),
      h('th', { scope: 'col' }, 'Process stage'))),
    h('tbody', null, rows)));
}

/** @param {string} label @param {string} value */
function fact(label, value) {
  return h('div', { class: 'fact' }, h('span', { class: 'fact-label' }, label), h('span', { class: 'fact-value' }, value));
}

/** @param {number} confidence */
function confidencePill(confidence) {
  if (!(confidence > 0)) return h('span', { class: 'pill none' }, 'not found');
  const pct = Math.round(confidence <= 1 ? confidence * 100 : confidence);
  const level = pct >= 90 ? 'high' : pct >= 60 ? 'medium' : 'low';
  return h('span', { class: `pill ${level}` }, `${pct}% sure`);
}

/** @param {string} d */
function delimiterName(d) {
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[d] || d;
}

/** A list of warnings, each with its line. @param {any[]} warnings @param {number} [total] */
export function warningList(warnings, total = warnings.length) {
  const shown = warnings.slice(0, 200);
  return h('ul', { class: 'warning-list' },
    shown.map((w) => h('li', null, h('code', null, w.code || 'warning'), ' ', describeError(w))),
    total > shown.length ? h('li', null, `and ${formatNumber(total - shown.length)} more`) : null);
}
