//! Code that talks to the operating system: the keychain, native file dialogs, "show in folder", updates.
//!
//! Commands stay thin and testable: they reach the OS only through this module. The keychain sits
//! behind the AI crate's [`KeyStore`] trait, so the mock-runtime tests use its `MemoryKeys` instead.

use jobgate_ai::keys::{KeyStore, Keychain};
use jobgate_core::{JobGateError, Reason};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tauri::{AppHandle, Runtime};

/// The OS keychain through the AI crate (service `job-gate`, account = profile name), so the key the
/// user saves here is the one AI requests use. It is opened on first use, not at start-up (opening
/// it talks to D-Bus on Linux). When it cannot be reached (e.g. no Secret Service running), saving
/// fails with `STORAGE_ERROR` and a reason, loading finds no key, and the app works without AI.
pub fn os_keychain() -> Box<dyn KeyStore> {
    Box::new(LazyKeychain(OnceLock::new()))
}

struct LazyKeychain(OnceLock<Result<Keychain, JobGateError>>);

impl LazyKeychain {
    fn get(&self) -> Result<&Keychain, JobGateError> {
        self.0
            .get_or_init(Keychain::os)
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl KeyStore for LazyKeychain {
    fn save_api_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        self.get()?.save_api_key(profile, key)
    }
    fn load_api_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        match self.get() {
            Ok(k) => k.load_api_key(profile),
            Err(_) => Ok(None),
        }
    }
    fn delete_api_key(&self, profile: &str) -> Result<(), JobGateError> {
        match self.get() {
            Ok(k) => k.delete_api_key(profile),
            Err(_) => Ok(()),
        }
    }
    fn save_sync_key(&self, profile: &str, key: &str) -> Result<(), JobGateError> {
        self.get()?.save_sync_key(profile, key)
    }
    fn load_sync_key(&self, profile: &str) -> Result<Option<String>, JobGateError> {
        match self.get() {
            Ok(k) => k.load_sync_key(profile),
            Err(_) => Ok(None),
        }
    }
    fn delete_sync_key(&self, profile: &str) -> Result<(), JobGateError> {
        match self.get() {
            Ok(k) => k.delete_sync_key(profile),
            Err(_) => Ok(()),
        }
    }
}

/// Shows a key as its first 3 and last 4 characters, e.g. `sk-…a1b2`; short keys show only `…`.
pub fn mask_secret(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < 12 {
        return "…".to_string();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

/// What a CV file may end in, in both cases (file dialogs on Linux match them case-sensitively): the
/// engine's list (PDF, DOCX and the images OCR reads).
fn cv_extensions() -> Vec<String> {
    jobgate_engine::extract::CV_EXTENSIONS
        .iter()
        .flat_map(|e| [e.to_string(), e.to_uppercase()])
        .collect()
}

/// The native "open" dialog for a CV; `None` when the user cancels.
///
/// Blocks until the dialog closes: call it from an async command (a worker thread), never the main thread.
pub fn pick_cv_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter_name: &str,
) -> Option<PathBuf> {
    let exts = cv_extensions();
    let exts: Vec<&str> = exts.iter().map(String::as_str).collect();
    pick_file(app, title, filter_name, &exts)
}

/// The native "open" dialog for one file of the given extensions (e.g. a job description); list
/// each in both cases, since file dialogs on Linux match them case-sensitively.
pub fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// The native "open" dialog for several CVs at once; empty when the user cancels.
pub fn pick_cv_files<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter_name: &str,
) -> Vec<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let exts = cv_extensions();
    let exts: Vec<&str> = exts.iter().map(String::as_str).collect();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, &exts)
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// The native folder dialog; `None` when the user cancels.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// The native "save" dialog, starting with `suggested_name`; `None` when the user cancels.
pub fn pick_save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested_name)
        .add_filter(extension.to_uppercase(), &[extension]);
    if let Some(docs) =
        directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
    {
        dialog = dialog.set_directory(docs);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

/// Opens the system file manager with `path` selected.
pub fn reveal_in_folder<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<(), JobGateError> {
    use tauri_plugin_opener::OpenerExt;
    if !path.exists() {
        return Err(JobGateError::FileNotFound {
            path: path.display().to_string(),
        });
    }
    app.opener()
        .reveal_item_in_dir(path)
        .map_err(|e| JobGateError::internal(Reason::new("reason-show-in-folder").with_technical(e)))
}

/// Whether a TCP connection to the AI service can be opened within 3 s (no request is sent).
pub fn ai_reachable(cfg: &jobgate_ai::AiConfig) -> bool {
    use std::net::TcpStream;
    // The address as requests use it (the shared policy); one it refuses is not reachable.
    let Ok(server) = cfg.server() else {
        return false;
    };
    let Ok(addrs) = server.url().socket_addrs(|| None) else {
        return false;
    };
    addrs
        .iter()
        .any(|a| TcpStream::connect_timeout(a, std::time::Duration::from_secs(3)).is_ok())
}
