//! Inputs the fuzzers found (`fuzz/`, issue 14): every file saved under `tests/fixtures/fuzz/` runs
//! through the same path as its fuzz target, and must end with a CV (or, for files, an error code)
//! instead of a panic. Files under an `out-of-process/` folder abort the process (stack overflow, a
//! panic inside pdf_oxide) and are left to the bounded worker's tests.

use crate::common::fixtures;
use jobgate_hostile::document::document_from_text;
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
