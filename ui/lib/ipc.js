// The one door to Rust: Tauri commands (`invoke`) and events (`listen`). A command that fails rejects
// with the DESIGN §2 error JSON (`ErrorResponse`); `asError` gives that shape to anything else too.

const tauri = () => /** @type {any} */ (window).__TAURI__;

/** @typedef {import('../types/commands').Commands} Commands */

/**
 * Calls a Tauri command: `Commands[cmd]` in ui/types/commands.d.ts (generated from the Rust types) says
 * what it takes and resolves to; it rejects with an `ErrorResponse`.
 * @template {keyof Commands} K
 * @param {K} cmd
 * @param {Commands[K]['args']} [args]
 * @returns {Promise<Commands[K]['result']>}
 */
export const invoke = (cmd, args) => tauri().core.invoke(cmd, args);

/** Follows a Rust event; `handler` gets the event (`payload` holds what Rust sent). */
export const listen = (event, handler) => tauri().event.listen(event, handler);

/** The current webview (drag-and-drop events). */
export const webview = () => tauri().webview.getCurrentWebview();

/**
 * What a command rejected with, as the error JSON: commands reject with it; anything else (a bug) still
 * gets the shape, so a readable card can be shown.
 * @returns {import('../types/commands').ErrorResponse}
 */
export function asError(err) {
  return typeof err === 'object' && err && err.error_code ? err
    : { success: false, error: String(err), error_code: 'INTERNAL_ERROR', details: {}, suggested_action: '' };
}
