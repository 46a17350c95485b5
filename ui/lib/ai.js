// AI requests: the answer streams in over seconds as `ai-preview` events, and the button that asked stops
// it while it runs (a stop is the person's choice, not an error, so it shows no error card). One request
// at a time; the screen that asked says where previews go and what to tidy when it ends.
import { t } from './i18n.js';
import { invoke, listen } from './ipc.js';
import { clearErrors, showError } from './errors.js';

const call = { button: null, stopped: false, waiting: false, preview: null, end: null };

/**
 * Runs an AI request from `button`: `run` does the work (through `invokeAi`), `preview` gets each
 * `AiPreview` while the answer grows, `end` runs when it is over, whatever happened.
 * @param {HTMLButtonElement} button
 * @param {() => Promise<void>} run
 * @param {{ preview?: (p: import('../types/commands').AiPreview) => void, end?: () => void }} [hooks]
 */
export async function withAi(button, run, { preview = null, end = null } = {}) {
  if (call.button === button) { call.stopped = true; invoke('ai_cancel').catch(() => {}); return; }
  if (call.button) return;
  clearErrors();
  const label = button.textContent;
  Object.assign(call, { button, stopped: false, preview, end });
  button.setAttribute('aria-busy', 'true');
  button.textContent = t('ui-ai-stop');
  try { await run(); } catch (err) {
    if (!call.stopped) showError(err);
  } finally {
    const finish = call.end;
    Object.assign(call, { button: null, preview: null, end: null });
    button.removeAttribute('aria-busy');
    button.textContent = label;
    finish?.();
  }
}

/** An AI command whose answer streams in as `ai-preview` events. Events and the command's answer travel
 * separately, so a preview arriving after the answer is dropped instead of reopening the card. */
export async function invokeAi(cmd, args) {
  call.waiting = true;
  try { return await invoke(cmd, args); } finally { call.waiting = false; }
}

/** Starts passing `ai-preview` events to the request running. */
export async function listenToPreviews() {
  await listen('ai-preview', (e) => { if (call.waiting) call.preview?.(e.payload); });
}

/** A card an answer streams into: shown at once, busy, its accept button off until the answer is whole. */
export function streaming(card, accept) {
  card.hidden = false;
  card.dataset.streaming = 'true';
  card.setAttribute('aria-busy', 'true');
  accept.disabled = true;
}

/** The answer is whole: the card stays, ready. */
export function complete(card) {
  card.dataset.streaming = 'false';
  card.removeAttribute('aria-busy');
  card.hidden = false;
}

/** The request is over: a card still streaming failed or was stopped, so its half answer goes. */
export function settle(card, accept) {
  if (card.dataset.streaming === 'true') { card.dataset.streaming = 'false'; card.hidden = true; }
  card.removeAttribute('aria-busy');
  accept.disabled = false;
}
