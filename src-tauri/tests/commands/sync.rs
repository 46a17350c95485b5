//! Settings → Sync through the app's commands, against the real reference server (Node.js on PostgreSQL,
//! `server/`, started once for this binary by the sync crate's harness): settings per person, the key only in
//! the keychain, nothing sent while sync is off, "Sync now" and a second machine restoring the history, a
//! server that is down, the machine's policy, guests, and the background runs after a change.

// The harness finds `server/` from its crate's folder (`crates/sync`); this binary's is `src-tauri`, so
// `env!("CARGO_MANIFEST_DIR")` is pointed at `crates/sync` for it (a `macro_rules!` shadows the built-in
// in the module below; every other use of `env!` passes through).
macro_rules! env {
    ("CARGO_MANIFEST_DIR") => {
        concat!(::std::env!("CARGO_MANIFEST_DIR"), "/../crates/sync")
    };
    ($($t:tt)*) => {
        ::std::env!($($t)*)
    };
}

#[allow(dead_code)]
#[path = "../../../crates/sync/tests/sync/support.rs"]
mod support;

use super::{TestApp, assert_error_json, corpus};
use crate::SharedKeys;
use jobgate_ai::keys::{KeyStore, MemoryKeys};
use jobgate_desktop::state::{AppState, Options};
use jobgate_desktop::sync::Timing;
use jobgate_engine::policy::{LoadedPolicy, Policy};
use jobgate_store::passcode::KdfParams;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn options(policy: Policy, timing: Timing) -> Options {
    Options {
        kdf: KdfParams::FAST_FOR_TESTS,
        sync_timing: timing,
        ..Options::with_policy(LoadedPolicy {
            policy,
            source: None,
            problem: None,
        })
    }
}

fn app_with(policy: Policy, keys: SharedKeys) -> TestApp {
    TestApp::with_state(|data| {
        AppState::with_options(
            data.to_path_buf(),
            Box::new(keys),
            options(policy, Timing::default()),
        )
    })
}

fn app() -> TestApp {
    app_with(Policy::default(), SharedKeys::default())
}

/// Server address, key and sync switched on (with consent), as a person does in Settings → Sync.
fn set_up(app: &TestApp, url: &str, key: &str) -> Value {
    app.ok("set_sync_server", json!({"url": url}));
    app.ok("save_sync_key", json!({"key": key}));
    app.ok(
        "set_sync_enabled",
        json!({"enabled": true, "consent": true}),
    )
}

fn import(app: &TestApp, name: &str) -> Value {
    app.ok("analyze_path", json!({"path": corpus(name)}))
}

fn cvs(app: &TestApp) -> usize {
    app.ok("history", json!({}))["cvs"]
        .as_array()
        .unwrap()
        .len()
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A loopback address nothing listens on.
fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

#[test]
fn sync_is_off_by_default_and_nothing_leaves_the_machine_while_it_is() {
    let harness = support::harness();
    let proxy = harness.proxy();
    let key = harness.account();
    let app = app();
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(s["enabled"], json!(false), "{s}");
    assert_eq!(s["server_url"], "");
    assert_eq!(s["blocked"], Value::Null);
    // Address and key saved, but not switched on: changes are not even queued, and nothing is sent.
    app.ok("set_sync_server", json!({"url": proxy.url}));
    app.ok("save_sync_key", json!({"key": key}));
    import(&app, "001__even.pdf");
    let e = app.err("sync_now", json!({}));
    assert_error_json(&e, "INVALID_INPUT");
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(
        (s["enabled"].clone(), s["pending"].clone()),
        (json!(false), json!(0)),
        "{s}"
    );
    assert!(proxy.log().is_empty(), "{:?}", proxy.log());
    // Turning it on asks first: without consent for this server it stays off.
    let e = app.err("set_sync_enabled", json!({"enabled": true}));
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(e["details"]["field"], "consent");
    assert!(proxy.log().is_empty());
    let status = app.ok("status", json!({}));
    assert_eq!(status["sync"]["enabled"], json!(false), "{status}");
    assert_eq!(status["sync_server_ok"], Value::Null, "{status}");
}

#[test]
fn settings_are_per_person_and_the_key_lives_only_in_the_keychain() {
    let harness = support::harness();
    let key = harness.account();
    let keys = SharedKeys::default();
    let app = app_with(Policy::default(), keys.clone());
    app.ok("create_person", json!({"name": "Amal"}));
    let s = set_up(&app, &harness.url, &key);
    assert_eq!(s["enabled"], json!(true), "{s}");
    assert_eq!(s["server"], harness.url.trim_end_matches('/'));
    assert_eq!(s["key_saved"], json!(true));
    assert!(
        !s.to_string().contains(&key),
        "the key is never shown back: {s}"
    );
    assert!(s["key_hint"].as_str().unwrap().contains('…'), "{s}");
    assert_eq!(
        keys.load_sync_key("Amal").unwrap().as_deref(),
        Some(key.as_str())
    );
    assert_eq!(
        keys.load_api_key("Amal").unwrap(),
        None,
        "the AI key is another entry"
    );
    import(&app, "001__even.pdf");
    app.ok("sync_now", json!({}));
    for file in files_under(app.data.path()) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
            "the key is in {}",
            file.display()
        );
    }

    // Another person starts with nothing of Amal's sync.
    app.ok("switch_person", json!({}));
    app.ok("create_person", json!({"name": "Badr"}));
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(
        (
            s["server_url"].clone(),
            s["key_saved"].clone(),
            s["enabled"].clone()
        ),
        (json!(""), json!(false), json!(false)),
        "{s}"
    );
    // Back to Amal: her settings were kept.
    app.ok("switch_person", json!({}));
    app.ok("open_person", json!({"name": "Amal"}));
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(s["enabled"], json!(true), "{s}");
    assert_eq!(s["server_url"], harness.url.as_str());
    assert!(s["last_sync_at"].is_string(), "{s}");

    // A wipe takes the sync key out of the keychain too.
    app.ok("switch_person", json!({}));
    app.ok("wipe_person", json!({"name": "Amal", "confirm": true}));
    assert_eq!(keys.load_sync_key("Amal").unwrap(), None);
}

#[test]
fn plain_http_to_another_computer_is_refused_in_words() {
    let app = app();
    let check = app.ok(
        "test_sync_connection",
        json!({"url": "http://sync.example.org"}),
    );
    assert_eq!(check["ok"], json!(false), "{check}");
    let message = check["message"].as_str().unwrap();
    assert!(
        message.contains("sync.example.org") && message.contains("https://"),
        "{message}"
    );
    let e = app.err("set_sync_server", json!({"url": "http://sync.example.org"}));
    assert_error_json(&e, "INVALID_INPUT");
    assert!(
        e["details"]["reason"].as_str().unwrap().contains("https"),
        "{e}"
    );
    assert_eq!(app.ok("sync_settings", json!({}))["server_url"], "");
    app.ok("set_language", json!({"lang": "ar"}));
    let check = app.ok(
        "test_sync_connection",
        json!({"url": "http://sync.example.org"}),
    );
    assert!(
        jobgate_core::text::arabic_ratio(check["message"].as_str().unwrap()) > 0.6,
        "{check}"
    );
}

#[test]
fn sync_now_pushes_the_history_and_a_second_machine_restores_it() {
    let harness = support::harness();
    let key = harness.account();
    let first = app();
    import(&first, "001__even.pdf");
    import(&first, "002__elegant.pdf");
    // Test connection: the exact server, and the key accepted.
    first.ok("set_sync_server", json!({"url": harness.url}));
    let check = first.ok("test_sync_connection", json!({}));
    assert_eq!(check["ok"], json!(true), "{check}");
    assert_eq!(check["key_ok"], Value::Null, "no key saved yet: {check}");
    first.ok("save_sync_key", json!({"key": key}));
    let check = first.ok("test_sync_connection", json!({}));
    assert_eq!(
        (check["ok"].clone(), check["key_ok"].clone()),
        (json!(true), json!(true)),
        "{check}"
    );
    assert_eq!(check["server"], harness.url.trim_end_matches('/'));
    let s = first.ok(
        "set_sync_enabled",
        json!({"enabled": true, "consent": true}),
    );
    assert!(
        s["pending"].as_i64().unwrap() >= 6,
        "the history is queued: {s}"
    );

    let done = first.ok("sync_now", json!({}));
    assert!(done["report"]["pushed"].as_u64().unwrap() >= 6, "{done}");
    assert_eq!(done["sync"]["pending"], json!(0), "{done}");
    assert!(done["sync"]["last_sync_at"].is_string(), "{done}");
    assert_eq!(done["sync"]["last_error"], Value::Null, "{done}");
    let status = first.ok("status", json!({}));
    assert_eq!(status["sync_server_ok"], json!(true), "{status}");
    assert_eq!(status["sync"]["pending"], json!(0), "{status}");

    // Another machine (another data folder), the same key: the whole history comes back.
    let second = app();
    assert_eq!(cvs(&second), 0);
    set_up(&second, &harness.url, &key);
    let done = second.ok("sync_now", json!({}));
    assert!(done["report"]["pulled"].as_u64().unwrap() >= 6, "{done}");
    assert_eq!(cvs(&second), 2);
    let names: Vec<String> = second.ok("history", json!({}))["analyses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file_name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"001__even.pdf".to_string()), "{names:?}");

    // A wrong key is said plainly, and the key is asked for again.
    second.ok(
        "save_sync_key",
        json!({"key": "jgs-not-the-right-key-0000"}),
    );
    let check = second.ok("test_sync_connection", json!({}));
    assert_eq!(check["key_ok"], json!(false), "{check}");
    let e = second.err("sync_now", json!({}));
    assert_error_json(&e, "SYNC_FAILED");
    let s = second.ok("sync_settings", json!({}));
    assert!(s["last_error"].as_str().unwrap().contains("key"), "{s}");
}

#[test]
fn a_server_that_is_down_leaves_the_changes_waiting_and_says_why_in_both_languages() {
    let app = app();
    set_up(&app, &closed_port_url(), "jgs-some-key-0123456789");
    import(&app, "001__even.pdf");
    let e = app.err("sync_now", json!({}));
    assert_error_json(&e, "SYNC_FAILED");
    let pending = e["details"]["pending"].as_u64().unwrap();
    assert!(pending >= 3, "{e}");
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(s["pending"], json!(pending), "{s}");
    assert_eq!(s["last_sync_at"], Value::Null, "{s}");
    assert!(
        s["last_error"]
            .as_str()
            .unwrap()
            .contains("could not be reached"),
        "{s}"
    );
    // Everything local works as before.
    assert_eq!(cvs(&app), 1);
    let status = app.ok("status", json!({}));
    assert_eq!(status["sync_server_ok"], json!(false), "{status}");
    app.ok("set_language", json!({"lang": "ar"}));
    let s = app.ok("sync_settings", json!({}));
    assert!(
        jobgate_core::text::arabic_ratio(s["last_error"].as_str().unwrap()) > 0.8,
        "{s}"
    );
    let e = app.err("sync_now", json!({}));
    assert!(e["error"].as_str().unwrap().starts_with("فشلت"), "{e}");
    assert!(
        jobgate_core::text::arabic_ratio(e["suggested_action"].as_str().unwrap()) > 0.8,
        "{e}"
    );
}

#[test]
fn the_machines_policy_and_guests_keep_sync_off_with_the_reason_shown() {
    let app = app_with(
        Policy {
            allow_sync: false,
            ..Policy::default()
        },
        SharedKeys::default(),
    );
    let s = app.ok("sync_settings", json!({}));
    assert!(
        s["blocked"].as_str().unwrap().contains("administrator"),
        "{s}"
    );
    let e = app.err(
        "set_sync_server",
        json!({"url": "https://sync.example.org"}),
    );
    assert_error_json(&e, "SYNC_FAILED");
    let e = app.err(
        "set_sync_enabled",
        json!({"enabled": true, "consent": true}),
    );
    assert_error_json(&e, "SYNC_FAILED");
    assert_eq!(app.ok("sync_settings", json!({}))["enabled"], json!(false));

    let app = self::app();
    app.ok("start_guest", json!({}));
    let s = app.ok("sync_settings", json!({}));
    assert!(s["blocked"].as_str().unwrap().contains("guest"), "{s}");
    let e = app.err("save_sync_key", json!({"key": "jgs-some-key-0123456789"}));
    assert_error_json(&e, "INVALID_INPUT");
    let e = app.err(
        "set_sync_enabled",
        json!({"enabled": true, "consent": true}),
    );
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn changes_go_out_in_the_background_soon_after_and_stop_when_the_person_leaves() {
    let harness = support::harness();
    let key = harness.account();
    let app = TestApp::with_state(|data| {
        AppState::with_options(
            data.to_path_buf(),
            Box::new(MemoryKeys::new()),
            options(
                Policy::default(),
                Timing {
                    delay: Duration::from_millis(200),
                    every: Duration::from_secs(600),
                },
            ),
        )
    });
    jobgate_desktop::sync::spawn_worker(app._app.handle().clone());
    set_up(&app, &harness.url, &key);
    import(&app, "001__even.pdf");
    let wait_until_sent = || {
        let start = Instant::now();
        loop {
            let s = app.ok("sync_settings", json!({}));
            if s["pending"] == json!(0) && s["last_sync_at"].is_string() {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "never sent: {s}");
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let s = wait_until_sent();
    assert_eq!(s["last_error"], Value::Null, "{s}");
    // Other commands are not held up while the worker talks to the server.
    let t = Instant::now();
    import(&app, "002__elegant.pdf");
    assert_eq!(cvs(&app), 2);
    assert!(t.elapsed() < Duration::from_secs(20));
    wait_until_sent();

    // Someone else takes the machine: nothing of theirs is sent (their sync is off).
    let data = app.data.path().to_path_buf();
    app.ok("switch_person", json!({}));
    app.ok("create_person", json!({"name": "Badr"}));
    import(&app, "001__even.pdf");
    std::thread::sleep(Duration::from_millis(600));
    let s = app.ok("sync_settings", json!({}));
    assert_eq!(
        (s["enabled"].clone(), s["pending"].clone()),
        (json!(false), json!(0)),
        "{s}"
    );
    assert!(data.exists());
}
