//! Ranking speed: 1,000 already-analysed CVs against one job description (target: <= 100 ms).
//! The CVs are the sample corpus's truth data (18 people, English, Arabic and mixed), repeated.
//! Analysing + ranking 500 PDFs end to end is measured with the CLI (`jobgate match`) by
//! `scripts/bench.sh`; figures in `docs/BENCHMARKS.md`.

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_core::{
    AnalysisResponse, Cv, DocLanguage, Education, Experience, LanguageSkill, PersonalInfo,
};
use jobgate_matching::{Candidate, parse_job, rank};
use serde_json::Value;
use std::hint::black_box;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn text(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

fn items(v: &Value, k: &str) -> Vec<Value> {
    v.get(k)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// A corpus truth file as an analysis.
fn analysis(path: &std::path::Path) -> AnalysisResponse {
    let t: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let b = &t["basics"];
    let cv = Cv {
        personal_info: PersonalInfo {
            name: text(b, "name"),
            headline: text(b, "label"),
            ..PersonalInfo::default()
        },
        summary: text(b, "summary"),
        experience: items(&t, "work")
            .iter()
            .map(|w| Experience {
                title: text(w, "position"),
                company: text(w, "name"),
                start: text(w, "startDate").chars().take(7).collect(),
                end: "present".into(),
                achievements: items(w, "highlights")
                    .iter()
                    .filter_map(|h| h.as_str().map(str::to_string))
                    .collect(),
                ..Experience::default()
            })
            .collect(),
        education: items(&t, "education")
            .iter()
            .map(|e| Education {
                degree: text(e, "studyType"),
                field: text(e, "area"),
                ..Education::default()
            })
            .collect(),
        skills: items(&t, "skills")
            .iter()
            .flat_map(|g| items(g, "keywords"))
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
        languages: items(&t, "languages")
            .iter()
            .map(|l| LanguageSkill {
                name: text(l, "language"),
                level: text(l, "fluency"),
            })
            .collect(),
        ..Cv::default()
    };
    let language = match text(&t["meta"], "language").as_str() {
        "ar" => DocLanguage::Ar,
        "mixed" => DocLanguage::Mixed,
        _ => DocLanguage::En,
    };
    AnalysisResponse {
        structured_data: cv,
        ats_score: 72.5,
        language,
        ..AnalysisResponse::default()
    }
}

fn bench_rank(c: &mut Criterion) {
    let mut people: Vec<AnalysisResponse> = std::fs::read_dir(fixtures().join("corpus/truth"))
        .unwrap()
        .map(|e| analysis(&e.unwrap().path()))
        .collect();
    people.sort_by(|a, b| {
        a.structured_data
            .personal_info
            .name
            .cmp(&b.structured_data.personal_info.name)
    });
    let cvs: Vec<Candidate> = (0..1000)
        .map(|i| Candidate {
            file: format!("cv_{i:04}.pdf"),
            analysis: people[i % people.len()].clone(),
        })
        .collect();
    for (name, file) in [
        ("rank_1000_cvs_en_job", "backend_engineer_en.txt"),
        ("rank_1000_cvs_ar_job", "software_engineer_ar.txt"),
    ] {
        let job = parse_job(&std::fs::read_to_string(fixtures().join("jobs").join(file)).unwrap());
        c.bench_function(name, |b| b.iter(|| rank(black_box(&job), black_box(&cvs))));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_rank
}
criterion_main!(benches);
