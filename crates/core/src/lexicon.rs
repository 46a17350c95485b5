//! The skills lexicon (`lexicons/skills.toml`): canonical skills with synonyms, abbreviations and
//! Arabic equivalents. Used by the analyser's skill extraction and by job matching.
//!
//! Matching is on folded text ([`crate::text::fold`]) and whole words, so "JS" matches "JS," but not "JSON".

use crate::text::fold;
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
}

#[derive(Debug, Deserialize)]
struct SkillsFile {
    #[serde(rename = "skill")]
    skills: Vec<Skill>,
}

/// The loaded lexicon with an index from folded spelling to skill.
#[derive(Debug)]
pub struct SkillLexicon {
    skills: Vec<Skill>,
    by_spelling: HashMap<String, usize>,
    /// Longest spelling, in words, so scanning knows how far to look ahead.
    max_words: usize,
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
        let mut by_spelling = HashMap::new();
        let mut max_words = 1;
        for (i, s) in file.skills.iter().enumerate() {
            for spelling in std::iter::once(&s.name).chain(s.aliases.iter()) {
                let key = words(&fold(spelling)).join(" ");
                max_words = max_words.max(key.split(' ').count());
                by_spelling.entry(key).or_insert(i);
            }
        }
        Ok(SkillLexicon {
            skills: file.skills,
            by_spelling,
            max_words,
        })
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The canonical skill for one spelling ("js" → JavaScript).
    pub fn canonical(&self, spelling: &str) -> Option<&Skill> {
        let key = words(&fold(spelling)).join(" ");
        self.by_spelling.get(&key).map(|&i| &self.skills[i])
    }

    /// Every known skill mentioned in `text`, in order of first mention, each once.
    pub fn find_all(&self, text: &str) -> Vec<&Skill> {
        let folded = fold(text);
        let toks = words(&folded);
        let mut seen = vec![false; self.skills.len()];
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut matched = 0;
            for n in (1..=self.max_words.min(toks.len() - i)).rev() {
                let key = toks[i..i + n].join(" ");
                if let Some(&idx) = self.by_spelling.get(&key) {
                    if !seen[idx] {
                        seen[idx] = true;
                        out.push(&self.skills[idx]);
                    }
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

/// Splits folded text into word tokens; keeps skill punctuation inside words (C++, C#, .NET, Node.js).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '/')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '/')))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_aliases_and_arabic_equivalents() {
        let lex = SkillLexicon::builtin();
        let found: Vec<&str> = lex
            .find_all("Skilled in JS, Python and إدارة المشاريع; advanced اكسل.")
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert!(found.contains(&"JavaScript"), "{found:?}");
        assert!(found.contains(&"Python"), "{found:?}");
        assert!(found.contains(&"Project Management"), "{found:?}");
        assert!(found.contains(&"Excel"), "{found:?}");
    }

    #[test]
    fn whole_words_only() {
        let lex = SkillLexicon::builtin();
        let found: Vec<&str> = lex
            .find_all("JSON schemas")
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert!(!found.contains(&"JavaScript"), "{found:?}");
        assert_eq!(lex.canonical("c++").map(|s| s.name.as_str()), Some("C++"));
    }
}
