//! Local storage in SQLite (DESIGN §7): profiles, CVs and their immutable versions, analyses,
//! builder sessions with every turn, exports and settings.
//!
//! - One file, `jobgate.sqlite3`, in the data folder ([`data_dir`]: `JOBGATE_DATA_DIR` or the OS
//!   per-user folder for "Job Gate"), in WAL mode with foreign keys on and `secure_delete`, so a
//!   wiped profile leaves no readable rows behind.
//! - The schema is versioned ([`migrations`]); [`Store::open`] upgrades an older file in place.
//! - Every write is one transaction; a builder turn (its answer, the new state and, on `/done`,
//!   the CV version) is one transaction too, so a killed process loses at most the turn in flight.
//! - Profiles keep people on a shared machine apart; a profile can be locked with a passcode
//!   (only a salted hash is kept) and wiped with everything it owns.
//! - Settings never hold secrets: keys that look like credentials are refused (the API key lives
//!   in the OS keychain).
//!
//! This crate knows the contract types but not the builder's rules or the parser: it stores JSON.

pub mod migrations;
pub mod passcode;
pub mod profiles;
pub mod sync;

use jobgate_core::{AnalysisResponse, Cv, JobGateError, Phrase, Reason};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub type Result<T, E = JobGateError> = std::result::Result<T, E>;

/// The single database of earlier releases in the data folder; [`profiles::Profiles::open`] moves it into one
/// file per profile.
pub const DB_FILE: &str = "jobgate.sqlite3";
/// The profile used when nobody chose one.
pub const DEFAULT_PROFILE: &str = "default";

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// One person's space on a shared machine.
    ProfileId
);
id_type!(
    /// A CV: a line of versions.
    CvId
);
id_type!(
    /// One immutable snapshot of a CV.
    VersionId
);
id_type!(AnalysisId);
id_type!(ExportId);

/// Where a CV version came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum VersionSource {
    /// Parsed from an analysed file.
    Import,
    /// Made by the builder.
    Builder,
    /// Changed by the user (e.g. the builder reopened on a stored CV).
    Edit,
    /// Rewritten by the AI.
    Ai,
}

impl VersionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            VersionSource::Import => "import",
            VersionSource::Builder => "builder",
            VersionSource::Edit => "edit",
            VersionSource::Ai => "ai",
        }
    }

    fn parse(s: &str) -> VersionSource {
        match s {
            "builder" => VersionSource::Builder,
            "edit" => VersionSource::Edit,
            "ai" => VersionSource::Ai,
            _ => VersionSource::Import,
        }
    }
}

/// One stored version of a CV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CvVersion {
    pub id: VersionId,
    pub cv_id: CvId,
    /// 1, 2, 3… within the CV.
    pub number: i64,
    pub source: VersionSource,
    pub created_at: String,
    pub structured_data: Cv,
}

/// A CV as listed in the history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CvInfo {
    pub id: CvId,
    pub title: String,
    pub versions: i64,
    pub latest_version: VersionId,
    pub latest_source: VersionSource,
    pub created_at: String,
}

/// What [`Store::delete_cv`] removed besides the CV, and whether its rows left the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeleteReport {
    /// Cached AI answers deleted with the CV (those no other CV used).
    pub ai_answers_deleted: usize,
    /// The WAL was written back into the database file and emptied. When false (another reader kept it
    /// busy), the deleted rows may stay in the WAL file until the next checkpoint.
    pub wal_checkpointed: bool,
}

/// What [`Store::record_analysis`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordedAnalysis {
    pub analysis_id: AnalysisId,
    pub cv_id: CvId,
    /// The version holding the analysed `structured_data` (an existing one when nothing changed).
    pub version_id: VersionId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnalysisInfo {
    pub id: AnalysisId,
    pub file_name: String,
    pub sha256: String,
    pub ats_score: f64,
    pub cv_id: Option<CvId>,
    pub version_id: Option<VersionId>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionInfo {
    pub id: String,
    pub lang: String,
    pub current_state: String,
    pub cv_id: Option<CvId>,
    pub turns: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExportInfo {
    pub id: ExportId,
    pub version_id: Option<VersionId>,
    pub path: String,
    pub format: String,
    pub template: String,
    pub created_at: String,
}

/// A CV's newest version, for matching CVs kept in the history ([`Store::latest_analysed`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LatestAnalysed {
    pub cv_id: CvId,
    pub title: String,
    /// The file name of the CV's newest analysis (of any version), when it was ever analysed.
    pub file_name: Option<String>,
    pub version: CvVersion,
    /// The newest analysis of exactly this version; `None` when the version was edited or built
    /// after the last analysis (its score would describe other content).
    pub analysis: Option<AnalysisResponse>,
}

/// Everything one profile has done, newest first (`jobgate history`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct History {
    pub profile: String,
    pub cvs: Vec<CvInfo>,
    pub analyses: Vec<AnalysisInfo>,
    pub sessions: Vec<SessionInfo>,
    pub exports: Vec<ExportInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileInfo {
    pub id: ProfileId,
    pub name: String,
    pub locked: bool,
    pub created_at: String,
}

/// A builder session as stored: the builder's own state (opaque JSON) and its last response.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub id: String,
    pub profile: ProfileId,
    pub cv_id: Option<CvId>,
    pub lang: String,
    pub current_state: String,
    pub state_json: String,
    pub last_response_json: String,
    pub turns: i64,
}

/// One builder turn to persist, atomically.
#[derive(Debug, Clone, Copy)]
pub struct TurnRecord<'a> {
    pub session_id: &'a str,
    /// What the user typed, as typed.
    pub answer: &'a str,
    pub current_state: &'a str,
    pub state_json: &'a str,
    pub response_json: &'a str,
    /// Set on `/done`: the CV to save as a new version (the session's CV, created if it has none).
    pub finalized: Option<(&'a Cv, VersionSource)>,
}

/// What [`Store::save_turn`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedTurn {
    pub number: i64,
    /// The CV and version written on `/done`.
    pub version: Option<(CvId, VersionId)>,
}

/// Deletes the cached AI answers used for `cv` that no other CV of the profile used. Run before the CV
/// itself is deleted (its `ai_cache_uses` rows go with it).
pub(crate) fn forget_ai_answers_of(tx: &Transaction, cv: CvId) -> Result<usize> {
    tx.execute(
        "DELETE FROM ai_cache
         WHERE EXISTS (SELECT 1 FROM ai_cache_uses u
                       WHERE u.cv_id = ?1 AND u.key = ai_cache.key AND u.profile_id = ai_cache.profile_id)
           AND NOT EXISTS (SELECT 1 FROM ai_cache_uses o
                           WHERE o.cv_id <> ?1 AND o.key = ai_cache.key AND o.profile_id = ai_cache.profile_id)",
        [cv.0],
    )
    .map_err(db)
}

pub(crate) fn db(e: rusqlite::Error) -> JobGateError {
    JobGateError::storage(Reason::technical(e))
}

pub(crate) fn json_err(e: serde_json::Error) -> JobGateError {
    JobGateError::storage(Reason::new("reason-store-stored-json").with_technical(e))
}

/// Hex SHA-256 of some bytes (the analysed file's fingerprint).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The data folder: `JOBGATE_DATA_DIR` when set, else the OS per-user data folder for "Job Gate".
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("JOBGATE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Job Gate")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| JobGateError::storage(Reason::new("reason-store-no-home")))
}

/// Setting keys that look like credentials: those belong in the OS keychain, never in the database.
fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase().replace(['-', '.', ' '], "_");
    [
        "api_key", "apikey", "secret", "token", "password", "passcode",
    ]
    .iter()
    .any(|s| k.contains(s))
}

/// A CV title from its content: the person's name and headline, else a fallback.
fn cv_title(cv: &Cv, fallback: &str) -> String {
    let p = &cv.personal_info;
    let title = match (p.name.trim(), p.headline.trim()) {
        ("", "") => fallback.trim().to_string(),
        (n, "") => n.to_string(),
        ("", h) => h.to_string(),
        (n, h) => format!("{n} — {h}"),
    };
    if title.is_empty() {
        "CV".to_string()
    } else {
        title
    }
}

/// The Job Gate database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The schema version the file had before [`Store::open`] upgraded it.
    opened_at_version: i64,
}

/// Makes a database file readable by its owner only (SQLite gives its WAL and shared-memory files the
/// database's permissions); creates it empty when missing, so it never exists with looser ones.
pub(crate) fn restrict_file(path: &Path) -> Result<()> {
    let io = |e: std::io::Error| {
        JobGateError::storage(
            Reason::from(Phrase::new("reason-store-file").cv("path", path.display().to_string()))
                .with_technical(e),
        )
    };
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        options.open(path).map_err(io)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    #[cfg(not(unix))]
    options.open(path).map_err(io)?;
    Ok(())
}

/// A connection to the database at `path`, opened with `key` when it is encrypted. A wrong key is
/// `WRONG_PASSCODE` (the profile index counts those); the schema is not touched.
pub(crate) fn connect(path: &Path, key: Option<&passcode::Key>) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        profiles::private_dir(dir)?;
    }
    restrict_file(path)?;
    let conn = Connection::open(path).map_err(db)?;
    // SQLCipher logs a wrong key to stderr by default; a wrong passcode is our error to report, in words.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")
        .map_err(db)?;
    if let Some(key) = key {
        conn.execute_batch(&format!("PRAGMA key = {};", key.sql_literal().as_str()))
            .map_err(db)?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase && key.is_some() =>
        {
            Err(JobGateError::WrongPasscode {
                failures: 0,
                wait_seconds: 0,
            })
        }
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(JobGateError::storage(
                Phrase::new("reason-store-not-a-database").cv("path", path.display().to_string()),
            ))
        }
        Err(e) => Err(db(e)),
    }
}

/// Writes a copy of the database at `from` (opened with `from_key`) to `to`, encrypted with `to_key` or plain,
/// with the same schema version (SQLCipher's `sqlcipher_export`). Used to set, change or remove a passcode and
/// to split the database of earlier releases.
pub(crate) fn export_copy(
    from: &Path,
    from_key: Option<&passcode::Key>,
    to: &Path,
    to_key: Option<&passcode::Key>,
) -> Result<()> {
    let conn = connect(from, from_key)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(db)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(db)?;
    restrict_file(to)?;
    let target_key = match to_key {
        Some(k) => k.sql_literal(),
        None => zeroize::Zeroizing::new("''".to_string()),
    };
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS target KEY {}", target_key.as_str()),
        [to.to_string_lossy()],
    )
    .map_err(db)?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))
        .and_then(|_| conn.execute_batch(&format!("PRAGMA target.user_version = {version};")));
    let detached = conn.execute_batch("DETACH DATABASE target");
    exported.and(detached).map_err(db)
}

impl Store {
    /// Opens (creating it and its folder if needed, both private to the user) and upgrades the plain database
    /// at `path`. People's databases are opened through [`profiles::Profiles`], which knows their keys.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_keyed(path.as_ref(), None)
    }

    /// Like [`Store::open`], for a database encrypted with `key` (`WRONG_PASSCODE` when it is not its key).
    pub fn open_keyed(path: &Path, key: Option<&passcode::Key>) -> Result<Store> {
        let conn = connect(path, key)?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A database in memory (benchmarks, tests of code that needs a store but not a file).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory().map_err(db)?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db)?;
        if path.is_some() {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(db)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(JobGateError::storage(
                    Reason::new("reason-store-no-wal")
                        .with_technical(format_args!("journal_mode={mode}")),
                ));
            }
        }
        // NORMAL in WAL: a committed turn survives the app being killed; only a power cut can lose
        // the last commits, never corrupt the file.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;",
        )
        .map_err(db)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db)?;
        if version > migrations::CURRENT_VERSION {
            return Err(JobGateError::storage(
                Phrase::new("reason-store-newer-schema")
                    .value("version", version)
                    .value("known", migrations::CURRENT_VERSION),
            ));
        }
        let opened_at_version = migrations::migrate(&mut conn).map_err(db)?;
        Ok(Store {
            conn,
            path,
            opened_at_version,
        })
    }

    /// The database file (None in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version now (after any upgrade).
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db)
    }

    /// The schema version the file had when opened (0 for a new file).
    pub fn opened_at_version(&self) -> i64 {
        self.opened_at_version
    }

    // ---- profiles -------------------------------------------------------------------------

    /// The profile called `name`, created if it does not exist yet.
    pub fn profile(&mut self, name: &str) -> Result<ProfileId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(JobGateError::invalid_input(
                "profile",
                Reason::new("reason-profile-name-empty"),
            ));
        }
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO profiles (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )
        .map_err(db)?;
        let id = tx
            .query_row("SELECT id FROM profiles WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(ProfileId(id))
    }

    /// The profile used when nobody chose one.
    pub fn default_profile(&mut self) -> Result<ProfileId> {
        self.profile(DEFAULT_PROFILE)
    }

    pub fn profiles(&self) -> Result<Vec<ProfileInfo>> {
        let mut st = self
            .conn
            .prepare("SELECT id, name, lock_hash IS NOT NULL, created_at FROM profiles ORDER BY id")
            .map_err(db)?;
        let rows = st
            .query_map([], |r| {
                Ok(ProfileInfo {
                    id: ProfileId(r.get(0)?),
                    name: r.get(1)?,
                    locked: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })
            .map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }

    /// The person this database belongs to: its first profile row (a person's own file has one), created as
    /// [`DEFAULT_PROFILE`] in a new database.
    pub fn owner(&mut self) -> Result<ProfileId> {
        let first: Option<i64> = self
            .conn
            .query_row("SELECT id FROM profiles ORDER BY id LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)?;
        match first {
            Some(id) => Ok(ProfileId(id)),
            None => self.default_profile(),
        }
    }

    /// Writes the WAL back into the database file and empties it.
    pub fn checkpoint(&self) -> Result<()> {
        if self.path.is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(db)?;
        }
        Ok(())
    }

    /// Deletes every profile but `p` with everything they own, and compacts the file (a copy of a shared
    /// database becoming one person's).
    pub(crate) fn keep_only_profile(&mut self, p: ProfileId) -> Result<()> {
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute("DELETE FROM profiles WHERE id <> ?1", [p.0])
            .map_err(db)?;
        tx.commit().map_err(db)?;
        self.checkpoint()?;
        self.conn.execute_batch("VACUUM").map_err(db)
    }

    /// How many rows of each kind profile `p` owns (to check a copy lost nothing).
    pub(crate) fn row_counts(&self, p: ProfileId) -> Result<Vec<i64>> {
        [
            "SELECT count(*) FROM cvs WHERE profile_id = ?1",
            "SELECT count(*) FROM cv_versions JOIN cvs ON cvs.id = cv_id WHERE profile_id = ?1",
            "SELECT count(*) FROM analyses WHERE profile_id = ?1",
            "SELECT count(*) FROM settings WHERE profile_id = ?1",
            "SELECT count(*) FROM builder_sessions WHERE profile_id = ?1",
            "SELECT count(*) FROM builder_turns JOIN builder_sessions s ON s.id = session_id WHERE profile_id = ?1",
            "SELECT count(*) FROM exports WHERE profile_id = ?1",
            "SELECT count(*) FROM ai_cache WHERE profile_id = ?1",
        ]
        .iter()
        .map(|sql| self.conn.query_row(sql, [p.0], |r| r.get(0)).map_err(db))
        .collect()
    }

    /// Deletes the profile and everything it owns (CVs, versions, analyses, sessions, exports,
    /// settings). `secure_delete` zeroes the freed pages and the WAL is checkpointed, so the data
    /// is gone from the file too.
    pub fn wipe_profile(&mut self, p: ProfileId) -> Result<()> {
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute("DELETE FROM profiles WHERE id = ?1", [p.0])
            .map_err(db)?;
        tx.commit().map_err(db)?;
        self.checkpoint()
    }

    // ---- CVs and versions -------------------------------------------------------------------

    fn insert_cv(tx: &Transaction, p: ProfileId, title: &str) -> Result<CvId> {
        tx.execute(
            "INSERT INTO cvs (profile_id, title) VALUES (?1, ?2)",
            params![p.0, title],
        )
        .map_err(db)?;
        let id = tx.last_insert_rowid();
        sync::queue_upsert(tx, sync::Entity::Cv, sync::RowId::Int(id))?;
        Ok(CvId(id))
    }

    fn insert_version(
        tx: &Transaction,
        cv: CvId,
        source: VersionSource,
        data: &Cv,
    ) -> Result<VersionId> {
        let json = serde_json::to_string(data).map_err(json_err)?;
        tx.execute(
            "INSERT INTO cv_versions (cv_id, number, source, data)
             VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM cv_versions WHERE cv_id = ?1), ?2, ?3)",
            params![cv.0, source.as_str(), json],
        )
        .map_err(db)?;
        let id = tx.last_insert_rowid();
        sync::queue_upsert(tx, sync::Entity::CvVersion, sync::RowId::Int(id))?;
        Ok(VersionId(id))
    }

    fn cv_profile(conn: &Connection, cv: CvId) -> Result<ProfileId> {
        conn.query_row("SELECT profile_id FROM cvs WHERE id = ?1", [cv.0], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db)?
        .map(ProfileId)
        .ok_or_else(|| {
            JobGateError::invalid_input("cv", Phrase::new("reason-no-cv").value("id", cv))
        })
    }

    /// A new CV with its first version.
    pub fn create_cv(
        &mut self,
        p: ProfileId,
        source: VersionSource,
        data: &Cv,
    ) -> Result<(CvId, VersionId)> {
        let tx = self.conn.transaction().map_err(db)?;
        let cv = Store::insert_cv(&tx, p, &cv_title(data, "CV"))?;
        let v = Store::insert_version(&tx, cv, source, data)?;
        tx.commit().map_err(db)?;
        Ok((cv, v))
    }

    /// A new version of an existing CV (versions are never changed in place).
    pub fn add_version(&mut self, cv: CvId, source: VersionSource, data: &Cv) -> Result<VersionId> {
        Store::cv_profile(&self.conn, cv)?;
        let tx = self.conn.transaction().map_err(db)?;
        let v = Store::insert_version(&tx, cv, source, data)?;
        tx.commit().map_err(db)?;
        Ok(v)
    }

    fn version_from_row(r: &rusqlite::Row) -> rusqlite::Result<(CvVersion, String)> {
        let source: String = r.get(3)?;
        Ok((
            CvVersion {
                id: VersionId(r.get(0)?),
                cv_id: CvId(r.get(1)?),
                number: r.get(2)?,
                source: VersionSource::parse(&source),
                created_at: r.get(5)?,
                structured_data: Cv::default(),
            },
            r.get(4)?,
        ))
    }

    /// Every version of a CV, oldest first.
    pub fn versions(&self, cv: CvId) -> Result<Vec<CvVersion>> {
        Store::cv_profile(&self.conn, cv)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, cv_id, number, source, data, created_at FROM cv_versions
                 WHERE cv_id = ?1 ORDER BY number",
            )
            .map_err(db)?;
        let rows = st.query_map([cv.0], Store::version_from_row).map_err(db)?;
        let mut out = Vec::new();
        for row in rows {
            let (mut v, json) = row.map_err(db)?;
            v.structured_data = serde_json::from_str(&json).map_err(json_err)?;
            out.push(v);
        }
        Ok(out)
    }

    /// One version by id.
    pub fn version(&self, id: VersionId) -> Result<CvVersion> {
        let (mut v, json) = self
            .conn
            .query_row(
                "SELECT id, cv_id, number, source, data, created_at FROM cv_versions WHERE id = ?1",
                [id.0],
                Store::version_from_row,
            )
            .optional()
            .map_err(db)?
            .ok_or_else(|| {
                JobGateError::invalid_input(
                    "version",
                    Phrase::new("reason-no-cv-version").value("id", id),
                )
            })?;
        Store::cv_profile(&self.conn, v.cv_id)?;
        v.structured_data = serde_json::from_str(&json).map_err(json_err)?;
        Ok(v)
    }

    /// The newest version of a CV.
    pub fn latest_version(&self, cv: CvId) -> Result<CvVersion> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT MAX(id) FROM cv_versions WHERE cv_id = ?1",
                [cv.0],
                |r| r.get(0),
            )
            .map_err(db)?;
        match id {
            Some(id) => self.version(VersionId(id)),
            None => Err(JobGateError::invalid_input(
                "cv",
                Phrase::new("reason-no-cv").value("id", cv),
            )),
        }
    }

    /// The profile's CVs, newest first.
    pub fn cvs(&self, p: ProfileId) -> Result<Vec<CvInfo>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT c.id, c.title, n, latest, c.created_at,
                        (SELECT source FROM cv_versions WHERE id = latest)
                 FROM cvs c
                 JOIN (SELECT cv_id, COUNT(*) AS n, MAX(id) AS latest FROM cv_versions GROUP BY cv_id) v
                   ON v.cv_id = c.id
                 WHERE c.profile_id = ?1 ORDER BY c.id DESC",
            )
            .map_err(db)?;
        let rows = st
            .query_map([p.0], |r| {
                let source: String = r.get(5)?;
                Ok(CvInfo {
                    id: CvId(r.get(0)?),
                    title: r.get(1)?,
                    versions: r.get(2)?,
                    latest_version: VersionId(r.get(3)?),
                    created_at: r.get(4)?,
                    latest_source: VersionSource::parse(&source),
                })
            })
            .map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }

    // ---- analyses and exports --------------------------------------------------------------

    /// Stores an analysis and its `structured_data` as a CV version (source `import`). The same
    /// file (same SHA-256) analysed again goes to the same CV; a new version is added only when
    /// the structured data changed.
    pub fn record_analysis(
        &mut self,
        p: ProfileId,
        file_name: &str,
        sha256: &str,
        response: &AnalysisResponse,
    ) -> Result<RecordedAnalysis> {
        let json = serde_json::to_string(response).map_err(json_err)?;
        let tx = self.conn.transaction().map_err(db)?;
        let earlier: Option<i64> = tx
            .query_row(
                "SELECT v.cv_id FROM analyses a JOIN cv_versions v ON v.id = a.cv_version_id
                 WHERE a.profile_id = ?1 AND a.sha256 = ?2 ORDER BY a.id DESC LIMIT 1",
                params![p.0, sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        let (cv, version) = match earlier {
            Some(cv) => {
                let cv = CvId(cv);
                let (vid, data): (i64, String) = tx
                    .query_row(
                        "SELECT id, data FROM cv_versions WHERE cv_id = ?1 ORDER BY number DESC LIMIT 1",
                        [cv.0],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .map_err(db)?;
                let latest: Cv = serde_json::from_str(&data).unwrap_or_default();
                if latest == response.structured_data {
                    (cv, VersionId(vid))
                } else {
                    let v = Store::insert_version(
                        &tx,
                        cv,
                        VersionSource::Import,
                        &response.structured_data,
                    )?;
                    (cv, v)
                }
            }
            None => {
                let cv = Store::insert_cv(&tx, p, &cv_title(&response.structured_data, file_name))?;
                let v = Store::insert_version(
                    &tx,
                    cv,
                    VersionSource::Import,
                    &response.structured_data,
                )?;
                (cv, v)
            }
        };
        tx.execute(
            "INSERT INTO analyses (profile_id, cv_version_id, file_name, sha256, ats_score, response)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![p.0, version.0, file_name, sha256, response.ats_score, json],
        )
        .map_err(db)?;
        let id = AnalysisId(tx.last_insert_rowid());
        sync::queue_upsert(&tx, sync::Entity::Analysis, sync::RowId::Int(id.0))?;
        tx.commit().map_err(db)?;
        Ok(RecordedAnalysis {
            analysis_id: id,
            cv_id: cv,
            version_id: version,
        })
    }

    /// The stored analysis response.
    pub fn analysis(&self, id: AnalysisId) -> Result<AnalysisResponse> {
        let (_profile, json): (i64, String) = self
            .conn
            .query_row(
                "SELECT profile_id, response FROM analyses WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db)?
            .ok_or_else(|| {
                JobGateError::invalid_input(
                    "analysis",
                    Phrase::new("reason-no-analysis").value("id", id),
                )
            })?;
        serde_json::from_str(&json).map_err(json_err)
    }

    /// Records a written export file.
    pub fn record_export(
        &mut self,
        p: ProfileId,
        version: Option<VersionId>,
        path: &str,
        format: &str,
        template: &str,
    ) -> Result<ExportId> {
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO exports (profile_id, cv_version_id, path, format, template)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.0, version.map(|v| v.0), path, format, template],
        )
        .map_err(db)?;
        let id = ExportId(tx.last_insert_rowid());
        sync::queue_upsert(&tx, sync::Entity::Export, sync::RowId::Int(id.0))?;
        tx.commit().map_err(db)?;
        Ok(id)
    }

    /// Everything the profile has done, newest first.
    pub fn history(&self, p: ProfileId) -> Result<History> {
        let profile: String = self
            .conn
            .query_row("SELECT name FROM profiles WHERE id = ?1", [p.0], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)?
            .ok_or_else(|| {
                JobGateError::storage(Phrase::new("reason-store-no-profile-row").value("id", p))
            })?;
        let mut st = self
            .conn
            .prepare(
                "SELECT a.id, a.file_name, a.sha256, a.ats_score, v.cv_id, a.cv_version_id, a.created_at
                 FROM analyses a LEFT JOIN cv_versions v ON v.id = a.cv_version_id
                 WHERE a.profile_id = ?1 ORDER BY a.id DESC",
            )
            .map_err(db)?;
        let analyses = st
            .query_map([p.0], |r| {
                Ok(AnalysisInfo {
                    id: AnalysisId(r.get(0)?),
                    file_name: r.get(1)?,
                    sha256: r.get(2)?,
                    ats_score: r.get(3)?,
                    cv_id: r.get::<_, Option<i64>>(4)?.map(CvId),
                    version_id: r.get::<_, Option<i64>>(5)?.map(VersionId),
                    created_at: r.get(6)?,
                })
            })
            .map_err(db)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(db)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, cv_version_id, path, format, template, created_at FROM exports
                 WHERE profile_id = ?1 ORDER BY id DESC",
            )
            .map_err(db)?;
        let exports = st
            .query_map([p.0], |r| {
                Ok(ExportInfo {
                    id: ExportId(r.get(0)?),
                    version_id: r.get::<_, Option<i64>>(1)?.map(VersionId),
                    path: r.get(2)?,
                    format: r.get(3)?,
                    template: r.get(4)?,
                    created_at: r.get(5)?,
                })
            })
            .map_err(db)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(db)?;
        Ok(History {
            profile,
            cvs: self.cvs(p)?,
            analyses,
            sessions: self.sessions(p)?,
            exports,
        })
    }

    /// A CV's newest version with what matching needs (see [`LatestAnalysed`]).
    pub fn latest_analysed(&self, cv: CvId) -> Result<LatestAnalysed> {
        Store::cv_profile(&self.conn, cv)?;
        let title: String = self
            .conn
            .query_row("SELECT title FROM cvs WHERE id = ?1", [cv.0], |r| r.get(0))
            .map_err(db)?;
        let version = self.latest_version(cv)?;
        let analysis: Option<String> = self
            .conn
            .query_row(
                "SELECT response FROM analyses WHERE cv_version_id = ?1 ORDER BY id DESC LIMIT 1",
                [version.id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        let file_name: Option<String> = self
            .conn
            .query_row(
                "SELECT a.file_name FROM analyses a JOIN cv_versions v ON v.id = a.cv_version_id
                 WHERE v.cv_id = ?1 ORDER BY a.id DESC LIMIT 1",
                [cv.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        Ok(LatestAnalysed {
            cv_id: cv,
            title,
            file_name,
            analysis: analysis
                .map(|json| serde_json::from_str(&json).map_err(json_err))
                .transpose()?,
            version,
        })
    }

    /// Deletes a CV of profile `p` with all its versions, the rows of its analyses and exports, its
    /// builder sessions and the AI answers cached for it (those no other CV used), in one transaction;
    /// then writes the WAL back into the database file, so the deleted rows leave it. Exported files on
    /// disk are left alone (the user saved them). The report says whether the WAL could be emptied.
    pub fn delete_cv(&mut self, p: ProfileId, cv: CvId) -> Result<DeleteReport> {
        if Store::cv_profile(&self.conn, cv)? != p {
            return Err(JobGateError::invalid_input(
                "cv",
                Phrase::new("reason-no-cv").value("id", cv),
            ));
        }
        let tx = self.conn.transaction().map_err(db)?;
        for (entity, uuid) in sync::cv_family(&tx, cv)? {
            sync::queue_delete(&tx, entity, &uuid)?;
        }
        // The CV's builder sessions hold its contents in their state and turns: they go with it.
        tx.execute("DELETE FROM builder_sessions WHERE cv_id = ?1", [cv.0])
            .map_err(db)?;
        let ai_answers_deleted = forget_ai_answers_of(&tx, cv)?;
        let versions = "SELECT id FROM cv_versions WHERE cv_id = ?1";
        tx.execute(
            &format!("DELETE FROM analyses WHERE cv_version_id IN ({versions})"),
            [cv.0],
        )
        .map_err(db)?;
        tx.execute(
            &format!("DELETE FROM exports WHERE cv_version_id IN ({versions})"),
            [cv.0],
        )
        .map_err(db)?;
        // The versions go with the CV (ON DELETE CASCADE).
        tx.execute("DELETE FROM cvs WHERE id = ?1", [cv.0])
            .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(DeleteReport {
            ai_answers_deleted,
            wal_checkpointed: self.checkpoint_now(),
        })
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`: true when the whole WAL was written back and emptied (always
    /// for a database in memory); false when a reader kept it busy or it failed.
    pub fn checkpoint_now(&self) -> bool {
        if self.path.is_none() {
            return true;
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            })
            .is_ok_and(|busy| busy == 0)
    }

    // ---- settings ---------------------------------------------------------------------------

    /// Stores a preference. Keys that look like credentials are refused: secrets go to the keychain.
    pub fn set_setting(&mut self, p: ProfileId, key: &str, value: &str) -> Result<()> {
        if is_secret_key(key) {
            return Err(JobGateError::invalid_input(
                key,
                Reason::new("reason-setting-is-secret"),
            ));
        }
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO settings (profile_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
            params![p.0, key, value],
        )
        .map_err(db)?;
        tx.commit().map_err(db)
    }

    pub fn setting(&self, p: ProfileId, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE profile_id = ?1 AND key = ?2",
                params![p.0, key],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)
    }

    // ---- AI answer cache ----------------------------------------------------------------------

    /// A cached AI answer of this profile (see `jobgate_ai::cache_key`).
    pub fn cached_ai_answer(&self, p: ProfileId, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT answer FROM ai_cache WHERE profile_id = ?1 AND key = ?2",
                params![p.0, key],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)
    }

    /// Records that the AI answers under `keys` were used for CV `cv`, so that deleting the CV deletes
    /// them too (see [`Store::delete_cv`]).
    pub fn note_ai_answers_used(&mut self, p: ProfileId, cv: CvId, keys: &[String]) -> Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(db)?;
        for key in keys {
            tx.execute(
                "INSERT INTO ai_cache_uses (profile_id, cv_id, key) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![p.0, cv.0, key],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    /// Keeps an AI answer so that the same document costs nothing next time; wiped with the profile.
    pub fn cache_ai_answer(&mut self, p: ProfileId, key: &str, answer: &str) -> Result<()> {
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO ai_cache (profile_id, key, answer) VALUES (?1, ?2, ?3)
             ON CONFLICT (profile_id, key) DO UPDATE SET answer = excluded.answer",
            params![p.0, key, answer],
        )
        .map_err(db)?;
        tx.commit().map_err(db)
    }

    // ---- builder sessions -------------------------------------------------------------------

    /// Starts a session and returns its new id (16 hex digits from SQLite's random source).
    pub fn create_session(
        &mut self,
        p: ProfileId,
        cv: Option<CvId>,
        lang: &str,
        current_state: &str,
        state_json: &str,
        response_json: &str,
    ) -> Result<String> {
        let tx = self.conn.transaction().map_err(db)?;
        let id: String = tx
            .query_row("SELECT lower(hex(randomblob(8)))", [], |r| r.get(0))
            .map_err(db)?;
        // The id is only known now: the stored response gets it too.
        let response_json = response_json.replacen(
            "\"session_id\":\"\"",
            &format!("\"session_id\":\"{id}\""),
            1,
        );
        tx.execute(
            "INSERT INTO builder_sessions (id, profile_id, cv_id, lang, current_state, state, last_response)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, p.0, cv.map(|c| c.0), lang, current_state, state_json, response_json],
        )
        .map_err(db)?;
        sync::queue_upsert(
            &tx,
            sync::Entity::BuilderSession,
            sync::RowId::Text(id.clone()),
        )?;
        tx.commit().map_err(db)?;
        Ok(id)
    }

    /// Persists one turn: the answer, the new state and response, and on `/done` the CV version,
    /// all in one transaction.
    pub fn save_turn(&mut self, turn: &TurnRecord) -> Result<SavedTurn> {
        let (p, cv): (i64, Option<i64>) = self
            .conn
            .query_row(
                "SELECT profile_id, cv_id FROM builder_sessions WHERE id = ?1",
                [turn.session_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db)?
            .ok_or_else(|| JobGateError::SessionNotFound {
                session_id: turn.session_id.to_string(),
            })?;
        let p = ProfileId(p);
        let tx = self.conn.transaction().map_err(db)?;
        let mut version = None;
        if let Some((data, source)) = turn.finalized {
            let cv = match cv {
                Some(cv) => CvId(cv),
                None => {
                    let cv = Store::insert_cv(&tx, p, &cv_title(data, "CV"))?;
                    tx.execute(
                        "UPDATE builder_sessions SET cv_id = ?1 WHERE id = ?2",
                        params![cv.0, turn.session_id],
                    )
                    .map_err(db)?;
                    cv
                }
            };
            version = Some((cv, Store::insert_version(&tx, cv, source, data)?));
        }
        let number: i64 = {
            let mut st = tx
                .prepare_cached(
                    "INSERT INTO builder_turns (session_id, number, answer, current_state, response)
                     VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM builder_turns WHERE session_id = ?1), ?2, ?3, ?4)
                     RETURNING number",
                )
                .map_err(db)?;
            st.query_row(
                params![
                    turn.session_id,
                    turn.answer,
                    turn.current_state,
                    turn.response_json
                ],
                |r| r.get(0),
            )
            .map_err(db)?
        };
        {
            let mut st = tx
                .prepare_cached(
                    "UPDATE builder_sessions SET current_state = ?1, state = ?2, last_response = ?3,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?4",
                )
                .map_err(db)?;
            st.execute(params![
                turn.current_state,
                turn.state_json,
                turn.response_json,
                turn.session_id
            ])
            .map_err(db)?;
        }
        sync::queue_upsert(
            &tx,
            sync::Entity::BuilderSession,
            sync::RowId::Text(turn.session_id.to_string()),
        )?;
        tx.commit().map_err(db)?;
        Ok(SavedTurn { number, version })
    }

    /// A stored session; `SESSION_NOT_FOUND` when there is none with that id.
    pub fn load_session(&self, id: &str) -> Result<StoredSession> {
        let s = self
            .conn
            .query_row(
                "SELECT s.id, s.profile_id, s.cv_id, s.lang, s.current_state, s.state, s.last_response,
                        (SELECT COUNT(*) FROM builder_turns t WHERE t.session_id = s.id)
                 FROM builder_sessions s WHERE s.id = ?1",
                [id.trim()],
                |r| {
                    Ok(StoredSession {
                        id: r.get(0)?,
                        profile: ProfileId(r.get(1)?),
                        cv_id: r.get::<_, Option<i64>>(2)?.map(CvId),
                        lang: r.get(3)?,
                        current_state: r.get(4)?,
                        state_json: r.get(5)?,
                        last_response_json: r.get(6)?,
                        turns: r.get(7)?,
                    })
                },
            )
            .optional()
            .map_err(db)?
            .ok_or_else(|| JobGateError::SessionNotFound {
                session_id: id.to_string(),
            })?;
        Ok(s)
    }

    /// The answers given in a session, in order (for audits and tests).
    pub fn session_answers(&self, id: &str) -> Result<Vec<String>> {
        self.load_session(id)?;
        let mut st = self
            .conn
            .prepare("SELECT answer FROM builder_turns WHERE session_id = ?1 ORDER BY number")
            .map_err(db)?;
        let rows = st.query_map([id], |r| r.get(0)).map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }

    /// The profile's builder sessions, most recently used first.
    pub fn sessions(&self, p: ProfileId) -> Result<Vec<SessionInfo>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT s.id, s.lang, s.current_state, s.cv_id,
                        (SELECT COUNT(*) FROM builder_turns t WHERE t.session_id = s.id),
                        s.created_at, s.updated_at
                 FROM builder_sessions s WHERE s.profile_id = ?1 ORDER BY s.updated_at DESC, s.rowid DESC",
            )
            .map_err(db)?;
        let rows = st
            .query_map([p.0], |r| {
                Ok(SessionInfo {
                    id: r.get(0)?,
                    lang: r.get(1)?,
                    current_state: r.get(2)?,
                    cv_id: r.get::<_, Option<i64>>(3)?.map(CvId),
                    turns: r.get(4)?,
                    created_at: r.get(5)?,
                    updated_at: r.get(6)?,
                })
            })
            .map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }
}
