//! Moving work between computers through the app's commands (issue 15): a profile as one encrypted
//! file, brought into another data folder; one CV as JSON Resume, brought into another person's
//! history. The native dialogs are answered with `AppState::answer_next_dialog` (the mock runtime
//! has none); the page never passes a path.

use super::{TestApp, assert_error_json, corpus};
use jobgate_ai::keys::MemoryKeys;
use jobgate_desktop::state::{AppState, Options};
use jobgate_engine::policy::{LoadedPolicy, Policy};
use jobgate_store::passcode::KdfParams;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tauri::Manager;

fn app() -> TestApp {
    TestApp::with_state(|data| {
        let options = Options {
            kdf: KdfParams::FAST_FOR_TESTS,
            ..Options::with_policy(LoadedPolicy {
                policy: Policy::default(),
                source: None,
                problem: None,
            })
        };
        AppState::with_options(data.to_path_buf(), Box::new(MemoryKeys::new()), options)
    })
}

/// The next file dialog answers `path` (`None`: the user cancels).
fn answer(app: &TestApp, path: Option<&Path>) {
    app.window
        .state::<AppState>()
        .answer_next_dialog(path.map(Path::to_path_buf));
}

fn holds(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn cvs(app: &TestApp) -> Vec<Value> {
    app.ok("history", json!({}))["cvs"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_profile_file_brings_the_person_to_another_computer_locked_with_the_file_passcode() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("amal.jobgate");
    let here = app();
    here.ok(
        "create_person",
        json!({"name": "Amal", "passcode": "amal-1234"}),
    );
    let imported = here.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let info = &imported["analysis"]["structured_data"]["personal_info"];
    let (name, email) = (
        info["name"].as_str().unwrap().to_string(),
        info["email"].as_str().unwrap().to_string(),
    );
    assert!(email.contains('@') && !name.is_empty(), "{info}");

    // Checked before any dialog opens: the two file passcodes, the profile's own passcode.
    let e = here.err(
        "export_profile",
        json!({"passcode": "amal-1234", "filePasscode": "move-5678", "filePasscodeAgain": "move-0000"}),
    );
    assert_error_json(&e, "INVALID_INPUT");
    let e = here.err(
        "export_profile",
        json!({"filePasscode": "move-5678", "filePasscodeAgain": "move-5678"}),
    );
    assert_error_json(&e, "PROFILE_LOCKED");
    let e = here.err(
        "export_profile",
        json!({"passcode": "wrong", "filePasscode": "move-5678", "filePasscodeAgain": "move-5678"}),
    );
    assert_error_json(&e, "WRONG_PASSCODE");
    // Cancelled dialog: nothing written.
    answer(&here, None);
    let args = json!({"passcode": "amal-1234", "filePasscode": "move-5678", "filePasscodeAgain": "move-5678"});
    assert_eq!(here.ok("export_profile", args.clone()), Value::Null);
    assert!(!file.exists());

    answer(&here, Some(&file));
    assert_eq!(
        here.ok("export_profile", args.clone()),
        json!(file.display().to_string())
    );
    assert!(!holds(&file, &email), "the email is readable in the file");
    assert!(!holds(&file, &name), "the name is readable in the file");
    assert!(
        !holds(&file, "Amal"),
        "the profile's name is readable in the file"
    );
    // An existing file is never replaced.
    answer(&here, Some(&file));
    assert_error_json(&here.err("export_profile", args), "FILE_EXISTS");

    // Another computer: another data folder.
    let there = app();
    answer(&there, Some(&file));
    let e = there.err("import_profile", json!({"filePasscode": "amal-1234"}));
    assert_error_json(&e, "WRONG_PASSCODE");
    answer(&there, Some(&file));
    let entry = there.ok("import_profile", json!({"filePasscode": "move-5678"}));
    assert_eq!(entry, json!({"name": "Amal", "locked": true}));
    let listed = there.ok("people_list", json!({}));
    assert!(
        listed["people"]
            .as_array()
            .unwrap()
            .contains(&json!({"name": "Amal", "locked": true, "default": false})),
        "{listed}"
    );
    // The name is taken now; another one works.
    answer(&there, Some(&file));
    let e = there.err("import_profile", json!({"filePasscode": "move-5678"}));
    assert_error_json(&e, "INVALID_INPUT");
    answer(&there, Some(&file));
    let entry = there.ok(
        "import_profile",
        json!({"filePasscode": "move-5678", "name": "Amal at home"}),
    );
    assert_eq!(entry["name"], "Amal at home");

    // Locked with the file's passcode, not the old one.
    assert_error_json(
        &there.err("open_person", json!({"name": "Amal"})),
        "PROFILE_LOCKED",
    );
    assert_error_json(
        &there.err(
            "open_person",
            json!({"name": "Amal", "passcode": "amal-1234"}),
        ),
        "WRONG_PASSCODE",
    );
    there.ok(
        "open_person",
        json!({"name": "Amal", "passcode": "move-5678"}),
    );
    let moved = cvs(&there);
    assert_eq!(moved.len(), 1, "{moved:?}");
    let cv = there.ok("open_version", json!({"id": moved[0]["latest_version"]}));
    assert_eq!(cv["personal_info"]["email"], json!(email));
    assert_eq!(cv["personal_info"]["name"], json!(name));

    // A file that is not a profile.
    let junk = out.path().join("junk.jobgate");
    std::fs::write(&junk, b"not a profile").unwrap();
    answer(&there, Some(&junk));
    assert_error_json(
        &there.err(
            "import_profile",
            json!({"filePasscode": "move-5678", "name": "X"}),
        ),
        "CORRUPTED_FILE",
    );
}

#[test]
fn a_guest_has_no_profile_to_save() {
    let app = app();
    app.ok("start_guest", json!({}));
    let e = app.err(
        "export_profile",
        json!({"filePasscode": "move-5678", "filePasscodeAgain": "move-5678"}),
    );
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn a_cv_moves_to_another_person_as_json_resume() {
    let out = tempfile::tempdir().unwrap();
    let file: PathBuf = out.path().join("cv.json");
    let app = app();
    app.ok("create_person", json!({"name": "Amal"}));
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let original = &imported["analysis"]["structured_data"];
    assert!(
        !original["experience"].as_array().unwrap().is_empty(),
        "{original}"
    );

    answer(&app, None);
    let args = json!({"versionId": imported["version_id"]});
    assert_eq!(app.ok("export_json_resume", args.clone()), Value::Null);
    answer(&app, Some(&file));
    assert_eq!(
        app.ok("export_json_resume", args),
        json!(file.display().to_string())
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(jobgate_core::jsonresume::is_json_resume(&doc), "{doc}");
    let exports = app.ok("history", json!({}))["exports"].clone();
    assert_eq!(exports[0]["format"], "json", "{exports}");

    app.ok("create_person", json!({"name": "Basil"}));
    assert!(cvs(&app).is_empty());
    answer(&app, Some(&file));
    let got = app.ok("import_json_resume", json!({}));
    assert_eq!(got["name"], original["personal_info"]["name"], "{got}");
    let listed = cvs(&app);
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["latest_source"], "import", "{listed:?}");
    let cv = app.ok("open_version", json!({"id": got["version_id"]}));
    for field in ["name", "email"] {
        assert_eq!(
            cv["personal_info"][field], original["personal_info"][field],
            "{field}"
        );
    }
    let jobs = |cv: &Value| -> Vec<(Value, Value)> {
        cv["experience"]
            .as_array()
            .unwrap()
            .iter()
            .map(|j| (j["title"].clone(), j["company"].clone()))
            .collect()
    };
    assert_eq!(jobs(&cv), jobs(original));

    // Not JSON, and JSON that is no JSON Resume.
    let bad = out.path().join("bad.json");
    std::fs::write(&bad, b"{ nope").unwrap();
    answer(&app, Some(&bad));
    assert_error_json(&app.err("import_json_resume", json!({})), "CORRUPTED_FILE");
    std::fs::write(&bad, br#"{"hello": "world"}"#).unwrap();
    answer(&app, Some(&bad));
    assert_error_json(&app.err("import_json_resume", json!({})), "INVALID_INPUT");
    answer(&app, None);
    assert_eq!(app.ok("import_json_resume", json!({})), Value::Null);
    assert_eq!(cvs(&app).len(), 1);
}
