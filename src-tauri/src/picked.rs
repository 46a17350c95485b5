//! Files and folders the person chose, handed to the page as opaque tokens.
//!
//! The page never gives the shell a path to read or write: a native dialog opened in Rust, or a drop on
//! the window (Tauri reports its paths to Rust), registers what was chosen here and the page gets a
//! [`PickedFile`] — a random token, plus the name and path to show. Commands that read or write a file
//! take the token back and [`Picked::resolve`] it, for the use it was chosen for: a file chosen to open is
//! never written, a place chosen to save is never read, a folder is only listed. A compromised page can
//! therefore reach only what the person chose.

use jobgate_core::{JobGateError, Reason};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// What a chosen path may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// A file to read (import, a job description, CVs to rank).
    Open,
    /// A file to write (an export, the ranking's CSV), chosen in a save dialog.
    Save,
    /// A folder whose CVs are listed.
    Folder,
}

/// A chosen file or folder as the page sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PickedFile {
    /// What the page passes back to the command that uses the file.
    pub token: String,
    /// The file name alone, to show.
    pub name: String,
    /// The whole path, to show (never accepted back).
    pub path: String,
    pub folder: bool,
}

/// Most tokens kept: the oldest are forgotten beyond this (a person picks a few files a minute).
const MAX_TOKENS: usize = 10_000;

/// Each token's path and use, and the tokens oldest first.
type Chosen = (HashMap<String, (PathBuf, Use)>, Vec<String>);

/// The tokens handed out in this run.
#[derive(Debug, Default)]
pub struct Picked {
    chosen: Mutex<Chosen>,
}

impl Picked {
    fn lock(&self) -> MutexGuard<'_, Chosen> {
        self.chosen.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a path the person chose for `usage`, and returns what the page gets.
    pub fn register(&self, path: PathBuf, usage: Use) -> PickedFile {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let shown = PickedFile {
            token: token.clone(),
            name: file_name(&path),
            path: path.display().to_string(),
            folder: usage == Use::Folder,
        };
        let mut guard = self.lock();
        let (map, order) = &mut *guard;
        map.insert(token.clone(), (path, usage));
        order.push(token);
        if order.len() > MAX_TOKENS {
            let old: Vec<String> = order.drain(..order.len() - MAX_TOKENS).collect();
            for t in old {
                map.remove(&t);
            }
        }
        shown
    }

    /// A path dropped on the window: a folder is one to list, anything else a file to open.
    pub fn register_dropped(&self, path: PathBuf) -> PickedFile {
        let usage = if path.is_dir() {
            Use::Folder
        } else {
            Use::Open
        };
        self.register(path, usage)
    }

    /// Forgets every token (the person leaves: what they chose is not the next person's).
    pub fn forget_all(&self) {
        let mut guard = self.lock();
        guard.0.clear();
        guard.1.clear();
    }

    /// The path behind `token`, if it was chosen for `usage`; otherwise `INVALID_INPUT`.
    pub fn resolve(&self, token: &str, usage: Use) -> Result<PathBuf, JobGateError> {
        match self.lock().0.get(token) {
            Some((path, u)) if *u == usage => Ok(path.clone()),
            _ => Err(JobGateError::invalid_input(
                "file",
                Reason::new("reason-file-not-picked"),
            )),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_opens_only_what_was_chosen_for_that_use() {
        let picked = Picked::default();
        let open = picked.register(PathBuf::from("/home/sara/cv.pdf"), Use::Open);
        assert_eq!(open.name, "cv.pdf");
        assert_eq!(open.token.len(), 32);
        assert_eq!(
            picked.resolve(&open.token, Use::Open).unwrap(),
            Path::new("/home/sara/cv.pdf")
        );
        // Chosen to read: never written, and a path is not a token.
        assert!(picked.resolve(&open.token, Use::Save).is_err());
        assert!(picked.resolve("/home/sara/cv.pdf", Use::Open).is_err());
        assert!(picked.resolve("", Use::Open).is_err());
        let save = picked.register(PathBuf::from("/tmp/out.docx"), Use::Save);
        assert_ne!(save.token, open.token);
        assert!(picked.resolve(&save.token, Use::Open).is_err());
        picked.forget_all();
        assert!(picked.resolve(&save.token, Use::Save).is_err());
    }

    #[test]
    fn old_tokens_are_forgotten_beyond_the_cap() {
        let picked = Picked::default();
        let first = picked.register(PathBuf::from("/a"), Use::Open);
        for i in 0..MAX_TOKENS {
            picked.register(PathBuf::from(format!("/f{i}")), Use::Open);
        }
        assert!(picked.resolve(&first.token, Use::Open).is_err());
        assert_eq!(picked.lock().0.len(), MAX_TOKENS);
    }
}
