// "Compare with a job description" under the analysis: one CV, as corrected on screen, against a job.
import { $, el } from '../../lib/dom.js';
import { t, skillList } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { clearErrors, showError } from '../../lib/errors.js';
import { current } from '../../lib/store.js';

export function mount() {
  $('#fit-form').addEventListener('submit', (e) => { e.preventDefault(); checkFit(); });
}

/** A job fit on screen is worked out again in the new language. */
export async function relabel() {
  if ($('#fit-result').childElementCount && $('#fit-job').value.trim()) await checkFit();
}

/** Compares the CV on screen with `jobText` (the text in the box when absent). */
export async function checkFit(jobText) {
  clearErrors();
  if (!current.analysis) return null;
  if (jobText != null) $('#fit-job').value = jobText;
  try {
    // The CV as corrected on screen, with the analysis it came from.
    const analysis = { ...current.analysis, structured_data: current.cv };
    /** @type {import('../../types/commands').JobFit} */
    const fit = await invoke('job_fit', { analysis, jobText: $('#fit-job').value });
    $('#fit-result').replaceChildren(
      el('p', { class: 'fit-score' }, el('strong', { text: `${t('ui-fit-score')}: ` }), el('span', { id: 'fit-score', text: t('ui-match-score', { score: fit.match.score.toFixed(1) }) })),
      el('p', { text: fit.check.message }),
      el('h3', { text: t('ui-fit-missing') }),
      fit.missing_keywords.length ? el('p', { id: 'fit-missing' }, skillList(fit.missing_keywords)) : el('p', { id: 'fit-missing', class: 'ok', text: t('ui-fit-none-missing') }),
      fit.matched_keywords.length ? el('h3', { text: t('ui-fit-matched') }) : null,
      fit.matched_keywords.length ? el('p', {}, skillList(fit.matched_keywords)) : null);
    return fit;
  } catch (err) { return showError(err); }
}
