//! The ATS score as a user meets it: on the corpus's real CVs (their truth files as a perfect parser
//! would return them), on hand-made documents, and on many random variations.

mod common;

use common::{Rng, cv_from_json_resume, mutate, truth_cvs};
use jobgate_core::text::arabic_ratio;
use jobgate_core::{AtsCheck, Cv, Document, Lang, Line, Warning};
use jobgate_score::{AtsReport, Fix, document_from_cv, features, round_half, score};

fn report(cv: &Cv, lang: Lang) -> AtsReport {
    score(cv, &document_from_cv(cv), lang)
}

fn check<'a>(r: &'a AtsReport, id: &str) -> &'a AtsCheck {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

fn first_truth(lang: &str) -> Cv {
    truth_cvs()
        .into_iter()
        .find(|(_, l, _)| l == lang)
        .map(|(_, _, cv)| cv)
        .expect("a truth CV in that language")
}

/// A complete, strong English CV, written the way a careful candidate would.
fn strong_cv() -> Cv {
    let text = r#"{
      "basics": {"name": "Layla Haddad", "label": "Data Analyst", "email": "layla.haddad@mail.test",
        "phone": "+962 79 555 1234", "location": {"city": "Amman", "countryCode": "JO"},
        "summary": "Data analyst with 6 years of experience in retail and banking analytics."},
      "work": [
        {"name": "Arab Bank", "position": "Senior Data Analyst", "startDate": "2021-02-01",
         "highlights": ["Cut monthly reporting time from 5 days to 1 day with automated SQL pipelines",
                        "Built a churn model that kept 12% more premium customers",
                        "Trained 8 analysts in Power BI and Python",
                        "Presented quarterly insights to the executive committee"]},
        {"name": "Carrefour Jordan", "position": "Data Analyst", "startDate": "2018-01-01", "endDate": "2021-01-31",
         "highlights": ["Raised forecast accuracy by 18% for 240 stores",
                        "Saved JOD 300K a year by reducing stock-outs",
                        "Designed the weekly sales dashboard used by 40 managers"]}
      ],
      "education": [{"institution": "University of Jordan", "area": "Statistics", "studyType": "BSc",
                     "startDate": "2013-09-01", "endDate": "2017-06-30"}],
      "skills": [{"name": "Data", "keywords": ["SQL", "Python", "Power BI", "Excel", "Tableau",
                  "Statistics", "Machine Learning", "Data Visualization", "Forecasting", "Communication"]}],
      "certificates": [{"name": "Microsoft Certified: Power BI Data Analyst"}]
    }"#;
    cv_from_json_resume(&serde_json::from_str(text).expect("valid JSON"))
}

/// What every report must satisfy, whatever the CV.
fn assert_well_formed(r: &AtsReport, what: &str) {
    let max: f64 = r.checks.iter().map(|c| c.max_points).sum();
    assert_eq!(max, 100.0, "{what}: maxima add up to 100");
    let sum: f64 = r.checks.iter().map(|c| c.points).sum();
    assert_eq!(
        sum, r.score,
        "{what}: the breakdown adds up exactly to the score"
    );
    for c in &r.checks {
        assert_eq!(
            c.points,
            round_half(c.points),
            "{what}/{}: multiple of 0.5",
            c.id
        );
        assert!(
            (0.0..=c.max_points).contains(&c.points),
            "{what}/{}: {} of {}",
            c.id,
            c.points,
            c.max_points
        );
        assert!(!c.message.trim().is_empty(), "{what}/{}: a message", c.id);
        assert_eq!(
            c.suggestion.is_empty(),
            c.points == c.max_points,
            "{what}/{}: a suggestion exactly when points are missing ({} of {}): {:?}",
            c.id,
            c.points,
            c.max_points,
            c.suggestion
        );
        assert!(
            !c.message.contains("ats-"),
            "{what}: unresolved id in {:?}",
            c.message
        );
        assert!(
            !c.suggestion.contains("ats-"),
            "{what}: unresolved id in {:?}",
            c.suggestion
        );
    }
    assert!(r.suggestions.len() <= 5, "{what}: at most 5 suggestions");
    let missing = r.checks.iter().any(|c| c.points < c.max_points);
    assert_eq!(
        !r.suggestions.is_empty(),
        missing,
        "{what}: suggestions when points are missing"
    );
    let gains: Vec<f64> = r
        .suggestions
        .iter()
        .map(|s| {
            r.fixes
                .iter()
                .find(|f| &f.text == s)
                .expect("suggestion is a fix")
                .gain
        })
        .collect();
    assert!(
        gains.windows(2).all(|w| w[0] >= w[1]),
        "{what}: biggest gains first: {gains:?}"
    );
}

#[test]
fn an_empty_cv_scores_near_zero() {
    let r = score(&Cv::default(), &Document::default(), Lang::En);
    assert!(r.score <= 5.0, "empty CV scored {}", r.score);
    assert_well_formed(&r, "empty");
    assert_eq!(r.suggestions.len(), 5);
    assert!(
        r.suggestions[0].contains("Work Experience"),
        "{:?}",
        r.suggestions
    );
}

#[test]
fn a_complete_strong_cv_scores_at_least_85() {
    let r = report(&strong_cv(), Lang::En);
    assert!(
        r.score >= 85.0,
        "strong CV scored {}: {:#?}",
        r.score,
        r.checks
    );
    assert_well_formed(&r, "strong");
    let ach = check(&r, "achievements");
    assert!(ach.message.contains("6 of 7"), "{}", ach.message);
}

#[test]
fn every_corpus_cv_is_scored_sensibly_and_well_formed() {
    let all = truth_cvs();
    assert!(all.len() >= 15, "corpus truth files found: {}", all.len());
    for (id, lang, cv) in &all {
        for ui in Lang::ALL {
            let r = report(cv, ui);
            assert_well_formed(&r, id);
            // Complete CVs written by real people: none should look broken.
            assert!(
                r.score >= 70.0,
                "{id} ({lang}, ui {ui:?}) scored {}: {:#?}",
                r.score,
                r.checks
            );
            assert_eq!(check(&r, "contact").points, 15.0, "{id}: {:#?}", r.checks);
        }
    }
}

#[test]
fn removing_the_phone_lowers_the_score() {
    for (id, _, cv) in truth_cvs() {
        let before = report(&cv, Lang::En);
        let mut without = cv.clone();
        without.personal_info.phone.clear();
        let after = report(&without, Lang::En);
        assert!(
            after.score < before.score,
            "{id}: {} → {}",
            before.score,
            after.score
        );
        let contact = check(&after, "contact");
        assert!(
            contact.suggestion.contains("phone number"),
            "{}",
            contact.suggestion
        );
    }
}

#[test]
fn adding_quantified_bullets_raises_the_score() {
    let mut cv = first_truth("en");
    for e in &mut cv.experience {
        e.achievements = vec!["Handled daily tasks for the team".into()];
    }
    let before = report(&cv, Lang::En);
    let ach = check(&before, "achievements");
    assert!(ach.message.contains("0 of"), "{}", ach.message);
    assert!(
        ach.suggestion.contains("Handled daily tasks"),
        "evidence: {}",
        ach.suggestion
    );
    cv.experience[0]
        .achievements
        .push("Reduced cloud costs by 30% in 6 months".into());
    cv.experience[0]
        .achievements
        .push("Grew active users from 40K to 150K".into());
    let after = report(&cv, Lang::En);
    assert!(
        after.score > before.score,
        "{} → {}",
        before.score,
        after.score
    );
    assert!(check(&after, "achievements").points > ach.points);
}

#[test]
fn the_same_cv_always_gets_the_same_report() {
    for (_, _, cv) in truth_cvs().into_iter().take(6) {
        let doc = document_from_cv(&cv);
        let a = score(&cv, &doc, Lang::Ar);
        for _ in 0..3 {
            let b = score(&cv.clone(), &doc.clone(), Lang::Ar);
            assert_eq!(a.score, b.score);
            assert_eq!(a.checks, b.checks);
            assert_eq!(a.suggestions, b.suggestions);
        }
        assert_eq!(features(&cv, (2026, 11)), features(&cv, (2026, 11)));
    }
}

#[test]
fn random_cvs_always_add_up_and_are_deterministic() {
    let base = truth_cvs();
    let mut rng = Rng::new(0x5eed);
    let mut scores = Vec::new();
    for i in 0..400 {
        let (_, _, cv) = &base[rng.below(base.len())];
        let cv = mutate(cv, &mut rng);
        let lang = if i % 2 == 0 { Lang::En } else { Lang::Ar };
        let r = report(&cv, lang);
        assert_well_formed(&r, &format!("random #{i}"));
        let again = report(&cv, lang);
        assert_eq!(
            (r.score, &r.checks),
            (again.score, &again.checks),
            "random #{i}"
        );
        scores.push(r.score);
    }
    // The variations really differ: the property was tested across the range, not on one score.
    let lo = scores.iter().cloned().fold(f64::MAX, f64::min);
    let hi = scores.iter().cloned().fold(f64::MIN, f64::max);
    assert!(lo < 20.0 && hi > 85.0, "scores from {lo} to {hi}");
}

#[test]
fn messages_follow_the_analysis_language() {
    let english_cv = first_truth("en");
    let arabic_cv = first_truth("ar");
    // An English CV analysed in Arabic: Arabic sentences around the English evidence.
    let r = report(&english_cv, Lang::Ar);
    for c in &r.checks {
        assert!(
            arabic_ratio(&c.message) > 0.3,
            "{}: not Arabic: {}",
            c.id,
            c.message
        );
    }
    let mut weak = english_cv.clone();
    weak.personal_info.phone.clear();
    weak.skills.truncate(2);
    let r = report(&weak, Lang::Ar);
    for s in &r.suggestions {
        assert!(arabic_ratio(s) > 0.3, "suggestion not Arabic: {s}");
    }
    // An Arabic CV analysed in English: no Arabic in the sentences themselves.
    let r = report(&arabic_cv, Lang::En);
    let formatting = check(&r, "formatting");
    assert!(
        formatting.message.contains("section headings"),
        "{}",
        formatting.message
    );
    let mut weak = arabic_cv.clone();
    weak.personal_info.location.clear();
    let r = report(&weak, Lang::En);
    assert_eq!(arabic_ratio(&check(&r, "contact").suggestion), 0.0);
}

#[test]
fn arabic_counts_use_the_right_plural_forms() {
    let mut cv = first_truth("ar");
    let bullet = |n: usize| format!("تنظيم ورشة عمل رقم {n} للفريق");
    let ach_message = |cv: &Cv| check(&report(cv, Lang::Ar), "achievements").message.clone();
    cv.achievements.clear();
    for e in &mut cv.experience {
        e.achievements.clear();
    }
    cv.experience[0].achievements = vec![bullet(1), bullet(2)];
    assert!(
        ach_message(&cv).contains("نقطتا إنجاز"),
        "two: {}",
        ach_message(&cv)
    );
    cv.experience[0].achievements = (1..=3).map(bullet).collect();
    assert!(
        ach_message(&cv).contains("نقاط إنجاز"),
        "few: {}",
        ach_message(&cv)
    );
    cv.experience[0].achievements = (1..=11).map(bullet).collect();
    assert!(
        ach_message(&cv).contains("نقطةَ إنجاز"),
        "many: {}",
        ach_message(&cv)
    );
    cv.experience[0].achievements = (1..=103).map(bullet).collect();
    assert!(
        ach_message(&cv).contains("نقاط إنجاز"),
        "103 is few: {}",
        ach_message(&cv)
    );
    cv.experience[0].achievements = vec![bullet(1)];
    assert!(
        ach_message(&cv).contains("نقطة إنجاز واحدة"),
        "one: {}",
        ach_message(&cv)
    );
}

#[test]
fn unquantified_bullets_are_counted_with_evidence() {
    let mut cv = strong_cv();
    cv.experience[0].achievements = vec![
        "Led the migration to the new data warehouse".into(),
        "Improved data quality checks".into(),
        "Cut report run time by 40%".into(),
    ];
    cv.experience[1].achievements = vec![
        "Worked with store managers".into(),
        "Maintained dashboards since 2019".into(),
    ];
    let r = report(&cv, Lang::En);
    let c = check(&r, "achievements");
    assert!(c.message.contains("1 of 5"), "{}", c.message);
    assert!(c.suggestion.contains("4 of your 5"), "{}", c.suggestion);
    assert!(
        c.suggestion.contains("“Led the migration"),
        "{}",
        c.suggestion
    );
    assert!(c.points < c.max_points);
}

#[test]
fn skills_check_wants_enough_keywords() {
    let mut cv = strong_cv();
    let full = check(&report(&cv, Lang::En), "skills").points;
    cv.skills = vec!["SQL".into(), "Excel".into()];
    let r = report(&cv, Lang::En);
    let two = check(&r, "skills");
    assert!(
        two.points < full / 2.0,
        "2 skills got {} of {full}",
        two.points
    );
    assert!(
        two.message.starts_with("2 skills listed"),
        "{}",
        two.message
    );
    // The jobs mention Python and Power BI: the fix proposes them.
    assert!(two.suggestion.contains("Python"), "{}", two.suggestion);
    cv.skills
        .push("Able to work under pressure in a fast paced environment".into());
    let r = report(&cv, Lang::En);
    assert!(check(&r, "skills").suggestion.contains("like a sentence"));
}

#[test]
fn missing_experience_details_are_named() {
    let mut cv = strong_cv();
    cv.experience[1].start.clear();
    cv.experience[1].period.clear();
    cv.experience[0].company.clear();
    let r = report(&cv, Lang::En);
    let c = check(&r, "experience");
    assert!(c.points < 25.0 && c.points >= 15.0, "{}", c.points);
    assert!(
        c.message.contains("only 0 of them") || c.message.contains("2 jobs"),
        "{}",
        c.message
    );
    assert!(
        c.suggestion.contains("Carrefour Jordan"),
        "dates fix names the job: {}",
        c.suggestion
    );
    assert!(
        c.suggestion.contains("Senior Data Analyst"),
        "company fix names the job: {}",
        c.suggestion
    );
}

#[test]
fn formatting_reads_the_document() {
    let cv = strong_cv();
    let good = document_from_cv(&cv);
    let full = check(&score(&cv, &good, Lang::En), "formatting").clone();
    // Only its length (under 200 words) keeps this short CV from the full 15.
    assert_eq!(full.points, 13.5, "{full:#?}");
    assert!(full.suggestion.contains("words"), "{}", full.suggestion);

    // No headings, a text box the extractor could not read, and the contact details only in a header.
    let mut bad = good.clone();
    for l in &mut bad.lines {
        l.heading_hint = false;
    }
    bad.lines.retain(|l| {
        ![
            "Summary",
            "Experience",
            "Education",
            "Skills",
            "Certifications",
        ]
        .contains(&l.text.as_str())
            && !l.text.contains('@')
    });
    bad.warnings.push(Warning {
        code: "TEXT_IN_IMAGE".into(),
        message: "text inside an image on page 1".into(),
        ..Warning::default()
    });
    let r = score(&cv, &bad, Lang::En);
    let c = check(&r, "formatting");
    assert!(c.points <= 8.0, "{c:#?}");
    assert!(
        c.suggestion.contains("standard heading"),
        "{}",
        c.suggestion
    );
    assert!(
        c.suggestion.contains("text inside an image"),
        "{}",
        c.suggestion
    );
    assert!(
        c.suggestion.contains("not only in the header"),
        "{}",
        c.suggestion
    );
    assert!(r.score < score(&cv, &good, Lang::En).score);

    // Headings styled as headings but not standard ones are named in the advice.
    let mut odd = bad.clone();
    odd.lines.insert(
        3,
        Line {
            text: "My Journey".into(),
            heading_hint: true,
            ..Line::default()
        },
    );
    let c = check(&score(&cv, &odd, Lang::En), "formatting").clone();
    assert!(
        c.suggestion.contains("rename the heading “My Journey”"),
        "{}",
        c.suggestion
    );

    // Mixed date styles are named.
    let mut mixed = cv.clone();
    mixed.experience[1].period = "01/2018 - 01/2021".into();
    let c = check(&report(&mixed, Lang::En), "formatting").clone();
    assert!(
        c.suggestion.contains("month names") && c.suggestion.contains("numbers"),
        "{}",
        c.suggestion
    );

    // Plain text with standard headings and no hints still counts its headings.
    let plain = Document::from_text(&good.text());
    let c = check(&score(&cv, &plain, Lang::En), "formatting").clone();
    assert!(c.message.starts_with("5 section headings"), "{}", c.message);
}

#[test]
fn a_very_long_cv_is_asked_to_be_shorter() {
    let cv = strong_cv();
    let mut doc = document_from_cv(&cv);
    for i in 0..300 {
        doc.lines.push(Line::plain(format!(
            "Additional detail number {i} about a project"
        )));
    }
    doc.pages = 4;
    doc.format = jobgate_core::document::SourceFormat::Pdf;
    let c = check(&score(&cv, &doc, Lang::En), "formatting").clone();
    assert!(
        c.suggestion.contains("1–2 pages") && c.suggestion.contains("4 pages"),
        "{}",
        c.suggestion
    );
}

#[test]
fn features_of_real_cvs() {
    let cv = first_truth("en");
    let f = features(&cv, (2026, 11));
    // Omar: 2016-09 to present without gaps.
    assert_eq!(f.total_years_experience, 10.3, "123 months");
    assert_eq!(f.achievement_count, 6 + cv.achievements.len());
    assert!(f.has_quantifiable_results);
    assert!(
        f.key_skills.len() <= 10 && f.key_skills.contains(&"Go".to_string()),
        "{:?}",
        f.key_skills
    );

    let mut overlap = cv.clone();
    overlap.experience = vec![
        jobgate_core::Experience {
            start: "2018-01".into(),
            end: "2020-12".into(),
            ..Default::default()
        },
        jobgate_core::Experience {
            start: "2020-01".into(),
            end: "2021-12".into(),
            ..Default::default()
        },
        jobgate_core::Experience {
            period: "2015 - 2016".into(),
            ..Default::default()
        },
    ];
    let f = features(&overlap, (2026, 11));
    assert_eq!(
        f.total_years_experience, 6.0,
        "2018–2021 merged plus 2015–2016"
    );
    assert_eq!(f.achievement_count, cv.achievements.len());
}

#[test]
fn key_skills_put_known_skills_first() {
    let cv = Cv {
        skills: vec![
            "Team spirit".into(),
            "js".into(),
            "Python (Django)".into(),
            "بايثون".into(),
            "Excel".into(),
        ],
        ..Cv::default()
    };
    let f = features(&cv, (2026, 1));
    assert_eq!(f.key_skills[0], "JavaScript", "{:?}", f.key_skills);
    assert!(f.key_skills.contains(&"Python".to_string()));
    assert_eq!(
        f.key_skills.iter().filter(|s| *s == "Python").count(),
        1,
        "{:?}",
        f.key_skills
    );
    assert_eq!(f.key_skills.last().map(String::as_str), Some("Team spirit"));
    // No skills list: skills the jobs mention.
    let mut cv = Cv::default();
    cv.experience.push(jobgate_core::Experience {
        achievements: vec!["Built dashboards in Power BI and SQL".into()],
        ..Default::default()
    });
    assert!(!features(&cv, (2026, 1)).key_skills.is_empty());
}

#[test]
fn arabic_results_are_recognised() {
    let mut cv = first_truth("ar");
    for e in &mut cv.experience {
        e.achievements = vec!["مضاعفة عدد العملاء إلى الضعف".into()];
    }
    cv.achievements.clear();
    cv.projects.clear();
    assert!(features(&cv, (2026, 1)).has_quantifiable_results);
    for e in &mut cv.experience {
        e.achievements = vec!["المشاركة في اجتماعات الفريق".into()];
    }
    assert!(!features(&cv, (2026, 1)).has_quantifiable_results);
}

#[test]
fn a_job_match_check_can_be_appended() {
    let cv = strong_cv();
    let mut r = report(&cv, Lang::En);
    let before_contact = check(&r, "contact").points;
    r.add_check(
        AtsCheck {
            id: "job_match".into(),
            passed: false,
            points: 12.0,
            max_points: 20.0,
            message: "7 of 12 job keywords found".into(),
            suggestion: "Add Airflow and dbt if you have used them.".into(),
            ..AtsCheck::default()
        },
        vec![Fix {
            check: String::new(),
            gain: 8.0,
            text: "Add Airflow and dbt if you have used them.".into(),
            phrase: None,
        }],
    );
    assert_well_formed(&r, "with job match");
    assert_eq!(check(&r, "job_match").max_points, 20.0);
    assert_eq!(check(&r, "contact").max_points, 12.0);
    assert!(check(&r, "contact").points <= before_contact);
    assert_eq!(
        r.suggestions[0],
        "Add Airflow and dbt if you have used them."
    );

    // Odd weights still add up exactly.
    let mut odd = report(&mutate(&cv, &mut Rng::new(7)), Lang::Ar);
    odd.add_check(
        AtsCheck {
            id: "job_match".into(),
            points: 3.3,
            max_points: 17.0,
            message: "x".into(),
            suggestion: "y".into(),
            ..Default::default()
        },
        vec![],
    );
    assert_well_formed(&odd, "odd weight");
}

#[test]
fn a_cv_without_a_document_is_judged_as_laid_out() {
    let cv = strong_cv();
    let without = score(&cv, &Document::default(), Lang::En);
    let with = report(&cv, Lang::En);
    assert_eq!(without.score, with.score);
}
