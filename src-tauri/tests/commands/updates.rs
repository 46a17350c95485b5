//! Settings → Updates through the app's commands, with the real updater plugin on the mock runtime: a
//! minisign key pair made here (never the release key), a local update server (a `TcpListener` thread that
//! serves the manifest and the bundle and counts requests), and a stand-in for the installed AppImage that
//! an install replaces. Found and installed, bad signatures, downgrades, a server that is down (quiet in the
//! background, tried again), automatic checks off and the machine's policy (nothing contacted).

use super::{TestApp, assert_error_json};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use blake2::{Blake2b512, Digest};
use jobgate_ai::keys::MemoryKeys;
use jobgate_desktop::state::{AppState, Options};
use jobgate_desktop::updater::{self, Timing, UpdateSource, Updates};
use jobgate_engine::policy::{LoadedPolicy, Policy};
use jobgate_store::passcode::KdfParams;
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tauri::{Listener, Manager};

/// The version of the app under test (`tauri.conf.json`).
const CURRENT: &str = "0.1.0";

/// A minisign key pair as `tauri signer generate` makes one: Ed25519 with an 8-byte key id.
struct TestKey {
    pair: Ed25519KeyPair,
    id: [u8; 8],
}

impl TestKey {
    fn generate() -> TestKey {
        let rng = SystemRandom::new();
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        let mut id = [0u8; 8];
        rng.fill(&mut id).unwrap();
        TestKey { pair, id }
    }

    /// The public key as the app is built with it: the base64 of the `.pub` file's text.
    fn public(&self) -> String {
        let mut bin = b"Ed".to_vec();
        bin.extend(self.id);
        bin.extend(self.pair.public_key().as_ref());
        let text = format!(
            "untrusted comment: minisign public key {:016X}\n{}\n",
            u64::from_le_bytes(self.id),
            B64.encode(bin)
        );
        B64.encode(text)
    }

    /// A `.sig` file as `tauri signer sign` writes it (base64 of its text): Ed25519 over the BLAKE2b-512
    /// of the file ("ED", prehashed), and a global signature over that and the trusted comment, which
    /// names the version signed for (`None`: a signature from before versions were recorded).
    fn sign(&self, data: &[u8], version: Option<&str>) -> String {
        let signature = self.pair.sign(&Blake2b512::digest(data));
        let mut bin = b"ED".to_vec();
        bin.extend(self.id);
        bin.extend(signature.as_ref());
        let mut trusted = "timestamp:1796400000\tfile:Job Gate_amd64.AppImage".to_string();
        if let Some(v) = version {
            trusted.push_str(&format!("\tversion:{v}"));
        }
        let mut global = signature.as_ref().to_vec();
        global.extend(trusted.as_bytes());
        let text = format!(
            "untrusted comment: signature from tauri secret key\n{}\ntrusted comment: {trusted}\n{}\n",
            B64.encode(bin),
            B64.encode(self.pair.sign(&global).as_ref())
        );
        B64.encode(text)
    }
}

/// The manifest's platform key for this machine (`{os}-{arch}`, as the plugin looks it up).
fn platform() -> String {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    };
    format!("{os}-{}", std::env::consts::ARCH)
}

/// A local update server: `/jobgate/...` answers with the manifest (or `manifest_status`), `/bundle` with
/// the bundle; every request is counted and its path kept.
struct UpdateServer {
    port: u16,
    paths: Arc<Mutex<Vec<String>>>,
    manifest: Arc<Mutex<(u16, String)>>,
    bundle: Arc<Mutex<Vec<u8>>>,
}

impl UpdateServer {
    fn start() -> UpdateServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let server = UpdateServer {
            port: listener.local_addr().unwrap().port(),
            paths: Arc::default(),
            manifest: Arc::new(Mutex::new((204, String::new()))),
            bundle: Arc::default(),
        };
        let (paths, manifest, bundle) = (
            server.paths.clone(),
            server.manifest.clone(),
            server.bundle.clone(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let path = read_request(&stream);
                paths.lock().unwrap().push(path.clone());
                let (status, body, kind) = if path.starts_with("/jobgate/") {
                    let (status, body) = manifest.lock().unwrap().clone();
                    (status, body.into_bytes(), "application/json")
                } else if path == "/bundle" {
                    (
                        200,
                        bundle.lock().unwrap().clone(),
                        "application/octet-stream",
                    )
                } else {
                    (404, Vec::new(), "text/plain")
                };
                respond(stream, status, &body, kind);
            }
        });
        server
    }

    /// The endpoint the app is built with (the plugin fills in the placeholders).
    fn endpoint(&self) -> String {
        format!(
            "http://127.0.0.1:{}/jobgate/{{{{target}}}}/{{{{arch}}}}/{{{{current_version}}}}",
            self.port
        )
    }

    /// Offers `version` with `bundle` and its `signature`.
    fn offer(&self, version: &str, bundle: &[u8], signature: &str) {
        let manifest = json!({
            "version": version,
            "notes": format!("Version {version}: the Match screen explains every score."),
            "pub_date": "2026-12-01T10:00:00Z",
            "platforms": {
                platform(): {
                    "signature": signature,
                    "url": format!("http://127.0.0.1:{}/bundle", self.port),
                }
            }
        });
        *self.manifest.lock().unwrap() = (200, manifest.to_string());
        *self.bundle.lock().unwrap() = bundle.to_vec();
    }

    /// The manifest answers with `status` and nothing (503: the server is down behind its proxy).
    fn answer(&self, status: u16) {
        *self.manifest.lock().unwrap() = (status, String::new());
    }

    fn requests(&self) -> Vec<String> {
        self.paths.lock().unwrap().clone()
    }
}

/// The request's path (the headers are read and ignored; requests have no body).
fn read_request(mut stream: &TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    head.split_whitespace().nth(1).unwrap_or("").to_string()
}

fn respond(mut stream: TcpStream, status: u16, body: &[u8], kind: &str) {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        503 => "Service Unavailable",
        _ => "Not Found",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// A stand-in for the installed AppImage, which an install replaces.
struct Installed {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Installed {
    fn new() -> Installed {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Job Gate.AppImage");
        std::fs::write(&path, b"Job Gate 0.1.0").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        Installed { _dir: dir, path }
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap()
    }
}

/// Background checks soon after start-up and soon again after a failure.
const FAST: Timing = Timing {
    first: Duration::from_millis(0),
    every: Duration::from_secs(600),
    retry: Duration::from_millis(300),
    tick: Duration::from_millis(50),
};

fn app_with(policy: Policy, updates: Updates) -> TestApp {
    TestApp::with_setup(
        |data| {
            AppState::with_options(
                data.to_path_buf(),
                Box::new(MemoryKeys::new()),
                Options {
                    kdf: KdfParams::FAST_FOR_TESTS,
                    ..Options::with_policy(LoadedPolicy {
                        policy,
                        source: None,
                        problem: None,
                    })
                },
            )
        },
        |builder, context| updater::setup(builder, context, updates),
    )
}

/// An app built with `server`'s endpoint and `key`'s public key, installing over `installed`.
fn app(server: &UpdateServer, key: &TestKey, installed: &Installed) -> TestApp {
    app_with(Policy::default(), updates(server, key, installed))
}

fn updates(server: &UpdateServer, key: &TestKey, installed: &Installed) -> Updates {
    let source = UpdateSource::new(&server.endpoint(), &key.public()).unwrap();
    Updates::new(Some(source))
        .with_timing(FAST)
        .with_install_path(installed.path.clone())
}

/// The update bundle of a version: big enough to arrive in several chunks.
fn bundle(version: &str) -> Vec<u8> {
    let mut b = format!("Job Gate {version} AppImage\n").into_bytes();
    b.resize(300 * 1024, b'j');
    b
}

/// Waits for Settings → Updates to satisfy `done`.
fn wait_for(app: &TestApp, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let v = app.ok("update_settings", json!({}));
        if done(&v) {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{what}: {v}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn stop_worker(app: &TestApp) {
    app.window.state::<Updates>().stop();
}

#[test]
fn a_newer_signed_version_is_found_with_its_notes_downloaded_verified_and_installed() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    let new = bundle("0.2.0");
    server.offer("0.2.0", &new, &key.sign(&new, Some("0.2.0")));
    let app = app(&server, &key, &installed);

    let v = app.ok("update_settings", json!({}));
    assert_eq!(v["current_version"], CURRENT, "{v}");
    assert_eq!(v["configured"], json!(true), "{v}");
    assert_eq!(v["server"], format!("http://127.0.0.1:{}", server.port));
    assert_eq!(
        v["auto"],
        json!(false),
        "automatic checks are off by default: {v}"
    );
    assert_eq!(v["blocked"], Value::Null, "{v}");
    assert!(server.requests().is_empty());

    let v = app.ok("check_for_update", json!({}));
    assert_eq!(v["available"]["version"], "0.2.0", "{v}");
    assert!(
        v["available"]["notes"]
            .as_str()
            .unwrap()
            .contains("the Match screen explains every score"),
        "{v}"
    );
    assert_eq!(v["available"]["date"], "2026-12-01T10:00:00Z");
    assert!(v["last_checked_at"].is_u64(), "{v}");
    // The endpoint's placeholders were filled in.
    assert_eq!(
        server.requests(),
        vec![format!(
            "/jobgate/{}/{}/{CURRENT}",
            std::env::consts::OS,
            std::env::consts::ARCH
        )]
    );
    assert_eq!(installed.bytes(), b"Job Gate 0.1.0");

    let progress = Arc::new(Mutex::new(Vec::<Value>::new()));
    let seen = progress.clone();
    app.window.listen_any(updater::PROGRESS_EVENT, move |e| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(e.payload()).unwrap());
    });
    let v = app.ok("install_update", json!({}));
    assert_eq!(v["installed"], "0.2.0", "{v}");
    assert_eq!(v["available"], Value::Null, "{v}");
    assert_eq!(v["last_problem"], Value::Null, "{v}");
    assert_eq!(installed.bytes(), new, "the AppImage was replaced");
    let progress = progress.lock().unwrap().clone();
    assert!(!progress.is_empty());
    assert_eq!(
        progress.last().unwrap(),
        &json!({"received": new.len(), "total": new.len()}),
        "{progress:?}"
    );
    assert_eq!(server.requests().last().unwrap(), "/bundle");
}

#[test]
fn a_tampered_bundle_or_one_signed_with_another_key_is_refused_and_nothing_is_replaced() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    let app = app(&server, &key, &installed);
    let new = bundle("0.2.0");
    let mut tampered = new.clone();
    tampered[100] ^= 1;
    let other = TestKey::generate();
    for (served, signature) in [
        (tampered, key.sign(&new, Some("0.2.0"))),
        (new.clone(), other.sign(&new, Some("0.2.0"))),
        // Signed before versions were recorded: could be any release, so it is not taken.
        (new.clone(), key.sign(&new, None)),
    ] {
        server.offer("0.2.0", &served, &signature);
        let v = app.ok("check_for_update", json!({}));
        assert_eq!(v["available"]["version"], "0.2.0", "{v}");
        let e = app.err("install_update", json!({}));
        assert_error_json(&e, "UPDATE_FAILED");
        assert_eq!(e["details"]["kind"], "signature", "{e}");
        assert!(e["error"].as_str().unwrap().contains("signature"), "{e}");
        assert_eq!(installed.bytes(), b"Job Gate 0.1.0", "nothing was replaced");
        // The refused update is forgotten; Settings keeps why.
        let v = app.ok("update_settings", json!({}));
        assert_eq!(v["available"], Value::Null, "{v}");
        assert_eq!(v["installed"], Value::Null, "{v}");
        assert_eq!(v["last_problem"]["details"]["kind"], "signature", "{v}");
        let e = app.err("install_update", json!({}));
        assert_eq!(e["details"]["kind"], "nothing", "{e}");
    }
    // In Arabic too.
    app.ok("set_language", json!({"lang": "ar"}));
    let new = bundle("0.2.0");
    server.offer("0.2.0", &new, &other.sign(&new, Some("0.2.0")));
    app.ok("check_for_update", json!({}));
    let e = app.err("install_update", json!({}));
    assert_error_json(&e, "UPDATE_FAILED");
    assert!(
        jobgate_core::text::arabic_ratio(e["error"].as_str().unwrap()) > 0.7,
        "{e}"
    );
    assert!(
        jobgate_core::text::arabic_ratio(e["suggested_action"].as_str().unwrap()) > 0.7,
        "{e}"
    );
}

#[test]
fn an_older_version_is_refused_whether_announced_or_replayed_under_a_new_number() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    let app = app(&server, &key, &installed);
    // Announced as older.
    let old = bundle("0.0.9");
    server.offer("0.0.9", &old, &key.sign(&old, Some("0.0.9")));
    let e = app.err("check_for_update", json!({}));
    assert_error_json(&e, "UPDATE_FAILED");
    assert_eq!(e["details"]["kind"], "downgrade", "{e}");
    assert_eq!(e["details"]["version"], "0.0.9", "{e}");
    assert!(e["error"].as_str().unwrap().contains("0.0.9"), "{e}");
    let v = app.ok("update_settings", json!({}));
    assert_eq!(v["available"], Value::Null, "{v}");
    let e = app.err("install_update", json!({}));
    assert_eq!(e["details"]["kind"], "nothing", "{e}");
    // The same version is no update (and no refusal).
    let same = bundle(CURRENT);
    server.offer(CURRENT, &same, &key.sign(&same, Some(CURRENT)));
    let v = app.ok("check_for_update", json!({}));
    assert_eq!(v["available"], Value::Null, "{v}");
    assert_eq!(v["last_problem"], Value::Null, "{v}");
    // An old release, correctly signed, announced as a new version: refused at download.
    server.offer("0.3.0", &old, &key.sign(&old, Some("0.0.9")));
    let v = app.ok("check_for_update", json!({}));
    assert_eq!(v["available"]["version"], "0.3.0", "{v}");
    let e = app.err("install_update", json!({}));
    assert_error_json(&e, "UPDATE_FAILED");
    assert_eq!(e["details"]["kind"], "downgrade", "{e}");
    assert_eq!(installed.bytes(), b"Job Gate 0.1.0");
}

#[test]
fn a_server_that_is_down_is_quiet_in_the_background_kept_for_settings_and_tried_again() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    server.answer(503);
    let app = app(&server, &key, &installed);
    let v = app.ok("set_update_auto", json!({"enabled": true}));
    assert_eq!(v["auto"], json!(true), "{v}");
    updater::spawn_worker(app._app.handle().clone());
    let v = wait_for(&app, "the background check's problem", |v| {
        v["last_problem"]["details"]["kind"] == "unreachable"
    });
    assert_error_json(&v["last_problem"], "UPDATE_FAILED");
    assert_eq!(v["available"], Value::Null);
    // Tried again after `retry` (300 ms here), not at every tick (50 ms).
    let start = Instant::now();
    while server.requests().len() < 3 {
        assert!(start.elapsed() < Duration::from_secs(30), "not retried");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        start.elapsed() >= Duration::from_millis(300),
        "retried too soon"
    );
    // The server comes back: the next try finds the update and the problem is gone.
    let new = bundle("0.2.0");
    server.offer("0.2.0", &new, &key.sign(&new, Some("0.2.0")));
    let v = wait_for(&app, "the update found after the server came back", |v| {
        v["available"]["version"] == "0.2.0"
    });
    assert_eq!(v["last_problem"], Value::Null, "{v}");
    stop_worker(&app);

    // Nothing listening at all: "Check now" says so, as the error JSON.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let source = UpdateSource::new(
        &format!("http://127.0.0.1:{port}/jobgate/{{{{target}}}}"),
        &key.public(),
    )
    .unwrap();
    let app = app_with(Policy::default(), Updates::new(Some(source)));
    let e = app.err("check_for_update", json!({}));
    assert_error_json(&e, "UPDATE_FAILED");
    assert_eq!(e["details"]["kind"], "unreachable", "{e}");
}

#[test]
fn with_automatic_checks_off_nothing_is_contacted_until_the_person_asks() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    let new = bundle("0.2.0");
    server.offer("0.2.0", &new, &key.sign(&new, Some("0.2.0")));
    let app = app(&server, &key, &installed);
    updater::spawn_worker(app._app.handle().clone());
    std::thread::sleep(Duration::from_millis(800));
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    let v = app.ok("update_settings", json!({}));
    assert_eq!(v["auto"], json!(false));
    assert_eq!(v["last_checked_at"], Value::Null);
    // Switched on: the worker checks and the update shows up in Settings.
    app.ok("set_update_auto", json!({"enabled": true}));
    let v = wait_for(&app, "the background check", |v| {
        v["available"]["version"] == "0.2.0"
    });
    assert_eq!(v["auto"], json!(true));
    // Switched off again: no more requests, even when one would be due.
    app.ok("set_update_auto", json!({"enabled": false}));
    let before = server.requests().len();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(server.requests().len(), before);
    stop_worker(&app);
}

#[test]
fn the_machines_policy_or_a_build_without_a_server_keeps_updates_off_and_contacts_nothing() {
    let (server, key, installed) = (UpdateServer::start(), TestKey::generate(), Installed::new());
    let new = bundle("0.2.0");
    server.offer("0.2.0", &new, &key.sign(&new, Some("0.2.0")));
    let policy = Policy {
        allow_updates: false,
        ..Policy::default()
    };
    let app = app_with(policy, updates(&server, &key, &installed));
    updater::spawn_worker(app._app.handle().clone());
    let v = app.ok("update_settings", json!({}));
    assert!(v["blocked"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    assert_eq!(v["auto"], json!(false));
    for (cmd, args) in [
        ("set_update_auto", json!({"enabled": true})),
        ("check_for_update", json!({})),
        ("install_update", json!({})),
    ] {
        let e = app.err(cmd, args);
        assert_error_json(&e, "UPDATE_FAILED");
        assert_eq!(e["details"]["kind"], "policy", "{cmd}: {e}");
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    stop_worker(&app);

    // A build without JOBGATE_UPDATE_ENDPOINT / JOBGATE_UPDATE_PUBKEY: off, and Settings says why.
    let app = app_with(Policy::default(), Updates::new(None));
    let v = app.ok("update_settings", json!({}));
    assert_eq!(v["configured"], json!(false), "{v}");
    assert_eq!(v["server"], Value::Null, "{v}");
    assert!(v["blocked"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    let e = app.err("check_for_update", json!({}));
    assert_error_json(&e, "UPDATE_FAILED");
    assert_eq!(e["details"]["kind"], "off", "{e}");
    let e = app.err("set_update_auto", json!({"enabled": true}));
    assert_eq!(e["details"]["kind"], "off", "{e}");
    assert!(server.requests().is_empty());
}

#[test]
fn an_update_source_needs_a_minisign_key_and_https_except_to_this_computer() {
    let key = TestKey::generate().public();
    assert!(UpdateSource::new("https://updates.example.org/jobgate/{{target}}", &key).is_ok());
    assert!(UpdateSource::new("http://127.0.0.1:8080/jobgate", &key).is_ok());
    assert!(UpdateSource::new("http://updates.example.org/jobgate", &key).is_err());
    assert!(UpdateSource::new("ftp://updates.example.org/jobgate", &key).is_err());
    assert!(UpdateSource::new("not a url", &key).is_err());
    for bad in [
        "",
        "PLACEHOLDER-REPLACE-WITH-THE-MINISIGN-PUBLIC-KEY",
        &B64.encode("untrusted comment: x\nnot a key\n"),
    ] {
        assert!(
            UpdateSource::new("https://updates.example.org/jobgate", bad).is_err(),
            "{bad}"
        );
    }
    // Built without the build-time settings, updates are off (no placeholder); built with them (a key
    // from `npx tauri signer generate`), on.
    match option_env!("JOBGATE_UPDATE_ENDPOINT") {
        None => {
            assert!(matches!(UpdateSource::from_build(), Ok(None)));
            assert!(!Updates::from_build().configured());
        }
        Some(endpoint) => {
            let source = UpdateSource::from_build().unwrap().unwrap();
            assert!(endpoint.starts_with(&source.server()), "{endpoint}");
            assert!(Updates::from_build().configured());
        }
    }
}
