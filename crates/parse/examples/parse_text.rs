//! Development aid: parses CV files and writes `<file name>.json` analysis-shaped outputs for the corpus
//! scorer. PDF and DOCX go through `jobgate-extract`; any other file is read as plain text
//! (`X.pdf.txt` → `OUT_DIR/X.pdf.json`). With `--dump`, prints the extracted lines instead.
//! Usage: `cargo run -p jobgate-parse --example parse_text -- [--dump] OUT_DIR FILE...`

use jobgate_core::Document;
use std::path::Path;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.first().is_some_and(|a| a == "--dump");
    if dump {
        args.remove(0);
    }
    let Some((out, files)) = args.split_first() else {
        eprintln!("usage: parse_text [--dump] OUT_DIR FILE...");
        std::process::exit(2);
    };
    std::fs::create_dir_all(out).expect("out dir");
    for f in files {
        let path = Path::new(f);
        let doc = match path.extension().and_then(|e| e.to_str()) {
            Some("pdf") | Some("docx") => match jobgate_extract::extract_file(path) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{f}: {e:?}");
                    continue;
                }
            },
            _ => Document::from_text(&std::fs::read_to_string(f).expect("read")),
        };
        if dump {
            println!("==== {f}");
            for l in &doc.lines {
                println!(
                    "{}{}{}| {}",
                    if l.heading_hint { "H" } else { " " },
                    if l.bullet { "B" } else { " " },
                    l.column,
                    l.text
                );
            }
            continue;
        }
        let parsed = jobgate_parse::parse(&doc);
        let name = path.file_name().unwrap().to_string_lossy();
        let name = name.trim_end_matches(".txt");
        let json = serde_json::json!({ "structured_data": parsed.cv });
        std::fs::write(
            Path::new(out).join(format!("{name}.json")),
            serde_json::to_string_pretty(&json).unwrap(),
        )
        .expect("write");
    }
}
