//! The API key in the OS keychain (service `job-gate`, user = profile name), behind a small trait.
//!
//! [`Keychain`] talks to the platform store through `keyring-core`: Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows. Tests pass `keyring_core::mock::Store` to [`Keychain::with_store`] (in the
//! mock, entries of one store share their credentials) or use [`MemoryKeys`]. The key itself is never part of
//! an error message; keychain failures become [`JobGateError::StorageError`] with a reason in plain words.
//! Choosing which profile is active, and asking the user before the first call, is the app's job.

use crate::config::AiConfig;
use jobgate_core::{JobGateError, Phrase};
use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Keychain service name of every Job Gate secret.
pub const SERVICE: &str = "job-gate";

/// Keychain service name of the profiles' sync keys (user = profile name), apart from their AI keys.
pub const SYNC_SERVICE: &str = "job-gate-sync";

/// Saves, loads and deletes one API key per profile, and one sync key (the organisation's server, DESIGN §7).
pub trait KeyStore: Send + Sync {
    fn save_api_key(&self, profile: &str, key: &str) -> Result<(), JobGateError>;
    /// `Ok(None)` when no key was saved for the profile.
    fn load_api_key(&self, profile: &str) -> Result<Option<String>, JobGateError>;
    /// Deleting a key that is not there is not an error.
    fn delete_api_key(&self, profile: &str) -> Result<(), JobGateError>;

    /// The sync key is kept like the API key, under a name no profile can have (profile names hold no control
    /// characters); [`Keychain`] keeps it under its own service instead.
    fn save_sync_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        self.save_api_key(&sync_name(profile), key)
    }
    fn load_sync_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        self.load_api_key(&sync_name(profile))
    }
    fn delete_sync_key(&self, profile: &str) -> Result<(), JobGateError> {
        self.delete_api_key(&sync_name(profile))
    }
}

/// Where the default [`KeyStore`] methods keep a profile's sync key.
fn sync_name(profile: &str) -> String {
    format!("{profile}\u{1f}sync")
}

/// The OS keychain (or any `keyring-core` store).
pub struct Keychain {
    store: Arc<CredentialStore>,
}

impl std::fmt::Debug for Keychain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keychain")
            .field("store", &self.store.vendor())
            .finish()
    }
}

impl Keychain {
    /// The platform's keychain. Fails (with a reason) when it cannot be reached, e.g. no Secret Service running.
    pub fn os() -> Result<Keychain, JobGateError> {
        Ok(Keychain {
            store: platform_store().map_err(|e| keychain_error("open", &e))?,
        })
    }

    /// Any `keyring-core` store; tests pass `keyring_core::mock::Store::new()`.
    pub fn with_store(store: Arc<CredentialStore>) -> Keychain {
        Keychain { store }
    }

    fn entry(&self, profile: &str) -> Result<Entry, JobGateError> {
        self.entry_in(SERVICE, profile)
    }

    fn entry_in(&self, service: &str, profile: &str) -> Result<Entry, JobGateError> {
        check_profile(profile)?;
        Entry::new_in_store(&self.store, service, profile)
            .map_err(|e| keychain_error("open-entry", &e))
    }
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = dbus_secret_service_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(not(any(
    target_os = "macos",
    target_os = "windows",
    all(unix, not(any(target_os = "ios", target_os = "android")))
)))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NotSupportedByStore(
        "no keychain support on this platform".into(),
    ))
}

/// A keychain failure in words. Never formats the error's payload (`BadEncoding` carries the secret's bytes).
/// `action` is what could not be done (`$action` of `reason-keychain`).
fn keychain_error(action: &str, e: &KeyringError) -> JobGateError {
    let why = match e {
        KeyringError::NoStorageAccess(_) => "locked",
        KeyringError::PlatformFailure(_) | KeyringError::NoDefaultStore => "unavailable",
        KeyringError::NoEntry => "no-entry",
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => "damaged",
        KeyringError::TooLong(..) => "too-long",
        KeyringError::Ambiguous(_) => "ambiguous",
        _ => "refused",
    };
    JobGateError::storage(
        Phrase::new("reason-keychain")
            .value("action", action)
            .value("why", why),
    )
}

fn check_profile(profile: &str) -> Result<(), JobGateError> {
    if profile.trim().is_empty() || profile.chars().count() > 100 {
        return Err(JobGateError::invalid_input(
            "profile",
            Phrase::new("reason-keychain-profile-name").count(100),
        ));
    }
    Ok(())
}

/// The key as it will be sent: trimmed. Refused when empty, too long or containing spaces (a paste error).
fn check_key(key: &str) -> Result<&str, JobGateError> {
    let key = key.trim();
    let id = if key.is_empty() {
        "reason-api-key-empty"
    } else if key.len() > 512 {
        "reason-api-key-too-long"
    } else if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "reason-api-key-spaces"
    } else {
        return Ok(key);
    };
    Err(JobGateError::invalid_input("api_key", Phrase::new(id)))
}

impl KeyStore for Keychain {
    fn save_api_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        let key = check_key(key)?;
        self.entry(profile)?
            .set_password(key)
            .map_err(|e| keychain_error("save-api-key", &e))
    }

    fn load_api_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        match self.entry(profile)?.get_password() {
            Ok(k) => Ok(Some(k)),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error("read-api-key", &e)),
        }
    }

    fn delete_api_key(&self, profile: &str) -> Result<(), JobGateError> {
        match self.entry(profile)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error("delete-api-key", &e)),
        }
    }

    fn save_sync_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        let key = check_key(key)?;
        self.entry_in(SYNC_SERVICE, profile)?
            .set_password(key)
            .map_err(|e| keychain_error("save-sync-key", &e))
    }

    fn load_sync_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        match self.entry_in(SYNC_SERVICE, profile)?.get_password() {
            Ok(k) => Ok(Some(k)),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error("read-sync-key", &e)),
        }
    }

    fn delete_sync_key(&self, profile: &str) -> Result<(), JobGateError> {
        match self.entry_in(SYNC_SERVICE, profile)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error("delete-sync-key", &e)),
        }
    }
}

/// Keys in memory only (tests, and a session that must not touch the keychain).
#[derive(Default)]
pub struct MemoryKeys {
    keys: Mutex<HashMap<String, String>>,
}

impl std::fmt::Debug for MemoryKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemoryKeys { .. }")
    }
}

impl MemoryKeys {
    pub fn new() -> MemoryKeys {
        MemoryKeys::default()
    }
}

fn poisoned() -> JobGateError {
    JobGateError::storage(Phrase::new("reason-keys-poisoned"))
}

impl KeyStore for MemoryKeys {
    fn save_api_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        check_profile(profile)?;
        let key = check_key(key)?;
        self.keys
            .lock()
            .map_err(|_| poisoned())?
            .insert(profile.to_string(), key.to_string());
        Ok(())
    }

    fn load_api_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        check_profile(profile)?;
        Ok(self
            .keys
            .lock()
            .map_err(|_| poisoned())?
            .get(profile)
            .cloned())
    }

    fn delete_api_key(&self, profile: &str) -> Result<(), JobGateError> {
        check_profile(profile)?;
        self.keys.lock().map_err(|_| poisoned())?.remove(profile);
        Ok(())
    }
}

/// Saves `key` for `profile` in the OS keychain.
pub fn save_api_key(profile: &str, key: &str) -> Result<(), JobGateError> {
    Keychain::os()?.save_api_key(profile, key)
}

/// The key saved for `profile` in the OS keychain, if any.
pub fn load_api_key(profile: &str) -> Result<Option<String>, JobGateError> {
    Keychain::os()?.load_api_key(profile)
}

/// Removes the key saved for `profile` from the OS keychain.
pub fn delete_api_key(profile: &str) -> Result<(), JobGateError> {
    Keychain::os()?.delete_api_key(profile)
}

/// Fills `cfg.api_key` from `store` when it is still empty (the CLI: `OPENROUTER_API_KEY` first, then the
/// keychain). Returns whether a key is now set. A keychain that cannot be reached just means "no key".
pub fn fill_api_key(cfg: &mut AiConfig, store: &dyn KeyStore, profile: &str) -> bool {
    if cfg.api_key.trim().is_empty()
        && let Ok(Some(k)) = store.load_api_key(profile)
    {
        cfg.api_key = k;
    }
    !cfg.api_key.trim().is_empty()
}
