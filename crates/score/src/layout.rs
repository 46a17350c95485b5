//! Layout facts for the formatting check, read from the extracted [`Document`]: section headings,
//! length, extraction problems, whether the contact details are in the text.
//!
//! Headings are the ones the rule parser recognised (its [`SectionSpan`]s, vocabulary in
//! `lexicons/headings.toml`): what a parser recognises is what an ATS recognises. Lines the layout
//! marks as headings that are not standard headings are kept apart, to name them in the advice.

use jobgate_core::text::fold;
use jobgate_core::{Arg, Document, SectionSpan};

/// Words per page of a typical CV, to estimate pages when the format has none (DOCX, text).
const WORDS_PER_PAGE: usize = 450;

/// What the formatting check needs to know about a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    /// Distinct recognised section headings, in order of appearance, as written.
    pub headings: Vec<String>,
    /// Lines styled as headings that are not standard headings ("My Toolbox").
    pub odd_headings: Vec<String>,
    pub words: usize,
    /// Page count (estimated from words when the format has no pages).
    pub pages: u32,
    /// Messages of the extraction warnings (text in images, unreadable parts…).
    pub problems: Vec<Arg>,
    pub has_text: bool,
}

/// Reads the layout facts from the document and the parser's sections of it. `name` (the person's
/// name) is never counted as a heading, though it is usually the largest text on the page.
pub(crate) fn layout(doc: &Document, sections: &[SectionSpan], name: &str) -> Layout {
    let name = fold(name.trim());
    let mut headings: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for sec in sections {
        let text = sec.heading_text.trim().trim_end_matches([':', '：']).trim();
        if sec.heading.is_none() || text.is_empty() {
            continue;
        }
        let key = fold(text);
        if !keys.contains(&key) {
            keys.push(key);
            headings.push(text.to_string());
        }
    }
    let heading_lines: Vec<usize> = sections.iter().filter_map(|s| s.heading).collect();
    let mut odd_headings: Vec<String> = Vec::new();
    for (i, line) in doc.lines.iter().enumerate() {
        let text = line.text.trim();
        let key = fold(text);
        if line.heading_hint
            && !heading_lines.contains(&i)
            && !text.is_empty()
            && key != name
            && text.split_whitespace().count() <= 4
            && !text.chars().any(|c| c.is_ascii_digit() || c == '@')
            && !keys.contains(&key)
        {
            keys.push(key);
            odd_headings.push(text.to_string());
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
        .map(|w| match w.phrase() {
            Some(p) => Arg::Phrase(Box::new(p)),
            None if w.message.trim().is_empty() => Arg::Value(w.code.clone()),
            None => Arg::Value(w.message.trim().to_string()),
        })
        .collect();
    Layout {
        headings,
        odd_headings,
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
    fn recognised_headings_and_odd_ones_but_not_the_name() {
        let mut doc = Document::from_text("Omar Hassan\nExperience\nBuilt things\nMy Toolbox\n");
        let lay = |doc: &Document| layout(doc, &jobgate_parse::sections(doc), "Omar Hassan");
        assert_eq!(lay(&doc).headings, vec!["Experience"]);
        doc.lines[0].heading_hint = true;
        doc.lines[3].heading_hint = true;
        doc.lines.push(Line {
            text: "My Toolbox".into(),
            heading_hint: true,
            ..Line::default()
        });
        let lay = lay(&doc);
        assert_eq!(lay.headings, vec!["Experience"]);
        assert_eq!(
            lay.odd_headings,
            vec!["My Toolbox"],
            "the name is no heading; duplicates once"
        );
    }
}
