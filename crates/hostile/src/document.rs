//! Documents made from text with layout hints, as extraction would give them: the `parse_text` fuzz
//! target's input format, and what its regression files are read with.

use jobgate_core::Document;
use jobgate_core::document::{Line, SourceFormat};
use jobgate_core::text::{detect_language, normalize_line};

/// The text target's document: one line per input line. A line may start with one control character
/// (U+0001–U+001F except tab, LF, CR) whose bits set layout hints, as PDF and DOCX extraction would:
/// 1 bold, 2 heading, 4 bullet, 8 second column, 16 next page. Lines with hints get a font size
/// (16 pt for headings, 10 pt otherwise), and the document then claims to come from a PDF.
pub fn document_from_text(text: &str) -> Document {
    let mut lines = Vec::new();
    let mut page = 0u32;
    let mut hinted = false;
    for raw in text.lines() {
        let mut chars = raw.chars();
        let flags = match chars.next() {
            Some(c) if ('\u{1}'..='\u{1f}').contains(&c) && !matches!(c, '\t' | '\n' | '\r') => {
                c as u32
            }
            _ => 0,
        };
        let body = if flags != 0 { chars.as_str() } else { raw };
        let normalized = normalize_line(body);
        if normalized.is_empty() {
            continue;
        }
        if flags & 16 != 0 {
            page += 1;
        }
        let mut line = Line::plain(normalized);
        if flags != 0 {
            hinted = true;
            line.bold = flags & 1 != 0;
            line.heading_hint = flags & 2 != 0;
            line.bullet = flags & 4 != 0;
            line.column = u8::from(flags & 8 != 0);
            line.font_size = Some(if line.heading_hint { 16.0 } else { 10.0 });
        }
        line.page = page;
        lines.push(line);
    }
    let language = detect_language(lines.iter().map(|l| l.text.as_str()));
    Document {
        lines,
        format: if hinted {
            SourceFormat::Pdf
        } else {
            SourceFormat::Text
        },
        pages: page + 1,
        language,
        warnings: Vec::new(),
        links: Vec::new(),
        ocr: None,
    }
}
