//! Time to score one CV and derive its features, on the corpus's truth CVs (English, Arabic, mixed).
//! Run: `cargo bench -p jobgate-score`. Results are logged in `crates/score/BENCH.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_core::Lang;
use jobgate_score::{document_from_cv, features, score};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cvs = common::truth_cvs();
    let docs: Vec<_> = cvs.iter().map(|(_, _, cv)| document_from_cv(cv)).collect();
    // Warm the Fluent bundles and the lexicon once, as a running app has them.
    let _ = score(&cvs[0].2, &docs[0], Lang::En);
    let _ = score(&cvs[0].2, &docs[0], Lang::Ar);
    let n = cvs.len();
    let mut group = c.benchmark_group("per_cv");
    for lang in Lang::ALL {
        group.bench_function(format!("score+features ({})", lang.code()), |b| {
            let mut i = 0;
            b.iter(|| {
                let (_, _, cv) = &cvs[i % n];
                let r = score(black_box(cv), black_box(&docs[i % n]), lang);
                let f = features(black_box(cv), (2026, 11));
                i += 1;
                black_box((r, f))
            })
        });
    }
    group.bench_function("features only", |b| {
        let mut i = 0;
        b.iter(|| {
            let f = features(black_box(&cvs[i % n].2), (2026, 11));
            i += 1;
            black_box(f)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
