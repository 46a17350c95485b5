//! Development probe: prints pdf_oxide spans of a PDF with positions, the span's logical-order
//! flag and each character's left edge (`-v`); with `-c`, the page's characters as drawn
//! (`extract_chars`, what the extractor's glyph index reads) instead.
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let chars = args.iter().any(|a| a == "-c");
    args.retain(|a| a != "-v" && a != "-c");
    let path = args.first().expect("path");
    let doc = pdf_oxide::PdfDocument::open(path).expect("open");
    let n = doc.page_count().expect("pages");
    for p in 0..n {
        if chars {
            for c in doc.extract_chars(p).expect("chars") {
                println!(
                    "p{} x={:.2} w={:.2} y={:.2} h={:.2} U+{:04X} {:?}",
                    p, c.bbox.x, c.bbox.width, c.bbox.y, c.bbox.height, c.char as u32, c.char
                );
            }
            continue;
        }
        let spans = doc.extract_spans(p).expect("spans");
        for s in spans {
            println!(
                "p{} x={:.1} y={:.1} w={:.1} h={:.1} fs={:.1} {:?} {:?} rtl_logical={} |{}|",
                p,
                s.bbox.x,
                s.bbox.y,
                s.bbox.width,
                s.bbox.height,
                s.font_size,
                s.font_weight,
                s.font_name,
                s.rtl_draw_logical,
                s.text
            );
            if verbose {
                let xs: Vec<String> = s
                    .to_chars()
                    .iter()
                    .map(|c| format!("{}@{:.1}", c.char, c.bbox.x))
                    .collect();
                println!("    {}", xs.join(" "));
            }
        }
    }
}
