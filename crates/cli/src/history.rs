//! `jobgate history` and `jobgate versions` (being written: issue 4).

use crate::output;
use clap::Args;
use jobgate_core::{JobGateError, Lang};
use std::process::ExitCode;

#[derive(Args)]
pub struct HistoryArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct VersionsArgs {
    /// The CV id.
    pub cv: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: HistoryArgs) -> ExitCode {
    let err = JobGateError::StorageError {
        reason: "history is not available in this build yet".into(),
    };
    output::fail(&err, Lang::En, a.json)
}

pub fn run_versions(a: VersionsArgs) -> ExitCode {
    let err = JobGateError::StorageError {
        reason: "versions are not available in this build yet".into(),
    };
    output::fail(&err, Lang::En, a.json)
}
