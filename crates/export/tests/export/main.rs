//! Export tests on real files: every template × format × language renders and opens (LibreOffice
//! converts each DOCX; `pdftotext` reads each PDF), right-to-left markup only where it belongs,
//! golden extracted text (`UPDATE_EXPECT=1` rewrites it and the PNG previews in `docs/templates/`),
//! and the round trip through our own extractor and parser over the sample corpus.
//!
//! Needs `pdftotext` and `pdftoppm` (poppler-utils) and `soffice` (LibreOffice) on PATH.

mod golden;
mod open;
mod preview;
mod roundtrip;
mod support;
