//! Extraction alone, per corpus file (release): `cargo bench -p jobgate-extract`.
//!
//! Each PDF and DOCX of `tests/fixtures/corpus/files` is one benchmark (`extract/<file>`), from
//! bytes in memory. Scans and photos of `tests/fixtures/scans/files` are the `ocr/<file>` group
//! (Tesseract included, one process a page; skipped when Tesseract is not installed). It is the first third of the analysis measured whole by
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

/// OCR: seconds a page are what matters (goal ≤ 3 s an A4 page), so few samples.
fn bench_ocr(c: &mut Criterion) {
    if jobgate_extract::ocr::tesseract::shared().is_err() {
        eprintln!("ocr: Tesseract is not installed, skipped");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/scans/files");
    let mut g = c.benchmark_group("ocr");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(20));
    for name in [
        "003__stackoverflow__scan200.jpg",
        "030__stackoverflow__scan200.jpg",
        "009__stackoverflow__scan150.png",
        "012__stackoverflow__scan200.jpg",
        "028__even__scan200__jpg.pdf",
    ] {
        let bytes = std::fs::read(dir.join(name)).expect("read scan");
        g.bench_function(name, |b| {
            b.iter(|| jobgate_extract::extract(black_box(&bytes)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench, bench_ocr);
criterion_main!(benches);
