//! Text to positioned glyphs for the PDF: bidi ordering (unicode-bidi), font choice per run
//! (Arabic runs in the Arabic font, the rest in the Latin font, each falling back to the other for
//! characters it lacks), shaping (rustybuzz: joined Arabic letters, ligatures, kerning) and greedy
//! line breaking at spaces. Every cluster carries its text (in visual order, see [`Cluster::text`])
//! and the bidi marks extractors need ([`Cluster::extraction_text`]). Drawing is left to [`super`].

use super::fonts::Face;
use rustybuzz::{BufferClusterLevel, Direction, UnicodeBuffer};
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// The four faces a document uses.
#[derive(Clone, Copy)]
pub struct Faces {
    pub latin: &'static Face,
    pub latin_bold: &'static Face,
    pub arabic: &'static Face,
    pub arabic_bold: &'static Face,
}

/// Which of the four faces (an index into the document's font ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceKind {
    Latin = 0,
    LatinBold = 1,
    Arabic = 2,
    ArabicBold = 3,
}

impl Faces {
    fn get(&self, k: FaceKind) -> &'static Face {
        match k {
            FaceKind::Latin => self.latin,
            FaceKind::LatinBold => self.latin_bold,
            FaceKind::Arabic => self.arabic,
            FaceKind::ArabicBold => self.arabic_bold,
        }
    }
}

/// One glyph, positioned relative to the start of its line, in points.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub gid: u16,
    pub x: f32,
    pub y: f32,
    /// How far the pen moves after it, in points (0 for a mark).
    pub advance: f32,
}

/// The glyphs that stand for one grapheme cluster (a letter with its marks, a ligature), in visual
/// order, with the text they stand for.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub glyphs: Vec<Glyph>,
    /// The cluster's characters in visual order: reversed in a right-to-left run ("هلل" for the
    /// ligature of "لله"). Extractors read a page's glyphs left to right and reverse right-to-left
    /// stretches as a whole, so a glyph standing for several characters must list them that way.
    pub text: String,
    /// First (leftmost) cluster of a run whose direction is not the paragraph's.
    pub opens_embedded_run: bool,
    /// Last (rightmost) cluster of such a run.
    pub closes_embedded_run: bool,
    /// Punctuation or a symbol (no letter) in a right-to-left run of a right-to-left paragraph.
    pub neutral_in_rtl: bool,
}

impl Cluster {
    /// The text a reader should extract for this cluster: its own text, with a right-to-left mark
    /// before and a left-to-right mark after a run whose direction is not the paragraph's. The marks
    /// are invisible; they keep extractors with a simple bidi pass (poppler's `pdftotext`, which
    /// reads the page visually and reverses right-to-left stretches) from pulling spaces and
    /// punctuation into the wrong side of an embedded number or Latin word ("6 مطورين", "40%").
    /// Punctuation inside right-to-left text gets a right-to-left mark on each side, because such
    /// extractors take some of it ("%", "،") for part of a number.
    pub fn extraction_text(&self) -> String {
        let mut s = self.marks_before();
        s.push_str(&self.text);
        s.push_str(&self.marks_after());
        s
    }

    /// The bidi marks [`Cluster::extraction_text`] puts before the cluster's text.
    pub fn marks_before(&self) -> String {
        if self.opens_embedded_run || self.neutral_in_rtl {
            "\u{200F}".to_string()
        } else {
            String::new()
        }
    }

    /// The bidi marks [`Cluster::extraction_text`] puts after the cluster's text.
    pub fn marks_after(&self) -> String {
        let mut s = String::new();
        if self.neutral_in_rtl {
            s.push('\u{200F}');
        }
        if self.closes_embedded_run {
            s.push('\u{200E}');
        }
        s
    }
}

/// Clusters of one face, in visual order (left to right).
#[derive(Debug, Clone)]
pub struct Run {
    pub face: FaceKind,
    pub clusters: Vec<Cluster>,
}

/// A shaped line: runs in visual order and the total advance width in points.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// Shapes `text` as one line of `size` points. `rtl` is the paragraph direction.
pub fn shape_line(faces: &Faces, text: &str, rtl: bool, bold: bool, size: f32) -> Line {
    let mut line = Line::default();
    if text.is_empty() {
        return line;
    }
    let with_marks = (!rtl).then(|| ltr_numbers(text)).flatten();
    let text = with_marks.as_deref().unwrap_or(text);
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(base));
    let mut pen = 0.0f32;
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for range in runs {
            let run_rtl = levels[range.start].is_rtl();
            let (preferred, fallback) = match (run_rtl, bold) {
                (true, false) => (FaceKind::Arabic, FaceKind::Latin),
                (true, true) => (FaceKind::ArabicBold, FaceKind::LatinBold),
                (false, false) => (FaceKind::Latin, FaceKind::Arabic),
                (false, true) => (FaceKind::LatinBold, FaceKind::ArabicBold),
            };
            // Split the run where the font has to change, in logical order…
            let mut chunks: Vec<(usize, usize, FaceKind)> = Vec::new();
            for (i, c) in text[range.clone()].char_indices() {
                let i = range.start + i;
                let kind = if faces.get(preferred).covers(c) || !faces.get(fallback).covers(c) {
                    preferred
                } else {
                    fallback
                };
                match chunks.last_mut() {
                    Some(last) if last.2 == kind => last.1 = i + c.len_utf8(),
                    _ => chunks.push((i, i + c.len_utf8(), kind)),
                }
            }
            // …and draw the pieces of a right-to-left run from its logical end.
            if run_rtl {
                chunks.reverse();
            }
            let first_run = line.runs.len();
            for (start, end, kind) in chunks {
                let run = shape_chunk(
                    faces.get(kind),
                    kind,
                    &text[start..end],
                    run_rtl,
                    size,
                    &mut pen,
                );
                line.runs.push(run);
            }
            if run_rtl && rtl {
                for c in line.runs[first_run..]
                    .iter_mut()
                    .flat_map(|r| r.clusters.iter_mut())
                {
                    c.neutral_in_rtl = !c.text.trim().is_empty()
                        && !c.text.chars().any(|ch| {
                            matches!(bidi_class(ch), BidiClass::R | BidiClass::AL)
                                || ch.is_alphanumeric()
                        });
                }
            }
            if run_rtl != rtl {
                let runs = &mut line.runs[first_run..];
                if let Some(c) = runs.iter_mut().find_map(|r| r.clusters.first_mut()) {
                    c.opens_embedded_run = true;
                }
                if let Some(c) = runs.iter_mut().rev().find_map(|r| r.clusters.last_mut()) {
                    c.closes_embedded_run = true;
                }
            }
        }
    }
    line.width = pen;
    line
}

/// In a left-to-right paragraph, a number after Arabic words ("تحسين الأداء بنسبة 30%") would be an
/// Arabic number drawn left of those words, and read first by every extractor; a left-to-right
/// mark before it keeps it where a left-to-right reader expects it, after them. `None` when there
/// is no such number.
fn ltr_numbers(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut after_arabic = false;
    let mut changed = false;
    let mut prev_digit = false;
    for c in text.chars() {
        let class = bidi_class(c);
        let digit = matches!(class, BidiClass::EN | BidiClass::AN);
        if digit && !prev_digit && after_arabic {
            out.push('\u{200E}');
            changed = true;
        }
        match class {
            BidiClass::R | BidiClass::AL => after_arabic = true,
            BidiClass::L => after_arabic = false,
            _ => {}
        }
        prev_digit = digit;
        out.push(c);
    }
    changed.then_some(out)
}

fn shape_chunk(
    face: &Face,
    kind: FaceKind,
    text: &str,
    rtl: bool,
    size: f32,
    pen: &mut f32,
) -> Run {
    let mut buf = UnicodeBuffer::new();
    buf.push_str(text);
    buf.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    // Marks join their base letter's cluster, so a letter with its vowel sign extracts as one unit.
    buf.set_cluster_level(BufferClusterLevel::MonotoneGraphemes);
    buf.guess_segment_properties();
    let shaped = rustybuzz::shape(&face.shaper, &[], buf);
    let scale = size / face.units_per_em;
    // Cluster starts, to cut the text of each cluster.
    let mut starts: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|g| g.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut current: Option<usize> = None;
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let c = info.cluster as usize;
        let glyph = Glyph {
            gid: info.glyph_id as u16,
            x: *pen + pos.x_offset as f32 * scale,
            y: pos.y_offset as f32 * scale,
            advance: pos.x_advance as f32 * scale,
        };
        *pen += pos.x_advance as f32 * scale;
        match clusters.last_mut() {
            Some(last) if current == Some(c) => last.glyphs.push(glyph),
            _ => {
                let k = starts.binary_search(&c).unwrap_or(0);
                let end = starts.get(k + 1).copied().unwrap_or(text.len());
                let logical = text.get(c..end).unwrap_or("");
                clusters.push(Cluster {
                    glyphs: vec![glyph],
                    text: if rtl {
                        logical.chars().rev().collect()
                    } else {
                        logical.to_string()
                    },
                    opens_embedded_run: false,
                    closes_embedded_run: false,
                    neutral_in_rtl: false,
                });
                current = Some(c);
            }
        }
    }
    Run {
        face: kind,
        clusters,
    }
}

/// Shapes `text`, one item of a right-to-left line (a contact detail), in its own direction: that
/// of its first letter, left to right when it has none (a phone number). A left-to-right item is
/// marked as an embedded run, as it would be inside a right-to-left paragraph.
pub fn shape_item(faces: &Faces, text: &str, size: f32) -> Line {
    let rtl = text
        .chars()
        .find_map(|c| match bidi_class(c) {
            BidiClass::L => Some(false),
            BidiClass::R | BidiClass::AL => Some(true),
            _ => None,
        })
        .unwrap_or(false);
    let mut line = shape_line(faces, text, rtl, false, size);
    if !rtl {
        if let Some(c) = line.runs.iter_mut().find_map(|r| r.clusters.first_mut()) {
            c.opens_embedded_run = true;
        }
        if let Some(c) = line
            .runs
            .iter_mut()
            .rev()
            .find_map(|r| r.clusters.last_mut())
        {
            c.closes_embedded_run = true;
        }
    }
    line
}

/// Breaks `text` into lines no wider than `width` points (at spaces; a word longer than a line is cut),
/// then shapes each line. `rtl` is the document's direction: every paragraph takes it, because
/// extractors order a page's lines by the page's main direction.
pub fn break_lines(
    faces: &Faces,
    text: &str,
    rtl: bool,
    bold: bool,
    size: f32,
    width: f32,
) -> Vec<Line> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    break_units(faces, text, &words, rtl, bold, size, width)
}

/// Like [`break_lines`] for a list written as one paragraph ("Python, Looker Studio, SQL"): lines
/// break only after a separator, so an item of several words stays on one line and every line ends
/// with a separator. Readers (ours, an ATS) that split lines into items then get whole items
/// ("Looker" and "Studio" on two lines would be two skills).
pub fn break_list(
    faces: &Faces,
    text: &str,
    rtl: bool,
    bold: bool,
    size: f32,
    width: f32,
) -> Vec<Line> {
    let mut items: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let after_separator = text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| matches!(p, ',' | '،' | ';' | '؛' | '·' | '|' | '•'));
        if c == ' ' && after_separator {
            items.push(&text[start..i]);
            start = i + 1;
        }
    }
    items.push(&text[start..]);
    items.retain(|w| !w.trim().is_empty());
    break_units(faces, text, &items, rtl, bold, size, width)
}

/// Greedy line breaking of `text`, whose unbreakable pieces are `words` (joined by one space).
fn break_units(
    faces: &Faces,
    text: &str,
    words: &[&str],
    rtl: bool,
    bold: bool,
    size: f32,
    width: f32,
) -> Vec<Line> {
    let whole = shape_line(faces, text, rtl, bold, size);
    if whole.width <= width {
        return vec![whole];
    }
    let space = shape_line(faces, " ", rtl, bold, size).width;
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in words {
        let mut word = word.trim().to_string();
        let mut w = shape_line(faces, &word, rtl, bold, size).width;
        // A word wider than the line (a long URL): cut it where it fills the line.
        while w > width {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                current_width = 0.0;
            }
            let chars: Vec<char> = word.chars().collect();
            let mut n = ((chars.len() as f32 * width / w).floor() as usize).max(1);
            while n > 1
                && shape_line(
                    faces,
                    &chars[..n].iter().collect::<String>(),
                    rtl,
                    bold,
                    size,
                )
                .width
                    > width
            {
                n -= 1;
            }
            lines.push(chars[..n].iter().collect());
            word = chars[n..].iter().collect();
            w = shape_line(faces, &word, rtl, bold, size).width;
        }
        if word.is_empty() {
            continue;
        }
        let extra = if current.is_empty() { w } else { space + w };
        if !current.is_empty() && current_width + extra > width {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
        }
        if !current.is_empty() {
            current.push(' ');
            current_width += space;
        }
        current.push_str(&word);
        current_width += w;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .iter()
        .map(|l| shape_line(faces, l, rtl, bold, size))
        .collect()
}
