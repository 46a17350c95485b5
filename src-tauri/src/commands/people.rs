//! Who is using Job Gate (DESIGN §7): the picker's list, opening a person (with their passcode), new
//! people, guests, "Lock now" and "Switch", passcodes, wipes, the idle lock and the machine's policy.
//!
//! Each command is a thin adapter over [`AppState`], which holds the person and drops everything of
//! theirs when they leave; the rules (passcodes required, slow-down, shredding) are the engine's.

use super::{CommandResult, Respond};
use crate::state::{AppState, WhoView};
use serde::Serialize;
use tauri::{Emitter, Manager, Runtime, State};

/// One person on this machine, as the picker lists them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonEntry {
    pub name: String,
    /// The default profile (see [`crate::state::PersonView::default`]): shown under a label, not its name.
    pub default: bool,
    /// Protected by a passcode: opening needs it.
    pub locked: bool,
}

/// The picker: the people on this machine and what the policy asks of a new one.
#[derive(Debug, Clone, Serialize)]
pub struct PeopleView {
    pub people: Vec<PersonEntry>,
    /// The picker offers "Guest" first (the policy makes guests the default).
    pub guest_by_default: bool,
    /// New profiles must have a passcode, and a profile without one must set one before it opens.
    pub require_passcode: bool,
}

/// The people on this machine (names and whether locked, nothing else).
#[tauri::command]
pub async fn people_list(state: State<'_, AppState>) -> CommandResult<PeopleView> {
    let listed = state.profiles().and_then(|p| p.list()).respond(&state)?;
    let policy = &state.policy().policy;
    Ok(PeopleView {
        people: listed
            .into_iter()
            .map(|p| PersonEntry {
                default: jobgate_engine::people::is_default(&p.name),
                name: p.name,
                locked: p.locked,
            })
            .collect(),
        guest_by_default: policy.guest_by_default,
        require_passcode: policy.require_passcode,
    })
}

/// Who is using the app now (the indicator on every screen; `person: null` means the picker shows).
#[tauri::command]
pub fn who(state: State<'_, AppState>) -> WhoView {
    state.lock_if_idle();
    state.who()
}

/// Opens a person's profile. A locked one needs `passcode` (`PROFILE_LOCKED` without it,
/// `WRONG_PASSCODE` with a wrong one, with the wait after five in a row). Where the policy requires
/// passcodes, a profile without one opens only with `new_passcode`, which is set first.
#[tauri::command]
pub async fn open_person(
    state: State<'_, AppState>,
    name: String,
    passcode: Option<String>,
    new_passcode: Option<String>,
) -> CommandResult<WhoView> {
    state
        .open_profile(&name, passcode.as_deref(), new_passcode.as_deref())
        .respond(&state)?;
    Ok(state.who())
}

/// A new person, with a passcode when given (required by some policies), opened at once.
#[tauri::command]
pub async fn create_person(
    state: State<'_, AppState>,
    name: String,
    passcode: Option<String>,
) -> CommandResult<WhoView> {
    state
        .create_profile(&name, passcode.as_deref())
        .respond(&state)?;
    Ok(state.who())
}

/// A guest session: nothing of it is written to the data folder.
#[tauri::command]
pub async fn start_guest(state: State<'_, AppState>) -> CommandResult<WhoView> {
    state.start_guest().respond(&state)?;
    Ok(state.who())
}

/// "Lock now": the person's data closes; a profile with a passcode needs it to open again.
#[tauri::command]
pub fn lock_now(state: State<'_, AppState>) -> WhoView {
    state.lock_now();
    state.who()
}

/// "Switch": the person's data closes and the picker shows.
#[tauri::command]
pub fn switch_person(state: State<'_, AppState>) -> WhoView {
    state.switch();
    state.who()
}

/// Sets a passcode on the open profile, or changes it (`current` must be right).
#[tauri::command]
pub async fn set_passcode(
    state: State<'_, AppState>,
    current: Option<String>,
    new: String,
) -> CommandResult<WhoView> {
    state
        .change_passcode(current.as_deref(), Some(&new))
        .respond(&state)?;
    Ok(state.who())
}

/// Removes the open profile's passcode (its data is no longer encrypted); refused where the policy
/// requires passcodes.
#[tauri::command]
pub async fn remove_passcode(
    state: State<'_, AppState>,
    current: String,
) -> CommandResult<WhoView> {
    state
        .change_passcode(Some(&current), None)
        .respond(&state)?;
    Ok(state.who())
}

/// What a wipe did, or (without `confirm`) would touch.
#[derive(Debug, Clone, Serialize)]
pub struct WipeView {
    pub wiped: bool,
    /// Files the person exported that are still on disk (only known while their profile is open): the
    /// UI offers to delete them with [`delete_exported_files`].
    pub exported_files: Vec<String>,
    pub who: WhoView,
}

/// Wipes a person: their data and keychain entries, beyond recovery. Without `confirm: true` nothing
/// is wiped and the answer lists the exported files the UI may offer to delete too (when the person
/// is the one using the app). Wiping a locked profile needs no passcode: it is the way out of a
/// forgotten one, and it reveals nothing.
#[tauri::command]
pub async fn wipe_person(
    state: State<'_, AppState>,
    name: String,
    confirm: Option<bool>,
) -> CommandResult<WipeView> {
    let is_open = state.who().person.and_then(|p| p.name).as_deref() == Some(name.trim());
    let exported_files = if is_open {
        state.offer_exported_files().respond(&state)?
    } else {
        Vec::new()
    };
    let wiped = confirm == Some(true);
    if wiped {
        state.wipe_profile(&name).respond(&state)?;
    }
    Ok(WipeView {
        wiped,
        exported_files,
        who: state.who(),
    })
}

/// Deletes files a wipe listed (and only those); returns the ones deleted.
#[tauri::command]
pub async fn delete_exported_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> CommandResult<Vec<String>> {
    state.delete_offered_files(&paths).respond(&state)
}

/// The answer to "delete the files the guest exported?" (asked at the picker after a guest left, or before a
/// guest quits): deletes those of `delete` (only files the guest exported) and forgets the question. Returns
/// the files deleted.
#[tauri::command]
pub async fn answer_guest_files(
    state: State<'_, AppState>,
    delete: Vec<String>,
) -> CommandResult<Vec<String>> {
    state.answer_guest_files(&delete).respond(&state)
}

/// The event asking the window what to do with a quitting guest's exported files (its payload: the files).
pub const GUEST_QUITTING_EVENT: &str = "guest-quitting";

/// Closing the window while a guest has exported files still on disk: the close waits, and the window asks
/// whether to delete them (then calls [`quit_app`]). Anyone else, or a guest with nothing exported, closes at once.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    if let tauri::WindowEvent::CloseRequested { api, .. } = event {
        let state = window.state::<AppState>();
        let files = state.guest_quitting_files();
        if !files.is_empty() {
            api.prevent_close();
            let _ = window.emit(GUEST_QUITTING_EVENT, files);
        }
    }
}

/// Quits the app (after the window asked about a guest's exported files).
#[tauri::command]
pub fn quit_app<R: Runtime>(app: tauri::AppHandle<R>, state: State<'_, AppState>) {
    state.switch();
    app.exit(0);
}

/// The idle lock: seconds left before it (`None`: no idle lock, or nobody signed in).
#[derive(Debug, Clone, Serialize)]
pub struct IdleView {
    pub seconds_left: Option<u64>,
    /// The person was locked for being idle (the UI then shows the unlock dialog or the picker).
    pub locked: bool,
}

fn idle_view(state: &AppState, locked: bool) -> IdleView {
    IdleView {
        seconds_left: state.idle_left().map(|d| d.as_secs()),
        locked,
    }
}

/// The page saw the person type, click or scroll: the idle lock starts counting again.
#[tauri::command]
pub fn note_activity(state: State<'_, AppState>) -> IdleView {
    let locked = state.lock_if_idle();
    if !locked {
        state.note_activity();
    }
    idle_view(&state, locked)
}

/// When the idle lock comes; locks first when it is already due.
#[tauri::command]
pub fn idle_deadline(state: State<'_, AppState>) -> IdleView {
    let locked = state.lock_if_idle();
    idle_view(&state, locked)
}

/// The machine's policy in force, where it came from and why a file could not be used.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyView {
    /// The policy's own fields, as the administrator writes them in the TOML file.
    #[serde(flatten)]
    pub policy: jobgate_engine::policy::Policy,
    pub source: Option<String>,
    /// The policy file could not be used: the safest settings apply.
    pub problem: Option<String>,
}

#[tauri::command]
pub fn policy(state: State<'_, AppState>) -> PolicyView {
    let loaded = state.policy();
    PolicyView {
        policy: loaded.policy.clone(),
        source: loaded.source.as_ref().map(|s| s.display().to_string()),
        problem: loaded.problem.clone(),
    }
}
