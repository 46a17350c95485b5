//! People on one machine (DESIGN §7): a small index that reveals nothing but their names, and one database
//! file per person, encrypted with SQLCipher when the person set a passcode.
//!
//! In the data folder (created `0700` on Unix, every file `0600`):
//! - `profiles.sqlite3`: the index — id, name, created, whether locked (the Argon2id salt and parameters), wrong
//!   tries in a row. No CV data, no counts.
//! - `profiles/<id>.sqlite3`: one person's [`Store`]; plain, or encrypted page by page (WAL included) with the
//!   key derived from their passcode ([`crate::passcode`]).
//! - `jobgate.sqlite3`: the single database of earlier releases, split into one file per profile on first open
//!   (rows counted before the old file is shredded).
//!
//! Setting, changing or removing a passcode writes a re-encrypted copy (`.new`), records the new key
//! parameters with a "swap pending" mark in the index, then swaps the files; [`Profiles::open`] finishes a swap
//! a crash interrupted, so no state of the disk leaves a person without their data. Files that held data and
//! are no longer needed are overwritten with zeros before they are removed (see ARCHITECTURE.md for what that
//! does and does not protect). Guests get a database in memory ([`Store::open_in_memory`]): nothing of theirs
//! reaches the disk. This module knows nothing of keychains or policies: that is the engine's.

use crate::passcode::{self, KdfParams, Key};
use crate::{DB_FILE, Result, Store, db};
use jobgate_core::{JobGateError, Phrase, Reason};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The index file's name in the data folder.
pub const INDEX_FILE: &str = "profiles.sqlite3";
/// The folder of the per-person databases.
pub const PROFILES_DIR: &str = "profiles";
/// The first bytes of a profile exported for another machine (format 2: the name is inside the encrypted part).
pub const EXPORT_MAGIC: &[u8] = b"JOBGATE-PROFILE-2\n";
/// The first bytes of format 1, whose header named the profile in plain text; still read.
pub const EXPORT_MAGIC_V1: &[u8] = b"JOBGATE-PROFILE-1\n";
/// The table, inside an exported file's encrypted database, that holds the profile's name.
const EXPORT_NAME_TABLE: &str = "jobgate_profile_file";
/// Longest profile name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

const INDEX_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS profiles (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    kdf          TEXT,
    swap_pending INTEGER NOT NULL DEFAULT 0,
    failures     INTEGER NOT NULL DEFAULT 0,
    last_failure INTEGER NOT NULL DEFAULT 0
);";

/// One person on this machine, as the picker shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileEntry {
    pub id: String,
    pub name: String,
    /// Protected by a passcode (and so encrypted at rest).
    pub locked: bool,
    pub created_at: String,
}

/// How a locked profile's key is derived (stored as JSON in the index).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KdfRecord {
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

impl KdfRecord {
    fn new(params: KdfParams) -> Result<KdfRecord> {
        Ok(KdfRecord {
            params,
            salt: hex(&passcode::new_salt()?),
        })
    }

    fn key(&self, passcode: &str) -> Result<Key> {
        Key::derive(passcode, self.salt.as_bytes(), self.params)
    }
}

/// How the index keeps a profile's key parameters (JSON; `None` for a profile without a passcode).
fn kdf_text(kdf: Option<&KdfRecord>) -> Result<Option<String>> {
    kdf.map(serde_json::to_string)
        .transpose()
        .map_err(|e| JobGateError::internal(Reason::technical(e)))
}

struct Row {
    id: String,
    name: String,
    kdf: Option<KdfRecord>,
    failures: u32,
    last_failure: i64,
}

/// The people on this machine and their databases.
pub struct Profiles {
    dir: PathBuf,
    index: Connection,
    /// Key parameters for new passcodes.
    kdf: KdfParams,
    /// Seconds since the epoch; tests replace it to check the slow-down without waiting.
    clock: fn() -> i64,
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn io(path: &Path, e: std::io::Error) -> JobGateError {
    JobGateError::storage(
        Reason::from(Phrase::new("reason-store-file").cv("path", path.display().to_string()))
            .with_technical(e),
    )
}

/// Creates `dir` (and parents) readable by its owner only.
pub(crate) fn private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| io(dir, e))?;
    }
    Ok(())
}

/// The SQLite files that belong to a database path: the file, its WAL and its shared-memory index.
fn with_sidecars(path: &Path) -> [PathBuf; 4] {
    let s = path.as_os_str().to_owned();
    let add = |suffix: &str| {
        let mut p = s.clone();
        p.push(suffix);
        PathBuf::from(p)
    };
    [
        path.to_path_buf(),
        add("-wal"),
        add("-shm"),
        add("-journal"),
    ]
}

/// Overwrites a file with zeros, flushes it to disk and removes it. A missing file is fine.
pub(crate) fn shred(path: &Path) -> Result<()> {
    use std::io::Write;
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(path, e)),
    };
    {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| io(path, e))?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            f.write_all(&zeros[..n]).map_err(|e| io(path, e))?;
            left -= n as u64;
        }
        f.sync_all().map_err(|e| io(path, e))?;
    }
    std::fs::remove_file(path).map_err(|e| io(path, e))
}

/// Shreds a database file with its WAL, shared memory and journal.
fn shred_db(path: &Path) -> Result<()> {
    for p in with_sidecars(path) {
        shred(&p)?;
    }
    Ok(())
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    let bad = |p: Phrase| JobGateError::invalid_input("profile", p);
    if name.is_empty() {
        return Err(bad(Phrase::new("reason-profile-name-empty")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(bad(
            Phrase::new("reason-profile-name-too-long").count(MAX_NAME_CHARS)
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(bad(Phrase::new("reason-profile-name-control")));
    }
    Ok(name.to_string())
}

impl Profiles {
    /// Opens the index in `data_dir` (creating the folder and the index), splits a database of an earlier
    /// release into profiles, and finishes any file swap or shred a crash interrupted.
    pub fn open(data_dir: &Path) -> Result<Profiles> {
        private_dir(data_dir)?;
        private_dir(&data_dir.join(PROFILES_DIR))?;
        let index_path = data_dir.join(INDEX_FILE);
        let index = Connection::open(&index_path).map_err(db)?;
        crate::restrict_file(&index_path)?;
        index
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db)?;
        index
            .execute_batch(&format!(
                "PRAGMA secure_delete = ON; PRAGMA journal_mode = DELETE; {INDEX_SCHEMA}"
            ))
            .map_err(db)?;
        let mut profiles = Profiles {
            dir: data_dir.to_path_buf(),
            index,
            kdf: KdfParams::DEFAULT,
            clock: now_secs,
        };
        profiles.recover()?;
        profiles.migrate_legacy()?;
        Ok(profiles)
    }

    /// Uses other key parameters for passcodes set from now on (tests: [`KdfParams::FAST_FOR_TESTS`]).
    pub fn with_kdf(mut self, kdf: KdfParams) -> Profiles {
        self.kdf = kdf;
        self
    }

    /// Replaces the clock (seconds since the epoch) that times the slow-down after wrong passcodes.
    pub fn with_clock(mut self, clock: fn() -> i64) -> Profiles {
        self.clock = clock;
        self
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir.join(PROFILES_DIR).join(format!("{id}.sqlite3"))
    }

    fn suffixed(&self, id: &str, suffix: &str) -> PathBuf {
        self.dir
            .join(PROFILES_DIR)
            .join(format!("{id}.sqlite3.{suffix}"))
    }

    /// Everyone on this machine, by name.
    pub fn list(&self) -> Result<Vec<ProfileEntry>> {
        let mut st = self
            .index
            .prepare("SELECT id, name, kdf IS NOT NULL, created_at FROM profiles ORDER BY name COLLATE NOCASE")
            .map_err(db)?;
        let rows = st
            .query_map([], |r| {
                Ok(ProfileEntry {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    locked: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })
            .map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }

    /// The profile called `name` (names compare case-insensitively).
    pub fn find(&self, name: &str) -> Result<ProfileEntry> {
        let row = self.row(name)?;
        let created_at = self
            .index
            .query_row(
                "SELECT created_at FROM profiles WHERE id = ?1",
                [&row.id],
                |r| r.get(0),
            )
            .map_err(db)?;
        Ok(ProfileEntry {
            id: row.id,
            name: row.name,
            locked: row.kdf.is_some(),
            created_at,
        })
    }

    fn row(&self, name: &str) -> Result<Row> {
        self.index
            .query_row(
                "SELECT id, name, kdf, failures, last_failure FROM profiles WHERE name = ?1",
                [name.trim()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, u32>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                },
            )
            .optional()
            .map_err(db)?
            .map(|(id, name, kdf, failures, last_failure)| {
                let kdf = kdf
                    .map(|k: String| serde_json::from_str::<KdfRecord>(&k))
                    .transpose()
                    .map_err(|e| {
                        JobGateError::storage(
                            Reason::new("reason-store-profile-index").with_technical(e),
                        )
                    })?;
                Ok::<_, JobGateError>(Row {
                    id,
                    name,
                    kdf,
                    failures,
                    last_failure,
                })
            })
            .transpose()?
            .ok_or_else(|| JobGateError::ProfileNotFound {
                profile: name.trim().to_string(),
            })
    }

    /// A new profile, protected by `passcode` when given. Its database is created at once.
    pub fn create(&mut self, name: &str, passcode: Option<&str>) -> Result<ProfileEntry> {
        let name = check_name(name)?;
        if self.row(&name).is_ok() {
            return Err(JobGateError::invalid_input(
                "profile",
                Phrase::new("reason-profile-exists").cv("name", &name),
            ));
        }
        let id = uuid::Uuid::new_v4().to_string();
        let kdf = match passcode {
            Some(p) => {
                passcode::check_new(p)?;
                Some(KdfRecord::new(self.kdf)?)
            }
            None => None,
        };
        let key = match (&kdf, passcode) {
            (Some(k), Some(p)) => Some(k.key(p)?),
            _ => None,
        };
        // The database first, then the index row: a crash in between leaves an orphan file that the next
        // `recover` shreds, never a profile without its database.
        let path = self.file(&id);
        let mut store = Store::open_keyed(&path, key.as_ref())?;
        store.owner()?;
        drop(store);
        self.add_to_index(&id, &name, kdf.as_ref())
    }

    /// Records a profile whose database is in place.
    fn add_to_index(&self, id: &str, name: &str, kdf: Option<&KdfRecord>) -> Result<ProfileEntry> {
        self.index
            .execute(
                "INSERT INTO profiles (id, name, kdf) VALUES (?1, ?2, ?3)",
                params![id, name, kdf_text(kdf)?],
            )
            .map_err(db)?;
        self.find(name)
    }

    /// Opens the profile's database. A locked profile needs its passcode: without one the answer is
    /// `PROFILE_LOCKED`, with a wrong one `WRONG_PASSCODE` (after five wrong ones in a row, every further try
    /// first waits, see [`passcode::wait_after`]). A passcode given for an unlocked profile is not needed and
    /// is ignored.
    pub fn open_store(&mut self, name: &str, passcode: Option<&str>) -> Result<Store> {
        let row = self.row(name)?;
        if row.kdf.is_none() {
            return Store::open_keyed(&self.file(&row.id), None);
        }
        let Some(passcode) = passcode else {
            return Err(JobGateError::ProfileLocked { profile: row.name });
        };
        self.unlock(&row, passcode).map(|(_, store)| store)
    }

    /// Checks a locked profile's passcode without keeping its database open. Counts towards the slow-down like
    /// [`Profiles::open_store`].
    pub fn verify(&mut self, name: &str, passcode: &str) -> Result<()> {
        self.open_store(name, Some(passcode)).map(drop)
    }

    /// Derives the key of a locked profile from `passcode` and opens its database with it; counts wrong
    /// passcodes and makes every try after the free ones wait.
    fn unlock(&mut self, row: &Row, passcode: &str) -> Result<(Key, Store)> {
        let Some(kdf) = &row.kdf else {
            return Err(JobGateError::internal(Reason::new(
                "reason-profile-unlock-without-passcode",
            )));
        };
        self.check_wait(row)?;
        let key = kdf.key(passcode)?;
        match Store::open_keyed(&self.file(&row.id), Some(&key)) {
            Ok(store) => {
                self.index
                    .execute(
                        "UPDATE profiles SET failures = 0, last_failure = 0 WHERE id = ?1",
                        [&row.id],
                    )
                    .map_err(db)?;
                Ok((key, store))
            }
            Err(JobGateError::WrongPasscode { .. }) => Err(self.record_failure(row)?),
            Err(e) => Err(e),
        }
    }

    fn check_wait(&self, row: &Row) -> Result<()> {
        let wait = passcode::wait_after(row.failures) as i64;
        let left = row.last_failure + wait - (self.clock)();
        if wait > 0 && left > 0 {
            return Err(JobGateError::WrongPasscode {
                failures: row.failures,
                wait_seconds: left as u64,
            });
        }
        Ok(())
    }

    fn record_failure(&mut self, row: &Row) -> Result<JobGateError> {
        let failures = row.failures + 1;
        self.index
            .execute(
                "UPDATE profiles SET failures = ?1, last_failure = ?2 WHERE id = ?3",
                params![failures, (self.clock)(), row.id],
            )
            .map_err(db)?;
        Ok(JobGateError::WrongPasscode {
            failures,
            wait_seconds: passcode::wait_after(failures),
        })
    }

    /// Sets a passcode on an unlocked profile, or changes it (`current` must then be right): the database is
    /// re-encrypted with the new key.
    pub fn set_passcode(&mut self, name: &str, current: Option<&str>, new: &str) -> Result<()> {
        passcode::check_new(new)?;
        let row = self.row(name)?;
        let from = self.key_for(&row, current)?;
        let record = KdfRecord::new(self.kdf)?;
        let to = record.key(new)?;
        self.reencrypt(&row, from.as_ref(), Some((&to, &record)))
    }

    /// Removes the passcode of a locked profile (the right one must be given): the database is decrypted.
    pub fn remove_passcode(&mut self, name: &str, current: &str) -> Result<()> {
        let row = self.row(name)?;
        if row.kdf.is_none() {
            return Ok(());
        }
        let from = self.key_for(&row, Some(current))?;
        self.reencrypt(&row, from.as_ref(), None)
    }

    /// The current key of a profile: none when it is not locked, else derived from a passcode that must be right.
    fn key_for(&mut self, row: &Row, passcode: Option<&str>) -> Result<Option<Key>> {
        if row.kdf.is_none() {
            return Ok(None);
        }
        let Some(passcode) = passcode else {
            return Err(JobGateError::ProfileLocked {
                profile: row.name.clone(),
            });
        };
        self.unlock(row, passcode).map(|(key, _)| Some(key))
    }

    /// Writes the profile's database again under another key (`None`: plain) and swaps it in, crash-safely.
    fn reencrypt(
        &mut self,
        row: &Row,
        from: Option<&Key>,
        to: Option<(&Key, &KdfRecord)>,
    ) -> Result<()> {
        let path = self.file(&row.id);
        let new_path = self.suffixed(&row.id, "new");
        shred_db(&new_path)?;
        crate::export_copy(&path, from, &new_path, to.map(|(k, _)| k))?;
        self.index
            .execute(
                "UPDATE profiles SET kdf = ?1, swap_pending = 1, failures = 0, last_failure = 0 WHERE id = ?2",
                params![kdf_text(to.map(|(_, r)| r))?, row.id],
            )
            .map_err(db)?;
        self.finish_swap(&row.id)
    }

    /// Puts a complete `.new` file in place of the database and shreds the old one (step 3 of a key change).
    fn finish_swap(&mut self, id: &str) -> Result<()> {
        let path = self.file(id);
        let new_path = self.suffixed(id, "new");
        let old_path = self.suffixed(id, "old");
        if new_path.exists() {
            // The live database's WAL was checkpointed into the copy; move the file and its sidecars aside.
            for (from, to) in with_sidecars(&path).iter().zip(with_sidecars(&old_path)) {
                if from.exists() {
                    std::fs::rename(from, &to).map_err(|e| io(from, e))?;
                }
            }
            std::fs::rename(&new_path, &path).map_err(|e| io(&new_path, e))?;
        }
        self.index
            .execute("UPDATE profiles SET swap_pending = 0 WHERE id = ?1", [id])
            .map_err(db)?;
        shred_db(&old_path)
    }

    /// Wipes a person: their database (and any copy in progress) is overwritten and removed, and their row
    /// leaves the index. Keychain entries and exported files are the engine's and the app's to remove.
    pub fn wipe(&mut self, name: &str) -> Result<()> {
        let row = self.row(name)?;
        for suffix in ["new", "old"] {
            shred_db(&self.suffixed(&row.id, suffix))?;
        }
        shred_db(&self.file(&row.id))?;
        self.index
            .execute("DELETE FROM profiles WHERE id = ?1", [&row.id])
            .map_err(db)?;
        Ok(())
    }

    /// Writes one person's profile to `dest` as a single file for another machine, encrypted with
    /// `file_passcode` (Argon2id + SQLCipher, like a locked profile); the profile's own passcode is needed when it
    /// has one. The file is `EXPORT_MAGIC`, one JSON line (the key parameters and salt, nothing about the
    /// person), then the encrypted database, which holds the profile's name too: the file's bytes reveal nothing
    /// without the passcode. An existing file is not replaced.
    pub fn export_to(
        &mut self,
        name: &str,
        passcode: Option<&str>,
        file_passcode: &str,
        dest: &Path,
    ) -> Result<()> {
        passcode::check_new(file_passcode)?;
        let row = self.row(name)?;
        let from = self.key_for(&row, passcode)?;
        let record = KdfRecord::new(self.kdf)?;
        let key = record.key(file_passcode)?;
        if dest.exists() {
            return Err(JobGateError::FileExists {
                path: dest.display().to_string(),
            });
        }
        let tmp = self.suffixed(&row.id, "new");
        shred_db(&tmp)?;
        let header = serde_json::json!({ "kdf": record });
        let written = crate::export_copy(&self.file(&row.id), from.as_ref(), &tmp, Some(&key))
            .and_then(|()| write_export_name(&tmp, &key, &row.name))
            .and_then(|()| std::fs::read(&tmp).map_err(|e| io(&tmp, e)))
            .and_then(|db| {
                let mut out = EXPORT_MAGIC.to_vec();
                out.extend_from_slice(header.to_string().as_bytes());
                out.push(b'\n');
                out.extend_from_slice(&db);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                use std::io::Write;
                options
                    .open(dest)
                    .and_then(|mut f| f.write_all(&out).and_then(|_| f.sync_all()))
                    .map_err(|e| io(dest, e))
            });
        shred_db(&tmp)?;
        written
    }

    /// Brings in a profile exported by [`Profiles::export_to`] (this format, or format 1 of earlier releases):
    /// it arrives locked with the file's passcode (which can then be changed or removed), under its own name or
    /// `name`. A wrong passcode is `WRONG_PASSCODE`, a file that is not an exported profile `CORRUPTED_FILE`.
    pub fn import_from(
        &mut self,
        src: &Path,
        file_passcode: &str,
        name: Option<&str>,
    ) -> Result<ProfileEntry> {
        let bad_file = |id: &str| JobGateError::corrupted(Reason::new(id));
        let bytes = std::fs::read(src).map_err(|_| JobGateError::FileNotFound {
            path: src.display().to_string(),
        })?;
        let (rest, named_in_header) = if let Some(rest) = bytes.strip_prefix(EXPORT_MAGIC) {
            (rest, false)
        } else if let Some(rest) = bytes.strip_prefix(EXPORT_MAGIC_V1) {
            (rest, true)
        } else {
            return Err(bad_file("reason-profile-file-not-ours"));
        };
        let end = rest
            .iter()
            .take(4096)
            .position(|b| *b == b'\n')
            .ok_or_else(|| bad_file("reason-profile-file-no-header"))?;
        #[derive(Deserialize)]
        struct Header {
            /// Format 1 only.
            name: Option<String>,
            kdf: KdfRecord,
        }
        let header: Header = serde_json::from_slice(&rest[..end])
            .map_err(|_| bad_file("reason-profile-file-bad-header"))?;
        if named_in_header != header.name.is_some() {
            return Err(bad_file("reason-profile-file-bad-header"));
        }
        let chosen = name.map(check_name).transpose()?;
        let taken = |profiles: &Profiles, name: &str| {
            profiles.row(name).is_ok().then(|| {
                JobGateError::invalid_input(
                    "profile",
                    Phrase::new("reason-profile-exists-import").cv("name", name),
                )
            })
        };
        // Format 1 names the profile before anything is decrypted: a clash is reported at once.
        if let Some(n) = chosen.as_ref().or(header.name.as_ref())
            && let Some(e) = taken(self, n)
        {
            return Err(e);
        }
        let key = header.kdf.key(file_passcode)?;
        let id = uuid::Uuid::new_v4().to_string();
        let tmp = self.suffixed(&id, "new");
        crate::restrict_file(&tmp)?;
        std::fs::write(&tmp, &rest[end + 1..]).map_err(|e| io(&tmp, e))?;
        let opened = take_export_name(&tmp, &key)
            .and_then(|inside| {
                let name = match (chosen, header.name, inside) {
                    (Some(n), _, _) => n,
                    (None, Some(n), _) | (None, None, Some(n)) => check_name(&n)?,
                    (None, None, None) => {
                        return Err(bad_file("reason-profile-file-no-name"));
                    }
                };
                match taken(self, &name) {
                    Some(e) => Err(e),
                    None => Ok(name),
                }
            })
            .and_then(|name| {
                let mut store = Store::open_keyed(&tmp, Some(&key))?;
                // Another machine: its own device id for sync.
                store.forget_device()?;
                store.checkpoint()?;
                Ok(name)
            });
        let name = match opened {
            Ok(name) => name,
            Err(e) => {
                shred_db(&tmp)?;
                return Err(match e {
                    JobGateError::WrongPasscode { .. } => JobGateError::WrongPasscode {
                        failures: 0,
                        wait_seconds: 0,
                    },
                    other => other,
                });
            }
        };
        let path = self.file(&id);
        std::fs::rename(&tmp, &path).map_err(|e| io(&tmp, e))?;
        self.add_to_index(&id, &name, Some(&header.kdf))
    }

    /// Finishes what a crash interrupted: pending swaps, and copies half-written when it came (shredded). A
    /// database file no index row names is left alone: it may be all that is left of someone's data.
    fn recover(&mut self) -> Result<()> {
        let pending: Vec<String> = {
            let mut st = self
                .index
                .prepare("SELECT id FROM profiles WHERE swap_pending = 1")
                .map_err(db)?;
            st.query_map([], |r| r.get(0))
                .map_err(db)?
                .collect::<rusqlite::Result<_>>()
                .map_err(db)?
        };
        for id in pending {
            self.finish_swap(&id)?;
        }
        let dir = self.dir.join(PROFILES_DIR);
        let entries = std::fs::read_dir(&dir).map_err(|e| io(&dir, e))?;
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            // With every pending swap finished, a `.new` copy is one a crash cut short and an `.old` file one
            // whose replacement is in place.
            let Some((_, rest)) = file_name.split_once(".sqlite3") else {
                continue;
            };
            if rest.starts_with(".new") || rest.starts_with(".old") {
                shred(&entry.path())?;
            }
        }
        Ok(())
    }

    /// Splits the single database of an earlier release (`jobgate.sqlite3`) into one file per profile it
    /// holds, checks every row arrived, and shreds the old file. Nothing happens when there is none.
    fn migrate_legacy(&mut self) -> Result<()> {
        let legacy = self.dir.join(DB_FILE);
        if !legacy.exists() {
            return Ok(());
        }
        let old = Store::open_keyed(&legacy, None)?;
        old.checkpoint()?;
        let people = old.profiles()?;
        for person in &people {
            if self.row(&person.name).is_ok() {
                continue; // moved by an earlier, interrupted migration
            }
            let id = uuid::Uuid::new_v4().to_string();
            let path = self.file(&id);
            let tmp = self.suffixed(&id, "new");
            shred_db(&tmp)?;
            crate::export_copy(&legacy, None, &tmp, None)?;
            {
                let mut copy = Store::open_keyed(&tmp, None)?;
                copy.keep_only_profile(person.id)?;
                if copy.row_counts(person.id)? != old.row_counts(person.id)? {
                    return Err(JobGateError::storage(
                        Phrase::new("reason-store-split-lost-rows").cv("name", &person.name),
                    ));
                }
                copy.checkpoint()?;
            }
            std::fs::rename(&tmp, &path).map_err(|e| io(&tmp, e))?;
            let name =
                check_name(&person.name).unwrap_or_else(|_| format!("profile {}", person.id));
            self.index
                .execute(
                    "INSERT INTO profiles (id, name, created_at) VALUES (?1, ?2, ?3)",
                    params![id, name, person.created_at],
                )
                .map_err(db)?;
        }
        drop(old);
        shred_db(&legacy)
    }
}

/// Writes the profile's name into an exported copy's encrypted database (and checkpoints, so the file holds it).
fn write_export_name(path: &Path, key: &Key, name: &str) -> Result<()> {
    let conn = crate::connect(path, Some(key))?;
    conn.execute_batch(&format!(
        "CREATE TABLE {EXPORT_NAME_TABLE} (name TEXT NOT NULL);"
    ))
    .map_err(db)?;
    conn.execute(
        &format!("INSERT INTO {EXPORT_NAME_TABLE} (name) VALUES (?1)"),
        [name],
    )
    .map_err(db)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(db)?;
    Ok(())
}

/// Reads and removes the profile's name from an imported copy (`None` for a format 1 file, which has none
/// inside). A wrong key is `WRONG_PASSCODE`.
fn take_export_name(path: &Path, key: &Key) -> Result<Option<String>> {
    let conn = crate::connect(path, Some(key))?;
    let exists: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [EXPORT_NAME_TABLE],
            |r| r.get(0),
        )
        .map_err(db)?;
    if !exists {
        return Ok(None);
    }
    let name: Option<String> = conn
        .query_row(
            &format!("SELECT name FROM {EXPORT_NAME_TABLE} LIMIT 1"),
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(db)?;
    conn.execute_batch(&format!("DROP TABLE {EXPORT_NAME_TABLE};"))
        .map_err(db)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(db)?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(check_name("  ").is_err());
        assert!(check_name(&"x".repeat(65)).is_err());
        assert!(check_name("a\u{7}b").is_err());
        assert_eq!(check_name("  سلمى ناصر ").unwrap(), "سلمى ناصر");
    }

    #[test]
    fn sidecars_are_named_like_sqlite_names_them() {
        let [db, wal, shm, journal] = with_sidecars(Path::new("/x/a.sqlite3"));
        assert_eq!(db, Path::new("/x/a.sqlite3"));
        assert_eq!(wal, Path::new("/x/a.sqlite3-wal"));
        assert_eq!(shm, Path::new("/x/a.sqlite3-shm"));
        assert_eq!(journal, Path::new("/x/a.sqlite3-journal"));
    }
}
