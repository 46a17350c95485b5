//! `jobgate export` and `jobgate templates` (DESIGN §8): read a CV (structured_data JSON, analysis
//! response JSON, JSON Resume, or a PDF/DOCX to analyse first), render it with `jobgate_export` (or as JSON
//! Resume with `--format json`), write it safely.

use crate::output;
use clap::Args;
use jobgate_core::error::Result;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, Cv, DocLanguage, JobGateError, Lang, Reason};
use jobgate_export::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ExportArgs {
    /// A structured_data JSON, an analysis response JSON, a JSON Resume, or a PDF/DOCX CV.
    pub input: PathBuf,
    /// docx, pdf, txt, or json (JSON Resume, for other CV tools).
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

/// What `--json` prints after a successful export.
#[derive(serde::Serialize)]
struct Exported {
    success: bool,
    path: String,
    format: &'static str,
    template: String,
    language: Lang,
    bytes: usize,
}

pub fn run(a: ExportArgs) -> ExitCode {
    let lang_for_errors = a.lang.unwrap_or_default();
    match export(&a) {
        Ok(done) => {
            if a.json {
                output::print_json_pretty(&done);
            } else {
                println!(
                    "{}",
                    Localizer::get(done.language).format("export-written", &[("path", &done.path)])
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => output::fail(&e, lang_for_errors, a.json),
    }
}

fn export(a: &ExportArgs) -> Result<Exported> {
    if matches!(
        a.format.trim().to_ascii_lowercase().as_str(),
        "json" | "jsonresume" | "json-resume"
    ) {
        return export_json_resume(a);
    }
    let format = Format::parse(&a.format)?;
    let template = jobgate_export::template::load(&a.template)?;
    let (cv, detected) = read_cv(&a.input)?;
    let lang = a
        .lang
        .or(detected)
        .unwrap_or_else(|| jobgate_export::language_of(&cv));
    let bytes = jobgate_export::render_with(&cv, format, &template, lang)?;
    let path = match &a.out {
        Some(p) => p.clone(),
        None => PathBuf::from(jobgate_export::default_file_name(&cv, format)),
    };
    let written = jobgate_export::write_file(&bytes, &path, a.force)?;
    Ok(Exported {
        success: true,
        path: written.display().to_string(),
        format: format.extension(),
        template: template.name,
        language: lang,
        bytes: bytes.len(),
    })
}

/// The CV as a JSON Resume document (no template: other tools typeset it).
fn export_json_resume(a: &ExportArgs) -> Result<Exported> {
    let (cv, detected) = read_cv(&a.input)?;
    let lang = a
        .lang
        .or(detected)
        .unwrap_or_else(|| jobgate_export::language_of(&cv));
    let doc = jobgate_core::jsonresume::to_json_resume(&cv);
    let bytes = serde_json::to_vec_pretty(&doc)
        .map_err(|e| JobGateError::export_failed(Reason::technical(e)))?;
    let path = match &a.out {
        Some(p) => p.clone(),
        None => PathBuf::from(jobgate_export::default_file_name(&cv, Format::Txt))
            .with_extension("json"),
    };
    let written = jobgate_export::write_file(&bytes, &path, a.force)?;
    Ok(Exported {
        success: true,
        path: written.display().to_string(),
        format: "json",
        template: "json-resume".into(),
        language: lang,
        bytes: bytes.len(),
    })
}

/// The CV in `path`, and its language when the input says it (an analysis response).
fn read_cv(path: &Path) -> Result<(Cv, Option<Lang>)> {
    let bytes = jobgate_engine::extract::read_file(path)?;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') {
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            JobGateError::invalid_input(
                "input",
                Reason::new("reason-input-not-json").with_technical(e),
            )
        })?;
        let bad = |e: serde_json::Error| {
            JobGateError::invalid_input(
                "input",
                Reason::new("reason-input-not-a-cv").with_technical(e),
            )
        };
        if value.get("structured_data").is_some() {
            let r: AnalysisResponse = serde_json::from_value(value).map_err(bad)?;
            let lang = match r.language {
                DocLanguage::Ar => Some(Lang::Ar),
                DocLanguage::En => Some(Lang::En),
                DocLanguage::Mixed => None,
            };
            return Ok((r.structured_data, lang));
        }
        if jobgate_core::jsonresume::is_json_resume(&value) {
            return Ok((jobgate_core::jsonresume::from_json_resume(&value), None));
        }
        let cv: Cv = serde_json::from_value(value).map_err(bad)?;
        if cv.is_empty() {
            return Err(JobGateError::invalid_input(
                "input",
                Reason::new("reason-input-no-cv-fields"),
            ));
        }
        return Ok((cv, None));
    }
    let r = jobgate_engine::analyze_bytes(&bytes, &jobgate_engine::AnalyzeOptions::default())?;
    let lang = (r.language == DocLanguage::Ar).then_some(Lang::Ar);
    Ok((r.structured_data, lang))
}

pub fn run_templates(a: TemplatesArgs) -> ExitCode {
    let list = jobgate_export::templates();
    if a.json {
        output::print_json_pretty(&list);
    } else {
        let width = list.iter().map(|t| t.name.len()).max().unwrap_or(0);
        for t in &list {
            println!("{:<width$}  {}", t.name, t.description(Lang::En));
        }
    }
    ExitCode::SUCCESS
}
