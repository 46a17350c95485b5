//! `jobgate analyze` end to end through the real binary: analyses kept in the history (and not with
//! `--no-history`), `--ai` against a local OpenAI-compatible fake server (merged answer, cache in the
//! SQLite file, every fault falling back to the rules with `AI_UNAVAILABLE`), `--no-ai` never calling out.

#[path = "../../../ai/tests/support/mod.rs"]
mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{FakeServer, Reply};

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus/files")
        .join(name)
}

/// Runs `jobgate ARGS` with a private data folder and no AI settings from the outer environment.
fn jobgate(data: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, Value, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("JOBGATE_DATA_DIR", data)
        .env_remove("OPENROUTER_API_KEY")
        .env_remove("JOBGATE_OPENROUTER_URL")
        .env_remove("JOBGATE_AI_MODEL")
        // No keychain for these runs: a key saved on the developer's machine must not leak in.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/jobgate-test-bus",
        );
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.success(), value, stderr)
}

fn history(data: &Path) -> Value {
    let (ok, h, err) = jobgate(data, &["history", "--json"], &[]);
    assert!(ok, "history failed: {err}");
    h
}

fn ai_warning(r: &Value) -> Option<String> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "AI_UNAVAILABLE")
        .map(|w| w["message"].as_str().unwrap().to_string())
}

#[test]
fn analyses_are_kept_in_the_history_once_per_file_and_not_with_no_history() {
    let data = tempfile::tempdir().unwrap();
    let cv = corpus("001__even.pdf");
    let cv = cv.to_str().unwrap();
    let (ok, r, err) = jobgate(data.path(), &["analyze", cv, "--json"], &[]);
    assert!(ok, "{err}");
    assert_eq!(r["success"], true);
    let h = history(data.path());
    assert_eq!(h["analyses"].as_array().unwrap().len(), 1, "{h}");
    assert_eq!(h["cvs"].as_array().unwrap().len(), 1, "{h}");

    // The same file again: a second analysis of the same CV, not a second CV.
    let (ok, _, err) = jobgate(data.path(), &["analyze", cv], &[]);
    assert!(ok, "{err}");
    let h = history(data.path());
    assert_eq!(h["analyses"].as_array().unwrap().len(), 2, "{h}");
    assert_eq!(h["cvs"].as_array().unwrap().len(), 1, "{h}");

    let other = corpus("002__elegant.pdf");
    let (ok, _, err) = jobgate(
        data.path(),
        &["analyze", other.to_str().unwrap(), "--no-history", "--json"],
        &[],
    );
    assert!(ok, "{err}");
    let h = history(data.path());
    assert_eq!(h["analyses"].as_array().unwrap().len(), 2, "{h}");
}

#[test]
fn a_data_folder_that_cannot_be_written_still_gives_the_analysis_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file where the data folder should be").unwrap();
    let cv = corpus("001__even.pdf");
    let (ok, r, err) = jobgate(&blocker, &["analyze", cv.to_str().unwrap(), "--json"], &[]);
    assert!(ok, "{err}");
    assert_eq!(r["success"], true);
    assert!(err.contains("history"), "no notice on stderr: {err}");
}

#[test]
fn ai_answers_are_merged_scored_and_cached_in_the_data_folder() {
    let model_cv = json!({
        "personal_info": {"name": "Omar Hassan El-Sayed", "email": "omar.elsayed@mailbox.test",
                          "phone": "", "location": "Cairo, Egypt", "headline": "Senior Backend Engineer",
                          "links": []},
        "summary": "Backend engineer.",
        "experience": [{"title": "Senior Backend Engineer", "company": "Fawry Digital Payments",
                        "location": "Cairo", "start": "2021-03", "end": "present", "period": "Mar 2021 – Present",
                        "achievements": ["Led a team of 5 engineers migrating 14 services to Kubernetes"]},
                       {"title": "Senior Backend Engineer", "company": "Zebra Quantum Logistics",
                        "location": "Cairo", "start": "2020-01", "end": "present", "period": "2020 – Present",
                        "achievements": ["Cut p99 latency by 35% for 2M daily requests"]}],
        "education": [], "skills": ["Rust", "PostgreSQL", "Kafka"], "achievements": [],
        "certifications": [], "languages": [], "projects": []
    });
    let server = FakeServer::start(vec![Reply::json(&model_cv)]);
    let data = tempfile::tempdir().unwrap();
    let url = server.base_url();
    let env = [("JOBGATE_OPENROUTER_URL", url.as_str())];
    let cv = corpus("001__even.pdf");
    let args = ["analyze", cv.to_str().unwrap(), "--ai", "--json"];

    let (ok, r, err) = jobgate(data.path(), &args, &env);
    assert!(ok, "{err}");
    assert_eq!(r["parser"], "ai", "{r}");
    assert_eq!(ai_warning(&r), None);
    let companies: Vec<&str> = r["structured_data"]["experience"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["company"].as_str().unwrap())
        .collect();
    // The model's jobs replace the rules' three; the employer the CV never names is not taken.
    assert_eq!(companies, ["Fawry Digital Payments"]);
    let checks: f64 = r["ats_checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_f64().unwrap())
        .sum();
    assert!((checks - r["ats_score"].as_f64().unwrap()).abs() < 0.11);
    assert_eq!(server.requests().len(), 1);
    let sent = server.requests()[0].json();
    let text = sent["messages"].to_string();
    assert!(text.contains("omar"), "the CV text was not sent");

    // The same CV again: answered from the SQLite cache, the server is not asked.
    let (ok, again, err) = jobgate(data.path(), &args, &env);
    assert!(ok, "{err}");
    assert_eq!(again["parser"], "ai");
    assert_eq!(again["structured_data"], r["structured_data"]);
    assert_eq!(server.requests().len(), 1, "the cache was not used");
}

#[test]
fn every_ai_fault_falls_back_to_the_rules_with_a_reason() {
    let cv = corpus("002__elegant.pdf");
    let data = tempfile::tempdir().unwrap();
    let (_, rules, _) = jobgate(
        data.path(),
        &["analyze", cv.to_str().unwrap(), "--json", "--no-history"],
        &[],
    );
    for (what, reply) in [
        ("500", Reply::status(500, "{\"error\":\"boom\"}")),
        (
            "401",
            Reply::status(401, "{\"error\":{\"message\":\"bad key\"}}"),
        ),
        ("garbage", Reply::content("I cannot help with that.{")),
    ] {
        let server = FakeServer::start(vec![reply]);
        let url = server.base_url();
        let (ok, r, err) = jobgate(
            data.path(),
            &["analyze", cv.to_str().unwrap(), "--ai", "--json"],
            &[("JOBGATE_OPENROUTER_URL", url.as_str())],
        );
        assert!(ok, "{what}: {err}");
        assert_eq!(r["parser"], "rules", "{what}");
        assert!(
            ai_warning(&r).is_some(),
            "{what}: no AI_UNAVAILABLE warning"
        );
        assert_eq!(
            r["structured_data"], rules["structured_data"],
            "{what}: the rule result changed"
        );
    }
}

#[test]
fn openrouter_without_a_key_never_calls_out_and_says_what_is_missing() {
    let data = tempfile::tempdir().unwrap();
    let cv = corpus("001__even.pdf");
    let (ok, r, err) = jobgate(
        data.path(),
        &["analyze", cv.to_str().unwrap(), "--ai", "--json"],
        &[],
    );
    assert!(ok, "{err}");
    assert_eq!(r["parser"], "rules");
    let w = ai_warning(&r).expect("AI_UNAVAILABLE warning");
    assert!(w.to_lowercase().contains("key"), "{w}");
}

#[test]
fn no_ai_never_calls_the_server() {
    let server = FakeServer::start(vec![Reply::status(500, "{}")]);
    let data = tempfile::tempdir().unwrap();
    let url = server.base_url();
    let cv = corpus("001__even.pdf");
    for extra in [&["--no-ai"][..], &[][..]] {
        let mut args = vec!["analyze", cv.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        let (ok, r, err) = jobgate(
            data.path(),
            &args,
            &[
                ("JOBGATE_OPENROUTER_URL", url.as_str()),
                ("OPENROUTER_API_KEY", "sk-test"),
            ],
        );
        assert!(ok, "{err}");
        assert_eq!(r["parser"], "rules");
        assert_eq!(ai_warning(&r), None);
    }
    assert!(server.requests().is_empty());
}

fn is_isolation(c: char) -> bool {
    ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `--lang ar` says every check, suggestion and warning in Arabic, in the JSON and in the report; the
/// report has no invisible isolation characters, the JSON isolates the CV's words.
#[test]
fn lang_ar_says_everything_in_arabic_and_the_report_is_clean_text() {
    let tmp = tempfile::tempdir().unwrap();
    // A PDF without its end marker: read whole, with a PARTIAL_TEXT warning.
    let mut bytes = std::fs::read(corpus("002__flat.pdf")).unwrap();
    let at = bytes.windows(5).rposition(|w| w == b"%%EOF").unwrap();
    bytes[at..at + 5].copy_from_slice(b"%%XXX");
    let file = tmp.path().join("cut.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let f = file.to_str().unwrap();
    let data = tmp.path().join("data");

    let (ok, ar, err) = jobgate(
        &data,
        &["analyze", f, "--json", "--lang", "ar", "--no-history"],
        &[],
    );
    assert!(ok, "{err}");
    let (ok, en, err) = jobgate(
        &data,
        &["analyze", f, "--json", "--lang", "en", "--no-history"],
        &[],
    );
    assert!(ok, "{err}");
    let warnings = ar["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w["code"] == "PARTIAL_TEXT"),
        "{warnings:?}"
    );
    let mut messages: Vec<String> = Vec::new();
    for c in ar["ats_checks"].as_array().unwrap() {
        messages.push(c["message"].as_str().unwrap().into());
        if !c["suggestion"].as_str().unwrap().is_empty() {
            messages.push(c["suggestion"].as_str().unwrap().into());
        }
    }
    messages.extend(
        ar["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string()),
    );
    messages.extend(
        warnings
            .iter()
            .map(|w| w["message"].as_str().unwrap().to_string()),
    );
    let english: Vec<&str> = en["ats_checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["message"].as_str().unwrap())
        .collect();
    for m in &messages {
        // The CV's own words are isolated; what is left is Arabic.
        let outside = jobgate_core::phrase::outside_isolates(m);
        assert!(
            jobgate_core::text::arabic_ratio(&outside) > 0.8,
            "not Arabic: {m}"
        );
        assert!(!english.contains(&m.as_str()));
    }
    assert!(
        messages.iter().any(|m| m.contains('\u{2068}')),
        "CV words isolated in JSON"
    );

    let out = std::process::Command::new(BIN)
        .args(["analyze", f, "--lang", "ar", "--no-history"])
        .env("JOBGATE_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(!report.chars().any(is_isolation), "{report:?}");
    for m in &messages {
        let clean: String = m.chars().filter(|c| !is_isolation(*c)).collect();
        assert!(report.contains(&clean), "report lacks {clean:?}:\n{report}");
    }
}
