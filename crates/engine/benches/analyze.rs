//! The whole analysis of one CV file in release: extract + parse + score (+ features), AI off
//! (issue 2 targets: median <= 10 ms per PDF, <= 5 ms per DOCX).
//!
//! Every PDF and DOCX of the sample corpus (`tests/fixtures/corpus/files`) is one benchmark
//! (`analyze/<file>`), timed through [`jobgate_engine::analyze_bytes`] from bytes already in memory,
//! so disk reads do not count. `scripts/bench.sh` takes the median over the files of each type from
//! criterion's estimates. `corpus_pdf` / `corpus_docx` time one pass over all files of a type
//! (divide by the file count for the mean per document).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobgate_engine::{AnalyzeOptions, analyze_bytes};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn corpus(ext: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/files");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus files")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).expect("read corpus file"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    // Fixed "today" and no AI: the rule path only, as `jobgate analyze` without `--ai`.
    let opts = AnalyzeOptions {
        lang: None,
        today: Some((2026, 11)),
        ai: None,
    };
    let pdf = corpus("pdf");
    let docx = corpus("docx");
    assert!(!pdf.is_empty() && !docx.is_empty(), "corpus is empty");
    // Every file must analyse (a failing file would time an early error, not an analysis), and the
    // lexicon and Fluent bundles get loaded once, as in a running app.
    for (name, bytes) in pdf.iter().chain(&docx) {
        let r = analyze_bytes(bytes, &opts).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(r.success, "{name}");
    }

    let mut g = c.benchmark_group("analyze");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (name, bytes) in pdf.iter().chain(&docx) {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| analyze_bytes(black_box(bytes), &opts).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("analyze_corpus");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    for (label, files) in [("corpus_pdf", &pdf), ("corpus_docx", &docx)] {
        g.throughput(Throughput::Elements(files.len() as u64));
        g.bench_function(label, |b| {
            b.iter(|| {
                for (_, bytes) in files {
                    black_box(analyze_bytes(bytes, &opts).unwrap());
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
