//! The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have run; each
//! one runs in its own transaction together with the bump of that number, so a crash never leaves
//! a half-migrated database. Never edit a migration that has shipped: add a new one.

use rusqlite::Connection;

/// Migration `i` (0-based) brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1: profiles, CVs with immutable versions, analyses, settings.
    r#"
CREATE TABLE profiles (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE cvs (
    id         INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE cv_versions (
    id         INTEGER PRIMARY KEY,
    cv_id      INTEGER NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('import', 'builder', 'edit', 'ai')),
    data       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (cv_id, number)
);
CREATE TRIGGER cv_versions_are_immutable BEFORE UPDATE ON cv_versions
BEGIN
    SELECT RAISE(ABORT, 'cv versions are immutable: add a new version');
END;
CREATE TABLE analyses (
    id            INTEGER PRIMARY KEY,
    profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    cv_version_id INTEGER REFERENCES cv_versions(id) ON DELETE SET NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    ats_score     REAL NOT NULL,
    response      TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX analyses_by_sha ON analyses (profile_id, sha256);
CREATE TABLE settings (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (profile_id, key)
);
"#,
    // v2: profile locks, builder sessions with their turns, exports.
    r#"
ALTER TABLE profiles ADD COLUMN lock_hash TEXT;
CREATE TABLE builder_sessions (
    id            TEXT PRIMARY KEY,
    profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    cv_id         INTEGER REFERENCES cvs(id) ON DELETE SET NULL,
    lang          TEXT NOT NULL,
    current_state TEXT NOT NULL,
    state         TEXT NOT NULL,
    last_response TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE builder_turns (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES builder_sessions(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    answer        TEXT NOT NULL,
    current_state TEXT NOT NULL,
    response      TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (session_id, number)
);
CREATE TABLE exports (
    id            INTEGER PRIMARY KEY,
    profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    cv_version_id INTEGER REFERENCES cv_versions(id) ON DELETE SET NULL,
    path          TEXT NOT NULL,
    format        TEXT NOT NULL,
    template      TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
"#,
    // v3: AI answers cached per profile (wiped with it), keyed by document hash + model + prompt version.
    r#"
CREATE TABLE ai_cache (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    answer     TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (profile_id, key)
);
"#,
    // v4: sync (DESIGN §7): a UUID for every entity that travels (and the person), the outbox, the sync state,
    // tombstones of deleted entities. Existing rows get their UUIDs here.
    r#"
ALTER TABLE profiles ADD COLUMN uuid TEXT;
ALTER TABLE cvs ADD COLUMN uuid TEXT;
ALTER TABLE cv_versions ADD COLUMN uuid TEXT;
ALTER TABLE analyses ADD COLUMN uuid TEXT;
ALTER TABLE builder_sessions ADD COLUMN uuid TEXT;
ALTER TABLE exports ADD COLUMN uuid TEXT;
DROP TRIGGER cv_versions_are_immutable;
CREATE TRIGGER cv_versions_are_immutable BEFORE UPDATE OF cv_id, number, source, data, created_at ON cv_versions
BEGIN
    SELECT RAISE(ABORT, 'cv versions are immutable: add a new version');
END;
CREATE TRIGGER cv_versions_keep_their_uuid BEFORE UPDATE OF uuid ON cv_versions WHEN OLD.uuid IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'cv versions are immutable: add a new version');
END;
UPDATE profiles SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX profiles_by_uuid ON profiles (uuid);
CREATE TRIGGER profiles_get_a_uuid AFTER INSERT ON profiles WHEN NEW.uuid IS NULL
BEGIN
    UPDATE profiles SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
UPDATE cvs SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX cvs_by_uuid ON cvs (uuid);
CREATE TRIGGER cvs_get_a_uuid AFTER INSERT ON cvs WHEN NEW.uuid IS NULL
BEGIN
    UPDATE cvs SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
UPDATE cv_versions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX cv_versions_by_uuid ON cv_versions (uuid);
CREATE TRIGGER cv_versions_get_a_uuid AFTER INSERT ON cv_versions WHEN NEW.uuid IS NULL
BEGIN
    UPDATE cv_versions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
UPDATE analyses SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX analyses_by_uuid ON analyses (uuid);
CREATE TRIGGER analyses_get_a_uuid AFTER INSERT ON analyses WHEN NEW.uuid IS NULL
BEGIN
    UPDATE analyses SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
UPDATE builder_sessions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX builder_sessions_by_uuid ON builder_sessions (uuid);
CREATE TRIGGER builder_sessions_get_a_uuid AFTER INSERT ON builder_sessions WHEN NEW.uuid IS NULL
BEGIN
    UPDATE builder_sessions SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
UPDATE exports SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uuid IS NULL;
CREATE UNIQUE INDEX exports_by_uuid ON exports (uuid);
CREATE TRIGGER exports_get_a_uuid AFTER INSERT ON exports WHEN NEW.uuid IS NULL
BEGIN
    UPDATE exports SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE rowid = NEW.rowid;
END;
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY,
    change_id      TEXT NOT NULL UNIQUE,
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    op             TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    at             TEXT NOT NULL,
    data           TEXT,
    rejected_code  TEXT,
    rejected_error TEXT
);
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE tombstones (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
"#,
    // v5: which CV each cached AI answer was used for, so that deleting the CV deletes its answers too
    // (answers are keyed by the document's text, which no other row keeps). Local only: never synced.
    r#"
CREATE TABLE ai_cache_uses (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    cv_id      INTEGER NOT NULL REFERENCES cvs(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    PRIMARY KEY (cv_id, key)
);
CREATE INDEX ai_cache_uses_by_key ON ai_cache_uses (profile_id, key);
"#,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Runs every migration the database has not had yet. Returns the version it started from.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<i64> {
    let start: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(start)
}
