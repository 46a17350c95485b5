//! Every template × format × language renders, opens in the tools people and ATS use, and
//! carries right-to-left markup exactly when the document is Arabic.

use crate::support::*;
use jobgate_core::Lang;
use jobgate_export::{Format, render};
use std::process::Command;

#[test]
fn every_template_renders_every_format_in_both_languages() {
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            for format in Format::ALL {
                let bytes = render(&cv, format, t, lang)
                    .unwrap_or_else(|e| panic!("{t} {fixture} {lang:?} {format:?}: {e}"));
                let magic: &[u8] = match format {
                    Format::Pdf => b"%PDF-",
                    Format::Docx => b"PK",
                    Format::Txt => cv.personal_info.name.as_bytes(),
                };
                assert!(
                    bytes.starts_with(magic),
                    "{t} {fixture} {lang:?} {format:?}"
                );
            }
        }
    }
}

#[test]
fn pdf_text_extracts_with_name_email_and_arabic_in_logical_order() {
    if !tool_available(
        "pdftotext",
        "pdf_text_extracts_with_name_email_and_arabic_in_logical_order",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            let path = dir.path().join(format!("{t}_{fixture}_{lang:?}.pdf"));
            std::fs::write(&path, render(&cv, Format::Pdf, t, lang).unwrap()).unwrap();
            let text = flat(&pdftotext(&path));
            let ctx = format!("{t} {fixture} {lang:?}: {text}");
            assert!(
                text.contains(&cv.personal_info.name),
                "name missing in {ctx}"
            );
            assert!(
                text.contains(&cv.personal_info.email),
                "email missing in {ctx}"
            );
            if lang == Lang::Ar {
                // Joined letters come back as normal letters in reading order, not reversed.
                assert!(text.contains("الخبرة العملية"), "{ctx}");
                let reversed: String = cv.personal_info.name.chars().rev().collect();
                assert!(!text.contains(&reversed), "{ctx}");
                assert!(
                    !text.chars().any(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c)),
                    "presentation forms in {ctx}"
                );
            }
            if fixture == "full" {
                let phrase = if lang == Lang::Ar {
                    "قيادة فريق من 6 مطورين لبناء منصة الخدمات المصرفية"
                } else {
                    "Cut payment API p95 latency from 480 ms to 120 ms"
                };
                assert!(text.contains(phrase), "{phrase} missing in {ctx}");
            }
        }
    }
}

#[test]
fn pdf_has_metadata_and_embedded_subset_fonts() {
    if !tool_available("pdfinfo", "pdf_has_metadata_and_embedded_subset_fonts") {
        return;
    }
    if !tool_available("pdffonts", "pdf_has_metadata_and_embedded_subset_fonts") {
        return;
    }
    let (_, _, cv) = fixtures().remove(3);
    let bytes = render(&cv, Format::Pdf, "classic", Lang::Ar).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cv.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("محمد عبد الرحمن السيد CV"), "{info}");
    assert!(info.contains("Author:"), "{info}");
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 1);
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    // Every font embedded ("emb" yes) and subset ("sub" yes).
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(cols[n - 5..n - 3], ["yes", "yes"], "{fonts}");
    }
    // Small: subset fonts, not the 1.4 MB of font files.
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
}

#[test]
fn docx_rtl_markup_only_in_arabic_documents() {
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            let docx = render(&cv, Format::Docx, t, lang).unwrap();
            let xml = docx_part(&docx, "word/document.xml");
            let ctx = format!("{t} {fixture} {lang:?}");
            assert!(
                !xml.contains(jobgate_export::docx::rtl::RTL_RUN_MARKER),
                "{ctx}"
            );
            if lang == Lang::Ar {
                assert!(xml.contains("<w:bidi />"), "{ctx}: paragraph/section bidi");
                assert!(xml.contains("<w:rtl />"), "{ctx}: run rtl");
                assert!(xml.contains(r#"w:bidi="ar-SA""#), "{ctx}");
                assert!(
                    xml.contains(r#"w:cs="Arial""#),
                    "{ctx}: complex-script font"
                );
                // The email stays a left-to-right run.
                let email = &cv.personal_info.email;
                let at = xml.find(email.as_str()).unwrap();
                let run_start = xml[..at].rfind("<w:r>").unwrap();
                assert!(!xml[run_start..at].contains("<w:rtl />"), "{ctx}");
            } else {
                assert!(!xml.contains("<w:bidi"), "{ctx}");
                assert!(!xml.contains("<w:rtl"), "{ctx}");
            }
            let styles = docx_part(&docx, "word/styles.xml");
            for style in ["heading 1", "heading 2", "List Bullet", "Title"] {
                assert!(
                    styles.contains(&format!(r#"w:val="{style}""#)),
                    "{ctx}: {style}"
                );
            }
            let numbering = docx_part(&docx, "word/numbering.xml");
            assert!(numbering.contains(r#"w:val="bullet""#), "{ctx}");
            let core = docx_part(&docx, "docProps/core.xml");
            assert!(core.contains(&format!(
                "<dc:creator>{}</dc:creator>",
                cv.personal_info.name
            )));
        }
    }
}

#[test]
fn libreoffice_opens_every_docx() {
    if !tool_available("soffice", "libreoffice_opens_every_docx") {
        return;
    }
    if !tool_available("pdftotext", "libreoffice_opens_every_docx") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures() {
            let name = format!("{t}_{fixture}_{lang:?}");
            let path = dir.path().join(format!("{name}.docx"));
            std::fs::write(&path, render(&cv, Format::Docx, t, lang).unwrap()).unwrap();
            files.push((name, path, cv));
        }
    }
    let profile = dir.path().join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path().join("out"))
        .args(files.iter().map(|(_, p, _)| p))
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(status.status.success(), "{:?}", status);
    for (name, _, cv) in files {
        let pdf = dir.path().join("out").join(format!("{name}.pdf"));
        assert!(pdf.exists(), "LibreOffice did not convert {name}");
        let text = flat(&pdftotext(&pdf));
        assert!(text.contains(&cv.personal_info.name), "{name}: {text}");
        assert!(text.contains(&cv.personal_info.email), "{name}: {text}");
    }
}

/// LibreOffice's own reading of each full DOCX (its plain-text export): phrases in logical order,
/// list items with a bullet, never a number (docx-rs's built-in decimal list must not win).
#[test]
fn libreoffice_reads_docx_text_in_order_with_bullets() {
    if !tool_available(
        "soffice",
        "libreoffice_reads_docx_text_in_order_with_bullets",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for t in TEMPLATES {
        for (fixture, lang, cv) in fixtures().into_iter().filter(|f| f.0 == "full") {
            let name = format!("{t}_{fixture}_{lang:?}");
            let path = dir.path().join(format!("{name}.docx"));
            std::fs::write(&path, render(&cv, Format::Docx, t, lang).unwrap()).unwrap();
            files.push((name, path, lang));
        }
    }
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(dir.path().join("out"))
        .args(files.iter().map(|(_, p, _)| p))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    for (name, _, lang) in files {
        let txt = dir.path().join("out").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&txt)
            .unwrap_or_else(|_| panic!("LibreOffice did not convert {name}"));
        let phrase = if lang == Lang::Ar {
            "قيادة فريق من 6 مطورين لبناء منصة الخدمات المصرفية"
        } else {
            "Cut payment API p95 latency from 480 ms to 120 ms"
        };
        let line = text
            .lines()
            .find(|l| l.contains(phrase))
            .unwrap_or_else(|| panic!("{name}: {phrase} missing in {text}"));
        assert!(
            line.trim_start().starts_with('•'),
            "{name}: list item without a bullet: {line}"
        );
    }
}

#[test]
fn unknown_template_and_format_are_user_errors() {
    let (_, _, cv) = fixtures().remove(0);
    let e = render(&cv, Format::Pdf, "nope", Lang::En).unwrap_err();
    assert_eq!(e.code().as_str(), "TEMPLATE_NOT_FOUND");
    assert_eq!(
        Format::parse("odt").unwrap_err().code().as_str(),
        "INVALID_INPUT"
    );
}

#[test]
fn templates_are_listed_with_descriptions_in_both_languages() {
    let list = jobgate_export::templates();
    let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, TEMPLATES);
    for t in &list {
        assert!(t.description(Lang::En).len() > 20);
        assert!(jobgate_core::text::arabic_ratio(t.description(Lang::Ar)) > 0.5);
    }
}

#[test]
fn written_file_is_not_overwritten_without_force() {
    let (_, _, cv) = fixtures().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join(jobgate_export::default_file_name(&cv, Format::Pdf));
    assert!(path.ends_with("Sara Ali CV.pdf"));
    let bytes = render(&cv, Format::Pdf, "classic", Lang::En).unwrap();
    jobgate_export::write_file(&bytes, &path, false).unwrap();
    let e = jobgate_export::write_file(b"other", &path, false).unwrap_err();
    assert_eq!(e.code().as_str(), "FILE_EXISTS");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
