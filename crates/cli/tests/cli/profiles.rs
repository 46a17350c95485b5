//! People on a shared machine through the real binary (DESIGN §8): `jobgate profile …`, the global `--profile`
//! and `--guest`, `JOBGATE_PASSCODE`, the machine's policy (`JOBGATE_POLICY`), and what reaches the disk.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");
/// The person in corpus CV 001, and details only their CV holds.
const NAME: &str = "Omar Hassan El-Sayed";
const EMAIL: &str = "omar.elsayed@mailbox.test";

fn cv_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/files/001__even.pdf")
}

/// Runs `jobgate ARGS` on the data folder `data`, with no policy, passcode or profile from outside.
fn jobgate(data: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, Value, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("JOBGATE_DATA_DIR", data)
        .env("JOBGATE_POLICY", data.with_extension("no-policy.toml"))
        .env_remove("JOBGATE_PASSCODE")
        .env_remove("JOBGATE_PROFILE")
        .env_remove("OPENROUTER_API_KEY")
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
    (
        out.status.success(),
        serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stderr,
    )
}

fn ok(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Value {
    let (ok, v, err) = jobgate(data, args, env);
    assert!(ok, "jobgate {args:?} failed: {v} {err}");
    v
}

fn error_code(data: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let (ok, v, err) = jobgate(data, args, env);
    assert!(!ok, "jobgate {args:?} should fail: {v}");
    assert!(
        v["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{v} {err}"
    );
    assert!(
        v["suggested_action"]
            .as_str()
            .is_some_and(|e| !e.is_empty())
    );
    v["error_code"].as_str().unwrap().to_string()
}

/// Where the person's name or email can be read in the raw bytes of the data folder.
fn readable(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            for needle in [NAME, EMAIL, "mailbox.test"] {
                if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    found.push(format!("{}: {needle}", p.display()));
                }
            }
        }
    }
    found
}

fn cvs(history: &Value) -> usize {
    history["cvs"].as_array().unwrap().len()
}

#[test]
fn two_people_on_one_machine_never_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = cv_file();
    let file = file.to_str().unwrap();
    ok(&data, &["profile", "create", "Amal"], &[]);
    ok(
        &data,
        &["--profile", "Amal", "analyze", file, "--json"],
        &[],
    );
    // The option also works after the subcommand, and through JOBGATE_PROFILE.
    assert_eq!(
        cvs(&ok(&data, &["history", "--json", "--profile", "amal"], &[])),
        1
    );
    assert_eq!(
        cvs(&ok(
            &data,
            &["history", "--json"],
            &[("JOBGATE_PROFILE", "Amal")]
        )),
        1
    );
    // The default profile (created on first use) does not see Amal's CV.
    assert_eq!(cvs(&ok(&data, &["history", "--json"], &[])), 0);

    let list = ok(&data, &["profile", "list", "--json"], &[]);
    let people: Vec<(String, bool, Value)> = list["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["locked"].as_bool().unwrap(),
                p["cvs"].clone(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Amal".to_string(), false, Value::from(1)),
            ("default".to_string(), false, Value::from(0))
        ]
    );
    assert_eq!(
        error_code(&data, &["--profile", "Nobody", "history", "--json"], &[]),
        "PROFILE_NOT_FOUND"
    );
}

#[test]
fn a_locked_profile_needs_its_passcode_and_reads_nothing_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = cv_file();
    let file = file.to_str().unwrap();
    let pass = [("JOBGATE_PASSCODE", "سر-2468")];
    ok(&data, &["profile", "create", "Salma", "--lock"], &pass);
    ok(
        &data,
        &["--profile", "Salma", "analyze", file, "--json"],
        &pass,
    );
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));

    assert_eq!(
        error_code(&data, &["--profile", "Salma", "history", "--json"], &[]),
        "PROFILE_LOCKED"
    );
    assert_eq!(
        error_code(
            &data,
            &["--profile", "Salma", "analyze", file, "--json"],
            &[("JOBGATE_PASSCODE", "wrong")]
        ),
        "WRONG_PASSCODE"
    );
    assert_eq!(
        cvs(&ok(
            &data,
            &["--profile", "Salma", "history", "--json"],
            &pass
        )),
        1
    );
    let list = ok(&data, &["profile", "list", "--json"], &[]);
    assert_eq!(list["profiles"][0]["locked"], true);
    assert_eq!(list["profiles"][0]["cvs"], Value::Null);

    // Removing the lock needs the passcode and keeps the data.
    assert_eq!(
        error_code(
            &data,
            &["profile", "unlock", "Salma", "--remove-lock", "--json"],
            &[]
        ),
        "PROFILE_LOCKED"
    );
    ok(
        &data,
        &["profile", "unlock", "Salma", "--remove-lock"],
        &pass,
    );
    assert_eq!(
        cvs(&ok(
            &data,
            &["--profile", "Salma", "history", "--json"],
            &[]
        )),
        1
    );
    // And locking again encrypts what is there.
    ok(&data, &["profile", "lock", "Salma"], &pass);
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));
}

#[test]
fn a_guest_leaves_nothing_and_a_wipe_leaves_nothing_readable() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = cv_file();
    let file = file.to_str().unwrap();
    let report = ok(&data, &["--guest", "analyze", file, "--json"], &[]);
    assert_eq!(report["structured_data"]["personal_info"]["email"], EMAIL);
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));
    assert_eq!(cvs(&ok(&data, &["--guest", "history", "--json"], &[])), 0);

    ok(&data, &["profile", "create", "Omar"], &[]);
    ok(
        &data,
        &["--profile", "Omar", "analyze", file, "--json"],
        &[],
    );
    assert!(!readable(&data).is_empty(), "the search finds plain text");
    assert_eq!(
        error_code(&data, &["profile", "wipe", "Omar", "--json"], &[]),
        "INVALID_INPUT"
    );
    ok(&data, &["profile", "wipe", "Omar", "--yes"], &[]);
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));
    assert_eq!(
        error_code(&data, &["--profile", "Omar", "history", "--json"], &[]),
        "PROFILE_NOT_FOUND"
    );
}

#[test]
fn the_centre_policy_is_applied_and_a_broken_one_is_safest() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let policy = dir.path().join("policy.toml");
    let file = cv_file();
    let file = file.to_str().unwrap();
    let with_policy = [("JOBGATE_POLICY", policy.to_str().unwrap())];

    std::fs::write(
        &policy,
        "require_passcode = true\nguest_by_default = true\n",
    )
    .unwrap();
    assert_eq!(
        error_code(
            &data,
            &["profile", "create", "Badr", "--json"],
            &with_policy
        ),
        "INVALID_INPUT"
    );
    let both = [with_policy[0], ("JOBGATE_PASSCODE", "badr-1357")];
    ok(&data, &["profile", "create", "Badr"], &both);
    assert_eq!(
        ok(&data, &["profile", "list", "--json"], &[])["profiles"][0]["locked"],
        true
    );
    // Guests by default: an analysis without --profile keeps nothing.
    ok(&data, &["analyze", file, "--json"], &with_policy);
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));

    // A policy that cannot be understood: the safest settings (guest by default, passcodes required).
    std::fs::write(&policy, "require_passcode = maybe\n").unwrap();
    let (ok_run, _, stderr) = jobgate(&data, &["analyze", file, "--json"], &with_policy);
    assert!(ok_run);
    assert!(stderr.contains("policy"), "{stderr}");
    assert!(readable(&data).is_empty(), "{:?}", readable(&data));
}

#[test]
fn a_person_takes_their_profile_to_another_machine() {
    let dir = tempfile::tempdir().unwrap();
    let (here, there) = (dir.path().join("here"), dir.path().join("there"));
    let file = dir.path().join("omar.jobgate-profile");
    let cv = cv_file();
    let pass = [
        ("JOBGATE_PASSCODE", "own-2468"),
        ("JOBGATE_FILE_PASSCODE", "move-1357"),
    ];
    ok(&here, &["profile", "create", "Omar", "--lock"], &pass);
    ok(
        &here,
        &[
            "--profile",
            "Omar",
            "analyze",
            cv.to_str().unwrap(),
            "--json",
        ],
        &pass,
    );
    ok(
        &here,
        &["profile", "export", "Omar", "--out", file.to_str().unwrap()],
        &pass,
    );
    assert!(
        readable(dir.path()).is_empty(),
        "{:?}",
        readable(dir.path())
    );
    let imported = ok(
        &there,
        &["profile", "import", file.to_str().unwrap(), "--json"],
        &pass,
    );
    assert_eq!(imported["name"], "Omar");
    let moved = [("JOBGATE_PASSCODE", "move-1357")];
    assert_eq!(
        cvs(&ok(
            &there,
            &["--profile", "Omar", "history", "--json"],
            &moved
        )),
        1
    );
}
