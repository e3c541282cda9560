// @ts-check
// Small DOM helpers. Deal text only ever reaches the page as text nodes or
// attribute values (never as HTML), so a hostile name shows literally.

/**
 * Create an element: h('button', {class: 'x', onclick: fn, dataset: {...}}, 'text', child).
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...(Node | string | number | null | undefined | false | Array<any>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'class') el.className = value;
      else if (key === 'value' || key === 'checked' || key === 'selected') /** @type {any} */ (el)[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** @param {Node} el @param {Array<any>} children */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. @param {Element} el @param {...any} children */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** @param {string} selector @param {ParentNode} [root] @returns {HTMLElement} */
export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return /** @type {HTMLElement} */ (el);
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234567 -> "1,234,567". @param {number} n */
export function formatNumber(n) {
  return Number.isFinite(n) ? NUMBER.format(n) : '—';
}

/** 1234567 -> "1.2M". @param {number} n */
export function formatCompact(n) {
  return Number.isFinite(n) ? COMPACT.format(n) : '—';
}

/** 0.1234 -> "12%". @param {number} ratio */
export function formatPercent(ratio) {
  return Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—';
}

/** Offer text as a file download. @param {string} name @param {string} text @param {string} type */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Today's date as YYYY-MM-DD in the user's calendar. */
export function todayIso() {
  const d = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Counts in an engine message formatted like the page's numbers ("1046 days" ->
 * "1,046 days"); dates, times, ids, quoted values and decimals' fractions stay as written.
 * @param {string} text
 */
export function formatNumbersIn(text) {
  return String(text).replace(/(^|[^\w.\-/:'"#,])(\d{4,})(\.\d+)?(?![\w\-/:'"]|\.\d)/g,
    (_, before, digits, fraction) => `${before}${formatNumber(Number(digits))}${fraction || ''}`);
}

/** Human wording of an engine error, with its location when it has one. @param {any} error */
export function describeError(error) {
  if (!error) return 'Something went wrong.';
  const at = error.at || {};
  const where = [];
  if (at.line) where.push(`line ${at.line}`);
  if (at.column) where.push(`column ${at.column}`);
  if (at.pointer) where.push(at.pointer);
  return formatNumbersIn(where.length ? `${error.message} (${where.join(', ')})` : String(error.message));
}
