//! Images for OCR: decoded within limits, turned upright by their EXIF orientation, made grey, and
//! scaled so a page is about 300 dpi at most (big phone photos) or at least about 150 dpi (small
//! screenshots), then written as PGM for Tesseract's stdin.

use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader, Limits};
use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Reason};
use std::io::Cursor;

/// An image file type OCR reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Tiff,
}

impl ImageKind {
    /// The kind by magic bytes.
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(b"\xFF\xD8\xFF") {
            Some(ImageKind::Jpeg)
        } else if [b"II*\0", b"MM\0*", b"II+\0", b"MM\0+"]
            .iter()
            .any(|m| bytes.starts_with(*m))
        {
            Some(ImageKind::Tiff)
        } else {
            None
        }
    }

    fn format(self) -> image::ImageFormat {
        match self {
            ImageKind::Png => image::ImageFormat::Png,
            ImageKind::Jpeg => image::ImageFormat::Jpeg,
            ImageKind::Tiff => image::ImageFormat::Tiff,
        }
    }
}

/// Widest or tallest image accepted (a 50-megapixel camera is 8,700 pixels wide).
pub const MAX_SIDE: u32 = 12_000;
/// Most memory the decoder may take for one image (the bounded worker has 256 MiB in all).
const MAX_DECODE_BYTES: u64 = 100 << 20;
/// The longer side of a page sent to OCR at most: A4 at 300 dpi.
pub const MAX_OCR_SIDE: u32 = 3508;
/// Below this longer side an image is enlarged (twice at most): A4 at about 150 dpi.
pub const MIN_OCR_SIDE: u32 = 1750;

fn unreadable(e: impl std::fmt::Display) -> JobGateError {
    JobGateError::corrupted(Reason::new("reason-image-unreadable").with_technical(e))
}

/// Decodes an image file into grey pixels, upright by its EXIF orientation.
pub fn decode(bytes: &[u8], kind: ImageKind) -> Result<GrayImage> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(kind.format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    Ok(img.into_luma8())
}

/// Scales a page image into the size OCR reads best: at most [`MAX_OCR_SIDE`] on its longer side, and
/// small ones up towards [`MIN_OCR_SIDE`] (never more than twice).
pub fn fit_for_ocr(img: GrayImage) -> GrayImage {
    let (w, h) = img.dimensions();
    let long = w.max(h).max(1);
    let factor = if long > MAX_OCR_SIDE {
        MAX_OCR_SIDE as f32 / long as f32
    } else if long < MIN_OCR_SIDE {
        (MIN_OCR_SIDE as f32 / long as f32).min(2.0)
    } else {
        return img;
    };
    let nw = ((w as f32 * factor).round() as u32).max(1);
    let nh = ((h as f32 * factor).round() as u32).max(1);
    image::imageops::resize(&img, nw, nh, image::imageops::FilterType::Triangle)
}

/// Turns an image clockwise by 90, 180 or 270 degrees (anything else leaves it).
pub fn rotate(img: &GrayImage, clockwise: u32) -> GrayImage {
    match clockwise {
        90 => image::imageops::rotate90(img),
        180 => image::imageops::rotate180(img),
        270 => image::imageops::rotate270(img),
        _ => img.clone(),
    }
}

/// The image as a binary PGM (P5), a format Tesseract reads from stdin without decoding work.
pub fn to_pgm(img: &GrayImage) -> Vec<u8> {
    let (w, h) = img.dimensions();
    let mut out = format!("P5\n{w} {h}\n255\n").into_bytes();
    out.extend_from_slice(img.as_raw());
    out
}

/// Most pages of a TIFF looked for (the IFD chain is walked no further, whatever it claims).
const MAX_TIFF_PAGES: usize = 64;

/// Where each page (image file directory) of a TIFF starts, in order: one entry for a single-page
/// file. A chain that loops, points outside the file or runs past [`MAX_TIFF_PAGES`] ends there.
pub fn tiff_pages(bytes: &[u8]) -> Vec<u64> {
    let little = bytes.starts_with(b"II");
    let read = |at: u64, n: usize| -> Option<u64> {
        let at = usize::try_from(at).ok()?;
        let b = bytes.get(at..at.checked_add(n)?)?;
        Some(b.iter().enumerate().fold(0u64, |acc, (i, &x)| {
            let shift = 8 * if little { i } else { n - 1 - i };
            acc | (u64::from(x) << shift)
        }))
    };
    let big = read(2, 2) == Some(43);
    let (first, count_len, entry_len, ptr_len) = if big {
        (read(8, 8), 8, 20, 8)
    } else {
        (read(4, 4), 2, 12, 4)
    };
    let mut pages = Vec::new();
    let mut next = first.unwrap_or(0);
    while next != 0 && pages.len() < MAX_TIFF_PAGES && !pages.contains(&next) {
        let Some(count) = read(next, count_len) else {
            break;
        };
        pages.push(next);
        let after = count
            .checked_mul(entry_len)
            .and_then(|n| n.checked_add(next + count_len as u64));
        next = after.and_then(|at| read(at, ptr_len)).unwrap_or(0);
    }
    pages
}

/// The TIFF with its header pointing at the page starting at `ifd`, so a decoder that reads the first
/// page reads that one (every other offset in a TIFF is absolute, so nothing else moves).
pub fn tiff_page(bytes: &[u8], ifd: u64) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let little = bytes.starts_with(b"II");
    let big = out.get(2..4) == Some(if little { &[43, 0] } else { &[0, 43] });
    let (at, len) = if big { (8, 8) } else { (4, 4) };
    if out.len() >= at + len {
        let le = ifd.to_le_bytes();
        for i in 0..len {
            out[at + i] = if little { le[i] } else { le[len - 1 - i] };
        }
    }
    out
}

/// Grey pixels from raw samples a PDF image decoded to (1 = grey, 3 = RGB, 4 = CMYK components).
pub fn gray_from_samples(
    width: u32,
    height: u32,
    components: usize,
    samples: &[u8],
) -> Option<GrayImage> {
    let n = (width as usize).checked_mul(height as usize)?;
    if components == 0 || samples.len() < n.checked_mul(components)? {
        return None;
    }
    let px: Vec<u8> = match components {
        1 => samples[..n].to_vec(),
        3 => samples[..n * 3]
            .chunks_exact(3)
            .map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8)
            .collect(),
        4 => samples[..n * 4]
            .chunks_exact(4)
            .map(|p| {
                let k = p[3] as u32;
                let grey = (p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000;
                (255u32.saturating_sub(grey.min(255) + k).min(255)) as u8
            })
            .collect(),
        _ => return None,
    };
    GrayImage::from_raw(width, height, px)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageEncoder;

    #[test]
    fn kinds_by_magic_bytes() {
        assert_eq!(
            ImageKind::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageKind::Png)
        );
        assert_eq!(ImageKind::sniff(b"\xFF\xD8\xFF\xE0"), Some(ImageKind::Jpeg));
        assert_eq!(ImageKind::sniff(b"II*\0...."), Some(ImageKind::Tiff));
        assert_eq!(ImageKind::sniff(b"MM\0*...."), Some(ImageKind::Tiff));
        assert_eq!(ImageKind::sniff(b"GIF89a"), None);
    }

    const TWO_PAGE_TIFF: &[u8] =
        include_bytes!("../../../../tests/fixtures/scans/files/011__flat__scan300.tif");

    #[test]
    fn every_page_of_a_multi_page_tiff_is_found_and_decoded() {
        let pages = tiff_pages(TWO_PAGE_TIFF);
        assert_eq!(pages.len(), 2);
        let one = decode(TWO_PAGE_TIFF, ImageKind::Tiff).unwrap();
        let again = decode(&tiff_page(TWO_PAGE_TIFF, pages[0]), ImageKind::Tiff).unwrap();
        let two = decode(&tiff_page(TWO_PAGE_TIFF, pages[1]), ImageKind::Tiff).unwrap();
        assert_eq!(one, again);
        assert_eq!(two.dimensions(), one.dimensions());
        assert_ne!(
            one, two,
            "page 2 must be the second page, not the first again"
        );
    }

    #[test]
    fn a_tiff_page_chain_that_loops_or_is_cut_ends_there() {
        let pages = tiff_pages(TWO_PAGE_TIFF);
        // The last page's "next" pointer aimed back at the first page: still two pages, no hang.
        let last = pages[1] as usize;
        let count = u16::from_le_bytes([TWO_PAGE_TIFF[last], TWO_PAGE_TIFF[last + 1]]) as usize;
        let mut looped = TWO_PAGE_TIFF.to_vec();
        let next = last + 2 + count * 12;
        looped[next..next + 4].copy_from_slice(&(pages[0] as u32).to_le_bytes());
        assert_eq!(tiff_pages(&looped), pages);
        // Cut before the second page's directory: one page.
        assert_eq!(tiff_pages(&TWO_PAGE_TIFF[..last]).len(), 1);
        assert!(tiff_pages(b"II*\0\xff\xff\xff\x7f").is_empty());
        assert!(tiff_pages(b"II").is_empty());
    }

    #[test]
    fn big_photos_are_scaled_down_and_small_ones_up() {
        let big = fit_for_ocr(GrayImage::new(4000, 3000));
        assert_eq!(big.dimensions(), (MAX_OCR_SIDE, 2631));
        let small = fit_for_ocr(GrayImage::new(600, 800));
        assert_eq!(small.dimensions(), (1200, 1600));
        let fine = fit_for_ocr(GrayImage::new(1700, 2200));
        assert_eq!(fine.dimensions(), (1700, 2200));
    }

    #[test]
    fn an_image_wider_than_any_page_is_refused_before_it_is_decoded() {
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(
                &vec![255u8; 13_000 * 2],
                13_000,
                2,
                image::ExtendedColorType::L8,
            )
            .unwrap();
        let e = decode(&png, ImageKind::Png).unwrap_err();
        assert_eq!(e.code().as_str(), "CORRUPTED_FILE");
    }

    #[test]
    fn a_damaged_image_is_an_error_not_a_panic() {
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR garbage", ImageKind::Png).unwrap_err();
        assert_eq!(e.code().as_str(), "CORRUPTED_FILE");
        let pgm = to_pgm(&GrayImage::new(3, 2));
        assert_eq!(&pgm[..11], b"P5\n3 2\n255\n");
        assert_eq!(pgm.len(), 11 + 6);
    }
}
