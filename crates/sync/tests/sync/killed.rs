//! The client killed in the middle of a push: the server has stored a batch the client never heard back
//! about. A new run from the same persisted outbox resends it with the same ids; nothing is lost or doubled.
//!
//! The push runs in a child process: this test binary itself, started again to run only
//! [`child_process_entry`] with the run's settings in `JOBGATE_SYNC_TEST_CHILD` (that test does nothing
//! when the variable is not set). It is killed with SIGKILL once the proxy has seen the retry of the
//! stored batch, which the proxy holds unanswered.

use crate::support::{FileReplica, client, fast, harness, replica_with};
use jobgate_sync::{LocalReplica, MemoryReplica, Options, SystemClock, sync_once};
use serde_json::json;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "JOBGATE_SYNC_TEST_CHILD";
const PUSH: &str = "/api/sync/v1/push";

/// Runs one sync from a replica file, as a separate process, when asked by the test below.
#[test]
fn child_process_entry() {
    let Ok(settings) = std::env::var(CHILD_ENV) else {
        return;
    };
    let s: serde_json::Value = serde_json::from_str(&settings).unwrap();
    let path = PathBuf::from(s["file"].as_str().unwrap());
    let mut r = FileReplica::open(&path);
    let c = client(
        s["url"].as_str().unwrap(),
        s["key"].as_str().unwrap(),
        Duration::from_secs(60),
    );
    let _ = sync_once(&c, &mut r, &fast(), &SystemClock);
    panic!("the child should have been killed before its sync ended");
}

#[test]
fn a_client_killed_mid_push_resumes_from_its_outbox_without_loss_or_doubles() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([
        {"kind": "pass", "path": PUSH},
        {"kind": "drop_after_upstream", "path": PUSH},
        {"kind": "hang", "path": PUSH},
    ]));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("replica.json");
    let original = replica_with(150);
    FileReplica::create(&file, original.clone());

    let settings = json!({"file": file, "url": proxy.url, "key": key}).to_string();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "killed::child_process_entry",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD_ENV, settings)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the stored batch's retry hangs in the proxy, then kill the child outright.
    let started = Instant::now();
    loop {
        let pushes = proxy.pushes();
        if pushes.len() >= 3 {
            assert_eq!(pushes[1]["change_ids"], pushes[2]["change_ids"]);
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the child ended by itself ({status}); pushes seen: {pushes:?}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the child never got that far"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // What the killed client left on disk: the first batch gone, the stored one still pending.
    let mut r = FileReplica::open(&file);
    assert_eq!(r.pending_count().unwrap(), 50);
    assert_eq!(r.inner().records(), original.records());

    let report = sync_once(
        &client(&h.url, &key, Duration::from_secs(10)),
        &mut r,
        &fast(),
        &SystemClock,
    )
    .unwrap();
    // The first batch was accepted in the killed run, which never pulled: it comes back as pulled now.
    assert_eq!((report.pushed, report.pending, report.pulled), (50, 0, 100));

    let mut fresh = MemoryReplica::new(original.profile_id());
    let paged = Options {
        pull_limit: Some(40),
        ..fast()
    };
    let report = sync_once(
        &client(&h.url, &key, Duration::from_secs(10)),
        &mut fresh,
        &paged,
        &SystemClock,
    )
    .unwrap();
    assert_eq!(report.pulled, 150, "each change stored once");
    assert_eq!(fresh.records(), original.records());
    let ids: HashSet<_> = original.outbox().iter().map(|c| c.change_id).collect();
    assert_eq!(ids.len(), 150);
}
