//! One builder turn including its SQLite commit (target: <= 5 ms median, release), on a plain database, on a
//! person's database encrypted with their passcode (SQLCipher), and with sync on (the outbox written in the
//! turn's transaction).
//!
//! The session is first filled with a realistic CV (two jobs, education, skills, languages,
//! project) in a database file in WAL mode, then `/edit email` puts it on the email question.
//! Each measured iteration is exactly one turn: alternately an email answer (email → phone) and
//! `/back` (phone → email), each serialising the state and response and committing the turn.

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_builder::Session;
use jobgate_core::Lang;
use jobgate_store::Store;
use jobgate_store::profiles::Profiles;
use std::hint::black_box;

const SCRIPT: &[&str] = &[
    "Sara Ahmed",
    "sara.ahmed@example.com",
    "+44 20 7946 0958",
    "London, UK",
    "Senior Accountant",
    "Chartered accountant with 8 years in audit and reporting, looking for a finance manager role.",
    "Finance Lead",
    "Acme Ltd",
    "Mar 2021 - present",
    "responsible for managing a team of 5 accountants",
    "/accept",
    "cut the month-end close from 10 to 6 days",
    "no",
    "yes",
    "Accountant",
    "Beta LLP",
    "2016 - 2020",
    "Audited 40 client accounts a year",
    "no",
    "no",
    "BSc Accounting",
    "University of Leeds",
    "2012 - 2015",
    "no",
    "Excel, IFRS, SAP, Audit, Power BI",
    "English (native), Arabic (fluent)",
    "ACCA",
    "Close automation",
    "Automated the month-end close with Power BI, https://example.com/close",
    "no",
    "/edit email",
];

/// The three databases a turn can be committed to.
fn stores(dir: &std::path::Path) -> Vec<(&'static str, Store)> {
    let plain = Store::open(dir.join("bench.sqlite3")).expect("store");
    let mut profiles = Profiles::open(&dir.join("data")).expect("profiles");
    profiles
        .create("Sara", Some("bench-passcode-1"))
        .expect("profile");
    let encrypted = profiles
        .open_store("Sara", Some("bench-passcode-1"))
        .expect("unlock");
    let mut synced = Store::open(dir.join("synced.sqlite3")).expect("store");
    synced.enable_sync().expect("sync on");
    vec![
        ("plain", plain),
        ("encrypted", encrypted),
        ("sync on", synced),
    ]
}

fn turn(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (kind, mut store) in stores(dir.path()) {
        let profile = store.owner().expect("profile");
        for lang in [Lang::En, Lang::Ar] {
            let (mut session, _) = Session::start(&mut store, profile, lang).expect("session");
            for line in SCRIPT {
                session.answer(&mut store, line).expect("turn");
            }
            assert_eq!(session.builder().state_name(), "asking_for_email");
            let mut flip = false;
            let name = format!("builder turn + commit ({}, {kind})", lang.code());
            c.bench_function(&name, |b| {
                b.iter(|| {
                    flip = !flip;
                    let line = if flip {
                        "sara.ahmed@example.com"
                    } else {
                        "/back"
                    };
                    black_box(session.answer(&mut store, line).expect("turn"))
                })
            });
        }
    }
}

criterion_group!(benches, turn);
criterion_main!(benches);
