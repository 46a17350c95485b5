//! `jobgate build`, `history` and `versions` end to end: whole scripted sessions in English and
//! Arabic through the real binary (answers on stdin, `--json` responses), a SIGKILL mid-session
//! followed by `--session ID`, and the stored versions.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jobgate");

/// Runs `jobgate ARGS` with `input` on stdin; returns the exit status and stdout as JSON lines.
fn run(data: &Path, args: &[&str], input: &[&str]) -> (bool, Vec<Value>) {
    let mut child = Command::new(BIN)
        .args(args)
        .env("JOBGATE_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for line in input {
            writeln!(stdin, "{line}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Builder responses are one JSON object per line; anything else (and errors) is one document.
    let values: Vec<Value> = if args.contains(&"build") && out.status.success() {
        stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    } else {
        vec![serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))]
    };
    (out.status.success(), values)
}

fn state(r: &Value) -> &str {
    r["current_state"].as_str().unwrap()
}

#[test]
fn an_english_session_builds_a_whole_cv_with_back_edit_rewrites_and_re_asks() {
    let dir = tempfile::tempdir().unwrap();
    let script = [
        "Sara Ahmed",             // 1 name
        "sara.ahmed@example",     // 2 invalid email: re-ask
        "sara.ahmed@example.com", // 3
        "call me",                // 4 invalid phone: re-ask
        "+44 20 7946 0958",       // 5
        "London, UK",             // 6
        "Senior Accountant",      // 7
        "Chartered accountant with 8 years in audit and reporting, looking for a finance manager role.", // 8
        "Finance Lead",                                     // 9 experience title
        "Acme Ltd",                                         // 10 company
        "2023 - 2021",                                      // 11 period in the wrong order: re-ask
        "Mar 2021 - present",                               // 12
        "responsible for managing a team of 5 accountants", // 13 → rewrite offered
        "/accept",                                          // 14
        "cut the month-end close from 10 to 6 days",        // 15 keep own (no /accept)
        "no",                                               // 16 → more experience?
        "maybe",                                            // 17 invalid yes/no: re-ask
        "yes",                                              // 18
        "Accountant",                                       // 19
        "Beta LLP",                                         // 20
        "2016 - 2021",                                      // 21
        "/back",                                            // 22 back to the period
        "2016 - 2020",                                      // 23 corrected
        "Audited 40 client accounts a year",                // 24
        "no",                                               // 25
        "no",                                               // 26 → education
        "BSc Accounting",                                   // 27
        "University of Leeds",                              // 28
        "2012 - 2015",                                      // 29
        "no",                                               // 30 → skills
        "Excel, IFRS, SAP, Audit, Power BI",                // 31
        "English (native), Arabic (fluent)",                // 32
        "ACCA",                                             // 33
        "Close automation",                                 // 34 project
        "Automated the month-end close with Power BI, https://example.com/close", // 35
        "no",                                               // 36 → review
        "/edit experience",                                 // 37
        "Head of Finance",                                  // 38
        "/skip",                                            // 39 keep company
        "/skip",                                            // 40 keep period
        "no",    // 41 no more achievements → back to review
        "/done", // 42
    ];
    let (ok, rs) = run(dir.path(), &["build", "--json"], &script);
    assert!(ok);
    assert_eq!(
        rs.len(),
        script.len() + 1,
        "one response per line plus the first question"
    );
    let id = rs[0]["session_id"].as_str().unwrap().to_string();
    assert!(!id.is_empty());
    assert!(rs.iter().all(|r| r["session_id"] == id.as_str()));
    assert_eq!(state(&rs[0]), "asking_for_name");
    assert_eq!(rs[0]["progress"], 0);
    // rs[k] answers script[k-1].
    assert_eq!(
        state(&rs[2]),
        "asking_for_email",
        "bad email is asked again"
    );
    assert!(
        rs[2]["message"]
            .as_str()
            .unwrap()
            .contains("sara.ahmed@example")
    );
    assert_eq!(
        state(&rs[4]),
        "asking_for_phone",
        "bad phone is asked again"
    );
    assert_eq!(
        state(&rs[11]),
        "asking_for_experience_period",
        "period order re-asked"
    );
    assert!(rs[11]["message"].as_str().unwrap().contains("2023"));
    assert_eq!(state(&rs[13]), "asking_for_experience_achievements");
    assert_eq!(rs[13]["pending_rewrite"], "Manage a team of 5 accountants");
    assert!(rs[14].get("pending_rewrite").is_none());
    assert_eq!(
        rs[14]["cv_preview"]["experience"][0]["achievements"][0],
        "Manage a team of 5 accountants"
    );
    assert_eq!(state(&rs[16]), "asking_for_more_experience");
    assert_eq!(
        state(&rs[17]),
        "asking_for_more_experience",
        "'maybe' is not yes/no"
    );
    assert_eq!(state(&rs[18]), "asking_for_experience_title");
    assert_eq!(state(&rs[22]), "asking_for_experience_period", "/back");
    assert!(
        rs[22]["message"].as_str().unwrap().contains("2016 - 2021"),
        "shows the current value"
    );
    assert_eq!(state(&rs[36]), "review");
    assert_eq!(
        state(&rs[37]),
        "asking_for_experience_title",
        "/edit experience"
    );
    assert!(rs[37]["message"].as_str().unwrap().contains("Finance Lead"));
    assert_eq!(state(&rs[41]), "review", "the edit returns to the review");
    let last = rs.last().unwrap();
    assert_eq!(state(last), "finalized");
    assert_eq!(last["progress"], 100);
    assert_eq!(last["missing_sections"], serde_json::json!([]));
    assert_eq!(last["estimated_minutes_left"], 0);
    // Progress never goes backwards on plain answers and reaches 100 only at the end of the sections.
    let progress: Vec<u64> = rs.iter().map(|r| r["progress"].as_u64().unwrap()).collect();
    assert!(
        progress[..36].windows(2).all(|w| w[0] <= w[1]),
        "{progress:?}"
    );

    let cv = &last["cv_preview"];
    assert_eq!(cv["personal_info"]["name"], "Sara Ahmed");
    assert_eq!(cv["personal_info"]["email"], "sara.ahmed@example.com");
    assert_eq!(cv["personal_info"]["phone"], "+44 20 7946 0958");
    let jobs = cv["experience"].as_array().unwrap();
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0]["title"], "Head of Finance");
    assert_eq!(jobs[0]["company"], "Acme Ltd");
    assert_eq!(
        (jobs[0]["start"].as_str(), jobs[0]["end"].as_str()),
        (Some("2021-03"), Some("present"))
    );
    assert_eq!(
        jobs[0]["achievements"],
        serde_json::json!([
            "Manage a team of 5 accountants",
            "cut the month-end close from 10 to 6 days"
        ])
    );
    assert_eq!(
        (jobs[1]["start"].as_str(), jobs[1]["end"].as_str()),
        (Some("2016"), Some("2020"))
    );
    assert_eq!(cv["education"][0]["school"], "University of Leeds");
    assert_eq!(cv["education"][0]["end"], "2015");
    assert_eq!(cv["skills"].as_array().unwrap().len(), 5);
    assert_eq!(
        cv["languages"][1],
        serde_json::json!({"name": "Arabic", "level": "fluent"})
    );
    assert_eq!(cv["certifications"], serde_json::json!(["ACCA"]));
    assert_eq!(cv["projects"][0]["link"], "https://example.com/close");

    // The CV is stored as a builder version, and the session is in the history.
    let (ok, h) = run(dir.path(), &["history", "--json"], &[]);
    assert!(ok);
    let h = &h[0];
    assert_eq!(h["sessions"][0]["id"], id.as_str());
    assert_eq!(h["sessions"][0]["current_state"], "finalized");
    assert_eq!(h["sessions"][0]["turns"], script.len());
    let cv_id = h["cvs"][0]["id"].as_i64().unwrap().to_string();
    let (ok, v) = run(dir.path(), &["versions", &cv_id, "--json"], &[]);
    assert!(ok);
    let versions = v[0]["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0]["source"], "builder");
    assert_eq!(&versions[0]["structured_data"], cv);
}

#[test]
fn an_arabic_session_asks_in_arabic_and_builds_the_cv() {
    let dir = tempfile::tempdir().unwrap();
    let script = [
        "ليلى حداد",
        "layla@example.com",
        "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧",
        "الرياض، السعودية",
        "مهندسة برمجيات",
        "مهندسة برمجيات بخبرة ست سنوات في تطوير تطبيقات الويب والجوال، أبحث عن دور قيادي في فريق منتجات.",
        "مهندسة برمجيات أولى",
        "شركة المستقبل",
        "يناير ٢٠١٨ - ديسمبر ٢٠٢٢",
        "مسؤولة عن إدارة فريق من ٥ مهندسين",
        "/accept",
        "لا",
        "لا",
        "بكالوريوس علوم الحاسب",
        "جامعة الملك سعود",
        "٢٠١٣ - ٢٠١٧",
        "لا",
        "Python، SQL، إدارة المشاريع",
        "العربية (اللغة الأم)، الإنجليزية (ممتاز)",
        "لا يوجد",
        "لا",
        "/done",
    ];
    let (ok, rs) = run(dir.path(), &["build", "--lang", "ar", "--json"], &script);
    assert!(ok);
    assert_eq!(rs.len(), script.len() + 1);
    for r in &rs {
        let m = r["message"].as_str().unwrap();
        assert!(jobgate_core::text::arabic_ratio(m) > 0.6, "not Arabic: {m}");
    }
    assert_eq!(state(&rs[10]), "asking_for_experience_achievements");
    assert_eq!(rs[10]["pending_rewrite"], "أدرت فريق من 5 مهندسين");
    assert_eq!(state(&rs[12]), "asking_for_more_experience");
    assert_eq!(state(&rs[21]), "review");
    // Arabic plurals in the review: one job (singular form), three skills ("few" form).
    let review = rs[21]["message"].as_str().unwrap();
    assert!(review.contains("وظيفة واحدة"), "{review}");
    assert!(review.contains("مهارات"), "{review}");
    let last = rs.last().unwrap();
    assert_eq!(state(last), "finalized");
    assert_eq!(
        last["progress"], 100,
        "declined optional sections count as done"
    );
    assert_eq!(
        last["missing_sections"],
        serde_json::json!(["certifications", "projects"])
    );
    let cv = &last["cv_preview"];
    assert_eq!(cv["personal_info"]["phone"], "+966 50 123 4567");
    assert_eq!(cv["experience"][0]["start"], "2018-01");
    assert_eq!(cv["experience"][0]["end"], "2022-12");
    assert_eq!(
        cv["experience"][0]["achievements"][0],
        "أدرت فريق من 5 مهندسين"
    );
    assert_eq!(cv["education"][0]["start"], "2013");
    assert_eq!(
        cv["skills"],
        serde_json::json!(["Python", "SQL", "إدارة المشاريع"])
    );
    assert_eq!(cv["languages"][1]["level"], "ممتاز");
    assert_eq!(cv["certifications"], serde_json::json!([]));
}

#[test]
fn a_killed_session_resumes_at_the_last_answered_question_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["build", "--json"])
        .env("JOBGATE_DATA_DIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = || -> Value { serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap() };
    let first = next();
    let id = first["session_id"].as_str().unwrap().to_string();
    let mut last = first;
    for answer in [
        "Omar Khalil",
        "omar@example.org",
        "+20 100 123 4567",
        "Cairo, Egypt",
    ] {
        writeln!(stdin, "{answer}").unwrap();
        stdin.flush().unwrap();
        // The response is printed only after the turn is committed.
        last = next();
    }
    assert_eq!(state(&last), "asking_for_headline");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let rest = [
        "Data Analyst",
        "Analyst with 4 years of SQL and dashboards.",
        "/skip",
        "/skip",
        "SQL, Python, Tableau",
        "Arabic (native)",
        "none",
        "none",
        "/done",
    ];
    let (ok, rs) = run(dir.path(), &["build", "--session", &id, "--json"], &rest);
    assert!(ok);
    assert_eq!(rs[0]["session_id"], id.as_str());
    assert_eq!(
        state(&rs[0]),
        "asking_for_headline",
        "resumes at the last answered state"
    );
    assert_eq!(rs[0]["cv_preview"], last["cv_preview"], "nothing lost");
    assert_eq!(rs[0]["progress"], last["progress"]);
    let done = rs.last().unwrap();
    assert_eq!(state(done), "finalized");
    let cv = &done["cv_preview"];
    assert_eq!(cv["personal_info"]["name"], "Omar Khalil");
    assert_eq!(cv["personal_info"]["location"], "Cairo, Egypt");
    assert_eq!(cv["personal_info"]["headline"], "Data Analyst");
    assert_eq!(cv["skills"].as_array().unwrap().len(), 3);
    assert_eq!(
        done["missing_sections"],
        serde_json::json!(["experience", "education", "certifications", "projects"])
    );
    assert!(
        done["progress"].as_u64().unwrap() < 100,
        "experience and education are missing"
    );

    // Resuming a finalized session shows it as saved; an unknown id is SESSION_NOT_FOUND.
    let (ok, again) = run(dir.path(), &["build", "--session", &id, "--json"], &[]);
    assert!(ok);
    assert_eq!(state(&again[0]), "finalized");
    // `--lang` on a resumed session changes the language it talks in, not the CV's.
    let (ok, ar) = run(
        dir.path(),
        &["build", "--session", &id, "--lang", "ar", "--json"],
        &[],
    );
    assert!(ok);
    let m = ar[0]["message"].as_str().unwrap();
    let own = jobgate_core::phrase::outside_isolates(m);
    assert!(jobgate_core::text::arabic_ratio(&own) > 0.8, "{m}");
    assert!(m.contains("Omar Khalil"), "{m}");
    assert_eq!(ar[0]["cv_preview"], done["cv_preview"]);
    let (ok, err) = run(dir.path(), &["build", "--session", "0000", "--json"], &[]);
    assert!(!ok);
    assert_eq!(err[0]["error_code"], "SESSION_NOT_FOUND");
}

#[test]
fn versions_of_an_unknown_cv_is_an_error_json() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, v) = run(dir.path(), &["versions", "42", "--json"], &[]);
    assert!(!ok);
    assert_eq!(v[0]["success"], false);
    assert_eq!(v[0]["error_code"], "INVALID_INPUT");
    let (ok, h) = run(dir.path(), &["history", "--json"], &[]);
    assert!(ok);
    assert_eq!(h[0]["analyses"], serde_json::json!([]));
}
