//! Who uses the app: coming in, leaving (switch, lock, idle lock), profiles opened, created, protected and
//! wiped, and the exported files a wipe or a guest's leaving offers to delete.

use super::person::{Person, PersonView, WhoView};
use super::{AppState, lock, remove_files};
use jobgate_core::JobGateError;
use jobgate_core::{Phrase, Reason};
use jobgate_engine::people::{self, Who};
use jobgate_store::Store;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

impl AppState {
    /// Makes `person` the one using the app.
    /// Opens the named profile and makes it the person using the app (the one before leaves).
    fn switch_to(
        &self,
        name: &str,
        passcode: Option<&str>,
        has_passcode: bool,
    ) -> Result<(), JobGateError> {
        let opened = people::open(
            &self.data_dir,
            &self.policy.policy,
            &Who::Named(name.to_string()),
            passcode,
        )?;
        self.leave(false);
        self.enter(Person::new(opened, has_passcode, self.lang()));
        Ok(())
    }

    pub(super) fn enter(&self, person: Person) {
        *lock(&self.screen_lang) = lock(&person.settings).lang;
        self.cancel_ai_call();
        self.cancel_import();
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
    pub(super) fn leave(&self, lock_it: bool) {
        self.cancel_ai_call();
        self.cancel_import();
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
        self.switch_to(&entry.name, passcode, has_passcode)
    }

    /// A new profile (with a passcode, required when the policy says so), opened at once.
    pub fn create_profile(&self, name: &str, passcode: Option<&str>) -> Result<(), JobGateError> {
        let passcode = passcode.filter(|p| !p.is_empty());
        let mut profiles = self.profiles()?;
        let entry = people::create(&mut profiles, &self.policy.policy, name, passcode)?;
        drop(profiles);
        self.switch_to(&entry.name, passcode, entry.locked)
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

    pub(super) fn note_activity_now(&self) {
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
}
