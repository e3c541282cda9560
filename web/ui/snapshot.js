// @ts-check
// The Snapshot on the page: eight questions for a team with no process yet,
// then the drafted process (stages, criteria, thresholds) and its design
// document, which the user can download, print, or hand straight to the audit.
import { describeError, download, fill, h } from '../dom.js';
import {
  announceFlow, answersFile, clearSaved, ensureDiagnosticStyles, loadSaved, runQuestions, saveAnswers,
  stepAsideForOtherFlows, validAnswers,
} from './diagnostic.js';

const STORAGE_KEY = 'revdiag.snapshot.answers';

/**
 * Inline Markdown of the design document (**bold** and `code`) as DOM nodes, text only.
 * @param {string} text @returns {Array<Node | string>}
 */
function inline(text) {
  /** @type {Array<Node | string>} */ const out = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[1] !== undefined ? h('strong', {}, m[1]) : h('code', {}, m[2]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * The subset of Markdown the engine writes (headings, tables, lists, paragraphs) as DOM.
 * Headings move down one level so the document sits under the page's own heading.
 * @param {string} markdown
 */
export function renderDocument(markdown) {
  const root = h('div', { class: 'dq-document', 'data-testid': 'snap-document-view' });
  /** @type {HTMLElement | null} */ let list = null;
  /** @type {HTMLElement | null} */ let table = null;
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const bullet = /^- (.*)$/.exec(line);
    const numbered = /^\d+\. (.*)$/.exec(line);
    if (!line.startsWith('|')) table = null;
    if (!bullet && !numbered) list = null;
    if (heading) {
      root.appendChild(h(`h${heading[1].length + 2}`, {}, inline(heading[2])));
    } else if (line.startsWith('|')) {
      if (/^\|[-| ]+\|$/.test(line)) continue;
      const cells = line.slice(1, -1).split('|').map((c) => c.trim());
      if (!table) {
        table = h('table', { class: 'dq-table' }, h('thead', {}, h('tr', {}, cells.map((c) => h('th', { scope: 'col' }, inline(c))))), h('tbody'));
        root.appendChild(table);
      } else {
        /** @type {HTMLElement} */ (table.querySelector('tbody')).appendChild(h('tr', {}, cells.map((c) => h('td', {}, inline(c)))));
      }
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = h(tag, {});
        root.appendChild(list);
      }
      list.appendChild(h('li', {}, inline((bullet || numbered || [])[1])));
    } else if (line) {
      root.appendChild(h('p', {}, inline(line)));
    }
  }
  return root;
}

/**
 * Mounts the Snapshot flow into `root`: questions, then the drafted process with
 * "Download this process" and "Audit my export with this process".
 * @param {HTMLElement} root
 * @param {{call: (type: string, payload?: any) => Promise<any>}} engine
 * @param {{getLastAudit?: () => any, auditWithProcess?: (process: any) => void}} [hooks]
 */
export function mountSnapshot(root, engine, hooks = {}) {
  ensureDiagnosticStyles();
  stepAsideForOtherFlows(root, 'snapshot');
  root.classList.add('dq-root');
  /** @type {any} */ let bank = null;
  /** @type {Record<string, string>} */ let answers = {};
  let index = 0;
  const save = () => saveAnswers(STORAGE_KEY, bank.version, answers, index);

  function showError(/** @type {string} */ message) {
    fill(root, h('div', { class: 'error-box', role: 'alert', 'data-testid': 'snap-error' }, message),
      h('button', { type: 'button', class: 'button', onclick: () => showIntro() }, 'Back to the Snapshot'));
  }

  function showIntro() {
    announceFlow('');
    const started = Object.keys(answers).length > 0;
    fill(root, h('section', { class: 'dq-panel dq-intro', 'data-testid': 'snap-intro', 'aria-labelledby': 'snap-intro-title' },
      h('h2', { id: 'snap-intro-title' }, 'No process yet? Take the Snapshot'),
      h('p', {}, bank.intro),
      h('div', { class: 'dq-nav' },
        h('button', {
          type: 'button', class: 'button primary', 'data-testid': 'snap-start',
          onclick: () => { if (Object.keys(answers).length >= bank.questions.length) index = 0; startQuestions(); },
        }, started ? 'Continue the Snapshot' : 'Start the Snapshot'),
        started ? h('button', {
          type: 'button', class: 'button', 'data-testid': 'snap-restart',
          onclick: () => { answers = {}; index = 0; clearSaved(STORAGE_KEY); showIntro(); },
        }, 'Start over') : null)));
  }

  function startQuestions() {
    announceFlow('snapshot');
    runQuestions({
      root, prefix: 'snap', questions: bank.questions, answers, index,
      finishLabel: 'Draft my process',
      onChange: (a, i) => { answers = a; index = i; save(); },
      onDone: (a) => { answers = a; save(); showResult(); },
      onExit: () => showIntro(),
    });
  }

  async function showResult() {
    announceFlow('snapshot');
    fill(root, h('p', { class: 'dq-wait', role: 'status' }, 'Drafting your process…'));
    const env = await engine.call('snapshot', { answers: answersFile(bank.bank, bank.version, answers) });
    if (!env.ok) return showError(describeError(env.error));
    const process = env.process;
    const stages = process.stages.filter((/** @type {any} */ s) => !s.holding);
    const t = process.thresholds;
    fill(root, h('section', { class: 'dq-result', 'data-testid': 'snap-result', 'data-shape': env.shape, 'aria-labelledby': 'snap-result-title' },
      h('h2', { id: 'snap-result-title', tabindex: '-1' }, 'Your drafted sales process'),
      h('p', { class: 'dq-summary' },
        `${stages.length} stages, from ${stages[0].name} to ${stages[stages.length - 1].name}. `,
        `Follow up after ${t.follow_up_business_days} business days without a reply, re-engage after ${t.reengage_after_days} days, `,
        `archive after ${t.inactive_after_days} days without buyer activity.`),
      h('ol', { class: 'dq-stage-strip', 'aria-label': 'Stages' }, stages.map((/** @type {any} */ s) => h('li', {
        'data-testid': `snap-stage-${s.id}`,
      }, h('strong', {}, s.name), h('span', {}, s.buyer_action)))),
      h('div', { class: 'dq-actions' },
        h('button', {
          type: 'button', class: 'button primary', 'data-testid': 'snap-download',
          onclick: () => download('revdiag-process.json', JSON.stringify(process, null, 2) + '\n', 'application/json'),
        }, 'Download this process'),
        h('button', {
          type: 'button', class: 'button primary', 'data-testid': 'snap-audit',
          disabled: !hooks.auditWithProcess,
          onclick: () => hooks.auditWithProcess && hooks.auditWithProcess(process),
        }, 'Audit my export with this process'),
        h('button', {
          type: 'button', class: 'button', 'data-testid': 'snap-document',
          onclick: () => download('revdiag-process-design.md', env.document, 'text/markdown'),
        }, 'Download the design document'),
        h('button', { type: 'button', class: 'button', 'data-testid': 'snap-print', onclick: () => window.print() }, 'Print'),
        h('button', {
          type: 'button', class: 'button', 'data-testid': 'snap-edit',
          onclick: () => { index = bank.questions.length - 1; startQuestions(); },
        }, 'Change answers')),
      h('div', { class: 'dq-panel' }, renderDocument(env.document))));
    /** @type {HTMLElement} */ (root.querySelector('#snap-result-title')).focus();
  }

  engine.call('questions', {}).then((env) => {
    if (!env.ok) return showError(describeError(env.error));
    bank = env.snapshot;
    const saved = loadSaved(STORAGE_KEY);
    if (saved && saved.version === bank.version) {
      answers = validAnswers(bank.questions, saved.answers);
      index = Math.min(Number(saved.index) || 0, bank.questions.length - 1);
    }
    showIntro();
  });
}
