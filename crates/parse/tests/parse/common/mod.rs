//! Scores a set of CV files against their truth with the sample corpus's own `score.py`: every file
//! goes through the real extractor and the rule parser. Needs `python3` (standard library only).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The figures `score.py` reports for one set, and its printed table.
pub struct Report {
    pub json: Value,
    pub table: String,
}

impl Report {
    pub fn f1(&self, group: &str, field: &str) -> f64 {
        self.json["groups"][group]["fields"][field]["f1"]
            .as_f64()
            .unwrap_or(0.0)
    }

    pub fn overall(&self, group: &str) -> f64 {
        self.json["groups"][group]["overall"]
            .as_f64()
            .unwrap_or(0.0)
    }
}

/// Analyses every document of `set_dir/manifest.json` and scores it against `truth_dir`.
pub fn score_set(set_dir: &Path, truth_dir: &Path) -> Report {
    let manifest_path = set_dir.join("manifest.json");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut failed = Vec::new();
    for d in manifest["documents"].as_array().unwrap() {
        let file = set_dir.join(d["file"].as_str().unwrap());
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        match jobgate_extract::extract_file(&file) {
            Ok(doc) => {
                let parsed = jobgate_parse::parse(&doc);
                let json = serde_json::json!({ "structured_data": parsed.cv });
                std::fs::write(out.path().join(format!("{name}.json")), json.to_string()).unwrap();
            }
            Err(e) => failed.push(format!("{name}: {e}")),
        }
    }
    assert!(failed.is_empty(), "extraction failed: {failed:?}");

    // JOBGATE_KEEP_OUTPUTS=DIR keeps the parser's outputs for a look at one file.
    if let Some(keep) = std::env::var_os("JOBGATE_KEEP_OUTPUTS") {
        let keep = Path::new(&keep).join(set_dir.file_name().unwrap());
        std::fs::create_dir_all(&keep).unwrap();
        for f in std::fs::read_dir(out.path()).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, keep.join(f.file_name().unwrap())).unwrap();
        }
    }
    let report_path = out.path().join("report.json");
    let run = Command::new("python3")
        .arg(fixtures().join("corpus/score.py"))
        .arg(out.path())
        .arg("--truth")
        .arg(truth_dir)
        .arg("--manifest")
        .arg(&manifest_path)
        .arg("--json")
        .arg(&report_path)
        .output()
        .expect("python3 runs score.py");
    assert!(
        run.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    Report {
        json: serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap(),
        table: String::from_utf8_lossy(&run.stdout).into_owned(),
    }
}
