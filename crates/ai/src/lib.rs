//! Optional AI for Job Gate: an OpenAI-compatible chat-completions client (OpenRouter and DeepSeek by default,
//! any local server too) that improves the rule parser's CV, rewrites achievements and drafts summaries.
//!
//! - [`enhance`]: extracted CV text + the rule result → a better [`Cv`], or [`JobGateError::AiUnavailable`]
//!   with a reason; the caller then keeps the rule result and shows the reason as a warning.
//! - [`rewrite_achievement`], [`draft_summary`]: one suggestion each, for the user to accept or not.
//! - [`config`] (where the server is, from the environment or the app), [`client`] (HTTP, retries, cancel),
//!   [`prompts`] (versioned prompt files), [`answer`] (validation), [`merge`], [`cache`], [`keys`] (keychain).
//!
//! **Boundary:** this crate never decides whether AI is used (`--ai`, `--no-ai`, the user's consent): the
//! engine and the app do. It never stores the API key anywhere and never puts it in a message.

pub mod answer;
pub mod cache;
pub mod client;
pub mod config;
pub mod keys;
pub mod merge;
pub mod prompts;
pub mod stream;

pub use cache::{AiCache, MemoryCache, cache_key, text_digest};
pub use client::CancelToken;
pub use config::AiConfig;

use jobgate_core::{Cv, JobGateError, Lang};
use serde_json::Value;

fn unavailable(id: &str) -> JobGateError {
    JobGateError::ai_unavailable(jobgate_core::Reason::new(id))
}

/// Sends the CV text to the model and merges its structured answer into `rules` (the rule parser's result).
///
/// Uses and fills `cache` (keyed by [`cache_key`]). Any failure — no key, offline, timeout, 4xx/5xx, an answer
/// that is not JSON or has no usable field — is `Err(AiUnavailable { reason })`.
pub fn enhance(
    text: &str,
    rules: &Cv,
    cfg: &AiConfig,
    cache: Option<&dyn AiCache>,
) -> Result<Cv, JobGateError> {
    enhance_cancellable(text, rules, cfg, cache, &CancelToken::new())
}

/// [`enhance`] that stops (with `AiUnavailable` and the reason [`client::CANCELLED`]) as soon as `cancel` is set.
pub fn enhance_cancellable(
    text: &str,
    rules: &Cv,
    cfg: &AiConfig,
    cache: Option<&dyn AiCache>,
    cancel: &CancelToken,
) -> Result<Cv, JobGateError> {
    if text.trim().is_empty() {
        return Err(unavailable("reason-ai-no-text"));
    }
    let key = cache_key(text, &cfg.server_id(), &cfg.model);
    if let Some(cached) = cache.and_then(|c| c.get(&key))
        && let Ok(answer) = answer::read_answer(&cached, text)
    {
        return Ok(merge::merge(rules, &answer));
    }
    let content = client::complete(cfg, &prompts::parse_cv(text), cancel)?;
    let answer = answer::read_answer(&content, text)?;
    if let Some(c) = cache {
        c.put(&key, &content);
    }
    Ok(merge::merge(rules, &answer))
}

/// The one string the model answered under `field` (or, for a model that ignored the JSON request, the whole
/// plain-text answer), cleaned and bounded.
fn single_text(content: &str, field: &str, max_chars: usize) -> Result<String, JobGateError> {
    let text = match answer::extract_json(content) {
        Some(map) => map
            .get(field)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| unavailable("reason-ai-answer-no-text"))?,
        None if !content.trim_start().starts_with(['{', '[']) => content.to_string(),
        None => return Err(unavailable("reason-ai-answer-invalid-json")),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text
        .trim_matches(['"', '“', '”', '«', '»', ' '])
        .to_string();
    if text.is_empty() {
        return Err(unavailable("reason-ai-empty-answer"));
    }
    if text.chars().count() > max_chars {
        return Err(unavailable("reason-ai-answer-far-too-long"));
    }
    Ok(text)
}

/// An achievement-focused rewrite of one CV line, in `lang`, for the user to accept.
pub fn rewrite_achievement(text: &str, lang: Lang, cfg: &AiConfig) -> Result<String, JobGateError> {
    rewrite_achievement_cancellable(text, lang, cfg, &CancelToken::new())
}

/// [`rewrite_achievement`] with a cancel flag.
pub fn rewrite_achievement_cancellable(
    text: &str,
    lang: Lang,
    cfg: &AiConfig,
    cancel: &CancelToken,
) -> Result<String, JobGateError> {
    rewrite_achievement_streaming(text, lang, cfg, cancel, &mut |_| {})
}

/// [`rewrite_achievement`], streamed: `preview` gets the wording so far each time it grows, so the
/// user reads it while the model writes; the returned text is the validated whole.
pub fn rewrite_achievement_streaming(
    text: &str,
    lang: Lang,
    cfg: &AiConfig,
    cancel: &CancelToken,
    preview: &mut dyn FnMut(&str),
) -> Result<String, JobGateError> {
    if text.trim().is_empty() {
        return Err(JobGateError::invalid_input(
            "achievement",
            jobgate_core::Reason::new("reason-ai-nothing-to-rewrite"),
        ));
    }
    let messages = prompts::rewrite_achievement(text, lang);
    let content = complete_previewing(cfg, &messages, cancel, "rewrite", preview)?;
    single_text(&content, "rewrite", 400)
}

/// A drafted professional summary for `cv`, in `lang`, for the user to accept. Contact details are not sent.
pub fn draft_summary(cv: &Cv, lang: Lang, cfg: &AiConfig) -> Result<String, JobGateError> {
    draft_summary_cancellable(cv, lang, cfg, &CancelToken::new())
}

/// [`draft_summary`] with a cancel flag.
pub fn draft_summary_cancellable(
    cv: &Cv,
    lang: Lang,
    cfg: &AiConfig,
    cancel: &CancelToken,
) -> Result<String, JobGateError> {
    draft_summary_streaming(cv, lang, cfg, cancel, &mut |_| {})
}

/// [`draft_summary`], streamed: `preview` gets the summary so far each time it grows.
pub fn draft_summary_streaming(
    cv: &Cv,
    lang: Lang,
    cfg: &AiConfig,
    cancel: &CancelToken,
    preview: &mut dyn FnMut(&str),
) -> Result<String, JobGateError> {
    let mut content_only = cv.clone();
    content_only.personal_info = Default::default();
    if content_only.is_empty() {
        return Err(JobGateError::invalid_input(
            "cv",
            jobgate_core::Reason::new("reason-ai-nothing-to-summarise"),
        ));
    }
    let messages = prompts::draft_summary(cv, lang);
    let content = complete_previewing(cfg, &messages, cancel, "summary", preview)?;
    single_text(&content, "summary", 1200)
}

/// A streamed call whose growing answer is shown through `preview` as the text of `field`.
fn complete_previewing(
    cfg: &AiConfig,
    messages: &[client::Message],
    cancel: &CancelToken,
    field: &str,
    preview: &mut dyn FnMut(&str),
) -> Result<String, JobGateError> {
    let mut so_far = String::new();
    let mut shown = String::new();
    client::complete_streaming(cfg, messages, cancel, &mut |delta| {
        so_far.push_str(delta);
        if let Some(text) = stream::partial_field(&so_far, field)
            && text != shown
        {
            preview(&text);
            shown = text;
        }
    })
}
