//! Settings → Updates: automatic checks on or off (off by default), "Check now" with what changed, and
//! "Install" with progress. Thin adapters over [`crate::updater`], which holds the rules.

use super::{CommandResult, Respond};
use crate::state::AppState;
use crate::updater::{self, UpdateView};
use tauri::{AppHandle, Runtime, State};

/// Settings → Updates for the person using the app.
#[tauri::command]
pub async fn update_settings<R: Runtime>(app: AppHandle<R>) -> CommandResult<UpdateView> {
    Ok(updater::view(&app))
}

/// Switches automatic checks on or off for the person using the app (on: refused when the machine's
/// policy or the build rules updates out).
#[tauri::command]
pub async fn set_update_auto<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
) -> CommandResult<UpdateView> {
    updater::set_auto(&app, enabled).respond(&state)?;
    Ok(updater::view(&app))
}

/// "Check now": asks the update server once. A newer version comes back in `available` (with its notes);
/// a refusal (an older version offered, the server down, updates not allowed) is the error JSON,
/// `UPDATE_FAILED` with `details.kind`.
#[tauri::command]
pub async fn check_for_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<UpdateView> {
    updater::check(&app).await.respond(&state)?;
    Ok(updater::view(&app))
}

/// "Install": downloads the update the last check found, verifies its signature and installs it; the
/// view's `installed` then asks for a restart. A tampered or wrongly signed update is refused
/// (`UPDATE_FAILED`, `details.kind` `signature`) and nothing is installed.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<UpdateView> {
    updater::install(&app).await.respond(&state)?;
    Ok(updater::view(&app))
}

/// "Restart now" after an install: the new version starts.
#[tauri::command]
pub fn restart_app<R: Runtime>(app: AppHandle<R>) {
    app.request_restart();
}
