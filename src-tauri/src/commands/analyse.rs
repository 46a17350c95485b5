//! Importing a CV: the open dialog, reading and analysing the file with progress (and its Cancel), saving edits.

use super::{CommandResult, Respond, blocking};
use crate::os;
use crate::picked::{PickedFile, Use};
use crate::state::AppState;
use jobgate_core::Reason;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, Cv, JobGateError};
use jobgate_engine::{AnalyzeOptions, CancelToken};
use jobgate_store::{AnalysisId, CvId, VersionId, VersionSource};
use serde::Serialize;
use std::path::Path;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event carrying analysis progress (`AnalysisProgress`) to the window.
pub const PROGRESS_EVENT: &str = "analysis-progress";

/// One step of an analysis, sent as [`PROGRESS_EVENT`].
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnalysisProgress {
    /// `reading`, `extracting`, `ocr` (with `page` of `pages`), `scoring`, `ai`, `saving`, `done`.
    pub stage: &'static str,
    pub percent: u8,
    /// The page OCR reads now (1-based) and how many it reads, for `ocr`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
}

/// An imported file: the analysis and where it was saved in the history.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportResult {
    pub file_name: String,
    pub analysis: AnalysisResponse,
    pub analysis_id: AnalysisId,
    pub cv_id: CvId,
    pub version_id: VersionId,
}

/// Reads, extracts, analyses and records the PDF or DOCX behind `token` (chosen in the open dialog or
/// dropped on the window, see [`crate::picked`]), reporting progress as events. The work runs on a
/// blocking thread, so one slow file never holds up the async runtime the other screens use.
#[tauri::command]
pub async fn analyze_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<ImportResult> {
    let path = state.picked().resolve(&token, Use::Open).respond(&state)?;
    // One import at a time: this one's token cancels the one before, if it still runs.
    let cancel = state.start_import();
    let handle = app.clone();
    let result = blocking(move || {
        let state = handle.state::<AppState>();
        let progress = |stage, percent| {
            let _ = handle.emit(
                PROGRESS_EVENT,
                AnalysisProgress {
                    stage,
                    percent,
                    page: None,
                    pages: None,
                },
            );
        };
        let pages = |p: jobgate_engine::bounded::Progress| {
            // Between extracting (25) and what follows (60): a step per page.
            let percent = 25 + (30 * p.page.saturating_sub(1) / p.pages.max(1)) as u8;
            let _ = handle.emit(
                PROGRESS_EVENT,
                AnalysisProgress {
                    stage: "ocr",
                    percent,
                    page: Some(p.page),
                    pages: Some(p.pages),
                },
            );
        };
        let result = import_file_reporting(&state, &path, progress, &pages, &cancel);
        state.changed();
        result
    })
    .await;
    result.respond(&state)
}

/// The import flow without Tauri: the engine's import (checked size, extraction, analysis in the
/// UI language, AI when enabled with the profile's answer cache) saved in the history.
pub fn import_file(
    state: &AppState,
    path: &Path,
    progress: impl Fn(&'static str, u8),
) -> Result<ImportResult, JobGateError> {
    import_file_reporting(state, path, progress, &|_| {}, &CancelToken::new())
}

/// [`import_file`], announcing each page OCR starts to read in a scan or a photo, stopped by `cancel`
/// (`CANCELLED`, nothing saved).
pub fn import_file_reporting(
    state: &AppState,
    path: &Path,
    progress: impl Fn(&'static str, u8),
    pages: &dyn Fn(jobgate_engine::bounded::Progress),
    cancel: &CancelToken,
) -> Result<ImportResult, JobGateError> {
    // AI on but not usable (no consent for this server, no key): rules, and a warning that says why.
    let ai = state.settings().ai_enabled.then(|| state.ai_allowed());
    let opts = AnalyzeOptions {
        lang: Some(state.lang()),
        ai: ai.clone().and_then(Result::ok),
        ..AnalyzeOptions::default()
    };
    // Saved in the history of whoever started the import, even if someone else takes the machine meanwhile.
    let person = state.person()?;
    let mut imported = jobgate_engine::import_file_cancellable(
        path,
        &opts,
        Some(person.keep()?),
        &progress,
        pages,
        cancel,
    )?;
    if let Some(Err(e)) = ai {
        imported
            .analysis
            .warnings
            .push(jobgate_core::Warning::from_error(&e, state.lang()));
    }
    let recorded = imported
        .recorded
        .ok_or_else(|| JobGateError::storage(Reason::new("reason-import-not-saved")))??;
    Ok(ImportResult {
        file_name: imported.file_name,
        analysis: imported.analysis,
        analysis_id: recorded.analysis_id,
        cv_id: recorded.cv_id,
        version_id: recorded.version_id,
    })
}

/// Stops the import running now (the Cancel button beside its progress): its worker is killed at once
/// with the OCR it runs, and [`analyze_path`] then ends with `CANCELLED`, which the UI shows as
/// "stopped", not as an error; nothing of the file is saved.
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.cancel_import();
}

/// Saves the user's edits of an extracted CV as a new version and returns its id.
#[tauri::command]
pub async fn save_cv_edit(
    state: State<'_, AppState>,
    cv_id: i64,
    cv: Cv,
) -> CommandResult<VersionId> {
    let saved =
        state.with_store(|store, _| store.add_version(CvId(cv_id), VersionSource::Edit, &cv));
    state.changed();
    saved.respond(&state)
}

/// The native "open" dialog for a CV file; `None` when cancelled. The page gets a token for the file
/// ([`crate::picked`]), never a path it could pass back.
#[tauri::command]
pub async fn pick_cv_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<PickedFile>> {
    let loc = Localizer::get(state.lang());
    let picked = state.dialog(|| {
        os::pick_cv_file(
            &app,
            &loc.format::<&str, &str>("ui-import-dialog-title", &[]),
            &loc.format::<&str, &str>("ui-import-dialog-filter", &[]),
        )
    });
    Ok(picked.map(|p| state.picked().register(p, Use::Open)))
}
