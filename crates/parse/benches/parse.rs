//! Parse time per corpus document (release): `cargo bench -p jobgate-parse`.
//! Extraction is done once up front; only `jobgate_parse::parse` is timed.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn corpus_docs() -> Vec<(String, jobgate_core::Document)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/files");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus files")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let doc = jobgate_extract::extract_file(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().to_string(), doc))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus_docs();
    let mut g = c.benchmark_group("parse");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (name, doc) in &docs {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| jobgate_parse::parse(std::hint::black_box(doc)))
        });
    }
    g.bench_function("whole_corpus", |b| {
        b.iter(|| {
            for (_, d) in &docs {
                std::hint::black_box(jobgate_parse::parse(d));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
