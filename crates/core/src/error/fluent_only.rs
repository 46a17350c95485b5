//! The test that keeps every error reason a person can read in Fluent: a scan of the program's source
//! (`crates/*/src`, `src-tauri/src`, test modules left out) that fails on a reason built from a string
//! literal or `format!`, on a `reason-*` id used in code that either language lacks, and on an Arabic
//! reason that holds a Latin word other than the names of products, formats and settings.

use crate::i18n::{Lang, Localizer};
use regex::Regex;
use std::path::{Path, PathBuf};

/// Ways of building a person-facing reason outside Fluent. A technical detail is another program's
/// own text (an error value), never a literal or a sentence we format.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        r#"reason:\s*(?:"|format!|&?format!|String::from)"#,
        "a reason given as a string",
    ),
    (
        r#"technical\(\s*&?(?:"|format!)"#,
        "a sentence of ours given as a technical detail",
    ),
    (
        r#"Reason::new\(\s*&?format!"#,
        "a reason id built at run time (it cannot be checked)",
    ),
    (
        r#"(?:ai_unavailable|storage|sync_failed|export_failed|corrupted|internal|ocr_unavailable)\(\s*&?(?:"|format!)"#,
        "an error constructor given a string",
    ),
    (
        r#"invalid_input\([^,()]*,\s*&?(?:"|format!)"#,
        "an error constructor given a string",
    ),
];

/// Latin words an Arabic reason may hold: names of products, formats, protocols, settings and
/// command-line words, which are the same in every language.
const NAMES: &[&str] = &[
    "Job",
    "Gate",
    "PDF",
    "DOCX",
    "JSON",
    "Resume",
    "Word",
    "OpenRouter",
    "API",
    "HTTP",
    "HTTPS",
    "http",
    "https",
    "tesseract",
    "ocr",
    "OCR",
    "eng",
    "WAL",
    "UTF",
    "JOBGATE_DATA_DIR",
    "JOBGATE_PASSCODE",
    "JOBGATE_FILE_PASSCODE",
    "JOBGATE_SYNC_URL",
    "JOBGATE_SYNC_KEY",
    "OPENROUTER_API_KEY",
    "jobgate",
    "history",
    "profile",
    "yes",
    "docx",
    "pdf",
    "txt",
    "en",
    "ar",
    "personal_info",
    "experience",
];

/// Known exceptions, each a file and how many matches it may hold (none today).
const NOT_YET: &[(&str, usize)] = &[];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The program's own source files: `crates/*/src/**.rs` and `src-tauri/src/**.rs`.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if name != "tests" && name != "benches" {
                    walk(&path, out);
                }
            } else if name.ends_with(".rs")
                && name != "tests.rs"
                && name != "fluent_only.rs"
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    let root = root();
    if let Ok(crates) = std::fs::read_dir(root.join("crates")) {
        for c in crates.flatten() {
            walk(&c.path().join("src"), &mut out);
        }
    }
    walk(&root.join("src-tauri/src"), &mut out);
    out
}

/// The code of a file as the program runs it: test modules and comments left out.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start() == "#[cfg(test)]" {
            break;
        }
        let line = match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// What in `text` builds a person-facing reason outside Fluent.
fn violations(text: &str) -> Vec<String> {
    let code = code(text);
    let mut found = Vec::new();
    for (pattern, what) in FORBIDDEN {
        let re = Regex::new(pattern).unwrap();
        for m in re.find_iter(&code) {
            let line = code[..m.start()].lines().count().max(1);
            found.push(format!("line {line}: {what}: {}", m.as_str()));
        }
    }
    found
}

/// `reason-*` ids written in `text`.
fn reason_ids(text: &str) -> Vec<String> {
    ids_with(text, "reason")
}

/// Fluent ids written in `text` as string literals, with one of `prefixes` (`a|b|c`).
fn ids_with(text: &str, prefixes: &str) -> Vec<String> {
    let re = Regex::new(&format!(r#""((?:{prefixes})(?:-[a-z0-9]+)+)""#)).unwrap();
    re.captures_iter(&code(text))
        .map(|c| c[1].to_string())
        .collect()
}

/// The messages of a Fluent file whose id starts with `prefix`, with their whole value.
fn messages(ftl: &str, prefix: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ')
            && let Some((id, value)) = line.split_once('=')
        {
            out.push((id.trim().to_string(), value.to_string()));
        } else if let Some(last) = out.last_mut() {
            last.1.push('\n');
            last.1.push_str(line);
        }
    }
    out.retain(|(id, _)| id.starts_with(prefix));
    out
}

/// The Latin words of a Fluent value outside its placeables and variant keys.
fn latin_words(value: &str) -> Vec<String> {
    let text = latin_free(value);
    Regex::new(r"[A-Za-z_]+")
        .unwrap()
        .find_iter(&text)
        .map(|m| m.as_str().to_string())
        .collect()
}

#[test]
fn no_reason_is_built_outside_fluent() {
    let files = sources();
    assert!(
        files.len() > 50,
        "the scan found only {} files",
        files.len()
    );
    let mut bad = Vec::new();
    for (path, text) in &files {
        let found = violations(text);
        let allowed = NOT_YET
            .iter()
            .find(|(file, _)| path.ends_with(file))
            .map_or(0, |(_, n)| *n);
        if found.len() > allowed {
            bad.extend(found.iter().map(|v| format!("{}: {v}", path.display())));
        }
    }
    assert!(
        bad.is_empty(),
        "reasons built outside Fluent:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_reason_id_in_the_code_is_in_both_languages() {
    let mut ids: Vec<String> = sources().iter().flat_map(|(_, t)| reason_ids(t)).collect();
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 100, "only {} reason ids found", ids.len());
    for id in &ids {
        for lang in Lang::ALL {
            assert!(Localizer::get(lang).has(id), "{lang:?} lacks {id}");
        }
    }
    // And no reason in the files that nothing says any more.
    for (id, _) in messages(Localizer::get(Lang::En).source(), "reason-") {
        assert!(
            ids.contains(&id),
            "{id} is in reasons.ftl but no code uses it"
        );
    }
}

/// Every message id the program's code names (with the prefix of a Fluent area) is in both languages.
#[test]
fn every_fluent_id_in_the_code_is_in_both_languages() {
    let mut ids: Vec<String> = sources()
        .iter()
        .flat_map(|(_, t)| {
            ids_with(
                t,
                "reason|error|warning|field|cli|ui|ats|builder|export|match|matching|size",
            )
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 300, "only {} ids found", ids.len());
    let missing: Vec<String> = ids
        .iter()
        .flat_map(|id| {
            Lang::ALL
                .into_iter()
                .filter(|lang| !Localizer::get(*lang).has(id))
                .map(move |lang| format!("{lang:?} lacks {id}"))
        })
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_input_field_named_in_the_code_has_words_in_both_languages() {
    let re = Regex::new(r#"invalid(?:_input)?\(\s*"([a-z_]+)""#).unwrap();
    let mut fields: Vec<String> = sources()
        .iter()
        .flat_map(|(_, t)| {
            re.captures_iter(&code(t))
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    fields.sort();
    fields.dedup();
    assert!(fields.len() > 20, "only {} fields found", fields.len());
    for f in &fields {
        let id = format!("field-{}", f.replace('_', "-"));
        for lang in Lang::ALL {
            assert!(Localizer::get(lang).has(&id), "{lang:?} lacks {id}");
        }
    }
}

#[test]
fn every_arabic_reason_is_arabic() {
    let en = messages(Localizer::get(Lang::En).source(), "reason-");
    let ar = messages(Localizer::get(Lang::Ar).source(), "reason-");
    assert_eq!(en.len(), ar.len());
    let latin = Regex::new(r"[A-Za-z_]+").unwrap();
    let missing = Regex::new(r"\{\s*\$?[a-z_]+\s*\}").unwrap();
    for ((id, en_value), (ar_id, ar_value)) in en.iter().zip(&ar) {
        assert_eq!(id, ar_id);
        assert_ne!(en_value.trim(), ar_value.trim(), "{id} is not translated");
        // Its own words are Arabic: the share of Arabic letters once the names are taken out.
        let own = latin
            .replace_all(&latin_free(ar_value), |m: &regex::Captures| {
                if NAMES.contains(&&m[0]) {
                    String::new()
                } else {
                    m[0].to_string()
                }
            })
            .to_string();
        assert!(crate::text::arabic_ratio(&own) > 0.5, "{id}: {ar_value}");
        // And as shown: after an error's message, in Arabic, no Latin word outside the isolated
        // arguments but the names (a variable this test does not give is shown as `{$name}`).
        let shown = crate::JobGateError::internal(crate::Reason::new(id)).to_response(Lang::Ar);
        let outside = crate::phrase::outside_isolates(&shown.error);
        let outside = missing.replace_all(&outside, "");
        for w in latin.find_iter(&outside) {
            assert!(
                NAMES.contains(&w.as_str()),
                "{id}: {:?} in {:?}",
                w.as_str(),
                shown.error
            );
        }
        for w in latin_words(ar_value) {
            assert!(NAMES.contains(&w.as_str()), "{id}: {w:?} in {ar_value:?}");
        }
    }
}

/// `value` without placeables, for the share of Arabic letters in its own words.
fn latin_free(value: &str) -> String {
    Regex::new(r"\{[^{}\n]*->|\{[^{}]*\}|\*?\[[a-z0-9-]+\]|^\s*\}\s*$")
        .unwrap()
        .replace_all(value, " ")
        .lines()
        .filter(|l| l.trim() != "}")
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sentences of the command line's own, in `text`: string literals of three words or more. clap's
/// `about` (the `--help` text, which clap writes in English) is the one exception.
fn terminal_sentences(text: &str) -> Vec<String> {
    let sentence = Regex::new(r#""[^"\n]*\b[A-Za-z]+ [a-z]+ [a-z]+\b[^"\n]*""#).unwrap();
    code(text)
        .lines()
        .filter(|l| !l.trim_start().starts_with("about ="))
        .flat_map(|l| {
            sentence
                .find_iter(l)
                .map(|m| m.as_str().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_terminal_says_nothing_outside_fluent() {
    let cli = root().join("crates/cli/src");
    let mut bad = Vec::new();
    for (path, text) in sources().iter().filter(|(p, _)| p.starts_with(&cli)) {
        for s in terminal_sentences(text) {
            bad.push(format!("{}: {s}", path.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "sentences outside Fluent:\n{}",
        bad.join("\n")
    );
    let planted = "eprintln!(\"policy: {problem} (the safest settings apply)\");";
    assert_eq!(terminal_sentences(planted).len(), 1);
    assert!(terminal_sentences(r#"say(lang, "cli-profile-locked", &entry.name);"#).is_empty());
}

/// The scan catches each way of building a reason outside Fluent, and lets the right ways through.
#[test]
fn the_scan_finds_planted_violations() {
    let planted = [
        r#"JobGateError::StorageError { reason: "the disk is full".into() }"#,
        "JobGateError::InvalidInput {\n    field: \"cv\".into(),\n    reason: format!(\"there is no CV {cv}\"),\n}",
        r#"Reason::technical(format!("could not start: {e}"))"#,
        r#"Reason::new("reason-x").with_technical("a sentence of ours")"#,
        r#"JobGateError::storage(format!("no profile {p}"))"#,
        r#"JobGateError::invalid_input("cv", "there is no CV")"#,
        r#"Reason::new(&format!("reason-{kind}"))"#,
    ];
    for p in planted {
        assert!(!violations(p).is_empty(), "not caught: {p}");
    }
    let fine = [
        r#"JobGateError::storage(Reason::new("reason-store-no-home"))"#,
        r#"JobGateError::invalid_input("cv", Phrase::new("reason-no-cv").value("id", cv))"#,
        r#"Reason::new("reason-pdf-damaged").with_technical(e)"#,
        "#[cfg(test)]\nmod tests { fn t() { Reason::technical(\"disk\"); } }",
        r#"// reason: "in a comment""#,
    ];
    for f in fine {
        assert!(
            violations(f).is_empty(),
            "wrongly caught: {f}: {:?}",
            violations(f)
        );
    }
    assert_eq!(
        reason_ids(r#"Reason::new("reason-no-cv")"#),
        ["reason-no-cv"]
    );
    assert_eq!(latin_words("لا يوجد { $path } في PDF [one] x"), ["PDF", "x"]);
    assert_eq!(
        latin_words("{ PLURAL($count) ->\n    [one] حرف\n   *[other] { $count } Word\n}"),
        ["Word"]
    );
}
