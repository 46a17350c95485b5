//! The commands through Tauri's IPC on the mock runtime (no window, no display): what the web UI
//! sends and receives, including the DESIGN §2 error JSON in both languages. AI calls go to a local
//! fake OpenAI-compatible server; sync goes to the reference server (`server/`) on PostgreSQL; updates
//! to a local update server signed with a key made by the test.

#[path = "../../crates/ai/tests/support/mod.rs"]
mod support;

#[path = "commands/moves.rs"]
mod moves;

#[path = "commands/people.rs"]
mod people;

#[path = "commands/sync.rs"]
mod sync;

#[path = "commands/updates.rs"]
mod updates;

use jobgate_ai::keys::{KeyStore, MemoryKeys};
use jobgate_core::JobGateError;
use jobgate_desktop::picked::Use;
use jobgate_desktop::state::AppState;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, Manager, WebviewWindow, WebviewWindowBuilder};

/// Keys the test can look into after the app has used them.
#[derive(Clone, Default)]
pub(crate) struct SharedKeys(Arc<MemoryKeys>);

impl KeyStore for SharedKeys {
    fn save_api_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        self.0.save_api_key(profile, key)
    }
    fn load_api_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        self.0.load_api_key(profile)
    }
    fn delete_api_key(&self, profile: &str) -> Result<(), JobGateError> {
        self.0.delete_api_key(profile)
    }
}

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    data: tempfile::TempDir,
}

impl TestApp {
    fn new() -> TestApp {
        TestApp::with_state(|data| AppState::new(data.to_path_buf(), Box::new(MemoryKeys::new())))
    }

    /// An app whose AI server is `server` (a local one: no key needed).
    fn with_ai(server: &support::FakeServer) -> TestApp {
        let url = server.base_url();
        TestApp::with_state(|data| {
            AppState::new(data.to_path_buf(), Box::new(MemoryKeys::new())).with_ai_server(&url)
        })
    }

    fn with_state(make: impl FnOnce(&Path) -> AppState) -> TestApp {
        TestApp::with_setup(make, |builder, _| builder)
    }

    /// An app whose builder `setup` adds to (plugins, more state) before it is built; the context is
    /// there for plugins that read their configuration from it.
    fn with_setup(
        make: impl FnOnce(&Path) -> AppState,
        setup: impl FnOnce(
            tauri::Builder<MockRuntime>,
            &mut tauri::Context<MockRuntime>,
        ) -> tauri::Builder<MockRuntime>,
    ) -> TestApp {
        bounded_reader();
        let data = tempfile::tempdir().unwrap();
        let mut context = tauri::generate_context!();
        let builder = jobgate_desktop::app_builder(mock_builder()).manage(make(data.path()));
        let app = setup(builder, &mut context).build(context).unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        TestApp {
            _app: app,
            window,
            data,
        }
    }

    /// Invokes `cmd` like the page does, after [`Self::choose`]; `Err` holds the rejected value (the
    /// error JSON).
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_raw(cmd, self.choose(cmd, args))
    }

    /// Stands in for the person choosing files in the native dialogs: the tests name the files by
    /// `path` (and `files` to rank), the commands take the tokens a dialog hands the page.
    fn choose(&self, cmd: &str, mut args: Value) -> Value {
        let usage = match cmd {
            "analyze_path" | "read_job_file" => Some(Use::Open),
            "list_cv_folder" => Some(Use::Folder),
            "export_cv" | "save_match_csv" => Some(Use::Save),
            _ => None,
        };
        let state = self.window.state::<AppState>();
        let token = |v: &Value, usage| match v {
            Value::String(p) => json!(state.picked().register(PathBuf::from(p), usage).token),
            Value::Object(o) => o["token"].clone(),
            other => other.clone(),
        };
        if let Some(args) = args.as_object_mut() {
            if let (Some(usage), Some(path)) = (usage, args.remove("path")) {
                args.insert("token".into(), token(&path, usage));
            }
            if cmd == "match_rank"
                && let Some(Value::Array(files)) = args.get("files")
            {
                let tokens: Vec<Value> = files.iter().map(|f| token(f, Use::Open)).collect();
                args.insert("files".into(), Value::Array(tokens));
            }
        }
        args
    }

    /// Invokes `cmd` with exactly `args`.
    fn call_raw(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail, returned {v}"),
            Err(e) => e,
        }
    }
}

/// Invokes `cmd` on `window` with exactly `args`, like the page does (from any thread).
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

/// Files are read as in the app: by worker processes of the real `jobgate-desktop` (what `run()` installs).
fn bounded_reader() {
    use jobgate_engine::bounded::{Limits, Pool, WORKER_FLAG, WorkerCommand};
    let worker = WorkerCommand {
        program: PathBuf::from(env!("CARGO_BIN_EXE_jobgate-desktop")),
        args: vec![WORKER_FLAG.into()],
    };
    jobgate_engine::bounded::install(Pool::new(worker, Limits::default()));
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/corpus/files")
        .join(name)
}

/// The error JSON of DESIGN §2, with a real message and action.
fn assert_error_json(e: &Value, code: &str) {
    assert_eq!(e["success"], json!(false), "{e}");
    assert_eq!(e["error_code"], json!(code), "{e}");
    assert!(e["error"].as_str().is_some_and(|s| !s.is_empty()), "{e}");
    assert!(
        e["suggested_action"]
            .as_str()
            .is_some_and(|s| !s.is_empty()),
        "{e}"
    );
    assert!(e["details"].is_object(), "{e}");
}

#[test]
fn ui_messages_cover_both_languages_and_arabic_is_right_to_left() {
    let app = TestApp::new();
    let en = app.ok("ui_messages", json!({"lang": "en"}));
    let ar = app.ok("ui_messages", json!({"lang": "ar"}));
    assert_eq!(en["dir"], "ltr");
    assert_eq!(ar["dir"], "rtl");
    let en = en["messages"].as_object().unwrap();
    let ar = ar["messages"].as_object().unwrap();
    assert!(en.len() > 100, "only {} ui messages", en.len());
    assert_eq!(en.keys().collect::<Vec<_>>(), ar.keys().collect::<Vec<_>>());
    assert_eq!(en["ui-nav-import"], "Import & analyse");
    assert!(jobgate_core::text::arabic_ratio(ar["ui-nav-import"].as_str().unwrap()) > 0.9);
    // Every string the UI uses in index.html exists in both languages.
    let html =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/index.html"))
            .unwrap();
    for id in html
        .split("data-i18n=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(en.contains_key(id) && ar.contains_key(id), "{id} missing");
    }
}

#[test]
fn plural_messages_use_the_arabic_categories() {
    let app = TestApp::new();
    app.ok("set_language", json!({"lang": "ar"}));
    let f = |n: i64| {
        app.ok(
            "format_message",
            json!({"id": "ui-builder-minutes-left", "count": n}),
        )
        .as_str()
        .unwrap()
        .to_string()
    };
    assert!(f(2).contains("دقيقتان"), "{}", f(2));
    assert!(f(3).contains("دقائق"), "{}", f(3));
    assert!(f(11).contains("دقيقة"), "{}", f(11));
    assert!(
        f(103).contains("دقائق"),
        "103 is 'few' in Arabic: {}",
        f(103)
    );
    app.ok("set_language", json!({"lang": "en"}));
    assert_eq!(
        app.ok(
            "format_message",
            json!({"id": "ui-builder-minutes-left", "count": 1})
        ),
        "About one minute left"
    );
}

#[test]
fn a_sample_pdf_is_analysed_scored_and_kept_in_the_history() {
    let app = TestApp::new();
    let path = corpus("001__even.pdf");
    let r = app.ok("analyze_path", json!({"path": path}));
    let a = &r["analysis"];
    assert_eq!(a["success"], json!(true), "{a}");
    let score = a["ats_score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&score), "{score}");
    let checks = a["ats_checks"].as_array().unwrap();
    assert!(checks.len() >= 6, "{checks:?}");
    let sum: f64 = checks.iter().map(|c| c["points"].as_f64().unwrap()).sum();
    assert!(
        (sum - score).abs() < 0.051,
        "checks add up to {sum}, score {score}"
    );
    assert!(
        !a["structured_data"]["personal_info"]["name"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{a}"
    );
    assert_eq!(r["file_name"], "001__even.pdf");

    let h = app.ok("history", json!({}));
    assert_eq!(h["analyses"].as_array().unwrap().len(), 1, "{h}");
    assert_eq!(h["analyses"][0]["file_name"], "001__even.pdf");
    let again = app.ok("open_analysis", json!({"id": r["analysis_id"]}));
    assert_eq!(again["ats_score"], a["ats_score"]);
}

#[test]
fn an_english_analysis_is_shown_in_arabic_after_the_language_changes() {
    let app = TestApp::new();
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let en = r["analysis"].clone();
    assert!(
        jobgate_core::text::arabic_ratio(en["ats_checks"][0]["message"].as_str().unwrap()) < 0.1
    );
    app.ok("set_language", json!({"lang": "ar"}));
    // Opened again from the history: every check in Arabic.
    let again = app.ok("open_analysis", json!({"id": r["analysis_id"]}));
    assert_eq!(again["ats_score"], en["ats_score"]);
    for c in again["ats_checks"].as_array().unwrap() {
        // The CV's own words are isolated (U+2068…U+2069); the rest is Arabic.
        let m = c["message"].as_str().unwrap();
        let outside = jobgate_core::phrase::outside_isolates(m);
        assert!(jobgate_core::text::arabic_ratio(&outside) > 0.9, "{m}");
    }
    // The view of the analysis held by the page: band, labels and messages in Arabic, the CV's words
    // marked as such.
    let v = app.ok("analysis_view", json!({"analysis": en}));
    assert_eq!(v["lang"], "ar");
    assert!(
        ["good", "fair", "poor"].contains(&v["band"].as_str().unwrap()),
        "{v}"
    );
    assert!(
        jobgate_core::text::arabic_ratio(v["band_label"].as_str().unwrap()) > 0.8,
        "{v}"
    );
    let contact = &v["checks"][0];
    assert_eq!(contact["id"], "contact");
    assert!(jobgate_core::text::arabic_ratio(contact["name"].as_str().unwrap()) > 0.8);
    let segments = contact["message"].as_array().unwrap();
    assert!(segments.iter().any(|s| s["cv"] == json!(true)), "{contact}");
    for s in segments.iter().filter(|s| s["cv"] != json!(true)) {
        let t = s["text"].as_str().unwrap();
        assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{t:?}");
    }
}

#[test]
fn a_missing_file_is_a_file_not_found_error_in_the_users_language() {
    let app = TestApp::new();
    let e = app.err("analyze_path", json!({"path": "/nonexistent/cv.pdf"}));
    assert_error_json(&e, "FILE_NOT_FOUND");
    assert_eq!(e["details"]["path"], "/nonexistent/cv.pdf");
    app.ok("set_language", json!({"lang": "ar"}));
    let e = app.err("analyze_path", json!({"path": "/nonexistent/cv.pdf"}));
    assert_error_json(&e, "FILE_NOT_FOUND");
    assert!(
        jobgate_core::text::arabic_ratio(e["suggested_action"].as_str().unwrap()) > 0.8,
        "{e}"
    );
}

#[test]
fn a_text_file_is_refused_as_an_unsupported_type() {
    let app = TestApp::new();
    let path = app.data.path().join("notes.pdf");
    std::fs::write(&path, "just some text, not a PDF").unwrap();
    let e = app.err("analyze_path", json!({"path": path}));
    assert_error_json(&e, "UNSUPPORTED_FILE_TYPE");
}

#[test]
fn a_file_over_10_mb_is_refused_before_reading() {
    let app = TestApp::new();
    let path = app.data.path().join("big.pdf");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(15 * 1024 * 1024).unwrap();
    let e = app.err("analyze_path", json!({"path": path}));
    assert_error_json(&e, "FILE_TOO_LARGE");
    assert_eq!(e["details"]["max_size"], "10MB");
    assert_eq!(e["details"]["your_size"], "15MB");
}

#[test]
fn an_unknown_language_is_invalid_input() {
    let app = TestApp::new();
    let e = app.err("set_language", json!({"lang": "fr"}));
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(e["details"]["field"], "lang");
}

#[test]
fn settings_survive_a_restart_and_the_key_is_never_shown_or_stored_in_the_database() {
    let key = "sk-or-v1-0123456789abcdef0123456789abcdef";
    let app = TestApp::new();
    app.ok("set_language", json!({"lang": "ar"}));
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let s = app.ok("save_ai_key", json!({"key": key}));
    assert_eq!(s["ai_key_saved"], json!(true));
    assert_eq!(s["ai_key_hint"], "sk-…cdef");
    assert!(!s.to_string().contains(key));
    let profiles = app.data.path().join(jobgate_store::profiles::PROFILES_DIR);
    let mut files = 0;
    for entry in std::fs::read_dir(&profiles).unwrap().flatten() {
        let db = std::fs::read(entry.path()).unwrap();
        assert!(!db.windows(key.len()).any(|w| w == key.as_bytes()));
        files += 1;
    }
    assert!(
        files > 0,
        "the profile's database is in {}",
        profiles.display()
    );

    let e = app.err("save_ai_key", json!({"key": "two words"}));
    assert_error_json(&e, "INVALID_INPUT");

    // A second app on the same data folder reads the saved settings.
    let state = AppState::new(app.data.path().to_path_buf(), Box::new(MemoryKeys::new()));
    assert_eq!(state.settings().lang, jobgate_core::Lang::Ar);
    assert!(state.settings().ai_enabled);
}

#[test]
fn delete_all_data_empties_the_history_and_forgets_the_key() {
    let app = TestApp::new();
    app.ok("save_ai_key", json!({"key": "sk-or-v1-0123456789abcdef"}));
    let e = app.err("open_analysis", json!({"id": 999}));
    assert_error_json(&e, "INVALID_INPUT");
    let _ = app.call("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let s = app.ok("delete_all_data", json!({}));
    assert_eq!(s["ai_key_saved"], json!(false));
    let h = app.ok("history", json!({}));
    assert!(h["analyses"].as_array().unwrap().is_empty(), "{h}");
    assert!(h["cvs"].as_array().unwrap().is_empty(), "{h}");
}

#[test]
fn status_reports_storage_version_and_ai_off() {
    let app = TestApp::new();
    let s = app.ok("status", json!({}));
    assert_eq!(s["storage_ok"], json!(true), "{s}");
    assert_eq!(s["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(s["ai_enabled"], json!(false));
    assert_eq!(s["ai_reachable"], Value::Null);
    assert_eq!(s["data_dir"], app.data.path().display().to_string());
}

#[test]
fn an_unwritable_data_folder_still_starts_and_status_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let state = AppState::new(file.clone(), Box::new(MemoryKeys::new()));
    assert!(state.storage_problem().is_some());
    // The window is told at start, in the person's language, that nothing is being saved.
    let app = TestApp::with_state(|_| AppState::new(file, Box::new(MemoryKeys::new())));
    let problem = app.ok("storage_problem", json!({}));
    assert_error_json(&problem, "STORAGE_ERROR");
    assert_eq!(app.ok("who", json!({}))["person"]["guest"], true);
    app.ok("set_language", json!({"lang": "ar"}));
    let problem = app.ok("storage_problem", json!({}));
    assert!(
        jobgate_core::text::arabic_ratio(problem["error"].as_str().unwrap()) > 0.3,
        "{problem}"
    );
    // With a usable folder there is nothing to say.
    assert_eq!(TestApp::new().ok("storage_problem", json!({})), Value::Null);
}

#[test]
fn with_ai_on_but_no_key_the_rules_result_comes_back_with_an_ai_unavailable_warning() {
    let app = TestApp::new();
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let a = &r["analysis"];
    assert_eq!(a["parser"], "rules");
    let warnings = a["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w["code"] == "AI_UNAVAILABLE"),
        "{warnings:?}"
    );
    assert!(a["ats_score"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_builder_session_asks_validates_and_survives_a_restart() {
    let app = TestApp::new();
    let first = app.ok("builder_start", json!({}));
    let id = first["session_id"].as_str().unwrap().to_string();
    assert_eq!(first["current_state"], "asking_for_name");
    let r = app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "Sara Haddad"}),
    );
    assert_eq!(r["cv_preview"]["personal_info"]["name"], "Sara Haddad");
    assert_eq!(r["current_state"], "asking_for_email");
    // An invalid email is asked again, not stored.
    let r = app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "not an email"}),
    );
    assert_eq!(r["current_state"], "asking_for_email");
    assert_eq!(r["cv_preview"]["personal_info"]["email"], "");
    let r = app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "sara.haddad@example.com"}),
    );
    assert_eq!(r["current_state"], "asking_for_phone");
    assert!(r["progress"].as_u64().unwrap() > first["progress"].as_u64().unwrap());
    assert!(r["estimated_minutes_left"].as_u64().unwrap() > 0);

    // Another app on the same data folder picks the session up where it was left.
    let state = AppState::new(app.data.path().to_path_buf(), Box::new(MemoryKeys::new()));
    let resumed = state
        .with_session(&id, |store, s| s.answer(store, "/back"))
        .unwrap();
    assert_eq!(resumed.current_state, "asking_for_email");

    let e = app.err(
        "builder_answer",
        json!({"sessionId": "0000000000000000", "answer": "x"}),
    );
    assert_error_json(&e, "SESSION_NOT_FOUND");
}

#[test]
fn an_imported_cv_is_exported_as_docx_and_recorded_in_the_history() {
    let app = TestApp::new();
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let templates = app.ok("export_templates", json!({}));
    let name = templates[0]["name"].as_str().unwrap().to_string();
    let out = app.data.path().join("cv.docx");
    let written = app.ok(
        "export_cv",
        json!({"cv": r["analysis"]["structured_data"], "versionId": r["version_id"],
               "template": name, "format": "docx", "lang": "en", "path": out}),
    );
    let bytes = std::fs::read(written.as_str().unwrap()).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    assert_eq!(
        app.ok(
            "cv_language",
            json!({"cv": r["analysis"]["structured_data"]})
        ),
        "en"
    );
    let ar = app.ok("analyze_path", json!({"path": corpus("028__even.pdf")}));
    assert_eq!(
        app.ok(
            "cv_language",
            json!({"cv": ar["analysis"]["structured_data"]})
        ),
        "ar"
    );
    // The export screen's preview: page 1 drawn as SVG, in either language.
    for lang in ["en", "ar"] {
        let svg = app.ok(
            "export_preview",
            json!({"cv": r["analysis"]["structured_data"], "template": name, "lang": lang}),
        );
        let svg = svg.as_str().unwrap();
        assert!(
            svg.starts_with("<svg ") && svg.matches("<use ").count() > 100,
            "{lang}"
        );
    }
    let e = app.err(
        "export_preview",
        json!({"cv": r["analysis"]["structured_data"], "template": "no-such-template"}),
    );
    assert_error_json(&e, "TEMPLATE_NOT_FOUND");
    let h = app.ok("history", json!({}));
    assert_eq!(h["exports"][0]["format"], "docx", "{h}");
    let suggested = app.ok(
        "default_export_name",
        json!({"cv": r["analysis"]["structured_data"], "format": "pdf"}),
    );
    assert!(
        suggested.as_str().unwrap().ends_with(" CV.pdf"),
        "{suggested}"
    );

    let e = app.err(
        "export_cv",
        json!({"cv": {}, "template": "no-such-template", "format": "docx", "path": out}),
    );
    assert_error_json(&e, "TEMPLATE_NOT_FOUND");
    let e = app.err(
        "export_cv",
        json!({"cv": {}, "template": name, "format": "odt", "path": out}),
    );
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn ai_is_switched_on_only_after_agreeing_once_to_what_is_sent_where() {
    let server = support::FakeServer::start(vec![support::Reply::status(500, "{}")]);
    let app = TestApp::with_ai(&server);
    let s = app.ok("get_settings", json!({}));
    assert_eq!(s["ai_consented"], false);
    assert!(
        s["ai_host"].as_str().unwrap().starts_with("127.0.0.1:"),
        "{s}"
    );
    let e = app.err("set_ai_enabled", json!({"enabled": true}));
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(app.ok("get_settings", json!({}))["ai_enabled"], false);

    let s = app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    assert_eq!(
        (s["ai_enabled"].clone(), s["ai_consented"].clone()),
        (json!(true), json!(true))
    );
    // Once agreed, switching off and on again does not ask again.
    app.ok("set_ai_enabled", json!({"enabled": false}));
    app.ok("set_ai_enabled", json!({"enabled": true}));
    // "Delete all my data" forgets the agreement too.
    app.ok("delete_all_data", json!({}));
    assert_eq!(app.ok("get_settings", json!({}))["ai_consented"], false);
    assert!(server.requests().is_empty());
}

fn model_cv() -> Value {
    json!({
        "personal_info": {"name": "Omar Hassan El-Sayed", "email": "omar.elsayed@mailbox.test", "phone": "",
                          "location": "Cairo", "headline": "Senior Backend Engineer", "links": []},
        "summary": "",
        "experience": [{"title": "Senior Backend Engineer", "company": "Fawry Digital Payments",
                        "location": "Cairo", "start": "2021-03", "end": "present", "period": "Mar 2021 – Present",
                        "achievements": ["Led a team of 5 engineers migrating 14 services to Kubernetes"]},
                       {"title": "Senior Backend Engineer", "company": "Zebra Quantum Logistics",
                        "location": "Cairo", "start": "2020-01", "end": "present", "period": "2020 – Present",
                        "achievements": ["Cut p99 latency by 35% for 2M daily requests"]}],
        "education": [], "skills": ["Rust", "PostgreSQL"], "achievements": [], "certifications": [],
        "languages": [], "projects": []
    })
}

#[test]
fn an_import_with_ai_uses_the_model_answer_and_the_cache_the_second_time() {
    let server = support::FakeServer::start(vec![support::Reply::json(&model_cv())]);
    let app = TestApp::with_ai(&server);
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    assert_eq!(
        r["analysis"]["parser"], "ai",
        "{}",
        r["analysis"]["warnings"]
    );
    // The model's jobs replace the rules' three; the employer the CV never names is not taken.
    let jobs = &r["analysis"]["structured_data"]["experience"];
    assert_eq!(jobs.as_array().unwrap().len(), 1, "{jobs}");
    assert_eq!(jobs[0]["company"], "Fawry Digital Payments");
    assert!(!jobs.to_string().contains("Zebra"), "{jobs}");
    let again = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    assert_eq!(again["analysis"]["parser"], "ai");
    assert_eq!(
        server.requests().len(),
        1,
        "the second import was not served from the cache"
    );
    // Deleting the CV deletes its cached answer (and empties the WAL): the next import asks again.
    let deleted = app.ok("delete_cv", json!({"cvId": r["cv_id"]}));
    assert_eq!(deleted["wal_checkpointed"], true, "{deleted}");
    assert!(deleted["cvs"].as_array().unwrap().is_empty(), "{deleted}");
    app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    assert_eq!(
        server.requests().len(),
        2,
        "the deleted CV's answer was still cached"
    );
}

#[test]
fn builder_ai_rewrite_offers_the_models_wording_which_applies_on_accept() {
    let server = support::FakeServer::start(vec![support::Reply::json(
        &json!({"rewrite": "Automated 12 weekly sales reports, saving 6 hours a week"}),
    )]);
    let app = TestApp::with_ai(&server);
    let first = app.ok("builder_start", json!({}));
    let id = first["session_id"].as_str().unwrap().to_string();
    // AI off: the button's command says why instead of calling out.
    let e = app.err("builder_ai_rewrite", json!({"sessionId": id}));
    assert_error_json(&e, "AI_UNAVAILABLE");
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    for answer in [
        "Sara Ali",
        "sara@example.com",
        "+966 50 123 4567",
        "Riyadh",
        "Data Analyst",
        "/skip",
        "Data Analyst",
        "Gulf Bank",
        "2019 - 2023",
        "made weekly reports",
    ] {
        app.ok("builder_answer", json!({"sessionId": id, "answer": answer}));
    }
    let r = app.ok("builder_ai_rewrite", json!({"sessionId": id}));
    assert_eq!(
        r["pending_rewrite"],
        "Automated 12 weekly sales reports, saving 6 hours a week"
    );
    assert_eq!(server.requests().len(), 1);
    let r = app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "/accept"}),
    );
    assert_eq!(
        r["cv_preview"]["experience"][0]["achievements"][0],
        "Automated 12 weekly sales reports, saving 6 hours a week"
    );
}

#[test]
fn a_summary_is_drafted_by_the_model_without_contact_details() {
    let server = support::FakeServer::start(vec![support::Reply::json(
        &json!({"summary": "Backend engineer with 8 years of Rust and PostgreSQL."}),
    )]);
    let app = TestApp::with_ai(&server);
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let text = app.ok("ai_draft_summary", json!({"cv": model_cv()}));
    assert_eq!(
        text,
        "Backend engineer with 8 years of Rust and PostgreSQL."
    );
    let sent = server.requests()[0].body.clone();
    assert!(
        !sent.contains("omar.elsayed@mailbox.test"),
        "contact details were sent"
    );
}

fn job_text(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/jobs")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_match_screen_ranks_real_cvs_with_reasons_lists_failures_and_saves_csv() {
    use std::sync::{Arc, Mutex};
    use tauri::Listener;
    let app = TestApp::new();
    // One CV comes from the history, three are files (one of them broken).
    let imported = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let broken = app.data.path().join("broken.pdf");
    std::fs::write(&broken, "not a PDF").unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    app._app.listen_any("match-progress", move |e| {
        let v: Value = serde_json::from_str(e.payload()).unwrap();
        seen.lock()
            .unwrap()
            .push((v["done"].as_u64().unwrap(), v["total"].as_u64().unwrap()));
    });

    let view = app.ok(
        "match_rank",
        json!({
            "jobText": job_text("backend_engineer_en.txt"),
            "files": [corpus("002__flat.pdf"), broken, corpus("003__stackoverflow.pdf")],
            "cvIds": [imported["cv_id"]],
        }),
    );
    assert!(
        view["job"]["required"].as_array().unwrap().len() > 1,
        "{}",
        view["job"]
    );
    let ranking = view["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 3, "{view}");
    let first = &ranking[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["file_name"], "001__even.pdf", "{first}");
    assert_eq!(first["cv_id"], imported["cv_id"]);
    assert!(first["name"].as_str().is_some_and(|n| !n.is_empty()));
    let score = first["score"].as_f64().unwrap();
    assert!(score > ranking[1]["score"].as_f64().unwrap(), "{view}");
    let points: f64 = first["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_f64().unwrap())
        .sum();
    assert!((points - score).abs() < 0.2, "{points} vs {score}");
    assert!(!first["reasons"].as_array().unwrap().is_empty());
    assert!(!first["matched"].as_array().unwrap().is_empty());
    assert_eq!(ranking[1]["cv_id"], Value::Null);
    // Files are shown by name and known by their full path.
    let second = ranking[1]["file"].as_str().unwrap();
    assert!(Path::new(second).is_absolute(), "{second}");
    assert!(second.ends_with(ranking[1]["file_name"].as_str().unwrap()));
    let failed = view["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["file_name"], "broken.pdf");
    assert_error_json(&failed[0], "UNSUPPORTED_FILE_TYPE");
    let mut events = events.lock().unwrap().clone();
    events.sort();
    assert_eq!(
        events,
        [(1, 3), (2, 3), (3, 3)],
        "one progress event per file"
    );

    let csv = app.data.path().join("ranking.csv");
    let written = app.ok("save_match_csv", json!({"path": csv}));
    assert_eq!(written, csv.display().to_string());
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[1].starts_with("1,001__even.pdf,"), "{}", lines[1]);
    // Ranking files does not add them to the history.
    let h = app.ok("history", json!({}));
    assert_eq!(h["cvs"].as_array().unwrap().len(), 1, "{h}");

    // After switching to Arabic, the same ranking is said in Arabic: reasons, bands, the failure.
    app.ok("set_language", json!({"lang": "ar"}));
    let again = app.ok("match_relabel", json!({}));
    let ranked_again = again["ranking"].as_array().unwrap();
    let order = |r: &[Value]| r.iter().map(|x| x["file"].clone()).collect::<Vec<_>>();
    assert_eq!(order(ranked_again), order(ranking));
    assert_eq!(ranked_again[0]["cv_id"], imported["cv_id"]);
    assert_eq!(ranked_again[0]["band"], first["band"]);
    assert!(
        jobgate_core::text::arabic_ratio(ranked_again[0]["band_label"].as_str().unwrap()) > 0.8
    );
    assert!(
        jobgate_core::text::arabic_ratio(ranked_again[0]["reasons"][0].as_str().unwrap()) > 0.3,
        "{again}"
    );
    assert!(
        jobgate_core::text::arabic_ratio(again["failed"][0]["error"].as_str().unwrap()) > 0.5,
        "{again}"
    );
}

#[test]
fn a_file_built_to_crash_the_reader_is_an_error_and_the_app_goes_on() {
    let app = TestApp::new();
    // A PDF object nested 100,000 deep overflows any recursive reader's stack: the app must live.
    let deep = app.data.path().join("deep.pdf");
    std::fs::write(&deep, jobgate_hostile::pdf::pdf_nested_arrays(100_000)).unwrap();
    let e = app.err("analyze_path", json!({"path": deep}));
    assert_error_json(&e, "CORRUPTED_FILE");
    // Nothing was saved for it, and the next CV is read as usual.
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    assert_eq!(r["analysis"]["success"], json!(true));
    let h = app.ok("history", json!({}));
    assert_eq!(h["analyses"].as_array().unwrap().len(), 1, "{h}");

    // In a batch on the Match screen it is one failed file among ranked ones.
    let view = app.ok(
        "match_rank",
        json!({
            "jobText": job_text("backend_engineer_en.txt"),
            "files": [corpus("002__flat.pdf"), deep, corpus("003__stackoverflow.pdf")],
            "cvIds": [],
        }),
    );
    assert_eq!(view["ranking"].as_array().unwrap().len(), 2, "{view}");
    let failed = view["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{view}");
    assert_eq!(failed[0]["file_name"], "deep.pdf");
    assert_error_json(&failed[0], "CORRUPTED_FILE");
}

#[test]
fn the_match_screen_in_arabic_gives_arabic_reasons_and_reads_a_folder() {
    let app = TestApp::new();
    app.ok("set_language", json!({"lang": "ar"}));
    let dir = app.data.path().join("cvs");
    std::fs::create_dir(&dir).unwrap();
    for name in ["029__elegant.pdf", "028__even.pdf", "031__even.pdf"] {
        std::fs::copy(corpus(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "not a CV").unwrap();
    let files = app.ok("list_cv_folder", json!({"path": dir}));
    assert_eq!(files.as_array().unwrap().len(), 3, "{files}");
    let view = app.ok(
        "match_rank",
        json!({"jobText": job_text("accountant_ar.txt"), "files": files, "cvIds": []}),
    );
    let first = &view["ranking"][0];
    assert_eq!(first["file_name"], "029__elegant.pdf", "{view}");
    let reasons = first["reasons"].as_array().unwrap();
    assert!(
        jobgate_core::text::arabic_ratio(reasons[0].as_str().unwrap()) > 0.5,
        "{reasons:?}"
    );
    let e = app.err("list_cv_folder", json!({"path": dir.join("missing")}));
    assert_error_json(&e, "FILE_NOT_FOUND");
}

#[test]
fn a_bad_job_description_or_no_cvs_is_an_error_json() {
    let app = TestApp::new();
    let binary = app.data.path().join("job.docx");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 255]).unwrap();
    let e = app.err("read_job_file", json!({"path": binary}));
    assert_error_json(&e, "UNSUPPORTED_FILE_TYPE");
    let e = app.err("read_job_file", json!({"path": "/nonexistent/job.txt"}));
    assert_error_json(&e, "FILE_NOT_FOUND");
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/jobs/backend_engineer_en.pdf");
    let text = app.ok("read_job_file", json!({"path": pdf}));
    assert!(text.as_str().unwrap().contains("PostgreSQL"), "{text}");

    let e = app.err(
        "match_rank",
        json!({"jobText": "  ", "files": [corpus("001__even.pdf")], "cvIds": []}),
    );
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(e["details"]["field"], "job");
    let e = app.err(
        "match_rank",
        json!({"jobText": job_text("accountant_en.txt"), "files": [], "cvIds": []}),
    );
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(e["details"]["field"], "cvs");
    let e = app.err(
        "save_match_csv",
        json!({"path": app.data.path().join("x.csv")}),
    );
    assert_error_json(&e, "INVALID_INPUT");
    let e = app.err(
        "match_rank",
        json!({"jobText": job_text("accountant_en.txt"), "files": [], "cvIds": [999]}),
    );
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn the_analysis_view_compares_the_cv_with_a_job_and_names_missing_keywords() {
    let app = TestApp::new();
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let fit = app.ok(
        "job_fit",
        json!({"analysis": r["analysis"], "jobText": job_text("backend_engineer_en.txt")}),
    );
    let good = fit["match"]["score"].as_f64().unwrap();
    assert!(good > 50.0, "{fit}");
    assert_eq!(fit["check"]["id"], "job_match");
    let nurse = app.ok(
        "job_fit",
        json!({"analysis": r["analysis"], "jobText": job_text("registered_nurse_en.txt")}),
    );
    assert!(nurse["match"]["score"].as_f64().unwrap() < good, "{nurse}");
    assert!(
        nurse["missing_keywords"].as_array().unwrap().len()
            > fit["missing_keywords"].as_array().unwrap().len(),
        "{nurse}"
    );
    let e = app.err("job_fit", json!({"analysis": r["analysis"], "jobText": ""}));
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn deleting_a_cv_removes_it_with_its_analyses_and_export_rows_but_not_the_file() {
    let app = TestApp::new();
    let a = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let b = app.ok("analyze_path", json!({"path": corpus("002__flat.pdf")}));
    let templates = app.ok("export_templates", json!({}));
    let out = app.data.path().join("cv.docx");
    app.ok(
        "export_cv",
        json!({"cv": a["analysis"]["structured_data"], "versionId": a["version_id"],
               "template": templates[0]["name"], "format": "docx", "path": out}),
    );
    let h = app.ok("delete_cv", json!({"cvId": a["cv_id"]}));
    let cvs: Vec<&Value> = h["cvs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    assert_eq!(cvs, [&b["cv_id"]], "{h}");
    assert_eq!(h["analyses"].as_array().unwrap().len(), 1);
    assert_eq!(h["analyses"][0]["file_name"], "002__flat.pdf");
    assert!(h["exports"].as_array().unwrap().is_empty(), "{h}");
    assert!(out.exists(), "the exported file stays on disk");
    let e = app.err("open_analysis", json!({"id": a["analysis_id"]}));
    assert_error_json(&e, "INVALID_INPUT");
    let e = app.err("delete_cv", json!({"cvId": a["cv_id"]}));
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn two_versions_of_a_cv_are_compared_section_by_section() {
    let app = TestApp::new();
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    let mut cv = r["analysis"]["structured_data"].clone();
    let old_name = cv["personal_info"]["name"].as_str().unwrap().to_string();
    cv["personal_info"]["name"] = json!("Omar Hassan");
    cv["skills"]
        .as_array_mut()
        .unwrap()
        .push(json!("Kubernetes Operators"));
    let v2 = app.ok("save_cv_edit", json!({"cvId": r["cv_id"], "cv": cv}));
    let versions = app.ok("cv_versions", json!({"cvId": r["cv_id"]}));
    let versions = versions.as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["source"], "import");
    assert_eq!(versions[1]["source"], "edit");
    assert_eq!(versions[1]["id"], v2);

    let diff = app.ok(
        "diff_versions",
        json!({"old": versions[0]["id"], "new": versions[1]["id"]}),
    );
    assert_eq!(diff["changed"], true);
    let section = |id: &str| {
        diff["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["section"] == id)
            .unwrap_or_else(|| panic!("no {id} in {diff}"))
            .clone()
    };
    let personal = section("personal");
    assert_eq!(personal["changed"], true);
    assert!(
        personal["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["change"] == "changed"
                && l["old"] == old_name.as_str()
                && l["new"] == "Omar Hassan"),
        "{personal}"
    );
    let skills = section("skills");
    assert!(
        skills["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["change"] == "added" && l["new"] == "Kubernetes Operators"),
        "{skills}"
    );
    assert_eq!(section("experience")["changed"], false);
    assert_eq!(section("experience")["title"], "Experience");
    assert_eq!(section("experience")["note"], "No changes in this section.");
    assert!(
        ["Added", "Removed", "Changed", "Unchanged"]
            .contains(&section("skills")["lines"][0]["label"].as_str().unwrap()),
        "{diff}"
    );
    let e = app.err("diff_versions", json!({"old": 999, "new": v2}));
    assert_error_json(&e, "INVALID_INPUT");
}

#[test]
fn a_builder_session_is_resumed_from_the_history_where_it_was_left() {
    let app = TestApp::new();
    let first = app.ok("builder_start", json!({}));
    let id = first["session_id"].as_str().unwrap().to_string();
    app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "Sara Haddad"}),
    );
    let h = app.ok("history", json!({}));
    assert_eq!(h["sessions"][0]["id"], id.as_str());
    let resumed = app.ok("builder_resume", json!({"sessionId": id}));
    assert_eq!(resumed["session_id"], id.as_str());
    assert_eq!(resumed["current_state"], "asking_for_email");
    assert_eq!(
        resumed["cv_preview"]["personal_info"]["name"],
        "Sara Haddad"
    );
    let next = app.ok(
        "builder_answer",
        json!({"sessionId": id, "answer": "sara.haddad@example.com"}),
    );
    assert_eq!(next["current_state"], "asking_for_phone");
    let e = app.err("builder_resume", json!({"sessionId": "0000000000000000"}));
    assert_error_json(&e, "SESSION_NOT_FOUND");
}

#[test]
fn another_ai_server_and_model_are_used_after_asking_again_and_survive_a_restart() {
    let local = support::FakeServer::start(vec![support::Reply::json(
        &json!({"summary": "Data analyst who turns sales data into decisions."}),
    )]);
    let app = TestApp::new();
    let s = app.ok("get_settings", json!({}));
    assert_eq!(s["ai_host"], "openrouter.ai");
    assert_eq!(s["ai_model"], "deepseek/deepseek-chat");
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));

    // A bad address is refused in the user's words; nothing changes.
    let e = app.err(
        "set_ai_server",
        json!({"baseUrl": "ftp://example.org/v1", "model": ""}),
    );
    assert_error_json(&e, "INVALID_INPUT");
    assert_eq!(
        app.ok("get_settings", json!({}))["ai_host"],
        "openrouter.ai"
    );

    // A new server: AI goes off until the user agrees to send CV text there.
    let s = app.ok(
        "set_ai_server",
        json!({"baseUrl": local.base_url(), "model": " qwen2.5:7b "}),
    );
    assert!(
        s["ai_host"].as_str().unwrap().starts_with("127.0.0.1:"),
        "{s}"
    );
    assert_eq!(s["ai_model"], "qwen2.5:7b");
    assert_eq!(
        (s["ai_enabled"].clone(), s["ai_consented"].clone()),
        (json!(false), json!(false))
    );
    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let cv = json!({"experience": [{"title": "Data Analyst", "company": "Arab Bank", "achievements": ["made weekly reports"]}],
                    "skills": ["SQL"]});
    let summary = app.ok("ai_draft_summary", json!({"cv": cv}));
    assert_eq!(summary, "Data analyst who turns sales data into decisions.");
    let sent = local.requests()[0].json();
    assert_eq!(sent["model"], "qwen2.5:7b");

    // Kept in the profile's settings: a restart uses the same server.
    let data = app.data.path().to_path_buf();
    let again = TestApp::with_state(|_| AppState::new(data.clone(), Box::new(MemoryKeys::new())));
    assert_eq!(
        again.ok("get_settings", json!({}))["ai_model"],
        "qwen2.5:7b"
    );
    // Blank goes back to the defaults.
    let s = again.ok("set_ai_server", json!({"baseUrl": "", "model": ""}));
    assert_eq!(s["ai_host"], "openrouter.ai");
}

#[test]
fn an_ai_address_that_hides_its_host_is_refused_and_another_server_forgets_consent() {
    let app = TestApp::new();
    let s = app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    assert_eq!(s["ai_origin"], "https://openrouter.ai");
    assert_eq!(s["ai_consented"], true);
    // Shown as openrouter.ai by a naive reading, but sent elsewhere: refused, nothing changes.
    for trick in [
        "https://evil.example\\@openrouter.ai/api/v1",
        "https://openrouter.ai@evil.example/api/v1",
        "https://user:pw@openrouter.ai/api/v1",
        "https://open\trouter.ai/api/v1",
        "https://openrouter.ai/api/v1?redirect=evil.example",
    ] {
        let e = app.err("set_ai_server", json!({"baseUrl": trick, "model": ""}));
        assert_error_json(&e, "INVALID_INPUT");
        assert_eq!(e["details"]["field"], "ai_base_url", "{trick:?}");
        let s = app.ok("get_settings", json!({}));
        assert_eq!(
            (s["ai_enabled"].clone(), s["ai_consented"].clone()),
            (json!(true), json!(true))
        );
    }
    // The same server spelled otherwise (upper case, the default port) keeps consent.
    let s = app.ok(
        "set_ai_server",
        json!({"baseUrl": "HTTPS://OpenRouter.AI:443/api/v1", "model": ""}),
    );
    assert_eq!(s["ai_origin"], "https://openrouter.ai");
    assert_eq!(
        (s["ai_enabled"].clone(), s["ai_consented"].clone()),
        (json!(true), json!(true))
    );
    // Another port, scheme or host is another server: consent is forgotten and AI goes off.
    for other in [
        "https://openrouter.ai:8443/api/v1",
        "http://openrouter.ai/api/v1",
        "https://xn--penrouter-7ze.ai/api/v1",
        "http://localhost.evil.test/v1",
    ] {
        let s = app.ok("set_ai_server", json!({"baseUrl": other, "model": ""}));
        assert_eq!(
            (s["ai_enabled"].clone(), s["ai_consented"].clone()),
            (json!(false), json!(false)),
            "{other}"
        );
        let e = app.err("ai_draft_summary", json!({"cv": {"skills": ["SQL"]}}));
        assert_error_json(&e, "AI_UNAVAILABLE");
        // Back to OpenRouter: forgotten there too, so it asks again.
        let s = app.ok("set_ai_server", json!({"baseUrl": "", "model": ""}));
        assert_eq!(s["ai_consented"], false, "{other}");
        let e = app.err("set_ai_enabled", json!({"enabled": true}));
        assert_eq!(e["details"]["field"], "consent");
        app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    }
}

#[test]
fn the_analysis_view_rewords_one_jobs_achievements_with_ai() {
    let server = support::FakeServer::start(vec![support::Reply::stream(
        &[
            "{\"rewrite\": \"Cut report time",
            " by 40% with automated dashboards\"}",
        ],
        std::time::Duration::from_millis(5),
    )]);
    let app = TestApp::with_ai(&server);
    let cv = json!({"experience": [
        {"title": "Data Analyst", "company": "Arab Bank",
         "achievements": ["made weekly reports", "worked on dashboards"]},
        {"title": "Intern", "company": "Zain", "achievements": []}]});
    // AI off (or not agreed to): nothing is sent.
    let e = app.err("ai_rewrite_experience", json!({"cv": cv, "entry": 0}));
    assert_error_json(&e, "AI_UNAVAILABLE");
    assert!(server.requests().is_empty());

    app.ok("set_ai_enabled", json!({"enabled": true, "consent": true}));
    let wordings = app.ok("ai_rewrite_experience", json!({"cv": cv, "entry": 0}));
    assert_eq!(
        wordings,
        json!([
            "Cut report time by 40% with automated dashboards",
            "Cut report time by 40% with automated dashboards"
        ])
    );
    let sent: Vec<String> = server.requests().iter().map(|r| r.body.clone()).collect();
    assert_eq!(sent.len(), 2, "one request per achievement");
    assert!(sent[0].contains("made weekly reports") && sent[1].contains("worked on dashboards"));

    let e = app.err("ai_rewrite_experience", json!({"cv": cv, "entry": 1}));
    assert_error_json(&e, "INVALID_INPUT");
    let e = app.err("ai_rewrite_experience", json!({"cv": cv, "entry": 7}));
    assert_error_json(&e, "INVALID_INPUT");
}

/// The page never hands the shell a path: files come from the dialogs (or a drop) as tokens, each for
/// the use it was chosen for.
#[test]
fn files_reach_the_commands_only_as_tokens_from_a_dialog_or_a_drop() {
    let app = TestApp::new();
    let cv = corpus("001__even.pdf");
    // A path where a token belongs: refused before anything is read.
    for (cmd, args) in [
        ("analyze_path", json!({"token": cv})),
        ("read_job_file", json!({"token": "/etc/passwd"})),
        ("list_cv_folder", json!({"token": "/etc"})),
        ("save_match_csv", json!({"token": "/tmp/evil.csv"})),
        (
            "match_rank",
            json!({"jobText": "Accountant\nRequired: Excel", "files": [cv], "cvIds": []}),
        ),
    ] {
        let e = app.call_raw(cmd, args).expect_err(cmd);
        assert_error_json(&e, "INVALID_INPUT");
        assert_eq!(e["details"]["field"], "file", "{cmd}");
    }
    assert!(
        app.ok("history", json!({}))["analyses"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The open dialog gives a token; cancelling gives nothing.
    let state = app.window.state::<AppState>();
    state.answer_next_dialog(Some(cv.clone()));
    let picked = app.ok("pick_cv_file", json!({}));
    assert_eq!(picked["name"], "001__even.pdf");
    let r = app.call_raw("analyze_path", json!({"token": picked["token"]}));
    assert!(r.is_ok(), "{r:?}");
    state.answer_next_dialog(None);
    assert_eq!(app.ok("pick_cv_file", json!({})), Value::Null);

    // A file chosen to open is never written; a place chosen to save is never read.
    let cv_json = app.ok("open_version", json!({"id": r.unwrap()["version_id"]}));
    let e = app
        .call_raw(
            "export_cv",
            json!({"cv": cv_json, "template": "classic", "format": "txt", "token": picked["token"]}),
        )
        .unwrap_err();
    assert_error_json(&e, "INVALID_INPUT");
    let out = app.data.path().join("out.txt");
    state.answer_next_dialog(Some(out.clone()));
    let save = app.ok(
        "pick_save_path",
        json!({"suggested": "cv.txt", "format": "txt"}),
    );
    let e = app
        .call_raw("analyze_path", json!({"token": save["token"]}))
        .unwrap_err();
    assert_error_json(&e, "INVALID_INPUT");
    let written = app.call_raw(
        "export_cv",
        json!({"cv": cv_json, "template": "classic", "format": "txt", "token": save["token"]}),
    );
    assert_eq!(written.unwrap(), json!(out.display().to_string()));
    // Only a file this person exported can be shown in its folder.
    let e = app
        .call_raw("reveal_in_folder", json!({"path": "/etc/passwd"}))
        .unwrap_err();
    assert_error_json(&e, "FILE_NOT_FOUND");

    // Several files at once, and a folder.
    state.answer_next_dialog_with(vec![
        corpus("002__flat.pdf"),
        corpus("003__stackoverflow.pdf"),
    ]);
    let files = app.ok("pick_cv_files", json!({}));
    assert_eq!(files.as_array().unwrap().len(), 2);
    state.answer_next_dialog(Some(corpus("")));
    let folder = app.ok("pick_cv_folder", json!({}));
    assert_eq!(folder["folder"], true);
    let listed = app.call_raw("list_cv_folder", json!({"token": folder["token"]}));
    assert!(listed.unwrap().as_array().unwrap().len() > 20);
    // A folder token cannot be read as a file.
    let e = app
        .call_raw("read_job_file", json!({"token": folder["token"]}))
        .unwrap_err();
    assert_error_json(&e, "INVALID_INPUT");

    // A drop on the window: Rust gets the paths, the page gets tokens in an event.
    let got = Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let sink = got.clone();
    app.window
        .listen_any(jobgate_desktop::DROP_EVENT, move |e| {
            sink.lock()
                .unwrap()
                .push(serde_json::from_str(e.payload()).unwrap());
        });
    jobgate_desktop::on_drop(
        app.window.app_handle(),
        &[corpus("002__flat.pdf"), corpus("")],
    );
    let dropped = got.lock().unwrap().clone();
    assert_eq!(dropped.len(), 1);
    let dropped = dropped[0].as_array().unwrap();
    assert_eq!(
        (dropped[0]["folder"].clone(), dropped[1]["folder"].clone()),
        (json!(false), json!(true))
    );
    let r = app.call_raw("analyze_path", json!({"token": dropped[0]["token"]}));
    assert!(r.is_ok(), "{r:?}");
}

/// `(comm, ppid, pgid, state)` of process `pid`.
#[cfg(target_os = "linux")]
fn proc_stat(pid: &str) -> Option<(String, u32, u32, char)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (head, rest) = s.rsplit_once(')')?;
    let comm = head.split_once('(')?.1.to_string();
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some((
        comm,
        f.get(1)?.parse().ok()?,
        f.get(2)?.parse().ok()?,
        f.first()?.chars().next()?,
    ))
}

#[cfg(target_os = "linux")]
fn all_pids() -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// The file readers (`--jobgate-worker`) this test process started; each leads its own process group.
#[cfg(target_os = "linux")]
fn our_workers() -> Vec<u32> {
    let me = std::process::id();
    all_pids()
        .into_iter()
        .filter(|p| proc_stat(p).is_some_and(|(_, ppid, _, _)| ppid == me))
        .filter(|p| {
            std::fs::read(format!("/proc/{p}/cmdline"))
                .is_ok_and(|c| c.split(|b| *b == 0).any(|a| a == b"--jobgate-worker"))
        })
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// Tesseracts still running in one of `groups` (a killed worker's Tesseract would keep its group).
#[cfg(target_os = "linux")]
fn tesseracts_in(groups: &[u32]) -> Vec<String> {
    all_pids()
        .into_iter()
        .filter(|p| {
            proc_stat(p).is_some_and(|(comm, _, pgid, state)| {
                comm == "tesseract" && state != 'Z' && groups.contains(&pgid)
            })
        })
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn cancel_stops_an_import_in_the_middle_of_ocr_and_nothing_is_saved() {
    let app = TestApp::new();
    let scan = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/scans/files/028__even__scan200__jpg.pdf");
    let (tx, pages) = std::sync::mpsc::channel();
    app.window.listen_any("analysis-progress", move |e| {
        let v: Value = serde_json::from_str(e.payload()).unwrap();
        if v["stage"] == "ocr" {
            let _ = tx.send(v);
        }
    });
    let args = app.choose("analyze_path", json!({ "path": scan }));
    let window = app.window.clone();
    let import = std::thread::spawn(move || {
        let r = invoke(&window, "analyze_path", args);
        (r, std::time::Instant::now())
    });
    // The worker announced page 1, and its Tesseract is reading it: now the person presses Cancel.
    let page = pages
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("OCR started");
    assert_eq!(page["page"], 1, "{page}");
    let waited = std::time::Instant::now();
    let mut groups = our_workers();
    while tesseracts_in(&groups).is_empty() && waited.elapsed().as_secs() < 10 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        groups = our_workers();
    }
    assert!(
        !tesseracts_in(&groups).is_empty(),
        "Tesseract was reading the page"
    );
    let asked = std::time::Instant::now();
    app.ok("import_cancel", json!({}));
    let (r, answered) = import.join().unwrap();
    let e = r.expect_err("a cancelled import is not a result");
    assert_error_json(&e, "CANCELLED");
    eprintln!(
        "import cancelled {} ms after import_cancel",
        answered.duration_since(asked).as_millis()
    );
    // Its Tesseract went with the worker, and nothing of the file was saved.
    let gone = std::time::Instant::now();
    while !tesseracts_in(&groups).is_empty() {
        let left = tesseracts_in(&groups);
        assert!(gone.elapsed().as_secs() < 5, "left running: {left:?}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let h = app.ok("history", json!({}));
    assert!(h["analyses"].as_array().unwrap().is_empty(), "{h}");
    assert!(h["cvs"].as_array().is_none_or(|c| c.is_empty()), "{h}");
    // The next import reads as usual (the killed worker was replaced), and a Cancel with nothing
    // running is harmless.
    let r = app.ok("analyze_path", json!({"path": corpus("001__even.pdf")}));
    assert_eq!(r["analysis"]["success"], json!(true));
    app.ok("import_cancel", json!({}));
    let h = app.ok("history", json!({}));
    assert_eq!(h["analyses"].as_array().unwrap().len(), 1, "{h}");
}

#[test]
fn a_new_import_a_switch_or_a_lock_cancels_the_import_in_flight() {
    let app = TestApp::new();
    let state = app.window.state::<AppState>();
    // One import at a time: the next one's start stops the one before.
    let first = state.start_import();
    let second = state.start_import();
    assert!(first.is_cancelled());
    assert!(!second.is_cancelled());
    // Whoever takes the machine next does not inherit the import of the one who left.
    app.ok("switch_person", json!({}));
    assert!(second.is_cancelled());
    app.ok("start_guest", json!({}));
    let guests = state.start_import();
    app.ok("lock_now", json!({}));
    assert!(guests.is_cancelled());
}
