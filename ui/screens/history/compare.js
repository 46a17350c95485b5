// History → "Compare two versions": lays out the engine's compare view (crates/engine/src/view.rs):
// labels, marks and notes are decided there.
import { $, el } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { invoke } from '../../lib/ipc.js';
import { showError } from '../../lib/errors.js';

const compare = { cvId: null };
const sourceLabel = (src) => t(`ui-history-source-${src}`);

export function mount() {
  $('#compare-form').addEventListener('submit', (e) => { e.preventDefault(); showDiff(); });
  $('#compare-close').addEventListener('click', close);
}

/** Opens the comparison of CV `c` (a history row): its two latest versions first. */
export async function open(c) {
  try {
    /** @type {import('../../types/commands').VersionInfo[]} */
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

/** CV `cvId` was deleted: its comparison closes. */
export function forget(cvId) { if (compare.cvId === cvId) close(); }

function close() {
  compare.cvId = null;
  $('#compare').hidden = true;
  $('#diff').replaceChildren();
}

async function showDiff() {
  try {
    /** @type {import('../../types/commands').CompareView} */
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
