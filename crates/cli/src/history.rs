//! `jobgate history [--json]` and `jobgate versions CV [--json]`: what is stored in the data folder
//! (`JOBGATE_DATA_DIR` or the OS default) for the current profile (`--profile`, `--guest`).

use crate::output;
use crate::person::PersonArgs;
use clap::Args;
use jobgate_core::i18n::Localizer;
use jobgate_core::{JobGateError, Lang, Phrase};
use jobgate_store::CvId;
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

pub fn run(a: HistoryArgs, person: &PersonArgs) -> ExitCode {
    let lang = Lang::En;
    let history = person.open().and_then(|o| o.store.history(o.owner));
    let h = match history {
        Ok(h) => h,
        Err(e) => return output::fail(&e, lang, a.json),
    };
    if a.json {
        output::print_json_pretty(&h);
        return ExitCode::SUCCESS;
    }
    let loc = Localizer::get(lang);
    let none: [(&str, &str); 0] = [];
    if h.cvs.is_empty() && h.analyses.is_empty() && h.sessions.is_empty() && h.exports.is_empty() {
        println!("{}", loc.format("builder-history-empty", &none));
        return ExitCode::SUCCESS;
    }
    println!("{}", loc.format("builder-history-cvs", &none));
    for c in &h.cvs {
        println!(
            "  {:>4}  {}  ({}, {})  {}",
            c.id,
            c.title,
            loc.format_count("builder-version-count", c.versions, &none),
            c.latest_source.as_str(),
            c.created_at
        );
    }
    println!("{}", loc.format("builder-history-analyses", &none));
    for a in &h.analyses {
        println!(
            "  {:>4}  {}  {:.1}/100  cv {}  {}",
            a.id,
            a.file_name,
            a.ats_score,
            a.cv_id.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
            a.created_at
        );
    }
    println!("{}", loc.format("builder-history-sessions", &none));
    for s in &h.sessions {
        println!(
            "  {}  {}  {}  {} turns  {}",
            s.id, s.lang, s.current_state, s.turns, s.updated_at
        );
    }
    println!("{}", loc.format("builder-history-exports", &none));
    for e in &h.exports {
        println!(
            "  {:>4}  {}  {}  {}  {}",
            e.id, e.format, e.template, e.path, e.created_at
        );
    }
    ExitCode::SUCCESS
}

pub fn run_versions(a: VersionsArgs, person: &PersonArgs) -> ExitCode {
    let lang = Lang::En;
    let Ok(id) = a.cv.trim().parse::<i64>() else {
        let err =
            JobGateError::invalid_input("cv", Phrase::new("reason-not-a-cv-id").cv("given", &a.cv));
        return output::fail(&err, lang, a.json);
    };
    let versions = person.open().and_then(|o| o.store.versions(CvId(id)));
    let versions = match versions {
        Ok(v) => v,
        Err(e) => return output::fail(&e, lang, a.json),
    };
    if a.json {
        output::print_json_pretty(&serde_json::json!({ "cv_id": id, "versions": versions }));
        return ExitCode::SUCCESS;
    }
    let loc = Localizer::get(lang);
    println!(
        "{}",
        loc.format("builder-versions-title", &[("id", id.to_string())])
    );
    for v in &versions {
        let p = &v.structured_data.personal_info;
        println!(
            "  v{}  id {}  {}  {}  {}",
            v.number,
            v.id,
            v.source.as_str(),
            v.created_at,
            [p.name.as_str(), p.headline.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" — ")
        );
    }
    ExitCode::SUCCESS
}
