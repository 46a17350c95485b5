//! What can go wrong while syncing, sorted by what to do about it.
//!
//! [`SyncError`] says *why* one request or one run failed; [`SyncError::is_retryable`] is the one place that
//! decides whether waiting and trying again can help. Turning it into the error JSON people see is
//! `jobgate_core`'s job: [`From<SyncError> for JobGateError`](JobGateError) gives `SYNC_FAILED` with the
//! reason (a local store failure keeps its own code). No variant ever holds the API key: reasons are built
//! from status codes, the server's `error_code` and transport errors, never from request headers.

use jobgate_core::{JobGateError, Lang, Phrase, Reason};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SyncError {
    /// 401: the key is wrong, revoked or missing. Stop and ask for a new key.
    #[error("the server did not accept the sync key (401): enter a new key")]
    Unauthorized,
    /// 413: the request was too large; the caller splits the batch.
    #[error("the server refused the request as too large (413)")]
    TooLarge,
    /// 429: come back after `retry_after` (as the server said it, before any cap).
    #[error("the server is busy (429){}", fmt_after(*.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    /// 5xx (and 408): the server failed; retry later.
    #[error("the server failed ({status}){}", fmt_after(*.retry_after))]
    Server {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// Any other 4xx or 3xx: the server refused this request and will refuse it again as is.
    #[error("the server refused the request ({status}{})", .error_code.as_deref().map(|c| format!(", {c}")).unwrap_or_default())]
    Refused {
        status: u16,
        error_code: Option<String>,
    },
    /// Could not connect, or the connection broke before a whole answer came.
    #[error("could not reach the server: {reason}")]
    Network { reason: Reason },
    /// No whole answer within the time limit.
    #[error("the server did not answer in time")]
    Timeout,
    /// A 200 whose body is not what protocol v1 says.
    #[error("the server's answer is not protocol v1: {reason}")]
    BadResponse { reason: Reason },
    /// The server speaks another protocol version.
    #[error(
        "the server speaks sync protocol {server}, this app speaks {}",
        crate::protocol::PROTOCOL_VERSION
    )]
    ProtocolMismatch { server: u32 },
    /// Plain http to a host that is not this machine.
    #[error("'{host}' must be reached over https")]
    InsecureUrl { host: String },
    /// The server URL is not usable (see [`crate::ServerUrl::parse`]).
    #[error("the server URL is not usable: {}", .reason.plain(Lang::En))]
    InvalidUrl { reason: Box<Phrase> },
    /// The local store failed (it keeps its own error code).
    #[error("{0}")]
    Local(JobGateError),
}

fn fmt_after(d: Option<Duration>) -> String {
    d.map(|d| format!(", retry after {} s", d.as_secs()))
        .unwrap_or_default()
}

impl SyncError {
    /// Whether the same request may succeed later without anything changing on this side.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            SyncError::RateLimited { .. }
                | SyncError::Server { .. }
                | SyncError::Network { .. }
                | SyncError::Timeout
        )
    }

    /// The wait the server asked for, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SyncError::RateLimited { retry_after } | SyncError::Server { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }
}

impl SyncError {
    /// Why, as words for a person (`reason-sync-*`), with a transport's or a protocol check's own text
    /// kept as a technical detail. A local store failure has its own reason.
    pub fn reason(&self) -> Reason {
        let after = |p: Phrase, d: &Option<Duration>| match d {
            Some(d) => p.value("after", d.as_secs()),
            None => p.value("after", "none"),
        };
        match self {
            SyncError::Unauthorized => Reason::new("reason-sync-unauthorized"),
            SyncError::TooLarge => Reason::new("reason-sync-too-large"),
            SyncError::RateLimited { retry_after } => {
                after(Phrase::new("reason-sync-busy"), retry_after).into()
            }
            SyncError::Server {
                status,
                retry_after,
            } => after(
                Phrase::new("reason-sync-server-failed").value("status", status),
                retry_after,
            )
            .into(),
            SyncError::Refused { status, error_code } => {
                let p = Phrase::new("reason-sync-refused").value("status", status);
                match error_code {
                    Some(code) => Reason::from(p).with_technical(code),
                    None => p.into(),
                }
            }
            SyncError::Network { reason } | SyncError::BadResponse { reason } => reason.clone(),
            SyncError::Timeout => Reason::new("reason-sync-timeout"),
            SyncError::ProtocolMismatch { server } => Phrase::new("reason-sync-protocol")
                .value("server", server)
                .value("ours", crate::protocol::PROTOCOL_VERSION)
                .into(),
            SyncError::InsecureUrl { host } => {
                Phrase::new("reason-sync-insecure").cv("host", host).into()
            }
            SyncError::InvalidUrl { reason } => Phrase::new("reason-sync-bad-url")
                .phrase("why", (**reason).clone())
                .into(),
            SyncError::Local(inner) => inner.reason().cloned().unwrap_or_default(),
        }
    }
}

impl From<SyncError> for JobGateError {
    fn from(e: SyncError) -> JobGateError {
        match e {
            SyncError::Local(inner) => inner,
            other => JobGateError::sync_failed(other.reason()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried() {
        assert!(SyncError::Timeout.is_retryable());
        assert!(
            SyncError::Server {
                status: 503,
                retry_after: None
            }
            .is_retryable()
        );
        assert!(!SyncError::Unauthorized.is_retryable());
        assert!(!SyncError::TooLarge.is_retryable());
        assert!(
            !SyncError::Refused {
                status: 400,
                error_code: None
            }
            .is_retryable()
        );
    }

    #[test]
    fn becomes_sync_failed_but_a_local_error_keeps_its_code() {
        let e: JobGateError = SyncError::Unauthorized.into();
        assert!(matches!(e, JobGateError::SyncFailed { .. }));
        let local = JobGateError::internal(Reason::technical("disk"));
        let e: JobGateError = SyncError::Local(local.clone()).into();
        assert_eq!(e, local);
        let msg = SyncError::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
        }
        .to_string();
        assert!(msg.contains("retry after 2 s"), "{msg}");
    }
}
