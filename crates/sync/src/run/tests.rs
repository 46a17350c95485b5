//! `sync_once` against a scripted in-process server and a fake clock: batching, splitting, backoff,
//! `Retry-After`, giving up, and the outbox rules. The same paths against the real server are in
//! `tests/sync.rs`.

use super::*;
use crate::memory::MemoryReplica;
use crate::protocol::{Entity, Health, PullResponse, Rejected};
use serde_json::json;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// A fake clock: `sleep` only moves `now` on and records the wait.
struct FakeClock {
    start: Instant,
    elapsed: Cell<Duration>,
    sleeps: RefCell<Vec<Duration>>,
}

impl FakeClock {
    fn new() -> FakeClock {
        FakeClock {
            start: Instant::now(),
            elapsed: Cell::new(Duration::ZERO),
            sleeps: RefCell::new(Vec::new()),
        }
    }
    fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.borrow().clone()
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Instant {
        self.start + self.elapsed.get()
    }
    fn sleep(&self, d: Duration) {
        self.elapsed.set(self.elapsed.get() + d);
        self.sleeps.borrow_mut().push(d);
    }
}

/// An in-process protocol v1 server: idempotent by change id, pages by index, with queued faults (one per
/// push or pull request) and optional body/size limits of its own.
#[derive(Default)]
struct FakeServer {
    stored: RefCell<Vec<Change>>,
    faults: RefCell<VecDeque<Option<SyncError>>>,
    /// Bodies above this many bytes get 413.
    max_body: Cell<Option<usize>>,
    /// Body size and change ids of every push, in order. (Changes whose `data` has `"bad": true` are
    /// rejected.)
    pushes: RefCell<Vec<(usize, Vec<Uuid>)>>,
    pulls: RefCell<Vec<Option<String>>>,
    /// When set, push answers acknowledge nothing.
    mute: Cell<bool>,
}

impl FakeServer {
    fn fault(&self, e: SyncError) {
        self.faults.borrow_mut().push_back(Some(e));
    }
    /// The next request goes through untouched.
    fn pass(&self) {
        self.faults.borrow_mut().push_back(None);
    }
    fn next_fault(&self) -> Option<SyncError> {
        self.faults.borrow_mut().pop_front().flatten()
    }
    fn push_sizes(&self) -> Vec<usize> {
        self.pushes
            .borrow()
            .iter()
            .map(|(_, ids)| ids.len())
            .collect()
    }
}

impl Remote for FakeServer {
    fn server(&self) -> String {
        "https://fake.example".into()
    }
    fn device_id(&self) -> Uuid {
        Uuid::from_u128(7)
    }
    fn health(&self) -> Result<Health, SyncError> {
        Ok(Health {
            status: "ok".into(),
            protocol: 1,
        })
    }
    fn push(&self, request: &PushRequest) -> Result<PushResponse, SyncError> {
        let body = serde_json::to_vec(request).unwrap();
        self.pushes.borrow_mut().push((
            body.len(),
            request.changes.iter().map(|c| c.change_id).collect(),
        ));
        if let Some(e) = self.next_fault() {
            return Err(e);
        }
        if self.max_body.get().is_some_and(|m| body.len() > m)
            || body.len() > MAX_PUSH_BYTES
            || request.changes.len() > MAX_PUSH_CHANGES
        {
            return Err(SyncError::TooLarge);
        }
        if self.mute.get() {
            return Ok(PushResponse::default());
        }
        let mut answer = PushResponse::default();
        let mut stored = self.stored.borrow_mut();
        for c in &request.changes {
            if c.data.as_ref().is_some_and(|d| d["bad"] == json!(true)) {
                answer.rejected.push(Rejected {
                    change_id: c.change_id,
                    error_code: "INVALID_CHANGE".into(),
                    error: "bad".into(),
                });
                continue;
            }
            if !stored.iter().any(|s| s.change_id == c.change_id) {
                stored.push(c.clone());
            }
            answer.accepted.push(c.change_id);
        }
        Ok(answer)
    }
    fn pull(&self, since: Option<&str>, limit: Option<u32>) -> Result<PullResponse, SyncError> {
        self.pulls.borrow_mut().push(since.map(str::to_string));
        if let Some(e) = self.next_fault() {
            return Err(e);
        }
        let stored = self.stored.borrow();
        let from: usize = since.map(|s| s.parse().unwrap()).unwrap_or(0);
        let limit = limit.unwrap_or(500) as usize;
        let to = (from + limit).min(stored.len());
        Ok(PullResponse {
            changes: stored[from..to].to_vec(),
            next_cursor: to.to_string(),
            more: to < stored.len(),
        })
    }
}

fn replica_with(n: usize, filler: usize) -> MemoryReplica {
    let mut r = MemoryReplica::new(Uuid::new_v4());
    for i in 0..n {
        r.create(
            Entity::CvVersion,
            json!({"i": i, "text": "x".repeat(filler)}),
        );
    }
    r
}

fn opts() -> Options {
    Options {
        jitter_seed: 42,
        ..Options::default()
    }
}

#[test]
fn pushes_in_batches_of_100_then_pulls_everything_back() {
    let server = FakeServer::default();
    let clock = FakeClock::new();
    let mut r = replica_with(250, 10);
    let report = sync_once(&server, &mut r, &opts(), &clock).unwrap();
    assert_eq!(server.push_sizes(), vec![100, 100, 50]);
    assert_eq!(
        report,
        SyncReport {
            pushed: 250,
            pulled: 0,
            pending: 0,
            rejected: 0,
            server: "https://fake.example".into()
        }
    );
    assert!(clock.sleeps().is_empty());
    assert_eq!(
        server.pulls.borrow().len(),
        1,
        "its own changes came back, uncounted"
    );

    // A second machine restores everything, page by page.
    let mut fresh = MemoryReplica::new(r.profile_id());
    let paged = Options {
        pull_limit: Some(40),
        ..opts()
    };
    let report = sync_once(&server, &mut fresh, &paged, &clock).unwrap();
    assert_eq!(report.pulled, 250);
    assert_eq!(
        server.pulls.borrow().len(),
        1 + 7,
        "one pull for the first run, seven pages"
    );
    assert_eq!(fresh.records(), r.records());
}

#[test]
fn batches_are_cut_by_serialized_size() {
    let server = FakeServer::default();
    let mut r = replica_with(30, 900);
    let one = r.outbox()[0].json_len();
    let options = Options {
        max_bytes: 5_000,
        ..opts()
    };
    sync_once(&server, &mut r, &options, &FakeClock::new()).unwrap();
    let pushes = server.pushes.borrow();
    assert!(
        pushes.iter().all(|(bytes, _)| *bytes <= 5_000),
        "{pushes:?}"
    );
    let per_batch = (5_000 - 117) / (one + 1);
    assert_eq!(
        pushes[0].1.len(),
        per_batch,
        "packed as full as the limit allows"
    );
    assert_eq!(pushes.iter().map(|(_, ids)| ids.len()).sum::<usize>(), 30);
    assert_eq!(r.pending_count().unwrap(), 0);
}

#[test]
fn pack_respects_count_and_bytes_and_sets_aside_the_too_large() {
    let mk = |n: usize| {
        Change::upsert(
            Entity::Cv,
            Uuid::new_v4(),
            chrono::Utc::now(),
            json!({"t": "y".repeat(n)}),
        )
    };
    let changes = vec![mk(10), mk(10), mk(5_000), mk(10), mk(10), mk(10)];
    let len = changes[0].json_len();
    let p = pack(changes.clone(), 100, 100 + 2 * len + 1, 100);
    assert_eq!(p.too_large, vec![changes[2].clone()]);
    assert_eq!(
        p.batches.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![2, 2, 1]
    );
    let p = pack(changes[..2].to_vec(), 100, 100 + 2 * len, 100);
    assert_eq!(p.batches.len(), 2, "the comma between counts");
    let p = pack(changes, 100, usize::MAX, 2);
    assert_eq!(
        p.batches.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![2, 2, 2]
    );
}

#[test]
fn a_change_too_large_to_send_is_parked_and_does_not_block_the_rest() {
    let server = FakeServer::default();
    let mut r = replica_with(3, 10);
    let big = r.create(Entity::CvVersion, json!({"text": "z".repeat(6_000)}));
    r.create(Entity::Analysis, json!({"score": 1}));
    let options = Options {
        max_bytes: 4_000,
        ..opts()
    };
    let report = sync_once(&server, &mut r, &options, &FakeClock::new()).unwrap();
    assert_eq!((report.pushed, report.rejected, report.pending), (4, 1, 0));
    assert_eq!(r.parked()[0].change, big);
    assert_eq!(r.parked()[0].error_code, TOO_LARGE_CODE);
    assert!(
        server
            .pushes
            .borrow()
            .iter()
            .all(|(_, ids)| !ids.contains(&big.change_id))
    );
}

#[test]
fn a_413_halves_the_batch_and_parks_a_single_change_still_too_large() {
    let server = FakeServer::default();
    server.max_body.set(Some(3_000));
    let mut r = replica_with(9, 200);
    let big = r.create(Entity::CvVersion, json!({"text": "z".repeat(3_000)}));
    for i in 0..5 {
        r.create(Entity::Analysis, json!({"i": i}));
    }
    let order: Vec<Uuid> = r
        .outbox()
        .iter()
        .map(|c| c.change_id)
        .filter(|id| *id != big.change_id)
        .collect();
    let report = sync_once(&server, &mut r, &opts(), &FakeClock::new()).unwrap();
    assert_eq!((report.pushed, report.rejected, report.pending), (14, 1, 0));
    assert_eq!(r.parked()[0].change.change_id, big.change_id);
    // Order kept: the server stored the changes in outbox order, the big one left out.
    let stored: Vec<Uuid> = server.stored.borrow().iter().map(|c| c.change_id).collect();
    assert_eq!(stored, order);
    assert_eq!(
        server.pushes.borrow()[0].1.len(),
        15,
        "the first try carries everything"
    );
}

#[test]
fn server_failures_back_off_with_full_jitter_and_the_same_change_ids() {
    let server = FakeServer::default();
    for _ in 0..3 {
        server.fault(SyncError::Server {
            status: 500,
            retry_after: None,
        });
    }
    let clock = FakeClock::new();
    let mut r = replica_with(5, 10);
    let report = sync_once(&server, &mut r, &opts(), &clock).unwrap();
    assert_eq!(report.pushed, 5);
    let mut expected = Backoff::new(Duration::from_millis(500), Duration::from_secs(30), 42);
    let want: Vec<Duration> = (1..=3).map(|n| expected.delay(n)).collect();
    assert_eq!(clock.sleeps(), want);
    for (n, d) in want.iter().enumerate() {
        assert!(*d <= Duration::from_millis(500) * (1 << n), "{n}: {d:?}");
    }
    let pushes = server.pushes.borrow();
    assert_eq!(pushes.len(), 4);
    assert!(
        pushes.iter().all(|(_, ids)| *ids == pushes[0].1),
        "retries reuse the ids"
    );
}

#[test]
fn backoff_doubles_up_to_the_cap_and_is_deterministic_per_seed() {
    let b = Backoff::new(Duration::from_millis(500), Duration::from_secs(30), 1);
    let ceilings: Vec<u64> = (1..=9).map(|n| b.ceiling(n).as_millis() as u64).collect();
    assert_eq!(
        ceilings,
        vec![
            500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000
        ]
    );
    assert_eq!(b.ceiling(u32::MAX), Duration::from_secs(30));
    let (mut x, mut y) = (b.clone(), b.clone());
    let xs: Vec<Duration> = (1..50).map(|n| x.delay(n)).collect();
    let ys: Vec<Duration> = (1..50).map(|n| y.delay(n)).collect();
    assert_eq!(xs, ys);
    assert!(xs.iter().zip(1..).all(|(d, n)| *d <= b.ceiling(n)));
    let distinct: HashSet<Duration> = xs.iter().copied().collect();
    assert!(distinct.len() > 40, "jitter spreads the waits");
    let mut other = Backoff::new(Duration::from_millis(500), Duration::from_secs(30), 2);
    assert_ne!(other.delay(5), xs[4]);
}

#[test]
fn retry_after_is_honoured_and_capped() {
    let server = FakeServer::default();
    server.fault(SyncError::RateLimited {
        retry_after: Some(Duration::from_secs(2)),
    });
    server.fault(SyncError::RateLimited {
        retry_after: Some(Duration::from_secs(3_600)),
    });
    server.fault(SyncError::Server {
        status: 503,
        retry_after: Some(Duration::from_secs(5)),
    });
    let clock = FakeClock::new();
    let mut r = replica_with(2, 10);
    sync_once(&server, &mut r, &opts(), &clock).unwrap();
    assert_eq!(
        clock.sleeps(),
        vec![
            Duration::from_secs(2),
            Duration::from_secs(60),
            Duration::from_secs(5)
        ]
    );
}

#[test]
fn a_wait_past_the_deadline_is_not_started_and_nothing_is_lost() {
    let server = FakeServer::default();
    server.fault(SyncError::RateLimited {
        retry_after: Some(Duration::from_secs(50)),
    });
    server.fault(SyncError::RateLimited {
        retry_after: Some(Duration::from_secs(50)),
    });
    server.fault(SyncError::Timeout);
    let clock = FakeClock::new();
    let mut r = replica_with(4, 10);
    let options = Options {
        deadline: Duration::from_secs(100),
        backoff_base: Duration::from_secs(1_000),
        backoff_cap: Duration::from_secs(1_000),
        jitter_seed: 7,
        ..opts()
    };
    let f = sync_once(&server, &mut r, &options, &clock).unwrap_err();
    assert_eq!(f.error, SyncError::Timeout);
    assert_eq!((f.pending, f.pushed, f.failed_attempts), (4, 0, 3));
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(50); 2]);
    assert_eq!(r.pending_count().unwrap(), 4);
}

#[test]
fn attempts_are_bounded_per_run_and_a_later_run_finishes_the_job() {
    let server = FakeServer::default();
    for _ in 0..20 {
        server.fault(SyncError::Network {
            reason: jobgate_core::Reason::technical("connection reset"),
        });
    }
    let clock = FakeClock::new();
    let mut r = replica_with(120, 10);
    let options = Options {
        max_failures: 5,
        ..opts()
    };
    let f = sync_once(&server, &mut r, &options, &clock).unwrap_err();
    assert!(matches!(f.error, SyncError::Network { .. }));
    assert_eq!((f.pending, f.failed_attempts), (120, 5));
    assert_eq!(clock.sleeps().len(), 4);
    server.faults.borrow_mut().clear();
    let report = sync_once(&server, &mut r, &options, &clock).unwrap();
    assert_eq!((report.pushed, report.pending), (120, 0));
    assert_eq!(server.stored.borrow().len(), 120);
}

#[test]
fn unauthorized_stops_at_once_and_marks_nothing() {
    let server = FakeServer::default();
    server.fault(SyncError::Unauthorized);
    let clock = FakeClock::new();
    let mut r = replica_with(3, 10);
    let f = sync_once(&server, &mut r, &opts(), &clock).unwrap_err();
    assert_eq!(f.error, SyncError::Unauthorized);
    assert_eq!((f.pending, f.pushed, f.failed_attempts), (3, 0, 0));
    assert!(clock.sleeps().is_empty());
    assert_eq!(server.pushes.borrow().len(), 1);
    let e: JobGateError = f.clone().into();
    assert!(matches!(e, JobGateError::SyncFailed { .. }));
    for lang in [Lang::En, Lang::Ar] {
        let r = f.to_response(lang);
        assert_eq!(r.error_code, "SYNC_FAILED");
        assert_eq!(r.details["pending"], json!(3));
        assert!(r.details["reason"].as_str().unwrap().contains("401"));
        assert!(!r.error.is_empty() && !r.suggested_action.is_empty());
    }
}

#[test]
fn the_report_prints_as_the_cli_contract_says() {
    let r = SyncReport {
        pushed: 1,
        pulled: 2,
        pending: 0,
        rejected: 3,
        server: "https://h.example".into(),
    };
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"pushed": 1, "pulled": 2, "pending": 0, "rejected": 3, "server": "https://h.example"})
    );
}

#[test]
fn changes_the_server_rejects_are_parked_and_the_rest_go_through() {
    let server = FakeServer::default();
    let mut r = replica_with(2, 10);
    let bad = r.create(Entity::Analysis, json!({"bad": true}));
    r.create(Entity::Analysis, json!({"ok": true}));
    let report = sync_once(&server, &mut r, &opts(), &FakeClock::new()).unwrap();
    assert_eq!((report.pushed, report.rejected, report.pending), (3, 1, 0));
    assert_eq!(r.parked()[0].change, bad);
    assert_eq!(r.parked()[0].error_code, "INVALID_CHANGE");
    // A second run does not send it again.
    sync_once(&server, &mut r, &opts(), &FakeClock::new()).unwrap();
    assert_eq!(server.pushes.borrow().len(), 1);
}

#[test]
fn a_server_that_acknowledges_nothing_does_not_loop() {
    let server = FakeServer::default();
    server.mute.set(true);
    let mut r = replica_with(2, 10);
    let f = sync_once(&server, &mut r, &opts(), &FakeClock::new()).unwrap_err();
    assert!(matches!(f.error, SyncError::BadResponse { .. }));
    assert_eq!(f.pending, 2);
}

#[test]
fn each_pulled_page_saves_its_cursor_so_a_broken_pull_resumes() {
    let server = FakeServer::default();
    let mut a = replica_with(10, 10);
    sync_once(&server, &mut a, &opts(), &FakeClock::new()).unwrap();

    let mut b = MemoryReplica::new(a.profile_id());
    let paged = Options {
        pull_limit: Some(4),
        ..opts()
    };
    server.pulls.borrow_mut().clear();
    server.pass();
    server.fault(SyncError::Refused {
        status: 400,
        error_code: None,
    });
    let f = sync_once(&server, &mut b, &paged, &FakeClock::new()).unwrap_err();
    assert_eq!((f.pulled, f.pending), (4, 0));
    assert_eq!(b.cursor().unwrap().as_deref(), Some("4"));
    assert_eq!(b.records().len(), 4);

    server.pulls.borrow_mut().clear();
    let report = sync_once(&server, &mut b, &paged, &FakeClock::new()).unwrap();
    assert_eq!(report.pulled, 6);
    assert_eq!(
        *server.pulls.borrow(),
        vec![Some("4".to_string()), Some("8".to_string())],
        "resumed after the saved page"
    );
    assert_eq!(b.records(), a.records());
}
