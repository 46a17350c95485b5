//! Warnings as codes with typed arguments, like [`crate::ErrorCode`]: the result is still usable, and
//! the warning is put into words from the Fluent files (`warning-*` in `locales/*/errors.ftl`) in the
//! language of whoever reads it, when they read it.
//!
//! To add a warning: a [`WarningCode`] variant (its `as_str` is the `code` of the JSON, its Fluent id is
//! `warning-` and the code in kebab case, e.g. `OCR_LOW_CONFIDENCE` → `warning-ocr-low-confidence`), a
//! message in both languages, and a constructor on [`Warning`] taking the arguments typed. A failure
//! that became a warning (an AI step that fell back to the rules) keeps its error code: see
//! [`Warning::from_error`].

use crate::contract::Warning;
use crate::error::{ErrorCode, JobGateError};
use crate::i18n::Lang;
use crate::phrase::{Arg, Phrase};

/// Stable warning codes (the `code` field). Never rename one: the UI, sync and outside tests use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// Only part of the file could be read (`cause`: which part, see [`PartialCause`]).
    PartialText,
    /// No section heading was recognised; entries were found by their dates.
    NoSectionHeadings,
    /// The text came from OCR (`pages`: how many pages were scans or photos).
    OcrText,
    /// OCR was unsure of words (`detail`: the CV fields that hold them, or some of the words).
    OcrLowConfidence,
    /// Scanned pages past the page cap were not read (`skipped`, `read`).
    OcrPagesSkipped,
}

impl WarningCode {
    pub const ALL: [WarningCode; 5] = [
        WarningCode::PartialText,
        WarningCode::NoSectionHeadings,
        WarningCode::OcrText,
        WarningCode::OcrLowConfidence,
        WarningCode::OcrPagesSkipped,
    ];

    /// The `code` string, e.g. `PARTIAL_TEXT`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::PartialText => "PARTIAL_TEXT",
            WarningCode::NoSectionHeadings => "NO_SECTION_HEADINGS",
            WarningCode::OcrText => "OCR_TEXT",
            WarningCode::OcrLowConfidence => "OCR_LOW_CONFIDENCE",
            WarningCode::OcrPagesSkipped => "OCR_PAGES_SKIPPED",
        }
    }

    pub fn from_code(code: &str) -> Option<WarningCode> {
        WarningCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The Fluent message id, e.g. `warning-partial-text`.
    pub fn message_id(self) -> String {
        message_id_of(self.as_str())
    }
}

/// `warning-` and the code in kebab case.
fn message_id_of(code: &str) -> String {
    format!("warning-{}", code.to_lowercase().replace('_', "-"))
}

/// Which part of a file could not be read (`PARTIAL_TEXT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartialCause {
    /// Pages (counted from 1) whose text could not be read.
    Pages(Vec<u32>),
    /// The file ends before its end marker.
    CutShort,
    /// The archive (DOCX) is damaged; what was before the damage was read.
    DamagedArchive,
    /// The document's text is damaged after some point.
    DamagedText,
    /// A part (header, footer, notes) is larger than any CV's, so it was left out.
    PartTooLarge,
    /// A part (header, footer, notes) is damaged, so it was left out.
    PartDamaged,
    /// Some pages are scans and text recognition (OCR) is not installed.
    OcrUnavailable,
}

impl PartialCause {
    fn phrase(&self) -> Phrase {
        match self {
            PartialCause::Pages(pages) => Phrase::new("warning-partial-text-pages")
                .count(pages.len())
                .arg(
                    "pages",
                    Arg::List {
                        items: pages.iter().map(|p| Arg::Count(i64::from(*p))).collect(),
                        more: false,
                    },
                ),
            PartialCause::CutShort => Phrase::new("warning-partial-text-cut-short"),
            PartialCause::DamagedArchive => Phrase::new("warning-partial-text-damaged-archive"),
            PartialCause::DamagedText => Phrase::new("warning-partial-text-damaged-text"),
            PartialCause::PartTooLarge => Phrase::new("warning-partial-text-part-too-large"),
            PartialCause::PartDamaged => Phrase::new("warning-partial-text-part-damaged"),
            PartialCause::OcrUnavailable => Phrase::new("warning-partial-text-ocr-unavailable"),
        }
    }
}

impl Warning {
    /// A warning of `code` with its arguments; the message is rendered in English until the analysis
    /// is put into the reader's language ([`crate::AnalysisResponse::localize`]).
    pub fn new(code: WarningCode, args: Phrase) -> Warning {
        let phrase = Phrase {
            id: code.message_id(),
            args: args.args,
        };
        Warning {
            code: code.as_str().to_string(),
            message: phrase.render(Lang::En),
            args: phrase.args,
        }
    }

    /// `PARTIAL_TEXT`: part of the file could not be read.
    pub fn partial_text(cause: PartialCause) -> Warning {
        Warning::new(
            WarningCode::PartialText,
            Phrase::new("").phrase("cause", cause.phrase()),
        )
    }

    /// `NO_SECTION_HEADINGS`.
    pub fn no_section_headings() -> Warning {
        Warning::new(WarningCode::NoSectionHeadings, Phrase::new(""))
    }

    /// `OCR_TEXT`: `pages` pages were scans or photos read by OCR.
    pub fn ocr_text(pages: usize) -> Warning {
        Warning::new(
            WarningCode::OcrText,
            Phrase::new("").arg("pages", Arg::Count(pages as i64)),
        )
    }

    /// `OCR_LOW_CONFIDENCE` naming the CV's fields that hold unsure words (keys of
    /// `warning-ocr-field-*`: `name`, `email`, `phone`, `dates`, `work`, `education`, `skills`).
    pub fn ocr_unsure_fields(fields: &[&str]) -> Warning {
        let items = fields
            .iter()
            .map(|f| Arg::Phrase(Box::new(Phrase::new(format!("warning-ocr-field-{f}")))))
            .collect();
        let detail = Phrase::new("warning-ocr-low-confidence-fields")
            .arg("fields", Arg::List { items, more: false });
        Warning::new(
            WarningCode::OcrLowConfidence,
            Phrase::new("").phrase("detail", detail),
        )
    }

    /// `OCR_LOW_CONFIDENCE` quoting some of the unsure words (when no field holds them).
    pub fn ocr_unsure_words(words: &[String], more: bool) -> Warning {
        let items = words.iter().map(|w| Arg::Cv(w.clone())).collect();
        let detail =
            Phrase::new("warning-ocr-low-confidence-words").arg("words", Arg::List { items, more });
        Warning::new(
            WarningCode::OcrLowConfidence,
            Phrase::new("").phrase("detail", detail),
        )
    }

    /// `OCR_PAGES_SKIPPED`: `skipped` scanned pages past the first `read` were not read.
    pub fn ocr_pages_skipped(skipped: usize, read: usize) -> Warning {
        Warning::new(
            WarningCode::OcrPagesSkipped,
            Phrase::new("")
                .arg("skipped", Arg::Count(skipped as i64))
                .arg("read", Arg::Count(read as i64)),
        )
    }

    /// A failure that did not stop the work (e.g. `AI_UNAVAILABLE`: the rules' result is used), said
    /// in `lang` with the error's own Fluent message.
    pub fn from_error(e: &JobGateError, lang: Lang) -> Warning {
        let phrase = e.phrase();
        Warning {
            code: e.code().as_str().to_string(),
            message: phrase.render(lang),
            args: phrase.args,
        }
    }

    /// The warning as a phrase, when its code is known here (a warning code or an error code);
    /// `None` for a code this version does not know (its stored `message` is all there is).
    pub fn phrase(&self) -> Option<Phrase> {
        let id = if let Some(code) = WarningCode::from_code(&self.code) {
            code.message_id()
        } else if let Some(code) = ErrorCode::ALL.into_iter().find(|c| c.as_str() == self.code) {
            // An error with the program's own reason is the error's message wrapped (see
            // [`JobGateError::phrase`]).
            if self.args.contains_key("message") {
                "error-with-reason".to_string()
            } else {
                code.message_id()
            }
        } else {
            // A warning added the old way (a code and an English message, no arguments) whose
            // Fluent message exists and needs no arguments: the message of its code.
            let id = message_id_of(&self.code);
            let en = crate::i18n::Localizer::get(Lang::En);
            if !en.has(&id) || (self.args.is_empty() && en.uses_variables(&id)) {
                return None;
            }
            id
        };
        let mut args = self.args.clone();
        if id == "error-with-reason"
            && let Some(Arg::Value(english)) = args.get("reason").cloned()
        {
            // Stored when a reason was the program's English words: said as a technical detail.
            args.insert(
                "reason".into(),
                Arg::Phrase(Box::new(
                    Phrase::new("error-technical-detail").cv("detail", english),
                )),
            );
        }
        if self.code == WarningCode::PartialText.as_str() && !args.contains_key("cause") {
            // Stored before warnings had arguments: which part is not known any more.
            args.insert(
                "cause".into(),
                Arg::Phrase(Box::new(Phrase::new("warning-partial-text-unknown"))),
            );
        }
        Some(Phrase { id, args })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_code_has_a_message_in_both_languages() {
        for code in WarningCode::ALL {
            for lang in Lang::ALL {
                let loc = crate::i18n::Localizer::get(lang);
                assert!(
                    loc.has(&code.message_id()),
                    "{lang:?} lacks {}",
                    code.message_id()
                );
            }
        }
    }

    #[test]
    fn a_partial_file_is_said_in_either_language_and_survives_json() {
        let w = Warning::partial_text(PartialCause::Pages(vec![2, 5]));
        assert_eq!(w.code, "PARTIAL_TEXT");
        assert!(w.message.contains("2, 5"), "{}", w.message);
        let back: Warning = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        let ar = back.phrase().unwrap().plain(Lang::Ar);
        assert!(crate::text::arabic_ratio(&ar) > 0.8, "{ar}");
        assert!(ar.contains("2، 5"), "{ar}");
    }

    #[test]
    fn an_old_warning_without_arguments_still_has_words() {
        // Stored before warnings had arguments: a code and an English message.
        let old: Warning = serde_json::from_str(
            r#"{"code": "PARTIAL_TEXT", "message": "Only part of the file could be read: page 2 could not be read"}"#,
        )
        .unwrap();
        let ar = old.phrase().unwrap().plain(Lang::Ar);
        assert!(crate::text::arabic_ratio(&ar) > 0.8, "{ar}");
        let unknown = Warning {
            code: "SOMETHING_NEW".into(),
            message: "x".into(),
            ..Warning::default()
        };
        assert!(unknown.phrase().is_none());
        let loc = crate::i18n::Localizer::get(Lang::En);
        assert!(loc.uses_variables("warning-partial-text"));
        assert!(loc.uses_variables("warning-partial-text-pages"));
        assert!(!loc.uses_variables("warning-no-section-headings"));
    }

    #[test]
    fn an_error_warning_says_its_reason_in_the_readers_language() {
        let e = JobGateError::ai_unavailable(crate::Reason::new("reason-ai-no-key"));
        let w = Warning::from_error(&e, Lang::En);
        let back: Warning = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        let ar = crate::phrase::outside_isolates(&back.phrase().unwrap().render(Lang::Ar));
        assert!(ar.contains("لم يُضبط مفتاح OpenRouter API"), "{ar}");
        // Stored when the reason was English words: in Arabic, marked as a technical detail and
        // isolated, never as a sentence of the message.
        let old: Warning = serde_json::from_str(
            r#"{"code": "AI_UNAVAILABLE", "message": "x", "args": {"message": {"phrase": {"id": "error-ai-unavailable"}}, "reason": {"value": "no OpenRouter API key is set"}}}"#,
        )
        .unwrap();
        let shown = old.phrase().unwrap().render(Lang::Ar);
        assert!(shown.contains("تفصيل تقني"), "{shown}");
        assert!(
            !crate::phrase::outside_isolates(&shown).contains("OpenRouter API key"),
            "{shown}"
        );
    }
}
