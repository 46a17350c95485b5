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
//! DESIGN §2 (code, message and suggested action in the user's language), never as a bare string, and
//! always by one path: [`Respond::respond`] (with [`fail`] for an early return and [`response`] for an
//! error shown inside a view).
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
use jobgate_core::{ErrorResponse, JobGateError, Lang, Reason};
use tauri::{AppHandle, Manager, Runtime};

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorResponse>;

/// A failure as the page receives it: the error JSON of DESIGN §2 in `lang`. Implemented by
/// [`JobGateError`] (through [`JobGateError::to_response`], the engine's one renderer) and by a failed sync
/// run ([`crate::sync::Failure`], which adds `details.pending`).
pub trait ToResponse {
    fn to_response_in(&self, lang: Lang) -> ErrorResponse;
}

impl ToResponse for JobGateError {
    fn to_response_in(&self, lang: Lang) -> ErrorResponse {
        self.to_response(lang)
    }
}

/// The one way a command turns a failure into its answer: `result.respond(&state)` renders the error in
/// the language on screen now. Every command and the shell's views go through it (or [`response`] and
/// [`fail`], which are the same).
pub trait Respond<T> {
    fn respond(self, state: &AppState) -> CommandResult<T>;
}

impl<T, E: ToResponse> Respond<T> for Result<T, E> {
    fn respond(self, state: &AppState) -> CommandResult<T> {
        self.map_err(|e| response(state, &e))
    }
}

/// `e` as the error JSON in the language on screen now.
pub fn response(state: &AppState, e: &impl ToResponse) -> ErrorResponse {
    e.to_response_in(state.lang())
}

/// Fails a command with `e` (an early return): `Err(e).respond(state)`.
pub(crate) fn fail<T>(state: &AppState, e: impl ToResponse) -> CommandResult<T> {
    Err(response(state, &e))
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
