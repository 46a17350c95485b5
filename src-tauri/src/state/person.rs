//! The person using the app now and everything of theirs the screens keep in Rust; how the UI sees them.

use super::lock;
use super::settings::Settings;
use jobgate_ai::keys::MemoryKeys;
use jobgate_core::{JobGateError, Lang};
use jobgate_engine::people::Opened;
use jobgate_engine::screening::Screening;
use jobgate_store::{ProfileId, Store};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// The person using the app now, and everything of theirs the screens keep in Rust.
pub struct Person {
    pub(super) store: Mutex<Store>,
    /// The profile's name (its keychain entries are under it); `None` for a guest.
    pub(super) profile: Option<String>,
    /// The profile has a passcode (its data is encrypted at rest).
    pub(super) has_passcode: AtomicBool,
    /// A guest's AI key: in memory only, gone with the guest.
    pub(super) guest_keys: Option<MemoryKeys>,
    pub(super) settings: Mutex<Settings>,
    /// Builder sessions opened since the person came; older ones are resumed from the store on first use.
    pub(super) sessions: Mutex<HashMap<String, jobgate_builder::Session>>,
    /// The last ranking of the Match screen, kept for "Save as CSV" and to say it again in another
    /// language, with the history CVs it ranked (their names to their ids).
    pub(super) screening: Mutex<Option<(Screening, HashMap<String, jobgate_store::CvId>)>>,
    /// A guest's exports recorded before "delete all my data" emptied their history: still theirs to be asked
    /// about when they leave.
    pub(super) earlier_exports: Mutex<Vec<String>>,
    /// Their sync runs (one at a time) and whether they have left (a run in flight then stops).
    pub(crate) sync: crate::sync::PersonSync,
}

impl Person {
    pub(super) fn new(opened: Opened, has_passcode: bool, lang: Lang) -> Person {
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
