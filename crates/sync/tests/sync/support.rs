//! The real parts the tests run against: PostgreSQL, the reference server (`server/`), its fault proxy, and
//! a replica kept in a JSON file.
//!
//! Once per test binary: PostgreSQL (`DATABASE_URL` when set, as `scripts/test.sh` does; else a throwaway
//! cluster from `server/scripts/pg.sh`), a fresh database in it, and one server. Per test: an account of its
//! own (`create-account`) and, when faults are wanted, a fault proxy of its own, so tests run in parallel.
//! A detached watcher stops the server, the proxies, the database and the cluster when this process ends,
//! however it ends. Missing `node` or PostgreSQL fails the tests with a message saying what to install.

use jobgate_core::JobGateError;
use jobgate_sync::protocol::Change;
use jobgate_sync::run::Clock;
use jobgate_sync::{
    ApiKey, Entity, LocalReplica, MemoryReplica, Options, ServerConfig, SyncClient,
};
use serde_json::{Value, json};
use std::cell::{Cell, RefCell};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How long a node process may take to say it is listening (the machine may be busy building).
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Harness {
    /// Never waited for: they outlive this process on purpose (see the module doc).
    _watcher: Child,
    _server: Option<Child>,
    /// The server, straight (no proxy).
    pub url: String,
    database_url: String,
    server_dir: PathBuf,
    base: PathBuf,
    pids: Mutex<()>,
}

fn server_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../server")
}

/// The shared server, started on first use.
pub fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(start)
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{what}: could not run {cmd:?}: {e}"));
    if !out.status.success() {
        panic!(
            "{what} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn start() -> Harness {
    let node = Command::new("node").arg("--version").output();
    match node {
        Ok(o) if o.status.success() => {}
        _ => panic!(
            "the sync tests need Node.js 20+ on PATH to run the reference server (apt-get install -y nodejs)"
        ),
    }
    let server_dir = server_dir()
        .canonicalize()
        .expect("the reference server is expected in server/ at the repository root");
    if !server_dir.join("node_modules/pg").is_dir() {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(&server_dir),
            "npm ci in server/ (the reference server's dependencies)",
        );
    }
    let base =
        std::env::temp_dir().join(format!("jobgate-sync-client-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    // As root, pg.sh hands base/pg to the postgres user, who must be able to enter base.
    let _ = Command::new("chmod").arg("755").arg(&base).status();

    let (admin_url, own_cluster) = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => (url.trim().to_string(), false),
        _ => {
            let out = run(
                Command::new("bash")
                    .arg(server_dir.join("scripts/pg.sh"))
                    .arg("start")
                    .arg(base.join("pg")),
                "starting PostgreSQL with server/scripts/pg.sh (the sync tests need PostgreSQL: \
                 apt-get install -y postgresql, or set DATABASE_URL)",
            );
            let url = out
                .lines()
                .find_map(|l| l.strip_prefix("DATABASE_URL="))
                .unwrap_or_else(|| panic!("pg.sh printed no DATABASE_URL line: {out}"))
                .to_string();
            (url, true)
        }
    };
    let db = format!(
        "jobgate_sync_client_{}_{}",
        std::process::id(),
        &Uuid::new_v4().simple().to_string()[..8]
    );
    let mut database_url = url::Url::parse(&admin_url).expect("DATABASE_URL is a URL");
    database_url.set_path(&format!("/{db}"));
    let database_url = database_url.to_string();
    const SQL_JS: &str = "const pg=require('pg');const c=new pg.Client(process.env.ADMIN_URL);\
        c.connect().then(()=>c.query(process.env.SQL)).then(()=>c.end())\
        .catch(e=>{console.error(e.message);process.exit(1)})";
    run(
        Command::new("node")
            .args(["-e", SQL_JS])
            .env("ADMIN_URL", &admin_url)
            .env("SQL", format!("CREATE DATABASE {db}"))
            .current_dir(&server_dir),
        "creating the test database (is PostgreSQL running at DATABASE_URL?)",
    );

    // The watcher: when this process is gone, stop what it started.
    let script = r#"
        while kill -0 "$PARENT" 2>/dev/null; do sleep 0.2; done
        if [ -f "$BASE/pids" ]; then for p in $(cat "$BASE/pids"); do kill "$p" 2>/dev/null; done; sleep 0.3; fi
        if [ "$OWN_CLUSTER" = 1 ]; then
          bash "$SERVER_DIR/scripts/pg.sh" stop "$BASE/pg" >/dev/null 2>&1
        else
          (cd "$SERVER_DIR" && SQL="DROP DATABASE IF EXISTS $DB WITH (FORCE)" node -e "$SQL_JS") >/dev/null 2>&1
        fi
        rm -rf "$BASE""#;
    let watcher = Command::new("sh")
        .args(["-c", script])
        .env("PARENT", std::process::id().to_string())
        .env("BASE", &base)
        .env("SERVER_DIR", &server_dir)
        .env("OWN_CLUSTER", if own_cluster { "1" } else { "0" })
        .env("ADMIN_URL", &admin_url)
        .env("DB", &db)
        .env("SQL_JS", SQL_JS)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("could not start the clean-up watcher");

    let mut h = Harness {
        _watcher: watcher,
        _server: None,
        url: String::new(),
        database_url,
        server_dir,
        base,
        pids: Mutex::new(()),
    };
    let (child, url) = h.spawn_listening(
        Command::new("node")
            .arg("bin/jobgate-sync-server.mjs")
            .args([
                "serve",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--log-level",
                "warn",
            ])
            .arg("--database-url")
            .arg(&h.database_url),
        "server",
    );
    // The server lives as long as this process; the watcher ends it.
    h._server = Some(child);
    h.url = url;
    h
}

impl Harness {
    /// Starts a node process that prints `listening on URL` first; returns it and the URL.
    fn spawn_listening(&self, cmd: &mut Command, name: &str) -> (Child, String) {
        static N: AtomicUsize = AtomicUsize::new(0);
        let log = self
            .base
            .join(format!("{name}-{}.log", N.fetch_add(1, Ordering::SeqCst)));
        let mut child = cmd
            .current_dir(&self.server_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {name}: {e}"));
        {
            let _g = self.pids.lock().unwrap();
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.base.join("pids"))
                .unwrap();
            writeln!(f, "{}", child.id()).unwrap();
        }
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(first)) = lines.next() {
                let _ = tx.send(first);
            }
            // Keep draining so the process never writes into a closed pipe.
            for _ in lines {}
        });
        let line = rx.recv_timeout(START_TIMEOUT).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!(
                "{name} did not say it was listening; its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        });
        let url = line
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("{name} printed {line:?}"))
            .trim()
            .to_string();
        (child, url)
    }

    /// A new account of its own; returns its key.
    pub fn account(&self) -> String {
        static N: AtomicUsize = AtomicUsize::new(0);
        let out = run(
            Command::new("node")
                .arg("bin/jobgate-sync-server.mjs")
                .arg("create-account")
                .arg("--name")
                .arg(format!("test-{}", N.fetch_add(1, Ordering::SeqCst)))
                .arg("--database-url")
                .arg(&self.database_url)
                .current_dir(&self.server_dir),
            "create-account",
        );
        let key = out.trim().to_string();
        assert!(!key.is_empty(), "create-account printed no key");
        key
    }

    /// A fault proxy in front of the server, for one test.
    pub fn proxy(&self) -> Proxy {
        let (child, url) = self.spawn_listening(
            Command::new("node")
                .arg("tools/fault-proxy.mjs")
                .arg("--upstream")
                .arg(&self.url)
                .args(["--port", "0"]),
            "proxy",
        );
        Proxy { child, url }
    }
}

/// A fault-injecting proxy (server/tools/fault-proxy.mjs), stopped when dropped.
pub struct Proxy {
    child: Child,
    pub url: String,
}

impl Proxy {
    fn http() -> reqwest::blocking::Client {
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::blocking::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap()
    }

    /// Replaces the fault queue; each proxied request takes the next fault (see the proxy's doc).
    pub fn faults(&self, faults: Value) {
        let r = Self::http()
            .post(format!("{}/__faults", self.url))
            .header("Content-Type", "application/json")
            .body(faults.to_string())
            .send()
            .unwrap();
        assert!(
            r.status().is_success(),
            "faults refused: {}",
            r.text().unwrap()
        );
    }

    /// The proxied requests so far: `{method, path, fault, status, change_ids?}`.
    pub fn log(&self) -> Vec<Value> {
        let body = Self::http()
            .get(format!("{}/__log", self.url))
            .send()
            .unwrap()
            .text()
            .unwrap();
        serde_json::from_str(&body).unwrap()
    }

    /// The log's push entries only.
    pub fn pushes(&self) -> Vec<Value> {
        self.log()
            .into_iter()
            .filter(|e| {
                e["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("/api/sync/v1/push"))
            })
            .collect()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn client(url: &str, key: &str, timeout: Duration) -> SyncClient {
    let mut cfg = ServerConfig::new(url, ApiKey::new(key), Uuid::new_v4());
    cfg.timeout = timeout;
    SyncClient::new(cfg).unwrap()
}

/// Quick retries, so failure paths take milliseconds.
pub fn fast() -> Options {
    Options {
        backoff_base: Duration::from_millis(10),
        backoff_cap: Duration::from_millis(100),
        deadline: Duration::from_secs(20),
        jitter_seed: 1,
        ..Options::default()
    }
}

/// A replica holding `n` local edits of every kind (CVs, versions, analyses, sessions, exports, a delete).
pub fn replica_with(n: usize) -> MemoryReplica {
    replica_of(Uuid::new_v4(), n)
}

/// [`replica_with`] for a given profile (the same person on another machine).
pub fn replica_of(profile: Uuid, n: usize) -> MemoryReplica {
    let mut r = MemoryReplica::new(profile);
    let mut cv = Uuid::new_v4();
    for i in 0..n {
        match i % 6 {
            0 => {
                cv = r
                    .create(Entity::Cv, json!({"title": format!("CV {i}")}))
                    .entity_id
            }
            1 => {
                r.create(
                    Entity::CvVersion,
                    json!({"cv_id": cv, "source": "import", "created_at": "2024-05-01T12:00:00Z",
                           "structured_data": {"name": format!("Person {i}"), "note": "\u{0}nul and ليلى"}}),
                );
            }
            2 => {
                r.create(
                    Entity::Analysis,
                    json!({"cv_version_id": Uuid::new_v4(), "score": i}),
                );
            }
            3 => {
                r.create(
                    Entity::BuilderSession,
                    json!({"state": "asking_for_name", "turn": i}),
                );
            }
            4 => {
                r.create(
                    Entity::Export,
                    json!({"cv_version_id": Uuid::new_v4(), "template": "classic", "format": "pdf",
                           "file_name": format!("cv-{i}.pdf")}),
                );
            }
            _ => {
                let victim = r
                    .live(Entity::BuilderSession)
                    .keys()
                    .next()
                    .copied()
                    .unwrap_or_else(Uuid::new_v4);
                r.record(Change::delete(
                    Entity::BuilderSession,
                    victim,
                    chrono::Utc::now(),
                ));
            }
        }
    }
    r
}

/// A replica restored from nothing with the same account (a new machine), by pulling.
pub fn fresh_like(r: &MemoryReplica) -> MemoryReplica {
    MemoryReplica::new(r.profile_id())
}

/// A clock whose sleeps are recorded and skipped (time moves on at once).
pub struct FakeClock {
    skipped: Cell<Duration>,
    pub sleeps: RefCell<Vec<Duration>>,
}

impl FakeClock {
    pub fn new() -> FakeClock {
        FakeClock {
            skipped: Cell::new(Duration::ZERO),
            sleeps: RefCell::new(Vec::new()),
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Instant {
        Instant::now() + self.skipped.get()
    }
    fn sleep(&self, d: Duration) {
        self.skipped.set(self.skipped.get() + d);
        self.sleeps.borrow_mut().push(d);
    }
}

/// A [`MemoryReplica`] written to a JSON file after every change (atomically: temporary file, then
/// rename), so it survives a killed process the way the SQLite store does.
pub struct FileReplica {
    path: PathBuf,
    inner: MemoryReplica,
}

impl FileReplica {
    pub fn create(path: &Path, inner: MemoryReplica) -> FileReplica {
        let r = FileReplica {
            path: path.to_path_buf(),
            inner,
        };
        r.save().unwrap();
        r
    }

    pub fn open(path: &Path) -> FileReplica {
        let inner = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        FileReplica {
            path: path.to_path_buf(),
            inner,
        }
    }

    pub fn inner(&self) -> &MemoryReplica {
        &self.inner
    }

    fn save(&self) -> Result<(), JobGateError> {
        let io = |e: std::io::Error| JobGateError::internal(jobgate_core::Reason::technical(e));
        let tmp = self.path.with_extension("tmp");
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(&serde_json::to_vec(&self.inner).unwrap())
            .map_err(io)?;
        f.sync_all().map_err(io)?;
        std::fs::rename(&tmp, &self.path).map_err(io)
    }
}

impl LocalReplica for FileReplica {
    fn profile_id(&self) -> Uuid {
        self.inner.profile_id()
    }
    fn pending(&mut self, limit: usize) -> Result<Vec<Change>, JobGateError> {
        self.inner.pending(limit)
    }
    fn pending_count(&mut self) -> Result<usize, JobGateError> {
        self.inner.pending_count()
    }
    fn mark_accepted(&mut self, ids: &[Uuid]) -> Result<(), JobGateError> {
        self.inner.mark_accepted(ids)?;
        self.save()
    }
    fn mark_rejected(&mut self, id: Uuid, code: &str, error: &str) -> Result<(), JobGateError> {
        self.inner.mark_rejected(id, code, error)?;
        self.save()
    }
    fn apply_pulled(&mut self, changes: &[Change], cursor: &str) -> Result<(), JobGateError> {
        self.inner.apply_pulled(changes, cursor)?;
        self.save()
    }
    fn cursor(&mut self) -> Result<Option<String>, JobGateError> {
        self.inner.cursor()
    }
}
