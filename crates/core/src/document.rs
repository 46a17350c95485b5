//! The extracted text of a CV: what `extract` produces and `parse` consumes.
//!
//! Lines are in reading order (columns already separated, right-to-left text in logical order,
//! normalised by [`crate::text::normalize_line`]). Layout hints are optional: DOCX has no coordinates,
//! and the parser must work on plain text too.

use crate::contract::{DocLanguage, Warning};
use serde::{Deserialize, Serialize};

/// The source format a document came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Pdf,
    Docx,
    /// A photo or a scan (PNG, JPEG, TIFF), read by OCR.
    Image,
    #[default]
    Text,
}

/// One line of text with what the layout said about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub text: String,
    /// 0-based page number (0 for formats without pages).
    pub page: u32,
    /// Font size in points, when known.
    pub font_size: Option<f32>,
    /// True when the whole line is bold, when known.
    pub bold: bool,
    /// True when the source marked it as a heading (DOCX heading style, or a larger bold font).
    pub heading_hint: bool,
    /// True for list items (DOCX numbering, bullet glyphs already stripped).
    pub bullet: bool,
    /// Which column the line came from (0 = the main or only column).
    pub column: u8,
}

impl Line {
    pub fn plain(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            ..Line::default()
        }
    }
}

/// A whole extracted document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub lines: Vec<Line>,
    pub format: SourceFormat,
    pub pages: u32,
    pub language: DocLanguage,
    /// Problems that did not stop extraction (part of a file unreadable, text in images).
    pub warnings: Vec<Warning>,
    /// Hyperlink targets found in the file (DOCX relationships, PDF link annotations), in order, unique.
    #[serde(default)]
    pub links: Vec<String>,
    /// Set when some pages were read by OCR (a scan or a photo): which, and how sure it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrInfo>,
}

/// What OCR read of a document: its pages and the words it was unsure of.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OcrInfo {
    /// 0-based numbers of the pages read by OCR.
    pub pages: Vec<u32>,
    /// Pages with no text layer that were not read because of the page cap.
    pub skipped_pages: u32,
    /// Mean word confidence over all OCR'd words, 0–100.
    pub mean_confidence: f32,
    /// Words recognised with low confidence, in reading order (at most a few dozen).
    pub unsure_words: Vec<String>,
}

impl Document {
    /// A document from plain text, one line per line (blank lines dropped).
    pub fn from_text(text: &str) -> Document {
        let lines: Vec<Line> = text
            .lines()
            .map(crate::text::normalize_line)
            .filter(|l| !l.is_empty())
            .map(Line::plain)
            .collect();
        let language = crate::text::detect_language(lines.iter().map(|l| l.text.as_str()));
        Document {
            lines,
            format: SourceFormat::Text,
            pages: 1,
            language,
            warnings: Vec::new(),
            links: Vec::new(),
            ocr: None,
        }
    }

    /// All text, one line per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(&l.text);
            out.push('\n');
        }
        out
    }
}
