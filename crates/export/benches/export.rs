//! Export speed per two-page CV (targets: DOCX <= 10 ms, PDF <= 30 ms in release), English and Arabic.

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_core::{Cv, Lang};
use jobgate_export::{Format, render};
use std::hint::black_box;

fn cv(json: &str) -> Cv {
    serde_json::from_str(json).expect("fixture")
}

fn bench(c: &mut Criterion) {
    let en = cv(include_str!("../tests/fixtures/full_en.json"));
    let ar = cv(include_str!("../tests/fixtures/full_ar.json"));
    // Fonts are parsed once per process; do it before measuring.
    let _ = render(&en, Format::Pdf, "classic", Lang::En);
    for (label, cv, lang) in [("en", &en, Lang::En), ("ar", &ar, Lang::Ar)] {
        for format in [Format::Docx, Format::Pdf, Format::Txt] {
            c.bench_function(&format!("{}_{label}_classic", format.extension()), |b| {
                b.iter(|| render(black_box(cv), format, "classic", lang).unwrap())
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
