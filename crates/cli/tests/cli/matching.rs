//! `jobgate match` end to end through the real binary: the JSON report (`job`, `ranking` best first
//! with ranks, `failed` with the error JSON), the table, the CSV file, the progress line and the exit
//! code when a CV cannot be analysed.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn fixtures(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

fn jobgate(data: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("JOBGATE_DATA_DIR", data)
        .env_remove("OPENROUTER_API_KEY")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn match_ranks_the_cv_written_for_the_job_first_and_writes_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let job = fixtures("jobs/backend_engineer_en.txt");
    let cvs = [
        fixtures("corpus/files/002__flat.pdf"),
        fixtures("corpus/files/001__even.pdf"),
        fixtures("corpus/files/003__stackoverflow.pdf"),
    ];
    let csv = dir.path().join("ranking.csv");
    let (code, out, err) = jobgate(
        dir.path(),
        &[
            "match",
            "--job",
            s(&job),
            s(&cvs[0]),
            s(&cvs[1]),
            s(&cvs[2]),
            "--json",
            "--csv",
            s(&csv),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("Analysed 3 of 3 CVs"), "{err}");
    assert!(err.contains("ranking.csv"), "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert!(r["job"]["required_skills"].as_array().unwrap().len() > 1);
    let ranking = r["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 3);
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(ranking[0]["file"], s(&cvs[1]));
    let scores: Vec<f64> = ranking
        .iter()
        .map(|x| x["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(!ranking[0]["reasons"].as_array().unwrap().is_empty());
    assert_eq!(r["failed"], Value::Array(Vec::new()));

    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].contains("Score"), "{}", lines[0]);
    assert!(lines[1].starts_with("1,") && lines[1].contains("001__even.pdf"));
}

#[test]
fn a_cv_that_cannot_be_read_is_listed_with_its_error_and_the_exit_code_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, "not a PDF").unwrap();
    let job = fixtures("jobs/accountant_ar.txt");
    let cv = fixtures("corpus/files/029__elegant.pdf");
    let (code, out, _) = jobgate(
        dir.path(),
        &["match", "--job", s(&job), s(&cv), s(&broken), "--json"],
    );
    assert_eq!(code, Some(1));
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["ranking"].as_array().unwrap().len(), 1);
    assert_eq!(r["failed"][0]["file"], s(&broken));
    assert_eq!(r["failed"][0]["error_code"], "UNSUPPORTED_FILE_TYPE");
    // An Arabic job description: messages in Arabic.
    assert!(
        r["failed"][0]["suggested_action"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{}",
        r["failed"][0]
    );

    // The table names the failure too.
    let (code, out, _) = jobgate(dir.path(), &["match", "--job", s(&job), s(&cv), s(&broken)]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("broken.pdf") && out.contains("UNSUPPORTED_FILE_TYPE"),
        "{out}"
    );

    let (code, out, _) = jobgate(
        dir.path(),
        &["match", "--job", "/nonexistent/job.txt", s(&cv), "--json"],
    );
    assert_eq!(code, Some(1));
    let e: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(e["error_code"], "FILE_NOT_FOUND");
}

#[test]
fn a_scanned_job_advert_is_read_by_ocr_and_ranks_like_the_typed_one() {
    // The same advert as a typed PDF and as a 150 dpi JPEG scan of it: the same skills are asked for
    // and the same CV comes first.
    let dir = tempfile::tempdir().unwrap();
    let cvs = [
        fixtures("corpus/files/002__flat.pdf"),
        fixtures("corpus/files/001__even.pdf"),
    ];
    let run = |job: &Path| {
        let (code, out, err) = jobgate(
            dir.path(),
            &["match", "--job", s(job), s(&cvs[0]), s(&cvs[1]), "--json"],
        );
        assert_eq!(code, Some(0), "{err}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    let typed = run(&fixtures("jobs/backend_engineer_en.pdf"));
    let scanned = run(&fixtures("jobs/backend_engineer_en__scan150.jpg"));
    let skills = |r: &Value| r["job"]["required_skills"].clone();
    assert!(!skills(&typed).as_array().unwrap().is_empty());
    assert_eq!(skills(&scanned), skills(&typed), "{scanned}");
    assert_eq!(
        scanned["ranking"][0]["file"], typed["ranking"][0]["file"],
        "{scanned}"
    );
}
