//! Right-to-left in WordprocessingML where docx-rs 0.4 stops: run-level `w:rtl` with the Arabic
//! language tag and complex-script font, and section-level `w:bidi`. This is the one place that
//! edits generated XML.
//!
//! The builder marks each Arabic run with the placeholder character style [`RTL_RUN_MARKER`];
//! [`finish_document_xml`] replaces that style reference by `<w:rFonts w:cs=".." w:hint="cs"/>`,
//! `<w:rtl/>` and `<w:lang w:bidi="ar-SA"/>` (run properties Word and LibreOffice both read) and,
//! for a right-to-left document, adds `<w:bidi/>` to every section so columns and page furniture
//! are mirrored too. It also puts every run's properties in the order the schema requires (docx-rs
//! writes them in its own order) and turns complex-script bold off where docx-rs turned bold off
//! but left `w:bCs` on (Arabic text would stay bold).

/// Placeholder style id put on Arabic runs; never reaches the saved file.
pub const RTL_RUN_MARKER: &str = "JobGateRtlRun";

const SECTION_BIDI: &str = "<w:bidi />";

/// Finishes `word/document.xml`: marked runs become right-to-left runs whose complex-script font
/// is `cs_font`; when `rtl_document`, every `w:sectPr` gets `w:bidi` (before `w:docGrid`, where the
/// schema puts it); run properties are put in schema order.
pub fn finish_document_xml(xml: &[u8], rtl_document: bool, cs_font: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let marker = format!(r#"<w:rStyle w:val="{RTL_RUN_MARKER}""#);
    let font = cs_font
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let rtl_run_properties =
        format!(r#"<w:rFonts w:cs="{font}" w:hint="cs" /><w:rtl /><w:lang w:bidi="ar-SA" />"#);
    let mut out = String::with_capacity(text.len() + 1024);
    let mut rest: &str = &text;
    while let Some(at) = rest.find(&marker) {
        out.push_str(&rest[..at]);
        let after = &rest[at + marker.len()..];
        // The element ends at its `/>`; anything else means the XML is not what docx-rs writes.
        match after.find("/>") {
            Some(end) => {
                out.push_str(&rtl_run_properties);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out = order_run_properties(&out);
    if rtl_document {
        out = add_section_bidi(&out);
    }
    out.into_bytes()
}

/// The children of `w:rPr` in the order of the schema (ECMA-376 `EG_RPrBase`).
const RUN_PROPERTY_ORDER: [&str; 39] = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
];

/// Sorts the children of every `<w:rPr>` into schema order, and turns `w:bCs` off where `w:b` is
/// off. A `w:rPr` whose children are not all empty elements is left as it is.
fn order_run_properties(xml: &str) -> String {
    const OPEN: &str = "<w:rPr>";
    const CLOSE: &str = "</w:rPr>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(start) = rest.find(OPEN) {
        let body_start = start + OPEN.len();
        let Some(len) = rest[body_start..].find(CLOSE) else {
            break;
        };
        out.push_str(&rest[..body_start]);
        let body = &rest[body_start..body_start + len];
        match empty_elements(body) {
            Some(mut children) => {
                let rank = |e: &str| {
                    let name = e[3..]
                        .split(|c: char| c.is_whitespace() || c == '/')
                        .next()
                        .unwrap_or("");
                    RUN_PROPERTY_ORDER
                        .iter()
                        .position(|n| *n == name)
                        .unwrap_or(RUN_PROPERTY_ORDER.len())
                };
                children.sort_by_key(|e| rank(e));
                let bold_off = children
                    .iter()
                    .any(|e| e.starts_with(r#"<w:b w:val="false""#));
                for e in children {
                    if bold_off && e.starts_with("<w:bCs") && !e.contains("w:val") {
                        out.push_str(r#"<w:bCs w:val="false" />"#);
                    } else {
                        out.push_str(e);
                    }
                }
            }
            None => out.push_str(body),
        }
        out.push_str(CLOSE);
        rest = &rest[body_start + len + CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

/// `body` split into its elements when it is a sequence of empty elements (`<w:x ... />`).
fn empty_elements(body: &str) -> Option<Vec<&str>> {
    let mut children = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if !rest.starts_with("<w:") {
            return None;
        }
        let end = rest.find('>')?;
        if !rest[..end].ends_with('/') {
            return None;
        }
        children.push(&rest[..=end]);
        rest = &rest[end + 1..];
    }
    Some(children)
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
        let out = String::from_utf8(finish_document_xml(xml.as_bytes(), true, "Arial")).unwrap();
        assert!(!out.contains(RTL_RUN_MARKER));
        assert_eq!(out.matches("<w:rtl />").count(), 1);
        assert!(out.contains(concat!(
            r#"<w:rPr><w:rFonts w:cs="Arial" w:hint="cs" /><w:sz w:val="20" /><w:rtl />"#,
            r#"<w:lang w:bidi="ar-SA" /></w:rPr><w:t>محمد"#
        )));
        assert!(out.contains(r#"<w:pgSz w:w="11906" /><w:bidi /><w:docGrid"#));
        let ltr = String::from_utf8(finish_document_xml(xml.as_bytes(), false, "Arial")).unwrap();
        assert!(!ltr.contains("<w:bidi />"));
    }

    #[test]
    fn run_properties_follow_the_schema_order_and_bold_off_means_off() {
        let xml = r#"<w:r><w:rPr><w:color w:val="555555" /><w:b w:val="false" /><w:bCs /><w:rFonts w:cs="Arial" /></w:rPr><w:t>x</w:t></w:r><w:r><w:rPr /></w:r>"#;
        let out = String::from_utf8(finish_document_xml(xml.as_bytes(), false, "Arial")).unwrap();
        assert!(out.contains(concat!(
            r#"<w:rPr><w:rFonts w:cs="Arial" /><w:b w:val="false" /><w:bCs w:val="false" />"#,
            r#"<w:color w:val="555555" /></w:rPr>"#
        )));
        assert!(out.ends_with("<w:rPr /></w:r>"));
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
