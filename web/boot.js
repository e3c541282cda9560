// @ts-check
// Starts the engine's worker while the page's modules are still loading: a
// tiny classic script in <head>, so the worker fetches and compiles the wasm
// module in parallel with the ES module graph of main.js instead of after it.
// engine_client.js adopts this worker (createEngine) instead of starting one.
(function (scope) {
  try {
    const worker = new Worker('engine_worker.js');
    // An error before engine_client.js listens would be lost: remember it.
    worker.addEventListener('error', () => { /** @type {any} */ (worker).revdiagFailed = true; });
    scope.REVDIAG_WORKER = worker;
  } catch (e) {
    scope.REVDIAG_WORKER = null; // createEngine starts (and reports) it itself
  }
})(/** @type {any} */ (globalThis));
