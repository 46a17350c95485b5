//! Where the AI lives and how long to wait for it: [`AiConfig`], read from the environment or built by the app.
//!
//! The API key is a secret: it is never printed by `Debug`, never put in an error message, and never stored
//! here longer than the config lives. Loading it from the OS keychain is [`crate::keys`]' job.

use jobgate_core::JobGateError;
use jobgate_core::net::BaseUrl;
use std::fmt;
use std::time::Duration;

/// OpenRouter's OpenAI-compatible API.
pub const DEFAULT_BASE_URL: &str = "https://openrouter.ai/api/v1";
/// A DeepSeek model on OpenRouter: good at JSON extraction, cheap, reads Arabic.
pub const DEFAULT_MODEL: &str = "deepseek/deepseek-chat";
/// Sent as `HTTP-Referer` (OpenRouter's app attribution). Change it when the project has a public home page.
pub const APP_URL: &str = "https://github.com/job-gate/job-gate";
/// Sent as `X-Title` (OpenRouter's app attribution).
pub const APP_TITLE: &str = "Job Gate";

/// How to reach an OpenAI-compatible chat-completions server.
#[derive(Clone, PartialEq, Eq)]
pub struct AiConfig {
    /// Base URL without the trailing `/chat/completions`, e.g. `https://openrouter.ai/api/v1` or
    /// `http://127.0.0.1:11434/v1` (Ollama).
    pub base_url: String,
    /// Model name as the server knows it, e.g. `deepseek/deepseek-chat`.
    pub model: String,
    /// Bearer token; empty for local servers that need none. Never printed.
    pub api_key: String,
    /// Time limit of one HTTP request (connect, send, wait, read).
    pub timeout: Duration,
    /// Most attempts for one call (the first one included); only 429 and 5xx answers are retried.
    pub max_attempts: u32,
    /// Cap on the whole call, retries and waits included.
    pub max_total: Duration,
}

impl Default for AiConfig {
    fn default() -> Self {
        AiConfig {
            base_url: DEFAULT_BASE_URL.to_string(),
            model: DEFAULT_MODEL.to_string(),
            api_key: String::new(),
            timeout: Duration::from_secs(30),
            max_attempts: 3,
            max_total: Duration::from_secs(60),
        }
    }
}

impl fmt::Debug for AiConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = if self.api_key.is_empty() {
            "<none>"
        } else {
            "<redacted>"
        };
        f.debug_struct("AiConfig")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("api_key", &key)
            .field("timeout", &self.timeout)
            .field("max_attempts", &self.max_attempts)
            .field("max_total", &self.max_total)
            .finish()
    }
}

impl AiConfig {
    /// Reads `OPENROUTER_API_KEY`, `JOBGATE_OPENROUTER_URL` and `JOBGATE_AI_MODEL` (DESIGN §8); unset or
    /// blank variables keep the defaults. The desktop app fills `api_key` from the keychain instead.
    pub fn from_env() -> AiConfig {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Self::from_env`] over any variable source (tests pass a map).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> AiConfig {
        let var = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut cfg = AiConfig::default();
        if let Some(url) = var("JOBGATE_OPENROUTER_URL") {
            cfg.base_url = url;
        }
        if let Some(model) = var("JOBGATE_AI_MODEL") {
            cfg.model = model;
        }
        if let Some(key) = var("OPENROUTER_API_KEY") {
            cfg.api_key = key;
        }
        cfg
    }

    /// The base URL checked by the shared address policy ([`BaseUrl::parse`]): what is shown and agreed to
    /// is exactly where requests go. An unusable address is `AI_UNAVAILABLE` with the reason.
    pub fn server(&self) -> Result<BaseUrl, JobGateError> {
        BaseUrl::parse(&self.base_url).map_err(|why| {
            JobGateError::ai_unavailable(
                jobgate_core::Phrase::new("reason-ai-address-not-usable").phrase("why", why),
            )
        })
    }

    /// The chat-completions endpoint (the base URL as given when it is not usable, for messages only:
    /// nothing is ever sent to an address [`Self::server`] refuses).
    pub fn endpoint(&self) -> String {
        match self.server() {
            Ok(url) => url.join("chat/completions").to_string(),
            Err(_) => format!("{}/chat/completions", self.base_url.trim_end_matches('/')),
        }
    }

    /// The server's host and port (the port only when it is not the scheme's default), as requests use
    /// it: never the path or anything else in the URL. Empty when the address is not usable.
    pub fn host(&self) -> String {
        self.server().map(|u| u.host_port()).unwrap_or_default()
    }

    /// `scheme://host[:port]` of the server: what consent is given to (another scheme, host or port is
    /// another server). Empty when the address is not usable.
    pub fn origin(&self) -> String {
        self.server().map(|u| u.origin()).unwrap_or_default()
    }

    /// The server as the AI cache tells servers apart: the whole normalised base URL, without a final `/`.
    pub fn server_id(&self) -> String {
        match self.server() {
            Ok(url) => url.as_str().trim_end_matches('/').to_string(),
            Err(_) => self.base_url.trim().to_string(),
        }
    }

    /// True for OpenRouter itself, which always needs a key (local servers usually need none).
    pub fn needs_key(&self) -> bool {
        self.server()
            .is_ok_and(|u| u.host().eq_ignore_ascii_case("openrouter.ai"))
    }

    /// True when the server is on this machine (no proxy is used for it).
    pub fn is_loopback(&self) -> bool {
        self.server().is_ok_and(|u| u.is_loopback())
    }

    /// Whether the API key may be sent to this server: over HTTPS, or plain HTTP to this machine. To any
    /// other plain-HTTP server (a model on the local network) requests go without it.
    pub fn may_send_key(&self) -> bool {
        self.server().is_ok_and(|u| u.may_carry_secrets())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> AiConfig {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        AiConfig::from_vars(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_openrouter_and_deepseek() {
        let cfg = from(&[]);
        assert_eq!(cfg.base_url, "https://openrouter.ai/api/v1");
        assert_eq!(cfg.model, "deepseek/deepseek-chat");
        assert_eq!(cfg.api_key, "");
        assert_eq!(cfg.timeout, Duration::from_secs(30));
        assert!(cfg.needs_key());
        assert_eq!(
            cfg.endpoint(),
            "https://openrouter.ai/api/v1/chat/completions"
        );
    }

    #[test]
    fn environment_overrides_url_model_and_key() {
        let cfg = from(&[
            ("JOBGATE_OPENROUTER_URL", "http://127.0.0.1:11434/v1/"),
            ("JOBGATE_AI_MODEL", "qwen2.5:7b"),
            ("OPENROUTER_API_KEY", "sk-or-v1-abc"),
        ]);
        assert_eq!(cfg.endpoint(), "http://127.0.0.1:11434/v1/chat/completions");
        assert_eq!(cfg.model, "qwen2.5:7b");
        assert_eq!(cfg.api_key, "sk-or-v1-abc");
        assert!(!cfg.needs_key());
        assert!(cfg.is_loopback());
    }

    #[test]
    fn blank_variables_keep_the_defaults() {
        let cfg = from(&[("JOBGATE_AI_MODEL", "  "), ("OPENROUTER_API_KEY", "")]);
        assert_eq!(cfg.model, DEFAULT_MODEL);
        assert_eq!(cfg.api_key, "");
    }

    #[test]
    fn debug_output_never_shows_the_key() {
        let cfg = AiConfig {
            api_key: "sk-or-v1-secret-123".into(),
            ..AiConfig::default()
        };
        let shown = format!("{cfg:?} {cfg:#?}");
        assert!(!shown.contains("secret-123"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    fn at(url: &str) -> AiConfig {
        AiConfig {
            base_url: url.into(),
            ..AiConfig::default()
        }
    }

    #[test]
    fn the_host_shown_is_the_host_the_request_goes_to() {
        // Shown as openrouter.ai by a naive split at the last '@', but sent to evil.example: refused.
        let trick = at("https://evil.example\\@openrouter.ai/api/v1");
        assert_eq!(trick.host(), "");
        assert_eq!(trick.origin(), "");
        assert!(!trick.needs_key() && !trick.may_send_key());
        assert!(matches!(
            trick.server(),
            Err(JobGateError::AiUnavailable { .. })
        ));
        for bad in [
            "https://user:pw@llm.example.org:8443/v1",
            "https://openrouter.ai@evil.example/api/v1",
            "https://evil.example\\.openrouter.ai/api/v1",
            "https://openrouter.ai\t.evil.example/v1",
            "https://openrouter.ai\n.evil.example/v1",
            "ftp://openrouter.ai/api/v1",
            "https://openrouter.ai/api/v1?x=1",
        ] {
            assert_eq!(at(bad).host(), "", "{bad:?}");
        }
        let cfg = at("HTTPS://OpenRouter.AI:443/api/v1/");
        assert_eq!(cfg.host(), "openrouter.ai");
        assert_eq!(cfg.origin(), "https://openrouter.ai");
        assert_eq!(
            cfg.endpoint(),
            "https://openrouter.ai/api/v1/chat/completions"
        );
        assert!(cfg.needs_key());
        assert_eq!(
            at("https://llm.example.org:8443/v1").host(),
            "llm.example.org:8443"
        );
        assert!(at("https://bücher.example/v1").host().starts_with("xn--"));
    }

    #[test]
    fn the_key_goes_only_over_https_or_to_this_machine() {
        for ok in [
            "https://openrouter.ai/api/v1",
            "http://127.0.0.1:11434/v1",
            "http://localhost:8080/v1",
            "http://[::1]:8080/v1",
        ] {
            assert!(at(ok).may_send_key(), "{ok}");
        }
        assert!(at("http://[::1]:8080/v1").is_loopback());
        for plain in [
            "http://openrouter.ai/api/v1",
            "http://192.168.1.20:11434/v1",
            "http://localhost.evil.test/v1",
            "http://[::2]:8080/v1",
        ] {
            assert!(!at(plain).may_send_key(), "{plain}");
            assert!(!at(plain).is_loopback(), "{plain}");
        }
    }

    #[test]
    fn server_ids_tell_servers_apart() {
        assert_eq!(
            at("https://OpenRouter.ai/api/v1/").server_id(),
            "https://openrouter.ai/api/v1"
        );
        assert_ne!(
            at("https://openrouter.ai/api/v1").server_id(),
            at("http://127.0.0.1:11434/v1").server_id()
        );
    }
}
