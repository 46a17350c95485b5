//! The Tauri commands: one-screen adapters from the web UI to the engine, the store and the OS.
//! One module per area of the window:
//! - [`app`]: interface messages, the health view (Status), what this build can do, the start-up mark;
//! - [`settings`]: language, AI settings and consent, "delete all my data";
//! - [`analyse`]: importing a CV (dialog, reading and analysing with progress, cancel), saving edits;
//! - [`history`]: stored analyses and versions, their views, deleting, comparing;
//! - [`builder`]: the interactive builder; [`ai`]: AI help on the CV on screen and the Stop button;
//! - [`export`]: templates, preview, save dialog, writing, "show in folder";
//! - [`people`]: who is using the app (picker, unlock, lock, passcodes, wipe, policy); [`sync`]: Settings → Sync;
//!   [`updates`]: Settings → Updates; [`moves`]: a profile or a CV to another computer; [`launch`]: files the app was opened with.
//!
//! This module holds what they share: the result type, the one way an error becomes a response, and the
//! blocking-thread helpers.
//!
//! Every command returns `Result<T, ErrorResponse>`: a failure reaches the UI as the error JSON of
//! DESIGN §2 (code, message and suggested action in the user's language), never as a bare string.
//! Commands run off the main thread (async commands), so the window stays responsive; long work —
//! reading and analysing a file, rendering and writing an export, a model's answer — goes further, to a
//! blocking thread ([`blocking`]), so one slow file never holds up the async runtime other screens use.
//! Files reach commands as tokens from Rust-side dialogs or drops ([`crate::picked`]), never as paths.

pub mod ai;
pub mod analyse;
pub mod app;
pub mod builder;
pub mod export;
pub mod history;
pub mod launch;
pub mod moves;
pub mod people;
pub mod settings;
pub mod sync;
pub mod updates;

use crate::state::AppState;
use jobgate_core::Reason;
use jobgate_core::{ErrorResponse, JobGateError};
use tauri::{AppHandle, Manager, Runtime};

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorResponse>;

pub(crate) fn fail<T>(state: &AppState, e: JobGateError) -> CommandResult<T> {
    Err(e.to_response(state.lang()))
}

/// [`blocking`] with the app's handle and state, for work that reports to the window as it goes.
pub(crate) async fn blocking_with<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    work: impl FnOnce(&AppHandle<R>, &AppState) -> Result<T, JobGateError> + Send + 'static,
) -> Result<T, JobGateError> {
    let handle = app.clone();
    blocking(move || work(&handle, &handle.state::<AppState>())).await
}

/// Runs `work` on Tauri's blocking thread pool (file reading, extraction, rendering, writing), off the
/// async runtime's few worker threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, JobGateError> + Send + 'static,
) -> Result<T, JobGateError> {
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result,
        Err(e) => Err(JobGateError::internal(
            Reason::new("reason-work-stopped").with_technical(e),
        )),
    }
}
