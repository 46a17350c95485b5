// The CV being worked on, shared by Import, Builder, Export and History: one object, changed only through
// the functions here, each of which tells the bus so screens that show it follow.
import { emit } from './bus.js';

/**
 * @typedef {object} Current
 * @property {import('../types/commands').Cv | null} cv  the CV on screen (with the person's corrections)
 * @property {number | null} cvId
 * @property {number | null} versionId
 * @property {import('../types/commands').AnalysisResponse | null} analysis  the analysis it came from
 * @property {string | null} fileName
 * @property {import('../types/commands').SettingsView | null} settings
 */

/** @type {Current} */
export const current = { cv: null, cvId: null, versionId: null, analysis: null, fileName: null, settings: null };

/** A CV was analysed or an analysis opened: `cv-analysed` follows. */
export async function setAnalysis({ analysis, cvId, versionId, fileName }) {
  Object.assign(current, { analysis, cv: analysis.structured_data, cvId, versionId, fileName });
  await emit('cv-analysed', current);
}

/** A CV without its analysis (a version opened, the builder's finished CV). */
export function setCv({ cv, cvId = current.cvId, versionId = null }) {
  Object.assign(current, { cv, cvId, versionId });
}

/** The settings Rust returned: `settings-changed` follows (AI buttons show or hide). */
export async function setSettings(settings) {
  current.settings = settings;
  await emit('settings-changed', settings);
}

/** A CV was deleted: it is not the one on screen any more. */
export function forgetCv(cvId) {
  if (current.cvId === cvId) Object.assign(current, { cvId: null, versionId: null });
}

/** Everything was deleted: nothing is on screen; `data-deleted` follows. */
export async function clear() {
  Object.assign(current, { cv: null, cvId: null, versionId: null, analysis: null, fileName: null });
  await emit('data-deleted');
}
