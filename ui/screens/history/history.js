// History: the person's CVs (open, compare versions, JSON Resume out, delete), analyses, exports and
// builder sessions, and JSON Resume in. Opening something hands it to its screen through the store or
// the bus; this screen never lays out another's.
import { $, el } from '../../lib/dom.js';
import { t, tb, tc } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { emit } from '../../lib/bus.js';
import { show } from '../../lib/nav.js';
import { setAnalysis, setCv, forgetCv } from '../../lib/store.js';
import * as compare from './compare.js';

const pendingDelete = { cv: null };

export function mount() {
  compare.mount();
  $('#history-refresh').addEventListener('click', load);
  $('#history-import-json').addEventListener('click', importJsonResume);
  $('#confirm-delete-cv').addEventListener('close', () => {
    const c = pendingDelete.cv;
    pendingDelete.cv = null;
    if ($('#confirm-delete-cv').returnValue === 'confirm' && c) deleteCv(c.id);
  });
}

export function relabel() { $('#history-result').textContent = ''; }

export async function load() {
  try {
    /** @type {import('../../types/commands').History} */
    const h = await invoke('history');
    const item = (label, ...actions) => el('li', {}, el('span', {}, ...[label].flat()), el('span', { class: 'button-row' }, ...actions));
    const empty = () => el('li', { class: 'muted', text: t('ui-history-empty') });
    const cvs = await Promise.all(h.cvs.map(async (c) => {
      const row = item([el('bdi', { text: c.title }), ` · ${await tc('ui-history-versions', c.versions)} · ${c.created_at}`],
        el('button', { type: 'button', text: t('ui-history-open'), onclick: () => openVersion(c.id, c.latest_version) }),
        c.versions > 1 ? el('button', { type: 'button', class: 'compare-cv', text: t('ui-history-compare'), onclick: () => compare.open(c) }) : null,
        el('button', { type: 'button', class: 'export-json-cv', text: t('ui-moves-json-export'), 'aria-label': `${t('ui-moves-json-export')}: ${c.title}`, onclick: () => exportJsonResume(c) }),
        el('button', { type: 'button', class: 'danger delete-cv', text: t('ui-history-delete'), 'aria-label': `${t('ui-history-delete')}: ${c.title}`, onclick: () => askDeleteCv(c) }));
      row.dataset.cv = String(c.id);
      return row;
    }));
    $('#history-cvs').replaceChildren(...(cvs.length ? cvs : [empty()]));
    $('#history-analyses').replaceChildren(...(h.analyses.length ? h.analyses.map((a) => item([el('bdi', { text: a.file_name }), ` · ${t('ui-history-score', { score: a.ats_score })} · ${a.created_at}`],
      el('button', { type: 'button', text: t('ui-history-open'), onclick: () => openAnalysis(a) }))) : [empty()]));
    $('#history-exports').replaceChildren(...(h.exports.length ? h.exports.map((x) => item([el('bdi', { text: x.path }), ` · ${x.format.toUpperCase()} · ${x.template} · ${x.created_at}`],
      el('button', { type: 'button', text: t('ui-export-show'), onclick: () => invoke('reveal_in_folder', { path: x.path }).catch(showError) }))) : [empty()]));
    const sessions = await Promise.all(h.sessions.map(async (s) => item(
      `${t('ui-history-session', { state: t(s.current_state === 'finalized' ? 'ui-history-session-done' : 'ui-history-session-open') })} · ${await tc('ui-history-session-turns', s.turns)} · ${s.updated_at}`,
      el('button', { type: 'button', class: 'resume-session', text: t('ui-history-resume'), onclick: () => resumeSession(s.id) }))));
    $('#history-sessions').replaceChildren(...(sessions.length ? sessions : [empty()]));
  } catch (err) { showError(err); }
}

/** "Resume": the builder takes the session (it follows `resume-session`). */
export const resumeSession = (id) => emit('resume-session', id);

// JSON Resume: the file is chosen in a native dialog Rust opens; the page never sends a path.
async function exportJsonResume(c) {
  try {
    const path = await invoke('export_json_resume', { versionId: c.latest_version });
    if (path == null) return;
    $('#history-result').textContent = t('ui-moves-json-exported', { path });
    await load();
  } catch (err) { showError(err); }
}

async function importJsonResume() {
  try {
    const got = await invoke('import_json_resume');
    if (got == null) return;
    $('#history-result').replaceChildren(...tb('ui-moves-json-imported', { name: got.name }));
    await load();
  } catch (err) { showError(err); }
}

function askDeleteCv(c) {
  pendingDelete.cv = c;
  $('#confirm-delete-cv-text').replaceChildren(...tb('ui-history-delete-confirm', { title: c.title }));
  $('#confirm-delete-cv').showModal();
}

/** Deletes a CV with its versions and analyses (after the confirmation dialog). */
export async function deleteCv(cvId) {
  try {
    /** @type {import('../../types/commands').DeletedCv} */
    const done = await invoke('delete_cv', { cvId });
    forgetCv(cvId);
    compare.forget(cvId);
    // The rows are gone; when the database could not be compacted at once, say that traces may stay a while.
    $('#history-result').textContent = done?.wal_checkpointed === false
      ? `${t('ui-history-deleted')} ${t('ui-history-deleted-not-compacted')}` : t('ui-history-deleted');
    await load();
    return true;
  } catch (err) { showError(err); return false; }
}

async function openAnalysis(a) {
  try {
    const analysis = await invoke('open_analysis', { id: a.id });
    show('import');
    await setAnalysis({ analysis, cvId: a.cv_id, versionId: a.version_id, fileName: a.file_name });
  } catch (err) { showError(err); }
}

async function openVersion(cvId, versionId) {
  try {
    setCv({ cv: await invoke('open_version', { id: versionId }), cvId, versionId });
    show('export');
  } catch (err) { showError(err); }
}
