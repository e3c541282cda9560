// @ts-check
// What the printed report says about itself: a heading with the file, the
// as-of and print dates and the process on its first page, and a document
// title (a saved PDF's name) naming the file while the dashboard prints.
import { $, fill, formatNumber, h, todayIso } from '../dom.js';

let printTitle = '';

/** Change the document's title while printing; call once. @param {() => boolean} onDashboard */
export function mountPrintTitle(onDashboard) {
  const pageTitle = document.title;
  window.addEventListener('beforeprint', () => { if (printTitle && onDashboard()) document.title = printTitle; });
  window.addEventListener('afterprint', () => { document.title = pageTitle; });
}

/**
 * @param {any} report @param {{name: string} | null} source @param {boolean} processEdited
 */
export function renderPrintMeta(report, source, processEdited) {
  const name = source ? source.name : 'Pipeline';
  const processName = report.process && report.process.name ? String(report.process.name) : 'the default process';
  const rows = Number(report.input && report.input.rows);
  printTitle = `revdiag audit — ${name} — as of ${report.as_of}`;
  fill($('#print-meta'), h('p', { class: 'print-title' }, name),
    h('p', null, `Audited as of ${report.as_of} · printed on ${todayIso()} · process: ${processName}${processEdited ? ' (edited)' : ''}`
      + ` · ${formatNumber(rows)} ${rows === 1 ? 'row' : 'rows'} read in the browser by revdiag`));
}
