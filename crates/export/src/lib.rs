//! Export of a structured CV to DOCX, PDF and plain text, driven by templates that are data.
//!
//! Flow: [`Cv`] + template (`templates/*.toml`, [`template`]) + language → the document model
//! ([`model`]: blocks with localized headings, text direction decided once) → one renderer:
//! [`docx`] (docx-rs, plus one XML pass for right-to-left runs), [`pdf`] (printpdf, with our own
//! shaping by rustybuzz, bidi ordering by unicode-bidi, line and page breaking) or [`txt`].
//! [`file`] writes the bytes safely. Reading files and analysing CVs is left to the engine.
//!
//! **Invariant:** every renderer emits real text in logical reading order, so what an applicant
//! tracking system (or our own parser) extracts is what the person wrote.

pub mod docx;
pub mod file;
pub mod model;
pub mod pdf;
pub mod template;
pub mod txt;

pub use file::{default_file_name, write_file};
pub use template::Template;

use jobgate_core::error::Result;
use jobgate_core::{Cv, JobGateError, Lang, Phrase};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Docx,
    Pdf,
    Txt,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Docx, Format::Pdf, Format::Txt];

    /// File extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }

    /// `docx`, `pdf`, `txt` (any case); anything else is `INVALID_INPUT`.
    pub fn parse(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            "txt" | "text" => Ok(Format::Txt),
            _ => Err(JobGateError::invalid_input(
                "format",
                Phrase::new("reason-export-unknown-format").cv("format", s),
            )),
        }
    }
}

/// A template as listed to users.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TemplateInfo {
    pub name: String,
    pub description_en: String,
    pub description_ar: String,
}

impl TemplateInfo {
    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.description_en,
            Lang::Ar => &self.description_ar,
        }
    }
}

/// The shipped templates, in display order.
pub fn templates() -> Vec<TemplateInfo> {
    template::names()
        .into_iter()
        .filter_map(|n| template::load(&n).ok())
        .map(|t| TemplateInfo {
            name: t.name,
            description_en: t.description.en,
            description_ar: t.description.ar,
        })
        .collect()
}

/// Renders `cv` with the template called `template`, headings and direction in `lang`.
/// Errors: `TEMPLATE_NOT_FOUND`, `EXPORT_FAILED`.
pub fn render(cv: &Cv, format: Format, template: &str, lang: Lang) -> Result<Vec<u8>> {
    let t = template::load(template)?;
    render_with(cv, format, &t, lang)
}

/// Like [`render`] with an already loaded template.
pub fn render_with(cv: &Cv, format: Format, template: &Template, lang: Lang) -> Result<Vec<u8>> {
    let doc = model::build(cv, template, lang);
    match format {
        Format::Docx => docx::render(&doc, template),
        Format::Pdf => pdf::render(&doc, template),
        Format::Txt => Ok(txt::render(&doc, template)),
    }
}

/// Page 1 of the PDF export of `cv` in `template` and `lang`, as SVG: what the app shows while the
/// user picks a template. Errors: `TEMPLATE_NOT_FOUND`, `EXPORT_FAILED`.
pub fn preview_svg(cv: &Cv, template: &str, lang: Lang) -> Result<String> {
    let t = template::load(template)?;
    pdf::preview_svg(&model::build(cv, &t, lang), &t)
}

/// The language to export `cv` in when the user did not choose: the language it is written in.
pub fn language_of(cv: &Cv) -> Lang {
    model::language_of(cv)
}
