//! Extraction alone, per corpus file (release): `cargo bench -p jobgate-extract`.
//!
//! Each PDF and DOCX of `tests/fixtures/corpus/files` is one benchmark (`extract/<file>`), from
//! bytes in memory. It is the first third of the analysis measured whole by
//! `crates/engine/benches/analyze.rs`, kept apart to see where the time of a slow file goes.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/files");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus files")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf" || x == "docx"))
        .collect();
    files.sort();
    let mut g = c.benchmark_group("extract");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for path in &files {
        let bytes = std::fs::read(path).expect("read corpus file");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        jobgate_extract::extract(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| jobgate_extract::extract(black_box(&bytes)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
