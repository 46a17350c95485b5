// Status: storage, the AI service, the sync server (with sync's status line), the version and the data
// folder; "Check again". A background sync that finishes while it shows updates it.
import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { invoke, listen } from '../lib/ipc.js';
import { showError } from '../lib/errors.js';
import { showing } from '../lib/nav.js';
import { line } from '../lib/syncline.js';

export function mount() {
  $('#status-check').addEventListener('click', load);
}

export async function listenToRust() {
  // A background sync finished: the Status screen, when showing, follows too.
  await listen('sync-finished', () => { if (showing() === 'status') load(); });
}

export const relabel = () => (showing() === 'status' ? load() : undefined);

export async function load() {
  try {
    /** @type {import('../types/commands').Status} */
    const s = await invoke('status');
    $('#status-storage').replaceChildren(el('span', { class: s.storage_ok ? 'ok' : 'bad', text: s.storage_ok ? t('ui-status-storage-ok') : t('ui-status-storage-problem', { reason: s.storage_problem }) }));
    const ai = !s.ai_enabled ? ['', 'ui-status-ai-off'] : !s.ai_key_saved ? ['bad', 'ui-status-ai-no-key']
      : s.ai_reachable ? ['ok', 'ui-status-ai-reachable'] : ['bad', 'ui-status-ai-unreachable'];
    $('#status-ai').replaceChildren(el('span', { class: ai[0], text: t(ai[1]) }));
    const syncState = !s.sync?.enabled ? ['', t('ui-status-sync-off')]
      : s.sync_server_ok ? ['ok', t('ui-status-sync-ok')] : ['bad', t('ui-status-sync-down')];
    $('#status-sync').replaceChildren(el('span', { class: syncState[0], text: syncState[1] }),
      ...(s.sync?.enabled ? [el('br'), el('span', { id: 'status-sync-line' }, ...(await line(s.sync)))] : []));
    $('#status-version').textContent = s.version;
    $('#status-data-folder').textContent = s.data_dir;
  } catch (err) { showError(err); }
}
