//! Scanned pages in PDFs: a page with no text of its own whose content is one page-sized picture is
//! read by OCR from that picture, taken out as it is stored — JPEG (`DCTDecode`) bytes as they are,
//! other pictures decoded to pixels by pdf_oxide — never rendered. Pages with text keep it, so a file
//! that mixes typed and scanned pages reads as one document.

use super::{MAX_OCR_PAGES, Progress, Tally, image, tesseract};
use crate::RawPage;
use ::image::GrayImage;
use jobgate_core::contract::Warning;
use jobgate_core::document::OcrInfo;
use jobgate_core::error::Result;
use jobgate_core::warning::PartialCause;
use pdf_oxide::{PdfDocument, PdfFilter, PdfImageHandle};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A page with fewer letters than this has no text layer worth keeping.
const MIN_PAGE_CHARS: usize = 20;
/// The picture must cover this share of the page to be the page.
const MIN_COVER: f32 = 0.4;
/// Largest picture decoded (pixels): a page at 600 dpi.
const MAX_PIXELS: u64 = 40_000_000;

fn letters(page: &RawPage) -> usize {
    page.lines
        .iter()
        .map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

/// Replaces the pages of `pages` that have no text but a page-sized picture by what OCR reads in it.
/// `None` when no page needed OCR. When OCR is not installed: the error if no page has text,
/// otherwise a `PARTIAL_TEXT` warning.
pub(crate) fn read_scanned_pages(
    bytes: &[u8],
    pages: &mut [RawPage],
    warnings: &mut Vec<Warning>,
    progress: &dyn Fn(Progress),
) -> Result<Option<OcrInfo>> {
    let empty: Vec<usize> = (0..pages.len())
        .filter(|&i| letters(&pages[i]) < MIN_PAGE_CHARS)
        .collect();
    if empty.is_empty() {
        return Ok(None);
    }
    let opened = catch_unwind(AssertUnwindSafe(|| PdfDocument::from_bytes(bytes.to_vec())));
    let Ok(Ok(doc)) = opened else {
        return Ok(None);
    };
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Ok(None);
    }
    let scanned: Vec<usize> = empty
        .into_iter()
        .filter(|&i| page_picture(&doc, i).is_some())
        .collect();
    if scanned.is_empty() {
        return Ok(None);
    }
    let engine = match tesseract::shared() {
        Ok(e) => e,
        Err(e) if pages.iter().all(|p| letters(p) < MIN_PAGE_CHARS) => return Err(e),
        Err(_) => {
            warnings.push(Warning::partial_text(PartialCause::OcrUnavailable));
            return Ok(None);
        }
    };
    let mut tally = Tally {
        skipped: scanned.len().saturating_sub(MAX_OCR_PAGES) as u32,
        ..Tally::default()
    };
    let to_read = &scanned[..scanned.len().min(MAX_OCR_PAGES)];
    let width_pt = |i: usize| {
        doc.get_page_media_box(i)
            .ok()
            .map(|(x0, _, x1, _)| (x1 - x0).abs())
            .filter(|w| *w > 1.0)
    };
    for (k, &i) in to_read.iter().enumerate() {
        progress(Progress {
            page: k as u32 + 1,
            pages: to_read.len() as u32,
        });
        let Some(img) = page_picture(&doc, i).and_then(|h| picture_pixels(&h)) else {
            continue;
        };
        let text = super::read_page(engine, img, width_pt(i))?;
        tally.add(i as u32, &text);
        pages[i] = text.page;
    }
    Ok(Some(tally.info()))
}

/// The picture that covers most of page `index`, when it covers at least [`MIN_COVER`] of it.
fn page_picture(doc: &PdfDocument, index: usize) -> Option<PdfImageHandle<'_>> {
    let (x0, y0, x1, y1) = doc.get_page_media_box(index).ok()?;
    let page_area = ((x1 - x0) * (y1 - y0)).abs().max(1.0);
    let handles = catch_unwind(AssertUnwindSafe(|| doc.page_image_handles(index)))
        .ok()?
        .ok()?;
    let area = |h: &PdfImageHandle| (h.bbox.width * h.bbox.height).abs();
    handles
        .into_iter()
        .filter(|h| area(h) >= MIN_COVER * page_area)
        .max_by(|a, b| area(a).total_cmp(&area(b)))
}

/// The picture's grey pixels: JPEG bytes decoded by us, anything else by pdf_oxide.
fn picture_pixels(h: &PdfImageHandle) -> Option<GrayImage> {
    if u64::from(h.width) * u64::from(h.height) > MAX_PIXELS {
        return None;
    }
    if matches!(h.filter_chain.as_slice(), [PdfFilter::DCTDecode]) {
        let raw = catch_unwind(AssertUnwindSafe(|| h.raw_compressed_bytes()))
            .ok()?
            .ok()?;
        return image::decode(&raw, image::ImageKind::Jpeg).ok();
    }
    let decoded = catch_unwind(AssertUnwindSafe(|| h.decode())).ok()?.ok()?;
    match decoded.data() {
        pdf_oxide::extractors::images::ImageData::Jpeg(b) => {
            image::decode(b, image::ImageKind::Jpeg).ok()
        }
        pdf_oxide::extractors::images::ImageData::Raw { pixels, format } => {
            image::gray_from_samples(
                decoded.width(),
                decoded.height(),
                format.bytes_per_pixel(),
                pixels,
            )
        }
    }
}
