//! `jobgate export` with JSON Resume, the interchange format other CV tools use: a JSON Resume document in
//! (here the corpus's own truth files), a DOCX or a JSON Resume out.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn truth(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus/truth")
        .join(name)
}

fn export(args: &[&str]) -> (bool, Value) {
    let out = Command::new(BIN)
        .arg("export")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    (
        out.status.success(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

#[test]
fn a_json_resume_comes_in_and_goes_out() {
    let dir = tempfile::tempdir().unwrap();
    for (file, lang) in [("001.json", "en"), ("032.json", "ar")] {
        let input = truth(file);
        let source: Value = serde_json::from_slice(&std::fs::read(&input).unwrap()).unwrap();
        let docx = dir.path().join(format!("{file}.docx"));
        let (ok, r) = export(&[
            input.to_str().unwrap(),
            "--format",
            "docx",
            "--out",
            docx.to_str().unwrap(),
        ]);
        assert!(ok, "{r}");
        assert_eq!(r["language"], lang);
        assert!(std::fs::metadata(&docx).unwrap().len() > 1000);

        let json = dir.path().join(format!("{file}.out.json"));
        let (ok, r) = export(&[
            input.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ]);
        assert!(ok, "{r}");
        let out: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        for key in ["name", "email", "phone", "label"] {
            assert_eq!(out["basics"][key], source["basics"][key], "{file}: {key}");
        }
        assert_eq!(
            out["work"].as_array().unwrap().len(),
            source["work"].as_array().unwrap().len()
        );
        assert_eq!(out["work"][0]["position"], source["work"][0]["position"]);
        assert_eq!(
            out["work"][0]["highlights"],
            source["work"][0]["highlights"]
        );
        // Not overwritten without --force.
        let (ok, r) = export(&[
            input.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ]);
        assert!(!ok);
        assert_eq!(r["error_code"], "FILE_EXISTS");
    }
}

/// `jobgate ARGS` in a private data folder; exit code.
fn run_in(data: &Path, args: &[&str]) -> i32 {
    Command::new(BIN)
        .args(args)
        .env("JOBGATE_DATA_DIR", data)
        .output()
        .unwrap()
        .status
        .code()
        .unwrap()
}

#[test]
fn files_already_there_are_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let cv = root.join("corpus/files/001__even.pdf");
    let job = root.join("jobs/backend_engineer_en.txt");
    let (cv, job) = (cv.to_str().unwrap(), job.to_str().unwrap());
    let out = dir.path().join("out");
    let out_s = out.to_str().unwrap();
    let target = out.join("001__even.pdf.json");
    assert_eq!(
        run_in(&data, &["analyze", cv, "--no-history", "--out-dir", out_s]),
        0
    );
    std::fs::write(&target, b"kept").unwrap();
    assert_eq!(
        run_in(&data, &["analyze", cv, "--no-history", "--out-dir", out_s]),
        1
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"kept");
    assert_eq!(
        run_in(
            &data,
            &["analyze", cv, "--no-history", "--out-dir", out_s, "--force"]
        ),
        0
    );
    assert_ne!(std::fs::read(&target).unwrap(), b"kept");

    let csv = dir.path().join("ranking.csv");
    let csv_s = csv.to_str().unwrap();
    assert_eq!(
        run_in(&data, &["match", "--job", job, cv, "--csv", csv_s]),
        0
    );
    std::fs::write(&csv, b"kept").unwrap();
    assert_eq!(
        run_in(&data, &["match", "--job", job, cv, "--csv", csv_s]),
        1
    );
    assert_eq!(std::fs::read(&csv).unwrap(), b"kept");
    assert_eq!(
        run_in(
            &data,
            &["match", "--job", job, cv, "--csv", csv_s, "--force"]
        ),
        0
    );
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.contains("001__even.pdf") && !written.contains(dir.path().to_str().unwrap()));
}
