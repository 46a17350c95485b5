//! The file the app was opened with: "Open with Job Gate" or a double-click on a PDF or DOCX (the installers
//! register both types), or `jobgate-desktop cv.pdf` from a terminal. The window asks for it once it knows who
//! is using the app and imports it exactly as a dropped file (`analyze_path`, the bounded reader).

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the window already took the file (a page reload after sign-in must not import it twice).
static TAKEN: AtomicBool = AtomicBool::new(false);

/// The file named by the first argument after the program's name, made absolute; none when the argument is a
/// flag (`--jobgate-worker`, macOS's `-psn_…`) or not an existing file.
pub fn file_argument(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let first = PathBuf::from(args.into_iter().next()?);
    if first.as_os_str().to_string_lossy().starts_with('-') || !first.is_file() {
        return None;
    }
    std::path::absolute(&first).ok()
}

/// The file the app was started with, the first time it is asked; `null` after that or when there is none.
#[tauri::command]
pub fn launch_file() -> Option<String> {
    if TAKEN.swap(true, Ordering::SeqCst) {
        return None;
    }
    file_argument(std::env::args_os().skip(1)).map(|p| p.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::file_argument;
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
}
