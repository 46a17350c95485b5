//! PDF renderer: printpdf 0.12 for the file (metadata, fonts embedded as subsets we cut with
//! allsorts, [`fonts::subset`]), with our own text pipeline ([`shape`]: bidi + shaping + line
//! breaking) because printpdf's text API draws Arabic as isolated letters left to right. Glyph ids
//! are placed one by one in visual order, each mapped to the text of its cluster (ToUnicode, or an
//! `/ActualText` span where one glyph cannot say it), so extractors that read the page left to right
//! and reverse right-to-left stretches (poppler's `pdftotext`, the usual ATS front end) get the text
//! in logical order. Layout is simple and ours: blocks become chunks of lines; a page break never
//! separates a heading from what follows nor an entry from its first line.
//!
//! Why printpdf rather than krilla or typst (measured in `notes/crates-measured.md` §B): with
//! rustybuzz + unicode-bidi it renders Arabic and mixed lines correctly at ~3 ms a page, it is
//! the crate DESIGN §6 names, and without its `html` feature it adds the least code.

pub mod fonts;
mod preview;
pub mod shape;

pub use preview::preview_svg;

use crate::model::{Block, CONTACT_SEPARATOR, Doc};
use crate::template::{Align, Section, Template, rgb};
use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Reason};
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line as PdfLine, LinePoint, Mm, Op, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rgb, TextItem, TextMatrix,
    TextRenderingMode,
};
use shape::Faces;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// A document laid out: the PDF with its fonts, the fonts' glyph maps and each page's operations.
struct Laid {
    pdf: PdfDocument,
    faces: [&'static fonts::Face; 4],
    embedding: Embedding,
    pages: Vec<Vec<Op>>,
}

/// Lays `doc` out in `t`: shaping, line breaking, pages, fonts cut down to the glyphs drawn.
fn lay_out(doc: &Doc, t: &Template) -> Result<Laid> {
    let failed = |id: &str| JobGateError::export_failed(Reason::new(id));
    let latin =
        fonts::by_name(&t.fonts.latin).ok_or_else(|| failed("reason-export-font-unknown"))?;
    let arabic =
        fonts::by_name(&t.fonts.arabic).ok_or_else(|| failed("reason-export-font-unknown"))?;
    let (l, lb) = fonts::load(latin).ok_or_else(|| failed("reason-export-font-load"))?;
    let (a, ab) = fonts::load(arabic).ok_or_else(|| failed("reason-export-font-load"))?;
    let faces = Faces {
        latin: l,
        latin_bold: lb,
        arabic: a,
        arabic_bold: ab,
    };

    let layout = Layout::new(doc, t, faces);
    let chunks = layout.chunks();

    // Embed each face cut down to the glyphs this document draws.
    let mut pdf = PdfDocument::new(&doc.title);
    let (used, unicode) = glyph_use(&chunks);
    let mut embedding = Embedding {
        ids: Default::default(),
        gids: Default::default(),
        blanks: Default::default(),
        unicode,
    };
    for (i, face) in [l, lb, a, ab].into_iter().enumerate() {
        if used[i].is_empty() {
            continue;
        }
        let mut used = used[i].clone();
        used.extend(face.blank);
        let subset =
            fonts::subset(face, &used).ok_or_else(|| failed("reason-export-font-subset"))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&subset.data, 0, &mut warnings)
            .ok_or_else(|| failed("reason-export-font-load"))?;
        parsed.font_name = Some(subset.name);
        embedding.ids[i] = Some(pdf.add_font(&parsed));
        embedding.blanks[i] = face.blank.and_then(|g| subset.gids.get(&g).copied());
        embedding.gids[i] = subset.gids;
    }
    let pages = layout.paginate(&chunks, &embedding);
    Ok(Laid {
        pdf,
        faces: [l, lb, a, ab],
        embedding,
        pages,
    })
}

/// Renders `doc` as PDF bytes.
pub fn render(doc: &Doc, t: &Template) -> Result<Vec<u8>> {
    let Laid { mut pdf, pages, .. } = lay_out(doc, t)?;
    let info = &mut pdf.metadata.info;
    info.document_title = if doc.title.is_empty() {
        "CV".into()
    } else {
        format!("{} CV", doc.title)
    };
    info.author = doc.author.clone();
    info.creator = "Job Gate".into();
    info.producer = "Job Gate".into();
    info.subject = "Curriculum vitae".into();

    let (w_mm, h_mm) = t.page.size.mm();
    let pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(w_mm), Mm(h_mm), ops))
        .collect();
    pdf.with_pages(pages);

    let mut warnings = Vec::new();
    let mut lo = printpdf::to_lopdf_doc(&pdf, &PdfSaveOptions::default(), &mut warnings);
    // The document language (screen readers, ATS language detection); printpdf has no setting.
    let lang = if doc.lang.is_rtl() { "ar" } else { "en" };
    if let Ok(root) = lo.trailer.get(b"Root").and_then(|r| r.as_reference())
        && let Ok(catalog) = lo.get_object_mut(root).and_then(|o| o.as_dict_mut())
    {
        catalog.set(
            "Lang",
            lopdf::Object::String(lang.as_bytes().to_vec(), lopdf::StringFormat::Literal),
        );
    }
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| {
        JobGateError::export_failed(Reason::new("reason-export-pdf-write").with_technical(e))
    })?;
    Ok(out)
}

/// The fonts of one PDF and what each glyph extracts as.
struct Embedding {
    /// Font of each [`shape::FaceKind`] (none when the face draws nothing).
    ids: [Option<FontId>; 4],
    /// Full-font glyph id → subset glyph id, per face.
    gids: [BTreeMap<u16, u16>; 4],
    /// Subset glyph id of each face's blank glyph ([`fonts::Face::blank`]).
    blanks: [Option<u16>; 4],
    /// `(face, full-font glyph id)` → the text the glyph stands for in the font's ToUnicode map:
    /// the text of the first cluster it draws alone. A PDF maps each glyph to one text, so a
    /// cluster that needs another text (a letter with its marks, a glyph that also stands for
    /// another character, bidi marks) says so in an `/ActualText` span (see [`Layout::draw`]).
    unicode: HashMap<(usize, u16), String>,
}

impl Embedding {
    fn text(&self, face: usize, gid: u16) -> &str {
        self.unicode.get(&(face, gid)).map_or("", String::as_str)
    }
}

/// The glyphs each face draws, and the ToUnicode text of each (see [`Embedding::unicode`]).
type GlyphUse = ([BTreeSet<u16>; 4], HashMap<(usize, u16), String>);

/// What [`GlyphUse`] says of `chunks`.
fn glyph_use(chunks: &[Chunk]) -> GlyphUse {
    let mut used: [BTreeSet<u16>; 4] = Default::default();
    let mut unicode = HashMap::new();
    let lines = chunks.iter().flat_map(|c| &c.lines);
    for part in lines.flat_map(|l| &l.parts) {
        let Part::Text { line, .. } = part else {
            continue;
        };
        for run in &line.runs {
            let face = run.face as usize;
            for cluster in &run.clusters {
                for g in &cluster.glyphs {
                    used[face].insert(g.gid);
                }
                if let [g] = cluster.glyphs.as_slice() {
                    unicode
                        .entry((face, g.gid))
                        .or_insert_with(|| cluster.text.clone());
                }
            }
        }
    }
    (used, unicode)
}

/// The marked-content properties `<< /ActualText (text) >>` (UTF-16BE with its byte order mark).
fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::Dict {
        map: BTreeMap::from([(
            "ActualText".to_string(),
            DictItem::String {
                data,
                literal: false,
            },
        )]),
    }
}

/// What one line of a chunk draws.
enum Part {
    Text {
        line: shape::Line,
        /// Left edge, from the left margin, in points.
        x: f32,
        size: f32,
        colour: &'static str,
    },
    /// A horizontal rule across the text width, `dy` points below the line's baseline.
    Rule { dy: f32 },
}

/// One line: its height (baseline to baseline) and what it draws on its baseline.
struct ChunkLine {
    height: f32,
    /// Distance from the top of the line to the baseline.
    ascent: f32,
    parts: Vec<Part>,
}

/// A block laid out: `space_before` is dropped at the top of a page; `keep_with_next` keeps the
/// chunk on the page of the first line of the next one.
struct Chunk {
    space_before: f32,
    lines: Vec<ChunkLine>,
    keep_with_next: bool,
    keep_together: bool,
}

/// Colour slots, resolved against the template when drawing.
const TEXT: &str = "text";
const MUTED: &str = "muted";
const ACCENT: &str = "accent";

struct Layout<'a> {
    doc: &'a Doc,
    t: &'a Template,
    faces: Faces,
    page_h: f32,
    width: f32,
}

impl<'a> Layout<'a> {
    fn new(doc: &'a Doc, t: &'a Template, faces: Faces) -> Self {
        let (w, h) = t.page.size.mm();
        let page_w = w * PT_PER_MM;
        Layout {
            doc,
            t,
            faces,
            page_h: h * PT_PER_MM,
            width: page_w - 2.0 * t.page.margin_inline * PT_PER_MM,
        }
    }

    fn line_height(&self, size: f32) -> f32 {
        size * self.t.sizes.line_height
    }

    /// Lines of a paragraph, aligned to the start side (or centred) within `[indent, width]`.
    fn paragraph(
        &self,
        text: &str,
        bold: bool,
        size: f32,
        colour: &'static str,
        indent: f32,
        center: bool,
    ) -> Vec<ChunkLine> {
        let avail = self.width - indent;
        let lines = shape::break_lines(&self.faces, text, self.doc.rtl, bold, size, avail);
        self.place(lines, size, colour, indent, center)
    }

    /// Lines shaped by [`shape`], aligned to the start side (or centred) within `[indent, width]`.
    fn place(
        &self,
        lines: Vec<shape::Line>,
        size: f32,
        colour: &'static str,
        indent: f32,
        center: bool,
    ) -> Vec<ChunkLine> {
        lines
            .into_iter()
            .map(|line| {
                let x = if center {
                    (self.width - line.width) / 2.0
                } else if self.doc.rtl {
                    self.width - indent - line.width
                } else {
                    indent
                };
                ChunkLine {
                    height: self.line_height(size),
                    ascent: size * 0.95,
                    parts: vec![Part::Text {
                        line,
                        x,
                        size,
                        colour,
                    }],
                }
            })
            .collect()
    }

    fn chunks(&self) -> Vec<Chunk> {
        let t = self.t;
        let s = &t.sizes;
        let sp = &t.spacing;
        let center = t.header.align == Align::Center;
        let mut out: Vec<Chunk> = Vec::new();
        let mut blocks = self.doc.blocks.iter().peekable();
        // The section the blocks belong to (a skills paragraph is a list).
        let mut section: Option<Section> = None;
        while let Some(block) = blocks.next() {
            let chunk = match block {
                Block::Name(n) => Chunk {
                    space_before: 0.0,
                    lines: self.paragraph(
                        n,
                        true,
                        s.name,
                        if t.header.name_in_accent {
                            ACCENT
                        } else {
                            TEXT
                        },
                        0.0,
                        center,
                    ),
                    keep_with_next: true,
                    keep_together: true,
                },
                Block::Headline(h) => Chunk {
                    space_before: 1.0,
                    lines: self.paragraph(h, false, s.headline, MUTED, 0.0, center),
                    keep_with_next: true,
                    keep_together: true,
                },
                Block::Contact(items) => {
                    let mut lines = self.contact_lines(items, center);
                    if let Some(last) = lines.last_mut() {
                        last.height += sp.after_header;
                    }
                    Chunk {
                        space_before: 2.0,
                        lines,
                        keep_with_next: false,
                        keep_together: true,
                    }
                }
                Block::Heading(sec, h) => {
                    section = Some(*sec);
                    let colour = if t.headings.in_accent { ACCENT } else { TEXT };
                    let mut lines = self.paragraph(
                        &crate::txt::heading_text(h, t),
                        true,
                        s.heading,
                        colour,
                        0.0,
                        false,
                    );
                    if let Some(last) = lines.last_mut() {
                        if t.headings.rule_below {
                            last.parts.push(Part::Rule {
                                dy: s.heading * 0.35,
                            });
                        }
                        last.height += sp.after_heading;
                    }
                    Chunk {
                        space_before: sp.before_heading,
                        lines,
                        keep_with_next: true,
                        keep_together: true,
                    }
                }
                Block::Entry { title, org, dates } => {
                    let mut lines = self.entry_title(title, dates);
                    if !org.is_empty() {
                        lines.extend(self.paragraph(org, false, s.small, MUTED, 0.0, false));
                    }
                    if let Some(last) = lines.last_mut() {
                        last.height += 1.5;
                    }
                    Chunk {
                        space_before: sp.before_entry,
                        lines,
                        keep_with_next: true,
                        keep_together: true,
                    }
                }
                Block::Bullet(text) => self.bullet(text),
                Block::ShortItem(first) => {
                    let mut items = vec![first.as_str()];
                    while let Some(Block::ShortItem(next)) = blocks.peek() {
                        items.push(next.as_str());
                        blocks.next();
                    }
                    if t.page.columns == 2 && items.len() > 1 {
                        self.two_columns(&items)
                    } else {
                        for item in &items[..items.len() - 1] {
                            out.push(self.bullet(item));
                        }
                        self.bullet(items[items.len() - 1])
                    }
                }
                Block::Text(text) => {
                    let mut lines = if section == Some(Section::Skills) {
                        let shaped = shape::break_list(
                            &self.faces,
                            text,
                            self.doc.rtl,
                            false,
                            s.body,
                            self.width,
                        );
                        self.place(shaped, s.body, TEXT, 0.0, false)
                    } else {
                        self.paragraph(text, false, s.body, TEXT, 0.0, false)
                    };
                    if let Some(last) = lines.last_mut() {
                        last.height += sp.after_paragraph;
                    }
                    Chunk {
                        space_before: 0.0,
                        lines,
                        keep_with_next: false,
                        keep_together: false,
                    }
                }
            };
            out.push(chunk);
        }
        out
    }

    /// The contact line. Right to left, each item is shaped on its own, in its own direction (a
    /// phone number stays "+20 100 555 7788"), and the items are placed from the right: joined into
    /// one text, an email and a phone number would fuse into one left-to-right stretch with the
    /// phone number first.
    fn contact_lines(&self, items: &[String], center: bool) -> Vec<ChunkLine> {
        let size = self.t.sizes.small;
        if !self.doc.rtl {
            let text = items.join(CONTACT_SEPARATOR);
            return self.paragraph(&text, false, size, MUTED, 0.0, center);
        }
        let sep = shape::shape_line(&self.faces, CONTACT_SEPARATOR, true, false, size);
        let mut rows: Vec<(f32, Vec<shape::Line>)> = vec![(0.0, Vec::new())];
        for item in items {
            let line = shape::shape_item(&self.faces, item, size);
            let row = rows.last_mut().expect("a row");
            if !row.1.is_empty() && row.0 + sep.width + line.width > self.width {
                rows.push((0.0, Vec::new()));
            }
            let row = rows.last_mut().expect("a row");
            if !row.1.is_empty() {
                row.0 += sep.width;
            }
            row.0 += line.width;
            row.1.push(line);
        }
        rows.into_iter()
            .map(|(width, row)| {
                let mut right = if center {
                    (self.width + width) / 2.0
                } else {
                    self.width
                };
                let mut parts = Vec::new();
                for (i, line) in row.into_iter().enumerate() {
                    if i > 0 {
                        right -= sep.width;
                        parts.push(Part::Text {
                            line: sep.clone(),
                            x: right,
                            size,
                            colour: MUTED,
                        });
                    }
                    right -= line.width;
                    parts.push(Part::Text {
                        line,
                        x: right,
                        size,
                        colour: MUTED,
                    });
                }
                ChunkLine {
                    height: self.line_height(size),
                    ascent: size * 0.95,
                    parts,
                }
            })
            .collect()
    }

    /// The entry's title at the start side and its dates against the far margin, same baseline.
    fn entry_title(&self, title: &str, dates: &str) -> Vec<ChunkLine> {
        let s = &self.t.sizes;
        let date_line = (!dates.is_empty())
            .then(|| shape::shape_line(&self.faces, dates, self.doc.rtl, false, s.small));
        let reserve = date_line.as_ref().map_or(0.0, |d| d.width + 12.0);
        let mut lines: Vec<ChunkLine> = shape::break_lines(
            &self.faces,
            title,
            self.doc.rtl,
            true,
            s.entry,
            self.width - reserve,
        )
        .into_iter()
        .map(|line| ChunkLine {
            height: self.line_height(s.entry),
            ascent: s.entry * 0.95,
            parts: vec![Part::Text {
                x: if self.doc.rtl {
                    self.width - line.width
                } else {
                    0.0
                },
                line,
                size: s.entry,
                colour: TEXT,
            }],
        })
        .collect();
        if let Some(d) = date_line {
            let x = if self.doc.rtl {
                0.0
            } else {
                self.width - d.width
            };
            let part = Part::Text {
                line: d,
                x,
                size: s.small,
                colour: MUTED,
            };
            match lines.first_mut() {
                Some(first) => first.parts.push(part),
                None => lines.push(ChunkLine {
                    height: self.line_height(s.entry),
                    ascent: s.entry * 0.95,
                    parts: vec![part],
                }),
            }
        }
        lines
    }

    fn bullet(&self, text: &str) -> Chunk {
        let s = &self.t.sizes;
        let indent = self.t.spacing.bullet_indent;
        let mut lines = self.paragraph(text, false, s.body, TEXT, indent, false);
        let dot = shape::shape_line(&self.faces, "•", self.doc.rtl, false, s.body);
        let x = if self.doc.rtl {
            self.width - indent * 0.35 - dot.width
        } else {
            indent * 0.35
        };
        if let Some(first) = lines.first_mut() {
            first.parts.push(Part::Text {
                line: dot,
                x,
                size: s.body,
                colour: MUTED,
            });
        }
        if let Some(last) = lines.last_mut() {
            last.height += self.t.spacing.after_paragraph;
        }
        Chunk {
            space_before: 0.0,
            lines,
            keep_with_next: false,
            keep_together: true,
        }
    }

    /// Short items two to a row, read row by row (first item at the start side).
    fn two_columns(&self, items: &[&str]) -> Chunk {
        let s = &self.t.sizes;
        let gap = 12.0;
        let col = (self.width - gap) / 2.0;
        let indent = self.t.spacing.bullet_indent;
        let mut lines = Vec::new();
        for pair in items.chunks(2) {
            let mut parts = Vec::new();
            for (i, item) in pair.iter().enumerate() {
                // Column start (left edge of the column box).
                let col_left = if self.doc.rtl {
                    self.width - (i as f32 + 1.0) * col - i as f32 * gap
                } else {
                    i as f32 * (col + gap)
                };
                let mut text = shape::shape_line(&self.faces, item, self.doc.rtl, false, s.body);
                // Keep it on one line: a short item too long for a column is cut short visually
                // only if it cannot fit; fall back to a narrower size instead.
                let mut size = s.body;
                if text.width > col - indent {
                    size = (s.body * (col - indent) / text.width).max(s.small * 0.8);
                    text = shape::shape_line(&self.faces, item, self.doc.rtl, false, size);
                }
                let dot = shape::shape_line(&self.faces, "•", self.doc.rtl, false, s.body);
                let (text_x, dot_x) = if self.doc.rtl {
                    (
                        col_left + col - indent - text.width,
                        col_left + col - indent * 0.35 - dot.width,
                    )
                } else {
                    (col_left + indent, col_left + indent * 0.35)
                };
                parts.push(Part::Text {
                    line: dot,
                    x: dot_x,
                    size: s.body,
                    colour: MUTED,
                });
                parts.push(Part::Text {
                    line: text,
                    x: text_x,
                    size,
                    colour: TEXT,
                });
            }
            lines.push(ChunkLine {
                height: self.line_height(s.body) + self.t.spacing.after_paragraph,
                ascent: s.body * 0.95,
                parts,
            });
        }
        Chunk {
            space_before: 0.0,
            lines,
            keep_with_next: false,
            keep_together: false,
        }
    }

    /// Places chunks on pages and returns each page's drawing operations.
    fn paginate(&self, chunks: &[Chunk], fonts: &Embedding) -> Vec<Vec<Op>> {
        let top = self.t.page.margin_top * PT_PER_MM;
        let bottom = self.page_h - self.t.page.margin_bottom * PT_PER_MM;
        let left = self.t.page.margin_inline * PT_PER_MM;
        let mut pages: Vec<Vec<Op>> = vec![Vec::new()];
        let mut y = top;
        for (i, chunk) in chunks.iter().enumerate() {
            // Height that must fit before this chunk starts on this page: the chunk (or its first
            // line), plus, while chunks keep with the next, the next one's first part.
            let mut need = chunk.space_before;
            let mut j = i;
            loop {
                let c = &chunks[j];
                let whole: f32 = c.lines.iter().map(|l| l.height).sum();
                let first = c.lines.first().map_or(0.0, |l| l.height);
                if c.keep_with_next && j + 1 < chunks.len() {
                    need += whole + chunks[j + 1].space_before;
                    j += 1;
                } else {
                    need += if c.keep_together { whole } else { first };
                    break;
                }
                if need > bottom - top {
                    break;
                }
            }
            if y > top && y + need > bottom {
                pages.push(Vec::new());
                y = top;
            }
            if y > top {
                y += chunk.space_before;
            }
            for line in &chunk.lines {
                if y > top && y + line.height > bottom + 0.01 {
                    pages.push(Vec::new());
                    y = top;
                }
                let baseline = self.page_h - (y + line.ascent);
                let ops = pages.last_mut().expect("a page");
                for part in &line.parts {
                    self.draw(ops, part, left, baseline, fonts);
                }
                y += line.height;
            }
        }
        pages
    }

    fn draw(&self, ops: &mut Vec<Op>, part: &Part, left: f32, baseline: f32, fonts: &Embedding) {
        match part {
            Part::Text {
                line,
                x,
                size,
                colour,
            } => {
                if line.runs.is_empty() {
                    return;
                }
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor {
                    col: self.colour(colour),
                });
                for run in &line.runs {
                    let face = run.face as usize;
                    let Some(font) = &fonts.ids[face] else {
                        continue;
                    };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(*size),
                    });
                    let show = |ops: &mut Vec<Op>, gid: u16, text: &str, gx: f32, gy: f32| {
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(left + x + gx), Pt(baseline + gy)),
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                                gid,
                                0.0,
                                text.into(),
                            )])],
                        });
                    };
                    // Each `/ActualText` span stands in a text object of its own: extractors that
                    // gather the glyphs of a text object into one piece (pdf_oxide) would otherwise
                    // mix the span's text into the glyphs around it and lose their places.
                    let restart = |ops: &mut Vec<Op>| {
                        ops.push(Op::EndTextSection);
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font.clone()),
                            size: Pt(*size),
                        });
                    };
                    // A cluster whose one glyph says its own text is drawn as it is (below).
                    let plain = |c: &shape::Cluster| {
                        matches!(c.glyphs.as_slice(), [g] if fonts.text(face, g.gid) == c.text)
                            && (fonts.blanks[face].is_some() || c.extraction_text() == c.text)
                    };
                    // Clusters go one by one, a glyph with no advance (Naskh's alef after lam)
                    // too, so extractors place each letter by its own box; but such a glyph
                    // joins a following cluster that needs an `/ActualText` span ("لًا": alef,
                    // then lam with its tanween), or readers take the span's text, put over the
                    // same place, for a duplicate of the alef and drop one of them.
                    let mut k = 0;
                    while k < run.clusters.len() {
                        let mut end = k;
                        while end + 1 < run.clusters.len()
                            && run.clusters[end].glyphs.iter().all(|g| g.advance == 0.0)
                            && !plain(&run.clusters[end + 1])
                        {
                            end += 1;
                        }
                        let group = &run.clusters[k..=end];
                        k = end + 1;
                        let text: String = group.iter().map(|c| c.extraction_text()).collect();
                        let glyphs: Vec<&shape::Glyph> =
                            group.iter().flat_map(|c| &c.glyphs).collect();
                        let subset_gid =
                            |g: &shape::Glyph| fonts.gids[face].get(&g.gid).copied().unwrap_or(0);
                        // The glyph says its own text: drawn as it is, with the bidi marks (if any)
                        // in spans of their own on blank glyphs at its two edges. Extractors that
                        // take an `/ActualText` span as one piece then never lose or move the
                        // letter itself.
                        if let ([g], [c]) = (glyphs.as_slice(), group)
                            && plain(c)
                        {
                            let marks = |ops: &mut Vec<Op>, marks: String, at: f32| {
                                if marks.is_empty() {
                                    return;
                                }
                                if let Some(b) = fonts.blanks[face] {
                                    restart(ops);
                                    ops.push(Op::BeginMarkedContentWithProperties {
                                        tag: "Span".into(),
                                        properties: actual_text(&marks),
                                    });
                                    ops.push(Op::SetTextRenderingMode {
                                        mode: TextRenderingMode::Invisible,
                                    });
                                    show(ops, b, "", at, 0.0);
                                    ops.push(Op::SetTextRenderingMode {
                                        mode: TextRenderingMode::Fill,
                                    });
                                    ops.push(Op::EndMarkedContent);
                                    restart(ops);
                                }
                            };
                            marks(ops, c.marks_before(), g.x);
                            show(ops, subset_gid(g), &c.text, g.x, g.y);
                            marks(ops, c.marks_after(), g.x + g.advance);
                            continue;
                        }
                        // One `/ActualText` span for the group. Readers place its text over the
                        // box from the first glyph drawn to the end of the last one, so blank
                        // glyphs on the baseline mark both ends of the group.
                        restart(ops);
                        ops.push(Op::BeginMarkedContentWithProperties {
                            tag: "Span".into(),
                            properties: actual_text(&text),
                        });
                        let x0 = glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min);
                        let x1 = glyphs
                            .iter()
                            .map(|g| g.x + g.advance)
                            .fold(f32::NEG_INFINITY, f32::max);
                        // The blank glyph is drawn invisibly: some fonts give the joiner a visible
                        // picture for editors.
                        let blank = |ops: &mut Vec<Op>, at: f32| {
                            if let Some(b) = fonts.blanks[face] {
                                ops.push(Op::SetTextRenderingMode {
                                    mode: TextRenderingMode::Invisible,
                                });
                                show(ops, b, "", at, 0.0);
                                ops.push(Op::SetTextRenderingMode {
                                    mode: TextRenderingMode::Fill,
                                });
                            }
                        };
                        blank(ops, x0);
                        for g in &glyphs {
                            show(ops, subset_gid(g), fonts.text(face, g.gid), g.x, g.y);
                        }
                        blank(ops, x1);
                        ops.push(Op::EndMarkedContent);
                        restart(ops);
                    }
                }
                ops.push(Op::EndTextSection);
            }
            Part::Rule { dy } => {
                ops.push(Op::SetOutlineColor {
                    col: self.colour("rule"),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
                let y = baseline - dy;
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(left),
                                    y: Pt(y),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(left + self.width),
                                    y: Pt(y),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
    }

    fn colour(&self, slot: &str) -> Color {
        let c = &self.t.colours;
        let hex = match slot {
            MUTED => &c.muted,
            ACCENT => &c.accent,
            "rule" => &c.rule,
            _ => &c.text,
        };
        let (r, g, b) = rgb(hex);
        Color::Rgb(Rgb {
            r,
            g,
            b,
            icc_profile: None,
        })
    }
}
