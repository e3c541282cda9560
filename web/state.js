// @ts-check
// The page's one state object and the update() that re-renders from it, plus
// the vocabulary the engine describes (layers, finding codes, waterfall steps, CRM names, stage
// matches) and tolerant readers of the engine's envelopes (so panels never
// index into raw JSON themselves).

/**
 * @typedef {{id: string, name: string, rule: string, why: string, fix: string}} Layer
 * @typedef {{id: string, label: string}} Removal
 * @typedef {{code: string, layer: string, label: string, criteriaStatus: string}} Finding
 */

/** The five layers of DESIGN §1, in their fixed order, as the engine describes them (setVocabulary). @type {Layer[]} */
export const LAYERS = [];

/** The engine's finding codes with their layer and a short human label (setVocabulary). @type {Finding[]} */
export const FINDINGS = [];

/** The steps of the stated → real waterfall, in the report's order, as the engine names them (setVocabulary). @type {Removal[]} */
export const REMOVALS = [];
/** What a criterion's rule can call and read, as the engine's rule compiler knows it (setVocabulary). */
export const RULES = { /** @type {{name: string, args: number, takes: string, returns: string}[]} */ functions: [],
  /** @type {{id: string, type: string}[]} */ fields: [] };

/** CRM ids to the names people know them by (setVocabulary). @type {Map<string, string>} */
const CRM_NAMES = new Map();

/**
 * Fill the vocabulary from the engine's revdiag.describe/1 envelope, once, when
 * the engine loads. The lists are filled in place, so every module that
 * imported them sees the engine's words.
 * @param {any} describe
 */
export function setVocabulary(describe) {
  const list = (/** @type {string} */ key) => (describe && Array.isArray(describe[key]) ? describe[key] : []);
  LAYERS.splice(0, LAYERS.length, ...list('layers').map((/** @type {any} */ l) => Object.freeze({
    id: String(l.id), name: String(l.name), rule: String(l.rule), why: String(l.why), fix: String(l.fix) })));
  REMOVALS.splice(0, REMOVALS.length, ...list('removals').map((/** @type {any} */ r) => Object.freeze({
    id: String(r.id), label: String(r.label) })));
  FINDINGS.splice(0, FINDINGS.length, ...list('findings').map((/** @type {any} */ f) => Object.freeze({
    code: String(f.code), layer: String(f.layer), label: String(f.label),
    criteriaStatus: typeof f.criteria_status === 'string' ? f.criteria_status : '' })));
  const rules = describe && describe.rules && typeof describe.rules === 'object' ? describe.rules : {};
  RULES.functions = (Array.isArray(rules.functions) ? rules.functions : []).map((/** @type {any} */ f) => ({
    name: String(f.name), args: Number(f.args) || 0, takes: String(f.takes || ''), returns: String(f.returns || '') }));
  RULES.fields = (Array.isArray(rules.fields) ? rules.fields : []).map((/** @type {any} */ f) => ({ id: String(f.id), type: String(f.type || '') }));
  CRM_NAMES.clear();
  for (const c of list('crms')) CRM_NAMES.set(String(c.id), String(c.name));
}

/** The name people know a CRM by, else its id. @param {any} crm */
export function crmName(crm) {
  return typeof crm === 'string' && crm ? CRM_NAMES.get(crm) || crm : '';
}

/** @param {string} id */
export function layerInfo(id) {
  return LAYERS.find((l) => l.id === id) || { id, name: id, rule: '', why: '', fix: '' };
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

/** The engine's answer for one process: recorded stage value -> process stage id. */
let stageMatches = { process: /** @type {any} */ (null), byValue: /** @type {Map<string, string>} */ (new Map()) };

/**
 * Keep the engine's stage matches (revdiag.stage_match/1 "matches") for a process.
 * @param {any} process @param {any[]} matches
 */
export function setStageMatches(process, matches) {
  const byValue = new Map();
  for (const m of Array.isArray(matches) ? matches : []) {
    if (m && typeof m.stage === 'string' && m.stage) byValue.set(String(m.value), m.stage);
  }
  stageMatches = { process, byValue };
}

/**
 * The process stage a recorded stage name matches by id, name or alias, or '':
 * the engine's answer (setStageMatches) for this very process, never a guess.
 * @param {any} process @param {string} recorded
 */
export function matchStage(process, recorded) {
  if (!process || process !== stageMatches.process) return '';
  return stageMatches.byValue.get(String(recorded)) || '';
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
