//! Deterministic, explained ATS score of a structured CV (DESIGN §3), and the CV's derived features.
//!
//! [`score`] runs the six checks of the seed guide (contact, experience, education, skills,
//! achievements, formatting); each check's points are rounded to 0.5 and the score is their sum, so
//! the breakdown always adds up exactly. Every check says what it found (with evidence: names,
//! counts) and what to do, in the analysis language, from `locales/{en,ar}/ats.ftl`.
//! [`AtsReport::suggestions`] lists the fixes that win back the most points first.
//!
//! Left to others: parsing ([`jobgate_parse`](../jobgate_parse/index.html)) and the job-description
//! match, which `jobgate_matching` appends as one more check with [`AtsReport::add_check`].

mod checks;
mod features;
mod layout;
mod quantify;
mod render;

use jobgate_core::{AtsCheck, Cv, Document, Features, Lang, Phrase, SectionSpan};
use jobgate_parse::Parsed;

pub use quantify::is_quantified;
pub use render::document_from_cv;

/// The whole score is out of this many points.
pub const TOTAL_POINTS: f64 = 100.0;

/// How many fixes [`AtsReport::suggestions`] keeps.
pub const MAX_SUGGESTIONS: usize = 5;

/// A check passes (✓) from this share of its points on.
const PASS_SHARE: f64 = 0.75;

/// One concrete thing to do, and the points it would win back.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// The [`AtsCheck::id`] it belongs to.
    pub check: String,
    /// Points won back when done (a multiple of 0.5).
    pub gain: f64,
    /// What to do, in the analysis language.
    pub text: String,
    /// What to do, as a code with arguments (to say it again in another language).
    pub phrase: Option<Phrase>,
}

/// The score, its checklist (points add up to the score) and the top suggestions, in order.
#[derive(Debug, Clone, Default)]
pub struct AtsReport {
    pub score: f64,
    pub checks: Vec<AtsCheck>,
    /// The texts of the top [`MAX_SUGGESTIONS`] fixes, biggest gain first.
    pub suggestions: Vec<String>,
    /// The same fixes as codes with arguments (empty when one of them has none).
    pub suggestion_phrases: Vec<Phrase>,
    /// Every fix of every check (what [`Self::suggestions`] is chosen from).
    pub fixes: Vec<Fix>,
}

/// Rounds to the nearest multiple of 0.5 (halves of a half round up).
pub fn round_half(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

impl AtsReport {
    /// Sets the score to the sum of the checks' points, and picks the suggestions: the fixes with the
    /// biggest gain first, ties in checklist order. Call it after changing `checks` or `fixes` by hand.
    pub fn recompute(&mut self) {
        for c in &mut self.checks {
            c.passed = c.points >= c.max_points * PASS_SHARE;
        }
        self.score = self.checks.iter().map(|c| c.points).sum();
        let order = |id: &str| {
            self.checks
                .iter()
                .position(|c| c.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut ranked: Vec<(usize, &Fix)> = self.fixes.iter().enumerate().collect();
        ranked.sort_by(|(ia, a), (ib, b)| {
            b.gain
                .total_cmp(&a.gain)
                .then(order(&a.check).cmp(&order(&b.check)))
                .then(ia.cmp(ib))
        });
        let top: Vec<&Fix> = ranked
            .into_iter()
            .filter(|(_, f)| f.gain > 0.0 && !f.text.is_empty())
            .map(|(_, f)| f)
            .take(MAX_SUGGESTIONS)
            .collect();
        self.suggestions = top.iter().map(|f| f.text.clone()).collect();
        self.suggestion_phrases = top
            .iter()
            .map(|f| f.phrase.clone())
            .collect::<Option<Vec<Phrase>>>()
            .unwrap_or_default();
    }

    /// Appends a check worth `check.max_points` (e.g. the job match, `job_match`) and scales the
    /// other checks down so that the maximum stays [`TOTAL_POINTS`]; points stay multiples of 0.5,
    /// a full check stays full, and the score is again the exact sum. `fixes` are the new check's.
    pub fn add_check(&mut self, mut check: AtsCheck, fixes: Vec<Fix>) {
        let weight = round_half(check.max_points.clamp(0.0, TOTAL_POINTS));
        let old_max: f64 = self.checks.iter().map(|c| c.max_points).sum();
        if old_max > 0.0 {
            let room = TOTAL_POINTS - weight;
            let factor = room / old_max;
            for c in &mut self.checks {
                let full = c.points >= c.max_points;
                c.max_points = round_half(c.max_points * factor);
                c.points = if full {
                    c.max_points
                } else {
                    round_half(c.points * factor)
                        .min(c.max_points - 0.5)
                        .max(0.0)
                };
            }
            // Rounding may leave the maxima a half point off: the largest check absorbs it.
            let residual = room - self.checks.iter().map(|c| c.max_points).sum::<f64>();
            if residual != 0.0
                && let Some(big) = self
                    .checks
                    .iter_mut()
                    .max_by(|a, b| a.max_points.total_cmp(&b.max_points))
            {
                let full = big.points >= big.max_points;
                big.max_points += residual;
                big.points = if full {
                    big.max_points
                } else {
                    big.points.min(big.max_points - 0.5).max(0.0)
                };
            }
            for f in &mut self.fixes {
                f.gain = round_half(f.gain * factor);
            }
        }
        check.max_points = weight;
        check.points = round_half(check.points.clamp(0.0, weight));
        if check.points >= check.max_points {
            check.suggestion.clear();
            check.suggestion_phrases.clear();
        }
        self.fixes.extend(fixes.into_iter().map(|mut f| {
            f.check = check.id.clone();
            f.gain = round_half(f.gain);
            f
        }));
        self.checks.push(check);
        self.recompute();
    }
}

/// Scores a CV parsed by rules from `doc`: the parser's sections ([`Parsed::sections`]) say which
/// headings it recognised, so the document is not split again. Messages follow `lang`, the language
/// of the analysis screen, not the CV's.
pub fn score_parsed(parsed: &Parsed, doc: &Document, lang: Lang) -> AtsReport {
    score_with(&parsed.cv, doc, Some(&parsed.sections), lang)
}

/// Scores a CV that did not come from the rule parse of `doc` (an AI-merged CV, a CV scored on the
/// file Job Gate exports for it): `doc` gives the layout facts and its sections are found here. A CV
/// with no document (built or imported as JSON) is judged as laid out by [`document_from_cv`].
/// Messages follow `lang`, the language of the analysis screen, not the CV's.
pub fn score(cv: &Cv, doc: &Document, lang: Lang) -> AtsReport {
    score_with(cv, doc, None, lang)
}

fn score_with(cv: &Cv, doc: &Document, sections: Option<&[SectionSpan]>, lang: Lang) -> AtsReport {
    let rendered;
    let (doc, sections) = if doc.lines.is_empty() && !cv.is_empty() {
        rendered = document_from_cv(cv);
        (&rendered, None)
    } else {
        (doc, sections)
    };
    let found;
    let sections = match sections {
        Some(s) => s,
        None => {
            found = jobgate_parse::sections(doc);
            &found
        }
    };
    let mut report = AtsReport::default();
    for o in checks::run(cv, doc, sections) {
        let (check, fixes) = outcome_check(o);
        report.fixes.extend(fixes);
        report.checks.push(check);
    }
    report.recompute();
    report.localize(lang);
    report
}

/// A check's outcome as a checklist line (messages as phrases, words in English until localized)
/// and its fixes.
fn outcome_check(o: checks::Outcome) -> (AtsCheck, Vec<Fix>) {
    let points = round_half(o.raw.clamp(0.0, o.max));
    let full = points >= o.max;
    let mut fixes: Vec<(f64, Phrase)> = if full { Vec::new() } else { o.fixes };
    // Biggest first inside a check too; the check's suggestion reads in that order.
    fixes.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut check = AtsCheck {
        id: o.id.to_string(),
        passed: false,
        points,
        max_points: o.max,
        message: String::new(),
        suggestion: String::new(),
        message_phrase: Some(o.message),
        suggestion_phrases: fixes.iter().map(|(_, p)| p.clone()).collect(),
    };
    check.localize(Lang::En);
    let fixes = fixes
        .into_iter()
        .map(|(gain, phrase)| Fix {
            check: o.id.to_string(),
            gain: round_half(gain).max(0.5),
            text: phrase.render(Lang::En),
            phrase: Some(phrase),
        })
        .collect();
    (check, fixes)
}

/// The checks that depend on the CV alone (every one but `formatting`, which needs the file's
/// layout), as [`score`] makes them: for saying again, in another language, an analysis stored
/// before its messages were kept as codes. Each comes with its fixes' phrases, biggest gain first.
pub fn checks_from_cv(cv: &Cv) -> Vec<AtsCheck> {
    checks::run(cv, &Document::default(), &[])
        .into_iter()
        .filter(|o| o.id != "formatting")
        .map(|o| outcome_check(o).0)
        .collect()
}

impl AtsReport {
    /// Puts the checks, fixes and suggestions into `lang`.
    pub fn localize(&mut self, lang: Lang) {
        for c in &mut self.checks {
            c.localize(lang);
        }
        for f in &mut self.fixes {
            if let Some(p) = &f.phrase {
                f.text = p.render(lang);
            }
        }
        self.recompute();
    }
}

/// Derived facts about a CV. `today` is (year, month), used for periods that run to "present".
pub fn features(cv: &Cv, today: (u16, u8)) -> Features {
    features::features(cv, today)
}
