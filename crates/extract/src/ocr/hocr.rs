//! Tesseract's hOCR: lines with their box and estimated text size (`x_size`), words with their box
//! and confidence (`x_wconf`). Only what OCR layout needs is read.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// A box in image pixels, y downwards.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// One recognised word, in logical order as Tesseract gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub bbox: BBox,
    /// 0–100.
    pub confidence: f32,
}

/// One text line with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrLine {
    pub bbox: BBox,
    /// Tesseract's estimate of the text size in pixels (ascender to descender).
    pub x_size: f32,
    pub words: Vec<Word>,
}

/// One page as Tesseract read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrPage {
    pub width: f32,
    pub height: f32,
    pub lines: Vec<OcrLine>,
}

impl OcrPage {
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.lines.iter().flat_map(|l| &l.words)
    }

    /// Words and their mean confidence.
    pub fn quality(&self) -> (usize, f32) {
        let (n, sum) = self
            .words()
            .fold((0usize, 0f32), |(n, s), w| (n + 1, s + w.confidence));
        (n, if n == 0 { 0.0 } else { sum / n as f32 })
    }
}

/// One property of an hOCR `title` ("bbox 1 2 3 4; x_wconf 96") as numbers.
fn property(title: &str, key: &str) -> Option<Vec<f32>> {
    title.split(';').find_map(|part| {
        let mut it = part.split_whitespace();
        (it.next()? == key).then(|| it.filter_map(|v| v.parse::<f32>().ok()).collect())
    })
}

fn bbox(title: &str) -> Option<BBox> {
    match property(title, "bbox")?.as_slice() {
        [x0, y0, x1, y1] => Some(BBox {
            x0: *x0,
            y0: *y0,
            x1: *x1,
            y1: *y1,
        }),
        _ => None,
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.to_string())
}

/// Reads Tesseract's hOCR. Damaged or unexpected markup gives what was read up to it.
pub fn parse(hocr: &str) -> OcrPage {
    let mut reader = Reader::from_str(hocr);
    let mut page = OcrPage::default();
    // What each open element is: 1 = a line, 2 = a word, 0 = anything else.
    let mut stack: Vec<u8> = Vec::new();
    let mut word: Option<Word> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let class = attr(&e, "class").unwrap_or_default();
                let title = attr(&e, "title").unwrap_or_default();
                let kind = match class.as_str() {
                    "ocr_page" => {
                        if let Some(b) = bbox(&title) {
                            page.width = b.x1;
                            page.height = b.y1;
                        }
                        0
                    }
                    "ocr_line" | "ocr_header" | "ocr_caption" | "ocr_textfloat" => {
                        if let Some(b) = bbox(&title) {
                            let x_size = property(&title, "x_size")
                                .and_then(|v| v.first().copied())
                                .unwrap_or(b.y1 - b.y0);
                            page.lines.push(OcrLine {
                                bbox: b,
                                x_size,
                                words: Vec::new(),
                            });
                        }
                        1
                    }
                    "ocrx_word" => {
                        if let Some(b) = bbox(&title) {
                            let confidence = property(&title, "x_wconf")
                                .and_then(|v| v.first().copied())
                                .unwrap_or(0.0);
                            word = Some(Word {
                                text: String::new(),
                                bbox: b,
                                confidence,
                            });
                        }
                        2
                    }
                    _ => 0,
                };
                stack.push(kind);
            }
            Ok(Event::End(_)) => {
                if stack.pop() == Some(2)
                    && let Some(w) = word.take()
                    && !w.text.trim().is_empty()
                    && let Some(line) = page.lines.last_mut()
                {
                    line.words.push(Word {
                        text: w.text.trim().to_string(),
                        ..w
                    });
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&t);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(w) = word.as_mut() {
                    crate::docx::push_entity(&mut w.text, &r);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    page.lines.retain(|l| !l.words.is_empty());
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <body>
  <div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 1700 2200; ppageno 0; scan_res 200 200'>
   <div class='ocr_carea' id='block_1_1' title="bbox 100 90 900 140">
    <p class='ocr_par' id='par_1_1' lang='eng' title="bbox 100 90 900 140">
     <span class='ocr_line' id='line_1_1' title="bbox 100 90 900 140; baseline 0 -8; x_size 40; x_descenders 8; x_ascenders 10">
      <span class='ocrx_word' id='word_1_1' title='bbox 100 90 300 140; x_wconf 96'>R&amp;D</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 320 92 900 138; x_wconf 41'>a&#64;b.test</span>
     </span>
    </p>
   </div>
  </div>
 </body>
</html>"#;

    #[test]
    fn lines_and_words_with_boxes_sizes_and_confidence() {
        let page = parse(SAMPLE);
        assert_eq!((page.width, page.height), (1700.0, 2200.0));
        assert_eq!(page.lines.len(), 1);
        let line = &page.lines[0];
        assert_eq!(line.x_size, 40.0);
        let words: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["R&D", "a@b.test"]);
        assert_eq!(line.words[1].confidence, 41.0);
        assert_eq!(line.words[1].bbox.x0, 320.0);
        assert_eq!(page.quality(), (2, 68.5));
    }

    #[test]
    fn garbage_gives_an_empty_page() {
        assert!(parse("not xml <<<").lines.is_empty());
        assert!(parse("").lines.is_empty());
    }
}
