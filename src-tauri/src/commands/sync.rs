//! Settings → Sync (DESIGN §7): the organisation's server address, the key (to the keychain only), "Test
//! connection", the on/off switch with consent per server, and "Sync now".
//!
//! Thin adapters over [`crate::sync`], which holds the rules (what is checked, when runs happen, how the
//! store is locked); the background worker sends [`crate::sync::SYNC_EVENT`] after its runs, and "Sync
//! now" does too, so every open screen's status line follows.

use super::{CommandResult, Respond, fail};
use crate::state::AppState;
use crate::sync::{self, ConnectionCheck, SyncView, Trigger};
use jobgate_engine::settings;
use jobgate_engine::sync_client::SyncReport;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

fn view(state: &AppState) -> CommandResult<SyncView> {
    sync::view(state).respond(state)
}

/// Settings → Sync for the person using the app.
#[tauri::command]
pub async fn sync_settings(state: State<'_, AppState>) -> CommandResult<SyncView> {
    view(&state)
}

/// Saves the server address (blank: none). Plain `http://` is refused unless the server is on this computer.
/// Another server needs consent again, so sync goes off until the person agrees to send their history there.
#[tauri::command]
pub async fn set_sync_server(state: State<'_, AppState>, url: String) -> CommandResult<SyncView> {
    let person = state.person().respond(&state)?;
    if let Some(e) = sync::blocked(&state, &person) {
        return fail(&state, e);
    }
    let url = url.trim().to_string();
    let origin = if url.is_empty() {
        None
    } else {
        Some(sync::server_url(&url).respond(&state)?.origin())
    };
    let s = state
        .update_settings(|s| s.sync_url = (!url.is_empty()).then_some(url))
        .respond(&state)?;
    if s.sync_consent_host != origin && person.sync.is_on() {
        set_on(&state, false)?;
    }
    view(&state)
}

/// Saves the sync key in the OS keychain (only there; Settings shows only a hint of it).
#[tauri::command]
pub async fn save_sync_key(state: State<'_, AppState>, key: String) -> CommandResult<SyncView> {
    state.save_sync_key(key.trim()).respond(&state)?;
    view(&state)
}

#[tauri::command]
pub async fn delete_sync_key(state: State<'_, AppState>) -> CommandResult<SyncView> {
    state.delete_sync_key().respond(&state)?;
    view(&state)
}

/// "Test connection": the server's health and (with a key saved) whether it accepts the key, with the exact
/// server the data would go to. `url`: the address being typed (default: the saved one).
#[tauri::command]
pub async fn test_sync_connection(
    state: State<'_, AppState>,
    url: Option<String>,
) -> CommandResult<ConnectionCheck> {
    sync::test_connection(&state, url.as_deref()).respond(&state)
}

fn set_on(state: &AppState, on: bool) -> CommandResult<()> {
    let person = state.person().respond(state)?;
    person
        .with_store(|store, _| {
            if on {
                store.enable_sync().map(drop)
            } else {
                store.disable_sync()
            }
        })
        .respond(state)?;
    person.sync.set_on(on);
    if on {
        state.changed();
    }
    Ok(())
}

/// Turns sync on or off. Turning it on needs `consent: true` for the server in use (the UI first says what is
/// sent — the person's CVs, versions, analyses, builder sessions and export records — and to which server);
/// the first time, the whole history is queued. Off: nothing more is queued or sent.
#[tauri::command]
pub async fn set_sync_enabled(
    state: State<'_, AppState>,
    enabled: bool,
    consent: Option<bool>,
) -> CommandResult<SyncView> {
    let person = state.person().respond(&state)?;
    if enabled {
        if let Some(e) = sync::blocked(&state, &person) {
            return fail(&state, e);
        }
        // An address set and allowed, and consent for that server (the engine's rule).
        let origin = settings::sync_switch_on(&state.settings(), consent).respond(&state)?;
        state
            .update_settings(|s| s.sync_consent_host = Some(origin))
            .respond(&state)?;
    }
    set_on(&state, enabled)?;
    view(&state)
}

/// What "Sync now" did, and the status line after it.
#[derive(Debug, Clone, Serialize)]
pub struct SyncNowView {
    pub report: SyncReport,
    pub sync: SyncView,
}

/// "Sync now": one run while the person waits (giving up after a few tries). A failure is the error JSON
/// (`SYNC_FAILED`, `details.pending`); either way the status line is sent as [`sync::SYNC_EVENT`].
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SyncNowView> {
    let person = state.person().respond(&state)?;
    let outcome = sync::run(&state, &person, Trigger::Now);
    let after = view(&state)?;
    let _ = app.emit(sync::SYNC_EVENT, after.clone());
    match outcome {
        Ok(report) => Ok(SyncNowView {
            report,
            sync: after,
        }),
        Err(f) => fail(&state, f),
    }
}
