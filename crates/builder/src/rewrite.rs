//! Rewriting one achievement into achievement-focused phrasing by rules: drop filler ("responsible
//! for", "worked on", "مسؤول عن"), start with a strong verb in the right tense, capitalise, and tell
//! whether a number is missing. The words live in `lexicons/verbs.toml`; this module only applies them.
//!
//! The user always sees the rewrite as a suggestion (`pending_rewrite`) and decides; an LLM rewrite
//! (the `ai` crate) may replace this one when enabled.

use jobgate_core::text::{arabic_ratio, fold, normalize_line};
use serde::Deserialize;
use std::sync::OnceLock;

/// The tense of the verb: past for a job that ended, present for the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
}

/// The result of rewriting one achievement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// The suggested wording.
    pub text: String,
    /// True when the wording differs from what the user typed.
    pub changed: bool,
    /// True when there is no number (or number word) in it: ask "by how much? how many?".
    pub needs_number: bool,
}

#[derive(Debug, Deserialize)]
struct LexiconFile {
    en: LangRules,
    ar: LangRules,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LangRules {
    leading_words: Vec<String>,
    attached_prefixes: Vec<String>,
    quantity_words: Vec<String>,
    fillers: Vec<FillerRule>,
    verbs: Vec<VerbRule>,
}

#[derive(Debug, Deserialize)]
struct FillerRule {
    phrase: String,
    verb: String,
}

#[derive(Debug, Deserialize)]
struct VerbRule {
    key: String,
    past: String,
    present: String,
    forms: Vec<String>,
}

type Words = Vec<String>;

/// One language's rules, with every phrase split into folded words.
#[derive(Debug)]
struct Compiled {
    leading: Vec<Words>,
    attached: Vec<String>,
    quantity: Vec<Words>,
    /// (phrase, index into `verbs`), longest phrase first.
    fillers: Vec<(Words, Option<usize>)>,
    verbs: Vec<VerbRule>,
    /// (form, index into `verbs`), longest form first.
    forms: Vec<(Words, usize)>,
}

fn words(s: &str) -> Words {
    s.split_whitespace().map(key).collect()
}

/// A word as compared: folded, without surrounding punctuation.
fn key(w: &str) -> String {
    fold(w)
        .trim_matches(|c: char| {
            !c.is_alphanumeric() && c != '%' && c != '-' && c != '*' && c != '•'
        })
        .to_string()
}

impl Compiled {
    fn new(rules: LangRules) -> Compiled {
        let verb_index = |k: &str| rules.verbs.iter().position(|v| v.key == k);
        let mut fillers: Vec<(Words, Option<usize>)> = rules
            .fillers
            .iter()
            .map(|f| (words(&f.phrase), verb_index(&f.verb)))
            .collect();
        fillers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut forms: Vec<(Words, usize)> = rules
            .verbs
            .iter()
            .enumerate()
            .flat_map(|(i, v)| v.forms.iter().map(move |f| (words(f), i)))
            .collect();
        forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut leading: Vec<Words> = rules.leading_words.iter().map(|w| words(w)).collect();
        leading.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Compiled {
            leading,
            attached: rules.attached_prefixes.iter().map(|p| fold(p)).collect(),
            quantity: rules.quantity_words.iter().map(|w| words(w)).collect(),
            fillers,
            verbs: rules.verbs,
            forms,
        }
    }
}

fn starts_with(tokens: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && tokens.len() >= phrase.len() && tokens[..phrase.len()] == *phrase
}

fn contains(tokens: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && tokens.windows(phrase.len()).any(|w| w == phrase)
}

/// The achievement rewriter (both languages).
#[derive(Debug)]
pub struct Rewriter {
    en: Compiled,
    ar: Compiled,
}

impl Rewriter {
    /// The rules of `lexicons/verbs.toml`, compiled in.
    pub fn builtin() -> &'static Rewriter {
        static R: OnceLock<Rewriter> = OnceLock::new();
        R.get_or_init(|| {
            Rewriter::from_toml(include_str!("../../../lexicons/verbs.toml"))
                .expect("lexicons/verbs.toml is valid (tested)")
        })
    }

    /// Rules from a TOML text in the format of `lexicons/verbs.toml`.
    pub fn from_toml(src: &str) -> Result<Rewriter, toml::de::Error> {
        let file: LexiconFile = toml::from_str(src)?;
        Ok(Rewriter {
            en: Compiled::new(file.en),
            ar: Compiled::new(file.ar),
        })
    }

    fn rules_for(&self, text: &str) -> &Compiled {
        if arabic_ratio(text) > 0.5 {
            &self.ar
        } else {
            &self.en
        }
    }

    /// True when the text holds a number, a percentage or a number word.
    pub fn has_quantity(&self, text: &str) -> bool {
        let text = normalize_line(text);
        if text
            .chars()
            .any(|c| c.is_ascii_digit() || c == '%' || c == '٪')
        {
            return true;
        }
        let tokens: Words = text.split_whitespace().map(key).collect();
        let rules = self.rules_for(&text);
        rules.quantity.iter().any(|q| contains(&tokens, q))
    }

    /// Rewrites one achievement.
    pub fn rewrite(&self, text: &str, tense: Tense) -> Rewrite {
        let original = normalize_line(text);
        let trimmed = original
            .trim_end_matches(['.', ';', '؛', ',', '،'])
            .trim()
            .to_string();
        let needs_number = !self.has_quantity(&trimmed);
        if trimmed.is_empty() {
            return Rewrite {
                text: trimmed,
                changed: false,
                needs_number,
            };
        }
        let rules = self.rules_for(&trimmed);
        let mut tokens: Vec<String> = trimmed.split(' ').map(str::to_string).collect();
        let keys = |t: &[String]| -> Words { t.iter().map(|w| key(w)).collect() };

        // Words that add nothing at the start ("I", "-", "أنا"), repeatedly.
        loop {
            let k = keys(&tokens);
            match rules.leading.iter().find(|l| starts_with(&k, l)) {
                Some(l) if l.len() < tokens.len() => {
                    tokens.drain(..l.len());
                }
                _ => break,
            }
        }
        // One filler phrase, remembering the verb it hides.
        let mut filler_verb = None;
        let k = keys(&tokens);
        if let Some((phrase, verb)) = rules
            .fillers
            .iter()
            .find(|(p, _)| starts_with(&k, p) && p.len() < tokens.len())
        {
            tokens.drain(..phrase.len());
            filler_verb = *verb;
            // "قمت بإدارة" → "إدارة": a preposition glued to the next word.
            if let Some(first) = tokens.first().cloned() {
                for prefix in &rules.attached {
                    let folded = fold(&first);
                    if let Some(rest) = folded.strip_prefix(prefix.as_str())
                        && !rest.is_empty()
                        && rules
                            .forms
                            .iter()
                            .any(|(f, _)| f.first().is_some_and(|w| w == rest))
                    {
                        let cut = first.chars().count() - rest.chars().count();
                        tokens[0] = first.chars().skip(cut).collect();
                    }
                }
            }
        }
        // A known verb form at the start becomes the strong verb in the right tense.
        let k = keys(&tokens);
        let verb_out = |i: usize, already_past: bool| {
            let v = &rules.verbs[i];
            if tense == Tense::Past || already_past {
                v.past.clone()
            } else {
                v.present.clone()
            }
        };
        if let Some((form, i)) = rules.forms.iter().find(|(f, _)| starts_with(&k, f)) {
            let already_past = *form == words(&rules.verbs[*i].past);
            let verb = verb_out(*i, already_past);
            tokens.splice(..form.len(), [verb]);
        } else if let Some(i) = filler_verb {
            tokens.insert(0, verb_out(i, false));
        }
        let mut out = tokens.join(" ");
        // Capitalise the first letter (no effect on Arabic).
        if let Some(c) = out.chars().next()
            && c.is_lowercase()
        {
            out = c.to_uppercase().chain(out.chars().skip(1)).collect();
        }
        Rewrite {
            changed: out != original,
            text: out,
            needs_number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(s: &str) -> String {
        Rewriter::builtin().rewrite(s, Tense::Past).text
    }

    #[test]
    fn english_fillers_become_strong_verbs() {
        assert_eq!(
            rw("responsible for managing a team of 5 engineers"),
            "Managed a team of 5 engineers"
        );
        assert_eq!(
            rw("I was responsible for the sales team."),
            "Managed the sales team"
        );
        assert_eq!(
            rw("worked on the new billing system"),
            "Developed the new billing system"
        );
        assert_eq!(
            rw("helped customers with returns"),
            "Supported customers with returns"
        );
        assert_eq!(
            rw("involved in the ERP migration"),
            "Contributed to the ERP migration"
        );
    }

    #[test]
    fn current_job_gets_the_present_tense_unless_already_past() {
        let r = Rewriter::builtin();
        assert_eq!(
            r.rewrite("managing the payroll of 300 staff", Tense::Present)
                .text,
            "Manage the payroll of 300 staff"
        );
        assert_eq!(
            r.rewrite("Increased sales by 20%", Tense::Present).text,
            "Increased sales by 20%"
        );
        assert!(!r.rewrite("Increased sales by 20%", Tense::Present).changed);
    }

    #[test]
    fn capitalises_and_keeps_unknown_verbs() {
        assert_eq!(rw("spearheaded the rollout"), "Spearheaded the rollout");
    }

    #[test]
    fn arabic_fillers_and_masdar_become_verbs() {
        assert_eq!(
            rw("مسؤول عن إدارة فريق من 5 مهندسين"),
            "أدرت فريق من 5 مهندسين"
        );
        assert_eq!(rw("قمت بإدارة المشروع"), "أدرت المشروع");
        assert_eq!(rw("كنت مسؤولا عن الفريق"), "أدرت الفريق");
        assert_eq!(rw("عملت على تطوير النظام"), "طورت النظام");
        assert_eq!(
            Rewriter::builtin()
                .rewrite("تطوير تطبيق الجوال", Tense::Present)
                .text,
            "أطور تطبيق الجوال"
        );
    }

    #[test]
    fn missing_numbers_are_detected_in_both_languages() {
        let r = Rewriter::builtin();
        assert!(r.rewrite("Managed the team", Tense::Past).needs_number);
        assert!(!r.rewrite("Managed a team of 5", Tense::Past).needs_number);
        assert!(!r.rewrite("Doubled the revenue", Tense::Past).needs_number);
        assert!(
            !r.rewrite("زيادة المبيعات بنسبة ٢٠٪", Tense::Past)
                .needs_number
        );
        assert!(r.rewrite("إدارة الفريق", Tense::Past).needs_number);
        assert!(
            !r.rewrite("خفضت التكاليف إلى النصف", Tense::Past)
                .needs_number
        );
    }
}
