//! From a person's passcode to their database key, and the slow-down after wrong tries.
//!
//! The key is Argon2id (memory-hard) over the passcode in Unicode NFC, with a random salt and parameters kept
//! per profile in the index, so they can be raised later without locking anyone out. The key goes to SQLCipher
//! as a raw key (`x'…'`), so SQLCipher adds no key derivation of its own and unlocking costs one Argon2id run.
//! Keys and the hex text made from them are zeroed when dropped. Which profile is locked and how many wrong
//! tries it has seen is the index's business ([`crate::profiles`]).

use jobgate_core::{JobGateError, Phrase, Reason};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

/// Argon2id cost parameters, kept with each locked profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl KdfParams {
    /// What new passcodes get: 64 MiB, 3 passes, one lane — about 0.14 s on the 2-core development machine
    /// (docs/BENCHMARKS.md), well under the half second unlocking may take, and above OWASP's minimum for
    /// Argon2id (19 MiB, 2 passes).
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        lanes: 1,
    };

    /// Cheap parameters for tests that unlock many times; never used for real profiles.
    pub const FAST_FOR_TESTS: KdfParams = KdfParams {
        memory_kib: 256,
        iterations: 1,
        lanes: 1,
    };
}

/// A 256-bit database key.
pub struct Key(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// Derives the key for `passcode` (normalised to NFC, so the same Arabic passcode typed on two keyboards
    /// opens the same profile).
    pub fn derive(passcode: &str, salt: &[u8], params: KdfParams) -> Result<Key, JobGateError> {
        let passcode: Zeroizing<String> = Zeroizing::new(passcode.nfc().collect());
        let argon_params =
            argon2::Params::new(params.memory_kib, params.iterations, params.lanes, Some(32))
                .map_err(|e| {
                    JobGateError::storage(Reason::new("reason-passcode-key").with_technical(e))
                })?;
        let argon = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon_params,
        );
        let mut key = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passcode.as_bytes(), salt, key.as_mut())
            .map_err(|e| {
                JobGateError::storage(Reason::new("reason-passcode-key").with_technical(e))
            })?;
        Ok(Key(key))
    }

    /// The key as SQLCipher's raw-key literal, `"x'<64 hex digits>'"`, for `PRAGMA key` and `ATTACH … KEY`.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        let mut s = Zeroizing::new(String::with_capacity(68));
        s.push_str("\"x'");
        for b in self.0.iter() {
            s.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            s.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
        s.push_str("'\"");
        s
    }
}

/// A fresh random salt.
pub fn new_salt() -> Result<[u8; 16], JobGateError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| {
        JobGateError::storage(Reason::new("reason-passcode-no-randomness").with_technical(e))
    })?;
    Ok(salt)
}

/// Wrong passcodes in a row that cost nothing; after that each try waits longer.
pub const FREE_TRIES: u32 = 5;

/// Seconds to wait before the next try after `failures` wrong passcodes in a row: none for the first
/// [`FREE_TRIES`], then 30 s, doubling, at most an hour.
pub fn wait_after(failures: u32) -> u64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(7);
    (30u64 << doublings).min(3600)
}

/// Rejects passcodes nobody should use; the rest is the person's choice.
pub fn check_new(passcode: &str) -> Result<(), JobGateError> {
    if passcode.chars().count() < 4 {
        return Err(JobGateError::invalid_input(
            "passcode",
            Phrase::new("reason-passcode-too-short").count(4),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_passcode_same_key_other_salt_other_key() {
        let p = KdfParams::FAST_FOR_TESTS;
        let a = Key::derive("سر-1234", b"0123456789abcdef", p).unwrap();
        let b = Key::derive("سر-1234", b"0123456789abcdef", p).unwrap();
        let c = Key::derive("سر-1234", b"fedcba9876543210", p).unwrap();
        assert_eq!(*a.sql_literal(), *b.sql_literal());
        assert_ne!(*a.sql_literal(), *c.sql_literal());
        assert_eq!(a.sql_literal().len(), "\"x'".len() + 64 + "'\"".len());
    }

    #[test]
    fn passcodes_are_compared_in_nfc() {
        let p = KdfParams::FAST_FOR_TESTS;
        // "é" precomposed and decomposed.
        let a = Key::derive("caf\u{e9}1", b"0123456789abcdef", p).unwrap();
        let b = Key::derive("cafe\u{301}1", b"0123456789abcdef", p).unwrap();
        assert_eq!(*a.sql_literal(), *b.sql_literal());
    }

    #[test]
    fn slow_down_starts_after_five_and_is_capped() {
        assert_eq!(
            (0..=4).map(wait_after).collect::<Vec<_>>(),
            vec![0, 0, 0, 0, 0]
        );
        assert_eq!(wait_after(5), 30);
        assert_eq!(wait_after(6), 60);
        assert_eq!(wait_after(7), 120);
        assert_eq!(wait_after(40), 3600);
    }

    #[test]
    fn key_never_shows_in_debug() {
        let k = Key::derive("1234", b"0123456789abcdef", KdfParams::FAST_FOR_TESTS).unwrap();
        assert_eq!(format!("{k:?}"), "Key(…)");
    }
}
