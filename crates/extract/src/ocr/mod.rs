//! OCR for scans and photos: PNG, JPEG and TIFF files, and PDF pages that are only a picture.
//!
//! Tesseract ([`tesseract`], its command line through pipes) reads each page image and gives hOCR
//! ([`hocr`]): lines with their boxes and text size, words with their boxes and confidence. Words
//! become the same positioned runs the PDF reader makes, so [`crate::layout`] puts them in reading
//! order — rows, columns, right-to-left text — exactly as for a typed PDF; then misreadings a rule is
//! sure of are repaired ([`repair`]). Images are made upright (EXIF, then Tesseract's orientation
//! detection when the first reading is poor) and scaled to at most 300 dpi first ([`image`]).
//! At most [`MAX_OCR_PAGES`] pages of a file are read; each page is announced through a progress
//! callback before it starts, which a bounded worker passes to its parent (the deadline is per page).

pub mod hocr;
pub mod image;
pub mod pdf;
pub mod repair;
pub mod tesseract;
pub mod warnings;

use crate::RawPage;
use crate::layout::{self, Run};
use crate::pdf::PageRuns;
use ::image::GrayImage;
use jobgate_core::JobGateError;
use jobgate_core::contract::Warning;
use jobgate_core::document::OcrInfo;
use jobgate_core::error::Result;
use jobgate_core::text::is_arabic_char;
use jobgate_core::warning::PartialCause;

/// Most pages of one file read by OCR (a CV has 1–4; each page takes seconds).
pub const MAX_OCR_PAGES: usize = 10;

/// Words read with less confidence than this (0–100) are "unsure": the warning names them.
pub const UNSURE_BELOW: f32 = 60.0;

/// Most unsure words kept for the warning.
const MAX_UNSURE: usize = 40;

/// A first reading this poor (few words, or low mean confidence) asks for the page's orientation.
const POOR_WORDS: usize = 15;
const POOR_CONFIDENCE: f32 = 60.0;

/// Images narrower or lower than this hold no readable page.
const MIN_SIDE: u32 = 64;

/// Width of a page image file, in points, when nothing says how big the page is (A4).
const A4_WIDTH_PT: f32 = 595.0;

/// Progress of a file read by OCR: page `page` (1-based) of `pages` starts now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    pub page: u32,
    pub pages: u32,
}

/// What OCR made of one page.
#[derive(Debug, Default)]
pub(crate) struct PageText {
    pub page: RawPage,
    pub words: usize,
    pub confidence_sum: f32,
    pub unsure: Vec<String>,
}

/// What OCR made of several pages, for [`OcrInfo`].
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub pages: Vec<u32>,
    pub words: usize,
    pub confidence_sum: f32,
    pub unsure: Vec<String>,
    pub skipped: u32,
}

impl Tally {
    pub fn add(&mut self, index: u32, text: &PageText) {
        self.pages.push(index);
        self.words += text.words;
        self.confidence_sum += text.confidence_sum;
        for w in &text.unsure {
            if self.unsure.len() < MAX_UNSURE && !self.unsure.contains(w) {
                self.unsure.push(w.clone());
            }
        }
    }

    pub fn info(self) -> OcrInfo {
        OcrInfo {
            pages: self.pages,
            skipped_pages: self.skipped,
            mean_confidence: if self.words == 0 {
                0.0
            } else {
                self.confidence_sum / self.words as f32
            },
            unsure_words: self.unsure,
        }
    }
}

/// Reads an image file by OCR: one page, or every page of a multi-page TIFF (up to
/// [`MAX_OCR_PAGES`]; a later page that cannot be decoded is left out and named in a warning).
pub(crate) fn read_image_file(
    bytes: &[u8],
    kind: image::ImageKind,
    progress: &dyn Fn(Progress),
) -> Result<(Vec<RawPage>, OcrInfo, Vec<Warning>)> {
    let ifds = match kind {
        image::ImageKind::Tiff => image::tiff_pages(bytes),
        _ => Vec::new(),
    };
    let first = image::decode(bytes, kind)?;
    // An icon or a pixel is no page of text (Tesseract refuses images this small).
    if ifds.len() <= 1 && (first.width() < MIN_SIDE || first.height() < MIN_SIDE) {
        return Err(JobGateError::NoTextFound { pages: 1 });
    }
    let engine = tesseract::shared()?;
    let total = ifds.len().max(1);
    let to_read = total.min(MAX_OCR_PAGES);
    let mut tally = Tally {
        skipped: (total - to_read) as u32,
        ..Tally::default()
    };
    let mut pages = Vec::with_capacity(to_read);
    let mut unreadable = Vec::new();
    let mut first = Some(first);
    for k in 0..to_read {
        progress(Progress {
            page: k as u32 + 1,
            pages: to_read as u32,
        });
        let img = match first.take() {
            Some(img) => img,
            None => match ifds
                .get(k)
                .map(|&ifd| image::decode(&image::tiff_page(bytes, ifd), kind))
            {
                Some(Ok(img)) => img,
                _ => {
                    unreadable.push(k as u32 + 1);
                    continue;
                }
            },
        };
        if img.width() < MIN_SIDE || img.height() < MIN_SIDE {
            continue;
        }
        let text = read_page(engine, img, None)?;
        tally.add(k as u32, &text);
        pages.push(text.page);
    }
    let mut warnings = Vec::new();
    if !unreadable.is_empty() {
        warnings.push(Warning::partial_text(PartialCause::Pages(unreadable)));
    }
    Ok((pages, tally.info(), warnings))
}

/// OCR of one page image: scaled, read, turned upright and read again when the first reading is
/// poor and Tesseract says the page lies on its side or upside down, laid out, repaired.
/// `page_width_pt`: the page's width in points when known (a PDF page), for text sizes.
pub(crate) fn read_page(
    engine: &tesseract::Tesseract,
    img: GrayImage,
    page_width_pt: Option<f32>,
) -> Result<PageText> {
    let img = image::fit_for_ocr(img);
    let pgm = image::to_pgm(&img);
    let mut page = hocr::parse(&engine.hocr(&pgm)?);
    let (words, mean) = page.quality();
    if (words < POOR_WORDS || mean < POOR_CONFIDENCE)
        && let Some(turn) = engine.rotation(&pgm).filter(|t| *t != 0)
    {
        drop(pgm);
        let turned = image::rotate(&img, turn);
        let again = hocr::parse(&engine.hocr(&image::to_pgm(&turned))?);
        let (w2, m2) = again.quality();
        if w2 as f32 * m2 > words as f32 * mean {
            page = again;
        }
    }
    Ok(page_text(&page, page_width_pt))
}

/// Lays a recognised page out as lines, with its tallies.
pub(crate) fn page_text(page: &hocr::OcrPage, page_width_pt: Option<f32>) -> PageText {
    let page = denoise(page);
    let scale = page_width_pt.unwrap_or(A4_WIDTH_PT) / page.width.max(1.0);
    let runs = runs_of(&page, scale);
    let mut raw = layout::lay_out_page(&PageRuns {
        runs,
        width: page.width * scale,
    });
    for line in &mut raw.lines {
        line.text = repair::repair_line(&line.text);
    }
    let mut out = PageText {
        page: raw,
        ..PageText::default()
    };
    for w in page.words() {
        out.words += 1;
        out.confidence_sum += w.confidence;
        let letters = w.text.chars().filter(|c| c.is_alphanumeric()).count();
        if w.confidence < UNSURE_BELOW && letters >= 2 && out.unsure.len() < MAX_UNSURE {
            out.unsure.push(w.text.clone());
        }
    }
    out
}

/// Drops what is no text: marks read from icons and specks (no two letters or digits, and read
/// unsure), and on a page in Latin script, short Arabic "words" read unsure from icons.
fn denoise(page: &hocr::OcrPage) -> hocr::OcrPage {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for w in page.words() {
        for c in w.text.chars().filter(|c| c.is_alphabetic()) {
            if is_arabic_char(c) {
                arabic += 1;
            } else {
                latin += 1;
            }
        }
    }
    let latin_page = latin > 9 * arabic;
    let keep = |w: &hocr::Word| {
        let alnum = w.text.chars().filter(|c| c.is_alphanumeric()).count();
        let only_arabic = w.text.chars().any(is_arabic_char)
            && !w.text.chars().any(|c| c.is_ascii_alphanumeric());
        let speck = alnum < 2 && w.confidence < 50.0;
        let icon = latin_page && only_arabic && alnum <= 3 && w.confidence < 70.0;
        !(speck || icon)
    };
    let mut out = page.clone();
    for line in &mut out.lines {
        line.words.retain(keep);
        mark_bullets(line);
        drop_edge_icons(line);
    }
    out.lines.retain(|l| !l.words.is_empty());
    out
}

/// What OCR reads a list bullet or a separator dot as: a lone dot, circle or square, a letter or sign
/// of that shape, or an Arabic-Indic zero or one (the Arabic model's reading of a dot).
const BULLET_LIKE: [char; 15] = [
    '•', '·', '●', '○', '◦', '▪', '■', '٠', '١', 'e', 'o', '«', '»', '¢', '*',
];

/// Signs that are text even alone at the edge of a line (dashes, separators, brackets, plus).
const EDGE_SIGNS: &str = "-–—|/\\:.,;+()[]{}'\"";

/// An icon before or after a line's text (a contact line's envelope, phone or pin, read as `©`, `&`,
/// `@`, `§)`): a word of no letter or digit at either end of a line that has text, which is not a
/// bullet nor a sign text uses alone (a dash, a bracket), is dropped.
fn drop_edge_icons(line: &mut hocr::OcrLine) {
    if line.words.len() < 2 {
        return;
    }
    let icon = |w: &hocr::Word| {
        w.text != "•"
            && !w.text.chars().any(char::is_alphanumeric)
            && !w.text.chars().all(|c| EDGE_SIGNS.contains(c))
    };
    let left = line
        .words
        .iter()
        .map(|w| w.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let right = line
        .words
        .iter()
        .map(|w| w.bbox.x0)
        .fold(f32::NEG_INFINITY, f32::max);
    line.words
        .retain(|w| !(icon(w) && (w.bbox.x0 == left || w.bbox.x0 == right)));
}

/// A lone bullet-like character set apart from its neighbours by more than a word space (half the
/// text size) is a bullet or a separator between items, and becomes `•` — so the layout marks list
/// items and the parser splits tag lists as in a typed PDF. A line of nothing else is left.
fn mark_bullets(line: &mut hocr::OcrLine) {
    let mut order: Vec<usize> = (0..line.words.len()).collect();
    order.sort_by(|&a, &b| line.words[a].bbox.x0.total_cmp(&line.words[b].bbox.x0));
    if order.len() < 2 {
        return;
    }
    let wide = 0.5 * line.x_size.max(1.0);
    let mut bullets = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let w = &line.words[i];
        let mut chars = w.text.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        if !BULLET_LIKE.contains(&c) {
            continue;
        }
        let left = k
            .checked_sub(1)
            .map(|p| w.bbox.x0 - line.words[order[p]].bbox.x1);
        let right = order.get(k + 1).map(|&n| line.words[n].bbox.x0 - w.bbox.x1);
        if left.is_none_or(|g| g >= wide) && right.is_none_or(|g| g >= wide) {
            bullets.push(i);
        }
    }
    for i in bullets {
        line.words[i].text = "•".into();
    }
}

/// The words of each line as runs in visual order (as a PDF draws them), cut where a wide gap
/// stands between words, so the layout finds columns and fragments as it does in a PDF. An Arabic
/// word is given in drawn order (its letters right to left) so the layout's one bidi pass turns it
/// back. Every run of a line takes the line's height, so skewed scans keep their rows.
fn runs_of(page: &hocr::OcrPage, scale: f32) -> Vec<Run> {
    let mut runs = Vec::new();
    for line in &page.lines {
        let mut words: Vec<&hocr::Word> = line.words.iter().collect();
        words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let size_px = line.x_size.max(1.0);
        let mut groups: Vec<Vec<&hocr::Word>> = Vec::new();
        let mut right = f32::NEG_INFINITY;
        for w in words {
            if groups.is_empty() || w.bbox.x0 - right > 1.5 * size_px {
                groups.push(Vec::new());
            }
            right = right.max(w.bbox.x1);
            if let Some(g) = groups.last_mut() {
                g.push(w);
            }
        }
        for g in groups {
            let visual: Vec<String> = g
                .iter()
                .map(|w| {
                    if w.text.chars().any(is_arabic_char) {
                        w.text.chars().rev().map(crate::layout::mirror).collect()
                    } else {
                        w.text.clone()
                    }
                })
                .collect();
            let x0 = g.iter().map(|w| w.bbox.x0).fold(f32::INFINITY, f32::min);
            let x1 = g
                .iter()
                .map(|w| w.bbox.x1)
                .fold(f32::NEG_INFINITY, f32::max);
            runs.push(Run {
                text: visual.join(" "),
                x0: x0 * scale,
                x1: x1 * scale,
                y0: line.bbox.y0 * scale,
                y1: line.bbox.y1 * scale,
                font_size: size_px * scale,
                bold: false,
                glyphs: Vec::new(),
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use hocr::{BBox, OcrLine, OcrPage, Word};

    fn word(text: &str, x0: f32, x1: f32, conf: f32) -> Word {
        Word {
            text: text.into(),
            bbox: BBox {
                x0,
                y0: 0.0,
                x1,
                y1: 30.0,
            },
            confidence: conf,
        }
    }

    fn line(y: f32, words: Vec<Word>) -> OcrLine {
        OcrLine {
            bbox: BBox {
                x0: 0.0,
                y0: y,
                x1: 1000.0,
                y1: y + 30.0,
            },
            x_size: 30.0,
            words,
        }
    }

    #[test]
    fn arabic_and_latin_words_come_out_in_logical_order() {
        let page = OcrPage {
            width: 1000.0,
            height: 1400.0,
            lines: vec![
                // Drawn right to left: "مهندس برمجيات" with the first word at the right.
                line(
                    100.0,
                    vec![
                        word("برمجيات", 600.0, 760.0, 95.0),
                        word("مهندس", 780.0, 900.0, 95.0),
                    ],
                ),
                line(
                    200.0,
                    vec![
                        word("Senior", 100.0, 220.0, 95.0),
                        word("Engineer", 235.0, 400.0, 40.0),
                    ],
                ),
                line(
                    300.0,
                    vec![
                        word("©", 60.0, 80.0, 20.0),
                        word("omar@mail,com", 100.0, 400.0, 90.0),
                    ],
                ),
            ],
        };
        let text = page_text(&page, None);
        let lines: Vec<&str> = text.page.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines, ["مهندس برمجيات", "Senior Engineer", "omar@mail.com"]);
        assert_eq!(text.unsure, ["Engineer"]);
        assert_eq!(text.words, 5, "the icon is dropped");
    }

    #[test]
    fn lone_dots_read_as_letters_or_digits_become_bullets() {
        let page = OcrPage {
            width: 1000.0,
            height: 1400.0,
            lines: vec![
                // "٠ Led audits" (a bullet read as an Arabic-Indic zero), "GAAP ١ SOX" (a separator).
                line(
                    100.0,
                    vec![
                        word("٠", 100.0, 110.0, 57.0),
                        word("Led", 140.0, 200.0, 93.0),
                        word("audits", 210.0, 300.0, 93.0),
                    ],
                ),
                line(
                    200.0,
                    vec![
                        word("GAAP", 100.0, 200.0, 93.0),
                        word("١", 216.0, 222.0, 73.0),
                        word("SOX", 238.0, 300.0, 96.0),
                    ],
                ),
                // A word space only: a real letter, not a bullet.
                line(
                    300.0,
                    vec![
                        word("Vitamin", 100.0, 200.0, 93.0),
                        word("e", 209.0, 220.0, 90.0),
                    ],
                ),
                // Contact icons read as signs, at either end; a dash between dates stays.
                line(
                    400.0,
                    vec![
                        word("&", 60.0, 80.0, 85.0),
                        word("+20", 100.0, 160.0, 95.0),
                        word("5678", 170.0, 240.0, 95.0),
                    ],
                ),
                line(
                    500.0,
                    vec![
                        word("Egypt", 100.0, 180.0, 92.0),
                        word("Cairo,", 190.0, 300.0, 92.0),
                        word("©", 310.0, 330.0, 96.0),
                    ],
                ),
                line(
                    600.0,
                    vec![
                        word("2019", 100.0, 180.0, 92.0),
                        word("—", 190.0, 210.0, 92.0),
                        word("2021", 220.0, 300.0, 96.0),
                    ],
                ),
            ],
        };
        let text = page_text(&page, None);
        let lines: Vec<&str> = text.page.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            [
                "• Led audits",
                "GAAP • SOX",
                "Vitamin e",
                "+20 5678",
                "Egypt Cairo,",
                "2019 — 2021"
            ]
        );
    }

    #[test]
    fn a_wide_gap_makes_two_runs() {
        let page = OcrPage {
            width: 1000.0,
            height: 1400.0,
            lines: vec![line(
                100.0,
                vec![
                    word("Cairo", 100.0, 200.0, 95.0),
                    word("2019", 800.0, 880.0, 95.0),
                ],
            )],
        };
        assert_eq!(runs_of(&page, 1.0).len(), 2);
    }
}
