//! Test and bench data: the sample corpus's truth files (JSON Resume, what each person's CV really
//! says) turned into our `Cv`, plus a small deterministic random generator for property tests.

#![allow(dead_code)]

use jobgate_core::dates::DatePoint;
use jobgate_core::{Cv, Education, Experience, LanguageSkill, PersonalInfo, Project};
use serde_json::Value;
use std::path::PathBuf;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus")
}

fn s(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// "2021-03-01" → "2021-03"; "" → "".
fn month(date: &str) -> String {
    date.get(..7).unwrap_or(date).to_string()
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn display(norm: &str) -> String {
    match DatePoint::from_normalized(norm) {
        Some(DatePoint::Month { year, month }) => {
            format!("{} {year}", MONTHS_EN[month as usize - 1])
        }
        Some(DatePoint::Year(y)) => y.to_string(),
        _ => "Present".to_string(),
    }
}

/// One truth file as a structured CV, the way a perfect parser would return it.
pub fn cv_from_json_resume(v: &Value) -> Cv {
    let b = &v["basics"];
    let loc = &b["location"];
    let location = [s(loc, "city"), s(loc, "countryCode")]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut links: Vec<String> = items(b, "profiles").iter().map(|p| s(p, "url")).collect();
    if !s(b, "url").is_empty() {
        links.insert(0, s(b, "url"));
    }
    let experience = items(v, "work")
        .iter()
        .map(|w| {
            let start = month(&s(w, "startDate"));
            let end = if s(w, "endDate").is_empty() {
                "present".to_string()
            } else {
                month(&s(w, "endDate"))
            };
            Experience {
                title: s(w, "position"),
                company: s(w, "name"),
                location: s(w, "location"),
                period: format!("{} – {}", display(&start), display(&end)),
                start,
                end,
                achievements: strings(w, "highlights"),
            }
        })
        .collect();
    let education = items(v, "education")
        .iter()
        .map(|e| {
            let start = s(e, "startDate").get(..4).unwrap_or_default().to_string();
            let end = s(e, "endDate").get(..4).unwrap_or_default().to_string();
            Education {
                degree: s(e, "studyType"),
                field: s(e, "area"),
                school: s(e, "institution"),
                years: format!("{start} – {end}"),
                start,
                end,
                grade: s(e, "score"),
            }
        })
        .collect();
    Cv {
        personal_info: PersonalInfo {
            name: s(b, "name"),
            email: s(b, "email"),
            phone: s(b, "phone"),
            location,
            headline: s(b, "label"),
            links,
        },
        summary: s(b, "summary"),
        experience,
        education,
        skills: items(v, "skills")
            .iter()
            .flat_map(|g| strings(g, "keywords"))
            .collect(),
        achievements: items(v, "awards").iter().map(|a| s(a, "title")).collect(),
        certifications: items(v, "certificates")
            .iter()
            .map(|c| s(c, "name"))
            .collect(),
        languages: items(v, "languages")
            .iter()
            .map(|l| LanguageSkill {
                name: s(l, "language"),
                level: s(l, "fluency"),
            })
            .collect(),
        projects: items(v, "projects")
            .iter()
            .map(|p| Project {
                title: s(p, "name"),
                description: s(p, "description"),
                link: s(p, "url"),
            })
            .collect(),
    }
}

/// Every truth CV of the corpus, with its id and language (`en`, `ar`, `mixed`), sorted by id.
pub fn truth_cvs() -> Vec<(String, String, Cv)> {
    let dir = corpus_dir().join("truth");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus truth folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).expect("read truth"))
                .expect("truth JSON");
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let lang = v["meta"]["language"].as_str().unwrap_or("en").to_string();
            (id, lang, cv_from_json_resume(&v))
        })
        .collect()
}

/// xorshift64*: a tiny deterministic generator, so "random" tests are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A random variation of `cv`: fields dropped, bullets removed or reworded, skills cut, dates mangled.
pub fn mutate(cv: &Cv, rng: &mut Rng) -> Cv {
    let mut c = cv.clone();
    let pi = &mut c.personal_info;
    for f in [&mut pi.name, &mut pi.email, &mut pi.phone, &mut pi.location] {
        if rng.chance(20) {
            f.clear();
        }
    }
    if rng.chance(10) {
        pi.email = "name.at.example".into();
    }
    if rng.chance(10) {
        pi.phone = "12 34".into();
    }
    if rng.chance(15) {
        c.experience.clear();
    }
    for e in &mut c.experience {
        if rng.chance(15) {
            e.title.clear();
        }
        if rng.chance(15) {
            e.company.clear();
        }
        if rng.chance(15) {
            e.start.clear();
            e.period.clear();
        }
        if rng.chance(20) {
            e.period = e.start.clone();
        }
        let keep = rng.below(e.achievements.len() + 1);
        e.achievements.truncate(keep);
        if rng.chance(20) {
            e.achievements
                .push("Worked on many different things with the team".into());
        }
    }
    if rng.chance(20) {
        c.education.clear();
    }
    let keep = rng.below(c.skills.len() + 3);
    c.skills.truncate(keep);
    if rng.chance(15) {
        c.skills
            .push("Able to work under pressure in a fast paced environment".into());
    }
    if rng.chance(10) {
        c = Cv::default();
    }
    c
}
