// @ts-check
// The deal detail panel: one deal as the audit read it, opened from the deal
// table by click or Enter. It shows the fields as read, each entry criterion
// of the stages up to the recorded one (met, unmet, unrecorded or not
// assessable), every finding with its reason and action, and the one next
// action with its owner. A modal <dialog>: focus moves into it, Escape or the
// close button closes it, and focus returns to the row that opened it.
import { fill, formatNumber, h } from '../dom.js';
import { FINDINGS, layerInfo } from '../state.js';

/** How each criterion status reads. */
const STATUS = Object.freeze({
  met: { label: 'met', mark: '✓' },
  unmet: { label: 'not met', mark: '✗' },
  unrecorded: { label: 'not recorded', mark: '?' },
  not_assessable: { label: 'not assessable: the export has no column for it', mark: '–' },
});

/**
 * The criteria of the stages up to the deal's recorded one, each with its
 * status, from the deal's findings (which name every failing criterion) and
 * the report's word on criteria the export cannot show.
 * @param {any} deal @param {any} process @param {any} report
 * @returns {{note: string, rows: Array<{stage: string, id: string, label: string, status: keyof typeof STATUS}>}}
 */
export function criteriaStatus(deal, process, report) {
  const stages = process && Array.isArray(process.stages) ? process.stages : [];
  const recorded = stages.findIndex((/** @type {any} */ s) => s.id === deal.stage);
  if (recorded < 0) return { note: 'The recorded stage is not a stage of the process, so its criteria are not judged.', rows: [] };
  if (stages[recorded].holding) {
    return { note: `Waiting in ${stages[recorded].name || stages[recorded].id}: a waiting deal is not judged on criteria.`, rows: [] };
  }
  /** @type {Map<string, 'unmet' | 'unrecorded'>} */
  const failing = new Map();
  for (const f of Array.isArray(deal.findings) ? deal.findings : []) {
    const known = FINDINGS.find((k) => k.code === f.code);
    const said = known ? known.criteriaStatus : '';
    /** @type {'unmet' | 'unrecorded' | null} */
    const status = said === 'unmet' ? 'unmet' : said === 'unrecorded' ? 'unrecorded' : null;
    if (status) for (const id of Array.isArray(f.criteria) ? f.criteria : []) failing.set(String(id), status);
  }
  const notAssessable = new Set();
  const coverage = report && report.coverage && Array.isArray(report.coverage.criteria) ? report.coverage.criteria : [];
  for (const c of coverage) if (c && c.status === 'not_assessable') notAssessable.add(String(c.id ?? c.criterion));
  /** @type {Array<{stage: string, id: string, label: string, status: keyof typeof STATUS}>} */
  const rows = [];
  for (let i = 0; i <= recorded; i++) {
    const stage = stages[i];
    if (stage.holding || stage.closed_won || stage.closed_lost) continue;
    for (const c of Array.isArray(stage.criteria) ? stage.criteria : []) {
      const id = String(c.id);
      /** @type {keyof typeof STATUS} */
      const status = failing.get(id) || (notAssessable.has(id) ? 'not_assessable' : 'met');
      rows.push({ stage: stage.name || stage.id, id, label: c.label || c.rule || '', status });
    }
  }
  return { note: rows.length ? '' : 'The stages up to this one have no criteria.', rows };
}

/**
 * @param {{getProcess: () => any, getReport: () => any, stageName: (id: string) => string}} context
 */
export function createDealDetail(context) {
  const title = h('h2', { id: 'deal-detail-title' });
  const body = h('div', { class: 'deal-detail-body' });
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'deal-detail-close' }, 'Close');
  const dialog = /** @type {HTMLDialogElement} */ (h('dialog', { class: 'deal-detail', 'aria-labelledby': 'deal-detail-title',
    'data-testid': 'deal-detail' },
  h('div', { class: 'deal-detail-head' }, title, close), body));
  document.body.appendChild(dialog);
  /** @type {HTMLElement | null} */
  let opener = null;
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the panel's box) closes it too.
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => {
    // The table may have rebuilt its rows meanwhile: find the same row again.
    const index = opener && opener.getAttribute('aria-rowindex');
    const again = opener && !opener.isConnected && index
      ? document.querySelector(`[data-testid="deal-row"][aria-rowindex="${index}"]`) : opener;
    if (again instanceof HTMLElement) again.focus();
    opener = null;
  });

  /** @param {any} deal @param {HTMLElement | null} from */
  function open(deal, from) {
    opener = from;
    const report = context.getReport();
    const stage = (/** @type {any} */ id) => (id ? context.stageName(String(id)) : '—');
    title.textContent = deal.deal_name || deal.deal_id || `Row ${deal.row}`;
    const next = deal.next_action;
    const findings = Array.isArray(deal.findings) ? deal.findings : [];
    const criteria = criteriaStatus(deal, context.getProcess(), report);
    fill(body,
      h('section', { class: `next-box${next ? '' : ' none'}`, 'aria-label': 'Next action' },
        h('p', { class: 'next-label' }, 'Next action'),
        h('p', { class: 'next-what', 'data-testid': 'deal-detail-next' }, next ? next.action : 'Nothing to do: this deal follows the process.'),
        next ? h('p', { class: 'hint' }, `Owner: ${deal.owner || 'nobody is recorded'}`,
          findings.length > 1 ? ` · chosen from ${formatNumber(findings.length)} findings, archive first, then re-engage, follow up, move back, data fixes` : '') : null),
      h('h3', null, 'As read from the export'),
      h('dl', { class: 'deal-fields' },
        field('Row in the file', formatNumber(deal.row)),
        field('Deal id', deal.deal_id),
        field('Account', deal.account),
        field('Owner', deal.owner),
        field('Amount', typeof deal.amount === 'number' ? formatNumber(deal.amount) : null),
        field('Stage as written', deal.recorded_stage),
        field('Stage in the process', stage(deal.stage)),
        field('Real stage', deal.real_stage ? stage(deal.real_stage) : 'none: not pipeline'),
        field('In the real pipeline', deal.in_real_pipeline ? 'yes' : 'no')),
      h('h3', null, 'Entry criteria'),
      criteria.note ? h('p', { class: 'hint' }, criteria.note) : null,
      criteria.rows.length ? h('table', { class: 'criteria-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col' }, 'Status'))),
        h('tbody', null, criteria.rows.map((c) => h('tr', { class: `crit-${c.status}` },
          h('td', null, c.stage), h('td', null, h('strong', null, c.id), c.label ? ` ${c.label}` : ''),
          h('td', { 'data-status': c.status }, h('span', { 'aria-hidden': 'true' }, `${STATUS[c.status].mark} `), STATUS[c.status].label))))) : null,
      h('h3', null, findings.length === 0 ? 'Findings' : findings.length === 1 ? '1 finding' : `${formatNumber(findings.length)} findings`),
      findings.length ? h('ul', { class: 'finding-list' }, findings.map((/** @type {any} */ f) => h('li', { class: `layer-${f.layer || ''}` },
        h('span', { class: 'finding-layer' }, layerInfo(f.layer).name),
        h('span', { class: 'finding-reason' }, f.message || f.code),
        f.action ? h('span', { class: 'finding-action' }, next && f.code === next.code ? `Action (next): ${f.action}` : `Action: ${f.action}`) : null)))
        : h('p', { class: 'hint' }, 'No finding: every layer passes for this deal.'));
    dialog.showModal();
    close.focus();
  }

  return { open, close: () => dialog.close(), element: dialog };
}

/** @param {string} label @param {any} value */
function field(label, value) {
  const shown = value === null || value === undefined || value === '' ? '—' : String(value);
  return [h('dt', null, label), h('dd', null, shown)];
}
