//! Job description parsing, English and Arabic, and reading job files.

use crate::common::{job, job_path};
use jobgate_core::{DocLanguage, ErrorCode};
use jobgate_matching::{EducationLevel, parse_job};

fn has(list: &[String], want: &[&str]) {
    for w in want {
        assert!(list.iter().any(|s| s == w), "{w} not in {list:?}");
    }
}

fn lacks(list: &[String], unwanted: &[&str]) {
    for w in unwanted {
        assert!(
            !list.iter().any(|s| s == w),
            "{w} should not be in {list:?}"
        );
    }
}

#[test]
fn english_job_with_sections() {
    let j = job("backend_engineer_en.txt");
    assert_eq!(j.title, "Senior Backend Engineer");
    assert_eq!(j.language, DocLanguage::En);
    has(
        &j.required_skills,
        &[
            "Go",
            "Python",
            "SQL",
            "Docker",
            "Kubernetes",
            "PostgreSQL",
            "Redis",
            "Microservices",
            "CI/CD",
        ],
    );
    has(&j.preferred_skills, &["Terraform", "Kafka"]);
    lacks(&j.required_skills, &["Terraform", "Kafka"]);
    assert_eq!(j.min_years, Some(5.0));
    assert_eq!(j.education, Some(EducationLevel::Bachelor));
    has(&j.languages, &["English", "Arabic"]);
}

#[test]
fn english_inline_cues_override_the_section() {
    let j = parse_job(
        "Data Analyst\nRequirements:\n- SQL and Tableau required, Python is a plus\n- Master's degree preferred; Bachelor's degree in Statistics\n- 2 to 4 years of experience",
    );
    assert_eq!(j.title, "Data Analyst");
    has(&j.required_skills, &["SQL", "Tableau"]);
    has(&j.preferred_skills, &["Python"]);
    lacks(&j.required_skills, &["Python"]);
    assert_eq!(j.min_years, Some(2.0));
    assert_eq!(j.education, Some(EducationLevel::Bachelor));
}

#[test]
fn arabic_job_with_sections() {
    let j = job("software_engineer_ar.txt");
    assert_eq!(j.title, "مهندس برمجيات أول");
    assert_eq!(j.language, DocLanguage::Ar);
    has(
        &j.required_skills,
        &[
            "Java",
            "Spring Boot",
            "Oracle Database",
            "PostgreSQL",
            "JavaScript",
            "Teamwork",
            "Problem Solving",
        ],
    );
    has(&j.preferred_skills, &["Docker", "Microservices"]);
    lacks(&j.required_skills, &["Docker"]);
    assert_eq!(j.min_years, Some(5.0));
    assert_eq!(j.education, Some(EducationLevel::Bachelor));
    assert_eq!(j.languages, vec!["English".to_string()]);
}

#[test]
fn arabic_cues_words_for_numbers_and_labels() {
    let j = job("accountant_ar.txt");
    assert_eq!(j.title, "محاسب أول");
    has(
        &j.required_skills,
        &["IFRS", "Zakat", "Tax", "Internal Audit", "SAP", "Excel"],
    );
    has(&j.preferred_skills, &["SOCPA"]);
    assert_eq!(j.min_years, Some(3.0), "ثلاث سنوات");
    has(&j.languages, &["English"]);

    let j = parse_job(
        "مطلوب محاسب\nيشترط إتقان اكسل، ويفضل معرفة بايثون\nخبرة لا تقل عن سنتين\nدرجة الماجستير في المحاسبة",
    );
    assert_eq!(j.title, "محاسب");
    has(&j.required_skills, &["Excel"]);
    has(&j.preferred_skills, &["Python"]);
    assert_eq!(j.min_years, Some(2.0));
    assert_eq!(j.education, Some(EducationLevel::Master));
}

#[test]
fn synonyms_and_arabic_spellings_become_canonical_skills() {
    let j = parse_job("Frontend Developer\nMust have: JS, ReactJS, جافاسكريبت, HTML5");
    assert_eq!(
        j.required_skills,
        vec!["Front-end Development", "JavaScript", "React", "HTML"]
    );
}

#[test]
fn country_names_are_not_languages_but_language_lines_are() {
    let j =
        parse_job("محاسب\nالعمل في المملكة العربية السعودية\nالمتطلبات\n- إجادة اللغة الإنجليزية");
    assert_eq!(j.languages, vec!["English".to_string()]);
}

#[test]
fn job_files_text_encodings_and_errors() {
    let dir = std::env::temp_dir().join(format!("jobgate-match-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // UTF-16 with a byte order mark, as Windows Notepad saves it.
    let text = std::fs::read_to_string(job_path("accountant_en.txt")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = dir.join("utf16.txt");
    std::fs::write(&p, &utf16).unwrap();
    let j = jobgate_matching::load_job(&p).unwrap();
    assert_eq!(j.title, "Accounting Manager");
    has(&j.required_skills, &["CPA", "GAAP"]);

    let bin = dir.join("image.png");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0xD8]).unwrap();
    let e = jobgate_matching::load_job(&bin).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnsupportedFileType);

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    assert_eq!(
        jobgate_matching::load_job(&empty).unwrap_err().code(),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        jobgate_matching::load_job(&dir.join("nope.txt"))
            .unwrap_err()
            .code(),
        ErrorCode::FileNotFound
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn a_job_file_that_is_a_device_or_too_large_is_refused_not_read() {
    let e = jobgate_matching::load_job(std::path::Path::new("/dev/zero")).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnsupportedFileType);
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("job.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(jobgate_core::error::MAX_FILE_BYTES + 1)
        .unwrap();
    let e = jobgate_matching::load_job(&big).unwrap_err();
    assert_eq!(e.code(), ErrorCode::FileTooLarge);
}
