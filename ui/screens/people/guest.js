// A guest's exported files. A guest's PDFs, DOCX and JSON files are outside Job Gate's data: when the
// guest leaves (Switch, Lock now, the idle lock) the picker asks whether to delete them; when a guest
// closes the window, it asks before quitting. Where the policy says nothing of a guest should outlive
// the session, "Delete" has the focus.
import { $, el } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke, listen } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { state, gateError } from './state.js';

const guestFiles = { quitting: false };

export function mount() {
  $('#guest-files').addEventListener('close', answer);
  listen('guest-quitting', (e) => ask(e.payload, true));
}

/** Asks what to do with `files`; `quitting`: the window is closing. */
export async function ask(files, quitting) {
  state.policy ??= await invoke('policy').catch(() => null);
  guestFiles.quitting = quitting;
  $('#guest-files-text').textContent = t(quitting ? 'ui-guest-files-text-quit' : 'ui-guest-files-text-left');
  $('#guest-files-list').replaceChildren(...files.map((f, i) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', checked: true, value: f, id: `guest-file-${i}` }), ' ', el('bdi', { text: f }))));
  $('#guest-files-stay').hidden = !quitting;
  $('#guest-files-keep').textContent = t(quitting ? 'ui-guest-files-keep-quit' : 'ui-guest-files-keep');
  $('#guest-files-delete').textContent = t(quitting ? 'ui-guest-files-delete-quit' : 'ui-guest-files-delete');
  const dialog = $('#guest-files');
  dialog.returnValue = '';
  if (!dialog.open) dialog.showModal();
  const deleteFirst = state.policy?.wipe_guests_on_exit ?? true;
  (deleteFirst ? $('#guest-files-delete') : $('#guest-files-keep')).focus();
}

async function answer() {
  const choice = $('#guest-files').returnValue;
  // Escape: keep the files (and, when quitting, stay).
  if (guestFiles.quitting && (choice === 'stay' || choice === '')) return;
  const chosen = choice === 'delete' ? [...document.querySelectorAll('#guest-files-list input:checked')].map((i) => i.value) : [];
  const notice = (text) => {
    if (guestFiles.quitting) return;
    $('#gate-errors').replaceChildren(el('p', { class: 'card notice', role: 'status', text }));
  };
  try {
    const deleted = await invoke('answer_guest_files', { delete: chosen });
    if (choice === 'delete') notice(t('ui-guest-files-deleted', { count: deleted.length }));
    if (guestFiles.quitting) await invoke('quit_app');
  } catch (err) {
    if (guestFiles.quitting) showError(err); else gateError(err);
  }
  if (!guestFiles.quitting) ($('#picker-people button') ?? $('#picker-new')).focus();
}
