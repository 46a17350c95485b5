//! Native file dialogs as the commands ask them, and the answers tests queue instead (debug builds only).

use super::AppState;
#[cfg(debug_assertions)]
use super::lock;
use std::path::PathBuf;

impl AppState {
    /// Queues what the next native file dialog answers instead of showing itself (`None`: the user
    /// cancelled). For the mock-runtime tests, which have no dialogs, and the end-to-end tests (through
    /// the `e2e_answer_dialog` command); only in debug builds, so a release has no way around the dialogs.
    #[cfg(debug_assertions)]
    pub fn answer_next_dialog(&self, path: Option<PathBuf>) {
        lock(&self.dialog_answers).push_back(path.into_iter().collect());
    }

    /// [`Self::answer_next_dialog`] for a dialog that picks several files (empty: cancelled).
    #[cfg(debug_assertions)]
    pub fn answer_next_dialog_with(&self, paths: Vec<PathBuf>) {
        lock(&self.dialog_answers).push_back(paths);
    }

    /// What a one-file dialog answers: a queued test answer (debug builds), else `show` (the dialog).
    pub(crate) fn dialog(&self, show: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        #[cfg(debug_assertions)]
        if let Some(queued) = lock(&self.dialog_answers).pop_front() {
            return queued.into_iter().next();
        }
        show()
    }

    /// What a several-files dialog answers, like [`Self::dialog`].
    pub(crate) fn dialog_many(&self, show: impl FnOnce() -> Vec<PathBuf>) -> Vec<PathBuf> {
        #[cfg(debug_assertions)]
        if let Some(queued) = lock(&self.dialog_answers).pop_front() {
            return queued;
        }
        show()
    }
}
