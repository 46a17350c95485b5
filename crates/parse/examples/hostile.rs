//! Development probe: builds one hostile file of `jobgate-hostile`'s catalogue (or one sized by the
//! arguments), extracts and parses it in this process, and prints the outcome and the time taken.
//! Run each case in its own process under `timeout` and `/usr/bin/time -v` (peak memory): a stack
//! overflow aborts the process. `--list` names the cases; `--write DIR` writes every case to DIR.
//! Usage: `hostile NAME|FILE` | `hostile --list` | `hostile --write DIR` | `hostile --sized CLASS N FILE`

use jobgate_core::Document;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cases = jobgate_hostile::catalogue();
    match args.first().map(String::as_str) {
        Some("--list") | None => {
            for c in &cases {
                println!("{}", c.name);
            }
        }
        Some("--sized") => {
            // One class at another size, written to a file: `--sized CLASS N FILE`.
            let n: usize = args[2].parse().expect("size");
            let bytes = match args[1].as_str() {
                "pdf_many_spans" => jobgate_hostile::pdf::pdf_many_spans(n),
                "pdf_many_spans_one_line" => jobgate_hostile::pdf::pdf_many_spans_one_line(n),
                "docx_many_paragraphs" => jobgate_hostile::docx::docx_many_paragraphs(n),
                "many_lines" => jobgate_hostile::text::many_lines(n).into_bytes(),
                other => panic!("no sized class {other}"),
            };
            std::fs::write(&args[3], bytes).expect("write");
        }
        Some("--write") => {
            let dir = std::path::Path::new(args.get(1).expect("DIR"));
            std::fs::create_dir_all(dir).expect("dir");
            for c in &cases {
                let path = dir.join(format!("{}.{}", c.name, c.ext));
                std::fs::write(&path, (c.make)()).expect("write");
            }
        }
        Some(name) => {
            // A file written by `--write` (no generation cost in the measurement), or a case by name.
            let path = std::path::Path::new(name);
            let (bytes, ext) = if path.is_file() {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                (std::fs::read(path).expect("read"), ext.to_string())
            } else {
                let case = cases.iter().find(|c| c.name == name).expect("no such case");
                ((case.make)(), case.ext.to_string())
            };
            let start = Instant::now();
            let doc = if ext == "txt" {
                Ok(Document::from_text(&String::from_utf8_lossy(&bytes)))
            } else {
                jobgate_extract::extract(&bytes)
            };
            let extracted = start.elapsed();
            let outcome = match &doc {
                Ok(d) => {
                    let parsed = jobgate_parse::parse(d);
                    format!(
                        "ok lines={} name={:?} languages={}",
                        d.lines.len(),
                        parsed.cv.personal_info.name,
                        parsed.cv.languages.len()
                    )
                }
                Err(e) => format!("{} {}", e.code().as_str(), e),
            };
            println!(
                "{name} bytes={} extract={:.3}s total={:.3}s {outcome}",
                bytes.len(),
                extracted.as_secs_f64(),
                start.elapsed().as_secs_f64()
            );
        }
    }
}
