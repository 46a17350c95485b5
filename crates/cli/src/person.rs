//! The global `--profile NAME` / `--guest` options (DESIGN §8) and opening that person's data: the data folder
//! (`JOBGATE_DATA_DIR` or the OS default), the machine's policy, and the passcode from `JOBGATE_PASSCODE` or,
//! on a terminal, a prompt that does not echo.

use clap::Args;
use jobgate_core::{JobGateError, Lang, Phrase, Reason};
use jobgate_engine::people::{self, Opened, Who};
use jobgate_engine::policy::{self, LoadedPolicy};
use jobgate_engine::store::profiles::Profiles;
use std::io::IsTerminal;
use zeroize::Zeroizing;

/// Options every subcommand takes, before or after its name.
#[derive(Args, Debug, Clone, Default)]
pub struct PersonArgs {
    /// Work on this person's profile (or JOBGATE_PROFILE; the default profile when absent).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Work as a guest: nothing written to disk outlives the process.
    #[arg(long, global = true, conflicts_with = "profile")]
    pub guest: bool,
}

impl PersonArgs {
    /// Whose data the command works on.
    pub fn who(&self) -> Who {
        if self.guest {
            return Who::Guest;
        }
        match self.profile.clone().or_else(|| {
            std::env::var("JOBGATE_PROFILE")
                .ok()
                .filter(|p| !p.trim().is_empty())
        }) {
            Some(name) => Who::Named(name),
            None => Who::Default,
        }
    }

    /// Opens that person's data; asks for the passcode only when the profile is locked.
    pub fn open(&self) -> Result<Opened, JobGateError> {
        let loaded = load_policy();
        let who = self.who();
        let dir = jobgate_engine::store::data_dir()?;
        match people::open(&dir, &loaded.policy, &who, None) {
            Err(JobGateError::ProfileLocked { profile }) => {
                let passcode = passcode(&profile)?;
                people::open(&dir, &loaded.policy, &who, Some(&passcode))
            }
            other => other,
        }
    }
}

/// A prompt for a terminal, from Fluent (`cli-*-prompt`), with the space the answer is typed after.
fn prompt(p: Phrase) -> String {
    format!("{} ", p.plain(Lang::En))
}

/// The machine's policy; a policy file that cannot be used is reported once on stderr.
pub fn load_policy() -> LoadedPolicy {
    let loaded = policy::load();
    if let Some(problem) = &loaded.problem {
        eprintln!(
            "{}",
            Phrase::new("cli-policy-problem")
                .phrase(
                    "problem",
                    Phrase::new("error-technical-detail").cv("detail", problem),
                )
                .plain(Lang::En)
        );
    }
    loaded
}

/// The profile index in the data folder.
pub fn profiles() -> Result<Profiles, JobGateError> {
    Profiles::open(&jobgate_engine::store::data_dir()?)
}

/// The passcode for `profile`: `JOBGATE_PASSCODE`, else typed at a terminal without echo; with neither the
/// profile stays locked.
pub fn passcode(profile: &str) -> Result<Zeroizing<String>, JobGateError> {
    if let Some(p) = std::env::var("JOBGATE_PASSCODE")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(Zeroizing::new(p));
    }
    if std::io::stdin().is_terminal() {
        let typed = rpassword::prompt_password(prompt(
            Phrase::new("cli-passcode-prompt").cv("profile", profile),
        ))
        .map_err(|e| {
            JobGateError::invalid_input(
                "passcode",
                Reason::new("reason-passcode-unreadable").with_technical(e),
            )
        })?;
        if !typed.is_empty() {
            return Ok(Zeroizing::new(typed));
        }
    }
    Err(JobGateError::ProfileLocked {
        profile: profile.to_string(),
    })
}

/// A new passcode: `JOBGATE_PASSCODE`, else typed twice at a terminal.
pub fn new_passcode(profile: &str) -> Result<Zeroizing<String>, JobGateError> {
    if let Some(p) = std::env::var("JOBGATE_PASSCODE")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(Zeroizing::new(p));
    }
    let missing =
        || JobGateError::invalid_input("passcode", Reason::new("reason-passcode-needs-terminal"));
    if !std::io::stdin().is_terminal() {
        return Err(missing());
    }
    let read = |prompt: String| {
        rpassword::prompt_password(prompt).map_err(|e| {
            JobGateError::invalid_input(
                "passcode",
                Reason::new("reason-passcode-unreadable").with_technical(e),
            )
        })
    };
    let first = Zeroizing::new(read(prompt(
        Phrase::new("cli-new-passcode-prompt").cv("profile", profile),
    ))?);
    let second = Zeroizing::new(read(prompt(Phrase::new("cli-passcode-again-prompt")))?);
    if *first != *second {
        return Err(JobGateError::invalid_input(
            "passcode",
            Reason::new("reason-passcodes-differ"),
        ));
    }
    Ok(first)
}

/// The passcode of a profile export file: `JOBGATE_FILE_PASSCODE`, else typed at a terminal (twice for a new file).
pub fn file_passcode(new: bool) -> Result<Zeroizing<String>, JobGateError> {
    if let Some(p) = std::env::var("JOBGATE_FILE_PASSCODE")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(Zeroizing::new(p));
    }
    if !std::io::stdin().is_terminal() {
        return Err(JobGateError::invalid_input(
            "passcode",
            Reason::new("reason-file-passcode-needs-terminal"),
        ));
    }
    let read = |id: &str| {
        rpassword::prompt_password(prompt(Phrase::new(id)))
            .map(Zeroizing::new)
            .map_err(|e| {
                JobGateError::invalid_input(
                    "passcode",
                    Reason::new("reason-passcode-unreadable").with_technical(e),
                )
            })
    };
    let first = read("cli-file-passcode-prompt")?;
    if new && *read("cli-passcode-again-prompt")? != *first {
        return Err(JobGateError::invalid_input(
            "passcode",
            Reason::new("reason-passcodes-differ"),
        ));
    }
    Ok(first)
}
