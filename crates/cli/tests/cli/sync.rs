//! `jobgate sync` against the real reference server (Node.js on PostgreSQL, `server/`): a person's history
//! goes up, a second machine with the same key gets it all back, a server that is down or a wrong key leaves
//! everything local as it was and says how much is waiting.

#[allow(dead_code)]
#[path = "../../../sync/tests/sync/support.rs"]
mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus/files")
        .join(name)
}

/// `jobgate ARGS` on the data folder `data`, syncing with `url` and `key`.
fn jobgate(data: &Path, url: &str, key: &str, args: &[&str]) -> (bool, Value) {
    let out = Command::new(BIN)
        .args(args)
        .env("JOBGATE_DATA_DIR", data)
        .env("JOBGATE_POLICY", data.with_extension("no-policy.toml"))
        .env("JOBGATE_SYNC_URL", url)
        .env("JOBGATE_SYNC_KEY", key)
        .env_remove("JOBGATE_PROFILE")
        .env_remove("JOBGATE_PASSCODE")
        .output()
        .unwrap();
    (
        out.status.success(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

fn cvs(data: &Path) -> usize {
    let (ok, h) = jobgate(data, "", "", &["history", "--json"]);
    assert!(ok, "{h}");
    h["cvs"].as_array().unwrap().len()
}

#[test]
fn a_history_goes_up_and_comes_back_on_another_machine() {
    let harness = support::harness();
    let key = harness.account();
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    for file in ["001__even.pdf", "002__elegant.pdf"] {
        let f = corpus(file);
        let (ok, r) = jobgate(&first, "", "", &["analyze", f.to_str().unwrap(), "--json"]);
        assert!(ok, "{r}");
    }
    // Nothing has left the machine yet: sync is off until asked for.
    let (_, status) = jobgate(&first, "", "", &["sync", "--status", "--json"]);
    assert_eq!(status["enabled"], false);

    let (ok, report) = jobgate(&first, &harness.url, &key, &["sync", "--json"]);
    assert!(ok, "{report}");
    assert_eq!(report["pending"], 0);
    assert!(report["pushed"].as_u64().unwrap() >= 6, "{report}");
    assert_eq!(report["server"], harness.url.trim_end_matches('/'));
    let (ok, status) = jobgate(&first, "", "", &["sync", "--status", "--json"]);
    assert!(ok && status["last_sync_at"].is_string() && status["last_error"].is_null());

    let (ok, report) = jobgate(&second, &harness.url, &key, &["sync", "--json"]);
    assert!(ok, "{report}");
    assert!(report["pulled"].as_u64().unwrap() >= 6, "{report}");
    assert_eq!(cvs(&second), 2);
    let (_, h) = jobgate(&second, "", "", &["history", "--json"]);
    let names: Vec<&str> = h["analyses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file_name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"001__even.pdf") && names.contains(&"002__elegant.pdf"));
    // Syncing again moves nothing twice.
    let (ok, again) = jobgate(&second, &harness.url, &key, &["sync", "--json"]);
    assert!(
        ok && again["pushed"] == 0 && again["pulled"] == 0,
        "{again}"
    );
    assert_eq!(cvs(&second), 2);
}

#[test]
fn a_server_that_is_down_or_a_wrong_key_loses_nothing() {
    let harness = support::harness();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let f = corpus("001__even.pdf");
    jobgate(&data, "", "", &["analyze", f.to_str().unwrap(), "--json"]);

    // Nothing listens on port 9 of this machine.
    let (ok, e) = jobgate(&data, "http://127.0.0.1:9", "some-key", &["sync", "--json"]);
    assert!(!ok);
    assert_eq!(e["error_code"], "SYNC_FAILED", "{e}");
    assert!(e["details"]["pending"].as_u64().unwrap() >= 3, "{e}");
    assert!(!e["suggested_action"].as_str().unwrap().is_empty());
    assert_eq!(cvs(&data), 1);
    let (ok, status) = jobgate(&data, "", "", &["sync", "--status", "--json"]);
    assert!(!ok, "something is pending");
    assert!(status["last_error"].is_string(), "{status}");

    let (ok, e) = jobgate(&data, &harness.url, "not-a-key", &["sync", "--json"]);
    assert!(!ok);
    assert_eq!(e["error_code"], "SYNC_FAILED", "{e}");
    // Plain HTTP to another machine is refused before anything is sent.
    let (ok, e) = jobgate(&data, "http://sync.example.org", "k", &["sync", "--json"]);
    assert!(!ok);
    assert_eq!(e["error_code"], "SYNC_FAILED", "{e}");

    // Back online with a right key: everything waiting goes up.
    let key = harness.account();
    let (ok, report) = jobgate(&data, &harness.url, &key, &["sync", "--json"]);
    assert!(ok, "{report}");
    assert_eq!(report["pending"], 0);
}
