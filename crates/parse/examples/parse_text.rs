//! Development aid: parses plain-text files (one CV per file) and writes `<name>.json` analysis-shaped
//! outputs, so the corpus scorer can be run before extraction exists.
//! Usage: `cargo run -p jobgate-parse --example parse_text -- OUT_DIR FILE.txt...`
//! (`X.pdf.txt` → `OUT_DIR/X.pdf.json`).

use jobgate_core::Document;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, files)) = args.split_first() else {
        eprintln!("usage: parse_text OUT_DIR FILE.txt...");
        std::process::exit(2);
    };
    std::fs::create_dir_all(out).expect("out dir");
    for f in files {
        let text = std::fs::read_to_string(f).expect("read");
        let parsed = jobgate_parse::parse(&Document::from_text(&text));
        let name = Path::new(f).file_name().unwrap().to_string_lossy();
        let name = name.trim_end_matches(".txt");
        let json = serde_json::json!({ "structured_data": parsed.cv });
        std::fs::write(
            Path::new(out).join(format!("{name}.json")),
            serde_json::to_string_pretty(&json).unwrap(),
        )
        .expect("write");
    }
}
