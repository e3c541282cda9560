// @ts-check
// The upload screen: file picker and drag-and-drop, the progress of a chunked
// load with its cancel button, and the error of the last file where it happened.
import { $, describeError, fill, formatNumber, h } from '../dom.js';

/**
 * Wire the picker and the drop zone once.
 * @param {{onFile: (file: File) => void, onCancel: () => void}} actions
 */
export function mountUpload(actions) {
  const input = /** @type {HTMLInputElement} */ ($('#deal-file'));
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    // Cleared so choosing the same file again after an error fires change again.
    input.value = '';
    if (file) actions.onFile(file);
  });
  const zone = $('#dropzone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) actions.onFile(file);
  });
  $('#load-cancel').addEventListener('click', actions.onCancel);
}

/** @param {any} state */
export function renderUpload(state) {
  const box = $('#load-progress');
  const loading = state.loading;
  box.hidden = !loading;
  $('#dropzone').classList.toggle('busy', Boolean(loading));
  if (loading) {
    const bar = /** @type {HTMLProgressElement} */ ($('#load-bar'));
    const ratio = loading.total > 0 ? loading.bytes / loading.total : 0;
    bar.value = ratio;
    $('#load-label').textContent = loading.phase === 'mapping'
      ? `Read ${formatNumber(loading.rows)} rows of ${loading.name}; matching columns and reading values…`
      : `Reading ${loading.name}: ${Math.round(ratio * 100)}% · ${formatNumber(loading.rows)} rows`;
  }
  // A cancelled upload is what the user asked for: a quiet notice, not an error.
  const notice = $('#load-notice');
  notice.hidden = !state.loadNotice;
  notice.textContent = state.loadNotice || '';
  const err = $('#load-error');
  err.hidden = !state.loadError;
  if (state.loadError) {
    fill(err, h('strong', null, state.loadError.title), ' ', describeError(state.loadError.error));
  }
}
