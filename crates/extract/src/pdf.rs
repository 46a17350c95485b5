//! PDF reading: a [`PdfBackend`] turns the file into positioned text runs per page, and
//! [`crate::layout`] turns those into lines in reading order.
//!
//! The one backend today is pdf_oxide (pure Rust, Arabic in logical order with normal letters).
//! Its calls are wrapped in `catch_unwind`, so a panic inside the library on a damaged file becomes
//! `CORRUPTED_FILE`. Passwords: a file that opens with the empty user password (owner password only)
//! is read normally; any other encrypted file is `ENCRYPTED_FILE`. Pages that fail to decode are
//! skipped with a `PARTIAL_TEXT` warning when other pages gave text. What the library would do
//! without bound (deep nesting, self-listing page trees, repeated or inflating content, very many
//! spans) is checked first by [`crate::pdf_scan`] and refused as `CORRUPTED_FILE`.

use crate::RawPage;
use crate::layout::{self, Run};
use crate::pdf_scan;
use jobgate_core::PartialCause;
use jobgate_core::contract::Warning;
use jobgate_core::error::Result;
use jobgate_core::text::is_arabic_char;
use jobgate_core::{JobGateError, Phrase, Reason};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Pages never read past this many (a CV has 1–4; a hostile file may claim millions).
pub const MAX_PAGES: usize = 50;

/// Most text runs (spans) one document may hold: a dense CV page has under 2,000.
pub const MAX_RUNS: usize = 20_000;

/// Positioned text of one page, as a backend sees it.
#[derive(Debug, Clone, Default)]
pub struct PageRuns {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// What a backend gives for a whole file.
#[derive(Debug, Default)]
pub struct BackendOutput {
    pub pages: Vec<PageRuns>,
    /// Pages that could not be read, with the reason.
    pub failed_pages: Vec<(usize, String)>,
    pub links: Vec<String>,
}

/// A PDF text backend: bytes in, positioned runs out. Swappable (tests, another library).
pub trait PdfBackend {
    fn read(&self, bytes: &[u8]) -> Result<BackendOutput>;
}

/// What [`read`] gives to the crate root.
pub(crate) struct PdfText {
    pub pages: Vec<RawPage>,
    pub warnings: Vec<Warning>,
    pub links: Vec<String>,
}

/// Reads a PDF with the default backend and lays its text out in reading order.
pub(crate) fn read(bytes: &[u8]) -> Result<PdfText> {
    read_with(&OxideBackend, bytes)
}

pub(crate) fn read_with(backend: &dyn PdfBackend, bytes: &[u8]) -> Result<PdfText> {
    let out = match catch_unwind(AssertUnwindSafe(|| backend.read(bytes))) {
        Ok(r) => r?,
        Err(_) => {
            return Err(JobGateError::corrupted(Reason::new("reason-pdf-structure")));
        }
    };
    let mut warnings = Vec::new();
    if !out.failed_pages.is_empty() {
        let pages: Vec<u32> = out
            .failed_pages
            .iter()
            .map(|(i, _)| u32::try_from(*i).unwrap_or(u32::MAX).saturating_add(1))
            .collect();
        warnings.push(Warning::partial_text(PartialCause::Pages(pages)));
    }
    if !has_end_marker(bytes) {
        warnings.push(Warning::partial_text(PartialCause::CutShort));
    }
    let pages = out.pages.iter().map(layout::lay_out_page).collect();
    Ok(PdfText {
        pages,
        warnings,
        links: out.links,
    })
}

/// True when `%%EOF` stands near the end of the file, as in every complete PDF.
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// pdf_oxide 0.3 (default features only).
pub struct OxideBackend;

/// The PDF library's own account of the damage, kept as a technical detail.
fn corrupted(e: impl std::fmt::Display) -> JobGateError {
    JobGateError::corrupted(Reason::new("reason-pdf-damaged").with_technical(e))
}

/// `why`: what `pdf_scan` found (a structure no CV has).
fn unsafe_pdf(why: Phrase) -> JobGateError {
    JobGateError::corrupted(Phrase::new("reason-pdf-unsafe").phrase("why", why))
}

impl PdfBackend for OxideBackend {
    fn read(&self, bytes: &[u8]) -> Result<BackendOutput> {
        let mut budget = pdf_scan::Budget::default();
        pdf_scan::check_file(bytes, &mut budget).map_err(unsafe_pdf)?;
        let doc = pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| {
            let text = e.to_string();
            if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
                JobGateError::EncryptedFile
            } else {
                corrupted(text)
            }
        })?;
        if doc.is_encrypted() {
            // Owner-password-only files open with the empty user password.
            let ok = doc.authenticate(b"").unwrap_or(false);
            if !ok || !doc.is_authenticated() {
                return Err(JobGateError::EncryptedFile);
            }
        }
        // Our own walk first: the library's count trusts `/Count` and walks self-listing trees.
        let count = match pdf_scan::count_pages(&doc, MAX_PAGES).map_err(unsafe_pdf)? {
            Some(n) => n,
            None => doc.page_count().map_err(corrupted)?,
        };
        let mut out = BackendOutput::default();
        let mut last_err = None;
        let mut runs_total = 0usize;
        for index in 0..count.min(MAX_PAGES) {
            pdf_scan::check_page(&doc, index, &mut budget).map_err(unsafe_pdf)?;
            let (width, height) = doc
                .get_page_media_box(index)
                .map(|(x0, y0, x1, y1)| ((x1 - x0).abs(), y1.max(y0)))
                .unwrap_or((612.0, 792.0));
            let spans = catch_unwind(AssertUnwindSafe(|| doc.extract_spans(index)));
            match spans {
                Ok(Ok(spans)) => {
                    let glyphs = PageGlyphs::new(&doc, index);
                    if spans.iter().any(|s| s.text.chars().any(is_arabic_char)) {
                        glyphs.get();
                    }
                    runs_total += spans.len();
                    if runs_total > MAX_RUNS {
                        return Err(unsafe_pdf(
                            Phrase::new("reason-pdf-many-pieces").value("max", MAX_RUNS),
                        ));
                    }
                    let runs = spans
                        .iter()
                        .filter_map(|s| run_of(s, height, &glyphs))
                        .collect();
                    out.pages.push(PageRuns { runs, width });
                }
                Ok(Err(e)) => {
                    last_err = Some(e.to_string());
                    out.failed_pages.push((index, e.to_string()));
                    out.pages.push(PageRuns::default());
                }
                Err(_) => {
                    last_err = Some("panic".to_string());
                    out.failed_pages.push((index, "unreadable".into()));
                    out.pages.push(PageRuns::default());
                }
            }
        }
        if count > 0 && out.failed_pages.len() == out.pages.len() {
            return Err(corrupted(last_err.unwrap_or_default()));
        }
        Ok(out)
    }
}

/// The page's glyphs as the content stream names them, by position: where a span's text disagrees
/// with the glyph drawn at a place, the glyph is right.
///
/// Browsers mark right-to-left text as `/ReversedChars` and give most Arabic glyphs their own
/// `/ActualText`; the glyphs that need none (isolated letters such as ا, د, ر, و, ت) are written
/// several to one string, and pdf_oxide turns such a string around inside a span that is otherwise
/// in visual order: "سنوات" came out as "سنوتا". The page's raw glyphs keep their drawn order.
#[derive(Debug, Default)]
struct GlyphIndex {
    at: HashMap<(i32, i32), char>,
    /// Every glyph drawn on the page with the text its font maps it to, by baseline height.
    drawn: Vec<Drawn>,
}

/// A page's [`GlyphIndex`], read from the file the first time a span needs it (pages with Arabic,
/// spans whose per-character places are broken): most Latin pages never need it.
struct PageGlyphs<'a> {
    doc: &'a pdf_oxide::PdfDocument,
    index: usize,
    cell: std::cell::OnceCell<GlyphIndex>,
}

impl<'a> PageGlyphs<'a> {
    fn new(doc: &'a pdf_oxide::PdfDocument, index: usize) -> Self {
        PageGlyphs {
            doc,
            index,
            cell: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> &GlyphIndex {
        self.cell
            .get_or_init(|| GlyphIndex::of_page(self.doc, self.index))
    }

    /// The index when something already read it.
    fn read(&self) -> Option<&GlyphIndex> {
        self.cell.get()
    }
}

/// One glyph as drawn: its character (ToUnicode), horizontal extent and vertical middle.
#[derive(Debug, Clone, Copy)]
struct Drawn {
    c: char,
    x0: f32,
    x1: f32,
    y_mid: f32,
}

impl GlyphIndex {
    fn key(x: f32, y: f32) -> (i32, i32) {
        ((x * 10.0).round() as i32, (y * 10.0).round() as i32)
    }

    fn of_page(doc: &pdf_oxide::PdfDocument, index: usize) -> GlyphIndex {
        let chars = catch_unwind(AssertUnwindSafe(|| doc.extract_chars(index)));
        let mut at = HashMap::new();
        let mut drawn = Vec::new();
        if let Ok(Ok(chars)) = chars {
            for c in chars {
                if c.char.is_alphanumeric() && c.char != '\u{FFFD}' {
                    at.insert(Self::key(c.bbox.x, c.bbox.y), c.char);
                }
                drawn.push(Drawn {
                    c: c.char,
                    x0: c.bbox.x,
                    x1: c.bbox.x + c.bbox.width.max(0.0),
                    y_mid: c.bbox.y + c.bbox.height / 2.0,
                });
            }
        }
        drawn.sort_by(|a, b| a.y_mid.total_cmp(&b.y_mid));
        GlyphIndex { at, drawn }
    }

    /// The span's text as its glyphs are drawn, left to right, when the glyphs inside the span's
    /// box stand for exactly the span's letters (none missing but vowel signs, none extra that the
    /// span has too).
    ///
    /// Where a span mixes glyphs with `/ActualText` marks, pdf_oxide merges the pieces and may turn
    /// some of them into logical order while keeping the rest visual, and its per-character places
    /// are then guesses. The page's glyphs, each where it is drawn, need no guessing; they are
    /// used only when they say the same letters, so a span whose letters come from `/ActualText`
    /// (glyphs that map to no text) keeps the library's reading. The one exception is a vowel sign
    /// given as `/ActualText` inside the span: it keeps the place the library gives it.
    fn drawn_in(&self, s: &pdf_oxide::layout::TextSpan) -> Option<Vec<(char, f32, f32)>> {
        let (y0, y1) = (s.bbox.y, s.bbox.y + s.bbox.height);
        let (x0, x1) = (s.bbox.x - 0.5, s.bbox.x + s.bbox.width + 0.5);
        let from = self.drawn.partition_point(|d| d.y_mid < y0);
        let mut inside: Vec<Drawn> = self.drawn[from..]
            .iter()
            .take_while(|d| d.y_mid <= y1)
            .filter(|d| (x0..=x1).contains(&((d.x0 + d.x1) / 2.0)))
            .copied()
            .collect();
        let letters = |it: &mut dyn Iterator<Item = char>| {
            let mut v: Vec<char> = it
                .filter(|c| !c.is_whitespace() && *c != '\u{FFFD}' && !is_mark(*c))
                .collect();
            v.sort_unstable();
            v
        };
        let wanted = letters(&mut s.text.chars());
        if wanted.is_empty() {
            return None;
        }
        // Characters the span does not hold at all are no glyphs of its own: pdf_oxide gives an
        // `/ActualText` (LibreOffice writes one over a letter with its mark, "لًا", "ً") to the page's
        // characters as the bytes of its UTF-8 shown through the font ("Ù", "Ø", "§"), laid at
        // the marked glyph over its neighbours. The span itself has the replacement right.
        inside
            .retain(|d| d.c.is_whitespace() || is_mark(d.c) || wanted.binary_search(&d.c).is_ok());
        let drawn = letters(&mut inside.iter().map(|d| d.c));
        if drawn != wanted {
            // A vowel sign given only as `/ActualText` inside the span ("جدًا" as "جد" + "ً" + "ا")
            // is drawn by no glyph of the index; the library puts it at the marked glyph's place.
            let undrawn = missing(&wanted, &drawn)?;
            if !undrawn.iter().all(|c| layout::is_combining_mark(*c)) {
                return None;
            }
            let chars = s.to_chars();
            if chars.len() != s.text.chars().count() {
                return None;
            }
            let y_mid = s.bbox.y + s.bbox.height / 2.0;
            let mut used = vec![false; chars.len()];
            for c in undrawn {
                let k = (0..chars.len()).find(|&k| !used[k] && chars[k].char == c)?;
                used[k] = true;
                let x = chars[k].bbox.x;
                if !(x0..=x1).contains(&x) {
                    return None;
                }
                inside.push(Drawn {
                    c,
                    x0: x,
                    x1: x,
                    y_mid,
                });
            }
        }
        // A space "as wide as its word" (LibreOffice with DejaVu Sans draws such ones) would land
        // inside the word when sorted by its middle; the gap it stands for brings the space back.
        let em = s.font_size.max(1.0);
        inside.retain(|d| {
            d.c != '\u{FFFD}' && !is_mark(d.c) && !(d.c.is_whitespace() && d.x1 - d.x0 > 0.6 * em)
        });
        inside.sort_by(|a, b| (a.x0 + a.x1).total_cmp(&(b.x0 + b.x1)));
        Some(inside.iter().map(|d| (d.c, d.x0, d.x1)).collect())
    }

    /// The letter drawn at a glyph's place, when it is an Arabic letter.
    fn arabic_at(&self, x: f32, y: f32) -> Option<char> {
        self.at
            .get(&Self::key(x, y))
            .copied()
            .filter(|c| is_arabic_char(*c))
    }
}

/// The letters of `wanted` that `drawn` lacks, when `drawn` holds no letter `wanted` has not (both
/// sorted).
fn missing(wanted: &[char], drawn: &[char]) -> Option<Vec<char>> {
    let mut out = Vec::new();
    let mut d = drawn.iter().peekable();
    for &c in wanted {
        if d.peek() == Some(&&c) {
            d.next();
        } else {
            out.push(c);
        }
    }
    d.next().is_none().then_some(out)
}

/// Puts back stretches of letters that were turned around: where a stretch of the span's letters
/// reads, backwards, exactly as the glyphs drawn at their places, the drawn order wins. Only an exact
/// reversal counts, so a glyph that the page maps to another letter changes nothing.
fn unreverse_chunks(glyphs: &mut [(char, f32, f32)], drawn: &[Option<char>]) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < glyphs.len() {
        if drawn[i].is_none_or(|d| d == glyphs[i].0) {
            i += 1;
            continue;
        }
        // The stretch may hold letters that read the same both ways ("ر ا ت" → "ت ا ر").
        let run_end = (i..glyphs.len())
            .find(|&k| drawn[k].is_none())
            .unwrap_or(glyphs.len());
        let reversed = |j: usize| (i..j).all(|k| drawn[k] == Some(glyphs[i + j - 1 - k].0));
        match (i + 2..=run_end).rev().find(|&j| reversed(j)) {
            Some(j) => {
                for k in i..j {
                    glyphs[k].0 = drawn[k].unwrap_or(glyphs[k].0);
                }
                changed = true;
                i = j;
            }
            None => i += 1,
        }
    }
    changed
}

/// Puts a span's letters back in drawn order when the library turned the whole text around but
/// left the glyph places as drawn: a right-to-left text drawn glyph by glyph from the left (the
/// usual visual storage) comes back in logical order — with numbers kept forward — while each
/// character keeps the place of the glyph drawn at its index. When the letters, turned around the
/// same way, agree with the glyphs drawn at those places more often than as they are, they are
/// relabelled. The majority of drawn letters decides, so a few ligatures or marks change nothing.
fn relabel_reordered(glyphs: &mut [(char, f32, f32)], drawn: &[Option<char>]) -> bool {
    let text: String = glyphs.iter().map(|g| g.0).collect();
    let turned: Vec<char> = pdf_oxide::text::bidi::reverse_rtl_keep_numbers(&text)
        .chars()
        .collect();
    if turned.len() != glyphs.len() {
        return false;
    }
    let agree = |letters: &mut dyn Iterator<Item = char>| {
        letters.zip(drawn).filter(|(c, d)| **d == Some(*c)).count()
    };
    let as_is = agree(&mut glyphs.iter().map(|g| g.0));
    let as_turned = agree(&mut turned.iter().copied());
    if as_turned <= as_is + 1 {
        return false;
    }
    for (g, c) in glyphs.iter_mut().zip(turned) {
        g.0 = c;
    }
    true
}

/// A span as a run with y growing downwards, its text in visual (left-to-right) order.
fn run_of(s: &pdf_oxide::layout::TextSpan, page_height: f32, page: &PageGlyphs) -> Option<Run> {
    // Spaces alone, or only invisible direction marks (an `/ActualText` span that says where a
    // right-to-left or left-to-right stretch starts), are no text of their own.
    if s.text.chars().all(|c| c.is_whitespace() || is_mark(c)) || s.rotation_degrees.abs() > 1.0 {
        return None;
    }
    let font = s.font_name.to_lowercase();
    let run = |text: String, glyphs: Vec<(char, f32, f32)>| Run {
        text,
        x0: s.bbox.x,
        x1: s.bbox.x + s.bbox.width,
        y0: page_height - (s.bbox.y + s.bbox.height),
        y1: page_height - s.bbox.y,
        font_size: s.font_size,
        bold: s.font_weight.is_bold() || font.contains("bold") || font.contains("black"),
        glyphs,
    };
    let chars = s.to_chars();
    // Places that go back and forth ("Built" read as "Buil t") are the library's guesses gone
    // wrong; the glyphs as drawn are asked then, as for every Arabic span.
    let zigzag = chars
        .windows(3)
        .any(|w| (w[1].bbox.x - w[0].bbox.x) * (w[2].bbox.x - w[1].bbox.x) < -1.0);
    if (zigzag || s.text.chars().any(is_arabic_char))
        && let Some(glyphs) = page.get().drawn_in(s)
    {
        return Some(run(glyphs.iter().map(|g| g.0).collect(), glyphs));
    }
    let drawn = page.read();
    let mut glyphs: Vec<(char, f32, f32)> = if chars.len() == s.text.chars().count() {
        chars
            .iter()
            .map(|c| (c.char, c.bbox.x, c.bbox.x + c.bbox.width))
            .collect()
    } else {
        Vec::new()
    };
    let mut text = s.text.clone();
    let mut drawn_chars: Vec<Option<char>> = match drawn {
        Some(drawn) if !drawn.at.is_empty() => chars
            .iter()
            .map(|c| drawn.arabic_at(c.bbox.x, c.bbox.y))
            .collect(),
        _ => Vec::new(),
    };
    // The glyphs' places say the order; the span's flag only when they cannot.
    let increasing = glyphs.windows(2).all(|w| w[1].1 >= w[0].1 - 0.01);
    let decreasing = glyphs.windows(2).all(|w| w[1].1 <= w[0].1 + 0.01);
    let logical = if glyphs.len() >= 2 && increasing != decreasing {
        decreasing
    } else {
        s.rtl_draw_logical
    };
    if logical {
        // Stored in logical order, drawn right to left: make it visual like every other run.
        text = text.chars().rev().collect();
        glyphs.reverse();
        drawn_chars.reverse();
    }
    if drawn_chars.len() == glyphs.len()
        && !glyphs.is_empty()
        && relabel_reordered(&mut glyphs, &drawn_chars)
    {
        text = glyphs.iter().map(|g| g.0).collect();
    }
    if drawn_chars.len() == glyphs.len() && unreverse_chunks(&mut glyphs, &drawn_chars) {
        text = glyphs.iter().map(|g| g.0).collect();
    }
    Some(run(text, glyphs))
}

/// Invisible direction marks.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
