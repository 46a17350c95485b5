//! The window's frame: interface messages, the health view, what this build can do, and the start-up mark.

use super::{CommandResult, Respond, fail, response};
use crate::os;
use crate::state::AppState;
use jobgate_core::Phrase;
use jobgate_core::i18n::Localizer;
use jobgate_core::{ErrorResponse, JobGateError, Lang};
use jobgate_engine::settings;
use serde::Serialize;
use std::collections::BTreeMap;
#[cfg(debug_assertions)]
use std::path::PathBuf;
use tauri::State;

/// Every UI message in one language, formatted without arguments, plus the text direction.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        Some(code) => settings::parse_lang(&code).respond(&state)?,
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

/// End-to-end tests only (debug builds; a release has no such command): queues the paths the next
/// native dialog answers, since WebDriver cannot reach OS dialogs. Empty: the dialog is cancelled.
#[cfg(debug_assertions)]
#[tauri::command]
pub fn e2e_answer_dialog(state: State<'_, AppState>, paths: Vec<String>) {
    state.answer_next_dialog_with(paths.into_iter().map(PathBuf::from).collect());
}

/// Why the data folder could not be opened at start, as the error JSON in the user's language; `None`
/// when it was. The window then says, on every screen, that nothing is being saved (the app runs as a
/// guest, in memory) instead of quietly losing the person's work.
#[tauri::command]
pub fn storage_problem(state: State<'_, AppState>) -> Option<ErrorResponse> {
    state.storage_error().map(|e| response(&state, e))
}

/// The health view.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Which optional parts this build has (the UI hides what is missing instead of failing later).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        builder_sections: jobgate_builder::SECTIONS
            .iter()
            .map(|s| s.as_str())
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
