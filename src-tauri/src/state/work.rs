//! Work in flight the person can stop: the import being read now (its Cancel button). A new import, a
//! profile switch, a lock or the idle lock cancels the one before.

use super::{AppState, lock};
use jobgate_engine::CancelToken;

impl AppState {
    /// A fresh cancel token for an import that starts now; the import before it, if still running, is
    /// cancelled (one import at a time).
    pub fn start_import(&self) -> CancelToken {
        let token = CancelToken::new();
        if let Some(old) = lock(&self.import_call).replace(token.clone()) {
            old.cancel();
        }
        token
    }

    /// Stops the import running now, if any: its worker is killed with its OCR, and the import ends
    /// with `CANCELLED`, having saved nothing.
    pub fn cancel_import(&self) {
        if let Some(token) = lock(&self.import_call).take() {
            token.cancel();
        }
    }
}
