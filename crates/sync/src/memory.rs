//! An in-memory [`LocalReplica`]: the reference for what the SQLite replica in `crates/store` must do, and
//! the replica the tests use.
//!
//! It keeps the records (the latest winning change per entity id, tombstones included), the outbox (oldest
//! first), the parked changes the server or the size limit refused, and the pull cursor. A local edit
//! ([`MemoryReplica::record`]) changes the record and queues the change in one step, as the store must in
//! one transaction. Pulled changes are merged by [`crate::merge`] and never queued again. It is
//! `Serialize`/`Deserialize`, so a test can keep it in a file across a killed process; durability is the
//! store's business.

use crate::merge::{Stamp, incoming_wins, is_immutable};
use crate::protocol::{Change, Entity, Op, format_at};
use crate::run::LocalReplica;
use jobgate_core::JobGateError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A change that will not be pushed again as it is, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parked {
    pub change: Change,
    pub error_code: String,
    pub error: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemoryReplica {
    profile_id: Uuid,
    /// Entity id → the change that last won for it.
    records: BTreeMap<Uuid, Change>,
    outbox: Vec<Change>,
    parked: Vec<Parked>,
    cursor: Option<String>,
}

impl MemoryReplica {
    pub fn new(profile_id: Uuid) -> MemoryReplica {
        MemoryReplica {
            profile_id,
            records: BTreeMap::new(),
            outbox: Vec::new(),
            parked: Vec::new(),
            cursor: None,
        }
    }

    /// A local edit: merges it into the records and queues it for the server. Returns whether it took
    /// effect (a second write to an immutable record does not, and is not queued).
    ///
    /// A local edit of a mutable record (CV, builder session) always takes effect, since it is what the
    /// person just did: when its `at` is not after the record's (the same millisecond, or this machine's
    /// clock behind the one that wrote the record), it is stamped 1 ms after the record's, so that every
    /// machine merging both agrees it is the latest.
    pub fn record(&mut self, mut change: Change) -> bool {
        if !is_immutable(change.entity)
            && let Some(current) = self.records.get(&change.entity_id)
            && !incoming_wins(Some(Stamp::from(current)), &change)
            && current.change_id != change.change_id
            && let Some(t) = current.at_instant()
        {
            change.at = format_at(t + chrono::Duration::milliseconds(1));
        }
        if !self.merge(&change) {
            return false;
        }
        self.outbox.push(change);
        true
    }

    /// Shorthand: a new upsert of a new record, recorded; returns the change.
    pub fn create(&mut self, entity: Entity, data: Value) -> Change {
        let c = Change::upsert(entity, Uuid::new_v4(), chrono::Utc::now(), data);
        self.record(c.clone());
        c
    }

    fn merge(&mut self, change: &Change) -> bool {
        let current = self.records.get(&change.entity_id).map(Stamp::from);
        if !incoming_wins(current, change) {
            return false;
        }
        self.records.insert(change.entity_id, change.clone());
        true
    }

    /// The winning change of every record, tombstones included, by entity id.
    pub fn records(&self) -> &BTreeMap<Uuid, Change> {
        &self.records
    }

    /// The data of the live (not deleted) records of one kind, by entity id.
    pub fn live(&self, entity: Entity) -> BTreeMap<Uuid, &Value> {
        self.records
            .values()
            .filter(|c| c.entity == entity && c.op == Op::Upsert)
            .filter_map(|c| c.data.as_ref().map(|d| (c.entity_id, d)))
            .collect()
    }

    pub fn outbox(&self) -> &[Change] {
        &self.outbox
    }

    pub fn parked(&self) -> &[Parked] {
        &self.parked
    }
}

impl LocalReplica for MemoryReplica {
    fn profile_id(&self) -> Uuid {
        self.profile_id
    }

    fn pending(&mut self, limit: usize) -> Result<Vec<Change>, JobGateError> {
        Ok(self.outbox.iter().take(limit).cloned().collect())
    }

    fn pending_count(&mut self) -> Result<usize, JobGateError> {
        Ok(self.outbox.len())
    }

    fn mark_accepted(&mut self, change_ids: &[Uuid]) -> Result<(), JobGateError> {
        self.outbox.retain(|c| !change_ids.contains(&c.change_id));
        Ok(())
    }

    fn mark_rejected(
        &mut self,
        change_id: Uuid,
        error_code: &str,
        error: &str,
    ) -> Result<(), JobGateError> {
        if let Some(i) = self.outbox.iter().position(|c| c.change_id == change_id) {
            let change = self.outbox.remove(i);
            self.parked.push(Parked {
                change,
                error_code: error_code.to_string(),
                error: error.to_string(),
            });
        }
        Ok(())
    }

    fn apply_pulled(&mut self, changes: &[Change], next_cursor: &str) -> Result<(), JobGateError> {
        for c in changes {
            self.merge(c);
        }
        self.cursor = Some(next_cursor.to_string());
        Ok(())
    }

    fn cursor(&mut self) -> Result<Option<String>, JobGateError> {
        Ok(self.cursor.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn local_edits_are_queued_in_order_and_leave_only_when_accepted() {
        let mut r = MemoryReplica::new(Uuid::new_v4());
        let a = r.create(Entity::Cv, json!({"title": "a"}));
        let b = r.create(Entity::CvVersion, json!({"cv_id": a.entity_id}));
        assert_eq!(r.pending(10).unwrap(), vec![a.clone(), b.clone()]);
        assert_eq!(r.pending(1).unwrap(), vec![a.clone()]);
        r.mark_accepted(&[b.change_id]).unwrap();
        assert_eq!(r.pending_count().unwrap(), 1);
        r.mark_rejected(a.change_id, "INVALID_CHANGE", "bad")
            .unwrap();
        assert_eq!(r.pending_count().unwrap(), 0);
        assert_eq!(r.parked()[0].change, a);
        assert_eq!(
            r.live(Entity::Cv).len(),
            1,
            "a parked change stays applied locally"
        );
    }

    #[test]
    fn pulled_changes_merge_and_are_not_queued_again() {
        let mut r = MemoryReplica::new(Uuid::new_v4());
        let v = Change::upsert(
            Entity::CvVersion,
            Uuid::new_v4(),
            chrono::Utc::now(),
            json!({"x": 1}),
        );
        let del = Change::delete(Entity::CvVersion, v.entity_id, chrono::Utc::now());
        r.apply_pulled(&[v.clone(), del.clone(), v.clone()], "7")
            .unwrap();
        assert_eq!(r.pending_count().unwrap(), 0);
        assert_eq!(r.cursor().unwrap().as_deref(), Some("7"));
        assert!(r.live(Entity::CvVersion).is_empty());
        assert_eq!(r.records()[&v.entity_id], del);
    }

    #[test]
    fn a_local_edit_of_a_session_is_the_latest_even_in_the_same_millisecond() {
        let mut r = MemoryReplica::new(Uuid::new_v4());
        let at = chrono::Utc::now();
        let s = Change::upsert(
            Entity::BuilderSession,
            Uuid::new_v4(),
            at,
            json!({"turn": 1}),
        );
        let mut del = Change::delete(Entity::BuilderSession, s.entity_id, at);
        del.change_id = Uuid::nil(); // loses every tie
        assert!(r.record(s.clone()));
        assert!(r.record(del.clone()));
        let held = &r.records()[&s.entity_id];
        assert_eq!(held.op, Op::Delete);
        assert!(held.at_instant() > s.at_instant());
        // Another machine merging both in either order agrees.
        let mut other = MemoryReplica::new(r.profile_id());
        let queued = r.outbox().to_vec();
        other
            .apply_pulled(&[queued[1].clone(), queued[0].clone()], "2")
            .unwrap();
        assert_eq!(other.records(), r.records());
    }
}
