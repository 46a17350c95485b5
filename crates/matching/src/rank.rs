//! Scoring CVs against a job: seven components (required skills, preferred skills, years of experience,
//! education, languages, job-title fit, the CV's own ATS score), each with points, a maximum and a
//! reason in the user's language; the points add up to the score out of 100.
//!
//! A component the job does not ask about (no preferred skills, no minimum years…) gets no points and
//! no maximum: its weight goes to the others in proportion, so every score is out of 100.
//! **Invariant**: the same job and CVs always give the same ranking (ties: score, then file name).

use crate::job::{EducationLevel, JobSpec, education_level_of, language_names_in};
use crate::terms::{Terms, stems, tokens};
use jobgate_core::i18n::Localizer;
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::fold;
use jobgate_core::{AnalysisResponse, AtsCheck, Cv, DocLanguage, Lang};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Base weights (points out of 100 when the job asks about everything).
const W_REQUIRED: f64 = 40.0;
const W_PREFERRED: f64 = 10.0;
const W_YEARS: f64 = 15.0;
const W_EDUCATION: f64 = 10.0;
const W_LANGUAGES: f64 = 5.0;
const W_TITLE: f64 = 10.0;
const W_ATS: f64 = 10.0;

/// An analysed CV to rank: its file name and its analysis.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub file: String,
    pub analysis: AnalysisResponse,
}

/// One part of a match score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchComponent {
    /// `required_skills`, `preferred_skills`, `experience`, `education`, `languages`, `title`, `ats`.
    pub id: String,
    pub points: f64,
    pub max_points: f64,
    /// What was found, in the user's language.
    pub reason: String,
}

/// One CV's match with a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchResult {
    pub file: String,
    /// The candidate's name as found in the CV.
    pub name: String,
    /// Out of 100: the sum of the components' points.
    pub score: f64,
    /// Required skills the CV has / lacks (canonical names).
    pub matched_skills: Vec<String>,
    pub missing_skills: Vec<String>,
    pub preferred_matched: Vec<String>,
    pub preferred_missing: Vec<String>,
    pub years_experience: f64,
    pub education: Option<EducationLevel>,
    pub languages_matched: Vec<String>,
    pub languages_missing: Vec<String>,
    /// The CV title closest to the job title, and how close (0–1).
    pub best_title: String,
    pub title_fit: f64,
    pub ats_score: f64,
    pub components: Vec<MatchComponent>,
    /// The components' reasons, in order.
    pub reasons: Vec<String>,
}

/// Ranks CVs against a job, best first, reasons in the job description's language.
pub fn rank(job: &JobSpec, cvs: &[Candidate]) -> Vec<MatchResult> {
    rank_in(job, cvs, Lang::for_document(job.language))
}

/// Ranks CVs against a job, best first, reasons in `lang`. Uses every core for large batches.
pub fn rank_in(job: &JobSpec, cvs: &[Candidate], lang: Lang) -> Vec<MatchResult> {
    let prepared = PreparedJob::new(job);
    let one = |c: &Candidate| score_one(&prepared, &c.file, &c.analysis, lang);
    let mut out: Vec<MatchResult> = if cvs.len() >= 32 {
        cvs.par_iter().map(one).collect()
    } else {
        cvs.iter().map(one).collect()
    };
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.file.cmp(&b.file))
    });
    out
}

/// Matches one analysed CV (no ranking).
pub fn match_one(
    job: &JobSpec,
    file: &str,
    analysis: &AnalysisResponse,
    lang: Lang,
) -> MatchResult {
    score_one(&PreparedJob::new(job), file, analysis, lang)
}

/// The job-match line of the analysis view: which of the job's keywords the CV has and which it lacks.
/// Points are the share of keywords found (required ones count double), out of 100; it passes when no
/// required keyword is missing. Shown apart from the ATS score.
pub fn job_match_check(job: &JobSpec, cv: &Cv, lang: Lang) -> AtsCheck {
    let loc = Localizer::get(lang);
    let prepared = PreparedJob::new(job);
    let seen = skills_in_cv(cv);
    let has = |i: &Option<usize>| i.is_some_and(|i| seen[i]);
    let (req_have, req_miss) = split_by(&prepared.required, &job.required_skills, has);
    let (pref_have, pref_miss) = split_by(&prepared.preferred, &job.preferred_skills, has);
    let total = 2 * job.required_skills.len() + job.preferred_skills.len();
    let got = 2 * req_have.len() + pref_have.len();
    let count = job.required_skills.len() + job.preferred_skills.len();
    let matched = req_have.len() + pref_have.len();
    let points = if total == 0 {
        0.0
    } else {
        round1(100.0 * got as f64 / total as f64)
    };
    let message = if count == 0 {
        loc.format("match-check-nothing", &[("x", "")])
    } else if matched == count {
        loc.format_count("match-check-all", count as i64, &[("x", "")])
    } else {
        loc.format_count(
            "match-check-some",
            count as i64,
            &[("matched", matched.to_string())],
        )
    };
    let missing: Vec<String> = req_miss.into_iter().chain(pref_miss).collect();
    let suggestion = if missing.is_empty() {
        String::new()
    } else {
        loc.format(
            "match-check-suggestion",
            &[("missing", labels(&missing, lang))],
        )
    };
    AtsCheck {
        id: "job_match".into(),
        passed: count > 0 && missing_required(&prepared, &seen) == 0,
        points,
        max_points: 100.0,
        message,
        suggestion,
    }
}

fn missing_required(job: &PreparedJob, seen: &[bool]) -> usize {
    job.required
        .iter()
        .filter(|i| !i.is_some_and(|i| seen[i]))
        .count()
}

/// The job with its skills resolved to lexicon positions and its title to concepts, done once per ranking.
struct PreparedJob<'a> {
    job: &'a JobSpec,
    required: Vec<Option<usize>>,
    preferred: Vec<Option<usize>>,
    title_concepts: Vec<String>,
    /// Effective maximum points of each component (0 when the job does not ask about it).
    max: Weights,
}

#[derive(Clone, Copy)]
struct Weights {
    required: f64,
    preferred: f64,
    years: f64,
    education: f64,
    languages: f64,
    title: f64,
    ats: f64,
}

impl<'a> PreparedJob<'a> {
    fn new(job: &'a JobSpec) -> PreparedJob<'a> {
        let lex = SkillLexicon::builtin();
        let idx = |names: &[String]| names.iter().map(|n| lex.index_of(n)).collect::<Vec<_>>();
        let title_concepts = concepts(&job.title);
        let active = |on: bool, w: f64| if on { w } else { 0.0 };
        let mut max = Weights {
            required: active(!job.required_skills.is_empty(), W_REQUIRED),
            preferred: active(!job.preferred_skills.is_empty(), W_PREFERRED),
            years: active(job.min_years.is_some_and(|y| y > 0.0), W_YEARS),
            education: active(job.education.is_some(), W_EDUCATION),
            languages: active(!job.languages.is_empty(), W_LANGUAGES),
            title: active(!title_concepts.is_empty(), W_TITLE),
            ats: W_ATS,
        };
        let sum = max.required
            + max.preferred
            + max.years
            + max.education
            + max.languages
            + max.title
            + max.ats;
        let k = 100.0 / sum;
        for w in [
            &mut max.required,
            &mut max.preferred,
            &mut max.years,
            &mut max.education,
            &mut max.languages,
            &mut max.title,
            &mut max.ats,
        ] {
            *w = round1(*w * k);
        }
        // Rounding the maxima may leave them 0.1 off 100: the ATS part takes the difference.
        let total = max.required
            + max.preferred
            + max.years
            + max.education
            + max.languages
            + max.title
            + max.ats;
        max.ats = round1(max.ats + 100.0 - total);
        PreparedJob {
            job,
            required: idx(&job.required_skills),
            preferred: idx(&job.preferred_skills),
            title_concepts,
            max,
        }
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Splits the job's skills into those the CV has and those it lacks (canonical names, job order).
fn split_by(
    idx: &[Option<usize>],
    names: &[String],
    has: impl Fn(&Option<usize>) -> bool,
) -> (Vec<String>, Vec<String>) {
    let mut yes = Vec::new();
    let mut no = Vec::new();
    for (i, name) in idx.iter().zip(names) {
        if has(i) {
            yes.push(name.clone());
        } else {
            no.push(name.clone());
        }
    }
    (yes, no)
}

/// Every lexicon skill anywhere in the CV (skills list, titles, summary, achievements, projects…).
fn skills_in_cv(cv: &Cv) -> Vec<bool> {
    let lex = SkillLexicon::builtin();
    let mut seen = vec![false; lex.skills().len()];
    let mut text = String::with_capacity(2048);
    let mut add = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    add(&cv.personal_info.headline);
    add(&cv.summary);
    for s in &cv.skills {
        add(s);
    }
    for e in &cv.experience {
        add(&e.title);
        for a in &e.achievements {
            add(a);
        }
    }
    for e in &cv.education {
        add(&e.degree);
        add(&e.field);
    }
    for s in cv.achievements.iter().chain(&cv.certifications) {
        add(s);
    }
    for p in &cv.projects {
        add(&p.title);
        add(&p.description);
    }
    lex.mark_all(&text, &mut seen);
    // A skills-list item is a skill name even in lower case ("go", "excel").
    for s in &cv.skills {
        if let Some(skill) = lex.canonical(s)
            && let Some(i) = lex.index_of(&skill.name)
        {
            seen[i] = true;
        }
    }
    seen
}

/// Title concepts: folded words without seniority and filler, English and Arabic words of the same
/// meaning mapped to one concept.
fn concepts(title: &str) -> Vec<String> {
    let terms = Terms::get();
    let mut out: Vec<String> = Vec::new();
    for w in tokens(&fold(title)) {
        if terms.title_ignore.contains(&w) || w.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        let concept = stems(&w)
            .iter()
            .find_map(|s| {
                terms
                    .roles
                    .get(*s)
                    .or_else(|| s.strip_prefix("ال").and_then(|r| terms.roles.get(r)))
            })
            .map(|n| format!("#{n}"))
            .unwrap_or(w);
        if !out.contains(&concept) {
            out.push(concept);
        }
    }
    out
}

/// Years of experience: the analyser's figure, else the CV's own dated jobs.
fn years_of(r: &AnalysisResponse) -> f64 {
    if r.features.total_years_experience > 0.0 {
        return r.features.total_years_experience;
    }
    use jobgate_core::dates::{DatePoint, total_years};
    let periods: Vec<(DatePoint, Option<DatePoint>)> = r
        .structured_data
        .experience
        .iter()
        .filter_map(|e| {
            let start = DatePoint::from_normalized(&e.start)?;
            Some((start, DatePoint::from_normalized(&e.end)))
        })
        .collect();
    if periods.is_empty() {
        return 0.0;
    }
    (total_years(&periods, today()) * 10.0).round() / 10.0
}

/// (year, month) now, for jobs running to "present" when the analyser gave no figure.
fn today() -> (u16, u8) {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as f64;
    let years = days / 365.2425;
    let year = 1970 + years as u16;
    let month = 1 + ((years.fract() * 12.0) as u8).min(11);
    (year, month)
}

/// Spoken languages of a CV: its language entries, its skills, and the language it is written in.
fn languages_of(r: &AnalysisResponse) -> Vec<String> {
    let cv = &r.structured_data;
    let mut out: Vec<String> = Vec::new();
    for l in &cv.languages {
        out.extend(language_names_in(&l.name));
    }
    // Skills lists sometimes hold the languages too ("Arabic (native)"); only short items can be one.
    for s in cv
        .skills
        .iter()
        .filter(|s| s.split_whitespace().count() <= 3)
    {
        out.extend(language_names_in(s));
    }
    match r.language {
        DocLanguage::En => out.push("English".into()),
        DocLanguage::Ar => out.push("Arabic".into()),
        DocLanguage::Mixed => {
            out.push("English".into());
            out.push("Arabic".into());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Display names of skills in `lang`, joined as a list.
fn labels(names: &[String], lang: Lang) -> String {
    let lex = SkillLexicon::builtin();
    let sep = if lang == Lang::Ar { "، " } else { ", " };
    names
        .iter()
        .map(|n| {
            lex.index_of(n)
                .map(|i| lex.skills()[i].label(lang).to_string())
                .unwrap_or_else(|| n.clone())
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn language_labels(names: &[String], lang: Lang) -> String {
    let loc = Localizer::get(lang);
    let sep = if lang == Lang::Ar { "، " } else { ", " };
    names
        .iter()
        .map(|n| {
            let id = format!("match-language-{}", n.to_lowercase());
            if loc.has(&id) {
                loc.format(&id, &[("x", "")])
            } else {
                n.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}

fn score_one(job: &PreparedJob, file: &str, r: &AnalysisResponse, lang: Lang) -> MatchResult {
    let loc = Localizer::get(lang);
    let cv = &r.structured_data;
    let seen = skills_in_cv(cv);
    let has = |i: &Option<usize>| i.is_some_and(|i| seen[i]);
    let mut components = Vec::with_capacity(7);
    let mut push = |id: &str, points: f64, max: f64, reason: String| {
        components.push(MatchComponent {
            id: id.into(),
            points: round1(points.clamp(0.0, max)),
            max_points: max,
            reason,
        });
    };

    // Required skills.
    let (matched, missing) = split_by(&job.required, &job.job.required_skills, has);
    if job.max.required > 0.0 {
        let count = job.required.len();
        let reason = if missing.is_empty() {
            loc.format_count(
                "match-required-all",
                count as i64,
                &[("skills", labels(&matched, lang))],
            )
        } else if matched.is_empty() {
            loc.format_count(
                "match-required-none",
                count as i64,
                &[("missing", labels(&missing, lang))],
            )
        } else {
            loc.format_count(
                "match-required-some",
                count as i64,
                &[
                    ("matched", matched.len().to_string()),
                    ("missing", labels(&missing, lang)),
                ],
            )
        };
        let pts = job.max.required * matched.len() as f64 / count as f64;
        push("required_skills", pts, job.max.required, reason);
    }

    // Preferred skills.
    let (pref_have, pref_miss) = split_by(&job.preferred, &job.job.preferred_skills, has);
    if job.max.preferred > 0.0 {
        let count = job.preferred.len();
        let reason = if pref_have.is_empty() {
            loc.format_count(
                "match-preferred-none",
                count as i64,
                &[("missing", labels(&pref_miss, lang))],
            )
        } else {
            loc.format_count(
                "match-preferred-some",
                count as i64,
                &[
                    ("matched", pref_have.len().to_string()),
                    ("skills", labels(&pref_have, lang)),
                ],
            )
        };
        let pts = job.max.preferred * pref_have.len() as f64 / count as f64;
        push("preferred_skills", pts, job.max.preferred, reason);
    }

    // Years of experience.
    let years = years_of(r);
    if job.max.years > 0.0 {
        let asked = job.job.min_years.unwrap_or(0.0);
        let args = [("years", number(years)), ("asked", number(asked))];
        let count = asked.ceil() as i64;
        let reason = if years <= 0.0 {
            loc.format_count("match-years-unknown", count, &args)
        } else if years >= asked {
            loc.format_count("match-years-enough", count, &args)
        } else {
            loc.format_count("match-years-short", count, &args)
        };
        let pts = job.max.years * (years / asked).min(1.0);
        push("experience", pts, job.max.years, reason);
    }

    // Education.
    let has_education = !cv.education.is_empty();
    let level = cv
        .education
        .iter()
        .filter_map(|e| education_level_of(&format!("{} {}", e.degree, e.field)))
        .max();
    if let Some(asked) = job.job.education {
        let asked_name = loc.format(asked.message_id(), &[("x", "")]);
        let (fraction, reason) = match level {
            Some(l) if l >= asked => (
                1.0,
                loc.format(
                    "match-education-ok",
                    &[
                        ("level", loc.format(l.message_id(), &[("x", "")])),
                        ("asked", asked_name),
                    ],
                ),
            ),
            Some(l) => (
                if (asked as i32 - l as i32) == 1 {
                    0.5
                } else {
                    0.0
                },
                loc.format(
                    "match-education-short",
                    &[
                        ("level", loc.format(l.message_id(), &[("x", "")])),
                        ("asked", asked_name),
                    ],
                ),
            ),
            None if has_education => (
                0.5,
                loc.format("match-education-unknown", &[("asked", asked_name)]),
            ),
            None => (
                0.0,
                loc.format("match-education-none", &[("asked", asked_name)]),
            ),
        };
        push(
            "education",
            job.max.education * fraction,
            job.max.education,
            reason,
        );
    }

    // Languages.
    let spoken = languages_of(r);
    let (lang_have, lang_miss): (Vec<String>, Vec<String>) = job
        .job
        .languages
        .iter()
        .cloned()
        .partition(|l| spoken.contains(l));
    if job.max.languages > 0.0 {
        let reason = if lang_miss.is_empty() {
            loc.format(
                "match-languages-all",
                &[("languages", language_labels(&lang_have, lang))],
            )
        } else {
            loc.format_count(
                "match-languages-missing",
                lang_miss.len() as i64,
                &[("missing", language_labels(&lang_miss, lang))],
            )
        };
        let pts = job.max.languages * lang_have.len() as f64 / job.job.languages.len() as f64;
        push("languages", pts, job.max.languages, reason);
    }

    // Job-title fit: the closest of the headline and the job titles (older jobs count 0.8).
    let mut best_title = String::new();
    let mut title_fit: f64 = 0.0;
    if !job.title_concepts.is_empty() {
        let sources = std::iter::once((&cv.personal_info.headline, 1.0)).chain(
            cv.experience
                .iter()
                .enumerate()
                .map(|(i, e)| (&e.title, if i == 0 { 1.0 } else { 0.8 })),
        );
        for (title, weight) in sources {
            if title.trim().is_empty() {
                continue;
            }
            let c = concepts(title);
            let shared = job.title_concepts.iter().filter(|x| c.contains(x)).count();
            let fit = weight * shared as f64 / job.title_concepts.len() as f64;
            if fit > title_fit + 1e-9 {
                title_fit = fit;
                best_title = title.clone();
            }
        }
        title_fit = (title_fit * 100.0).round() / 100.0;
        let reason = if title_fit > 0.0 {
            loc.format(
                "match-title-fit",
                &[
                    ("cv_title", best_title.as_str()),
                    ("job_title", job.job.title.as_str()),
                    (
                        "percent",
                        &format!("{}", (title_fit * 100.0).round() as i64),
                    ),
                ],
            )
        } else {
            loc.format("match-title-none", &[("job_title", job.job.title.as_str())])
        };
        push("title", job.max.title * title_fit, job.max.title, reason);
    }

    // The CV's own ATS score.
    let ats = r.ats_score.clamp(0.0, 100.0);
    push(
        "ats",
        job.max.ats * ats / 100.0,
        job.max.ats,
        loc.format("match-ats", &[("score", number(round1(ats)))]),
    );

    let score = round1(components.iter().map(|c| c.points).sum());
    let reasons = components.iter().map(|c| c.reason.clone()).collect();
    MatchResult {
        file: file.to_string(),
        name: cv.personal_info.name.clone(),
        score,
        matched_skills: matched,
        missing_skills: missing,
        preferred_matched: pref_have,
        preferred_missing: pref_miss,
        years_experience: years,
        education: level,
        languages_matched: lang_have,
        languages_missing: lang_miss,
        best_title,
        title_fit,
        ats_score: r.ats_score,
        components,
        reasons,
    }
}
