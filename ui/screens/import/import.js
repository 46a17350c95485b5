// Import & analyse: choosing or dropping a CV, the progress while it is read, and the announcement of
// the score. The analysis itself is laid out by ./analysis.js once the store has the new CV.
import { $, announce } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { asError, invoke, listen, webview } from '../../lib/ipc.js';
import { clearErrors, showError } from '../../lib/errors.js';
import { progress } from '../../lib/progress.js';
import { show } from '../../lib/nav.js';
import { setAnalysis } from '../../lib/store.js';

const stageMessage = { reading: 'ui-progress-reading', extracting: 'ui-progress-extracting', scoring: 'ui-progress-scoring', ai: 'ui-progress-ai', saving: 'ui-progress-saving', done: 'ui-progress-done' };
const bar = progress('import-progress');
/** Cancel was pressed for the import running now. */
let stopAsked = false;

export function mount() {
  $('#choose-file').addEventListener('click', () => importPath());
  // Stops the import in flight: the shell kills its reader (and OCR) at once; `analyze_path` then
  // answers CANCELLED, which is shown as a calm "stopped", not as an error.
  // The button stays enabled (disabling it would drop the keyboard focus); a second press is harmless.
  $('#import-cancel').addEventListener('click', () => {
    stopAsked = true;
    invoke('import_cancel').catch(() => {});
  });
}

/**
 * Imports a CV: `file` is what the open dialog or a drop on the window gave (a token with the name to
 * show; the shell takes no paths from the page). Without it, the open dialog asks first.
 * @param {import('../../types/commands').PickedFile} [file]
 * @returns {Promise<import('../../types/commands').ImportResult | import('../../types/commands').ErrorResponse | null>}
 */
export async function importPath(file) {
  if (!file) {
    try { file = await invoke('pick_cv_file'); } catch (err) { return showError(err); }
    if (!file) return null;
  }
  clearErrors();
  show('import');
  $('#import-stopped').hidden = true;
  bar.start(t('ui-import-working'));
  $('#choose-file').disabled = true;
  stopAsked = false;
  try {
    /** @type {import('../../types/commands').ImportResult} */
    const result = await invoke('analyze_path', { token: file.token });
    await setAnalysis({ analysis: result.analysis, cvId: result.cv_id, versionId: result.version_id, fileName: result.file_name });
    announce(t('ui-analysis-done', { score: Math.round(result.analysis.ats_score * 10) / 10 }));
    return result;
  } catch (err) {
    const e = asError(err);
    // Stopped by the person: said calmly, and the analysis shown before stays.
    if (e.error_code === 'CANCELLED') {
      $('#import-stopped').hidden = false;
      announce(t('ui-import-stopped'));
      return e;
    }
    $('#analysis').hidden = true;
    return showError(err);
  } finally {
    const focused = stopAsked || document.activeElement === $('#import-cancel');
    bar.stop();
    $('#choose-file').disabled = false;
    // The Cancel button disappears with the progress: keyboard focus goes back to "Choose a file…".
    if (focused) $('#choose-file').focus();
  }
}

/** Follows the analysis's progress and lights the drop zone while something is dragged over the window. */
export async function listenToRust() {
  await listen('analysis-progress', (e) => {
    /** @type {import('../../types/commands').AnalysisProgress} */
    const { percent, stage, page, pages } = e.payload;
    bar.set(percent, stage === 'ocr' && page ? t('ui-progress-ocr-page', { page, pages }) : t(stageMessage[stage] ?? 'ui-import-working'));
  });
  const zone = $('#dropzone');
  // The webview's drag events only light up the drop zone; what was dropped comes from Rust as tokens
  // (the shell takes no paths from the page).
  await webview().onDragDropEvent((e) => {
    const type = e.payload.type;
    if (type === 'enter' || type === 'over') zone.classList.add('over');
    else zone.classList.remove('over');
  });
}
