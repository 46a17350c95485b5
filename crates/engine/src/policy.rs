//! The machine-wide policy a career centre's administrator sets once (DESIGN §7): a TOML file in the OS's
//! machine-wide configuration place, or `JOBGATE_POLICY` (tests, kiosks).
//!
//! No file: nothing is imposed (a person's own computer). A file that cannot be read or understood is not
//! ignored: the safest settings apply and the problem is reported, so a typo never opens a shared machine up.
//! Front ends ask the policy; enforcing it in the data (passcodes, guests) is [`crate::people`]'s job.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the administrator can require. Field names are the TOML keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Every profile must have a passcode (and so is encrypted at rest).
    pub require_passcode: bool,
    /// The app starts as a guest and the CLI runs as a guest unless a profile is named.
    pub guest_by_default: bool,
    /// Lock the open profile after this many idle minutes (0: never).
    pub idle_lock_minutes: u32,
    /// Nothing of a guest outlives their session (a guest's data always lives in memory; this also clears the
    /// app's screens and exported-file list when the guest leaves).
    pub wipe_guests_on_exit: bool,
    /// AI may be switched on by a person (false: AI is off and cannot be switched on).
    pub allow_ai: bool,
    /// Sync may be switched on by a person.
    pub allow_sync: bool,
    /// The app may look for updates (when the person also allows it).
    pub allow_updates: bool,
}

impl Default for Policy {
    /// No policy: a person's own computer.
    fn default() -> Self {
        Policy {
            require_passcode: false,
            guest_by_default: false,
            idle_lock_minutes: 0,
            wipe_guests_on_exit: true,
            allow_ai: true,
            allow_sync: true,
            allow_updates: true,
        }
    }
}

impl Policy {
    /// What applies when a policy file exists but cannot be used.
    pub fn safest() -> Policy {
        Policy {
            require_passcode: true,
            guest_by_default: true,
            idle_lock_minutes: 5,
            wipe_guests_on_exit: true,
            allow_ai: false,
            allow_sync: false,
            allow_updates: false,
        }
    }
}

/// The policy in force and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedPolicy {
    pub policy: Policy,
    /// The file read, if any.
    pub source: Option<PathBuf>,
    /// Why the file could not be used (the safest settings apply then).
    pub problem: Option<String>,
}

/// The machine-wide place of the policy file on this OS.
pub fn machine_path() -> PathBuf {
    if cfg!(windows) {
        let base = std::env::var_os("ProgramData").unwrap_or_else(|| r"C:\ProgramData".into());
        Path::new(&base).join("JobGate").join("policy.toml")
    } else if cfg!(target_os = "macos") {
        PathBuf::from("/Library/Application Support/JobGate/policy.toml")
    } else {
        PathBuf::from("/etc/jobgate/policy.toml")
    }
}

/// The policy of this machine: `JOBGATE_POLICY` when set, else [`machine_path`].
pub fn load() -> LoadedPolicy {
    match std::env::var_os("JOBGATE_POLICY").filter(|p| !p.is_empty()) {
        Some(p) => load_from(Path::new(&p)),
        None => load_from(&machine_path()),
    }
}

/// The policy in `path`; a missing file is no policy.
pub fn load_from(path: &Path) -> LoadedPolicy {
    let text = match std::fs::read(path) {
        Ok(bytes) if bytes.len() > 64 * 1024 => Err("the file is larger than 64 KB".to_string()),
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return LoadedPolicy {
                policy: Policy::default(),
                source: None,
                problem: None,
            };
        }
        Err(e) => Err(e.to_string()),
    };
    match text.and_then(|t| toml::from_str::<Policy>(&t).map_err(|e| e.message().to_string())) {
        Ok(policy) => LoadedPolicy {
            policy,
            source: Some(path.to_path_buf()),
            problem: None,
        },
        Err(problem) => LoadedPolicy {
            policy: Policy::safest(),
            source: Some(path.to_path_buf()),
            problem: Some(format!("{}: {problem}", path.display())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn no_file_is_no_policy() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load_from(&dir.path().join("absent.toml"));
        assert_eq!(loaded.policy, Policy::default());
        assert!(loaded.problem.is_none() && loaded.source.is_none());
    }

    #[test]
    fn a_centre_policy_is_read() {
        let (_d, path) = write(
            "require_passcode = true\nguest_by_default = true\nidle_lock_minutes = 10\nallow_ai = false\n",
        );
        let loaded = load_from(&path);
        assert!(loaded.problem.is_none(), "{:?}", loaded.problem);
        let p = loaded.policy;
        assert!(p.require_passcode && p.guest_by_default && !p.allow_ai);
        assert_eq!(p.idle_lock_minutes, 10);
        // Keys left out keep their defaults.
        assert!(p.allow_sync && p.wipe_guests_on_exit);
    }

    #[test]
    fn a_broken_policy_applies_the_safest_settings_and_says_why() {
        for text in [
            "require_passcode = yes\n",
            "requre_passcode = true\n",
            "idle_lock_minutes = -3\n",
            "[",
        ] {
            let (_d, path) = write(text);
            let loaded = load_from(&path);
            assert_eq!(loaded.policy, Policy::safest(), "{text}");
            let problem = loaded.problem.expect("a problem is reported");
            assert!(problem.contains("policy.toml"), "{problem}");
        }
        let (_d, path) = write("");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert_eq!(load_from(&path).policy, Policy::safest());
    }
}
