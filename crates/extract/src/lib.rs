//! PDF and DOCX text extraction into a [`Document`] (being written: see issue 2).

use jobgate_core::error::Result;
use jobgate_core::{Document, JobGateError};
use std::path::Path;

/// Extracts the text of a PDF or DOCX given as bytes (type decided by magic bytes).
pub fn extract(bytes: &[u8]) -> Result<Document> {
    Err(JobGateError::UnsupportedFileType {
        detected: format!("{} bytes", bytes.len()),
    })
}

/// Extracts a file from disk, refusing files over the size limit before reading them.
pub fn extract_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|_| JobGateError::FileNotFound {
        path: path.display().to_string(),
    })?;
    extract(&bytes)
}
