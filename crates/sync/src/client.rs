//! One HTTP request of protocol v1 at a time: health, push, pull, each answered with a typed result or a
//! [`SyncError`] that says what the status or the transport failure means.
//!
//! The client never retries, waits or splits: that policy is [`crate::run`]'s, so it can be tested with a
//! fake clock. It never follows redirects (the `X-API-Key` header would go along to wherever the redirect
//! points) and sends the key as a sensitive header value, so it stays out of reqwest's own debug output.
//! Calls block (the CLI is sync; the app runs a sync on a worker thread).

use crate::config::{ApiKey, ServerConfig, ServerUrl};
use crate::error::SyncError;
use crate::protocol::{
    ErrorBody, Health, PROTOCOL_VERSION, PullResponse, PushRequest, PushResponse,
};
use jobgate_core::{Phrase, Reason};
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::time::Duration;
use uuid::Uuid;

/// Biggest answer read. A pull page is capped by the server at about 8 MiB of data plus one change of
/// at most 4 MiB; anything bigger is not a protocol v1 answer.
const MAX_ANSWER_BYTES: u64 = 32 * 1024 * 1024;
/// Connecting never takes longer than this, even with a long request timeout.
const MAX_CONNECT: Duration = Duration::from_secs(10);

/// What [`crate::run::sync_once`] needs from the server. [`SyncClient`] is the real one; tests script fakes.
pub trait Remote {
    /// `scheme://host[:port]` the requests go to, for the report.
    fn server(&self) -> String;
    /// This machine's id for the profile (`X-Device-Id`, and `device_id` in pushes).
    fn device_id(&self) -> Uuid;
    fn health(&self) -> Result<Health, SyncError>;
    fn push(&self, request: &PushRequest) -> Result<PushResponse, SyncError>;
    /// One page after `since` (`None`: from the start). `limit` asks the server for smaller pages; a server
    /// that does not know it ignores it.
    fn pull(&self, since: Option<&str>, limit: Option<u32>) -> Result<PullResponse, SyncError>;
}

/// The protocol v1 client for one account on one server.
#[derive(Debug)]
pub struct SyncClient {
    url: ServerUrl,
    key: ApiKey,
    device_id: Uuid,
    timeout: Duration,
    http: Client,
}

impl SyncClient {
    /// Checks the URL (see [`ServerUrl::parse`]) and the key, and prepares the HTTP client.
    pub fn new(config: ServerConfig) -> Result<SyncClient, SyncError> {
        let url = ServerUrl::parse(&config.base_url)?;
        if config.api_key.is_empty() {
            return Err(SyncError::Unauthorized);
        }
        if HeaderValue::from_str(config.api_key.expose()).is_err() {
            // Not said how it is malformed: that would print part of it.
            return Err(SyncError::Unauthorized);
        }
        // reqwest is built without a bundled crypto provider; `ring` needs no C toolchain beyond cc.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = Client::builder()
            .user_agent(concat!("JobGate/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .https_only(!url.is_loopback())
            .connect_timeout(config.timeout.min(MAX_CONNECT))
            .timeout(config.timeout);
        if url.is_loopback() {
            // A server on this machine must not be reached through a proxy from the environment.
            builder = builder.no_proxy();
        }
        let http = builder.build().map_err(|e| SyncError::Network {
            reason: Reason::new("reason-sync-no-https").with_technical(chain(&e)),
        })?;
        Ok(SyncClient {
            url,
            key: config.api_key,
            device_id: config.device_id,
            timeout: config.timeout,
            http,
        })
    }

    /// The checked base URL.
    pub fn url(&self) -> &ServerUrl {
        &self.url
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    fn with_headers(&self, req: RequestBuilder) -> RequestBuilder {
        let mut key =
            HeaderValue::from_str(self.key.expose()).unwrap_or(HeaderValue::from_static(""));
        key.set_sensitive(true);
        req.header("X-API-Key", key)
            .header("X-Device-Id", self.device_id.to_string())
            .header("Accept", "application/json")
    }

    fn call<T: DeserializeOwned>(&self, req: RequestBuilder) -> Result<T, SyncError> {
        let resp = self.with_headers(req).send().map_err(|e| transport(&e))?;
        let status = resp.status().as_u16();
        let retry_after = retry_after(resp.headers());
        let body = read_body(resp)?;
        if (200..300).contains(&status) {
            return serde_json::from_slice(&body).map_err(|e| SyncError::BadResponse {
                reason: Reason::from(
                    Phrase::new("reason-sync-unexpected-body").value("status", status),
                )
                .with_technical(e),
            });
        }
        Err(status_error(status, retry_after, &body))
    }
}

impl Remote for SyncClient {
    fn server(&self) -> String {
        self.url.origin()
    }

    fn device_id(&self) -> Uuid {
        self.device_id
    }

    fn health(&self) -> Result<Health, SyncError> {
        let h: Health = self.call(self.http.get(self.url.endpoint("health")))?;
        if h.protocol != PROTOCOL_VERSION {
            return Err(SyncError::ProtocolMismatch { server: h.protocol });
        }
        if h.status != "ok" {
            return Err(SyncError::BadResponse {
                reason: Phrase::new("reason-sync-unhealthy")
                    .cv("status", truncate(&h.status, 40))
                    .into(),
            });
        }
        Ok(h)
    }

    fn push(&self, request: &PushRequest) -> Result<PushResponse, SyncError> {
        let body = serde_json::to_vec(request).map_err(|e| SyncError::BadResponse {
            reason: Reason::new("reason-sync-push-not-written").with_technical(e),
        })?;
        let req = self
            .http
            .post(self.url.endpoint("push"))
            .header("Content-Type", "application/json")
            .body(body);
        self.call(req)
    }

    fn pull(&self, since: Option<&str>, limit: Option<u32>) -> Result<PullResponse, SyncError> {
        let mut url = self.url.endpoint("pull");
        {
            let mut q = url.query_pairs_mut();
            if let Some(since) = since.filter(|s| !s.is_empty()) {
                q.append_pair("since", since);
            }
            if let Some(limit) = limit {
                q.append_pair("limit", &limit.to_string());
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        self.call(self.http.get(url))
    }
}

/// What a non-2xx status means for the caller.
fn status_error(status: u16, retry_after: Option<Duration>, body: &[u8]) -> SyncError {
    match status {
        401 => SyncError::Unauthorized,
        413 => SyncError::TooLarge,
        429 => SyncError::RateLimited { retry_after },
        408 | 500..=599 => SyncError::Server {
            status,
            retry_after,
        },
        _ => {
            let code = serde_json::from_slice::<ErrorBody>(body)
                .ok()
                .and_then(|b| b.error_code)
                .filter(|c| {
                    c.len() <= 64 && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                });
            SyncError::Refused {
                status,
                error_code: code,
            }
        }
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not used by protocol v1 servers and is ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    v.parse::<u64>().ok().map(Duration::from_secs)
}

fn read_body(resp: Response) -> Result<Vec<u8>, SyncError> {
    let mut body = Vec::new();
    resp.take(MAX_ANSWER_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                || e.get_ref()
                    .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                    .is_some_and(reqwest::Error::is_timeout);
            if timed_out {
                SyncError::Timeout
            } else {
                SyncError::Network {
                    reason: Reason::new("reason-sync-answer-broke-off").with_technical(chain(&e)),
                }
            }
        })?;
    if body.len() as u64 > MAX_ANSWER_BYTES {
        return Err(SyncError::BadResponse {
            reason: Phrase::new("reason-sync-answer-too-large")
                .value("mb", MAX_ANSWER_BYTES >> 20)
                .into(),
        });
    }
    Ok(body)
}

fn transport(e: &reqwest::Error) -> SyncError {
    if e.is_timeout() {
        return SyncError::Timeout;
    }
    SyncError::Network {
        reason: Reason::new("reason-sync-unreachable").with_technical(chain(e)),
    }
}

/// An error and its causes, most specific last, without URLs (they are shown elsewhere) and without
/// repeats: "error sending request: client error (Connect): tcp connect error: Connection refused".
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = Some(e);
    while let Some(err) = cur {
        let mut text = err.to_string();
        if let Some(i) = text.find(" for url (") {
            text.truncate(i);
        }
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        cur = err.source();
    }
    truncate(&parts.join(": "), 300)
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_mean_what_the_protocol_says() {
        assert_eq!(status_error(401, None, b""), SyncError::Unauthorized);
        assert_eq!(status_error(413, None, b""), SyncError::TooLarge);
        assert_eq!(
            status_error(429, Some(Duration::from_secs(2)), b""),
            SyncError::RateLimited {
                retry_after: Some(Duration::from_secs(2))
            }
        );
        assert!(status_error(503, None, b"<html>").is_retryable());
        assert_eq!(
            status_error(400, None, br#"{"error_code":"INVALID_INPUT","error":"x"}"#),
            SyncError::Refused {
                status: 400,
                error_code: Some("INVALID_INPUT".into())
            }
        );
        // A code that is not a plain identifier is not repeated to the user.
        assert_eq!(
            status_error(404, None, br#"{"error_code":"<script>"}"#),
            SyncError::Refused {
                status: 404,
                error_code: None
            }
        );
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static(" 7 "));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn the_client_checks_the_url_and_never_shows_the_key() {
        let cfg = ServerConfig::new(
            "http://127.0.0.1:9",
            ApiKey::new("sk-secret-xyz"),
            Uuid::nil(),
        );
        let client = SyncClient::new(cfg).unwrap();
        assert_eq!(client.server(), "http://127.0.0.1:9");
        let shown = format!("{client:?}");
        assert!(!shown.contains("sk-secret-xyz"), "{shown}");

        let cfg = ServerConfig::new(
            "http://sync.example.org",
            ApiKey::new("sk-secret-xyz"),
            Uuid::nil(),
        );
        let e = SyncClient::new(cfg).unwrap_err();
        assert_eq!(
            e,
            SyncError::InsecureUrl {
                host: "sync.example.org".into()
            }
        );
        assert!(!format!("{e:?} {e}").contains("sk-secret-xyz"));

        let cfg = ServerConfig::new("https://h.example", ApiKey::new("  "), Uuid::nil());
        assert_eq!(SyncClient::new(cfg).unwrap_err(), SyncError::Unauthorized);
    }

    /// One-shot HTTP server on a free port: answers the first request with `answer` and hands back what
    /// it received.
    fn one_shot(answer: String) -> (String, std::thread::JoinHandle<String>) {
        use std::io::Write;
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", l.local_addr().unwrap());
        let t = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => got.extend_from_slice(&buf[..n]),
                }
            }
            s.write_all(answer.as_bytes()).unwrap();
            String::from_utf8_lossy(&got).into_owned()
        });
        (url, t)
    }

    #[test]
    fn a_redirect_is_not_followed_so_the_key_stays_with_the_server() {
        // Where a redirect would send the key: a listener that must never hear from the client.
        let elsewhere = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        elsewhere.set_nonblocking(true).unwrap();
        let answer = format!(
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://{}/api/sync/v1/health\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n",
            elsewhere.local_addr().unwrap()
        );
        let (url, server) = one_shot(answer);
        let id = Uuid::from_u128(0xabc);
        let client =
            SyncClient::new(ServerConfig::new(url, ApiKey::new("sk-secret-xyz"), id)).unwrap();
        let e = client.health().unwrap_err();
        assert_eq!(
            e,
            SyncError::Refused {
                status: 307,
                error_code: None
            }
        );
        let request = server.join().unwrap().to_ascii_lowercase();
        assert!(request.starts_with("get /api/sync/v1/health "), "{request}");
        assert!(request.contains("x-api-key: sk-secret-xyz"), "{request}");
        assert!(request.contains(&format!("x-device-id: {id}")), "{request}");
        assert!(elsewhere.accept().is_err(), "the redirect was followed");
    }

    #[test]
    fn a_closed_port_is_a_network_error_without_the_key() {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let mut cfg = ServerConfig::new(
            format!("http://127.0.0.1:{port}"),
            ApiKey::new("sk-secret-xyz"),
            Uuid::nil(),
        );
        cfg.timeout = Duration::from_secs(2);
        let client = SyncClient::new(cfg).unwrap();
        let e = client.health().unwrap_err();
        assert!(matches!(e, SyncError::Network { .. }), "{e:?}");
        let shown = format!("{e:?} {e}");
        assert!(!shown.contains("sk-secret-xyz"), "{shown}");
        assert!(!shown.contains("127.0.0.1"), "URLs are left out: {shown}");
    }
}
