//! The seed guide's `features`: key skills, total years of experience (overlapping jobs counted
//! once), number of achievements, and whether any result is quantified.

use crate::checks::{bullets, distinct_skills};
use crate::quantify::is_quantified;
use jobgate_core::dates::{DatePoint, find_range, total_years};
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::fold;
use jobgate_core::{Cv, Experience, Features};

/// How many skills `key_skills` keeps.
pub(crate) const KEY_SKILLS: usize = 10;

pub(crate) fn features(cv: &Cv, today: (u16, u8)) -> Features {
    let periods: Vec<(DatePoint, Option<DatePoint>)> =
        cv.experience.iter().filter_map(period).collect();
    let total_years_experience = if periods.is_empty() {
        0.0
    } else {
        total_years(&periods, today)
    };
    Features {
        key_skills: key_skills(cv),
        total_years_experience,
        achievement_count: bullets(cv).count(),
        has_quantifiable_results: bullets(cv)
            .chain(cv.projects.iter().map(|p| p.description.as_str()))
            .any(is_quantified),
    }
}

/// A job's period from its normalised `start`/`end`, else from the original `period` text.
/// A job with a start and no end is a single point (counted as that month or year), unless the
/// period text says it is still going on.
fn period(e: &Experience) -> Option<(DatePoint, Option<DatePoint>)> {
    if let Some(start) = DatePoint::from_normalized(&e.start) {
        let end = DatePoint::from_normalized(&e.end);
        return Some((start, end));
    }
    let r = find_range(&jobgate_core::text::normalize_line(&e.period))?;
    Some((r.start?, r.end))
}

/// The skills that matter most: those the lexicon knows (by canonical name, in the CV's order),
/// then the CV's other skills; when the CV lists none, known skills its text mentions.
fn key_skills(cv: &Cv) -> Vec<String> {
    let lex = SkillLexicon::builtin();
    let listed = distinct_skills(cv);
    let mut known: Vec<String> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for s in &listed {
        match lex.canonical(s) {
            Some(k) => known.push(k.name.clone()),
            None => {
                let found = lex.find_all(s);
                // "Python (Django, Flask)" → Python, Django, Flask; a long phrase with one known
                // skill stays as written.
                if !found.is_empty() && s.split_whitespace().count() <= 4 {
                    known.extend(found.iter().map(|k| k.name.clone()));
                } else {
                    other.push(s.clone());
                }
            }
        }
    }
    if listed.is_empty() {
        let mut text = cv.summary.clone();
        for e in &cv.experience {
            text.push('\n');
            text.push_str(&e.title);
            for a in &e.achievements {
                text.push('\n');
                text.push_str(a);
            }
        }
        known.extend(lex.find_all(&text).iter().map(|k| k.name.clone()));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for s in known.into_iter().chain(other) {
        let key = fold(&s);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(s);
        }
        if out.len() == KEY_SKILLS {
            break;
        }
    }
    out
}
