//! The person's secrets: the AI key and the sync key, in the OS keychain (a guest's AI key in memory).

use super::person::Person;
use super::{AppState, lock};
use jobgate_ai::keys::KeyStore;
use jobgate_core::JobGateError;

impl AppState {
    /// The open person's key store and the name their key is kept under: a guest's is in memory.
    pub(super) fn with_keys<T>(
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
}

/// The name a guest's AI key is kept under in their in-memory key store.
const GUEST_KEY_NAME: &str = "guest";
