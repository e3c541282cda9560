// @ts-check
// Files that are not deal exports are refused before they are audited: a
// binary file (an image, a workbook, an archive) is recognised from its first
// bytes, and a text file in which no column reads as a stage, an amount or an
// owner is told what it lacks instead of getting a meaningless audit.

/** Known file signatures: what the file is and what to do instead. */
const SIGNATURES = Object.freeze([
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a zip archive or an Excel workbook (.xlsx)', workbook: true },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an Excel workbook (.xls)', workbook: true },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
]);

const SNIFF_BYTES = 8192;

/**
 * Why these first bytes are not a text export, or '' when they may be one.
 * UTF-16 text (with its byte order mark) is text although it holds NUL bytes.
 * @param {Uint8Array} head @param {string} name
 */
export function binaryReason(head, name) {
  const starts = (/** @type {number[]} */ sig) => sig.every((b, i) => head[i] === b);
  const known = SIGNATURES.find((s) => starts(s.bytes));
  const save = 'Export the deals from your CRM as CSV (or save the sheet as CSV) and choose that file.';
  if (known) {
    return known.workbook
      ? `${name} is ${known.kind}, not a CSV file. In Excel or Sheets, save it as CSV, then choose the CSV.`
      : `${name} is ${known.kind}, not a deal export. ${save}`;
  }
  if (starts([0xff, 0xfe]) || starts([0xfe, 0xff])) return '';
  if (head.includes(0)) return `${name} is a binary file, not a text export: it holds bytes no CSV has. ${save}`;
  return '';
}

/**
 * Read the first bytes of a file and refuse it when it is binary.
 * @param {Blob} file @param {string} name
 * @returns {Promise<string>} the reason, or '' when it may be a deal export
 */
export async function refuseBinary(file, name) {
  try {
    return binaryReason(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), name);
  } catch (e) {
    return ''; // an unreadable file is reported by the engine's own read
  }
}

/** The fields without which an export is not a deal export. */
const ESSENTIAL = Object.freeze([
  { field: 'stage', name: 'a stage' },
  { field: 'amount', name: 'an amount' },
  { field: 'owner', name: 'an owner' },
]);

/**
 * Why an inspected file is not a deal export ('' when it is): none of its
 * columns reads as a stage, an amount or an owner.
 * @param {any} inspect @param {string} name
 */
export function notAnExportReason(inspect, name) {
  const mapping = inspect && inspect.mapping && typeof inspect.mapping === 'object' ? inspect.mapping : {};
  const mapped = (/** @type {string} */ field) => {
    const m = Array.isArray(mapping) ? mapping.find((x) => x && x.field === field) : mapping[field];
    return Boolean(m && (typeof m === 'string' ? m : m.header || m.column));
  };
  if (ESSENTIAL.some((e) => mapped(e.field))) return '';
  const extras = Array.isArray(inspect && inspect.extra_columns) ? inspect.extra_columns : [];
  const headers = extras.map((/** @type {any} */ c) => String(c && (c.header ?? c.name))).filter(Boolean);
  const shown = headers.slice(0, 6).map((t) => `"${t}"`).join(', ') + (headers.length > 6 ? ', …' : '');
  return `${name} does not look like a deal export: no column reads as ${ESSENTIAL.map((e) => e.name).join(', ')}`
    + `${headers.length ? ` (its columns: ${shown})` : ''}. Export the deals or opportunities from your CRM with at least their stage, amount and owner.`;
}
