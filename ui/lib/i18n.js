// The page's words: every string comes from locales/*/ui.ftl through the `ui_messages` command; plurals
// are formatted in Rust (Arabic has six plural forms). Someone's own words inside a message are isolated
// in <bdi> (`tb`), so their direction never reorders the sentence around them.
import { el } from './dom.js';
import { invoke } from './ipc.js';

let messages = {};
let current = 'en';

/** The language the page is in now (`en` or `ar`). */
export const lang = () => current;

/** A message; `{ $name }` placeables are filled from `args` (Fluent already formatted the rest). */
export function t(id, args = {}) {
  let text = messages[id] ?? id;
  for (const [k, v] of Object.entries(args)) text = text.replaceAll(`{$${k}}`, String(v));
  return text;
}

/** A message whose arguments are someone's own words (a name, a CV's title, a server): as nodes, each
 * argument isolated in <bdi> so its direction never reorders the sentence around it. */
export function tb(id, args = {}) {
  const text = (messages[id] ?? id).replace(/[\u2066-\u2069]/g, '');
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(/\{\$([a-z_]+)\}/g)) {
    parts.push(text.slice(last, m.index));
    parts.push(m[1] in args ? el('bdi', { text: String(args[m[1]]) }) : m[0]);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}

/** A plural message, formatted in Rust (Arabic has six plural forms). */
export async function tc(id, count, args = {}) {
  return invoke('format_message', { id, count, args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)])) });
}

/** The separator of a list in running text. */
export const listSep = () => (current === 'ar' ? '، ' : ', ');

/** Loads the messages of `code` (the person's language when absent) and relabels the static markup. */
export async function loadMessages(code) {
  /** @type {import('../types/commands').UiMessages} */
  const m = await invoke('ui_messages', code ? { lang: code } : {});
  messages = m.messages;
  current = m.lang;
  document.documentElement.lang = m.lang;
  document.documentElement.dir = m.dir;
  document.title = t('ui-app-title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
}

/** Skill names, each isolated in a <bdi> so Latin names keep their order in Arabic text. */
export function skillList(names) {
  if (!names?.length) return el('span', { class: 'muted', text: '—' });
  return el('span', {}, ...names.flatMap((n, i) => [i ? listSep() : '', el('bdi', { text: n })]));
}
