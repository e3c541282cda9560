// @ts-check
// The process editor's checks by the engine: the draft as the user types
// (debounced, the newest answer wins) and an imported file's text, which the
// engine reads first so a broken file is reported at the engine's line and column.
import { MESSAGE } from './engine_client.js';

/**
 * @param {import('./engine_client.js').Engine} engine
 * @param {() => any} editor the process editor (created after this)
 */
export function createProcessChecks(engine, editor) {
  let timer = 0;
  let seq = 0;

  /** Validate the draft as the user types (debounced). @param {any} draft */
  function schedule(draft) {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      const env = await engine.call(MESSAGE.PROCESS_CHECK, { process: draft, options: {} });
      if (mine === seq) editor().showCheck(env);
    }, 250);
  }

  /**
   * Only text the engine read as JSON is opened in the editor.
   * @param {string} name @param {string} text
   */
  async function importText(name, text) {
    clearTimeout(timer);
    const mine = ++seq;
    const env = await engine.call(MESSAGE.PROCESS_CHECK, { text, options: {} });
    if (mine !== seq) return;
    const code = String(env.error && env.error.code);
    if (!env.ok && /^process\.(json|too_deep|duplicate_key)$/.test(code)) {
      editor().showCheck(env, name);
      return;
    }
    /** @type {any} */
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      editor().showCheck(env, name);
      return;
    }
    // A saved envelope that holds a process (a Snapshot's) opens its process.
    if (!env.ok && parsed && parsed.process && !parsed.stages) {
      editor().load(parsed.process);
      schedule(editor().draft());
      return;
    }
    editor().load(parsed);
    editor().showCheck(env, name);
  }

  return { schedule, importText };
}
