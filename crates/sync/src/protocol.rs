//! The JSON of sync protocol v1 (DESIGN §7), with the exact field names the server and outside tests use.
//!
//! These are wire types only: what a change *means* for the local data (union, tombstone, latest wins) is
//! [`crate::merge`]'s business, and how requests are sent and retried is [`crate::client`]'s and
//! [`crate::run`]'s. Identifiers are [`Uuid`]s rather than strings so that an upper-case id stored locally
//! and the lower-case one the server sends back compare equal.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// The protocol version this client speaks (`"protocol"` in the health answer).
pub const PROTOCOL_VERSION: u32 = 1;
/// At most this many changes in one push request.
pub const MAX_PUSH_CHANGES: usize = 100;
/// At most this many bytes of JSON body in one push request (4 MiB).
pub const MAX_PUSH_BYTES: usize = 4 * 1024 * 1024;

/// What kind of record a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Cv,
    CvVersion,
    Analysis,
    BuilderSession,
    Export,
}

impl Entity {
    pub const ALL: [Entity; 5] = [
        Entity::Cv,
        Entity::CvVersion,
        Entity::Analysis,
        Entity::BuilderSession,
        Entity::Export,
    ];

    /// The wire name, e.g. `cv_version`.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Cv => "cv",
            Entity::CvVersion => "cv_version",
            Entity::Analysis => "analysis",
            Entity::BuilderSession => "builder_session",
            Entity::Export => "export",
        }
    }
}

/// Whether a change writes a record or deletes it (a tombstone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Upsert,
    Delete,
}

/// One change to one record, as pushed and as pulled.
///
/// `change_id` is made once, when the change is written to the outbox, and sent unchanged on every retry:
/// that is what makes pushes idempotent. `at` is kept as the exact string sent (the server stores it as
/// text), so a change pulled back is byte-for-byte the change pushed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub change_id: Uuid,
    pub entity: Entity,
    pub entity_id: Uuid,
    pub op: Op,
    pub at: String,
    /// The record (DESIGN §2 shapes) for `upsert`; `null` for `delete`. Always serialised, never omitted.
    #[serde(default)]
    pub data: Option<Value>,
}

impl Change {
    /// A new upsert with a fresh change id, stamped `at`.
    pub fn upsert(entity: Entity, entity_id: Uuid, at: DateTime<Utc>, data: Value) -> Change {
        Change {
            change_id: Uuid::new_v4(),
            entity,
            entity_id,
            op: Op::Upsert,
            at: format_at(at),
            data: Some(data),
        }
    }

    /// A new tombstone with a fresh change id, stamped `at`.
    pub fn delete(entity: Entity, entity_id: Uuid, at: DateTime<Utc>) -> Change {
        Change {
            change_id: Uuid::new_v4(),
            entity,
            entity_id,
            op: Op::Delete,
            at: format_at(at),
            data: None,
        }
    }

    /// `at` as an instant, or `None` when it is not RFC 3339.
    pub fn at_instant(&self) -> Option<DateTime<Utc>> {
        parse_at(&self.at)
    }

    /// Bytes this change takes inside a push body (its compact JSON).
    pub fn json_len(&self) -> usize {
        serde_json::to_vec(self)
            .map(|v| v.len())
            .unwrap_or(usize::MAX)
    }
}

/// `at` as the protocol writes it: RFC 3339 in UTC with a `Z` and milliseconds, e.g. `2024-05-01T12:00:00.000Z`.
pub fn format_at(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an RFC 3339 `at` (any offset) to UTC.
pub fn parse_at(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `POST /api/sync/v1/push` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRequest {
    pub device_id: Uuid,
    pub profile_id: Uuid,
    pub changes: Vec<Change>,
}

impl PushRequest {
    /// Bytes of the body with no changes (`{"device_id":…,"profile_id":…,"changes":[]}`).
    pub fn envelope_len(&self) -> usize {
        // Two UUIDs of 36 characters plus the fixed keys and punctuation.
        r#"{"device_id":"","profile_id":"","changes":[]}"#.len() + 2 * 36
    }
}

/// One change the server refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub change_id: Uuid,
    pub error_code: String,
    pub error: String,
}

/// `200` answer to a push.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    #[serde(default)]
    pub accepted: Vec<Uuid>,
    #[serde(default)]
    pub rejected: Vec<Rejected>,
}

/// `200` answer to a pull: one page of the account's changes in server order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub changes: Vec<Change>,
    /// Opaque; pass it back as `since` to go on.
    pub next_cursor: String,
    /// `true`: pull again now.
    pub more: bool,
}

/// `200` answer to health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub protocol: u32,
}

/// The error shape the reference server answers failures with (DESIGN §2); every field optional, since an
/// organisation's proxy in front of it may answer with anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub error_code: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn change_has_the_six_fields_with_wire_names() {
        let c = Change {
            change_id: id(1),
            entity: Entity::CvVersion,
            entity_id: id(2),
            op: Op::Upsert,
            at: "2024-05-01T12:00:00Z".into(),
            data: Some(json!({"cv_id": "x"})),
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            json!({
                "change_id": "00000000-0000-0000-0000-000000000001",
                "entity": "cv_version",
                "entity_id": "00000000-0000-0000-0000-000000000002",
                "op": "upsert",
                "at": "2024-05-01T12:00:00Z",
                "data": {"cv_id": "x"}
            })
        );
        assert_eq!(c.json_len(), serde_json::to_vec(&c).unwrap().len());
    }

    #[test]
    fn delete_sends_data_null_and_reads_absent_data_as_none() {
        let c = Change::delete(Entity::BuilderSession, id(3), Utc::now());
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["data"], Value::Null);
        assert_eq!(v["op"], "delete");
        assert_eq!(v["entity"], "builder_session");
        let back: Change = serde_json::from_value(json!({
            "change_id": "00000000-0000-0000-0000-000000000001", "entity": "export",
            "entity_id": "00000000-0000-0000-0000-000000000002", "op": "delete",
            "at": "2024-05-01T12:00:00Z"
        }))
        .unwrap();
        assert_eq!(back.data, None);
    }

    #[test]
    fn every_entity_name_round_trips() {
        for e in Entity::ALL {
            let v = serde_json::to_value(e).unwrap();
            assert_eq!(v, json!(e.as_str()));
            assert_eq!(serde_json::from_value::<Entity>(v).unwrap(), e);
        }
        assert!(serde_json::from_value::<Entity>(json!("cvVersion")).is_err());
    }

    #[test]
    fn upper_case_uuids_from_a_store_equal_the_servers_lower_case() {
        let c: Change = serde_json::from_value(json!({
            "change_id": "ABCDEFAB-0000-0000-0000-000000000001", "entity": "cv",
            "entity_id": "00000000-0000-0000-0000-000000000002", "op": "upsert",
            "at": "2024-05-01T12:00:00Z", "data": {}
        }))
        .unwrap();
        let r: PushResponse = serde_json::from_value(json!({
            "accepted": ["abcdefab-0000-0000-0000-000000000001"], "rejected": []
        }))
        .unwrap();
        assert_eq!(r.accepted, vec![c.change_id]);
    }

    #[test]
    fn push_request_and_answers_have_the_protocol_shapes() {
        let req = PushRequest {
            device_id: id(10),
            profile_id: id(11),
            changes: vec![],
        };
        let bytes = serde_json::to_vec(&req).unwrap();
        assert_eq!(bytes.len(), req.envelope_len());
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({"device_id": "00000000-0000-0000-0000-00000000000a",
                   "profile_id": "00000000-0000-0000-0000-00000000000b", "changes": []})
        );
        let r: PushResponse = serde_json::from_value(json!({
            "accepted": [],
            "rejected": [{"change_id": "00000000-0000-0000-0000-000000000001",
                          "error_code": "INVALID_CHANGE", "error": "bad at"}]
        }))
        .unwrap();
        assert_eq!(r.rejected[0].error_code, "INVALID_CHANGE");
        let p: PullResponse = serde_json::from_value(json!({
            "changes": [], "next_cursor": "42", "more": false
        }))
        .unwrap();
        assert_eq!((p.next_cursor.as_str(), p.more), ("42", false));
        let h: Health = serde_json::from_value(json!({"status": "ok", "protocol": 1})).unwrap();
        assert_eq!(h.protocol, PROTOCOL_VERSION);
    }

    #[test]
    fn at_is_rfc3339_utc_and_compares_as_an_instant() {
        let c = Change::upsert(Entity::Cv, id(1), Utc::now(), json!({}));
        assert!(c.at.ends_with('Z'), "{}", c.at);
        assert!(c.at_instant().is_some());
        assert_eq!(
            parse_at("2024-05-01T14:00:00+02:00"),
            parse_at("2024-05-01T12:00:00.000Z")
        );
        assert_eq!(parse_at("yesterday"), None);
    }
}
