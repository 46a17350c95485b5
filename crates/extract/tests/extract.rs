//! Extraction on real files: every sample-corpus CV gives its owner's name and email and the right
//! language; two-column layouts are read column by column; Arabic with vowel signs printed by
//! LibreOffice reads in logical order; DOCX structures (tables, text boxes, headers, numbering,
//! styles) come through; every hostile file gives its error code; and every input the fuzzers found
//! (`tests/fixtures/fuzz/`, see `fuzz/README.md`) ends with a document or an error code.

use jobgate_core::contract::DocLanguage;
use jobgate_core::document::{Document, SourceFormat};
use jobgate_core::error::{ErrorCode, MAX_FILE_BYTES};
use jobgate_core::text::normalize_line;
use jobgate_extract::{FileKind, extract, extract_file, sniff};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn corpus() -> PathBuf {
    root().join("corpus")
}

fn hostile(name: &str) -> PathBuf {
    root().join("hostile").join(name)
}

fn fixture(name: &str) -> PathBuf {
    root().join("extract").join(name)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}

fn code_of(path: &Path) -> String {
    match extract_file(path) {
        Ok(doc) => panic!(
            "{} should fail, gave {} lines",
            path.display(),
            doc.lines.len()
        ),
        Err(e) => e.code().as_str().to_string(),
    }
}

/// Index of the first line containing `needle`.
fn pos(doc: &Document, needle: &str) -> usize {
    doc.lines
        .iter()
        .position(|l| l.text.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?} in:\n{}", doc.text()))
}

#[test]
fn every_corpus_file_gives_name_email_and_language() {
    let manifest = read_json(&corpus().join("manifest.json"));
    let docs = manifest["documents"].as_array().expect("documents");
    assert!(docs.len() >= 30, "corpus has {} documents", docs.len());
    let mut failures = Vec::new();
    for d in docs {
        let file = d["file"].as_str().expect("file");
        let truth = read_json(
            &corpus()
                .join("truth")
                .join(format!("{}.json", d["cv_id"].as_str().expect("cv_id"))),
        );
        let doc = match extract_file(&corpus().join(file)) {
            Ok(doc) => doc,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        let text = doc.text();
        let name = normalize_line(truth["basics"]["name"].as_str().expect("name"));
        let email = truth["basics"]["email"].as_str().expect("email");
        if !text.contains(&name) {
            failures.push(format!("{file}: name {name:?} missing"));
        }
        if !text.contains(email) {
            failures.push(format!("{file}: email {email:?} missing"));
        }
        let want = match d["language"].as_str() {
            Some("ar") => DocLanguage::Ar,
            Some("mixed") => DocLanguage::Mixed,
            _ => DocLanguage::En,
        };
        if doc.language != want {
            failures.push(format!(
                "{file}: language {:?}, want {want:?}",
                doc.language
            ));
        }
        let format = if file.ends_with(".pdf") {
            SourceFormat::Pdf
        } else {
            SourceFormat::Docx
        };
        assert_eq!(doc.format, format, "{file}");
        assert!(doc.pages >= 1, "{file}");
        assert!(doc.warnings.is_empty(), "{file}: {:?}", doc.warnings);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_sidebar_is_read_as_its_own_column() {
    let doc = extract_file(&fixture("sidebar_en.pdf")).expect("extracts");
    let sidebar = [
        "Contact",
        "lina.haddad@example.org",
        "+44 20 7946 0958",
        "London, UK",
        "Skills",
        "Machine Learning",
        "Statistics",
        "Languages",
        "Arabic (fluent)",
    ];
    let main = [
        "Data Scientist",
        "Profile",
        "Experience",
        "Senior Data Scientist, Northwind Retail",
        "2020 – Present",
        "Education",
    ];
    let side_pos: Vec<usize> = sidebar.iter().map(|s| pos(&doc, s)).collect();
    let main_pos: Vec<usize> = main.iter().map(|s| pos(&doc, s)).collect();
    // Each column in its own order, and no main line between the first and last sidebar line.
    assert!(side_pos.is_sorted(), "{side_pos:?}\n{}", doc.text());
    assert!(main_pos.is_sorted(), "{main_pos:?}\n{}", doc.text());
    let (lo, hi) = (side_pos[0], side_pos[side_pos.len() - 1]);
    assert!(
        main_pos.iter().all(|p| *p < lo || *p > hi),
        "sidebar {side_pos:?} interleaved with main {main_pos:?}:\n{}",
        doc.text()
    );
    // The long paragraph was not cut into pieces mixed with "Python" / "SQL".
    let para = pos(&doc, "Data scientist with seven years");
    assert!(doc.lines[para + 1].text.contains("models for retail"));
    // Columns are told apart: the sidebar is not the main column.
    assert_ne!(doc.lines[side_pos[1]].column, doc.lines[main_pos[3]].column);
    assert_eq!(doc.language, DocLanguage::En);
}

#[test]
fn arabic_sidebar_is_read_as_its_own_column_in_logical_order() {
    let doc = extract_file(&fixture("sidebar_ar.pdf")).expect("extracts");
    let sidebar = [
        "التواصل",
        "laila.haddad@example.org",
        "المهارات",
        "تحليل البيانات",
        "اللغات",
    ];
    let main = [
        "عالمة بيانات",
        "نبذة",
        "الخبرة",
        "عالمة بيانات أولى، شركة المراعي",
        "التعليم",
    ];
    let side_pos: Vec<usize> = sidebar.iter().map(|s| pos(&doc, s)).collect();
    let main_pos: Vec<usize> = main.iter().map(|s| pos(&doc, s)).collect();
    assert!(side_pos.is_sorted(), "{side_pos:?}\n{}", doc.text());
    assert!(main_pos.is_sorted(), "{main_pos:?}\n{}", doc.text());
    let (lo, hi) = (side_pos[0], side_pos[side_pos.len() - 1]);
    assert!(
        main_pos.iter().all(|p| *p < lo || *p > hi),
        "sidebar {side_pos:?} interleaved with main {main_pos:?}:\n{}",
        doc.text()
    );
    // The phone came out as "4567 123 50 966+" in visual order; it must read as written.
    assert!(doc.text().contains("+966 50 123 4567"), "{}", doc.text());
    assert_eq!(doc.language, DocLanguage::Ar);
}

#[test]
fn arabic_with_vowel_signs_from_libreoffice_reads_in_logical_order() {
    // LibreOffice without Arabic fonts (only DejaVu, as on CI) sets Arabic in DejaVu Sans and writes
    // a vowel sign as `/ActualText` over its glyphs ("لًا", "ً"), or, once the sign has its own
    // character in the font, draws the signs of a line after all its letters. pdf_oxide then gives
    // the page's characters stray letters where the `/ActualText` is ("Ù", "Ø") and a run of signs
    // alone: lines came out partly reversed ("نم قيفر ةرادإ40معا لًا و3 مقاولين من الباطن").
    // Each line is there in 10 and 9 points, regular and bold (make.py).
    let doc = extract_file(&fixture("vowel_signs_ar.pdf")).expect("extracts");
    let lines: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
    let expected = [
        "إدارة فريق من 40 عاملًا و3 مقاولين من الباطن",
        "جامعة الإسكندرية | جيد جدًا مع مرتبة الشرف",
        "الإنجليزية (جيد جدًا)",
        "تقديم الرعاية التمريضية لـ 12 سريرًا في وحدة العناية المركزة",
        "دبلوم عالٍ، التربية",
    ];
    for want in expected {
        let found = lines.iter().filter(|l| **l == want).count();
        assert_eq!(found, 4, "{want:?} in:\n{}", lines.join("\n"));
    }
    // Its lam-alef ligature keeps the library's order ("بروتوكوالت"); the rest of the line is read
    // in order.
    let training = lines
        .iter()
        .filter(|l| l.starts_with("تدريب 20 ممرضًا جديدًا على ") && l.ends_with(" الإنعاش"))
        .count();
    assert_eq!(training, 4, "{}", lines.join("\n"));
    assert_eq!(doc.lines.len(), 24, "{}", lines.join("\n"));
    assert_eq!(doc.language, DocLanguage::Ar);
}

#[test]
fn label_column_layout_keeps_each_label_with_its_section() {
    // The "even" theme puts section labels (Work, Education) in a narrow left column level with the
    // first line of their section: they must stay with that section, not be gathered in one block.
    let doc = extract_file(&corpus().join("files/001__even.pdf")).expect("extracts");
    let work = pos(&doc, "Work");
    let first_job = pos(&doc, "Fawry Digital Payments");
    let last_job = pos(&doc, "ITWorx");
    let education = pos(&doc, "Education");
    let university = pos(&doc, "Cairo University");
    assert!(work < first_job, "{}", doc.text());
    assert!(
        last_job < education && education <= university,
        "{}",
        doc.text()
    );
}

#[test]
fn glued_words_and_arabic_lines_are_repaired() {
    // Chromium positions every glyph: words must be separated by the gaps between them.
    let doc = extract_file(&corpus().join("files/028__even.pdf")).expect("extracts");
    let text = doc.text();
    assert!(text.contains("مهندس برمجيات أول"), "{text}");
    assert!(!text.contains("مهندسبرمجيات"), "{text}");
}

#[test]
fn docx_structures_all_come_through() {
    let doc = extract_file(&fixture("features.docx")).expect("extracts");
    let text = doc.text();
    // Header first (deduplicated: first-page and default headers say the same), footer last.
    assert_eq!(doc.lines[0].text, "Curriculum Vitae – Jane Doe");
    assert_eq!(text.matches("Curriculum Vitae").count(), 1);
    assert_eq!(
        doc.lines.last().map(|l| l.text.as_str()),
        Some("References on request")
    );
    // Title and heading styles (the heading style id is localised: "Titre1", named "heading 1").
    // The title line itself, not the header line that also contains the name.
    let title = doc
        .lines
        .iter()
        .find(|l| l.text == "Jane Doe")
        .expect("a title line \"Jane Doe\"");
    assert!(
        title.heading_hint && title.font_size == Some(24.0),
        "{title:?}"
    );
    let heading = &doc.lines[pos(&doc, "Experience")];
    assert!(heading.heading_hint && heading.bold, "{heading:?}");
    // Table: row by row, each cell's paragraphs as lines.
    let order = [
        "2019 – 2021",
        "Data Analyst",
        "Acme Ltd",
        "2016 – 2019",
        "Junior Analyst",
    ];
    let at: Vec<usize> = order.iter().map(|s| pos(&doc, s)).collect();
    assert!(at.is_sorted(), "{at:?}");
    // Tab → space, line break → new line.
    assert!(text.contains("Skills: Python\nSQL and Excel\n"), "{text}");
    // Numbering and list styles are bullets.
    assert!(doc.lines[pos(&doc, "Cut reporting time")].bullet);
    assert!(doc.lines[pos(&doc, "Trained 5 new analysts")].bullet);
    assert!(!doc.lines[pos(&doc, "Acme Ltd")].bullet);
    // Bold only when every run is bold; size from w:sz half-points, else the document default.
    let bold = &doc.lines[pos(&doc, "Bold label")];
    assert!(bold.bold && bold.font_size == Some(14.0), "{bold:?}");
    let half = &doc.lines[pos(&doc, "Half bold")];
    assert!(!half.bold && half.font_size == Some(10.0), "{half:?}");
    // Hyperlink text and target.
    assert!(text.contains("linkedin.com/in/janedoe"));
    assert_eq!(
        doc.links,
        vec!["https://www.linkedin.com/in/janedoe".to_string()]
    );
    // Hidden runs are not text a reader sees.
    assert!(!text.contains("keyword stuffing") && text.contains("Visible text"));
    // Both text boxes, the DrawingML one once (its mc:Fallback copy skipped).
    assert!(text.contains("VML box: jane.doe@example.com"));
    assert_eq!(
        text.matches("Drawing box: +44 20 7946 0958").count(),
        1,
        "{text}"
    );
    assert!(text.contains("Tom & Jerry Ltd"));
    assert_eq!(doc.format, SourceFormat::Docx);
}

#[test]
fn type_is_decided_by_content_not_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let renamed = dir.path().join("cv.pdf");
    std::fs::copy(corpus().join("files/001__even__soffice.docx"), &renamed).expect("copy");
    let doc = extract_file(&renamed).expect("a .docx named .pdf still works");
    assert_eq!(doc.format, SourceFormat::Docx);
    assert!(doc.text().contains("Omar Hassan El-Sayed"));

    let bytes = std::fs::read(corpus().join("files/001__even.pdf")).expect("read");
    assert_eq!(sniff(&bytes), FileKind::Pdf);
    let zip = std::fs::read(hostile("archive.zip")).expect("read");
    assert!(matches!(sniff(&zip), FileKind::Other(_)));
}

#[test]
fn file_over_ten_megabytes_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.pdf");
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let e = extract_file(&path).expect_err("too large");
    assert_eq!(e.code(), ErrorCode::FileTooLarge);
    assert_eq!(e.details()["max_size"], "10MB");
    // The same limit on bytes given directly.
    let e = extract(&vec![b' '; MAX_FILE_BYTES as usize + 1]).expect_err("too large");
    assert_eq!(e.code(), ErrorCode::FileTooLarge);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("cv.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Reading a pipe nobody writes to would block for ever; /dev/zero would never end.
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        assert_eq!(code_of(path), "UNSUPPORTED_FILE_TYPE", "{}", path.display());
    }
}

#[test]
fn missing_file_is_file_not_found() {
    assert_eq!(code_of(&hostile("no-such-file.pdf")), "FILE_NOT_FOUND");
}

#[test]
fn files_that_are_not_pdf_or_docx_are_unsupported() {
    for name in ["notes.txt", "program.exe", "archive.zip", "old_word.doc"] {
        assert_eq!(code_of(&hostile(name)), "UNSUPPORTED_FILE_TYPE", "{name}");
    }
}

#[test]
fn empty_file_is_corrupted_with_reason_empty() {
    let e = extract_file(&hostile("empty.pdf")).expect_err("empty");
    assert_eq!(e.code(), ErrorCode::CorruptedFile);
    assert_eq!(e.details()["reason"], "the file is empty");
}

#[test]
fn garbage_after_a_pdf_header_is_corrupted() {
    assert_eq!(code_of(&hostile("garbage.pdf")), "CORRUPTED_FILE");
}

/// A truncated file is either refused as corrupted or read in part with a `PARTIAL_TEXT` warning.
fn assert_truncated_is_handled(path: &Path) {
    match extract_file(path) {
        Err(e) => assert_eq!(e.code(), ErrorCode::CorruptedFile, "{}", path.display()),
        Ok(doc) => {
            assert!(
                doc.warnings.iter().any(|w| w.code == "PARTIAL_TEXT"),
                "{}: no PARTIAL_TEXT warning",
                path.display()
            );
            assert!(doc.text().contains("Omar"), "{}", doc.text());
        }
    }
}

#[test]
fn truncated_pdf_is_corrupted_or_partial() {
    assert_truncated_is_handled(&hostile("truncated.pdf"));
}

#[test]
fn truncated_docx_is_corrupted_or_partial() {
    assert_truncated_is_handled(&hostile("truncated.docx"));
}

#[test]
fn pdf_with_a_user_password_is_encrypted() {
    assert_eq!(code_of(&hostile("encrypted_user.pdf")), "ENCRYPTED_FILE");
}

#[test]
fn pdf_with_only_an_owner_password_opens() {
    let doc = extract_file(&hostile("encrypted_owner_only.pdf")).expect("opens");
    let text = doc.text();
    assert!(text.contains("Omar Hassan El-Sayed"), "{text}");
    assert!(text.contains("omar.elsayed@mailbox.test"), "{text}");
}

#[test]
fn encrypted_docx_is_encrypted() {
    assert_eq!(code_of(&hostile("encrypted.docx")), "ENCRYPTED_FILE");
}

#[test]
fn scanned_pdf_has_no_text() {
    let e = extract_file(&hostile("scanned.pdf")).expect_err("no text");
    assert_eq!(e.code(), ErrorCode::NoTextFound);
    assert_eq!(e.details()["pages"], 1);
}

#[test]
fn docx_zip_bomb_is_stopped() {
    assert_eq!(code_of(&hostile("zip_bomb.docx")), "CORRUPTED_FILE");
}

#[test]
fn docx_entity_bomb_is_not_expanded() {
    let doc = extract_file(&hostile("entity_bomb.docx")).expect("reads");
    let text = doc.text();
    assert!(text.contains("Jane Entity"), "{text}");
    assert!(
        text.len() < 1000,
        "entities were expanded: {} bytes",
        text.len()
    );
}

#[test]
fn deeply_nested_docx_does_not_overflow() {
    let doc = extract_file(&hostile("deep_nesting.docx")).expect("reads");
    let text = doc.text();
    assert!(
        text.contains("Jane Deep") && text.contains("deep inside"),
        "{text}"
    );
}

/// Hostile classes generated by `jobgate-hostile`, each answered in-process with an error code and a
/// reason, or a correct reading, never a stack overflow, a hang or gigabytes.
mod generated {
    use jobgate_core::JobGateError;
    use jobgate_extract::extract;
    use jobgate_hostile::{docx, pdf};

    /// The reason of a `CORRUPTED_FILE`, or a panic naming what came instead.
    fn reason(bytes: &[u8]) -> String {
        match extract(bytes) {
            Err(JobGateError::CorruptedFile { reason }) => reason.english(),
            Err(e) => panic!("expected CORRUPTED_FILE, got {}", e.code().as_str()),
            Ok(doc) => panic!("expected CORRUPTED_FILE, got {} lines", doc.lines.len()),
        }
    }

    /// The text of a file read normally.
    fn text(bytes: &[u8]) -> String {
        match extract(bytes) {
            Ok(doc) => doc.text(),
            Err(e) => panic!("expected a reading, got {}: {e}", e.code().as_str()),
        }
    }

    #[test]
    fn plain_files_are_read() {
        assert!(text(&pdf::pdf_plain()).contains("jane@example.com"));
        assert!(text(&docx::docx_plain()).contains("jane@example.com"));
    }

    #[test]
    fn deep_nesting_is_refused_before_the_parser_recurses() {
        for (name, bytes) in [
            ("arrays", pdf::pdf_nested_arrays(10_000)),
            ("dictionaries", pdf::pdf_nested_dicts(10_000)),
            ("catalog", pdf::pdf_nested_catalog(10_000)),
            (
                "object stream",
                pdf::pdf_deep_object_stream_nesting(100_000),
            ),
            (
                "object stream dicts",
                pdf::pdf_deep_object_stream_dicts(100_000),
            ),
            ("content arrays", pdf::pdf_content_nested_arrays(100_000)),
            ("content dicts", pdf::pdf_content_nested_dicts(100_000)),
        ] {
            let why = reason(&bytes);
            assert!(why.contains("nested"), "{name}: {why}");
        }
    }

    #[test]
    fn shallow_nesting_and_shallow_object_streams_are_read() {
        for bytes in [
            pdf::pdf_nested_arrays(30),
            pdf::pdf_nested_dicts(30),
            pdf::pdf_deep_object_stream_nesting(30),
            pdf::pdf_content_nested_arrays(30),
        ] {
            assert!(text(&bytes).contains("Jane Doe"));
        }
    }

    #[test]
    fn page_trees_that_loop_or_lie_about_their_count_give_their_one_page() {
        for bytes in [
            pdf::pdf_page_tree_loop(),
            pdf::pdf_page_tree_cycle(),
            pdf::pdf_huge_count(),
            pdf::pdf_deep_page_tree(20),
        ] {
            let doc = extract(&bytes).expect("read");
            assert!(doc.text().contains("jane@example.com"));
            assert_eq!(doc.pages, 1);
        }
    }

    #[test]
    fn page_trees_that_multiply_or_nest_deep_are_refused() {
        assert!(reason(&pdf::pdf_page_tree_fanout()).contains("page tree"));
        assert!(reason(&pdf::pdf_shared_page(100_000)).contains("page tree"));
        assert!(reason(&pdf::pdf_deep_page_tree(10_000)).contains("page tree"));
    }

    #[test]
    fn many_pages_are_read_up_to_the_page_cap() {
        let doc = extract(&pdf::pdf_many_pages(5_000)).expect("read");
        assert_eq!(doc.pages as usize, jobgate_extract::pdf::MAX_PAGES);
    }

    #[test]
    fn content_past_the_decoded_budget_is_refused() {
        assert!(reason(&pdf::pdf_shared_content_stream(20_000)).contains("decoded content"));
        assert!(reason(&pdf::pdf_flate_bomb(80)).contains("decoded content"));
        // Under the budget, the same shapes read normally.
        assert!(text(&pdf::pdf_shared_content_stream(20)).contains("Jane Doe"));
    }

    #[test]
    fn forms_drawn_many_times_or_by_themselves_are_read() {
        for bytes in [
            pdf::pdf_shared_xobject(100_000),
            pdf::pdf_xobject_loop(),
            pdf::pdf_xobject_fanout(30, 2),
            pdf::pdf_deep_save_state(5_000),
        ] {
            assert!(text(&bytes).contains("Jane Doe"));
        }
    }

    #[test]
    fn graphics_states_saved_without_end_are_refused() {
        let why = reason(&pdf::pdf_deep_save_state(1_000_000));
        assert!(why.contains("graphics state"), "{why}");
    }

    #[test]
    fn too_many_pieces_of_text_are_refused() {
        let why = reason(&pdf::pdf_many_spans(60_000));
        assert!(why.contains("pieces of text"), "{why}");
        let why = reason(&pdf::pdf_many_shows_one_text_object(60_000));
        assert!(why.contains("pieces of text"), "{why}");
        assert!(text(&pdf::pdf_many_spans(2_000)).contains("Jane Doe"));
    }

    #[test]
    fn a_docx_part_named_many_times_is_read_once() {
        let doc = extract(&docx::docx_shared_header(5_000)).expect("read");
        // The header's 100 distinct lines once, then the CV.
        assert!(doc.lines.len() <= 110, "{} lines", doc.lines.len());
        assert!(doc.text().contains("jane@example.com"));
    }

    #[test]
    fn docx_parts_past_the_total_budget_are_refused() {
        assert!(reason(&docx::docx_many_parts(8, 8 << 20)).contains("16 MB"));
        assert!(reason(&docx::docx_body_bomb(20)).contains("16 MB"));
        assert!(reason(&docx::docx_many_paragraphs(30_000)).contains("paragraphs"));
    }

    #[test]
    fn more_text_than_any_cv_is_refused() {
        let why = reason(&docx::docx_long_languages_line(100_000));
        assert!(why.contains("characters of text"), "{why}");
        let why = reason(&docx::docx_many_runs(200_000));
        assert!(why.contains("characters of text"), "{why}");
    }

    #[test]
    fn deep_docx_tables_and_long_runs_are_read() {
        assert!(text(&docx::docx_deep_tables(100_000)).contains("deep"));
        assert!(text(&docx::docx_many_runs(50_000)).contains("Languages"));
    }
}

/// The regression files of one fuzz target (`tests/fixtures/fuzz/<target>/`), sorted. Files under its
/// `out-of-process/` folder abort the process (stack overflow, panic inside pdf_oxide) and are left to
/// the bounded worker's tests.
fn fuzz_findings(target: &str) -> Vec<PathBuf> {
    let dir = root().join("fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

#[test]
fn fuzz_findings_end_with_a_document_or_an_error_code() {
    for target in ["extract_pdf", "extract_docx"] {
        for path in fuzz_findings(target) {
            match extract_file(&path) {
                Ok(_) => {}
                Err(e) => assert!(
                    !e.code().as_str().is_empty(),
                    "{}: error without a code",
                    path.display()
                ),
            }
        }
    }
}

// ---- Scans and photos, read by OCR (real Tesseract: `scripts/setup.sh test` installs it) ----

fn scan(name: &str) -> PathBuf {
    root().join("scans").join(name)
}

#[test]
fn images_are_told_apart_by_their_bytes() {
    use jobgate_extract::ocr::image::ImageKind;
    let kind = |name: &str| sniff(&std::fs::read(scan(name)).expect("read"));
    assert_eq!(
        kind("files/003__stackoverflow__scan200.jpg"),
        FileKind::Image(ImageKind::Jpeg)
    );
    assert_eq!(
        kind("files/009__stackoverflow__scan150.png"),
        FileKind::Image(ImageKind::Png)
    );
    assert_eq!(kind("files/001__even__scan150__jpg.pdf"), FileKind::Pdf);
}

#[test]
fn a_photo_of_a_cv_becomes_lines_with_its_name_email_and_sections() {
    let doc = extract_file(&scan("files/003__stackoverflow__scan200.jpg")).expect("OCR reads it");
    assert_eq!(doc.format, SourceFormat::Image);
    let info = doc.ocr.as_ref().expect("read by OCR");
    assert_eq!(info.pages, [0]);
    assert!(info.mean_confidence > 60.0, "{info:?}");
    let text = doc.text();
    for want in [
        "James R. Thompson",
        "jthompson.cpa@ledgerline.test",
        "Baker Tilly",
    ] {
        assert!(text.contains(want), "{want} in\n{text}");
    }
    assert_eq!(doc.language, DocLanguage::En);
}

#[test]
fn a_phone_photo_stored_sideways_is_turned_by_its_exif_orientation() {
    let doc = extract_file(&scan("files/009__stackoverflow__photo.jpg")).expect("OCR reads it");
    let first: Vec<&str> = doc.lines.iter().take(2).map(|l| l.text.as_str()).collect();
    assert_eq!(first, ["Emily Chen", "Computer Science Student"]);
}

#[test]
fn a_page_on_its_side_is_turned_upright() {
    let doc = extract_file(&scan("files/012__stackoverflow__scan200.jpg")).expect("OCR reads it");
    let text = doc.text();
    for want in ["Fatima Zahra Benali", "fz.benali@logimail.test"] {
        assert!(text.contains(want), "{want} in\n{text}");
    }
}

#[test]
fn a_scanned_arabic_pdf_is_read_from_its_jpeg_pages_in_logical_order() {
    let doc = extract_file(&scan("files/028__even__scan200__jpg.pdf")).expect("OCR reads it");
    assert_eq!(doc.format, SourceFormat::Pdf);
    assert_eq!(doc.ocr.as_ref().expect("OCR").pages, [0, 1]);
    assert_eq!(doc.language, DocLanguage::Ar);
    let text = doc.text();
    for want in [
        "m.alsayed@mail-ar.test",
        "مهندس برمجيات",
        "البنك الأهلي المصري",
    ] {
        assert!(text.contains(want), "{want} in\n{text}");
    }
}

#[test]
fn a_pdf_mixing_a_scanned_page_and_a_typed_one_reads_both() {
    let doc = extract_file(&scan("files/005__flat__scan200__mixed.pdf")).expect("reads");
    assert_eq!(doc.pages, 2);
    assert_eq!(
        doc.ocr.as_ref().expect("OCR").pages,
        [0],
        "only the scanned page"
    );
    let on = |p: u32| doc.lines.iter().filter(|l| l.page == p).count();
    assert!(
        on(0) > 10 && on(1) > 5,
        "page 1: {} lines, page 2: {} lines",
        on(0),
        on(1)
    );
    assert!(doc.text().contains("Lukas Becker"), "{}", doc.text());
}

#[test]
fn a_blank_page_or_a_pixel_is_no_text_found() {
    assert_eq!(code_of(&scan("blank.png")), "NO_TEXT_FOUND");
    assert_eq!(code_of(&hostile("not_a_cv.png")), "NO_TEXT_FOUND");
}
