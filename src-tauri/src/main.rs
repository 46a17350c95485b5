// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use jobgate_engine::bounded;

fn main() -> std::process::ExitCode {
    // `jobgate-desktop --jobgate-worker`: a bounded reader of untrusted files for the app (no window).
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == bounded::WORKER_FLAG)
    {
        return bounded::serve();
    }
    jobgate_desktop::run();
    std::process::ExitCode::SUCCESS
}
