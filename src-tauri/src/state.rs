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

use jobgate_ai::keys::{KeyStore, MemoryKeys};
use jobgate_core::{JobGateError, Lang, Phrase, Reason};
use jobgate_engine::people::{self, Opened, Who};
use jobgate_engine::policy::{self, LoadedPolicy};
use jobgate_engine::screening::Screening;
use jobgate_store::passcode::KdfParams;
use jobgate_store::profiles::Profiles;
use jobgate_store::{ProfileId, Store};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const LANG_KEY: &str = "ui.lang";
const AI_KEY: &str = "ai.enabled";
const AI_CONSENT_KEY: &str = "ai.consent_host";
const AI_URL_KEY: &str = "ai.base_url";
const AI_MODEL_KEY: &str = "ai.model";
const SYNC_URL_KEY: &str = "sync.server_url";
const SYNC_CONSENT_KEY: &str = "sync.consent_host";

/// What the user chose in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub lang: Lang,
    pub ai_enabled: bool,
    /// The AI server the user agreed to send CV text to (asked once per profile and server).
    pub ai_consent_host: Option<String>,
    /// Another OpenAI-compatible server chosen in Settings (e.g. a local one); `None`: the default
    /// (`JOBGATE_OPENROUTER_URL`, else OpenRouter).
    pub ai_base_url: Option<String>,
    /// The model name chosen in Settings; `None`: the default (`JOBGATE_AI_MODEL`, else DeepSeek).
    pub ai_model: Option<String>,
    /// The organisation's sync server as typed in Settings → Sync (its key is in the keychain).
    pub sync_url: Option<String>,
    /// The server (`scheme://host[:port]`) the person agreed to send their history to.
    pub sync_consent_host: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            ai_enabled: false,
            ai_consent_host: None,
            ai_base_url: None,
            ai_model: None,
            sync_url: None,
            sync_consent_host: None,
        }
    }
}

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

/// The person using the app now, and everything of theirs the screens keep in Rust.
pub struct Person {
    store: Mutex<Store>,
    /// The profile's name (its keychain entries are under it); `None` for a guest.
    profile: Option<String>,
    /// The profile has a passcode (its data is encrypted at rest).
    has_passcode: AtomicBool,
    /// A guest's AI key: in memory only, gone with the guest.
    guest_keys: Option<MemoryKeys>,
    settings: Mutex<Settings>,
    /// Builder sessions opened since the person came; older ones are resumed from the store on first use.
    sessions: Mutex<HashMap<String, jobgate_builder::Session>>,
    /// The last ranking of the Match screen, kept for "Save as CSV" and to say it again in another
    /// language, with the history CVs it ranked (their names to their ids).
    screening: Mutex<Option<(Screening, HashMap<String, jobgate_store::CvId>)>>,
    /// A guest's exports recorded before "delete all my data" emptied their history: still theirs to be asked
    /// about when they leave.
    earlier_exports: Mutex<Vec<String>>,
    /// Their sync runs (one at a time) and whether they have left (a run in flight then stops).
    pub(crate) sync: crate::sync::PersonSync,
}

impl Person {
    fn new(opened: Opened, has_passcode: bool, lang: Lang) -> Person {
        let guest_keys = opened.is_guest().then(MemoryKeys::new);
        let person = Person {
            store: Mutex::new(opened.store),
            profile: opened.profile,
            has_passcode: AtomicBool::new(has_passcode),
            guest_keys,
            settings: Mutex::new(Settings {
                lang,
                ..Settings::default()
            }),
            sessions: Mutex::new(HashMap::new()),
            screening: Mutex::new(None),
            earlier_exports: Mutex::new(Vec::new()),
            sync: crate::sync::PersonSync::default(),
        };
        let loaded = person.load_settings(lang).unwrap_or(Settings {
            lang,
            ..Settings::default()
        });
        *lock(&person.settings) = loaded;
        let sync_on = !person.is_guest() && lock(&person.store).sync_enabled().unwrap_or(false);
        person.sync.set_on(sync_on);
        person
    }

    /// The person's saved settings; a language never chosen is the one on screen when they came.
    fn load_settings(&self, lang: Lang) -> Result<Settings, JobGateError> {
        self.with_store(|store, p| {
            Ok(Settings {
                lang: store
                    .setting(p, LANG_KEY)?
                    .and_then(|l| Lang::from_code(&l))
                    .unwrap_or(lang),
                ai_enabled: store.setting(p, AI_KEY)?.as_deref() == Some("true"),
                ai_consent_host: store.setting(p, AI_CONSENT_KEY)?.filter(|h| !h.is_empty()),
                ai_base_url: store.setting(p, AI_URL_KEY)?.filter(|v| !v.is_empty()),
                ai_model: store.setting(p, AI_MODEL_KEY)?.filter(|v| !v.is_empty()),
                sync_url: store.setting(p, SYNC_URL_KEY)?.filter(|v| !v.is_empty()),
                sync_consent_host: store
                    .setting(p, SYNC_CONSENT_KEY)?
                    .filter(|v| !v.is_empty()),
            })
        })
    }

    /// The profile's name; `None` for a guest.
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    pub fn is_guest(&self) -> bool {
        self.profile.is_none()
    }

    /// The profile called [`jobgate_store::DEFAULT_PROFILE`] (names compare case-insensitively).
    pub fn is_default(&self) -> bool {
        self.profile
            .as_deref()
            .is_some_and(jobgate_engine::people::is_default)
    }

    pub fn has_passcode(&self) -> bool {
        self.has_passcode.load(Ordering::SeqCst)
    }

    /// Runs `f` with the person's database and their row in it.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store, ProfileId) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        let mut store = lock(&self.store);
        // Asked each time: "delete all my data" removes the person's row, and the next use makes it again.
        let owner = store.owner()?;
        f(&mut store, owner)
    }

    /// The person's database, for a sync run that takes it one step at a time (see [`crate::sync`]).
    pub(crate) fn store(&self) -> &Mutex<Store> {
        &self.store
    }

    /// The store and the person's row for the engine's import flow (which locks the store itself).
    pub fn keep(&self) -> Result<jobgate_engine::Keep<'_>, JobGateError> {
        let profile = lock(&self.store).owner()?;
        Ok(jobgate_engine::Keep {
            store: &self.store,
            profile,
        })
    }

    /// Keeps the Match screen's latest ranking (for "Save as CSV" and a change of language).
    pub fn set_screening(&self, s: Screening, origin: HashMap<String, jobgate_store::CvId>) {
        *lock(&self.screening) = Some((s, origin));
    }

    /// The files this person exported that are still where they were saved (to offer deleting them).
    pub fn exported_files(&self) -> Result<Vec<String>, JobGateError> {
        let history = self.with_store(|store, p| store.history(p))?;
        let earlier = lock(&self.earlier_exports).clone();
        let mut paths: Vec<String> = history
            .exports
            .into_iter()
            .map(|e| e.path)
            .chain(earlier)
            .filter(|p| Path::new(p).is_file())
            .collect();
        paths.sort();
        paths.dedup();
        Ok(paths)
    }
}

/// Who is using the app, as the UI shows it (the indicator on every screen, the picker, the unlock dialog).
#[derive(Debug, Clone, Serialize)]
pub struct WhoView {
    /// The person using the app now; `None` while the picker (or the unlock dialog) shows.
    pub person: Option<PersonView>,
    /// The profile that was locked last (the unlock dialog asks for its passcode); `None` after "Switch".
    pub locked: Option<String>,
    /// Files the guest who left exported and that are still on disk: the picker asks whether to delete them.
    pub guest_files: Vec<String>,
    /// The language on screen.
    pub lang: Lang,
    pub dir: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    /// The profile's name; `None` for a guest.
    pub name: Option<String>,
    /// The profile made on first use or from an earlier release's single database, named `default` (the
    /// CLI's `--profile default`): the UI shows a label in the person's language instead of that name.
    pub default: bool,
    pub guest: bool,
    /// Protected by a passcode (and so encrypted at rest).
    pub has_passcode: bool,
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

    /// Queues what the next native file dialog answers instead of showing itself (`None`: the user
    /// cancelled). For the mock-runtime tests, which have no dialogs, and the end-to-end tests (through
    /// the `e2e_answer_dialog` command); only in debug builds, so a release has no way around the dialogs.
    #[cfg(debug_assertions)]
    pub fn answer_next_dialog(&self, path: Option<PathBuf>) {
        lock(&self.dialog_answers).push_back(path.into_iter().collect());
    }

    /// [`Self::answer_next_dialog`] for a dialog that picks several files (empty: cancelled).
    #[cfg(debug_assertions)]
    pub fn answer_next_dialog_with(&self, paths: Vec<PathBuf>) {
        lock(&self.dialog_answers).push_back(paths);
    }

    /// What a one-file dialog answers: a queued test answer (debug builds), else `show` (the dialog).
    pub(crate) fn dialog(&self, show: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        #[cfg(debug_assertions)]
        if let Some(queued) = lock(&self.dialog_answers).pop_front() {
            return queued.into_iter().next();
        }
        show()
    }

    /// What a several-files dialog answers, like [`Self::dialog`].
    pub(crate) fn dialog_many(&self, show: impl FnOnce() -> Vec<PathBuf>) -> Vec<PathBuf> {
        #[cfg(debug_assertions)]
        if let Some(queued) = lock(&self.dialog_answers).pop_front() {
            return queued;
        }
        show()
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

    /// Makes `person` the one using the app.
    fn enter(&self, person: Person) {
        *lock(&self.screen_lang) = lock(&person.settings).lang;
        self.cancel_ai_call();
        // Someone whose sync is on gets a run soon after they come (and then on the timer).
        if person.sync.is_on() {
            self.sync_wake.at_most(self.sync_timing.delay);
        }
        *lock(&self.person) = Some(Arc::new(person));
        *lock(&self.locked) = None;
        lock(&self.offered_files).clear();
        lock(&self.guest_files).clear();
        self.note_activity_now();
    }

    /// Nobody uses the app any more: the person's data, screens' state and AI call are dropped. With
    /// `lock`, a profile with a passcode is remembered for the unlock dialog.
    fn leave(&self, lock_it: bool) {
        self.cancel_ai_call();
        let left = lock(&self.person).take();
        // Their sync stops: a run in flight ends at its next step, nothing more is scheduled for them.
        if let Some(p) = &left {
            p.sync.stop();
        }
        self.sync_wake.clear();
        let locked_name = left
            .as_ref()
            .filter(|p| lock_it && p.has_passcode())
            .and_then(|p| p.profile.clone());
        *lock(&self.locked) = locked_name;
        lock(&self.offered_files).clear();
        // Files one person chose are not the next person's to open.
        self.picked.forget_all();
        // A guest's exports are their documents outside the data folder: whoever is at the picker next (the
        // guest, or someone after an idle lock) is asked whether to delete them.
        let guest_files = left
            .as_ref()
            .filter(|p| p.is_guest())
            .and_then(|p| p.exported_files().ok())
            .unwrap_or_default();
        *lock(&self.guest_files) = guest_files;
    }

    /// "Lock now": the person's data is closed; a profile with a passcode needs it again.
    pub fn lock_now(&self) {
        self.leave(true);
    }

    /// "Switch": the person's data is closed and the picker shows.
    pub fn switch(&self) {
        self.leave(false);
    }

    /// Opens a profile (its passcode when it has one). On a machine that requires passcodes a profile
    /// without one must set one first: `new_passcode` does that before it opens.
    pub fn open_profile(
        &self,
        name: &str,
        passcode: Option<&str>,
        new_passcode: Option<&str>,
    ) -> Result<(), JobGateError> {
        let mut profiles = self.profiles()?;
        let entry = profiles.find(name)?;
        let mut passcode = passcode.filter(|p| !p.is_empty());
        if let Some(new) = new_passcode.filter(|p| !p.is_empty()) {
            if entry.locked {
                return Err(JobGateError::invalid_input(
                    "passcode",
                    Phrase::new("reason-profile-already-locked").cv("name", &entry.name),
                ));
            }
            profiles.set_passcode(&entry.name, None, new)?;
            passcode = Some(new);
        }
        drop(profiles);
        let has_passcode = entry.locked || passcode.is_some() && new_passcode.is_some();
        let opened = people::open(
            &self.data_dir,
            &self.policy.policy,
            &Who::Named(entry.name.clone()),
            passcode,
        )?;
        self.leave(false);
        self.enter(Person::new(opened, has_passcode, self.lang()));
        Ok(())
    }

    /// A new profile (with a passcode, required when the policy says so), opened at once.
    pub fn create_profile(&self, name: &str, passcode: Option<&str>) -> Result<(), JobGateError> {
        let passcode = passcode.filter(|p| !p.is_empty());
        let mut profiles = self.profiles()?;
        let entry = people::create(&mut profiles, &self.policy.policy, name, passcode)?;
        drop(profiles);
        let opened = people::open(
            &self.data_dir,
            &self.policy.policy,
            &Who::Named(entry.name.clone()),
            passcode,
        )?;
        self.leave(false);
        self.enter(Person::new(opened, entry.locked, self.lang()));
        Ok(())
    }

    /// A guest: nothing of theirs is written to the data folder.
    pub fn start_guest(&self) -> Result<(), JobGateError> {
        let opened = people::guest()?;
        self.leave(false);
        self.enter(Person::new(opened, false, self.lang()));
        Ok(())
    }

    /// Sets, changes (`current` given) or removes (`new` is `None`) the open profile's passcode. The
    /// database file is swapped underneath, so the person's store is closed while that happens and opened
    /// again with the new key; their screens' state stays.
    pub fn change_passcode(
        &self,
        current: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), JobGateError> {
        let person = self.person()?;
        let Some(name) = person.profile.clone() else {
            return Err(JobGateError::invalid_input(
                "profile",
                Reason::new("reason-guest-nothing-to-protect"),
            ));
        };
        let current = current.filter(|p| !p.is_empty());
        if new.is_none() && self.policy.policy.require_passcode {
            return Err(JobGateError::invalid_input(
                "passcode",
                Reason::new("reason-policy-requires-passcode"),
            ));
        }
        let mut profiles = self.profiles()?;
        if person.has_passcode() {
            // Checked before the file is touched (a wrong one counts towards the slow-down once).
            let Some(current) = current else {
                return Err(JobGateError::ProfileLocked { profile: name });
            };
            profiles.verify(&name, current)?;
        }
        let mut store = lock(&person.store);
        // Close the file before it is swapped; everything waiting for the store waits for the swap too.
        drop(std::mem::replace(&mut *store, Store::open_in_memory()?));
        let changed = match (new, current) {
            (Some(new), _) => profiles.set_passcode(&name, current, new),
            (None, Some(current)) => profiles.remove_passcode(&name, current),
            (None, None) => Ok(()),
        };
        // Open again with whichever key is in force now (the old one when the change failed).
        let key = if changed.is_ok() { new } else { current };
        match profiles.open_store(&name, key) {
            Ok(reopened) => *store = reopened,
            Err(e) => {
                drop(store);
                self.leave(false);
                return Err(changed.err().unwrap_or(e));
            }
        }
        drop(store);
        changed?;
        person.has_passcode.store(new.is_some(), Ordering::SeqCst);
        Ok(())
    }

    /// The open person's exported files still on disk; they are remembered as the ones a wipe may delete.
    pub fn offer_exported_files(&self) -> Result<Vec<String>, JobGateError> {
        let files = self.person()?.exported_files()?;
        *lock(&self.offered_files) = files.clone();
        Ok(files)
    }

    /// Wipes a profile: the open person's data is closed first, then the files are shredded and the keychain
    /// entry removed. Nobody is signed in afterwards when it was the open person.
    pub fn wipe_profile(&self, name: &str) -> Result<(), JobGateError> {
        let mut profiles = self.profiles()?;
        let entry = profiles.find(name)?;
        let is_open = lock(&self.person)
            .as_ref()
            .and_then(|p| p.profile.as_deref())
            .is_some_and(|p| p == entry.name);
        let offered = std::mem::take(&mut *lock(&self.offered_files));
        if is_open {
            self.leave(false);
        }
        let locked = lock(&self.locked).clone();
        if locked.as_deref() == Some(entry.name.as_str()) {
            *lock(&self.locked) = None;
        }
        people::wipe(&mut profiles, &entry.name, self.keys.as_ref())?;
        if is_open {
            *lock(&self.offered_files) = offered;
        }
        Ok(())
    }

    /// The guest using the app is about to quit: the files they exported that are still on disk (remembered
    /// as the ones [`AppState::answer_guest_files`] may delete). Empty when nobody, or a named person, is in.
    pub fn guest_quitting_files(&self) -> Vec<String> {
        let files = lock(&self.person)
            .clone()
            .filter(|p| p.is_guest())
            .and_then(|p| p.exported_files().ok())
            .unwrap_or_default();
        lock(&self.guest_files).clone_from(&files);
        files
    }

    /// The answer to "delete the files the guest exported?": deletes those of `delete` that the guest exported
    /// (anything else is refused, so the page cannot delete arbitrary files) and forgets the question. Returns
    /// the files deleted.
    pub fn answer_guest_files(&self, delete: &[String]) -> Result<Vec<String>, JobGateError> {
        let mut offered = lock(&self.guest_files);
        if let Some(p) = delete.iter().find(|p| !offered.contains(p)) {
            return Err(JobGateError::invalid_input(
                "paths",
                Phrase::new("reason-not-a-guest-export").cv("path", p),
            ));
        }
        let deleted = remove_files(delete);
        offered.clear();
        deleted
    }

    /// Deletes those of `paths` that a wipe offered ([`AppState::offer_exported_files`]); returns the ones
    /// deleted. Anything else is refused, so the page cannot delete arbitrary files.
    pub fn delete_offered_files(&self, paths: &[String]) -> Result<Vec<String>, JobGateError> {
        let mut offered = lock(&self.offered_files);
        for p in paths {
            if !offered.contains(p) {
                return Err(JobGateError::invalid_input(
                    "paths",
                    Phrase::new("reason-not-offered-for-deletion").cv("path", p),
                ));
            }
        }
        let deleted = remove_files(paths);
        offered.retain(|o| !paths.contains(o));
        deleted
    }

    /// Who is using the app, for the UI.
    pub fn who(&self) -> WhoView {
        let person = lock(&self.person).clone();
        let lang = self.lang();
        WhoView {
            person: person.map(|p| PersonView {
                default: p.is_default(),
                name: p.profile.clone(),
                guest: p.is_guest(),
                has_passcode: p.has_passcode(),
            }),
            locked: lock(&self.locked).clone(),
            guest_files: lock(&self.guest_files).clone(),
            lang,
            dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        }
    }

    /// The person using the app now; `PROFILE_LOCKED` when nobody is (the picker or unlock dialog shows),
    /// also when they have just been locked for being idle.
    pub fn person(&self) -> Result<Arc<Person>, JobGateError> {
        self.lock_if_idle();
        lock(&self.person)
            .clone()
            .ok_or_else(|| JobGateError::ProfileLocked {
                profile: lock(&self.locked).clone().unwrap_or_default(),
            })
    }

    /// The UI saw the person do something: the idle lock starts counting again (unless it is already due).
    pub fn note_activity(&self) {
        if !self.lock_if_idle() {
            self.note_activity_now();
        }
    }

    fn note_activity_now(&self) {
        *lock(&self.last_activity) = Instant::now();
    }

    /// Time left before the idle lock; `None` when there is none (no limit, or nobody signed in).
    pub fn idle_left(&self) -> Option<Duration> {
        let limit = self.idle_limit?;
        lock(&self.person).as_ref()?;
        Some(limit.saturating_sub(lock(&self.last_activity).elapsed()))
    }

    /// Locks when the person has been idle longer than the limit; `true` when it locked now.
    pub fn lock_if_idle(&self) -> bool {
        if self.idle_left() == Some(Duration::ZERO) {
            self.lock_now();
            return true;
        }
        false
    }

    /// Points AI requests at another OpenAI-compatible server (tests use a local fake one).
    pub fn with_ai_server(mut self, base_url: &str) -> AppState {
        self.ai_server.base_url = base_url.to_string();
        self
    }

    /// The AI server with the key from the keychain (never `OPENROUTER_API_KEY`, which is the CLI's).
    pub fn ai_config(&self) -> jobgate_ai::AiConfig {
        jobgate_ai::AiConfig {
            api_key: self.api_key().ok().flatten().unwrap_or_default(),
            ..self.ai_server()
        }
    }

    /// The AI server without the key: the one chosen in Settings, else the environment's default.
    pub fn ai_server(&self) -> jobgate_ai::AiConfig {
        let s = self.settings();
        let mut cfg = self.ai_server.clone();
        if let Some(url) = s.ai_base_url {
            cfg.base_url = url;
        }
        if let Some(model) = s.ai_model {
            cfg.model = model;
        }
        cfg
    }

    /// Where AI requests go (host and port only, as the request uses them), for messages.
    pub fn ai_host(&self) -> String {
        self.ai_server().host()
    }

    /// The AI server that consent is given to: `scheme://host[:port]` exactly as requests go there (empty
    /// for an address the policy refuses, which no consent matches).
    pub fn ai_origin(&self) -> String {
        self.ai_server().origin()
    }

    /// Whether the person agreed to send CV text to the AI server in use now.
    pub fn ai_consented(&self) -> bool {
        let origin = self.ai_origin();
        !origin.is_empty() && self.settings().ai_consent_host.as_deref() == Some(origin.as_str())
    }

    /// A fresh cancel flag for an AI call that starts now (replacing a finished one's).
    pub fn start_ai_call(&self) -> jobgate_ai::CancelToken {
        let token = jobgate_ai::CancelToken::new();
        *lock(&self.ai_call) = Some(token.clone());
        token
    }

    /// Stops the AI call running now, if any.
    pub fn cancel_ai_call(&self) {
        if let Some(token) = lock(&self.ai_call).take() {
            token.cancel();
        }
    }

    /// Why AI cannot be switched on at all on this machine (the policy), if it cannot.
    pub fn ai_blocked(&self) -> Option<JobGateError> {
        (!self.policy.policy.allow_ai)
            .then(|| JobGateError::ai_unavailable(Reason::new("reason-policy-ai-off")))
    }

    /// The AI configuration when AI may be used now: allowed on this machine, switched on, agreed to for
    /// this server, and a key when the server needs one. Otherwise `AI_UNAVAILABLE` with the reason.
    pub fn ai_allowed(&self) -> Result<jobgate_ai::AiConfig, JobGateError> {
        if let Some(e) = self.ai_blocked() {
            return Err(e);
        }
        let s = self.settings();
        let unavailable = |id: &str| JobGateError::ai_unavailable(Reason::new(id));
        if !s.ai_enabled {
            return Err(unavailable("reason-ai-off-in-settings"));
        }
        if !self.ai_consented() {
            return Err(unavailable("reason-ai-no-consent"));
        }
        let cfg = self.ai_config();
        match jobgate_engine::ai::missing_key(&cfg) {
            Some(e) => Err(e),
            None => Ok(cfg),
        }
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

    /// The person's settings (with AI off when the policy forbids it); defaults while nobody is signed in.
    pub fn settings(&self) -> Settings {
        let person = lock(&self.person).clone();
        let mut s = match person {
            Some(p) => lock(&p.settings).clone(),
            None => Settings {
                lang: *lock(&self.screen_lang),
                ..Settings::default()
            },
        };
        s.ai_enabled &= self.policy.policy.allow_ai;
        s
    }

    pub fn lang(&self) -> Lang {
        match lock(&self.person).as_ref() {
            Some(p) => lock(&p.settings).lang,
            None => *lock(&self.screen_lang),
        }
    }

    /// The open person's key store and the name their key is kept under: a guest's is in memory.
    fn with_keys<T>(
        &self,
        f: impl FnOnce(&dyn KeyStore, &str) -> Result<T, JobGateError>,
    ) -> Result<T, JobGateError> {
        let person = self.person()?;
        match (&person.guest_keys, person.profile.as_deref()) {
            (Some(keys), _) => f(keys, GUEST_KEY_NAME),
            (None, Some(name)) => f(self.keys.as_ref(), name),
            (None, None) => f(self.keys.as_ref(), jobgate_store::DEFAULT_PROFILE),
        }
    }

    /// The saved OpenRouter key of the person using the app (`None` while nobody is).
    pub fn api_key(&self) -> Result<Option<String>, JobGateError> {
        if lock(&self.person).is_none() {
            return Ok(None);
        }
        self.with_keys(|keys, name| keys.load_api_key(name))
    }

    pub fn save_api_key(&self, key: &str) -> Result<(), JobGateError> {
        self.with_keys(|keys, name| keys.save_api_key(name, key))
    }

    pub fn delete_api_key(&self) -> Result<(), JobGateError> {
        self.with_keys(|keys, name| keys.delete_api_key(name))
    }

    /// The open person's sync key (`None` for a guest, who keeps nothing, or while nobody is signed in).
    pub fn sync_key(&self) -> Result<Option<String>, JobGateError> {
        match lock(&self.person).clone() {
            Some(p) => self.sync_key_of(&p),
            None => Ok(None),
        }
    }

    /// `person`'s sync key from the keychain.
    pub(crate) fn sync_key_of(&self, person: &Person) -> Result<Option<String>, JobGateError> {
        match person.profile.as_deref() {
            Some(name) => self.keys.load_sync_key(name),
            None => Ok(None),
        }
    }

    pub fn save_sync_key(&self, key: &str) -> Result<(), JobGateError> {
        let person = self.person()?;
        let name = person
            .profile
            .as_deref()
            .ok_or_else(crate::sync::guest_refused)?;
        self.keys.save_sync_key(name, key)
    }

    pub fn delete_sync_key(&self) -> Result<(), JobGateError> {
        let person = self.person()?;
        match person.profile.as_deref() {
            Some(name) => self.keys.delete_sync_key(name),
            None => Ok(()),
        }
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
    pub fn resume_session(&self, id: &str) -> Result<jobgate_core::BuilderResponse, JobGateError> {
        let person = self.person()?;
        let store = lock(&person.store);
        let (session, response) = jobgate_builder::Session::resume(&store, id)?;
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

    /// Changes the settings with `change` and saves them. While nobody is signed in only the language
    /// on screen changes (the picker's language switch).
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, JobGateError> {
        let Some(person) = lock(&self.person).clone() else {
            let mut s = self.settings();
            change(&mut s);
            *lock(&self.screen_lang) = s.lang;
            return Ok(s);
        };
        let mut guard = lock(&person.settings);
        let mut next = guard.clone();
        change(&mut next);
        next.ai_enabled &= self.policy.policy.allow_ai;
        person.with_store(|store, p| {
            store.set_setting(p, LANG_KEY, next.lang.code())?;
            store.set_setting(p, AI_KEY, if next.ai_enabled { "true" } else { "false" })?;
            store.set_setting(
                p,
                AI_CONSENT_KEY,
                next.ai_consent_host.as_deref().unwrap_or(""),
            )?;
            store.set_setting(p, AI_URL_KEY, next.ai_base_url.as_deref().unwrap_or(""))?;
            store.set_setting(p, AI_MODEL_KEY, next.ai_model.as_deref().unwrap_or(""))?;
            store.set_setting(p, SYNC_URL_KEY, next.sync_url.as_deref().unwrap_or(""))?;
            store.set_setting(
                p,
                SYNC_CONSENT_KEY,
                next.sync_consent_host.as_deref().unwrap_or(""),
            )
        })?;
        *guard = next.clone();
        *lock(&self.screen_lang) = next.lang;
        Ok(next)
    }

    /// "Delete all my data": the profile with everything it owns, and the key in the keychain.
    /// The interface language is kept in memory so the confirmation is still in the user's language.
    pub fn delete_all_data(&self) -> Result<(), JobGateError> {
        let person = self.person()?;
        self.delete_api_key()?;
        self.delete_sync_key()?;
        if person.is_guest() {
            let exported = person.exported_files()?;
            *lock(&person.earlier_exports) = exported;
        }
        person.with_store(|store, p| {
            store.disable_sync()?;
            store.wipe_profile(p)
        })?;
        person.sync.set_on(false);
        lock(&person.sessions).clear();
        *lock(&person.screening) = None;
        let mut s = lock(&person.settings);
        s.ai_enabled = false;
        s.ai_consent_host = None;
        s.ai_base_url = None;
        s.ai_model = None;
        s.sync_url = None;
        s.sync_consent_host = None;
        Ok(())
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

/// The name a guest's AI key is kept under in their in-memory key store.
const GUEST_KEY_NAME: &str = "guest";

/// The data folder: `JOBGATE_DATA_DIR`, else the OS per-user data folder for Job Gate.
pub fn default_data_dir() -> PathBuf {
    jobgate_store::data_dir().unwrap_or_else(|_| PathBuf::from(".jobgate"))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock cannot leave these values half-written: they are replaced whole
    // or changed inside a database transaction.
    m.lock().unwrap_or_else(|p| p.into_inner())
}
