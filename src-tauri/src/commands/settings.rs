//! Settings: the interface language, AI (on/off with consent, server, model, key) and "delete all my data".

use super::{CommandResult, Respond, response};
use crate::os;
use crate::state::{AppState, Settings};
use jobgate_core::Lang;
use jobgate_engine::settings;
use serde::Serialize;
use tauri::State;

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
    let key = state.api_key().respond(state)?;
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
        ai_blocked: state.ai_blocked().map(|e| response(state, &e).error),
        data_dir: state.data_dir().display().to_string(),
    })
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    settings_view(&state, state.settings())
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, lang: String) -> CommandResult<SettingsView> {
    let lang = settings::parse_lang(&lang).respond(&state)?;
    let s = state.update_settings(|s| s.lang = lang).respond(&state)?;
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
    state.switch_ai(enabled, consent).respond(&state)?;
    settings_view(&state, state.settings())
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
    // The shared address policy: what Settings then shows is exactly where requests go.
    let (base_url, model) = settings::ai_server_choice(base_url, model).respond(&state)?;
    let s = state
        .update_settings(|s| s.set_ai_server(&state.default_ai_server(), base_url, model))
        .respond(&state)?;
    settings_view(&state, s)
}

/// Saves the OpenRouter key in the OS keychain (only there).
#[tauri::command]
pub async fn save_ai_key(state: State<'_, AppState>, key: String) -> CommandResult<SettingsView> {
    state.save_api_key(key.trim()).respond(&state)?;
    settings_view(&state, state.settings())
}

#[tauri::command]
pub async fn delete_ai_key(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    state.delete_api_key().respond(&state)?;
    settings_view(&state, state.settings())
}

/// Deletes the history, builder sessions, settings and the saved key. Exported files stay where
/// the user put them.
#[tauri::command]
pub async fn delete_all_data(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    state.delete_all_data().respond(&state)?;
    settings_view(&state, state.settings())
}
