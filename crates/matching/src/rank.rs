//! Scoring CVs against a job: seven components (required skills, preferred skills, years of experience,
//! education, languages, job-title fit, the CV's own ATS score), each with points, a maximum and a
//! reason in the user's language; the points add up to the score out of 100.
//!
//! A component the job does not ask about (no preferred skills, no minimum years…) gets no points and
//! no maximum: its weight goes to the others in proportion, so every score is out of 100.
//! **Invariant**: the same job and CVs always give the same ranking (ties: score, then file name).
//!
//! Everything that depends on the job only (its skills' lexicon positions and labels, its title's
//! concepts, the names of levels and languages in the user's language) is prepared once per ranking
//! ([`PreparedJob`]); per CV only the CV is read.

use crate::job::{EducationLevel, JobSpec, education_level_of, language_names_in};
use crate::terms::{Terms, stems, tokens};
use jobgate_core::i18n::Localizer;
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::fold;
use jobgate_core::{AnalysisResponse, Arg, AtsCheck, Cv, DocLanguage, Lang, Phrase};
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatchComponent {
    /// `required_skills`, `preferred_skills`, `experience`, `education`, `languages`, `title`, `ats`.
    pub id: String,
    pub points: f64,
    pub max_points: f64,
    /// What was found, in the user's language.
    pub reason: String,
    /// `reason` kept as a code with arguments, so the match can be said again in another language
    /// without being worked out again ([`MatchResult::localize`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_phrase: Option<Phrase>,
}

/// One CV's match with a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl MatchResult {
    /// Puts the reasons into `lang` from their phrases (a reason without one keeps its words).
    pub fn localize(&mut self, lang: Lang) {
        for c in &mut self.components {
            if let Some(p) = &c.reason_phrase {
                c.reason = p.render(lang);
            }
        }
        self.reasons = self.components.iter().map(|c| c.reason.clone()).collect();
    }
}

/// Ranks CVs against a job, best first, reasons in the job description's language.
pub fn rank(job: &JobSpec, cvs: &[Candidate]) -> Vec<MatchResult> {
    rank_in(job, cvs, Lang::for_document(job.language))
}

/// Ranks CVs against a job, best first, reasons in `lang`. Uses every core for large batches.
pub fn rank_in(job: &JobSpec, cvs: &[Candidate], lang: Lang) -> Vec<MatchResult> {
    let prepared = PreparedJob::new(job, lang);
    let one = |c: &Candidate| prepared.score(&c.file, &c.analysis);
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
    PreparedJob::new(job, lang).score(file, analysis)
}

/// The job-match line of the analysis view: which of the job's keywords the CV has and which it lacks.
/// Points are the share of keywords found (required ones count double), out of 100; it passes when no
/// required keyword is missing. Shown apart from the ATS score.
pub fn job_match_check(job: &JobSpec, cv: &Cv, lang: Lang) -> AtsCheck {
    let prepared = PreparedJob::new(job, lang);
    let seen = skills_in_cv(cv);
    let (req_have, req_miss) = split(&prepared.required, &seen);
    let (pref_have, pref_miss) = split(&prepared.preferred, &seen);
    let total = 2 * prepared.required.len() + prepared.preferred.len();
    let got = 2 * req_have.len() + pref_have.len();
    let count = prepared.required.len() + prepared.preferred.len();
    let matched = req_have.len() + pref_have.len();
    let points = if total == 0 {
        0.0
    } else {
        round1(100.0 * got as f64 / total as f64)
    };
    let message = if count == 0 {
        Phrase::new("match-check-nothing")
    } else if matched == count {
        Phrase::new("match-check-all").count(count)
    } else {
        Phrase::new("match-check-some")
            .count(count)
            .value("matched", matched)
    };
    let missing: Vec<&JobSkill> = req_miss.iter().chain(&pref_miss).copied().collect();
    let suggestion = if missing.is_empty() {
        Vec::new()
    } else {
        // The skills' names are the lexicon's, in the reader's language.
        vec![Phrase::new("match-check-suggestion").arg(
            "missing",
            Arg::List {
                items: missing.iter().map(|s| s.term.clone()).collect(),
                more: false,
            },
        )]
    };
    let mut check = AtsCheck {
        id: "job_match".into(),
        passed: count > 0 && req_miss.is_empty(),
        points,
        max_points: 100.0,
        message_phrase: Some(message),
        suggestion_phrases: suggestion,
        ..AtsCheck::default()
    };
    check.localize(prepared.lang);
    check
}

/// One of the job's skills: its position in the lexicon, canonical name and label in the user's language.
struct JobSkill {
    /// The lexicon skills that meet it: one, or several for a choice ("Tableau or Power BI").
    indices: Vec<usize>,
    /// The canonical names, the first for a single skill.
    names: Vec<String>,
    /// Its name in either language (a choice: "Tableau or Power BI"), for the reasons.
    term: Arg,
}

/// A word of a title: a concept shared by English and Arabic words, or a word compared as it is.
#[derive(PartialEq)]
enum Concept {
    Role(usize),
    Word(String),
}

/// The job with everything that does not depend on the CV worked out, once per ranking.
struct PreparedJob<'a> {
    job: &'a JobSpec,
    lang: Lang,
    loc: &'static Localizer,
    required: Vec<JobSkill>,
    preferred: Vec<JobSkill>,
    title_concepts: Vec<Concept>,
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

impl Weights {
    fn all_mut(&mut self) -> [&mut f64; 7] {
        [
            &mut self.required,
            &mut self.preferred,
            &mut self.years,
            &mut self.education,
            &mut self.languages,
            &mut self.title,
            &mut self.ats,
        ]
    }

    fn total(mut self) -> f64 {
        self.all_mut().into_iter().map(|w| *w).sum()
    }

    /// Scaled so they add up to 100 (one decimal); the ATS part takes what rounding leaves over.
    fn out_of_100(mut self) -> Weights {
        let k = 100.0 / self.total();
        for w in self.all_mut() {
            *w = round1(*w * k);
        }
        self.ats = round1(self.ats + 100.0 - self.total());
        self
    }
}

impl<'a> PreparedJob<'a> {
    fn new(job: &'a JobSpec, lang: Lang) -> PreparedJob<'a> {
        let lex = SkillLexicon::builtin();
        let loc = Localizer::get(lang);
        let skills = |names: &[String]| -> Vec<JobSkill> {
            let mut out: Vec<JobSkill> = Vec::new();
            for n in names {
                // A choice is one requirement, at the place of its first skill.
                let group = job
                    .alternatives
                    .iter()
                    .find(|g| g.contains(n) && g.iter().all(|s| names.contains(s)));
                match group {
                    Some(g) if g[0] != *n => continue,
                    Some(g) => {
                        let terms: Vec<Arg> = g.iter().map(|s| term(job, s)).collect();
                        out.push(JobSkill {
                            indices: g.iter().filter_map(|s| lex.index_of(s)).collect(),
                            names: g.clone(),
                            term: either_phrase(terms),
                        });
                    }
                    None => out.push(JobSkill {
                        indices: lex.index_of(n).into_iter().collect(),
                        names: vec![n.clone()],
                        term: term(job, n),
                    }),
                }
            }
            out
        };
        let title_concepts = concepts(&job.title);
        let active = |on: bool, w: f64| if on { w } else { 0.0 };
        let max = Weights {
            required: active(!job.required_skills.is_empty(), W_REQUIRED),
            preferred: active(!job.preferred_skills.is_empty(), W_PREFERRED),
            years: active(job.min_years.is_some_and(|y| y > 0.0), W_YEARS),
            education: active(job.education.is_some(), W_EDUCATION),
            languages: active(!job.languages.is_empty(), W_LANGUAGES),
            title: active(!title_concepts.is_empty(), W_TITLE),
            ats: W_ATS,
        }
        .out_of_100();
        PreparedJob {
            job,
            lang,
            loc,
            required: skills(&job.required_skills),
            preferred: skills(&job.preferred_skills),
            title_concepts,
            max,
        }
    }

    /// The skills' names, as a list argument.
    fn labels(&self, skills: &[&JobSkill]) -> Arg {
        Arg::List {
            items: skills.iter().map(|s| s.term.clone()).collect(),
            more: false,
        }
    }

    /// Spoken-language names, as a list argument: a language Job Gate can name in every language
    /// by its message, any other as the job wrote it.
    fn language_labels(&self, names: &[String]) -> Arg {
        Arg::List {
            items: names
                .iter()
                .map(|n| {
                    let id = format!("match-language-{}", n.to_lowercase());
                    if self.loc.has(&id) {
                        Arg::Phrase(Box::new(Phrase::new(id)))
                    } else {
                        Arg::Cv(n.clone())
                    }
                })
                .collect(),
            more: false,
        }
    }

    fn score(&self, file: &str, r: &AnalysisResponse) -> MatchResult {
        let job = self.job;
        let cv = &r.structured_data;
        let seen = skills_in_cv(cv);
        let mut components = Vec::with_capacity(7);
        let lang = self.lang;
        let mut push = |id: &str, points: f64, max: f64, reason: Phrase| {
            components.push(MatchComponent {
                id: id.into(),
                points: round1(points.clamp(0.0, max)),
                max_points: max,
                reason: reason.render(lang),
                reason_phrase: Some(reason),
            });
        };

        // Required skills.
        let (matched, missing) = split(&self.required, &seen);
        if self.max.required > 0.0 {
            let count = self.required.len();
            let reason = if missing.is_empty() {
                Phrase::new("match-required-all")
                    .count(count)
                    .arg("skills", self.labels(&matched))
            } else if matched.is_empty() {
                Phrase::new("match-required-none")
                    .count(count)
                    .arg("missing", self.labels(&missing))
            } else {
                Phrase::new("match-required-some")
                    .count(count)
                    .value("matched", matched.len())
                    .arg("missing", self.labels(&missing))
            };
            let pts = self.max.required * matched.len() as f64 / count as f64;
            push("required_skills", pts, self.max.required, reason);
        }

        // Preferred skills.
        let (pref_have, pref_miss) = split(&self.preferred, &seen);
        if self.max.preferred > 0.0 {
            let count = self.preferred.len();
            let reason = if pref_have.is_empty() {
                Phrase::new("match-preferred-none")
                    .count(count)
                    .arg("missing", self.labels(&pref_miss))
            } else {
                Phrase::new("match-preferred-some")
                    .count(count)
                    .value("matched", pref_have.len())
                    .arg("skills", self.labels(&pref_have))
            };
            let pts = self.max.preferred * pref_have.len() as f64 / count as f64;
            push("preferred_skills", pts, self.max.preferred, reason);
        }

        // Years of experience.
        let years = years_of(r);
        if self.max.years > 0.0 {
            let asked = job.min_years.unwrap_or(0.0);
            let id = if years <= 0.0 {
                "match-years-unknown"
            } else if years >= asked {
                "match-years-enough"
            } else {
                "match-years-short"
            };
            let reason = Phrase::new(id)
                .arg("count", Arg::Count(asked.ceil() as i64))
                .value("years", number(years))
                .value("asked", number(asked));
            let pts = self.max.years * (years / asked).min(1.0);
            push("experience", pts, self.max.years, reason);
        }

        // Education.
        let level = cv
            .education
            .iter()
            .filter_map(|e| education_level_of(&format!("{} {}", e.degree, e.field)))
            .max();
        if let Some(asked) = job.education {
            let (fraction, id) = match level {
                Some(l) if l >= asked => (1.0, "match-education-ok"),
                Some(l) if asked as i32 - l as i32 == 1 => (0.5, "match-education-short"),
                Some(_) => (0.0, "match-education-short"),
                None if !cv.education.is_empty() => (0.5, "match-education-unknown"),
                None => (0.0, "match-education-none"),
            };
            let mut reason = Phrase::new(id).phrase("asked", Phrase::new(asked.message_id()));
            if let Some(l) = level {
                reason = reason.phrase("level", Phrase::new(l.message_id()));
            }
            push(
                "education",
                self.max.education * fraction,
                self.max.education,
                reason,
            );
        }

        // Languages.
        let (lang_have, lang_miss): (Vec<String>, Vec<String>) = if job.languages.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let spoken = languages_of(r, &job.languages);
            job.languages
                .iter()
                .cloned()
                .partition(|l| spoken.contains(l))
        };
        if self.max.languages > 0.0 {
            let reason = if lang_miss.is_empty() {
                Phrase::new("match-languages-all")
                    .arg("languages", self.language_labels(&lang_have))
            } else {
                Phrase::new("match-languages-missing")
                    .count(lang_miss.len())
                    .arg("missing", self.language_labels(&lang_miss))
            };
            let pts = self.max.languages * lang_have.len() as f64 / job.languages.len() as f64;
            push("languages", pts, self.max.languages, reason);
        }

        // Job-title fit: the closest of the headline and the job titles (older jobs count 0.8).
        let mut best_title = String::new();
        let mut title_fit: f64 = 0.0;
        if !self.title_concepts.is_empty() {
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
                let shared = self.title_concepts.iter().filter(|x| c.contains(x)).count();
                let fit = weight * shared as f64 / self.title_concepts.len() as f64;
                if fit > title_fit + 1e-9 {
                    title_fit = fit;
                    best_title = title.clone();
                }
            }
            title_fit = (title_fit * 100.0).round() / 100.0;
            let reason = if title_fit > 0.0 {
                Phrase::new("match-title-fit")
                    .cv("cv_title", best_title.as_str())
                    .cv("job_title", job.title.as_str())
                    .value("percent", (title_fit * 100.0).round() as i64)
            } else {
                Phrase::new("match-title-none").cv("job_title", job.title.as_str())
            };
            push("title", self.max.title * title_fit, self.max.title, reason);
        }

        // The CV's own ATS score.
        let ats = r.ats_score.clamp(0.0, 100.0);
        push(
            "ats",
            self.max.ats * ats / 100.0,
            self.max.ats,
            Phrase::new("match-ats").value("score", number(round1(ats))),
        );

        let score = round1(components.iter().map(|c| c.points).sum());
        let reasons = components.iter().map(|c| c.reason.clone()).collect();
        MatchResult {
            file: file.to_string(),
            name: cv.personal_info.name.clone(),
            score,
            matched_skills: names(&matched, &seen),
            missing_skills: names(&missing, &seen),
            preferred_matched: names(&pref_have, &seen),
            preferred_missing: names(&pref_miss, &seen),
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
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Splits the job's skills into those the CV has (`seen`, indexed like the lexicon) and those it lacks,
/// in the job's order.
fn split<'s>(skills: &'s [JobSkill], seen: &[bool]) -> (Vec<&'s JobSkill>, Vec<&'s JobSkill>) {
    skills
        .iter()
        .partition(|s| s.indices.iter().any(|&i| seen[i]))
}

/// The canonical names of requirements met (of a choice, the skills the CV has) or missed (all of it).
fn names(skills: &[&JobSkill], seen: &[bool]) -> Vec<String> {
    let lex = SkillLexicon::builtin();
    let mut out = Vec::new();
    for s in skills {
        let had: Vec<&String> = s
            .names
            .iter()
            .filter(|n| lex.index_of(n).is_some_and(|i| seen[i]))
            .collect();
        if had.is_empty() {
            out.extend(s.names.iter().cloned());
        } else {
            out.extend(had.into_iter().cloned());
        }
    }
    out
}

/// A skill of the job by its name in either language.
fn term(job: &JobSpec, name: &str) -> Arg {
    Arg::Term {
        en: job.skill_label(name, Lang::En),
        ar: job.skill_label(name, Lang::Ar),
    }
}

/// A choice of skills as an argument ("Tableau or Power BI"), said in the reader's language.
fn either_phrase(mut terms: Vec<Arg>) -> Arg {
    match terms.len() {
        0 => Arg::Value(String::new()),
        1 => terms.remove(0),
        _ => {
            let last = terms.pop().unwrap_or(Arg::Value(String::new()));
            Arg::Phrase(Box::new(
                Phrase::new("match-skills-either")
                    .arg(
                        "skills",
                        Arg::List {
                            items: terms,
                            more: false,
                        },
                    )
                    .arg("last", last),
            ))
        }
    }
}

/// Every lexicon skill anywhere in the CV (skills list, titles, summary, achievements, projects…).
fn skills_in_cv(cv: &Cv) -> Vec<bool> {
    let lex = SkillLexicon::builtin();
    let mut seen = vec![false; lex.skills().len()];
    let text = cv.text();
    lex.mark_all(&text, &mut seen);
    // A skills-list item is a skill name even in lower case ("go", "excel").
    for s in &cv.skills {
        if let Some(i) = lex.canonical_index(s) {
            seen[i] = true;
        }
    }
    seen
}

/// Title concepts: folded words without seniority and filler, English and Arabic words of the same
/// meaning mapped to one concept.
fn concepts(title: &str) -> Vec<Concept> {
    let terms = Terms::get();
    let mut out: Vec<Concept> = Vec::new();
    for w in tokens(&fold(title)) {
        if terms.title_ignore.contains(&w) || w.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        let role = stems(&w).iter().find_map(|s| {
            terms
                .roles
                .get(*s)
                .or_else(|| s.strip_prefix("ال").and_then(|r| terms.roles.get(r)))
                .copied()
        });
        let concept = match role {
            Some(n) => Concept::Role(n),
            None => Concept::Word(w),
        };
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

/// Which of the `wanted` spoken languages a CV shows: the language it is written in, its language
/// entries, and its skills (short items only: "Arabic (native)").
fn languages_of(r: &AnalysisResponse, wanted: &[String]) -> Vec<String> {
    let mut out: Vec<String> = match r.language {
        DocLanguage::En => vec!["English".into()],
        DocLanguage::Ar => vec!["Arabic".into()],
        DocLanguage::Mixed => vec!["English".into(), "Arabic".into()],
    };
    let cv = &r.structured_data;
    let texts = cv.languages.iter().map(|l| l.name.as_str()).chain(
        cv.skills
            .iter()
            .filter(|s| s.split_whitespace().count() <= 3)
            .map(String::as_str),
    );
    for text in texts {
        if wanted.iter().all(|w| out.contains(w)) {
            break;
        }
        let names = language_names_in(text, |n| {
            wanted.iter().any(|w| w == n) && !out.iter().any(|o| o == n)
        });
        out.extend(names);
    }
    out
}

fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}
