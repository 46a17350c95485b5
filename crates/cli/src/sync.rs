//! `jobgate sync [--status] [--json]` (DESIGN §8): sends the current person's changes to the organisation's
//! server (`JOBGATE_SYNC_URL`, `JOBGATE_SYNC_KEY`), then pulls what their other machines sent. Exit 0 when
//! nothing is left to send; exit 1 with the error JSON (`SYNC_FAILED`, `details.pending`) when the server
//! could not be reached or failed — nothing local is touched then.

use crate::output;
use crate::person::{PersonArgs, load_policy};
use clap::Args;
use jobgate_core::i18n::Localizer;
use jobgate_core::{JobGateError, Lang, Reason};
use jobgate_engine::sync::{SyncTarget, sync_now};
use std::process::ExitCode;

#[derive(Args)]
pub struct SyncArgs {
    /// Show what waits to be sent, the last sync and the last error, without contacting the server.
    #[arg(long)]
    pub status: bool,
    #[arg(long)]
    pub json: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

pub fn run(a: SyncArgs, person: &PersonArgs) -> ExitCode {
    let lang = Lang::En;
    let loc = Localizer::get(lang);
    if !load_policy().policy.allow_sync {
        let e = JobGateError::sync_failed(Reason::new("reason-policy-sync-off"));
        return output::fail(&e, lang, a.json);
    }
    let mut opened = match person.open() {
        Ok(o) if o.is_guest() => {
            let e = JobGateError::invalid_input("profile", Reason::new("reason-sync-guest-cli"));
            return output::fail(&e, lang, a.json);
        }
        Ok(o) => o,
        Err(e) => return output::fail(&e, lang, a.json),
    };
    let store = &mut opened.store;
    if a.status {
        let mut status = match store.sync_status() {
            Ok(s) => s,
            Err(e) => return output::fail(&e, lang, a.json),
        };
        // The last error is kept as data; said here in the reader's language.
        status.last_error = status
            .last_error
            .map(|kept| JobGateError::from_kept(&kept).map_or(kept, |e| e.to_plain(lang).0));
        if a.json {
            output::print_json_pretty(&status);
        } else {
            let n = |v: i64| v.to_string();
            println!(
                "{}",
                loc.format(
                    "cli-sync-status",
                    &[
                        ("pending", n(status.pending).as_str()),
                        ("rejected", n(status.rejected).as_str()),
                        ("last", status.last_sync_at.as_deref().unwrap_or("—")),
                    ]
                )
            );
            if let Some(e) = &status.last_error {
                println!(
                    "{}",
                    loc.format("cli-sync-last-error", &[("error", e.as_str())])
                );
            }
        }
        return if status.pending == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    let (Some(url), Some(key)) = (env("JOBGATE_SYNC_URL"), env("JOBGATE_SYNC_KEY")) else {
        let e = JobGateError::invalid_input("sync", Reason::new("reason-sync-env-missing"));
        return output::fail(&e, lang, a.json);
    };
    // Someone is waiting at the terminal: give up after a few tries (about 4 s when the server is down); the
    // app's background sync keeps the longer defaults.
    let mut target = SyncTarget::new(&url, &key);
    target.options.max_failures = 4;
    target.options.deadline = std::time::Duration::from_secs(30);
    match sync_now(store, &target) {
        Ok(report) => {
            if a.json {
                output::print_json_pretty(&report);
            } else {
                let n = |v: usize| v.to_string();
                println!(
                    "{}",
                    loc.format(
                        "cli-sync-done",
                        &[
                            ("pushed", n(report.pushed).as_str()),
                            ("pulled", n(report.pulled).as_str()),
                            ("pending", n(report.pending).as_str()),
                            ("server", report.server.as_str()),
                        ]
                    )
                );
            }
            if report.pending == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(failure) => {
            let resp = failure.to_response(lang);
            if a.json {
                output::print_json_pretty(&resp);
            } else {
                eprintln!("{} [{}]", resp.error, resp.error_code);
                eprintln!("→ {}", resp.suggested_action);
            }
            ExitCode::from(1)
        }
    }
}
