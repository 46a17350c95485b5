// Navigation between screens. main.js registers each screen's modules under its name; `show` hides the
// others, marks the navigation button and calls the modules' `load`. `relabelAll` asks every module to say
// what it shows again in the new language.
import { $, $$ } from './dom.js';
import { clearErrors } from './errors.js';

/**
 * A screen module's interface (every member optional).
 * @typedef {object} ScreenModule
 * @property {() => void} [mount]  wires its controls, once, before anything is shown
 * @property {() => (void | Promise<void>)} [load]  reads what it shows, each time its screen is shown
 * @property {() => (void | Promise<void>)} [relabel]  the language changed: says it again in the new one
 */

/** @type {Map<string, ScreenModule[]>} */
const screens = new Map();
let shown = null;

/** Registers the modules of screen `name` (a `#screen-<name>` section), in the order they load. */
export function register(name, ...modules) {
  screens.set(name, [...(screens.get(name) ?? []), ...modules]);
  for (const m of modules) m.mount?.();
}

/** The screen on show. */
export const showing = () => shown;

/**
 * Switches screens. `focus`: the person asked for it (a navigation button), so the new screen's heading
 * takes the focus and screen readers say where they are.
 */
export function show(name, { focus = false } = {}) {
  shown = name;
  for (const s of $$('.screen')) s.hidden = s.id !== `screen-${name}`;
  for (const b of $$('button.nav')) {
    if (b.dataset.screen === name) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  clearErrors();
  for (const m of screens.get(name) ?? []) m.load?.();
  if (focus) {
    const heading = $(`#screen-${name} h1`);
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** Every module says what it shows again, in the language just loaded (in registration order). */
export async function relabelAll() {
  for (const modules of screens.values()) for (const m of modules) await m.relabel?.();
}
