//! Tesseract through its command line: the image goes in through stdin, hOCR comes out of stdout, no
//! file is written (the bounded worker may not write files, and its limits are inherited).
//!
//! Chosen over a library binding by measurement (ARCHITECTURE.md, dependency notes): the binding needs
//! `libtesseract-dev`, clang and bindgen at build time and ties the build to one Tesseract ABI, while
//! the process costs one model load per page (≈ 0.1 s) and can be killed when its page's time is up.
//! `OMP_THREAD_LIMIT=1`: Tesseract's OpenMP threads spin on a busy 2-core machine (a page took 7.6 s
//! with two threads and 1.1 s with one, measured).

use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Phrase, Reason};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The most hOCR one page may give (a dense page gives ≈ 300 KB).
const MAX_OUTPUT_BYTES: u64 = 16 << 20;

/// How long one Tesseract run may take in this process, whatever the caller's deadline (a bounded
/// worker's parent also stops the whole worker at its per-page deadline).
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// A Tesseract executable and the languages it has.
#[derive(Debug, Clone)]
pub struct Tesseract {
    pub program: PathBuf,
    /// `ara+eng`, or `eng` when the Arabic model is missing.
    pub languages: String,
    /// Whether the orientation model (`osd`) is installed.
    pub has_osd: bool,
}

/// The Tesseract of this machine, found once per process: `JOBGATE_TESSERACT` when set, else
/// `tesseract` on `PATH`, else the usual install places of Windows and macOS.
pub fn shared() -> Result<&'static Tesseract> {
    static FOUND: OnceLock<std::result::Result<Tesseract, Reason>> = OnceLock::new();
    FOUND
        .get_or_init(find)
        .as_ref()
        .map_err(|reason| JobGateError::ocr_unavailable(reason.clone()))
}

fn exe_name() -> &'static str {
    if cfg!(windows) {
        "tesseract.exe"
    } else {
        "tesseract"
    }
}

fn candidates() -> Vec<PathBuf> {
    if let Some(p) = std::env::var_os("JOBGATE_TESSERACT").filter(|p| !p.is_empty()) {
        return vec![PathBuf::from(p)];
    }
    let mut out: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(exe_name()))
                .collect()
        })
        .unwrap_or_default();
    if cfg!(windows) {
        for base in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
            if let Some(dir) = std::env::var_os(base) {
                out.push(Path::new(&dir).join("Tesseract-OCR").join(exe_name()));
                out.push(
                    Path::new(&dir)
                        .join("Programs")
                        .join("Tesseract-OCR")
                        .join(exe_name()),
                );
            }
        }
    } else if cfg!(target_os = "macos") {
        out.push("/opt/homebrew/bin/tesseract".into());
        out.push("/usr/local/bin/tesseract".into());
        out.push("/opt/local/bin/tesseract".into());
    }
    out
}

fn find() -> std::result::Result<Tesseract, Reason> {
    let program = candidates()
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| Reason::new("reason-ocr-not-found"))?;
    let mut t = Tesseract {
        program,
        languages: String::new(),
        has_osd: false,
    };
    let listed = t
        .run(&["--list-langs"], &[], Duration::from_secs(10))
        .map_err(|e| match e {
            RunError::Start(r) => r,
            // Listing its languages failed: it did not run as it should (its own words kept).
            RunError::Failed(r) => Reason {
                phrase: Some(Box::new(Phrase::new("reason-ocr-did-not-run"))),
                technical: r.technical,
            },
        })?;
    let listed = String::from_utf8_lossy(&listed);
    let langs: Vec<&str> = listed.lines().map(str::trim).collect();
    if !langs.contains(&"eng") {
        return Err(Reason::new("reason-ocr-no-english"));
    }
    t.languages = if langs.contains(&"ara") {
        "ara+eng".into()
    } else {
        "eng".into()
    };
    t.has_osd = langs.contains(&"osd");
    Ok(t)
}

/// Why a run gave no output: the program could not be started, or it failed on its input.
#[derive(Debug)]
enum RunError {
    Start(Reason),
    Failed(Reason),
}

impl Tesseract {
    /// Recognises one image (PNM, PNG, JPEG or TIFF bytes) and returns its hOCR.
    pub fn hocr(&self, image: &[u8]) -> Result<String> {
        let out = self
            .run(
                &[
                    "stdin",
                    "stdout",
                    "-l",
                    &self.languages,
                    "--psm",
                    "3",
                    "hocr",
                ],
                image,
                RUN_TIMEOUT,
            )
            .map_err(|e| match e {
                RunError::Start(why) => JobGateError::ocr_unavailable(why),
                RunError::Failed(why) => JobGateError::corrupted(why),
            })?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The clockwise rotation (0, 90, 180, 270) that puts the page upright, by Tesseract's
    /// orientation detection; `None` when unsure or not installed.
    pub fn rotation(&self, image: &[u8]) -> Option<u32> {
        if !self.has_osd {
            return None;
        }
        let out = self
            .run(&["stdin", "stdout", "--psm", "0"], image, RUN_TIMEOUT)
            .ok()?;
        let text = String::from_utf8_lossy(&out);
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().parse::<f32>().ok())
        };
        let rotate = value("Rotate:")? as u32;
        let confidence = value("Orientation confidence:").unwrap_or(0.0);
        (confidence >= 1.0 && matches!(rotate, 0 | 90 | 180 | 270)).then_some(rotate)
    }

    /// Runs Tesseract with `input` on stdin and returns its stdout; the child is killed when `timeout`
    /// passes. The error is a short reason.
    fn run(
        &self,
        args: &[&str],
        input: &[u8],
        timeout: Duration,
    ) -> std::result::Result<Vec<u8>, RunError> {
        let started = Instant::now();
        let mut child = Command::new(&self.program)
            .args(args)
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                RunError::Start(
                    Reason::from(
                        Phrase::new("reason-ocr-no-start")
                            .cv("program", self.program.display().to_string()),
                    )
                    .with_technical(e),
                )
            })?;
        let (stdin, stdout, stderr) =
            match (child.stdin.take(), child.stdout.take(), child.stderr.take()) {
                (Some(i), Some(o), Some(e)) => (i, o, e),
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(RunError::Start(Reason::new("reason-ocr-no-pipes")));
                }
            };
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || {
                let mut stdin = stdin;
                // A broken pipe means Tesseract stopped early; its exit status tells why.
                let _ = stdin.write_all(input);
            });
            let reader = scope.spawn(move || {
                let mut out = Vec::new();
                let _ = stdout.take(MAX_OUTPUT_BYTES).read_to_end(&mut out);
                out
            });
            let errors = scope.spawn(move || {
                let mut out = Vec::new();
                let _ = stderr.take(64 << 10).read_to_end(&mut out);
                out
            });
            let status = loop {
                match child.try_wait() {
                    Ok(Some(status)) => break Ok(status),
                    Ok(None) if started.elapsed() < timeout => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Ok(None) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break Err(RunError::Failed(
                            Phrase::new("reason-ocr-page-timeout")
                                .value("seconds", timeout.as_secs())
                                .into(),
                        ));
                    }
                    Err(e) => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break Err(RunError::Failed(
                            Reason::new("reason-ocr-lost").with_technical(e),
                        ));
                    }
                }
            };
            let _ = writer.join();
            let out = reader.join().unwrap_or_default();
            let err = errors.join().unwrap_or_default();
            let status = status?;
            if status.success() {
                Ok(out)
            } else {
                let err = String::from_utf8_lossy(&err);
                let last = err
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("no message");
                // Tesseract's own last words and its exit status are a technical detail.
                Err(RunError::Failed(
                    Reason::new("reason-ocr-image-unreadable")
                        .with_technical(format_args!("{status}: {}", last.trim())),
                ))
            }
        })
    }
}
