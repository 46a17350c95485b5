//! One sync run: push the outbox in batches, then pull until the server has nothing more, retrying what
//! may succeed later and never losing or blocking anything local.
//!
//! What the local store must offer is the [`LocalReplica`] trait; the server is a [`Remote`]; time is a
//! [`Clock`]; the jitter comes from a seed in [`Options`]. So every path (backoff schedule, `Retry-After`,
//! batch splitting, giving up) is tested with fakes, in milliseconds. What the user is shown (the report,
//! the error JSON, the last error kept for the status screen) is left to the front ends and the store.
//!
//! The rules, in order of importance:
//! - A change leaves the outbox only when the server listed it as accepted (or refused it for good: then
//!   it is *parked*, kept locally with the reason, and no longer blocks the ones behind it).
//! - A retry sends the very same changes with the same ids; the server accepts an id twice with no effect.
//! - A failure that waiting may cure (5xx, 429, timeouts, broken connections) is retried with exponential
//!   backoff and full jitter, or after `Retry-After` (capped), within [`Options::max_failures`] and without
//!   waiting past [`Options::deadline`]. Anything else (401, other 4xx, a store failure) stops the run at once.
//! - 413 halves the batch; a single change still too large is parked, as is one that alone exceeds the
//!   byte limit before it is ever sent.
//! - Each pulled page is applied together with its cursor, so a run killed half-way resumes where it stopped.

use crate::client::Remote;
use crate::error::SyncError;
use crate::protocol::{Change, MAX_PUSH_BYTES, MAX_PUSH_CHANGES, PushRequest, PushResponse};
use jobgate_core::{ErrorResponse, JobGateError, Lang, Reason};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::fmt;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Error code a change is parked with when it is too large to send, even alone.
pub const TOO_LARGE_CODE: &str = "PAYLOAD_TOO_LARGE";

/// What the local store must offer to be synced. The SQLite store implements it per profile; every method
/// that writes is one transaction. Reads take `&mut self` too, so a store whose queries need a mutable
/// connection can implement it directly.
pub trait LocalReplica {
    /// The profile's id (sent as `profile_id`; the same on every machine the profile is restored to).
    fn profile_id(&self) -> Uuid;
    /// Up to `limit` changes waiting in the outbox, oldest first, neither accepted nor parked.
    fn pending(&mut self, limit: usize) -> Result<Vec<Change>, JobGateError>;
    /// How many changes wait in the outbox (parked ones not counted).
    fn pending_count(&mut self) -> Result<usize, JobGateError>;
    /// The server has these changes: remove them from the outbox. Unknown ids are ignored.
    fn mark_accepted(&mut self, change_ids: &[Uuid]) -> Result<(), JobGateError>;
    /// The change will not be accepted as it is: take it out of the outbox but keep it, with the reason,
    /// for the user to see (the local record itself stays as it is).
    fn mark_rejected(
        &mut self,
        change_id: Uuid,
        error_code: &str,
        error: &str,
    ) -> Result<(), JobGateError>;
    /// Merges one pulled page (see [`crate::merge::incoming_wins`]) and stores `next_cursor`, in one
    /// transaction. Must be idempotent, and must not queue the pulled changes in the outbox.
    fn apply_pulled(&mut self, changes: &[Change], next_cursor: &str) -> Result<(), JobGateError>;
    /// The cursor saved by the last [`LocalReplica::apply_pulled`]; `None` before the first pull.
    fn cursor(&mut self) -> Result<Option<String>, JobGateError>;
}

/// Time, injected so that tests do not wait.
pub trait Clock {
    fn now(&self) -> Instant;
    fn sleep(&self, d: Duration);
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
    fn sleep(&self, d: Duration) {
        std::thread::sleep(d);
    }
}

/// Limits and retry policy of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Changes per push (the protocol's limit is 100).
    pub max_changes: usize,
    /// Bytes of JSON body per push (the protocol's limit is 4 MiB).
    pub max_bytes: usize,
    /// Failed attempts (retryable failures) allowed in one run before it gives up.
    pub max_failures: u32,
    /// First backoff ceiling; doubled after every failure in a row, up to `backoff_cap`.
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// The longest `Retry-After` honoured; a longer one is waited this long.
    pub retry_after_cap: Duration,
    /// No wait is started that would end later than this after the run began.
    pub deadline: Duration,
    /// Page size asked of the server when pulling (`None`: the server's default).
    pub pull_limit: Option<u32>,
    /// Seed of the jitter; fixed in tests, anything in production.
    pub jitter_seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15)
            ^ u64::from(std::process::id());
        Options {
            max_changes: MAX_PUSH_CHANGES,
            max_bytes: MAX_PUSH_BYTES,
            max_failures: 8,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(30),
            retry_after_cap: Duration::from_secs(60),
            deadline: Duration::from_secs(120),
            pull_limit: None,
            jitter_seed: seed,
        }
    }
}

/// What a run did. The CLI prints it as `{"pushed","pulled","pending","rejected","server"}` (DESIGN §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SyncReport {
    /// Changes the server accepted in this run.
    pub pushed: usize,
    /// Changes pulled in this run, not counting the ones this run pushed coming back (the server returns
    /// every change of the account, this machine's too; they are applied anyway, to no effect).
    pub pulled: usize,
    /// Changes still in the outbox at the end.
    pub pending: usize,
    /// Changes parked in this run (refused by the server, or too large to send).
    pub rejected: usize,
    /// `scheme://host[:port]` the data went to.
    pub server: String,
}

/// A run that stopped early: why, and where things stand. Nothing local was lost.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncFailure {
    pub error: SyncError,
    /// Changes still in the outbox (the CLI's `details.pending`).
    pub pending: usize,
    /// What the run did before it stopped.
    pub pushed: usize,
    pub pulled: usize,
    pub rejected: usize,
    /// Retryable failures seen in the run.
    pub failed_attempts: u32,
    pub server: String,
}

impl fmt::Display for SyncFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} waiting to be sent)", self.error, self.pending)
    }
}

impl std::error::Error for SyncFailure {}

impl SyncFailure {
    /// A run that failed before anything was sent or received (a bad URL, the local store), with `pending`
    /// changes waiting.
    pub fn before_run(error: SyncError, pending: usize) -> SyncFailure {
        SyncFailure {
            error,
            pending,
            pushed: 0,
            pulled: 0,
            rejected: 0,
            failed_attempts: 0,
            server: String::new(),
        }
    }

    /// The error JSON for people and the CLI (DESIGN §2/§8): `SYNC_FAILED` (or the store's own code) with
    /// `details.pending`, the number of changes still waiting. `JobGateError::SyncFailed` itself carries only a
    /// reason, so the count is added here.
    pub fn to_response(&self, lang: Lang) -> ErrorResponse {
        let mut response = JobGateError::from(self.error.clone()).to_response(lang);
        match &mut response.details {
            Value::Object(map) => {
                map.insert("pending".into(), self.pending.into());
            }
            other => *other = json!({ "pending": self.pending }),
        }
        response
    }
}

impl From<SyncFailure> for JobGateError {
    /// `SYNC_FAILED` with the reason; `details.pending` needs `failure.pending` (see the crate doc).
    fn from(f: SyncFailure) -> JobGateError {
        f.error.into()
    }
}

/// Full-jitter exponential backoff: after the n-th failure in a row, a wait drawn uniformly from
/// `[0, min(cap, base * 2^(n-1))]`. Deterministic for a given seed.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    state: u64,
}

impl Backoff {
    pub fn new(base: Duration, cap: Duration, seed: u64) -> Backoff {
        Backoff {
            base,
            cap,
            state: seed,
        }
    }

    /// The ceiling of the wait after `failures_in_a_row` (≥ 1) failures.
    pub fn ceiling(&self, failures_in_a_row: u32) -> Duration {
        let doublings = failures_in_a_row.saturating_sub(1).min(30);
        self.base
            .checked_mul(1u32 << doublings)
            .unwrap_or(self.cap)
            .min(self.cap)
    }

    /// The wait after `failures_in_a_row` (≥ 1) failures.
    pub fn delay(&mut self, failures_in_a_row: u32) -> Duration {
        self.ceiling(failures_in_a_row).mul_f64(self.next_unit())
    }

    /// SplitMix64, mapped to [0, 1].
    fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / ((1u64 << 53) - 1) as f64
    }
}

/// Runs requests with the run's retry budget.
struct Retrier<'a> {
    clock: &'a dyn Clock,
    started: Instant,
    options: &'a Options,
    backoff: Backoff,
    failures: u32,
    in_a_row: u32,
}

impl Retrier<'_> {
    fn run<T>(
        &mut self,
        mut attempt: impl FnMut() -> Result<T, SyncError>,
    ) -> Result<T, SyncError> {
        loop {
            match attempt() {
                Ok(v) => {
                    self.in_a_row = 0;
                    return Ok(v);
                }
                Err(e) if e.is_retryable() => {
                    self.failures += 1;
                    self.in_a_row += 1;
                    if self.failures >= self.options.max_failures {
                        return Err(e);
                    }
                    let wait = match e.retry_after() {
                        Some(asked) => asked.min(self.options.retry_after_cap),
                        None => self.backoff.delay(self.in_a_row),
                    };
                    let elapsed = self.clock.now().saturating_duration_since(self.started);
                    if elapsed + wait > self.options.deadline {
                        return Err(e);
                    }
                    self.clock.sleep(wait);
                }
                Err(e) => return Err(e),
            }
        }
    }
}

/// Changes grouped into push bodies of at most `max_bytes`, in order, plus the ones too large to send
/// even alone.
#[derive(Debug, Default, PartialEq)]
pub struct Packing {
    pub batches: Vec<Vec<Change>>,
    pub too_large: Vec<Change>,
}

/// Greedy packing by serialized size: the body is the envelope plus each change and a comma between.
pub fn pack(
    changes: Vec<Change>,
    envelope: usize,
    max_bytes: usize,
    max_changes: usize,
) -> Packing {
    let mut out = Packing::default();
    let mut current: Vec<Change> = Vec::new();
    let mut size = envelope;
    for c in changes {
        let len = c.json_len();
        if envelope.saturating_add(len) > max_bytes {
            out.too_large.push(c);
            continue;
        }
        let added = len + usize::from(!current.is_empty());
        if !current.is_empty() && (size + added > max_bytes || current.len() >= max_changes) {
            out.batches.push(std::mem::take(&mut current));
            size = envelope;
        }
        size += len + usize::from(!current.is_empty());
        current.push(c);
    }
    if !current.is_empty() {
        out.batches.push(current);
    }
    out
}

#[derive(Default)]
struct Tally {
    pushed: usize,
    pulled: usize,
    rejected: usize,
    /// Ids the server accepted in this run: when they come back in the pull they are not counted as pulled.
    accepted: HashSet<Uuid>,
}

/// Pushes the outbox, then pulls everything new (see the module doc for the rules).
pub fn sync_once<R: LocalReplica + ?Sized>(
    remote: &dyn Remote,
    replica: &mut R,
    options: &Options,
    clock: &dyn Clock,
) -> Result<SyncReport, SyncFailure> {
    let mut retrier = Retrier {
        clock,
        started: clock.now(),
        options,
        backoff: Backoff::new(
            options.backoff_base,
            options.backoff_cap,
            options.jitter_seed,
        ),
        failures: 0,
        in_a_row: 0,
    };
    let mut tally = Tally::default();
    let pending_at_start = replica.pending_count().unwrap_or(0);
    let outcome = retrier
        .run(|| remote.health())
        .and_then(|_| push_all(remote, replica, options, &mut retrier, &mut tally))
        .and_then(|()| pull_all(remote, replica, options, &mut retrier, &mut tally));
    let pending = replica.pending_count();
    let error = match (outcome, &pending) {
        (Ok(()), Ok(pending)) => {
            return Ok(SyncReport {
                pushed: tally.pushed,
                pulled: tally.pulled,
                pending: *pending,
                rejected: tally.rejected,
                server: remote.server(),
            });
        }
        (Err(e), _) => e,
        (Ok(()), Err(e)) => SyncError::Local(e.clone()),
    };
    Err(SyncFailure {
        error,
        // A store that cannot count any more had at least what it had at the start, less what was accepted.
        pending: pending.unwrap_or(pending_at_start.saturating_sub(tally.pushed)),
        pushed: tally.pushed,
        pulled: tally.pulled,
        rejected: tally.rejected,
        failed_attempts: retrier.failures,
        server: remote.server(),
    })
}

fn push_all<R: LocalReplica + ?Sized>(
    remote: &dyn Remote,
    replica: &mut R,
    options: &Options,
    retrier: &mut Retrier<'_>,
    tally: &mut Tally,
) -> Result<(), SyncError> {
    // The device id comes from the client's configuration only, so the body's `device_id` and the
    // `X-Device-Id` header cannot disagree (the server refuses a push where they do).
    let device_id = remote.device_id();
    let profile_id = replica.profile_id();
    let envelope = PushRequest {
        device_id,
        profile_id,
        changes: Vec::new(),
    }
    .envelope_len();
    let max_changes = options.max_changes.clamp(1, MAX_PUSH_CHANGES);
    loop {
        let pending = replica.pending(max_changes).map_err(SyncError::Local)?;
        if pending.is_empty() {
            return Ok(());
        }
        let mut settled = 0usize;
        let packing = pack(pending, envelope, options.max_bytes, max_changes);
        for c in packing.too_large {
            let reason = format!(
                "this change is {} bytes, more than one request may carry ({} bytes)",
                c.json_len(),
                options.max_bytes
            );
            replica
                .mark_rejected(c.change_id, TOO_LARGE_CODE, &reason)
                .map_err(SyncError::Local)?;
            tally.rejected += 1;
            settled += 1;
        }
        // A stack, so that the halves of a split batch go out before the batches after it.
        let mut stack: Vec<Vec<Change>> = packing.batches.into_iter().rev().collect();
        while let Some(changes) = stack.pop() {
            let request = PushRequest {
                device_id,
                profile_id,
                changes,
            };
            match retrier.run(|| remote.push(&request)) {
                Ok(answer) => {
                    settled += settle(replica, &request.changes, &answer, tally)?;
                }
                Err(SyncError::TooLarge) if request.changes.len() > 1 => {
                    let mut first = request.changes;
                    let second = first.split_off(first.len() / 2);
                    stack.push(second);
                    stack.push(first);
                }
                Err(SyncError::TooLarge) => {
                    let c = &request.changes[0];
                    replica
                        .mark_rejected(
                            c.change_id,
                            TOO_LARGE_CODE,
                            "the server refused this change as too large, even alone",
                        )
                        .map_err(SyncError::Local)?;
                    tally.rejected += 1;
                    settled += 1;
                }
                Err(e) => return Err(e),
            }
        }
        if settled == 0 {
            // The server answered 200 but acknowledged none of what was sent: asking again would loop.
            return Err(SyncError::BadResponse {
                reason: Reason::new("reason-sync-push-unanswered"),
            });
        }
    }
}

/// Records the server's verdict on the changes sent; returns how many it settled. Ids the request did not
/// carry are ignored.
fn settle<R: LocalReplica + ?Sized>(
    replica: &mut R,
    sent: &[Change],
    answer: &PushResponse,
    tally: &mut Tally,
) -> Result<usize, SyncError> {
    let sent: HashSet<Uuid> = sent.iter().map(|c| c.change_id).collect();
    let mut accepted: Vec<Uuid> = answer
        .accepted
        .iter()
        .copied()
        .filter(|id| sent.contains(id))
        .collect();
    accepted.sort_unstable();
    accepted.dedup();
    if !accepted.is_empty() {
        replica.mark_accepted(&accepted).map_err(SyncError::Local)?;
    }
    let mut settled = accepted.len();
    tally.pushed += accepted.len();
    tally.accepted.extend(accepted.iter().copied());
    let mut seen = HashSet::new();
    for r in &answer.rejected {
        if sent.contains(&r.change_id)
            && !accepted.contains(&r.change_id)
            && seen.insert(r.change_id)
        {
            replica
                .mark_rejected(r.change_id, &r.error_code, &r.error)
                .map_err(SyncError::Local)?;
            tally.rejected += 1;
            settled += 1;
        }
    }
    Ok(settled)
}

fn pull_all<R: LocalReplica + ?Sized>(
    remote: &dyn Remote,
    replica: &mut R,
    options: &Options,
    retrier: &mut Retrier<'_>,
    tally: &mut Tally,
) -> Result<(), SyncError> {
    let mut cursor = replica.cursor().map_err(SyncError::Local)?;
    loop {
        let page = retrier.run(|| remote.pull(cursor.as_deref(), options.pull_limit))?;
        replica
            .apply_pulled(&page.changes, &page.next_cursor)
            .map_err(SyncError::Local)?;
        tally.pulled += page
            .changes
            .iter()
            .filter(|c| !tally.accepted.contains(&c.change_id))
            .count();
        if !page.more {
            return Ok(());
        }
        if page.changes.is_empty() && cursor.as_deref() == Some(page.next_cursor.as_str()) {
            return Err(SyncError::BadResponse {
                reason: Reason::new("reason-sync-pull-stuck"),
            });
        }
        cursor = Some(page.next_cursor);
    }
}

#[cfg(test)]
mod tests;
