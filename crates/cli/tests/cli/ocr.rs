//! Scans and photos through the real `jobgate` and its bounded workers, with the real Tesseract
//! (`scripts/setup.sh test` installs it): a photo is analysed with the OCR warnings in the user's
//! language; a scanned PDF gets its time page by page, not the 6 s of a typed file; a page past its
//! OCR deadline is stopped and its Tesseract with it, and so is one whose CLI got a Ctrl-C; without
//! Tesseract the error says how to get it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn scan(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/scans")
        .join(name)
}

/// Runs `jobgate analyze --json --no-history FILE ARGS` with `env`; `(success, JSON)`.
fn analyze(file: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, Value) {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(["analyze", "--json", "--no-history"])
        .arg(file)
        .args(args)
        .env("JOBGATE_DATA_DIR", data.path())
        .env_remove("OPENROUTER_API_KEY")
        .env_remove("JOBGATE_TESSERACT")
        .env_remove("JOBGATE_READ_DEADLINE_MS")
        .env_remove("JOBGATE_OCR_PAGE_DEADLINE_MS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.success(), json)
}

fn codes(r: &Value) -> Vec<String> {
    r["warnings"]
        .as_array()
        .map(|w| {
            w.iter()
                .map(|w| w["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_photo_of_a_cv_is_analysed_and_says_its_text_came_from_ocr_in_both_languages() {
    let photo = scan("files/003__stackoverflow__scan200.jpg");
    let (ok, r) = analyze(&photo, &[], &[]);
    assert!(ok, "{r}");
    let info = &r["structured_data"]["personal_info"];
    assert_eq!(info["name"], "James R. Thompson", "{r}");
    assert_eq!(info["email"], "jthompson.cpa@ledgerline.test", "{r}");
    assert!(codes(&r).contains(&"OCR_TEXT".to_string()), "{r}");
    let (ok, ar) = analyze(&photo, &["--lang", "ar"], &[]);
    assert!(ok);
    let message = ar["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "OCR_TEXT")
        .map(|w| w["message"].as_str().unwrap().to_string())
        .unwrap();
    assert!(message.contains("التعرّف الضوئي"), "{message}");
}

#[test]
fn a_scanned_pdf_gets_its_time_page_by_page() {
    // Two OCR pages take seconds each, far past a file deadline of one second: the deadline starts
    // again at each page the worker announces.
    let pdf = scan("files/028__even__scan200__jpg.pdf");
    let (ok, r) = analyze(&pdf, &[], &[("JOBGATE_READ_DEADLINE_MS", "1000")]);
    assert!(ok, "{r}");
    assert_eq!(
        r["structured_data"]["personal_info"]["email"],
        "m.alsayed@mail-ar.test"
    );
}

/// Processes whose environment holds `mark`: the Tesseract a test's worker started.
#[cfg(target_os = "linux")]
fn processes_marked(mark: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let environ = entry.path().join("environ");
        if let Ok(bytes) = std::fs::read(&environ)
            && bytes.split(|b| *b == 0).any(|kv| kv == mark.as_bytes())
        {
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            found.push(String::from_utf8_lossy(&cmdline).replace('\0', " "));
        }
    }
    found
}

/// A `tesseract` in `dir` that lists its languages, takes its image and then never answers.
#[cfg(target_os = "linux")]
fn never_answering_tesseract(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let slow = dir.join("tesseract");
    std::fs::write(
        &slow,
        "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then printf 'List\\neng\\nara\\n'; exit 0; fi\ncat >/dev/null\nsleep 60\n",
    )
    .unwrap();
    std::fs::set_permissions(&slow, std::fs::Permissions::from_mode(0o755)).unwrap();
    slow
}

#[cfg(target_os = "linux")]
#[test]
fn a_page_past_its_ocr_deadline_is_stopped_with_its_tesseract() {
    // A Tesseract that takes its image and then never answers: the page's deadline must stop it.
    let dir = tempfile::tempdir().unwrap();
    let slow = never_answering_tesseract(dir.path());
    let mark = format!("JOBGATE_TEST_MARK={}", std::process::id());
    let (key, value) = mark.split_once('=').unwrap();
    let started = std::time::Instant::now();
    let (ok, r) = analyze(
        &scan("files/030__stackoverflow__scan200.jpg"),
        &[],
        &[
            ("JOBGATE_TESSERACT", slow.to_str().unwrap()),
            ("JOBGATE_OCR_PAGE_DEADLINE_MS", "1500"),
            (key, value),
        ],
    );
    assert!(!ok);
    assert_eq!(r["error_code"], "CORRUPTED_FILE", "{r}");
    assert_eq!(r["details"]["limit"], "time", "{r}");
    let reason = r["details"]["reason"].as_str().unwrap();
    assert!(reason.contains("page 1"), "{r}");
    assert!(
        started.elapsed().as_secs() < 30,
        "stopped at the page's deadline"
    );
    // The worker's process group went with it: nothing this run started is left running.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let left = processes_marked(&mark);
    assert!(left.is_empty(), "still running: {left:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_during_ocr_leaves_no_worker_or_tesseract_running() {
    // A Tesseract that takes its image and never answers; a page deadline far away, so only the
    // Ctrl-C can end it.
    let dir = tempfile::tempdir().unwrap();
    let slow = never_answering_tesseract(dir.path());
    let mark = format!("JOBGATE_TEST_MARK=ctrl-c-{}", std::process::id());
    let (key, value) = mark.split_once('=').unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut cli = Command::new(BIN)
        .args(["analyze", "--json", "--no-history"])
        .arg(scan("files/030__stackoverflow__scan200.jpg"))
        .env("JOBGATE_DATA_DIR", data.path())
        .env("JOBGATE_TESSERACT", &slow)
        .env("JOBGATE_OCR_PAGE_DEADLINE_MS", "120000")
        .env(key, value)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the worker's Tesseract is reading the page.
    let started = std::time::Instant::now();
    while !processes_marked(&mark)
        .iter()
        .any(|p| p.contains(slow.to_str().unwrap()))
    {
        assert!(started.elapsed().as_secs() < 30, "OCR never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The terminal's Ctrl-C: SIGINT to the CLI (the worker leads its own group, which the terminal
    // does not signal).
    let interrupted = Command::new("kill")
        .args(["-INT", &cli.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let _ = cli.wait().unwrap();
    // The worker notices its parent is gone and ends its group, Tesseract with it.
    let after = std::time::Instant::now();
    loop {
        let left = processes_marked(&mark);
        if left.is_empty() {
            break;
        }
        assert!(after.elapsed().as_secs() < 5, "still running: {left:?}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn without_tesseract_a_scan_says_how_to_install_it_and_a_typed_pdf_still_reads() {
    let missing = [("JOBGATE_TESSERACT", "/nonexistent/tesseract")];
    let (ok, r) = analyze(
        &scan("files/030__stackoverflow__scan200.jpg"),
        &[],
        &missing,
    );
    assert!(!ok);
    assert_eq!(r["error_code"], "OCR_UNAVAILABLE", "{r}");
    let action = r["suggested_action"].as_str().unwrap();
    assert!(action.contains("tesseract-ocr-ara"), "{action}");
    let (_, ar) = analyze(
        &scan("files/001__even__scan150__jpg.pdf"),
        &["--lang", "ar"],
        &missing,
    );
    assert_eq!(ar["error_code"], "OCR_UNAVAILABLE", "{ar}");
    assert!(ar["error"].as_str().unwrap().contains("OCR"), "{ar}");
    let typed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus/files/001__even.pdf");
    let (ok, r) = analyze(&typed, &[], &missing);
    assert!(ok, "{r}");
    assert!(!codes(&r).contains(&"OCR_TEXT".to_string()));
}

#[test]
fn a_blank_scan_is_no_text_found_with_what_to_do() {
    let (ok, r) = analyze(&scan("blank.png"), &[], &[]);
    assert!(!ok);
    assert_eq!(r["error_code"], "NO_TEXT_FOUND", "{r}");
    assert!(!r["suggested_action"].as_str().unwrap().is_empty());
}

#[test]
fn every_page_of_a_multi_page_black_and_white_tiff_is_read() {
    // Two pages from a document scanner (CCITT G4): the name is on page 1, the degrees on page 2.
    let (ok, r) = analyze(&scan("files/011__flat__scan300.tif"), &[], &[]);
    assert!(ok, "{r}");
    let cv = &r["structured_data"];
    assert_eq!(cv["personal_info"]["name"], "Michael O'Brien", "{r}");
    let text = cv.to_string();
    assert!(
        text.contains("University of Sheffield"),
        "page 2 not read: {r}"
    );
    assert!(codes(&r).contains(&"OCR_TEXT".to_string()), "{r}");
}
