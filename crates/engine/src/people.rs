//! Who is using Job Gate (DESIGN §7): opening the right person's data under the machine's policy, guests,
//! and wipes that reach the keychain too. Both front ends come through here; the files and keys themselves
//! are [`jobgate_store::profiles`]'s.

use crate::policy::Policy;
use jobgate_ai::keys::KeyStore;
use jobgate_core::{JobGateError, Phrase};
use jobgate_store::profiles::{ProfileEntry, Profiles};
use jobgate_store::{DEFAULT_PROFILE, ProfileId, Store};
use std::path::Path;

/// Whose data a command works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// Nobody was named: the default profile, or a guest when the policy makes guests the default.
    Default,
    /// A profile by name.
    Named(String),
    /// A guest: a database in memory, nothing written that outlives the process.
    Guest,
}

/// The person's data, open.
pub struct Opened {
    pub store: Store,
    /// The person's row in their database (what the store's calls take).
    pub owner: ProfileId,
    /// The profile's name; `None` for a guest.
    pub profile: Option<String>,
}

impl Opened {
    pub fn is_guest(&self) -> bool {
        self.profile.is_none()
    }
}

/// Whether `name` is the default profile's (made on first use, or from an earlier release's single database).
/// Front ends show it under a label in the person's language; its name stays `default` for `--profile default`.
pub fn is_default(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case(DEFAULT_PROFILE)
}

/// A guest's empty database in memory.
pub fn guest() -> Result<Opened, JobGateError> {
    let mut store = Store::open_in_memory()?;
    let owner = store.owner()?;
    Ok(Opened {
        store,
        owner,
        profile: None,
    })
}

/// Opens the data of `who` in `data_dir`. The default profile is created on first use (with `passcode` when the
/// policy requires one). A locked profile needs `passcode`; a profile without a passcode on a machine whose
/// policy requires one is refused until one is set.
pub fn open(
    data_dir: &Path,
    policy: &Policy,
    who: &Who,
    passcode: Option<&str>,
) -> Result<Opened, JobGateError> {
    let name = match who {
        Who::Guest => return guest(),
        Who::Default if policy.guest_by_default => return guest(),
        Who::Default => DEFAULT_PROFILE,
        Who::Named(name) => name.as_str(),
    };
    let mut profiles = Profiles::open(data_dir)?;
    let entry = match profiles.find(name) {
        Ok(entry) => entry,
        Err(JobGateError::ProfileNotFound { .. }) if *who == Who::Default => {
            create(&mut profiles, policy, name, passcode)?
        }
        Err(e) => return Err(e),
    };
    check_policy(policy, &entry)?;
    let mut store = profiles.open_store(&entry.name, passcode)?;
    let owner = store.owner()?;
    Ok(Opened {
        store,
        owner,
        profile: Some(entry.name),
    })
}

/// A new profile; the policy may require a passcode.
pub fn create(
    profiles: &mut Profiles,
    policy: &Policy,
    name: &str,
    passcode: Option<&str>,
) -> Result<ProfileEntry, JobGateError> {
    if policy.require_passcode && passcode.is_none() {
        return Err(passcode_required(name));
    }
    profiles.create(name, passcode)
}

/// Refuses a profile without a passcode where the policy requires one.
pub fn check_policy(policy: &Policy, entry: &ProfileEntry) -> Result<(), JobGateError> {
    if policy.require_passcode && !entry.locked {
        return Err(passcode_required(&entry.name));
    }
    Ok(())
}

fn passcode_required(name: &str) -> JobGateError {
    JobGateError::invalid_input(
        "passcode",
        Phrase::new("reason-policy-requires-passcode-for").cv("name", name),
    )
}

/// Wipes a person: their database files (overwritten, then removed), their row in the index and their
/// keychain entries. Files they exported stay where they chose to save them (the app offers to delete them).
pub fn wipe(profiles: &mut Profiles, name: &str, keys: &dyn KeyStore) -> Result<(), JobGateError> {
    let entry = profiles.find(name)?;
    profiles.wipe(&entry.name)?;
    keys.delete_api_key(&entry.name)?;
    keys.delete_sync_key(&entry.name)
}
