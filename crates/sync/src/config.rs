//! Where to sync and with which key: the URL policy and the key that never shows.
//!
//! [`ServerUrl::parse`] is the one gate every base URL passes: the shared address policy of
//! [`jobgate_core::net`] (no user-info, query, fragment, backslash, whitespace or control characters, so that
//! the host people are shown ([`ServerUrl::origin`]) is exactly the host the requests go to), and then
//! `https`, or plain `http` only to this machine (127.0.0.0/8, `::1`, `localhost`).
//!
//! [`ApiKey`] holds the key in memory only; its `Debug` prints `***` and it has no `Display`. Where the key
//! is kept between runs (the OS keychain, `JOBGATE_SYNC_KEY`) is the front ends' business.

use crate::error::SyncError;
use jobgate_core::net::BaseUrl;
use std::fmt;
use std::time::Duration;
use url::Url;
use uuid::Uuid;

/// The account's API key. Never printed: `Debug` shows `ApiKey(***)`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn new(key: impl Into<String>) -> ApiKey {
        ApiKey(key.into().trim().to_string())
    }

    /// The key itself, for the request header and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(***)")
    }
}

/// A checked base URL, e.g. `https://sync.example.org` or `https://example.org/backend`: a
/// [`jobgate_core::net::BaseUrl`] that may carry the key (HTTPS, or plain HTTP to this machine).
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl(BaseUrl);

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({})", self.0)
    }
}

impl ServerUrl {
    /// Checks a base URL against the policy (see the module doc).
    pub fn parse(input: &str) -> Result<ServerUrl, SyncError> {
        let url = BaseUrl::parse(input).map_err(|reason| SyncError::InvalidUrl {
            reason: Box::new(reason),
        })?;
        if !url.may_carry_secrets() {
            return Err(SyncError::InsecureUrl { host: url.host() });
        }
        Ok(ServerUrl(url))
    }

    /// `scheme://host[:port]` exactly as requests are sent (an international domain name in its ASCII
    /// form), for showing people where their data goes.
    pub fn origin(&self) -> String {
        self.0.origin()
    }

    /// The host alone (ASCII form).
    pub fn host(&self) -> String {
        self.0.host()
    }

    /// Whether the server is on this machine (then plain http is allowed and no proxy is used).
    pub fn is_loopback(&self) -> bool {
        self.0.is_loopback()
    }

    /// `{base}/api/sync/v1/{name}`, keeping any path prefix of the base.
    pub fn endpoint(&self, name: &str) -> Url {
        self.0.join(&format!("api/sync/v1/{name}"))
    }
}

/// Everything needed to talk to one account on one server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The base URL as the person typed it; checked by [`ServerUrl::parse`] when the client is made.
    pub base_url: String,
    pub api_key: ApiKey,
    /// This machine's id for this profile (`X-Device-Id`).
    pub device_id: Uuid,
    /// Limit for one request, from connecting to the last byte of the answer.
    pub timeout: Duration,
}

impl ServerConfig {
    /// Default time limit of one request.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    pub fn new(base_url: impl Into<String>, api_key: ApiKey, device_id: Uuid) -> ServerConfig {
        ServerConfig {
            base_url: base_url.into(),
            api_key,
            device_id,
            timeout: ServerConfig::DEFAULT_TIMEOUT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host_of(s: &str) -> String {
        ServerUrl::parse(s).unwrap().host()
    }

    #[test]
    fn https_anywhere_http_only_to_this_machine() {
        assert_eq!(
            ServerUrl::parse("https://sync.example.org")
                .unwrap()
                .origin(),
            "https://sync.example.org"
        );
        for ok in [
            "http://127.0.0.1:8787",
            "http://127.5.6.7",
            "http://localhost:1",
            "http://LOCALHOST",
            "http://[::1]:8080/",
        ] {
            let u = ServerUrl::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert!(u.is_loopback(), "{ok}");
        }
        for bad in [
            "http://sync.example.org",
            "http://10.0.0.1",
            "http://128.0.0.1",
            "http://[::2]",
            "http://[::ffff:7f00:1]",
            "http://localhost.evil.example",
            "http://evil.localhost.example",
        ] {
            assert!(
                matches!(ServerUrl::parse(bad), Err(SyncError::InsecureUrl { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn tricks_and_other_schemes_are_refused() {
        for bad in [
            "",
            "   ",
            "sync.example.org",
            "ftp://sync.example.org",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://user@sync.example.org",
            "https://user:pw@sync.example.org",
            "https://:pw@sync.example.org",
            "https://good.example@evil.example",
            "https://evil.example\\@good.example",
            "https://evil.example\\.good.example",
            "https://good.example/@evil.example",
            "https://good.exa\tmple.org",
            "https://good.example\n.org",
            "https://sync.example.org/?x=1",
            "https://sync.example.org/#frag",
            "https://",
        ] {
            let e = ServerUrl::parse(bad).expect_err(bad);
            assert!(matches!(e, SyncError::InvalidUrl { .. }), "{bad}: {e:?}");
        }
    }

    #[test]
    fn the_host_shown_is_the_host_used() {
        assert_eq!(host_of("https://SYNC.Example.org:443/"), "sync.example.org");
        // An international name is shown in the form the request uses (no look-alike letters).
        assert_eq!(host_of("https://bücher.example"), "xn--bcher-kva.example");
        // Odd IPv4 spellings are normalised: this really is 127.0.0.1.
        let u = ServerUrl::parse("http://0x7f.1:9").unwrap();
        assert_eq!(u.origin(), "http://127.0.0.1:9");
        assert_eq!(
            ServerUrl::parse("https://h.example:8443").unwrap().origin(),
            "https://h.example:8443"
        );
    }

    #[test]
    fn endpoints_keep_the_base_path() {
        let u = ServerUrl::parse("https://h.example/backend/").unwrap();
        assert_eq!(
            u.endpoint("push").as_str(),
            "https://h.example/backend/api/sync/v1/push"
        );
        let u = ServerUrl::parse("http://127.0.0.1:99").unwrap();
        assert_eq!(
            u.endpoint("health").as_str(),
            "http://127.0.0.1:99/api/sync/v1/health"
        );
    }

    #[test]
    fn the_key_never_shows_in_debug() {
        let cfg = ServerConfig::new(
            "https://h.example",
            ApiKey::new("sk-very-secret-123"),
            Uuid::nil(),
        );
        let shown = format!("{cfg:?} {cfg:#?} {:?}", cfg.api_key);
        assert!(!shown.contains("sk-very-secret-123"), "{shown}");
        assert!(shown.contains("***"));
        assert_eq!(cfg.api_key.expose(), "sk-very-secret-123");
    }
}
