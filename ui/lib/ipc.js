// The one door to Rust: Tauri commands (`invoke`) and events (`listen`). A command that fails rejects
// with the DESIGN §2 error JSON (`ErrorResponse`); `asError` gives that shape to anything else too.

const tauri = () => window.__TAURI__;

/**
 * Calls a Tauri command; its request and response types are in ui/types/commands.d.ts.
 * @param {string} cmd
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<any>}
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
    : { error: String(err), error_code: 'INTERNAL_ERROR', suggested_action: '' };
}
