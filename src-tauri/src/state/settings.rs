//! The person's settings: the keys they are saved under in their settings table, reading and saving them.

use super::person::Person;
use super::{AppState, lock};
use jobgate_core::{JobGateError, Lang};
use serde::Serialize;

const LANG_KEY: &str = "ui.lang";
const AI_KEY: &str = "ai.enabled";
const AI_CONSENT_KEY: &str = "ai.consent_host";
const AI_URL_KEY: &str = "ai.base_url";
const AI_MODEL_KEY: &str = "ai.model";
const SYNC_URL_KEY: &str = "sync.server_url";
const SYNC_CONSENT_KEY: &str = "sync.consent_host";

/// What the user chose in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub lang: Lang,
    pub ai_enabled: bool,
    /// The AI server the user agreed to send CV text to (asked once per profile and server).
    pub ai_consent_host: Option<String>,
    /// Another OpenAI-compatible server chosen in Settings (e.g. a local one); `None`: the default
    /// (`JOBGATE_OPENROUTER_URL`, else OpenRouter).
    pub ai_base_url: Option<String>,
    /// The model name chosen in Settings; `None`: the default (`JOBGATE_AI_MODEL`, else DeepSeek).
    pub ai_model: Option<String>,
    /// The organisation's sync server as typed in Settings → Sync (its key is in the keychain).
    pub sync_url: Option<String>,
    /// The server (`scheme://host[:port]`) the person agreed to send their history to.
    pub sync_consent_host: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            ai_enabled: false,
            ai_consent_host: None,
            ai_base_url: None,
            ai_model: None,
            sync_url: None,
            sync_consent_host: None,
        }
    }
}

impl Person {
    /// The person's saved settings; a language never chosen is the one on screen when they came.
    pub(super) fn load_settings(&self, lang: Lang) -> Result<Settings, JobGateError> {
        self.with_store(|store, p| {
            Ok(Settings {
                lang: store
                    .setting(p, LANG_KEY)?
                    .and_then(|l| Lang::from_code(&l))
                    .unwrap_or(lang),
                ai_enabled: store.setting(p, AI_KEY)?.as_deref() == Some("true"),
                ai_consent_host: store.setting(p, AI_CONSENT_KEY)?.filter(|h| !h.is_empty()),
                ai_base_url: store.setting(p, AI_URL_KEY)?.filter(|v| !v.is_empty()),
                ai_model: store.setting(p, AI_MODEL_KEY)?.filter(|v| !v.is_empty()),
                sync_url: store.setting(p, SYNC_URL_KEY)?.filter(|v| !v.is_empty()),
                sync_consent_host: store
                    .setting(p, SYNC_CONSENT_KEY)?
                    .filter(|v| !v.is_empty()),
            })
        })
    }
}

impl AppState {
    /// The person's settings (with AI off when the policy forbids it); defaults while nobody is signed in.
    pub fn settings(&self) -> Settings {
        let person = lock(&self.person).clone();
        let mut s = match person {
            Some(p) => lock(&p.settings).clone(),
            None => Settings {
                lang: *lock(&self.screen_lang),
                ..Settings::default()
            },
        };
        s.ai_enabled &= self.policy.policy.allow_ai;
        s
    }

    /// Changes the settings with `change` and saves them. While nobody is signed in only the language
    /// on screen changes (the picker's language switch).
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, JobGateError> {
        let Some(person) = lock(&self.person).clone() else {
            let mut s = self.settings();
            change(&mut s);
            *lock(&self.screen_lang) = s.lang;
            return Ok(s);
        };
        let mut guard = lock(&person.settings);
        let mut next = guard.clone();
        change(&mut next);
        next.ai_enabled &= self.policy.policy.allow_ai;
        person.with_store(|store, p| {
            store.set_setting(p, LANG_KEY, next.lang.code())?;
            store.set_setting(p, AI_KEY, if next.ai_enabled { "true" } else { "false" })?;
            store.set_setting(
                p,
                AI_CONSENT_KEY,
                next.ai_consent_host.as_deref().unwrap_or(""),
            )?;
            store.set_setting(p, AI_URL_KEY, next.ai_base_url.as_deref().unwrap_or(""))?;
            store.set_setting(p, AI_MODEL_KEY, next.ai_model.as_deref().unwrap_or(""))?;
            store.set_setting(p, SYNC_URL_KEY, next.sync_url.as_deref().unwrap_or(""))?;
            store.set_setting(
                p,
                SYNC_CONSENT_KEY,
                next.sync_consent_host.as_deref().unwrap_or(""),
            )
        })?;
        *guard = next.clone();
        *lock(&self.screen_lang) = next.lang;
        Ok(next)
    }

    /// "Delete all my data": the profile with everything it owns, and the key in the keychain.
    /// The interface language is kept in memory so the confirmation is still in the user's language.
    pub fn delete_all_data(&self) -> Result<(), JobGateError> {
        let person = self.person()?;
        self.delete_api_key()?;
        self.delete_sync_key()?;
        if person.is_guest() {
            let exported = person.exported_files()?;
            *lock(&person.earlier_exports) = exported;
        }
        person.with_store(|store, p| {
            store.disable_sync()?;
            store.wipe_profile(p)
        })?;
        person.sync.set_on(false);
        lock(&person.sessions).clear();
        *lock(&person.screening) = None;
        let mut s = lock(&person.settings);
        s.ai_enabled = false;
        s.ai_consent_host = None;
        s.ai_base_url = None;
        s.ai_model = None;
        s.sync_url = None;
        s.sync_consent_host = None;
        Ok(())
    }
}
