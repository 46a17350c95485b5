// Who is using Job Gate (DESIGN §7): the picker shown while nobody is signed in, the unlock and
// "new person" dialogs, the person shown on every screen with "Lock now" and "Switch", Settings →
// Profile (passcode, wipe, saving the profile to a file), bringing a profile from another computer and
// the idle lock's activity reports.
//
// Rust holds the person and everything of theirs; this page holds nothing that must outlive them:
// every change of person reloads the page, so no screen's state (DOM or JS) survives a switch.
// Helpers ($, el, t, invoke, …) come from app.js through `mount`.

let ctx;
let who = null;
let people = { people: [], guest_by_default: false, require_passcode: false };
const unlock = { name: null, mode: 'unlock', opener: null };
const wipe = { name: null, files: [], fromSettings: false, opener: null };
let policy = null;

// A notice that survives the reload that follows a change of person (e.g. "The profile was wiped.").
const NOTICE = 'jobgate-notice';
const carry = (text) => sessionStorage.setItem(NOTICE, text);

/** Starts over with whoever Rust says is using the app now. */
function restart() { location.reload(); }

/** Wires the profile UI; `helpers`: app.js's $, el, t, invoke, showError, loadMessages, announce. */
export function mount(helpers) {
  ctx = helpers;
  const { $ } = ctx;
  $('#lock-now').addEventListener('click', () => leave('lock_now'));
  $('#switch-person').addEventListener('click', () => leave('switch_person'));
  $('#picker-new').addEventListener('click', (e) => openNewPerson(e.currentTarget));
  $('#picker-guest').addEventListener('click', startGuest);
  for (const r of document.querySelectorAll('input[name="gate-lang"]')) r.addEventListener('change', () => gateLanguage(r.value));
  $('#unlock-form').addEventListener('submit', (e) => { e.preventDefault(); submitUnlock(); });
  $('#unlock-cancel').addEventListener('click', () => $('#unlock').close());
  $('#unlock').addEventListener('close', () => unlock.opener?.focus());
  $('#unlock-wipe').addEventListener('click', () => { $('#unlock').close(); askWipe(unlock.name, [], unlock.opener); });
  $('#new-person-form').addEventListener('submit', (e) => { e.preventDefault(); createPerson(); });
  $('#new-person-cancel').addEventListener('click', () => $('#new-person').close());
  $('#wipe').addEventListener('close', finishWipe);
  $('#passcode-form').addEventListener('submit', (e) => { e.preventDefault(); savePasscode(); });
  $('#passcode-remove').addEventListener('click', removePasscode);
  $('#profile-wipe').addEventListener('click', (e) => wipeOpenProfile(e.currentTarget));
  $('#picker-bring').addEventListener('click', (e) => openBring(e.currentTarget));
  $('#profile-bring-form').addEventListener('submit', (e) => { e.preventDefault(); bringProfile(); });
  $('#profile-bring-cancel').addEventListener('click', () => $('#profile-bring').close());
  $('#profile-save-file').addEventListener('click', (e) => openSaveProfile(e.currentTarget));
  $('#profile-save-form').addEventListener('submit', (e) => { e.preventDefault(); saveProfileFile(); });
  $('#profile-save-cancel').addEventListener('click', () => $('#profile-save').close());
  $('#guest-files').addEventListener('close', answerGuestFiles);
  window.__TAURI__.event.listen('guest-quitting', (e) => askGuestFiles(e.payload, true));
  watchActivity();
}

/**
 * Shows who is using the app, or the picker when nobody is. Resolves `true` when someone is signed
 * in (the app starts), `false` when the picker shows.
 */
export async function begin() {
  const { $, invoke, loadMessages } = ctx;
  who = await invoke('who');
  await loadMessages(who.lang);
  if (who.person) {
    renderIndicator();
    $('#app').hidden = false;
    $('#gate').hidden = true;
    showNotice($('#errors'));
    return true;
  }
  $('#app').hidden = true;
  $('#gate').hidden = false;
  await showPicker();
  // A guest just left (or was locked out for being idle) with files they exported still on disk.
  if (who.guest_files?.length) askGuestFiles(who.guest_files, false);
  return false;
}

// The default profile (first use, or an earlier release's data) is shown under a label in the person's
// language; its name stays "default" for the command line.
function displayName(p) { return p.guest ? ctx.t('ui-person-guest') : p.default ? ctx.t('ui-person-default') : p.name; }
function labelOf(name) {
  const p = people.people.find((x) => x.name === name);
  return p ? displayName(p) : name;
}

function renderIndicator() {
  const { $ } = ctx;
  $('#who-name').textContent = displayName(who.person);
  $('#who-locked').hidden = !who.person.has_passcode;
}

function showNotice(target) {
  const text = sessionStorage.getItem(NOTICE);
  if (!text) return;
  sessionStorage.removeItem(NOTICE);
  target.replaceChildren(ctx.el('p', { class: 'card notice', role: 'status', text }));
}

// ---- the picker --------------------------------------------------------------------------------
async function showPicker() {
  const { $, el, t, invoke } = ctx;
  showNotice($('#gate-errors'));
  $(`#gate-lang-${who.lang}`).checked = true;
  try {
    people = await invoke('people_list');
    policy = await invoke('policy');
    $('#picker-policy').hidden = !policy.problem;
    if (policy.problem) $('#picker-policy').textContent = t('ui-picker-policy-problem', { problem: policy.problem });
  } catch (err) { gateError(err); }
  const list = $('#picker-people');
  const listed = [...people.people].sort((a, b) => Number(b.default) - Number(a.default));
  list.replaceChildren(...listed.map((p) => el('li', {},
    el('button', {
      type: 'button', class: 'person', 'data-person': p.name,
      'aria-describedby': p.locked ? `locked-${cssId(p.name)}` : null,
      onclick: (e) => choose(p, e.currentTarget),
    }, el('bdi', { text: displayName(p) }),
    p.locked ? el('span', { class: 'badge', id: `locked-${cssId(p.name)}`, text: t('ui-person-locked') }) : null))));
  $('#picker-none').hidden = people.people.length > 0;
  // Guest by default: the Guest button comes first and takes the focus.
  const actions = $('#picker-actions');
  if (people.guest_by_default) actions.prepend($('#picker-guest'));
  $('#new-person-passcode-label').textContent = t(people.require_passcode ? 'ui-new-person-passcode-required' : 'ui-new-person-passcode');
  $('#new-person-passcode').required = people.require_passcode;
  const first = people.guest_by_default ? $('#picker-guest') : (list.querySelector('button') ?? $('#picker-new'));
  if (who.locked && people.people.some((p) => p.name === who.locked)) {
    const button = list.querySelector(`[data-person="${CSS.escape(who.locked)}"]`);
    openUnlock(who.locked, 'unlock', button);
  } else first.focus();
}

function cssId(name) { return [...name].map((c) => c.codePointAt(0).toString(16)).join('-'); }

function gateError(err) {
  const { $, el, t } = ctx;
  const e = typeof err === 'object' && err && err.error_code ? err : { error: String(err), error_code: 'INTERNAL_ERROR', suggested_action: '' };
  $('#gate-errors').replaceChildren(el('div', { class: 'error-card', role: 'alert', 'data-code': e.error_code },
    el('h2', { text: e.error || t('ui-error-title') }),
    e.suggested_action ? el('p', {}, el('strong', { text: `${t('ui-error-action')}: ` }), e.suggested_action) : null,
    el('p', { class: 'code', text: e.error_code })));
}

async function choose(p, button) {
  if (p.locked) return openUnlock(p.name, 'unlock', button);
  if (people.require_passcode) return openUnlock(p.name, 'set', button);
  try { await ctx.invoke('open_person', { name: p.name }); restart(); } catch (err) {
    if (err?.details?.field === 'passcode') openUnlock(p.name, 'set', button); else gateError(err);
  }
}

async function startGuest() {
  try { await ctx.invoke('start_guest'); restart(); } catch (err) { gateError(err); }
}

async function gateLanguage(code) {
  // Notices and errors were in the other language.
  ctx.$('#gate-errors').replaceChildren();
  try {
    await ctx.invoke('set_language', { lang: code });
    who.lang = code;
    await ctx.loadMessages(code);
    await showPicker();
  } catch (err) { gateError(err); }
}

// ---- unlock (or, where the policy requires one, choose a passcode) -------------------------------
function openUnlock(name, mode, opener) {
  const { $, t } = ctx;
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
  const { $, t, invoke } = ctx;
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
  const { $ } = ctx;
  for (const id of ['#new-person-name', '#new-person-passcode', '#new-person-repeat']) $(id).value = '';
  $('#new-person-error').textContent = '';
  $('#new-person').showModal();
  $('#new-person').addEventListener('close', () => opener?.focus(), { once: true });
  $('#new-person-name').focus();
}

async function createPerson() {
  const { $, t, invoke } = ctx;
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

// ---- lock, switch, idle ------------------------------------------------------------------------------
async function leave(cmd) {
  try { await ctx.invoke(cmd); } catch (err) { ctx.showError(err); return; }
  restart();
}

// The idle lock counts from the last activity the page reports (at most every 20 s); Rust locks and
// sends `person-changed` when the time is up.
function watchActivity() {
  let last = 0;
  const report = () => {
    if (!who?.person) return;
    const now = Date.now();
    if (now - last < 20000) return;
    last = now;
    ctx.invoke('note_activity').then((idle) => { if (idle.locked) lockedForIdle(); }).catch(() => {});
  };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) document.addEventListener(type, report, { capture: true, passive: true });
  window.__TAURI__.event.listen('person-changed', () => lockedForIdle());
}

function lockedForIdle() {
  carry(ctx.t('ui-idle-locked'));
  restart();
}

// ---- wipe -----------------------------------------------------------------------------------------
function askWipe(name, files, opener, fromSettings = false) {
  const { $, el, t } = ctx;
  Object.assign(wipe, { name, files, opener, fromSettings });
  $('#wipe-title').replaceChildren(...ctx.tb('ui-wipe-title', { name: who?.person?.name === name ? displayName(who.person) : labelOf(name) }));
  $('#wipe-files-block').hidden = files.length === 0;
  $('#wipe-files').replaceChildren(...files.map((f, i) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', checked: true, value: f, id: `wipe-file-${i}` }), ' ', el('bdi', { text: f }))));
  $('#wipe').returnValue = '';
  $('#wipe').showModal();
  // The safe choice has the focus.
  $('#wipe').querySelector('button[value="cancel"]').focus();
}

async function finishWipe() {
  const { $, t, invoke, showError } = ctx;
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

async function wipeOpenProfile(opener) {
  try {
    const asked = await ctx.invoke('wipe_person', { name: who.person.name });
    askWipe(who.person.name, asked.exported_files, opener, true);
  } catch (err) { ctx.showError(err); }
}

// ---- a guest's exported files --------------------------------------------------------------------
// A guest's PDFs, DOCX and JSON files are outside Job Gate's data: when the guest leaves (Switch, Lock now,
// the idle lock) the picker asks whether to delete them; when a guest closes the window, it asks before
// quitting. Where the policy says nothing of a guest should outlive the session, "Delete" has the focus.
const guestFiles = { quitting: false };

async function askGuestFiles(files, quitting) {
  const { $, el, t } = ctx;
  policy ??= await ctx.invoke('policy').catch(() => null);
  guestFiles.quitting = quitting;
  $('#guest-files-text').textContent = t(quitting ? 'ui-guest-files-text-quit' : 'ui-guest-files-text-left');
  $('#guest-files-list').replaceChildren(...files.map((f, i) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', checked: true, value: f, id: `guest-file-${i}` }), ' ', el('bdi', { text: f }))));
  $('#guest-files-stay').hidden = !quitting;
  $('#guest-files-keep').textContent = t(quitting ? 'ui-guest-files-keep-quit' : 'ui-guest-files-keep');
  $('#guest-files-delete').textContent = t(quitting ? 'ui-guest-files-delete-quit' : 'ui-guest-files-delete');
  const dialog = $('#guest-files');
  dialog.returnValue = '';
  if (!dialog.open) dialog.showModal();
  const deleteFirst = policy?.wipe_guests_on_exit ?? true;
  (deleteFirst ? $('#guest-files-delete') : $('#guest-files-keep')).focus();
}

async function answerGuestFiles() {
  const { $, t, invoke } = ctx;
  const answer = $('#guest-files').returnValue;
  // Escape: keep the files (and, when quitting, stay).
  if (guestFiles.quitting && (answer === 'stay' || answer === '')) return;
  const chosen = answer === 'delete' ? [...document.querySelectorAll('#guest-files-list input:checked')].map((i) => i.value) : [];
  const notice = (text) => {
    if (guestFiles.quitting) return;
    $('#gate-errors').replaceChildren(ctx.el('p', { class: 'card notice', role: 'status', text }));
  };
  try {
    const deleted = await invoke('answer_guest_files', { delete: chosen });
    if (answer === 'delete') notice(t('ui-guest-files-deleted', { count: deleted.length }));
    if (guestFiles.quitting) await invoke('quit_app');
  } catch (err) {
    if (guestFiles.quitting) ctx.showError(err); else gateError(err);
  }
  if (!guestFiles.quitting) ($('#picker-people button') ?? $('#picker-new')).focus();
}

// ---- Settings → Profile ------------------------------------------------------------------------------
export async function loadProfile() {
  const { $, t, invoke, showError } = ctx;
  try {
    who = await invoke('who');
    if (!who.person) { restart(); return; }
    const policy = await invoke('policy');
    const p = who.person;
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
  const { $, el, t } = ctx;
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
  const { $, t, invoke, showError } = ctx;
  if ($('#passcode-new').value !== $('#passcode-repeat').value) {
    $('#profile-result').textContent = t('ui-passcode-mismatch');
    $('#passcode-repeat').focus();
    return;
  }
  try {
    await invoke('set_passcode', { current: $('#passcode-current').value || null, new: $('#passcode-new').value });
    await loadProfile();
    $('#profile-result').textContent = t('ui-profile-passcode-saved');
  } catch (err) { showError(err); }
}

async function removePasscode() {
  const { $, t, invoke, showError } = ctx;
  try {
    await invoke('remove_passcode', { current: $('#passcode-current').value });
    await loadProfile();
    $('#profile-result').textContent = t('ui-profile-passcode-removed');
  } catch (err) { showError(err); }
}

// ---- moving a profile to another computer ---------------------------------------------------------
// The file is chosen in a native dialog Rust opens: the page only sends the passcodes.
function openSaveProfile(opener) {
  const { $ } = ctx;
  for (const id of ['#profile-save-current', '#profile-save-passcode', '#profile-save-repeat']) $(id).value = '';
  $('#profile-save-error').textContent = '';
  $('#profile-save-current-row').hidden = !who?.person?.has_passcode;
  $('#profile-save').showModal();
  $('#profile-save').addEventListener('close', () => opener?.focus(), { once: true });
  (who?.person?.has_passcode ? $('#profile-save-current') : $('#profile-save-passcode')).focus();
}

async function saveProfileFile() {
  const { $, t, invoke } = ctx;
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

function openBring(opener) {
  const { $ } = ctx;
  for (const id of ['#profile-bring-passcode', '#profile-bring-name']) $(id).value = '';
  $('#profile-bring-error').textContent = '';
  $('#profile-bring').showModal();
  $('#profile-bring').addEventListener('close', () => opener?.focus(), { once: true });
  $('#profile-bring-passcode').focus();
}

async function bringProfile() {
  const { $, t, invoke } = ctx;
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

// What the end-to-end tests use to read the picker without guessing at its markup.
export const testing = { who: () => who };
