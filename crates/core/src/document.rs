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
