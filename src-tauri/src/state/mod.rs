//! What the app remembers between commands: the data folder, the machine's policy, the secret store, and
//! the person using the app now — with everything of theirs the screens keep in Rust.
//!
//! One person at a time (DESIGN §7): nobody (the picker is showing), a named profile (its own database,
//! encrypted when it has a passcode), or a guest (a database in memory, an AI key in memory). Everything
//! that belongs to the person — their database, settings, builder sessions, the Match screen's ranking,
//! which keychain entry holds their AI key — sits in one [`Person`]; switching, locking or an idle lock
//! drops it whole and cancels the AI call in flight, so nothing of one person is reachable from the next.
//! Long commands hold their own handle on the [`Person`] they started with, so what they write lands in
//! that person's data even when someone else has taken the machine meanwhile.
//!
//! Settings (interface language, AI on/off) are kept in the person's settings table; the OpenRouter key
//! never is — it goes to the [`KeyStore`] (the OS keychain in the app, memory in tests and for guests).
//! The same holds for Settings → Sync: the server address is a setting, the sync key is in the keychain only
//! (see [`crate::sync`] for when runs happen and how they share the person's store).
//! The data folder is `JOBGATE_DATA_DIR` when set, else the per-user folder the OS recommends (the same
//! one the `jobgate` CLI uses, so both see the same people). Which person and when to lock is decided by
//! the engine's `people` and `policy`; this module only holds the result.
//!
//! By area: [`AppState`] and what the commands share are here; [`person`] is the [`Person`] and how the UI
//! sees them, [`settings`] their saved settings, `who` coming in and leaving (switch, lock, idle lock,
//! profiles opened, protected, wiped), `ai` the AI server, consent and the call in flight, `keys` the
//! keychain entries, `work` the import in flight and its cancel, `dialogs` the native dialogs and the answers tests queue.

use jobgate_ai::keys::KeyStore;
use jobgate_core::{JobGateError, Lang};
use jobgate_core::{Phrase, Reason};
use jobgate_engine::people::{self, Who};
use jobgate_engine::policy::{self, LoadedPolicy};
use jobgate_engine::screening::Screening;
use jobgate_store::passcode::KdfParams;
use jobgate_store::profiles::Profiles;
use jobgate_store::{ProfileId, Store};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

mod ai;
mod dialogs;
mod keys;
mod person;
mod settings;
mod who;
mod work;

pub use person::{Person, PersonView, WhoView};
pub use settings::Settings;

/// How the app is set up on this machine: the policy and what tests replace.
pub struct Options {
    /// The machine's policy (tests pass one in instead of setting `JOBGATE_POLICY`).
    pub policy: LoadedPolicy,
    /// Key-derivation cost of passcodes set from now on (tests: [`KdfParams::FAST_FOR_TESTS`]).
    pub kdf: KdfParams,
    /// Lock after this long without activity; `None`: the policy's `idle_lock_minutes` (0: never).
    pub idle_limit: Option<Duration>,
    /// Background sync: how soon after a change, and how often anyway.
    pub sync_timing: crate::sync::Timing,
}

impl Options {
    /// This machine's policy file (or `JOBGATE_POLICY`), real passcode costs.
    pub fn from_machine() -> Options {
        Options::with_policy(policy::load())
    }

    pub fn with_policy(policy: LoadedPolicy) -> Options {
        Options {
            policy,
            kdf: KdfParams::DEFAULT,
            idle_limit: None,
            sync_timing: crate::sync::Timing::default(),
        }
    }
}

/// Managed Tauri state.
pub struct AppState {
    data_dir: PathBuf,
    policy: LoadedPolicy,
    kdf: KdfParams,
    /// The person using the app; `None` while the picker shows.
    person: Mutex<Option<Arc<Person>>>,
    /// The profile locked last, for the unlock dialog.
    locked: Mutex<Option<String>>,
    /// The language on screen while nobody is signed in (the last person's, so the picker stays readable).
    screen_lang: Mutex<Lang>,
    /// Why the data folder could not be used (the app then runs as a guest, in memory, and says so).
    storage_problem: Option<JobGateError>,
    keys: Box<dyn KeyStore>,
    /// The AI server (`JOBGATE_OPENROUTER_URL`, `JOBGATE_AI_MODEL`), without the key.
    ai_server: jobgate_ai::AiConfig,
    /// The cancel flag of the AI call running now (one at a time), for the UI's Stop button.
    ai_call: Mutex<Option<jobgate_ai::CancelToken>>,
    /// The cancel token of the import being read now, for its Cancel button.
    import_call: Mutex<Option<jobgate_engine::CancelToken>>,
    /// When the UI last reported the person's activity.
    last_activity: Mutex<Instant>,
    /// Lock after this long without activity.
    idle_limit: Option<Duration>,
    /// Export files a wipe offered to delete; only these may be deleted by [`AppState::delete_offered_files`].
    offered_files: Mutex<Vec<String>>,
    /// Files the guest who left (or is quitting) exported that are still on disk: the picker asks whether to
    /// delete them; only these may be deleted by [`AppState::answer_guest_files`].
    guest_files: Mutex<Vec<String>>,
    /// When the background sync runs next.
    sync_wake: Arc<crate::sync::Wake>,
    sync_timing: crate::sync::Timing,
    /// Answers queued for the next file dialogs (see [`AppState::answer_next_dialog`]); debug builds only.
    #[cfg(debug_assertions)]
    dialog_answers: Mutex<std::collections::VecDeque<Vec<PathBuf>>>,
    /// The files and folders the person chose, behind the tokens the page holds.
    picked: crate::picked::Picked,
}

impl AppState {
    /// Starts under this machine's policy (see [`AppState::with_options`]).
    pub fn new(data_dir: PathBuf, keys: Box<dyn KeyStore>) -> AppState {
        AppState::with_options(data_dir, keys, Options::from_machine())
    }

    /// Starts the app's person: a guest when the policy makes guests the default; on a machine with no
    /// profile yet (and no passcode required), the default profile, created now; when this machine has
    /// exactly one profile, without a passcode, that one; otherwise nobody, and the UI shows the picker.
    /// A data folder that cannot be used does not stop the app: it runs as a guest, in memory, and Status
    /// shows the reason.
    pub fn with_options(data_dir: PathBuf, keys: Box<dyn KeyStore>, options: Options) -> AppState {
        let policy = options.policy;
        let idle_limit = options.idle_limit.or_else(|| {
            (policy.policy.idle_lock_minutes > 0)
                .then(|| Duration::from_secs(u64::from(policy.policy.idle_lock_minutes) * 60))
        });
        let mut state = AppState {
            data_dir,
            policy,
            kdf: options.kdf,
            person: Mutex::new(None),
            locked: Mutex::new(None),
            screen_lang: Mutex::new(Lang::En),
            storage_problem: None,
            keys,
            ai_server: jobgate_ai::AiConfig {
                api_key: String::new(),
                ..jobgate_ai::AiConfig::from_env()
            },
            ai_call: Mutex::new(None),
            import_call: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
            idle_limit,
            offered_files: Mutex::new(Vec::new()),
            guest_files: Mutex::new(Vec::new()),
            sync_wake: Arc::new(crate::sync::Wake::default()),
            sync_timing: options.sync_timing,
            #[cfg(debug_assertions)]
            dialog_answers: Mutex::new(std::collections::VecDeque::new()),
            picked: crate::picked::Picked::default(),
        };
        match state.first_person() {
            Ok(Some(person)) => state.enter(person),
            Ok(None) => {}
            Err(e) => {
                state.storage_problem = Some(e);
                if let Ok(opened) = people::guest() {
                    state.enter(Person::new(opened, false, Lang::En));
                }
            }
        }
        state
    }

    fn first_person(&self) -> Result<Option<Person>, JobGateError> {
        let policy = &self.policy.policy;
        if policy.guest_by_default {
            return people::guest().map(|o| Some(Person::new(o, false, Lang::En)));
        }
        let listed = self.profiles()?.list()?;
        let open_default = match listed.as_slice() {
            [] => !policy.require_passcode,
            [only] => !only.locked && !policy.require_passcode,
            _ => false,
        };
        if !open_default {
            return Ok(None);
        }
        let who = match listed.first() {
            Some(only) => Who::Named(only.name.clone()),
            None => Who::Default,
        };
        let opened = people::open(&self.data_dir, policy, &who, None)?;
        Ok(Some(Person::new(opened, false, Lang::En)))
    }

    /// The files and folders chosen so far (see [`crate::picked`]).
    pub fn picked(&self) -> &crate::picked::Picked {
        &self.picked
    }

    /// The profile index, with this app's passcode costs.
    pub fn profiles(&self) -> Result<Profiles, JobGateError> {
        Ok(Profiles::open(&self.data_dir)?.with_kdf(self.kdf))
    }

    pub fn policy(&self) -> &LoadedPolicy {
        &self.policy
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Why the data folder could not be used, in words (Status).
    pub fn storage_problem(&self) -> Option<String> {
        self.storage_problem
            .as_ref()
            .map(|e| e.to_response(self.lang()).error)
    }

    /// Why the data folder could not be used, as the error the window shows at start: nothing is being
    /// saved (the app runs as a guest, in memory) until the folder can be used.
    pub fn storage_error(&self) -> Option<&JobGateError> {
        self.storage_problem.as_ref()
    }

    /// The person using the app, without checking the idle lock (the background sync's view).
    pub fn current_person(&self) -> Option<Arc<Person>> {
        lock(&self.person).clone()
    }

    /// What wakes the background sync.
    pub fn sync_wake(&self) -> Arc<crate::sync::Wake> {
        self.sync_wake.clone()
    }

    pub fn sync_timing(&self) -> crate::sync::Timing {
        self.sync_timing
    }

    /// Something of the person's changed: with their sync on, a run comes soon (several changes share it).
    pub fn changed(&self) {
        if let Some(p) = lock(&self.person).as_ref()
            && p.sync.is_on()
        {
            self.sync_wake.at_most(self.sync_timing.delay);
        }
    }

    /// Runs `f` with the open person's database and their row in it.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store, ProfileId) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        self.person()?.with_store(f)
    }

    /// Runs `f` with the database and the builder session `id` (resumed from the store when this
    /// app has not opened it yet; `SESSION_NOT_FOUND` when it does not exist).
    pub fn with_session<T>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Store, &mut jobgate_builder::Session) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        let person = self.person()?;
        let mut store = lock(&person.store);
        let mut sessions = lock(&person.sessions);
        if !sessions.contains_key(id) {
            let (session, _) = jobgate_builder::Session::resume(&store, id)?;
            sessions.insert(id.to_string(), session);
        }
        let session = sessions.get_mut(id).expect("inserted above");
        f(&mut store, session)
    }

    /// Keeps a newly started builder session for the next answers.
    pub fn add_session(&self, session: jobgate_builder::Session) -> Result<(), JobGateError> {
        lock(&self.person()?.sessions).insert(session.id().to_string(), session);
        Ok(())
    }

    /// Resumes builder session `id` from the store (replacing this app's copy, which the store
    /// always matches: every turn is saved before it returns) and keeps it for the next answers.
    pub fn resume_session(
        &self,
        id: &str,
        reader: jobgate_core::Lang,
    ) -> Result<jobgate_core::BuilderResponse, JobGateError> {
        let person = self.person()?;
        let store = lock(&person.store);
        let (session, response) = jobgate_builder::Session::resume_in(&store, id, reader)?;
        lock(&person.sessions).insert(id.to_string(), session);
        Ok(response)
    }

    /// The Match screen's latest ranking of the person using the app.
    pub fn screening(&self) -> Option<Screening> {
        self.screening_with_origin().map(|(s, _)| s)
    }

    /// [`Self::screening`] with the history CVs it ranked (their names to their ids).
    pub fn screening_with_origin(
        &self,
    ) -> Option<(Screening, HashMap<String, jobgate_store::CvId>)> {
        let person = lock(&self.person).clone()?;
        lock(&person.screening).clone()
    }

    pub fn lang(&self) -> Lang {
        match lock(&self.person).as_ref() {
            Some(p) => lock(&p.settings).lang,
            None => *lock(&self.screen_lang),
        }
    }
}

/// Deletes `paths` (a file already gone is fine); returns the ones deleted.
fn remove_files(paths: &[String]) -> Result<Vec<String>, JobGateError> {
    let mut deleted = Vec::new();
    for p in paths {
        match std::fs::remove_file(p) {
            Ok(()) => deleted.push(p.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(JobGateError::storage(
                    Reason::from(Phrase::new("reason-file-not-removed").cv("path", p))
                        .with_technical(e),
                ));
            }
        }
    }
    Ok(deleted)
}

/// The data folder: `JOBGATE_DATA_DIR`, else the OS per-user data folder for Job Gate.
pub fn default_data_dir() -> PathBuf {
    jobgate_store::data_dir().unwrap_or_else(|_| PathBuf::from(".jobgate"))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock cannot leave these values half-written: they are replaced whole
    // or changed inside a database transaction.
    m.lock().unwrap_or_else(|p| p.into_inner())
}
