//! The export screen's preview: page 1 of the PDF as SVG, glyph by glyph.

use crate::support::*;
use jobgate_export::{Format, preview_svg, render};
use std::collections::HashSet;
use std::process::Command;

/// What an SVG preview holds: the glyphs it draws (`<use>`) and the glyph outlines it defines.
fn glyph_uses(svg: &str) -> (Vec<&str>, HashSet<&str>) {
    let uses = svg
        .split(r##"<use href="#"##)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let defined = svg
        .split(r#"<path id=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    (uses, defined)
}

#[test]
fn the_preview_draws_page_one_of_the_pdf_and_holds_no_text() {
    let have_pdftotext = tool_available("pdftotext", "the_preview_draws_page_one_of_the_pdf");
    let dir = tempfile::tempdir().unwrap();
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            let name = format!("{t}_{fixture}_{lang:?}");
            let svg = preview_svg(&cv, t, lang).unwrap();
            assert!(
                svg.starts_with("<svg ") && svg.ends_with("</svg>"),
                "{name}"
            );
            // A4 (595 × 842 pt) or US Letter (612 × 792 pt).
            assert!(
                svg.contains(r#"viewBox="0 0 595.3 841.9""#)
                    || svg.contains(r#"viewBox="0 0 612.0 792.0""#),
                "{name}: {}",
                &svg[..120]
            );
            // Outlines only: none of the CV's words is in the picture as text.
            for word in cv.personal_info.name.split_whitespace() {
                assert!(!svg.contains(word), "{name}: '{word}' in the SVG");
            }
            let (uses, defined) = glyph_uses(&svg);
            assert!(uses.iter().all(|u| defined.contains(u)), "{name}");
            if !have_pdftotext {
                continue;
            }
            // As many glyphs drawn as the PDF's page 1 has letters (ligatures and vowel signs make
            // the two counts differ a little).
            let pdf = dir.path().join(format!("{name}.pdf"));
            std::fs::write(&pdf, render(&cv, Format::Pdf, t, lang).unwrap()).unwrap();
            let out = Command::new("pdftotext")
                .args(["-f", "1", "-l", "1"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let letters = String::from_utf8_lossy(&out.stdout)
                .chars()
                .filter(|c| c.is_alphanumeric() || c.is_ascii_punctuation())
                .count() as f64;
            let drawn = uses.len() as f64;
            assert!(
                (drawn - letters).abs() <= 0.1 * letters + 5.0,
                "{name}: {drawn} glyphs drawn, {letters} letters on page 1"
            );
        }
    }
    assert!(matches!(
        preview_svg(&fixtures()[0].2, "no-such-template", jobgate_core::Lang::En),
        Err(jobgate_core::JobGateError::TemplateNotFound { .. })
    ));
}
