//! Ranking on hand-built analyses: the corpus truth data and small CVs made for one point each.

use crate::common::{CASES, corpus_ids, job, truth_analysis};
use jobgate_core::text::arabic_ratio;
use jobgate_core::{AnalysisResponse, Cv, Education, Experience, Features, Lang, LanguageSkill};
use jobgate_matching::{Candidate, JobSpec, job_match_check, parse_job, rank, rank_in};

fn corpus_candidates() -> Vec<Candidate> {
    corpus_ids()
        .into_iter()
        .map(|id| Candidate {
            file: format!("{id}.json"),
            analysis: truth_analysis(&id),
        })
        .collect()
}

#[test]
fn each_job_ranks_its_own_person_first_on_truth_data() {
    let cvs = corpus_candidates();
    let mut wrong = Vec::new();
    for (jd, id) in CASES {
        let ranking = rank(&job(jd), &cvs);
        let first = &ranking[0];
        if first.file != format!("{id}.json") {
            wrong.push(format!(
                "{jd}: expected {id}, got {} ({}) before {} — {:?}",
                first.file,
                first.score,
                ranking
                    .iter()
                    .position(|r| r.file == format!("{id}.json"))
                    .unwrap_or(99),
                first.reasons
            ));
        }
        // The winner clearly beats the runner-up.
        assert!(ranking[0].score >= ranking[1].score);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn backend_cv(skills: &[&str]) -> AnalysisResponse {
    AnalysisResponse {
        structured_data: Cv {
            skills: skills.iter().map(|s| s.to_string()).collect(),
            experience: vec![Experience {
                title: "Backend Engineer".into(),
                start: "2018-01".into(),
                end: "2024-01".into(),
                ..Experience::default()
            }],
            education: vec![Education {
                degree: "BSc".into(),
                field: "Computer Science".into(),
                ..Education::default()
            }],
            languages: vec![LanguageSkill {
                name: "English".into(),
                level: "Fluent".into(),
            }],
            ..Cv::default()
        },
        features: Features {
            total_years_experience: 6.0,
            ..Features::default()
        },
        ats_score: 80.0,
        ..AnalysisResponse::default()
    }
}

#[test]
fn a_missing_required_skill_ranks_below_an_otherwise_equal_cv() {
    let job = parse_job(
        "Backend Engineer\nRequirements:\n- Go, PostgreSQL and Kubernetes\n- 5+ years of experience\n- Bachelor's degree",
    );
    // "z_has.pdf" sorts after "a_lacks.pdf": only the missing skill can put it first.
    let cvs = vec![
        Candidate {
            file: "a_lacks.pdf".into(),
            analysis: backend_cv(&["Go", "PostgreSQL"]),
        },
        Candidate {
            file: "z_has.pdf".into(),
            analysis: backend_cv(&["golang", "Postgres", "k8s"]),
        },
    ];
    let ranking = rank(&job, &cvs);
    assert_eq!(ranking[0].file, "z_has.pdf");
    assert!(ranking[0].score > ranking[1].score);
    assert_eq!(ranking[1].missing_skills, vec!["Kubernetes".to_string()]);
    assert_eq!(ranking[0].missing_skills, Vec::<String>::new());
    assert!(
        ranking[1].reasons[0].contains("Kubernetes"),
        "{:?}",
        ranking[1].reasons
    );
}

#[test]
fn components_add_up_to_the_score_out_of_100() {
    let cvs = corpus_candidates();
    for (jd, _) in CASES {
        for r in rank(&job(jd), &cvs) {
            let points: f64 = r.components.iter().map(|c| c.points).sum();
            let max: f64 = r.components.iter().map(|c| c.max_points).sum();
            assert!(
                (points - r.score).abs() < 0.051,
                "{jd} {}: {points} vs {}",
                r.file,
                r.score
            );
            assert!((max - 100.0).abs() < 1e-6, "{jd}: maxima add up to {max}");
            assert!(r.components.iter().all(|c| c.points <= c.max_points + 1e-9));
            assert_eq!(r.reasons.len(), r.components.len());
        }
    }
}

#[test]
fn ties_are_broken_by_file_name_whatever_the_input_order() {
    let job = parse_job("Backend Engineer\nMust have Go");
    let make = |f: &str| Candidate {
        file: f.into(),
        analysis: backend_cv(&["Go"]),
    };
    let a = rank(&job, &[make("c.pdf"), make("a.pdf"), make("b.pdf")]);
    let b = rank(&job, &[make("b.pdf"), make("c.pdf"), make("a.pdf")]);
    let files =
        |r: &[jobgate_matching::MatchResult]| r.iter().map(|m| m.file.clone()).collect::<Vec<_>>();
    assert_eq!(files(&a), vec!["a.pdf", "b.pdf", "c.pdf"]);
    assert_eq!(a, b);
}

#[test]
fn synonyms_and_arabic_spellings_match_across_languages() {
    let job = parse_job("Frontend Developer\nRequirements\n- JS and React\n- Project management");
    let cv = AnalysisResponse {
        structured_data: Cv {
            skills: vec!["جافاسكريبت".into(), "رياكت".into(), "إدارة المشاريع".into()],
            ..Cv::default()
        },
        language: jobgate_core::DocLanguage::Ar,
        ..AnalysisResponse::default()
    };
    let r = &rank(
        &job,
        &[Candidate {
            file: "ar.pdf".into(),
            analysis: cv,
        }],
    )[0];
    for s in ["JavaScript", "React", "Project Management"] {
        assert!(r.matched_skills.iter().any(|m| m == s), "{s}: {r:?}");
    }
}

#[test]
fn reasons_follow_the_language_with_arabic_plurals() {
    let job = job("software_engineer_ar.txt");
    let cvs = corpus_candidates();
    let ar = rank(&job, &cvs);
    for reason in &ar[0].reasons {
        assert!(arabic_ratio(reason) > 0.5, "{reason}");
    }
    let en = rank_in(&job, &cvs, Lang::En);
    // Titles are quoted as written; every other reason is in English.
    for c in en[0].components.iter().filter(|c| c.id != "title") {
        assert!(arabic_ratio(&c.reason) < 0.5, "{}", c.reason);
    }
    assert_eq!(
        ar.iter().map(|r| &r.file).collect::<Vec<_>>(),
        en.iter().map(|r| &r.file).collect::<Vec<_>>(),
        "the language of the reasons never changes the ranking"
    );
    // 7 required skills: "few" form (مهارات), never the singular.
    let some = ar
        .iter()
        .find(|r| !r.missing_skills.is_empty() && !r.matched_skills.is_empty());
    if let Some(r) = some {
        assert!(
            r.reasons[0].contains("مهارات") || r.reasons[0].contains("مهارة"),
            "{}",
            r.reasons[0]
        );
    }
}

/// Reasons are kept as phrases: a ranking said again in another language is the ranking made in that
/// language, word for word, without working it out again.
#[test]
fn a_ranking_is_said_again_in_another_language_from_its_phrases() {
    let cvs = corpus_candidates();
    for jd in ["software_engineer_ar.txt", "backend_engineer_en.txt"] {
        let job = job(jd);
        for (from, to) in [(Lang::En, Lang::Ar), (Lang::Ar, Lang::En)] {
            let fresh = rank_in(&job, &cvs, to);
            let mut again = rank_in(&job, &cvs, from);
            for r in &mut again {
                assert!(r.components.iter().all(|c| c.reason_phrase.is_some()));
                r.localize(to);
            }
            assert_eq!(again, fresh, "{jd}: {from:?} said again in {to:?}");
        }
        // A required skill is named in the reader's language: the Arabic reasons of an English job
        // hold no English word outside the isolated names.
        let ar = rank_in(&job, &cvs, Lang::Ar);
        for r in &ar {
            for c in r.components.iter().filter(|c| c.id != "title") {
                let own = jobgate_core::phrase::outside_isolates(&c.reason);
                assert!(arabic_ratio(&own) > 0.9, "{jd}: {}", c.reason);
            }
        }
    }
}

#[test]
fn job_match_check_lists_the_missing_keywords() {
    let job = parse_job(
        "Platform Engineer\nRequired: Go, Kubernetes, PostgreSQL\nNice to have: Terraform",
    );
    let cv = backend_cv(&["Go", "PostgreSQL"]).structured_data;
    let check = job_match_check(&job, &cv, Lang::En);
    assert_eq!(check.id, "job_match");
    assert!(!check.passed);
    assert!(
        check.suggestion.contains("Kubernetes") && check.suggestion.contains("Terraform"),
        "{}",
        check.suggestion
    );
    // 2 of 3 required (count double) and 0 of 1 preferred: 4 of 7.
    assert!((check.points - 57.1).abs() < 0.05, "{}", check.points);
    let full = backend_cv(&["Go", "PostgreSQL", "Kubernetes", "Terraform"]).structured_data;
    let ok = job_match_check(&job, &full, Lang::Ar);
    assert!(ok.passed && ok.suggestion.is_empty());
    assert_eq!(ok.points, 100.0);
    assert!(arabic_ratio(&ok.message) > 0.5, "{}", ok.message);
}

#[test]
fn what_the_job_does_not_ask_is_not_scored() {
    let job = JobSpec {
        title: String::new(),
        required_skills: vec!["Python".into()],
        ..JobSpec::default()
    };
    let r = &rank(
        &job,
        &[Candidate {
            file: "x".into(),
            analysis: backend_cv(&["Python"]),
        }],
    )[0];
    let ids: Vec<&str> = r.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["required_skills", "ats"]);
    assert_eq!(r.components[0].max_points, 80.0);
    assert_eq!(r.score, 80.0 + 20.0 * 0.8);
}

#[test]
fn arabic_reasons_name_skills_as_the_job_wrote_them() {
    // "SAP" is written in Latin letters inside Arabic text: Arabic readers know it so, not as "ساب";
    // "إدارة المشاريع" is written in Arabic and keeps its Arabic label.
    let job = parse_job("محاسب\nالمتطلبات\n- إتقان SAP و إدارة المشاريع");
    assert_eq!(job.latin_skills, vec!["SAP".to_string()]);
    let cv = backend_cv(&["Go"]);
    let one = |lang| {
        rank_in(
            &job,
            &[Candidate {
                file: "x.pdf".into(),
                analysis: cv.clone(),
            }],
            lang,
        )
        .remove(0)
    };
    let ar = one(Lang::Ar);
    assert!(
        ar.reasons[0].contains("SAP") && ar.reasons[0].contains("إدارة المشاريع"),
        "{}",
        ar.reasons[0]
    );
    let en = one(Lang::En);
    assert!(
        en.reasons[0].contains("SAP") && en.reasons[0].contains("Project Management"),
        "{}",
        en.reasons[0]
    );
    // An English description records nothing: every skill there is in Latin letters.
    assert!(
        parse_job("Accountant\nRequirements: SAP")
            .latin_skills
            .is_empty()
    );
}
