//! Development probe: prints pdf_oxide spans of a PDF with positions.
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let doc = pdf_oxide::PdfDocument::open(&path).expect("open");
    let n = doc.page_count().expect("pages");
    for p in 0..n {
        let spans = doc.extract_spans(p).expect("spans");
        for s in spans {
            println!(
                "p{} x={:.1} y={:.1} w={:.1} h={:.1} fs={:.1} {:?} {:?} |{}|",
                p,
                s.bbox.x,
                s.bbox.y,
                s.bbox.width,
                s.bbox.height,
                s.font_size,
                s.font_weight,
                s.font_name,
                s.text
            );
        }
    }
}
