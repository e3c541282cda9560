// @ts-check
// The page's side of the worker protocol: one worker, requests matched to
// replies by id, progress forwarded, cancel by message. The diagnostic panels
// call exactly this: engine.call('questions' | 'diagnose' | 'snapshot', payload).
import './protocol.js';

/** @type {{MESSAGE: Record<string, string>, ERROR: Record<string, string>}} */
export const PROTOCOL = /** @type {any} */ (globalThis).REVDIAG_PROTOCOL;
export const MESSAGE = PROTOCOL.MESSAGE;
export const ERROR = PROTOCOL.ERROR;

/**
 * @typedef {{schema?: string, ok: boolean, error?: {code: string, message: string, at?: any}, [key: string]: any}} Envelope
 * @typedef {{bytes: number, total: number, rows: number, phase?: string}} Progress
 * @typedef {{
 *   call: (type: string, payload?: any, options?: {onProgress?: (p: Progress) => void}) => Promise<Envelope>,
 *   onProgress: ((p: Progress, id: number) => void) | null,
 *   cancel: (id?: number) => void,
 *   pending: () => number,
 * }} Engine
 */

/**
 * Start the worker and return the engine handle.
 * @param {string} [workerUrl]
 * @returns {Engine}
 */
export function createEngine(workerUrl = 'engine_worker.js') {
  // boot.js started the default worker early (it is already loading the module).
  const early = /** @type {any} */ (globalThis).REVDIAG_WORKER;
  const worker = workerUrl === 'engine_worker.js' && early instanceof Worker && !(/** @type {any} */ (early).revdiagFailed) ? early : new Worker(workerUrl);
  /** @type {any} */ (globalThis).REVDIAG_WORKER = null;
  /** @type {Map<number, {resolve: (e: Envelope) => void, type: string, onProgress?: (p: Progress) => void}>} */
  const waiting = new Map();
  let nextId = 1;

  /** @type {Engine} */
  const engine = {
    onProgress: null,
    call(type, payload = {}, options = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { resolve, type, onProgress: options.onProgress });
        worker.postMessage({ id, type, payload });
      });
    },
    cancel(id) {
      for (const [pendingId, entry] of waiting) {
        const isLoad = entry.type === MESSAGE.LOAD_FILE || entry.type === MESSAGE.LOAD_DEMO;
        if (id === pendingId || (id === undefined && isLoad)) {
          worker.postMessage({ id: nextId++, type: MESSAGE.CANCEL, payload: { target: pendingId } });
        }
      }
    },
    pending: () => waiting.size,
  };

  worker.onmessage = (event) => {
    const { id, envelope, progress } = event.data || {};
    const entry = waiting.get(id);
    if (progress) {
      if (entry && entry.onProgress) entry.onProgress(progress);
      if (engine.onProgress) engine.onProgress(progress, id);
      return;
    }
    if (!entry) return; // the reply to a CANCEL request
    waiting.delete(id);
    entry.resolve(envelope);
  };
  // A worker that fails to start answers every waiting call with an envelope.
  worker.onerror = (event) => {
    event.preventDefault();
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      entry.resolve({ schema: 'revdiag.web/1', ok: false,
        error: { code: ERROR.ENGINE_LOAD, message: 'The audit engine could not be started.', at: {} } });
    }
  };
  return engine;
}
