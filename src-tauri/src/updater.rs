//! Updates (issue 20): looking for a new version only when allowed, showing what changed, downloading,
//! verifying the signature with the public key built into the app, installing — and refusing a tampered or
//! wrongly signed update, or one that is not newer than the version installed.
//!
//! The update server and the public key are fixed when the app is compiled: `JOBGATE_UPDATE_ENDPOINT` (the
//! manifest's address; `{{target}}`, `{{arch}}` and `{{current_version}}` are filled in) and
//! `JOBGATE_UPDATE_PUBKEY` (the minisign public key `tauri signer generate` writes, as its one base64 line).
//! A build without them has updates switched off — there is no placeholder — and Settings says so; a build
//! with only one of them, or with a key that is not a minisign key, does not compile (`build.rs`) or, given
//! at run time in tests, leaves updates off with the reason.
//!
//! Downloading, verifying and installing are `tauri-plugin-updater`'s (minisign through `minisign-verify`,
//! the platform's installer: the AppImage replaced, `dpkg`/`rpm` through `pkexec`, NSIS/MSI on Windows, the
//! `.app` on macOS). This module decides when it may run and what people are told:
//! - nothing is contacted unless the machine's policy allows updates, the build has a server, and the
//!   person either chose "Check now" or switched automatic checks on (off by default, per person);
//! - a version not newer than the one installed is refused (also when the manifest announces a newer
//!   version for an artifact that was signed as an older one);
//! - a background check that fails stays quiet (the problem is kept for Settings) and is tried again later.

use crate::commands::response;
use crate::state::AppState;
use jobgate_core::{ErrorResponse, JobGateError, Phrase, Reason, UpdateKind as Kind};
use serde::Serialize;
use std::cmp::Ordering as Order;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tauri::{AppHandle, Builder, Context, Emitter, Manager, Runtime, Url};
use tauri_plugin_updater::{Update, UpdaterExt};

/// The event carrying a new [`UpdateView`] after a background check.
pub const UPDATE_EVENT: &str = "update-status";
/// The event carrying download progress ([`Progress`]) while an update is installed.
pub const PROGRESS_EVENT: &str = "update-progress";

/// The person's choice of automatic checks (their settings table; absent: off).
const AUTO_KEY: &str = "updates.auto";

/// The build's update server and public key (see the module documentation).
const BUILD_ENDPOINT: Option<&str> = option_env!("JOBGATE_UPDATE_ENDPOINT");
const BUILD_PUBKEY: Option<&str> = option_env!("JOBGATE_UPDATE_PUBKEY");

/// Where updates come from and the key they must be signed with.
#[derive(Debug, Clone)]
pub struct UpdateSource {
    endpoint: Url,
    pubkey: String,
}

impl UpdateSource {
    /// Checks both: the key must be a minisign public key, the endpoint `https://` (plain `http://` only to
    /// this computer, for tests and local trials).
    pub fn new(endpoint: &str, pubkey: &str) -> Result<UpdateSource, String> {
        let pubkey = pubkey.trim().to_string();
        check_pubkey(&pubkey)?;
        let endpoint = Url::parse(endpoint.trim())
            .map_err(|e| format!("the update endpoint is not a URL: {e}"))?;
        let local = matches!(
            endpoint.host_str(),
            Some("localhost" | "127.0.0.1" | "[::1]")
        );
        match endpoint.scheme() {
            "https" => {}
            "http" if local => {}
            _ => {
                return Err(format!(
                    "the update endpoint must use https:// (got {})",
                    endpoint.scheme()
                ));
            }
        }
        Ok(UpdateSource { endpoint, pubkey })
    }

    /// The build's: `Ok(None)` when neither `JOBGATE_UPDATE_ENDPOINT` nor `JOBGATE_UPDATE_PUBKEY` was set.
    pub fn from_build() -> Result<Option<UpdateSource>, String> {
        let set = |v: Option<&'static str>| v.filter(|s| !s.trim().is_empty());
        match (set(BUILD_ENDPOINT), set(BUILD_PUBKEY)) {
            (Some(endpoint), Some(key)) => UpdateSource::new(endpoint, key).map(Some),
            (None, None) => Ok(None),
            _ => Err(
                "only one of JOBGATE_UPDATE_ENDPOINT and JOBGATE_UPDATE_PUBKEY was set at build time"
                    .into(),
            ),
        }
    }

    /// `scheme://host[:port]` of the update server, as shown in Settings.
    pub fn server(&self) -> String {
        self.endpoint.origin().ascii_serialization()
    }

    /// The `plugins.updater` section the plugin reads at start-up (it is not in `tauri.conf.json`).
    /// `requireSignedVersion`: the signature must name the version it was made for (`tauri build` and
    /// `tauri signer sign --app-version` write it), so an older release cannot be replayed under a new
    /// version number. Plain `http://` is accepted only for this computer ([`UpdateSource::new`]).
    fn plugin_config(&self) -> serde_json::Value {
        serde_json::json!({
            "pubkey": self.pubkey,
            "endpoints": [self.endpoint.as_str()],
            "requireSignedVersion": true,
            "dangerousInsecureTransportProtocol": self.endpoint.scheme() == "http",
        })
    }
}

/// `Ok` when `key` is what the updater expects: the base64 of a minisign public key file.
fn check_pubkey(key: &str) -> Result<(), String> {
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(key)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or("the update public key is not base64 text (use the .pub file `tauri signer generate` writes)")?;
    minisign_verify::PublicKey::decode(&text)
        .map(drop)
        .map_err(|e| format!("the update public key is not a minisign public key: {e}"))
}

/// When background checks happen.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// After start-up, before the first check.
    pub first: Duration,
    /// Between checks that worked.
    pub every: Duration,
    /// After a check that failed (server down, offline).
    pub retry: Duration,
    /// How often the worker looks whether a check is due (and whether it is still allowed).
    pub tick: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            first: Duration::from_secs(60),
            every: Duration::from_secs(24 * 3600),
            retry: Duration::from_secs(3600),
            tick: Duration::from_secs(5),
        }
    }
}

/// A newer version the server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Available {
    pub version: String,
    /// What changed, as the release notes say it.
    pub notes: String,
    /// When it was published (RFC 3339), if the server says.
    pub date: Option<String>,
}

/// Download progress: bytes received, and the total when the server says it.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

#[derive(Default)]
struct Status {
    /// Unix seconds of the last check that reached the server.
    last_checked_at: Option<u64>,
    last_problem: Option<JobGateError>,
    available: Option<Available>,
    /// The version installed by this run (the app must be restarted to use it).
    installed: Option<String>,
}

/// The app's update state (managed by [`setup`]).
pub struct Updates {
    source: Option<UpdateSource>,
    /// Why the build's settings could not be used.
    problem: Option<String>,
    /// The file an install replaces (tests); `None`: the running app's (the plugin finds it).
    install_path: Option<PathBuf>,
    timing: Timing,
    status: Mutex<Status>,
    /// The update found by the last check, kept for "Install".
    pending: Mutex<Option<Update>>,
    stopped: AtomicBool,
}

impl Updates {
    /// Updates from `source` (`None`: switched off).
    pub fn new(source: Option<UpdateSource>) -> Updates {
        Updates {
            source,
            problem: None,
            install_path: None,
            timing: Timing::default(),
            status: Mutex::new(Status::default()),
            pending: Mutex::new(None),
            stopped: AtomicBool::new(false),
        }
    }

    /// What this build was compiled with.
    pub fn from_build() -> Updates {
        match UpdateSource::from_build() {
            Ok(source) => Updates::new(source),
            Err(problem) => Updates {
                problem: Some(problem),
                ..Updates::new(None)
            },
        }
    }

    pub fn with_timing(mut self, timing: Timing) -> Updates {
        self.timing = timing;
        self
    }

    /// Installs replace `path` as if it were the running AppImage (tests: the app under test is not one).
    pub fn with_install_path(mut self, path: PathBuf) -> Updates {
        self.install_path = Some(path);
        self
    }

    /// Whether this build has an update server and key.
    pub fn configured(&self) -> bool {
        self.source.is_some()
    }

    /// Ends the background worker (tests; the app's ends with the process).
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
    }

    fn status(&self) -> MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn pending(&self) -> MutexGuard<'_, Option<Update>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Registers the updater on `builder`: the plugin (configured from `updates`' source, put into `context`
/// because the plugin reads its section at start-up) when the build has a source, and `updates` as state.
pub fn setup<R: Runtime>(
    builder: Builder<R>,
    context: &mut Context<R>,
    updates: Updates,
) -> Builder<R> {
    let builder = match &updates.source {
        Some(source) => {
            context
                .config_mut()
                .plugins
                .0
                .insert("updater".into(), source.plugin_config());
            builder.plugin(
                tauri_plugin_updater::Builder::new()
                    .pubkey(source.pubkey.clone())
                    .build(),
            )
        }
        None => builder,
    };
    builder.manage(updates)
}

/// An update refusal of `kind` (see [`JobGateError::UpdateFailed`]).
/// People read the kind (`error-update-failed`); the reason stays in `details` for support.
fn refused(kind: Kind, reason: impl Into<Reason>, version: &str) -> JobGateError {
    JobGateError::UpdateFailed {
        kind,
        reason: reason.into(),
        version: version.into(),
    }
}

/// Why updates cannot be used at all here, if they cannot: the machine's policy, or a build without a
/// server (or a missing [`Updates`], as in tests of other screens).
pub fn blocked(state: &AppState, updates: Option<&Updates>) -> Option<JobGateError> {
    if !state.policy().policy.allow_updates {
        return Some(refused(
            Kind::Policy,
            Reason::new("reason-policy-updates-off"),
            "",
        ));
    }
    match updates {
        Some(u) if u.configured() => None,
        Some(u) => Some(refused(
            Kind::Off,
            // A problem with the build's update settings is for whoever built it: a technical detail.
            match &u.problem {
                Some(problem) => Reason::new("reason-update-not-set-up").with_technical(problem),
                None => Reason::new("reason-update-not-set-up"),
            },
            "",
        )),
        None => Some(refused(
            Kind::Off,
            Reason::new("reason-update-no-updater"),
            "",
        )),
    }
}

/// Whether the person using the app switched automatic checks on (nobody there: no).
pub fn auto_on(state: &AppState) -> bool {
    state
        .current_person()
        .and_then(|p| p.with_store(|s, owner| s.setting(owner, AUTO_KEY)).ok())
        .flatten()
        .as_deref()
        == Some("true")
}

/// Switches automatic checks on or off for the person using the app.
pub fn set_auto<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), JobGateError> {
    let state = app.state::<AppState>();
    if on && let Some(e) = blocked(&state, app.try_state::<Updates>().as_deref()) {
        return Err(e);
    }
    state
        .person()?
        .with_store(|s, owner| s.set_setting(owner, AUTO_KEY, if on { "true" } else { "false" }))
}

/// Settings → Updates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpdateView {
    pub current_version: String,
    /// The build has an update server and key.
    pub configured: bool,
    /// Where updates come from (`scheme://host[:port]`).
    pub server: Option<String>,
    /// Why updates cannot be used here, in the person's language (policy, or a build without a server).
    pub blocked: Option<String>,
    /// Automatic checks are on for this person.
    pub auto: bool,
    /// Unix seconds of the last check that reached the server.
    pub last_checked_at: Option<u64>,
    pub available: Option<Available>,
    /// The last check's or install's problem (background checks keep theirs here, quietly).
    pub last_problem: Option<ErrorResponse>,
    /// A version installed since the app started: restart to use it.
    pub installed: Option<String>,
}

/// Settings → Updates now.
pub fn view<R: Runtime>(app: &AppHandle<R>) -> UpdateView {
    let state = app.state::<AppState>();
    let updates = app.try_state::<Updates>();
    let updates = updates.as_deref();
    let (last_checked_at, available, last_problem, installed) = match updates {
        Some(u) => {
            let s = u.status();
            (
                s.last_checked_at,
                s.available.clone(),
                s.last_problem.as_ref().map(|e| response(&state, e)),
                s.installed.clone(),
            )
        }
        None => (None, None, None, None),
    };
    UpdateView {
        current_version: app.package_info().version.to_string(),
        configured: updates.is_some_and(Updates::configured),
        server: updates
            .and_then(|u| u.source.as_ref())
            .map(UpdateSource::server),
        blocked: blocked(&state, updates).map(|e| response(&state, &e).error),
        auto: auto_on(&state),
        last_checked_at,
        available,
        last_problem,
        installed,
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The plugin's failure as what people are told.
fn from_plugin(e: tauri_plugin_updater::Error, current: &semver::Version) -> JobGateError {
    use tauri_plugin_updater::Error as E;
    let reason = Reason::technical(&e);
    match e {
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) | E::MissingSignedVersion => {
            refused(Kind::Signature, reason, "")
        }
        // The artifact was signed as another version than the manifest announced: an older release
        // offered as a new one is a downgrade; anything else, a manifest that was tampered with.
        E::SignedVersionMismatch { signed, .. } => {
            let older =
                semver::Version::parse(signed.trim_start_matches('v')).is_ok_and(|v| v <= *current);
            refused(
                if older {
                    Kind::Downgrade
                } else {
                    Kind::Signature
                },
                reason,
                &signed,
            )
        }
        E::Reqwest(r) if r.is_decode() => refused(Kind::Invalid, reason, ""),
        E::Reqwest(_) | E::Network(_) | E::ReleaseNotFound => {
            refused(Kind::Unreachable, reason, "")
        }
        E::Serialization(_)
        | E::TargetNotFound(_)
        | E::TargetsNotFound(_)
        | E::UrlParse(_)
        | E::Semver(_) => refused(Kind::Invalid, reason, ""),
        E::EmptyEndpoints | E::InsecureTransportProtocol => refused(Kind::Off, reason, ""),
        _ => refused(Kind::Install, reason, ""),
    }
}

/// The app's [`Updates`], when updates may be used here at all (else why not, see [`blocked`]).
fn allowed<R: Runtime>(app: &AppHandle<R>) -> Result<tauri::State<'_, Updates>, JobGateError> {
    let updates = app.try_state::<Updates>();
    if let Some(e) = blocked(&app.state::<AppState>(), updates.as_deref()) {
        return Err(e);
    }
    updates.ok_or_else(|| refused(Kind::Off, Reason::new("reason-update-no-updater"), ""))
}

/// Looks for a newer version (for "Check now", and the background worker). `Ok(None)`: up to date.
/// The update found is kept for [`install`]; the outcome is kept for Settings either way.
pub async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Available>, JobGateError> {
    let updates = allowed(app)?;
    let outcome = find(app, &updates).await;
    let mut status = updates.status();
    match &outcome {
        Ok(found) => {
            status.last_checked_at = Some(now_secs());
            status.last_problem = None;
            status.available = found.clone();
        }
        Err(e) => {
            if matches!(
                e,
                JobGateError::UpdateFailed {
                    kind: Kind::Downgrade,
                    ..
                }
            ) {
                status.last_checked_at = Some(now_secs());
                status.available = None;
            }
            status.last_problem = Some(e.clone());
        }
    }
    outcome
}

async fn find<R: Runtime>(
    app: &AppHandle<R>,
    updates: &Updates,
) -> Result<Option<Available>, JobGateError> {
    let Some(source) = &updates.source else {
        return Err(refused(
            Kind::Off,
            Reason::new("reason-update-not-set-up"),
            "",
        ));
    };
    let current = app.package_info().version.clone();
    // What the server offered and how it compares, for the refusal of an older version.
    let offered: Arc<Mutex<Option<(String, Order)>>> = Arc::default();
    let seen = Arc::clone(&offered);
    let mut builder = app
        .updater_builder()
        .pubkey(source.pubkey.clone())
        .endpoints(vec![source.endpoint.clone()])
        .map_err(|e| from_plugin(e, &current))?
        .timeout(Duration::from_secs(30))
        .version_comparator(move |current, release| {
            let order = release.version.cmp(&current);
            *seen.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((release.version.to_string(), order));
            order == Order::Greater
        });
    if let Some(path) = &updates.install_path {
        builder = builder.executable_path(path);
    }
    let updater = builder.build().map_err(|e| from_plugin(e, &current))?;
    let found = updater
        .check()
        .await
        .map_err(|e| from_plugin(e, &current))?;
    let mut pending = updates.pending();
    match found {
        Some(update) => {
            let available = Available {
                version: update.version.clone(),
                notes: update.body.clone().unwrap_or_default(),
                date: update
                    .raw_json
                    .get("pub_date")
                    .and_then(|d| d.as_str())
                    .map(str::to_string),
            };
            *pending = Some(update);
            Ok(Some(available))
        }
        None => {
            *pending = None;
            let offered = offered.lock().unwrap_or_else(|e| e.into_inner()).clone();
            match offered {
                Some((version, Order::Less)) => Err(refused(
                    Kind::Downgrade,
                    Phrase::new("reason-update-older")
                        .value("offered", &version)
                        .value("installed", &current),
                    &version,
                )),
                _ => Ok(None),
            }
        }
    }
}

/// Downloads the update the last check found (progress as [`PROGRESS_EVENT`]), verifies its signature
/// with the build's key (and that it was signed as the version announced, when the signature says), and
/// hands it to the installer. Returns the version installed; the app uses it after a restart.
pub async fn install<R: Runtime>(app: &AppHandle<R>) -> Result<String, JobGateError> {
    let updates = allowed(app)?;
    let Some(update) = updates.pending().clone() else {
        return Err(refused(
            Kind::Nothing,
            Reason::new("reason-update-nothing-found"),
            "",
        ));
    };
    let current = app.package_info().version.clone();
    let outcome = fetch_and_install(app, &update, &current).await;
    let mut status = updates.status();
    match &outcome {
        Ok(()) => {
            status.installed = Some(update.version.clone());
            status.available = None;
            status.last_problem = None;
            *updates.pending() = None;
        }
        Err(e) => {
            // A refused update is forgotten: only a new check can offer one again.
            if matches!(
                e,
                JobGateError::UpdateFailed {
                    kind: Kind::Signature | Kind::Downgrade,
                    ..
                }
            ) {
                status.available = None;
                *updates.pending() = None;
            }
            status.last_problem = Some(e.clone());
        }
    }
    outcome.map(|()| update.version.clone())
}

async fn fetch_and_install<R: Runtime>(
    app: &AppHandle<R>,
    update: &Update,
    current: &semver::Version,
) -> Result<(), JobGateError> {
    let mut received = 0u64;
    let mut told = 0u64;
    let bytes = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                // About every 64 KiB, and the last chunk.
                if received - told >= 64 * 1024 || total == Some(received) {
                    told = received;
                    let _ = app.emit(PROGRESS_EVENT, Progress { received, total });
                }
            },
            || {},
        )
        .await
        .map_err(|e| from_plugin(e, current))?;
    update.install(bytes).map_err(|e| from_plugin(e, current))
}

/// Background checks: only while updates are allowed and the person using the app switched automatic
/// checks on — otherwise nothing is contacted. A check that fails is quiet (kept for Settings) and tried
/// again after [`Timing::retry`]; after one that worked, the next is [`Timing::every`] later. Each check
/// ends with [`UPDATE_EVENT`].
pub fn spawn_worker<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("jobgate-updates".into())
        .spawn(move || {
            let Some(timing) = app.try_state::<Updates>().map(|u| u.timing) else {
                return;
            };
            let mut due = Instant::now() + timing.first;
            loop {
                std::thread::sleep(timing.tick);
                let Some(updates) = app.try_state::<Updates>() else {
                    return;
                };
                if updates.stopped.load(Ordering::SeqCst) {
                    return;
                }
                let state = app.state::<AppState>();
                if blocked(&state, Some(&*updates)).is_some()
                    || !auto_on(&state)
                    || updates.status().installed.is_some()
                    || Instant::now() < due
                {
                    continue;
                }
                let worked = tauri::async_runtime::block_on(check(&app)).is_ok();
                due = Instant::now() + if worked { timing.every } else { timing.retry };
                let _ = app.emit(UPDATE_EVENT, view(&app));
            }
        });
    if let Err(e) = spawned {
        eprintln!("Job Gate: background update checks could not start: {e}");
    }
}
