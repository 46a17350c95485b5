// Build a CV: the builder's conversation (Rust's state machine says what to ask next), the live preview,
// Back/Skip/Review/Finish, editing one section, and AI wording to accept or keep one's own.
import { $, $$, el } from '../lib/dom.js';
import { t, tc, listSep } from '../lib/i18n.js';
import { invoke } from '../lib/ipc.js';
import { clearErrors, showError } from '../lib/errors.js';
import { on } from '../lib/bus.js';
import { show } from '../lib/nav.js';
import { withAi, invokeAi, streaming, settle } from '../lib/ai.js';
import { current, setCv } from '../lib/store.js';

const builder = { available: false, sessionId: null, last: null, sections: [] };

export function mount() {
  $('#builder-start').addEventListener('click', () => builderStart(false));
  $('#builder-start-import').addEventListener('click', () => builderStart(true));
  $('#builder-form').addEventListener('submit', (e) => { e.preventDefault(); const a = $('#builder-answer').value; $('#builder-answer').value = ''; builderSend(a); });
  $('#builder-answer').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('#builder-form').requestSubmit(); } });
  $('#builder-back').addEventListener('click', () => builderSend('/back'));
  $('#builder-skip').addEventListener('click', () => builderSend('/skip'));
  $('#builder-review').addEventListener('click', () => builderSend('/review'));
  $('#builder-done').addEventListener('click', () => builderSend('/done'));
  $('#builder-edit').addEventListener('change', (e) => { if (e.target.value) builderSend(`/edit ${e.target.value}`); e.target.value = ''; });
  $('#rewrite-accept').addEventListener('click', () => builderSend('/accept'));
  // Keeping one's own wording is simply going on (the builder drops the offer at the next answer).
  $('#rewrite-keep').addEventListener('click', () => { $('#rewrite').hidden = true; $('#builder-answer').focus(); });
  $('#builder-ai').addEventListener('click', (e) => withAi(e.currentTarget, async () => {
    if (!builder.sessionId) return;
    const turn = await invokeAi('builder_ai_rewrite', { sessionId: builder.sessionId });
    $('#rewrite').dataset.streaming = 'false';
    await renderBuilder(turn);
  }, {
    preview: ({ target, text }) => {
      if (target === 'summary' || target === 'experience') return;
      streaming($('#rewrite'), $('#rewrite-accept'));
      $('#rewrite-text').textContent = text;
    },
    end: () => settle($('#rewrite'), $('#rewrite-accept')),
  }));
  on('settings-changed', (s) => { for (const b of $$('#screen-builder .ai-only')) b.hidden = !s.ai_enabled; });
  // "Resume" on a builder session in the history.
  on('resume-session', resumeSession);
}

/** What this build can do (`Capabilities`): whether the builder is there, and its sections. */
export function setCapabilities(caps) {
  builder.available = caps.builder;
  builder.sections = caps.builder_sections ?? [];
  fillSectionOptions();
}

export function load() {
  $('#builder-unavailable').hidden = builder.available;
  $('#builder-start-row').hidden = !builder.available;
  $('#builder-start-import').hidden = !current.cv;
}

export async function relabel() {
  if (builder.last) renderCvPreview($('#builder-preview'), builder.last.cv_preview);
  await relabelChat();
  fillSectionOptions();
}

// The chat in the language just chosen: earlier turns said again from their phrases, the current
// turn by the builder (the CV keeps its own language).
async function relabelChat() {
  if (!builder.sessionId) return;
  const bots = [...$('#chat').querySelectorAll('li.bot')];
  const latest = bots.pop();
  const older = bots.filter((li) => li.phrases?.length);
  if (older.length) {
    const said = await invoke('builder_say_again', { messages: older.map((li) => li.phrases) });
    older.forEach((li, i) => { li.dataset.text = said[i]; li.lastChild.textContent = said[i]; });
  }
  for (const label of $$('#chat li.bot > .sr-only')) label.textContent = t('ui-builder-assistant') + ': ';
  for (const label of $$('#chat li.me > .sr-only')) label.textContent = t('ui-builder-you') + ': ';
  const now = await invoke('builder_view', { sessionId: builder.sessionId });
  latest?.remove();
  await renderBuilder(now, false);
}

/** @param {HTMLElement} target @param {import('../types/commands').Cv} cv */
function renderCvPreview(target, cv) {
  const p = cv.personal_info;
  const kids = [];
  // The CV's words take their own direction (dir="auto"); the section headings are the app's language.
  const own = { dir: 'auto' };
  if (p.name) kids.push(el('h3', { ...own, text: p.name }));
  if (p.headline) kids.push(el('p', { ...own, text: p.headline }));
  const contact = [p.email, p.phone, p.location].filter(Boolean);
  if (contact.length) kids.push(el('p', {}, ...contact.flatMap((c, i) => [i ? ' · ' : '', el('bdi', { text: c })])));
  if (cv.summary) kids.push(el('h3', { text: t('ui-section-summary') }), el('p', { ...own, text: cv.summary }));
  if (cv.experience.length) kids.push(el('h3', { text: t('ui-section-experience') }), el('ul', {}, ...cv.experience.map((x) =>
    el('li', own, [x.title, x.company].filter(Boolean).join(' — '), x.period ? el('span', { class: 'muted', text: ` (${x.period})` }) : null,
      x.achievements.length ? el('ul', {}, ...x.achievements.map((a) => el('li', { ...own, text: a }))) : null))));
  if (cv.education.length) kids.push(el('h3', { text: t('ui-section-education') }), el('ul', {}, ...cv.education.map((x) =>
    el('li', { ...own, text: [x.degree, x.field, x.school, x.years].filter(Boolean).join(' — ') }))));
  if (cv.skills.length) kids.push(el('h3', { text: t('ui-section-skills') }), el('p', { ...own, text: cv.skills.join(' · ') }));
  if (cv.languages.length) kids.push(el('h3', { text: t('ui-section-languages') }), el('p', { ...own, text: cv.languages.map((l) => l.level ? `${l.name} (${l.level})` : l.name).join(' · ') }));
  target.replaceChildren(...kids);
}

/** @param {import('../types/commands').BuilderTurn} r @param {boolean} [focus] */
async function renderBuilder(r, focus = true) {
  builder.last = r;
  builder.sessionId = r.session_id;
  $('#builder').hidden = false;
  $('#builder-progress').value = r.progress;
  $('#builder-minutes').textContent = await tc('ui-builder-minutes-left', r.estimated_minutes_left);
  $('#builder-missing').textContent = r.missing_sections.map((id) => t(`builder-section-${id}`)).join(listSep()) || '—';
  // The message already ends with the question; follow-up questions are added once, and a turn
  // that only changes the suggestion (AI wording) does not repeat the last bubble.
  const extra = r.next_questions.filter((q) => q && !r.message.includes(q));
  const text = [r.message, ...extra].filter(Boolean).join('\n');
  const last = [...$('#chat').querySelectorAll('li.bot')].pop();
  if (text && last?.dataset.text !== text) {
    const bubble = el('li', { class: 'bot', 'data-state': r.current_state, 'data-text': text }, el('span', { class: 'sr-only', text: t('ui-builder-assistant') + ': ' }), text);
    // Kept to say this turn again after a language switch (builder_say_again).
    bubble.phrases = r.message_phrases ?? [];
    $('#chat').append(bubble);
  }
  $('#chat').lastElementChild?.scrollIntoView({ block: 'nearest' });
  $('#rewrite').hidden = !r.pending_rewrite;
  $('#rewrite-text').textContent = r.pending_rewrite ?? '';
  renderCvPreview($('#builder-preview'), r.cv_preview);
  if (r.current_state === 'finalized') setCv({ cv: r.cv_preview, cvId: r.cv_id ?? current.cvId, versionId: r.version_id ?? null });
  if (focus) $('#builder-answer').focus();
}

function fillSectionOptions() {
  $('#builder-edit').replaceChildren(el('option', { value: '', text: '—' }),
    ...builder.sections.map((s) => el('option', { value: s, text: t(`builder-section-${s}`) })));
}

/** Starts a session: a new CV, or (`fromImport`) the CV on screen with its analysis's checks. */
export async function builderStart(fromImport) {
  clearErrors();
  $('#chat').replaceChildren();
  try {
    const args = fromImport && current.cv ? { cv: current.cv, cvId: current.cvId, atsChecks: current.analysis?.ats_checks ?? [] } : {};
    await renderBuilder(await invoke('builder_start', args));
  } catch (err) { showError(err); }
}

/** Sends an answer (or a command such as `/back`) to the session on screen. */
export async function builderSend(answer) {
  if (!builder.sessionId) return;
  // The person's own words keep their direction inside the other language's layout.
  if (answer.trim() && !answer.startsWith('/')) $('#chat').append(el('li', { class: 'me' }, el('span', { class: 'sr-only', text: t('ui-builder-you') + ': ' }), el('bdi', { text: answer })));
  try {
    await renderBuilder(await invoke('builder_answer', { sessionId: builder.sessionId, answer }));
  } catch (err) { showError(err); }
}

/** Opens a session from the history where it stopped. */
export async function resumeSession(id) {
  clearErrors();
  show('builder');
  $('#chat').replaceChildren();
  try {
    await renderBuilder(await invoke('builder_resume', { sessionId: id }));
  } catch (err) { showError(err); }
}
