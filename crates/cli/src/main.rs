//! `jobgate`: the Job Gate engine from a terminal (DESIGN §8). Each subcommand is one module;
//! all of them print the contract JSON with `--json` and the error JSON on failure (exit 1).

mod analyze;
mod build;
mod export;
mod history;
mod matching;
mod output;
mod person;
mod profile;
mod sync;

use clap::{Parser, Subcommand};
use jobgate_engine::bounded;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "jobgate",
    version,
    about = "Job Gate: analyse, build, export and match CVs, offline, in English and Arabic."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    #[command(flatten)]
    person: person::PersonArgs,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse PDF/DOCX CVs (and scans: PNG/JPEG/TIFF): structured data, ATS score with checklist, suggestions.
    Analyze(analyze::AnalyzeArgs),
    /// Export a CV (JSON, or a PDF/DOCX to re-typeset) to DOCX, PDF or plain text.
    Export(export::ExportArgs),
    /// List the export templates.
    Templates(export::TemplatesArgs),
    /// Build a CV step by step, one answer per line on stdin.
    Build(build::BuildArgs),
    /// List stored analyses, builder sessions and exports.
    History(history::HistoryArgs),
    /// List the versions of one stored CV.
    Versions(history::VersionsArgs),
    /// Rank CVs against a job description, with reasons.
    Match(matching::MatchArgs),
    /// The people on this machine: list, create, lock, unlock, wipe, export, import.
    Profile(profile::ProfileArgs),
    /// Send this profile's changes to the organisation's server and fetch those of its other machines.
    Sync(sync::SyncArgs),
}

fn main() -> ExitCode {
    // `jobgate --jobgate-worker`: this process is a bounded reader of untrusted files for another one.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == bounded::WORKER_FLAG)
    {
        return bounded::serve();
    }
    // Every CV or job file is read in worker processes (this same executable) under a deadline and
    // memory and stack limits; without them (no path to ourselves) files are read in this process.
    if let Ok(cmd) = bounded::WorkerCommand::current_exe() {
        bounded::install(bounded::Pool::new(cmd, bounded::Limits::from_env()));
    }
    let cli = Cli::parse();
    let person = cli.person;
    match cli.cmd {
        Cmd::Analyze(a) => analyze::run(a, &person),
        Cmd::Export(a) => export::run(a),
        Cmd::Templates(a) => export::run_templates(a),
        Cmd::Build(a) => build::run(a, &person),
        Cmd::History(a) => history::run(a, &person),
        Cmd::Versions(a) => history::run_versions(a, &person),
        Cmd::Match(a) => matching::run(a),
        Cmd::Profile(a) => profile::run(a),
        Cmd::Sync(a) => sync::run(a, &person),
    }
}
