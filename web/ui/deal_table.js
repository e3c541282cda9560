// @ts-check
// The deal table: virtualized (only the visible rows exist in the DOM) and fed
// by windows of the engine session's deals (Session.deals with filter, sort,
// offset, limit), so 100k+ deals scroll smoothly and never cross the worker
// boundary at once. Each row reads as a sentence: the deal, its one next
// action and the reasons behind it; click or Enter opens the deal's detail.
// On a phone each row becomes a small card (same data, stacked).
import { fill, formatNumber, h } from '../dom.js';
import { FINDINGS, LAYERS } from '../state.js';

const PAGE = 100;
const VISIBLE_ROWS = 10;
const PHONE = '(max-width: 600px)';

/** Row heights (px) must match styles.css (.grid-row and its phone form). */
function rowHeight() {
  return window.matchMedia(PHONE).matches ? 92 : 60;
}

const COLUMNS = Object.freeze([
  { key: 'deal_name', label: 'Deal' },
  { key: 'owner', label: 'Owner' },
  { key: 'amount', label: 'Amount', num: true },
  { key: 'stage', label: 'Stage → real' },
  { key: 'next_action', label: 'Next action', unsortable: true },
  { key: 'findings', label: 'Why' },
]);

/** The owner filter's value for deals with no owner (a value no export writes). */
export const NO_OWNER = '\u0000no owner';

/** "1 deal", "2 deals". @param {number} n */
function deals(n) {
  return `${formatNumber(n)} ${n === 1 ? 'deal' : 'deals'}`;
}

/**
 * @param {HTMLElement} root
 * @param {import('../engine_client.js').Engine} engine
 * @param {{onOpen?: (deal: any, row: HTMLElement) => void}} [hooks]
 */
export function createDealTable(root, engine, hooks = {}) {
  /** @type {{layer: string, code: string, owner: string, stage: string, text: string, next_action: string, removed: string}} */
  let filter = { layer: '', code: '', owner: '', stage: '', text: '', next_action: '', removed: '' };
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
  // As tall as the rows it has (up to VISIBLE_ROWS), so one deal is not a screenful of blank.
  const sizeScroller = () => { scroller.style.height = `${rowHeight() * Math.min(VISIBLE_ROWS, Math.max(1, total))}px`; };
  sizeScroller();
  const chips = h('div', { class: 'table-chips' });
  fill(root, filters, chips, count, grid);
  scroller.addEventListener('scroll', () => schedule());
  // The phone layout has taller rows: re-measure when the width crosses it.
  window.matchMedia(PHONE).addEventListener('change', () => {
    sizeScroller();
    setTotal(total);
    schedule();
  });
  /** The row index to give focus back to after a repaint (rows are rebuilt). */
  let focusIndex = -1;

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; paint(); });
  }

  function query(offset) {
    const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
    // The engine's owner filter is exact: "" selects the deals with no owner.
    if (filter.owner === NO_OWNER) f.owner = '';
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
    sizeScroller();
    spacer.style.height = `${Math.max(rowHeight(), total * rowHeight())}px`;
    grid.setAttribute('aria-rowcount', String(total + 1));
    count.textContent = `${deals(total)}${filtered() ? ' match these filters' : ''} · click a deal or press Enter on it for its detail`;
  }

  function paint() {
    if (pages.size === 0) fetchPage(0);
    const height = rowHeight();
    const first = Math.max(0, Math.floor(scroller.scrollTop / height) - 4);
    const last = Math.min(total, first + VISIBLE_ROWS + 8);
    const out = [];
    for (let i = first; i < last; i++) {
      const page = Math.floor(i / PAGE);
      const data = pages.get(page);
      if (!data) fetchPage(page);
      const deal = Array.isArray(data) ? data[i - page * PAGE] : null;
      out.push(renderRow(deal, i));
    }
    rows.style.transform = `translateY(${first * height}px)`;
    fill(rows, out);
    if (focusIndex >= 0) {
      const again = rows.querySelector(`[aria-rowindex="${focusIndex + 2}"]`);
      if (again instanceof HTMLElement) again.focus({ preventScroll: true });
    }
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
    const next = deal.next_action;
    const name = deal.deal_name || deal.deal_id || `row ${deal.row}`;
    const stage = deal.stage ? stageNames.get(deal.stage) || deal.stage : (deal.recorded_stage || '—');
    const real = deal.real_stage ? stageNames.get(deal.real_stage) || deal.real_stage : 'none';
    // The reason for the next action first, then the others.
    const reasons = [...findings].sort((a, b) => Number(Boolean(next) && b.code === next.code) - Number(Boolean(next) && a.code === next.code))
      .map((/** @type {any} */ f) => String(f.message || f.code || ''));
    const open = (/** @type {HTMLElement} */ el) => { if (hooks.onOpen) hooks.onOpen(deal, el); };
    const row = h('div', { role: 'row', class: 'grid-row deal-row', 'aria-rowindex': String(index + 2), tabindex: '0',
      'data-testid': 'deal-row', 'aria-label': `${name}: ${next ? next.action : 'nothing to do'}`,
      onclick: (/** @type {Event} */ e) => open(/** @type {HTMLElement} */ (e.currentTarget)),
      onfocus: () => { focusIndex = index; },
      onkeydown: (/** @type {KeyboardEvent} */ e) => {
        const el = /** @type {HTMLElement} */ (e.currentTarget);
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open(el);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const sibling = e.key === 'ArrowDown' ? el.nextElementSibling : el.previousElementSibling;
          if (sibling instanceof HTMLElement && sibling.tabIndex === 0) sibling.focus();
          else scroller.scrollTop += (e.key === 'ArrowDown' ? 1 : -1) * rowHeight();
        }
      } },
    h('span', { role: 'cell', class: 'cell cell-deal' }, h('span', { class: 'deal-name' }, name),
      deal.account ? h('span', { class: 'deal-sub' }, deal.account) : null),
    h('span', { role: 'cell', class: 'cell cell-owner' }, deal.owner || '(no owner)'),
    h('span', { role: 'cell', class: 'cell num cell-amount' }, typeof deal.amount === 'number' ? formatNumber(deal.amount) : '—'),
    h('span', { role: 'cell', class: 'cell cell-stage' }, stage === real ? stage : `${stage} → ${real}`),
    h('span', { role: 'cell', class: `cell cell-next${next ? ` layer-${next.layer}` : ' none'}`, 'data-testid': 'deal-next' },
      next ? next.action : 'Nothing to do'),
    h('span', { role: 'cell', class: 'cell cell-why', 'data-testid': 'deal-reasons', title: reasons.join('\n') || null },
      reasons.length ? h('span', { class: 'why-text' }, reasons[0]) : h('span', { class: 'why-text muted' }, 'Follows the process.'),
      reasons.length > 1 ? h('span', { class: 'why-more' }, `+${formatNumber(reasons.length - 1)} more ${reasons.length === 2 ? 'reason' : 'reasons'}`) : null));
    return row;
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

  function filtered() {
    return Object.values(filter).some(Boolean);
  }

  /** The filters the dashboard set (an owner action, a waterfall step), shown so they can be cleared. */
  function renderChips() {
    const set = [
      filter.next_action ? `Next action: ${filter.next_action}` : '',
      filter.removed ? `Not real: ${filter.removed.replace(/_/g, ' ')}` : '',
    ].filter(Boolean);
    fill(chips, set.length ? [set.map((t) => h('span', { class: 'pill chip' }, t)),
      h('button', { type: 'button', class: 'link-button', onclick: () => {
        filter = { layer: '', code: '', owner: '', stage: '', text: '', next_action: '', removed: '' };
        renderFilters();
        reload();
      } }, 'Clear filters')] : null);
  }

  function renderFilters() {
    renderChips();
    const owners = (report && Array.isArray(report.owners) ? report.owners : []).map((/** @type {any} */ o) => o.owner).filter(Boolean);
    const stages = (report && Array.isArray(report.stages) ? report.stages : []).map((/** @type {any} */ s) => [s.id, s.name || s.id]);
    let timer = 0;
    fill(filters,
      select('layer', 'Layer', LAYERS.map((l) => [l.id, l.name])),
      select('code', 'Finding', FINDINGS.map((f) => [f.code, `${f.code.toLowerCase().replace(/_/g, ' ')}: ${f.label}`])),
      select('owner', 'Owner', [...owners.slice(0, 500).map((/** @type {string} */ o) => [o, o]), [NO_OWNER, '(no owner)']]),
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
