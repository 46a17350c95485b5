//! Golden files: the text `pdftotext` extracts from each template × {minimal, full} × {en, ar} PDF
//! (`tests/golden/`), and a PNG of page 1 of each full CV for people (`docs/templates/`).
//! `UPDATE_EXPECT=1 cargo test -p jobgate-export --test export golden` rewrites both on purpose.

use crate::support::*;
use jobgate_export::{Format, render};
use std::process::Command;

/// pdftotext output without bidi marks, trailing spaces or form feeds.
fn extracted(pdf: &std::path::Path) -> String {
    let text = pdftotext(pdf);
    let mut out = String::new();
    for line in text.lines() {
        let line: String = line
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{000C}'))
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn extracted_text_matches_golden_files() {
    if !tool_available("pdftotext", "extracted_text_matches_golden_files") {
        return;
    }
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let dir = tempfile::tempdir().unwrap();
    let mut mismatches = Vec::new();
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            let stem = format!("{t}_{fixture}_{}", lang.code());
            let pdf = dir.path().join(format!("{stem}.pdf"));
            std::fs::write(&pdf, render(&cv, Format::Pdf, t, lang).unwrap()).unwrap();
            let got = extracted(&pdf);
            let golden = crate_dir().join("tests/golden").join(format!("{stem}.txt"));
            if update {
                std::fs::write(&golden, &got).unwrap();
                if fixture == "full" {
                    let png_stem = repo_dir()
                        .join("docs/templates")
                        .join(format!("{t}_{}", lang.code()));
                    std::fs::create_dir_all(png_stem.parent().unwrap()).unwrap();
                    let ok = Command::new("pdftoppm")
                        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
                        .arg(&pdf)
                        .arg(&png_stem)
                        .status()
                        .expect("pdftoppm (poppler-utils) is installed");
                    assert!(ok.success());
                }
                continue;
            }
            let want = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
                panic!("{} missing: run with UPDATE_EXPECT=1", golden.display())
            });
            if got != want {
                mismatches.push(format!("{stem}:\n--- want\n{want}\n--- got\n{got}"));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "extracted text changed (UPDATE_EXPECT=1 to accept):\n{}",
        mismatches.join("\n")
    );
}
