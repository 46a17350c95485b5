// Settings → Sync (DESIGN §7): the organisation's server address, the sync key (kept in the keychain by
// Rust, only a hint comes back), "Test connection", the on/off switch (asking first, like AI), "Sync now",
// and the status line, which also shows on the Status screen.
//
// Rust decides everything (what is checked, when runs happen, the error in plain words); this module
// only shows its `SyncView` and sends what the person typed. Background runs end with a `sync-finished`
// event carrying the new view, so the line follows without polling.
import { $, announce } from '../../lib/dom.js';
import { t, tb } from '../../lib/i18n.js';
import { invoke, listen as onRust } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { line } from '../../lib/syncline.js';

let view = null;

/** Wires Settings → Sync. */
export function mount() {
  $('#sync-url-save').addEventListener('click', saveUrl);
  $('#sync-test').addEventListener('click', testConnection);
  $('#sync-key-save').addEventListener('click', () => call('save_sync_key', { key: $('#sync-key').value }));
  $('#sync-key-delete').addEventListener('click', () => call('delete_sync_key'));
  $('#sync-enabled').addEventListener('change', (e) => {
    // Turning sync on for a server the person has not agreed to yet says what is sent where, and asks.
    if (e.target.checked && !view?.consented) {
      $('#confirm-sync-text').replaceChildren(...tb('ui-sync-consent', { server: view?.server ?? '' }));
      $('#confirm-sync').showModal();
      return;
    }
    call('set_sync_enabled', { enabled: e.target.checked });
  });
  $('#confirm-sync').addEventListener('close', () => {
    if ($('#confirm-sync').returnValue !== 'confirm') { $('#sync-enabled').checked = false; return; }
    call('set_sync_enabled', { enabled: true, consent: true });
  });
  $('#sync-now').addEventListener('click', syncNow);
}

/** Starts following background runs (once the page is set up). */
export async function listen() {
  await onRust('sync-finished', (e) => render(e.payload));
}

/** Reads Settings → Sync again. */
export async function load() {
  try { await render(await invoke('sync_settings')); } catch (err) { showError(err); }
}

/** The language changed: the same view, in the new words. */
export async function relabel() {
  // A connection test's result was said in the old language.
  $('#sync-test-result').textContent = '';
  if (view) await render(view);
}

async function call(cmd, args) {
  try { await render(await invoke(cmd, args)); } catch (err) {
    showError(err);
    await load();
  }
}

async function saveUrl() {
  await call('set_sync_server', { url: $('#sync-url').value });
}

async function testConnection() {
  const out = $('#sync-test-result');
  out.className = '';
  out.textContent = t('ui-sync-testing');
  try {
    const check = await invoke('test_sync_connection', { url: $('#sync-url').value });
    out.className = check.ok ? 'ok' : 'bad';
    out.textContent = check.message;
  } catch (err) { out.textContent = ''; showError(err); }
}

async function syncNow() {
  const button = $('#sync-now');
  button.disabled = true;
  $('#sync-line').textContent = t('ui-sync-running');
  try {
    const done = await invoke('sync_now');
    await render(done.sync);
    announce(t('ui-sync-done', { pushed: done.report.pushed, pulled: done.report.pulled }));
  } catch (err) {
    showError(err);
    await load();
  } finally { button.disabled = !view?.enabled; }
}

async function render(v) {
  view = v;
  $('#sync-blocked').hidden = !v.blocked;
  $('#sync-blocked').textContent = v.blocked ?? '';
  for (const id of ['#sync-url', '#sync-url-save', '#sync-test', '#sync-key', '#sync-key-save', '#sync-enabled']) $(id).disabled = Boolean(v.blocked);
  if (document.activeElement !== $('#sync-url')) $('#sync-url').value = v.server_url;
  $('#sync-key').value = '';
  $('#sync-key-state').textContent = v.key_saved ? t('ui-sync-key-saved', { hint: v.key_hint }) : t('ui-sync-key-none');
  $('#sync-key-delete').disabled = !v.key_saved || Boolean(v.blocked);
  $('#sync-server').replaceChildren(...(v.server ? tb('ui-sync-server', { server: v.server }) : []));
  $('#sync-enabled').checked = v.enabled;
  $('#sync-now').disabled = !v.enabled || Boolean(v.blocked);
  $('#sync-line').dataset.pending = String(v.pending);
  $('#sync-line').replaceChildren(...(await line(v)));
}
