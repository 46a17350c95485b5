//! `jobgate analyze FILE... [--json] [--out-dir DIR]`: one report, one JSON, or a folder of JSON files
//! written in parallel (failures included as error JSON).

use crate::output;
use crate::person::{PersonArgs, load_policy};
use clap::Args;
use jobgate_core::i18n::Localizer;
use jobgate_core::phrase::strip_bidi;
use jobgate_core::{AnalysisResponse, DocLanguage, JobGateError, Lang, Phrase, Reason, Segment};
use jobgate_engine::llm::AiConfig;
use jobgate_engine::llm::keys::{Keychain, fill_api_key};
use jobgate_engine::store::{ProfileId, Store};
use jobgate_engine::{AnalyzeOptions, Keep, view};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

#[derive(Args)]
pub struct AnalyzeArgs {
    /// PDF or DOCX CVs, or scans and photos of CVs (PNG, JPEG, TIFF; read by OCR with Tesseract).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print the analysis response JSON (DESIGN §2) instead of a report.
    #[arg(long)]
    pub json: bool,
    /// Write DIR/<file name>.json for every input, in parallel.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Improve the rule result with AI (OPENROUTER_API_KEY or the keychain; JOBGATE_OPENROUTER_URL for
    /// another server). Falls back to the rules with an AI_UNAVAILABLE warning.
    #[arg(long, conflicts_with = "no_ai")]
    pub ai: bool,
    /// Never call out to an AI service (the default).
    #[arg(long)]
    pub no_ai: bool,
    /// Do not keep the analyses in the history (JOBGATE_DATA_DIR or the user's data folder).
    #[arg(long)]
    pub no_history: bool,
    /// With --out-dir: replace JSON files that already exist there.
    #[arg(long)]
    pub force: bool,
    /// Language of messages and suggestions (default: the CV's own language).
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(a: AnalyzeArgs, person: &PersonArgs) -> ExitCode {
    let msg_lang = a.lang.unwrap_or_default();
    let history = if a.no_history {
        None
    } else {
        match open_history(person, msg_lang) {
            Ok(h) => h,
            Err(e) => return output::fail(&e, msg_lang, a.json),
        }
    };
    let ai_allowed = a.ai && load_policy().policy.allow_ai;
    if a.ai && !ai_allowed {
        eprintln!(
            "{}",
            Localizer::get(msg_lang).format("cli-ai-off-by-policy", &[] as &[(&str, &str)])
        );
    }
    let profile_name = history
        .as_ref()
        .and_then(|h| h.2.clone())
        .unwrap_or_else(|| jobgate_engine::store::DEFAULT_PROFILE.to_string());
    let opts = AnalyzeOptions {
        lang: a.lang,
        ai: ai_allowed.then(|| ai_config(&profile_name)),
        ..AnalyzeOptions::default()
    };
    let keep = history.as_ref().map(|(store, profile, _)| Keep {
        store,
        profile: *profile,
    });
    let run_one = |file: &Path| -> jobgate_core::error::Result<AnalysisResponse> {
        // "Reading page 2 of 3…" on a terminal while OCR reads a scan (seconds a page).
        let pages = |p: jobgate_engine::bounded::Progress| {
            use std::io::IsTerminal;
            if std::io::stderr().is_terminal() {
                eprintln!(
                    "{}",
                    Localizer::get(msg_lang).format(
                        "cli-ocr-page",
                        &[("page", p.page.to_string()), ("pages", p.pages.to_string())]
                    )
                );
            }
        };
        let imported =
            jobgate_engine::import_file_reporting(file, &opts, keep, &|_, _| {}, &pages)?;
        if let Some(Err(e)) = &imported.recorded {
            eprintln!(
                "{}: {}",
                file.display(),
                Localizer::get(msg_lang).format(
                    "cli-history-not-saved",
                    &[("reason", e.to_response(msg_lang).error.as_str())]
                )
            );
        }
        Ok(imported.analysis)
    };
    if let Some(dir) = &a.out_dir {
        return run_to_dir(&a.files, dir, a.force, &run_one, msg_lang);
    }
    let mut failed = false;
    let mut all = Vec::new();
    for file in &a.files {
        match run_one(file) {
            Ok(r) if a.json => all.push(serde_json::to_value(&r).unwrap_or_default()),
            Ok(r) => print_report(file, &r, a.lang.unwrap_or(Lang::for_document(r.language))),
            Err(e) => {
                failed = true;
                if a.json {
                    all.push(serde_json::to_value(e.to_response(msg_lang)).unwrap_or_default());
                } else {
                    eprintln!("{}:", file.display());
                    output::fail(&e, msg_lang, false);
                }
            }
        }
    }
    if a.json {
        match all.len() {
            1 => output::print_json_pretty(&all[0]),
            _ => output::print_json_pretty(&all),
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The AI server from the environment; the key from `OPENROUTER_API_KEY`, else the profile's in the OS keychain.
fn ai_config(profile: &str) -> AiConfig {
    let mut cfg = AiConfig::from_env();
    if cfg.needs_key()
        && cfg.api_key.trim().is_empty()
        && let Ok(keychain) = Keychain::os()
    {
        fill_api_key(&mut cfg, &keychain, profile);
    }
    cfg
}

/// The current person's history (with their profile's name; none for a guest). A profile that is locked,
/// wrongly unlocked or unknown stops the command; any other storage problem lets the analyses run, unsaved.
#[allow(clippy::type_complexity)]
fn open_history(
    person: &PersonArgs,
    lang: Lang,
) -> Result<Option<(Mutex<Store>, ProfileId, Option<String>)>, JobGateError> {
    match person.open() {
        Ok(o) => Ok(Some((Mutex::new(o.store), o.owner, o.profile))),
        Err(
            e @ (JobGateError::ProfileLocked { .. }
            | JobGateError::WrongPasscode { .. }
            | JobGateError::ProfileNotFound { .. }
            | JobGateError::InvalidInput { .. }),
        ) => Err(e),
        Err(e) => {
            eprintln!(
                "{}",
                Localizer::get(lang).format(
                    "cli-history-not-saved",
                    &[("reason", e.to_response(lang).error.as_str())]
                )
            );
            Ok(None)
        }
    }
}

fn run_to_dir(
    files: &[PathBuf],
    dir: &Path,
    force: bool,
    run_one: &(dyn Fn(&Path) -> jobgate_core::error::Result<AnalysisResponse> + Sync),
    lang: Lang,
) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        let err = JobGateError::storage(
            Reason::from(
                Phrase::new("reason-folder-not-made").cv("path", dir.display().to_string()),
            )
            .with_technical(e),
        );
        return output::fail(&err, lang, false);
    }
    let results: Vec<(PathBuf, bool, Result<(), String>)> = files
        .par_iter()
        .map(|file| {
            let (value, ok) = match run_one(file) {
                Ok(r) => (serde_json::to_vec_pretty(&r), true),
                Err(e) => (serde_json::to_vec_pretty(&e.to_response(lang)), false),
            };
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let target = dir.join(format!("{name}.json"));
            // Never over an existing file without --force, and never half a file (a temporary file is renamed).
            let written = value.map_err(|e| e.to_string()).and_then(|bytes| {
                jobgate_engine::export::write_file(&bytes, &target, force)
                    .map(drop)
                    .map_err(|e| e.to_plain(lang).0)
            });
            (target, ok, written)
        })
        .collect();
    let mut failed = 0;
    for (target, ok, written) in &results {
        if let Err(e) = written {
            eprintln!("{}: {e}", target.display());
            failed += 1;
        } else if !ok {
            failed += 1;
        }
    }
    let none: [(&str, &str); 0] = [];
    eprintln!(
        "{}",
        Localizer::get(lang).format_count(
            "cli-files-analyzed",
            (results.len() - failed) as i64,
            &none
        )
    );
    if failed > 0 {
        eprintln!(
            "{}",
            Localizer::get(lang).format_count("cli-files-failed", failed as i64, &none)
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The human-readable report: score, checklist, what was found, what to fix first. A terminal is not
/// a bidi renderer: no line carries an invisible isolation character ([`jobgate_core::phrase::strip_bidi`]).
fn print_report(file: &Path, r: &AnalysisResponse, lang: Lang) {
    let loc = Localizer::get(lang);
    let say = |id: &str, args: &[(&str, &str)]| strip_bidi(&loc.format(id, args));
    let none: [(&str, &str); 0] = [];
    let say_n = |id: &str, n: usize| strip_bidi(&loc.format_count(id, n as i64, &none));
    let text = |segments: &[Segment]| segments.iter().map(|s| s.text.as_str()).collect::<String>();
    let view = view::analysis_view(r, lang);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let language = match r.language {
        DocLanguage::En => say("cli-language-en", &[("x", "")]),
        DocLanguage::Ar => say("cli-language-ar", &[("x", "")]),
        DocLanguage::Mixed => say("cli-language-mixed", &[("x", "")]),
    };
    let score = format!("{:.1}", view.score);
    println!(
        "{}",
        say(
            "cli-report-title",
            &[
                ("file", name.as_str()),
                ("score", score.as_str()),
                ("language", language.as_str())
            ]
        )
    );
    println!("{}", view.band_label);
    println!();
    println!("{}", say("cli-checklist", &[("x", "")]));
    for c in &view.checks {
        let mark = if c.status == "passed" { "✓" } else { "✗" };
        println!(
            "  {mark} {:>5.1}/{:<4} {}",
            c.points,
            c.max_points,
            text(&c.message)
        );
        if !c.suggestion.is_empty() {
            println!("        → {}", text(&c.suggestion));
        }
    }
    println!();
    println!("{}", say("cli-found", &[("x", "")]));
    let cv = &r.structured_data;
    let pi = &cv.personal_info;
    for (id, value) in [
        ("cli-field-name", &pi.name),
        ("cli-field-email", &pi.email),
        ("cli-field-phone", &pi.phone),
        ("cli-field-location", &pi.location),
    ] {
        let v = if value.is_empty() {
            "—".to_string()
        } else {
            strip_bidi(value)
        };
        println!("  {}: {v}", say(id, &[("x", "")]));
    }
    for (id, n) in [
        ("cli-count-experience", cv.experience.len()),
        ("cli-count-education", cv.education.len()),
        ("cli-count-skills", cv.skills.len()),
        ("cli-count-languages", cv.languages.len()),
        ("cli-count-certifications", cv.certifications.len()),
        ("cli-count-projects", cv.projects.len()),
    ] {
        println!("  {}", say_n(id, n));
    }
    let years = format!("{:.1}", r.features.total_years_experience);
    println!(
        "  {}",
        say("cli-years-experience", &[("years", years.as_str())])
    );
    if !view.suggestions.is_empty() {
        println!();
        println!("{}", say("cli-fix-first", &[("x", "")]));
        for (i, s) in view.suggestions.iter().enumerate() {
            println!("  {}. {}", i + 1, text(s));
        }
    }
    if !view.warnings.is_empty() {
        println!();
        println!("{}", say("cli-warnings", &[("x", "")]));
        for (w, code) in view.warnings.iter().zip(&r.warnings) {
            println!("  ! {} [{}]", text(w), code.code);
        }
    }
}
