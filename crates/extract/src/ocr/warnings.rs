//! The warnings of a document read by OCR, in the reader's language: one place makes them all
//! (Fluent ids `warning-ocr-*` in `locales/*/errors.ftl`).

use jobgate_core::contract::{Cv, Warning};
use jobgate_core::document::OcrInfo;
use jobgate_core::i18n::{Lang, Localizer};

/// `OCR_TEXT`: the text came from OCR.
pub const OCR_TEXT: &str = "OCR_TEXT";
/// `OCR_LOW_CONFIDENCE`: OCR was unsure of words; the fields to check are named.
pub const OCR_LOW_CONFIDENCE: &str = "OCR_LOW_CONFIDENCE";
/// `OCR_PAGES_SKIPPED`: scanned pages past the page cap were not read.
pub const OCR_PAGES_SKIPPED: &str = "OCR_PAGES_SKIPPED";

/// Most unsure words quoted when no field can be named.
const QUOTED: usize = 5;

/// The warnings for a document OCR read, naming the parsed CV's fields that hold unsure words.
pub fn warnings(info: &OcrInfo, cv: &Cv, lang: Lang) -> Vec<Warning> {
    let loc = Localizer::get(lang);
    let mut out = vec![Warning {
        code: OCR_TEXT.into(),
        message: loc.format(
            "warning-ocr-used",
            &[("pages", info.pages.len().to_string())],
        ),
    }];
    if info.skipped_pages > 0 {
        out.push(Warning {
            code: OCR_PAGES_SKIPPED.into(),
            message: loc.format(
                "warning-ocr-pages-skipped",
                &[
                    ("skipped", info.skipped_pages.to_string()),
                    ("read", super::MAX_OCR_PAGES.to_string()),
                ],
            ),
        });
    }
    if info.unsure_words.is_empty() {
        return out;
    }
    let fields = unsure_fields(&info.unsure_words, cv);
    let message = if fields.is_empty() {
        let words: Vec<String> = info
            .unsure_words
            .iter()
            .take(QUOTED)
            .map(|w| format!("“{w}”"))
            .collect();
        loc.format(
            "warning-ocr-low-confidence-words",
            &[("words", words.join(", "))],
        )
    } else {
        let names: Vec<String> = fields
            .iter()
            .map(|f| loc.format::<&str, &str>(&format!("warning-ocr-field-{f}"), &[]))
            .collect();
        let and = loc.format::<&str, &str>("warning-ocr-list-and", &[]);
        let list = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) if lang == Lang::Ar => format!("{} {and}{last}", rest.join(" و")),
            Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
            None => String::new(),
        };
        loc.format("warning-ocr-low-confidence", &[("fields", list)])
    };
    out.push(Warning {
        code: OCR_LOW_CONFIDENCE.into(),
        message,
    });
    out
}

/// Which fields of the CV hold a word OCR was unsure of, in a fixed order (`name`, `email`, `phone`,
/// `dates`, `work`, `education`, `skills`).
pub fn unsure_fields(unsure: &[String], cv: &Cv) -> Vec<&'static str> {
    let words: Vec<String> = unsure.iter().map(|w| w.to_lowercase()).collect();
    let has = |text: &str| {
        let text = text.to_lowercase();
        !text.is_empty() && words.iter().any(|w| text.contains(w.as_str()))
    };
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let phone = digits(&cv.personal_info.phone);
    let phone_unsure = !phone.is_empty()
        && words.iter().any(|w| {
            let d = digits(w);
            d.len() >= 3 && phone.contains(&d)
        });
    let p = &cv.personal_info;
    let dates = cv
        .experience
        .iter()
        .flat_map(|e| [&e.start, &e.end, &e.period])
        .chain(
            cv.education
                .iter()
                .flat_map(|e| [&e.start, &e.end, &e.years]),
        )
        .any(|s| has(s));
    let work = cv
        .experience
        .iter()
        .any(|e| has(&e.title) || has(&e.company));
    let education = cv
        .education
        .iter()
        .any(|e| has(&e.degree) || has(&e.school) || has(&e.field));
    let skills = cv.skills.iter().any(|s| has(s));
    [
        ("name", has(&p.name)),
        ("email", has(&p.email)),
        ("phone", phone_unsure),
        ("dates", dates),
        ("work", work),
        ("education", education),
        ("skills", skills),
    ]
    .into_iter()
    .filter_map(|(f, yes)| yes.then_some(f))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warnings_name_the_fields_to_check_in_both_languages() {
        let mut cv = Cv::default();
        cv.personal_info.name = "Omar Elsayed".into();
        cv.personal_info.phone = "+20 100 555 7788".into();
        let info = OcrInfo {
            pages: vec![0],
            unsure_words: vec!["Elsayed".into(), "555".into()],
            ..OcrInfo::default()
        };
        let en = warnings(&info, &cv, Lang::En);
        assert_eq!(en[0].code, OCR_TEXT);
        assert!(en[0].message.contains("OCR"), "{}", en[0].message);
        assert_eq!(en[1].code, OCR_LOW_CONFIDENCE);
        assert!(
            en[1].message.contains("your name and your phone number"),
            "{}",
            en[1].message
        );
        let ar = warnings(&info, &cv, Lang::Ar);
        assert!(ar[1].message.contains("اسمك"), "{}", ar[1].message);
        assert!(ar[1].message.contains("رقم هاتفك"), "{}", ar[1].message);
        // Words in no field are quoted instead.
        let other = OcrInfo {
            pages: vec![0, 1],
            unsure_words: vec!["Kubernetes".into()],
            skipped_pages: 2,
            ..OcrInfo::default()
        };
        let w = warnings(&other, &cv, Lang::En);
        assert!(w[0].message.starts_with("2 pages"), "{}", w[0].message);
        assert_eq!(w[1].code, OCR_PAGES_SKIPPED);
        assert!(w[2].message.contains("“Kubernetes”"), "{}", w[2].message);
    }
}
