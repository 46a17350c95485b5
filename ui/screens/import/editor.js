// "Your CV as we read it": one fieldset per section (lists one item per line), corrections saved as a
// new version, and the AI's drafts (a summary, reworded achievements of a job) streamed into cards.
import { $, el } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';
import { on } from '../../lib/bus.js';
import { withAi, invokeAi, streaming, complete, settle } from '../../lib/ai.js';
import { current } from '../../lib/store.js';

export function mount() {
  $('#cv-save').addEventListener('click', saveEdits);
  $('#ai-summary').addEventListener('click', (e) => withAi(e.currentTarget, async () => {
    if (!current.cv) return;
    $('#summary-draft-text').textContent = await invokeAi('ai_draft_summary', { cv: current.cv });
    complete($('#summary-draft'));
    $('#summary-draft-use').focus();
  }, {
    preview: ({ target, text }) => {
      if (target !== 'summary') return;
      streaming($('#summary-draft'), $('#summary-draft-use'));
      $('#summary-draft-text').textContent = text;
    },
    end: () => settle($('#summary-draft'), $('#summary-draft-use')),
  }));
  $('#summary-draft-use').addEventListener('click', () => {
    current.cv.summary = $('#summary-draft-text').textContent;
    $('#summary-draft').hidden = true;
    render(current.cv);
    $('#cv-save').focus();
  });
  $('#summary-draft-drop').addEventListener('click', () => { $('#summary-draft').hidden = true; $('#ai-summary').focus(); });
  // AI switched on or off in Settings: this screen's AI buttons follow.
  on('settings-changed', (s) => { for (const b of document.querySelectorAll('#screen-import .ai-only')) b.hidden = !s.ai_enabled; });
}

const lines = (v) => v.split('\n').map((s) => s.trim()).filter(Boolean);
function field(labelId, value, onChange, { multiline = false, type = 'text', wide = false, bdi = false } = {}) {
  const input = multiline ? el('textarea', { rows: 3 }) : el('input', { type, dir: bdi ? 'auto' : null });
  input.value = value ?? '';
  input.addEventListener('input', () => onChange(input.value));
  return el('label', { class: wide ? 'wide' : null }, t(labelId), input);
}

/** Lays out `cv` for correction; every field writes back into it as the person types.
 * @param {import('../../types/commands').Cv | null} cv */
export function render(cv) {
  const form = $('#cv-editor');
  if (!cv) { form.replaceChildren(); return; }
  const p = cv.personal_info;
  const section = (titleId, ...kids) => el('fieldset', {}, el('legend', { text: t(titleId) }), ...kids);
  const empty = () => el('p', { class: 'muted wide', text: t('ui-empty-section') });
  const list = (get, set) => field('ui-field-list', get().join('\n'), (v) => set(lines(v)), { multiline: true, wide: true });
  form.replaceChildren(
    section('ui-section-personal',
      field('ui-field-name', p.name, (v) => (p.name = v)),
      field('ui-field-email', p.email, (v) => (p.email = v), { type: 'email', bdi: true }),
      field('ui-field-phone', p.phone, (v) => (p.phone = v), { type: 'tel', bdi: true }),
      field('ui-field-location', p.location, (v) => (p.location = v)),
      field('ui-field-headline', p.headline, (v) => (p.headline = v), { wide: true }),
      field('ui-field-links', p.links.join('\n'), (v) => (p.links = lines(v)), { multiline: true, wide: true })),
    section('ui-section-summary', field('ui-section-summary', cv.summary, (v) => (cv.summary = v), { multiline: true, wide: true })),
    section('ui-section-experience', ...(cv.experience.length ? cv.experience.map((x, i) => el('div', { class: 'entry' },
      field('ui-field-title', x.title, (v) => (x.title = v)),
      field('ui-field-company', x.company, (v) => (x.company = v)),
      field('ui-field-period', x.period, (v) => (x.period = v)),
      field('ui-field-location', x.location, (v) => (x.location = v)),
      field('ui-field-achievements', x.achievements.join('\n'), (v) => (x.achievements = lines(v)), { multiline: true, wide: true }),
      experienceAi(x, i))) : [empty()])),
    section('ui-section-education', ...(cv.education.length ? cv.education.map((x) => el('div', { class: 'entry' },
      field('ui-field-degree', x.degree, (v) => (x.degree = v)),
      field('ui-field-field', x.field, (v) => (x.field = v)),
      field('ui-field-school', x.school, (v) => (x.school = v)),
      field('ui-field-years', x.years, (v) => (x.years = v)))) : [empty()])),
    section('ui-section-skills', list(() => cv.skills, (v) => (cv.skills = v))),
    section('ui-section-achievements', list(() => cv.achievements, (v) => (cv.achievements = v))),
    section('ui-section-certifications', list(() => cv.certifications, (v) => (cv.certifications = v))),
    section('ui-section-languages', field('ui-field-list', cv.languages.map((l) => (l.level ? `${l.name} — ${l.level}` : l.name)).join('\n'),
      (v) => (cv.languages = lines(v).map((s) => { const [name, level = ''] = s.split(/\s+[—-]\s+/); return { name, level }; })), { multiline: true, wide: true })),
    section('ui-section-projects', ...(cv.projects.length ? cv.projects.map((x) => el('div', { class: 'entry' },
      field('ui-field-title', x.title, (v) => (x.title = v)),
      field('ui-field-link', x.link, (v) => (x.link = v), { bdi: true }),
      field('ui-field-description', x.description, (v) => (x.description = v), { multiline: true, wide: true }))) : [empty()])),
  );
}

// "Suggest wording with AI" under a job of the analysed CV: the reworded achievements stream into a
// card in the entry; "Use this wording" puts them in the achievements field (saved with the corrections).
function experienceAi(job, entry) {
  const list = el('ol', {});
  const use = el('button', { type: 'button', class: 'primary', text: t('ui-builder-accept') });
  const keep = el('button', { type: 'button', text: t('ui-builder-keep') });
  const card = el('div', { class: 'card rewrite wide ai-entry-draft', 'data-ai-entry': entry, hidden: true },
    el('h3', { text: t('ui-builder-rewrite-title') }), list, el('div', { class: 'button-row' }, use, keep));
  const ask = el('button', { type: 'button', class: 'ai-only', text: t('ui-builder-ai-rewrite'), hidden: !current.settings?.ai_enabled });
  ask.addEventListener('click', () => withAi(ask, async () => {
    list.replaceChildren();
    /** @type {string[]} */
    const wordings = await invokeAi('ai_rewrite_experience', { cv: current.cv, entry });
    list.replaceChildren(...wordings.map((w) => el('li', { text: w })));
    complete(card);
    use.focus();
  }, {
    preview: ({ target, index, text }) => {
      if (target !== 'experience') return;
      while (list.children.length <= index) list.append(el('li'));
      list.children[index].textContent = text;
      streaming(card, use);
    },
    end: () => settle(card, use),
  }));
  use.addEventListener('click', () => {
    job.achievements = [...list.querySelectorAll('li')].map((li) => li.textContent);
    render(current.cv);
    $('#cv-save').focus();
  });
  keep.addEventListener('click', () => { card.hidden = true; ask.focus(); });
  return el('div', { class: 'wide' }, ask, card);
}

async function saveEdits() {
  if (current.cvId == null) return;
  try {
    current.versionId = await invoke('save_cv_edit', { cvId: current.cvId, cv: current.cv });
    $('#cv-save-result').textContent = t('ui-cv-saved');
  } catch (err) { showError(err); }
}
