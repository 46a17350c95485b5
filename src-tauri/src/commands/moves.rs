//! Moving a person's work between computers (issue 15): their whole profile as one encrypted file
//! (Settings → Profile, and the picker's "Bring a profile from another computer…"), and one CV as
//! JSON Resume (History).
//!
//! Every file is chosen in a native dialog opened here, in Rust: the page never hands over a path.
//! The mock-runtime tests, which have no dialogs, queue the answers with
//! [`AppState::answer_next_dialog`].

use super::{CommandResult, Respond, fail};
use crate::os;
use crate::state::AppState;
use jobgate_core::i18n::Localizer;
use jobgate_core::{JobGateError, Reason, jsonresume};
use jobgate_store::{CvId, VersionId, VersionSource};
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};

/// What a profile file ends in.
pub const PROFILE_EXTENSION: &str = "jobgate";

/// The largest JSON Resume file read (a CV is a few kilobytes).
const MAX_JSON_BYTES: u64 = 5 * 1024 * 1024;

fn message(state: &AppState, id: &str) -> String {
    Localizer::get(state.lang()).format::<&str, &str>(id, &[])
}

/// The save dialog (or the answer a test queued); `None` when cancelled.
fn save_dialog<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    title_id: &str,
    suggested: &str,
    extension: &str,
) -> Option<PathBuf> {
    state.dialog(|| os::pick_save_path(app, &message(state, title_id), suggested, extension))
}

/// The open dialog (or the answer a test queued); `None` when cancelled.
fn open_dialog<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    title_id: &str,
    filter_id: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    state.dialog(|| {
        os::pick_file(
            app,
            &message(state, title_id),
            &message(state, filter_id),
            extensions,
        )
    })
}

/// `INVALID_INPUT` in `field`, for the reason with Fluent id `id`.
fn invalid(field: &str, id: &str) -> JobGateError {
    JobGateError::invalid_input(field, Reason::new(id))
}

/// Saves the open person's profile to one file they choose, encrypted with `file_passcode` (typed
/// twice: `file_passcode_again` must match). A profile with a passcode needs it (`passcode`). Returns
/// the file written, `None` when the dialog was cancelled. An existing file is never replaced
/// (`FILE_EXISTS`): choose a new name.
#[tauri::command]
pub async fn export_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passcode: Option<String>,
    file_passcode: String,
    file_passcode_again: String,
) -> CommandResult<Option<String>> {
    let person = state.person().respond(&state)?;
    let Some(name) = person.profile().map(str::to_string) else {
        return fail(&state, invalid("profile", "reason-guest-nothing-to-save"));
    };
    if file_passcode != file_passcode_again {
        return fail(&state, invalid("file_passcode", "reason-passcodes-differ"));
    }
    // Checked before the dialog, so a short passcode or a wrong profile passcode fails at once.
    let mut profiles = state.profiles().respond(&state)?;
    let passcode = passcode.filter(|p| !p.is_empty());
    if let Some(p) = &passcode {
        profiles.verify(&name, p).respond(&state)?;
    } else if person.has_passcode() {
        return fail(&state, JobGateError::ProfileLocked { profile: name });
    }
    jobgate_store::passcode::check_new(&file_passcode).respond(&state)?;
    // The file reveals nothing without its passcode; its suggested name does not name the person either.
    let suggested = format!("jobgate-profile.{PROFILE_EXTENSION}");
    let Some(dest) = save_dialog(
        &app,
        &state,
        "ui-moves-profile-save-title",
        &suggested,
        PROFILE_EXTENSION,
    ) else {
        return Ok(None);
    };
    // Deriving the file's key and writing the encrypted copy take seconds: on a blocking thread.
    let shown = dest.display().to_string();
    super::blocking(move || profiles.export_to(&name, passcode.as_deref(), &file_passcode, &dest))
        .await
        .respond(&state)?;
    Ok(Some(shown))
}

/// A profile brought from another computer, as the picker lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportedProfile {
    pub name: String,
    pub locked: bool,
}

/// Brings in a profile file chosen in the open dialog (from the picker). It arrives locked with
/// `file_passcode`, under its own name or `name`; nobody is signed in by it. `None` when the dialog
/// was cancelled.
#[tauri::command]
pub async fn import_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_passcode: String,
    name: Option<String>,
) -> CommandResult<Option<ImportedProfile>> {
    if file_passcode.is_empty() {
        return fail(
            &state,
            invalid("file_passcode", "reason-file-passcode-needed"),
        );
    }
    let name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let Some(src) = open_dialog(
        &app,
        &state,
        "ui-moves-profile-open-title",
        "ui-moves-profile-filter",
        &[PROFILE_EXTENSION, "JOBGATE"],
    ) else {
        return Ok(None);
    };
    let mut profiles = state.profiles().respond(&state)?;
    let entry =
        super::blocking(move || profiles.import_from(&src, &file_passcode, name.as_deref()))
            .await
            .respond(&state)?;
    Ok(Some(ImportedProfile {
        name: entry.name,
        locked: entry.locked,
    }))
}

/// Saves one stored CV version as a JSON Resume file chosen in the save dialog (which asks before
/// replacing a file) and records the export in the history. `None` when cancelled.
#[tauri::command]
pub async fn export_json_resume<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    version_id: i64,
) -> CommandResult<Option<String>> {
    let cv = state
        .with_store(|store, _| store.version(VersionId(version_id)))
        .respond(&state)?
        .structured_data;
    let bytes = serde_json::to_vec_pretty(&jsonresume::to_json_resume(&cv))
        .map_err(|e| JobGateError::export_failed(Reason::technical(e)))
        .respond(&state)?;
    let suggested = PathBuf::from(jobgate_export::default_file_name(
        &cv,
        jobgate_export::Format::Txt,
    ))
    .with_extension("json")
    .display()
    .to_string();
    let Some(dest) = save_dialog(&app, &state, "ui-moves-json-save-title", &suggested, "json")
    else {
        return Ok(None);
    };
    let run = || -> Result<String, JobGateError> {
        let written = jobgate_export::write_file(&bytes, &dest, true)?;
        let written = written.display().to_string();
        state.with_store(|store, p| {
            store.record_export(
                p,
                Some(VersionId(version_id)),
                &written,
                "json",
                "json-resume",
            )
        })?;
        Ok(written)
    };
    let result = run();
    state.changed();
    result.map(Some).respond(&state)
}

/// A CV brought in from a JSON Resume file.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportedCv {
    pub cv_id: CvId,
    pub version_id: VersionId,
    pub name: String,
}

/// Reads a JSON Resume file chosen in the open dialog and saves it as a new CV in the person's
/// history (its first version's source is `import`). `None` when cancelled.
#[tauri::command]
pub async fn import_json_resume<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<ImportedCv>> {
    let Some(src) = open_dialog(
        &app,
        &state,
        "ui-moves-json-open-title",
        "ui-moves-json-filter",
        &["json", "JSON"],
    ) else {
        return Ok(None);
    };
    let run = || -> Result<ImportedCv, JobGateError> {
        let not_found = || JobGateError::FileNotFound {
            path: src.display().to_string(),
        };
        let size = std::fs::metadata(&src).map_err(|_| not_found())?.len();
        if size > MAX_JSON_BYTES {
            return Err(JobGateError::FileTooLarge {
                max_bytes: MAX_JSON_BYTES,
                actual_bytes: size,
            });
        }
        let bytes = std::fs::read(&src).map_err(|_| not_found())?;
        let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            JobGateError::corrupted(Reason::new("reason-input-not-json").with_technical(e))
        })?;
        if !jsonresume::is_json_resume(&doc) {
            return Err(invalid("file", "reason-not-json-resume"));
        }
        let cv = jsonresume::from_json_resume(&doc);
        if cv.is_empty() {
            return Err(invalid("file", "reason-json-resume-empty"));
        }
        let (cv_id, version_id) =
            state.with_store(|store, p| store.create_cv(p, VersionSource::Import, &cv))?;
        Ok(ImportedCv {
            cv_id,
            version_id,
            name: cv.personal_info.name,
        })
    };
    let result = run();
    state.changed();
    result.map(Some).respond(&state)
}
