//! The local side of sync with the organisation's backend (DESIGN §7): entity UUIDs, the outbox written in the
//! same transaction as each change, and changes pulled from the server applied idempotently.
//!
//! Nothing is queued while sync is off; turning it on queues the person's whole history once. A change leaves
//! the outbox only when the server accepted it ([`Store::outbox_accepted`]), keeping its `change_id` on every
//! retry; a change the server rejected stays, marked, and is not sent again. Applying pulled changes never
//! queues them back (no echo): CV versions, analyses and exports are immutable, so a change whose entity is
//! already here has no effect; a CV deleted anywhere leaves a tombstone so a late change cannot bring it back;
//! for builder sessions the latest `at` wins. The protocol, HTTP and retries are `jobgate-sync`'s; this module
//! speaks [`Change`] values whose fields are the protocol's.

use crate::{CvId, ProfileId, Result, Store, db, json_err};
use jobgate_core::{JobGateError, Reason};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// A UUID v4 for a new row.
pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The time of a change, RFC 3339 UTC with milliseconds.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// One change as the protocol carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub change_id: String,
    /// `cv`, `cv_version`, `analysis`, `builder_session` or `export`.
    pub entity: String,
    pub entity_id: String,
    /// `upsert` or `delete`.
    pub op: String,
    pub at: String,
    pub data: Option<Value>,
}

/// What the Status screen and `jobgate sync --status` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncStatus {
    pub enabled: bool,
    pub device_id: String,
    pub profile_id: String,
    /// Changes waiting to be sent.
    pub pending: i64,
    /// Changes the server refused (kept, not sent again).
    pub rejected: i64,
    pub last_sync_at: Option<String>,
    pub last_error: Option<String>,
}

/// The entities that travel, with their table and how their row becomes the change's `data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    Cv,
    CvVersion,
    Analysis,
    BuilderSession,
    Export,
}

impl Entity {
    fn name(self) -> &'static str {
        match self {
            Entity::Cv => "cv",
            Entity::CvVersion => "cv_version",
            Entity::Analysis => "analysis",
            Entity::BuilderSession => "builder_session",
            Entity::Export => "export",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Entity::Cv => "cvs",
            Entity::CvVersion => "cv_versions",
            Entity::Analysis => "analyses",
            Entity::BuilderSession => "builder_sessions",
            Entity::Export => "exports",
        }
    }

    fn from_name(name: &str) -> Option<Entity> {
        [
            Entity::Cv,
            Entity::CvVersion,
            Entity::Analysis,
            Entity::BuilderSession,
            Entity::Export,
        ]
        .into_iter()
        .find(|e| e.name() == name)
    }
}

/// A row's key: an integer id, or the text id of a builder session.
#[derive(Debug, Clone)]
pub(crate) enum RowId {
    Int(i64),
    Text(String),
}

impl rusqlite::ToSql for RowId {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            RowId::Int(i) => i.to_sql(),
            RowId::Text(t) => t.to_sql(),
        }
    }
}

fn state(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |r| {
        r.get(0)
    })
    .optional()
    .map_err(db)
}

fn set_state(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )
    .map(drop)
    .map_err(db)
}

fn enabled(conn: &Connection) -> Result<bool> {
    Ok(state(conn, "enabled")?.as_deref() == Some("true"))
}

fn uuid_of(conn: &Connection, table: &str, id: i64) -> Result<Option<String>> {
    conn.query_row(
        &format!("SELECT uuid FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)
    .map(Option::flatten)
}

fn id_of(conn: &Connection, table: &str, uuid: &str) -> Result<Option<i64>> {
    conn.query_row(
        &format!("SELECT id FROM {table} WHERE uuid = ?1"),
        [uuid],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)
}

/// The change's `entity_id`, `at` and `data` for the row `id` of `entity`, in the shapes of DESIGN §7.
fn row_change(conn: &Connection, entity: Entity, id: &RowId) -> Result<(String, String, Value)> {
    let parse = |s: String| serde_json::from_str::<Value>(&s).map_err(json_err);
    let row = match entity {
        Entity::Cv => conn.query_row(
            "SELECT uuid, created_at, title FROM cvs WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    json!({ "title": r.get::<_, String>(2)?, "created_at": r.get::<_, String>(1)? }),
                ))
            },
        ),
        Entity::CvVersion => conn.query_row(
            "SELECT v.uuid, v.created_at, c.uuid, v.number, v.source, v.data
             FROM cv_versions v JOIN cvs c ON c.id = v.cv_id WHERE v.id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    json!({
                        "cv_id": r.get::<_, String>(2)?,
                        "number": r.get::<_, i64>(3)?,
                        "source": r.get::<_, String>(4)?,
                        "created_at": r.get::<_, String>(1)?,
                        "structured_data": r.get::<_, String>(5)?,
                    }),
                ))
            },
        ),
        Entity::Analysis => conn.query_row(
            "SELECT a.uuid, a.created_at, v.uuid, a.file_name, a.sha256, a.ats_score, a.response
             FROM analyses a LEFT JOIN cv_versions v ON v.id = a.cv_version_id WHERE a.id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    json!({
                        "cv_version_id": r.get::<_, Option<String>>(2)?,
                        "file_name": r.get::<_, String>(3)?,
                        "sha256": r.get::<_, String>(4)?,
                        "ats_score": r.get::<_, f64>(5)?,
                        "created_at": r.get::<_, String>(1)?,
                        "response": r.get::<_, String>(6)?,
                    }),
                ))
            },
        ),
        Entity::BuilderSession => conn.query_row(
            "SELECT s.uuid, s.updated_at, s.id, c.uuid, s.lang, s.current_state, s.state, s.last_response, s.created_at
             FROM builder_sessions s LEFT JOIN cvs c ON c.id = s.cv_id WHERE s.id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    json!({
                        "session_id": r.get::<_, String>(2)?,
                        "cv_id": r.get::<_, Option<String>>(3)?,
                        "lang": r.get::<_, String>(4)?,
                        "current_state": r.get::<_, String>(5)?,
                        "state": r.get::<_, String>(6)?,
                        "last_response": r.get::<_, String>(7)?,
                        "created_at": r.get::<_, String>(8)?,
                        "updated_at": r.get::<_, String>(1)?,
                    }),
                ))
            },
        ),
        Entity::Export => conn.query_row(
            "SELECT e.uuid, e.created_at, v.uuid, e.template, e.format, e.path
             FROM exports e LEFT JOIN cv_versions v ON v.id = e.cv_version_id WHERE e.id = ?1",
            [id],
            |r| {
                let path: String = r.get(5)?;
                // The file's name only: where a person keeps files on their disk stays on their disk.
                let file_name = std::path::Path::new(&path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    json!({
                        "cv_version_id": r.get::<_, Option<String>>(2)?,
                        "template": r.get::<_, String>(3)?,
                        "format": r.get::<_, String>(4)?,
                        "file_name": file_name,
                        "created_at": r.get::<_, String>(1)?,
                    }),
                ))
            },
        ),
    };
    let (uuid, at, mut data) = row.map_err(db)?;
    // Stored JSON travels as JSON, not as a string of JSON.
    for key in ["structured_data", "response", "state", "last_response"] {
        if let Some(Value::String(s)) = data.get(key).cloned() {
            data[key] = parse(s)?;
        }
    }
    Ok((uuid, rfc3339(&at), data))
}

/// SQLite times as RFC 3339 UTC with milliseconds (`YYYY-MM-DDTHH:MM:SS.mmmZ`), so that they compare as text;
/// a time without a zone is taken as UTC.
fn rfc3339(at: &str) -> String {
    let t = at.trim_end_matches('Z').replace(' ', "T");
    if t.len() == 19 {
        format!("{t}.000Z")
    } else {
        format!("{t}Z")
    }
}

/// Queues an upsert of row `id` when sync is on (called inside the change's own transaction).
pub(crate) fn queue_upsert(tx: &Transaction, entity: Entity, id: RowId) -> Result<()> {
    if !enabled(tx)? {
        return Ok(());
    }
    let (entity_id, at, data) = row_change(tx, entity, &id)?;
    if entity == Entity::BuilderSession {
        // The latest state of a session is all that counts: an older one still waiting need not travel.
        tx.execute(
            "DELETE FROM outbox WHERE entity = 'builder_session' AND entity_id = ?1 AND op = 'upsert'
             AND rejected_code IS NULL",
            [&entity_id],
        )
        .map_err(db)?;
    }
    // A session's change carries the session's own time, which decides which change wins elsewhere.
    let at = (entity == Entity::BuilderSession).then_some(at.as_str());
    push_outbox(tx, entity, &entity_id, "upsert", at, Some(&data))
}

/// Queues the deletion of `entity_id` when sync is on, and keeps a tombstone either way.
pub(crate) fn queue_delete(tx: &Transaction, entity: Entity, entity_id: &str) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO tombstones (entity, entity_id, at) VALUES (?1, ?2, {NOW}) ON CONFLICT DO NOTHING"
        ),
        params![entity.name(), entity_id],
    )
    .map_err(db)?;
    if !enabled(tx)? {
        return Ok(());
    }
    push_outbox(tx, entity, entity_id, "delete", None, None)
}

fn push_outbox(
    conn: &Connection,
    entity: Entity,
    entity_id: &str,
    op: &str,
    at: Option<&str>,
    data: Option<&Value>,
) -> Result<()> {
    let data = data
        .map(serde_json::to_string)
        .transpose()
        .map_err(json_err)?;
    conn.execute(
        &format!(
            "INSERT INTO outbox (change_id, entity, entity_id, op, at, data)
             VALUES (?1, ?2, ?3, ?4, COALESCE(?5, {NOW}), ?6)"
        ),
        params![new_uuid(), entity.name(), entity_id, op, at, data],
    )
    .map(drop)
    .map_err(db)
}

/// The uuids of a CV and everything under it, for its tombstones.
pub(crate) fn cv_family(conn: &Connection, cv: CvId) -> Result<Vec<(Entity, String)>> {
    let mut out = Vec::new();
    for (entity, sql) in [
        (
            Entity::Analysis,
            "SELECT a.uuid FROM analyses a JOIN cv_versions v ON v.id = a.cv_version_id WHERE v.cv_id = ?1",
        ),
        (
            Entity::Export,
            "SELECT e.uuid FROM exports e JOIN cv_versions v ON v.id = e.cv_version_id WHERE v.cv_id = ?1",
        ),
        (
            Entity::CvVersion,
            "SELECT uuid FROM cv_versions WHERE cv_id = ?1",
        ),
        (Entity::Cv, "SELECT uuid FROM cvs WHERE id = ?1"),
    ] {
        let mut st = conn.prepare(sql).map_err(db)?;
        let ids = st
            .query_map([cv.0], |r| r.get::<_, Option<String>>(0))
            .map_err(db)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(db)?;
        out.extend(ids.into_iter().flatten().map(|id| (entity, id)));
    }
    Ok(out)
}

impl Store {
    /// This database's sync identity and state.
    pub fn sync_status(&mut self) -> Result<SyncStatus> {
        let device_id = self.device_id()?;
        let profile_id = self.profile_uuid()?;
        let count =
            |sql: &str| -> Result<i64> { self.conn.query_row(sql, [], |r| r.get(0)).map_err(db) };
        Ok(SyncStatus {
            enabled: enabled(&self.conn)?,
            device_id,
            profile_id,
            pending: count("SELECT count(*) FROM outbox WHERE rejected_code IS NULL")?,
            rejected: count("SELECT count(*) FROM outbox WHERE rejected_code IS NOT NULL")?,
            last_sync_at: state(&self.conn, "last_sync_at")?,
            last_error: state(&self.conn, "last_error")?,
        })
    }

    /// This machine's id for this person's data (made once).
    pub fn device_id(&mut self) -> Result<String> {
        if let Some(id) = state(&self.conn, "device_id")? {
            return Ok(id);
        }
        let id = new_uuid();
        set_state(&self.conn, "device_id", &id)?;
        Ok(id)
    }

    /// Forgets this database's device id (a copy brought to another machine gets its own on first use).
    pub fn forget_device(&mut self) -> Result<()> {
        self.conn
            .execute("DELETE FROM sync_state WHERE key = 'device_id'", [])
            .map(drop)
            .map_err(db)
    }

    /// The person's id across machines (the profile row's uuid).
    pub fn profile_uuid(&mut self) -> Result<String> {
        let owner = self.owner()?;
        uuid_of(&self.conn, "profiles", owner.0)?
            .ok_or_else(|| JobGateError::storage(Reason::new("reason-store-profile-no-uuid")))
    }

    /// Turns sync on; the first time, the whole history is queued (oldest first) in one transaction. Returns how
    /// many changes were queued.
    pub fn enable_sync(&mut self) -> Result<usize> {
        self.device_id()?;
        let tx = self.conn.transaction().map_err(db)?;
        set_state(&tx, "enabled", "true")?;
        let mut queued = 0;
        if state(&tx, "history_queued")?.is_none() {
            for entity in [
                Entity::Cv,
                Entity::CvVersion,
                Entity::Analysis,
                Entity::Export,
                Entity::BuilderSession,
            ] {
                let ids: Vec<RowId> = {
                    let mut st = tx
                        .prepare(&format!("SELECT id FROM {} ORDER BY rowid", entity.table()))
                        .map_err(db)?;
                    let rows = st
                        .query_map([], |r| {
                            Ok(match r.get_ref(0)? {
                                rusqlite::types::ValueRef::Integer(i) => RowId::Int(i),
                                v => RowId::Text(v.as_str()?.to_string()),
                            })
                        })
                        .map_err(db)?;
                    rows.collect::<rusqlite::Result<_>>().map_err(db)?
                };
                for id in ids {
                    queue_upsert(&tx, entity, id)?;
                    queued += 1;
                }
            }
            set_state(&tx, "history_queued", "true")?;
        }
        tx.commit().map_err(db)?;
        Ok(queued)
    }

    /// Turns sync off: nothing more is queued; what is pending stays for when it is on again.
    pub fn disable_sync(&mut self) -> Result<()> {
        set_state(&self.conn, "enabled", "false")
    }

    pub fn sync_enabled(&self) -> Result<bool> {
        enabled(&self.conn)
    }

    /// Up to `limit` changes waiting to be sent, oldest first (rejected ones are not sent again).
    pub fn outbox_pending(&self, limit: usize) -> Result<Vec<Change>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT change_id, entity, entity_id, op, at, data FROM outbox
                 WHERE rejected_code IS NULL ORDER BY seq LIMIT ?1",
            )
            .map_err(db)?;
        let rows = st
            .query_map([limit as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(db)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(db)?;
        rows.into_iter()
            .map(|(change_id, entity, entity_id, op, at, data)| {
                Ok(Change {
                    change_id,
                    entity,
                    entity_id,
                    op,
                    at,
                    data: data
                        .map(|d| serde_json::from_str(&d))
                        .transpose()
                        .map_err(json_err)?,
                })
            })
            .collect()
    }

    /// The server accepted these changes: they leave the outbox.
    pub fn outbox_accepted(&mut self, change_ids: &[String]) -> Result<()> {
        let tx = self.conn.transaction().map_err(db)?;
        for id in change_ids {
            tx.execute("DELETE FROM outbox WHERE change_id = ?1", [id])
                .map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    /// The server refused this change: it is kept with the reason and not sent again.
    pub fn outbox_rejected(&mut self, change_id: &str, code: &str, error: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE outbox SET rejected_code = ?2, rejected_error = ?3 WHERE change_id = ?1",
                params![change_id, code, error],
            )
            .map(drop)
            .map_err(db)
    }

    /// Where the last pull stopped.
    pub fn sync_cursor(&self) -> Result<Option<String>> {
        state(&self.conn, "cursor")
    }

    pub fn set_sync_cursor(&mut self, cursor: &str) -> Result<()> {
        set_state(&self.conn, "cursor", cursor)
    }

    /// Records how the last sync went (shown in Settings and `jobgate sync --status`).
    pub fn record_sync_result(&mut self, error: Option<&str>) -> Result<()> {
        match error {
            None => {
                let now: String = self
                    .conn
                    .query_row(&format!("SELECT {NOW}"), [], |r| r.get(0))
                    .map_err(db)?;
                set_state(&self.conn, "last_sync_at", &now)?;
                self.conn
                    .execute("DELETE FROM sync_state WHERE key = 'last_error'", [])
                    .map(drop)
                    .map_err(db)
            }
            Some(e) => set_state(&self.conn, "last_error", e),
        }
    }

    /// Applies changes pulled from the server in one transaction; applying a change twice has no effect, and
    /// nothing applied here is queued back. Returns how many changed something.
    pub fn apply_pulled(&mut self, changes: &[Change]) -> Result<usize> {
        self.apply_pulled_page(changes, None)
    }

    /// [`Store::apply_pulled`] and the cursor to pull from next time, in one transaction (a crash never
    /// leaves a page applied with the old cursor, or the new cursor without its page — either would only
    /// cost a repeat, but one transaction costs nothing).
    pub fn apply_pulled_page(&mut self, changes: &[Change], cursor: Option<&str>) -> Result<usize> {
        let owner = self.owner()?;
        let tx = self.conn.transaction().map_err(db)?;
        let mut applied = 0;
        for change in changes {
            if apply_one(&tx, owner, change)? {
                applied += 1;
            }
        }
        if let Some(cursor) = cursor {
            set_state(&tx, "cursor", cursor)?;
        }
        tx.commit().map_err(db)?;
        Ok(applied)
    }
}

fn tombstoned(conn: &Connection, entity: &str, entity_id: &str) -> Result<bool> {
    conn.query_row(
        "SELECT 1 FROM tombstones WHERE entity = ?1 AND entity_id = ?2",
        params![entity, entity_id],
        |_| Ok(()),
    )
    .optional()
    .map(|r| r.is_some())
    .map_err(db)
}

fn text(data: &Value, key: &str) -> String {
    match data.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(v @ (Value::Object(_) | Value::Array(_))) => v.to_string(),
        _ => String::new(),
    }
}

/// Applies one pulled change; `false` when it had no effect (already here, tombstoned, or its parent unknown).
fn apply_one(tx: &Transaction, owner: ProfileId, c: &Change) -> Result<bool> {
    let Some(entity) = Entity::from_name(&c.entity) else {
        return Ok(false);
    };
    if c.op == "delete" {
        return apply_delete(tx, entity, &c.entity_id);
    }
    if tombstoned(tx, &c.entity, &c.entity_id)? {
        return Ok(false);
    }
    let Some(data) = c.data.as_ref() else {
        return Ok(false);
    };
    let exists = if entity == Entity::BuilderSession {
        tx.query_row(
            "SELECT updated_at FROM builder_sessions WHERE uuid = ?1",
            [&c.entity_id],
            |r| r.get::<_, String>(0),
        )
        .optional()
        .map_err(db)?
        .map(|local| rfc3339(&local) >= c.at)
    } else {
        id_of(tx, entity.table(), &c.entity_id)?.map(|_| true)
    };
    if exists == Some(true) {
        return Ok(false);
    }
    let parent = |table: &str, key: &str| -> Result<Option<i64>> {
        match data.get(key).and_then(Value::as_str) {
            Some(uuid) => id_of(tx, table, uuid),
            None => Ok(None),
        }
    };
    let created = text(data, "created_at");
    let created = if created.is_empty() {
        c.at.clone()
    } else {
        created
    };
    let done = match entity {
        Entity::Cv => tx.execute(
            "INSERT INTO cvs (uuid, profile_id, title, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![c.entity_id, owner.0, text(data, "title"), created],
        ),
        Entity::CvVersion => {
            let Some(cv) = parent("cvs", "cv_id")? else {
                return Ok(false);
            };
            let source = match text(data, "source").as_str() {
                s @ ("import" | "builder" | "edit" | "ai") => s.to_string(),
                _ => "import".to_string(),
            };
            tx.execute(
                "INSERT INTO cv_versions (uuid, cv_id, number, source, data, created_at)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(number), 0) + 1 FROM cv_versions WHERE cv_id = ?2), ?3, ?4, ?5)",
                params![c.entity_id, cv, source, text(data, "structured_data"), created],
            )
        }
        Entity::Analysis => tx.execute(
            "INSERT INTO analyses (uuid, profile_id, cv_version_id, file_name, sha256, ats_score, response, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                c.entity_id,
                owner.0,
                parent("cv_versions", "cv_version_id")?,
                text(data, "file_name"),
                text(data, "sha256"),
                data.get("ats_score").and_then(Value::as_f64).unwrap_or(0.0),
                text(data, "response"),
                created
            ],
        ),
        Entity::Export => tx.execute(
            "INSERT INTO exports (uuid, profile_id, cv_version_id, path, format, template, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                c.entity_id,
                owner.0,
                parent("cv_versions", "cv_version_id")?,
                text(data, "file_name"),
                text(data, "format"),
                text(data, "template"),
                created
            ],
        ),
        Entity::BuilderSession => {
            let session_id = text(data, "session_id");
            let session_id = if session_id.is_empty() {
                c.entity_id.clone()
            } else {
                session_id
            };
            tx.execute(
                "INSERT INTO builder_sessions (id, uuid, profile_id, cv_id, lang, current_state, state, last_response, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET cv_id = excluded.cv_id, lang = excluded.lang,
                   current_state = excluded.current_state, state = excluded.state,
                   last_response = excluded.last_response, updated_at = excluded.updated_at",
                params![
                    session_id,
                    c.entity_id,
                    owner.0,
                    parent("cvs", "cv_id")?,
                    text(data, "lang"),
                    text(data, "current_state"),
                    text(data, "state"),
                    text(data, "last_response"),
                    created,
                    c.at
                ],
            )
        }
    };
    done.map(|n| n > 0).map_err(db)
}

fn apply_delete(tx: &Transaction, entity: Entity, entity_id: &str) -> Result<bool> {
    // A CV deleted on another machine takes its AI answers cached here with it, as a local delete does.
    if entity == Entity::Cv
        && let Some(cv) = tx
            .query_row("SELECT id FROM cvs WHERE uuid = ?1", [entity_id], |r| {
                r.get::<_, i64>(0)
            })
            .optional()
            .map_err(db)?
    {
        crate::forget_ai_answers_of(tx, CvId(cv))?;
    }
    tx.execute(
        &format!(
            "INSERT INTO tombstones (entity, entity_id, at) VALUES (?1, ?2, {NOW}) ON CONFLICT DO NOTHING"
        ),
        params![entity.name(), entity_id],
    )
    .map_err(db)?;
    let n = tx
        .execute(
            &format!("DELETE FROM {} WHERE uuid = ?1", entity.table()),
            [entity_id],
        )
        .map_err(db)?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_times_become_rfc3339_utc() {
        assert_eq!(rfc3339("2026-12-04T10:00:00Z"), "2026-12-04T10:00:00.000Z");
        assert_eq!(rfc3339("2026-12-04 10:00:00"), "2026-12-04T10:00:00.000Z");
        assert_eq!(
            rfc3339("2026-12-04T10:00:00.250Z"),
            "2026-12-04T10:00:00.250Z"
        );
    }

    #[test]
    fn entities_have_the_protocol_names() {
        for e in ["cv", "cv_version", "analysis", "builder_session", "export"] {
            assert_eq!(Entity::from_name(e).unwrap().name(), e);
        }
        assert!(Entity::from_name("profile").is_none());
    }
}
