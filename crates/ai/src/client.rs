//! One chat-completions call (`POST {base}/chat/completions`) with a time limit, bounded retries and a cancel flag.
//!
//! The call is blocking (the CLI is sync; the app runs it on a worker thread). Each attempt runs on its own
//! short-lived thread so that the caller can give up at once when the user cancels; the abandoned attempt ends
//! by itself within the request timeout. Only 429 and 5xx answers are retried, with backoff that respects
//! `Retry-After`, and never past [`AiConfig::max_total`]. Every failure becomes
//! [`JobGateError::AiUnavailable`] with a reason a user understands, and never with the API key in it.
//!
//! What to ask and how to read the answer is left to [`crate::prompts`] and [`crate::answer`].

use crate::config::{APP_TITLE, APP_URL, AiConfig};
use crate::stream::{SseReader, StreamEvent};
use jobgate_core::{JobGateError, Phrase, Reason};
use serde_json::{Value, json};
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Biggest answer body read (a CV as JSON is a few KB).
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// First backoff wait; doubled on every retry unless the server says `Retry-After`.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// How often a waiting caller looks at the cancel flag.
const POLL: Duration = Duration::from_millis(20);

/// A flag the user (or the app) sets to stop a running call. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> CancelToken {
        CancelToken::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub role: &'static str,
    pub content: String,
}

impl Message {
    pub fn system(content: impl Into<String>) -> Message {
        Message {
            role: "system",
            content: content.into(),
        }
    }
    pub fn user(content: impl Into<String>) -> Message {
        Message {
            role: "user",
            content: content.into(),
        }
    }
}

/// The JSON body of a chat-completions request that asks for a JSON object back.
pub fn request_body(cfg: &AiConfig, messages: &[Message]) -> Value {
    request_body_with(cfg, messages, false)
}

/// [`request_body`], streamed (`"stream": true`) or not.
fn request_body_with(cfg: &AiConfig, messages: &[Message], stream: bool) -> Value {
    let messages: Vec<Value> = messages
        .iter()
        .map(|m| json!({"role": m.role, "content": m.content}))
        .collect();
    json!({
        "model": cfg.model,
        "messages": messages,
        "response_format": {"type": "json_object"},
        "temperature": 0,
        "stream": stream,
    })
}

/// The reason of a call the person cancelled.
pub const CANCELLED: &str = "reason-ai-cancelled";

fn unavailable(reason: impl Into<Reason>) -> JobGateError {
    JobGateError::ai_unavailable(reason)
}

/// Words about the AI server at `host` (the host the person set, isolated when shown).
fn at_host(id: &str, host: &str) -> Phrase {
    Phrase::new(id).cv("host", host)
}

/// Why a call to this server cannot be made at all: an address the shared policy refuses, or a server
/// that needs a key (OpenRouter) without one, or with one that may not travel there (plain HTTP).
pub fn ready_to_send(cfg: &AiConfig) -> Result<(), JobGateError> {
    cfg.server()?;
    if cfg.needs_key() && cfg.api_key.trim().is_empty() {
        return Err(unavailable(Reason::new("reason-ai-no-key")));
    }
    if cfg.needs_key() && !cfg.may_send_key() {
        return Err(unavailable(at_host(
            "reason-ai-key-needs-https",
            &cfg.host(),
        )));
    }
    Ok(())
}

/// Sends `messages` and returns the assistant message's text (`choices[0].message.content`).
pub fn complete(
    cfg: &AiConfig,
    messages: &[Message],
    cancel: &CancelToken,
) -> Result<String, JobGateError> {
    ready_to_send(cfg)?;
    let body = serde_json::to_vec(&request_body(cfg, messages))
        .map_err(|e| unavailable(Reason::new("reason-ai-request-not-built").with_technical(e)))?;
    let reply = send_with_retries(cfg, cancel, |timeout| {
        run_cancellable(cfg, body.clone(), timeout, cancel)
    })
    .map_err(|e| redact(e, &cfg.api_key))?;
    content_of(&reply).map_err(|e| redact(e, &cfg.api_key))
}

/// [`complete`] with the answer streamed: `on_delta` gets each piece of the assistant's text as it
/// arrives (on the caller's thread), and the whole text is returned at the end. A server that does not
/// stream (a plain JSON answer) works too: `on_delta` then gets the whole text once.
///
/// Retries happen only before any text arrived (an error status comes first); a stream that breaks
/// half-way is a failure, since the text already shown cannot be taken back.
pub fn complete_streaming(
    cfg: &AiConfig,
    messages: &[Message],
    cancel: &CancelToken,
    on_delta: &mut dyn FnMut(&str),
) -> Result<String, JobGateError> {
    ready_to_send(cfg)?;
    let body = serde_json::to_vec(&request_body_with(cfg, messages, true))
        .map_err(|e| unavailable(Reason::new("reason-ai-request-not-built").with_technical(e)))?;
    let mut streamed = String::new();
    let mut finish = None;
    let reply = send_with_retries(cfg, cancel, |timeout| {
        run_streaming(
            cfg,
            body.clone(),
            timeout,
            cancel,
            &mut |event| match event {
                StreamEvent::Delta(text) => {
                    streamed.push_str(&text);
                    on_delta(&text);
                }
                StreamEvent::Finish(reason) => finish = Some(reason),
                StreamEvent::Error(_) | StreamEvent::Done => {}
            },
        )
    })
    .map_err(|e| redact(e, &cfg.api_key))?;
    if !reply.is_empty() {
        // Not a stream: an ordinary chat completion.
        let content = content_of(&reply).map_err(|e| redact(e, &cfg.api_key))?;
        on_delta(&content);
        return Ok(content);
    }
    if finish.as_deref() == Some("length") {
        return Err(unavailable(Reason::new("reason-ai-answer-cut-off")));
    }
    let content = streamed.trim().to_string();
    if content.is_empty() {
        return Err(unavailable(Reason::new("reason-ai-empty-answer")));
    }
    Ok(content)
}

/// Belt and braces: whatever went wrong, the key never reaches a message.
fn redact(err: JobGateError, key: &str) -> JobGateError {
    match err {
        JobGateError::AiUnavailable { reason } if key.len() >= 4 => {
            let json = serde_json::to_string(&reason).unwrap_or_default();
            if json.contains(key) {
                let clean = json.replace(key, "***");
                unavailable(serde_json::from_str::<Reason>(&clean).unwrap_or_default())
            } else {
                unavailable(reason)
            }
        }
        other => other,
    }
}

/// What one attempt ended with.
enum Attempt {
    Ok(Vec<u8>),
    /// An HTTP error status, with `Retry-After` (seconds) and the body.
    Status(u16, Option<Duration>, Vec<u8>),
    TimedOut,
    Unreachable(Reason),
}

fn http_client(loopback: bool) -> &'static reqwest::blocking::Client {
    static DIRECT: OnceLock<reqwest::blocking::Client> = OnceLock::new();
    static PROXIED: OnceLock<reqwest::blocking::Client> = OnceLock::new();
    let cell = if loopback { &DIRECT } else { &PROXIED };
    cell.get_or_init(|| {
        // reqwest is built without a bundled crypto provider; `ring` needs no C toolchain beyond cc.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // Redirects are never followed: the key would go along to wherever a redirect points.
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(concat!("JobGate/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .timeout(None::<Duration>);
        if loopback {
            // A local model must not be sent through a corporate proxy from the environment.
            builder = builder.no_proxy();
        }
        builder
            .build()
            .unwrap_or_else(|_| reqwest::blocking::Client::new())
    })
}

/// Sends the request; a transport failure is already the attempt's outcome.
fn send(
    cfg: &AiConfig,
    body: Vec<u8>,
    timeout: Duration,
    accept: &str,
) -> Result<reqwest::blocking::Response, Attempt> {
    let server = cfg
        .server()
        .map_err(|_| Attempt::Unreachable(Reason::new("reason-ai-address-unusable")))?;
    let client = http_client(server.is_loopback());
    let mut req = client
        .post(server.join("chat/completions"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .header("HTTP-Referer", APP_URL)
        .header("X-Title", APP_TITLE)
        .body(body);
    // The key travels only over HTTPS or to this machine; a plain-HTTP server elsewhere gets none.
    if !cfg.api_key.trim().is_empty() && server.may_carry_secrets() {
        req = req.bearer_auth(cfg.api_key.trim());
    }
    match req.send() {
        Ok(r) => Ok(r),
        Err(e) if e.is_timeout() => Err(Attempt::TimedOut),
        Err(e) => Err(Attempt::Unreachable(describe_transport(&e, &cfg.host()))),
    }
}

/// Reads a whole (bounded) body; an error status becomes [`Attempt::Status`].
fn read_reply(cfg: &AiConfig, resp: reqwest::blocking::Response) -> Attempt {
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64);
    let mut bytes = Vec::new();
    let mut reader = resp;
    let read = (&mut reader)
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return read_failure(cfg, &e);
    }
    if (200..300).contains(&status) {
        Attempt::Ok(bytes)
    } else {
        Attempt::Status(status, retry_after, bytes)
    }
}

/// A body cut off by the time limit is a timeout too; anything else is a broken connection.
fn read_failure(cfg: &AiConfig, e: &std::io::Error) -> Attempt {
    let timed_out = e.to_string().to_lowercase().contains("timed out")
        || e.get_ref()
            .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
            .is_some_and(|re| re.is_timeout());
    if timed_out {
        Attempt::TimedOut
    } else {
        Attempt::Unreachable(at_host("reason-ai-connection-broke", &cfg.host()).into())
    }
}

fn attempt(cfg: &AiConfig, body: Vec<u8>, timeout: Duration) -> Attempt {
    match send(cfg, body, timeout, "application/json") {
        Ok(resp) => read_reply(cfg, resp),
        Err(outcome) => outcome,
    }
}

/// What a request's helper thread reports.
enum Piece {
    Event(StreamEvent),
    /// The attempt is over. `Attempt::Ok` with an empty body means the stream ended well; a non-empty
    /// body is a server that answered without streaming.
    End(Attempt),
}

/// One streamed attempt: sends events while the body arrives, then how it ended.
fn stream_attempt(cfg: &AiConfig, body: Vec<u8>, timeout: Duration, tx: &mpsc::Sender<Piece>) {
    let resp = match send(cfg, body, timeout, "text/event-stream") {
        Ok(resp) => resp,
        Err(outcome) => {
            let _ = tx.send(Piece::End(outcome));
            return;
        }
    };
    let is_stream = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if !resp.status().is_success() || !is_stream {
        let _ = tx.send(Piece::End(read_reply(cfg, resp)));
        return;
    }
    let mut reader = SseReader::new();
    let mut resp = resp;
    let mut buf = [0u8; 8192];
    let mut total = 0usize;
    let end = loop {
        let events = match resp.read(&mut buf) {
            Ok(0) => break Attempt::Ok(Vec::new()),
            Ok(n) => {
                total += n;
                if total > MAX_BODY_BYTES {
                    break Attempt::Unreachable(Reason::new("reason-ai-answer-too-long"));
                }
                reader.feed(&buf[..n])
            }
            Err(e) => break read_failure(cfg, &e),
        };
        let mut outcome = None;
        for event in events {
            match event {
                StreamEvent::Done => outcome = Some(Attempt::Ok(Vec::new())),
                StreamEvent::Error(msg) => {
                    outcome = Some(Attempt::Unreachable(
                        Reason::new("reason-ai-server-error").with_technical(msg),
                    ))
                }
                event => {
                    if tx.send(Piece::Event(event)).is_err() {
                        return; // The caller gave up (cancelled).
                    }
                }
            }
            if outcome.is_some() {
                break;
            }
        }
        if let Some(outcome) = outcome {
            break outcome;
        }
    };
    for event in reader.finish() {
        let _ = tx.send(Piece::Event(event));
    }
    let _ = tx.send(Piece::End(end));
}

/// Runs one streamed attempt on a helper thread; its events reach `on_event` on the caller's thread,
/// which also watches the cancel flag.
fn run_streaming(
    cfg: &AiConfig,
    body: Vec<u8>,
    timeout: Duration,
    cancel: &CancelToken,
    on_event: &mut dyn FnMut(StreamEvent),
) -> Result<Attempt, JobGateError> {
    let cfg_copy = cfg.clone();
    on_helper(
        cfg,
        "jobgate-ai-stream",
        timeout,
        cancel,
        on_event,
        move |tx| stream_attempt(&cfg_copy, body, timeout, tx),
    )
}

/// A transport failure in words, naming only the host (never the URL's path or query).
fn describe_transport(e: &reqwest::Error, host: &str) -> Reason {
    if e.is_connect() {
        at_host("reason-ai-no-connection", host).into()
    } else {
        at_host("reason-ai-connection-problem", host).into()
    }
}

/// Runs `attempt` (given the time it may take) until it succeeds, fails for good, or the retries and
/// [`AiConfig::max_total`] are used up.
fn send_with_retries(
    cfg: &AiConfig,
    cancel: &CancelToken,
    mut attempt: impl FnMut(Duration) -> Result<Attempt, JobGateError>,
) -> Result<Vec<u8>, JobGateError> {
    let started = Instant::now();
    let attempts = cfg.max_attempts.max(1);
    let mut backoff = FIRST_BACKOFF;
    let mut last_error = unavailable(Reason::new("reason-ai-no-attempt"));
    for n in 1..=attempts {
        if cancel.is_cancelled() {
            return Err(unavailable(Reason::new(CANCELLED)));
        }
        let left = cfg.max_total.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        let timeout = cfg.timeout.min(left);
        let outcome = attempt(timeout)?;
        let retry_after = match outcome {
            Attempt::Ok(bytes) => return Ok(bytes),
            Attempt::TimedOut => {
                return Err(unavailable(
                    at_host("reason-ai-timeout", &cfg.host()).value("seconds", seconds(timeout)),
                ));
            }
            Attempt::Unreachable(what) => return Err(unavailable(what)),
            Attempt::Status(status, retry_after, body) => {
                last_error = status_error(cfg, status, &body);
                if !(status == 429 || (500..600).contains(&status)) {
                    return Err(last_error);
                }
                retry_after
            }
        };
        if n == attempts {
            break;
        }
        let wait = retry_after.unwrap_or(backoff);
        backoff *= 2;
        if started.elapsed() + wait >= cfg.max_total {
            // Waiting as long as the server asks would pass the cap: give up now rather than later.
            break;
        }
        sleep_cancellable(wait, cancel)?;
    }
    Err(last_error)
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{}", s.round())
    } else {
        format!("{:.1}", s)
    }
}

/// Runs one attempt on a helper thread and waits for it, looking at the cancel flag while waiting.
fn run_cancellable(
    cfg: &AiConfig,
    body: Vec<u8>,
    timeout: Duration,
    cancel: &CancelToken,
) -> Result<Attempt, JobGateError> {
    let cfg_copy = cfg.clone();
    on_helper(
        cfg,
        "jobgate-ai-request",
        timeout,
        cancel,
        &mut |_| {},
        move |tx| {
            let _ = tx.send(Piece::End(attempt(&cfg_copy, body, timeout)));
        },
    )
}

/// Runs `work` on a helper thread so that the caller can give up at once when the user cancels,
/// passing on its events until it reports how the attempt ended. The HTTP client enforces `timeout`;
/// the deadline here only guards against a stuck helper.
fn on_helper(
    cfg: &AiConfig,
    name: &str,
    timeout: Duration,
    cancel: &CancelToken,
    on_event: &mut dyn FnMut(StreamEvent),
    work: impl FnOnce(&mpsc::Sender<Piece>) + Send + 'static,
) -> Result<Attempt, JobGateError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || work(&tx))
        .map_err(|e| unavailable(Reason::new("reason-ai-request-not-started").with_technical(e)))?;
    let deadline = Instant::now() + timeout + Duration::from_secs(2);
    loop {
        if cancel.is_cancelled() {
            return Err(unavailable(Reason::new(CANCELLED)));
        }
        match rx.recv_timeout(POLL) {
            Ok(Piece::Event(event)) => on_event(event),
            Ok(Piece::End(outcome)) => return Ok(outcome),
            Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
            Err(mpsc::RecvTimeoutError::Timeout) => return Ok(Attempt::TimedOut),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Ok(Attempt::Unreachable(
                    at_host("reason-ai-request-failed", &cfg.host()).into(),
                ));
            }
        }
    }
}

fn sleep_cancellable(wait: Duration, cancel: &CancelToken) -> Result<(), JobGateError> {
    let until = Instant::now() + wait;
    loop {
        if cancel.is_cancelled() {
            return Err(unavailable(Reason::new(CANCELLED)));
        }
        let now = Instant::now();
        if now >= until {
            return Ok(());
        }
        std::thread::sleep((until - now).min(POLL));
    }
}

/// The server's own words from an OpenAI-style error body (`{"error": {"message": ...}}`), shortened.
fn server_message(body: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let err = v.get("error")?;
    let msg = err
        .get("message")
        .and_then(Value::as_str)
        .or_else(|| err.as_str())?;
    let msg: String = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = msg.chars().take(160).collect();
    (!short.is_empty()).then_some(short)
}

fn status_error(cfg: &AiConfig, status: u16, body: &[u8]) -> JobGateError {
    let host = cfg.host();
    match status {
        // The server's text is left out here: some servers echo the credentials they were given.
        401 | 403 => unavailable(at_host("reason-ai-key-refused", &host).value("status", status)),
        402 => unavailable(at_host("reason-ai-no-credit", &host).value("status", status)),
        404 => unavailable(
            at_host("reason-ai-unknown-model", &host)
                .cv("model", &cfg.model)
                .value("status", status),
        ),
        429 => unavailable(at_host("reason-ai-rate-limited", &host).value("status", status)),
        500..=599 => {
            unavailable(at_host("reason-ai-server-problem", &host).value("status", status))
        }
        _ => {
            let words = at_host("reason-ai-rejected", &host).value("status", status);
            match server_message(body) {
                Some(m) => unavailable(Reason::from(words).with_technical(m)),
                None => unavailable(words),
            }
        }
    }
}

/// `choices[0].message.content` of a chat-completions answer.
pub fn content_of(body: &[u8]) -> Result<String, JobGateError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|_| unavailable(Reason::new("reason-ai-answer-not-json")))?;
    if let Some(msg) = v.get("error").and_then(|_| server_message(body)) {
        return Err(unavailable(
            Reason::new("reason-ai-server-error").with_technical(msg),
        ));
    }
    let choice = v
        .get("choices")
        .and_then(|c| c.get(0))
        .ok_or_else(|| unavailable(Reason::new("reason-ai-no-choices")))?;
    let content = choice
        .pointer("/message/content")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim();
    if content.is_empty() {
        return Err(unavailable(Reason::new("reason-ai-empty-answer")));
    }
    if choice.get("finish_reason").and_then(Value::as_str) == Some("length") {
        return Err(unavailable(Reason::new("reason-ai-answer-cut-off")));
    }
    Ok(content.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_read_from_the_first_choice() {
        let body = br#"{"choices":[{"message":{"role":"assistant","content":" {\"a\":1} "},"finish_reason":"stop"}]}"#;
        assert_eq!(content_of(body).unwrap(), r#"{"a":1}"#);
    }

    #[test]
    fn an_error_body_with_status_200_is_a_failure() {
        let body = br#"{"error":{"message":"Provider returned error","code":502}}"#;
        let e = content_of(body).unwrap_err();
        assert!(e.to_string().contains("Provider returned error"), "{e}");
    }

    #[test]
    fn a_cut_off_answer_is_a_failure() {
        let body = br#"{"choices":[{"message":{"content":"{\"summary\": \"abc"},"finish_reason":"length"}]}"#;
        assert!(
            content_of(body)
                .unwrap_err()
                .to_string()
                .contains("cut off")
        );
    }

    #[test]
    fn no_key_for_openrouter_fails_without_calling_out() {
        let cfg = AiConfig::default();
        let started = Instant::now();
        let e = complete(&cfg, &[Message::user("x")], &CancelToken::new()).unwrap_err();
        assert!(started.elapsed() < Duration::from_millis(500));
        assert!(e.to_string().contains("no OpenRouter API key"), "{e}");
    }

    #[test]
    fn the_request_asks_for_a_json_object() {
        let cfg = AiConfig::default();
        let body = request_body(&cfg, &[Message::system("s"), Message::user("u")]);
        assert_eq!(body["model"], "deepseek/deepseek-chat");
        assert_eq!(body["response_format"]["type"], "json_object");
        assert_eq!(body["messages"][0]["role"], "system");
        assert_eq!(body["messages"][1]["content"], "u");
    }
}
