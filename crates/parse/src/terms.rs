//! The parser's data: section headings (`lexicons/headings.toml`) and the words that tell what a short
//! line of an entry is (`lexicons/cv_terms.toml`), compiled into the binary and indexed on first use.
//!
//! Everything is compared on folded text ([`jobgate_core::text::fold`]) and whole words, so
//! "Engineer," matches "engineer" and "إدارة" matches "ادارة". The skills lexicon is not here: it
//! belongs to `jobgate_core::lexicon`.

use jobgate_core::Section;
use jobgate_core::text::fold;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const HEADINGS_TOML: &str = include_str!("../../../lexicons/headings.toml");
const TERMS_TOML: &str = include_str!("../../../lexicons/cv_terms.toml");
const PLACES_TOML: &str = include_str!("../../../lexicons/places.toml");

/// Splits folded text into word tokens, keeping the punctuation that lives inside words (Ph.D, C++, co-founder).
pub(crate) fn tokens(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '+' | '#' | '&')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '\'')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A set of words and short phrases, matched as whole words.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    phrases: HashSet<String>,
    max_words: usize,
}

impl WordSet {
    fn new(list: &[String]) -> WordSet {
        let mut set = WordSet::default();
        for p in list {
            let f = fold(p);
            let key = tokens(&f).join(" ");
            if key.is_empty() {
                continue;
            }
            set.max_words = set.max_words.max(key.split(' ').count());
            set.phrases.insert(key);
        }
        set
    }

    /// True when the whole text is one of the phrases.
    pub(crate) fn is(&self, text: &str) -> bool {
        let f = fold(text);
        self.phrases.contains(&tokens(&f).join(" "))
    }

    /// The longest phrase starting at word `i` of `toks`, in words.
    fn longest_at(&self, toks: &[&str], i: usize) -> Option<usize> {
        (1..=self.max_words.min(toks.len() - i))
            .rev()
            .find(|&len| self.phrases.contains(&toks[i..i + len].join(" ")))
    }

    /// How many phrases occur in `text` (longest match first, no overlaps).
    pub(crate) fn count(&self, text: &str) -> usize {
        let f = fold(text);
        let toks = tokens(&f);
        let (mut i, mut n) = (0, 0);
        while i < toks.len() {
            match self.longest_at(&toks, i) {
                Some(len) => {
                    n += 1;
                    i += len;
                }
                None => i += 1,
            }
        }
        n
    }

    /// True when every word of `text` belongs to one of the phrases (longest match first), except the
    /// words `extra` accepts; at least one phrase must occur.
    pub(crate) fn covers(&self, text: &str, extra: impl Fn(&str) -> bool) -> bool {
        let f = fold(text);
        let toks = tokens(&f);
        let (mut i, mut found) = (0, false);
        while i < toks.len() {
            match self.longest_at(&toks, i) {
                Some(len) => {
                    found = true;
                    i += len;
                }
                None if extra(toks[i]) => i += 1,
                None => return false,
            }
        }
        found
    }

    /// The longest phrase `text` starts with, in words.
    pub(crate) fn prefix_words(&self, text: &str) -> usize {
        let f = fold(text);
        let toks = tokens(&f);
        if toks.is_empty() {
            return 0;
        }
        self.longest_at(&toks, 0).unwrap_or(0)
    }
}

#[derive(Debug, Deserialize)]
struct HeadingsFile {
    section: Vec<HeadingEntry>,
    labels: NameList,
    noise: NameList,
}

#[derive(Debug, Deserialize)]
struct HeadingEntry {
    kind: Section,
    names: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct NameList {
    names: Vec<String>,
}

/// Section headings by folded spelling.
#[derive(Debug)]
pub(crate) struct Headings {
    /// Folded heading → kind; also stored without spaces, for letter-spaced headings ("W O R K").
    names: HashMap<String, Section>,
    keywords: Vec<(String, Section)>,
    pub(crate) labels: WordSet,
    pub(crate) noise: WordSet,
}

impl Headings {
    /// The kind of a heading written exactly as one of the names.
    pub(crate) fn exact(&self, text: &str) -> Option<Section> {
        let f = fold(text);
        let key = tokens(&f).join(" ");
        if let Some(k) = self.names.get(&key) {
            return Some(*k);
        }
        self.names.get(&key.replace(' ', "")).copied()
    }

    /// The kind whose keyword occurs in a short line.
    pub(crate) fn keyword(&self, text: &str) -> Option<Section> {
        let f = fold(text);
        let toks = tokens(&f);
        self.keywords
            .iter()
            .find(|(k, _)| toks.iter().any(|t| t == k))
            .map(|(_, kind)| *kind)
    }
}

#[derive(Debug, Deserialize)]
struct TermsFile {
    title_words: Vec<String>,
    company_words: Vec<String>,
    school_words: Vec<String>,
    degree_words: Vec<String>,
    grade_words: Vec<String>,
    languages: Vec<String>,
    language_levels: Vec<String>,
    achievement_starts: Vec<String>,
    contact_labels: Vec<String>,
    certificate_words: Vec<String>,
    skill_group_words: Vec<String>,
    compound_tails: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PlacesFile {
    countries: Vec<String>,
    cities: Vec<String>,
}

/// Word lists that classify the short lines of entries.
#[derive(Debug)]
pub(crate) struct Terms {
    pub(crate) title: WordSet,
    pub(crate) company: WordSet,
    pub(crate) school: WordSet,
    pub(crate) degree: WordSet,
    pub(crate) grade: WordSet,
    pub(crate) languages: WordSet,
    pub(crate) levels: WordSet,
    pub(crate) starts: WordSet,
    pub(crate) contact_labels: WordSet,
    pub(crate) certificate: WordSet,
    pub(crate) skill_group: WordSet,
    /// Second halves of hyphenated compounds ("driven" in "data-driven").
    pub(crate) compound_tail: WordSet,
    /// Countries and cities (`lexicons/places.toml`).
    pub(crate) places: WordSet,
}

pub(crate) fn headings() -> &'static Headings {
    static H: OnceLock<Headings> = OnceLock::new();
    H.get_or_init(|| {
        let file: HeadingsFile =
            toml::from_str(HEADINGS_TOML).expect("lexicons/headings.toml is valid");
        let mut names = HashMap::new();
        let mut keywords = Vec::new();
        for s in &file.section {
            for n in &s.names {
                let f = fold(n);
                let key = tokens(&f).join(" ");
                names.entry(key.replace(' ', "")).or_insert(s.kind);
                names.entry(key).or_insert(s.kind);
            }
            for k in &s.keywords {
                keywords.push((fold(k), s.kind));
            }
        }
        Headings {
            names,
            keywords,
            labels: WordSet::new(&file.labels.names),
            noise: WordSet::new(&file.noise.names),
        }
    })
}

pub(crate) fn terms() -> &'static Terms {
    static T: OnceLock<Terms> = OnceLock::new();
    T.get_or_init(|| {
        let f: TermsFile = toml::from_str(TERMS_TOML).expect("lexicons/cv_terms.toml is valid");
        Terms {
            title: WordSet::new(&f.title_words),
            company: WordSet::new(&f.company_words),
            school: WordSet::new(&f.school_words),
            degree: WordSet::new(&f.degree_words),
            grade: WordSet::new(&f.grade_words),
            languages: WordSet::new(&f.languages),
            levels: WordSet::new(&f.language_levels),
            starts: WordSet::new(&f.achievement_starts),
            contact_labels: WordSet::new(&f.contact_labels),
            certificate: WordSet::new(&f.certificate_words),
            skill_group: WordSet::new(&f.skill_group_words),
            compound_tail: WordSet::new(&f.compound_tails),
            places: {
                let p: PlacesFile =
                    toml::from_str(PLACES_TOML).expect("lexicons/places.toml is valid");
                WordSet::new(&[p.countries, p.cities].concat())
            },
        }
    })
}
