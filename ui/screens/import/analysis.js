// The analysis on the Import screen lays out the engine's view of it (crates/engine/src/view.rs): band,
// labels, check status and messages are decided there, in the current language.
import { $, el, said } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { on } from '../../lib/bus.js';
import { current } from '../../lib/store.js';
import * as editor from './editor.js';
import * as fit from './fit.js';

export function mount() {
  editor.mount();
  fit.mount();
  on('cv-analysed', render);
  on('data-deleted', () => { $('#analysis').hidden = true; });
}

/** The language changed: the analysis and a job fit on screen are said again; a saved note goes. */
export async function relabel() {
  await render();
  await fit.relabel();
  $('#cv-save-result').textContent = '';
}

export async function render() {
  const a = current.analysis;
  if (!a) return;
  /** @type {import('../../types/commands').AnalysisView} */
  let view;
  try { view = await invoke('analysis_view', { analysis: a }); } catch (err) { showError(err); return; }
  if (current.analysis !== a) return;
  $('#analysis').hidden = false;
  const score = view.score;
  $('#score-number').textContent = String(score);
  $('#gauge').className = `gauge ${view.band}`;
  $('#gauge').setAttribute('aria-label', `${t('ui-score-label')}: ${score} ${t('ui-score-out-of')}`);
  const circumference = 2 * Math.PI * 50;
  $('#gauge-value').setAttribute('stroke-dasharray', `${(circumference * score) / 100} ${circumference}`);
  $('#score-verdict').textContent = view.band_label;
  $('#analysis-file').replaceChildren(t('ui-file-label') + ': ', el('bdi', { text: current.fileName ?? '' }));
  $('#analysis-meta').textContent = t('ui-analysis-meta', { language: t(`ui-language-${a.language}`), seconds: a.processing_time.toFixed(2) });
  $('#checklist').replaceChildren(...view.checks.map((c) => el('li', { class: c.status, 'data-check': c.id },
    el('div', { class: 'check-head' },
      el('span', {}, `${c.status === 'passed' ? '✓' : '✗'} `, el('span', { class: 'sr-only', text: c.status_label }), ' ', ...said(c.message)),
      el('span', { text: c.points_label })),
    c.status !== 'passed' && c.suggestion.length ? el('p', { class: 'check-fix' }, el('strong', { text: t('ui-check-fix') + ': ' }), ...said(c.suggestion)) : null)));
  $('#suggestions-block').hidden = view.suggestions.length === 0;
  $('#suggestions').replaceChildren(...view.suggestions.map((s) => el('li', {}, ...said(s))));
  $('#warnings-block').hidden = view.warnings.length === 0;
  $('#warnings').replaceChildren(...view.warnings.map((w, i) => el('li', { 'data-code': a.warnings[i]?.code }, ...said(w))));
  editor.render(current.cv);
  $('#cv-save-result').textContent = '';
}
