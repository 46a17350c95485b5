// Settings → Updates (issue 20): the version installed, where updates come from, automatic checks (off
// until the person turns them on), "Check now", what changed, "Download and install" with progress, and
// "Restart now" once a new version is in place.
//
// Rust decides everything (whether updates may be used here, when the server is asked, the signature
// check, refusing older versions, the error in plain words); this module shows its `UpdateView` and sends
// what the person chose. Background checks end with an `update-status` event carrying the new view, and
// downloads report `update-progress` ({received, total}), so nothing here polls.
import { $, announce } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke, listen as onRust } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';

let view = null;
let busy = false;

/** Wires Settings → Updates. */
export function mount() {
  $('#update-auto').addEventListener('change', (e) => call('set_update_auto', { enabled: e.target.checked }));
  $('#update-check').addEventListener('click', check);
  $('#update-install').addEventListener('click', install);
  $('#update-restart').addEventListener('click', () => invoke('restart_app').catch(showError));
}

/** Starts following background checks and download progress (once the page is set up). */
export async function listen() {
  await onRust('update-status', (e) => { if (!busy) render(e.payload); });
  await onRust('update-progress', (e) => progress(e.payload));
}

/** Reads Settings → Updates again. */
export async function load() {
  try { render(await invoke('update_settings')); } catch (err) { showError(err); }
}

/** The language changed: Rust words the reasons, so the view is read again. */
export async function relabel() {
  if (view) await load();
}

async function call(cmd, args) {
  try { render(await invoke(cmd, args)); } catch (err) {
    showError(err);
    await load();
  }
}

async function check() {
  busy = true;
  $('#update-check').disabled = true;
  $('#update-status').textContent = t('ui-updates-checking');
  try {
    const v = await invoke('check_for_update');
    render(v);
    announce(statusText(v));
  } catch (err) {
    showError(err);
    await load();
  } finally {
    busy = false;
    $('#update-check').disabled = Boolean(view?.blocked);
  }
}

async function install() {
  busy = true;
  for (const id of ['#update-install', '#update-check', '#update-auto']) $(id).disabled = true;
  const bar = $('#update-progress');
  bar.hidden = false;
  bar.removeAttribute('value');
  $('#update-status').textContent = t('ui-updates-installing');
  try {
    const v = await invoke('install_update');
    render(v);
    announce(statusText(v));
    $('#update-restart').focus();
  } catch (err) {
    showError(err);
    await load();
  } finally {
    busy = false;
    bar.hidden = true;
    if (view) render(view);
  }
}

function progress(p) {
  const bar = $('#update-progress');
  if (p.total) {
    bar.max = p.total;
    bar.value = p.received;
  }
}

/** A Unix time from Rust in the person's language and time zone. */
function when(seconds) {
  return new Date(seconds * 1000).toLocaleString(document.documentElement.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The one line that says where updates stand. */
function statusText(v) {
  if (v.blocked) return '';
  if (v.installed) return t('ui-updates-installed', { version: v.installed });
  if (v.available) return t('ui-updates-available', { version: v.available.version });
  const checked = v.last_checked_at ? t('ui-updates-last-check', { time: when(v.last_checked_at) }) : t('ui-updates-never');
  if (v.last_problem) return `${t('ui-updates-last-problem', { error: v.last_problem.error })} ${v.last_problem.suggested_action ?? ''} · ${checked}`;
  return v.last_checked_at ? `${t('ui-updates-up-to-date')} · ${checked}` : checked;
}

function render(v) {
  view = v;
  $('#update-blocked').hidden = !v.blocked;
  $('#update-blocked').textContent = v.blocked ?? '';
  $('#update-version').textContent = t('ui-updates-version', { version: v.current_version });
  $('#update-server').textContent = v.server ? t('ui-updates-server', { server: v.server }) : '';
  $('#update-auto').checked = v.auto;
  $('#update-auto').disabled = Boolean(v.blocked) || busy;
  $('#update-check').disabled = Boolean(v.blocked) || Boolean(v.installed) || busy;
  if (!busy) $('#update-status').textContent = statusText(v);
  $('#update-status').classList.toggle('bad', Boolean(v.last_problem) && !v.available);
  const offer = v.available && !v.installed && !v.blocked;
  $('#update-available').hidden = !offer;
  $('#update-notes').textContent = offer ? (v.available.notes || '') : '';
  $('#update-date').textContent = offer && v.available.date ? t('ui-updates-published', { date: new Date(v.available.date).toLocaleDateString(document.documentElement.lang || 'en', { dateStyle: 'medium' }) }) : '';
  $('#update-install').disabled = !offer || busy;
  $('#update-restart-row').hidden = !v.installed;
}
