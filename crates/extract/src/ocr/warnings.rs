//! The warnings of a document read by OCR: one place decides which (codes with arguments, see
//! `jobgate_core::warning`; put into words in the reader's language from `warning-ocr-*`).

use jobgate_core::contract::{Cv, Warning};
use jobgate_core::document::OcrInfo;

/// Most unsure words quoted when no field can be named.
const QUOTED: usize = 5;

/// The warnings for a document OCR read, naming the parsed CV's fields that hold unsure words.
pub fn warnings(info: &OcrInfo, cv: &Cv) -> Vec<Warning> {
    let mut out = vec![Warning::ocr_text(info.pages.len())];
    if info.skipped_pages > 0 {
        out.push(Warning::ocr_pages_skipped(
            info.skipped_pages as usize,
            super::MAX_OCR_PAGES,
        ));
    }
    if info.unsure_words.is_empty() {
        return out;
    }
    let fields = unsure_fields(&info.unsure_words, cv);
    out.push(if fields.is_empty() {
        let quoted: Vec<String> = info.unsure_words.iter().take(QUOTED).cloned().collect();
        Warning::ocr_unsure_words(&quoted, info.unsure_words.len() > QUOTED)
    } else {
        Warning::ocr_unsure_fields(&fields)
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
    use jobgate_core::Lang;

    fn arabic(w: &Warning) -> String {
        w.phrase().expect("a known code").plain(Lang::Ar)
    }

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
        let w = warnings(&info, &cv);
        assert_eq!(w[0].code, "OCR_TEXT");
        assert!(w[0].message.contains("OCR"), "{}", w[0].message);
        assert!(arabic(&w[0]).contains("التعرّف الضوئي"), "{}", arabic(&w[0]));
        assert_eq!(w[1].code, "OCR_LOW_CONFIDENCE");
        assert!(
            w[1].message.contains("your name, your phone number"),
            "{}",
            w[1].message
        );
        let ar = arabic(&w[1]);
        assert!(ar.contains("اسمك") && ar.contains("رقم هاتفك"), "{ar}");
        // Words in no field are quoted instead.
        let other = OcrInfo {
            pages: vec![0, 1],
            unsure_words: vec!["Kubernetes".into()],
            skipped_pages: 2,
            ..OcrInfo::default()
        };
        let w = warnings(&other, &cv);
        assert!(w[0].message.starts_with("2 pages"), "{}", w[0].message);
        assert_eq!(w[1].code, "OCR_PAGES_SKIPPED");
        assert!(w[1].message.contains("first 10"), "{}", w[1].message);
        assert!(w[2].message.contains("Kubernetes"), "{}", w[2].message);
        assert!(arabic(&w[2]).contains("Kubernetes"), "{}", arabic(&w[2]));
    }
}
