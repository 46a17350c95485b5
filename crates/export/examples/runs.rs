//! Development probe for the round trip: prints the positioned runs our PDF backend reads from a
//! file (after its own order repairs), then the lines our layout makes of them.
//! `--parse DIR FILE...` instead writes what the parser makes of each file to `DIR/<name>.json`
//! (the shape `tests/fixtures/corpus/score.py` reads).
//!
//! `cargo run -p jobgate-export --example runs -- file.pdf`
use jobgate_extract::pdf::{OxideBackend, PdfBackend};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--parse") {
        let dir = std::path::PathBuf::from(&args[1]);
        for file in &args[2..] {
            let path = std::path::Path::new(file);
            let name = path.file_name().expect("a file").to_string_lossy();
            match jobgate_extract::extract_file(path) {
                Ok(doc) => {
                    let cv = jobgate_parse::parse(&doc).cv;
                    let json = serde_json::json!({ "structured_data": cv });
                    std::fs::write(dir.join(format!("{name}.json")), json.to_string())
                        .expect("writable");
                }
                Err(e) => eprintln!("{name}: {e}"),
            }
        }
        return;
    }
    args.retain(|a| !a.is_empty());
    for arg in args {
        let bytes = std::fs::read(&arg).expect("readable file");
        println!("=== {arg}");
        let out = OxideBackend.read(&bytes).expect("a PDF");
        for (p, page) in out.pages.iter().enumerate() {
            for r in &page.runs {
                println!(
                    "p{p} x={:.1}..{:.1} y={:.1} fs={:.1} |{}|",
                    r.x0, r.x1, r.y0, r.font_size, r.text
                );
            }
        }
        if let Ok(doc) = jobgate_extract::extract(&bytes) {
            println!("--- lines");
            for l in &doc.lines {
                println!("{}", l.text);
            }
        }
    }
}
