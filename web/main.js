// @ts-check
// The page's entry: one store, one engine (a worker), and the flows that tie
// the panels together: start → upload or demo → mapping → dashboard, the
// process editor, exports. Panels render from the store's state.
import { $, describeError, download, fill, formatNumber, h, todayIso } from './dom.js';
import { createEngine, ERROR, MESSAGE } from './engine_client.js';
import { SCREENS, createStore, crmName, setVocabulary } from './state.js';
import { createProcessChecks } from './process_checks.js';
import { watchStageMatches } from './stage_matches.js';
import { loadChartLibrary, preloadChartLibrary, renderCharts } from './ui/charts.js';
import { evidenceSwitch, renderCoverage } from './ui/coverage.js';
import { renderDashboard, renderProcessNote } from './ui/dashboard.js';
import { createDealDetail } from './ui/deal_detail.js';
import { NO_OWNER, createDealTable } from './ui/deal_table.js';
import { mountHeader } from './ui/header.js';
import { mountPrintTitle, renderPrintMeta } from './ui/print.js';
import { renderMapping } from './ui/mapping.js';
import { mountDiagnostic } from './ui/diagnostic.js';
import { createProcessEditor } from './ui/process_editor.js';
import { mountSimulator } from './ui/simulator.js';
import { mountSnapshot } from './ui/snapshot.js';
import { renderDemos, renderLayerStrip } from './ui/start.js';
import { notAnExportReason, refuseBinary } from './ui/refusal.js';
import { mountUpload, renderUpload } from './ui/upload.js';

const CHUNK_BYTES = 2 * 1024 * 1024;
// The largest file the page reads: the audit peaks at about 2.4 times the file
// (bench/RESULTS.md) and the wasm heap stops at 4 GB, so a larger file is
// refused before a byte is read, pointing to the command line, never trapped.
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const engine = createEngine();
const store = createStore({
  screen: 'start',
  /** @type {any[]} */ demos: [],
  /** @type {{name: string, meta: string} | null} */ source: null,
  /** @type {any} */ loading: null,
  /** @type {any} */ loadError: null,
  loadNotice: '',
  /** @type {any} */ inspect: null,
  /** @type {Record<string, string>} */ map: {},
  /** @type {Record<string, string>} */ stageMap: {},
  asOf: todayIso(),
  asOfFromDemo: false,  // a demo's reference date: an upload after it goes back to today
  evidence: 'available',
  /** @type {any} */ process: null,
  processEdited: false,
  /** @type {any} */ report: null,
  /** @type {any} */ auditError: null,
  /** @type {any} */ mapError: null,
  /** The engine's stage matches for the current process and export. @type {any[] | null} */ stageMatches: null,
  busy: false,
});

// The engine's vocabulary first: the worker answers in order, so every panel
// that renders an engine reply already has the layer names and finding codes.
engine.call(MESSAGE.DESCRIBE, {}).then((env) => {
  if (!env.ok) return;
  setVocabulary(env);
  // The start screen's layer strip: each layer's name and rule as the engine words them.
  renderLayerStrip();
});

const dealDetail = createDealDetail({
  getProcess: () => store.get().process,
  getReport: () => store.get().report,
  stageName: (id) => {
    const stages = store.get().report && Array.isArray(store.get().report.stages) ? store.get().report.stages : [];
    const st = stages.find((/** @type {any} */ x) => x.id === id);
    return st ? String(st.name || st.id) : id;
  },
});
const dealTable = createDealTable($('#deal-table'), engine, { onOpen: (deal, row) => dealDetail.open(deal, row) });
/** Show the deal table with only these deals. @param {Record<string, string>} filter */
function showDeals(filter) {
  dealTable.setFilter({ layer: '', code: '', owner: '', stage: '', text: '', next_action: '', removed: '', ...filter });
  $('#deals-title').scrollIntoView();
}
const processChecks = createProcessChecks(engine, () => processEditor);
const processEditor = createProcessEditor($('#process-editor'), { onChange: (draft) => processChecks.schedule(draft) });
const simulator = mountSimulator($('#simulator'), { engine, message: MESSAGE.SIMULATE, baseOptions: () => auditOptions() });

/** @param {string} text */
function announce(text) {
  $('#status').textContent = text;
}

/** @param {string} screen */
function goTo(screen) {
  if (!SCREENS.includes(screen)) return;
  store.update({ screen });
  const heading = document.querySelector(`[data-screen="${screen}"] h1`);
  if (heading instanceof HTMLElement) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

function auditOptions(extra = {}) {
  const s = store.get();
  /** @type {Record<string, any>} */
  const options = { as_of: s.asOf, deals: 'none', ...extra };
  if (Object.keys(s.map).length) options.map = s.map;
  if (Object.keys(s.stageMap).length) options.stage_map = s.stageMap;
  if (s.processEdited && s.process) options.process = s.process;
  if (s.evidence === 'strict') options.evidence = 'strict';
  return options;
}

let auditSeq = 0;
/** Run the audit on the loaded export with the current options and show it. */
async function runAudit() {
  const mine = ++auditSeq;
  store.update({ busy: true });
  // The dashboard shows three deals per owner action: the engine lists no more.
  const env = await engine.call(MESSAGE.AUDIT, { options: auditOptions({ action_deals: 3 }), list_limit: 3 });
  if (mine !== auditSeq) return;
  if (!env.ok) {
    store.update({ busy: false, auditError: env.error });
    return;
  }
  store.update({ busy: false, report: env, auditError: null });
  announce(`Audit ready: ${formatNumber(env.summary && env.summary.open_deals)} open deals.`);
}

/** @param {File} file */
async function loadFile(file) {
  // A new file replaces the one still loading.
  engine.cancel();
  loadChartLibrary();
  store.update({ loadError: null, loadNotice: '' });
  if (file.size > MAX_FILE_BYTES) {
    const message = `${file.name} is ${(file.size / 1024 ** 3).toFixed(1)} GB; the page reads files up to 1 GB. ` +
      `Audit it with the command line, which has the same engine and no such limit: revdiag audit "${file.name}".`;
    store.update({ loading: null, inspect: null, report: null, screen: 'upload',
      loadError: { title: `${file.name} is too large for the page.`, error: { code: ERROR.FILE_TOO_LARGE, message, at: {} } } });
    announce(message);
    return;
  }
  const binary = await refuseBinary(file, file.name);
  if (binary) {
    refuse(binary);
    return;
  }
  // Never audit an upload as of a demo's date silently: back to today (the coverage panel offers the export's date).
  if (store.get().asOfFromDemo) {
    store.update({ asOf: todayIso(), asOfFromDemo: false });
    /** @type {HTMLInputElement} */ ($('#as-of')).value = todayIso();
  }
  store.update({ mapError: null,  screen: 'upload', loadError: null, loadNotice: '', map: {}, stageMap: {},
    loading: { name: file.name, bytes: 0, total: file.size, rows: 0 } });
  announce(`Reading ${file.name}.`);
  const env = await engine.call(MESSAGE.LOAD_FILE, { file, chunk_bytes: CHUNK_BYTES, options: {} }, {
    onProgress: (p) => store.update({ loading: { name: file.name, ...p } }),
  });
  if (!env.ok) {
    // Cancelling is what the user asked for, not an error.
    const cancelled = env.error && env.error.code === ERROR.CANCELLED;
    store.update({ loading: null, inspect: null, report: null, loadNotice: cancelled ? `Upload of ${file.name} cancelled. Choose another file when ready.` : '',
      loadError: cancelled ? null : { title: `${file.name} could not be read.`, error: env.error } });
    announce(cancelled ? `Upload of ${file.name} cancelled.` : describeError(env.error));
    return;
  }
  const lacks = notAnExportReason(env, file.name);
  if (lacks) {
    refuse(lacks);
    return;
  }
  store.update({ loading: null, inspect: env, report: null,
    source: { name: file.name, meta: [crmName(env.detected_crm), `${formatNumber(env.rows)} ${env.rows === 1 ? 'row' : 'rows'}`].filter(Boolean).join(' · ') } });
  goTo('mapping');
  // Audited in the background, so the mapping screen can say what each column decides before the dashboard.
  runAudit();
}

/** Refuse a file that is not a deal export, with the reason. @param {string} reason */
function refuse(reason) {
  store.update({ loading: null, inspect: null, report: null, screen: 'upload',
    loadError: { title: 'This is not a deal export.', error: { code: 'web.not_an_export', message: reason, at: {} } } });
  announce(reason);
}

/** @param {string} demo @param {string} title */
async function loadDemo(demo, title) {
  loadChartLibrary();
  store.update({ loadError: null, map: {}, stageMap: {}, busy: true });
  announce(`Loading the demo ${title}.`);
  const env = await engine.call(MESSAGE.LOAD_DEMO, { demo });
  if (!env.ok) {
    store.update({ busy: false, screen: 'upload', loadError: { title: `The demo ${title} could not be loaded.`, error: env.error } });
    return;
  }
  // A demo is generated relative to its reference date: audit it as of that day.
  const asOf = typeof env.reference === 'string' && env.reference ? env.reference : store.get().asOf;
  /** @type {HTMLInputElement} */ ($('#as-of')).value = asOf;
  store.update({ inspect: env, asOf, asOfFromDemo: true, source: { name: title,
    meta: [crmName(env.detected_crm), 'demo', `${formatNumber(env.rows)} rows`].filter(Boolean).join(' · ') } });
  await runAudit();
  goTo('dashboard');
}

/** Re-read the mapping after a change, then keep the audit in step. */
async function remap() {
  const s = store.get();
  const env = await engine.call(MESSAGE.FINISH, { options: { map: s.map }, list_limit: 3 });
  if (!env.ok) {
    store.update({ mapError: env.error });
    return;
  }
  store.update({ inspect: env, mapError: null });
  if (store.get().report) await runAudit();
}

async function loadDefaultProcess() {
  const env = await engine.call(MESSAGE.PROCESS_DEFAULT, {});
  if (env.ok && env.process) {
    store.update({ process: env.process, processEdited: false });
    processEditor.load(env.process);
    processEditor.showCheck({ ok: true, findings: [] });
  }
}

async function applyProcess() {
  const draft = processEditor.draft();
  const env = await engine.call(MESSAGE.PROCESS_CHECK, { process: draft, options: {} });
  processEditor.showCheck(env);
  if (!env.ok) return;
  setProcess(draft);
  if (store.get().inspect) {
    await runAudit();
    goTo('dashboard');
  } else {
    announce('Process saved. Load an export or a demo to audit against it.');
  }
}

/** Use a process for the next audits; stage overrides to stages it lacks are dropped. @param {any} process */
function setProcess(process) {
  const ids = new Set((process.stages || []).map((/** @type {any} */ st) => st.id));
  const stageMap = Object.fromEntries(Object.entries(store.get().stageMap).filter(([, id]) => ids.has(id)));
  store.update({ process: JSON.parse(JSON.stringify(process)), processEdited: true, stageMap });
}

async function loadDemos() {
  const env = await engine.call(MESSAGE.SAMPLES, {});
  const demos = env.ok && Array.isArray(env.demos) ? env.demos : [];
  store.update({ demos });
}

let lastReport = null;
function render() {
  const s = store.get();
  for (const section of document.querySelectorAll('[data-screen]')) {
    /** @type {HTMLElement} */ (section).hidden = section.getAttribute('data-screen') !== s.screen;
  }
  for (const button of document.querySelectorAll('[data-needs]')) {
    const needs = button.getAttribute('data-needs');
    /** @type {HTMLButtonElement} */ (button).disabled = !(needs && /** @type {any} */ (s)[needs]);
  }
  for (const button of document.querySelectorAll('.topnav [data-go]')) {
    if (button.getAttribute('data-go') === s.screen) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  document.body.classList.toggle('busy', s.busy);
  document.body.dataset.busy = String(s.busy);
  $('#busy-indicator').hidden = !s.busy;
  const bar = $('#audit-bar');
  bar.hidden = !(s.inspect && (s.screen === 'mapping' || s.screen === 'dashboard'));
  if (s.source) {
    $('#source-name').textContent = s.source.name;
    $('#source-meta').textContent = s.source.meta;
  }
  renderUpload(s);
  if (s.demos !== renderedDemos) {
    renderedDemos = s.demos;
    renderDemos(s.demos, loadDemo);
  }
  // The mapping tables are rebuilt only when what they show changed, so a
  // select keeps its focus across progress and audit updates.
  const mappingInputs = [s.inspect, s.map, s.stageMap, s.process, s.stageMatches, s.report];
  if (s.screen === 'mapping' && mappingInputs.some((v, i) => v !== renderedMapping[i])) {
    renderedMapping = mappingInputs;
    const focused = document.activeElement && document.activeElement.id;
    renderMapping(s, mappingActions);
    const again = focused ? document.getElementById(focused) : null;
    if (again) again.focus();
  }
  if (s.evidence !== renderedEvidence) {
    renderedEvidence = s.evidence;
    fill($('#process-evidence'), evidenceSwitch('process-evidence-mode', s.evidence, coverageActions.onEvidence));
  }
  const mapErr = $('#mapping-error');
  mapErr.hidden = !s.mapError;
  if (s.mapError) mapErr.textContent = describeError(s.mapError);
  const err = $('#audit-error');
  err.hidden = !s.auditError;
  if (s.auditError) err.textContent = describeError(s.auditError);
  if (s.report && s.report !== lastReport) {
    lastReport = s.report;
    // Lets people and tests see which audit is on screen.
    document.body.dataset.auditAsOf = String(s.report.as_of || '');
    document.body.dataset.auditCount = String(Number(document.body.dataset.auditCount || 0) + 1);
    document.dispatchEvent(new CustomEvent('revdiag:audit'));
    renderPrintMeta(s.report, s.source, s.processEdited);
    renderProcessNote(s.report, s.processEdited, () => goTo('process'));
    renderDashboard(s.report, {
      onLayer: (id) => showDeals({ layer: id }),
      onAction: (owner, action) => showDeals({ owner: owner === null ? NO_OWNER : owner, next_action: action }),
      countFinding: async (code) => {
        const env = await engine.call(MESSAGE.DEALS, { query: { filter: { code }, offset: 0, limit: 1 } });
        return env.ok ? Number(env.total) || 0 : 0;
      },
    });
    dealTable.setReport(s.report);
    renderCoverage($('#coverage-panel'), s.report, coverageActions);
    simulator.refresh(s.process && s.process.thresholds, Number(s.report.summary && s.report.summary.open_deals));
  }
  // Charts size themselves to their box, so they are drawn once it is visible.
  if (s.screen === 'dashboard' && s.report && s.report !== chartedReport) {
    chartedReport = s.report;
    renderCharts(s.report, { onStep: (id) => showDeals({ removed: id }) });
  }
}
let chartedReport = null;
let renderedEvidence = '';
/** @type {any} */
let renderedDemos = null;
/** @type {any[]} */
let renderedMapping = [];

const coverageActions = {
  get evidence() { return store.get().evidence; },
  /** @param {string} date */
  onAsOf(date) {
    /** @type {HTMLInputElement} */ ($('#as-of')).value = date;
    store.update({ asOf: date, asOfFromDemo: false });
    runAudit();
  },
  /** @param {string} mode */
  onEvidence(mode) {
    store.update({ evidence: mode === 'strict' ? 'strict' : 'available' });
    if (store.get().inspect) runAudit();
  },
};

const mappingActions = {
  /** @param {string} field @param {string} header */
  onMap(field, header) {
    store.update({ map: { ...store.get().map, [field]: header } });
    remap();
  },
  /** @param {string} value @param {string} stage */
  onStageMap(value, stage) {
    // The engine takes only real stage ids; "not matched" drops the override.
    const stageMap = { ...store.get().stageMap };
    if (stage) stageMap[value] = stage;
    else delete stageMap[value];
    store.update({ stageMap });
    if (store.get().report) runAudit();
  },
};

function wire() {
  for (const el of document.querySelectorAll('[data-go]')) {
    el.addEventListener('click', () => {
      const target = el.getAttribute('data-go') || 'start';
      goTo(target);
    });
  }
  mountUpload({ onFile: loadFile, onCancel: () => engine.cancel() });
  const asOf = /** @type {HTMLInputElement} */ ($('#as-of'));
  asOf.value = store.get().asOf;
  // Typing updates the date the next audit uses; committing it (change) re-runs the audit.
  asOf.addEventListener('input', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) store.update({ asOf: asOf.value, asOfFromDemo: false });
  });
  asOf.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) return;
    store.update({ asOf: asOf.value });
    if (store.get().report) runAudit();
  });
  $('#mapping-continue').addEventListener('click', async () => {
    await runAudit();
    if (!store.get().auditError) goTo('dashboard');
  });
  $('#export-json').addEventListener('click', async () => {
    const env = await engine.call(MESSAGE.AUDIT, { options: auditOptions({ deals: 'all' }), as_text: true });
    if (env.ok) download('revdiag-report.json', env.text, 'application/json');
    else store.update({ auditError: env.error });
  });
  $('#export-csv').addEventListener('click', async () => {
    const env = await engine.call(MESSAGE.FLAGGED_CSV, {});
    if (env.ok) download('revdiag-flagged-deals.csv', String(env.csv), 'text/csv');
    else store.update({ auditError: env.error });
  });
  $('#export-print').addEventListener('click', () => window.print());
  $('#process-apply').addEventListener('click', applyProcess);
  // Back to the default process, and the audit on screen follows it.
  $('#process-reset').addEventListener('click', () => loadDefaultProcess().then(() => { if (store.get().inspect) runAudit(); }));
  $('#process-export').addEventListener('click', () => {
    download('revdiag-process.json', JSON.stringify(processEditor.draft(), null, 2), 'application/json');
  });
  const importInput = /** @type {HTMLInputElement} */ ($('#process-import'));
  importInput.addEventListener('change', async () => {
    const file = importInput.files && importInput.files[0];
    importInput.value = '';
    if (!file) return;
    processChecks.importText(file.name, await file.text());
  });
}

/** What the diagnostic panels may ask of the audit side of the page. */
const diagnosticHooks = {
  getLastAudit: () => store.get().report,
  /** The diagnostic's next step: audit an export (the dashboard when one is audited). */
  startAudit: () => goTo(store.get().report ? 'dashboard' : 'upload'),
  /** Audit with a drafted process: now if an export is loaded, else after the next upload. @param {any} process */
  auditWithProcess(process) {
    setProcess(process);
    processEditor.load(process);
    processChecks.schedule(processEditor.draft());
    if (store.get().inspect) {
      runAudit().then(() => goTo('dashboard'));
    } else {
      goTo('upload');
      announce('Choose a deal export to audit it with the drafted process.');
    }
  },
};

store.subscribe(render);
mountHeader();
watchStageMatches(engine, store);
mountPrintTitle(() => store.get().screen === 'dashboard');
wire();
render();
// The worker answers in order: the demo list (the start screen's one engine
// need) is asked for first, the diagnostic's questions and the process after it.
loadDemos();
mountDiagnostic($('#diagnostic-root'), engine, diagnosticHooks);
mountSnapshot($('#snapshot-root'), engine, diagnosticHooks);
// A shared diagnostic link opens on the diagnostic's result.
if (location.hash.startsWith('#diagnostic=')) goTo('diagnostic');
loadDefaultProcess();
preloadChartLibrary();
