//! Where the AI lives and how long to wait for it: [`AiConfig`], read from the environment or built by the app.
//!
//! The API key is a secret: it is never printed by `Debug`, never put in an error message, and never stored
//! here longer than the config lives. Loading it from the OS keychain is [`crate::keys`]' job.

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

    /// The chat-completions endpoint.
    pub fn endpoint(&self) -> String {
        format!("{}/chat/completions", self.base_url.trim_end_matches('/'))
    }

    /// The server's host (and port), for messages: never the path or any credentials in the URL.
    pub fn host(&self) -> String {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        let authority = rest.split('/').next().unwrap_or(rest);
        authority
            .rsplit_once('@')
            .map_or(authority, |(_, h)| h)
            .to_string()
    }

    /// True for OpenRouter itself, which always needs a key (local servers usually need none).
    pub fn needs_key(&self) -> bool {
        self.host().eq_ignore_ascii_case("openrouter.ai")
    }

    /// True when the server is on this machine (no proxy is used for it).
    pub fn is_loopback(&self) -> bool {
        let host = self.host();
        let name = if let Some(v6) = host.strip_prefix('[') {
            v6.split(']').next().unwrap_or("")
        } else {
            host.rsplit_once(':').map_or(host.as_str(), |(h, _)| h)
        };
        name.eq_ignore_ascii_case("localhost")
            || name == "::1"
            || name
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
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

    #[test]
    fn host_hides_credentials_and_path() {
        let cfg = AiConfig {
            base_url: "https://user:pw@llm.example.org:8443/v1".into(),
            ..AiConfig::default()
        };
        assert_eq!(cfg.host(), "llm.example.org:8443");
        assert!(!cfg.is_loopback());
        let local = AiConfig {
            base_url: "http://localhost:8080/v1".into(),
            ..AiConfig::default()
        };
        assert!(local.is_loopback());
    }
}
