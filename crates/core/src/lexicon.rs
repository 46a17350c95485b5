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

use crate::text::{fold, normalize_line, normalize_line_into};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
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
    /// Spellings that are also the vendor's name ("Oracle"): not this skill when another capitalised
    /// word follows, which names another of the vendor's products ("Oracle Fusion", "Oracle HCM").
    #[serde(default)]
    pub vendor: Vec<String>,
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
    /// The spelling is the vendor's name too (see [`Skill::vendor`]).
    vendor: bool,
}

/// FxHash, rustc's hasher. Scanning looks up every word of every text in these maps; SipHash's
/// resistance to crafted keys buys nothing for a table compiled into the binary and cost most of
/// each lookup (matching scans 1,000 CVs per ranking).
#[derive(Debug, Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// The loaded lexicon with an index from folded spelling to skill.
#[derive(Debug)]
pub struct SkillLexicon {
    skills: Vec<Skill>,
    by_spelling: WordMap<Vec<Entry>>,
    /// For each first word of a spelling, the longest spelling (in words) that starts with it,
    /// so scanning only looks ahead where something can match.
    first_words: WordMap<usize>,
    by_name: WordMap<usize>,
}

/// The words of one segment of text, as written (ranges into the normalised line) and folded (ranges
/// into one shared buffer). Reused from segment to segment, so scanning a text allocates a few
/// buffers, not a string per word.
#[derive(Default)]
struct Tokens {
    raw: Vec<Range<usize>>,
    folded_text: String,
    folded: Vec<Range<usize>>,
}

impl Tokens {
    /// Replaces the words with those of `segment`, a slice of `line`.
    fn fill(&mut self, line: &str, segment: &str) {
        self.raw.clear();
        self.folded.clear();
        self.folded_text.clear();
        let base = line.as_ptr() as usize;
        for w in words_iter(segment) {
            let at = w.as_ptr() as usize - base;
            self.raw.push(at..at + w.len());
            let start = self.folded_text.len();
            fold_word_into(w, &mut self.folded_text);
            self.folded.push(start..self.folded_text.len());
        }
    }

    fn len(&self) -> usize {
        self.raw.len()
    }

    fn folded(&self, i: usize) -> &str {
        &self.folded_text[self.folded[i].clone()]
    }
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
            by_spelling: WordMap::default(),
            first_words: WordMap::default(),
            by_name: WordMap::default(),
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
                    vendor: s.vendor.iter().any(|v| v == spelling),
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
        self.canonical_index(spelling).map(|i| &self.skills[i])
    }

    /// [`Self::canonical`] as a position in [`Self::skills`], for callers that keep sets of skills
    /// by position (the same as `index_of` of the skill's name, without folding the name again).
    pub fn canonical_index(&self, spelling: &str) -> Option<usize> {
        let line = normalize_line(spelling);
        let mut key = String::with_capacity(line.len());
        let mut first_end = 0;
        for (n, w) in words_iter(&line).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            fold_word_into(w, &mut key);
            if n == 0 {
                first_end = key.len();
            }
        }
        if !self.by_spelling.contains_key(key.as_str())
            && let Some(v) = prefix_variants(&key[..first_end])
                .as_slice()
                .first()
                .copied()
        {
            key = format!("{v}{}", &key[first_end..]);
        }
        self.by_spelling
            .get(key.as_str())
            .and_then(|l| l.first())
            .map(|e| e.skill)
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
        let mut line = String::new();
        let mut tokens = Tokens::default();
        for raw_line in text.lines() {
            normalize_line_into(raw_line, &mut line);
            for segment in line.split(is_boundary) {
                tokens.fill(&line, segment);
                let mut i = 0;
                while i < tokens.len() {
                    match self.match_at_variant(&line, &tokens, i, &mut key) {
                        Some((n, skill, _)) => {
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
    /// returns how many words it covered, the skill's position, and whether the match needed an Arabic
    /// prefix cut from the first word; `None` when nothing matches.
    fn match_at_variant(
        &self,
        line: &str,
        tokens: &Tokens,
        i: usize,
        key: &mut String,
    ) -> Option<(usize, usize, bool)> {
        let first = tokens.folded(i);
        // Heads are tried in order: the word as written, then its prefix variants; only the first
        // head tried may match a spelling whose case counts.
        let mut tried = 0;
        if let Some(&longest) = self.first_words.get(first) {
            if let Some((n, skill)) = self.longest_from(line, tokens, i, first, longest, tried, key)
            {
                return Some((n, skill, false));
            }
            tried += 1;
        }
        if first
            .chars()
            .next()
            .is_some_and(crate::text::is_arabic_char)
        {
            for &head in prefix_variants(first).as_slice() {
                if let Some(&longest) = self.first_words.get(head) {
                    if let Some((n, skill)) =
                        self.longest_from(line, tokens, i, head, longest, tried, key)
                    {
                        return Some((n, skill, head != first));
                    }
                    tried += 1;
                }
            }
        }
        None
    }

    /// The longest spelling of at most `longest` words that starts with `head` in place of word `i`
    /// and continues with the words after it: (words covered, skill position).
    #[allow(clippy::too_many_arguments)]
    fn longest_from(
        &self,
        line: &str,
        tokens: &Tokens,
        i: usize,
        head: &str,
        longest: usize,
        tried: usize,
        key: &mut String,
    ) -> Option<(usize, usize)> {
        let longest = longest.min(tokens.len() - i);
        for n in (1..=longest).rev() {
            let entries = if n == 1 {
                self.by_spelling.get(head)
            } else {
                key.clear();
                key.push_str(head);
                for j in i + 1..i + n {
                    key.push(' ');
                    key.push_str(tokens.folded(j));
                }
                self.by_spelling.get(key.as_str())
            };
            let Some(entries) = entries else {
                continue;
            };
            // The next word, when only spaces part it from this spelling: a capitalised one after a
            // vendor's name names another of its products.
            let product_follows = || {
                tokens.raw.get(i + n).is_some_and(|next| {
                    line[tokens.raw[i + n - 1].end..next.start]
                        .trim()
                        .is_empty()
                        && line[next.clone()].starts_with(|c: char| c.is_uppercase())
                })
            };
            let hit = entries.iter().find(|e| match &e.exact {
                _ if e.vendor && product_follows() => false,
                None => true,
                // An exact spelling is checked against the words as written (never with a prefix cut).
                Some(spelled) => {
                    tried == 0
                        && same_case(
                            tokens.raw[i..i + n].iter().map(|r| &line[r.clone()]),
                            n,
                            spelled,
                        )
                }
            });
            if let Some(e) = hit {
                return Some((n, e.skill));
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
        let mut tokens = Tokens::default();
        tokens.fill(&line, &line);
        let raw = |j: usize| &line[tokens.raw[j].clone()];
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
        while i < tokens.len() {
            match self.match_at_variant(&line, &tokens, i, &mut key) {
                Some((n, skill, prefixed)) => {
                    flush(&mut unknown, &mut out);
                    out.push(RunPiece {
                        text: (i..i + n).map(raw).collect::<Vec<_>>().join(" "),
                        skill: Some(skill),
                        prefixed,
                    });
                    i += n;
                }
                None => {
                    unknown.push(raw(i));
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
fn same_case<'a>(raw: impl Iterator<Item = &'a str>, n: usize, spelled: &[String]) -> bool {
    n == spelled.len()
        && raw.zip(spelled).all(|(r, s)| {
            r == s.as_str()
                || (r.chars().count() > 1 && r.chars().eq(s.chars().flat_map(char::to_uppercase)))
        })
}

/// The variants of [`prefix_variants`]: at most twelve, all suffixes of the word (no allocation).
struct Variants<'a> {
    items: [&'a str; 12],
    len: usize,
}

impl<'a> Variants<'a> {
    fn push(&mut self, s: &'a str) {
        if !self.as_slice().contains(&s) {
            self.items[self.len] = s;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

/// An Arabic word without its leading conjunction/preposition and article: "وبالمحاسبة" → "بالمحاسبه",
/// "المحاسبه", "محاسبه". Only results of two letters or more ("وحل" → "حل").
fn prefix_variants(word: &str) -> Variants<'_> {
    let mut out = Variants {
        items: [""; 12],
        len: 0,
    };
    // Stems: the word, without و/ف, then each of those without ب/ل/ك or "لل" (= ل + ال, alef dropped).
    let mut stems: [&str; 6] = [""; 6];
    let mut n = 0;
    stems[n] = word;
    n += 1;
    if let Some(rest) = word.strip_prefix(['و', 'ف']) {
        stems[n] = rest;
        n += 1;
    }
    let first = stems;
    for &s in &first[..n] {
        if let Some(rest) = s.strip_prefix(['ب', 'ل', 'ك']) {
            stems[n] = rest;
            n += 1;
        }
        if let Some(rest) = s.strip_prefix("لل") {
            stems[n] = rest;
            n += 1;
        }
    }
    let keep = |s: &str| s.chars().nth(1).is_some() && s != word;
    for &s in &stems[..n] {
        if keep(s) {
            out.push(s);
        }
        if let Some(rest) = s.strip_prefix("ال")
            && keep(rest)
        {
            out.push(rest);
        }
    }
    out
}

/// [`fold`] for one word of an already normalised line (no second normalisation pass).
fn fold_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    fold_word_into(w, &mut out);
    out
}

/// [`fold_word`], appended to `out`.
fn fold_word_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // The Arabic block has no case (tested): no lookup in the lower-case tables.
            '\u{0600}'..='\u{06FF}' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Splits text into word tokens; keeps skill punctuation inside words (C++, C#, .NET, Node.js).
fn words(s: &str) -> Vec<&str> {
    words_iter(s).collect()
}

/// [`words`] as an iterator: maximal runs of [`is_word_char`], without leading or trailing `.-/&`.
/// Walks bytes and decodes only non-ASCII characters: scanning every CV of a ranking spends most of
/// its time here, and `str::split` with a closure decodes and classifies each character the slow way.
fn words_iter(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            // Skip separators.
            while at < bytes.len() {
                let (word, len) = char_class(s, at);
                if word {
                    break;
                }
                at += len;
            }
            if at >= bytes.len() {
                return None;
            }
            let start = at;
            while at < bytes.len() {
                let (word, len) = char_class(s, at);
                if !word {
                    break;
                }
                at += len;
            }
            let w = s[start..at].trim_matches(|c: char| matches!(c, '.' | '-' | '/' | '&'));
            if !w.is_empty() {
                return Some(w);
            }
        }
    })
}

/// Whether the character at byte `at` of `s` is a word character, and its length in bytes.
#[inline]
fn char_class(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at];
    if b.is_ascii() {
        return (is_word_char(b as char), 1);
    }
    let c = s[at..].chars().next().unwrap_or(' ');
    (is_word_char(c), c.len_utf8())
}

/// Letters, digits and the punctuation skills use. ASCII is decided without the Unicode tables
/// (`char::is_alphanumeric` looks every space and comma up in them; for ASCII it is exactly
/// `is_ascii_alphanumeric`).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '/' | '&')
    } else {
        // Arabic letters and digits are the other common case; the tables are a binary search.
        matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}') || c.is_alphanumeric()
    }
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
    fn a_vendors_name_before_another_of_its_products_is_not_that_skill() {
        for text in [
            "Oracle Fusion, SAP",
            "Implemented Oracle HCM Cloud",
            "Oracle E-Business Suite",
        ] {
            let found = names(text);
            assert!(!found.contains(&"Oracle Database"), "{text}: {found:?}");
        }
        assert!(names("Oracle NetSuite").contains(&"NetSuite"));
        for text in [
            "SQL, Oracle, PostgreSQL",
            "Oracle and PostgreSQL",
            "Databases: Oracle",
            "Oracle DB",
        ] {
            assert!(names(text).contains(&"Oracle Database"), "{text}");
        }
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
    fn word_characters_agree_with_unicode() {
        for c in (0u32..0x800).filter_map(char::from_u32) {
            let want = c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '-' | '/' | '&');
            assert_eq!(is_word_char(c), want, "{c:?}");
        }
        // The Arabic block has no case, so fold_word_into may copy it as it is.
        for c in '\u{0600}'..='\u{06FF}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        let w: Vec<&str> = words_iter(" .NET, C++ / Node.js -- بايثون٣ & x.").collect();
        assert_eq!(w, ["NET", "C++", "Node.js", "بايثون٣", "x"]);
    }

    #[test]
    fn canonical_index_is_the_index_of_the_canonical_name() {
        let lex = SkillLexicon::builtin();
        for s in lex.skills() {
            for spelling in std::iter::once(&s.name).chain(&s.aliases) {
                let by_index = lex.canonical_index(spelling);
                let by_name = lex.canonical(spelling).and_then(|c| lex.index_of(&c.name));
                assert_eq!(by_index, by_name, "{spelling}");
                assert!(by_index.is_some(), "{spelling}");
            }
        }
        assert_eq!(lex.canonical_index("no such skill here"), None);
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
