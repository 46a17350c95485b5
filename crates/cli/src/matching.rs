//! `jobgate match --job JD_FILE CV_FILE... [--json] [--csv FILE] [--lang en|ar]`: analyses the CVs in
//! parallel on every core (progress on stderr), ranks them against the job, prints a table or the JSON
//! `{"job", "ranking", "failed"}`, and can write the ranking as CSV (UTF-8 with a BOM so spreadsheet
//! programs show Arabic). CVs that cannot be analysed are listed with their error JSON, never dropped;
//! the exit code is 1 when any failed.

use crate::output;
use clap::Args;
use jobgate_core::i18n::Localizer;
use jobgate_core::{AnalysisResponse, ErrorResponse, JobGateError, Lang};
use jobgate_engine::AnalyzeOptions;
use jobgate_matching::{Candidate, JobSpec, MatchResult};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A CV that could not be analysed: its file and the error JSON.
#[derive(Serialize)]
struct Failed {
    file: String,
    #[serde(flatten)]
    error: ErrorResponse,
}

#[derive(Serialize)]
struct Ranked<'a> {
    rank: usize,
    #[serde(flatten)]
    result: &'a MatchResult,
}

#[derive(Serialize)]
struct Report<'a> {
    job: &'a JobSpec,
    ranking: Vec<Ranked<'a>>,
    failed: &'a [Failed],
}

pub fn run(a: MatchArgs) -> ExitCode {
    let job = match jobgate_matching::load_job(&a.job) {
        Ok(j) => j,
        Err(e) => return output::fail(&e, a.lang.unwrap_or_default(), a.json),
    };
    let lang = a.lang.unwrap_or(Lang::for_document(job.language));
    let (candidates, failed) = analyse_all(&a.cvs, lang);
    let ranking = jobgate_matching::rank_in(&job, &candidates, lang);

    if let Some(path) = &a.csv
        && let Err(e) = write_csv(path, &job, &ranking, lang)
    {
        let err = JobGateError::ExportFailed {
            reason: format!("{}: {e}", path.display()),
        };
        return output::fail(&err, lang, a.json);
    }
    if a.json {
        output::print_json_pretty(&Report {
            job: &job,
            ranking: ranking
                .iter()
                .enumerate()
                .map(|(i, result)| Ranked {
                    rank: i + 1,
                    result,
                })
                .collect(),
            failed: &failed,
        });
    } else {
        print_table(&job, &ranking, &failed, lang);
    }
    if let Some(path) = &a.csv {
        let loc = Localizer::get(lang);
        eprintln!(
            "{}",
            loc.format("match-csv-written", &[("path", path.display().to_string())])
        );
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Analyses every CV on all cores, with a progress line on stderr; failures kept with their error.
fn analyse_all(files: &[PathBuf], lang: Lang) -> (Vec<Candidate>, Vec<Failed>) {
    let opts = AnalyzeOptions {
        lang: Some(lang),
        ..AnalyzeOptions::default()
    };
    let total = files.len();
    let done = AtomicUsize::new(0);
    let step = (total / 50).max(1);
    let loc = Localizer::get(lang);
    let results: Vec<(String, Result<AnalysisResponse, JobGateError>)> = files
        .par_iter()
        .map(|path| {
            let r = jobgate_engine::analyze_file(path, &opts);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_multiple_of(step) || n == total {
                let line =
                    loc.format_count("match-progress", total as i64, &[("done", n.to_string())]);
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r{line}");
                let _ = err.flush();
            }
            (path.display().to_string(), r)
        })
        .collect();
    eprintln!();
    let mut candidates = Vec::new();
    let mut failed = Vec::new();
    for (file, r) in results {
        match r {
            Ok(analysis) => candidates.push(Candidate { file, analysis }),
            Err(e) => failed.push(Failed {
                file,
                error: e.to_response(lang),
            }),
        }
    }
    (candidates, failed)
}

fn print_table(job: &JobSpec, ranking: &[MatchResult], failed: &[Failed], lang: Lang) {
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    let title = if job.title.is_empty() {
        loc.format("match-job-untitled", &none)
    } else {
        job.title.clone()
    };
    println!("{}", loc.format("match-job", &[("title", title)]));
    if !job.required_skills.is_empty() {
        println!(
            "  {}",
            loc.format(
                "match-job-required",
                &[("skills", job.skill_labels(&job.required_skills, lang))]
            )
        );
    }
    if !job.preferred_skills.is_empty() {
        println!(
            "  {}",
            loc.format(
                "match-job-preferred",
                &[("skills", job.skill_labels(&job.preferred_skills, lang))]
            )
        );
    }
    if let Some(y) = job.min_years {
        println!(
            "  {}",
            loc.format_count(
                "match-job-years",
                y.ceil() as i64,
                &[("years", y.to_string())]
            )
        );
    }
    if let Some(level) = job.education {
        println!(
            "  {}",
            loc.format(
                "match-job-education",
                &[("level", loc.format(level.message_id(), &none))]
            )
        );
    }
    if !job.languages.is_empty() {
        println!(
            "  {}",
            loc.format(
                "match-job-languages",
                &[("languages", job.languages.join(", "))]
            )
        );
    }
    println!();
    println!(
        "{:>4}  {:>5}  {}",
        "#",
        loc.format("match-col-score", &none),
        loc.format("match-col-file", &none)
    );
    for (i, r) in ranking.iter().enumerate() {
        let name = if r.name.is_empty() {
            String::new()
        } else {
            format!("  ({})", r.name)
        };
        println!("{:>4}  {:>5.1}  {}{name}", i + 1, r.score, r.file);
        for c in &r.components {
            println!("{:>13.1}/{:<4} {}", c.points, c.max_points, c.reason);
        }
    }
    println!();
    println!(
        "{}",
        loc.format_count("match-ranked", ranking.len() as i64, &none)
    );
    if !failed.is_empty() {
        println!(
            "{}",
            loc.format_count("match-failed", failed.len() as i64, &none)
        );
        for f in failed {
            println!("  {}: {} [{}]", f.file, f.error.error, f.error.error_code);
            println!("    → {}", f.error.suggested_action);
        }
    }
}

/// Writes the ranking as CSV: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
fn write_csv(
    path: &Path,
    job: &JobSpec,
    ranking: &[MatchResult],
    lang: Lang,
) -> std::io::Result<()> {
    std::fs::write(path, csv_text(job, ranking, lang))
}

/// Skills are named as in the reasons ([`JobSpec::skill_label`]).
fn csv_text(job: &JobSpec, ranking: &[MatchResult], lang: Lang) -> String {
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = [
        "match-col-rank",
        "match-col-file",
        "match-col-name",
        "match-col-score",
        "match-col-matched",
        "match-col-missing",
        "match-col-preferred",
        "match-col-years",
        "match-col-education",
        "match-col-languages",
        "match-col-title",
        "match-col-ats",
        "match-col-reasons",
    ]
    .iter()
    .map(|id| loc.format(id, &none))
    .collect();
    push_row(&mut out, &header);
    for (i, r) in ranking.iter().enumerate() {
        let row = vec![
            (i + 1).to_string(),
            r.file.clone(),
            r.name.clone(),
            format!("{:.1}", r.score),
            job.skill_labels(&r.matched_skills, lang),
            job.skill_labels(&r.missing_skills, lang),
            job.skill_labels(&r.preferred_matched, lang),
            format!("{:.1}", r.years_experience),
            r.education
                .map(|l| loc.format(l.message_id(), &none))
                .unwrap_or_default(),
            r.languages_missing.join(", "),
            r.best_title.clone(),
            format!("{:.1}", r.ats_score),
            r.reasons.join(" | "),
        ];
        push_row(&mut out, &row);
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// One CSV field: quoted when it holds a comma, quote or line break (quotes doubled); text that a
/// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
fn csv_cell(s: &str) -> String {
    let numeric = s.parse::<f64>().is_ok();
    let mut v = if !numeric && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        v = format!("\"{}\"", v.replace('"', "\"\""));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-3.5"), "-3.5");
        assert_eq!(csv_cell("مهندس، برمجيات"), "مهندس، برمجيات");
    }

    #[test]
    fn csv_has_a_bom_a_localized_header_and_one_row_per_cv() {
        let job = jobgate_matching::parse_job("محاسب\nالمتطلبات\n- اكسل، SAP");
        let cv = AnalysisResponse {
            structured_data: jobgate_core::Cv {
                skills: vec!["Excel".into()],
                personal_info: jobgate_core::PersonalInfo {
                    name: "Nora, \"N\"".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            ..AnalysisResponse::default()
        };
        let ranking = jobgate_matching::rank_in(
            &job,
            &[Candidate {
                file: "cv one.pdf".into(),
                analysis: cv,
            }],
            Lang::Ar,
        );
        let text = csv_text(&job, &ranking, Lang::Ar);
        assert!(text.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].contains("الدرجة"), "{}", lines[0]);
        assert!(lines[1].contains("\"Nora, \"\"N\"\"\""), "{}", lines[1]);
        assert!(
            lines[1].contains("SAP"),
            "missing skill listed: {}",
            lines[1]
        );
    }
}
