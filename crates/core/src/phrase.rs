//! Messages kept as codes, not sentences: a Fluent id with typed arguments, put into words only when
//! shown, in whatever language the person reads then.
//!
//! A [`Phrase`] is what the engine stores (checks, suggestions, warnings); rendering is done here, once,
//! in three forms: [`Phrase::segments`] for the window (the CV's own words marked, so the UI isolates
//! them with `<bdi>`), [`Phrase::plain`] for a terminal (no invisible bidi characters at all), and
//! [`Phrase::render`] for JSON (the CV's words wrapped in U+2068…U+2069 where a bidi renderer, e.g. a
//! web page, needs them: always inside Arabic, inside English when they hold right-to-left letters).
//!
//! What the words are is left to the Fluent files (`locales/`); what the arguments mean, to the code
//! that builds a phrase.

use crate::i18n::{Lang, Localizer};
use fluent_bundle::{FluentArgs, FluentValue};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One message: a Fluent id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Phrase {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// An argument of a [`Phrase`], typed by what it is to a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Words from the CV or the person (a name, a heading, a file name): shown as they are, isolated.
    Cv(String),
    /// A count: `PLURAL($count)` selects on it; shown as digits.
    Count(i64),
    /// A value that is not words (a size such as `10MB`, a score, a code a message selects on).
    Value(String),
    /// Another message, in the same language.
    Phrase(Box<Phrase>),
    /// Items joined with the language's comma, with `…` after them when `more`.
    List { items: Vec<Arg>, more: bool },
    /// A name with a spelling in each language (a skill from the lexicon: "Project Management",
    /// "إدارة المشاريع"): shown in the reader's language, isolated like the CV's words.
    Term { en: String, ar: String },
}

/// A run of rendered text; `cv` when it is the CV's (or the person's) own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Segment {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cv: bool,
}

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
/// Placeholders for arguments while Fluent formats the sentence around them (a private-use area:
/// never in our Fluent files, and CV words never pass through Fluent in this form).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// True for the invisible bidi controls a terminal would show as junk (U+2066–U+2069, U+202A–U+202E,
/// U+200E, U+200F, U+061C).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn has_rtl(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

impl Phrase {
    /// A phrase with no arguments.
    pub fn new(id: impl Into<String>) -> Phrase {
        Phrase {
            id: id.into(),
            args: BTreeMap::new(),
        }
    }

    /// Adds an argument (builder style).
    pub fn arg(mut self, name: &str, value: Arg) -> Phrase {
        self.args.insert(name.to_string(), value);
        self
    }

    /// Sets `$count` (for `PLURAL($count)`).
    pub fn count(self, n: usize) -> Phrase {
        self.arg("count", Arg::Count(n as i64))
    }

    /// Adds the CV's own words.
    pub fn cv(self, name: &str, text: impl Into<String>) -> Phrase {
        self.arg(name, Arg::Cv(text.into()))
    }

    /// Adds a value that is not words.
    pub fn value(self, name: &str, v: impl ToString) -> Phrase {
        self.arg(name, Arg::Value(v.to_string()))
    }

    /// Adds another message.
    pub fn phrase(self, name: &str, p: Phrase) -> Phrase {
        self.arg(name, Arg::Phrase(Box::new(p)))
    }

    /// The message in `lang` as runs of text, the CV's words marked; no bidi controls in it.
    pub fn segments(&self, lang: Lang) -> Vec<Segment> {
        let mut out = Vec::new();
        render_into(self, lang, &mut out);
        merge(out)
    }

    /// The message in `lang` for a terminal or a log: no invisible bidi characters.
    pub fn plain(&self, lang: Lang) -> String {
        self.segments(lang).into_iter().map(|s| s.text).collect()
    }

    /// The message in `lang` for JSON and web pages: the CV's words isolated (U+2068…U+2069) inside
    /// Arabic, and inside English when they hold right-to-left letters.
    pub fn render(&self, lang: Lang) -> String {
        join_for_web(&self.segments(lang), lang)
    }
}

/// Segments as one string, isolating the CV's words where a bidi renderer needs it.
pub fn join_for_web(segments: &[Segment], lang: Lang) -> String {
    let mut s = String::new();
    for seg in segments {
        if seg.cv && (lang.is_rtl() || has_rtl(&seg.text)) {
            s.push(FSI);
            s.push_str(&seg.text);
            s.push(PDI);
        } else {
            s.push_str(&seg.text);
        }
    }
    s
}

/// The text of `s` outside its isolated runs (U+2068…U+2069, as [`Phrase::render`] isolates the CV's
/// words): the message's own words, in the reader's language.
pub fn outside_isolates(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of `s` without any bidi control, for a terminal.
pub fn strip_bidi(s: &str) -> String {
    // Most text has none: copied whole, not rebuilt character by character.
    if !s.chars().any(is_bidi_control) {
        return s.to_string();
    }
    s.chars().filter(|c| !is_bidi_control(*c)).collect()
}

fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::En => ", ",
    }
}

fn arg_segments(arg: &Arg, lang: Lang, out: &mut Vec<Segment>) {
    match arg {
        Arg::Cv(text) => out.push(Segment {
            text: strip_bidi(text),
            cv: true,
        }),
        Arg::Count(n) => out.push(Segment {
            text: n.to_string(),
            cv: false,
        }),
        Arg::Value(v) => out.push(Segment {
            text: strip_bidi(v),
            cv: false,
        }),
        Arg::Term { en, ar } => out.push(Segment {
            text: strip_bidi(if lang == Lang::Ar { ar } else { en }),
            cv: true,
        }),
        Arg::Phrase(p) => render_into(p, lang, out),
        Arg::List { items, more } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(Segment {
                        text: list_separator(lang).into(),
                        cv: false,
                    });
                }
                arg_segments(item, lang, out);
            }
            if *more {
                out.push(Segment {
                    text: "…".into(),
                    cv: false,
                });
            }
        }
    }
}

fn render_into(p: &Phrase, lang: Lang, out: &mut Vec<Segment>) {
    let mut fargs = FluentArgs::new();
    // Arguments Fluent must see as they are (counts and values, which messages select on); the rest
    // become placeholders whose segments are spliced in after formatting.
    let mut spliced: Vec<&Arg> = Vec::new();
    for (name, arg) in &p.args {
        match arg {
            Arg::Count(n) => fargs.set(name.clone(), FluentValue::from(*n)),
            Arg::Value(v) => fargs.set(name.clone(), FluentValue::from(strip_bidi(v))),
            _ => {
                fargs.set(
                    name.clone(),
                    FluentValue::from(format!("{OPEN}{}{CLOSE}", spliced.len())),
                );
                spliced.push(arg);
            }
        }
    }
    let text = Localizer::get(lang).format_fluent(&p.id, &fargs);
    let mut rest = text.as_str();
    while let Some(start) = rest.find(OPEN) {
        push_plain(&rest[..start], out);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            break;
        };
        if let Some(arg) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| spliced.get(i))
        {
            arg_segments(arg, lang, out);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    push_plain(rest, out);
}

fn push_plain(text: &str, out: &mut Vec<Segment>) {
    let text = strip_bidi(text);
    if !text.is_empty() {
        out.push(Segment { text, cv: false });
    }
}

fn merge(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments {
        if s.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.cv == s.cv && !s.cv => last.text.push_str(&s.text),
            _ => out.push(s),
        }
    }
    out
}

/// A list argument of at most `max` items (`…` after when there were more).
pub fn list_of(items: impl IntoIterator<Item = Arg>, max: usize) -> Arg {
    let all: Vec<Arg> = items.into_iter().collect();
    let more = all.len() > max;
    Arg::List {
        items: all.into_iter().take(max).collect(),
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cv_words_are_marked_and_isolated_only_where_needed() {
        let p = Phrase::new("ats-contact-partial")
            .arg(
                "found",
                list_of(
                    [Arg::Phrase(Box::new(
                        Phrase::new("ats-contact-item")
                            .phrase("field", Phrase::new("ats-field-email"))
                            .cv("value", "a@b.com"),
                    ))],
                    3,
                ),
            )
            .arg(
                "missing",
                list_of([Arg::Phrase(Box::new(Phrase::new("ats-field-phone")))], 3),
            );
        let en = p.segments(Lang::En);
        assert!(en.iter().any(|s| s.cv && s.text == "a@b.com"), "{en:?}");
        assert!(en.iter().all(|s| !s.text.chars().any(is_bidi_control)));
        assert_eq!(p.render(Lang::En), p.plain(Lang::En));
        let ar = p.render(Lang::Ar);
        assert!(ar.contains("\u{2068}a@b.com\u{2069}"), "{ar}");
        let plain = p.plain(Lang::Ar);
        assert!(!plain.chars().any(is_bidi_control), "{plain:?}");
        assert!(plain.contains("a@b.com"));
        // Outside the CV's words, the Arabic sentence has no Latin letters.
        for s in p.segments(Lang::Ar).iter().filter(|s| !s.cv) {
            assert!(!s.text.chars().any(|c| c.is_ascii_alphabetic()), "{s:?}");
        }
    }

    #[test]
    fn counts_select_the_plural_and_phrases_survive_json() {
        let p = Phrase::new("ats-skills-found").count(103).arg(
            "examples",
            list_of(["Go", "SQL", "Rust", "C"].map(|s| Arg::Cv(s.into())), 3),
        );
        let json = serde_json::to_string(&p).unwrap();
        let back: Phrase = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let en = back.plain(Lang::En);
        assert!(en.contains("103") && en.contains("Go, SQL, Rust…"), "{en}");
        let ar = back.plain(Lang::Ar);
        assert!(ar.contains("Go، SQL، Rust…"), "{ar}");
    }

    #[test]
    fn a_term_is_said_in_the_readers_language_and_isolated() {
        let p = Phrase::new("match-check-suggestion").arg(
            "missing",
            list_of(
                [Arg::Term {
                    en: "Project Management".into(),
                    ar: "إدارة المشاريع".into(),
                }],
                3,
            ),
        );
        assert!(p.plain(Lang::En).contains("Project Management"));
        let ar = p.render(Lang::Ar);
        assert!(ar.contains("\u{2068}إدارة المشاريع\u{2069}"), "{ar}");
        assert!(!ar.contains("Project"), "{ar}");
    }

    #[test]
    fn a_placeholder_character_in_the_cv_does_no_harm() {
        let p = Phrase::new("ats-quote").cv("text", "x\u{E000}0\u{E001}y");
        assert_eq!(p.plain(Lang::En), "“x\u{E000}0\u{E001}y”");
    }

    #[test]
    fn an_unknown_id_falls_back_to_the_id() {
        assert_eq!(
            Phrase::new("no-such-message").plain(Lang::Ar),
            "no-such-message"
        );
    }
}
