//! The local side of sync against real SQLite files: UUIDs for every entity (old rows too), the outbox written
//! with each change only while sync is on, the history queued once, accepted changes leaving the outbox,
//! rejected ones kept, and pulled changes applied idempotently on another machine (union, tombstones, latest
//! builder session wins), never echoed back.

use jobgate_core::{AnalysisResponse, Cv};
use jobgate_store::sync::Change;
use jobgate_store::{Store, TurnRecord, VersionSource};
use rusqlite::Connection;

fn cv(name: &str) -> Cv {
    let mut cv = Cv::default();
    cv.personal_info.name = name.into();
    cv.skills = vec!["Audit".into()];
    cv
}

fn analysis(name: &str) -> AnalysisResponse {
    AnalysisResponse {
        structured_data: cv(name),
        ats_score: 71.5,
        ..AnalysisResponse::default()
    }
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.get_version_num() == 4)
}

/// A machine with a person's history: one imported CV (analysis, export) and a builder session with a turn.
fn machine_with_history(dir: &std::path::Path, name: &str) -> Store {
    let mut store = Store::open(dir.join(format!("{name}.sqlite3"))).unwrap();
    let p = store.owner().unwrap();
    let rec = store
        .record_analysis(p, "layla.pdf", "sha-1", &analysis("Layla Haddad"))
        .unwrap();
    store
        .record_export(
            p,
            Some(rec.version_id),
            "/home/layla/Documents/cv.pdf",
            "pdf",
            "classic",
        )
        .unwrap();
    let sid = store
        .create_session(p, None, "ar", "asking_for_name", "{\"step\":1}", "{}")
        .unwrap();
    store
        .save_turn(&TurnRecord {
            session_id: &sid,
            answer: "ليلى",
            current_state: "asking_for_email",
            state_json: "{\"step\":2}",
            response_json: "{}",
            finalized: None,
        })
        .unwrap();
    store
}

#[test]
fn nothing_is_queued_while_sync_is_off_and_the_history_is_queued_once_when_it_is_turned_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    assert!(a.outbox_pending(100).unwrap().is_empty());
    assert_eq!(a.sync_status().unwrap().pending, 0);

    let queued = a.enable_sync().unwrap();
    assert_eq!(queued, 5, "cv, version, analysis, export, session");
    let pending = a.outbox_pending(100).unwrap();
    let entities: Vec<_> = pending.iter().map(|c| c.entity.as_str()).collect();
    assert_eq!(
        entities,
        ["cv", "cv_version", "analysis", "export", "builder_session"]
    );
    for c in &pending {
        assert!(is_uuid(&c.change_id) && is_uuid(&c.entity_id), "{c:?}");
        assert_eq!(c.op, "upsert");
        assert!(c.at.ends_with('Z') && c.at.contains('T'), "{}", c.at);
    }
    let version = &pending[1].data.as_ref().unwrap();
    assert_eq!(version["cv_id"], pending[0].entity_id.as_str());
    assert_eq!(
        version["structured_data"]["personal_info"]["name"],
        "Layla Haddad"
    );
    assert_eq!(version["source"], "import");
    let analysis = pending[2].data.as_ref().unwrap();
    assert_eq!(analysis["cv_version_id"], pending[1].entity_id.as_str());
    assert_eq!(analysis["response"]["ats_score"], 71.5);
    let export = pending[3].data.as_ref().unwrap();
    assert_eq!(
        export["file_name"], "cv.pdf",
        "the file's name, not where it is kept"
    );
    assert!(!export.to_string().contains("/home/layla"));
    let session = pending[4].data.as_ref().unwrap();
    assert_eq!(session["current_state"], "asking_for_email");
    assert_eq!(session["state"]["step"], 2);

    // Turning it on again queues nothing more; a new change is queued in its own transaction.
    a.disable_sync().unwrap();
    assert_eq!(a.enable_sync().unwrap(), 0);
    let p = a.owner().unwrap();
    a.create_cv(p, VersionSource::Builder, &cv("Second"))
        .unwrap();
    assert_eq!(
        a.outbox_pending(100).unwrap().len(),
        7,
        "cv + its first version"
    );
    let status = a.sync_status().unwrap();
    assert!(status.enabled && is_uuid(&status.device_id) && is_uuid(&status.profile_id));
    assert_eq!(status.pending, 7);
}

#[test]
fn a_builder_session_waits_in_the_outbox_once_with_its_latest_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    a.enable_sync().unwrap();
    let owner = a.owner().unwrap();
    let sid = a.sessions(owner).unwrap()[0].id.clone();
    for (i, state) in ["asking_for_phone", "asking_for_location"]
        .iter()
        .enumerate()
    {
        a.save_turn(&TurnRecord {
            session_id: &sid,
            answer: "x",
            current_state: state,
            state_json: &format!("{{\"step\":{}}}", i + 3),
            response_json: "{}",
            finalized: None,
        })
        .unwrap();
    }
    let sessions: Vec<Change> = a
        .outbox_pending(100)
        .unwrap()
        .into_iter()
        .filter(|c| c.entity == "builder_session")
        .collect();
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0].data.as_ref().unwrap()["current_state"],
        "asking_for_location"
    );
}

#[test]
fn accepted_changes_leave_the_outbox_and_rejected_ones_stay_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    a.enable_sync().unwrap();
    let pending = a.outbox_pending(100).unwrap();
    let first_two: Vec<String> = pending[..2].iter().map(|c| c.change_id.clone()).collect();
    a.outbox_accepted(&first_two).unwrap();
    a.outbox_rejected(&pending[2].change_id, "INVALID_CHANGE", "bad")
        .unwrap();
    let left = a.outbox_pending(100).unwrap();
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|c| !first_two.contains(&c.change_id)));
    // The change ids of what is left are the same as before (the same on every retry).
    assert_eq!(left[0].change_id, pending[3].change_id);
    let status = a.sync_status().unwrap();
    assert_eq!((status.pending, status.rejected), (2, 1));
    a.record_sync_result(Some("server down")).unwrap();
    assert_eq!(
        a.sync_status().unwrap().last_error.as_deref(),
        Some("server down")
    );
    a.record_sync_result(None).unwrap();
    let status = a.sync_status().unwrap();
    assert!(status.last_error.is_none() && status.last_sync_at.is_some());
}

#[test]
fn another_machine_applies_pulled_changes_once_and_sends_none_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    a.enable_sync().unwrap();
    let changes = a.outbox_pending(100).unwrap();

    let mut b = Store::open(dir.path().join("b.sqlite3")).unwrap();
    b.enable_sync().unwrap();
    assert_eq!(b.apply_pulled(&changes).unwrap(), 5);
    assert_eq!(
        b.apply_pulled(&changes).unwrap(),
        0,
        "applying twice changes nothing"
    );
    assert!(b.outbox_pending(100).unwrap().is_empty(), "no echo");

    let p = b.owner().unwrap();
    let h = b.history(p).unwrap();
    assert_eq!(h.cvs.len(), 1);
    assert_eq!(h.analyses.len(), 1);
    assert_eq!(h.analyses[0].ats_score, 71.5);
    assert_eq!(h.exports[0].path, "cv.pdf");
    let versions = b.versions(h.cvs[0].id).unwrap();
    assert_eq!(
        versions[0].structured_data.personal_info.name,
        "Layla Haddad"
    );
    let session = b.load_session(&h.sessions[0].id).unwrap();
    assert_eq!(session.current_state, "asking_for_email");
    assert_eq!(
        b.session_answers(&session.id).unwrap().len(),
        0,
        "turns stay local"
    );

    // The same entities pulled back onto the machine that made them change nothing.
    assert_eq!(a.apply_pulled(&changes).unwrap(), 0);
}

#[test]
fn a_deleted_cv_travels_as_tombstones_and_a_late_change_cannot_bring_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    a.enable_sync().unwrap();
    let created = a.outbox_pending(100).unwrap();
    let mut b = Store::open(dir.path().join("b.sqlite3")).unwrap();
    b.apply_pulled(&created).unwrap();

    let p = a.owner().unwrap();
    let cv_id = a.cvs(p).unwrap()[0].id;
    a.delete_cv(p, cv_id).unwrap();
    let deletes: Vec<Change> = a
        .outbox_pending(100)
        .unwrap()
        .into_iter()
        .filter(|c| c.op == "delete")
        .collect();
    let kinds: Vec<_> = deletes.iter().map(|c| c.entity.as_str()).collect();
    assert_eq!(kinds, ["analysis", "export", "cv_version", "cv"]);
    assert!(deletes.iter().all(|c| c.data.is_none()));

    b.apply_pulled(&deletes).unwrap();
    let pb = b.owner().unwrap();
    assert!(b.history(pb).unwrap().cvs.is_empty());
    assert!(b.history(pb).unwrap().analyses.is_empty());
    // The creation pulled again (another machine's late copy) stays deleted.
    b.apply_pulled(&created[..4]).unwrap();
    assert!(b.history(pb).unwrap().cvs.is_empty());
}

#[test]
fn for_builder_sessions_the_latest_change_wins() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = machine_with_history(dir.path(), "a");
    a.enable_sync().unwrap();
    let session = a
        .outbox_pending(100)
        .unwrap()
        .into_iter()
        .find(|c| c.entity == "builder_session")
        .unwrap();
    let mut newer = session.clone();
    newer.change_id = uuid::Uuid::new_v4().to_string();
    newer.at = "2999-01-01T00:00:00.000Z".into();
    newer.data.as_mut().unwrap()["current_state"] = "review".into();
    let mut b = Store::open(dir.path().join("b.sqlite3")).unwrap();
    b.apply_pulled(std::slice::from_ref(&newer)).unwrap();
    b.apply_pulled(std::slice::from_ref(&session)).unwrap();
    let pb = b.owner().unwrap();
    let id = b.sessions(pb).unwrap()[0].id.clone();
    assert_eq!(b.load_session(&id).unwrap().current_state, "review");
}

#[test]
fn rows_of_an_older_database_get_uuids_when_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch(include_str!("../fixtures/v1.sql"))
        .unwrap();
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    for table in ["profiles", "cvs", "cv_versions", "analyses"] {
        let uuids: Vec<Option<String>> = conn
            .prepare(&format!("SELECT uuid FROM {table}"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!uuids.is_empty(), "{table}");
        assert!(
            uuids.iter().all(|u| u.as_deref().is_some_and(is_uuid)),
            "{table}: {uuids:?}"
        );
    }
    // Versions stay immutable, their uuid included.
    assert!(
        conn.execute("UPDATE cv_versions SET uuid = 'x'", [])
            .is_err()
    );
    assert!(
        conn.execute("UPDATE cv_versions SET data = '{}'", [])
            .is_err()
    );
}
