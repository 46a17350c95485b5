//! What the app remembers between commands: the data folder, the database, the user's settings and
//! the secret store.
//!
//! Settings (interface language, AI on/off) are kept in the store's settings table of the default
//! profile; the OpenRouter key never is — it goes to the [`KeyStore`] (the OS keychain in the app,
//! memory in tests). The data folder is `JOBGATE_DATA_DIR` when set, else the per-user folder the OS
//! recommends (the same one the `jobgate` CLI uses, so both see the same history).

use jobgate_ai::keys::KeyStore;
use jobgate_core::{JobGateError, Lang};
use jobgate_engine::screening::Screening;
use jobgate_store::{ProfileId, Store};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

const LANG_KEY: &str = "ui.lang";
const AI_KEY: &str = "ai.enabled";
const AI_CONSENT_KEY: &str = "ai.consent_host";
const AI_URL_KEY: &str = "ai.base_url";
const AI_MODEL_KEY: &str = "ai.model";

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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            ai_enabled: false,
            ai_consent_host: None,
            ai_base_url: None,
            ai_model: None,
        }
    }
}

/// Managed Tauri state.
pub struct AppState {
    data_dir: PathBuf,
    store: Mutex<Store>,
    /// The open profile's name (its keychain entries are under it); `None` for a guest.
    profile: Option<String>,
    /// Why the database in the data folder could not be opened (the app then keeps data in memory).
    storage_problem: Option<String>,
    settings: Mutex<Settings>,
    keys: Box<dyn KeyStore>,
    /// Builder sessions opened since start; older ones are resumed from the store on first use.
    sessions: Mutex<HashMap<String, jobgate_builder::Session>>,
    /// The AI server (`JOBGATE_OPENROUTER_URL`, `JOBGATE_AI_MODEL`), without the key.
    ai_server: jobgate_ai::AiConfig,
    /// The last ranking of the Match screen, kept for "Save as CSV".
    screening: Mutex<Option<Screening>>,
    /// The cancel flag of the AI call running now (one at a time), for the UI's Stop button.
    ai_call: Mutex<Option<jobgate_ai::CancelToken>>,
}

impl AppState {
    /// Opens the default profile's database in `data_dir` (under the machine's policy) and loads the settings.
    /// A database that cannot be opened does not stop the app: it runs as a guest, in memory, and Status shows
    /// the reason.
    pub fn new(data_dir: PathBuf, keys: Box<dyn KeyStore>) -> AppState {
        let policy = jobgate_engine::policy::load().policy;
        let who = jobgate_engine::people::Who::Default;
        let (opened, storage_problem) =
            match jobgate_engine::people::open(&data_dir, &policy, &who, None) {
                Ok(o) => (o, None),
                Err(e) => (
                    jobgate_engine::people::guest()
                        .expect("an in-memory SQLite database always opens"),
                    Some(e.to_string()),
                ),
            };
        let state = AppState {
            data_dir,
            store: Mutex::new(opened.store),
            profile: opened.profile,
            storage_problem,
            settings: Mutex::new(Settings::default()),
            keys,
            sessions: Mutex::new(HashMap::new()),
            ai_server: jobgate_ai::AiConfig {
                api_key: String::new(),
                ..jobgate_ai::AiConfig::from_env()
            },
            screening: Mutex::new(None),
            ai_call: Mutex::new(None),
        };
        let loaded = state.load_settings().unwrap_or_default();
        *lock(&state.settings) = loaded;
        state
    }

    fn load_settings(&self) -> Result<Settings, JobGateError> {
        self.with_store(|store, p| {
            Ok(Settings {
                lang: store
                    .setting(p, LANG_KEY)?
                    .and_then(|l| Lang::from_code(&l))
                    .unwrap_or_default(),
                ai_enabled: store.setting(p, AI_KEY)?.as_deref() == Some("true"),
                ai_consent_host: store.setting(p, AI_CONSENT_KEY)?.filter(|h| !h.is_empty()),
                ai_base_url: store.setting(p, AI_URL_KEY)?.filter(|v| !v.is_empty()),
                ai_model: store.setting(p, AI_MODEL_KEY)?.filter(|v| !v.is_empty()),
            })
        })
    }

    /// Points AI requests at another OpenAI-compatible server (tests use a local fake one).
    pub fn with_ai_server(mut self, base_url: &str) -> AppState {
        self.ai_server.base_url = base_url.to_string();
        self
    }

    /// The AI server with the key from the keychain (never `OPENROUTER_API_KEY`, which is the CLI's).
    pub fn ai_config(&self) -> jobgate_ai::AiConfig {
        jobgate_ai::AiConfig {
            api_key: self.api_key().ok().flatten().unwrap_or_default(),
            ..self.ai_server()
        }
    }

    /// The AI server without the key: the one chosen in Settings, else the environment's default.
    pub fn ai_server(&self) -> jobgate_ai::AiConfig {
        let s = self.settings();
        let mut cfg = self.ai_server.clone();
        if let Some(url) = s.ai_base_url {
            cfg.base_url = url;
        }
        if let Some(model) = s.ai_model {
            cfg.model = model;
        }
        cfg
    }

    /// Where AI requests go (host and port only).
    pub fn ai_host(&self) -> String {
        self.ai_server().host()
    }

    /// A fresh cancel flag for an AI call that starts now (replacing a finished one's).
    pub fn start_ai_call(&self) -> jobgate_ai::CancelToken {
        let token = jobgate_ai::CancelToken::new();
        *lock(&self.ai_call) = Some(token.clone());
        token
    }

    /// Stops the AI call running now, if any.
    pub fn cancel_ai_call(&self) {
        if let Some(token) = lock(&self.ai_call).take() {
            token.cancel();
        }
    }

    /// The AI configuration when AI may be used now: switched on, agreed to for this server, and
    /// a key when the server needs one. Otherwise `AI_UNAVAILABLE` with the reason.
    pub fn ai_allowed(&self) -> Result<jobgate_ai::AiConfig, JobGateError> {
        let s = self.settings();
        let unavailable = |reason: &str| JobGateError::AiUnavailable {
            reason: reason.into(),
        };
        if !s.ai_enabled {
            return Err(unavailable("AI is switched off in Settings"));
        }
        if s.ai_consent_host.as_deref() != Some(self.ai_host().as_str()) {
            return Err(unavailable(
                "you have not yet agreed in Settings to send CV text to this AI server",
            ));
        }
        let cfg = self.ai_config();
        match jobgate_engine::ai::missing_key(&cfg) {
            Some(e) => Err(e),
            None => Ok(cfg),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn storage_problem(&self) -> Option<&str> {
        self.storage_problem.as_deref()
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    pub fn lang(&self) -> Lang {
        lock(&self.settings).lang
    }

    /// The keychain name of the open profile's secrets.
    fn key_owner(&self) -> &str {
        self.profile
            .as_deref()
            .unwrap_or(jobgate_store::DEFAULT_PROFILE)
    }

    /// The saved OpenRouter key of the open profile.
    pub fn api_key(&self) -> Result<Option<String>, JobGateError> {
        self.keys.load_api_key(self.key_owner())
    }

    pub fn save_api_key(&self, key: &str) -> Result<(), JobGateError> {
        self.keys.save_api_key(self.key_owner(), key)
    }

    pub fn delete_api_key(&self) -> Result<(), JobGateError> {
        self.keys.delete_api_key(self.key_owner())
    }

    /// Runs `f` with the open profile's database and the person's row in it.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store, ProfileId) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        let mut store = lock(&self.store);
        let owner = store.owner()?;
        f(&mut store, owner)
    }

    /// The store and the person's row for the engine's import flow (which locks the store itself).
    pub fn keep(&self) -> Result<jobgate_engine::Keep<'_>, JobGateError> {
        let profile = lock(&self.store).owner()?;
        Ok(jobgate_engine::Keep {
            store: &self.store,
            profile,
        })
    }

    /// Runs `f` with the database and the builder session `id` (resumed from the store when this
    /// app has not opened it yet; `SESSION_NOT_FOUND` when it does not exist).
    pub fn with_session<T>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Store, &mut jobgate_builder::Session) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        let mut store = lock(&self.store);
        let mut sessions = lock(&self.sessions);
        if !sessions.contains_key(id) {
            let (session, _) = jobgate_builder::Session::resume(&store, id)?;
            sessions.insert(id.to_string(), session);
        }
        let session = sessions.get_mut(id).expect("inserted above");
        f(&mut store, session)
    }

    /// Keeps a newly started builder session for the next answers.
    pub fn add_session(&self, session: jobgate_builder::Session) {
        lock(&self.sessions).insert(session.id().to_string(), session);
    }

    /// Resumes builder session `id` from the store (replacing this app's copy, which the store
    /// always matches: every turn is saved before it returns) and keeps it for the next answers.
    pub fn resume_session(&self, id: &str) -> Result<jobgate_core::BuilderResponse, JobGateError> {
        let store = lock(&self.store);
        let (session, response) = jobgate_builder::Session::resume(&store, id)?;
        lock(&self.sessions).insert(id.to_string(), session);
        Ok(response)
    }

    /// Keeps the Match screen's latest ranking (for "Save as CSV").
    pub fn set_screening(&self, s: Screening) {
        *lock(&self.screening) = Some(s);
    }

    pub fn screening(&self) -> Option<Screening> {
        lock(&self.screening).clone()
    }

    /// Changes the settings with `change` and saves them.
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, JobGateError> {
        let mut guard = lock(&self.settings);
        let mut next = guard.clone();
        change(&mut next);
        self.with_store(|store, p| {
            store.set_setting(p, LANG_KEY, next.lang.code())?;
            store.set_setting(p, AI_KEY, if next.ai_enabled { "true" } else { "false" })?;
            store.set_setting(
                p,
                AI_CONSENT_KEY,
                next.ai_consent_host.as_deref().unwrap_or(""),
            )?;
            store.set_setting(p, AI_URL_KEY, next.ai_base_url.as_deref().unwrap_or(""))?;
            store.set_setting(p, AI_MODEL_KEY, next.ai_model.as_deref().unwrap_or(""))
        })?;
        *guard = next.clone();
        Ok(next)
    }

    /// "Delete all my data": the profile with everything it owns, and the key in the keychain.
    /// The interface language is kept in memory so the confirmation is still in the user's language.
    pub fn delete_all_data(&self) -> Result<(), JobGateError> {
        self.delete_api_key()?;
        self.with_store(|store, p| store.wipe_profile(p))?;
        lock(&self.sessions).clear();
        *lock(&self.screening) = None;
        let mut s = lock(&self.settings);
        s.ai_enabled = false;
        s.ai_consent_host = None;
        s.ai_base_url = None;
        s.ai_model = None;
        Ok(())
    }
}

/// The data folder: `JOBGATE_DATA_DIR`, else the OS per-user data folder for Job Gate.
pub fn default_data_dir() -> PathBuf {
    jobgate_store::data_dir().unwrap_or_else(|_| PathBuf::from(".jobgate"))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock cannot leave these values half-written: they are replaced whole
    // or changed inside a database transaction.
    m.lock().unwrap_or_else(|p| p.into_inner())
}
