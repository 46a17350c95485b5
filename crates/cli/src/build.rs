//! `jobgate build [--lang en|ar] [--session ID] [--improve FILE] [--json]`: the builder in a terminal.
//! One answer per line on stdin; after each, the builder response (with `--json` one JSON object per
//! line, flushed). Every turn is committed before its response is printed, so the session survives
//! the process being killed and `--session ID` resumes it.

use crate::output;
use crate::person::PersonArgs;
use clap::Args;
use jobgate_builder::Session;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, BuilderResponse, Cv, JobGateError, Lang, Reason};
use jobgate_engine::AnalyzeOptions;
use jobgate_store::{ProfileId, Store};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct BuildArgs {
    /// The language the builder talks in; a new session's CV is written in it too (with --session,
    /// only the conversation changes language, the CV keeps its own).
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
    /// Resume this session.
    #[arg(long)]
    pub session: Option<String>,
    /// "Improve my CV": start from this CV (PDF/DOCX, an analysis response JSON or a structured_data
    /// JSON) and ask only for what is missing or weak.
    #[arg(long, conflicts_with = "session")]
    pub improve: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: BuildArgs, person: &PersonArgs) -> ExitCode {
    let lang = a.lang.unwrap_or_default();
    match session_loop(&a, lang, person) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => output::fail(&e, lang, a.json),
    }
}

fn session_loop(a: &BuildArgs, lang: Lang, person: &PersonArgs) -> Result<(), JobGateError> {
    let opened = person.open()?;
    let (mut store, profile) = (opened.store, opened.owner);
    let (mut session, first) = match (&a.session, &a.improve) {
        // `--lang` on a resumed session changes the language it talks in, not the CV's.
        (Some(id), _) => match a.lang {
            Some(reader) => Session::resume_in(&store, id, reader)?,
            None => Session::resume(&store, id)?,
        },
        (None, Some(file)) => start_improve(&mut store, profile, file, a.lang)?,
        (None, None) => Session::start(&mut store, profile, lang)?,
    };
    let lang = session.builder().reader();
    if !a.json {
        println!(
            "{}",
            Localizer::get(lang).format("builder-session-id", &[("id", session.id())])
        );
    }
    show(&first, lang, a.json);
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| {
            JobGateError::invalid_input(
                "stdin",
                Reason::new("reason-input-unreadable").with_technical(e),
            )
        })?;
        let response = session.answer(&mut store, &line)?;
        show(&response, lang, a.json);
    }
    Ok(())
}

/// Reads the CV to improve: an analysis response or structured_data JSON, or a PDF/DOCX analysed
/// (and stored in the history) first.
fn start_improve(
    store: &mut Store,
    profile: ProfileId,
    file: &Path,
    lang: Option<Lang>,
) -> Result<(Session, BuilderResponse), JobGateError> {
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let text = std::fs::read_to_string(file).map_err(|_| JobGateError::FileNotFound {
            path: file.display().to_string(),
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            JobGateError::invalid_input(
                file.display().to_string(),
                Reason::new("reason-input-not-json").with_technical(e),
            )
        })?;
        let (cv, checks, doc_lang) = if value.get("structured_data").is_some() {
            let r: AnalysisResponse = serde_json::from_value(value).map_err(|e| {
                JobGateError::invalid_input(
                    file.display().to_string(),
                    Reason::new("reason-input-not-a-cv").with_technical(e),
                )
            })?;
            (
                r.structured_data,
                r.ats_checks,
                Lang::for_document(r.language),
            )
        } else {
            let cv: Cv = serde_json::from_value(value).map_err(|e| {
                JobGateError::invalid_input(
                    file.display().to_string(),
                    Reason::new("reason-input-not-a-cv").with_technical(e),
                )
            })?;
            (cv, Vec::new(), Lang::En)
        };
        let (cv_id, _) = store.create_cv(profile, jobgate_store::VersionSource::Import, &cv)?;
        return Session::improve(
            store,
            profile,
            Some(cv_id),
            cv,
            &checks,
            lang.unwrap_or(doc_lang),
        );
    }
    let opts = AnalyzeOptions {
        lang,
        ..AnalyzeOptions::default()
    };
    let bytes = jobgate_engine::extract::read_file(file)?;
    let r = jobgate_engine::analyze_bytes(&bytes, &opts)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let rec = store.record_analysis(profile, &name, &jobgate_store::sha256_hex(&bytes), &r)?;
    let lang = lang.unwrap_or(Lang::for_document(r.language));
    Session::improve(
        store,
        profile,
        Some(rec.cv_id),
        r.structured_data,
        &r.ats_checks,
        lang,
    )
}

fn show(r: &BuilderResponse, lang: Lang, json: bool) {
    if json {
        output::print_json(r);
        return;
    }
    let loc = Localizer::get(lang);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "\n{}", r.message);
    for s in &r.suggestions {
        let _ = writeln!(out, "  • {s}");
    }
    let none: [(&str, &str); 0] = [];
    let _ = writeln!(
        out,
        "[{} · {}]",
        loc.format_count("builder-progress", r.progress as i64, &none),
        loc.format_count(
            "builder-minutes-left",
            r.estimated_minutes_left as i64,
            &none
        )
    );
    let _ = write!(out, "> ");
    let _ = out.flush();
}
