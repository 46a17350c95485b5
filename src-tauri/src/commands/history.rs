//! The history: stored analyses and CV versions, their views in the reader's language, deleting and comparing.

use super::{CommandResult, Respond};
use crate::state::AppState;
use jobgate_core::{AnalysisResponse, Cv};
use jobgate_store::{AnalysisId, CvId, History, VersionId, VersionSource};
use serde::Serialize;
use tauri::State;

#[tauri::command]
pub async fn history(state: State<'_, AppState>) -> CommandResult<History> {
    state
        .with_store(|store, p| store.history(p))
        .respond(&state)
}

/// A stored analysis, to show it again, with its messages in the current language (an analysis
/// stored before messages were kept as codes is re-derived: `jobgate_engine::view::analysis_in`).
#[tauri::command]
pub async fn open_analysis(state: State<'_, AppState>, id: i64) -> CommandResult<AnalysisResponse> {
    state
        .with_store(|store, _| store.analysis(AnalysisId(id)))
        .map(|a| jobgate_engine::view::analysis_in(a, state.lang()))
        .respond(&state)
}

/// What the analysis screen shows of `analysis`, in the current language: the score's band and its
/// label, the checklist with each check's status, suggestions and warnings, the CV's own words marked
/// so the page isolates them. Asked again when the language changes.
#[tauri::command]
pub async fn analysis_view(
    state: State<'_, AppState>,
    analysis: AnalysisResponse,
) -> CommandResult<jobgate_engine::view::AnalysisView> {
    Ok(jobgate_engine::view::analysis_view(&analysis, state.lang()))
}

/// A stored CV version (to open it in the editor, export or compare).
#[tauri::command]
pub async fn open_version(state: State<'_, AppState>, id: i64) -> CommandResult<Cv> {
    state
        .with_store(|store, _| store.version(VersionId(id)).map(|v| v.structured_data))
        .respond(&state)
}

/// What deleting a CV left: the history as it is now, and whether the database file was compacted
/// right away (`false`: another reader kept the write-ahead log busy; the deleted rows may linger in
/// it until the next checkpoint, and the UI says so).
#[derive(Debug, Clone, Serialize)]
pub struct DeletedCv {
    #[serde(flatten)]
    pub history: History,
    pub wal_checkpointed: bool,
}

/// Deletes a CV with its versions, the history rows of its analyses and exports, its builder
/// sessions and its cached AI answers (the exported files stay where the user saved them).
#[tauri::command]
pub async fn delete_cv(state: State<'_, AppState>, cv_id: i64) -> CommandResult<DeletedCv> {
    let deleted = state.with_store(|store, p| {
        let report = store.delete_cv(p, CvId(cv_id))?;
        Ok(DeletedCv {
            history: store.history(p)?,
            wal_checkpointed: report.wal_checkpointed,
        })
    });
    state.changed();
    deleted.respond(&state)
}

/// A version as the compare view lists it (without its content).
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    pub id: VersionId,
    pub number: i64,
    pub source: VersionSource,
    pub created_at: String,
}

/// The versions of a CV, oldest first.
#[tauri::command]
pub async fn cv_versions(
    state: State<'_, AppState>,
    cv_id: i64,
) -> CommandResult<Vec<VersionInfo>> {
    state
        .with_store(|store, _| store.versions(CvId(cv_id)))
        .map(|vs| {
            vs.into_iter()
                .map(|v| VersionInfo {
                    id: v.id,
                    number: v.number,
                    source: v.source,
                    created_at: v.created_at,
                })
                .collect()
        })
        .respond(&state)
}

/// Two stored versions compared section by section (`old` → `new`), as the history shows them.
#[tauri::command]
pub async fn diff_versions(
    state: State<'_, AppState>,
    old: i64,
    new: i64,
) -> CommandResult<jobgate_engine::view::CompareView> {
    let lang = state.lang();
    state
        .with_store(|store, _| {
            let a = store.version(VersionId(old))?;
            let b = store.version(VersionId(new))?;
            Ok(jobgate_engine::view::compare_view(
                &a.structured_data,
                &b.structured_data,
                lang,
            ))
        })
        .respond(&state)
}
