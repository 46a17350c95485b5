//! DOCX → `jobgate_extract::extract` → parse → score. An input starting with `PK` is taken as the
//! archive itself (damaged archives, truncation, zip bombs); anything else is the structured form of
//! `jobgate_fuzz::docx_from_parts` (XML parts separated by NUL, stored in a fresh archive), so most
//! executions exercise the XML walker rather than the deflate checksums.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jobgate_fuzz::guarded(|| {
        if data.starts_with(b"PK") {
            jobgate_fuzz::extract_and_analyse(data);
        } else {
            jobgate_fuzz::extract_and_analyse(&jobgate_fuzz::docx_from_parts(data));
        }
    });
});
