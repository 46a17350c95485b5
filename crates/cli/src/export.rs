//! `jobgate export` and `jobgate templates` (being written: issue 3).

use crate::output;
use clap::Args;
use jobgate_core::{JobGateError, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExportArgs {
    /// A structured_data JSON, an analysis response JSON, or a PDF/DOCX CV.
    pub input: PathBuf,
    #[arg(long, default_value = "docx")]
    pub format: String,
    #[arg(long, default_value = "classic")]
    pub template: String,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct TemplatesArgs {
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: ExportArgs) -> ExitCode {
    let err = JobGateError::ExportFailed {
        reason: "export is not available in this build yet".into(),
    };
    output::fail(&err, a.lang.unwrap_or_default(), a.json)
}

pub fn run_templates(a: TemplatesArgs) -> ExitCode {
    let err = JobGateError::ExportFailed {
        reason: "templates are not available in this build yet".into(),
    };
    output::fail(&err, Lang::En, a.json)
}
