//! Right-to-left in WordprocessingML where docx-rs 0.4 stops: run-level `w:rtl` with the Arabic
//! language tag, and section-level `w:bidi`. This is the one place that edits generated XML.
//!
//! The builder marks each Arabic run with the placeholder character style [`RTL_RUN_MARKER`];
//! [`finish_document_xml`] replaces that style reference by `<w:rtl/><w:lang w:bidi="ar-SA"/>`
//! (a run property Word and LibreOffice both read) and, for a right-to-left document, adds
//! `<w:bidi/>` to every section so columns and page furniture are mirrored too.

/// Placeholder style id put on Arabic runs; never reaches the saved file.
pub const RTL_RUN_MARKER: &str = "JobGateRtlRun";

/// What replaces the marker in a run's properties.
const RTL_RUN_PROPERTIES: &str = r#"<w:rtl /><w:lang w:bidi="ar-SA" />"#;
const SECTION_BIDI: &str = "<w:bidi />";

/// Finishes `word/document.xml`: marked runs become right-to-left runs; when `rtl_document`,
/// every `w:sectPr` gets `w:bidi` (before `w:docGrid`, where the schema puts it).
pub fn finish_document_xml(xml: &[u8], rtl_document: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let marker = format!(r#"<w:rStyle w:val="{RTL_RUN_MARKER}""#);
    let mut out = String::with_capacity(text.len() + 1024);
    let mut rest: &str = &text;
    while let Some(at) = rest.find(&marker) {
        out.push_str(&rest[..at]);
        let after = &rest[at + marker.len()..];
        // The element ends at its `/>`; anything else means the XML is not what docx-rs writes.
        match after.find("/>") {
            Some(end) => {
                out.push_str(RTL_RUN_PROPERTIES);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    if rtl_document {
        out = add_section_bidi(&out);
    }
    out.into_bytes()
}

fn add_section_bidi(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(start) = rest.find("<w:sectPr") {
        let Some(len) = rest[start..].find("</w:sectPr>") else {
            break;
        };
        let section = &rest[start..start + len];
        out.push_str(&rest[..start]);
        match section.find("<w:docGrid") {
            Some(grid) => {
                out.push_str(&section[..grid]);
                out.push_str(SECTION_BIDI);
                out.push_str(&section[grid..]);
            }
            None => {
                out.push_str(section);
                out.push_str(SECTION_BIDI);
            }
        }
        out.push_str("</w:sectPr>");
        rest = &rest[start + len + "</w:sectPr>".len()..];
    }
    out.push_str(rest);
    out
}

/// True for letters of the Arabic script (and Arabic-Indic digits), which must sit in RTL runs.
pub fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
        && !matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}')
}

/// Splits `text` into runs of one script: `(segment, true)` for Arabic, `(segment, false)` for
/// everything else. Spaces, digits and punctuation stay with the run they follow (leading ones
/// with the first run), so an Arabic phrase with a year inside stays one right-to-left run while an
/// email becomes its own left-to-right run.
pub fn script_segments(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let class = if is_arabic(c) {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (current, class) {
            (None, Some(k)) => current = Some(k),
            (Some(cur), Some(k)) if cur != k => {
                out.push((&text[start..i], cur));
                start = i;
                current = Some(k);
            }
            _ => {}
        }
    }
    if start < text.len() {
        out.push((&text[start..], current.unwrap_or(false)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_runs_become_rtl_runs_and_the_section_bidi() {
        let xml = format!(
            r#"<w:body><w:p><w:r><w:rPr><w:sz w:val="20" /><w:rStyle w:val="{RTL_RUN_MARKER}" /></w:rPr><w:t>محمد</w:t></w:r><w:r><w:rPr /><w:t>a@b.test</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" /><w:docGrid w:type="lines" /></w:sectPr></w:body>"#
        );
        let out = String::from_utf8(finish_document_xml(xml.as_bytes(), true)).unwrap();
        assert!(!out.contains(RTL_RUN_MARKER));
        assert_eq!(out.matches("<w:rtl />").count(), 1);
        assert!(
            out.contains(
                r#"<w:sz w:val="20" /><w:rtl /><w:lang w:bidi="ar-SA" /></w:rPr><w:t>محمد"#
            )
        );
        assert!(out.contains(r#"<w:pgSz w:w="11906" /><w:bidi /><w:docGrid"#));
        let ltr = String::from_utf8(finish_document_xml(xml.as_bytes(), false)).unwrap();
        assert!(!ltr.contains("<w:bidi />"));
    }

    #[test]
    fn mixed_text_is_split_by_script() {
        assert_eq!(
            script_segments("البريد: m.x@mail.test والهاتف"),
            vec![
                ("البريد: ", true),
                ("m.x@mail.test ", false),
                ("والهاتف", true)
            ]
        );
        assert_eq!(
            script_segments("مارس 2021 – حتى الآن"),
            vec![("مارس 2021 – حتى الآن", true)]
        );
        assert_eq!(
            script_segments("+20 100 555 7788"),
            vec![("+20 100 555 7788", false)]
        );
        assert_eq!(
            script_segments("Java، Spring Boot"),
            vec![("Java، Spring Boot", false)]
        );
        assert!(script_segments("").is_empty());
    }
}
