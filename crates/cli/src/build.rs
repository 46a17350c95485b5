//! `jobgate build`: the builder in a terminal (being written: issue 4).

use crate::output;
use clap::Args;
use jobgate_core::{JobGateError, Lang};
use std::process::ExitCode;

#[derive(Args)]
pub struct BuildArgs {
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
    /// Resume this session.
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: BuildArgs) -> ExitCode {
    let err = JobGateError::Internal {
        reason: "the builder is not available in this build yet".into(),
    };
    output::fail(&err, a.lang.unwrap_or_default(), a.json)
}
