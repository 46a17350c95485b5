//! Server addresses people type (the AI server, the organisation's sync server): one policy for both.
//!
//! [`BaseUrl::parse`] parses with the `url` crate, the WHATWG parser reqwest itself uses, so the host we
//! check and show cannot differ from the host a request goes to. It refuses rather than repairs what that
//! parser would silently change or what makes one host look like another: user-info and any `@`
//! (`https://evil.example\@openrouter.ai`), backslashes, whitespace and control characters (dropped or read as
//! `/` by the parser), a query or fragment, and any scheme but `http` and `https`. What it accepts is shown in
//! the form requests use: the host lower-cased, an international name in its ASCII (punycode) form, odd IPv4
//! spellings normalised, a default port dropped.
//!
//! Whether a secret may travel to the address is [`BaseUrl::may_carry_secrets`]: over HTTPS, or plain HTTP
//! to this machine only (127.0.0.0/8, `::1`, `localhost`).

use crate::phrase::Phrase;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use url::{Host, Url};

/// A checked base URL, e.g. `https://openrouter.ai/api/v1` or `http://127.0.0.1:11434/v1`.
#[derive(Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: Url,
    loopback: bool,
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BaseUrl({})", self.url)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl BaseUrl {
    /// Checks `input` against the policy of the module doc; `Err` holds the reason as a message
    /// (`reason-url-*`), said in the reader's language.
    pub fn parse(input: &str) -> Result<BaseUrl, Phrase> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Phrase::new("reason-url-empty"));
        }
        // The WHATWG parser silently drops tabs and newlines and reads `\` as `/`; what people see must be
        // what is used, so such input is refused rather than repaired.
        if input.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Phrase::new("reason-url-spaces"));
        }
        if input.contains('\\') {
            return Err(Phrase::new("reason-url-backslash"));
        }
        let url = Url::parse(input).map_err(|e| {
            Phrase::new("reason-url-invalid").phrase(
                "detail",
                Phrase::new("error-technical-detail").cv("detail", e.to_string()),
            )
        })?;
        if !url.username().is_empty() || url.password().is_some() || input.contains('@') {
            // `@` anywhere in a base URL is either user-info or a trick to make another host look like the
            // destination (`https://good.example@evil.example`).
            return Err(Phrase::new("reason-url-user-info"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Phrase::new("reason-url-query"));
        }
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(Phrase::new("reason-url-scheme").cv("scheme", format!("{other}:"))),
        }
        let no_host = || Phrase::new("reason-url-no-host");
        let host = url.host().ok_or_else(no_host)?.to_owned();
        if matches!(&host, Host::Domain(d) if d.is_empty()) {
            return Err(no_host());
        }
        let loopback = is_loopback(&host);
        Ok(BaseUrl { url, loopback })
    }

    /// The whole URL as requests use it.
    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }

    pub fn url(&self) -> &Url {
        &self.url
    }

    /// `scheme://host[:port]` exactly as requests are sent, for showing people where their data goes.
    pub fn origin(&self) -> String {
        self.url.origin().ascii_serialization()
    }

    /// The host alone (ASCII form; an IPv6 address in brackets).
    pub fn host(&self) -> String {
        self.url.host_str().unwrap_or_default().to_string()
    }

    /// `host[:port]` (the port only when it is not the scheme's default), for messages.
    pub fn host_port(&self) -> String {
        match self.url.port() {
            Some(port) => format!("{}:{port}", self.host()),
            None => self.host(),
        }
    }

    pub fn is_https(&self) -> bool {
        self.url.scheme() == "https"
    }

    /// Whether the server is on this machine (then plain http is allowed and no proxy is used).
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// Whether a key or password may be sent there: over HTTPS, or plain HTTP to this machine.
    pub fn may_carry_secrets(&self) -> bool {
        self.is_https() || self.loopback
    }

    /// The base with `segments` added to its path (`/api/v1` + `chat/completions`), keeping any prefix.
    pub fn join(&self, segments: &str) -> Url {
        let mut url = self.url.clone();
        let path = format!(
            "{}/{}",
            self.url.path().trim_end_matches('/'),
            segments.trim_start_matches('/')
        );
        url.set_path(&path);
        url
    }
}

fn is_loopback(host: &Host<String>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(a) => a.octets()[0] == Ipv4Addr::LOCALHOST.octets()[0],
        Host::Ipv6(a) => *a == Ipv6Addr::LOCALHOST,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> BaseUrl {
        BaseUrl::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn user_info_and_at_signs_are_refused() {
        for bad in [
            "https://user@openrouter.ai/api/v1",
            "https://user:pw@openrouter.ai",
            "https://:pw@openrouter.ai",
            "https://openrouter.ai@evil.example/api/v1",
            "https://evil.example\\@openrouter.ai/api/v1",
            "https://openrouter.ai/@evil.example",
        ] {
            let e = BaseUrl::parse(bad).expect_err(bad).plain(crate::Lang::En);
            assert!(e.contains('@') || e.contains("backslash"), "{bad}: {e}");
        }
    }

    #[test]
    fn backslashes_whitespace_and_control_characters_are_refused() {
        for bad in [
            "https://evil.example\\.openrouter.ai",
            "https://open\trouter.ai",
            "https://openrouter.ai\n.evil.example",
            "https://openrouter.ai/api\r/v1",
            "https://openrouter.ai /v1",
            "https://openrouter.ai/\u{0}",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn other_schemes_queries_and_empty_hosts_are_refused() {
        for bad in [
            "",
            "   ",
            "openrouter.ai",
            "ftp://openrouter.ai",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "https://openrouter.ai/api/v1?x=1",
            "https://openrouter.ai/#frag",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_host_shown_is_the_host_used() {
        // An upper-case scheme and host are the same server, shown lower-case.
        let u = parsed("HTTPS://OpenRouter.AI/api/v1");
        assert_eq!(u.host(), "openrouter.ai");
        assert_eq!(u.origin(), "https://openrouter.ai");
        assert!(u.is_https());
        // An international name is shown in the form the request uses (no look-alike letters).
        assert_eq!(
            parsed("https://bücher.example").host(),
            "xn--bcher-kva.example"
        );
        // A Cyrillic "о" that looks like openrouter.ai is shown as what it is.
        assert!(parsed("https://оpenrouter.ai").host().starts_with("xn--"));
        // A default port is dropped, another one kept.
        assert_eq!(parsed("https://h.example:443/v1").host_port(), "h.example");
        assert_eq!(
            parsed("https://h.example:8443/v1").host_port(),
            "h.example:8443"
        );
        assert_eq!(
            parsed("https://h.example:8443").origin(),
            "https://h.example:8443"
        );
        // Odd IPv4 spellings are normalised: this really is 127.0.0.1.
        assert_eq!(parsed("http://0x7f.1:9").origin(), "http://127.0.0.1:9");
    }

    #[test]
    fn secrets_travel_over_https_or_to_this_machine_only() {
        for ok in [
            "https://openrouter.ai/api/v1",
            "https://10.0.0.5/v1",
            "http://127.0.0.1:11434/v1",
            "http://127.5.6.7",
            "http://localhost:8080/v1",
            "http://LOCALHOST",
            "http://[::1]:8080/v1",
        ] {
            assert!(parsed(ok).may_carry_secrets(), "{ok}");
        }
        for plain in [
            "http://openrouter.ai/api/v1",
            "http://192.168.1.20:11434/v1",
            "http://128.0.0.1",
            "http://[::2]",
            "http://[::ffff:7f00:1]",
            "http://localhost.evil.test/v1",
            "http://evil.localhost.example",
        ] {
            let u = parsed(plain);
            assert!(!u.is_loopback(), "{plain}");
            assert!(!u.may_carry_secrets(), "{plain}");
        }
        let v6 = parsed("http://[::1]:8080/v1");
        assert_eq!(v6.host(), "[::1]");
        assert_eq!(v6.host_port(), "[::1]:8080");
    }

    #[test]
    fn join_keeps_the_base_path() {
        assert_eq!(
            parsed("https://openrouter.ai/api/v1/")
                .join("chat/completions")
                .as_str(),
            "https://openrouter.ai/api/v1/chat/completions"
        );
        assert_eq!(
            parsed("http://127.0.0.1:99")
                .join("/api/sync/v1/health")
                .as_str(),
            "http://127.0.0.1:99/api/sync/v1/health"
        );
    }
}
