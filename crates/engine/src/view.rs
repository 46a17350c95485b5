//! What the front ends show, decided once: the engine's view models, used alike by the CLI's report
//! and the app's screens, which only lay them out.
//!
//! - [`analysis_in`]: a (possibly stored) analysis with every message in the reader's language. An
//!   analysis stored before messages were kept as codes is re-derived from its `structured_data`.
//! - [`ScoreBand`]: the band of a score (good, fair, poor) and its label, for the ATS score and for a
//!   Match score.
//! - [`match_view`]: the Match screen's job summary and ranked rows (rank, score and band, skills,
//!   reasons), also the rows of `jobgate match`'s table.
//! - [`compare_view`]: two versions of a CV side by side, section by section, with every label.
//! - [`AnalysisView`]: the analysis screen and the CLI report (score and band, checklist with status,
//!   suggestions, warnings), each message as [`Segment`]s so the CV's own words are isolated where
//!   they sit inside a sentence (`<bdi>` in the window; nothing invisible in a terminal).
//!
//! What the words are is left to the Fluent files; how the view is drawn, to the front ends.

use crate::compare::Change;
use crate::screening::Screening;
use jobgate_core::i18n::Localizer;
use jobgate_core::phrase::strip_bidi;
use jobgate_core::text::arabic_ratio;
use jobgate_core::{AnalysisResponse, AtsCheck, ErrorResponse, Lang, Phrase, Segment};
use jobgate_matching::{JobSpec, MatchComponent};
use jobgate_store::CvId;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// Which kind of score a band is for: the two are measured differently, so their bands differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The ATS score of one CV (DESIGN §3): most complete, well laid out CVs reach 80.
    Ats,
    /// How well a CV fits a job (Match): a fit of 70 already covers most of what the job asks.
    Match,
}

/// The band of a score, shown as its colour and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ScoreBand {
    Good,
    Fair,
    Poor,
}

impl ScoreBand {
    /// The one place that decides a score's band: (good from, fair from) per scale.
    pub fn of(score: f64, scale: Scale) -> ScoreBand {
        let (good, fair) = match scale {
            Scale::Ats => (80.0, 55.0),
            Scale::Match => (70.0, 45.0),
        };
        if score >= good {
            ScoreBand::Good
        } else if score >= fair {
            ScoreBand::Fair
        } else {
            ScoreBand::Poor
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ScoreBand::Good => "good",
            ScoreBand::Fair => "fair",
            ScoreBand::Poor => "poor",
        }
    }

    /// What the band means to the person, in `lang`.
    pub fn label(self, scale: Scale, lang: Lang) -> String {
        let id = match scale {
            Scale::Ats => format!("ui-score-{}", self.as_str()),
            Scale::Match => format!("ui-match-band-{}", self.as_str()),
        };
        Phrase::new(id).plain(lang)
    }
}

/// One line of the checklist as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckView {
    pub id: String,
    /// `passed` or `failed`.
    pub status: &'static str,
    /// "Passed" / "To fix", in the reader's language (for screen readers and the terminal).
    pub status_label: String,
    /// The check's name ("Contact information").
    pub name: String,
    /// "12.5 / 15 points".
    pub points_label: String,
    pub points: f64,
    pub max_points: f64,
    pub message: Vec<Segment>,
    /// What would win the missing points back; empty when there is nothing to do (a passed check may
    /// still have one).
    pub suggestion: Vec<Segment>,
}

/// The analysis screen (and the CLI report), in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnalysisView {
    pub lang: Lang,
    /// Rounded to one decimal.
    pub score: f64,
    pub band: ScoreBand,
    pub band_label: String,
    pub checks: Vec<CheckView>,
    pub suggestions: Vec<Vec<Segment>>,
    pub warnings: Vec<Vec<Segment>>,
}

/// Words stored without a code: one segment, not the CV's (they are a sentence of the program's).
fn words(text: &str) -> Vec<Segment> {
    let text = strip_bidi(text);
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Segment { text, cv: false }]
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The analysis as the screen shows it, in `lang`. `a` may be stored from any earlier version.
pub fn analysis_view(a: &AnalysisResponse, lang: Lang) -> AnalysisView {
    let a = analysis_in(a.clone(), lang);
    let score = round1(a.ats_score);
    let band = ScoreBand::of(score, Scale::Ats);
    let loc = Localizer::get(lang);
    let checks = a
        .ats_checks
        .iter()
        .map(|c| {
            let name_id = format!("ats-check-{}", c.id.replace('_', "-"));
            let name = if loc.has(&name_id) {
                Phrase::new(name_id).plain(lang)
            } else {
                c.id.clone()
            };
            CheckView {
                id: c.id.clone(),
                status: if c.passed { "passed" } else { "failed" },
                status_label: Phrase::new(if c.passed {
                    "ui-check-passed"
                } else {
                    "ui-check-failed"
                })
                .plain(lang),
                name,
                points_label: Phrase::new("ui-check-points")
                    .value("points", c.points)
                    .value("max", c.max_points)
                    .plain(lang),
                points: c.points,
                max_points: c.max_points,
                message: match &c.message_phrase {
                    Some(p) => p.segments(lang),
                    None => words(&c.message),
                },
                suggestion: if c.suggestion_phrases.is_empty() {
                    words(&c.suggestion)
                } else {
                    let mut out = Vec::new();
                    for (i, p) in c.suggestion_phrases.iter().enumerate() {
                        if i > 0 {
                            out.push(Segment {
                                text: " ".into(),
                                cv: false,
                            });
                        }
                        out.extend(p.segments(lang));
                    }
                    out
                },
            }
        })
        .collect();
    let suggestions = if a.suggestion_phrases.is_empty() {
        a.suggestions.iter().map(|s| words(s)).collect()
    } else {
        a.suggestion_phrases
            .iter()
            .map(|p| p.segments(lang))
            .collect()
    };
    let warnings = a
        .warnings
        .iter()
        .map(|w| match w.phrase() {
            Some(p) => p.segments(lang),
            None if w.message.is_empty() => words(&w.code),
            None => words(&w.message),
        })
        .collect();
    AnalysisView {
        lang,
        score,
        band,
        band_label: band.label(Scale::Ats, lang),
        checks,
        suggestions,
        warnings,
    }
}

/// The language words stored without a code were written in.
fn written_in(text: &str) -> Lang {
    if arabic_ratio(text) > 0.3 {
        Lang::Ar
    } else {
        Lang::En
    }
}

/// `a` with every message in `lang`. Checks and suggestions stored as sentences (before codes were
/// kept) are re-derived from the stored CV when the same rules give the same points; a check that
/// cannot be re-derived (the formatting check needs the file's layout, which is not stored) keeps
/// its words when they are in `lang`, and otherwise says its points in `lang` and that analysing the
/// file again gives the details. The stored words are never changed in the store.
pub fn analysis_in(mut a: AnalysisResponse, lang: Lang) -> AnalysisResponse {
    if a.ats_checks.iter().any(|c| c.message_phrase.is_none()) {
        let derived = jobgate_score::checks_from_cv(&a.structured_data);
        for c in a
            .ats_checks
            .iter_mut()
            .filter(|c| c.message_phrase.is_none())
        {
            rederive(c, &derived, lang);
        }
    }
    if a.suggestion_phrases.is_empty() && !a.suggestions.is_empty() {
        suggestions_again(&mut a, lang);
    }
    a.localize(lang);
    a
}

fn rederive(c: &mut AtsCheck, derived: &[AtsCheck], lang: Lang) {
    if let Some(d) = derived
        .iter()
        .find(|d| d.id == c.id && d.points == c.points && d.max_points == c.max_points)
    {
        c.message_phrase = d.message_phrase.clone();
        c.suggestion_phrases = if c.points >= c.max_points {
            Vec::new()
        } else {
            d.suggestion_phrases.clone()
        };
        return;
    }
    if c.message.is_empty() || written_in(&c.message) == lang {
        return;
    }
    let name_id = format!("ats-check-{}", c.id.replace('_', "-"));
    let name = if Localizer::get(lang).has(&name_id) {
        Phrase::new(name_id)
    } else {
        Phrase::new("ats-check-other")
    };
    c.message_phrase = Some(
        Phrase::new("ats-check-stored")
            .phrase("check", name)
            .value("points", c.points)
            .value("max", c.max_points),
    );
    c.suggestion_phrases = if c.suggestion.trim().is_empty() {
        Vec::new()
    } else {
        vec![Phrase::new("ats-check-stored-fix")]
    };
}

/// Finds the phrase of each stored suggestion among the (re-derived) checks' fixes; a suggestion
/// found nowhere stays when it is in `lang` and is left out otherwise (its check still says it).
fn suggestions_again(a: &mut AnalysisResponse, lang: Lang) {
    let fixes: Vec<&Phrase> = a
        .ats_checks
        .iter()
        .flat_map(|c| c.suggestion_phrases.iter())
        .collect();
    let find = |s: &str| -> Option<Phrase> {
        let s = strip_bidi(s);
        fixes
            .iter()
            .find(|p| Lang::ALL.iter().any(|l| p.plain(*l) == s))
            .map(|p| (*p).clone())
    };
    let found: Vec<Option<Phrase>> = a.suggestions.iter().map(|s| find(s)).collect();
    if found.iter().all(Option::is_some) {
        a.suggestion_phrases = found.into_iter().flatten().collect();
        return;
    }
    a.suggestions = a
        .suggestions
        .iter()
        .zip(found)
        .filter_map(|(s, p)| match p {
            Some(p) => Some(p.render(lang)),
            None if written_in(s) == lang => Some(s.clone()),
            None => None,
        })
        .collect();
}

// ---- Match ---------------------------------------------------------------------------------------

/// What the job asks for, named for the reader.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobView {
    pub title: String,
    pub required: Vec<String>,
    pub preferred: Vec<String>,
    pub min_years: Option<f64>,
    pub education: Option<String>,
    pub languages: Vec<String>,
}

/// One row of the ranked table.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RankedView {
    pub rank: usize,
    /// The path of a chosen file, or the name of a CV from the history.
    pub file: String,
    /// What to show: the file name without its folder.
    pub file_name: String,
    pub name: String,
    /// Out of 100.
    pub score: f64,
    /// "82.5 / 100", and the score's band ([`ScoreBand::of`] on the Match scale) with its label.
    pub score_label: String,
    pub band: ScoreBand,
    pub band_label: String,
    pub ats_score: f64,
    /// Required skills found and missing, preferred skills found, named as in the reasons.
    pub matched: Vec<String>,
    pub missing: Vec<String>,
    pub preferred_matched: Vec<String>,
    pub components: Vec<MatchComponent>,
    pub reasons: Vec<String>,
    /// Set for CVs from the history.
    pub cv_id: Option<CvId>,
}

/// A CV that could not be analysed, with the error JSON.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FailedView {
    pub file: String,
    pub file_name: String,
    #[serde(flatten)]
    pub error: ErrorResponse,
}

/// The Match screen's result (and the rows of `jobgate match`'s table).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatchView {
    pub job: JobView,
    pub ranking: Vec<RankedView>,
    pub failed: Vec<FailedView>,
}

fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string())
}

pub fn job_view(job: &JobSpec, lang: Lang) -> JobView {
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    let labels = |names: &[String]| -> Vec<String> {
        names.iter().map(|n| job.skill_label(n, lang)).collect()
    };
    JobView {
        title: job.title.clone(),
        required: labels(&job.required_skills),
        preferred: labels(&job.preferred_skills),
        min_years: job.min_years,
        education: job.education.map(|l| loc.format(l.message_id(), &none)),
        languages: job
            .languages
            .iter()
            .map(|l| {
                let id = format!("match-language-{}", l.to_lowercase());
                if loc.has(&id) {
                    loc.format(&id, &none)
                } else {
                    l.clone()
                }
            })
            .collect(),
    }
}

/// The view of a screening; `origin` maps the names of history candidates to their CVs.
pub fn match_view(s: &Screening, origin: &HashMap<String, CvId>) -> MatchView {
    let labels = |names: &[String]| -> Vec<String> {
        names.iter().map(|n| s.job.skill_label(n, s.lang)).collect()
    };
    MatchView {
        job: job_view(&s.job, s.lang),
        ranking: s
            .ranking
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let cv_id = origin.get(&r.file).copied();
                // Reasons kept as phrases are said in the screening's language here.
                let components: Vec<MatchComponent> = r
                    .components
                    .iter()
                    .map(|c| {
                        let mut c = c.clone();
                        if let Some(p) = &c.reason_phrase {
                            c.reason = p.render(s.lang);
                        }
                        c
                    })
                    .collect();
                RankedView {
                    rank: i + 1,
                    file_name: if cv_id.is_some() {
                        r.file.clone()
                    } else {
                        file_name(&r.file)
                    },
                    file: r.file.clone(),
                    name: r.name.clone(),
                    score: r.score,
                    score_label: Phrase::new("ui-match-score")
                        .value("score", format!("{:.1}", r.score))
                        .plain(s.lang),
                    band: ScoreBand::of(r.score, Scale::Match),
                    band_label: ScoreBand::of(r.score, Scale::Match).label(Scale::Match, s.lang),
                    ats_score: r.ats_score,
                    matched: labels(&r.matched_skills),
                    missing: labels(&r.missing_skills),
                    preferred_matched: labels(&r.preferred_matched),
                    components: components.clone(),
                    reasons: components.iter().map(|c| c.reason.clone()).collect(),
                    cv_id,
                }
            })
            .collect(),
        failed: s
            .failed
            .iter()
            .map(|f| FailedView {
                file_name: file_name(&f.file),
                file: f.file.clone(),
                error: f.error.clone(),
            })
            .collect(),
    }
}

// ---- Compare -------------------------------------------------------------------------------------

/// One line of the comparison as shown: what happened, said for screen readers, and its mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffLineView {
    /// `same`, `added`, `removed`, `changed`.
    pub change: Change,
    /// "Added", "Removed"… in the reader's language.
    pub label: String,
    /// `+`, `−`, `~`, or a space.
    pub mark: &'static str,
    pub old: String,
    pub new: String,
}

/// One section of the comparison as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionView {
    pub section: &'static str,
    /// The section's heading, as in the editor.
    pub title: String,
    pub changed: bool,
    /// Shown instead of the lines when nothing changed in the section.
    pub note: Option<String>,
    /// The lines, when something changed.
    pub lines: Vec<DiffLineView>,
}

/// The history's "compare two versions" view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompareView {
    pub changed: bool,
    /// Shown when the two versions are the same.
    pub note: Option<String>,
    pub sections: Vec<SectionView>,
}

/// Two versions of a CV compared section by section ([`crate::compare::diff_cvs`]), in `lang`.
pub fn compare_view(old: &jobgate_core::Cv, new: &jobgate_core::Cv, lang: Lang) -> CompareView {
    let say = |id: &str| Phrase::new(id).plain(lang);
    let sections: Vec<SectionView> = crate::compare::diff_cvs(old, new)
        .into_iter()
        .map(|s| SectionView {
            section: s.section,
            title: say(&format!("ui-section-{}", s.section)),
            changed: s.changed,
            note: (!s.changed).then(|| say("ui-diff-unchanged-section")),
            lines: if s.changed {
                s.lines
                    .into_iter()
                    .map(|l| {
                        let (id, mark) = match l.change {
                            Change::Same => ("ui-diff-same", " "),
                            Change::Added => ("ui-diff-added", "+"),
                            Change::Removed => ("ui-diff-removed", "−"),
                            Change::Changed => ("ui-diff-changed", "~"),
                        };
                        DiffLineView {
                            change: l.change,
                            label: say(id),
                            mark,
                            old: l.old,
                            new: l.new,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let changed = sections.iter().any(|s| s.changed);
    CompareView {
        changed,
        note: (!changed).then(|| say("ui-diff-no-changes")),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_decided_here_for_both_scales() {
        assert_eq!(ScoreBand::of(80.0, Scale::Ats), ScoreBand::Good);
        assert_eq!(ScoreBand::of(79.9, Scale::Ats), ScoreBand::Fair);
        assert_eq!(ScoreBand::of(54.9, Scale::Ats), ScoreBand::Poor);
        assert_eq!(ScoreBand::of(70.0, Scale::Match), ScoreBand::Good);
        assert_eq!(ScoreBand::of(45.0, Scale::Match), ScoreBand::Fair);
        assert_eq!(ScoreBand::of(44.9, Scale::Match), ScoreBand::Poor);
        for lang in Lang::ALL {
            for b in [ScoreBand::Good, ScoreBand::Fair, ScoreBand::Poor] {
                for scale in [Scale::Ats, Scale::Match] {
                    let label = b.label(scale, lang);
                    assert!(
                        !label.starts_with("ui-"),
                        "{lang:?} {b:?} {scale:?}: {label}"
                    );
                }
            }
        }
    }

    fn corpus() -> Vec<std::path::PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/corpus/files");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        files
    }

    fn analyse(path: &std::path::Path, lang: Lang) -> AnalysisResponse {
        let opts = crate::AnalyzeOptions {
            lang: Some(lang),
            today: Some((2025, 11)),
            ..crate::AnalyzeOptions::default()
        };
        crate::analyze_file(path, &opts).expect("analysis")
    }

    /// The Latin words the Arabic Fluent files themselves use (product and format names, examples):
    /// any other Latin word in an Arabic message was built outside Fluent.
    fn latin_words_of_arabic_messages() -> std::collections::HashSet<String> {
        let source = Localizer::get(Lang::Ar).source();
        source
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split_once('=').map_or(l, |(_, v)| v))
            .flat_map(latin_words)
            .collect()
    }

    fn latin_words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    /// Everything the analysis screen says outside the CV's own words, in Arabic.
    fn program_words(v: &AnalysisView) -> Vec<String> {
        let mut out = vec![v.band_label.clone()];
        for c in &v.checks {
            out.extend([
                c.status_label.clone(),
                c.name.clone(),
                c.points_label.clone(),
            ]);
            out.extend(
                c.message
                    .iter()
                    .chain(&c.suggestion)
                    .filter(|s| !s.cv)
                    .map(|s| s.text.clone()),
            );
        }
        for m in v.suggestions.iter().chain(&v.warnings) {
            out.extend(m.iter().filter(|s| !s.cv).map(|s| s.text.clone()));
        }
        out
    }

    /// Fails when a check, suggestion or warning is built outside Fluent: in Arabic, no Latin word
    /// outside the CV's own words but those the Arabic messages themselves contain.
    #[test]
    fn every_word_of_an_arabic_analysis_outside_the_cv_comes_from_fluent() {
        let allowed = latin_words_of_arabic_messages();
        // An English sentence built in code would not pass.
        assert!(
            latin_words("Only part of the file could be read")
                .iter()
                .any(|w| !allowed.contains(w))
        );
        for path in corpus().iter().step_by(3) {
            let a = analyse(path, Lang::En);
            let v = analysis_view(&a, Lang::Ar);
            for text in program_words(&v) {
                for w in latin_words(&text) {
                    assert!(
                        allowed.contains(&w),
                        "{}: {w:?} in {text:?}",
                        path.display()
                    );
                }
            }
            // The terminal's form has no bidi controls; the JSON's isolates the CV's words.
            let ar = analysis_in(a.clone(), Lang::Ar);
            for c in &ar.ats_checks {
                let plain = c.message_phrase.as_ref().unwrap().plain(Lang::Ar);
                assert!(!plain.chars().any(jobgate_core::phrase::is_bidi_control));
            }
        }
    }

    /// An analysis stored before messages were kept as codes (English sentences, no phrases) opens in
    /// Arabic: the checks that depend on the CV alone are said again exactly as a new Arabic
    /// analysis says them, the formatting check says its points in Arabic, and in English the
    /// stored words are shown as they were.
    #[test]
    fn an_analysis_stored_as_sentences_opens_in_the_current_language() {
        for path in corpus().iter().step_by(4) {
            let fresh_en = analyse(path, Lang::En);
            let fresh_ar = analyse(path, Lang::Ar);
            let mut old = fresh_en.clone();
            old.suggestion_phrases.clear();
            for c in &mut old.ats_checks {
                c.message_phrase = None;
                c.suggestion_phrases.clear();
            }
            for w in &mut old.warnings {
                w.args.clear();
            }
            // As the store holds it, through JSON.
            let old: AnalysisResponse =
                serde_json::from_str(&serde_json::to_string(&old).unwrap()).unwrap();

            let ar = analysis_in(old.clone(), Lang::Ar);
            assert_eq!(ar.ats_score, old.ats_score);
            for (c, want) in ar.ats_checks.iter().zip(&fresh_ar.ats_checks) {
                assert_eq!(c.points, want.points);
                if c.id == "formatting" {
                    assert!(arabic_ratio(&c.message) > 0.5, "{}", c.message);
                    assert!(c.message.contains(&c.points.to_string()), "{}", c.message);
                } else {
                    assert_eq!(c.message, want.message, "{}: {}", path.display(), c.id);
                    assert_eq!(
                        c.suggestion,
                        want.suggestion,
                        "{}: {}",
                        path.display(),
                        c.id
                    );
                }
            }
            for s in &ar.suggestions {
                assert!(arabic_ratio(s) > 0.3, "{}: {s}", path.display());
            }
            for w in &ar.warnings {
                assert!(arabic_ratio(&w.message) > 0.5, "{}", w.message);
            }
            let en = analysis_in(old.clone(), Lang::En);
            for (c, was) in en.ats_checks.iter().zip(&old.ats_checks) {
                assert_eq!(c.message, was.message);
            }
            assert_eq!(en.suggestions, old.suggestions);
        }
    }

    /// The Match rows say their band in the ranking's language, and the CLI and the app take the same rows.
    #[test]
    fn match_rows_carry_the_band_and_its_words() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let job = crate::screening::load_job(&root.join("jobs/backend_engineer_en.txt")).unwrap();
        let files: Vec<_> = ["001__even.pdf", "002__flat.pdf", "003__stackoverflow.pdf"]
            .iter()
            .map(|f| root.join("corpus/files").join(f))
            .collect();
        let opts = crate::AnalyzeOptions {
            lang: Some(Lang::Ar),
            today: Some((2025, 11)),
            ..crate::AnalyzeOptions::default()
        };
        let (candidates, failed) = crate::screening::analyse_files(&files, &opts, &|_, _| {});
        let s = Screening::rank(job, &candidates, failed, Lang::Ar);
        let v = match_view(&s, &HashMap::new());
        assert_eq!(v.ranking.len(), 3);
        for (i, r) in v.ranking.iter().enumerate() {
            assert_eq!(r.rank, i + 1);
            assert_eq!(r.band, ScoreBand::of(r.score, Scale::Match));
            assert!(arabic_ratio(&r.band_label) > 0.8, "{}", r.band_label);
            assert!(r.score_label.contains(&format!("{:.1}", r.score)));
        }
    }

    #[test]
    fn the_compare_view_names_sections_and_changes_in_the_readers_language() {
        let old = jobgate_core::Cv {
            skills: vec!["SQL".into()],
            summary: "Analyst".into(),
            ..Default::default()
        };
        let mut new = old.clone();
        new.skills.push("Python".into());
        let v = compare_view(&old, &new, Lang::Ar);
        assert!(v.changed && v.note.is_none());
        let skills = v.sections.iter().find(|s| s.section == "skills").unwrap();
        assert!(arabic_ratio(&skills.title) > 0.8, "{}", skills.title);
        let added = skills
            .lines
            .iter()
            .find(|l| l.change == Change::Added)
            .unwrap();
        assert_eq!((added.new.as_str(), added.mark), ("Python", "+"));
        assert!(arabic_ratio(&added.label) > 0.8);
        let summary = v.sections.iter().find(|s| s.section == "summary").unwrap();
        assert!(!summary.changed && summary.lines.is_empty() && summary.note.is_some());
        let same = compare_view(&old, &old, Lang::En);
        assert_eq!(
            same.note.as_deref(),
            Some("These two versions are the same.")
        );
    }
}
