//! The skills lexicon (`lexicons/skills.toml`): canonical skills with synonyms, abbreviations and
//! Arabic equivalents. Used by the analyser's skill extraction and by job matching.
//!
//! Matching is on folded text ([`crate::text::fold`]) and whole words, so "JS" matches "JS," but not "JSON".
//! The longest spelling wins ("Spring Boot" before "Spring"), and a spelling never spans a comma,
//! a semicolon or a line break. Spellings listed under a skill's `exact` only count when written with
//! that very case (or all in capitals): "Go" the language, not "go" the verb.
//! Arabic words carry their conjunctions and prepositions attached ("وبايثون", "بالمحاسبة"), so a word
//! that is not found as written is tried again without a leading و/ف/ب/ل/ك and without "ال".
//!
//! This module only finds skills; what they are worth in a CV or a job is decided by `score` and `matching`.

use crate::text::{fold, normalize_line};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const SKILLS_TOML: &str = include_str!("../../../lexicons/skills.toml");

/// One canonical skill.
#[derive(Debug, Clone, Deserialize)]
pub struct Skill {
    /// How the skill is displayed ("JavaScript").
    pub name: String,
    /// Other spellings, abbreviations and translations ("JS", "جافاسكريبت").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A broad group ("programming", "office", "soft", "language"…), used for reasons and weights.
    #[serde(default)]
    pub category: String,
    /// Spellings (the name, aliases, or extra ones) that only match with this exact case ("Go", "R").
    #[serde(default)]
    pub exact: Vec<String>,
}

impl Skill {
    /// How to show the skill to a user of `lang`: in Arabic, its first Arabic spelling, except for
    /// tools and technologies, which Arabic CVs and job ads write in Latin letters too.
    pub fn label(&self, lang: crate::Lang) -> &str {
        const LATIN: [&str; 7] = [
            "programming",
            "web",
            "mobile",
            "devops",
            "cloud",
            "tools",
            "office",
        ];
        if lang == crate::Lang::Ar
            && !LATIN.contains(&self.category.as_str())
            && let Some(a) = self
                .aliases
                .iter()
                .find(|a| crate::text::arabic_ratio(a) > 0.5)
        {
            return a;
        }
        &self.name
    }
}

#[derive(Debug, Deserialize)]
struct SkillsFile {
    #[serde(rename = "skill")]
    skills: Vec<Skill>,
}

/// What one folded spelling points to.
#[derive(Debug, Clone)]
struct Entry {
    skill: usize,
    /// The spelling's words as written, when the case must match.
    exact: Option<Vec<String>>,
}

/// The loaded lexicon with an index from folded spelling to skill.
#[derive(Debug)]
pub struct SkillLexicon {
    skills: Vec<Skill>,
    by_spelling: HashMap<String, Vec<Entry>>,
    /// For each first word of a spelling, the longest spelling (in words) that starts with it,
    /// so scanning only looks ahead where something can match.
    first_words: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl SkillLexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> &'static SkillLexicon {
        static LEX: OnceLock<SkillLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            SkillLexicon::from_toml(SKILLS_TOML).expect("lexicons/skills.toml is valid")
        })
    }

    pub fn from_toml(src: &str) -> Result<SkillLexicon, toml::de::Error> {
        let file: SkillsFile = toml::from_str(src)?;
        let mut lex = SkillLexicon {
            skills: Vec::new(),
            by_spelling: HashMap::new(),
            first_words: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, s) in file.skills.iter().enumerate() {
            lex.by_name.entry(fold(&s.name)).or_insert(i);
            let spellings = std::iter::once(&s.name)
                .chain(s.aliases.iter())
                .chain(s.exact.iter());
            for spelling in spellings {
                let exact = s.exact.iter().any(|e| e == spelling);
                let raw: Vec<String> = words(&normalize_line(spelling))
                    .iter()
                    .map(|w| w.to_string())
                    .collect();
                let folded: Vec<String> = raw.iter().map(|w| fold_word(w)).collect();
                if folded.is_empty() {
                    continue;
                }
                let entry = Entry {
                    skill: i,
                    exact: exact.then(|| raw.clone()),
                };
                lex.add(&folded, entry.clone());
                // Arabic spellings are also known without the article of their first word.
                if let Some(bare) = folded[0].strip_prefix("ال")
                    && bare.chars().count() >= 3
                    && crate::text::arabic_ratio(bare) > 0.5
                {
                    let mut alt = folded.clone();
                    alt[0] = bare.to_string();
                    lex.add(&alt, entry);
                }
            }
        }
        lex.skills = file.skills;
        Ok(lex)
    }

    fn add(&mut self, folded: &[String], entry: Entry) {
        let key = folded.join(" ");
        let max = self.first_words.entry(folded[0].clone()).or_insert(0);
        *max = (*max).max(folded.len());
        let list = self.by_spelling.entry(key).or_default();
        if !list
            .iter()
            .any(|e| e.skill == entry.skill && e.exact == entry.exact)
        {
            list.push(entry);
        }
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The position of a skill (by its canonical name) in [`Self::skills`].
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name.get(&fold(name)).copied()
    }

    /// The canonical skill for one spelling ("js" → JavaScript). Case is not checked here:
    /// a spelling given on its own (a skills list item) is a skill name.
    pub fn canonical(&self, spelling: &str) -> Option<&Skill> {
        let folded: Vec<String> = words(&normalize_line(spelling))
            .iter()
            .map(|w| fold_word(w))
            .collect();
        let mut key = folded.join(" ");
        if !self.by_spelling.contains_key(&key)
            && let Some(first) = folded.first()
            && let Some(v) = prefix_variants(first).into_iter().next()
        {
            key = std::iter::once(v)
                .chain(folded[1..].iter().cloned())
                .collect::<Vec<_>>()
                .join(" ");
        }
        self.by_spelling
            .get(&key)
            .and_then(|l| l.first())
            .map(|e| &self.skills[e.skill])
    }

    /// Every known skill mentioned in `text`, in order of first mention, each once.
    pub fn find_all(&self, text: &str) -> Vec<&Skill> {
        let mut seen = vec![false; self.skills.len()];
        let mut order = Vec::new();
        self.scan(text, &mut seen, &mut order);
        order.into_iter().map(|i| &self.skills[i]).collect()
    }

    /// Marks in `seen` (indexed like [`Self::skills`], resized if needed) every skill mentioned in `text`.
    /// Cheaper than [`Self::find_all`] when many texts are scanned into one set.
    pub fn mark_all(&self, text: &str, seen: &mut Vec<bool>) {
        if seen.len() < self.skills.len() {
            seen.resize(self.skills.len(), false);
        }
        let mut order = Vec::new();
        self.scan(text, seen, &mut order);
    }

    fn scan(&self, text: &str, seen: &mut [bool], order: &mut Vec<usize>) {
        let mut key = String::new();
        for line in text.lines() {
            let line = normalize_line(line);
            for segment in line.split(is_boundary) {
                let raw = words(segment);
                if raw.is_empty() {
                    continue;
                }
                let folded: Vec<String> = raw.iter().map(|w| fold_word(w)).collect();
                let mut i = 0;
                while i < folded.len() {
                    match self.match_at(&raw, &folded, i, &mut key) {
                        Some((n, skill)) => {
                            if !seen[skill] {
                                seen[skill] = true;
                                order.push(skill);
                            }
                            i += n;
                        }
                        None => i += 1,
                    }
                }
            }
        }
    }

    /// Tries the longest spelling starting at word `i` (as written, then without Arabic prefixes);
    /// returns how many words it covered and the skill's position, or `None`.
    fn match_at(
        &self,
        raw: &[&str],
        folded: &[String],
        i: usize,
        key: &mut String,
    ) -> Option<(usize, usize)> {
        self.match_at_variant(raw, folded, i, key)
            .map(|(n, skill, _)| (n, skill))
    }

    /// [`Self::match_at`], also telling whether the match needed an Arabic prefix cut from the first word.
    fn match_at_variant(
        &self,
        raw: &[&str],
        folded: &[String],
        i: usize,
        key: &mut String,
    ) -> Option<(usize, usize, bool)> {
        let first = folded[i].as_str();
        let mut firsts: Vec<String> = Vec::new();
        if self.first_words.contains_key(first) {
            firsts.push(first.to_string());
        }
        if first
            .chars()
            .next()
            .is_some_and(crate::text::is_arabic_char)
        {
            for v in prefix_variants(first) {
                if self.first_words.contains_key(&v) {
                    firsts.push(v);
                }
            }
        }
        for (variant_no, head) in firsts.iter().enumerate() {
            let longest = self.first_words[head].min(folded.len() - i);
            for n in (1..=longest).rev() {
                key.clear();
                key.push_str(head);
                for w in &folded[i + 1..i + n] {
                    key.push(' ');
                    key.push_str(w);
                }
                let Some(entries) = self.by_spelling.get(key.as_str()) else {
                    continue;
                };
                let hit = entries.iter().find(|e| match &e.exact {
                    None => true,
                    // An exact spelling is checked against the words as written (never with a prefix cut).
                    Some(spelled) => variant_no == 0 && same_case(&raw[i..i + n], spelled),
                });
                if let Some(e) = hit {
                    return Some((n, e.skill, head.as_str() != first));
                }
            }
        }
        None
    }

    /// Splits a run of skills written with only spaces between them ("Patient Assessment IV Therapy
    /// Wound Care") into pieces, longest known spelling first: each known skill is one piece (as
    /// written), and each stretch of unknown words between them is one piece with `skill: None`.
    /// Text with no known skill gives one unknown piece; the caller decides what to keep.
    pub fn split_run(&self, text: &str) -> Vec<RunPiece> {
        let line = normalize_line(text);
        let raw = words(&line);
        let folded: Vec<String> = raw.iter().map(|w| fold_word(w)).collect();
        let mut key = String::new();
        let mut out: Vec<RunPiece> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        let flush = |unknown: &mut Vec<&str>, out: &mut Vec<RunPiece>| {
            if !unknown.is_empty() {
                out.push(RunPiece {
                    text: unknown.join(" "),
                    skill: None,
                    prefixed: false,
                });
                unknown.clear();
            }
        };
        let mut i = 0;
        while i < folded.len() {
            match self.match_at_variant(&raw, &folded, i, &mut key) {
                Some((n, skill, prefixed)) => {
                    flush(&mut unknown, &mut out);
                    out.push(RunPiece {
                        text: raw[i..i + n].join(" "),
                        skill: Some(skill),
                        prefixed,
                    });
                    i += n;
                }
                None => {
                    unknown.push(raw[i]);
                    i += 1;
                }
            }
        }
        flush(&mut unknown, &mut out);
        out
    }
}

/// One piece of [`SkillLexicon::split_run`]: words as written, and the known skill they spell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunPiece {
    pub text: String,
    /// Position in [`SkillLexicon::skills`], or `None` for words the lexicon does not know.
    pub skill: Option<usize>,
    /// The skill was found only after cutting an Arabic prefix (و/ف/ب/ل/ك, ال) from the first word:
    /// "والضريبة" is "and tax", joined to what comes before it.
    pub prefixed: bool,
}

/// A spelling never runs across these.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | '،'
            | '؛'
            | '|'
            | '•'
            | '·'
            | '●'
            | '▪'
            | '('
            | ')'
            | '['
            | ']'
            | ':'
            | '\t'
            | '!'
            | '?'
            | '؟'
    )
}

/// Written exactly as the spelling, or all in capitals (headings).
fn same_case(raw: &[&str], spelled: &[String]) -> bool {
    raw.len() == spelled.len()
        && raw.iter().zip(spelled).all(|(r, s)| {
            *r == s.as_str() || (r.chars().count() > 1 && *r == s.to_uppercase().as_str())
        })
}

/// An Arabic word without its leading conjunction/preposition and article: "وبالمحاسبة" → "بالمحاسبه",
/// "المحاسبه", "محاسبه". Only results of two letters or more ("وحل" → "حل").
fn prefix_variants(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |s: &str, out: &mut Vec<String>| {
        if s.chars().count() >= 2 && s != word && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    let mut stems = vec![word];
    if let Some(rest) = word.strip_prefix(['و', 'ف']) {
        stems.push(rest);
    }
    for s in stems.clone() {
        if let Some(rest) = s.strip_prefix(['ب', 'ل', 'ك']) {
            stems.push(rest);
        }
        // "لل" = ل + ال with the alef dropped.
        if let Some(rest) = s.strip_prefix("لل") {
            stems.push(rest);
        }
    }
    for s in stems {
        push(s, &mut out);
        if let Some(rest) = s.strip_prefix("ال") {
            push(rest, &mut out);
        }
    }
    out
}

/// [`fold`] for one word of an already normalised line (no second normalisation pass).
fn fold_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits text into word tokens; keeps skill punctuation inside words (C++, C#, .NET, Node.js).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '/' | '&')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '/' | '&')))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        SkillLexicon::builtin()
            .find_all(text)
            .iter()
            .map(|s| s.name.as_str())
            .collect()
    }

    #[test]
    fn finds_aliases_and_arabic_equivalents() {
        let found = names("Skilled in JS, Python and إدارة المشاريع; advanced اكسل.");
        assert!(found.contains(&"JavaScript"), "{found:?}");
        assert!(found.contains(&"Python"), "{found:?}");
        assert!(found.contains(&"Project Management"), "{found:?}");
        assert!(found.contains(&"Excel"), "{found:?}");
    }

    #[test]
    fn whole_words_only() {
        let lex = SkillLexicon::builtin();
        let found = names("JSON schemas");
        assert!(!found.contains(&"JavaScript"), "{found:?}");
        assert_eq!(lex.canonical("c++").map(|s| s.name.as_str()), Some("C++"));
    }

    #[test]
    fn exact_case_spellings_ignore_ordinary_words() {
        let found = names("Ready to go; we rest on Fridays.");
        assert!(!found.contains(&"Go"), "{found:?}");
        assert!(!found.contains(&"REST APIs"), "{found:?}");
        let found = names("Languages: Go, Python. Built REST services.");
        assert!(found.contains(&"Go"), "{found:?}");
        assert!(found.contains(&"REST APIs"), "{found:?}");
        assert_eq!(
            SkillLexicon::builtin()
                .canonical("go")
                .map(|s| s.name.as_str()),
            Some("Go")
        );
    }

    #[test]
    fn arabic_prefixes_and_article_are_stripped() {
        let found = names("خبرة في بايثون وجافاسكريبت والمحاسبة، وبإدارة المشاريع");
        for want in ["Python", "JavaScript", "Accounting", "Project Management"] {
            assert!(found.contains(&want), "{want} not in {found:?}");
        }
        assert_eq!(
            SkillLexicon::builtin()
                .canonical("محاسبة")
                .map(|s| s.name.as_str()),
            Some("Accounting")
        );
    }

    #[test]
    fn longest_spelling_wins_and_commas_separate() {
        let found = names("Spring Boot, Machine, Learning");
        assert!(found.contains(&"Spring Boot"), "{found:?}");
        assert!(!found.contains(&"Machine Learning"), "{found:?}");
    }

    #[test]
    fn split_run_cuts_at_known_skills_longest_first() {
        let lex = SkillLexicon::builtin();
        let pieces = |t: &str| -> Vec<(String, bool)> {
            lex.split_run(t)
                .into_iter()
                .map(|p| (p.text, p.skill.is_some()))
                .collect()
        };
        assert_eq!(
            pieces("Java Spring Boot Widget Tuning AWS"),
            [
                ("Java".to_string(), true),
                ("Spring Boot".to_string(), true),
                ("Widget Tuning".to_string(), false),
                ("AWS".to_string(), true),
            ]
        );
        let ar = lex.split_run("العمل الجماعي حل المشكلات والتدقيق الداخلي");
        assert_eq!(ar.len(), 3, "{ar:?}");
        assert!(ar.iter().all(|p| p.skill.is_some()), "{ar:?}");
        assert!(!ar[0].prefixed && ar[2].prefixed, "{ar:?}");
    }

    #[test]
    fn every_spelling_points_to_one_skill_only() {
        // Two skills claiming the same spelling would make matching depend on file order.
        let lex = SkillLexicon::builtin();
        for (key, entries) in &lex.by_spelling {
            let mut skills: Vec<usize> = entries.iter().map(|e| e.skill).collect();
            skills.dedup();
            assert_eq!(
                skills.len(),
                1,
                "spelling '{key}' is claimed by {:?}",
                skills
                    .iter()
                    .map(|&i| &lex.skills[i].name)
                    .collect::<Vec<_>>()
            );
        }
        let mut names: Vec<String> = lex.skills.iter().map(|s| fold(&s.name)).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate skill names");
    }
}
