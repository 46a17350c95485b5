//! Sync at a career centre's scale (issue 16): the history of 1,000 analysed CVs (CV, version and analysis each:
//! 3,000 changes) pushed to the reference server on this machine, then pulled onto an empty machine. Targets:
//! each ≤ 10 s. Prints the figures; run it with `cargo bench -p jobgate-engine --bench sync_scale` or the test build's binary (it starts a throwaway
//! PostgreSQL with `server/scripts/pg.sh` and the server with `node`, unless `DATABASE_URL` is set).

use jobgate_engine::store::Store;
use jobgate_engine::sync::{SyncTarget, sync_now};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

const CVS: usize = 1000;
const KEY: &str = "bench-key-0123456789abcdef";

struct Running {
    server: Child,
    pg_dir: Option<tempfile::TempDir>,
    root: std::path::PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        if let Some(dir) = &self.pg_dir {
            let _ = Command::new("bash")
                .arg(self.root.join("server/scripts/pg.sh"))
                .arg("stop")
                .arg(dir.path().join("pg"))
                .status();
        }
    }
}

fn start_server(root: &Path) -> (Running, String) {
    let (database_url, pg_dir) = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => (url, None),
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let out = Command::new("bash")
                .arg(root.join("server/scripts/pg.sh"))
                .arg("start")
                .arg(dir.path().join("pg"))
                .output()
                .expect("server/scripts/pg.sh");
            let text = String::from_utf8_lossy(&out.stdout);
            let url = text
                .lines()
                .find_map(|l| l.strip_prefix("DATABASE_URL="))
                .expect("pg.sh printed DATABASE_URL")
                .to_string();
            (url, Some(dir))
        }
    };
    let mut server = Command::new("node")
        .arg(root.join("server/bin/jobgate-sync-server.mjs"))
        .args([
            "serve",
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--log-level",
            "silent",
        ])
        .arg("--database-url")
        .arg(&database_url)
        .arg("--seed-account")
        .arg(format!("bench-{}:{KEY}", std::process::id()))
        .stdout(Stdio::piped())
        .spawn()
        .expect("node");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("server output");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("server said {line:?}"))
        .to_string();
    (
        Running {
            server,
            pg_dir,
            root: root.to_path_buf(),
        },
        url,
    )
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (_running, url) = start_server(&root);
    let dir = tempfile::tempdir().expect("temp dir");

    // One real analysis, given 1,000 people's names: realistic sizes (the whole analysis response travels).
    let pdf =
        std::fs::read(root.join("tests/fixtures/corpus/files/001__even.pdf")).expect("corpus");
    let analysis = jobgate_engine::analyze_bytes(&pdf, &jobgate_engine::AnalyzeOptions::default())
        .expect("analysis");
    let mut first = Store::open(dir.path().join("first.sqlite3")).expect("store");
    let owner = first.owner().expect("owner");
    for i in 0..CVS {
        let mut a = analysis.clone();
        a.structured_data.personal_info.name = format!("Person {i}");
        a.structured_data.personal_info.email = format!("person{i}@mailbox.test");
        first
            .record_analysis(owner, &format!("cv-{i}.pdf"), &format!("sha-{i}"), &a)
            .expect("record");
    }
    let bytes = serde_json::to_vec(&analysis).map(|v| v.len()).unwrap_or(0);
    let target = SyncTarget::new(&url, KEY);

    let t = Instant::now();
    let pushed = sync_now(&mut first, &target).expect("push");
    let push_s = t.elapsed().as_secs_f64();

    let mut second = Store::open(dir.path().join("second.sqlite3")).expect("store");
    let t = Instant::now();
    let pulled = sync_now(&mut second, &target).expect("pull");
    let pull_s = t.elapsed().as_secs_f64();
    let owner2 = second.owner().expect("owner");
    let restored = second.cvs(owner2).expect("cvs").len();

    println!(
        "sync of {CVS} analysed CVs ({} changes, analysis response {bytes} bytes): push {push_s:.2} s \
         (pushed {}), pull onto an empty machine {pull_s:.2} s (pulled {}, {restored} CVs restored); target ≤ 10 s each",
        pushed.pushed, pushed.pushed, pulled.pulled
    );
    assert_eq!(restored, CVS, "every CV restored");
}
