// Job Gate's window: plain ES modules, no bundler. This file registers the screens (ui/screens/), wires
// the navigation and the app-wide events, and starts the app once someone is signed in. Screens talk to
// Rust only through ui/lib/ipc.js, to each other only through the store and the bus (ui/lib/), and every
// string comes from locales/*/ui.ftl (ui/lib/i18n.js). The command types are ui/types/commands.d.ts,
// generated from the Rust types.
import { $, el } from './lib/dom.js';
import { t } from './lib/i18n.js';
import { invoke, listen } from './lib/ipc.js';
import { showError } from './lib/errors.js';
import { register, show, showing } from './lib/nav.js';
import { listenToPreviews } from './lib/ai.js';
import { current } from './lib/store.js';
import * as importer from './screens/import/import.js';
import * as analysis from './screens/import/analysis.js';
import * as fit from './screens/import/fit.js';
import * as builder from './screens/builder.js';
import * as exporter from './screens/export.js';
import * as match from './screens/match.js';
import * as history from './screens/history/history.js';
import * as settings from './screens/settings/settings.js';
import * as sync from './screens/settings/sync.js';
import * as updates from './screens/settings/updates.js';
import * as profile from './screens/people/profile.js';
import * as people from './screens/people/picker.js';
import * as status from './screens/status.js';

function mount() {
  // In the order they relabel after a change of language.
  register('settings', settings, profile, sync, updates);
  register('import', importer, analysis);
  register('builder', builder);
  register('export', exporter);
  register('match', match);
  register('history', history);
  register('status', status);
  for (const b of document.querySelectorAll('button.nav')) b.addEventListener('click', () => show(b.dataset.screen, { focus: true }));
  people.mount();
}

async function listenToRust() {
  await sync.listen();
  await updates.listen();
  await status.listenToRust();
  await listenToPreviews();
  await importer.listenToRust();
  await match.listenToRust();
  // A file opened while the app runs (macOS: "Open With", a double-click in Finder): imported like a drop.
  await listen('launch-file', async () => {
    const opened = await invoke('launch_file').catch(() => null);
    if (opened) importer.importPath(opened);
  });
  await listen('files-dropped', (e) => {
    const dropped = e.payload ?? [];
    if (!dropped.length) return;
    // On the Match screen dropped CVs (or folders of CVs) join the list; elsewhere the first file is imported.
    if (showing() === 'match') match.dropped(dropped);
    else {
      const file = dropped.find((f) => !f.folder);
      if (file) importer.importPath(file);
    }
  });
}

/**
 * When the data folder could not be opened the app runs in memory: say so on every screen (a banner
 * that stays), with the reason and what to do, instead of letting the person work on unsaved.
 */
async function showStorageProblem() {
  let problem = null;
  try { problem = await invoke('storage_problem'); } catch { /* older shell: Status still shows it */ }
  const banner = $('#storage-banner');
  banner.hidden = !problem;
  if (!problem) return;
  $('#storage-banner-reason').textContent = problem.error;
  $('#storage-banner-action').replaceChildren(
    el('strong', { text: t('ui-error-action') + ': ' }), problem.suggested_action || t('ui-storage-memory-only-action'));
}

function ready() {
  document.body.dataset.ready = 'true';
  invoke('mark_ready').catch(() => {});
}

async function start() {
  mount();
  // Nobody signed in: the picker shows, and the app starts again (a page reload) once someone is.
  let signedIn = true;
  try { signedIn = await people.begin(); } catch (err) {
    $('#app').hidden = false;
    showError(err);
  }
  if (!signedIn) { ready(); return; }
  try {
    /** @type {import('./types/commands').Capabilities} */
    const caps = await invoke('capabilities');
    builder.setCapabilities(caps);
    exporter.setCapabilities(caps);
  } catch (err) { showError(err); }
  await settings.load();
  show('import');
  await showStorageProblem();
  await listenToRust();
  // Opened with a CV ("Open with Job Gate", a double-click on a PDF or DOCX): imported as if it were dropped.
  const opened = await invoke('launch_file').catch(() => null);
  if (opened) importer.importPath(opened);
  ready();
}

// What the end-to-end tests drive: the same functions the buttons and the drop handler call. The tests
// answer the native dialogs (which WebDriver cannot reach) through a hook only debug builds have.
window.jobgate = {
  importPath: importer.importPath, exportCv: exporter.exportCv, setLanguage: settings.setLanguage, show,
  builderStart: builder.builderStart, builderSend: builder.builderSend, current,
  openJobFile: match.openJobFile, addMatchFiles: match.addMatchFiles, pickMatchFiles: match.pickMatchFiles,
  addMatchFolder: match.addMatchFolder, rankCvs: match.rankCvs, saveMatchCsv: match.saveMatchCsv,
  checkFit: fit.checkFit, deleteCv: history.deleteCv, resumeSession: history.resumeSession,
};

start();
