//! What reading files in bounded worker processes costs (issue 14): prints figures, asserts nothing.
//!
//! - one file: the same corpus PDF and DOCX analysed in this process, by a warm worker, and by a
//!   worker started for it (cold: the cost of starting `jobgate` in worker mode once);
//! - a batch of 500 files (the corpus, cycled) through the Match flow on every core
//!   ([`screening::analyse_files`]), in this process and through the installed pool.
//!
//! `cargo bench --workspace --bench bounded` (release build of the real `jobgate` as the worker).

use jobgate_engine::bounded::{self, Limits, Pool, WorkerCommand};
use jobgate_engine::{AnalyzeOptions, screening};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/files");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus files")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf" || x == "docx"))
        .collect();
    files.sort();
    files
}

fn worker() -> WorkerCommand {
    WorkerCommand {
        program: PathBuf::from(env!("CARGO_BIN_EXE_jobgate")),
        args: vec![bounded::WORKER_FLAG.into()],
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn time_each(n: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let opts = AnalyzeOptions {
        today: Some((2026, 11)),
        ..AnalyzeOptions::default()
    };
    let files = corpus();
    let pdf = std::fs::read(
        files
            .iter()
            .find(|p| p.extension().unwrap() == "pdf")
            .unwrap(),
    )
    .unwrap();
    let docx = std::fs::read(
        files
            .iter()
            .find(|p| p.extension().unwrap() == "docx")
            .unwrap(),
    )
    .unwrap();
    println!("bounded analysis: one file (median of 50), then a batch of 500 on every core");
    for (kind, bytes) in [("PDF", &pdf), ("DOCX", &docx)] {
        let here = time_each(50, || {
            bounded::analyse(bytes, &opts).unwrap();
        });
        let pool = Pool::new(worker(), Limits::default());
        pool.analyse(bytes, &opts).unwrap();
        let warm = time_each(50, || {
            pool.analyse(bytes, &opts).unwrap();
        });
        let cold = time_each(20, || {
            Pool::new(worker(), Limits::default())
                .analyse(bytes, &opts)
                .unwrap();
        });
        println!(
            "  {kind:<4} in process {}   warm worker {} (+{})   new worker {} (+{})",
            ms(here),
            ms(warm),
            ms(warm.saturating_sub(here)),
            ms(cold),
            ms(cold.saturating_sub(here)),
        );
    }

    let batch: Vec<PathBuf> = files.iter().cycle().take(500).cloned().collect();
    let quiet = |_: usize, _: usize| {};
    let t = Instant::now();
    let (ok, failed) = screening::analyse_files(&batch, &opts, &quiet);
    let here = t.elapsed();
    assert_eq!((ok.len(), failed.len()), (500, 0));
    bounded::install(Pool::new(worker(), Limits::default()));
    let t = Instant::now();
    let (ok, failed) = screening::analyse_files(&batch, &opts, &quiet);
    let pooled = t.elapsed();
    assert_eq!((ok.len(), failed.len()), (500, 0));
    println!(
        "  batch of 500: in process {:.2} s ({} per file)   workers {:.2} s ({} per file, +{} per file)",
        here.as_secs_f64(),
        ms(here / 500),
        pooled.as_secs_f64(),
        ms(pooled / 500),
        ms(pooled.saturating_sub(here) / 500),
    );
}
