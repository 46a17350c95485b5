//! What the fuzz targets share: the product's pipeline after extraction (parse, sections, score,
//! features) with its invariants checked, a panic hook that respects the product's own `catch_unwind`,
//! the structured DOCX input format, and the layout-hint prefixes of the text target.

#![forbid(unsafe_code)]

use jobgate_core::{Document, Lang};
use std::backtrace::Backtrace;
use std::cell::RefCell;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    static LAST_PANIC: RefCell<Option<(String, Backtrace)>> = const { RefCell::new(None) };
}

/// Runs `f` as the product would, and aborts (a libFuzzer crash) only on a panic that escapes it.
///
/// libfuzzer-sys installs a panic hook that aborts on *every* panic, but the product catches panics
/// inside pdf_oxide (`jobgate_extract::pdf`, `catch_unwind` → `CORRUPTED_FILE`); those are handled
/// outcomes, not findings. This hook only remembers the message; a panic that reaches us is printed
/// with its location and turned into an abort.
pub fn guarded(f: impl FnOnce()) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // Symbols are resolved only when the panic escapes: caught panics stay cheap.
            let bt = Backtrace::force_capture();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some((info.to_string(), bt)));
        }));
    });
    LAST_PANIC.with(|p| p.borrow_mut().take());
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        let msg = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .map(|(info, bt)| format!("{info}\n{bt}"))
            .unwrap_or_else(|| "panic without a message".into());
        let _ = writeln!(std::io::stderr(), "==== uncaught panic ====\n{msg}");
        std::process::abort();
    }
}

/// Everything the product does with a `Document` once it has one: parse, sections, the ATS score in
/// both languages, the derived features. Checks the invariants the product promises.
pub fn analyse(doc: &Document) {
    let parsed = jobgate_parse::parse(doc);
    let _ = jobgate_parse::sections(doc);
    for lang in Lang::ALL {
        let report = jobgate_score::score_parsed(&parsed, doc, lang);
        let sum: f64 = report.checks.iter().map(|c| c.points).sum();
        assert!(
            report.score == sum,
            "score {} is not the sum of its checks {sum}",
            report.score
        );
        assert!(
            (0.0..=100.0).contains(&report.score),
            "score {} out of range",
            report.score
        );
        for c in &report.checks {
            assert!(
                c.points >= 0.0 && c.points <= c.max_points && (c.points * 2.0).fract() == 0.0,
                "check {} has {} of {} points",
                c.id,
                c.points,
                c.max_points
            );
        }
    }
    let _ = jobgate_score::features(&parsed.cv, (2026, 12));
}

/// Extraction then the rest of the pipeline; an error code is a fine outcome.
pub fn extract_and_analyse(bytes: &[u8]) {
    if let Ok(doc) = jobgate_extract::extract(bytes) {
        analyse(&doc);
    }
}

/// Parts of the structured DOCX input, in order, separated by one NUL byte.
pub const DOCX_PARTS: [&str; 5] = [
    "word/document.xml",
    "word/styles.xml",
    "word/_rels/document.xml.rels",
    "word/header1.xml",
    "word/footer1.xml",
];

/// The structured DOCX input: XML parts separated by NUL, stored (uncompressed) in a fresh archive, so
/// mutations reach the XML walker instead of breaking deflate streams and checksums. Empty parts other
/// than the body are left out.
pub fn docx_from_parts(data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (i, part) in data.split(|&b| b == 0).take(DOCX_PARTS.len()).enumerate() {
        if i > 0 && part.is_empty() {
            continue;
        }
        zip.start_file(DOCX_PARTS[i], options)
            .expect("start a stored entry");
        zip.write_all(part).expect("write to memory");
    }
    zip.finish().expect("finish in memory").into_inner()
}

pub use jobgate_hostile::document::document_from_text;
