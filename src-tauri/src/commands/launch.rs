//! The files the app is asked to open: "Open with Job Gate" or a double-click on a PDF or DOCX (the installers
//! register both types), `jobgate-desktop cv.pdf` from a terminal, and on macOS each file Finder hands the
//! running app (`RunEvent::Opened`, which announces itself to the window with [`LAUNCH_EVENT`]). The window asks
//! for them one at a time once it knows who is using the app, and imports each exactly as a dropped file
//! (`analyze_path`, the bounded reader).

use crate::picked::{PickedFile, Use};
use crate::state::AppState;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// The event telling the window that a file is waiting for it (macOS: a file opened while the app runs).
pub const LAUNCH_EVENT: &str = "launch-file";

/// Whether the command line's file was queued already (a page reload after sign-in must not import it twice).
static ARGS_TAKEN: AtomicBool = AtomicBool::new(false);

/// Files waiting for the window, oldest first.
static WAITING: Mutex<VecDeque<PathBuf>> = Mutex::new(VecDeque::new());

/// The file named by the first argument after the program's name, made absolute; none when the argument is a
/// flag (`--jobgate-worker`, macOS's `-psn_…`) or not an existing file.
pub fn file_argument(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let first = PathBuf::from(args.into_iter().next()?);
    if first.as_os_str().to_string_lossy().starts_with('-') || !first.is_file() {
        return None;
    }
    std::path::absolute(&first).ok()
}

/// Queues the files among `urls` (what macOS's `RunEvent::Opened` carries: `file://` URLs of existing
/// files; anything else is ignored) and says how many were queued.
pub fn opened(urls: &[tauri::Url]) -> usize {
    let files: Vec<PathBuf> = urls
        .iter()
        .filter(|u| u.scheme() == "file")
        .filter_map(|u| u.to_file_path().ok())
        .filter(|p| p.is_file())
        .collect();
    let n = files.len();
    waiting().extend(files);
    n
}

fn waiting() -> std::sync::MutexGuard<'static, VecDeque<PathBuf>> {
    WAITING.lock().unwrap_or_else(|e| e.into_inner())
}

/// The next file waiting for the window: the command line's first (once), then those opened since, oldest
/// first.
fn next_file() -> Option<PathBuf> {
    if !ARGS_TAKEN.swap(true, Ordering::SeqCst)
        && let Some(file) = file_argument(std::env::args_os().skip(1))
    {
        waiting().push_front(file);
    }
    waiting().pop_front()
}

/// The next file the app was asked to open, as a token to open (the person chose it in their file manager,
/// as they would in the open dialog); `null` when none is waiting.
#[tauri::command]
pub fn launch_file(state: tauri::State<'_, AppState>) -> Option<PickedFile> {
    next_file().map(|p| state.picked().register(p, Use::Open))
}

#[cfg(test)]
mod tests {
    use super::{file_argument, next_file, opened};
    use std::ffi::OsString;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn an_existing_file_is_taken_and_made_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let cv = dir.path().join("cv.pdf");
        std::fs::write(&cv, b"%PDF-1.4").unwrap();
        assert_eq!(
            file_argument(args(&[cv.to_str().unwrap()])),
            Some(cv.clone())
        );
        let found = file_argument(args(&["Cargo.toml"])).unwrap();
        assert!(found.is_absolute() && found.ends_with("Cargo.toml"));
    }

    #[test]
    fn flags_folders_missing_files_and_no_argument_are_not() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(file_argument(args(&[])), None);
        assert_eq!(file_argument(args(&["--jobgate-worker"])), None);
        assert_eq!(file_argument(args(&["-psn_0_12345"])), None);
        assert_eq!(file_argument(args(&[dir.path().to_str().unwrap()])), None);
        assert_eq!(file_argument(args(&["no-such-cv.pdf"])), None);
    }

    #[test]
    fn files_finder_hands_the_running_app_wait_in_order_and_are_taken_once() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.docx"));
        std::fs::write(&a, b"%PDF-1.4").unwrap();
        std::fs::write(&b, b"PK").unwrap();
        let url = |p: &std::path::Path| tauri::Url::from_file_path(p).unwrap();
        let others = [
            tauri::Url::parse("https://example.test/cv.pdf").unwrap(),
            url(&dir.path().join("gone.pdf")),
            url(dir.path()),
        ];
        assert_eq!(
            opened(&others),
            0,
            "web addresses, missing files and folders are not queued"
        );
        assert_eq!(opened(&[url(&a)]), 1);
        assert_eq!(opened(&[url(&b)]), 1);
        // The test binary's own arguments name no file, so only the opened files come out, oldest first.
        assert_eq!(next_file(), Some(a));
        assert_eq!(next_file(), Some(b));
        assert_eq!(next_file(), None);
    }
}
