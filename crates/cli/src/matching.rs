//! `jobgate match --job JD_FILE CV_FILE... [--json] [--csv FILE] [--lang en|ar]`: analyses the CVs in
//! parallel on every core (progress on stderr), ranks them against the job, prints a table or the JSON
//! `{"job", "ranking", "failed"}`, and can write the ranking as CSV (UTF-8 with a BOM so spreadsheet
//! programs show Arabic). CVs that cannot be analysed are listed with their error JSON, never dropped;
//! the exit code is 1 when any failed. The batch itself is the engine's [`screening`] flow, shared
//! with the app's Match screen; this module only reads arguments and prints.

use crate::output;
use clap::Args;
use jobgate_core::Lang;
use jobgate_core::i18n::Localizer;
use jobgate_core::phrase::strip_bidi;
use jobgate_engine::AnalyzeOptions;
use jobgate_engine::screening::{self, Screening};
use jobgate_engine::view;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct MatchArgs {
    /// The job description (.txt, .pdf or .docx, or a scan or photo of it: .png, .jpg, .tif).
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
    /// Replace a CSV file that already exists.
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_parser = output::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(a: MatchArgs) -> ExitCode {
    let job = match screening::load_job(&a.job) {
        Ok(j) => j,
        Err(e) => return output::fail(&e, a.lang.unwrap_or_default(), a.json),
    };
    let lang = a.lang.unwrap_or(Lang::for_document(job.language));
    let opts = AnalyzeOptions {
        lang: Some(lang),
        ..AnalyzeOptions::default()
    };
    let (candidates, failed) = screening::analyse_files(&a.cvs, &opts, &progress_line(lang));
    eprintln!();
    let s = Screening::rank(job, &candidates, failed, lang);

    if let Some(path) = &a.csv
        && let Err(e) = jobgate_engine::export::write_file(s.csv().as_bytes(), path, a.force)
    {
        return output::fail(&e, lang, a.json);
    }
    if a.json {
        output::print_json_pretty(&s.report());
    } else {
        print_table(&s);
    }
    if let Some(path) = &a.csv {
        let loc = Localizer::get(lang);
        eprintln!(
            "{}",
            loc.format("match-csv-written", &[("path", path.display().to_string())])
        );
    }
    if s.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The progress line on stderr, rewritten in place about 50 times per batch.
fn progress_line(lang: Lang) -> impl Fn(usize, usize) + Sync {
    let loc = Localizer::get(lang);
    move |done, total| {
        let step = (total / 50).max(1);
        if done.is_multiple_of(step) || done == total {
            let line = loc.format_count(
                "match-progress",
                total as i64,
                &[("done", done.to_string())],
            );
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{line}");
            let _ = err.flush();
        }
    }
}

/// The table: the rows are the engine's Match view ([`view::match_view`]), as on the Match screen. A
/// terminal is not a bidi renderer: no line carries an invisible isolation character.
fn print_table(s: &Screening) {
    let (job, lang) = (&s.job, s.lang);
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    let say = |id: &str, args: &[(&str, String)]| strip_bidi(&loc.format(id, args));
    let title = if job.title.is_empty() {
        say("match-job-untitled", &[])
    } else {
        job.title.clone()
    };
    println!("{}", say("match-job", &[("title", title)]));
    if !job.required_skills.is_empty() {
        println!(
            "  {}",
            say(
                "match-job-required",
                &[("skills", job.skill_labels(&job.required_skills, lang))]
            )
        );
    }
    if !job.preferred_skills.is_empty() {
        println!(
            "  {}",
            say(
                "match-job-preferred",
                &[("skills", job.skill_labels(&job.preferred_skills, lang))]
            )
        );
    }
    if let Some(y) = job.min_years {
        println!(
            "  {}",
            strip_bidi(&loc.format_count(
                "match-job-years",
                y.ceil() as i64,
                &[("years", y.to_string())]
            ))
        );
    }
    if let Some(level) = job.education {
        println!(
            "  {}",
            say(
                "match-job-education",
                &[("level", loc.format(level.message_id(), &none))]
            )
        );
    }
    if !job.languages.is_empty() {
        println!(
            "  {}",
            say(
                "match-job-languages",
                &[("languages", job.languages.join(", "))]
            )
        );
    }
    println!();
    println!(
        "{:>4}  {:>5}  {}",
        "#",
        say("match-col-score", &[]),
        say("match-col-file", &[])
    );
    let view = view::match_view(s, &HashMap::new());
    for r in &view.ranking {
        let name = if r.name.is_empty() {
            String::new()
        } else {
            format!("  ({})", strip_bidi(&r.name))
        };
        println!(
            "{:>4}  {:>5.1}  {}{name}  · {}",
            r.rank, r.score, r.file, r.band_label
        );
        for c in &r.components {
            println!(
                "{:>13.1}/{:<4} {}",
                c.points,
                c.max_points,
                strip_bidi(&c.reason)
            );
        }
    }
    println!();
    println!(
        "{}",
        strip_bidi(&loc.format_count("match-ranked", view.ranking.len() as i64, &none))
    );
    if !view.failed.is_empty() {
        println!(
            "{}",
            strip_bidi(&loc.format_count("match-failed", view.failed.len() as i64, &none))
        );
        for f in &view.failed {
            println!(
                "  {}: {} [{}]",
                f.file,
                strip_bidi(&f.error.error),
                f.error.error_code
            );
            println!("    → {}", strip_bidi(&f.error.suggested_action));
        }
    }
}
