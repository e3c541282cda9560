// @ts-check
// The deal table: virtualized (only the visible rows exist in the DOM) and fed
// by windows of the engine session's deals (Session.deals with filter, sort,
// offset, limit), so 100k+ deals scroll smoothly and never cross the worker
// boundary at once.
import { fill, formatNumber, h } from '../dom.js';
import { FINDINGS, LAYERS, findingText } from '../state.js';

const ROW_HEIGHT = 40;
const PAGE = 100;
const VISIBLE_ROWS = 14;

const COLUMNS = Object.freeze([
  { key: 'deal_name', label: 'Deal' },
  { key: 'account', label: 'Account' },
  { key: 'owner', label: 'Owner' },
  { key: 'amount', label: 'Amount', num: true },
  { key: 'stage', label: 'Stage' },
  { key: 'real_stage', label: 'Real stage' },
  { key: 'findings', label: 'Findings' },
]);

/**
 * @param {HTMLElement} root
 * @param {import('../engine_client.js').Engine} engine
 */
export function createDealTable(root, engine) {
  /** @type {{layer: string, code: string, owner: string, stage: string, text: string}} */
  let filter = { layer: '', code: '', owner: '', stage: '', text: '' };
  let sort = { key: 'amount', desc: true };
  let total = 0;
  let generation = 0;
  /** @type {Map<number, any[] | 'loading'>} */
  let pages = new Map();
  let report = null;
  /** Stage ids to the names people know them by. @type {Map<string, string>} */
  let stageNames = new Map();
  let frame = 0;

  const count = h('p', { class: 'table-count', role: 'status' });
  const filters = h('div', { class: 'table-filters' });
  const head = h('div', { role: 'row', class: 'grid-row grid-head-row' });
  const rows = h('div', { class: 'grid-rows' });
  const spacer = h('div', { class: 'grid-spacer' }, rows);
  const scroller = h('div', { class: 'grid-scroll', tabindex: '0', role: 'rowgroup', 'aria-label': 'Deal rows' }, spacer);
  const grid = h('div', { class: 'grid', role: 'table', 'aria-label': 'Deals', 'aria-rowcount': '0' },
    h('div', { role: 'rowgroup', class: 'grid-head' }, head), scroller);
  scroller.style.height = `${ROW_HEIGHT * VISIBLE_ROWS}px`;
  fill(root, filters, count, grid);
  scroller.addEventListener('scroll', () => schedule());

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; paint(); });
  }

  function query(offset) {
    const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
    return { filter: f, sort, offset, limit: PAGE };
  }

  // One window request at a time: while scrolling fast, the pages passed over
  // are never asked for; the next paint asks for whatever is visible then.
  let inflight = false;
  /** @param {number} page */
  async function fetchPage(page) {
    if (pages.has(page) || inflight) return;
    inflight = true;
    pages.set(page, 'loading');
    const mine = generation;
    const env = await engine.call('deals', { query: query(page * PAGE) });
    inflight = false;
    if (mine !== generation) {
      schedule();
      return;
    }
    if (!env || !env.ok) {
      pages.delete(page);
      count.textContent = env && env.error ? env.error.message : 'The deals could not be read.';
      return;
    }
    pages.set(page, Array.isArray(env.deals) ? env.deals : []);
    if (Number(env.total) !== total || pages.size === 1) setTotal(Number(env.total) || 0);
    schedule();
  }

  /** @param {number} n */
  function setTotal(n) {
    total = n;
    spacer.style.height = `${Math.max(ROW_HEIGHT, total * ROW_HEIGHT)}px`;
    grid.setAttribute('aria-rowcount', String(total + 1));
    count.textContent = `${formatNumber(total)} deals`;
  }

  function paint() {
    if (pages.size === 0) fetchPage(0);
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 4);
    const last = Math.min(total, first + VISIBLE_ROWS + 8);
    const out = [];
    for (let i = first; i < last; i++) {
      const page = Math.floor(i / PAGE);
      const data = pages.get(page);
      if (!data) fetchPage(page);
      const deal = Array.isArray(data) ? data[i - page * PAGE] : null;
      out.push(renderRow(deal, i));
    }
    rows.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    fill(rows, out);
    if (total === 0 && pages.size && !Array.from(pages.values()).includes('loading')) {
      fill(rows, h('div', { class: 'grid-empty', role: 'row' }, h('span', { role: 'cell' }, 'No deal matches these filters.')));
    }
  }

  /** @param {any} deal @param {number} index */
  function renderRow(deal, index) {
    if (!deal) {
      return h('div', { role: 'row', class: 'grid-row loading', 'aria-rowindex': String(index + 2) },
        h('span', { role: 'cell', class: 'cell-wide' }, '…'));
    }
    const findings = Array.isArray(deal.findings) ? deal.findings : [];
    return h('div', { role: 'row', class: 'grid-row', 'aria-rowindex': String(index + 2) },
      COLUMNS.map((c) => {
        if (c.key === 'findings') {
          return h('span', { role: 'cell', class: 'cell findings', title: findings.map(findingText).join('\n') },
            findings.map((/** @type {any} */ f) => h('span', { class: `code layer-${f.layer || ''}` }, f.code || String(f))));
        }
        let v = c.key === 'deal_name' ? (deal.deal_name || deal.deal_id || `row ${deal.row}`) : deal[c.key];
        if (c.key === 'stage') v = v ? stageNames.get(v) || v : deal.recorded_stage;
        if (c.key === 'real_stage' && v) v = stageNames.get(v) || v;
        return h('span', { role: 'cell', class: `cell${c.num ? ' num' : ''}` },
          c.num ? (typeof v === 'number' ? formatNumber(v) : '—') : (v === undefined || v === null || v === '' ? '—' : String(v)));
      }));
  }

  function renderHead() {
    fill(head, COLUMNS.map((c) => {
      const active = sort.key === c.key;
      const ariaSort = active ? (sort.desc ? 'descending' : 'ascending') : 'none';
      if (c.unsortable) return h('span', { role: 'columnheader', class: 'cell' }, c.label);
      return h('span', { role: 'columnheader', class: `cell${c.num ? ' num' : ''}`, 'aria-sort': ariaSort },
        h('button', { type: 'button', class: 'sort-button', onclick: () => {
          sort = { key: c.key, desc: active ? !sort.desc : c.num === true };
          reload();
        } }, c.label, active ? (sort.desc ? ' ↓' : ' ↑') : ''));
    }));
  }

  /** @param {string} key @param {string} label @param {Array<[string, string]>} options */
  function select(key, label, options) {
    const id = `deal-filter-${key}`;
    return h('div', { class: 'filter' },
      h('label', { for: id }, label),
      h('select', { id, onchange: (/** @type {Event} */ e) => {
        filter = { ...filter, [key]: /** @type {HTMLSelectElement} */ (e.target).value };
        reload();
      } }, h('option', { value: '' }, 'All'),
      options.map(([value, text]) => h('option', { value, selected: /** @type {any} */ (filter)[key] === value }, text))));
  }

  function renderFilters() {
    const owners = (report && Array.isArray(report.owners) ? report.owners : []).map((/** @type {any} */ o) => o.owner).filter(Boolean);
    const stages = (report && Array.isArray(report.stages) ? report.stages : []).map((/** @type {any} */ s) => [s.id, s.name || s.id]);
    let timer = 0;
    fill(filters,
      select('layer', 'Layer', LAYERS.map((l) => [l.id, l.name])),
      select('code', 'Finding', FINDINGS.map((f) => [f.code, `${f.code.toLowerCase().replace(/_/g, ' ')}: ${f.label}`])),
      select('owner', 'Owner', owners.slice(0, 500).map((/** @type {string} */ o) => [o, o])),
      select('stage', 'Stage', /** @type {any} */ (stages)),
      h('div', { class: 'filter grow' },
        h('label', { for: 'deal-filter-text' }, 'Search'),
        h('input', { id: 'deal-filter-text', type: 'search', value: filter.text, placeholder: 'Deal, account or owner',
          oninput: (/** @type {Event} */ e) => {
            clearTimeout(timer);
            const value = /** @type {HTMLInputElement} */ (e.target).value;
            timer = window.setTimeout(() => { filter = { ...filter, text: value }; reload(); }, 200);
          } })));
  }

  function reload() {
    generation++;
    pages = new Map();
    scroller.scrollTop = 0;
    renderHead();
    if (inflight) schedule();
    else fetchPage(0);
  }

  return {
    /** A new audit: keep the filters, refetch. @param {any} newReport */
    setReport(newReport) {
      report = newReport;
      stageNames = new Map((Array.isArray(report.stages) ? report.stages : []).map((/** @type {any} */ st) => [st.id, st.name || st.id]));
      renderFilters();
      reload();
    },
    /** @param {Partial<typeof filter>} patch */
    setFilter(patch) {
      filter = { ...filter, ...patch };
      renderFilters();
      reload();
    },
  };
}
