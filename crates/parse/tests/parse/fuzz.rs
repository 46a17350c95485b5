//! Inputs the fuzzers found (`fuzz/`, issue 14): every file saved under `tests/fixtures/fuzz/` runs
//! through the same path as its fuzz target, and must end with a CV (or, for files, an error code)
//! instead of a panic. Files under an `out-of-process/` folder abort the process (stack overflow, a
//! panic inside pdf_oxide) and are left to the bounded worker's tests.

use crate::common::fixtures;
use jobgate_core::Document;
use jobgate_core::document::{Line, SourceFormat};
use jobgate_core::text::{detect_language, normalize_line};
use std::path::PathBuf;

/// The regression files of one fuzz target, sorted; none when the folder does not exist yet.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = fixtures().join("fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

/// The `parse_text` target's document (`fuzz/src/lib.rs`, `document_from_text`): one line per line;
/// a leading control character U+0001–U+001F (not tab, LF, CR) gives layout hints by its bits:
/// 1 bold, 2 heading, 4 bullet, 8 second column, 16 next page.
fn document_from_text(text: &str) -> Document {
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
    }
}

#[test]
fn fuzzed_texts_parse_without_panicking() {
    for path in inputs("parse_text") {
        let bytes = std::fs::read(&path).expect("read the regression file");
        let text = String::from_utf8_lossy(&bytes);
        let doc = document_from_text(&text);
        let parsed = jobgate_parse::parse(&doc);
        let _ = jobgate_parse::sections(&doc);
        // Something to look at when a file starts failing: how far the parser got.
        let _ = serde_json::to_string(&parsed.cv).expect("the CV serialises");
    }
}

#[test]
fn fuzzed_files_extract_and_parse_without_panicking() {
    for target in ["extract_pdf", "extract_docx"] {
        for path in inputs(target) {
            // A file is either read (then parsed) or refused with an error code; both are fine.
            if let Ok(doc) = jobgate_extract::extract_file(&path) {
                let _ = jobgate_parse::parse(&doc);
                let _ = jobgate_parse::sections(&doc);
            }
        }
    }
}
