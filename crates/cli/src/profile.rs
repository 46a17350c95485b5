//! `jobgate profile list [--json] | create NAME [--lock] | lock NAME | unlock NAME [--remove-lock] | wipe NAME --yes`
//! (DESIGN §8), and `export NAME --out FILE` / `import FILE [--name NAME]` to move a person to another machine:
//! the people on this machine. Passcodes come from `JOBGATE_PASSCODE` (a profile's) and `JOBGATE_FILE_PASSCODE`
//! (an export file's), or a terminal prompt.

use crate::output;
use crate::person::{self, load_policy};
use clap::{Args, Subcommand};
use jobgate_core::i18n::Localizer;
use jobgate_core::{JobGateError, Lang, Phrase, Reason};
use jobgate_engine::llm::keys::{KeyStore, Keychain, MemoryKeys};
use jobgate_engine::people;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub cmd: ProfileCmd,
    /// Print JSON (the profile list, or the error JSON).
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum ProfileCmd {
    /// The profiles on this machine.
    List,
    /// A new profile; with --lock it is protected by a passcode (and encrypted) from the start.
    Create {
        name: String,
        #[arg(long)]
        lock: bool,
    },
    /// Protect a profile with a passcode: its data is encrypted from now on.
    Lock { name: String },
    /// Check a locked profile's passcode; with --remove-lock take the passcode (and the encryption) away.
    Unlock {
        name: String,
        #[arg(long)]
        remove_lock: bool,
    },
    /// Write a profile to one encrypted file, to bring it to another machine (JOBGATE_FILE_PASSCODE protects it).
    Export {
        name: String,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Bring in a profile exported on another machine; it is locked with the file's passcode.
    Import {
        file: std::path::PathBuf,
        /// Another name for it here.
        #[arg(long)]
        name: Option<String>,
    },
    /// Delete a profile and everything it holds, beyond recovery.
    Wipe {
        name: String,
        /// Confirms the wipe.
        #[arg(long)]
        yes: bool,
    },
}

/// One line of `profile list --json`.
#[derive(Serialize)]
struct Listed {
    name: String,
    locked: bool,
    /// CVs kept in the profile; `null` for a locked one (counting them needs its passcode).
    cvs: Option<usize>,
    created_at: String,
}

pub fn run(a: ProfileArgs) -> ExitCode {
    let lang = Lang::En;
    match run_cmd(&a.cmd, a.json, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => output::fail(&e, lang, a.json),
    }
}

fn say(lang: Lang, id: &str, name: &str) {
    println!("{}", Localizer::get(lang).format(id, &[("profile", name)]));
}

fn run_cmd(cmd: &ProfileCmd, json: bool, lang: Lang) -> Result<(), JobGateError> {
    let policy = load_policy().policy;
    let mut profiles = person::profiles()?;
    match cmd {
        ProfileCmd::List => {
            let mut listed = Vec::new();
            for p in profiles.list()? {
                let cvs = if p.locked {
                    None
                } else {
                    let mut store = profiles.open_store(&p.name, None)?;
                    let owner = store.owner()?;
                    Some(store.cvs(owner)?.len())
                };
                listed.push(Listed {
                    name: p.name,
                    locked: p.locked,
                    cvs,
                    created_at: p.created_at,
                });
            }
            if json {
                output::print_json_pretty(&serde_json::json!({ "profiles": listed }));
            } else if listed.is_empty() {
                println!(
                    "{}",
                    Localizer::get(lang).format("cli-profile-none", &[] as &[(&str, &str)])
                );
            } else {
                for p in &listed {
                    let cvs = p.cvs.map(|n| n.to_string()).unwrap_or_else(|| "?".into());
                    let lock = if p.locked { "locked" } else { "" };
                    println!(
                        "{:<24} {:>4} CVs  {:<6} {}",
                        p.name, cvs, lock, p.created_at
                    );
                }
            }
        }
        ProfileCmd::Create { name, lock } => {
            let passcode = if *lock || policy.require_passcode {
                Some(person::new_passcode(name)?)
            } else {
                None
            };
            let entry = people::create(
                &mut profiles,
                &policy,
                name,
                passcode.as_deref().map(|p| p.as_str()),
            )?;
            if json {
                output::print_json_pretty(&entry);
            } else {
                say(lang, "cli-profile-created", &entry.name);
            }
        }
        ProfileCmd::Lock { name } => {
            let entry = profiles.find(name)?;
            if entry.locked {
                return Err(JobGateError::invalid_input(
                    "profile",
                    Phrase::new("reason-profile-already-locked").cv("name", &entry.name),
                ));
            }
            let passcode = person::new_passcode(&entry.name)?;
            profiles.set_passcode(&entry.name, None, &passcode)?;
            say(lang, "cli-profile-locked", &entry.name);
        }
        ProfileCmd::Unlock { name, remove_lock } => {
            let entry = profiles.find(name)?;
            if !entry.locked {
                say(lang, "cli-profile-not-locked", &entry.name);
                return Ok(());
            }
            if *remove_lock && policy.require_passcode {
                return Err(JobGateError::invalid_input(
                    "passcode",
                    Reason::new("reason-policy-requires-passcode"),
                ));
            }
            let passcode = person::passcode(&entry.name)?;
            if *remove_lock {
                profiles.remove_passcode(&entry.name, &passcode)?;
                say(lang, "cli-profile-lock-removed", &entry.name);
            } else {
                profiles.verify(&entry.name, &passcode)?;
                say(lang, "cli-profile-passcode-ok", &entry.name);
            }
        }
        ProfileCmd::Export { name, out } => {
            let entry = profiles.find(name)?;
            let passcode = if entry.locked {
                Some(person::passcode(&entry.name)?)
            } else {
                None
            };
            let file_passcode = person::file_passcode(true)?;
            profiles.export_to(
                &entry.name,
                passcode.as_deref().map(|p| p.as_str()),
                &file_passcode,
                out,
            )?;
            println!(
                "{}",
                Localizer::get(lang).format(
                    "cli-profile-exported",
                    &[
                        ("profile", entry.name.as_str()),
                        ("path", &out.display().to_string())
                    ]
                )
            );
        }
        ProfileCmd::Import { file, name } => {
            let file_passcode = person::file_passcode(false)?;
            let entry = profiles.import_from(file, &file_passcode, name.as_deref())?;
            if json {
                output::print_json_pretty(&entry);
            } else {
                say(lang, "cli-profile-imported", &entry.name);
            }
        }
        ProfileCmd::Wipe { name, yes } => {
            let entry = profiles.find(name)?;
            if !yes {
                return Err(JobGateError::invalid_input(
                    "yes",
                    Phrase::new("reason-wipe-needs-yes").cv("name", &entry.name),
                ));
            }
            // The keychain may be out of reach (no Secret Service on a server): the data is wiped all the same.
            let keychain = Keychain::os();
            let memory = MemoryKeys::default();
            let keys: &dyn KeyStore = match &keychain {
                Ok(k) => k,
                Err(_) => &memory,
            };
            people::wipe(&mut profiles, &entry.name, keys)?;
            say(lang, "cli-profile-wiped", &entry.name);
        }
    }
    Ok(())
}
