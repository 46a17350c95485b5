// Who is using Job Gate: what the people modules share. Rust holds the person and everything of theirs;
// this page holds nothing that must outlive them: every change of person reloads the page, so no
// screen's state (DOM or JS) survives a switch.
import { $, el } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { errorCard } from '../../lib/errors.js';

/**
 * @type {{ who: import('../../types/commands').WhoView | null, people: import('../../types/commands').PeopleView,
 *   policy: import('../../types/commands').PolicyView | null }}
 */
export const state = { who: null, people: { people: [], guest_by_default: false, require_passcode: false }, policy: null };

// A notice that survives the reload that follows a change of person (e.g. "The profile was wiped.").
const NOTICE = 'jobgate-notice';
export const carry = (text) => sessionStorage.setItem(NOTICE, text);

/** Starts over with whoever Rust says is using the app now. */
export function restart() { location.reload(); }

/** Shows the notice carried over the reload, once, in `target`. */
export function showNotice(target) {
  const text = sessionStorage.getItem(NOTICE);
  if (!text) return;
  sessionStorage.removeItem(NOTICE);
  target.replaceChildren(el('p', { class: 'card notice', role: 'status', text }));
}

// The default profile (first use, or an earlier release's data) is shown under a label in the person's
// language; its name stays "default" for the command line.
export function displayName(p) { return p.guest ? t('ui-person-guest') : p.default ? t('ui-person-default') : p.name; }
export function labelOf(name) {
  const p = state.people.people.find((x) => x.name === name);
  return p ? displayName(p) : name;
}

/** An error while nobody is signed in: shown on the picker. */
export function gateError(err) {
  $('#gate-errors').replaceChildren(errorCard(err));
}
