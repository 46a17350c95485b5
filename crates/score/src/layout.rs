//! Layout facts for the formatting check, read from the extracted [`Document`]: section headings,
//! length, extraction problems, whether the contact details are in the body text.
//!
//! Headings are lines the extractor marked with `heading_hint` (DOCX heading styles, larger bold PDF
//! fonts) and lines that are a standard heading from `data/headings.txt` (so plain text works too). Splitting the document into sections is the parser's job.

use jobgate_core::Document;
use jobgate_core::text::fold;
use std::sync::OnceLock;

const HEADINGS_TXT: &str = include_str!("../data/headings.txt");

/// Words per page of a typical CV, to estimate pages when the format has none (DOCX, text).
const WORDS_PER_PAGE: usize = 450;

/// What the formatting check needs to know about a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    /// Distinct section headings, in order of appearance, as written.
    pub headings: Vec<String>,
    pub words: usize,
    /// Page count (estimated from words when the format has no pages).
    pub pages: u32,
    /// Messages of the extraction warnings (text in images, unreadable parts…).
    pub problems: Vec<String>,
    pub has_text: bool,
}

fn standard_headings() -> &'static Vec<String> {
    static SET: OnceLock<Vec<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut v: Vec<String> = HEADINGS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect();
        v.sort();
        v.dedup();
        v
    })
}

/// True when `line` is a standard section heading ("EXPERIENCE", "Skills:", "الخبرات العملية").
pub(crate) fn is_standard_heading(line: &str) -> bool {
    let folded = fold(line);
    let key = folded
        .trim()
        .trim_end_matches([':', '：', '-', '–', '.'])
        .trim();
    standard_headings().binary_search(&key.to_string()).is_ok()
}

/// Reads the layout facts. `name` (the person's name) is never counted as a heading, though it is
/// usually the largest text on the page.
pub(crate) fn layout(doc: &Document, name: &str) -> Layout {
    let name = fold(name.trim());
    let mut headings: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for line in &doc.lines {
        let text = line.text.trim();
        let is_heading = (line.heading_hint && text.split_whitespace().count() <= 6)
            || is_standard_heading(text);
        if is_heading && !text.is_empty() {
            let key = fold(text);
            if key != name && !seen.contains(&key) {
                seen.push(key);
                headings.push(text.trim_end_matches(':').trim().to_string());
            }
        }
    }
    let words: usize = doc
        .lines
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    let pages = if doc.pages > 0 && doc.format != jobgate_core::document::SourceFormat::Text {
        doc.pages
    } else {
        words.div_ceil(WORDS_PER_PAGE).max(1) as u32
    };
    let problems = doc
        .warnings
        .iter()
        .map(|w| {
            if w.message.trim().is_empty() {
                w.code.clone()
            } else {
                w.message.trim().to_string()
            }
        })
        .collect();
    Layout {
        headings,
        words,
        pages,
        problems,
        has_text: words > 0,
    }
}

/// Whether the email or phone of the CV appears in the document's text lines.
/// `None` when the CV has neither (nothing to look for).
pub(crate) fn contact_in_body(doc: &Document, email: &str, phone: &str) -> Option<bool> {
    let email = email.trim().to_lowercase();
    let phone_digits: String = jobgate_core::text::ascii_digits(phone)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let look_email = email.contains('@');
    let look_phone = phone_digits.len() >= 7;
    if !look_email && !look_phone {
        return None;
    }
    let found = doc.lines.iter().any(|l| {
        (look_email && l.text.to_lowercase().contains(&email))
            || (look_phone && {
                let digits: String = jobgate_core::text::ascii_digits(&l.text)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                // The last 7 digits survive both "+966 50…" and "050…" spellings.
                digits.contains(&phone_digits[phone_digits.len() - 7..])
            })
    });
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_core::Line;

    #[test]
    fn standard_headings_in_both_languages() {
        assert!(is_standard_heading("WORK EXPERIENCE"));
        assert!(is_standard_heading("Skills:"));
        assert!(is_standard_heading("الخبرات العملية"));
        assert!(is_standard_heading("المؤهلات العلميه"));
        assert!(!is_standard_heading("Senior Backend Engineer"));
    }

    #[test]
    fn hinted_and_standard_headings_but_not_the_name() {
        let mut doc = Document::from_text("Omar Hassan\nExperience\nBuilt things\nMy Toolbox\n");
        assert_eq!(layout(&doc, "Omar Hassan").headings, vec!["Experience"]);
        doc.lines[0].heading_hint = true;
        doc.lines[3].heading_hint = true;
        assert_eq!(
            layout(&doc, "Omar Hassan").headings,
            vec!["Experience", "My Toolbox"]
        );
        doc.lines.push(Line {
            text: "My Toolbox".into(),
            heading_hint: true,
            ..Line::default()
        });
        assert_eq!(layout(&doc, "Omar Hassan").headings.len(), 2, "duplicates count once");
    }
}
