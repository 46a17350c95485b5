//! The words job descriptions use (`data/job_terms.toml`, compiled in): requirement cues, section
//! headings, education levels, spoken languages, title words with the same meaning in English and Arabic.
//!
//! Everything is kept folded ([`jobgate_core::text::fold`]) and split into words, and compared word by
//! word with [`Words::find`], which tolerates Arabic conjunctions and prepositions glued to a word.

use crate::job::EducationLevel;
use jobgate_core::text::{fold, is_arabic_char};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const JOB_TERMS: &str = include_str!("../data/job_terms.toml");

#[derive(Deserialize)]
struct RawTerms {
    cues: RawCues,
    headings: RawHeadings,
    labels: RawLabels,
    years: RawYears,
    education: Vec<RawEducation>,
    language: Vec<RawLanguage>,
    language_context: RawWords,
    alternatives: RawWords,
    title: RawTitle,
    role: Vec<RawWords>,
}

#[derive(Deserialize)]
struct RawCues {
    required: Vec<String>,
    preferred: Vec<String>,
}

#[derive(Deserialize)]
struct RawHeadings {
    required: Vec<String>,
    preferred: Vec<String>,
    mentioned: Vec<String>,
    ignored: Vec<String>,
    languages: Vec<String>,
}

#[derive(Deserialize)]
struct RawLabels {
    title: Vec<String>,
    title_prefixes: Vec<String>,
}

#[derive(Deserialize)]
struct RawYears {
    experience: Vec<String>,
    not_experience: Vec<String>,
    units: Vec<String>,
    numbers: Vec<(String, u32)>,
    dual: Vec<(String, u32)>,
}

#[derive(Deserialize)]
struct RawEducation {
    level: EducationLevel,
    words: Vec<String>,
    #[serde(default)]
    abbrev: Vec<String>,
}

#[derive(Deserialize)]
struct RawLanguage {
    name: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RawWords {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RawTitle {
    ignore: Vec<String>,
}

/// A folded phrase, as words.
pub type Phrase = Vec<String>;

/// The loaded terms.
pub struct Terms {
    pub required_cues: Vec<Phrase>,
    pub preferred_cues: Vec<Phrase>,
    pub required_headings: Vec<Phrase>,
    pub preferred_headings: Vec<Phrase>,
    pub mentioned_headings: Vec<Phrase>,
    pub ignored_headings: Vec<Phrase>,
    pub language_headings: Vec<Phrase>,
    pub title_labels: Vec<Phrase>,
    pub title_prefixes: Vec<Phrase>,
    pub experience_words: Vec<Phrase>,
    pub not_experience_words: Vec<Phrase>,
    pub year_units: Vec<String>,
    pub numbers: HashMap<String, u32>,
    pub dual: Vec<(Phrase, u32)>,
    /// Levels with their phrases; abbreviations as written (case-sensitive).
    pub education: Vec<(EducationLevel, Vec<Phrase>, Vec<String>)>,
    pub languages: Vec<(String, Vec<Phrase>)>,
    pub language_context: Vec<Phrase>,
    /// Words that offer a choice ("or", "أو"), folded.
    pub alternative_words: Vec<String>,
    pub title_ignore: Vec<String>,
    /// Folded title word → concept number.
    pub roles: HashMap<String, usize>,
}

impl Terms {
    pub fn get() -> &'static Terms {
        static TERMS: OnceLock<Terms> = OnceLock::new();
        TERMS.get_or_init(|| {
            let raw: RawTerms = toml::from_str(JOB_TERMS).expect("data/job_terms.toml is valid");
            Terms::from_raw(raw)
        })
    }

    fn from_raw(raw: RawTerms) -> Terms {
        let phrases = |v: &[String]| -> Vec<Phrase> {
            let mut out: Vec<Phrase> = v.iter().map(|s| tokens(&fold(s))).collect();
            out.retain(|p| !p.is_empty());
            // Longest first, so "nice to have" is tried before "have".
            out.sort_by_key(|p| std::cmp::Reverse(p.len()));
            out
        };
        let mut roles = HashMap::new();
        for (i, r) in raw.role.iter().enumerate() {
            for w in &r.words {
                for t in tokens(&fold(w)) {
                    roles.entry(t).or_insert(i);
                }
            }
        }
        Terms {
            required_cues: phrases(&raw.cues.required),
            preferred_cues: phrases(&raw.cues.preferred),
            required_headings: phrases(&raw.headings.required),
            preferred_headings: phrases(&raw.headings.preferred),
            mentioned_headings: phrases(&raw.headings.mentioned),
            ignored_headings: phrases(&raw.headings.ignored),
            language_headings: phrases(&raw.headings.languages),
            title_labels: phrases(&raw.labels.title),
            title_prefixes: phrases(&raw.labels.title_prefixes),
            experience_words: phrases(&raw.years.experience),
            not_experience_words: phrases(&raw.years.not_experience),
            year_units: raw.years.units.iter().map(|u| fold(u)).collect(),
            numbers: raw
                .years
                .numbers
                .iter()
                .map(|(w, n)| (fold(w), *n))
                .collect(),
            dual: raw
                .years
                .dual
                .iter()
                .map(|(w, n)| (tokens(&fold(w)), *n))
                .collect(),
            education: raw
                .education
                .iter()
                .map(|e| (e.level, phrases(&e.words), e.abbrev.clone()))
                .collect(),
            languages: raw
                .language
                .iter()
                .map(|l| (l.name.clone(), phrases(&l.words)))
                .collect(),
            language_context: phrases(&raw.language_context.words),
            alternative_words: raw.alternatives.words.iter().map(|w| fold(w)).collect(),
            title_ignore: raw.title.ignore.iter().map(|w| fold(w)).collect(),
            roles,
        }
    }
}

/// Splits folded text into words, keeping the punctuation that belongs to words (C++, master's, 5+, 3-5).
pub fn tokens(folded: &str) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !is_word_char(c))
            .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '/' | '\'' | '&')))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    if folded.contains(['’', '‘', '`']) {
        split(&folded.replace(['’', '‘', '`'], "'"))
    } else {
        split(folded)
    }
}

/// Letters, digits and the punctuation that belongs to words; ASCII without the Unicode tables
/// (for ASCII, `char::is_alphanumeric` is exactly `is_ascii_alphanumeric`).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '/' | '\'' | '&')
    } else {
        // Arabic letters and digits are the other common case; the tables are a binary search.
        matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}') || c.is_alphanumeric()
    }
}

/// An Arabic word and the same word without a leading و/ف and then ب/ل/ك ("وبالإنجليزية" → "بالانجليزيه",
/// "الانجليزيه"); other words only as they are.
pub fn stems(word: &str) -> Vec<&str> {
    let mut out = vec![word];
    if !word.chars().next().is_some_and(is_arabic_char) {
        return out;
    }
    let long_enough = |s: &str| s.chars().count() >= 3;
    if let Some(rest) = word.strip_prefix(['و', 'ف'])
        && long_enough(rest)
    {
        out.push(rest);
    }
    for s in out.clone() {
        if let Some(rest) = s.strip_prefix(['ب', 'ل', 'ك'])
            && long_enough(rest)
        {
            out.push(rest);
        }
    }
    out
}

/// True when `word` is `target`, or `target` with a leading Arabic و/ف and/or ب/ل/ك (no allocation).
fn stem_is(word: &str, target: &str) -> bool {
    if word == target {
        return true;
    }
    let Some(extra) = word.strip_suffix(target) else {
        return false;
    };
    if target.chars().count() < 3 {
        return false;
    }
    let mut chars = extra.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), None, _) => matches!(a, 'و' | 'ف' | 'ب' | 'ل' | 'ك'),
        (Some(a), Some(b), None) => matches!(a, 'و' | 'ف') && matches!(b, 'ب' | 'ل' | 'ك'),
        _ => false,
    }
}

/// Phrase search over a list of folded words.
pub trait Words {
    /// The position of the first occurrence of `phrase`, the first word allowed an Arabic prefix.
    fn find(&self, phrase: &[String]) -> Option<usize>;
    /// True when any of `phrases` occurs.
    fn has_any(&self, phrases: &[Phrase]) -> bool {
        phrases.iter().any(|p| self.find(p).is_some())
    }
}

impl Words for [String] {
    fn find(&self, phrase: &[String]) -> Option<usize> {
        if phrase.is_empty() || phrase.len() > self.len() {
            return None;
        }
        (0..=self.len() - phrase.len()).find(|&i| {
            stem_is(&self[i], &phrase[0])
                && self[i + 1..i + phrase.len()]
                    .iter()
                    .zip(&phrase[1..])
                    .all(|(a, b)| a == b)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_load_and_arabic_prefixes_are_tolerated() {
        let t = Terms::get();
        assert!(!t.required_cues.is_empty() && !t.roles.is_empty());
        let words = tokens(&fold("ويفضل إجادة اللغة الإنجليزية وبالفرنسية"));
        assert!(words.find(&tokens(&fold("الفرنسية"))).is_some());
        assert!(words.has_any(&t.preferred_cues));
        assert!(!tokens(&fold("We rest")).has_any(&t.preferred_cues));
    }
}
