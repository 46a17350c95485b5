//! Reading order for positioned text: runs → rows → fragments → columns → lines.
//!
//! General rules only (no per-template tuning): runs whose vertical extents overlap form a row;
//! a row breaks into fragments where the horizontal gap is wide; a vertical gutter that no fragment
//! crosses, with a dense column of text on each side, makes two columns that are read one after the
//! other instead of interleaved; right-to-left rows are read right to left with left-to-right runs
//! (Latin, numbers) kept in their own order; a space is put wherever glyphs stand apart.

use jobgate_core::text::is_arabic_char;

use crate::pdf::PageRuns;
use crate::{RawLine, RawPage};

/// One run of text with its box (y grows downwards: `y0` is the top).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub font_size: f32,
    pub bold: bool,
    /// Each character with its left and right edge, when the backend knows them.
    pub glyphs: Vec<(char, f32, f32)>,
}

impl Run {
    fn height(&self) -> f32 {
        (self.y1 - self.y0).max(0.1)
    }
    fn mid(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }
}

/// Lays one page out into lines in reading order.
pub fn lay_out_page(page: &PageRuns) -> RawPage {
    let rows = rows(&page.runs);
    let mut lines = Vec::new();
    for row in rows {
        for frag in fragments(&row) {
            lines.push(line_of(&frag, 0));
        }
    }
    RawPage { lines }
}

/// Groups runs into rows by vertical overlap, top to bottom.
fn rows(runs: &[Run]) -> Vec<Vec<Run>> {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.mid().total_cmp(&b.mid()));
    let mut rows: Vec<Vec<Run>> = Vec::new();
    let mut band: Option<(f32, f32)> = None;
    for r in sorted {
        let joins = band.is_some_and(|(top, bottom)| {
            let overlap = bottom.min(r.y1) - top.max(r.y0);
            overlap >= 0.5 * r.height().min(bottom - top)
        });
        if joins && let (Some(row), Some((top, bottom))) = (rows.last_mut(), band.as_mut()) {
            row.push(r.clone());
            *top = top.min(r.y0);
            *bottom = bottom.max(r.y1);
        } else {
            rows.push(vec![r.clone()]);
            band = Some((r.y0, r.y1));
        }
    }
    rows
}

fn is_rtl(runs: &[Run]) -> bool {
    let (mut ar, mut lat) = (0, 0);
    for r in runs {
        for c in r.text.chars().filter(|c| c.is_alphabetic()) {
            if is_arabic_char(c) {
                ar += 1;
            } else {
                lat += 1;
            }
        }
    }
    ar > lat
}

/// Splits a row into pieces separated by wide gaps, in reading order.
fn fragments(row: &[Run]) -> Vec<Vec<Run>> {
    let rtl = is_rtl(row);
    let mut sorted: Vec<Run> = row.to_vec();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let size = median(sorted.iter().map(|r| r.font_size)).max(1.0);
    let mut frags: Vec<Vec<Run>> = Vec::new();
    let mut right = f32::NEG_INFINITY;
    for r in sorted {
        if r.x0 - right > 3.0 * size || frags.is_empty() {
            frags.push(Vec::new());
        }
        right = right.max(r.x1);
        if let Some(f) = frags.last_mut() {
            f.push(r);
        }
    }
    if rtl {
        frags.reverse();
    }
    frags
}

/// Joins a fragment's runs into one line (left to right in visual order for LTR, logical for RTL).
fn line_of(frag: &[Run], column: u8) -> RawLine {
    let rtl = is_rtl(frag);
    let mut order: Vec<&Run> = frag.iter().collect();
    order.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    if rtl {
        order = rtl_logical(order);
    }
    let size = median(frag.iter().map(|r| r.font_size)).max(1.0);
    let mut text = String::new();
    let mut prev: Option<&Run> = None;
    for r in &order {
        let t = spaced_text(r);
        if let Some(p) = prev {
            let gap = if r.x0 >= p.x1 { r.x0 - p.x1 } else { p.x0 - r.x1 };
            if gap > 0.15 * size && !text.ends_with(' ') && !t.starts_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(&t);
        prev = Some(r);
    }
    let bold = frag.iter().all(|r| r.bold);
    RawLine {
        text,
        font_size: Some(size),
        bold,
        heading_hint: false,
        bullet: false,
        column,
    }
}

/// Visual left-to-right runs of a right-to-left line into logical order: right to left, except that
/// neighbouring runs without Arabic letters (Latin words, an email split in pieces) keep their
/// left-to-right order among themselves.
fn rtl_logical(visual: Vec<&Run>) -> Vec<&Run> {
    let mut out = Vec::with_capacity(visual.len());
    let mut group: Vec<&Run> = Vec::new();
    for r in visual.into_iter().rev() {
        let ltr = !r.text.chars().any(is_arabic_char)
            && r.text.chars().any(|c| c.is_alphanumeric());
        if ltr {
            group.push(r);
        } else {
            out.extend(group.drain(..).rev());
            out.push(r);
        }
    }
    out.extend(group.drain(..).rev());
    out
}

/// The run's text with spaces put back where glyphs stand apart (glued words).
fn spaced_text(r: &Run) -> String {
    if r.glyphs.len() < 2 {
        return r.text.clone();
    }
    let size = r.font_size.max(1.0);
    let mut out = String::with_capacity(r.text.len() + 8);
    let mut prev: Option<(char, f32, f32)> = None;
    for &(c, x0, x1) in &r.glyphs {
        if let Some((pc, px0, px1)) = prev {
            let gap = if x0 >= px1 - 0.01 { x0 - px1 } else { px0 - x1 };
            if gap > 0.2 * size && !pc.is_whitespace() && !c.is_whitespace() {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some((c, x0, x1));
    }
    out
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}
