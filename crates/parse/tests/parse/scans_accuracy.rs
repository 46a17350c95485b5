//! Accuracy on scans and photos (`tests/fixtures/scans`): pages of the sample corpus rendered to
//! images, tilted about a degree, with sensor noise and JPEG compression, one on its side, phone photos
//! (perspective, uneven light, stored sideways with an EXIF orientation), black-and-white multi-page
//! TIFFs (CCITT G4, as document scanners make them), as image files, image-only PDFs (JPEG and Flate pages) and PDFs mixing a scanned page with typed ones — see
//! `scripts/scans/make.py`. Read by the real Tesseract (`scripts/setup.sh test`) through the same
//! extractor and parser as typed files, scored against the corpus truth. Goals of issue 17: macro-F1
//! ≥ 0.80 in English, ≥ 0.70 in Arabic and mixed CVs; the floors below hold what is measured now.

use crate::common;

#[test]
fn scanned_and_photographed_cvs_accuracy_holds() {
    let fixtures = common::fixtures();
    let report = common::score_set(&fixtures.join("scans"), &fixtures.join("corpus/truth"));
    let table = &report.table;
    println!("{table}");
    let all = report.overall("all");
    let (en, ar, mixed) = (
        report.overall("lang=en"),
        report.overall("lang=ar"),
        report.overall("lang=mixed"),
    );
    let summary = format!("overall {all:.3}, en {en:.3}, ar {ar:.3}, mixed {mixed:.3}\n{table}");
    assert!(all >= MIN_OVERALL, "scan macro-F1 fell: {summary}");
    assert!(en >= MIN_EN, "English scan macro-F1 fell: {summary}");
    assert!(ar >= MIN_AR, "Arabic scan macro-F1 fell: {summary}");
    assert!(mixed >= MIN_MIXED, "mixed scan macro-F1 fell: {summary}");
    assert!(
        report.f1("all", "email") >= MIN_EMAIL,
        "scan email F1 fell: {summary}"
    );
}

// Measured 2026-12-04 (Tesseract 5.3.0, Debian 12; 15 files, two of them phone photos, two of them
// two-page black-and-white TIFFs): overall 0.836, en 0.867, ar 0.778, mixed 0.882, email 1.000.
// The TIFFs score 0.71 (en) and 0.50 (ar): their light-grey section headings (grey 160–190 on a 245
// page) do not survive black and white, so entries are found without headings.
const MIN_OVERALL: f64 = 0.82;
const MIN_EN: f64 = 0.85;
const MIN_AR: f64 = 0.76;
const MIN_MIXED: f64 = 0.85;
const MIN_EMAIL: f64 = 0.95;
