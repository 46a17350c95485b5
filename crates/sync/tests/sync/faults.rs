//! Failures injected by the fault proxy between the client and the real server: each is retried with the
//! same change ids, or stops the run, and never loses or doubles a change.

use crate::support::{FakeClock, client, fast, fresh_like, harness, replica_with};
use jobgate_sync::{LocalReplica, MemoryReplica, Options, SyncError, SystemClock, sync_once};
use serde_json::{Value, json};
use std::time::Duration;

const T: Duration = Duration::from_secs(10);
const PUSH: &str = "/api/sync/v1/push";

fn ids(entry: &Value) -> Vec<String> {
    serde_json::from_value(entry["change_ids"].clone()).unwrap()
}

/// How many changes a new machine pulls for the account, and what it ends up with.
fn restored(key: &str, like: &MemoryReplica) -> (usize, MemoryReplica) {
    let h = harness();
    let mut fresh = fresh_like(like);
    let report = sync_once(&client(&h.url, key, T), &mut fresh, &fast(), &SystemClock).unwrap();
    (report.pulled, fresh)
}

#[test]
fn a_500_is_retried_with_the_same_change_ids() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([{"kind": "status", "status": 500, "path": PUSH}]));
    let mut r = replica_with(20);
    let clock = FakeClock::new();
    let report = sync_once(&client(&proxy.url, &key, T), &mut r, &fast(), &clock).unwrap();
    assert_eq!((report.pushed, report.pending), (20, 0));
    let pushes = proxy.pushes();
    assert_eq!(pushes.len(), 2);
    assert_eq!(
        (pushes[0]["status"].as_u64(), pushes[1]["status"].as_u64()),
        (Some(500), Some(200))
    );
    assert_eq!(ids(&pushes[0]), ids(&pushes[1]));
    assert_eq!(clock.sleeps.borrow().len(), 1);
}

#[test]
fn a_connection_dropped_after_the_server_stored_the_batch_doubles_nothing() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([
        {"kind": "pass", "path": PUSH},
        {"kind": "drop_after_upstream", "path": PUSH},
        {"kind": "drop_before_upstream", "path": PUSH},
    ]));
    let mut r = replica_with(230);
    let report = sync_once(&client(&proxy.url, &key, T), &mut r, &fast(), &SystemClock).unwrap();
    assert_eq!((report.pushed, report.pending), (230, 0));
    let pushes = proxy.pushes();
    let statuses: Vec<Option<u64>> = pushes.iter().map(|p| p["status"].as_u64()).collect();
    assert_eq!(statuses, vec![Some(200), None, None, Some(200), Some(200)]);
    assert_eq!(
        ids(&pushes[1]),
        ids(&pushes[3]),
        "the retry resends the stored batch as it was"
    );
    assert_eq!(ids(&pushes[2]), ids(&pushes[3]));

    let (pulled, fresh) = restored(&key, &r);
    assert_eq!(pulled, 230, "every change stored once");
    assert_eq!(fresh.records(), r.records());
}

#[test]
fn a_429_waits_as_long_as_retry_after_says() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([
        {"kind": "status", "status": 429, "retry_after": 2, "path": PUSH},
        {"kind": "status", "status": 503, "retry_after": 1, "path": "/api/sync/v1/pull"},
    ]));
    let mut r = replica_with(3);
    let clock = FakeClock::new();
    let report = sync_once(&client(&proxy.url, &key, T), &mut r, &fast(), &clock).unwrap();
    assert_eq!((report.pushed, report.pending), (3, 0));
    assert_eq!(
        *clock.sleeps.borrow(),
        vec![Duration::from_secs(2), Duration::from_secs(1)]
    );
}

#[test]
fn a_server_that_hangs_times_out_backs_off_and_keeps_everything() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([
        {"kind": "hang", "path": PUSH},
        {"kind": "hang", "path": PUSH},
    ]));
    let mut r = replica_with(8);
    let options = Options {
        max_failures: 2,
        ..fast()
    };
    let clock = FakeClock::new();
    let short = Duration::from_millis(300);
    let f = sync_once(&client(&proxy.url, &key, short), &mut r, &options, &clock).unwrap_err();
    assert_eq!(f.error, SyncError::Timeout);
    assert_eq!((f.pending, f.pushed, f.failed_attempts), (8, 0, 2));
    assert_eq!(clock.sleeps.borrow().len(), 1);
    assert_eq!(r.pending_count().unwrap(), 8);

    let report = sync_once(&client(&proxy.url, &key, short), &mut r, &fast(), &clock).unwrap();
    assert_eq!((report.pushed, report.pending), (8, 0));
}

#[test]
fn a_401_in_the_middle_stops_at_once_and_keeps_the_rest_pending() {
    let h = harness();
    let key = h.account();
    let proxy = h.proxy();
    proxy.faults(json!([
        {"kind": "pass", "path": PUSH},
        {"kind": "status", "status": 401, "path": PUSH},
    ]));
    let mut r = replica_with(250);
    let clock = FakeClock::new();
    let f = sync_once(&client(&proxy.url, &key, T), &mut r, &fast(), &clock).unwrap_err();
    assert_eq!(f.error, SyncError::Unauthorized);
    assert_eq!((f.pushed, f.pending, f.failed_attempts), (100, 150, 0));
    assert!(clock.sleeps.borrow().is_empty());
    assert_eq!(proxy.pushes().len(), 2, "no retry after a 401");
    assert_eq!(r.pending_count().unwrap(), 150);
}
