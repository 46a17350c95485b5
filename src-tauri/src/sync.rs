//! Sync with the organisation's server from the app (DESIGN §7): one run for the person using the app, the
//! background worker that runs it soon after a change and on a timer, and what Settings → Sync and the Status
//! screen show.
//!
//! The protocol, batching, retries and merge rules are `jobgate-sync`'s, the outbox is the store's; this
//! module decides when to run and holds the app's side of it: the server address in the person's settings,
//! the key in the keychain (never in the database), consent per server, the machine's policy.
//!
//! **The store is locked one step at a time, never for a whole run.** The engine's `sync_now` takes
//! `&mut Store` for the run, which here would hold the person's database through every request, retry and
//! `Retry-After` wait (up to two minutes against a server that is down): imports, builder turns and even
//! the history would wait that long. Instead [`PersonReplica`] is the protocol's local replica over the
//! person's `Mutex<Store>`: each step (read a batch of the outbox, mark what was accepted, apply one pulled
//! page) locks the store, does its one transaction and lets go, so other commands wait at most for one
//! step (milliseconds), and network I/O happens with nothing locked. What may interleave is safe by the
//! store's rules: a change made meanwhile gets its own outbox row and goes out in the next run, accepted
//! ids only remove their own rows, and a pulled page is applied in one transaction.
//!
//! **A run belongs to the person who started it.** It holds their [`crate::state::Person`], so what it
//! writes lands in their data even if someone else takes the machine; when they switch or lock, the run
//! stops at its next step or within a fraction of a second of a wait, and nothing more is scheduled.

use crate::state::{AppState, Person};
use jobgate_core::i18n::Localizer;
use jobgate_core::{ErrorResponse, JobGateError, Lang, Reason};
use jobgate_engine::settings;
use jobgate_engine::sync::StoreReplica;
use jobgate_engine::sync_client::{
    ApiKey, Change, Clock, LocalReplica, Options, Remote, ServerConfig, ServerUrl, SyncClient,
    SyncError, SyncFailure, SyncReport, sync_once,
};
use jobgate_store::{ProfileId, Store};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use uuid::Uuid;

/// The event sent to the page when a run finishes (its payload is the [`SyncView`] after it).
pub const SYNC_EVENT: &str = "sync-finished";

/// Why the last run failed, as a word the UI turns into a sentence in either language (`ui-sync-error-*`).
const FAILURE_KEY: &str = "sync.last_failure";

/// When background runs happen.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// After a change (several changes within it share one run).
    pub delay: Duration,
    /// Between runs while nothing changes (other machines' changes come in this way).
    pub every: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            delay: Duration::from_secs(3),
            every: Duration::from_secs(5 * 60),
        }
    }
}

/// One person's sync: one run at a time, sync on or off (cached from the store), and whether they left.
#[derive(Debug, Default)]
pub struct PersonSync {
    run: Mutex<()>,
    on: AtomicBool,
    stopped: AtomicBool,
}

impl PersonSync {
    pub fn is_on(&self) -> bool {
        self.on.load(Ordering::SeqCst)
    }

    pub(crate) fn set_on(&self, on: bool) {
        self.on.store(on, Ordering::SeqCst);
    }

    /// The person left: a run in flight stops at its next step.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
    }

    fn stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }
}

/// When the background worker runs next: the earliest time anyone asked for.
#[derive(Debug, Default)]
pub struct Wake {
    due: Mutex<Option<Instant>>,
    ring: Condvar,
}

impl Wake {
    /// A run no later than `delay` from now.
    pub fn at_most(&self, delay: Duration) {
        let at = Instant::now() + delay;
        let mut due = lock(&self.due);
        if due.is_none_or(|d| d > at) {
            *due = Some(at);
            self.ring.notify_all();
        }
    }

    /// Nothing scheduled (the person left).
    pub fn clear(&self) {
        *lock(&self.due) = None;
        self.ring.notify_all();
    }

    /// Waits until a run is due, and takes it.
    fn wait(&self) {
        let mut due = lock(&self.due);
        loop {
            let now = Instant::now();
            due = match *due {
                Some(at) if at <= now => {
                    *due = None;
                    return;
                }
                Some(at) => {
                    self.ring
                        .wait_timeout(due, at - now)
                        .unwrap_or_else(|p| p.into_inner())
                        .0
                }
                None => self.ring.wait(due).unwrap_or_else(|p| p.into_inner()),
            };
        }
    }
}

/// Starts the background worker: it runs the sync of whoever uses the app, when due (see [`Timing`]), and
/// sends [`SYNC_EVENT`] after each run.
pub fn spawn_worker<R: Runtime>(app: AppHandle<R>) {
    let wake = app.state::<AppState>().sync_wake();
    let spawned = std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || {
            loop {
                wake.wait();
                let state = app.state::<AppState>();
                let Some(person) = state.current_person() else {
                    continue;
                };
                if !ready(&state, &person) {
                    continue;
                }
                let _ = run(&state, &person, Trigger::Background);
                if person.sync.stopped() {
                    continue;
                }
                wake.at_most(state.sync_timing().every);
                if let Ok(view) = view(&state) {
                    let _ = app.emit(SYNC_EVENT, view);
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("Job Gate: background sync could not start: {e}");
    }
}

/// Whether a background run makes sense: allowed, a profile (not a guest), switched on, address and key set.
fn ready(state: &AppState, person: &Person) -> bool {
    state.policy().policy.allow_sync
        && !person.is_guest()
        && person.sync.is_on()
        && state.settings().sync_url.is_some()
        && matches!(state.sync_key_of(person), Ok(Some(_)))
}

/// Who asked for a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// "Sync now": someone is waiting, so it gives up after a few tries (about 4 s for a server that is down).
    Now,
    /// The worker: the protocol client's longer patience.
    Background,
}

/// A guest keeps nothing, so there is nothing to sync (the engine's rule).
pub fn guest_refused() -> JobGateError {
    settings::sync_guest_refused()
}

/// Why sync cannot be switched on here at all, if it cannot: the machine's policy, or a guest.
pub fn blocked(state: &AppState, person: &Person) -> Option<JobGateError> {
    settings::sync_blocked(&state.policy().policy, person.is_guest())
}

/// The server the person typed, checked by the engine's address policy.
pub fn server_url(typed: &str) -> Result<ServerUrl, JobGateError> {
    settings::sync_server(typed)
}

/// One run for `person`: pushes their outbox, pulls, and records how it went (the last sync, or the error)
/// for the status line. Set-up problems (no address or key, sync not allowed) are errors before anything
/// is sent; a failed run is a [`SyncFailure`] with the count still waiting.
pub fn run(
    state: &AppState,
    person: &Arc<Person>,
    trigger: Trigger,
) -> Result<SyncReport, Failure> {
    if let Some(e) = blocked(state, person) {
        return Err(Failure::Setup(e));
    }
    if !person.sync.is_on() {
        return Err(Failure::Setup(JobGateError::invalid_input(
            "sync",
            Reason::new("reason-sync-turn-on"),
        )));
    }
    let url = state.settings().sync_url.ok_or_else(|| {
        Failure::Setup(JobGateError::invalid_input(
            "sync_url",
            Reason::new("reason-sync-enter-url"),
        ))
    })?;
    let key = state
        .sync_key_of(person)
        .map_err(Failure::Setup)?
        .ok_or_else(|| {
            Failure::Setup(JobGateError::invalid_input(
                "sync_key",
                Reason::new("reason-sync-save-key"),
            ))
        })?;
    // One run at a time per person: "Sync now" during a background run waits for it, then runs.
    let _running = lock(&person.sync.run);
    let mut options = Options::default();
    if trigger == Trigger::Now {
        options.max_failures = 4;
        options.deadline = Duration::from_secs(30);
    }
    let outcome = off_runtime(|| run_once(person, &url, &key, &options));
    if person.sync.stopped() {
        // They left mid-run: nothing more is written for them; what was accepted is already recorded.
        return outcome.map_err(Failure::Run);
    }
    let failure_kind = outcome.as_ref().err().map(|f| kind(&f.error));
    let message = outcome
        .as_ref()
        .err()
        .map(|f| JobGateError::from(f.error.clone()).to_kept());
    let _ = person.with_store(|store, p| {
        store.record_sync_result(message.as_deref())?;
        store.set_setting(p, FAILURE_KEY, failure_kind.unwrap_or(""))
    });
    person.sync.set_on(true);
    outcome.map_err(Failure::Run)
}

/// Why a run did not happen or did not finish.
#[derive(Debug)]
pub enum Failure {
    /// Nothing was tried (no address, no key, not allowed).
    Setup(JobGateError),
    /// The run failed; nothing local was lost.
    Run(SyncFailure),
}

impl crate::commands::ToResponse for Failure {
    /// The error JSON; a failed run's has `details.pending`.
    fn to_response_in(&self, lang: Lang) -> ErrorResponse {
        match self {
            Failure::Setup(e) => e.to_response(lang),
            Failure::Run(f) => f.to_response(lang),
        }
    }
}

fn run_once(
    person: &Arc<Person>,
    url: &str,
    key: &str,
    options: &Options,
) -> Result<SyncReport, SyncFailure> {
    let failure = SyncFailure::before_run;
    let pending_now = || {
        person
            .with_store(|s, _| s.sync_status())
            .map(|s| s.pending.max(0) as usize)
            .unwrap_or(0)
    };
    let prepared = person.with_store(|store, _| {
        store.enable_sync()?;
        let device = store.device_id()?;
        let profile = store.profile_uuid()?;
        Ok((device, profile))
    });
    let (device, profile) = prepared.map_err(|e| failure(SyncError::Local(e), 0))?;
    let (device, profile) = match (Uuid::parse_str(&device), Uuid::parse_str(&profile)) {
        (Ok(d), Ok(p)) => (d, p),
        _ => {
            let e = JobGateError::storage(Reason::new("reason-sync-stored-id"));
            return Err(failure(SyncError::Local(e), pending_now()));
        }
    };
    let client = SyncClient::new(ServerConfig::new(url, ApiKey::new(key), device))
        .map_err(|e| failure(e, pending_now()))?;
    let mut replica = PersonReplica { person, profile };
    sync_once(&client, &mut replica, options, &StopClock(person))
}

/// The person's store as the protocol's replica, locked one step at a time (see the module doc).
struct PersonReplica<'a> {
    person: &'a Person,
    profile: Uuid,
}

impl PersonReplica<'_> {
    fn step<T>(
        &self,
        f: impl FnOnce(&mut StoreReplica<'_>) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        if self.person.sync.stopped() {
            return Err(JobGateError::sync_failed(Reason::new(
                "reason-sync-signed-out",
            )));
        }
        let mut store: MutexGuard<'_, Store> = lock(self.person.store());
        f(&mut StoreReplica::new(&mut store)?)
    }
}

impl LocalReplica for PersonReplica<'_> {
    fn profile_id(&self) -> Uuid {
        self.profile
    }

    fn pending(&mut self, limit: usize) -> Result<Vec<Change>, JobGateError> {
        self.step(|r| r.pending(limit))
    }

    fn pending_count(&mut self) -> Result<usize, JobGateError> {
        self.step(|r| r.pending_count())
    }

    fn mark_accepted(&mut self, change_ids: &[Uuid]) -> Result<(), JobGateError> {
        self.step(|r| r.mark_accepted(change_ids))
    }

    fn mark_rejected(
        &mut self,
        change_id: Uuid,
        error_code: &str,
        error: &str,
    ) -> Result<(), JobGateError> {
        self.step(|r| r.mark_rejected(change_id, error_code, error))
    }

    fn apply_pulled(&mut self, changes: &[Change], next_cursor: &str) -> Result<(), JobGateError> {
        self.step(|r| r.apply_pulled(changes, next_cursor))
    }

    fn cursor(&mut self) -> Result<Option<String>, JobGateError> {
        self.step(|r| r.cursor())
    }
}

/// The real clock, whose waits (backoff, `Retry-After`) end early when the person leaves.
struct StopClock<'a>(&'a Person);

impl Clock for StopClock<'_> {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, d: Duration) {
        let end = Instant::now() + d;
        while !self.0.sync.stopped() {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            std::thread::sleep(left.min(Duration::from_millis(100)));
        }
    }
}

/// A failure as one word, for the sentence people read (`ui-sync-error-<kind>`) in either language.
fn kind(e: &SyncError) -> &'static str {
    match e {
        SyncError::Unauthorized => "key",
        SyncError::InsecureUrl { .. } => "insecure",
        SyncError::InvalidUrl { .. } => "address",
        SyncError::Network { .. } => "offline",
        SyncError::Timeout => "timeout",
        SyncError::Server { .. } | SyncError::RateLimited { .. } => "server",
        SyncError::Refused { .. } | SyncError::TooLarge => "refused",
        SyncError::BadResponse { .. } | SyncError::ProtocolMismatch { .. } => "protocol",
        SyncError::Local(_) => "local",
    }
}

/// Settings → Sync and the status line, as the UI shows them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SyncView {
    /// Why sync cannot be switched on here (the machine's policy, or a guest), in the person's language.
    pub blocked: Option<String>,
    pub enabled: bool,
    /// The address as typed.
    pub server_url: String,
    /// `scheme://host[:port]` the data goes to (`None` while no usable address is set).
    pub server: Option<String>,
    pub key_saved: bool,
    /// E.g. `jgs…a1b2`; never the whole key.
    pub key_hint: Option<String>,
    /// The person agreed to send their history to `server`.
    pub consented: bool,
    /// Changes waiting to be sent, and ones the server refused (kept, not sent again).
    pub pending: i64,
    pub rejected: i64,
    /// The last successful sync (RFC 3339, UTC).
    pub last_sync_at: Option<String>,
    /// The last run's failure in plain words, in the person's language (`None` after a successful run).
    pub last_error: Option<String>,
}

/// What Settings → Sync shows for the person using the app.
pub fn view(state: &AppState) -> Result<SyncView, JobGateError> {
    let person = state.person()?;
    let lang = state.lang();
    let settings = state.settings();
    let server_url = settings.sync_url.clone().unwrap_or_default();
    let server = ServerUrl::parse(&server_url).ok().map(|u| u.origin());
    let key = state.sync_key_of(&person)?;
    let (status, kind) = if person.is_guest() {
        (None, None)
    } else {
        person.with_store(|store, p: ProfileId| {
            Ok((Some(store.sync_status()?), store.setting(p, FAILURE_KEY)?))
        })?
    };
    let loc = Localizer::get(lang);
    let last_error = status
        .as_ref()
        .and_then(|s| s.last_error.clone())
        .map(|raw| {
            let id = format!("ui-sync-error-{}", kind.as_deref().unwrap_or_default());
            if loc.has(&id) {
                loc.format::<&str, &str>(&id, &[])
            } else {
                JobGateError::from_kept(&raw).map_or(raw, |e| e.to_response(lang).error)
            }
        });
    Ok(SyncView {
        blocked: blocked(state, &person).map(|e| match e {
            JobGateError::SyncFailed { .. } => loc.format::<&str, &str>("ui-sync-blocked", &[]),
            _ => loc.format::<&str, &str>("ui-sync-guest", &[]),
        }),
        enabled: status.as_ref().is_some_and(|s| s.enabled),
        consented: server.is_some() && settings.sync_consent_host == server,
        server,
        server_url,
        key_saved: key.is_some(),
        key_hint: key.as_deref().map(crate::os::mask_secret),
        pending: status.as_ref().map_or(0, |s| s.pending),
        rejected: status.as_ref().map_or(0, |s| s.rejected),
        last_sync_at: status.as_ref().and_then(|s| s.last_sync_at.clone()),
        last_error,
    })
}

/// What "Test connection" found, in words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConnectionCheck {
    pub ok: bool,
    /// `scheme://host[:port]` the data would go to (`None` when the address is not usable).
    pub server: Option<String>,
    /// The key was checked and accepted (`None`: no key saved yet, or the server could not be reached).
    pub key_ok: Option<bool>,
    /// The outcome in the person's language.
    pub message: String,
}

/// "Test connection": the server's health, then (with a key saved) one read that the key must unlock.
/// Nothing is sent but the key; nothing is changed on either side.
pub fn test_connection(
    state: &AppState,
    typed: Option<&str>,
) -> Result<ConnectionCheck, JobGateError> {
    off_runtime(|| check_connection(state, typed))
}

fn check_connection(
    state: &AppState,
    typed: Option<&str>,
) -> Result<ConnectionCheck, JobGateError> {
    let person = state.person()?;
    let loc = Localizer::get(state.lang());
    let typed = typed
        .map(str::to_string)
        .or(state.settings().sync_url)
        .unwrap_or_default();
    let say = |id: &str, args: &[(&str, &str)]| loc.format(id, args);
    let url = match ServerUrl::parse(&typed) {
        Ok(u) => u,
        Err(e) => {
            let message = match &e {
                SyncError::InsecureUrl { host } => say("ui-sync-test-insecure", &[("host", host)]),
                other => say(
                    "ui-sync-test-bad-address",
                    &[("reason", other.to_string().as_str())],
                ),
            };
            return Ok(ConnectionCheck {
                ok: false,
                server: None,
                key_ok: None,
                message,
            });
        }
    };
    let origin = url.origin();
    let key = state.sync_key_of(&person)?;
    let device = if person.is_guest() {
        Uuid::nil()
    } else {
        person
            .with_store(|s, _| s.device_id())
            .ok()
            .and_then(|d| Uuid::parse_str(&d).ok())
            .unwrap_or_else(Uuid::nil)
    };
    let mut config = ServerConfig::new(
        typed.trim(),
        // Health needs no key; a placeholder keeps the client's own check of it quiet.
        ApiKey::new(key.clone().unwrap_or_else(|| "none".into())),
        device,
    );
    config.timeout = Duration::from_secs(10);
    let fail = |e: &SyncError| ConnectionCheck {
        ok: false,
        server: Some(origin.clone()),
        key_ok: matches!(e, SyncError::Unauthorized).then_some(false),
        message: say(
            "ui-sync-test-failed",
            &[
                ("server", origin.as_str()),
                (
                    "error",
                    loc.format::<&str, &str>(&format!("ui-sync-error-{}", kind(e)), &[])
                        .as_str(),
                ),
            ],
        ),
    };
    let client = match SyncClient::new(config) {
        Ok(c) => c,
        Err(e) => return Ok(fail(&e)),
    };
    if let Err(e) = client.health() {
        return Ok(fail(&e));
    }
    if key.is_none() {
        return Ok(ConnectionCheck {
            ok: true,
            server: Some(origin.clone()),
            key_ok: None,
            message: say("ui-sync-test-ok-no-key", &[("server", origin.as_str())]),
        });
    }
    // A page of one change, read and thrown away: the cheapest request the key must unlock.
    if let Err(e) = client.pull(None, Some(1)) {
        return Ok(fail(&e));
    }
    Ok(ConnectionCheck {
        ok: true,
        server: Some(origin.clone()),
        key_ok: Some(true),
        message: say("ui-sync-test-ok", &[("server", origin.as_str())]),
    })
}

/// The sync server's health for the Status screen: `None` when sync is off or not set up (nothing tried).
pub fn server_health(state: &AppState) -> Option<bool> {
    let person = state.current_person()?;
    if !ready(state, &person) {
        return None;
    }
    let url = state.settings().sync_url?;
    let mut config = ServerConfig::new(url, ApiKey::new("none"), Uuid::nil());
    config.timeout = Duration::from_secs(5);
    Some(off_runtime(|| {
        SyncClient::new(config)
            .and_then(|c| c.health())
            .is_ok_and(|h| h.status == "ok")
    }))
}

/// Runs `f` on a thread of its own and waits for it. The protocol client is reqwest's blocking one, which
/// must not be created or dropped on an async runtime's thread, where Tauri runs async commands.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join()).unwrap_or_else(|p| std::panic::resume_unwind(p))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
