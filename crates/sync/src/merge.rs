//! Whether a change from another machine replaces what this machine holds for the same record.
//!
//! The rules of DESIGN §7, in one pure function both replicas use (the in-memory one here and the SQLite
//! one in `crates/store`): CV versions, analyses and exports are immutable, so merging is a union and a
//! tombstone is final; CVs and builder sessions are mutable, so the latest `at` wins, deletes included
//! (ties go to the larger change id, so every machine picks the same winner). Applying a change twice
//! never changes anything. Storing the winner is left to the replica.

use crate::protocol::{Change, Entity, Op, parse_at};
use std::cmp::Ordering;
use uuid::Uuid;

/// What a replica keeps about the change that last wrote a record: enough to merge the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp<'a> {
    pub op: Op,
    pub at: &'a str,
    pub change_id: Uuid,
}

impl<'a> From<&'a Change> for Stamp<'a> {
    fn from(c: &'a Change) -> Stamp<'a> {
        Stamp {
            op: c.op,
            at: &c.at,
            change_id: c.change_id,
        }
    }
}

/// Whether the record is immutable once written (then only a tombstone can follow an upsert).
pub fn is_immutable(entity: Entity) -> bool {
    matches!(
        entity,
        Entity::CvVersion | Entity::Analysis | Entity::Export
    )
}

/// `true` when `incoming` should replace `current` (`None`: nothing held yet, so it always wins).
pub fn incoming_wins(current: Option<Stamp<'_>>, incoming: &Change) -> bool {
    let Some(current) = current else {
        return true;
    };
    if current.change_id == incoming.change_id {
        return false;
    }
    if is_immutable(incoming.entity) {
        // Union: the first write stays; a tombstone ends the record for good.
        return current.op == Op::Upsert && incoming.op == Op::Delete;
    }
    later(Stamp::from(incoming), current) == Ordering::Greater
}

/// Orders two stamps by `at` as instants (as strings when one is not RFC 3339), then by change id.
fn later(a: Stamp<'_>, b: Stamp<'_>) -> Ordering {
    let by_time = match (parse_at(a.at), parse_at(b.at)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.at.cmp(b.at),
    };
    by_time.then(a.change_id.cmp(&b.change_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(entity: Entity, op: Op, at: &str, id: u128) -> Change {
        Change {
            change_id: Uuid::from_u128(id),
            entity,
            entity_id: Uuid::from_u128(999),
            op,
            at: at.into(),
            data: (op == Op::Upsert).then(|| json!({"n": id})),
        }
    }

    #[test]
    fn immutable_records_merge_as_a_union_and_tombstones_are_final() {
        let first = change(Entity::CvVersion, Op::Upsert, "2024-01-01T00:00:00Z", 1);
        let later_copy = change(Entity::CvVersion, Op::Upsert, "2024-02-01T00:00:00Z", 2);
        let tomb = change(Entity::CvVersion, Op::Delete, "2023-01-01T00:00:00Z", 3);
        assert!(incoming_wins(None, &first));
        assert!(!incoming_wins(Some((&first).into()), &later_copy));
        assert!(
            incoming_wins(Some((&first).into()), &tomb),
            "a delete ends it, whatever its time"
        );
        assert!(
            !incoming_wins(Some((&tomb).into()), &later_copy),
            "no resurrection"
        );
        for e in [Entity::Analysis, Entity::Export] {
            let a = change(e, Op::Upsert, "2024-01-01T00:00:00Z", 1);
            let b = change(e, Op::Delete, "2024-01-01T00:00:00Z", 2);
            assert!(incoming_wins(Some((&a).into()), &b));
            assert!(!incoming_wins(Some((&b).into()), &a));
        }
    }

    #[test]
    fn builder_sessions_and_cvs_take_the_latest_at() {
        for e in [Entity::BuilderSession, Entity::Cv] {
            let old = change(e, Op::Upsert, "2024-05-01T12:00:00Z", 5);
            // Same instant written with an offset, later by one millisecond.
            let new = change(e, Op::Upsert, "2024-05-01T14:00:00.001+02:00", 1);
            let del = change(e, Op::Delete, "2024-05-01T12:00:01Z", 2);
            assert!(incoming_wins(Some((&old).into()), &new));
            assert!(
                !incoming_wins(Some((&new).into()), &old),
                "an older echo never rolls back"
            );
            assert!(incoming_wins(Some((&new).into()), &del));
            assert!(
                !incoming_wins(Some((&del).into()), &old),
                "the tombstone keeps its time"
            );
        }
    }

    #[test]
    fn ties_pick_the_same_winner_everywhere_and_reapplying_is_a_no_op() {
        let a = change(
            Entity::BuilderSession,
            Op::Upsert,
            "2024-05-01T12:00:00Z",
            1,
        );
        let b = change(
            Entity::BuilderSession,
            Op::Upsert,
            "2024-05-01T12:00:00.000Z",
            2,
        );
        assert!(incoming_wins(Some((&a).into()), &b));
        assert!(!incoming_wins(Some((&b).into()), &a));
        assert!(!incoming_wins(Some((&a).into()), &a));
    }
}
