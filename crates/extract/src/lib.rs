//! PDF and DOCX text extraction into a [`Document`]: lines in reading order, Arabic in logical order,
//! layout hints (font size, bold, heading, bullet, column, page), hyperlink targets, and hostile files
//! turned into error codes instead of panics, hangs or unbounded memory.
//!
//! The file type is decided by magic bytes ([`sniff`]), never by the extension. PDF goes through
//! [`pdf`] (pdf_oxide behind the [`pdf::PdfBackend`] trait, then our own layout pass in [`layout`]);
//! DOCX through [`docx`] (zip + quick-xml). Every line is then normalised here ([`finish`]): bullet
//! glyphs stripped, NFKC and digits via `jobgate_core::text::normalize_line`, reversed phone digit
//! groups repaired ([`fixups`]). Parsing the lines into a CV is left to `jobgate-parse`.

pub mod docx;
pub mod fixups;
pub mod layout;
pub mod ocr;
pub mod pdf;
pub mod pdf_scan;

use jobgate_core::contract::Warning;
use jobgate_core::document::{Line, SourceFormat};
use jobgate_core::error::{MAX_FILE_BYTES, Result};
use jobgate_core::text::{detect_language, normalize_line};
use jobgate_core::{Document, JobGateError, Phrase, Reason};
use std::io::Read;
use std::path::Path;

/// File name extensions of CVs that file dialogs offer and folders are listed by (lower case; the type
/// is still decided by the bytes): PDF, DOCX, and the images OCR reads.
pub const CV_EXTENSIONS: &[&str] = &["pdf", "docx", "png", "jpg", "jpeg", "tif", "tiff"];

/// True when `path` ends in one of [`CV_EXTENSIONS`], in any case.
pub fn has_cv_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CV_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Docx,
    /// A PNG, JPEG or TIFF picture, read by OCR.
    Image(ocr::image::ImageKind),
    /// Anything else, with a short description ("PNG image", "ZIP archive without word/document.xml").
    Other(String),
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const OLE_DESCRIPTION: &str = "OLE compound file (old .doc, or a password-protected Office file)";

/// Decides the type of a file from its bytes.
///
/// PDF: `%PDF-` in the first kilobyte (some producers put junk before it). DOCX: a ZIP archive that
/// holds `word/document.xml` (every entry's local header carries its name, so this also works for a
/// truncated archive). Everything else is `Other` with a description for the error message.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if let Some(kind) = ocr::image::ImageKind::sniff(bytes) {
        return FileKind::Image(kind);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if find(bytes, b"word/document.xml").is_some() {
            FileKind::Docx
        } else {
            FileKind::Other("ZIP archive without word/document.xml".into())
        };
    }
    let what = if bytes.starts_with(&OLE_MAGIC) {
        OLE_DESCRIPTION
    } else if bytes.starts_with(b"GIF8") {
        "GIF image"
    } else if bytes.starts_with(b"MZ") {
        "Windows program"
    } else if bytes.starts_with(b"\x7FELF") {
        "Linux program"
    } else if bytes.starts_with(b"{\\rtf") {
        "RTF document"
    } else if bytes.starts_with(b"PK") {
        "ZIP archive"
    } else if std::str::from_utf8(head).is_ok()
        || std::str::from_utf8(&head[..head.len().saturating_sub(3)]).is_ok()
    {
        "plain text"
    } else {
        "unknown binary data"
    };
    FileKind::Other(what.to_string())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// True when an OLE compound file holds an `EncryptionInfo` stream (an encrypted OOXML file).
fn ole_is_encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    find(bytes, &name).is_some()
}

/// Extracts the text of a PDF, DOCX or image given as bytes (type decided by magic bytes).
pub fn extract(bytes: &[u8]) -> Result<Document> {
    extract_reporting(bytes, &|_| {})
}

/// [`extract`], announcing each page OCR starts to read (scans and photos take seconds a page).
pub fn extract_reporting(bytes: &[u8], progress: &dyn Fn(ocr::Progress)) -> Result<Document> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(JobGateError::FileTooLarge {
            max_bytes: MAX_FILE_BYTES,
            actual_bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(JobGateError::corrupted(Reason::new("reason-file-empty")));
    }
    match sniff(bytes) {
        FileKind::Pdf => {
            let mut pdf = pdf::read(bytes)?;
            let ocr =
                ocr::pdf::read_scanned_pages(bytes, &mut pdf.pages, &mut pdf.warnings, progress)?;
            let mut doc = finish(pdf.pages, SourceFormat::Pdf, pdf.warnings, pdf.links)?;
            doc.ocr = ocr;
            Ok(doc)
        }
        FileKind::Image(kind) => {
            let (pages, info, warnings) = ocr::read_image_file(bytes, kind, progress)?;
            let mut doc = finish(pages, SourceFormat::Image, warnings, Vec::new())?;
            doc.ocr = Some(info);
            Ok(doc)
        }
        FileKind::Docx => {
            let d = docx::read(bytes)?;
            let mut warnings = Vec::new();
            if let Some(cause) = d.partial {
                warnings.push(Warning::partial_text(cause));
            }
            finish(vec![d.page], SourceFormat::Docx, warnings, d.links)
        }
        FileKind::Other(what) => {
            if bytes.starts_with(&OLE_MAGIC) && ole_is_encrypted(bytes) {
                Err(JobGateError::EncryptedFile)
            } else {
                Err(JobGateError::UnsupportedFileType { detected: what })
            }
        }
    }
}

/// Extracts a file from disk, refusing files over the size limit before reading them.
pub fn extract_file(path: &Path) -> Result<Document> {
    extract(&read_file(path)?)
}

/// Reads a CV (or job) file, refusing folders, missing files, files over [`MAX_FILE_BYTES`], and anything that
/// is not a regular file — a named pipe would block the read for ever and a device (`/dev/zero`) never ends.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let not_found = || JobGateError::FileNotFound {
        path: path.display().to_string(),
    };
    let meta = std::fs::metadata(path).map_err(|_| not_found())?;
    if meta.is_dir() {
        return Err(not_found());
    }
    if !meta.is_file() {
        return Err(JobGateError::UnsupportedFileType {
            detected: "a named pipe, socket or device, not a file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(JobGateError::FileTooLarge {
            max_bytes: MAX_FILE_BYTES,
            actual_bytes: meta.len(),
        });
    }
    // Read at most one byte past the limit, in case the file grew since `metadata`.
    let file = std::fs::File::open(path).map_err(|_| not_found())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A line before normalisation, as an extractor produced it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawLine {
    pub text: String,
    pub font_size: Option<f32>,
    pub bold: bool,
    pub heading_hint: bool,
    pub bullet: bool,
    pub column: u8,
}

/// The lines of one page in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawPage {
    pub lines: Vec<RawLine>,
}

/// Most lines one document may give (a long CV has a few hundred); past it the file is refused, so
/// nothing after extraction ever sees more.
pub const MAX_LINES: usize = 20_000;

/// Most characters of text one document may give (a long CV has under 30,000).
pub const MAX_TEXT_CHARS: usize = 500_000;

/// `CORRUPTED_FILE` for a document with more text than any CV: the budget after extraction.
fn check_text_budget(pages: &[RawPage]) -> Result<()> {
    let lines: usize = pages.iter().map(|p| p.lines.len()).sum();
    let chars: usize = pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.len())
        .sum();
    let why = if lines > MAX_LINES {
        Phrase::new("reason-text-too-many-lines").value("max", MAX_LINES)
    } else if chars > MAX_TEXT_CHARS * 4
        || (chars > MAX_TEXT_CHARS && count_chars(pages) > MAX_TEXT_CHARS)
    {
        Phrase::new("reason-text-too-many-chars").value("max", MAX_TEXT_CHARS)
    } else {
        return Ok(());
    };
    Err(JobGateError::corrupted(why))
}

fn count_chars(pages: &[RawPage]) -> usize {
    pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.chars().count())
        .sum()
}

/// Normalises every line, strips bullet glyphs, repairs reversed phone numbers, detects the language.
/// A document without any text is `NO_TEXT_FOUND`; one with more text than any CV is `CORRUPTED_FILE`.
pub(crate) fn finish(
    pages: Vec<RawPage>,
    format: SourceFormat,
    warnings: Vec<Warning>,
    links: Vec<String>,
) -> Result<Document> {
    check_text_budget(&pages)?;
    let page_count = pages.len() as u32;
    let mut pages = pages;
    if format == SourceFormat::Pdf {
        let mut texts: Vec<String> = pages
            .iter()
            .flat_map(|p| p.lines.iter().map(|l| l.text.clone()))
            .collect();
        if fixups::undo_glyph_id_text(&mut texts) {
            let lines = pages.iter_mut().flat_map(|p| p.lines.iter_mut());
            for (line, text) in lines.zip(texts) {
                line.text = text;
            }
        }
    }
    let mut lines = Vec::new();
    for (i, page) in pages.into_iter().enumerate() {
        for raw in page.lines {
            let mut text = normalize_line(&raw.text);
            let mut bullet = raw.bullet;
            if let Some(rest) = fixups::strip_bullet(&text) {
                text = rest.to_string();
                bullet = true;
            }
            let text = fixups::join_split_emails(&fixups::fix_reversed_phones(
                &fixups::fix_reversed_lam_alef(&text),
            ));
            if text.is_empty() {
                continue;
            }
            lines.push(Line {
                text,
                page: i as u32,
                font_size: raw.font_size,
                bold: raw.bold,
                heading_hint: raw.heading_hint,
                bullet,
                column: raw.column,
            });
        }
    }
    let keyed: Vec<(u32, &str)> = lines.iter().map(|l| (l.page, l.text.as_str())).collect();
    let repeated = fixups::repeated_at_page_break(&keyed);
    if !repeated.is_empty() {
        let mut i = 0;
        lines.retain(|_| {
            i += 1;
            !repeated.contains(&(i - 1))
        });
    }
    if lines.is_empty() {
        return Err(JobGateError::NoTextFound { pages: page_count });
    }
    let language = detect_language(lines.iter().map(|l| l.text.as_str()));
    Ok(Document {
        lines,
        format,
        pages: page_count.max(1),
        language,
        warnings,
        links,
        ocr: None,
    })
}
