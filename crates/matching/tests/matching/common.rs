//! Shared helpers: fixture paths, truth data (JSON Resume) turned into analyses, the job/CV pairs.

use jobgate_core::{
    AnalysisResponse, Cv, DocLanguage, Education, Experience, LanguageSkill, PersonalInfo,
};
use serde_json::Value;
use std::path::PathBuf;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn job_path(name: &str) -> PathBuf {
    fixtures().join("jobs").join(name)
}

pub fn job(name: &str) -> jobgate_matching::JobSpec {
    jobgate_matching::load_job(&job_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Each job description and the corpus person it was written for.
pub const CASES: [(&str, &str); 16] = [
    ("backend_engineer_en.txt", "001"),
    ("registered_nurse_en.txt", "002"),
    ("accountant_en.txt", "003"),
    ("structural_engineer_en.txt", "005"),
    ("ux_designer_en.txt", "007"),
    ("digital_marketing_en.txt", "010"),
    ("math_teacher_en.txt", "011"),
    ("supply_chain_en.txt", "012"),
    ("security_engineer_en.txt", "013"),
    ("construction_pm_en.txt", "014"),
    ("software_engineer_ar.txt", "028"),
    ("accountant_ar.txt", "029"),
    ("icu_nurse_ar.txt", "030"),
    ("arabic_teacher_ar.txt", "031"),
    ("civil_engineer_ar.txt", "032"),
    ("fullstack_developer_ar.txt", "038"),
];

fn s(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

fn list(v: &Value, k: &str) -> Vec<Value> {
    v.get(k)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// A corpus person's truth file as if a perfect parser had read it (ATS score fixed at 70).
pub fn truth_analysis(id: &str) -> AnalysisResponse {
    let path = fixtures().join(format!("corpus/truth/{id}.json"));
    let t: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let b = &t["basics"];
    let cv = Cv {
        personal_info: PersonalInfo {
            name: s(b, "name"),
            email: s(b, "email"),
            phone: s(b, "phone"),
            headline: s(b, "label"),
            ..PersonalInfo::default()
        },
        summary: s(b, "summary"),
        experience: list(&t, "work")
            .iter()
            .map(|w| Experience {
                title: s(w, "position"),
                company: s(w, "name"),
                start: s(w, "startDate").chars().take(7).collect(),
                end: match s(w, "endDate") {
                    e if e.is_empty() => "present".into(),
                    e => e.chars().take(7).collect(),
                },
                achievements: list(w, "highlights")
                    .iter()
                    .filter_map(|h| h.as_str().map(str::to_string))
                    .collect(),
                ..Experience::default()
            })
            .collect(),
        education: list(&t, "education")
            .iter()
            .map(|e| Education {
                degree: s(e, "studyType"),
                field: s(e, "area"),
                school: s(e, "institution"),
                ..Education::default()
            })
            .collect(),
        skills: list(&t, "skills")
            .iter()
            .flat_map(|g| list(g, "keywords"))
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
        languages: list(&t, "languages")
            .iter()
            .map(|l| LanguageSkill {
                name: s(l, "language"),
                level: s(l, "fluency"),
            })
            .collect(),
        certifications: list(&t, "certificates")
            .iter()
            .map(|c| s(c, "name"))
            .collect(),
        ..Cv::default()
    };
    let language = match s(&t["meta"], "language").as_str() {
        "ar" => DocLanguage::Ar,
        "mixed" => DocLanguage::Mixed,
        _ => DocLanguage::En,
    };
    AnalysisResponse {
        structured_data: cv,
        ats_score: 70.0,
        language,
        ..AnalysisResponse::default()
    }
}

/// The ids of every person in the corpus.
pub fn corpus_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(fixtures().join("corpus/truth"))
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    ids.sort();
    ids
}
