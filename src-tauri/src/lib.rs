//! Job Gate's desktop shell: a Tauri 2 window hosting the web UI in `ui/`, with thin commands over
//! the engine.
//!
//! - [`commands`]: what the UI can call; each returns the DESIGN §2 error JSON on failure.
//! - [`state`]: the data folder, the policy, the secret store and the person using the app (their
//!   database, settings and screens' state), shared by the commands.
//! - [`screening`]: the Match screen (rank many CVs against a job description, CSV) and a single
//!   CV's fit with a job.
//! - [`os`]: keychain, native dialogs, "show in folder" and the AI reachability probe.
//! - [`picked`]: files chosen in dialogs or dropped on the window, as the tokens the page holds (the
//!   page never hands the shell a path).
//! - [`sync`]: sync with the organisation's server: runs, the background worker, the status line.
//! - [`updater`]: signed updates from the server and key fixed at build time, when allowed.
//!
//! All product logic lives in the engine crates; this crate only adapts it to the window.
//! The Tauri configuration is the repository's top-level `tauri.conf.json` (see `src-tauri/README.md`).

pub mod commands;
pub mod os;
pub mod picked;
pub mod screening;
pub mod state;
pub mod sync;
pub mod updater;

use state::AppState;
use std::sync::OnceLock;
use std::time::Instant;
use tauri::{Builder, Emitter, Manager, Runtime};

/// When `run` began (the start-up time printed by [`commands::app::mark_ready`] counts from here).
pub static STARTED: OnceLock<Instant> = OnceLock::new();

/// Every command, plus `$extra` (the end-to-end hooks of debug builds).
macro_rules! handler {
    ($($extra:path),*) => {
        tauri::generate_handler![
        commands::app::ui_messages,
        commands::app::format_message,
        commands::settings::get_settings,
        commands::settings::set_language,
        commands::settings::set_ai_enabled,
        commands::settings::save_ai_key,
        commands::settings::set_ai_server,
        commands::settings::delete_ai_key,
        commands::analyse::analyze_path,
        commands::analyse::import_cancel,
        commands::analyse::save_cv_edit,
        commands::analyse::pick_cv_file,
        commands::export::pick_save_path,
        commands::export::reveal_in_folder,
        commands::history::history,
        commands::history::open_analysis,
        commands::history::analysis_view,
        commands::history::open_version,
        commands::history::delete_cv,
        commands::history::cv_versions,
        commands::history::diff_versions,
        commands::settings::delete_all_data,
        commands::app::status,
        commands::app::storage_problem,
        commands::app::capabilities,
        commands::export::export_templates,
        commands::export::export_preview,
        commands::export::cv_language,
        commands::export::default_export_name,
        commands::export::export_cv,
        commands::builder::builder_start,
        commands::builder::builder_answer,
        commands::builder::builder_resume,
        commands::builder::builder_ai_rewrite,
        commands::ai::ai_draft_summary,
        commands::ai::ai_cancel,
        commands::ai::ai_rewrite_experience,
        commands::app::mark_ready,
        commands::launch::launch_file,
        commands::people::people_list,
        commands::people::who,
        commands::people::open_person,
        commands::people::create_person,
        commands::people::start_guest,
        commands::people::lock_now,
        commands::people::switch_person,
        commands::people::set_passcode,
        commands::people::remove_passcode,
        commands::people::wipe_person,
        commands::people::delete_exported_files,
        commands::people::note_activity,
        commands::people::idle_deadline,
        commands::people::policy,
        commands::people::answer_guest_files,
        commands::people::quit_app,
        commands::moves::export_profile,
        commands::moves::import_profile,
        commands::moves::export_json_resume,
        commands::moves::import_json_resume,
        commands::sync::sync_settings,
        commands::sync::set_sync_server,
        commands::sync::save_sync_key,
        commands::sync::delete_sync_key,
        commands::sync::test_sync_connection,
        commands::sync::set_sync_enabled,
        commands::sync::sync_now,
        commands::updates::update_settings,
        commands::updates::set_update_auto,
        commands::updates::check_for_update,
        commands::updates::install_update,
        commands::updates::restart_app,
        screening::match_rank,
        screening::match_relabel,
        screening::read_job_file,
        screening::list_cv_folder,
        screening::save_match_csv,
        screening::job_fit,
        screening::pick_job_file,
        screening::pick_cv_files,
        screening::pick_cv_folder,
        screening::pick_csv_path
        $(, $extra)*
        ]
    };
}

/// Registers the commands on `builder`; shared by the app and the mock-runtime tests. Debug builds (the
/// ones the tests drive) add the end-to-end hook that answers the native dialogs; a release has none.
pub fn app_builder<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    #[cfg(debug_assertions)]
    let builder = builder.invoke_handler(handler!(commands::app::e2e_answer_dialog));
    #[cfg(not(debug_assertions))]
    let builder = builder.invoke_handler(handler!());
    builder.on_window_event(|window, event| {
        if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
            on_drop(window.app_handle(), paths);
        }
    })
}

/// The event carrying files dropped on the window to the page, as tokens ([`picked::PickedFile`]s).
pub const DROP_EVENT: &str = "files-dropped";

/// Files dropped on the window reach Rust with their paths; the page gets tokens for them.
pub fn on_drop<R: Runtime>(app: &tauri::AppHandle<R>, paths: &[std::path::PathBuf]) {
    let state = app.state::<AppState>();
    let dropped: Vec<picked::PickedFile> = paths
        .iter()
        .map(|p| state.picked().register_dropped(p.clone()))
        .collect();
    if !dropped.is_empty() {
        let _ = app.emit(DROP_EVENT, dropped);
    }
}

/// The event telling the window that the person changed behind its back (the idle lock): it starts again
/// at the picker or the unlock dialog.
pub const PERSON_EVENT: &str = "person-changed";

/// Checks the idle lock every few seconds, so an idle person is locked even when the window is quiet.
fn watch_idle<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(5));
            let state = app.state::<AppState>();
            if state.lock_if_idle() {
                let _ = app.emit(PERSON_EVENT, ());
            }
        }
    });
}

/// Events of the running app: on macOS, files Finder hands it ("Open With", a double-click, a drop on the
/// Dock icon) are queued for the window, which is told to fetch them.
fn on_run_event<R: Runtime>(_app: &tauri::AppHandle<R>, _event: tauri::RunEvent) {
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    if let tauri::RunEvent::Opened { urls } = &_event
        && commands::launch::opened(urls) > 0
    {
        let _ = _app.emit(commands::launch::LAUNCH_EVENT, ());
    }
}

/// Starts the app: plugins, state (data folder from `JOBGATE_DATA_DIR` or the OS default), window.
pub fn run() {
    STARTED.get_or_init(Instant::now);
    // CVs and job files are read in worker processes of this executable (deadline, memory, stack).
    // One worker is started in the background at once: this executable links WebKitGTK, so starting
    // it takes a few tenths of a second that the first import should not wait for.
    if let Ok(cmd) = jobgate_engine::bounded::WorkerCommand::current_exe()
        && jobgate_engine::bounded::install(jobgate_engine::bounded::Pool::new(
            cmd,
            jobgate_engine::bounded::Limits::from_env(),
        ))
    {
        std::thread::spawn(|| {
            if let Some(pool) = jobgate_engine::bounded::installed() {
                pool.warm(1);
            }
        });
    }
    let mut context = tauri::generate_context!();
    // The updater plugin is registered only when this build has an update server and key.
    let updates = updater::Updates::from_build();
    let check_updates = updates.configured();
    let builder = app_builder(tauri::Builder::default())
        .on_window_event(commands::people::on_window_event)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init());
    let result = updater::setup(builder, &mut context, updates)
        .setup(move |app| {
            let data_dir = state::default_data_dir();
            let state = AppState::new(data_dir, os::os_keychain());
            let idle_lock = state.policy().policy.idle_lock_minutes > 0;
            app.manage(state);
            sync::spawn_worker(app.handle().clone());
            if idle_lock {
                watch_idle(app.handle().clone());
            }
            if check_updates {
                updater::spawn_worker(app.handle().clone());
            }
            Ok(())
        })
        .build(context);
    match result {
        Ok(app) => app.run(on_run_event),
        Err(e) => {
            eprintln!("Job Gate could not start: {e}");
            std::process::exit(1);
        }
    }
}
