// @ts-check
// The page's one state object and the update() that re-renders from it, plus
// the fixed vocabulary of the five layers and tolerant readers of the engine's
// envelopes (so panels never index into raw JSON themselves).

/** The five layers of DESIGN §1, in their fixed order. */
export const LAYERS = Object.freeze([
  { id: 'stages', name: 'Stage definitions',
    why: 'Stages are not tied to something the buyer did, so a deal can sit in a stage it never reached.',
    fix: 'Define each stage by the buyer action that puts a deal there, and map every CRM stage to one.' },
  { id: 'exit_criteria', name: 'Exit criteria',
    why: 'Deals sit in stages whose entry criteria are not met or were never written down.',
    fix: 'Move each flagged deal back to its real stage and make the criteria required fields in the CRM.' },
  { id: 'ownership', name: 'Ownership',
    why: 'Deals have no owner, several owners, or a shared inbox as owner, so nobody acts next.',
    fix: 'Give every open deal exactly one named person responsible for the next action.' },
  { id: 'follow_up', name: 'Follow-up',
    why: 'Proposals went out and nobody followed up when the buyer went quiet.',
    fix: 'Follow up within the window after every proposal and move silent deals to re-engagement.' },
  { id: 'archive', name: 'Archive rule',
    why: 'Stale deals, expired close dates and finished re-engagements still inflate the pipeline.',
    fix: 'Archive deals with no buyer activity past the threshold; keep only snoozed deals with a resume date.' },
]);

/** The finding codes of DESIGN §3: their layer and a short human label. */
export const FINDINGS = Object.freeze([
  { code: 'STAGE_UNKNOWN', layer: 'stages', label: 'stage not in the process' },
  { code: 'EXIT_CRITERIA_UNMET', layer: 'exit_criteria', label: 'criteria not met' },
  { code: 'EXIT_CRITERIA_UNRECORDED', layer: 'exit_criteria', label: 'criteria never recorded' },
  { code: 'OWNER_MISSING', layer: 'ownership', label: 'no owner' },
  { code: 'OWNER_MULTIPLE', layer: 'ownership', label: 'several owners' },
  { code: 'OWNER_SHARED', layer: 'ownership', label: 'shared owner (team, queue, inbox)' },
  { code: 'OWNER_NOT_IN_ROSTER', layer: 'ownership', label: 'owner not in the roster' },
  { code: 'FOLLOW_UP_OVERDUE', layer: 'follow_up', label: 'follow-up overdue' },
  { code: 'REENGAGE_DUE', layer: 'follow_up', label: 'due for re-engagement' },
  { code: 'STALE', layer: 'archive', label: 'no buyer activity' },
  { code: 'ARCHIVE_DUE', layer: 'archive', label: 're-engagement ran out' },
  { code: 'CLOSE_DATE_PASSED', layer: 'archive', label: 'close date passed' },
  { code: 'ACTIVITY_UNRECORDED', layer: 'archive', label: 'no activity date at all' },
  { code: 'SNOOZED', layer: 'archive', label: 'snoozed with a resume date' },
]);

/** @param {string} id */
export function layerInfo(id) {
  return LAYERS.find((l) => l.id === id) || { id, name: id, why: '', fix: '' };
}

/** The screens of the page; exactly one is shown. */
export const SCREENS = Object.freeze(['start', 'upload', 'mapping', 'dashboard', 'process', 'diagnostic']);

/**
 * @typedef {{field: string, header: string, confidence: number, alternatives: string[]}} FieldMapping
 * @typedef {{value: string, count: number, stage: string}} StageValue
 */

/**
 * The mapping rows of an inspect envelope, whatever container the engine uses
 * (an object keyed by field or an array of entries).
 * @param {any} inspect
 * @returns {FieldMapping[]}
 */
export function readMapping(inspect) {
  const raw = inspect && (inspect.mapping || (inspect.input && inspect.input.mapping));
  if (!raw) return [];
  const entries = Array.isArray(raw) ? raw.map((m) => [m.field, m]) : Object.entries(raw);
  return entries.map(([field, m]) => {
    const entry = m && typeof m === 'object' ? m : { header: m };
    const header = entry.header ?? entry.column ?? '';
    return {
      field: String(field),
      header: header === null ? '' : String(header),
      confidence: Number(entry.confidence ?? (header ? 1 : 0)),
      alternatives: Array.isArray(entry.alternatives)
        ? entry.alternatives.map((a) => (typeof a === 'string' ? a : String(a.header ?? a.column ?? ''))) : [],
    };
  });
}

/**
 * Every column header the user can pick for a field: the mapped ones, their
 * alternatives and the columns that map to nothing (extra_columns).
 * @param {any} inspect @returns {string[]}
 */
export function readHeaders(inspect) {
  /** @type {string[]} */
  const out = [];
  const add = (/** @type {any} */ h) => { if (typeof h === 'string' && h && !out.includes(h)) out.push(h); };
  const raw = inspect && (inspect.headers || inspect.columns);
  if (Array.isArray(raw)) raw.forEach((c) => add(typeof c === 'string' ? c : c.header));
  for (const m of readMapping(inspect)) {
    add(m.header);
    m.alternatives.forEach(add);
  }
  const extras = inspect && inspect.extra_columns;
  if (Array.isArray(extras)) extras.forEach((c) => add(c && c.header));
  return out;
}

/** Case, spacing and punctuation ignored, as the engine matches stage names. @param {string} text */
export function stageKey(text) {
  return String(text || '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The process stage a recorded stage name matches by id, name or alias, or ''.
 * @param {any} process @param {string} recorded
 */
export function matchStage(process, recorded) {
  const key = stageKey(recorded);
  const stages = process && Array.isArray(process.stages) ? process.stages : [];
  const hit = stages.find((/** @type {any} */ s) => [s.id, s.name, ...(Array.isArray(s.aliases) ? s.aliases : [])]
    .some((n) => stageKey(n) === key));
  return hit ? String(hit.id) : '';
}

/**
 * The recorded stage values and the process stage each one matched.
 * @param {any} inspect
 * @returns {StageValue[]}
 */
export function readStageValues(inspect) {
  const raw = inspect && (inspect.stage_values || inspect.stages);
  if (!raw) return [];
  const list = Array.isArray(raw) ? raw : Object.entries(raw).map(([value, v]) => ({ value, ...(typeof v === 'object' ? v : { count: v }) }));
  return list.map((s) => (typeof s === 'string' ? { value: s, count: 0, stage: '' } : {
    value: String(s.value ?? s.name ?? s.recorded ?? ''),
    count: Number(s.count ?? s.deals ?? 0),
    stage: String(s.stage ?? s.matched ?? s.stage_id ?? ''),
  }));
}

/** Warnings with their locations, from an inspect or audit envelope. @param {any} env */
export function readWarnings(env) {
  if (!env) return [];
  const list = env.warnings || (env.input && env.input.warnings) || [];
  return Array.isArray(list) ? list : [];
}

/** How many warnings there were before the worker shortened the list. @param {any} env */
export function warningTotal(env) {
  if (!env) return 0;
  const list = readWarnings(env);
  const total = env.warnings ? env.warnings_total : env.input && env.input.warnings_total;
  return Number(total) || list.length;
}

/** The report's summary with numbers (missing ones as NaN). @param {any} report */
export function readSummary(report) {
  const s = (report && report.summary) || {};
  const num = (/** @type {any} */ v) => (typeof v === 'number' ? v : NaN);
  return {
    openDeals: num(s.open_deals),
    statedTotal: num(s.stated_total),
    realTotal: num(s.real_total),
    statedWeighted: num(s.stated_weighted),
    realWeighted: num(s.real_weighted),
    weakestLayer: typeof s.weakest_layer === 'string' ? s.weakest_layer : '',
  };
}

/** Layers in report order, ranked by amount at risk (then deals, then layer order). @param {any} report */
export function rankLayers(report) {
  const layers = Array.isArray(report && report.layers) ? report.layers : [];
  const order = (/** @type {string} */ id) => LAYERS.findIndex((l) => l.id === id);
  return [...layers].sort((a, b) => (b.amount_at_risk || 0) - (a.amount_at_risk || 0)
    || (b.deals_failing || 0) - (a.deals_failing || 0) || order(a.id) - order(b.id));
}

/** A finding's human text: its action, else its message, else its code. @param {any} f */
export function findingText(f) {
  if (!f) return '';
  if (typeof f === 'string') return f;
  return String(f.action || f.message || f.code || '');
}

/**
 * The store: one state object, listeners re-render on every update.
 * @template T
 * @param {T} initial
 */
export function createStore(initial) {
  let state = initial;
  /** @type {Array<(s: T) => void>} */
  const listeners = [];
  return {
    get: () => state,
    /** @param {Partial<T>} patch */
    update(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state);
    },
    /** @param {(s: T) => void} fn */
    subscribe(fn) { listeners.push(fn); },
  };
}
