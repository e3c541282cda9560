// @ts-check
// The worker protocol's message types, in one frozen table shared by the page
// (an ES module import) and the classic worker (importScripts). It is written as
// a classic script that assigns a global, because a classic worker cannot import
// an ES module and the engine glue needs a classic worker (importScripts).
//
// Requests are {id, type, payload}; replies are {id, envelope}; a chunked upload
// also sends {id, progress: {bytes, total, rows}} before its reply.
(function (scope) {
  /** Each entry: the api.h call it maps to and the payload it expects. */
  scope.REVDIAG_PROTOCOL = Object.freeze({
    MESSAGE: Object.freeze({
      VERSION: 'version',                 // {} -> revdiag.version/1
      DESCRIBE: 'describe',               // {} -> revdiag.describe/1 (layers, finding codes, CRM names)
      MATCH_STAGES: 'match_stages',       // {process, values} -> revdiag.stage_match/1
      SAMPLES: 'samples',                 // {} -> revdiag.samples/1
      SAMPLE: 'sample',                   // {options} -> revdiag.sample/1 (with csv)
      QUESTIONS: 'questions',             // {} -> revdiag.questions/1
      DIAGNOSE: 'diagnose',               // {answers, options} -> revdiag.diagnostic/1
      SNAPSHOT: 'snapshot',               // {answers} -> revdiag.snapshot/1
      PROCESS_DEFAULT: 'process_default', // {} -> revdiag.process/1
      PROCESS_CHECK: 'process_check',     // {process | text, options} -> revdiag.process_check/1
      LOAD_FILE: 'load_file',             // {file, chunk_bytes, options} -> progress..., inspect envelope
      LOAD_DEMO: 'load_demo',             // {demo} -> inspect envelope of the demo's export
      FINISH: 'finish',                   // {options} -> inspect envelope (mapping re-run)
      AUDIT: 'audit',                     // {options} -> revdiag.audit/1
      DEALS: 'deals',                     // {query} -> revdiag.deals/1
      FLAGGED_CSV: 'flagged_csv',         // {} -> revdiag.flagged/1
      SIMULATE: 'simulate',               // {options, compare} -> revdiag.simulate/1 (+ forward_enforced when compare)
      CANCEL: 'cancel',                   // {target} -> revdiag.cancel/1 (the target replies web.cancelled)
    }),
    /** Error codes raised by the page and worker themselves (not the engine). */
    ERROR: Object.freeze({
      UNKNOWN_TYPE: 'web.unknown_type',
      NO_SESSION: 'web.no_session',
      CANCELLED: 'web.cancelled',
      ENGINE_LOAD: 'web.engine_load',
      ENGINE_CRASH: 'web.engine_crash',
      READ_FAILED: 'web.read_failed',
      SUPERSEDED: 'web.superseded',       // a simulate request overtaken by a newer one before it ran
      FILE_TOO_LARGE: 'web.file_too_large', // a file over the page's cap, refused before reading
    }),
  });
})(globalThis);
