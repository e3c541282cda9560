// @ts-check
// The diagnostic questionnaire on the page: one question at a time, keyboard
// first, answers kept in localStorage (never sent anywhere), then the layer
// scores as a chart, the weakest layer first with its next steps, a share link
// carrying the answers in the URL fragment, and a print layout.
// The question stepper here is shared with the Snapshot (./snapshot.js); the
// two modules import each other, which is safe because neither runs code at
// import time.
import { describeError, fill, h } from '../dom.js';
import { resultView } from './diagnostic_result.js';

export { mountSnapshot } from './snapshot.js';

const STORAGE_KEY = 'revdiag.diagnostic.answers';
const SHARE_PREFIX = '#diagnostic=';

/**
 * @typedef {{id: string, label: string}} Choice
 * @typedef {{id: string, text: string, help?: string, layer?: string, choices: Choice[]}} Question
 * @typedef {{ok: boolean, error?: any, [key: string]: any}} Envelope
 * @typedef {{call: (type: string, payload?: any) => Promise<Envelope>}} EngineHandle
 * @typedef {{getLastAudit?: () => any, auditWithProcess?: (process: any) => void, startAudit?: () => void}} Hooks
 */

/** Adds web/diagnostic.css to the page once (a stylesheet link is allowed by the CSP, inline styles are not). */
export function ensureDiagnosticStyles() {
  if (document.querySelector('link[data-revdiag-css="diagnostic"]')) return;
  document.head.appendChild(h('link', {
    rel: 'stylesheet', href: new URL('../diagnostic.css', import.meta.url).href, 'data-revdiag-css': 'diagnostic',
  }));
}

/** Announces which flow (diagnostic, snapshot or none) has the screen, so the other steps aside. @param {string} flow */
export function announceFlow(flow) {
  document.dispatchEvent(new CustomEvent('revdiag:flow', { detail: flow }));
}

/**
 * Hides `root` while another flow is active. @param {HTMLElement} root @param {string} self
 */
export function stepAsideForOtherFlows(root, self) {
  document.addEventListener('revdiag:flow', (event) => {
    const active = /** @type {CustomEvent} */ (event).detail;
    root.hidden = Boolean(active) && active !== self;
  });
}

/** Reads saved answers. @param {string} key @returns {{version: number, answers: Record<string, string>, index: number} | null} */
export function loadSaved(key) {
  try {
    const saved = JSON.parse(localStorage.getItem(key) || 'null');
    if (saved && typeof saved === 'object' && saved.answers && typeof saved.answers === 'object') return saved;
  } catch (_) { /* a corrupt entry is the same as none */ }
  return null;
}

/** @param {string} key @param {number} version @param {Record<string, string>} answers @param {number} index */
export function saveAnswers(key, version, answers, index) {
  try {
    localStorage.setItem(key, JSON.stringify({ version, answers, index }));
  } catch (_) { /* storage may be disabled; the flow still works without it */ }
}

/** @param {string} key */
export function clearSaved(key) {
  try { localStorage.removeItem(key); } catch (_) { /* nothing to clear */ }
}

/** Keeps only answers that name a current question and one of its choices. @param {Question[]} questions @param {any} answers */
export function validAnswers(questions, answers) {
  /** @type {Record<string, string>} */ const out = {};
  for (const q of questions) {
    const a = answers && answers[q.id];
    if (typeof a === 'string' && q.choices.some((c) => c.id === a)) out[q.id] = a;
  }
  return out;
}

/**
 * The answers file of DESIGN §2.4. The worker serializes payload values itself,
 * so the page hands objects, never pre-serialized text.
 * @param {string} bank @param {number} version @param {Record<string, string>} answers
 */
export function answersFile(bank, version, answers) {
  return { schema: 'revdiag.answers/1', bank, bank_version: version, answers };
}

/**
 * Runs the questions one at a time in `root`. Keys: 1-9 choose, ArrowUp/ArrowDown move
 * the choice, Enter or ArrowRight go on, ArrowLeft or Backspace go back.
 * @param {{root: HTMLElement, prefix: string, questions: Question[], answers: Record<string, string>, index: number,
 *   section?: (q: Question) => string, finishLabel: string,
 *   onChange: (answers: Record<string, string>, index: number) => void,
 *   onDone: (answers: Record<string, string>) => void, onExit: () => void}} o
 */
export function runQuestions(o) {
  const answers = { ...o.answers };
  let index = Math.min(Math.max(0, o.index), o.questions.length - 1);

  function go(/** @type {number} */ to) {
    if (to < 0) return o.onExit();
    if (to >= o.questions.length) return o.onDone(answers);
    index = to;
    o.onChange(answers, index);
    render();
  }

  function choose(/** @type {number} */ i) {
    const q = o.questions[index];
    if (i < 0 || i >= q.choices.length) return;
    answers[q.id] = q.choices[i].id;
    o.onChange(answers, index);
    render(i);
  }

  function render(/** @type {number | undefined} */ focusChoice = undefined) {
    const q = o.questions[index];
    const chosen = q.choices.findIndex((c) => c.id === answers[q.id]);
    const total = o.questions.length;
    const titleId = `${o.prefix}-q-title`;
    const radios = q.choices.map((c, i) => h('label', { class: 'dq-choice' + (i === chosen ? ' is-chosen' : '') },
      h('input', {
        type: 'radio', name: `${o.prefix}-${q.id}`, value: c.id, checked: i === chosen,
        'data-testid': `${o.prefix}-choice-${i + 1}`, onchange: () => choose(i),
      }),
      h('span', { class: 'dq-key', 'aria-hidden': 'true' }, String(i + 1)),
      h('span', { class: 'dq-label' }, c.label)));
    const last = index === total - 1;
    const flow = h('div', {
      class: 'dq-flow', tabindex: '-1', 'data-testid': `${o.prefix}-question`, 'data-question': q.id,
      onkeydown: onKey,
    },
    h('div', {
      class: 'dq-progress', 'data-testid': `${o.prefix}-progress`,
      'data-current': String(index + 1), 'data-total': String(total),
    },
    h('span', { class: 'dq-count' }, `Question ${index + 1} of ${total}`),
    o.section ? h('span', { class: 'dq-section' }, o.section(q)) : null,
    h('progress', { max: String(total), value: String(index + (chosen >= 0 ? 1 : 0)), 'aria-label': 'Progress' })),
    h('fieldset', { class: 'dq-choices', role: 'radiogroup', 'aria-labelledby': titleId },
      h('legend', { id: titleId, class: 'dq-question' }, q.text),
      q.help ? h('p', { class: 'dq-help' }, q.help) : null,
      radios),
    h('div', { class: 'dq-nav' },
      h('button', { type: 'button', class: 'button', 'data-testid': `${o.prefix}-back`, onclick: () => go(index - 1) },
        index === 0 ? 'Back to the start' : 'Back'),
      h('button', {
        type: 'button', class: 'button primary', 'data-testid': `${o.prefix}-next`, disabled: chosen < 0,
        onclick: () => go(index + 1),
      }, last ? o.finishLabel : 'Next')),
    h('p', { class: 'dq-keys' }, `Keyboard: 1–${Math.min(9, q.choices.length)} choose, ↑ ↓ change, Enter next, ← back.`));
    fill(o.root, flow);
    const target = focusChoice !== undefined
      ? /** @type {HTMLElement | null} */ (flow.querySelector(`[data-testid="${o.prefix}-choice-${focusChoice + 1}"]`))
      : null;
    (target || flow).focus();
  }

  function onKey(/** @type {KeyboardEvent} */ e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const q = o.questions[index];
    const chosen = q.choices.findIndex((c) => c.id === answers[q.id]);
    if (/^[1-9]$/.test(e.key)) {
      e.preventDefault();
      choose(Number(e.key) - 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      choose(chosen < 0 ? (step > 0 ? 0 : q.choices.length - 1) : (chosen + step + q.choices.length) % q.choices.length);
    } else if (e.key === 'Enter' || e.key === 'ArrowRight') {
      // A focused button handles its own Enter; doing it here too would skip a question.
      if (e.key === 'Enter' && e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      if (chosen >= 0) go(index + 1);
    } else if (e.key === 'ArrowLeft' || e.key === 'Backspace') {
      e.preventDefault();
      go(index - 1);
    }
  }

  render();
}

/** Share code: the bank version, then one base-36 digit per question (its choice's position). @param {Question[]} questions @param {number} version @param {Record<string, string>} answers */
export function encodeShare(questions, version, answers) {
  return `${version}-${questions.map((q) => q.choices.findIndex((c) => c.id === answers[q.id]).toString(36)).join('')}`;
}

/** @param {Question[]} questions @param {number} version @param {string} code @returns {Record<string, string> | null} */
export function decodeShare(questions, version, code) {
  const m = /^(\d+)-([0-9a-z]+)$/.exec(code);
  if (!m || Number(m[1]) !== version || m[2].length !== questions.length) return null;
  /** @type {Record<string, string>} */ const answers = {};
  for (let i = 0; i < questions.length; ++i) {
    const choice = questions[i].choices[parseInt(m[2][i], 36)];
    if (!choice) return null;
    answers[questions[i].id] = choice.id;
  }
  return answers;
}

/**
 * Mounts the diagnostic flow into `root`.
 * engine.call(type, payload) -> Promise<envelope> talks to the worker; types used: 'questions',
 * 'diagnose' ({answers, options} as objects). hooks.getLastAudit() -> the last audit report or null.
 * @param {HTMLElement} root @param {EngineHandle} engine @param {Hooks} [hooks]
 */
export function mountDiagnostic(root, engine, hooks = {}) {
  ensureDiagnosticStyles();
  stepAsideForOtherFlows(root, 'diagnostic');
  root.classList.add('dq-root');
  /** @type {any} */ let bank = null;
  /** @type {Record<string, string>} */ let answers = {};
  /** Answers from someone's share link, shown without touching yours. @type {Record<string, string> | null} */
  let sharedView = null;
  let showing = '';
  let index = 0;

  const layerName = (/** @type {string} */ id) => (bank.layers.find((/** @type {any} */ l) => l.id === id) || { name: id }).name;
  const save = () => saveAnswers(STORAGE_KEY, bank.version, answers, index);
  const answeredCount = () => Object.keys(answers).length;

  function showError(/** @type {string} */ message) {
    fill(root, h('div', { class: 'error-box', role: 'alert', 'data-testid': 'diag-error' }, message),
      h('button', { type: 'button', class: 'button', onclick: () => showIntro() }, 'Back to the diagnostic'));
  }

  function showIntro() {
    showing = 'intro';
    announceFlow('');
    const total = bank.questions.length;
    const started = answeredCount() > 0;
    fill(root, h('section', { class: 'dq-panel dq-intro', 'data-testid': 'diag-intro', 'aria-labelledby': 'diag-intro-title' },
      h('h2', { id: 'diag-intro-title' }, bank.title),
      h('p', {}, bank.intro),
      h('ul', { class: 'dq-layers' }, bank.layers.map((/** @type {any} */ l) => h('li', {}, h('strong', {}, l.name), ': ', l.summary))),
      h('p', { class: 'hint' }, 'Your answers stay in this browser.'),
      h('div', { class: 'dq-nav' },
        h('button', {
          type: 'button', class: 'button primary', 'data-testid': 'diag-start',
          onclick: () => { if (answeredCount() >= total) index = 0; startQuestions(); },
        }, started ? `Continue (${answeredCount()} of ${total} answered)` : 'Start the diagnostic'),
        started ? h('button', {
          type: 'button', class: 'button', 'data-testid': 'diag-restart',
          onclick: () => { answers = {}; index = 0; clearSaved(STORAGE_KEY); showIntro(); },
        }, 'Start over') : null,
        answeredCount() >= total ? h('button', { type: 'button', class: 'button', onclick: () => showResult() }, 'See my results') : null)));
  }

  function startQuestions() {
    showing = 'questions';
    announceFlow('diagnostic');
    runQuestions({
      root, prefix: 'diag', questions: bank.questions, answers, index,
      section: (q) => layerName(q.layer || ''),
      finishLabel: 'See my results',
      onChange: (a, i) => { answers = a; index = i; save(); },
      onDone: (a) => { answers = a; save(); showResult(); },
      onExit: () => showIntro(),
    });
  }

  async function showResult() {
    announceFlow('diagnostic');
    fill(root, h('p', { class: 'dq-wait', role: 'status' }, 'Scoring your answers…'));
    const file = answersFile(bank.bank, bank.version, sharedView || answers);
    const audit = hooks.getLastAudit ? hooks.getLastAudit() : null;
    const withAudit = audit && Array.isArray(audit.layers);
    let env = await engine.call('diagnose', { answers: file, options: withAudit ? { audit } : {} });
    // An audit the engine cannot compare with must not hide the diagnostic itself.
    if (!env.ok && withAudit && env.error && String(env.error.code).startsWith('options.')) {
      env = await engine.call('diagnose', { answers: file, options: {} });
    }
    if (!env.ok) return showError(describeError(env.error));
    renderResult(env);
  }

  /** @param {any} r */
  function renderResult(r) {
    const view = resultView(r, {
      layerName, shared: Boolean(sharedView), ownAnswered: answeredCount(), total: bank.questions.length,
      shareUrl: () => `${location.origin}${location.pathname}${SHARE_PREFIX}${encodeShare(bank.questions, bank.version, sharedView || answers)}`,
      onEdit: () => { index = bank.questions.length - 1; startQuestions(); },
      onRestart: () => { answers = {}; index = 0; clearSaved(STORAGE_KEY); showIntro(); },
      onAudit: () => { if (hooks.startAudit) hooks.startAudit(); },
      // Shared answers are only viewed: they become yours when you say so, and never replace your saved ones silently.
      onKeepShared: () => { answers = /** @type {Record<string, string>} */ (sharedView); sharedView = null; index = bank.questions.length - 1; save(); leaveShare(); showResult(); },
      onBackToMine: () => { sharedView = null; leaveShare(); if (answeredCount() >= bank.questions.length) showResult(); else showIntro(); },
    });
    fill(root, view);
    showing = 'result';
    if (!root.closest('[hidden]')) /** @type {HTMLElement} */ (root.querySelector('#diag-result-title')).focus();
  }

  /** Drop the share fragment from the address, so a reload shows your own answers. */
  function leaveShare() {
    if (location.hash.startsWith(SHARE_PREFIX)) history.replaceState(null, '', location.pathname + location.search);
  }

  // A new audit changes the comparison: a result on show is scored again against it.
  document.addEventListener('revdiag:audit', () => { if (showing === 'result' && !root.hidden) showResult(); });

  engine.call('questions', {}).then((env) => {
    if (!env.ok) return showError(describeError(env.error));
    bank = env;
    const saved = loadSaved(STORAGE_KEY);
    if (saved && saved.version === bank.version) {
      answers = validAnswers(bank.questions, saved.answers);
      index = Math.min(Number(saved.index) || 0, bank.questions.length - 1);
    }
    if (location.hash.startsWith(SHARE_PREFIX)) {
      const shared = decodeShare(bank.questions, bank.version, decodeURIComponent(location.hash.slice(SHARE_PREFIX.length)));
      if (!shared) return showError('This share link does not match the current version of the questions.');
      const same = bank.questions.every((/** @type {Question} */ q) => answers[q.id] === shared[q.id]);
      if (answeredCount() === 0 || same) {
        answers = shared;
        index = bank.questions.length - 1;
        save();
      } else {
        sharedView = shared;
      }
      // The shell decides which screen shows; ask it for the diagnostic one.
      const nav = /** @type {HTMLElement | null} */ (document.querySelector('[data-go="diagnostic"]'));
      if (nav && root.closest('[hidden]')) nav.click();
      return showResult();
    }
    showIntro();
  });
}
