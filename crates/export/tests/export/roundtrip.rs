//! Round trip (issue 3, part 5): every CV of the sample corpus truth (JSON Resume) → our contract →
//! every template × {DOCX, PDF} → our extractor + parser → scored by the corpus's own scorer
//! (`tests/fixtures/corpus/score.py`, macro-F1 over fields). Misses are attributed: a value absent
//! from the exported file's text is the export's fault; absent from the extractor's text, the
//! extractor's; present there but not parsed, the parser's. Then the DOCX files again, made PDF by
//! LibreOffice: a producer that is not ours, scored the same way.

use crate::support::*;
use jobgate_core::{Cv, Education, Experience, Lang, LanguageSkill};
use jobgate_export::{Format, render};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::process::Command;

/// The macro-F1 the round trip must reach (issue 3 asks 0.98; today 0.998: DOCX 0.999, PDF 0.996,
/// English 0.999, Arabic 0.994; what is left is a letter with a vowel sign in a PDF, "عميلًا").
const MIN_MACRO_F1: f64 = 0.99;

/// The same CVs, exported as DOCX and made PDF by LibreOffice (a producer that is not ours). On a
/// machine without our fonts installed (as CI) LibreOffice sets Arabic in DejaVu Sans, whose spaces
/// come out as wide as their word, and vowel signs (tanween) come as ActualText over stray glyphs:
/// today 0.997 (English 0.997, Arabic 1.000) on a fresh machine with only what scripts/setup.sh installs.
const MIN_LIBREOFFICE_F1: f64 = 0.99;

fn s(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_string()
}

/// `2021-03-01` → `2021-03`; `2019` stays.
fn month(d: &str) -> String {
    d.get(..7)
        .filter(|m| m.as_bytes().get(4) == Some(&b'-'))
        .unwrap_or(d)
        .to_string()
}

/// JSON Resume → the structured CV of DESIGN §2.
fn cv_from_json_resume(r: &Value) -> Cv {
    let b = &r["basics"];
    let mut cv = Cv::default();
    let p = &mut cv.personal_info;
    p.name = s(b, "name");
    p.email = s(b, "email");
    p.phone = s(b, "phone");
    p.headline = s(b, "label");
    p.location = match &b["location"] {
        Value::String(l) => l.clone(),
        l => [s(l, "city"), s(l, "countryCode")]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
    };
    if !s(b, "url").is_empty() {
        p.links.push(s(b, "url"));
    }
    for pr in b["profiles"].as_array().into_iter().flatten() {
        if !s(pr, "url").is_empty() {
            p.links.push(s(pr, "url"));
        }
    }
    cv.summary = s(b, "summary");
    for w in r["work"].as_array().into_iter().flatten() {
        let start = month(&s(w, "startDate"));
        let end = match s(w, "endDate") {
            e if e.is_empty() && !start.is_empty() => "present".to_string(),
            e => month(&e),
        };
        cv.experience.push(Experience {
            title: s(w, "position"),
            company: s(w, "name"),
            location: s(w, "location"),
            start,
            end,
            achievements: w["highlights"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|h| h.as_str().map(str::to_string))
                .collect(),
            ..Default::default()
        });
    }
    for e in r["education"].as_array().into_iter().flatten() {
        cv.education.push(Education {
            degree: s(e, "studyType"),
            field: s(e, "area"),
            school: s(e, "institution"),
            start: month(&s(e, "startDate")),
            end: month(&s(e, "endDate")),
            grade: s(e, "score"),
            ..Default::default()
        });
    }
    for g in r["skills"].as_array().into_iter().flatten() {
        let kws: Vec<String> = g["keywords"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect();
        if kws.is_empty() {
            cv.skills.push(s(g, "name"));
        } else {
            cv.skills.extend(kws);
        }
    }
    for l in r["languages"].as_array().into_iter().flatten() {
        cv.languages.push(LanguageSkill {
            name: s(l, "language"),
            level: s(l, "fluency"),
        });
    }
    for c in r["certificates"].as_array().into_iter().flatten() {
        cv.certifications.push(s(c, "name"));
    }
    for pr in r["projects"].as_array().into_iter().flatten() {
        cv.projects.push(jobgate_core::Project {
            title: s(pr, "name"),
            description: s(pr, "description"),
            link: s(pr, "url"),
        });
    }
    for a in r["awards"].as_array().into_iter().flatten() {
        cv.achievements.push(
            [s(a, "title"), s(a, "awarder")]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    cv
}

/// The values a reader must find in the text, per scored field.
fn expected_values(cv: &Cv) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("name", cv.personal_info.name.clone()),
        ("email", cv.personal_info.email.clone()),
        ("phone", cv.personal_info.phone.clone()),
        ("location", cv.personal_info.location.clone()),
    ];
    v.extend(cv.skills.iter().map(|x| ("skills", x.clone())));
    for e in &cv.experience {
        v.push(("work_entries", e.title.clone()));
        v.push(("work_entries", e.company.clone()));
        v.extend(e.achievements.iter().map(|x| ("highlights", x.clone())));
    }
    v.extend(
        cv.education
            .iter()
            .map(|e| ("education_entries", e.school.clone())),
    );
    v.extend(cv.languages.iter().map(|l| ("languages", l.name.clone())));
    v.extend(
        cv.certifications
            .iter()
            .map(|c| ("certificates", c.clone())),
    );
    v.retain(|(_, x)| !x.is_empty());
    v
}

fn squash(s: &str) -> String {
    flat(s).to_lowercase().split_whitespace().collect()
}

/// All text runs of a DOCX's main part.
fn docx_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        if let Some(start) = piece.find('>')
            && let Some(end) = piece.find("</w:t>")
        {
            out.push_str(&piece[start + 1..end]);
        }
        out.push(' ');
    }
    unescape_xml(&out)
}

/// Text of XML character data: the five predefined entities and numeric character references.
fn unescape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let entity = after.find(';').map(|end| (&after[..end], end));
        let decoded = entity.and_then(|(name, end)| {
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                "quot" => Some('"'),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn corpus_round_trip_through_our_extractor_and_parser() {
    if !tool_available(
        "pdftotext",
        "corpus_round_trip_through_our_extractor_and_parser",
    ) {
        return;
    }
    let corpus = repo_dir().join("tests/fixtures/corpus");
    let temp = tempfile::tempdir().unwrap();
    // `JOBGATE_ROUNDTRIP_DIR=folder` keeps the exported files, the text our extractor got from each,
    // the parser outputs and the report there.
    let dir_path = std::env::var_os("JOBGATE_ROUNDTRIP_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    let dir = &dir_path;
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut docs = Vec::new();
    // field → (export misses, extractor misses)
    let mut misses: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut truths: Vec<_> = std::fs::read_dir(corpus.join("truth"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    truths.sort();
    assert!(truths.len() >= 10, "corpus truth not found");
    for path in truths {
        let id = path.file_stem().unwrap().to_string_lossy().to_string();
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let cv = cv_from_json_resume(&truth);
        let lang = match truth["meta"]["language"].as_str() {
            Some("ar") => Lang::Ar,
            Some("en") => Lang::En,
            _ => jobgate_export::language_of(&cv),
        };
        for t in TEMPLATES {
            for format in [Format::Docx, Format::Pdf] {
                let file = format!("{id}__{t}.{}", format.extension());
                let bytes = render(&cv, format, t, lang).unwrap();
                let p = dir.join(&file);
                std::fs::write(&p, &bytes).unwrap();
                let exported_text = match format {
                    Format::Pdf => pdftotext(&p),
                    _ => docx_text(&bytes),
                };
                let parsed = match jobgate_extract::extract(&bytes) {
                    Ok(doc) => {
                        std::fs::write(dir.join(format!("{file}.extracted.txt")), doc.text())
                            .unwrap();
                        let extracted = squash(&doc.text());
                        for (field, value) in expected_values(&cv) {
                            let entry = misses.entry(field).or_default();
                            if !squash(&exported_text).contains(&squash(&value)) {
                                entry.0.push(format!("{file}: {value}"));
                            } else if !extracted.contains(&squash(&value)) {
                                entry.1.push(format!("{file}: {value}"));
                            }
                        }
                        jobgate_parse::parse(&doc).cv
                    }
                    Err(e) => panic!("{file}: our extractor refuses our own export: {e}"),
                };
                std::fs::write(
                    out_dir.join(format!("{file}.json")),
                    serde_json::to_vec(&json!({ "structured_data": parsed })).unwrap(),
                )
                .unwrap();
                docs.push(json!({
                    "file": format!("files/{file}"), "cv_id": id, "language": lang.code(),
                    "format": format.extension(), "theme": t, "hidden": [],
                }));
            }
        }
    }
    let report = score(&corpus, &out_dir, &docs, dir, "report");
    let overall = report["overall"].as_f64().unwrap();
    println!(
        "round trip macro-F1: {overall:.3} over {} documents",
        docs.len()
    );
    let mut export_faults = Vec::new();
    for (field, (export, extract)) in &misses {
        println!(
            "{field:<18} missing from the exported file: {:>3}   lost by the extractor: {:>3}",
            export.len(),
            extract.len()
        );
        for m in extract.iter().take(3) {
            println!("    extractor lost {m}");
        }
        export_faults.extend(export.iter().cloned());
    }
    assert!(
        export_faults.is_empty(),
        "values missing from our own exports: {export_faults:#?}"
    );
    assert!(
        overall >= MIN_MACRO_F1,
        "round-trip macro-F1 {overall:.3} < {MIN_MACRO_F1}"
    );

    // Another producer: LibreOffice turns each of our DOCX files into a PDF (how many people make a
    // PDF of a Word CV), and our extractor and parser read that.
    if !tool_available(
        "soffice",
        "corpus_round_trip_through_our_extractor_and_parser",
    ) {
        return;
    }
    let lo_dir = dir.join("libreoffice");
    let lo_out = lo_dir.join("out");
    std::fs::create_dir_all(&lo_out).unwrap();
    let docx: Vec<&Value> = docs.iter().filter(|d| d["format"] == "docx").collect();
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            lo_dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&lo_dir)
        .args(
            docx.iter()
                .map(|d| dir.join(d["file"].as_str().unwrap().trim_start_matches("files/"))),
        )
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(run.status.success(), "{run:?}");
    let mut lo_docs = Vec::new();
    for d in docx {
        let name = d["file"].as_str().unwrap().trim_start_matches("files/");
        let pdf = name.replace(".docx", ".pdf");
        let doc = jobgate_extract::extract_file(&lo_dir.join(&pdf))
            .unwrap_or_else(|e| panic!("{pdf} from LibreOffice: {e}"));
        std::fs::write(
            lo_out.join(format!("{pdf}.json")),
            serde_json::to_vec(&json!({ "structured_data": jobgate_parse::parse(&doc).cv }))
                .unwrap(),
        )
        .unwrap();
        let mut entry = d.clone();
        entry["file"] = json!(format!("files/{pdf}"));
        entry["format"] = json!("pdf");
        lo_docs.push(entry);
    }
    let report = score(&corpus, &lo_out, &lo_docs, &lo_dir, "report");
    let overall = report["overall"].as_f64().unwrap();
    println!(
        "LibreOffice PDFs of our DOCX: macro-F1 {overall:.3} over {} documents",
        lo_docs.len()
    );
    assert!(
        overall >= MIN_LIBREOFFICE_F1,
        "LibreOffice round-trip macro-F1 {overall:.3} < {MIN_LIBREOFFICE_F1}"
    );
}

/// Scores the parser outputs in `out` against the corpus truth with the corpus's own scorer, prints
/// its table and returns its report (`dir/<name>.json`).
fn score(
    corpus: &std::path::Path,
    out: &std::path::Path,
    docs: &[Value],
    dir: &std::path::Path,
    name: &str,
) -> Value {
    let manifest = dir.join(format!("{name}.manifest.json"));
    std::fs::write(
        &manifest,
        serde_json::to_vec(&json!({ "documents": docs })).unwrap(),
    )
    .unwrap();
    let report = dir.join(format!("{name}.json"));
    let run = Command::new("python3")
        .arg(corpus.join("score.py"))
        .arg(out)
        .arg("--truth")
        .arg(corpus.join("truth"))
        .arg("--manifest")
        .arg(&manifest)
        .arg("--json")
        .arg(&report)
        .output()
        .expect("python3 is installed");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{}", String::from_utf8_lossy(&run.stdout));
    serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap()
}
