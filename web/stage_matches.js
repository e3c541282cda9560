// @ts-check
// The stage each recorded stage value matches, asked of the engine (the audit's
// own matching) whenever the export or the process changes; the newest answer wins.
import { MESSAGE } from './engine_client.js';
import { readStageValues, setStageMatches } from './state.js';

/**
 * @param {import('./engine_client.js').Engine} engine
 * @param {any} store the page's store (createStore)
 */
export function watchStageMatches(engine, store) {
  /** @type {any[]} */
  let matchedInputs = [null, null];
  let seq = 0;
  async function refresh() {
    const s = store.get();
    if (s.inspect === matchedInputs[0] && s.process === matchedInputs[1]) return;
    matchedInputs = [s.inspect, s.process];
    const values = readStageValues(s.inspect).map((v) => v.value);
    if (!s.process || !values.length) return;
    const mine = ++seq;
    const env = await engine.call(MESSAGE.MATCH_STAGES, { process: s.process, values });
    if (mine !== seq || !env.ok) return;
    setStageMatches(s.process, env.matches);
    store.update({ stageMatches: env.matches });
  }
  store.subscribe(refresh);
}
