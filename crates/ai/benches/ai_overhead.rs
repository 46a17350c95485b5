//! What the AI path costs besides the model's own time (target: ≤ 5 ms per CV).
//!
//! - `build_request`: prompt + request JSON for a typical CV text.
//! - `validate_and_merge`: reading a full model answer and merging it into the rule result.
//! - `enhance_instant_server`: the whole `enhance` call against a local server that answers at once
//!   (request building, HTTP over loopback, validation, merge).

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_ai::{AiConfig, answer, client, merge, prompts};
use jobgate_core::{Cv, Experience};
use serde_json::json;
use std::hint::black_box;
use std::time::Duration;
use support::{FakeServer, Reply};

fn cv_text() -> String {
    let mut t = String::from(
        "Sara Ali\nData Analyst\nsara.ali@example.com | +966 50 123 4567 | Riyadh\nlinkedin.com/in/sara-ali\n\nEXPERIENCE\n",
    );
    for i in 0..6 {
        t.push_str(&format!(
            "Data Analyst {i}, Company {i} — Riyadh\nMar {} – Dec {}\n- Cut reporting time by 40% by automating weekly dashboards\n- Built SQL models used by 12 branch managers\n- Trained 8 colleagues in Power BI and Python\n",
            2010 + i,
            2011 + i
        ));
    }
    t.push_str("\nEDUCATION\nBSc Computer Science, King Saud University, 2006 – 2010\n\nSKILLS\nSQL, Python, Power BI, Excel, Tableau\n");
    t
}

fn answer_json() -> String {
    let jobs: Vec<_> = (0..6)
        .map(|i| {
            json!({"title": format!("Data Analyst {i}"), "company": format!("Company {i}"), "location": "Riyadh",
                   "start": format!("{}-03", 2010 + i), "end": format!("{}-12", 2011 + i),
                   "period": format!("Mar {} – Dec {}", 2010 + i, 2011 + i),
                   "achievements": ["Cut reporting time by 40% by automating weekly dashboards",
                                    "Built SQL models used by 12 branch managers",
                                    "Trained 8 colleagues in Power BI and Python"]})
        })
        .collect();
    json!({
        "personal_info": {"name": "Sara Ali", "email": "sara.ali@example.com", "phone": "+966 50 123 4567",
                          "location": "Riyadh", "headline": "Data Analyst", "links": ["linkedin.com/in/sara-ali"]},
        "summary": "",
        "experience": jobs,
        "education": [{"degree": "BSc", "field": "Computer Science", "school": "King Saud University",
                       "start": "2006", "end": "2010", "years": "2006 – 2010", "grade": ""}],
        "skills": ["SQL", "Python", "Power BI", "Excel", "Tableau"],
        "achievements": [], "certifications": [], "languages": [{"name": "Arabic", "level": "native"}],
        "projects": []
    })
    .to_string()
}

fn rules() -> Cv {
    let mut cv = Cv::default();
    cv.personal_info.name = "Sara Ali".into();
    cv.personal_info.email = "sara.ali@example.com".into();
    cv.skills = vec!["SQL".into(), "Python".into()];
    cv.experience = vec![Experience::default(); 3];
    cv
}

fn bench(c: &mut Criterion) {
    let text = cv_text();
    let content = answer_json();
    let rules = rules();
    let cfg = AiConfig::default();

    c.bench_function("build_request", |b| {
        b.iter(|| {
            let msgs = prompts::parse_cv(black_box(&text));
            serde_json::to_vec(&client::request_body(&cfg, &msgs)).unwrap()
        })
    });

    c.bench_function("validate_and_merge", |b| {
        b.iter(|| {
            let a = answer::read_answer(black_box(&content), &text).unwrap();
            merge::merge(&rules, &a)
        })
    });

    let server = FakeServer::start(vec![Reply::content(&content)]);
    let local = AiConfig {
        base_url: server.base_url(),
        api_key: "sk-bench".into(),
        timeout: Duration::from_secs(5),
        ..AiConfig::default()
    };
    c.bench_function("enhance_instant_server", |b| {
        b.iter(|| jobgate_ai::enhance(black_box(&text), &rules, &local, None).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
