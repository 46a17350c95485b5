//! `jobgate match` (being written: issue 7).

use crate::output;
use clap::Args;
use jobgate_core::{JobGateError, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct MatchArgs {
    /// The job description (.txt, .pdf or .docx).
    #[arg(long)]
    pub job: PathBuf,
    /// The CVs to rank.
    #[arg(required = true)]
    pub cvs: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
    /// Also write the ranking as CSV.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(a: MatchArgs) -> ExitCode {
    let err = JobGateError::Internal {
        reason: "matching is not available in this build yet".into(),
    };
    output::fail(&err, a.lang.unwrap_or_default(), a.json)
}
