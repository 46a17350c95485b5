//! PDF bytes → `jobgate_extract::extract` → parse → score. Inputs without `%PDF-` in their first
//! kilobyte get a header, so every input reaches the PDF reader.

#![no_main]

use jobgate_extract::{FileKind, sniff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jobgate_fuzz::guarded(|| {
        if sniff(data) == FileKind::Pdf {
            jobgate_fuzz::extract_and_analyse(data);
        } else {
            let mut bytes = b"%PDF-1.7\n".to_vec();
            bytes.extend_from_slice(data);
            jobgate_fuzz::extract_and_analyse(&bytes);
        }
    });
});
