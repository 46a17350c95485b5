//! Untrusted documents are read in a bounded worker process, so no file can take the app, the CLI
//! or a batch down with it.
//!
//! A CV or job file from a stranger may be built to overflow the stack (objects nested thousands
//! deep), to loop, or to allocate gigabytes. A stack overflow aborts a process outright (it is not a
//! panic), and nothing inside one process can stop a loop in a library. So the front ends read such
//! files through a [`Pool`] of worker processes — the same executable started with
//! [`WORKER_FLAG`] — that talk framed JSON over stdin/stdout ([`serve`] is the worker's side):
//!
//! - **deadline**: the front end waits at most [`Limits::deadline`] per file, then kills the worker; a
//!   file read by OCR (a scan, a photo) has [`Limits::ocr_page_deadline`] per page instead: the worker
//!   announces each page over the same framed channel before it starts it, at most
//!   [`jobgate_extract::ocr::MAX_OCR_PAGES`] of them, and the wait starts again at each;
//! - **children**: the worker leads its own process group, so killing it kills the Tesseract it runs
//!   too (Unix); its limits are inherited by them;
//! - **memory**: the worker caps its own writable memory (`RLIMIT_DATA`) before it reads a byte, so
//!   an allocation past [`Limits::memory_bytes`] fails and ends it; it cannot write files or core dumps;
//! - **stack**: each file is read on a thread with a fixed [`Limits::stack_bytes`] stack;
//! - **cancel**: [`analyse_cancellable`] takes a [`CancelToken`]; the wait looks at it every
//!   [`CANCEL_POLL`], and a cancel kills the worker's group at once (a long OCR page stops with it) and
//!   answers `CANCELLED`;
//! - **orphans**: a worker whose parent is gone (a Ctrl-C of the CLI, a crash of the app) notices
//!   within [`CANCEL_POLL`] and ends its own group, Tesseract included (Unix; on Windows the worker
//!   sits in a Job Object).
//!
//! A worker that ends any other way than by answering is replaced; its file is reported as
//! `CORRUPTED_FILE` ([`JobGateError::OverLimit`]) with the limit that stopped it, and the next file
//! goes on. Warm workers are reused (an idle pool of up to one per core), so a batch pays the start of
//! a process once per core, not once per file. Memory limits are enforced on Linux (and other Unix
//! systems that honour `RLIMIT_DATA`) and on Windows (a Job Object's process-memory limit, set by the
//! worker on itself through `jobgate-winlimit`); elsewhere the deadline and the stack still hold.
//!
//! [`analyse`] and [`job_text`] are the one door for untrusted bytes: through the pool when a front
//! end has [`install`]ed one, in this process otherwise (library users, tests).

use crate::analyze::{AnalyzeOptions, analyze_by_rules};
pub use jobgate_ai::CancelToken;
use jobgate_core::error::Result;
use jobgate_core::{AnalysisResponse, Document, JobGateError, Lang, Phrase, Reason};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The first argument that turns a Job Gate executable into a worker ([`serve`]).
pub const WORKER_FLAG: &str = "--jobgate-worker";

/// Every frame starts with these bytes, so anything else on the pipe is a broken worker, not data.
const MAGIC: &[u8; 4] = b"JGW1";
/// The largest reply a worker may send (a CV's analysis is a few hundred KB).
const MAX_REPLY_BYTES: usize = 64 << 20;
/// The largest task header (options, never the file).
const MAX_HEADER_BYTES: usize = 64 << 10;
/// A worker is replaced after this many files, so no state builds up over a long batch.
const JOBS_PER_WORKER: u32 = 100;
/// How much of a worker's last words (stderr) is kept to tell why it ended.
const STDERR_TAIL: usize = 4096;
/// How often a wait for a worker looks at its cancel token, and a worker at whether its parent lives.
pub const CANCEL_POLL: Duration = Duration::from_millis(25);

/// What one file may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time for one file, from handing it over to its answer.
    pub deadline: Duration,
    /// Writable memory of the worker process (heap, stacks, buffers).
    pub memory_bytes: u64,
    /// The stack of the thread that reads the file.
    pub stack_bytes: usize,
    /// Wall-clock time for each page read by OCR, from the worker's announcing it.
    pub ocr_page_deadline: Duration,
}

impl Default for Limits {
    /// Measured (docs/BENCHMARKS.md, Bounded analysis): a 10 MB PDF, the largest file accepted,
    /// needs about 0.5 s and 90 MB; typical CVs 5 ms and 15 MB.
    fn default() -> Self {
        Limits {
            deadline: Duration::from_secs(6),
            memory_bytes: 256 << 20,
            stack_bytes: 8 << 20,
            // Measured (docs/BENCHMARKS.md, OCR): 1–3 s a page on a quiet 2-core machine, up to 9 s
            // while other builds run.
            ocr_page_deadline: Duration::from_secs(30),
        }
    }
}

impl Limits {
    /// The defaults, with the deadline from `JOBGATE_READ_DEADLINE_MS` and the OCR page deadline from
    /// `JOBGATE_OCR_PAGE_DEADLINE_MS` when set (slow machines, tests).
    pub fn from_env() -> Self {
        let mut limits = Limits::default();
        let ms = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&ms| ms > 0)
                .map(Duration::from_millis)
        };
        if let Some(d) = ms("JOBGATE_READ_DEADLINE_MS") {
            limits.deadline = d;
        }
        if let Some(d) = ms("JOBGATE_OCR_PAGE_DEADLINE_MS") {
            limits.ocr_page_deadline = d;
        }
        limits
    }
}

/// How to start a worker: an executable that calls [`serve`] when its first argument is [`WORKER_FLAG`].
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    /// Arguments before the limits; normally just [`WORKER_FLAG`].
    pub args: Vec<OsString>,
}

impl WorkerCommand {
    /// This very executable in worker mode (the CLI and the app are their own workers).
    pub fn current_exe() -> std::io::Result<Self> {
        Ok(WorkerCommand {
            program: std::env::current_exe()?,
            args: vec![WORKER_FLAG.into()],
        })
    }
}

/// What a worker is asked to do with one file's bytes.
#[derive(Debug, Serialize, Deserialize)]
enum Task {
    /// Extract, parse and score by rules.
    Analyse {
        lang: Option<Lang>,
        today: Option<(u16, u8)>,
    },
    /// The text of a job description file.
    JobText,
}

/// A worker's answer.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Analysed {
        document: Box<Document>,
        analysis: Box<AnalysisResponse>,
    },
    JobText(String),
    Failed(JobGateError),
    /// Not an answer: OCR starts a page now (the parent's deadline starts again).
    Progress(Progress),
}

pub use jobgate_extract::ocr::Progress;

/// Extracts, parses and scores (rules) an untrusted PDF or DOCX: in a bounded worker when a pool is
/// [`install`]ed, here otherwise. The AI step, which needs the network and the store, is the caller's.
pub fn analyse(bytes: &[u8], opts: &AnalyzeOptions) -> Result<(Document, AnalysisResponse)> {
    analyse_reporting(bytes, opts, &|_| {})
}

/// [`analyse`], announcing each page that OCR starts to read ("Reading page 2 of 3…").
pub fn analyse_reporting(
    bytes: &[u8],
    opts: &AnalyzeOptions,
    progress: &dyn Fn(Progress),
) -> Result<(Document, AnalysisResponse)> {
    analyse_cancellable(bytes, opts, progress, &CancelToken::new())
}

/// [`analyse_reporting`] that `cancel` stops: the worker is killed at once with the OCR program it
/// runs (its process group; on Windows its Job Object), and the answer is `CANCELLED`. Without an
/// installed pool the work runs here and `cancel` is only looked at before and after it.
pub fn analyse_cancellable(
    bytes: &[u8],
    opts: &AnalyzeOptions,
    progress: &dyn Fn(Progress),
    cancel: &CancelToken,
) -> Result<(Document, AnalysisResponse)> {
    match installed() {
        Some(pool) => pool.analyse_cancellable(bytes, opts, progress, cancel),
        None => {
            stopped(cancel)?;
            let done = analyse_here(bytes, opts.lang, opts.today, progress);
            stopped(cancel)?;
            done
        }
    }
}

/// `CANCELLED` once `cancel` has been set.
pub fn stopped(cancel: &CancelToken) -> Result<()> {
    if cancel.is_cancelled() {
        Err(JobGateError::Cancelled)
    } else {
        Ok(())
    }
}

/// The text of an untrusted job description file (PDF, DOCX or text): bounded like [`analyse`].
pub fn job_text(bytes: &[u8]) -> Result<String> {
    match installed() {
        Some(pool) => pool.job_text(bytes),
        None => jobgate_matching::job_text(bytes),
    }
}

fn analyse_here(
    bytes: &[u8],
    lang: Option<Lang>,
    today: Option<(u16, u8)>,
    progress: &dyn Fn(Progress),
) -> Result<(Document, AnalysisResponse)> {
    let document = jobgate_extract::extract_reporting(bytes, progress)?;
    let opts = AnalyzeOptions {
        lang,
        today,
        ai: None,
    };
    let analysis = analyze_by_rules(&document, &opts);
    Ok((document, analysis))
}

/// Does one task in this process: the worker's work.
fn run_here(task: &Task, bytes: &[u8], progress: &dyn Fn(Progress)) -> Result<Reply> {
    match task {
        Task::Analyse { lang, today } => {
            let (document, analysis) = analyse_here(bytes, *lang, *today, progress)?;
            Ok(Reply::Analysed {
                document: Box::new(document),
                analysis: Box::new(analysis),
            })
        }
        Task::JobText => jobgate_matching::job_text_reporting(bytes, progress).map(Reply::JobText),
    }
}

fn unexpected(reply: &Reply) -> JobGateError {
    JobGateError::internal(
        Reason::new("reason-reader-wrong-reply").with_technical(format_args!("{reply:?}")),
    )
}

static INSTALLED: OnceLock<Pool> = OnceLock::new();

/// Makes `pool` the one [`analyse`] and [`job_text`] use from now on, for the whole process. The
/// first call wins; later ones return `false`.
pub fn install(pool: Pool) -> bool {
    INSTALLED.set(pool).is_ok()
}

/// The installed pool, if a front end installed one.
pub fn installed() -> Option<&'static Pool> {
    INSTALLED.get()
}

/// Worker processes, started on demand and kept warm between files.
pub struct Pool {
    command: WorkerCommand,
    limits: Limits,
    idle: Mutex<Vec<Worker>>,
    max_idle: usize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("command", &self.command)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool keeping up to one idle worker per core.
    pub fn new(command: WorkerCommand, limits: Limits) -> Self {
        Pool {
            command,
            limits,
            idle: Mutex::new(Vec::new()),
            max_idle: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Starts up to `n` idle workers now (e.g. before a batch), so the first files do not wait for them.
    pub fn warm(&self, n: usize) {
        let want = n.min(self.max_idle);
        let have = self.idle.lock().map_or(want, |v| v.len());
        let fresh: Vec<Worker> = (have..want)
            .filter_map(|_| Worker::start(&self.command, &self.limits).ok())
            .collect();
        if let Ok(mut idle) = self.idle.lock() {
            idle.extend(fresh);
        }
    }

    /// Extracts, parses and scores `bytes` in a worker: like [`analyse`] with this pool.
    pub fn analyse(
        &self,
        bytes: &[u8],
        opts: &AnalyzeOptions,
    ) -> Result<(Document, AnalysisResponse)> {
        self.analyse_reporting(bytes, opts, &|_| {})
    }

    /// [`Pool::analyse`], passing on each page the worker's OCR starts.
    pub fn analyse_reporting(
        &self,
        bytes: &[u8],
        opts: &AnalyzeOptions,
        progress: &dyn Fn(Progress),
    ) -> Result<(Document, AnalysisResponse)> {
        self.analyse_cancellable(bytes, opts, progress, &CancelToken::new())
    }

    /// [`Pool::analyse_reporting`] that `cancel` stops (see [`analyse_cancellable`]).
    pub fn analyse_cancellable(
        &self,
        bytes: &[u8],
        opts: &AnalyzeOptions,
        progress: &dyn Fn(Progress),
        cancel: &CancelToken,
    ) -> Result<(Document, AnalysisResponse)> {
        let task = Task::Analyse {
            lang: opts.lang,
            today: opts.today,
        };
        match self.run(&task, bytes, progress, cancel)? {
            Reply::Analysed { document, analysis } => Ok((*document, *analysis)),
            other => Err(unexpected(&other)),
        }
    }

    /// The text of a job description file in a worker: like [`job_text`] with this pool.
    pub fn job_text(&self, bytes: &[u8]) -> Result<String> {
        match self.run(&Task::JobText, bytes, &|_| {}, &CancelToken::new())? {
            Reply::JobText(text) => Ok(text),
            other => Err(unexpected(&other)),
        }
    }

    fn run(
        &self,
        task: &Task,
        bytes: &[u8],
        progress: &dyn Fn(Progress),
        cancel: &CancelToken,
    ) -> Result<Reply> {
        stopped(cancel)?;
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let mut worker = match idle {
            Some(w) => w,
            None => Worker::start(&self.command, &self.limits).map_err(|e| {
                JobGateError::internal(Reason::new("reason-reader-no-start").with_technical(e))
            })?,
        };
        match worker.ask(task, bytes, &self.limits, progress, cancel) {
            Ok(reply) => {
                worker.jobs += 1;
                if worker.jobs < JOBS_PER_WORKER
                    && let Ok(mut idle) = self.idle.lock()
                    && idle.len() < self.max_idle
                {
                    idle.push(worker);
                }
                match reply {
                    Reply::Failed(e) => Err(e),
                    ok => Ok(ok),
                }
            }
            Err(stop) => Err(stop.into_error(&self.limits)),
        }
    }
}

/// One worker process and the threads that read its pipes.
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: Receiver<std::io::Result<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    jobs: u32,
}

/// Why a worker did not answer.
enum Stop {
    /// The file took longer than its deadline; `Some(page)` when OCR was reading that page.
    Deadline(Option<u32>),
    Ended {
        status: Option<ExitStatus>,
        last_words: String,
    },
    Garbled(String),
    /// The person stopped it (the worker was killed with its group).
    Cancelled,
}

impl Worker {
    fn start(command: &WorkerCommand, limits: &Limits) -> std::io::Result<Worker> {
        let mut command_line = Command::new(&command.program);
        command_line
            .args(&command.args)
            .arg(format!("--memory-bytes={}", limits.memory_bytes))
            .arg(format!("--stack-bytes={}", limits.stack_bytes))
            // A backstop if the front end itself were stopped while the worker spins.
            .arg(format!(
                "--cpu-seconds={}",
                limits.deadline.as_secs().saturating_mul(4).max(10)
            ))
            // Its last words must name the limit, not drown it in a backtrace.
            .env("RUST_BACKTRACE", "0")
            .env("RUST_LIB_BACKTRACE", "0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Its own process group: killing the group ends the OCR program it may be running too.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command_line, 0);
        let mut child = command_line.spawn()?;
        let (mut stdout, mut stderr) = match (child.stdout.take(), child.stderr.take()) {
            (Some(o), Some(e)) => (o, e),
            _ => return Err(std::io::Error::other("the worker's pipes are missing")),
        };
        let (tx, replies) = channel();
        std::thread::Builder::new()
            .name("jobgate-worker-out".into())
            .spawn(move || {
                loop {
                    let frame = read_frame(&mut stdout, MAX_REPLY_BYTES);
                    let end = frame.is_err();
                    if tx.send(frame).is_err() || end {
                        break;
                    }
                }
            })?;
        let tail = Arc::new(Mutex::new(Vec::new()));
        let keep = Arc::clone(&tail);
        std::thread::Builder::new()
            .name("jobgate-worker-err".into())
            .spawn(move || {
                let mut buf = [0u8; 1024];
                while let Ok(n) = stderr.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut t) = keep.lock() {
                        t.extend_from_slice(&buf[..n]);
                        let over = t.len().saturating_sub(STDERR_TAIL);
                        t.drain(..over);
                    }
                }
            })?;
        Ok(Worker {
            stdin: child.stdin.take(),
            child,
            replies,
            stderr: tail,
            jobs: 0,
        })
    }

    fn ask(
        &mut self,
        task: &Task,
        bytes: &[u8],
        limits: &Limits,
        progress: &dyn Fn(Progress),
        cancel: &CancelToken,
    ) -> Result<Reply, Stop> {
        let started = Instant::now();
        let header = serde_json::to_vec(task).map_err(|e| Stop::Garbled(e.to_string()))?;
        let sent = self.stdin.as_mut().map(|stdin| {
            write_frame(stdin, &header)
                .and_then(|()| write_frame(stdin, bytes))
                .and_then(|()| stdin.flush())
        });
        if !matches!(sent, Some(Ok(()))) {
            return Err(self.ended());
        }
        let mut until = started + limits.deadline;
        let mut page = None;
        let max_pages = jobgate_extract::ocr::MAX_OCR_PAGES as u32;
        loop {
            if cancel.is_cancelled() {
                self.kill();
                return Err(Stop::Cancelled);
            }
            // Waits in short slices, so a cancel is seen within one.
            let left = until.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(left.min(CANCEL_POLL)) {
                Ok(Ok(body)) => match serde_json::from_slice::<Reply>(&body) {
                    Ok(Reply::Progress(p)) => {
                        // Each announced page gets its own time; no more pages than the cap.
                        let seen = page.map_or(1, |n: u32| n + 1);
                        if seen > max_pages || p.page > max_pages {
                            self.kill();
                            return Err(Stop::Garbled(format!(
                                "progress page {seen} > {max_pages}"
                            )));
                        }
                        page = Some(seen);
                        until = Instant::now() + limits.ocr_page_deadline;
                        progress(p);
                    }
                    Ok(reply) => return Ok(reply),
                    Err(e) => {
                        self.kill();
                        return Err(Stop::Garbled(e.to_string()));
                    }
                },
                Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => return Err(self.ended()),
                Err(RecvTimeoutError::Timeout) if Instant::now() < until => {}
                Err(RecvTimeoutError::Timeout) => {
                    self.kill();
                    return Err(Stop::Deadline(page));
                }
            }
        }
    }

    /// The worker stopped answering: wait for it (briefly) and keep how it ended.
    fn ended(&mut self) -> Stop {
        self.stdin = None;
        let mut status = None;
        let until = Instant::now() + Duration::from_secs(2);
        while Instant::now() < until {
            match self.child.try_wait() {
                Ok(Some(s)) => {
                    status = Some(s);
                    break;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(_) => break,
            }
        }
        if status.is_none() {
            self.kill();
        } else {
            // A worker that died while Tesseract ran leaves it behind in its group.
            self.kill_group();
        }
        // Let the stderr thread take in the last words written before the end.
        std::thread::sleep(Duration::from_millis(20));
        let last_words = self
            .stderr
            .lock()
            .map(|t| String::from_utf8_lossy(&t).into_owned())
            .unwrap_or_default();
        Stop::Ended { status, last_words }
    }

    fn kill(&mut self) {
        self.stdin = None;
        self.kill_group();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ends the worker's process group: the worker and any OCR program it started (Unix; the group
    /// outlives a worker that already ended while one of its children still runs).
    fn kill_group(&self) {
        #[cfg(unix)]
        if let Some(pid) = rustix::process::Pid::from_raw(self.child.id() as i32) {
            let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing stdin ends an idle worker's loop; kill in case it is busy.
        self.stdin = None;
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            self.kill_group();
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Stop {
    fn into_error(self, limits: &Limits) -> JobGateError {
        let (limit, reason): (&str, Reason) = match self {
            Stop::Cancelled => return JobGateError::Cancelled,
            Stop::Deadline(None) => (
                "time",
                Phrase::new("reason-reader-deadline")
                    .value("seconds", limits.deadline.as_secs_f32())
                    .into(),
            ),
            Stop::Deadline(Some(page)) => (
                "time",
                Phrase::new("reason-reader-ocr-deadline")
                    .value("page", page)
                    .value("seconds", limits.ocr_page_deadline.as_secs_f32())
                    .into(),
            ),
            Stop::Garbled(why) => (
                "other",
                Reason::new("reason-reader-garbled").with_technical(why),
            ),
            Stop::Ended { status, last_words } => {
                let how = status.map_or("stopped".to_string(), describe_exit);
                let limit = if last_words.contains("overflowed its stack") {
                    "stack"
                } else if last_words.contains("memory allocation of")
                    || last_words.contains("capacity overflow")
                {
                    "memory"
                } else if status.is_some_and(is_cpu_limit) {
                    "time"
                } else {
                    "other"
                };
                let words = last_words.lines().rev().find(|l| !l.trim().is_empty());
                // How the process ended, and its last words, are the system's: technical details.
                let reason = match (limit, words) {
                    ("stack", _) => Reason::from(
                        Phrase::new("reason-reader-out-of-stack")
                            .value("mb", limits.stack_bytes >> 20),
                    )
                    .with_technical(how),
                    ("memory", _) => Reason::from(
                        Phrase::new("reason-reader-out-of-memory")
                            .value("mb", limits.memory_bytes >> 20),
                    )
                    .with_technical(how),
                    (_, Some(w)) => Reason::new("reason-reader-ended")
                        .with_technical(format_args!("{how}: {}", w.trim())),
                    (_, None) => Reason::new("reason-reader-ended").with_technical(how),
                };
                (limit, reason)
            }
        };
        // The message says which limit stopped the file; the reason stays in `details`.
        JobGateError::OverLimit {
            limit: limit.into(),
            reason,
        }
    }
}

fn describe_exit(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("signal {sig}");
        }
    }
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "ended".into(),
    }
}

fn is_cpu_limit(status: ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        // SIGXCPU: the CPU-time backstop.
        status.signal() == Some(24)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

fn write_frame(w: &mut impl Write, body: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(body.len()).map_err(|_| std::io::Error::other("frame too large"))?;
    w.write_all(MAGIC)?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(body)
}

/// Reads one frame; `UnexpectedEof` at a clean end of the stream.
fn read_frame(r: &mut impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut head = [0u8; 8];
    r.read_exact(&mut head)?;
    if &head[..4] != MAGIC {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not a Job Gate frame",
        ));
    }
    let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
    if len > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("a frame of {len} bytes is over the limit of {max}"),
        ));
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body)?;
    Ok(body)
}

/// The worker's side: call this from `main` when the first argument is [`WORKER_FLAG`]. Caps its own
/// memory, file writes and core dumps before reading anything, then answers tasks until stdin closes.
pub fn serve() -> ExitCode {
    let mut limits = Limits::default();
    let mut cpu_seconds = 60;
    for arg in std::env::args().skip(2) {
        let value = |prefix: &str| arg.strip_prefix(prefix).and_then(|v| v.parse::<u64>().ok());
        if let Some(v) = value("--memory-bytes=") {
            limits.memory_bytes = v;
        } else if let Some(v) = value("--stack-bytes=") {
            limits.stack_bytes = usize::try_from(v).unwrap_or(limits.stack_bytes);
        } else if let Some(v) = value("--cpu-seconds=") {
            cpu_seconds = v;
        }
    }
    if let Err(e) = limit_self(&limits, cpu_seconds) {
        eprintln!("jobgate worker: could not set its limits: {e}");
        return ExitCode::FAILURE;
    }
    watch_parent();
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    loop {
        let header = match read_frame(&mut stdin, MAX_HEADER_BYTES) {
            Ok(h) => h,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("jobgate worker: {e}");
                return ExitCode::FAILURE;
            }
        };
        let max_file = jobgate_core::error::MAX_FILE_BYTES as usize + 1;
        let bytes = match read_frame(&mut stdin, max_file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("jobgate worker: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut send = |reply: &Reply| {
            serde_json::to_vec(reply)
                .map_err(std::io::Error::other)
                .and_then(|body| write_frame(&mut stdout, &body))
                .and_then(|()| stdout.flush())
        };
        let sent = match serde_json::from_slice::<Task>(&header) {
            Ok(task) => work_on_own_stack(task, bytes, limits.stack_bytes, &mut send),
            Err(e) => send(&Reply::Failed(JobGateError::internal(
                Reason::new("reason-reader-bad-task").with_technical(e),
            ))),
        };
        if let Err(e) = sent {
            eprintln!("jobgate worker: {e}");
            return ExitCode::FAILURE;
        }
    }
}

/// Ends this worker's process group — itself and the Tesseract it may be running — as soon as the
/// process that started it is gone. The worker leads its own group, so the terminal's Ctrl-C reaches
/// only the front end; without this its worker and OCR would run on until the page was done.
#[cfg(unix)]
fn watch_parent() {
    let parent = rustix::process::getppid();
    if parent.is_none() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("jobgate-worker-parent".into())
        .spawn(move || {
            loop {
                std::thread::sleep(CANCEL_POLL);
                if rustix::process::getppid() != parent {
                    let me = rustix::process::getpid();
                    let _ = rustix::process::kill_process_group(me, rustix::process::Signal::KILL);
                    std::process::exit(1);
                }
            }
        });
}

#[cfg(not(unix))]
fn watch_parent() {}

/// Runs one task on a thread with a fixed stack, sending each OCR page's announcement as it comes and
/// then the answer; a panic becomes an error reply.
fn work_on_own_stack(
    task: Task,
    bytes: Vec<u8>,
    stack_bytes: usize,
    send: &mut dyn FnMut(&Reply) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (tx, rx) = channel::<Reply>();
    let thread = std::thread::Builder::new()
        .name("jobgate-reader".into())
        .stack_size(stack_bytes)
        .spawn(move || {
            let pages = tx.clone();
            let progress = move |p: Progress| {
                let _ = pages.send(Reply::Progress(p));
            };
            let reply = run_here(&task, &bytes, &progress).unwrap_or_else(Reply::Failed);
            let _ = tx.send(reply);
        });
    let thread = match thread {
        Ok(t) => t,
        Err(e) => {
            return send(&Reply::Failed(JobGateError::internal(
                Reason::new("reason-reader-no-thread").with_technical(e),
            )));
        }
    };
    // Until the reader's answer: its progress as it comes. A reader that panicked drops its sender.
    for reply in rx.iter() {
        let last = !matches!(reply, Reply::Progress(_));
        send(&reply)?;
        if last {
            let _ = thread.join();
            return Ok(());
        }
    }
    let _ = thread.join();
    send(&Reply::Failed(JobGateError::corrupted(Reason::new(
        "reason-reader-failed",
    ))))
}

#[cfg(unix)]
fn limit_self(limits: &Limits, cpu_seconds: u64) -> std::io::Result<()> {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let set = |resource, value: u64| {
        setrlimit(
            resource,
            Rlimit {
                current: Some(value),
                maximum: Some(value),
            },
        )
    };
    // Writable memory: heap, thread stacks, buffers — what a hostile file makes grow.
    set(Resource::Data, limits.memory_bytes)?;
    // No core dumps of a worker a file made crash; no files written at all.
    set(Resource::Core, 0)?;
    set(Resource::Fsize, 0)?;
    set(Resource::Cpu, cpu_seconds)?;
    Ok(())
}

/// Windows: the committed memory of this process, capped in a Job Object (no CPU or file limits there;
/// the deadline stops a loop).
#[cfg(windows)]
fn limit_self(limits: &Limits, _cpu_seconds: u64) -> std::io::Result<()> {
    jobgate_winlimit::limit_process_memory(limits.memory_bytes).map(drop)
}

#[cfg(not(any(unix, windows)))]
fn limit_self(_limits: &Limits, _cpu_seconds: u64) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_garbage_is_refused() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"hello").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut r = &buf[..];
        assert_eq!(read_frame(&mut r, 16).unwrap(), b"hello");
        assert_eq!(read_frame(&mut r, 16).unwrap(), b"");
        assert_eq!(
            read_frame(&mut r, 16).unwrap_err().kind(),
            std::io::ErrorKind::UnexpectedEof
        );
        let mut junk: &[u8] = b"Hello, world! not a frame";
        assert_eq!(
            read_frame(&mut junk, 1 << 20).unwrap_err().kind(),
            std::io::ErrorKind::InvalidData
        );
        let mut big = Vec::new();
        write_frame(&mut big, &[0u8; 100]).unwrap();
        assert!(read_frame(&mut &big[..], 99).is_err(), "over the limit");
    }

    #[test]
    fn a_worker_that_dies_is_told_apart_by_its_last_words() {
        let limits = Limits::default();
        let stack = Stop::Ended {
            status: None,
            last_words: "\nthread 'jobgate-reader' has overflowed its stack\nfatal runtime error: stack overflow\n".into(),
        };
        let e = stack.into_error(&limits);
        assert!(
            matches!(&e, JobGateError::OverLimit { limit, .. } if limit == "stack"),
            "{e:?}"
        );
        let memory = Stop::Ended {
            status: None,
            last_words: "memory allocation of 4294967296 bytes failed\n".into(),
        };
        assert!(
            matches!(memory.into_error(&limits), JobGateError::OverLimit { limit, .. } if limit == "memory")
        );
        let late = Stop::Deadline(None).into_error(&limits);
        assert_eq!(late.code().as_str(), "CORRUPTED_FILE");
        assert!(matches!(late, JobGateError::OverLimit { limit, .. } if limit == "time"));
    }

    /// Whether process `pid` still runs (a zombie waiting to be reaped does not).
    #[cfg(target_os = "linux")]
    fn running(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| {
                let state = stat
                    .rsplit_once(')')?
                    .1
                    .split_whitespace()
                    .next()?
                    .to_string();
                Some(state != "Z" && state != "X")
            })
            .unwrap_or(false)
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_cancel_stops_a_long_ocr_page_at_once_with_its_tesseract() {
        // A worker busy on an OCR page whose Tesseract takes its image and never answers: a shell
        // that starts a `sleep` in its process group (as the real worker starts Tesseract) and waits.
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("tesseract.pid");
        let script = format!("sleep 120 & echo $! > '{}'; wait", pid_file.display());
        let command = WorkerCommand {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
        };
        let limits = Limits {
            deadline: Duration::from_secs(120),
            ocr_page_deadline: Duration::from_secs(120),
            ..Limits::default()
        };
        let pool = Pool::new(command, limits);
        let cancel = CancelToken::new();
        let (done, result) = channel();
        std::thread::scope(|scope| {
            let token = cancel.clone();
            let pool = &pool;
            scope.spawn(move || {
                let r = pool.analyse_cancellable(
                    b"%PDF-1.4",
                    &AnalyzeOptions::default(),
                    &|_| {},
                    &token,
                );
                let _ = done.send((r, Instant::now()));
            });
            let waited = Instant::now();
            while std::fs::read_to_string(&pid_file).map_or(true, |p| p.trim().is_empty()) {
                assert!(
                    waited.elapsed() < Duration::from_secs(10),
                    "the fake OCR never started"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
            let tesseract = std::fs::read_to_string(&pid_file)
                .unwrap()
                .trim()
                .to_string();
            assert!(running(&tesseract));
            let asked = Instant::now();
            cancel.cancel();
            let (r, answered) = result
                .recv_timeout(Duration::from_secs(30))
                .expect("an answer");
            assert!(matches!(r, Err(JobGateError::Cancelled)), "{r:?}");
            assert_eq!(r.unwrap_err().code().as_str(), "CANCELLED");
            // Far inside the two-minute deadline: it was the cancel that stopped it.
            assert!(answered.duration_since(asked) < Duration::from_secs(5));
            // The fake Tesseract went with its worker's group.
            let gone = Instant::now();
            while running(&tesseract) {
                assert!(
                    gone.elapsed() < Duration::from_secs(5),
                    "tesseract {tesseract} still runs"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        });
    }

    #[test]
    fn a_cancelled_token_stops_work_done_in_this_process_too() {
        let cancel = CancelToken::new();
        cancel.cancel();
        let r = analyse_cancellable(b"%PDF-1.4", &AnalyzeOptions::default(), &|_| {}, &cancel);
        assert!(matches!(r, Err(JobGateError::Cancelled)), "{r:?}");
    }
}
