// Job Gate web UI: plain ES modules, no bundler. Talks to Rust only through `invoke` (Tauri commands)
// and two events (file drops, analysis progress). Every string comes from locales/*/ui.ftl via the
// `ui_messages` command; failures arrive as the DESIGN §2 error JSON and are shown as cards.
// Who is using the app (picker, unlock, lock, Settings → Profile) is ui/people.js's; Settings → Sync is
// ui/sync.js's; Settings → Updates is ui/updates.js's.

import * as people from './people.js';
import * as sync from './sync.js';
import * as updates from './updates.js';

const tauri = window.__TAURI__;
const invoke = (cmd, args) => tauri.core.invoke(cmd, args);

const $ = (sel) => document.querySelector(sel);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
};

// ---- messages ---------------------------------------------------------------------------------
let messages = {};
let lang = 'en';

/** A message; `{ $name }` placeables are filled from `args` (Fluent already formatted the rest). */
function t(id, args = {}) {
  let text = messages[id] ?? id;
  for (const [k, v] of Object.entries(args)) text = text.replaceAll(`{$${k}}`, String(v));
  return text;
}

/** A message whose arguments are someone's own words (a name, a CV's title, a server): as nodes, each
 * argument isolated in <bdi> so its direction never reorders the sentence around it. */
function tb(id, args = {}) {
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
async function tc(id, count, args = {}) {
  return invoke('format_message', { id, count, args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)])) });
}

async function loadMessages(code) {
  const m = await invoke('ui_messages', code ? { lang: code } : {});
  messages = m.messages;
  lang = m.lang;
  document.documentElement.lang = m.lang;
  document.documentElement.dir = m.dir;
  document.title = t('ui-app-title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
}

// ---- errors -----------------------------------------------------------------------------------
function showError(err) {
  // Commands reject with the error JSON; anything else (a bug) still gets a readable card.
  const e = typeof err === 'object' && err && err.error_code ? err
    : { error: String(err), error_code: 'INTERNAL_ERROR', suggested_action: '' };
  const card = el('div', { class: 'error-card', role: 'alert', 'data-code': e.error_code },
    el('h2', { text: e.error || t('ui-error-title') }),
    e.suggested_action ? el('p', {}, el('strong', { text: t('ui-error-action') + ': ' }), e.suggested_action) : null,
    el('p', { class: 'code', text: e.error_code }),
    el('button', { type: 'button', text: t('ui-error-dismiss'), onclick: () => card.remove() }));
  $('#errors').replaceChildren(card);
  return e;
}
const clearErrors = () => $('#errors').replaceChildren();

// ---- navigation -------------------------------------------------------------------------------
const loaders = {};
// Switches screens. `focus`: the user asked for it (a navigation button), so the new screen's
// heading takes the focus and screen readers say where they are.
function show(screen, { focus = false } = {}) {
  for (const s of document.querySelectorAll('.screen')) s.hidden = s.id !== `screen-${screen}`;
  for (const b of document.querySelectorAll('button.nav')) {
    if (b.dataset.screen === screen) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  clearErrors();
  loaders[screen]?.();
  if (focus) {
    const heading = document.querySelector(`#screen-${screen} h1`);
    heading.tabIndex = -1;
    heading.focus();
  }
}

// Says `text` to screen readers without moving the focus.
function announce(text) {
  $('#announce').textContent = '';
  requestAnimationFrame(() => { $('#announce').textContent = text; });
}

// ---- the current CV (shared by import, builder and export) -------------------------------------
const current = { cv: null, cvId: null, versionId: null, analysis: null, fileName: null, exportPath: null, settings: null };

// Runs an AI request from `button`. While it runs (the answer streams in over seconds) the same
// button stops it; a stop is the user's choice, not an error, so it shows no error card.
const aiCall = { button: null, stopped: false, waiting: false };

// An AI command whose answer streams in as `ai-preview` events. Events and the command's answer
// travel separately, so a preview arriving after the answer is dropped instead of reopening the card.
async function invokeAi(cmd, args) {
  aiCall.waiting = true;
  try { return await invoke(cmd, args); } finally { aiCall.waiting = false; }
}
async function withAi(button, run) {
  if (aiCall.button === button) { aiCall.stopped = true; invoke('ai_cancel').catch(() => {}); return; }
  if (aiCall.button) return;
  clearErrors();
  const label = button.textContent;
  Object.assign(aiCall, { button, stopped: false });
  button.setAttribute('aria-busy', 'true');
  button.textContent = t('ui-ai-stop');
  try { await run(); } catch (err) {
    if (!aiCall.stopped) showError(err);
  } finally {
    aiCall.button = null;
    button.removeAttribute('aria-busy');
    button.textContent = label;
    for (const card of [$('#summary-draft'), $('#rewrite'), ...document.querySelectorAll('.ai-entry-draft')]) {
      // Still streaming when the call is over: it failed or was stopped, so the half answer goes.
      if (card.dataset.streaming === 'true') { card.dataset.streaming = 'false'; card.hidden = true; }
      card.removeAttribute('aria-busy');
      card.querySelector('button.primary')?.removeAttribute('disabled');
    }
    $('#summary-draft-use').disabled = false;
    $('#rewrite-accept').disabled = false;
  }
}

// A streamed AI answer so far: shown in its card at once, to be accepted when it is complete.
function showAiPreview({ target, index, text }) {
  if (!aiCall.waiting) return;
  if (target === 'experience') {
    const card = document.querySelector(`[data-ai-entry="${aiCall.entry}"]`);
    if (!card) return;
    const list = card.querySelector('ol');
    while (list.children.length <= index) list.append(el('li'));
    list.children[index].textContent = text;
    card.hidden = false;
    card.dataset.streaming = 'true';
    card.setAttribute('aria-busy', 'true');
    card.querySelector('button.primary').disabled = true;
    return;
  }
  const [card, body, accept] = target === 'summary'
    ? ['#summary-draft', '#summary-draft-text', '#summary-draft-use'] : ['#rewrite', '#rewrite-text', '#rewrite-accept'];
  $(card).hidden = false;
  $(card).dataset.streaming = 'true';
  $(card).setAttribute('aria-busy', 'true');
  $(body).textContent = text;
  $(accept).disabled = true;
}

// ---- import & analyse -------------------------------------------------------------------------
const stageMessage = { reading: 'ui-progress-reading', extracting: 'ui-progress-extracting', scoring: 'ui-progress-scoring', ai: 'ui-progress-ai', saving: 'ui-progress-saving', done: 'ui-progress-done' };

/**
 * Imports a CV: `file` is what the open dialog or a drop on the window gave (a token with the name to
 * show; the shell takes no paths from the page). Without it, the open dialog asks first.
 */
async function importPath(file) {
  if (!file) {
    try { file = await invoke('pick_cv_file'); } catch (err) { return showError(err); }
    if (!file) return null;
  }
  clearErrors();
  show('import');
  $('#import-progress').hidden = false;
  $('#import-progress-bar').value = 0;
  $('#import-progress-text').textContent = t('ui-import-working');
  $('#choose-file').disabled = true;
  try {
    const result = await invoke('analyze_path', { token: file.token });
    current.cv = result.analysis.structured_data;
    current.cvId = result.cv_id;
    current.versionId = result.version_id;
    current.analysis = result.analysis;
    current.fileName = result.file_name;
    await renderAnalysis();
    announce(t('ui-analysis-done', { score: Math.round(result.analysis.ats_score * 10) / 10 }));
    return result;
  } catch (err) {
    $('#analysis').hidden = true;
    return showError(err);
  } finally {
    $('#import-progress').hidden = true;
    $('#choose-file').disabled = false;
  }
}

/** A message of the engine as nodes: the CV's own words isolated in <bdi>, so their direction
 * never disturbs the sentence around them (bidi decided once, in the engine's segments). */
const said = (segments) => segments.map((s) => (s.cv ? el('bdi', { text: s.text }) : s.text));

// The analysis screen lays out the engine's view of the analysis (crates/engine/src/view.rs): band,
// labels, check status and messages are decided there, in the current language.
async function renderAnalysis() {
  const a = current.analysis;
  if (!a) return;
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
  renderEditor(current.cv);
  $('#cv-save-result').textContent = '';
}

// The editor: one fieldset per section; lists are one item per line.
const lines = (v) => v.split('\n').map((s) => s.trim()).filter(Boolean);
function field(labelId, value, onChange, { multiline = false, type = 'text', wide = false, bdi = false } = {}) {
  const input = multiline ? el('textarea', { rows: 3 }) : el('input', { type, dir: bdi ? 'auto' : null });
  input.value = value ?? '';
  input.addEventListener('input', () => onChange(input.value));
  return el('label', { class: wide ? 'wide' : null }, t(labelId), input);
}
function renderEditor(cv) {
  const form = $('#cv-editor');
  if (!cv) { form.replaceChildren(); return; }
  const p = cv.personal_info;
  const section = (titleId, ...kids) => el('fieldset', {}, el('legend', { text: t(titleId) }), ...kids);
  const empty = () => el('p', { class: 'muted wide', text: t('ui-empty-section') });
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
    section('ui-section-skills', field('ui-field-list', cv.skills.join('\n'), (v) => (cv.skills = lines(v)), { multiline: true, wide: true })),
    section('ui-section-achievements', field('ui-field-list', cv.achievements.join('\n'), (v) => (cv.achievements = lines(v)), { multiline: true, wide: true })),
    section('ui-section-certifications', field('ui-field-list', cv.certifications.join('\n'), (v) => (cv.certifications = lines(v)), { multiline: true, wide: true })),
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
    aiCall.entry = entry;
    list.replaceChildren();
    const wordings = await invokeAi('ai_rewrite_experience', { cv: current.cv, entry });
    list.replaceChildren(...wordings.map((w) => el('li', { text: w })));
    card.dataset.streaming = 'false';
    card.removeAttribute('aria-busy');
    card.hidden = false;
    use.focus();
  }));
  use.addEventListener('click', () => {
    job.achievements = [...list.querySelectorAll('li')].map((li) => li.textContent);
    renderEditor(current.cv);
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

async function chooseFile() {
  await importPath();
}

// ---- builder ----------------------------------------------------------------------------------
const builder = { available: false, sessionId: null, last: null };

function renderCvPreview(target, cv) {
  const p = cv.personal_info;
  const kids = [];
  if (p.name) kids.push(el('h3', { text: p.name }));
  if (p.headline) kids.push(el('p', { text: p.headline }));
  const contact = [p.email, p.phone, p.location].filter(Boolean);
  if (contact.length) kids.push(el('p', {}, ...contact.flatMap((c, i) => [i ? ' · ' : '', el('bdi', { text: c })])));
  if (cv.summary) kids.push(el('h3', { text: t('ui-section-summary') }), el('p', { text: cv.summary }));
  if (cv.experience.length) kids.push(el('h3', { text: t('ui-section-experience') }), el('ul', {}, ...cv.experience.map((x) =>
    el('li', {}, [x.title, x.company].filter(Boolean).join(' — '), x.period ? el('span', { class: 'muted', text: ` (${x.period})` }) : null,
      x.achievements.length ? el('ul', {}, ...x.achievements.map((a) => el('li', { text: a }))) : null))));
  if (cv.education.length) kids.push(el('h3', { text: t('ui-section-education') }), el('ul', {}, ...cv.education.map((x) =>
    el('li', { text: [x.degree, x.field, x.school, x.years].filter(Boolean).join(' — ') }))));
  if (cv.skills.length) kids.push(el('h3', { text: t('ui-section-skills') }), el('p', { text: cv.skills.join(' · ') }));
  if (cv.languages.length) kids.push(el('h3', { text: t('ui-section-languages') }), el('p', { text: cv.languages.map((l) => l.level ? `${l.name} (${l.level})` : l.name).join(' · ') }));
  target.replaceChildren(...kids);
}

async function renderBuilder(r, focus = true) {
  builder.last = r;
  builder.sessionId = r.session_id;
  $('#builder').hidden = false;
  $('#builder-progress').value = r.progress;
  $('#builder-minutes').textContent = await tc('ui-builder-minutes-left', r.estimated_minutes_left);
  $('#builder-missing').textContent = r.missing_sections.map((id) => t(`builder-section-${id}`)).join(lang === 'ar' ? '، ' : ', ') || '—';
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
  if (r.current_state === 'finalized') {
    current.cv = r.cv_preview;
    current.cvId = r.cv_id ?? current.cvId;
    current.versionId = r.version_id ?? null;
  }
  if (focus) $('#builder-answer').focus();
}

// The chat in the language just chosen: earlier turns said again from their phrases, the current
// turn by the builder (the CV keeps its own language).
async function relabelBuilder() {
  if (!builder.sessionId) return;
  const bots = [...$('#chat').querySelectorAll('li.bot')];
  const current = bots.pop();
  const older = bots.filter((li) => li.phrases?.length);
  if (older.length) {
    const said = await invoke('builder_say_again', { messages: older.map((li) => li.phrases) });
    older.forEach((li, i) => { li.dataset.text = said[i]; li.lastChild.textContent = said[i]; });
  }
  for (const li of $('#chat').querySelectorAll('li.bot > .sr-only')) li.textContent = t('ui-builder-assistant') + ': ';
  for (const li of $('#chat').querySelectorAll('li.me > .sr-only')) li.textContent = t('ui-builder-you') + ': ';
  const now = await invoke('builder_view', { sessionId: builder.sessionId });
  current?.remove();
  await renderBuilder(now, false);
}

function fillSectionOptions() {
  $('#builder-edit').replaceChildren(el('option', { value: '', text: '—' }),
    ...(builder.sections ?? []).map((s) => el('option', { value: s, text: t(`builder-section-${s}`) })));
}

async function builderStart(fromImport) {
  clearErrors();
  $('#chat').replaceChildren();
  try {
    const args = fromImport && current.cv ? { cv: current.cv, cvId: current.cvId, atsChecks: current.analysis?.ats_checks ?? [] } : {};
    await renderBuilder(await invoke('builder_start', args));
  } catch (err) { showError(err); }
}

async function builderSend(answer) {
  if (!builder.sessionId) return;
  if (answer.trim() && !answer.startsWith('/')) $('#chat').append(el('li', { class: 'me' }, el('span', { class: 'sr-only', text: t('ui-builder-you') + ': ' }), answer));
  try {
    await renderBuilder(await invoke('builder_answer', { sessionId: builder.sessionId, answer }));
  } catch (err) { showError(err); }
}

// ---- export -----------------------------------------------------------------------------------
const exporter = { available: false, templates: [], cv: null, langChosen: false };

async function loadExport() {
  $('#export-nothing').hidden = !!current.cv;
  // Headings in the CV's own language, until the user picks one for this CV.
  if (current.cv && exporter.cv !== current.cv) {
    exporter.cv = current.cv;
    exporter.langChosen = false;
  }
  if (current.cv && !exporter.langChosen) {
    const code = await invoke('cv_language', { cv: current.cv }).catch(() => 'en');
    for (const r of document.querySelectorAll('input[name="export-lang"]')) r.checked = r.value === code;
  }
  try {
    exporter.templates = await invoke('export_templates');
    exporter.available = true;
  } catch (err) {
    exporter.available = false;
    if (err?.error_code !== 'EXPORT_FAILED') showError(err);
  }
  $('#export-unavailable').hidden = exporter.available;
  $('#export-save').disabled = !exporter.available || !current.cv;
  const chosen = document.querySelector('input[name="template"]:checked')?.value;
  $('#templates').replaceChildren(...exporter.templates.map((tpl, i) => el('label', { class: 'template' },
    el('span', {}, el('input', { type: 'radio', name: 'template', value: tpl.name, checked: chosen ? chosen === tpl.name : i === 0 }), ' ', el('strong', { text: tpl.title || tpl.name })),
    el('span', { class: 'muted', text: tpl.description || '' }))));
  refreshPreview();
}

// Page 1 of the PDF in the chosen template and language, drawn by the engine as SVG. A newer
// request wins: answers to older ones (the user clicked on) are dropped.
let previewRequest = 0;
async function refreshPreview() {
  const template = document.querySelector('input[name="template"]:checked')?.value;
  const lang = document.querySelector('input[name="export-lang"]:checked').value;
  const box = $('#export-preview');
  box.hidden = !exporter.available || !current.cv || !template;
  if (box.hidden) return;
  const request = ++previewRequest;
  $('#export-preview-working').textContent = t('ui-export-preview-working');
  try {
    const svg = await invoke('export_preview', { cv: current.cv, template, lang });
    if (request !== previewRequest) return;
    const img = $('#export-preview-page');
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    const title = exporter.templates.find((x) => x.name === template)?.title ?? template;
    img.alt = t('ui-export-preview-alt', { template: title });
    $('#export-preview-working').textContent = '';
  } catch (err) {
    if (request !== previewRequest) return;
    box.hidden = true;
    showError(err);
  }
}

/** Exports the CV on screen to `place` (what the save dialog gave); without it, the save dialog asks first. */
async function exportCv(place) {
  const template = document.querySelector('input[name="template"]:checked')?.value;
  const format = document.querySelector('input[name="format"]:checked').value;
  const cvLang = document.querySelector('input[name="export-lang"]:checked').value;
  try {
    if (!place) {
      const suggested = await invoke('default_export_name', { cv: current.cv, format });
      place = await invoke('pick_save_path', { suggested, format });
      if (!place) return null;
    }
    const written = await invoke('export_cv', { cv: current.cv, versionId: current.versionId, template, format, lang: cvLang, token: place.token });
    current.exportPath = written;
    $('#export-path').textContent = written;
    $('#export-result').hidden = false;
    return written;
  } catch (err) { return showError(err); }
}

// ---- history ----------------------------------------------------------------------------------
const sourceLabel = (src) => t(`ui-history-source-${src}`);

async function loadHistory() {
  try {
    const h = await invoke('history');
    const item = (label, ...actions) => el('li', {}, el('span', {}, ...[label].flat()), el('span', { class: 'button-row' }, ...actions));
    const empty = () => el('li', { class: 'muted', text: t('ui-history-empty') });
    const cvs = await Promise.all(h.cvs.map(async (c) => {
      const row = item([el('bdi', { text: c.title }), ` · ${await tc('ui-history-versions', c.versions)} · ${c.created_at}`],
        el('button', { type: 'button', text: t('ui-history-open'), onclick: () => openVersion(c.id, c.latest_version) }),
        c.versions > 1 ? el('button', { type: 'button', class: 'compare-cv', text: t('ui-history-compare'), onclick: () => openCompare(c) }) : null,
        el('button', { type: 'button', class: 'export-json-cv', text: t('ui-moves-json-export'), 'aria-label': `${t('ui-moves-json-export')}: ${c.title}`, onclick: () => exportJsonResume(c) }),
        el('button', { type: 'button', class: 'danger delete-cv', text: t('ui-history-delete'), 'aria-label': `${t('ui-history-delete')}: ${c.title}`, onclick: () => askDeleteCv(c) }));
      row.dataset.cv = String(c.id);
      return row;
    }));
    $('#history-cvs').replaceChildren(...(cvs.length ? cvs : [empty()]));
    $('#history-analyses').replaceChildren(...(h.analyses.length ? h.analyses.map((a) => item([el('bdi', { text: a.file_name }), ` · ${t('ui-history-score', { score: a.ats_score })} · ${a.created_at}`],
      el('button', { type: 'button', text: t('ui-history-open'), onclick: () => openAnalysis(a) }))) : [empty()]));
    $('#history-exports').replaceChildren(...(h.exports.length ? h.exports.map((x) => item([el('bdi', { text: x.path }), ` · ${x.format.toUpperCase()} · ${x.template} · ${x.created_at}`],
      el('button', { type: 'button', text: t('ui-export-show'), onclick: () => invoke('reveal_in_folder', { path: x.path }).catch(showError) }))) : [empty()]));
    const sessions = await Promise.all(h.sessions.map(async (s) => item(
      `${t('ui-history-session', { state: t(s.current_state === 'finalized' ? 'ui-history-session-done' : 'ui-history-session-open') })} · ${await tc('ui-history-session-turns', s.turns)} · ${s.updated_at}`,
      el('button', { type: 'button', class: 'resume-session', text: t('ui-history-resume'), onclick: () => resumeSession(s.id) }))));
    $('#history-sessions').replaceChildren(...(sessions.length ? sessions : [empty()]));
  } catch (err) { showError(err); }
}

// JSON Resume: the file is chosen in a native dialog Rust opens; the page never sends a path.
async function exportJsonResume(c) {
  try {
    const path = await invoke('export_json_resume', { versionId: c.latest_version });
    if (path == null) return;
    $('#history-result').textContent = t('ui-moves-json-exported', { path });
    await loadHistory();
  } catch (err) { showError(err); }
}

async function importJsonResume() {
  try {
    const got = await invoke('import_json_resume');
    if (got == null) return;
    $('#history-result').replaceChildren(...tb('ui-moves-json-imported', { name: got.name }));
    await loadHistory();
  } catch (err) { showError(err); }
}

const pendingDelete = { cv: null };
function askDeleteCv(c) {
  pendingDelete.cv = c;
  $('#confirm-delete-cv-text').replaceChildren(...tb('ui-history-delete-confirm', { title: c.title }));
  $('#confirm-delete-cv').showModal();
}

async function deleteCv(cvId) {
  try {
    const done = await invoke('delete_cv', { cvId });
    if (current.cvId === cvId) Object.assign(current, { cvId: null, versionId: null });
    if (compare.cvId === cvId) closeCompare();
    // The rows are gone; when the database could not be compacted at once, say that traces may stay a while.
    $('#history-result').textContent = done?.wal_checkpointed === false
      ? `${t('ui-history-deleted')} ${t('ui-history-deleted-not-compacted')}` : t('ui-history-deleted');
    await loadHistory();
    return true;
  } catch (err) { showError(err); return false; }
}

const compare = { cvId: null };
async function openCompare(c) {
  try {
    const versions = await invoke('cv_versions', { cvId: c.id });
    compare.cvId = c.id;
    const options = () => versions.map((v) => el('option', { value: String(v.id),
      text: t('ui-history-version', { number: v.number, source: sourceLabel(v.source), date: v.created_at }) }));
    $('#compare-old').replaceChildren(...options());
    $('#compare-new').replaceChildren(...options());
    $('#compare-old').value = String(versions[Math.max(0, versions.length - 2)].id);
    $('#compare-new').value = String(versions[versions.length - 1].id);
    $('#compare-cv').replaceChildren(el('bdi', { text: c.title }));
    $('#compare').hidden = false;
    await showDiff();
    $('#compare-title').scrollIntoView({ block: 'start' });
    $('#compare-old').focus();
  } catch (err) { showError(err); }
}

function closeCompare() {
  compare.cvId = null;
  $('#compare').hidden = true;
  $('#diff').replaceChildren();
}

// Lays out the engine's compare view (crates/engine/src/view.rs): labels, marks and notes are decided there.
async function showDiff() {
  try {
    const view = await invoke('diff_versions', { old: Number($('#compare-old').value), new: Number($('#compare-new').value) });
    const line = (l) => {
      const label = el('span', { class: 'sr-only', text: `${l.label}: ` });
      const body = l.change === 'changed'
        ? [el('del', { dir: 'auto', text: l.old }), el('span', { 'aria-hidden': 'true', text: ' → ' }), el('ins', { dir: 'auto', text: l.new })]
        : l.change === 'removed' ? [el('del', { dir: 'auto', text: l.old })]
          : l.change === 'added' ? [el('ins', { dir: 'auto', text: l.new })] : [el('span', { dir: 'auto', text: l.new })];
      return el('li', { class: `diff-${l.change}`, title: l.label }, el('span', { class: 'diff-mark', 'aria-hidden': 'true', text: l.mark }), label, ...body);
    };
    $('#diff').replaceChildren(
      view.note ? el('p', { class: 'muted', text: view.note }) : null,
      ...view.sections.map((s) => el('section', { class: s.changed ? 'diff-section changed' : 'diff-section', 'data-section': s.section },
        el('h3', { text: s.title }),
        s.changed ? el('ul', { role: 'list' }, ...s.lines.map(line)) : el('p', { class: 'muted', text: s.note }))));
    return view;
  } catch (err) { return showError(err); }
}

async function resumeSession(id) {
  clearErrors();
  show('builder');
  $('#chat').replaceChildren();
  try {
    await renderBuilder(await invoke('builder_resume', { sessionId: id }));
  } catch (err) { showError(err); }
}

async function openAnalysis(a) {
  try {
    current.analysis = await invoke('open_analysis', { id: a.id });
    current.cv = current.analysis.structured_data;
    current.cvId = a.cv_id;
    current.versionId = a.version_id;
    current.fileName = a.file_name;
    show('import');
    await renderAnalysis();
  } catch (err) { showError(err); }
}

async function openVersion(cvId, versionId) {
  try {
    current.cv = await invoke('open_version', { id: versionId });
    current.cvId = cvId;
    current.versionId = versionId;
    show('export');
  } catch (err) { showError(err); }
}

// ---- match: rank CVs against a job description ------------------------------------------------
const matcher = { files: [], last: null, historyLoaded: false };
const listSep = () => (lang === 'ar' ? '، ' : ', ');

/** Skill names, each isolated in a <bdi> so Latin names keep their order in Arabic text. */
function skillList(names) {
  if (!names?.length) return el('span', { class: 'muted', text: '—' });
  return el('span', {}, ...names.flatMap((n, i) => [i ? listSep() : '', el('bdi', { text: n })]));
}

function renderMatchFiles() {
  const list = $('#match-files');
  if (!matcher.files.length) { list.replaceChildren(el('li', { class: 'muted', text: t('ui-match-no-files') })); return; }
  list.replaceChildren(...matcher.files.map((f) => el('li', {},
    el('bdi', { text: f.name, title: f.path }),
    el('button', { type: 'button', class: 'small', text: t('ui-match-remove'), 'aria-label': `${t('ui-match-remove')}: ${f.name}`,
      onclick: () => { matcher.files = matcher.files.filter((x) => x !== f); renderMatchFiles(); } }))));
}

/** Adds chosen CV files (tokens from a dialog or a drop, with their names) to the list, each once. */
function addMatchFiles(files) {
  for (const f of files) if (f && !matcher.files.some((x) => x.path === f.path)) matcher.files.push(f);
  renderMatchFiles();
  return matcher.files.map((f) => f.path);
}

/** "Add files…": the open dialog for several CVs. */
async function pickMatchFiles() {
  try { return addMatchFiles(await invoke('pick_cv_files')); } catch (err) { return showError(err); }
}

/** Adds the CVs in a folder (what the folder dialog or a drop gave); without it, the dialog asks first. */
async function addMatchFolder(folder) {
  try {
    if (!folder) folder = await invoke('pick_cv_folder');
    if (!folder) return null;
    return addMatchFiles(await invoke('list_cv_folder', { token: folder.token }));
  } catch (err) { return showError(err); }
}

async function loadMatch() {
  renderMatchFiles();
  try {
    const h = await invoke('history');
    const chosen = new Set([...document.querySelectorAll('#match-history input:checked')].map((c) => Number(c.value)));
    const box = $('#match-history');
    if (!h.cvs.length) { box.replaceChildren(el('p', { class: 'muted', text: t('ui-match-history-empty') })); return; }
    box.replaceChildren(...h.cvs.map((c) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(c.id), checked: chosen.has(c.id) }),
      el('span', {}, el('bdi', { text: c.title }), el('span', { class: 'muted', text: ` · ${c.created_at}` })))));
  } catch (err) { showError(err); }
}

/** Opens a job description file (the dialog when none is given) into the editable box. */
async function openJobFile(file) {
  try {
    if (!file) file = await invoke('pick_job_file');
    if (!file) return null;
    const text = await invoke('read_job_file', { token: file.token });
    $('#match-job').value = text;
    return text;
  } catch (err) { return showError(err); }
}

async function rankCvs() {
  clearErrors();
  const cvIds = [...document.querySelectorAll('#match-history input:checked')].map((c) => Number(c.value));
  $('#match-progress').hidden = false;
  $('#match-progress-bar').value = 0;
  $('#match-progress-text').textContent = t('ui-match-working');
  $('#match-status').textContent = t('ui-match-working');
  $('#match-rank').disabled = true;
  try {
    const view = await invoke('match_rank', { jobText: $('#match-job').value, files: matcher.files.map((f) => f.token), cvIds });
    matcher.last = view;
    await renderMatch(view);
    return view;
  } catch (err) {
    $('#match-status').textContent = '';
    return showError(err);
  } finally {
    $('#match-progress').hidden = true;
    $('#match-rank').disabled = false;
  }
}

async function renderMatch(view) {
  if (!view) return;
  $('#match-results').hidden = false;
  $('#match-csv-result').textContent = '';
  const j = view.job;
  // The job's title is the job description's own words: isolated.
  const rows = [el('p', {}, el('strong', {}, j.title ? el('bdi', { text: j.title }) : t('ui-match-job-untitled')))];
  if (j.required.length) rows.push(el('p', {}, `${t('ui-match-required')}: `, skillList(j.required)));
  if (j.preferred.length) rows.push(el('p', {}, `${t('ui-match-preferred')}: `, skillList(j.preferred)));
  if (j.min_years != null) rows.push(el('p', { text: await tc('ui-match-min-years', Math.ceil(j.min_years), { years: j.min_years }) }));
  $('#match-job-summary').replaceChildren(...rows);
  const count = await tc('ui-match-ranked', view.ranking.length);
  $('#match-count').textContent = count;
  $('#match-status').textContent = count;
  $('#match-rows').replaceChildren(...view.ranking.flatMap((r, i) => {
    const id = `match-reasons-${i}`;
    const who = r.name || r.file_name;
    const toggle = el('button', { type: 'button', class: 'small', 'aria-expanded': 'false', 'aria-controls': id,
      'aria-label': t('ui-match-reasons-for', { name: who }), text: t('ui-match-show-reasons') });
    const details = el('tr', { id, class: 'reasons-row', hidden: true },
      el('td', { colspan: '6' }, el('ul', { class: 'reasons' }, ...r.components.map((c) => el('li', { 'data-component': c.id },
        el('span', { class: 'points', text: t('ui-match-points', { points: c.points, max: c.max_points }) }), ' ', c.reason)))));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      details.hidden = !open;
    });
    // The band, its label and the score's words are the engine's (crates/engine/src/view.rs).
    return [el('tr', { class: 'ranked', 'data-file': r.file, 'data-band': r.band },
      el('td', { class: 'rank', text: String(r.rank) }),
      el('th', { scope: 'row' }, el('bdi', { class: 'file', text: r.file_name, title: r.file }),
        r.name ? el('div', { class: 'muted' }, el('bdi', { text: r.name })) : null,
        r.cv_id != null ? el('div', { class: 'tag', text: t('ui-match-from-history-tag') }) : null),
      el('td', { class: `score ${r.band}`, title: r.band_label }, el('strong', { text: r.score_label }), el('span', { class: 'sr-only', text: ` ${r.band_label}` })),
      el('td', {}, skillList(r.matched)),
      el('td', {}, skillList(r.missing)),
      el('td', {}, toggle)), details];
  }));
  $('#match-failed-block').hidden = view.failed.length === 0;
  $('#match-failed').replaceChildren(...view.failed.map((f) => el('li', { class: 'error-card', 'data-code': f.error_code },
    el('p', {}, el('bdi', { class: 'file', text: f.file_name, title: f.file }), ': ', f.error),
    f.suggested_action ? el('p', {}, el('strong', { text: t('ui-error-action') + ': ' }), f.suggested_action) : null,
    el('p', { class: 'code', text: f.error_code }))));
  $('#match-save-csv').disabled = view.ranking.length === 0;
}

/** Saves the ranking as CSV (the save dialog when no place is given). */
async function saveMatchCsv(place) {
  try {
    if (!place) place = await invoke('pick_csv_path');
    if (!place) return null;
    const written = await invoke('save_match_csv', { token: place.token });
    $('#match-csv-result').replaceChildren(`${t('ui-match-csv-saved')}: `, el('bdi', { text: written }));
    return written;
  } catch (err) { return showError(err); }
}

// ---- one CV against a job description (analysis view) -----------------------------------------
async function checkFit(jobText) {
  clearErrors();
  if (!current.analysis) return null;
  if (jobText != null) $('#fit-job').value = jobText;
  try {
    // The CV as corrected on screen, with the analysis it came from.
    const analysis = { ...current.analysis, structured_data: current.cv };
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

// ---- settings and status ----------------------------------------------------------------------
function renderSettings(s) {
  current.settings = s;
  for (const b of document.querySelectorAll('.ai-only')) b.hidden = !s.ai_enabled;
  // The computer's policy may turn AI off: the controls stay visible, disabled, with the reason.
  $('#ai-blocked').hidden = !s.ai_blocked;
  if (s.ai_blocked) $('#ai-blocked').textContent = t('ui-settings-ai-blocked', { reason: s.ai_blocked });
  for (const id of ['#ai-enabled', '#ai-key', '#ai-key-save', '#ai-url', '#ai-model', '#ai-server-save']) $(id).disabled = Boolean(s.ai_blocked);
  $('#ai-server').replaceChildren(...tb('ui-settings-ai-server', { host: s.ai_origin || s.ai_host }));
  $('#ai-url').value = s.ai_base_url;
  $('#ai-model').value = s.ai_model;
  $(`#lang-${s.lang}`).checked = true;
  $('#ai-enabled').checked = s.ai_enabled;
  $('#ai-key').value = '';
  $('#ai-key-state').textContent = s.ai_key_saved ? t('ui-settings-ai-key-saved', { hint: s.ai_key_hint }) : t('ui-settings-ai-key-none');
  $('#ai-key-delete').disabled = !s.ai_key_saved;
  $('#data-folder').textContent = s.data_dir;
}
async function loadSettings() {
  try { renderSettings(await invoke('get_settings')); } catch (err) { showError(err); }
}
async function setLanguage(code) {
  try {
    const s = await invoke('set_language', { lang: code });
    await loadMessages(s.lang);
    renderSettings(s);
    await renderAnalysis();
    // A job fit on screen is worked out again in the new language; results of earlier actions, said
    // in the old one, are cleared.
    if ($('#fit-result').childElementCount && $('#fit-job').value.trim()) await checkFit();
    for (const id of ['#history-result', '#cv-save-result', '#match-csv-result']) $(id).textContent = '';
    if (builder.last) renderCvPreview($('#builder-preview'), builder.last.cv_preview);
    await relabelBuilder();
    fillSectionOptions();
    renderMatchFiles();
    if (matcher.last) {
      // The same ranking, its reasons and bands said in the new language.
      const again = await invoke('match_relabel');
      if (again) matcher.last = again;
      await renderMatch(matcher.last);
    }
    await sync.relabel();
    await updates.relabel();
    $('#settings-result').textContent = t('ui-settings-saved');
  } catch (err) { showError(err); }
}
async function loadStatus() {
  try {
    const s = await invoke('status');
    $('#status-storage').replaceChildren(el('span', { class: s.storage_ok ? 'ok' : 'bad', text: s.storage_ok ? t('ui-status-storage-ok') : t('ui-status-storage-problem', { reason: s.storage_problem }) }));
    const ai = !s.ai_enabled ? ['', 'ui-status-ai-off'] : !s.ai_key_saved ? ['bad', 'ui-status-ai-no-key']
      : s.ai_reachable ? ['ok', 'ui-status-ai-reachable'] : ['bad', 'ui-status-ai-unreachable'];
    $('#status-ai').replaceChildren(el('span', { class: ai[0], text: t(ai[1]) }));
    const syncState = !s.sync?.enabled ? ['', t('ui-status-sync-off')]
      : s.sync_server_ok ? ['ok', t('ui-status-sync-ok')] : ['bad', t('ui-status-sync-down')];
    $('#status-sync').replaceChildren(el('span', { class: syncState[0], text: syncState[1] }),
      ...(s.sync?.enabled ? [el('br'), el('span', { id: 'status-sync-line' }, ...(await sync.line(s.sync)))] : []));
    $('#status-version').textContent = s.version;
    $('#status-data-folder').textContent = s.data_dir;
  } catch (err) { showError(err); }
}

// ---- wiring -----------------------------------------------------------------------------------
function wire() {
  for (const b of document.querySelectorAll('button.nav')) b.addEventListener('click', () => show(b.dataset.screen, { focus: true }));
  $('#choose-file').addEventListener('click', chooseFile);
  $('#cv-save').addEventListener('click', saveEdits);
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
  $('#export-form').addEventListener('submit', (e) => { e.preventDefault(); exportCv(); });
  $('#export-form').addEventListener('change', (e) => {
    if (e.target.name === 'export-lang') exporter.langChosen = true;
    if (e.target.name === 'template' || e.target.name === 'export-lang') refreshPreview();
  });
  $('#export-show').addEventListener('click', () => current.exportPath && invoke('reveal_in_folder', { path: current.exportPath }).catch(showError));
  $('#history-refresh').addEventListener('click', loadHistory);
  $('#history-import-json').addEventListener('click', importJsonResume);
  $('#confirm-delete-cv').addEventListener('close', () => {
    const c = pendingDelete.cv;
    pendingDelete.cv = null;
    if ($('#confirm-delete-cv').returnValue === 'confirm' && c) deleteCv(c.id);
  });
  $('#compare-form').addEventListener('submit', (e) => { e.preventDefault(); showDiff(); });
  $('#compare-close').addEventListener('click', closeCompare);
  $('#match-form').addEventListener('submit', (e) => { e.preventDefault(); rankCvs(); });
  $('#match-job-open').addEventListener('click', () => openJobFile());
  $('#match-add-files').addEventListener('click', () => pickMatchFiles());
  $('#match-add-folder').addEventListener('click', async () => {
    await addMatchFolder();
  });
  $('#match-clear').addEventListener('click', () => { matcher.files = []; renderMatchFiles(); });
  $('#match-save-csv').addEventListener('click', () => saveMatchCsv());
  $('#fit-form').addEventListener('submit', (e) => { e.preventDefault(); checkFit(); });
  for (const r of document.querySelectorAll('input[name="lang"]')) r.addEventListener('change', () => setLanguage(r.value));
  $('#ai-enabled').addEventListener('change', async (e) => {
    // Turning AI on the first time (per profile and server) says what is sent where, and asks.
    if (e.target.checked && !current.settings?.ai_consented) {
      $('#confirm-ai-text').replaceChildren(...tb('ui-settings-ai-consent', { host: current.settings?.ai_origin || current.settings?.ai_host || '' }));
      $('#confirm-ai').showModal();
      return;
    }
    try { renderSettings(await invoke('set_ai_enabled', { enabled: e.target.checked })); } catch (err) { showError(err); }
  });
  $('#confirm-ai').addEventListener('close', async () => {
    if ($('#confirm-ai').returnValue !== 'confirm') { $('#ai-enabled').checked = false; return; }
    try { renderSettings(await invoke('set_ai_enabled', { enabled: true, consent: true })); } catch (err) { showError(err); }
  });
  $('#builder-ai').addEventListener('click', (e) => withAi(e.currentTarget, async () => {
    if (!builder.sessionId) return;
    const turn = await invokeAi('builder_ai_rewrite', { sessionId: builder.sessionId });
    $('#rewrite').dataset.streaming = 'false';
    await renderBuilder(turn);
  }));
  $('#ai-summary').addEventListener('click', (e) => withAi(e.currentTarget, async () => {
    if (!current.cv) return;
    $('#summary-draft-text').textContent = await invokeAi('ai_draft_summary', { cv: current.cv });
    $('#summary-draft').hidden = false;
    $('#summary-draft').dataset.streaming = 'false';
    $('#summary-draft').removeAttribute('aria-busy');
    $('#summary-draft-use').focus();
  }));
  $('#summary-draft-use').addEventListener('click', () => {
    current.cv.summary = $('#summary-draft-text').textContent;
    $('#summary-draft').hidden = true;
    renderEditor(current.cv);
    $('#cv-save').focus();
  });
  $('#summary-draft-drop').addEventListener('click', () => { $('#summary-draft').hidden = true; $('#ai-summary').focus(); });
  $('#ai-server-save').addEventListener('click', async () => {
    try {
      renderSettings(await invoke('set_ai_server', { baseUrl: $('#ai-url').value, model: $('#ai-model').value }));
      $('#settings-result').textContent = t('ui-settings-saved');
    } catch (err) { showError(err); }
  });
  $('#ai-key-save').addEventListener('click', async () => { try { renderSettings(await invoke('save_ai_key', { key: $('#ai-key').value })); } catch (err) { showError(err); } });
  $('#ai-key-delete').addEventListener('click', async () => { try { renderSettings(await invoke('delete_ai_key')); } catch (err) { showError(err); } });
  $('#delete-all').addEventListener('click', () => $('#confirm-delete').showModal());
  $('#confirm-delete').addEventListener('close', async () => {
    if ($('#confirm-delete').returnValue !== 'confirm') return;
    try {
      renderSettings(await invoke('delete_all_data'));
      Object.assign(current, { cv: null, cvId: null, versionId: null, analysis: null, fileName: null });
      $('#analysis').hidden = true;
      $('#settings-result').textContent = t('ui-settings-deleted');
    } catch (err) { showError(err); }
  });
  $('#status-check').addEventListener('click', loadStatus);
  loaders.export = loadExport;
  loaders.history = loadHistory;
  loaders.match = loadMatch;
  loaders.settings = () => { loadSettings(); people.loadProfile(); sync.load(); updates.load(); };
  loaders.status = loadStatus;
  loaders.builder = () => {
    $('#builder-unavailable').hidden = builder.available;
    $('#builder-start-row').hidden = !builder.available;
    $('#builder-start-import').hidden = !current.cv;
  };
}

async function listenToRust() {
  await sync.listen();
  await updates.listen();
  // A background sync finished: the Status screen, when showing, follows too.
  await tauri.event.listen('sync-finished', () => { if (!$('#screen-status').hidden) loadStatus(); });
  await tauri.event.listen('ai-preview', (e) => showAiPreview(e.payload));
  await tauri.event.listen('analysis-progress', (e) => {
    $('#import-progress-bar').value = e.payload.percent;
    const { stage, page, pages } = e.payload;
    $('#import-progress-text').textContent = stage === 'ocr' && page
      ? t('ui-progress-ocr-page', { page, pages })
      : t(stageMessage[stage] ?? 'ui-import-working');
  });
  await tauri.event.listen('match-progress', async (e) => {
    const { done, total } = e.payload;
    $('#match-progress-bar').value = total ? Math.round((100 * done) / total) : 100;
    $('#match-progress-text').textContent = await tc('ui-match-progress', total, { done });
  });
  const zone = $('#dropzone');
  // The webview's drag events only light up the drop zone; what was dropped comes from Rust as tokens
  // (the shell takes no paths from the page).
  await tauri.webview.getCurrentWebview().onDragDropEvent((e) => {
    const type = e.payload.type;
    if (type === 'enter' || type === 'over') zone.classList.add('over');
    else zone.classList.remove('over');
  });
  // A file opened while the app runs (macOS: "Open With", a double-click in Finder): imported like a drop.
  await tauri.event.listen('launch-file', async () => {
    const opened = await invoke('launch_file').catch(() => null);
    if (opened) importPath(opened);
  });
  await tauri.event.listen('files-dropped', (e) => {
    const dropped = e.payload ?? [];
    if (!dropped.length) return;
    // On the Match screen dropped CVs (or folders of CVs) join the list; elsewhere the first file is imported.
    if (!$('#screen-match').hidden) {
      for (const f of dropped) {
        if (f.folder) addMatchFolder(f); else if (/\.(pdf|docx|png|jpe?g|tiff?)$/i.test(f.name)) addMatchFiles([f]);
      }
    } else {
      const file = dropped.find((f) => !f.folder);
      if (file) importPath(file);
    }
  });
}

/**
 * When the data folder could not be opened the app runs in memory: say so on every screen (a banner
 * that stays), with the reason and what to do, instead of letting the person work on unsaved.
 */
async function showStorageProblem() {
  let problem = null;
  try { problem = await invoke('storage_problem'); } catch { /* older shell: Status still shows it */ }
  const banner = $('#storage-banner');
  banner.hidden = !problem;
  if (!problem) return;
  $('#storage-banner-reason').textContent = problem.error;
  $('#storage-banner-action').replaceChildren(
    el('strong', { text: t('ui-error-action') + ': ' }), problem.suggested_action || t('ui-storage-memory-only-action'));
}

async function start() {
  wire();
  people.mount({ $, el, t, tb, invoke, showError, loadMessages, announce });
  sync.mount({ $, el, t, tb, tc, invoke, showError, announce });
  updates.mount({ $, el, t, invoke, showError, announce });
  // Nobody signed in: the picker shows, and the app starts again (a page reload) once someone is.
  let signedIn = true;
  try { signedIn = await people.begin(); } catch (err) {
    $('#app').hidden = false;
    showError(err);
  }
  if (!signedIn) {
    document.body.dataset.ready = 'true';
    invoke('mark_ready').catch(() => {});
    return;
  }
  try {
    const caps = await invoke('capabilities');
    builder.available = caps.builder;
    exporter.available = caps.export;
    builder.sections = caps.builder_sections ?? [];
    fillSectionOptions();
  } catch (err) { showError(err); }
  await loadSettings();
  show('import');
  await showStorageProblem();
  await listenToRust();
  // Opened with a CV ("Open with Job Gate", a double-click on a PDF or DOCX): imported as if it were dropped.
  const opened = await invoke('launch_file').catch(() => null);
  if (opened) importPath(opened);
  document.body.dataset.ready = 'true';
  invoke('mark_ready').catch(() => {});
}

// What the end-to-end tests drive: the same functions the buttons and the drop handler call. The tests
// answer the native dialogs (which WebDriver cannot reach) through a hook only debug builds have.
window.jobgate = {
  importPath, exportCv, setLanguage, show, builderStart, builderSend, current,
  openJobFile, addMatchFiles, pickMatchFiles, addMatchFolder, rankCvs, saveMatchCsv, checkFit, deleteCv, resumeSession,
};

start();
