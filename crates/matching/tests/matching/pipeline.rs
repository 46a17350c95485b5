//! The whole flow on the sample corpus: real extraction and parsing (`jobgate_engine::analyze_file`) of
//! one PDF per person, then ranking against job descriptions written for particular people.

use crate::common::{CASES, fixtures, job};
use jobgate_engine::AnalyzeOptions;
use jobgate_matching::{Candidate, rank};
use std::sync::OnceLock;

/// One PDF per person of the corpus (the first in the manifest), analysed once for all tests.
fn analysed() -> &'static Vec<Candidate> {
    static CVS: OnceLock<Vec<Candidate>> = OnceLock::new();
    CVS.get_or_init(|| {
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixtures().join("corpus/manifest.json")).unwrap(),
        )
        .unwrap();
        let mut seen = std::collections::HashSet::new();
        let opts = AnalyzeOptions {
            today: Some((2025, 11)),
            ..AnalyzeOptions::default()
        };
        manifest["documents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["format"] == "pdf")
            .filter(|d| seen.insert(d["cv_id"].as_str().unwrap().to_string()))
            .map(|d| {
                let file = d["file"].as_str().unwrap();
                let analysis =
                    jobgate_engine::analyze_file(&fixtures().join("corpus").join(file), &opts)
                        .unwrap_or_else(|e| panic!("{file}: {e}"));
                Candidate {
                    file: file.trim_start_matches("files/").to_string(),
                    analysis,
                }
            })
            .collect()
    })
}

#[test]
fn each_job_ranks_its_own_person_first_on_real_pdfs() {
    let cvs = analysed();
    let mut wrong = Vec::new();
    for (jd, id) in CASES {
        let ranking = rank(&job(jd), cvs);
        if !ranking[0].file.starts_with(&format!("{id}__")) {
            wrong.push(format!(
                "{jd}: expected {id}, got {} ({}) — {:?}",
                ranking[0].file, ranking[0].score, ranking[0].reasons
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_pdf_job_description_reads_like_its_text() {
    // The same job description printed to PDF by LibreOffice.
    let pdf = crate::common::job_path("backend_engineer_en.pdf");
    let from_pdf = jobgate_matching::load_job(&pdf).unwrap();
    let from_txt = job("backend_engineer_en.txt");
    assert_eq!(from_pdf.required_skills, from_txt.required_skills);
    assert_eq!(from_pdf.min_years, from_txt.min_years);
    let ranking = rank(&from_pdf, analysed());
    assert!(ranking[0].file.starts_with("001__"), "{:?}", ranking[0]);
}
