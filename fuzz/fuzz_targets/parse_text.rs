//! UTF-8 text → `Document` (one line per line, optional layout-hint prefix; see
//! `jobgate_fuzz::document_from_text`) → parse → sections → score → features. Parsing never fails on
//! text (ARCHITECTURE.md, Invariants), so any panic, hang or blow-up is a finding.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        jobgate_fuzz::guarded(|| jobgate_fuzz::analyse(&jobgate_fuzz::document_from_text(text)));
    }
});
