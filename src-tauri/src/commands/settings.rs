//! Settings: the interface language, AI (on/off with consent, server, model, key) and "delete all my data".

use super::app::parse_lang;
use super::{CommandResult, fail};
use crate::os;
use crate::state::{AppState, Settings};
use jobgate_core::{JobGateError, Lang};
use jobgate_core::{Phrase, Reason};
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

/// Deletes the history, builder sessions, settings and the saved key. Exported files stay where
/// the user put them.
#[tauri::command]
pub async fn delete_all_data(state: State<'_, AppState>) -> CommandResult<SettingsView> {
    state.delete_all_data().or_else(|e| fail(&state, e))?;
    settings_view(&state, state.settings())
}
