//! Caching model answers so that analysing the same CV again costs nothing.
//!
//! The key is the SHA-256 of the document text, the server, the model and the prompt version, so another
//! server, model or prompt asks again (and one server's answer is never served as another's). The value is the model's raw answer; it is validated and merged again on every hit, so a
//! better validator or rule parser still applies. The SQLite-backed cache lives in the store crate and
//! implements [`AiCache`]; [`MemoryCache`] is for tests and short-lived processes.

use crate::prompts::PARSE_PROMPT_VERSION;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// Where answers are kept between runs. `Send + Sync` so that one cache serves parallel analyses and the app's
/// shared state (a SQLite connection goes behind a `Mutex`).
pub trait AiCache: Send + Sync {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, value: &str);
}

/// `sha256(text)` in hex: what every cache key of this text starts with.
pub fn text_digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// [`text_digest`], then the server (see [`crate::AiConfig::server_id`]), the model and the prompt version:
/// `<hex>|<server>|<model>|<prompt version>`.
pub fn cache_key(text: &str, server: &str, model: &str) -> String {
    format!(
        "{}|{server}|{model}|{PARSE_PROMPT_VERSION}",
        text_digest(text)
    )
}

/// An in-memory [`AiCache`].
#[derive(Debug, Default)]
pub struct MemoryCache {
    entries: Mutex<HashMap<String, String>>,
}

impl MemoryCache {
    pub fn new() -> MemoryCache {
        MemoryCache::default()
    }
    pub fn len(&self) -> usize {
        self.entries.lock().map(|m| m.len()).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl AiCache for MemoryCache {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.lock().ok()?.get(key).cloned()
    }
    fn put(&self, key: &str, value: &str) {
        if let Ok(mut m) = self.entries.lock() {
            m.insert(key.to_string(), value.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENROUTER: &str = "https://openrouter.ai/api/v1";

    #[test]
    fn key_changes_with_text_server_and_model() {
        let a = cache_key("cv one", OPENROUTER, "deepseek/deepseek-chat");
        // `printf 'cv one' | sha256sum`
        assert!(a.starts_with("6e46adf38fe806dd9aecc809d6e199bc369b48fa804368152ec39b80bf9837b0|"));
        assert!(a.starts_with(&text_digest("cv one")));
        assert!(a.ends_with("|https://openrouter.ai/api/v1|deepseek/deepseek-chat|parse_cv.v1"));
        assert_ne!(a, cache_key("cv two", OPENROUTER, "deepseek/deepseek-chat"));
        assert_ne!(a, cache_key("cv one", OPENROUTER, "qwen2.5"));
        assert_ne!(
            a,
            cache_key(
                "cv one",
                "http://127.0.0.1:11434/v1",
                "deepseek/deepseek-chat"
            )
        );
        assert_eq!(a, cache_key("cv one", OPENROUTER, "deepseek/deepseek-chat"));
    }

    #[test]
    fn memory_cache_round_trip() {
        let c = MemoryCache::new();
        assert_eq!(c.get("k"), None);
        c.put("k", "v");
        assert_eq!(c.get("k").as_deref(), Some("v"));
        assert_eq!(c.len(), 1);
    }
}
