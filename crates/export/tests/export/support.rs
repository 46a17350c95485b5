//! Fixtures and command-line tools shared by the tests.

use jobgate_core::{Cv, Lang};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TEMPLATES: [&str; 3] = ["classic", "modern", "compact"];

/// `(fixture name, language, CV)` for the minimal and full CVs in English and Arabic.
pub fn fixtures() -> Vec<(&'static str, Lang, Cv)> {
    let load = |s: &str| -> Cv { serde_json::from_str(s).expect("fixture JSON") };
    vec![
        (
            "minimal",
            Lang::En,
            load(include_str!("../fixtures/minimal_en.json")),
        ),
        (
            "minimal",
            Lang::Ar,
            load(include_str!("../fixtures/minimal_ar.json")),
        ),
        (
            "full",
            Lang::En,
            load(include_str!("../fixtures/full_en.json")),
        ),
        (
            "full",
            Lang::Ar,
            load(include_str!("../fixtures/full_ar.json")),
        ),
    ]
}

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn repo_dir() -> PathBuf {
    crate_dir().join("../..")
}

/// True when the command-line tool `name` runs; otherwise says which test is skipped and why, so
/// a machine without poppler-utils or LibreOffice skips these tests loudly rather than failing.
pub fn tool_available(name: &str, test: &str) -> bool {
    let ok = Command::new(name)
        .arg(if name == "soffice" { "--version" } else { "-v" })
        .output()
        .is_ok();
    if !ok {
        eprintln!("SKIPPED {test}: `{name}` is not installed (poppler-utils / LibreOffice)");
    }
    ok
}

/// Text of a PDF as `pdftotext` (poppler) reads it.
pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Removes bidi controls and isolation marks (pdftotext wraps right-to-left runs in them) and
/// collapses whitespace, so text can be searched for phrases.
pub fn flat(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| {
            !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part `name` of a DOCX (zip), as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("DOCX is a zip");
    let mut f = zip.by_name(name).expect("part exists");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 part");
    s
}
