// Match CVs to a job: the job description (typed or from a file), CVs from files, folders and the
// history, the ranking the engine lays out (crates/engine/src/view.rs: bands, labels, reasons), failures
// with their error, and the CSV.
import { $, el } from '../lib/dom.js';
import { t, tc, skillList } from '../lib/i18n.js';
import { invoke, listen } from '../lib/ipc.js';
import { clearErrors, showError } from '../lib/errors.js';
import { progress } from '../lib/progress.js';

/** @type {{ files: import('../types/commands').PickedFile[], last: import('../types/commands').MatchView | null }} */
const matcher = { files: [], last: null };
const bar = progress('match-progress');

export function mount() {
  $('#match-form').addEventListener('submit', (e) => { e.preventDefault(); rankCvs(); });
  $('#match-job-open').addEventListener('click', () => openJobFile());
  $('#match-add-files').addEventListener('click', () => pickMatchFiles());
  $('#match-add-folder').addEventListener('click', () => addMatchFolder());
  $('#match-clear').addEventListener('click', () => { matcher.files = []; renderMatchFiles(); });
  $('#match-save-csv').addEventListener('click', () => saveMatchCsv());
}

export async function listenToRust() {
  await listen('match-progress', async (e) => {
    const { done, total } = e.payload;
    const percent = total ? Math.round((100 * done) / total) : 100;
    bar.set(percent);
    bar.set(percent, await tc('ui-match-progress', total, { done }));
  });
}

/** Files dropped on the window while this screen shows: CVs (or folders of CVs) join the list. */
export function dropped(files) {
  for (const f of files) {
    if (f.folder) addMatchFolder(f); else if (/\.(pdf|docx|png|jpe?g|tiff?)$/i.test(f.name)) addMatchFiles([f]);
  }
}

export async function relabel() {
  $('#match-csv-result').textContent = '';
  renderMatchFiles();
  if (matcher.last) {
    // The same ranking, its reasons and bands said in the new language.
    const again = await invoke('match_relabel');
    if (again) matcher.last = again;
    await renderMatch(matcher.last);
  }
}

function renderMatchFiles() {
  const list = $('#match-files');
  if (!matcher.files.length) { list.replaceChildren(el('li', { class: 'muted', text: t('ui-match-no-files') })); return; }
  list.replaceChildren(...matcher.files.map((f) => el('li', {},
    el('bdi', { text: f.name, title: f.path }),
    el('button', { type: 'button', class: 'small', text: t('ui-match-remove'), 'aria-label': `${t('ui-match-remove')}: ${f.name}`,
      onclick: () => { matcher.files = matcher.files.filter((x) => x !== f); renderMatchFiles(); } }))));
}

/** Adds chosen CV files (tokens from a dialog or a drop, with their names) to the list, each once. */
export function addMatchFiles(files) {
  for (const f of files) if (f && !matcher.files.some((x) => x.path === f.path)) matcher.files.push(f);
  renderMatchFiles();
  return matcher.files.map((f) => f.path);
}

/** "Add files…": the open dialog for several CVs. */
export async function pickMatchFiles() {
  try { return addMatchFiles(await invoke('pick_cv_files')); } catch (err) { return showError(err); }
}

/** Adds the CVs in a folder (what the folder dialog or a drop gave); without it, the dialog asks first. */
export async function addMatchFolder(folder) {
  try {
    if (!folder) folder = await invoke('pick_cv_folder');
    if (!folder) return null;
    return addMatchFiles(await invoke('list_cv_folder', { token: folder.token }));
  } catch (err) { return showError(err); }
}

export async function load() {
  renderMatchFiles();
  try {
    /** @type {import('../types/commands').History} */
    const h = await invoke('history');
    const chosen = new Set([...document.querySelectorAll('#match-history input:checked')].map((c) => Number(c.value)));
    const box = $('#match-history');
    if (!h.cvs.length) { box.replaceChildren(el('p', { class: 'muted', text: t('ui-match-history-empty') })); return; }
    box.replaceChildren(...h.cvs.map((c) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(c.id), checked: chosen.has(c.id) }),
      el('span', {}, el('bdi', { text: c.title }), el('span', { class: 'muted', text: ` · ${c.created_at}` })))));
  } catch (err) { showError(err); }
}

/** Opens a job description file (the dialog when none is given) into the editable box. */
export async function openJobFile(file) {
  try {
    if (!file) file = await invoke('pick_job_file');
    if (!file) return null;
    const text = await invoke('read_job_file', { token: file.token });
    $('#match-job').value = text;
    return text;
  } catch (err) { return showError(err); }
}

export async function rankCvs() {
  clearErrors();
  const cvIds = [...document.querySelectorAll('#match-history input:checked')].map((c) => Number(c.value));
  bar.start(t('ui-match-working'));
  $('#match-status').textContent = t('ui-match-working');
  $('#match-rank').disabled = true;
  try {
    const view = await invoke('match_rank', { jobText: $('#match-job').value, files: matcher.files.map((f) => f.token), cvIds });
    matcher.last = view;
    await renderMatch(view);
    return view;
  } catch (err) {
    $('#match-status').textContent = '';
    return showError(err);
  } finally {
    bar.stop();
    $('#match-rank').disabled = false;
  }
}

/** @param {import('../types/commands').MatchView} view */
async function renderMatch(view) {
  if (!view) return;
  $('#match-results').hidden = false;
  $('#match-csv-result').textContent = '';
  const j = view.job;
  // The job's title is the job description's own words: isolated.
  const rows = [el('p', {}, el('strong', {}, j.title ? el('bdi', { text: j.title }) : t('ui-match-job-untitled')))];
  if (j.required.length) rows.push(el('p', {}, `${t('ui-match-required')}: `, skillList(j.required)));
  if (j.preferred.length) rows.push(el('p', {}, `${t('ui-match-preferred')}: `, skillList(j.preferred)));
  if (j.min_years != null) rows.push(el('p', { text: await tc('ui-match-min-years', Math.ceil(j.min_years), { years: j.min_years }) }));
  $('#match-job-summary').replaceChildren(...rows);
  const count = await tc('ui-match-ranked', view.ranking.length);
  $('#match-count').textContent = count;
  $('#match-status').textContent = count;
  $('#match-rows').replaceChildren(...view.ranking.flatMap((r, i) => rankedRow(r, i)));
  $('#match-failed-block').hidden = view.failed.length === 0;
  $('#match-failed').replaceChildren(...view.failed.map((f) => el('li', { class: 'error-card', 'data-code': f.error_code },
    el('p', {}, el('bdi', { class: 'file', text: f.file_name, title: f.file }), ': ', f.error),
    f.suggested_action ? el('p', {}, el('strong', { text: t('ui-error-action') + ': ' }), f.suggested_action) : null,
    el('p', { class: 'code', text: f.error_code }))));
  $('#match-save-csv').disabled = view.ranking.length === 0;
}

// One ranked CV and its reasons (a row shown by its "Show reasons" button).
function rankedRow(r, i) {
  const id = `match-reasons-${i}`;
  const who = r.name || r.file_name;
  const toggle = el('button', { type: 'button', class: 'small', 'aria-expanded': 'false', 'aria-controls': id,
    'aria-label': t('ui-match-reasons-for', { name: who }), text: t('ui-match-show-reasons') });
  const details = el('tr', { id, class: 'reasons-row', hidden: true },
    el('td', { colspan: '6' }, el('ul', { class: 'reasons' }, ...r.components.map((c) => el('li', { 'data-component': c.id },
      el('span', { class: 'points', text: t('ui-match-points', { points: c.points, max: c.max_points }) }), ' ', c.reason)))));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    details.hidden = !open;
  });
  // The band, its label and the score's words are the engine's (crates/engine/src/view.rs).
  return [el('tr', { class: 'ranked', 'data-file': r.file, 'data-band': r.band },
    el('td', { class: 'rank', text: String(r.rank) }),
    el('th', { scope: 'row' }, el('bdi', { class: 'file', text: r.file_name, title: r.file }),
      r.name ? el('div', { class: 'muted' }, el('bdi', { text: r.name })) : null,
      r.cv_id != null ? el('div', { class: 'tag', text: t('ui-match-from-history-tag') }) : null),
    el('td', { class: `score ${r.band}`, title: r.band_label }, el('strong', { text: r.score_label }), el('span', { class: 'sr-only', text: ` ${r.band_label}` })),
    el('td', {}, skillList(r.matched)),
    el('td', {}, skillList(r.missing)),
    el('td', {}, toggle)), details];
}

/** Saves the ranking as CSV (the save dialog when no place is given). */
export async function saveMatchCsv(place) {
  try {
    if (!place) place = await invoke('pick_csv_path');
    if (!place) return null;
    const written = await invoke('save_match_csv', { token: place.token });
    $('#match-csv-result').replaceChildren(`${t('ui-match-csv-saved')}: `, el('bdi', { text: written }));
    return written;
  } catch (err) { return showError(err); }
}
