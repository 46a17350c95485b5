//! Accuracy on layouts the parser was not developed on (`tests/fixtures/heldout`): the corpus's CVs
//! rendered through eight other JSON Resume themes (side bars, margin headings, letter-spaced headings,
//! one-line entries), printed by Chromium and converted to DOCX by pandoc — see
//! `scripts/heldout/make.sh`. The manifest lists what each layout does not show. Held as a ratchet
//! below the sample corpus's; the gap between the two is how much the parser leans on layouts it knows.

use crate::common;

#[test]
fn heldout_layouts_accuracy_holds() {
    let fixtures = common::fixtures();
    let report = common::score_set(&fixtures.join("heldout"), &fixtures.join("corpus/truth"));
    let table = &report.table;
    println!("{table}");
    let all = report.overall("all");
    let (pdf, docx) = (report.overall("format=pdf"), report.overall("format=docx"));
    let (en, ar) = (report.overall("lang=en"), report.overall("lang=ar"));
    let summary =
        format!("overall {all:.3}, pdf {pdf:.3}, docx {docx:.3}, en {en:.3}, ar {ar:.3}\n{table}");
    assert!(all >= MIN_OVERALL, "held-out macro-F1 fell: {summary}");
    assert!(pdf >= MIN_PDF, "held-out PDF macro-F1 fell: {summary}");
    assert!(
        report.f1("all", "name") >= MIN_NAME,
        "held-out name F1 fell: {summary}"
    );
    assert!(
        en - ar <= MAX_AR_GAP,
        "Arabic fell behind English: {summary}"
    );
}

const MIN_OVERALL: f64 = 0.92;
const MIN_PDF: f64 = 0.88;
const MIN_NAME: f64 = 0.98;
const MAX_AR_GAP: f64 = 0.05;
