// Wiping a profile: from the unlock dialog (a forgotten passcode) or Settings → Profile. The dialog asks
// once more, and offers to delete the files the person exported.
import { $, el } from '../../lib/dom.js';
import { t, tb } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { state, carry, restart, displayName, labelOf, gateError } from './state.js';

const wipe = { name: null, files: [], fromSettings: false, opener: null };

export function mount() {
  $('#wipe').addEventListener('close', finish);
}

/** Asks before wiping profile `name`; `files` are its exports, offered for deletion too. */
export function ask(name, files, opener, fromSettings = false) {
  const { who } = state;
  Object.assign(wipe, { name, files, opener, fromSettings });
  $('#wipe-title').replaceChildren(...tb('ui-wipe-title', { name: who?.person?.name === name ? displayName(who.person) : labelOf(name) }));
  $('#wipe-files-block').hidden = files.length === 0;
  $('#wipe-files').replaceChildren(...files.map((f, i) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', checked: true, value: f, id: `wipe-file-${i}` }), ' ', el('bdi', { text: f }))));
  $('#wipe').returnValue = '';
  $('#wipe').showModal();
  // The safe choice has the focus.
  $('#wipe').querySelector('button[value="cancel"]').focus();
}

async function finish() {
  if ($('#wipe').returnValue !== 'confirm') { wipe.opener?.focus(); return; }
  const chosen = [...document.querySelectorAll('#wipe-files input:checked')].map((i) => i.value);
  try {
    await invoke('wipe_person', { name: wipe.name, confirm: true });
    let notice = t('ui-wipe-done');
    if (chosen.length) {
      const deleted = await invoke('delete_exported_files', { paths: chosen });
      notice += ` ${t('ui-wipe-files-deleted', { count: deleted.length })}`;
    }
    carry(notice);
    restart();
  } catch (err) { if (wipe.fromSettings) showError(err); else gateError(err); }
}

/** Settings → Profile → "Wipe this profile…": Rust lists the exports first. */
export async function wipeOpenProfile(opener) {
  try {
    const asked = await invoke('wipe_person', { name: state.who.person.name });
    ask(state.who.person.name, asked.exported_files, opener, true);
  } catch (err) { showError(err); }
}
