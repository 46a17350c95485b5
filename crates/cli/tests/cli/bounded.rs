//! Files built to break a reader, through the real `jobgate` (which reads every file in worker
//! processes of itself): each one ends with its analysis or `CORRUPTED_FILE`, the files after it are
//! still analysed, and a worker stopped at a limit says which one — deadline, memory or stack — in
//! the user's language.

use jobgate_engine::AnalyzeOptions;
use jobgate_engine::bounded::{Limits, Pool, WORKER_FLAG, WorkerCommand};
use jobgate_engine::core::JobGateError;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

fn fixtures(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

/// Runs `jobgate ARGS` with a private data folder; `(exit code, stdout JSON, stderr)`.
fn jobgate(data: &Path, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, Value, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("JOBGATE_DATA_DIR", data)
        .env_remove("OPENROUTER_API_KEY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code(),
        serde_json::from_str(&stdout).unwrap_or(Value::Null),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn worker() -> WorkerCommand {
    WorkerCommand {
        program: PathBuf::from(BIN),
        args: vec![WORKER_FLAG.into()],
    }
}

/// What a file may honestly end with (a hostile file must never end the batch, hang or crash it).
const ACCEPTABLE: [&str; 5] = [
    "CORRUPTED_FILE",
    "NO_TEXT_FOUND",
    "FILE_TOO_LARGE",
    "ENCRYPTED_FILE",
    "UNSUPPORTED_FILE_TYPE",
];

#[test]
fn every_hostile_class_ends_with_an_answer_and_the_good_cv_after_it_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixtures("corpus/files/001__even.pdf");
    let mut args: Vec<String> = ["analyze", "--json", "--no-history"]
        .map(String::from)
        .to_vec();
    let mut names = Vec::new();
    for case in jobgate_hostile::catalogue() {
        if case.ext == "txt" {
            continue;
        }
        let path = dir.path().join(format!("{}.{}", case.name, case.ext));
        std::fs::write(&path, (case.make)()).unwrap();
        args.push(path.display().to_string());
        args.push(good.display().to_string());
        names.push(case.name);
    }
    assert!(
        names.len() >= 20,
        "the catalogue has every class: {names:?}"
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // A short deadline keeps this test quick; the mechanism is the same at the default 6 s.
    let (code, out, err) = jobgate(dir.path(), &args, &[("JOBGATE_READ_DEADLINE_MS", "3000")]);
    let results = out
        .as_array()
        .unwrap_or_else(|| panic!("no JSON array: {err}"));
    assert_eq!(results.len(), names.len() * 2, "one answer per file: {err}");
    for (i, name) in names.iter().enumerate() {
        let hostile = &results[2 * i];
        if hostile["success"] != true {
            let code = hostile["error_code"].as_str().unwrap_or_default();
            assert!(ACCEPTABLE.contains(&code), "{name}: {hostile}");
            assert!(!hostile["suggested_action"].as_str().unwrap().is_empty());
        }
        let after = &results[2 * i + 1];
        assert_eq!(after["success"], true, "the CV after {name}: {after}");
        assert!(
            after["structured_data"]["personal_info"]["name"]
                .as_str()
                .is_some_and(|n| !n.is_empty()),
            "the CV after {name}: {after}"
        );
    }
    // Some hostile file failed, so the batch reports it, but nothing was lost.
    assert!(code == Some(0) || code == Some(1), "{code:?}: {err}");
}

#[test]
fn a_hostile_cv_among_others_is_listed_as_failed_and_the_rest_are_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.pdf");
    std::fs::write(&deep, jobgate_hostile::pdf::pdf_nested_arrays(100_000)).unwrap();
    let bomb = dir.path().join("shared.pdf");
    std::fs::write(
        &bomb,
        jobgate_hostile::pdf::pdf_shared_content_stream(20_000),
    )
    .unwrap();
    let job = fixtures("jobs/backend_engineer_en.txt");
    let a = fixtures("corpus/files/001__even.pdf");
    let b = fixtures("corpus/files/002__flat.pdf");
    let (code, out, err) = jobgate(
        dir.path(),
        &[
            "match",
            "--job",
            job.to_str().unwrap(),
            a.to_str().unwrap(),
            deep.to_str().unwrap(),
            bomb.to_str().unwrap(),
            b.to_str().unwrap(),
            "--json",
            "--lang",
            "ar",
        ],
        &[],
    );
    assert_eq!(code, Some(1), "a CV failed, so exit 1: {err}");
    let ranked: Vec<&str> = out["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(ranked.len(), 2, "{out}");
    assert!(
        ranked
            .iter()
            .all(|f| f.ends_with("001__even.pdf") || f.ends_with("002__flat.pdf"))
    );
    let failed = out["failed"].as_array().unwrap();
    assert!(
        failed
            .iter()
            .any(|f| f["file"].as_str().unwrap().ends_with("deep.pdf")),
        "{out}"
    );
    for f in failed {
        assert_eq!(f["error_code"], "CORRUPTED_FILE", "{f}");
        // The message is in the user's language, Arabic here.
        let msg = f["error"].as_str().unwrap();
        assert!(
            msg.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{msg}"
        );
    }
}

#[test]
fn a_job_file_built_to_break_the_reader_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.pdf");
    std::fs::write(&job, jobgate_hostile::pdf::pdf_nested_dicts(100_000)).unwrap();
    let cv = fixtures("corpus/files/001__even.pdf");
    let (code, out, err) = jobgate(
        dir.path(),
        &[
            "match",
            "--job",
            job.to_str().unwrap(),
            cv.to_str().unwrap(),
            "--json",
        ],
        &[],
    );
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(out["error_code"], "CORRUPTED_FILE", "{out}");
}

fn limit_of(e: &JobGateError) -> &str {
    match e {
        JobGateError::OverLimit { limit, .. } => limit,
        other => panic!("not stopped at a limit: {other:?}"),
    }
}

#[test]
fn a_worker_past_its_deadline_is_stopped_and_the_pool_goes_on_with_a_new_one() {
    let cv = std::fs::read(fixtures("corpus/files/001__even.pdf")).unwrap();
    let opts = AnalyzeOptions::default();
    // No CV is read in a microsecond: the deadline always passes first.
    let hurried = Pool::new(
        worker(),
        Limits {
            deadline: Duration::from_micros(1),
            ..Limits::default()
        },
    );
    let e = hurried.analyse(&cv, &opts).unwrap_err();
    assert_eq!(e.code().as_str(), "CORRUPTED_FILE");
    assert_eq!(limit_of(&e), "time");

    // A worker that crashed is replaced: the same pool reads the next file.
    let pool = Pool::new(worker(), Limits::default());
    let deep = jobgate_hostile::pdf::pdf_nested_arrays(100_000);
    match pool.analyse(&deep, &opts) {
        Ok(_) => {}
        Err(e) => assert_eq!(e.code().as_str(), "CORRUPTED_FILE", "{e:?}"),
    }
    let (_, r) = pool.analyse(&cv, &opts).unwrap();
    assert!(r.success);
    let (_, again) = pool.analyse(&cv, &opts).unwrap();
    assert_eq!(
        r.structured_data, again.structured_data,
        "a warm worker answers the same"
    );
}

#[test]
fn a_worker_out_of_memory_or_stack_says_which_limit_stopped_it() {
    let opts = AnalyzeOptions::default();
    // A 9 MB file (padding after the end of a valid PDF) needs its bytes twice in the reader: more
    // than a 16 MB memory budget allows.
    let mut big = jobgate_hostile::pdf::pdf_plain();
    big.extend(std::iter::repeat_n(b'%', 9 << 20));
    let small_memory = Pool::new(
        worker(),
        Limits {
            memory_bytes: 16 << 20,
            stack_bytes: 1 << 20,
            ..Limits::default()
        },
    );
    let e = small_memory.analyse(&big, &opts).unwrap_err();
    assert_eq!(limit_of(&e), "memory", "{e:?}");
    let r = e.to_response(jobgate_engine::core::Lang::En);
    assert_eq!(r.details["limit"], "memory");
    assert!(r.error.contains("memory"), "{}", r.error);

    // Any real CV needs more than the smallest stack a thread can have.
    let cv = std::fs::read(fixtures("corpus/files/001__even.pdf")).unwrap();
    let small_stack = Pool::new(
        worker(),
        Limits {
            stack_bytes: 16 << 10,
            ..Limits::default()
        },
    );
    let e = small_stack.analyse(&cv, &opts).unwrap_err();
    assert_eq!(limit_of(&e), "stack", "{e:?}");
    let ar = e.to_response(jobgate_engine::core::Lang::Ar);
    assert!(
        ar.error
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    );
}
