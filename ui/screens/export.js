// Export: template, format and the language of the CV's headings, a preview of page 1 drawn by the
// engine, "Save as…" and "Show in folder".
import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { invoke } from '../lib/ipc.js';
import { showError } from '../lib/errors.js';
import { current } from '../lib/store.js';

/** @type {{ available: boolean, templates: import('../types/commands').TemplateView[], cv: object | null, langChosen: boolean, path: string | null }} */
const exporter = { available: false, templates: [], cv: null, langChosen: false, path: null };

export function mount() {
  $('#export-form').addEventListener('submit', (e) => { e.preventDefault(); exportCv(); });
  $('#export-form').addEventListener('change', (e) => {
    if (e.target.name === 'export-lang') exporter.langChosen = true;
    if (e.target.name === 'template' || e.target.name === 'export-lang') refreshPreview();
  });
  $('#export-show').addEventListener('click', () => exporter.path && invoke('reveal_in_folder', { path: exporter.path }).catch(showError));
}

/** What this build can do (`Capabilities`). */
export function setCapabilities(caps) { exporter.available = caps.export; }

const chosen = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;

export async function load() {
  $('#export-nothing').hidden = !!current.cv;
  // Headings in the CV's own language, until the person picks one for this CV.
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
  const template = chosen('template');
  $('#templates').replaceChildren(...exporter.templates.map((tpl, i) => el('label', { class: 'template' },
    el('span', {}, el('input', { type: 'radio', name: 'template', value: tpl.name, checked: template ? template === tpl.name : i === 0 }), ' ', el('strong', { text: tpl.title || tpl.name })),
    el('span', { class: 'muted', text: tpl.description || '' }))));
  refreshPreview();
}

// Page 1 of the PDF in the chosen template and language, drawn by the engine as SVG. A newer
// request wins: answers to older ones (the person clicked on) are dropped.
let previewRequest = 0;
async function refreshPreview() {
  const template = chosen('template');
  const lang = chosen('export-lang');
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

/** Exports the CV on screen to `place` (what the save dialog gave); without it, the save dialog asks first.
 * @param {import('../types/commands').PickedFile} [place] */
export async function exportCv(place) {
  const template = chosen('template');
  const format = chosen('format');
  const cvLang = chosen('export-lang');
  try {
    if (!place) {
      const suggested = await invoke('default_export_name', { cv: current.cv, format });
      place = await invoke('pick_save_path', { suggested, format });
      if (!place) return null;
    }
    const written = await invoke('export_cv', { cv: current.cv, versionId: current.versionId, template, format, lang: cvLang, token: place.token });
    exporter.path = written;
    $('#export-path').textContent = written;
    $('#export-result').hidden = false;
    return written;
  } catch (err) { return showError(err); }
}
