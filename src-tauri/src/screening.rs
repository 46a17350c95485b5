//! The Match screen's commands: read a job description (pasted or opened), choose CVs (files, a
//! folder, CVs from the history), rank them with the engine's screening flow while reporting
//! progress as [`MATCH_PROGRESS_EVENT`], save the ranking as CSV; and the analysis view's "compare
//! with a job description" for a single CV.
//!
//! Ranking runs rules only (no AI): it is offline, fast and the same as `jobgate match`. Files ranked
//! here are not added to the history; CVs picked from the history keep their stored analysis.

use crate::commands::CommandResult;
use crate::os;
use crate::picked::{PickedFile, Use};
use crate::state::AppState;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, ErrorResponse, JobGateError, Lang};
use jobgate_engine::AnalyzeOptions;
use jobgate_engine::matching::{JobSpec, MatchComponent};
use jobgate_engine::screening::{self, JobFit, Screening};
use jobgate_store::CvId;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event carrying ranking progress ([`MatchProgress`]) to the window.
pub const MATCH_PROGRESS_EVENT: &str = "match-progress";

/// How many of the chosen files have been analysed.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MatchProgress {
    pub done: usize,
    pub total: usize,
}

/// What the job asks for, named for the reader.
#[derive(Debug, Clone, Serialize)]
pub struct JobView {
    pub title: String,
    pub required: Vec<String>,
    pub preferred: Vec<String>,
    pub min_years: Option<f64>,
    pub education: Option<String>,
    pub languages: Vec<String>,
}

/// One row of the ranked table.
#[derive(Debug, Clone, Serialize)]
pub struct RankedView {
    pub rank: usize,
    /// The path of a chosen file, or the name of a CV from the history.
    pub file: String,
    /// What to show: the file name without its folder.
    pub file_name: String,
    pub name: String,
    /// Out of 100.
    pub score: f64,
    pub ats_score: f64,
    /// Required skills found and missing, preferred skills found, named as in the reasons.
    pub matched: Vec<String>,
    pub missing: Vec<String>,
    pub preferred_matched: Vec<String>,
    pub components: Vec<MatchComponent>,
    pub reasons: Vec<String>,
    /// Set for CVs from the history.
    pub cv_id: Option<CvId>,
}

/// A CV that could not be analysed, with the error JSON.
#[derive(Debug, Clone, Serialize)]
pub struct FailedView {
    pub file: String,
    pub file_name: String,
    #[serde(flatten)]
    pub error: ErrorResponse,
}

/// The Match screen's result.
#[derive(Debug, Clone, Serialize)]
pub struct MatchView {
    pub job: JobView,
    pub ranking: Vec<RankedView>,
    pub failed: Vec<FailedView>,
}

fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string())
}

fn job_view(job: &JobSpec, lang: Lang) -> JobView {
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    let labels = |names: &[String]| -> Vec<String> {
        names.iter().map(|n| job.skill_label(n, lang)).collect()
    };
    JobView {
        title: job.title.clone(),
        required: labels(&job.required_skills),
        preferred: labels(&job.preferred_skills),
        min_years: job.min_years,
        education: job.education.map(|l| loc.format(l.message_id(), &none)),
        languages: job
            .languages
            .iter()
            .map(|l| {
                let id = format!("match-language-{}", l.to_lowercase());
                if loc.has(&id) {
                    loc.format(&id, &none)
                } else {
                    l.clone()
                }
            })
            .collect(),
    }
}

/// The view of a screening; `origin` maps the names of history candidates to their CVs.
pub fn match_view(s: &Screening, origin: &HashMap<String, CvId>) -> MatchView {
    let labels = |names: &[String]| -> Vec<String> {
        names.iter().map(|n| s.job.skill_label(n, s.lang)).collect()
    };
    MatchView {
        job: job_view(&s.job, s.lang),
        ranking: s
            .ranking
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let cv_id = origin.get(&r.file).copied();
                RankedView {
                    rank: i + 1,
                    file_name: if cv_id.is_some() {
                        r.file.clone()
                    } else {
                        file_name(&r.file)
                    },
                    file: r.file.clone(),
                    name: r.name.clone(),
                    score: r.score,
                    ats_score: r.ats_score,
                    matched: labels(&r.matched_skills),
                    missing: labels(&r.missing_skills),
                    preferred_matched: labels(&r.preferred_matched),
                    components: r.components.clone(),
                    reasons: r.reasons.clone(),
                    cv_id,
                }
            })
            .collect(),
        failed: s
            .failed
            .iter()
            .map(|f| FailedView {
                file_name: file_name(&f.file),
                file: f.file.clone(),
                error: f.error.clone(),
            })
            .collect(),
    }
}

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
        return Err(JobGateError::InvalidInput {
            field: "cvs".into(),
            reason: "choose at least one CV to rank".into(),
        });
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
    person.set_screening(s);
    Ok(view)
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
            .map_err(|e| e.to_response(state.lang()))?
    };
    let handle = app.clone();
    let run = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let progress = |done, total| {
            let _ = handle.emit(MATCH_PROGRESS_EVENT, MatchProgress { done, total });
        };
        rank_cvs(&state, &job_text, &files, &cv_ids, &progress)
            .map_err(|e| e.to_response(state.lang()))
    });
    match run.await {
        Ok(result) => result,
        Err(e) => Err(JobGateError::Internal {
            reason: format!("the ranking stopped: {e}"),
        }
        .to_response(app.state::<AppState>().lang())),
    }
}

/// The text of the job description file behind `token` (chosen in the open dialog or dropped), to show
/// in the editable box before ranking.
#[tauri::command]
pub async fn read_job_file(state: State<'_, AppState>, token: String) -> CommandResult<String> {
    let path = state
        .picked()
        .resolve(&token, Use::Open)
        .map_err(|e| e.to_response(state.lang()))?;
    crate::commands::blocking(move || screening::job_file_text(&path))
        .await
        .map_err(|e| e.to_response(state.lang()))
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
        .map_err(|e| e.to_response(state.lang()))
}

/// Writes the last ranking as CSV to the place behind `token` (chosen in the save dialog, which already
/// asked before replacing a file). Returns the path written.
#[tauri::command]
pub async fn save_match_csv(state: State<'_, AppState>, token: String) -> CommandResult<String> {
    let run = || -> Result<String, JobGateError> {
        let path = state.picked().resolve(&token, Use::Save)?;
        let s = state
            .screening()
            .ok_or_else(|| JobGateError::InvalidInput {
                field: "ranking".into(),
                reason: "rank some CVs first".into(),
            })?;
        let written = jobgate_export::write_file(s.csv().as_bytes(), &path, true)?;
        Ok(written.display().to_string())
    };
    run().map_err(|e| e.to_response(state.lang()))
}

/// For a job seeker: how the CV on screen fits a job description (score, keywords found and missing).
#[tauri::command]
pub async fn job_fit(
    state: State<'_, AppState>,
    analysis: AnalysisResponse,
    job_text: String,
) -> CommandResult<JobFit> {
    screening::job_fit(&analysis, &job_text, state.lang()).map_err(|e| e.to_response(state.lang()))
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
    let picked = state.dialog(|| {
        os::pick_file(
            &app,
            &message(&state, "ui-match-job-dialog-title"),
            &message(&state, "ui-match-job-dialog-filter"),
            &["txt", "pdf", "docx", "TXT", "PDF", "DOCX"],
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
