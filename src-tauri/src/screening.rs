//! The Match screen's commands: read a job description (pasted or opened), choose CVs (files, a
//! folder, CVs from the history), rank them with the engine's screening flow while reporting
//! progress as [`MATCH_PROGRESS_EVENT`], save the ranking as CSV; and the analysis view's "compare
//! with a job description" for a single CV.
//!
//! Ranking runs rules only (no AI): it is offline, fast and the same as `jobgate match`. Files ranked
//! here are not added to the history; CVs picked from the history keep their stored analysis.

use crate::commands::{CommandResult, Respond, fail};
use crate::os;
use crate::picked::{PickedFile, Use};
use crate::state::AppState;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, JobGateError, Reason};
use jobgate_engine::AnalyzeOptions;
use jobgate_engine::screening::{self, JobFit, Screening};
use jobgate_store::CvId;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event carrying ranking progress ([`MatchProgress`]) to the window.
pub const MATCH_PROGRESS_EVENT: &str = "match-progress";

/// How many of the chosen files have been analysed.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatchProgress {
    pub done: usize,
    pub total: usize,
}

pub use jobgate_engine::view::{FailedView, JobView, MatchView, RankedView, job_view, match_view};

/// The ranking flow without Tauri: the job from `job_text`, the `files` analysed on every core
/// (`progress(done, total)` per file) and the history CVs `cv_ids`, ranked in the UI language. The
/// screening is kept for [`save_match_csv`].
pub fn rank_cvs(
    state: &AppState,
    job_text: &str,
    files: &[String],
    cv_ids: &[i64],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<MatchView, JobGateError> {
    let job = screening::job_from_text(job_text)?;
    if files.is_empty() && cv_ids.is_empty() {
        return Err(JobGateError::invalid_input(
            "cvs",
            Reason::new("reason-rank-choose-cvs"),
        ));
    }
    let lang = state.lang();
    let opts = AnalyzeOptions {
        lang: Some(lang),
        ..AnalyzeOptions::default()
    };
    // The ranking belongs to whoever asked for it, even if someone else takes the machine meanwhile.
    let person = state.person()?;
    let ids: Vec<CvId> = cv_ids.iter().copied().map(CvId).collect();
    let from_history =
        person.with_store(|store, _| screening::history_candidates(store, &ids, &opts))?;
    let paths: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let (mut candidates, failed) = screening::analyse_files(&paths, &opts, progress);
    let mut origin = HashMap::new();
    for (id, c) in from_history {
        origin.insert(c.file.clone(), id);
        candidates.push(c);
    }
    let s = Screening::rank(job, &candidates, failed, lang);
    let view = match_view(&s, &origin);
    person.set_screening(s, origin);
    Ok(view)
}

/// The last ranking again in the current language, after it changed: the same order, with its
/// reasons, bands and failures said anew (`None` when nothing was ranked).
#[tauri::command]
pub async fn match_relabel(state: State<'_, AppState>) -> CommandResult<Option<MatchView>> {
    let lang = state.lang();
    let Some((s, origin)) = state.screening_with_origin() else {
        return Ok(None);
    };
    let s = s.in_lang(lang);
    let view = match_view(&s, &origin);
    state
        .person()
        .map(|p| p.set_screening(s, origin))
        .respond(&state)?;
    Ok(Some(view))
}

/// Ranks the chosen CVs against the job description; see [`rank_cvs`]. Runs on a blocking thread so
/// the window stays responsive while every core analyses.
#[tauri::command]
pub async fn match_rank<R: Runtime>(
    app: AppHandle<R>,
    job_text: String,
    files: Vec<String>,
    cv_ids: Vec<i64>,
) -> CommandResult<MatchView> {
    // The page passes tokens of files chosen in a dialog or dropped on the window, never paths.
    let files = {
        let state = app.state::<AppState>();
        files
            .iter()
            .map(|t| {
                state
                    .picked()
                    .resolve(t, Use::Open)
                    .map(|p| p.display().to_string())
            })
            .collect::<Result<Vec<String>, JobGateError>>()
            .respond(&state)?
    };
    let handle = app.clone();
    let run = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let progress = |done, total| {
            let _ = handle.emit(MATCH_PROGRESS_EVENT, MatchProgress { done, total });
        };
        rank_cvs(&state, &job_text, &files, &cv_ids, &progress).respond(&state)
    });
    match run.await {
        Ok(result) => result,
        Err(e) => fail(
            &app.state::<AppState>(),
            JobGateError::internal(Reason::new("reason-rank-stopped").with_technical(e)),
        ),
    }
}

/// The text of the job description file behind `token` (chosen in the open dialog or dropped), to show
/// in the editable box before ranking.
#[tauri::command]
pub async fn read_job_file(state: State<'_, AppState>, token: String) -> CommandResult<String> {
    let path = state.picked().resolve(&token, Use::Open).respond(&state)?;
    crate::commands::blocking(move || screening::job_file_text(&path))
        .await
        .respond(&state)
}

/// The PDF and DOCX files in the folder behind `token` (not its subfolders), each with a token to rank it.
#[tauri::command]
pub async fn list_cv_folder(
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<Vec<PickedFile>> {
    let listed = state
        .picked()
        .resolve(&token, Use::Folder)
        .and_then(|dir| screening::cv_files_in(&dir));
    listed
        .map(|files| {
            files
                .into_iter()
                .map(|p| state.picked().register(p, Use::Open))
                .collect()
        })
        .respond(&state)
}

/// Writes the last ranking as CSV to the place behind `token` (chosen in the save dialog, which already
/// asked before replacing a file). Returns the path written.
#[tauri::command]
pub async fn save_match_csv(state: State<'_, AppState>, token: String) -> CommandResult<String> {
    let run = || -> Result<String, JobGateError> {
        let path = state.picked().resolve(&token, Use::Save)?;
        let s = state.screening().ok_or_else(|| {
            JobGateError::invalid_input("ranking", Reason::new("reason-rank-first"))
        })?;
        let written = jobgate_export::write_file(s.csv().as_bytes(), &path, true)?;
        Ok(written.display().to_string())
    };
    run().respond(&state)
}

/// For a job seeker: how the CV on screen fits a job description (score, keywords found and missing).
#[tauri::command]
pub async fn job_fit(
    state: State<'_, AppState>,
    analysis: AnalysisResponse,
    job_text: String,
) -> CommandResult<JobFit> {
    screening::job_fit(&analysis, &job_text, state.lang()).respond(&state)
}

fn message(state: &AppState, id: &str) -> String {
    Localizer::get(state.lang()).format::<&str, &str>(id, &[])
}

/// The native "open" dialog for a job description; `None` when cancelled. Files and folders chosen
/// in these dialogs reach the page as tokens ([`crate::picked`]).
#[tauri::command]
pub async fn pick_job_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<PickedFile>> {
    // Text, and whatever a CV may be (PDF, DOCX, and scans or photos read by OCR), in both cases.
    let extensions: Vec<String> = std::iter::once("txt")
        .chain(jobgate_engine::extract::CV_EXTENSIONS.iter().copied())
        .flat_map(|e| [e.to_string(), e.to_uppercase()])
        .collect();
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let picked = state.dialog(|| {
        os::pick_file(
            &app,
            &message(&state, "ui-match-job-dialog-title"),
            &message(&state, "ui-match-job-dialog-filter"),
            &extensions,
        )
    });
    Ok(picked.map(|p| state.picked().register(p, Use::Open)))
}

/// The native "open" dialog for several CVs; empty when cancelled.
#[tauri::command]
pub async fn pick_cv_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Vec<PickedFile>> {
    let picked = state.dialog_many(|| {
        os::pick_cv_files(
            &app,
            &message(&state, "ui-match-files-dialog-title"),
            &message(&state, "ui-import-dialog-filter"),
        )
    });
    Ok(picked
        .into_iter()
        .map(|p| state.picked().register(p, Use::Open))
        .collect())
}

/// The native folder dialog; `None` when cancelled.
#[tauri::command]
pub async fn pick_cv_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<PickedFile>> {
    let picked =
        state.dialog(|| os::pick_folder(&app, &message(&state, "ui-match-folder-dialog-title")));
    Ok(picked.map(|p| state.picked().register(p, Use::Folder)))
}

/// The native "save" dialog for the ranking's CSV file; `None` when cancelled.
#[tauri::command]
pub async fn pick_csv_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<PickedFile>> {
    let picked = state.dialog(|| {
        os::pick_save_path(
            &app,
            &message(&state, "ui-match-csv-dialog-title"),
            &message(&state, "ui-match-csv-file-name"),
            "csv",
        )
    });
    Ok(picked.map(|p| state.picked().register(p, Use::Save)))
}
