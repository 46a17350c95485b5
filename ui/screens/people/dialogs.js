// The picker's dialogs: unlock (or, where the policy requires one, choose a passcode), a new person,
// and bringing a profile from another computer (the file is chosen in a native dialog Rust opens).
import { $ } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { carry, restart, labelOf } from './state.js';
import * as wipe from './wipe.js';

const unlock = { name: null, mode: 'unlock', opener: null };

export function mount() {
  $('#picker-new').addEventListener('click', (e) => openNewPerson(e.currentTarget));
  $('#unlock-form').addEventListener('submit', (e) => { e.preventDefault(); submitUnlock(); });
  $('#unlock-cancel').addEventListener('click', () => $('#unlock').close());
  $('#unlock').addEventListener('close', () => unlock.opener?.focus());
  $('#unlock-wipe').addEventListener('click', () => { $('#unlock').close(); wipe.ask(unlock.name, [], unlock.opener); });
  $('#new-person-form').addEventListener('submit', (e) => { e.preventDefault(); createPerson(); });
  $('#new-person-cancel').addEventListener('click', () => $('#new-person').close());
  $('#picker-bring').addEventListener('click', (e) => openBring(e.currentTarget));
  $('#profile-bring-form').addEventListener('submit', (e) => { e.preventDefault(); bringProfile(); });
  $('#profile-bring-cancel').addEventListener('click', () => $('#profile-bring').close());
}

// ---- unlock (or, where the policy requires one, choose a passcode) -------------------------------
/** Opens the unlock dialog for `name`; `mode` `set` asks for a new passcode instead. */
export function openUnlock(name, mode, opener) {
  Object.assign(unlock, { name, mode, opener });
  const set = mode === 'set';
  $('#unlock-title').textContent = t(set ? 'ui-unlock-set-title' : 'ui-unlock-title', { name: labelOf(name) });
  $('#unlock-intro').hidden = !set;
  $('#unlock-current').hidden = set;
  $('#unlock-new').hidden = !set;
  $('#unlock-forgot').hidden = set;
  $('#unlock-forgot').open = false;
  $('#unlock-passcode').required = !set;
  $('#unlock-new-passcode').required = set;
  for (const id of ['#unlock-passcode', '#unlock-new-passcode', '#unlock-new-repeat']) $(id).value = '';
  $('#unlock-error').textContent = '';
  $('#unlock').showModal();
  (set ? $('#unlock-new-passcode') : $('#unlock-passcode')).focus();
}

async function submitUnlock() {
  const set = unlock.mode === 'set';
  const field = set ? $('#unlock-new-passcode') : $('#unlock-passcode');
  if (set && field.value !== $('#unlock-new-repeat').value) {
    $('#unlock-error').textContent = t('ui-passcode-mismatch');
    $('#unlock-new-repeat').focus();
    return;
  }
  $('#unlock-submit').disabled = true;
  try {
    await invoke('open_person', set ? { name: unlock.name, newPasscode: field.value } : { name: unlock.name, passcode: field.value });
    restart();
  } catch (err) {
    // The engine's message says what went wrong (and, after five wrong passcodes, how long to wait).
    $('#unlock-error').textContent = err?.error_code === 'WRONG_PASSCODE' && !err.details?.wait_seconds
      ? t('ui-unlock-wrong') : (err?.error ?? String(err));
    field.value = '';
    field.focus();
  } finally { $('#unlock-submit').disabled = false; }
}

// ---- a new person -----------------------------------------------------------------------------------
function openNewPerson(opener) {
  for (const id of ['#new-person-name', '#new-person-passcode', '#new-person-repeat']) $(id).value = '';
  $('#new-person-error').textContent = '';
  $('#new-person').showModal();
  $('#new-person').addEventListener('close', () => opener?.focus(), { once: true });
  $('#new-person-name').focus();
}

async function createPerson() {
  const passcode = $('#new-person-passcode').value;
  if (passcode !== $('#new-person-repeat').value) {
    $('#new-person-error').textContent = t('ui-passcode-mismatch');
    $('#new-person-repeat').focus();
    return;
  }
  $('#new-person-create').disabled = true;
  try {
    await invoke('create_person', { name: $('#new-person-name').value, passcode: passcode || null });
    restart();
  } catch (err) {
    $('#new-person-error').textContent = err?.error ?? String(err);
    (err?.details?.field === 'passcode' ? $('#new-person-passcode') : $('#new-person-name')).focus();
  } finally { $('#new-person-create').disabled = false; }
}

// ---- bringing a profile from another computer -----------------------------------------------------
function openBring(opener) {
  for (const id of ['#profile-bring-passcode', '#profile-bring-name']) $(id).value = '';
  $('#profile-bring-error').textContent = '';
  $('#profile-bring').showModal();
  $('#profile-bring').addEventListener('close', () => opener?.focus(), { once: true });
  $('#profile-bring-passcode').focus();
}

async function bringProfile() {
  $('#profile-bring-submit').disabled = true;
  try {
    const entry = await invoke('import_profile', {
      filePasscode: $('#profile-bring-passcode').value,
      name: $('#profile-bring-name').value || null,
    });
    if (entry == null) return; // the open dialog was cancelled
    $('#profile-bring').close();
    carry(t('ui-moves-profile-brought', { name: entry.name }));
    restart();
  } catch (err) {
    $('#profile-bring-error').textContent = err?.error ?? String(err);
    (err?.details?.field === 'profile' ? $('#profile-bring-name') : $('#profile-bring-passcode')).focus();
  } finally { $('#profile-bring-submit').disabled = false; }
}
