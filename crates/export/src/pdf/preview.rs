//! A picture of a PDF export's first page, for choosing a template: the page's own drawing
//! operations ([`super::lay_out`]) turned into SVG, each glyph drawn from the font's outline where
//! the PDF places it. So the preview is the export itself, Arabic shaping and all, not an imitation
//! in HTML, and it holds no text at all: nothing of the CV is parsed again by the viewer.

use super::{Embedding, Laid, PT_PER_MM, lay_out};
use crate::model::Doc;
use crate::template::Template;
use jobgate_core::error::Result;
use printpdf::{Color, Op, PdfFontHandle, TextItem, TextMatrix, TextRenderingMode};
use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Page 1 of `doc` in `t` as an SVG document (points as user units, white page).
pub fn preview_svg(doc: &Doc, t: &Template) -> Result<String> {
    let laid = lay_out(doc, t)?;
    let (w_mm, h_mm) = t.page.size.mm();
    let (w, h) = (w_mm * PT_PER_MM, h_mm * PT_PER_MM);
    let mut page = Page::new(&laid, h);
    for op in laid.pages.first().into_iter().flatten() {
        page.apply(op);
    }
    let mut svg = String::with_capacity(64 * 1024 + page.body.len());
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.1} {h:.1}"><rect width="{w:.1}" height="{h:.1}" fill="#fff"/><defs>"##
    );
    for ((face, gid), d) in &page.glyphs {
        let _ = write!(svg, r#"<path id="g{face}-{gid}" d="{d}"/>"#);
    }
    svg.push_str("</defs>");
    svg.push_str(&page.body);
    svg.push_str("</svg>");
    Ok(svg)
}

/// The drawing state while the page's operations are replayed.
struct Page<'a> {
    laid: &'a Laid,
    height: f32,
    /// Subset glyph id → the font's own, per face.
    full_gid: [HashMap<u16, u16>; 4],
    face: Option<usize>,
    size: f32,
    fill: String,
    stroke: String,
    stroke_width: f32,
    at: (f32, f32),
    invisible: bool,
    /// Outline of each glyph drawn, in font units, by (face, glyph id).
    glyphs: BTreeMap<(usize, u16), String>,
    body: String,
}

impl<'a> Page<'a> {
    fn new(laid: &'a Laid, height: f32) -> Self {
        let Embedding { gids, .. } = &laid.embedding;
        Page {
            laid,
            height,
            full_gid: std::array::from_fn(|i| gids[i].iter().map(|(f, s)| (*s, *f)).collect()),
            face: None,
            size: 10.0,
            fill: "#000".into(),
            stroke: "#000".into(),
            stroke_width: 1.0,
            at: (0.0, 0.0),
            invisible: false,
            glyphs: BTreeMap::new(),
            body: String::new(),
        }
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size,
            } => {
                self.face = self
                    .laid
                    .embedding
                    .ids
                    .iter()
                    .position(|f| f.as_ref() == Some(id));
                self.size = size.0;
            }
            Op::SetFillColor { col } => self.fill = css(col),
            Op::SetOutlineColor { col } => self.stroke = css(col),
            Op::SetOutlineThickness { pt } => self.stroke_width = pt.0,
            Op::SetTextRenderingMode { mode } => {
                self.invisible = matches!(mode, TextRenderingMode::Invisible)
            }
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(x, y),
            } => self.at = (x.0, y.0),
            Op::ShowText { items } if !self.invisible => {
                for item in items {
                    if let TextItem::GlyphIds(glyphs) = item {
                        for g in glyphs {
                            self.glyph(g.gid);
                        }
                    }
                }
            }
            Op::DrawLine { line } => {
                if let [a, b] = line.points.as_slice() {
                    let _ = write!(
                        self.body,
                        r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{}" stroke-width="{:.2}"/>"#,
                        a.p.x.0,
                        self.height - a.p.y.0,
                        b.p.x.0,
                        self.height - b.p.y.0,
                        self.stroke,
                        self.stroke_width
                    );
                }
            }
            _ => {}
        }
    }

    /// Draws one glyph (by its subset id) at the text position.
    fn glyph(&mut self, subset_gid: u16) {
        let Some(face) = self.face else { return };
        let Some(&gid) = self.full_gid[face].get(&subset_gid) else {
            return;
        };
        let font = self.laid.faces[face];
        let outline = self.glyphs.entry((face, gid)).or_insert_with(|| {
            let mut path = SvgPath(String::new());
            font.shaper.outline_glyph(GlyphId(gid), &mut path);
            path.0
        });
        if outline.is_empty() {
            return; // a space or a mark with nothing to draw
        }
        let k = self.size / font.units_per_em;
        let _ = write!(
            self.body,
            r##"<use href="#g{face}-{gid}" fill="{}" transform="matrix({k:.5} 0 0 {:.5} {:.2} {:.2})"/>"##,
            self.fill,
            -k,
            self.at.0,
            self.height - self.at.1
        );
    }
}

/// `#rrggbb` of an RGB colour (other colour spaces are not used by the templates: black).
fn css(c: &Color) -> String {
    match c {
        Color::Rgb(rgb) => {
            let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
            format!("#{:02x}{:02x}{:02x}", byte(rgb.r), byte(rgb.g), byte(rgb.b))
        }
        _ => "#000".into(),
    }
}

/// SVG path data of a glyph outline, in font units (y up; the `<use>` turns it over).
struct SvgPath(String);

impl OutlineBuilder for SvgPath {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}
