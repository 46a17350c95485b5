//! The store against real SQLite files in temporary folders: upgrades from an older schema,
//! analyses and versions, profile wipe, settings without secrets, builder turns; and (module `profiles`)
//! one encrypted database per person; (module `sync`) the outbox and pulled changes.

mod profiles;
mod sync;

use jobgate_core::{AnalysisResponse, Cv, ErrorCode, JobGateError};
use jobgate_store::{CvId, Store, TurnRecord, VersionSource, migrations};
use rusqlite::Connection;

fn cv(name: &str) -> Cv {
    let mut cv = Cv::default();
    cv.personal_info.name = name.into();
    cv.personal_info.email = "someone@example.com".into();
    cv.skills = vec!["Excel".into(), "SQL".into()];
    cv
}

fn analysis(name: &str, score: f64) -> AnalysisResponse {
    AnalysisResponse {
        structured_data: cv(name),
        ats_score: score,
        ..AnalysisResponse::default()
    }
}

#[test]
fn a_version_1_database_is_upgraded_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobgate.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch(include_str!("fixtures/v1.sql"))
        .unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.opened_at_version(), 1);
    assert_eq!(store.schema_version().unwrap(), migrations::CURRENT_VERSION);
    const { assert!(migrations::CURRENT_VERSION >= 3) };

    let p = store.default_profile().unwrap();
    let versions = store.versions(CvId(1)).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].source, VersionSource::Import);
    assert_eq!(
        versions[0].structured_data.personal_info.name,
        "Layla Haddad"
    );
    assert_eq!(versions[0].structured_data.skills, ["Excel", "IFRS"]);
    assert_eq!(
        store.setting(p, "ui_language").unwrap().as_deref(),
        Some("ar")
    );
    let h = store.history(p).unwrap();
    assert_eq!(h.analyses.len(), 1);
    assert_eq!(h.analyses[0].file_name, "layla.pdf");
    assert_eq!(h.analyses[0].cv_id, Some(CvId(1)));

    // The tables of version 2 work on the upgraded file.
    let v2 = store
        .add_version(CvId(1), VersionSource::Builder, &cv("Layla Haddad"))
        .unwrap();
    store
        .record_export(p, Some(v2), "/tmp/layla.pdf", "pdf", "classic")
        .unwrap();
    let id = store
        .create_session(p, Some(CvId(1)), "ar", "asking_for_name", "{}", "{}")
        .unwrap();
    assert_eq!(store.load_session(&id).unwrap().lang, "ar");
    assert_eq!(store.versions(CvId(1)).unwrap().len(), 2);
    drop(store);

    // Opening again does not migrate twice.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.opened_at_version(), migrations::CURRENT_VERSION);
    let journal: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal.to_lowercase(), "wal");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobgate.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::StorageError);
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn analyses_become_cv_versions_and_the_same_file_reuses_its_cv() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("db.sqlite3")).unwrap();
    let p = store.default_profile().unwrap();
    let a = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    let again = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    assert_eq!(a.cv_id, again.cv_id);
    assert_eq!(a.version_id, again.version_id, "same data: no new version");
    let changed = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar A. Ali", 61.0))
        .unwrap();
    assert_eq!(changed.cv_id, a.cv_id);
    assert_ne!(changed.version_id, a.version_id);
    let other = store
        .record_analysis(p, "sara.docx", "sha-2", &analysis("Sara", 80.0))
        .unwrap();
    assert_ne!(other.cv_id, a.cv_id);

    let versions = store.versions(a.cv_id).unwrap();
    assert_eq!(
        versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        versions[1].structured_data.personal_info.name,
        "Omar A. Ali"
    );
    assert_eq!(store.analysis(changed.analysis_id).unwrap().ats_score, 61.0);
    let h = store.history(p).unwrap();
    assert_eq!(h.analyses.len(), 4);
    assert_eq!(h.cvs.len(), 2);
    assert_eq!(h.analyses[0].file_name, "sara.docx", "newest first");
}

#[test]
fn versions_cannot_be_changed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.default_profile().unwrap();
    let (cv_id, _) = store
        .create_cv(p, VersionSource::Edit, &cv("Nour"))
        .unwrap();
    let raw = Connection::open(&path).unwrap();
    let err = raw
        .execute(
            "UPDATE cv_versions SET data = '{}' WHERE cv_id = ?1",
            [cv_id.0],
        )
        .unwrap_err();
    assert!(err.to_string().contains("immutable"), "{err}");
    assert_eq!(
        store
            .latest_version(cv_id)
            .unwrap()
            .structured_data
            .personal_info
            .name,
        "Nour"
    );
}

#[test]
fn wiping_a_profile_removes_its_data_from_the_file_and_leaves_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let amal = store.profile("amal").unwrap();
    let badr = store.profile("badr").unwrap();
    store
        .record_analysis(
            amal,
            "amal.pdf",
            "s1",
            &analysis("Amal Zebrawithmarker", 70.0),
        )
        .unwrap();
    store.set_setting(amal, "theme", "dark").unwrap();
    store
        .cache_ai_answer(amal, "k1", "{\"name\":\"Amal Zebrawithmarker\"}")
        .unwrap();
    let sid = store
        .create_session(amal, None, "en", "asking_for_name", "{\"x\":1}", "{}")
        .unwrap();
    store
        .record_analysis(badr, "badr.pdf", "s2", &analysis("Badr", 50.0))
        .unwrap();

    store.wipe_profile(amal).unwrap();
    assert_eq!(
        store.load_session(&sid).unwrap_err().code(),
        ErrorCode::SessionNotFound
    );
    assert_eq!(store.history(badr).unwrap().analyses.len(), 1);
    let amal_again = store.profile("amal").unwrap();
    let h = store.history(amal_again).unwrap();
    assert!(h.analyses.is_empty() && h.cvs.is_empty() && h.sessions.is_empty());
    assert_eq!(store.setting(amal_again, "theme").unwrap(), None);
    assert_eq!(store.cached_ai_answer(amal_again, "k1").unwrap(), None);
    drop(store);
    let mut bytes = std::fs::read(&path).unwrap();
    if let Ok(wal) = std::fs::read(dir.path().join("db.sqlite3-wal")) {
        bytes.extend(wal);
    }
    let needle = b"Zebrawithmarker";
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "wiped data is still readable in the database file"
    );
}

#[test]
fn settings_never_take_secrets() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.default_profile().unwrap();
    for key in ["openrouter_api_key", "API-KEY", "sync.token", "password"] {
        let err = store.set_setting(p, key, "sk-123").unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{key}");
    }
    store
        .set_setting(p, "ai_model", "deepseek/deepseek-chat")
        .unwrap();
    store.set_setting(p, "ai_model", "other").unwrap();
    assert_eq!(
        store.setting(p, "ai_model").unwrap().as_deref(),
        Some("other")
    );
}

#[test]
fn a_final_turn_saves_the_cv_as_a_builder_version_in_the_same_commit() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store.default_profile().unwrap();
    let id = store
        .create_session(
            p,
            None,
            "en",
            "asking_for_name",
            "{\"s\":0}",
            "{\"session_id\":\"\"}",
        )
        .unwrap();
    assert!(
        store
            .load_session(&id)
            .unwrap()
            .last_response_json
            .contains(&id)
    );
    let t1 = store
        .save_turn(&TurnRecord {
            session_id: &id,
            answer: "Mona",
            current_state: "asking_for_email",
            state_json: "{\"s\":1}",
            response_json: "{}",
            finalized: None,
        })
        .unwrap();
    assert_eq!((t1.number, t1.version), (1, None));
    let done_cv = cv("Mona");
    let t2 = store
        .save_turn(&TurnRecord {
            session_id: &id,
            answer: "/done",
            current_state: "finalized",
            state_json: "{\"s\":2}",
            response_json: "{}",
            finalized: Some((&done_cv, VersionSource::Builder)),
        })
        .unwrap();
    let (cv_id, version) = t2.version.unwrap();
    let s = store.load_session(&id).unwrap();
    assert_eq!(
        (s.turns, s.state_json.as_str(), s.cv_id),
        (2, "{\"s\":2}", Some(cv_id))
    );
    let v = store.version(version).unwrap();
    assert_eq!(
        (v.source, v.structured_data),
        (VersionSource::Builder, done_cv)
    );
    assert_eq!(store.session_answers(&id).unwrap(), ["Mona", "/done"]);

    let missing = store.save_turn(&TurnRecord {
        session_id: "nope",
        answer: "x",
        current_state: "x",
        state_json: "{}",
        response_json: "{}",
        finalized: None,
    });
    assert_eq!(
        missing.unwrap_err(),
        JobGateError::SessionNotFound {
            session_id: "nope".into()
        }
    );
}

#[test]
fn ai_answers_are_cached_per_profile_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let a = store.profile("a").unwrap();
    let b = store.profile("b").unwrap();
    store.cache_ai_answer(a, "hash|model|v1", "{}").unwrap();
    store
        .cache_ai_answer(a, "hash|model|v1", "{\"x\":1}")
        .unwrap();
    assert_eq!(store.cached_ai_answer(b, "hash|model|v1").unwrap(), None);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store
            .cached_ai_answer(a, "hash|model|v1")
            .unwrap()
            .as_deref(),
        Some("{\"x\":1}")
    );
}

#[test]
fn deleting_a_cv_removes_its_versions_analyses_sessions_and_export_rows_but_not_other_cvs_or_files()
{
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("db.sqlite3")).unwrap();
    let p = store.default_profile().unwrap();
    let omar = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    let edited = store
        .add_version(omar.cv_id, VersionSource::Edit, &cv("Omar A. Ali"))
        .unwrap();
    let exported = dir.path().join("omar.docx");
    std::fs::write(&exported, b"PK").unwrap();
    store
        .record_export(
            p,
            Some(edited),
            &exported.display().to_string(),
            "docx",
            "classic",
        )
        .unwrap();
    let session = store
        .create_session(p, Some(omar.cv_id), "en", "review", "{}", "{}")
        .unwrap();
    let sara = store
        .record_analysis(p, "sara.pdf", "sha-2", &analysis("Sara", 80.0))
        .unwrap();
    store
        .record_export(p, Some(sara.version_id), "/tmp/sara.pdf", "pdf", "classic")
        .unwrap();

    store.delete_cv(p, omar.cv_id).unwrap();

    let h = store.history(p).unwrap();
    assert_eq!(h.cvs.iter().map(|c| c.id).collect::<Vec<_>>(), [sara.cv_id]);
    assert_eq!(h.analyses.len(), 1);
    assert_eq!(h.analyses[0].file_name, "sara.pdf");
    assert_eq!(h.exports.len(), 1);
    assert_eq!(h.exports[0].path, "/tmp/sara.pdf");
    assert!(store.version(edited).is_err());
    assert!(store.analysis(omar.analysis_id).is_err());
    assert!(exported.exists(), "the exported file on disk stays");
    // Its builder session held the CV's contents: it is gone too.
    assert_eq!(
        store.load_session(&session).unwrap_err().code(),
        ErrorCode::SessionNotFound
    );
    // The same file analysed again starts a new CV.
    let again = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    assert_ne!(again.cv_id, omar.cv_id);

    let e = store.delete_cv(p, omar.cv_id).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    let other = store.profile("someone-else").unwrap();
    let e = store.delete_cv(other, sara.cv_id).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput, "a CV of another profile");
    assert_eq!(store.history(p).unwrap().cvs.len(), 2);
}

#[test]
fn deleting_a_cv_deletes_its_ai_answers_and_empties_the_wal_or_says_it_could_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let p = store.default_profile().unwrap();
    let omar = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    let sara = store
        .record_analysis(p, "sara.pdf", "sha-2", &analysis("Sara", 80.0))
        .unwrap();
    for (key, answer) in [
        ("omar|a", "{1}"),
        ("omar|b", "{2}"),
        ("shared", "{3}"),
        ("sara", "{4}"),
    ] {
        store.cache_ai_answer(p, key, answer).unwrap();
    }
    let used = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    store
        .note_ai_answers_used(p, omar.cv_id, &used(&["omar|a", "omar|b", "shared"]))
        .unwrap();
    store
        .note_ai_answers_used(p, sara.cv_id, &used(&["shared", "sara"]))
        .unwrap();

    let report = store.delete_cv(p, omar.cv_id).unwrap();
    assert_eq!(report.ai_answers_deleted, 2);
    assert!(report.wal_checkpointed);
    assert_eq!(store.cached_ai_answer(p, "omar|a").unwrap(), None);
    assert_eq!(store.cached_ai_answer(p, "omar|b").unwrap(), None);
    // An answer another CV used too stays for it, until that CV goes as well.
    assert_eq!(
        store.cached_ai_answer(p, "shared").unwrap().as_deref(),
        Some("{3}")
    );
    let wal = dir.path().join("db.sqlite3-wal");
    assert_eq!(
        std::fs::metadata(&wal).map_or(0, |m| m.len()),
        0,
        "the WAL was emptied"
    );

    // A reader in the middle of a transaction keeps the WAL busy: the CV is deleted all the same, and
    // the report says the file still holds its traces.
    let reader = Connection::open(&path).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM cvs;")
        .unwrap();
    store
        .record_analysis(p, "badr.pdf", "sha-3", &analysis("Badr", 50.0))
        .unwrap();
    let report = store.delete_cv(p, sara.cv_id).unwrap();
    assert!(!report.wal_checkpointed);
    assert_eq!(report.ai_answers_deleted, 2);
    assert_eq!(store.cached_ai_answer(p, "shared").unwrap(), None);
    reader.execute_batch("COMMIT;").unwrap();
    assert!(store.checkpoint_now());
}

#[test]
fn the_latest_version_comes_with_its_own_analysis_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("db.sqlite3")).unwrap();
    let p = store.default_profile().unwrap();
    let a = store
        .record_analysis(p, "omar.pdf", "sha-1", &analysis("Omar Ali", 60.0))
        .unwrap();
    let latest = store.latest_analysed(a.cv_id).unwrap();
    assert_eq!(latest.version.id, a.version_id);
    assert_eq!(latest.file_name.as_deref(), Some("omar.pdf"));
    assert_eq!(latest.analysis.as_ref().map(|r| r.ats_score), Some(60.0));

    // Edited after the analysis: the stored score describes the old content.
    let v2 = store
        .add_version(a.cv_id, VersionSource::Edit, &cv("Omar A. Ali"))
        .unwrap();
    let latest = store.latest_analysed(a.cv_id).unwrap();
    assert_eq!(latest.version.id, v2);
    assert_eq!(
        latest.version.structured_data.personal_info.name,
        "Omar A. Ali"
    );
    assert_eq!(latest.analysis, None);
    assert_eq!(latest.file_name.as_deref(), Some("omar.pdf"));

    // A built CV was never analysed.
    let (built, _) = store
        .create_cv(p, VersionSource::Builder, &cv("Sara Haddad"))
        .unwrap();
    let latest = store.latest_analysed(built).unwrap();
    assert_eq!((latest.file_name, latest.analysis), (None, None));
    assert_eq!(latest.title, "Sara Haddad");
    assert_eq!(
        store.latest_analysed(CvId(999)).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
}
