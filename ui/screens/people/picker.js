// Who is using Job Gate (DESIGN §7): the picker shown while nobody is signed in, the person shown on
// every screen with "Lock now" and "Switch", and the idle lock's activity reports. The dialogs the
// picker opens are ./dialogs.js, the wipe ./wipe.js, a guest's files ./guest.js.
import { $, el } from '../../lib/dom.js';
import { t, loadMessages } from '../../lib/i18n.js';
import { invoke, listen } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { state, carry, restart, showNotice, displayName, gateError } from './state.js';
import * as dialogs from './dialogs.js';
import * as wipe from './wipe.js';
import * as guest from './guest.js';

/** Wires the picker, the person's sidebar box and the dialogs. */
export function mount() {
  $('#lock-now').addEventListener('click', () => leave('lock_now'));
  $('#switch-person').addEventListener('click', () => leave('switch_person'));
  $('#picker-guest').addEventListener('click', startGuest);
  for (const r of document.querySelectorAll('input[name="gate-lang"]')) r.addEventListener('change', () => gateLanguage(r.value));
  dialogs.mount();
  wipe.mount();
  guest.mount();
  watchActivity();
}

/**
 * Shows who is using the app, or the picker when nobody is. Resolves `true` when someone is signed
 * in (the app starts), `false` when the picker shows.
 */
export async function begin() {
  state.who = await invoke('who');
  await loadMessages(state.who.lang);
  if (state.who.person) {
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
  if (state.who.guest_files?.length) guest.ask(state.who.guest_files, false);
  return false;
}

/** The person using the app, in the sidebar. */
export function renderIndicator() {
  $('#who-name').textContent = displayName(state.who.person);
  $('#who-locked').hidden = !state.who.person.has_passcode;
}

async function showPicker() {
  const { who } = state;
  showNotice($('#gate-errors'));
  $(`#gate-lang-${who.lang}`).checked = true;
  try {
    state.people = await invoke('people_list');
    state.policy = await invoke('policy');
    $('#picker-policy').hidden = !state.policy.problem;
    if (state.policy.problem) $('#picker-policy').textContent = t('ui-picker-policy-problem', { problem: state.policy.problem });
  } catch (err) { gateError(err); }
  const { people } = state;
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
    dialogs.openUnlock(who.locked, 'unlock', button);
  } else first.focus();
}

function cssId(name) { return [...name].map((c) => c.codePointAt(0).toString(16)).join('-'); }

async function choose(p, button) {
  if (p.locked) return dialogs.openUnlock(p.name, 'unlock', button);
  if (state.people.require_passcode) return dialogs.openUnlock(p.name, 'set', button);
  try { await invoke('open_person', { name: p.name }); restart(); } catch (err) {
    if (err?.details?.field === 'passcode') dialogs.openUnlock(p.name, 'set', button); else gateError(err);
  }
}

async function startGuest() {
  try { await invoke('start_guest'); restart(); } catch (err) { gateError(err); }
}

async function gateLanguage(code) {
  // Notices and errors were in the other language.
  $('#gate-errors').replaceChildren();
  try {
    await invoke('set_language', { lang: code });
    state.who.lang = code;
    await loadMessages(code);
    await showPicker();
  } catch (err) { gateError(err); }
}

// ---- lock, switch, idle ------------------------------------------------------------------------------
async function leave(cmd) {
  try { await invoke(cmd); } catch (err) { showError(err); return; }
  restart();
}

// The idle lock counts from the last activity the page reports (at most every 20 s); Rust locks and
// sends `person-changed` when the time is up.
function watchActivity() {
  let last = 0;
  const report = () => {
    if (!state.who?.person) return;
    const now = Date.now();
    if (now - last < 20000) return;
    last = now;
    invoke('note_activity').then((idle) => { if (idle.locked) lockedForIdle(); }).catch(() => {});
  };
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) document.addEventListener(type, report, { capture: true, passive: true });
  listen('person-changed', () => lockedForIdle());
}

function lockedForIdle() {
  carry(t('ui-idle-locked'));
  restart();
}

// What the end-to-end tests use to read the picker without guessing at its markup.
export const testing = { who: () => state.who };
