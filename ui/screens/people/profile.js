// Settings → Profile: the person's name, whether a passcode protects their data, what the machine's
// policy imposes, setting, changing or removing the passcode, saving the profile to a file (for another
// computer) and wiping it.
import { $, el } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { state, restart, displayName } from './state.js';
import { renderIndicator } from './picker.js';
import * as wipe from './wipe.js';

export function mount() {
  $('#passcode-form').addEventListener('submit', (e) => { e.preventDefault(); savePasscode(); });
  $('#passcode-remove').addEventListener('click', removePasscode);
  $('#profile-wipe').addEventListener('click', (e) => wipe.wipeOpenProfile(e.currentTarget));
  $('#profile-save-file').addEventListener('click', (e) => openSaveProfile(e.currentTarget));
  $('#profile-save-form').addEventListener('submit', (e) => { e.preventDefault(); saveProfileFile(); });
  $('#profile-save-cancel').addEventListener('click', () => $('#profile-save').close());
}

export async function load() {
  try {
    state.who = await invoke('who');
    if (!state.who.person) { restart(); return; }
    /** @type {import('../../types/commands').PolicyView} */
    const policy = await invoke('policy');
    const p = state.who.person;
    $('#profile-name').textContent = displayName(p);
    $('#profile-default-note').hidden = !p.default;
    showPolicy(policy);
    $('#profile-state').textContent = t(p.guest ? 'ui-profile-guest' : p.has_passcode ? 'ui-profile-protected' : 'ui-profile-unprotected');
    $('#passcode-form').hidden = p.guest;
    $('#profile-wipe').hidden = p.guest;
    $('#profile-save-file').hidden = p.guest;
    $('#passcode-current-row').hidden = !p.has_passcode;
    $('#passcode-save').textContent = t(p.has_passcode ? 'ui-profile-change' : 'ui-profile-set');
    $('#passcode-remove').hidden = !p.has_passcode;
    $('#passcode-remove').disabled = policy.require_passcode;
    $('#passcode-remove-blocked').hidden = !(p.has_passcode && policy.require_passcode);
    for (const id of ['#passcode-current', '#passcode-new', '#passcode-repeat']) $(id).value = '';
    renderIndicator();
  } catch (err) { showError(err); }
}

/** What the machine's policy imposes, in Settings → Profile (only where a policy file is in force). */
function showPolicy(policy) {
  const rules = [
    [policy.require_passcode, t('ui-policy-passcode')],
    [policy.guest_by_default, t('ui-policy-guest')],
    [policy.idle_lock_minutes > 0, t('ui-policy-idle', { minutes: policy.idle_lock_minutes })],
    [!policy.allow_ai, t('ui-policy-no-ai')],
    [!policy.allow_sync, t('ui-policy-no-sync')],
    [!policy.allow_updates, t('ui-policy-no-updates')],
  ].filter(([on]) => on).map(([, text]) => el('li', { text }));
  $('#profile-policy').hidden = !policy.source || rules.length === 0;
  $('#profile-policy-rules').replaceChildren(...rules);
}

async function savePasscode() {
  if ($('#passcode-new').value !== $('#passcode-repeat').value) {
    $('#profile-result').textContent = t('ui-passcode-mismatch');
    $('#passcode-repeat').focus();
    return;
  }
  try {
    await invoke('set_passcode', { current: $('#passcode-current').value || null, new: $('#passcode-new').value });
    await load();
    $('#profile-result').textContent = t('ui-profile-passcode-saved');
  } catch (err) { showError(err); }
}

async function removePasscode() {
  try {
    await invoke('remove_passcode', { current: $('#passcode-current').value });
    await load();
    $('#profile-result').textContent = t('ui-profile-passcode-removed');
  } catch (err) { showError(err); }
}

// ---- saving the profile to a file, for another computer -------------------------------------------
// The file is chosen in a native dialog Rust opens: the page only sends the passcodes.
function openSaveProfile(opener) {
  const { who } = state;
  for (const id of ['#profile-save-current', '#profile-save-passcode', '#profile-save-repeat']) $(id).value = '';
  $('#profile-save-error').textContent = '';
  $('#profile-save-current-row').hidden = !who?.person?.has_passcode;
  $('#profile-save').showModal();
  $('#profile-save').addEventListener('close', () => opener?.focus(), { once: true });
  (who?.person?.has_passcode ? $('#profile-save-current') : $('#profile-save-passcode')).focus();
}

async function saveProfileFile() {
  if ($('#profile-save-passcode').value !== $('#profile-save-repeat').value) {
    $('#profile-save-error').textContent = t('ui-passcode-mismatch');
    $('#profile-save-repeat').focus();
    return;
  }
  $('#profile-save-submit').disabled = true;
  try {
    const path = await invoke('export_profile', {
      passcode: $('#profile-save-current').value || null,
      filePasscode: $('#profile-save-passcode').value,
      filePasscodeAgain: $('#profile-save-repeat').value,
    });
    if (path == null) return; // the save dialog was cancelled: the form stays for another try
    $('#profile-save').close();
    $('#profile-result').textContent = t('ui-moves-profile-saved', { path });
  } catch (err) {
    $('#profile-save-error').textContent = err?.error ?? String(err);
    const field = err?.details?.field;
    (err?.error_code === 'WRONG_PASSCODE' || err?.error_code === 'PROFILE_LOCKED' ? $('#profile-save-current')
      : field === 'file_passcode' || field === 'passcode' ? $('#profile-save-passcode') : $('#profile-save-submit')).focus();
  } finally { $('#profile-save-submit').disabled = false; }
}
