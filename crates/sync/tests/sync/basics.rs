//! Health, a round trip, a wrong key, a server that is down, and changes too large for one request.

use crate::support::{FakeClock, client, fast, fresh_like, harness, replica_with};
use jobgate_sync::client::Remote;
use jobgate_sync::run::TOO_LARGE_CODE;
use jobgate_sync::{Entity, LocalReplica, Options, SyncError, SystemClock, sync_once};
use serde_json::json;
use std::collections::HashSet;
use std::time::Duration;

const T: Duration = Duration::from_secs(10);

#[test]
fn health_answers_ok_with_protocol_1() {
    let h = harness();
    let c = client(&h.url, "any-key", T);
    let health = c.health().unwrap();
    assert_eq!((health.status.as_str(), health.protocol), ("ok", 1));
    assert_eq!(c.server(), h.url);
}

#[test]
fn what_one_machine_pushes_another_restores_exactly() {
    let h = harness();
    let key = h.account();
    let mut a = replica_with(130);
    let sent: Vec<_> = a.outbox().to_vec();
    let report = sync_once(&client(&h.url, &key, T), &mut a, &fast(), &SystemClock).unwrap();
    assert_eq!(
        (
            report.pushed,
            report.pulled,
            report.pending,
            report.rejected
        ),
        (130, 0, 0, 0),
        "its own changes come back, and are not counted as pulled"
    );
    assert_eq!(report.server, h.url);

    let mut b = fresh_like(&a);
    let report = sync_once(&client(&h.url, &key, T), &mut b, &fast(), &SystemClock).unwrap();
    assert_eq!((report.pushed, report.pulled), (0, 130));
    assert_eq!(b.records(), a.records(), "the same records, byte for byte");
    let again: Vec<_> = b.records().values().cloned().collect();
    assert!(again.iter().all(|c| sent.contains(c)));

    // Nothing new: nothing moves.
    let report = sync_once(&client(&h.url, &key, T), &mut a, &fast(), &SystemClock).unwrap();
    assert_eq!((report.pushed, report.pulled, report.pending), (0, 0, 0));
}

#[test]
fn a_wrong_key_stops_at_once_and_marks_nothing() {
    let h = harness();
    let mut r = replica_with(5);
    let clock = FakeClock::new();
    let f = sync_once(&client(&h.url, "not-a-key", T), &mut r, &fast(), &clock).unwrap_err();
    assert_eq!(f.error, SyncError::Unauthorized);
    assert_eq!((f.pending, f.pushed, f.failed_attempts), (5, 0, 0));
    assert!(clock.sleeps.borrow().is_empty());
    assert_eq!(r.pending_count().unwrap(), 5);
    assert!(!format!("{f:?} {f}").contains("not-a-key"));
}

#[test]
fn a_server_that_is_down_loses_nothing_and_a_later_sync_finishes() {
    let h = harness();
    let key = h.account();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let mut r = replica_with(12);
    let options = Options {
        max_failures: 3,
        ..fast()
    };
    let clock = FakeClock::new();
    let f = sync_once(&client(&closed, &key, T), &mut r, &options, &clock).unwrap_err();
    assert!(
        matches!(f.error, SyncError::Network { .. }),
        "{:?}",
        f.error
    );
    assert_eq!((f.pending, f.pushed, f.failed_attempts), (12, 0, 3));
    assert_eq!(
        clock.sleeps.borrow().len(),
        2,
        "backed off between the attempts"
    );
    assert_eq!(r.pending_count().unwrap(), 12);
    let e: jobgate_core::JobGateError = f.into();
    assert_eq!(e.code().as_str(), "SYNC_FAILED");

    let report = sync_once(&client(&h.url, &key, T), &mut r, &fast(), &SystemClock).unwrap();
    assert_eq!((report.pushed, report.pending), (12, 0));
}

/// A ~3 MB version with smaller changes around it: the client cuts the batches itself, under 4 MiB each.
#[test]
fn a_large_change_goes_in_a_batch_of_its_own_size() {
    let h = harness();
    let key = h.account();
    let mut r = replica_with(3);
    let big = r.create(Entity::CvVersion, json!({"text": "x".repeat(3_000_000)}));
    for i in 0..3 {
        r.create(
            Entity::Analysis,
            json!({"i": i, "text": "y".repeat(600_000)}),
        );
    }
    let report = sync_once(&client(&h.url, &key, T), &mut r, &fast(), &SystemClock).unwrap();
    assert_eq!((report.pushed, report.rejected, report.pending), (7, 0, 0));

    let mut other = fresh_like(&r);
    sync_once(&client(&h.url, &key, T), &mut other, &fast(), &SystemClock).unwrap();
    assert_eq!(other.records()[&big.entity_id], big);
}

/// A client whose own limit is looser than the server's: the server's 413 halves the batch until it fits,
/// and a single change the server still refuses is parked without blocking the rest.
#[test]
fn the_servers_413_splits_the_batch_and_parks_what_never_fits() {
    let h = harness();
    let key = h.account();
    let mut r = replica_with(4);
    let fits = r.create(Entity::CvVersion, json!({"text": "x".repeat(2_500_000)}));
    let never = r.create(Entity::CvVersion, json!({"text": "z".repeat(4_300_000)}));
    for i in 0..4 {
        r.create(
            Entity::Analysis,
            json!({"i": i, "text": "y".repeat(400_000)}),
        );
    }
    let loose = Options {
        max_bytes: 64 * 1024 * 1024,
        ..fast()
    };
    let report = sync_once(&client(&h.url, &key, T), &mut r, &loose, &SystemClock).unwrap();
    assert_eq!((report.pushed, report.rejected, report.pending), (9, 1, 0));
    assert_eq!(r.parked().len(), 1);
    assert_eq!(r.parked()[0].change.change_id, never.change_id);
    assert_eq!(r.parked()[0].error_code, TOO_LARGE_CODE);

    let mut other = fresh_like(&r);
    sync_once(&client(&h.url, &key, T), &mut other, &fast(), &SystemClock).unwrap();
    assert_eq!(other.records().len(), 9);
    assert_eq!(other.records()[&fits.entity_id], fits);
    assert!(!other.records().contains_key(&never.entity_id));
    let ids: HashSet<_> = other.records().values().map(|c| c.change_id).collect();
    assert_eq!(ids.len(), 9);
}
