// Error cards: a failure is shown in the region it belongs to (the app's `#errors`, or the picker's),
// with the engine's message and suggested action, already in the person's language.
import { $, el } from './dom.js';
import { t } from './i18n.js';
import { asError } from './ipc.js';

/** The card of one error; `dismiss` adds a button that removes it. */
export function errorCard(err, { dismiss = false } = {}) {
  const e = asError(err);
  const card = el('div', { class: 'error-card', role: 'alert', 'data-code': e.error_code },
    el('h2', { text: e.error || t('ui-error-title') }),
    e.suggested_action ? el('p', {}, el('strong', { text: t('ui-error-action') + ': ' }), e.suggested_action) : null,
    el('p', { class: 'code', text: e.error_code }));
  if (dismiss) card.append(el('button', { type: 'button', text: t('ui-error-dismiss'), onclick: () => card.remove() }));
  return card;
}

/** Shows `err` on the app's error region and returns it as the error JSON. */
export function showError(err) {
  $('#errors').replaceChildren(errorCard(err, { dismiss: true }));
  return asError(err);
}

/** Removes the error shown (a new action starts). */
export const clearErrors = () => $('#errors').replaceChildren();
