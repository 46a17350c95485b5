//! Prints what extraction gives for each file named on the command line: one line per `Line`,
//! with its page, column and hints (`H` heading, `B` bold, `•` bullet, font size).
//!
//! `cargo run -p jobgate-extract --example dump -- tests/fixtures/corpus/files/001__even.pdf`
fn main() {
    for arg in std::env::args().skip(1) {
        println!("=== {arg}");
        match jobgate_extract::extract_file(std::path::Path::new(&arg)) {
            Ok(doc) => {
                println!(
                    "format={:?} pages={} language={:?} warnings={:?} links={:?}",
                    doc.format, doc.pages, doc.language, doc.warnings, doc.links
                );
                for l in &doc.lines {
                    println!(
                        "p{} c{} {}{}{} {:>4} | {}",
                        l.page,
                        l.column,
                        if l.heading_hint { 'H' } else { ' ' },
                        if l.bold { 'B' } else { ' ' },
                        if l.bullet { '•' } else { ' ' },
                        l.font_size.map(|s| format!("{s:.1}")).unwrap_or_default(),
                        l.text
                    );
                }
            }
            Err(e) => println!("error {}: {e}", e.code().as_str()),
        }
    }
}
