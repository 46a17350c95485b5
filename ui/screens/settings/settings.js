// Settings → Language, AI assistance and Your data. (Profile, Sync and Updates are modules of their own
// on the same screen: ../people/profile.js, ./sync.js, ./updates.js.)
import { $ } from '../../lib/dom.js';
import { t, tb, loadMessages } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { relabelAll } from '../../lib/nav.js';
import { current, setSettings, clear } from '../../lib/store.js';

export function mount() {
  for (const r of document.querySelectorAll('input[name="lang"]')) r.addEventListener('change', () => setLanguage(r.value));
  $('#ai-enabled').addEventListener('change', async (e) => {
    // Turning AI on the first time (per profile and server) says what is sent where, and asks.
    if (e.target.checked && !current.settings?.ai_consented) {
      $('#confirm-ai-text').replaceChildren(...tb('ui-settings-ai-consent', { host: current.settings?.ai_origin || current.settings?.ai_host || '' }));
      $('#confirm-ai').showModal();
      return;
    }
    await call('set_ai_enabled', { enabled: e.target.checked });
  });
  $('#confirm-ai').addEventListener('close', async () => {
    if ($('#confirm-ai').returnValue !== 'confirm') { $('#ai-enabled').checked = false; return; }
    await call('set_ai_enabled', { enabled: true, consent: true });
  });
  $('#ai-server-save').addEventListener('click', async () => {
    if (await call('set_ai_server', { baseUrl: $('#ai-url').value, model: $('#ai-model').value })) $('#settings-result').textContent = t('ui-settings-saved');
  });
  $('#ai-key-save').addEventListener('click', () => call('save_ai_key', { key: $('#ai-key').value }));
  $('#ai-key-delete').addEventListener('click', () => call('delete_ai_key'));
  $('#delete-all').addEventListener('click', () => $('#confirm-delete').showModal());
  $('#confirm-delete').addEventListener('close', async () => {
    if ($('#confirm-delete').returnValue !== 'confirm') return;
    if (await call('delete_all_data')) {
      await clear();
      $('#settings-result').textContent = t('ui-settings-deleted');
    }
  });
}

// A settings command: its answer is the new settings, shown; false when it failed (the error is shown).
async function call(cmd, args) {
  try { await render(await invoke(cmd, args)); return true; } catch (err) { showError(err); return false; }
}

/** @param {import('../../types/commands').SettingsView} s */
async function render(s) {
  await setSettings(s);
  // The computer's policy may turn AI off: the controls stay visible, disabled, with the reason.
  $('#ai-blocked').hidden = !s.ai_blocked;
  if (s.ai_blocked) $('#ai-blocked').textContent = t('ui-settings-ai-blocked', { reason: s.ai_blocked });
  for (const id of ['#ai-enabled', '#ai-key', '#ai-key-save', '#ai-url', '#ai-model', '#ai-server-save']) $(id).disabled = Boolean(s.ai_blocked);
  $('#ai-server').replaceChildren(...tb('ui-settings-ai-server', { host: s.ai_origin || s.ai_host }));
  $('#ai-url').value = s.ai_base_url;
  $('#ai-model').value = s.ai_model;
  $(`#lang-${s.lang}`).checked = true;
  $('#ai-enabled').checked = s.ai_enabled;
  $('#ai-key').value = '';
  $('#ai-key-state').textContent = s.ai_key_saved ? t('ui-settings-ai-key-saved', { hint: s.ai_key_hint }) : t('ui-settings-ai-key-none');
  $('#ai-key-delete').disabled = !s.ai_key_saved;
  $('#data-folder').textContent = s.data_dir;
}

export async function load() {
  try { await render(await invoke('get_settings')); } catch (err) { showError(err); }
}

export async function relabel() {
  if (current.settings) await render(current.settings);
}

/** Switches the app's language: every screen says what it shows again in the new one. */
export async function setLanguage(code) {
  try {
    /** @type {import('../../types/commands').SettingsView} */
    const s = await invoke('set_language', { lang: code });
    await loadMessages(s.lang);
    current.settings = s;
    await relabelAll();
    $('#settings-result').textContent = t('ui-settings-saved');
  } catch (err) { showError(err); }
}
