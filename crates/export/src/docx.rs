//! DOCX renderer: the document model as a real Word document built with `docx-rs` — named styles
//! (Title, Subtitle, Heading 1 for sections, Heading 2 for entries, List Bullet), one bullet numbering
//! definition, page size and margins from the template, and document properties (title, author,
//! language).
//!
//! Right-to-left: paragraphs get `w:bidi` through docx-rs; runs of Arabic text are marked with a
//! placeholder character style that [`rtl::finish_document_xml`] turns into `w:rtl` + `w:lang
//! w:bidi`, and the section gets `w:bidi` there too (docx-rs 0.4 has neither). Mixed text (an email
//! in an Arabic line) is split into runs by script so Word's bidi algorithm orders it correctly.

pub mod rtl;

use crate::model::{Block, CONTACT_SEPARATOR, Doc};
use crate::template::{Align, Template};
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Start, Style, StyleType, Tab, TabValueType,
};
use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Reason};

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f32 = 56.692_914;
/// docx-rs always writes a decimal list as abstract numbering 1 and numbering 1; ours must differ,
/// or Word and LibreOffice number the bullets "1.", "2.".
const BULLET_NUMBERING: usize = 2;

/// Renders `doc` as DOCX bytes.
pub fn render(doc: &Doc, t: &Template) -> Result<Vec<u8>> {
    let (w_mm, h_mm) = t.page.size.mm();
    let twips = |mm: f32| (mm * TWIPS_PER_MM).round() as i32;
    let text_width = twips(w_mm - 2.0 * t.page.margin_inline);
    let half_points = |pt: f32| (pt * 2.0).round() as usize;
    let fonts = RunFonts::new()
        .ascii(&t.fonts.docx_latin)
        .hi_ansi(&t.fonts.docx_latin)
        .east_asia(&t.fonts.docx_latin)
        .cs(&t.fonts.docx_arabic);
    let line = (240.0 * t.sizes.line_height * 0.9).round() as i32;
    let spacing = |before: f32, after: f32| {
        LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(line)
            .before((before * 20.0).round() as u32)
            .after((after * 20.0).round() as u32)
    };
    let heading_colour = if t.headings.in_accent {
        &t.colours.accent
    } else {
        &t.colours.text
    };
    let name_colour = if t.header.name_in_accent {
        &t.colours.accent
    } else {
        &t.colours.text
    };

    let mut title = Style::new("Title", StyleType::Paragraph)
        .name("Title")
        .based_on("Normal")
        .next("Normal")
        .size(half_points(t.sizes.name))
        .bold()
        .color(name_colour);
    title.paragraph_property = title.paragraph_property.line_spacing(spacing(0.0, 2.0));
    let mut subtitle = Style::new("Subtitle", StyleType::Paragraph)
        .name("Subtitle")
        .based_on("Normal")
        .next("Normal")
        .size(half_points(t.sizes.headline))
        .color(&t.colours.muted);
    subtitle.paragraph_property = subtitle.paragraph_property.line_spacing(spacing(0.0, 2.0));
    let mut h1 = Style::new("Heading1", StyleType::Paragraph)
        .name("heading 1")
        .based_on("Normal")
        .next("Normal")
        .size(half_points(t.sizes.heading))
        .bold()
        .color(heading_colour)
        .outline_lvl(0);
    h1.paragraph_property = h1
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(t.spacing.before_heading, t.spacing.after_heading));
    if t.headings.rule_below {
        h1.paragraph_property = h1.paragraph_property.set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(6)
                    .space(1)
                    .color(&t.colours.rule),
            ),
        );
    }
    let mut h2 = Style::new("Heading2", StyleType::Paragraph)
        .name("heading 2")
        .based_on("Normal")
        .next("Normal")
        .size(half_points(t.sizes.entry))
        .bold()
        .color(&t.colours.text)
        .outline_lvl(1);
    h2.paragraph_property = h2
        .paragraph_property
        .keep_next(true)
        .line_spacing(spacing(t.spacing.before_entry, 0.0));
    let mut list = Style::new("ListBullet", StyleType::Paragraph)
        .name("List Bullet")
        .based_on("Normal");
    list.paragraph_property = list
        .paragraph_property
        .line_spacing(spacing(0.0, t.spacing.after_paragraph));
    let bullet_indent = (t.spacing.bullet_indent * 20.0).round() as i32;

    let mut docx = Docx::new()
        .page_size(twips(w_mm) as u32, twips(h_mm) as u32)
        .page_margin(
            PageMargin::new()
                .top(twips(t.page.margin_top))
                .bottom(twips(t.page.margin_bottom))
                .left(twips(t.page.margin_inline))
                .right(twips(t.page.margin_inline))
                .header(twips(t.page.margin_top / 2.0))
                .footer(twips(t.page.margin_bottom / 2.0)),
        )
        .default_fonts(fonts)
        .default_size(half_points(t.sizes.body))
        .default_line_spacing(spacing(0.0, t.spacing.after_paragraph))
        .add_style(title)
        .add_style(subtitle)
        .add_style(h1)
        .add_style(h2)
        .add_style(list)
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET_NUMBERING).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(bullet_indent + 120),
                    Some(SpecialIndentType::Hanging(bullet_indent)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING));

    let para = |p: Paragraph| -> Paragraph {
        let mut p = p;
        if doc.rtl {
            p.property = p.property.bidi(true);
        }
        p
    };
    let header_align = |p: Paragraph| -> Paragraph {
        if t.header.align == Align::Center {
            p.align(AlignmentType::Center)
        } else {
            p
        }
    };
    let muted = t.colours.muted.clone();
    for block in &doc.blocks {
        let p = match block {
            Block::Name(s) => {
                header_align(add_text(para(Paragraph::new().style("Title")), s, |r| r))
            }
            Block::Headline(s) => {
                header_align(add_text(para(Paragraph::new().style("Subtitle")), s, |r| r))
            }
            Block::Contact(items) => {
                let mut p =
                    para(Paragraph::new()).line_spacing(spacing(0.0, t.spacing.after_header));
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        // Right to left, the separator is a right-to-left run, so an email and
                        // a phone number stay two items instead of one left-to-right stretch.
                        // Right-to-left marks make the separator a right-to-left break even
                        // for LibreOffice, which ignores `w:rtl` on a run of punctuation.
                        let mut sep = Run::new().add_text(CONTACT_SEPARATOR).color(&muted);
                        if doc.rtl {
                            sep = Run::new()
                                .add_text(format!("\u{200F}{CONTACT_SEPARATOR}\u{200F}"))
                                .color(&muted)
                                .style(rtl::RTL_RUN_MARKER);
                        }
                        p = p.add_run(sep);
                    }
                    // A phone number in a right-to-left paragraph would show its groups in
                    // reverse order ("7788 555 100 20+"); a left-to-right mark keeps it whole.
                    if doc.rtl && !item.chars().any(char::is_alphabetic) {
                        p = add_text(p, &format!("\u{200E}{item}"), |r| r);
                    } else {
                        p = add_text(p, item, |r| r);
                    }
                }
                header_align(p)
            }
            Block::Heading(_, h) => add_text(
                para(Paragraph::new().style("Heading1")),
                &crate::txt::heading_text(h, t),
                |r| r,
            ),
            Block::Entry { title, org, dates } => {
                // Title, then the dates against the far margin on the same line.
                let mut p = para(Paragraph::new().style("Heading2"));
                p = add_text(p, title, |r| r);
                if !dates.is_empty() {
                    // The stop is at the far margin; its text ends there. In a right-to-left
                    // paragraph positions count from the right and "right" means the end side
                    // (a "left" stop makes LibreOffice wrap the dates to the next line).
                    p = p
                        .add_tab(Tab::new().val(TabValueType::Right).pos(text_width as usize))
                        .add_run(Run::new().add_tab());
                    p = add_text(p, dates, |r| r.disable_bold().color(&muted));
                }
                docx = docx.add_paragraph(p);
                if org.is_empty() {
                    continue;
                }
                let p = para(Paragraph::new())
                    .keep_next(true)
                    .line_spacing(spacing(0.0, 1.0));
                add_text(p, org, |r| r.color(&muted))
            }
            Block::Bullet(s) | Block::ShortItem(s) => add_text(
                para(
                    Paragraph::new()
                        .style("ListBullet")
                        .numbering(NumberingId::new(BULLET_NUMBERING), IndentLevel::new(0)),
                ),
                s,
                |r| r,
            ),
            Block::Text(s) => add_text(para(Paragraph::new()), s, |r| r),
        };
        docx = docx.add_paragraph(p);
    }

    let mut xml = docx.build();
    xml.document = rtl::finish_document_xml(&xml.document, doc.rtl, &t.fonts.docx_arabic);
    xml.doc_props.core = core_properties(&doc.title, &doc.author, doc.lang.is_rtl());
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| {
        JobGateError::export_failed(Reason::new("reason-export-docx-pack").with_technical(e))
    })?;
    Ok(out.into_inner())
}

/// Adds `text` to `p` as one run per script segment: Arabic segments are marked right-to-left
/// (see [`rtl`]), the others (emails, phone numbers, Latin skill names) stay left-to-right.
fn add_text(mut p: Paragraph, text: &str, style: impl Fn(Run) -> Run) -> Paragraph {
    for (segment, arabic) in rtl::script_segments(text) {
        let mut run = style(Run::new().add_text(segment));
        if arabic {
            run = run.style(rtl::RTL_RUN_MARKER);
        }
        p = p.add_run(run);
    }
    p
}

/// `docProps/core.xml` with title, author and language (docx-rs 0.4 cannot set them).
fn core_properties(title: &str, author: &str, arabic: bool) -> Vec<u8> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><dc:language>{lang}</dc:language>"#,
            r#"<cp:lastModifiedBy>Job Gate</cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = esc(format!("{title} CV").trim_start()),
        author = esc(author),
        lang = if arabic { "ar-SA" } else { "en-US" },
    )
    .into_bytes()
}
