//! The person's settings as the app holds them; what they are, their keys, defaults and parsing are the
//! engine's ([`jobgate_engine::settings`]).

use super::person::Person;
use super::{AppState, lock};
use jobgate_core::{JobGateError, Lang};
pub use jobgate_engine::settings::Settings;

impl Person {
    /// The person's saved settings; a language never chosen is the one on screen when they came.
    pub(super) fn load_settings(&self, lang: Lang) -> Result<Settings, JobGateError> {
        self.with_store(|store, p| Settings::load(store, p, lang))
    }
}

impl AppState {
    /// The person's settings (with AI off when the policy forbids it); defaults while nobody is signed in.
    pub fn settings(&self) -> Settings {
        let person = lock(&self.person).clone();
        let mut s = match person {
            Some(p) => lock(&p.settings).clone(),
            None => Settings::in_lang(*lock(&self.screen_lang)),
        };
        s.ai_enabled &= self.policy.policy.allow_ai;
        s
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
        person.with_store(|store, p| next.save(store, p))?;
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
        lock(&person.settings).forget_all();
        Ok(())
    }
}
