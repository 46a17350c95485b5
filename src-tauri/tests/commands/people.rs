//! People on one machine through the app's commands (DESIGN §7): two people never see each other's
//! data, "Lock now" really closes it, wrong passcodes, guests write nothing, wipes reach the keychain,
//! and the machine's policy (passed in, never through the process-wide `JOBGATE_POLICY`).

use super::{TestApp, assert_error_json, corpus};
use crate::SharedKeys;
use jobgate_ai::keys::{KeyStore, MemoryKeys};
use jobgate_desktop::state::{AppState, Options};
use jobgate_engine::policy::{LoadedPolicy, Policy};
use jobgate_store::passcode::KdfParams;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;

const KEY: &str = "sk-or-v1-0123456789abcdef0123456789abcdef";

fn options(policy: Policy) -> Options {
    Options {
        kdf: KdfParams::FAST_FOR_TESTS,
        ..Options::with_policy(LoadedPolicy {
            policy,
            source: Some(PathBuf::from("/etc/jobgate/policy.toml")),
            problem: None,
        })
    }
}

fn app_with(policy: Policy, keys: SharedKeys) -> TestApp {
    TestApp::with_state(|data| {
        AppState::with_options(data.to_path_buf(), Box::new(keys), options(policy))
    })
}

fn app() -> TestApp {
    app_with(Policy::default(), SharedKeys::default())
}

/// A second app on `app`'s data folder (the machine after a restart).
fn restart(app: &TestApp, policy: Policy) -> AppState {
    AppState::with_options(
        app.data.path().to_path_buf(),
        Box::new(MemoryKeys::new()),
        options(policy),
    )
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The files under `dir` holding `needle`.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .collect()
}

fn email_of(imported: &Value) -> String {
    let email = imported["analysis"]["structured_data"]["personal_info"]["email"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(email.contains('@'), "{imported}");
    email
}

fn cvs(app: &TestApp) -> usize {
    app.ok("history", json!({}))["cvs"]
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn two_people_never_see_each_others_cvs_history_settings_or_screens() {
    let keys = SharedKeys::default();
    let app = app_with(Policy::default(), keys.clone());
    // A new machine opens the default profile, as before there were people.
    let who = app.ok("who", json!({}));
    assert_eq!(who["person"]["name"], "default", "{who}");

    let who = app.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    assert_eq!(who["person"]["name"], "Amal", "{who}");
    assert_eq!(who["person"]["has_passcode"], json!(true));
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    app.ok("save_ai_key", json!({"key": KEY}));
    let session = app.ok("builder_start", json!({}))["session_id"].clone();
    app.ok(
        "match_rank",
        json!({"jobText": "Software engineer. Required: Python, SQL.", "files": [], "cvIds": [imported["cv_id"]]}),
    );
    assert_eq!(cvs(&app), 1);

    let who = app.ok("switch_person", json!({}));
    assert_eq!(who["person"], Value::Null, "{who}");
    assert_eq!(who["locked"], Value::Null, "{who}");
    app.ok("create_person", json!({"name": "Badr"}));
    let h = app.ok("history", json!({}));
    for list in ["cvs", "analyses", "sessions", "exports"] {
        assert!(h[list].as_array().unwrap().is_empty(), "{list}: {h}");
    }
    let s = app.ok("get_settings", json!({}));
    assert_eq!(s["ai_enabled"], json!(false), "{s}");
    assert_eq!(s["ai_key_saved"], json!(false), "{s}");
    assert_error_json(
        &app.err("open_analysis", json!({"id": imported["analysis_id"]})),
        "INVALID_INPUT",
    );
    assert_error_json(
        &app.err(
            "builder_answer",
            json!({"sessionId": session, "answer": "x"}),
        ),
        "SESSION_NOT_FOUND",
    );
    let csv = app.data.path().join("ranking.csv");
    assert!(app.call("save_match_csv", json!({"path": csv})).is_err());
    assert_eq!(keys.load_api_key("Badr").unwrap(), None);
    assert_eq!(keys.load_api_key("Amal").unwrap().as_deref(), Some(KEY));

    // Amal's data is back with her passcode, and only then.
    app.ok("switch_person", json!({}));
    app.ok(
        "open_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    assert_eq!(cvs(&app), 1);
    assert_eq!(
        app.ok("get_settings", json!({}))["ai_key_saved"],
        json!(true)
    );

    // The machine now has three people: it starts at the picker.
    let state = restart(&app, Policy::default());
    assert!(state.who().person.is_none());
    let people = app.ok("people_list", json!({}));
    let names: Vec<&str> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Amal", "Badr", "default"]);
    assert_eq!(people["people"][0]["locked"], json!(true));
    assert_eq!(people["people"][1]["locked"], json!(false));
}

#[test]
fn after_lock_now_the_data_needs_the_passcode_and_the_files_reveal_nothing() {
    let app = app();
    app.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let email = email_of(&imported);

    let who = app.ok("lock_now", json!({}));
    assert_eq!(who["person"], Value::Null, "{who}");
    assert_eq!(who["locked"], "Amal", "{who}");
    for (cmd, args) in [
        ("history", json!({})),
        ("open_analysis", json!({"id": imported["analysis_id"]})),
        ("open_version", json!({"id": imported["version_id"]})),
    ] {
        let e = app.err(cmd, args);
        assert_error_json(&e, "PROFILE_LOCKED");
        assert_eq!(e["details"]["profile"], "Amal");
    }
    assert_eq!(holding(app.data.path(), &email), Vec::<PathBuf>::new());

    assert_error_json(
        &app.err("open_person", json!({"name": "Amal"})),
        "PROFILE_LOCKED",
    );
    let e = app.err("open_person", json!({"name": "Amal", "passcode": "wrong"}));
    assert_error_json(&e, "WRONG_PASSCODE");
    assert_eq!(e["details"]["failures"], json!(1));
    assert_eq!(e["details"]["wait_seconds"], json!(0));
    assert_error_json(
        &app.err("open_person", json!({"name": "Nobody"})),
        "PROFILE_NOT_FOUND",
    );

    app.ok(
        "open_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    assert_eq!(cvs(&app), 1);
}

#[test]
fn five_wrong_passcodes_make_the_next_try_wait_and_say_so_in_arabic() {
    let app = app();
    app.ok("set_language", json!({"lang": "ar"}));
    app.ok(
        "create_person",
        json!({"name": "أمل", "passcode": "سر-1234"}),
    );
    app.ok("lock_now", json!({}));
    let mut last = Value::Null;
    for _ in 0..5 {
        last = app.err("open_person", json!({"name": "أمل", "passcode": "خطأ"}));
    }
    assert_error_json(&last, "WRONG_PASSCODE");
    assert_eq!(last["details"]["failures"], json!(5));
    assert_eq!(last["details"]["wait_seconds"], json!(30));
    assert!(last["error"].as_str().unwrap().contains("30"), "{last}");
    assert!(
        jobgate_core::text::arabic_ratio(last["error"].as_str().unwrap()) > 0.5,
        "{last}"
    );
    // Even the right passcode waits now.
    let e = app.err("open_person", json!({"name": "أمل", "passcode": "سر-1234"}));
    assert_error_json(&e, "WRONG_PASSCODE");
    assert!(e["details"]["wait_seconds"].as_u64().unwrap() > 0, "{e}");
}

#[test]
fn a_guest_writes_nothing_to_the_data_folder() {
    let policy = Policy {
        guest_by_default: true,
        ..Policy::default()
    };
    let keys = SharedKeys::default();
    let app = app_with(policy, keys.clone());
    let who = app.ok("who", json!({}));
    assert_eq!(who["person"]["guest"], json!(true), "{who}");
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let email = email_of(&imported);
    app.ok("set_language", json!({"lang": "ar"}));
    app.ok("save_ai_key", json!({"key": KEY}));
    app.ok("builder_start", json!({}));
    assert_eq!(cvs(&app), 1);
    // The picker reads the index (names only); nothing of the guest is in any file.
    app.ok("people_list", json!({}));
    let files = files_under(app.data.path());
    let names: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(app.data.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == jobgate_store::profiles::INDEX_FILE),
        "{names:?}"
    );
    assert_eq!(holding(app.data.path(), &email), Vec::<PathBuf>::new());
    assert_eq!(holding(app.data.path(), KEY), Vec::<PathBuf>::new());
    // The guest's key never reached the keychain.
    for name in ["guest", "default", ""] {
        assert_eq!(keys.load_api_key(name).ok().flatten(), None);
    }

    // When the guest leaves, their session is gone: a new guest starts empty.
    app.ok("switch_person", json!({}));
    app.ok("start_guest", json!({}));
    assert_eq!(cvs(&app), 0);
    assert_eq!(
        app.ok("get_settings", json!({}))["ai_key_saved"],
        json!(false)
    );
}

#[test]
fn wiping_a_person_removes_their_files_keychain_entry_and_offers_their_exports() {
    let keys = SharedKeys::default();
    let app = app_with(Policy::default(), keys.clone());
    app.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    app.ok("save_ai_key", json!({"key": KEY}));
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let email = email_of(&imported);
    let templates = app.ok("export_templates", json!({}));
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("Amal CV.docx");
    app.ok(
        "export_cv",
        json!({"cv": imported["analysis"]["structured_data"], "versionId": imported["version_id"],
               "template": templates[0]["name"], "format": "docx", "lang": "en", "path": out}),
    );
    assert_eq!(keys.load_api_key("Amal").unwrap().as_deref(), Some(KEY));

    // First the question: nothing is wiped, the exported files are listed.
    let asked = app.ok("wipe_person", json!({"name": "Amal"}));
    assert_eq!(asked["wiped"], json!(false), "{asked}");
    assert_eq!(asked["exported_files"], json!([out.display().to_string()]));
    assert_eq!(cvs(&app), 1);

    let done = app.ok("wipe_person", json!({"name": "Amal", "confirm": true}));
    assert_eq!(done["wiped"], json!(true), "{done}");
    assert_eq!(done["who"]["person"], Value::Null, "{done}");
    assert_eq!(keys.load_api_key("Amal").unwrap(), None);
    let people = app.ok("people_list", json!({}));
    assert!(!people.to_string().contains("Amal"), "{people}");
    assert_eq!(holding(app.data.path(), &email), Vec::<PathBuf>::new());
    assert_error_json(&app.err("history", json!({})), "PROFILE_LOCKED");

    // Only the offered files can be deleted.
    let other = out_dir.path().join("not offered.txt");
    std::fs::write(&other, "keep me").unwrap();
    assert_error_json(
        &app.err("delete_exported_files", json!({"paths": [other]})),
        "INVALID_INPUT",
    );
    assert!(other.exists());
    let deleted = app.ok("delete_exported_files", json!({"paths": [out]}));
    assert_eq!(deleted, json!([out.display().to_string()]));
    assert!(!out.exists());
}

#[test]
fn a_forgotten_passcode_is_wiped_from_the_picker_without_it() {
    let app = app();
    app.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    app.ok("lock_now", json!({}));
    let asked = app.ok("wipe_person", json!({"name": "Amal"}));
    assert_eq!(asked["wiped"], json!(false));
    // A locked person's exports are not known (their history is encrypted).
    assert_eq!(asked["exported_files"], json!([]));
    let done = app.ok("wipe_person", json!({"name": "Amal", "confirm": true}));
    assert_eq!(done["wiped"], json!(true));
    assert_eq!(done["who"]["locked"], Value::Null, "{done}");
    assert_error_json(
        &app.err(
            "open_person",
            json!({"name": "Amal", "passcode": "amal-1234"}),
        ),
        "PROFILE_NOT_FOUND",
    );
}

#[test]
fn a_passcode_is_set_changed_and_removed_while_the_profile_stays_open() {
    let app = app();
    app.ok("create_person", json!({"name": "Amal"}));
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let email = email_of(&imported);
    assert!(!holding(app.data.path(), &email).is_empty());

    let who = app.ok("set_passcode", json!({"new": "first-1234"}));
    assert_eq!(who["person"]["has_passcode"], json!(true), "{who}");
    assert_eq!(cvs(&app), 1);
    assert_eq!(holding(app.data.path(), &email), Vec::<PathBuf>::new());
    assert_error_json(
        &app.err("set_passcode", json!({"new": "abc"})),
        "PROFILE_LOCKED",
    );
    assert_error_json(
        &app.err(
            "set_passcode",
            json!({"current": "nope", "new": "second-1234"}),
        ),
        "WRONG_PASSCODE",
    );
    assert_eq!(cvs(&app), 1, "a wrong passcode leaves the profile open");
    assert_error_json(
        &app.err(
            "set_passcode",
            json!({"current": "first-1234", "new": "abc"}),
        ),
        "INVALID_INPUT",
    );
    app.ok(
        "set_passcode",
        json!({"current": "first-1234", "new": "second-1234"}),
    );
    assert_eq!(cvs(&app), 1);
    app.ok("lock_now", json!({}));
    assert_error_json(
        &app.err(
            "open_person",
            json!({"name": "Amal", "passcode": "first-1234"}),
        ),
        "WRONG_PASSCODE",
    );
    app.ok(
        "open_person",
        json!({"name": "Amal", "passcode": "second-1234"}),
    );
    let who = app.ok("remove_passcode", json!({"current": "second-1234"}));
    assert_eq!(who["person"]["has_passcode"], json!(false), "{who}");
    assert_eq!(cvs(&app), 1);
    app.ok("lock_now", json!({}));
    app.ok("open_person", json!({"name": "Amal"}));
    assert_eq!(cvs(&app), 1);
}

#[test]
fn a_policy_that_requires_passcodes_makes_every_profile_set_one_before_use() {
    let app = app();
    app.ok("create_person", json!({"name": "Amal"}));
    app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    drop(app.ok("switch_person", json!({})));
    let policy = Policy {
        require_passcode: true,
        ..Policy::default()
    };
    let strict = TestApp::with_state(|_| {
        AppState::with_options(
            app.data.path().to_path_buf(),
            Box::new(MemoryKeys::new()),
            options(policy.clone()),
        )
    });
    assert_eq!(strict.ok("who", json!({}))["person"], Value::Null);
    let people = strict.ok("people_list", json!({}));
    assert_eq!(people["require_passcode"], json!(true));
    assert_error_json(
        &strict.err("create_person", json!({"name": "Badr"})),
        "INVALID_INPUT",
    );
    let e = strict.err("open_person", json!({"name": "Amal"}));
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(e["details"]["field"], "passcode", "{e}");
    let who = strict.ok(
        "open_person",
        json!({"name": "Amal", "newPasscode": "amal-1234"}),
    );
    assert_eq!(who["person"]["has_passcode"], json!(true), "{who}");
    assert_eq!(cvs(&strict), 1);
    assert_error_json(
        &strict.err("remove_passcode", json!({"current": "amal-1234"})),
        "INVALID_INPUT",
    );
    strict.ok(
        "create_person",
        json!({"name": "Badr", "passcode": "badr-1234"}),
    );
    assert_eq!(
        strict.ok("policy", json!({}))["require_passcode"],
        json!(true)
    );
}

#[test]
fn a_policy_of_guests_by_default_starts_as_a_guest_even_with_people_on_the_machine() {
    let app = app();
    app.ok("create_person", json!({"name": "Amal"}));
    app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let policy = Policy {
        guest_by_default: true,
        ..Policy::default()
    };
    let state = restart(&app, policy);
    let who = state.who();
    assert!(who.person.as_ref().is_some_and(|p| p.guest), "{who:?}");
    let history = state.with_store(|s, p| s.history(p)).unwrap();
    assert!(history.cvs.is_empty());
}

#[test]
fn a_policy_with_ai_off_keeps_ai_off_and_says_why() {
    let policy = Policy {
        allow_ai: false,
        ..Policy::default()
    };
    let app = app_with(policy, SharedKeys::default());
    let s = app.ok("get_settings", json!({}));
    assert!(
        s["ai_blocked"]
            .as_str()
            .is_some_and(|r| r.contains("policy")),
        "{s}"
    );
    let e = app.err("set_ai_enabled", json!({"enabled": true, "consent": true}));
    assert_error_json(&e, "AI_UNAVAILABLE");
    assert_eq!(
        app.ok("get_settings", json!({}))["ai_enabled"],
        json!(false)
    );
    let p = app.ok("policy", json!({}));
    assert_eq!(p["allow_ai"], json!(false));
    assert_eq!(p["source"], "/etc/jobgate/policy.toml");
    assert_eq!(p["problem"], Value::Null);
}

#[test]
fn an_idle_person_is_locked_after_the_policys_minutes() {
    let app = TestApp::with_state(|data| {
        AppState::with_options(
            data.to_path_buf(),
            Box::new(MemoryKeys::new()),
            Options {
                idle_limit: Some(Duration::from_millis(1500)),
                ..options(Policy::default())
            },
        )
    });
    app.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    let idle = app.ok("idle_deadline", json!({}));
    assert_eq!(idle["locked"], json!(false), "{idle}");
    assert!(idle["seconds_left"].is_u64(), "{idle}");
    std::thread::sleep(Duration::from_millis(1000));
    app.ok("note_activity", json!({}));
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(cvs(&app), 0, "activity restarted the count");
    std::thread::sleep(Duration::from_millis(1600));
    assert_error_json(&app.err("history", json!({})), "PROFILE_LOCKED");
    let who = app.ok("who", json!({}));
    assert_eq!(who["locked"], "Amal", "{who}");
    assert_eq!(
        app.ok("idle_deadline", json!({}))["seconds_left"],
        Value::Null
    );
}

/// A guest's DOCX exported to `dir`; returns its path.
fn guest_export(app: &TestApp, dir: &Path, file: &str) -> PathBuf {
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let templates = app.ok("export_templates", json!({}));
    let out = dir.join(file);
    app.ok(
        "export_cv",
        json!({"cv": imported["analysis"]["structured_data"], "versionId": imported["version_id"],
               "template": templates[0]["name"], "format": "docx", "lang": "en", "path": out}),
    );
    assert!(out.exists());
    out
}

#[test]
fn a_guest_who_leaves_is_asked_about_the_files_they_exported() {
    let app = app();
    let out_dir = tempfile::tempdir().unwrap();
    // A guest exports two files; one is deleted, one kept.
    app.ok("start_guest", json!({}));
    let first = guest_export(&app, out_dir.path(), "guest CV.docx");
    let second = guest_export(&app, out_dir.path(), "guest CV 2.docx");
    assert_eq!(app.ok("who", json!({}))["guest_files"], json!([]));
    let who = app.ok("switch_person", json!({}));
    assert_eq!(who["person"], Value::Null, "{who}");
    // Sorted by path.
    let listed = json!([second.display().to_string(), first.display().to_string()]);
    assert_eq!(who["guest_files"], listed, "{who}");
    // The picker asks again after a reload, until it is answered.
    assert_eq!(app.ok("who", json!({}))["guest_files"], listed);
    // Only the guest's files can be deleted.
    let other = out_dir.path().join("not theirs.txt");
    std::fs::write(&other, "keep me").unwrap();
    assert_error_json(
        &app.err("answer_guest_files", json!({"delete": [other]})),
        "INVALID_INPUT",
    );
    assert!(other.exists());
    let deleted = app.ok("answer_guest_files", json!({"delete": [first]}));
    assert_eq!(deleted, json!([first.display().to_string()]));
    assert!(!first.exists() && second.exists());
    // Answered: the question is gone, and "keep" deletes nothing.
    assert_eq!(app.ok("who", json!({}))["guest_files"], json!([]));
    assert_error_json(
        &app.err("answer_guest_files", json!({"delete": [second]})),
        "INVALID_INPUT",
    );
    assert!(second.exists());

    // Lock now asks too; a guest with nothing exported (or files already gone) is not asked.
    app.ok("start_guest", json!({}));
    let third = guest_export(&app, out_dir.path(), "guest CV 3.docx");
    let who = app.ok("lock_now", json!({}));
    assert_eq!(who["guest_files"], json!([third.display().to_string()]));
    assert_eq!(who["locked"], Value::Null, "a guest has nothing to unlock");
    app.ok("answer_guest_files", json!({"delete": []}));
    assert!(third.exists());
    app.ok("start_guest", json!({}));
    let fourth = guest_export(&app, out_dir.path(), "guest CV 4.docx");
    std::fs::remove_file(&fourth).unwrap();
    assert_eq!(app.ok("switch_person", json!({}))["guest_files"], json!([]));
    // "Delete all my data" empties a guest's history, not the list of files they exported.
    app.ok("start_guest", json!({}));
    let sixth = guest_export(&app, out_dir.path(), "guest CV 6.docx");
    app.ok("delete_all_data", json!({}));
    assert_eq!(
        app.ok("switch_person", json!({}))["guest_files"],
        json!([sixth.display().to_string()])
    );
    app.ok("answer_guest_files", json!({"delete": [sixth]}));
    assert!(!sixth.exists());
    // Someone signing in ends the question (the files stay).
    app.ok("start_guest", json!({}));
    let fifth = guest_export(&app, out_dir.path(), "guest CV 5.docx");
    app.ok("switch_person", json!({}));
    let who = app.ok("open_person", json!({"name": "default"}));
    assert_eq!(who["guest_files"], json!([]));
    assert!(fifth.exists());
    // A named person's exports are theirs: leaving asks nothing (a wipe offers them).
    guest_export(&app, out_dir.path(), "mine.docx");
    assert_eq!(app.ok("switch_person", json!({}))["guest_files"], json!([]));
}

#[test]
fn a_guest_locked_for_being_idle_leaves_the_question_for_the_picker() {
    let app = TestApp::with_state(|data| {
        AppState::with_options(
            data.to_path_buf(),
            Box::new(MemoryKeys::new()),
            Options {
                idle_limit: Some(Duration::from_millis(1500)),
                ..options(Policy {
                    guest_by_default: true,
                    ..Policy::default()
                })
            },
        )
    });
    let out_dir = tempfile::tempdir().unwrap();
    let out = guest_export(&app, out_dir.path(), "guest CV.docx");
    std::thread::sleep(Duration::from_millis(1700));
    let who = app.ok("who", json!({}));
    assert_eq!(who["person"], Value::Null, "{who}");
    assert_eq!(who["guest_files"], json!([out.display().to_string()]));
    app.ok("answer_guest_files", json!({"delete": [out]}));
    assert!(!out.exists());
}

#[test]
fn a_guest_quitting_is_asked_before_the_window_closes() {
    let app = app();
    let out_dir = tempfile::tempdir().unwrap();
    let state = tauri::Manager::state::<AppState>(&app.window);
    assert_eq!(state.guest_quitting_files(), Vec::<String>::new());
    app.ok("start_guest", json!({}));
    assert_eq!(state.guest_quitting_files(), Vec::<String>::new());
    let out = guest_export(&app, out_dir.path(), "guest CV.docx");
    assert_eq!(
        state.guest_quitting_files(),
        vec![out.display().to_string()]
    );
    app.ok("answer_guest_files", json!({"delete": [out]}));
    assert!(!out.exists());
}

#[test]
fn the_default_profile_is_marked_for_a_label_and_keeps_its_name() {
    let app = app();
    let who = app.ok("who", json!({}));
    assert_eq!(who["person"]["name"], "default", "{who}");
    assert_eq!(who["person"]["default"], json!(true), "{who}");
    app.ok("create_person", json!({"name": "Amal"}));
    assert_eq!(app.ok("who", json!({}))["person"]["default"], json!(false));
    let people = app.ok("people_list", json!({}));
    let marked: Vec<(String, bool)> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["default"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        marked,
        [("Amal".to_string(), false), ("default".to_string(), true)]
    );
    // The label is the UI's, in the person's language; the command line's name is unchanged.
    let ar = app.ok("ui_messages", json!({"lang": "ar"}));
    assert_eq!(ar["messages"]["ui-person-default"], "الملف الرئيسي");
    app.ok("open_person", json!({"name": "default"}));
    assert_eq!(app.ok("who", json!({}))["person"]["name"], "default");
}
