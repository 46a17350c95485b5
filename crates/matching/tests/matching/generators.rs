//! Jobs written for the people of the generator set (`tests/fixtures/generators/jobs`), some offering a
//! choice of tools ("Tableau or Power BI", "Salesforce أو HubSpot") or naming one vendor's product
//! ("Oracle NetSuite"): through the real pipeline, each job ranks its own person first among everyone,
//! with the CVs of each generator (Word, LibreOffice, Typst, LaTeX) in turn.

use crate::common::fixtures;
use jobgate_engine::AnalyzeOptions;
use jobgate_matching::{Candidate, load_job, rank};
use std::collections::BTreeMap;

const JOBS: [(&str, &str); 5] = [
    ("data_analyst_mixed.txt", "g01"),
    ("sales_operations_ar.txt", "g02"),
    ("platform_engineer_en.txt", "g03"),
    ("accountant_ar.txt", "g04"),
    ("finance_systems_en.txt", "g05"),
];

/// Every file of the set, analysed, by generator.
fn by_generator() -> BTreeMap<String, Vec<Candidate>> {
    let set = fixtures().join("generators");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(set.join("manifest.json")).unwrap()).unwrap();
    let opts = AnalyzeOptions {
        today: Some((2026, 12)),
        ..AnalyzeOptions::default()
    };
    let mut out: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    for d in manifest["documents"].as_array().unwrap() {
        let file = d["file"].as_str().unwrap();
        let analysis = jobgate_engine::analyze_file(&set.join(file), &opts)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        out.entry(d["theme"].as_str().unwrap().to_string())
            .or_default()
            .push(Candidate {
                file: file.trim_start_matches("files/").to_string(),
                analysis,
            });
    }
    out
}

#[test]
fn each_generator_job_ranks_its_person_first() {
    let cvs = by_generator();
    let mut wrong = Vec::new();
    let mut checks = 0;
    for (jd, id) in JOBS {
        let job = load_job(&fixtures().join("generators/jobs").join(jd)).unwrap();
        for (generator, candidates) in &cvs {
            // moderncv has no right-to-left layout: the set has no Arabic CVs made with it.
            if !candidates
                .iter()
                .any(|c| c.file.starts_with(&format!("{id}__")))
            {
                continue;
            }
            let ranking = rank(&job, candidates);
            checks += 1;
            if !ranking[0].file.starts_with(&format!("{id}__")) {
                wrong.push(format!(
                    "{jd} with {generator}: expected {id}, got {} ({}) — {:?}",
                    ranking[0].file, ranking[0].score, ranking[0].reasons
                ));
            }
        }
    }
    println!(
        "{} of {checks} rankings put the job's person first",
        checks - wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_choice_of_tools_is_met_by_either() {
    let job = load_job(&fixtures().join("generators/jobs/data_analyst_mixed.txt")).unwrap();
    assert!(
        job.alternatives
            .contains(&vec!["Tableau".to_string(), "Power BI".to_string()]),
        "{job:?}"
    );
    let sales = load_job(&fixtures().join("generators/jobs/sales_operations_ar.txt")).unwrap();
    assert!(
        sales
            .alternatives
            .contains(&vec!["Salesforce".to_string(), "HubSpot".to_string()]),
        "{sales:?}"
    );
    let finance = load_job(&fixtures().join("generators/jobs/finance_systems_en.txt")).unwrap();
    assert!(finance.required_skills.iter().any(|s| s == "NetSuite"));
    assert!(
        !finance
            .required_skills
            .iter()
            .any(|s| s == "Oracle Database")
    );
}

#[test]
fn a_cv_with_one_of_the_offered_tools_meets_the_requirement() {
    let job = jobgate_matching::parse_job("Analyst\nRequirements:\n- SQL\n- Tableau or Power BI");
    let cv = |skills: &[&str]| Candidate {
        file: format!("{}.json", skills.join("+")),
        analysis: jobgate_core::AnalysisResponse {
            structured_data: jobgate_core::Cv {
                skills: skills.iter().map(|s| s.to_string()).collect(),
                ..jobgate_core::Cv::default()
            },
            ..jobgate_core::AnalysisResponse::default()
        },
    };
    let ranking = rank(&job, &[cv(&["SQL", "Power BI"]), cv(&["SQL"])]);
    let required = |i: usize| {
        let c = ranking[i]
            .components
            .iter()
            .find(|c| c.id == "required_skills")
            .unwrap();
        (c.points, c.max_points)
    };
    assert_eq!(ranking[0].file, "SQL+Power BI.json");
    let (points, max) = required(0);
    assert_eq!(points, max, "{:?}", ranking[0]);
    assert!(ranking[0].missing_skills.is_empty(), "{:?}", ranking[0]);
    assert_eq!(ranking[1].missing_skills, ["Tableau", "Power BI"]);
    assert!(required(1).0 < max / 2.0 + 0.1, "{:?}", ranking[1]);
    assert!(
        ranking[1].reasons[0].contains("Tableau or Power BI"),
        "{:?}",
        ranking[1].reasons
    );
}
