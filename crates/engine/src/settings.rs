//! What a person chose in Settings, and the rules over it, without a window: the keys the choices are
//! saved under in their settings table, their defaults and parsing, the language code check, which server
//! addresses are allowed (the AI server, the sync server), and consent per server — CV text goes to an AI
//! server, and a history to a sync server, only after the person agreed to that server's origin.
//!
//! The desktop shell holds a person's [`Settings`] and calls these rules; the keychain, dialogs and events
//! stay the shell's.

use crate::policy::Policy;
use jobgate_ai::AiConfig;
use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Lang, Phrase, Reason};
use jobgate_store::{ProfileId, Store};
use jobgate_sync::ServerUrl;
use serde::Serialize;

/// The settings-table key of each choice.
pub const LANG_KEY: &str = "ui.lang";
pub const AI_KEY: &str = "ai.enabled";
pub const AI_CONSENT_KEY: &str = "ai.consent_host";
pub const AI_URL_KEY: &str = "ai.base_url";
pub const AI_MODEL_KEY: &str = "ai.model";
pub const SYNC_URL_KEY: &str = "sync.server_url";
pub const SYNC_CONSENT_KEY: &str = "sync.consent_host";

/// The longest model name accepted (characters).
pub const MAX_MODEL_CHARS: usize = 200;

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

impl Settings {
    /// The defaults, in `lang`.
    pub fn in_lang(lang: Lang) -> Settings {
        Settings {
            lang,
            ..Settings::default()
        }
    }

    /// `profile`'s saved settings; a language never chosen (or not one we speak) is `lang`, an empty
    /// value is no value.
    pub fn load(store: &Store, profile: ProfileId, lang: Lang) -> Result<Settings> {
        let get = |key| -> Result<Option<String>> {
            Ok(store.setting(profile, key)?.filter(|v| !v.is_empty()))
        };
        Ok(Settings {
            lang: get(LANG_KEY)?
                .and_then(|l| Lang::from_code(&l))
                .unwrap_or(lang),
            ai_enabled: get(AI_KEY)?.as_deref() == Some("true"),
            ai_consent_host: get(AI_CONSENT_KEY)?,
            ai_base_url: get(AI_URL_KEY)?,
            ai_model: get(AI_MODEL_KEY)?,
            sync_url: get(SYNC_URL_KEY)?,
            sync_consent_host: get(SYNC_CONSENT_KEY)?,
        })
    }

    /// Saves every choice under its key (no value: an empty one).
    pub fn save(&self, store: &mut Store, profile: ProfileId) -> Result<()> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let values = [
            (LANG_KEY, self.lang.code().to_string()),
            (AI_KEY, self.ai_enabled.to_string()),
            (AI_CONSENT_KEY, text(&self.ai_consent_host)),
            (AI_URL_KEY, text(&self.ai_base_url)),
            (AI_MODEL_KEY, text(&self.ai_model)),
            (SYNC_URL_KEY, text(&self.sync_url)),
            (SYNC_CONSENT_KEY, text(&self.sync_consent_host)),
        ];
        for (key, value) in values {
            store.set_setting(profile, key, &value)?;
        }
        Ok(())
    }

    /// After "delete all my data": AI off, servers and consents forgotten; the language stays, so the
    /// confirmation is still in the person's language.
    pub fn forget_all(&mut self) {
        *self = Settings::in_lang(self.lang);
    }

    /// Whether the person agreed to send CV text to the AI server at `origin` (an address the policy
    /// refuses has an empty origin, which no consent matches).
    pub fn ai_consented(&self, origin: &str) -> bool {
        !origin.is_empty() && self.ai_consent_host.as_deref() == Some(origin)
    }

    /// Whether the person agreed to send their history to the sync server at `origin`.
    pub fn sync_consented(&self, origin: &str) -> bool {
        !origin.is_empty() && self.sync_consent_host.as_deref() == Some(origin)
    }

    /// Another AI server and/or model (checked first by [`ai_server_choice`]; `None`: the default).
    /// Consent is per server: another scheme, host or port (with `base`, the environment's default, for
    /// `None`) forgets it and switches AI off until the person agrees again to send CV text there.
    pub fn set_ai_server(
        &mut self,
        base: &AiConfig,
        base_url: Option<String>,
        model: Option<String>,
    ) {
        self.ai_base_url = base_url;
        self.ai_model = model;
        if self.ai_consent_host.is_some() && !self.ai_consented(&self.ai_server(base).origin()) {
            self.ai_enabled = false;
            self.ai_consent_host = None;
        }
    }

    /// The AI server (as `base`, the environment's default without the key) with the server and model
    /// chosen in Settings.
    pub fn ai_server(&self, base: &AiConfig) -> AiConfig {
        let mut cfg = base.clone();
        if let Some(url) = &self.ai_base_url {
            cfg.base_url.clone_from(url);
        }
        if let Some(model) = &self.ai_model {
            cfg.model.clone_from(model);
        }
        cfg
    }
}

/// A language code from the page or a setting (`en`, `ar`); anything else is `INVALID_INPUT`.
pub fn parse_lang(code: &str) -> Result<Lang> {
    Lang::from_code(code).ok_or_else(|| {
        JobGateError::invalid_input(
            "lang",
            Phrase::new("reason-unknown-language").cv("code", code),
        )
    })
}

/// The AI server address and model typed in Settings: trimmed, blanks as "the default", the address
/// through the shared policy ([`jobgate_core::net`]: the host shown is the host used) and the model name
/// not too long.
pub fn ai_server_choice(
    base_url: Option<String>,
    model: Option<String>,
) -> Result<(Option<String>, Option<String>)> {
    let clean = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let (base_url, model) = (clean(base_url), clean(model));
    if let Some(url) = &base_url
        && let Err(reason) = jobgate_core::net::BaseUrl::parse(url)
    {
        return Err(JobGateError::invalid_input("ai_base_url", reason));
    }
    if model
        .as_ref()
        .is_some_and(|m| m.chars().count() > MAX_MODEL_CHARS)
    {
        return Err(JobGateError::invalid_input(
            "ai_model",
            Reason::new("reason-ai-model-too-long"),
        ));
    }
    Ok((base_url, model))
}

/// Why AI cannot be switched on at all on this machine (its policy), if it cannot.
pub fn ai_blocked(policy: &Policy) -> Option<JobGateError> {
    (!policy.allow_ai).then(|| JobGateError::ai_unavailable(Reason::new("reason-policy-ai-off")))
}

/// Switching AI on or off: allowed by the policy, a server address that passes the policy, and — the
/// first time for this server — the person's `consent`. `Ok(Some(origin))`: the consent to remember.
pub fn ai_switch(
    policy: &Policy,
    settings: &Settings,
    server: &AiConfig,
    enabled: bool,
    consent: Option<bool>,
) -> Result<Option<String>> {
    if !enabled {
        return Ok(None);
    }
    if let Some(e) = ai_blocked(policy) {
        return Err(e);
    }
    server.server()?;
    let origin = server.origin();
    if !settings.ai_consented(&origin) && consent != Some(true) {
        return Err(JobGateError::invalid_input(
            "consent",
            Phrase::new("reason-ai-consent-first").cv("origin", &origin),
        ));
    }
    Ok(Some(origin))
}

/// The AI configuration when AI may be used now: allowed on this machine, switched on, agreed to for
/// this server, and a key when the server needs one (`cfg` holds it). Otherwise `AI_UNAVAILABLE` with
/// the reason.
pub fn ai_usable(policy: &Policy, settings: &Settings, cfg: AiConfig) -> Result<AiConfig> {
    if let Some(e) = ai_blocked(policy) {
        return Err(e);
    }
    let unavailable = |id: &str| JobGateError::ai_unavailable(Reason::new(id));
    if !settings.ai_enabled {
        return Err(unavailable("reason-ai-off-in-settings"));
    }
    if !settings.ai_consented(&cfg.origin()) {
        return Err(unavailable("reason-ai-no-consent"));
    }
    match crate::ai::missing_key(&cfg) {
        Some(e) => Err(e),
        None => Ok(cfg),
    }
}

/// A guest keeps nothing, so there is nothing of theirs to sync.
pub fn sync_guest_refused() -> JobGateError {
    JobGateError::invalid_input("profile", Reason::new("reason-sync-guest"))
}

/// Why sync cannot be switched on here at all, if it cannot: the machine's policy, or a guest.
pub fn sync_blocked(policy: &Policy, guest: bool) -> Option<JobGateError> {
    if !policy.allow_sync {
        return Some(JobGateError::sync_failed(Reason::new(
            "reason-policy-sync-off",
        )));
    }
    guest.then(sync_guest_refused)
}

/// The sync server the person typed, checked (HTTPS, or plain HTTP to this machine only; the host
/// shown is the host used).
pub fn sync_server(typed: &str) -> Result<ServerUrl> {
    ServerUrl::parse(typed).map_err(|e| JobGateError::invalid_input("sync_url", e.reason()))
}

/// Switching sync on: an address set and allowed, and — the first time for this server — the person's
/// `consent`. Returns the server's origin (the consent to remember).
pub fn sync_switch_on(settings: &Settings, consent: Option<bool>) -> Result<String> {
    let Some(url) = &settings.sync_url else {
        return Err(JobGateError::invalid_input(
            "sync_url",
            Reason::new("reason-sync-enter-url"),
        ));
    };
    let origin = sync_server(url)?.origin();
    if !settings.sync_consented(&origin) && consent != Some(true) {
        return Err(JobGateError::invalid_input(
            "consent",
            Phrase::new("reason-sync-consent-first").cv("origin", &origin),
        ));
    }
    Ok(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> (Store, ProfileId) {
        let mut store = Store::open_in_memory().unwrap();
        let owner = store.owner().unwrap();
        (store, owner)
    }

    fn local_ai() -> AiConfig {
        AiConfig {
            base_url: "http://127.0.0.1:9/v1".into(),
            model: "m".into(),
            api_key: String::new(),
            ..AiConfig::from_env()
        }
    }

    #[test]
    fn settings_are_saved_under_their_keys_and_read_back_with_defaults() {
        let (mut store, p) = open();
        // Nothing saved: the defaults, in the language on screen.
        assert_eq!(
            Settings::load(&store, p, Lang::Ar).unwrap(),
            Settings::in_lang(Lang::Ar)
        );
        let s = Settings {
            lang: Lang::Ar,
            ai_enabled: true,
            ai_consent_host: Some("https://openrouter.ai".into()),
            ai_base_url: None,
            ai_model: Some("some/model".into()),
            sync_url: Some("https://sync.example.org".into()),
            sync_consent_host: None,
        };
        s.save(&mut store, p).unwrap();
        assert_eq!(store.setting(p, LANG_KEY).unwrap().as_deref(), Some("ar"));
        assert_eq!(store.setting(p, AI_KEY).unwrap().as_deref(), Some("true"));
        assert_eq!(Settings::load(&store, p, Lang::En).unwrap(), s);
        // A language we do not speak, saved by some other program, is not taken.
        store.set_setting(p, LANG_KEY, "fr").unwrap();
        assert_eq!(Settings::load(&store, p, Lang::En).unwrap().lang, Lang::En);
        let mut forgotten = s.clone();
        forgotten.forget_all();
        assert_eq!(forgotten, Settings::in_lang(Lang::Ar));
    }

    #[test]
    fn a_language_code_is_en_or_ar() {
        assert_eq!(parse_lang("ar").unwrap(), Lang::Ar);
        assert_eq!(parse_lang("en").unwrap(), Lang::En);
        // A locale's region is not ours to refuse.
        assert_eq!(parse_lang("en-GB").unwrap(), Lang::En);
        assert_eq!(parse_lang(" AR ").unwrap(), Lang::Ar);
        for bad in ["fr", "", "e", "de-DE"] {
            let e = parse_lang(bad).unwrap_err();
            assert_eq!(e.code().as_str(), "INVALID_INPUT", "{bad}");
        }
    }

    #[test]
    fn an_ai_server_that_hides_its_host_or_a_huge_model_name_is_refused() {
        assert_eq!(
            ai_server_choice(Some("  ".into()), Some("".into())).unwrap(),
            (None, None)
        );
        let (url, model) = ai_server_choice(
            Some(" http://localhost:11434/v1 ".into()),
            Some(" llama ".into()),
        )
        .unwrap();
        assert_eq!(url.as_deref(), Some("http://localhost:11434/v1"));
        assert_eq!(model.as_deref(), Some("llama"));
        for hidden in [
            "https://openrouter.ai@evil.example/v1",
            "https://user:pw@host.example/v1",
            "ftp://host.example/v1",
            "https://host.example/v1?x=1",
        ] {
            let e = ai_server_choice(Some(hidden.into()), None).unwrap_err();
            assert!(
                matches!(&e, JobGateError::InvalidInput { field, .. } if field == "ai_base_url"),
                "{hidden}: {e:?}"
            );
        }
        let long = "m".repeat(MAX_MODEL_CHARS + 1);
        assert!(ai_server_choice(None, Some(long)).is_err());
        assert!(ai_server_choice(None, Some("m".repeat(MAX_MODEL_CHARS))).is_ok());
    }

    #[test]
    fn ai_is_used_only_when_allowed_switched_on_and_agreed_to_for_this_very_server() {
        let policy = Policy::default();
        let server = local_ai();
        let mut s = Settings::default();
        // Switching on asks for consent first, then remembers the origin agreed to.
        let e = ai_switch(&policy, &s, &server, true, None).unwrap_err();
        assert!(matches!(&e, JobGateError::InvalidInput { field, .. } if field == "consent"));
        let origin = ai_switch(&policy, &s, &server, true, Some(true))
            .unwrap()
            .unwrap();
        assert_eq!(origin, "http://127.0.0.1:9");
        assert_eq!(ai_switch(&policy, &s, &server, false, None).unwrap(), None);
        s.ai_enabled = true;
        s.ai_consent_host = Some(origin.clone());
        assert!(ai_usable(&policy, &s, server.clone()).is_ok());
        // Another port of the same host is another server: the consent does not carry over.
        let other = AiConfig {
            base_url: "http://127.0.0.1:10/v1".into(),
            ..server.clone()
        };
        assert!(!s.ai_consented(&other.origin()));
        assert_eq!(
            ai_usable(&policy, &s, other).unwrap_err().code().as_str(),
            "AI_UNAVAILABLE"
        );
        // An empty origin (an address the policy refuses) never counts as agreed.
        s.ai_consent_host = Some(String::new());
        assert!(!s.ai_consented(""));
        // Switched off, or the machine's policy: unavailable, whatever was agreed.
        s.ai_consent_host = Some(origin);
        s.ai_enabled = false;
        assert!(ai_usable(&policy, &s, server.clone()).is_err());
        s.ai_enabled = true;
        let no_ai = Policy {
            allow_ai: false,
            ..Policy::default()
        };
        assert!(ai_blocked(&no_ai).is_some());
        assert!(ai_usable(&no_ai, &s, server.clone()).is_err());
        assert!(ai_switch(&no_ai, &s, &server, true, Some(true)).is_err());
        // The settings' server and model replace the environment's default.
        s.ai_base_url = Some("http://localhost:8080/v1".into());
        s.ai_model = Some("local".into());
        let chosen = s.ai_server(&server);
        assert_eq!(chosen.base_url, "http://localhost:8080/v1");
        assert_eq!(chosen.model, "local");
    }

    #[test]
    fn another_ai_server_forgets_consent_and_another_model_does_not() {
        let base = local_ai();
        let mut s = Settings {
            ai_enabled: true,
            ai_consent_host: Some(base.origin()),
            ..Settings::default()
        };
        s.set_ai_server(&base, None, Some("other-model".into()));
        assert!(s.ai_enabled && s.ai_consented(&base.origin()), "{s:?}");
        s.set_ai_server(&base, Some("http://127.0.0.1:9/api/v2".into()), None);
        assert!(s.ai_enabled, "same origin, another path: {s:?}");
        s.set_ai_server(&base, Some("http://localhost:9/v1".into()), None);
        assert!(!s.ai_enabled && s.ai_consent_host.is_none(), "{s:?}");
    }

    #[test]
    fn sync_needs_an_allowed_address_a_profile_and_consent_for_that_server() {
        let policy = Policy::default();
        assert!(sync_blocked(&policy, false).is_none());
        assert!(sync_blocked(&policy, true).is_some());
        let off = Policy {
            allow_sync: false,
            ..Policy::default()
        };
        assert_eq!(
            sync_blocked(&off, false).unwrap().code().as_str(),
            "SYNC_FAILED"
        );
        assert!(
            sync_server("http://sync.example.org").is_err(),
            "plain HTTP to another machine"
        );
        assert!(sync_server("https://a@b.example").is_err());
        assert!(sync_server("http://127.0.0.1:8080").is_ok());
        let mut s = Settings::default();
        assert!(sync_switch_on(&s, Some(true)).is_err(), "no address yet");
        s.sync_url = Some("https://sync.example.org".into());
        let e = sync_switch_on(&s, None).unwrap_err();
        assert!(matches!(&e, JobGateError::InvalidInput { field, .. } if field == "consent"));
        let origin = sync_switch_on(&s, Some(true)).unwrap();
        s.sync_consent_host = Some(origin.clone());
        assert_eq!(sync_switch_on(&s, None).unwrap(), origin);
    }
}
