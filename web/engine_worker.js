// @ts-check
// The only place that loads the Emscripten module. A classic worker: the
// engine glue is a classic MODULARIZE build loaded with importScripts. Every
// request gets exactly one reply {id, envelope}; anything unexpected (a missing
// session, a crash inside the module, a read error) still comes back as an
// envelope, never as a thrown Error.
/* global importScripts, createRevdiag */
importScripts('protocol.js');

const { MESSAGE, ERROR } = /** @type {any} */ (globalThis).REVDIAG_PROTOCOL;
const WEB_SCHEMA = 'revdiag.web/1';

/** @type {Promise<any> | null} */
let enginePromise = null;
/** The open streaming session (one file at a time) and what it was fed. */
let session = null;
/** Ids of loads the page asked to cancel. */
const cancelled = new Set();
/** Requests run one after another; only CANCEL jumps the queue. */
let queue = Promise.resolve();

/** @param {string} code @param {string} message */
function failure(code, message) {
  return { schema: WEB_SCHEMA, ok: false, error: { code, message, at: {} } };
}

/**
 * Fetch and compile revdiag.wasm (streaming when the server sends
 * application/wasm; else from the bytes), so it compiles while the glue loads.
 * @returns {Promise<WebAssembly.Module>}
 */
function compileModule() {
  const bytes = () => fetch('revdiag.wasm', { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`revdiag.wasm: HTTP ${r.status}`);
    return r.arrayBuffer();
  }).then((b) => WebAssembly.compile(b));
  if (typeof WebAssembly.compileStreaming !== 'function') return bytes();
  return WebAssembly.compileStreaming(fetch('revdiag.wasm', { credentials: 'same-origin' })).catch(bytes);
}

/** Load the module once; a failed load is forgotten so the next call retries. */
function loadEngine() {
  if (!enginePromise) {
    enginePromise = (async () => {
      const compiled = compileModule();
      compiled.catch(() => { /* reported through the promise below */ });
      importScripts('revdiag.js');
      return new Promise((resolve, reject) => {
        compiled.catch(reject);
        /** @type {any} */ (self).createRevdiag({
          /** @param {any} imports @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receive */
          instantiateWasm(imports, receive) {
            compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
              .catch(reject);
            return {};
          },
        }).then(resolve, reject);
      });
    })();
    enginePromise.catch(() => { enginePromise = null; });
  }
  return enginePromise;
}

/** @param {string} text */
function parseEnvelope(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return failure(ERROR.ENGINE_CRASH, 'The engine answered with text that is not JSON.');
  }
}

/** @param {any} value */
function json(value) {
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function closeSession() {
  if (session) {
    try { session.delete(); } catch (e) { /* a poisoned module cannot free it; it is dropped with it */ }
    session = null;
  }
}

/**
 * Feed a File to a new session in chunks, posting progress after each one.
 * @param {any} engine @param {number} id @param {any} payload
 */
async function loadFile(engine, id, payload) {
  const file = /** @type {Blob} */ (payload.file);
  const chunkBytes = Math.max(64 * 1024, Number(payload.chunk_bytes) || 2 * 1024 * 1024);
  closeSession();
  // The file's size lets the engine size its buffers once (0 is not a valid size).
  const sessionOptions = { ...(payload.session_options || {}) };
  if (file.size > 0 && sessionOptions.expected_bytes === undefined) sessionOptions.expected_bytes = file.size;
  session = new engine.Session(json(sessionOptions));
  let rows = 0;
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const end = Math.min(file.size, offset + chunkBytes);
    let bytes;
    try {
      bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    } catch (e) {
      closeSession();
      return failure(ERROR.READ_FAILED, `The file could not be read at byte ${offset}.`);
    }
    // The await above lets a CANCEL message in: stop before the next push.
    if (cancelled.has(id)) {
      cancelled.delete(id);
      closeSession();
      return failure(ERROR.CANCELLED, 'The upload was cancelled.');
    }
    const progress = parseEnvelope(session.push(bytes));
    if (!progress.ok) {
      closeSession();
      return progress;
    }
    rows = Number(progress.rows) || rows;
    self.postMessage({ id, progress: { bytes: end, total: file.size, rows, phase: 'reading' } });
  }
  self.postMessage({ id, progress: { bytes: file.size, total: file.size, rows, phase: 'mapping' } });
  return shape(session.finish(json(payload.options || {})), { list_limit: 3 });
}

/**
 * Open a built-in demo export as a session, so demos and uploads share one path.
 * @param {any} engine @param {any} payload
 */
function loadDemo(engine, payload) {
  const sample = parseEnvelope(engine.sample(json({ demo: payload.demo })));
  if (!sample.ok) return sample;
  closeSession();
  session = new engine.Session('');
  const pushed = parseEnvelope(session.push(new TextEncoder().encode(sample.csv)));
  if (!pushed.ok) {
    closeSession();
    return pushed;
  }
  const inspected = shape(session.finish(json(payload.options || {})), { list_limit: 3 });
  if (inspected.ok) {
    inspected.demo = payload.demo;
    inspected.reference = sample.reference;
  }
  return inspected;
}

/** One api call per type. @type {Record<string, (engine: any, payload: any, id: number) => any>} */
const HANDLERS = {
  [MESSAGE.VERSION]: (m) => m.version(),
  [MESSAGE.SAMPLES]: (m) => m.samples(),
  [MESSAGE.SAMPLE]: (m, p) => m.sample(json(p.options || {})),
  [MESSAGE.QUESTIONS]: (m) => m.questions(),
  [MESSAGE.DIAGNOSE]: (m, p) => m.diagnose(json(p.answers || {}), json(p.options || {})),
  [MESSAGE.SNAPSHOT]: (m, p) => m.snapshot(json(p.answers || {})),
  [MESSAGE.PROCESS_DEFAULT]: (m) => m.process_default(),
  [MESSAGE.PROCESS_CHECK]: (m, p) => m.process_check(json(p.process), '', json(p.options || {})),
  [MESSAGE.LOAD_FILE]: (m, p, id) => loadFile(m, id, p),
  [MESSAGE.LOAD_DEMO]: (m, p) => loadDemo(m, p),
  [MESSAGE.FINISH]: (m, p) => withSession((s) => shape(s.finish(json(p.options || {})), p)),
  [MESSAGE.AUDIT]: (m, p) => withSession((s) => shape(s.audit(json(p.options || {})), p)),
  [MESSAGE.DEALS]: (m, p) => withSession((s) => s.deals(json(p.query || {}))),
  [MESSAGE.FLAGGED_CSV]: () => withSession((s) => s.flagged_csv()),
};

/**
 * Long lists cost the page a long structured clone (seconds for a 500k-deal
 * audit, whose owner actions name every deal), so the worker can shorten them:
 * payload.list_limit keeps that many entries per list (the counts stay), and
 * payload.as_text answers the envelope's JSON text in `text` (for downloads).
 * @param {string} text @param {any} payload
 */
function shape(text, payload) {
  const env = parseEnvelope(text);
  if (!env.ok) return env;
  if (payload.as_text) return { schema: env.schema, ok: true, text };
  const limit = Number(payload.list_limit);
  if (!(limit > 0)) return env;
  for (const owner of Array.isArray(env.owners) ? env.owners : []) {
    for (const action of Array.isArray(owner.actions) ? owner.actions : []) {
      if (Array.isArray(action.deals) && action.deals.length > limit) action.deals = action.deals.slice(0, limit);
    }
  }
  for (const holder of [env, env.input]) {
    if (holder && Array.isArray(holder.warnings) && holder.warnings.length > 200) {
      holder.warnings_total = holder.warnings.length;
      holder.warnings = holder.warnings.slice(0, 200);
    }
  }
  return env;
}

/** @param {(s: any) => string} call */
function withSession(call) {
  if (!session) return failure(ERROR.NO_SESSION, 'No deal export is loaded yet.');
  return call(session);
}

/** @param {number} id @param {string} type @param {any} payload */
async function answer(id, type, payload) {
  const handler = HANDLERS[type];
  if (!handler) return failure(ERROR.UNKNOWN_TYPE, `Unknown request type "${String(type)}".`);
  let engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    return failure(ERROR.ENGINE_LOAD, 'The audit engine could not be loaded.');
  }
  try {
    const result = await handler(engine, payload || {}, id);
    return typeof result === 'string' ? parseEnvelope(result) : result;
  } catch (e) {
    // A TypeError is a call the module does not offer (an older build): the
    // module itself is fine. Anything else is an abort inside the module, which
    // poisons it: drop it so the next request reloads it.
    if (e instanceof TypeError) return failure(ERROR.UNKNOWN_TYPE, `This engine build cannot answer "${type}".`);
    session = null;
    enginePromise = null;
    return failure(ERROR.ENGINE_CRASH, 'The engine stopped on this request; it has been restarted.');
  }
}

// Start loading the engine now: the page's first request (the demo list) needs it.
loadEngine().catch(() => { /* the next request retries and answers the failure */ });

self.onmessage = (event) => {
  const { id, type, payload } = event.data || {};
  if (type === MESSAGE.CANCEL) {
    if (payload && typeof payload.target === 'number') cancelled.add(payload.target);
    self.postMessage({ id, envelope: { schema: 'revdiag.cancel/1', ok: true } });
    return;
  }
  queue = queue.then(async () => {
    const envelope = await answer(id, type, payload);
    cancelled.delete(id);
    self.postMessage({ id, envelope });
  });
};
