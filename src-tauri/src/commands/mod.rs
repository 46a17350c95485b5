//! The Tauri commands: one-screen adapters from the web UI to the engine, the store and the OS.
//! Who is using the app (picker, unlock, lock, passcodes, wipe, policy) is [`people`]'s, Settings → Sync is
//! [`sync`]'s, Settings → Updates [`updates`]', moving a profile or a CV to another computer (profile files, JSON Resume) [`moves`]'; the
//! rest is here.
//!
//! Every command returns `Result<T, ErrorResponse>`: a failure reaches the UI as the error JSON of
//! DESIGN §2 (code, message and suggested action in the user's language), never as a bare string.
//! Commands run off the main thread (async commands), so the window stays responsive; long work —
//! reading and analysing a file, rendering and writing an export, a model's answer — goes further, to a
//! blocking thread ([`blocking`]), so one slow file never holds up the async runtime other screens use.
//! Files reach commands as tokens from Rust-side dialogs or drops ([`crate::picked`]), never as paths.

pub mod launch;
pub mod moves;
pub mod people;
pub mod sync;
pub mod updates;

use crate::os;
use crate::picked::{PickedFile, Use};
use crate::state::{AppState, Settings};
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, Cv, ErrorResponse, JobGateError, Lang, Phrase, Reason};
use jobgate_engine::AnalyzeOptions;
use jobgate_store::{AnalysisId, CvId, History, VersionId, VersionSource};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorResponse>;

/// The event carrying analysis progress (`AnalysisProgress`) to the window.
pub const PROGRESS_EVENT: &str = "analysis-progress";

pub(crate) fn fail<T>(state: &AppState, e: JobGateError) -> CommandResult<T> {
    Err(e.to_response(state.lang()))
}

/// Every UI message in one language, formatted without arguments, plus the text direction.
#[derive(Debug, Clone, Serialize)]
pub struct UiMessages {
    pub lang: Lang,
    /// `rtl` for Arabic, `ltr` for English: the UI sets it on `<html dir>`.
    pub dir: &'static str,
    pub messages: BTreeMap<String, String>,
}

/// The interface messages of `lang` (default: the current language).
#[tauri::command]
pub fn ui_messages(state: State<'_, AppState>, lang: Option<String>) -> CommandResult<UiMessages> {
    let lang = match lang {
        Some(code) => parse_lang(&state, &code)?,
        None => state.lang(),
    };
    let loc = Localizer::get(lang);
    let messages = loc
        .ids()
        .into_iter()
        .filter(|id| id.starts_with("ui-") || id.starts_with("builder-section-"))
        .map(|id| {
            let text = loc.format::<&str, &str>(&id, &[]);
            (id, text)
        })
        .collect();
    Ok(UiMessages {
        lang,
        dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        messages,
    })
}

/// One message with arguments (`count` selects plurals through `PLURAL($count)`).
#[tauri::command]
pub fn format_message(
    state: State<'_, AppState>,
    id: String,
    args: Option<BTreeMap<String, String>>,
    count: Option<i64>,
) -> CommandResult<String> {
    let loc = Localizer::get(state.lang());
    if !loc.has(&id) {
        return fail(
            &state,
            JobGateError::invalid_input("id", Phrase::new("reason-no-message").value("id", &id)),
        );
    }
    let args: Vec<(String, String)> = args.unwrap_or_default().into_iter().collect();
    Ok(match count {
        Some(n) => loc.format_count(&id, n, &args),
        None => loc.format(&id, &args),
    })
}

fn parse_lang(state: &AppState, code: &str) -> CommandResult<Lang> {
    Lang::from_code(code).ok_or_else(|| {
        JobGateError::invalid_input(
            "lang",
            Phrase::new("reason-unknown-language").cv("code", code),
        )
        .to_response(state.lang())
    })
}

/// Settings as the UI sees them: the key only masked.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub lang: Lang,
    pub dir: &'static str,
    pub ai_enabled: bool,
    pub ai_key_saved: bool,
    /// E.g. `sk-…a1b2`; never the whole key.
    pub ai_key_hint: Option<String>,
    /// Where AI requests go (host and port, as the request uses them).
    pub ai_host: String,
    /// `scheme://host[:port]` of the AI server, shown when asking for consent: what is agreed to.
    pub ai_origin: String,
    /// The user agreed to send CV text to `ai_origin` (else enabling AI asks first).
    pub ai_consented: bool,
    /// The AI server's base URL and model in use (Settings, else the defaults).
    pub ai_base_url: String,
    pub ai_model: String,
    /// Why AI cannot be switched on on this computer (its policy), in the user's language; `None`: it can.
    pub ai_blocked: Option<String>,
    pub data_dir: String,
}

fn settings_view(state: &AppState, s: Settings) -> CommandResult<SettingsView> {
    let key = state.api_key().or_else(|e| fail(state, e))?;
    Ok(SettingsView {
        lang: s.lang,
        dir: if s.lang.is_rtl() { "rtl" } else { "ltr" },
        ai_enabled: s.ai_enabled,
        ai_key_saved: key.is_some(),
        ai_key_hint: key.as_deref().map(os::mask_secret),
        ai_consented: state.ai_consented(),
        ai_host: state.ai_host(),
        ai_origin: state.ai_origin(),
        ai_base_url: state.ai_server().base_url,
        ai_model: state.ai_server().model,
        ai_blocked: state.ai_blocked().map(|e| e.to_response(s.lang).error),
        data_dir: state.data_dir().display().to_string(),
    })
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    settings_view(&state, state.settings())
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, lang: String) -> CommandResult<SettingsView> {
    let lang = parse_lang(&state, &lang)?;
    let s = state
        .update_settings(|s| s.lang = lang)
        .or_else(|e| fail(&state, e))?;
    settings_view(&state, s)
}

/// Turns AI on or off. Turning it on needs `consent: true` once per profile and server: the UI
/// first says what is sent (the CV's text) and where ([`SettingsView::ai_host`]).
#[tauri::command]
pub async fn set_ai_enabled(
    state: State<'_, AppState>,
    enabled: bool,
    consent: Option<bool>,
) -> CommandResult<SettingsView> {
    if let (true, Some(e)) = (enabled, state.ai_blocked()) {
        return fail(&state, e);
    }
    let origin = state.ai_origin();
    if enabled && let Err(e) = state.ai_server().server() {
        return fail(&state, e);
    }
    if enabled && !state.ai_consented() && consent != Some(true) {
        return fail(
            &state,
            JobGateError::invalid_input(
                "consent",
                Phrase::new("reason-ai-consent-first").cv("origin", &origin),
            ),
        );
    }
    let s = state
        .update_settings(|s| {
            s.ai_enabled = enabled;
            if enabled {
                s.ai_consent_host = Some(origin);
            }
        })
        .or_else(|e| fail(&state, e))?;
    settings_view(&state, s)
}

/// Points AI at another OpenAI-compatible server (a local Ollama or llama.cpp server keeps CV text
/// on the user's network) and/or model; blank values go back to the defaults. The address passes the
/// shared policy ([`jobgate_core::net`]); the saved key goes only over HTTPS or to this machine. Another
/// server forgets consent, so AI is switched off until the user agrees to send CV text there.
#[tauri::command]
pub async fn set_ai_server(
    state: State<'_, AppState>,
    base_url: Option<String>,
    model: Option<String>,
) -> CommandResult<SettingsView> {
    let clean = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let (base_url, model) = (clean(base_url), clean(model));
    // The shared address policy: what Settings then shows is exactly where requests go.
    if let Some(url) = &base_url
        && let Err(reason) = jobgate_core::net::BaseUrl::parse(url)
    {
        return fail(&state, JobGateError::invalid_input("ai_base_url", reason));
    }
    if model.as_ref().is_some_and(|m| m.chars().count() > 200) {
        return fail(
            &state,
            JobGateError::invalid_input("ai_model", Reason::new("reason-ai-model-too-long")),
        );
    }
    let s = state
        .update_settings(|s| {
            s.ai_base_url = base_url;
            s.ai_model = model;
        })
        .or_else(|e| fail(&state, e))?;
    // Consent is per server: another scheme, host or port forgets it, and AI stays off until the user
    // agrees again to send CV text there.
    let s = if s.ai_consent_host.is_some() && !state.ai_consented() {
        state
            .update_settings(|s| {
                s.ai_enabled = false;
                s.ai_consent_host = None;
            })
            .or_else(|e| fail(&state, e))?
    } else {
        s
    };
    settings_view(&state, s)
}

/// Saves the OpenRouter key in the OS keychain (only there).
#[tauri::command]
pub async fn save_ai_key(state: State<'_, AppState>, key: String) -> CommandResult<SettingsView> {
    state
        .save_api_key(key.trim())
        .or_else(|e| fail(&state, e))?;
    settings_view(&state, state.settings())
}

#[tauri::command]
pub async fn delete_ai_key(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    state.delete_api_key().or_else(|e| fail(&state, e))?;
    settings_view(&state, state.settings())
}

/// One step of an analysis, sent as [`PROGRESS_EVENT`].
#[derive(Debug, Clone, Serialize)]
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
    let path = state
        .picked()
        .resolve(&token, Use::Open)
        .or_else(|e| fail(&state, e))?;
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
        let result = import_file_reporting(&state, &path, progress, &pages);
        state.changed();
        result
    })
    .await;
    result.or_else(|e| fail(&state, e))
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

/// The import flow without Tauri: the engine's import (checked size, extraction, analysis in the
/// UI language, AI when enabled with the profile's answer cache) saved in the history.
pub fn import_file(
    state: &AppState,
    path: &Path,
    progress: impl Fn(&'static str, u8),
) -> Result<ImportResult, JobGateError> {
    import_file_reporting(state, path, progress, &|_| {})
}

/// [`import_file`], announcing each page OCR starts to read in a scan or a photo.
pub fn import_file_reporting(
    state: &AppState,
    path: &Path,
    progress: impl Fn(&'static str, u8),
    pages: &dyn Fn(jobgate_engine::bounded::Progress),
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
    let mut imported =
        jobgate_engine::import_file_reporting(path, &opts, Some(person.keep()?), &progress, pages)?;
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
    saved.or_else(|e| fail(&state, e))
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

/// The native "save" dialog; `None` when cancelled. A token for the place chosen, for [`export_cv`].
#[tauri::command]
pub async fn pick_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    suggested: String,
    format: String,
) -> CommandResult<Option<PickedFile>> {
    let loc = Localizer::get(state.lang());
    let picked = state.dialog(|| {
        os::pick_save_path(
            &app,
            &loc.format::<&str, &str>("ui-export-dialog-title", &[]),
            &suggested,
            &format,
        )
    });
    Ok(picked.map(|p| state.picked().register(p, Use::Save)))
}

/// Opens the file manager with `path` selected: only a file this person exported (the history lists
/// it), so the page cannot probe the disk.
#[tauri::command]
pub async fn reveal_in_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<()> {
    let person = state.person().or_else(|e| fail(&state, e))?;
    let exported = person.exported_files().or_else(|e| fail(&state, e))?;
    if !exported.contains(&path) {
        return fail(
            &state,
            JobGateError::FileNotFound {
                path: PathBuf::from(&path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            },
        );
    }
    os::reveal_in_folder(&app, &PathBuf::from(path)).or_else(|e| fail(&state, e))
}

/// End-to-end tests only (debug builds; a release has no such command): queues the paths the next
/// native dialog answers, since WebDriver cannot reach OS dialogs. Empty: the dialog is cancelled.
#[cfg(debug_assertions)]
#[tauri::command]
pub fn e2e_answer_dialog(state: State<'_, AppState>, paths: Vec<String>) {
    state.answer_next_dialog_with(paths.into_iter().map(PathBuf::from).collect());
}

#[tauri::command]
pub async fn history(state: State<'_, AppState>) -> CommandResult<History> {
    state
        .with_store(|store, p| store.history(p))
        .or_else(|e| fail(&state, e))
}

/// A stored analysis, to show it again, with its messages in the current language (an analysis
/// stored before messages were kept as codes is re-derived: `jobgate_engine::view::analysis_in`).
#[tauri::command]
pub async fn open_analysis(state: State<'_, AppState>, id: i64) -> CommandResult<AnalysisResponse> {
    state
        .with_store(|store, _| store.analysis(AnalysisId(id)))
        .map(|a| jobgate_engine::view::analysis_in(a, state.lang()))
        .or_else(|e| fail(&state, e))
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
        .or_else(|e| fail(&state, e))
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
    deleted.or_else(|e| fail(&state, e))
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
        .or_else(|e| fail(&state, e))
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
        .or_else(|e| fail(&state, e))
}

/// Deletes the history, builder sessions, settings and the saved key. Exported files stay where
/// the user put them.
#[tauri::command]
pub async fn delete_all_data(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    state.delete_all_data().or_else(|e| fail(&state, e))?;
    settings_view(&state, state.settings())
}

/// Why the data folder could not be opened at start, as the error JSON in the user's language; `None`
/// when it was. The window then says, on every screen, that nothing is being saved (the app runs as a
/// guest, in memory) instead of quietly losing the person's work.
#[tauri::command]
pub fn storage_problem(state: State<'_, AppState>) -> Option<ErrorResponse> {
    state.storage_error().map(|e| e.to_response(state.lang()))
}

/// The health view.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub version: &'static str,
    pub storage_ok: bool,
    pub storage_problem: Option<String>,
    pub data_dir: String,
    pub ai_enabled: bool,
    pub ai_key_saved: bool,
    /// `None` when AI is off or has no key (nothing was tried).
    pub ai_reachable: Option<bool>,
    /// The status line of Settings → Sync (`None` while nobody is signed in).
    pub sync: Option<crate::sync::SyncView>,
    /// The sync server answered its health check; `None` when sync is off or not set up (nothing was tried).
    pub sync_server_ok: Option<bool>,
}

#[tauri::command]
pub async fn status(state: State<'_, AppState>) -> CommandResult<Status> {
    let settings = state.settings();
    let storage = state.with_store(|store, _| store.schema_version());
    let storage_problem = state
        .storage_problem()
        .or_else(|| storage.err().map(|e| e.to_response(state.lang()).error));
    let ai_key_saved = matches!(state.api_key(), Ok(Some(_)));
    let cfg = state.ai_config();
    let ai_reachable =
        (settings.ai_enabled && (ai_key_saved || !cfg.needs_key())).then(|| os::ai_reachable(&cfg));
    Ok(Status {
        version: env!("CARGO_PKG_VERSION"),
        storage_ok: storage_problem.is_none(),
        storage_problem,
        data_dir: state.data_dir().display().to_string(),
        ai_enabled: settings.ai_enabled,
        ai_key_saved,
        ai_reachable,
        sync: crate::sync::view(&state).ok(),
        sync_server_ok: crate::sync::server_health(&state),
    })
}

/// A builder turn: the DESIGN §2 builder response, plus the CV version written by `/done`.
#[derive(Debug, Clone, Serialize)]
pub struct BuilderTurn {
    #[serde(flatten)]
    pub response: jobgate_core::BuilderResponse,
    pub cv_id: Option<CvId>,
    pub version_id: Option<VersionId>,
}

/// Starts a builder session: an empty CV, or "improve my CV" over `cv` (with its analysis checks,
/// so only what is missing or weak is asked).
#[tauri::command]
pub async fn builder_start(
    state: State<'_, AppState>,
    cv: Option<Cv>,
    cv_id: Option<i64>,
    ats_checks: Option<Vec<jobgate_core::AtsCheck>>,
) -> CommandResult<BuilderTurn> {
    let lang = state.lang();
    let started = state.with_store(|store, p| match cv {
        Some(cv) => jobgate_builder::Session::improve(
            store,
            p,
            cv_id.map(CvId),
            cv,
            &ats_checks.unwrap_or_default(),
            lang,
        ),
        None => jobgate_builder::Session::start(store, p, lang),
    });
    let (session, response) = started.or_else(|e| fail(&state, e))?;
    state.add_session(session).or_else(|e| fail(&state, e))?;
    state.changed();
    Ok(BuilderTurn {
        response,
        cv_id: cv_id.map(CvId),
        version_id: None,
    })
}

/// Opens a builder session from the history where it was left.
#[tauri::command]
pub async fn builder_resume(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<BuilderTurn> {
    let response = state
        .resume_session(&session_id)
        .or_else(|e| fail(&state, e))?;
    Ok(BuilderTurn {
        response,
        cv_id: None,
        version_id: None,
    })
}

/// One answer (or `/back`, `/skip`, `/edit SECTION`, `/review`, `/done`, `/accept`), saved before
/// it returns, so a session survives closing the app.
#[tauri::command]
pub async fn builder_answer(
    state: State<'_, AppState>,
    session_id: String,
    answer: String,
) -> CommandResult<BuilderTurn> {
    let turn = state.with_session(&session_id, |store, session| {
        let response = session.answer(store, &answer)?;
        let version = session.last_version();
        Ok(BuilderTurn {
            response,
            cv_id: version.map(|v| v.0),
            version_id: version.map(|v| v.1),
        })
    });
    state.changed();
    turn.or_else(|e| fail(&state, e))
}

/// "Suggest with AI": the AI's wording for the achievements of the job being written, offered
/// like the rule suggestion (applied on `/accept`) and saved with the session.
#[tauri::command]
pub async fn builder_ai_rewrite<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<BuilderTurn> {
    // Model calls take seconds: they run on a blocking thread, off the async runtime.
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let (job, items, lang) = state.with_session(&session_id, |_, session| {
            let b = session.builder();
            let (job, items) = b.rewrite_targets().ok_or_else(|| {
                JobGateError::invalid_input("achievements", Reason::new("reason-no-achievements"))
            })?;
            Ok((job, items, b.lang()))
        })?;
        // The calls run without holding the database, so the rest of the app stays responsive.
        // Each wording streams into the UI as the model writes it ([`AI_PREVIEW_EVENT`]).
        let offered = reword(app, state, &cfg, lang, "rewrite", items)?;
        state.with_session(&session_id, |store, session| {
            Ok(BuilderTurn {
                response: session.offer_rewrites(store, job, offered)?,
                cv_id: None,
                version_id: None,
            })
        })
    });
    run.await.or_else(|e| fail(&state, e))
}

/// "Draft a summary with AI" for the CV on screen (contact details are not sent); the user edits
/// or accepts it.
#[tauri::command]
pub async fn ai_draft_summary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    cv: Cv,
) -> CommandResult<String> {
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let lang = jobgate_export::language_of(&cv);
        let cancel = state.start_ai_call();
        let mut preview = ai_preview(app, "summary", None);
        jobgate_ai::draft_summary_streaming(&cv, lang, &cfg, &cancel, &mut preview)
    });
    run.await.or_else(|e| fail(&state, e))
}

/// "Suggest wording with AI" for one job of the CV on screen: an achievement-focused rewrite of
/// each of its achievements, streamed into the analysis view, for the user to use or not.
#[tauri::command]
pub async fn ai_rewrite_experience<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    cv: Cv,
    entry: usize,
) -> CommandResult<Vec<String>> {
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let job = cv.experience.get(entry).ok_or_else(|| {
            JobGateError::invalid_input("entry", Reason::new("reason-no-such-job"))
        })?;
        if job.achievements.is_empty() {
            return Err(JobGateError::invalid_input(
                "achievements",
                Reason::new("reason-job-no-achievements"),
            ));
        }
        let lang = jobgate_export::language_of(&cv);
        let items = job.achievements.iter().cloned().enumerate();
        let wordings = reword(app, state, &cfg, lang, "experience", items)?;
        Ok(wordings.into_iter().map(|(_, w)| w).collect())
    });
    run.await.or_else(|e| fail(&state, e))
}

/// The AI's wording of each numbered achievement, each streamed to the UI as `target` while it is
/// written; one Stop cancels them all.
fn reword<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    cfg: &jobgate_ai::AiConfig,
    lang: Lang,
    target: &'static str,
    items: impl IntoIterator<Item = (usize, String)>,
) -> Result<Vec<(usize, String)>, JobGateError> {
    let cancel = state.start_ai_call();
    items
        .into_iter()
        .map(|(i, text)| {
            let mut preview = ai_preview(app, target, Some(i));
            jobgate_ai::rewrite_achievement_streaming(&text, lang, cfg, &cancel, &mut preview)
                .map(|wording| (i, wording))
        })
        .collect()
}

/// Sends the text of a streamed AI answer so far to the window as [`AI_PREVIEW_EVENT`].
fn ai_preview<'a, R: Runtime>(
    app: &'a AppHandle<R>,
    target: &'static str,
    index: Option<usize>,
) -> impl FnMut(&str) + 'a {
    move |text| {
        let _ = app.emit(
            AI_PREVIEW_EVENT,
            AiPreview {
                target,
                index,
                text: text.to_string(),
            },
        );
    }
}

/// The event carrying an AI answer while it is being written ([`AiPreview`]).
pub const AI_PREVIEW_EVENT: &str = "ai-preview";

/// The text of a streamed AI answer so far; the command's result is the validated whole.
#[derive(Debug, Clone, Serialize)]
pub struct AiPreview {
    /// `summary`, `rewrite` (builder) or `experience` (analysis view).
    pub target: &'static str,
    /// For a rewrite: which achievement of the job.
    pub index: Option<usize>,
    pub text: String,
}

/// Stops the AI call running now (the Stop button); the call then ends with `AI_UNAVAILABLE`
/// (`cancelled`), which the UI does not show as an error.
#[tauri::command]
pub fn ai_cancel(state: State<'_, AppState>) {
    state.cancel_ai_call();
}

/// A template as the export screen lists it.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateView {
    pub name: String,
    pub title: String,
    pub description: String,
}

/// The export templates, described in the interface language.
#[tauri::command]
pub fn export_templates(state: State<'_, AppState>) -> Vec<TemplateView> {
    let lang = state.lang();
    jobgate_export::templates()
        .into_iter()
        .map(|t| TemplateView {
            title: title_case(&t.name),
            description: t.description(lang).to_string(),
            name: t.name,
        })
        .collect()
}

fn title_case(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The file name the save dialog suggests, e.g. `Sara Haddad CV.docx`.
#[tauri::command]
pub fn default_export_name(
    state: State<'_, AppState>,
    cv: Cv,
    format: String,
) -> CommandResult<String> {
    let format = jobgate_export::Format::parse(&format).or_else(|e| fail(&state, e))?;
    Ok(jobgate_export::default_file_name(&cv, format))
}

/// Renders `cv` and writes it to the place behind `token` (chosen in the save dialog, which already
/// asked before replacing a file), then records the export in the history. Returns the path written.
/// Rendering and writing run on a blocking thread.
#[tauri::command]
pub async fn export_cv(
    state: State<'_, AppState>,
    cv: Cv,
    version_id: Option<i64>,
    template: String,
    format: String,
    lang: Option<String>,
    token: String,
) -> CommandResult<String> {
    let path = state
        .picked()
        .resolve(&token, Use::Save)
        .or_else(|e| fail(&state, e))?;
    // The export goes to the history of whoever started it.
    let person = state.person().or_else(|e| fail(&state, e))?;
    let exported = blocking(move || {
        let format = jobgate_export::Format::parse(&format)?;
        let lang = export_lang(&cv, lang.as_deref())?;
        let bytes = jobgate_export::render(&cv, format, &template, lang)?;
        let written = jobgate_export::write_file(&bytes, &path, true)?;
        let written = written.display().to_string();
        person.with_store(|store, p| {
            store.record_export(
                p,
                version_id.map(VersionId),
                &written,
                format.extension(),
                &template,
            )
        })?;
        Ok(written)
    })
    .await;
    state.changed();
    exported.or_else(|e| fail(&state, e))
}

/// Page 1 of the PDF export of `cv` in `template` as SVG (the export screen's preview); `lang` as
/// for [`export_cv`].
#[tauri::command]
pub async fn export_preview(
    state: State<'_, AppState>,
    cv: Cv,
    template: String,
    lang: Option<String>,
) -> CommandResult<String> {
    let run = blocking(move || {
        jobgate_export::preview_svg(&cv, &template, export_lang(&cv, lang.as_deref())?)
    });
    run.await.or_else(|e| fail(&state, e))
}

/// The language `cv` is written in (`en` or `ar`): what the export screen offers first.
#[tauri::command]
pub fn cv_language(cv: Cv) -> String {
    jobgate_export::language_of(&cv).code().to_string()
}

/// The language an export is made in: the one asked for (`en`, `ar`), else the CV's own.
fn export_lang(cv: &Cv, code: Option<&str>) -> Result<Lang, JobGateError> {
    match code {
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            JobGateError::invalid_input(
                "lang",
                Phrase::new("reason-unknown-language").cv("code", code),
            )
        }),
        None => Ok(jobgate_export::language_of(cv)),
    }
}

/// Which optional parts this build has (the UI hides what is missing instead of failing later).
#[derive(Debug, Clone, Serialize)]
pub struct Capabilities {
    pub builder: bool,
    pub export: bool,
    /// Section names accepted by the builder's `/edit SECTION`.
    pub builder_sections: Vec<&'static str>,
}

#[tauri::command]
pub fn capabilities() -> Capabilities {
    Capabilities {
        builder: true,
        export: true,
        builder_sections: jobgate_builder::Section::ALL
            .iter()
            .map(|s| s.id())
            .collect(),
    }
}

/// Called by the page once it is interactive: prints the start-up time (for the start-time benchmark).
#[tauri::command]
pub fn mark_ready() {
    let since_start = crate::STARTED
        .get()
        .map(|t| t.elapsed().as_millis())
        .unwrap_or_default();
    let epoch_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    eprintln!("JOBGATE_READY epoch_ms={epoch_ms} since_main_ms={since_start}");
}
