//! Fluent messages in English and Arabic (`locales/{en,ar}/*.ftl`, compiled in).
//!
//! Plurals: `intl_pluralrules` 7.0 (used inside fluent-bundle) misclassifies Arabic numbers >= 100
//! (103 should be "few", 111 "many"). Our messages therefore select on `PLURAL($count)`, a function
//! registered here that implements the CLDR rule itself, and never on a bare number.
//!
//! Isolation marks (U+2068/U+2069) around placeables are kept for Arabic, so an email inside an Arabic
//! sentence keeps its order, and dropped for English.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A user-interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// `en`, `ar` (and `ar-SA`, `en_GB`…); anything else is `None`.
    pub fn from_code(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        match s.get(..2) {
            Some("en") => Some(Lang::En),
            Some("ar") => Some(Lang::Ar),
            _ => None,
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The language to talk to the user in about a document in `doc`.
    pub fn for_document(doc: crate::DocLanguage) -> Lang {
        match doc {
            crate::DocLanguage::Ar => Lang::Ar,
            _ => Lang::En,
        }
    }
}

/// The area files, one per part of the product; both languages have the same ones.
macro_rules! ftl_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/errors.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/ats.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/builder.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/export.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/matching.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/ui.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/reasons.ftl")),
        ]
    };
}

const EN_FILES: [&str; 8] = ftl_files!("en");
const AR_FILES: [&str; 8] = ftl_files!("ar");

/// CLDR cardinal plural category for an integer (`zero`, `one`, `two`, `few`, `many`, `other`).
pub fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
    }
}

/// Formats messages of one language.
pub struct Localizer {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    source: String,
}

impl Localizer {
    /// The shared localizer for `lang` (built once).
    pub fn get(lang: Lang) -> &'static Localizer {
        static EN: OnceLock<Localizer> = OnceLock::new();
        static AR: OnceLock<Localizer> = OnceLock::new();
        match lang {
            Lang::En => EN.get_or_init(|| Localizer::build(Lang::En, &EN_FILES)),
            Lang::Ar => AR.get_or_init(|| Localizer::build(Lang::Ar, &AR_FILES)),
        }
    }

    fn build(lang: Lang, files: &[&str]) -> Localizer {
        let langid: unic_langid::LanguageIdentifier = lang.code().parse().expect("language id");
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(lang == Lang::Ar);
        bundle
            .add_function("PLURAL", move |positional, _named| {
                let n = match positional.first() {
                    Some(FluentValue::Number(n)) => n.value as i64,
                    Some(FluentValue::String(s)) => {
                        s.trim().parse::<f64>().map(|f| f as i64).unwrap_or(0)
                    }
                    _ => 0,
                };
                FluentValue::String(plural_category(lang, n).into())
            })
            .expect("PLURAL function");
        let mut source = String::new();
        for text in files {
            // Files are ours and tested; a syntax error is a bug caught by the tests below.
            let res = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, _errors)) => r,
            };
            let _ = bundle.add_resource(res);
            source.push_str(text);
            source.push('\n');
        }
        Localizer {
            lang,
            bundle,
            source,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The concatenated Fluent source, for the web UI to load into its own Fluent bundle.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Whether message `id` refers to a variable (`{ $x }`) anywhere in its text.
    pub fn uses_variables(&self, id: &str) -> bool {
        let mut lines = self.source.lines();
        let head = format!("{id} =");
        for line in lines.by_ref() {
            if line.starts_with(&head) {
                if line.contains('$') {
                    return true;
                }
                break;
            }
        }
        lines
            .take_while(|l| l.starts_with(char::is_whitespace) || l.is_empty())
            .any(|l| l.contains('$'))
    }

    /// Formats `id` with string arguments; a missing message falls back to English, then to the id.
    pub fn format<K: AsRef<str>, V: AsRef<str>>(&self, id: &str, args: &[(K, V)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(
                k.as_ref().to_string(),
                FluentValue::from(v.as_ref().to_string()),
            );
        }
        self.format_args(id, &fargs)
    }

    /// Formats `id` with `$count` set to a number (for `PLURAL($count)`) besides the string arguments.
    pub fn format_count<K: AsRef<str>, V: AsRef<str>>(
        &self,
        id: &str,
        count: i64,
        args: &[(K, V)],
    ) -> String {
        let mut fargs = FluentArgs::new();
        fargs.set("count", FluentValue::from(count));
        for (k, v) in args {
            fargs.set(
                k.as_ref().to_string(),
                FluentValue::from(v.as_ref().to_string()),
            );
        }
        self.format_args(id, &fargs)
    }

    /// Formats `id` with Fluent arguments as they are (for [`crate::phrase`]).
    pub(crate) fn format_fluent(&self, id: &str, args: &FluentArgs) -> String {
        self.format_args(id, args)
    }

    fn format_args(&self, id: &str, args: &FluentArgs) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            if self.lang != Lang::En {
                return Localizer::get(Lang::En).format_args(id, args);
            }
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    /// Every message id in this language.
    pub fn ids(&self) -> Vec<String> {
        message_ids(&self.source)
    }
}

/// Message ids defined in a Fluent source (lines starting with an identifier and `=`).
fn message_ids(source: &str) -> Vec<String> {
    let mut ids: Vec<String> = source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages() {
        for (i, (en, ar)) in EN_FILES.iter().zip(AR_FILES.iter()).enumerate() {
            assert_eq!(
                message_ids(en),
                message_ids(ar),
                "ftl file #{i} differs between en and ar"
            );
        }
    }

    #[test]
    fn every_file_parses_without_errors() {
        for text in EN_FILES.iter().chain(AR_FILES.iter()) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("Fluent syntax errors: {errors:?}");
            }
        }
    }

    #[test]
    fn arabic_plural_categories_including_above_100() {
        let cases = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (10, "few"),
            (11, "many"),
            (99, "many"),
            (100, "other"),
            (102, "other"),
            (103, "few"),
            (111, "many"),
            (200, "other"),
            (1003, "few"),
        ];
        for (n, cat) in cases {
            assert_eq!(plural_category(Lang::Ar, n), cat, "n = {n}");
        }
        assert_eq!(plural_category(Lang::En, 1), "one");
        assert_eq!(plural_category(Lang::En, 103), "other");
    }

    #[test]
    fn plural_messages_use_the_right_arabic_form() {
        let ar = Localizer::get(Lang::Ar);
        let none: [(&str, &str); 0] = [];
        let three = ar.format_count("cli-files-analyzed", 3, &none);
        let eleven = ar.format_count("cli-files-analyzed", 11, &none);
        let one_oh_three = ar.format_count("cli-files-analyzed", 103, &none);
        assert!(three.contains("ملفات"), "{three}");
        assert!(eleven.contains("ملفًا"), "{eleven}");
        assert!(one_oh_three.contains("ملفات"), "{one_oh_three}");
    }
}
