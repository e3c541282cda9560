// @ts-check
// The process editor: the thresholds first, then the stages (add, remove,
// rename, reorder, buyer action, probability, flags) and their entry criteria
// validated as you type through the engine's process_check, with what a rule
// can call and read listed beside them (the engine's describe). It edits a
// draft in place; the DOM is rebuilt only on structural changes so typing never loses focus.
import { $, describeError, fill, formatNumbersIn, h } from '../dom.js';
import { RULES } from '../state.js';

/**
 * A rule error as a person reads it: the column counted within the rule ("at
 * column 28 of the rule"), not within the process file.
 * @param {any} err
 */
export function ruleErrorText(err) {
  const column = err && err.at && err.at.rule_column;
  const text = formatNumbersIn(String((err && err.message) || 'The rule is not valid.'));
  if (!column) return text;
  const at = new RegExp(`\\bat column ${column}\\b`);
  return at.test(text) ? text.replace(at, `at column ${column} of the rule`) : `${text} (column ${column} of the rule)`;
}

/** The functions and fields a rule can use, as the engine lists them. */
function ruleReference() {
  // Focusable: on a short screen the list scrolls, and a keyboard must reach it.
  return h('aside', { class: 'panel rule-reference', tabindex: '0', 'aria-labelledby': 'pe-reference-title', dataset: { testid: 'rule-reference' } },
    h('h2', { id: 'pe-reference-title' }, 'What a rule can use'),
    h('p', { class: 'hint' }, 'A rule is true or false, e.g. present(decision_date) and days_since(last_buyer_activity_date) < 30.'),
    h('h3', null, 'Functions'),
    h('ul', { class: 'rule-list' }, RULES.functions.map((f) => h('li', null,
      h('code', null, `${f.name}(${Array.from({ length: f.args }, () => f.takes === 'any' ? 'field' : f.takes).join(', ')})`),
      ` → ${f.returns}`))),
    h('h3', null, 'Fields'),
    h('ul', { class: 'rule-list' }, RULES.fields.map((f) => h('li', null, h('code', null, f.id), ` ${f.type}`))),
    h('p', { class: 'hint' }, 'Other columns of the export can be read by their name in lower case, with _ for spaces.'));
}

/**
 * @param {HTMLElement} root
 * @param {{onChange: (draft: any) => void}} actions
 */
export function createProcessEditor(root, actions) {
  /** @type {any} */
  let draft = null;

  function changed() { actions.onChange(draft); }

  /** A text input bound to obj[key]. @param {any} obj @param {string} key @param {string} label @param {string} pointer @param {any} [extra] */
  function text(obj, key, label, pointer, extra = {}) {
    const id = `pe-${pointer.replace(/[^a-z0-9]+/gi, '-')}`;
    return h('div', { class: `field ${extra.class || ''}` },
      h('label', { for: id }, label),
      h('input', { id, type: 'text', value: obj[key] ?? '', dataset: { pointer }, spellcheck: 'false',
        placeholder: extra.placeholder, 'aria-describedby': `${id}-msg`,
        oninput: (/** @type {Event} */ e) => { obj[key] = /** @type {HTMLInputElement} */ (e.target).value; if (extra.after) extra.after(); changed(); } }),
      h('p', { id: `${id}-msg`, class: 'field-msg', 'aria-live': 'polite' }));
  }

  /** @param {any} obj @param {string} key @param {string} label @param {string} pointer @param {{min?: number, max?: number, scale?: number}} opts */
  function number(obj, key, label, pointer, opts = {}) {
    const id = `pe-${pointer.replace(/[^a-z0-9]+/gi, '-')}`;
    const scale = opts.scale || 1;
    return h('div', { class: 'field narrow' },
      h('label', { for: id }, label),
      h('input', { id, type: 'number', min: opts.min, max: opts.max, step: '1', dataset: { pointer },
        value: Number.isFinite(obj[key]) ? String(Math.round(obj[key] * scale)) : '', 'aria-describedby': `${id}-msg`,
        oninput: (/** @type {Event} */ e) => {
          const v = /** @type {HTMLInputElement} */ (e.target).valueAsNumber;
          if (Number.isFinite(v)) { obj[key] = v / scale; changed(); }
        } }),
      h('p', { id: `${id}-msg`, class: 'field-msg', 'aria-live': 'polite' }));
  }

  /** @param {any} stage @param {string} flag @param {string} label */
  function flag(stage, flag, label) {
    return h('label', { class: 'check' },
      h('input', { type: 'checkbox', checked: Boolean(stage[flag]),
        onchange: (/** @type {Event} */ e) => { stage[flag] = /** @type {HTMLInputElement} */ (e.target).checked; changed(); } }),
      ' ', label);
  }

  /** @param {number} from @param {number} to */
  function move(from, to) {
    const stages = draft.stages;
    if (to < 0 || to >= stages.length) return;
    const [s] = stages.splice(from, 1);
    stages.splice(to, 0, s);
    render();
    changed();
    const target = root.querySelector(`[data-stage-index="${to}"] .stage-title`);
    if (target) /** @type {HTMLElement} */ (target).focus();
  }

  /** @param {any} stage @param {number} i */
  function stageCard(stage, i) {
    const base = `/stages/${i}`;
    stage.criteria = Array.isArray(stage.criteria) ? stage.criteria : [];
    const title = h('h3', { class: 'stage-title', tabindex: '-1' }, `${i + 1}. ${stage.name || stage.id || 'New stage'}`);
    const criteria = stage.criteria.map((/** @type {any} */ c, /** @type {number} */ j) => h('li', { class: 'criterion' },
      text(c, 'id', 'Id', `${base}/criteria/${j}/id`, { class: 'tiny' }),
      text(c, 'label', 'Meaning', `${base}/criteria/${j}/label`),
      text(c, 'rule', 'Rule', `${base}/criteria/${j}/rule`, { class: 'rule', placeholder: 'present(decision_date)' }),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove criterion ${c.id || j + 1} of ${stage.name}`,
        onclick: () => { stage.criteria.splice(j, 1); render(); changed(); } }, '✕')));
    return h('li', { class: 'stage-card', dataset: { stageIndex: String(i) } },
      h('div', { class: 'stage-head' }, title,
        h('div', { class: 'stage-buttons', role: 'group', 'aria-label': `Order of ${stage.name || 'stage'}` },
          h('button', { type: 'button', class: 'icon-button', 'aria-label': `Move ${stage.name} up`, disabled: i === 0, onclick: () => move(i, i - 1) }, '↑'),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': `Move ${stage.name} down`, disabled: i === draft.stages.length - 1, onclick: () => move(i, i + 1) }, '↓'),
          h('button', { type: 'button', class: 'icon-button danger', 'aria-label': `Remove stage ${stage.name}`,
            onclick: () => { draft.stages.splice(i, 1); render(); changed(); } }, '✕'))),
      h('div', { class: 'field-row' },
        text(stage, 'name', 'Name', `${base}/name`, { after: () => { title.textContent = `${i + 1}. ${stage.name}`; } }),
        text(stage, 'id', 'Id', `${base}/id`, { class: 'narrow' }),
        number(stage, 'probability', 'Win %', `${base}/probability`, { min: 0, max: 100, scale: 100 })),
      text(stage, 'buyer_action', 'Buyer action that puts a deal here', `${base}/buyer_action`),
      h('div', { class: 'flags' }, flag(stage, 'follow_up', 'Follow-up stage'), flag(stage, 'holding', 'Holding (re-engagement)'),
        flag(stage, 'closed_won', 'Closed won'), flag(stage, 'closed_lost', 'Closed lost')),
      h('h4', null, 'Entry criteria'),
      h('ul', { class: 'criteria' }, criteria),
      h('button', { type: 'button', class: 'link-button', onclick: () => {
        stage.criteria.push({ id: `${(stage.id || 'C').slice(0, 1).toUpperCase()}${stage.criteria.length + 1}`, label: '', rule: '' });
        render();
        changed();
      } }, '+ Add a criterion'));
  }

  function thresholds() {
    const t = draft.thresholds = draft.thresholds || {};
    const list = (/** @type {string} */ key, /** @type {string} */ label) => {
      const id = `pe-thresholds-${key}`;
      return h('div', { class: 'field' }, h('label', { for: id }, label),
        h('input', { id, type: 'text', value: (t[key] || []).join(', '), dataset: { pointer: `/thresholds/${key}` },
          oninput: (/** @type {Event} */ e) => {
            t[key] = /** @type {HTMLInputElement} */ (e.target).value.split(',').map((s) => s.trim()).filter(Boolean);
            changed();
          } }),
        h('p', { class: 'field-msg' }));
    };
    return h('section', { class: 'panel', 'aria-labelledby': 'pe-thresholds-title' },
      h('h2', { id: 'pe-thresholds-title' }, 'Thresholds'),
      h('div', { class: 'field-row' },
        number(t, 'follow_up_business_days', 'Follow-up after (business days)', '/thresholds/follow_up_business_days', { min: 1 }),
        number(t, 'reengage_after_days', 'Re-engage after (days)', '/thresholds/reengage_after_days', { min: 1 }),
        number(t, 'inactive_after_days', 'Stale after (days)', '/thresholds/inactive_after_days', { min: 1 }),
        number(t, 'reengagement_window_days', 'Re-engagement window (days)', '/thresholds/reengagement_window_days', { min: 1 })),
      list('owner_shared_patterns', 'Owner values that name no single person (comma separated)'),
      list('roster', 'Roster of owners (comma separated; empty accepts anyone)'));
  }

  function render() {
    if (!draft) return;
    draft.stages = Array.isArray(draft.stages) ? draft.stages : [];
    fill(root,
      thresholds(),
      h('div', { class: 'process-layout' },
      h('section', { class: 'panel', 'aria-labelledby': 'pe-stages-title' },
        h('div', { class: 'field-row' }, text(draft, 'name', 'Process name', '/name')),
        h('h2', { id: 'pe-stages-title' }, 'Stages'),
        h('ol', { class: 'stage-list' }, draft.stages.map(stageCard)),
        h('button', { type: 'button', class: 'button', onclick: () => {
          const n = draft.stages.length + 1;
          draft.stages.push({ id: `stage_${n}`, name: `Stage ${n}`, buyer_action: '', owner_role: '', aliases: [], criteria: [], probability: 0.5 });
          render();
          changed();
        } }, '+ Add a stage')),
      ruleReference()));
  }

  return {
    /** @param {any} process */
    load(process) {
      draft = JSON.parse(JSON.stringify(process));
      render();
    },
    draft: () => draft,
    /**
     * Show the engine's verdict beside the fields it names. With `fileName` the
     * engine read that file's text, and its line and column are the file's;
     * otherwise it read the draft, whose line and column mean nothing to a person.
     * @param {any} env process_check envelope
     * @param {string} [fileName]
     */
    showCheck(env, fileName) {
      for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
      for (const el of root.querySelectorAll('.field-msg')) el.textContent = '';
      const errors = env && !env.ok ? [env.error] : (env && Array.isArray(env.errors) ? env.errors : []);
      const status = $('#process-status');
      if (errors.length) {
        for (const err of errors) {
          const pointer = err && err.at && err.at.pointer;
          const input = pointer ? /** @type {HTMLInputElement | null} */ (root.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`)) : null;
          if (input) {
            input.setAttribute('aria-invalid', 'true');
            const msg = document.getElementById(input.getAttribute('aria-describedby') || '');
            // Beside the rule field, the column counts within the rule.
            if (msg) msg.textContent = err.at.rule_column ? ruleErrorText(err) : describeError({ ...err, at: {} });
          }
        }
        const first = errors[0] || {};
        const at = first.at || {};
        fill(status, h('span', { class: 'pill low' }, 'invalid'), ' ',
          fileName ? `${fileName}: ${describeError(first)}` : at.rule_column ? ruleErrorText(first) : describeError({ ...first, at: { pointer: at.pointer } }));
        status.dataset.valid = 'false';
        return;
      }
      const findings = env && Array.isArray(env.findings) ? env.findings : [];
      status.dataset.valid = 'true';
      fill(status, h('span', { class: 'pill high' }, 'valid'), ' ',
        findings.length ? findings.map((/** @type {any} */ f) => f.message || f.code).join(' ') : 'The process is valid.');
    },
  };
}
