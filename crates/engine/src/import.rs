//! Importing a CV file: read (size-checked), extract and analyse by rules in a bounded worker
//! ([`crate::bounded`]), improve by AI when asked (with the profile's answer cache), and record the
//! analysis and its CV version in the history.

use crate::ai::StoreCache;
use crate::analyze::{AnalyzeOptions, improve_with_ai};
use crate::bounded::{CancelToken, stopped};
use jobgate_core::error::Result;
use jobgate_core::{AnalysisResponse, JobGateError, Reason};
use jobgate_store::{ProfileId, RecordedAnalysis, Store};
use std::path::Path;
use std::sync::Mutex;

/// Where imports are kept: one profile of a store.
#[derive(Clone, Copy)]
pub struct Keep<'a> {
    pub store: &'a Mutex<Store>,
    pub profile: ProfileId,
}

/// An imported file: its analysis and, when it could be saved, where it is in the history.
#[derive(Debug)]
pub struct Imported {
    pub file_name: String,
    pub analysis: AnalysisResponse,
    /// `None` without a history; `Some(Err)` when the analysis could not be saved (locked
    /// profile, full disk) — the analysis stands either way.
    pub recorded: Option<Result<RecordedAnalysis>>,
}

/// Imports `path`: reports `(stage, percent)` as it goes (`reading`, `extracting`, `ai`, `saving`,
/// `done`). Without `keep` nothing is saved and no AI answer is cached.
pub fn import_file(
    path: &Path,
    opts: &AnalyzeOptions,
    keep: Option<Keep<'_>>,
    progress: &dyn Fn(&'static str, u8),
) -> Result<Imported> {
    import_file_reporting(path, opts, keep, progress, &|_| {})
}

/// [`import_file`], also announcing each page OCR starts to read in a scan or a photo (`pages`).
pub fn import_file_reporting(
    path: &Path,
    opts: &AnalyzeOptions,
    keep: Option<Keep<'_>>,
    progress: &dyn Fn(&'static str, u8),
    pages: &dyn Fn(crate::bounded::Progress),
) -> Result<Imported> {
    import_file_cancellable(path, opts, keep, progress, pages, &CancelToken::new())
}

/// [`import_file_reporting`] that `cancel` stops (the app's Cancel): the file's worker is killed at
/// once, with its OCR, and the import ends with `CANCELLED`; nothing of a cancelled import is saved.
pub fn import_file_cancellable(
    path: &Path,
    opts: &AnalyzeOptions,
    keep: Option<Keep<'_>>,
    progress: &dyn Fn(&'static str, u8),
    pages: &dyn Fn(crate::bounded::Progress),
    cancel: &CancelToken,
) -> Result<Imported> {
    progress("reading", 5);
    let mut read = Vec::new();
    let cache = keep.map(|k| StoreCache::new(k.store, k.profile));
    let analysis = crate::analyze::timed(|| {
        read = jobgate_extract::read_file(path)?;
        progress("extracting", 25);
        let (doc, mut analysis) = crate::bounded::analyse_cancellable(&read, opts, pages, cancel)?;
        stopped(cancel)?;
        if let Some(cfg) = &opts.ai {
            progress("ai", 60);
            let cache = cache.as_ref().map(|c| c as &dyn jobgate_ai::AiCache);
            improve_with_ai(&doc, &mut analysis, cfg, cache, opts, cancel);
        }
        Ok(analysis)
    })?;
    let bytes = read;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The last moment a cancel counts: after this the import is saved whole.
    stopped(cancel)?;
    progress("saving", 90);
    let recorded = keep.map(|k| {
        let sha = jobgate_store::sha256_hex(&bytes);
        k.store
            .lock()
            .map_err(|_| JobGateError::storage(Reason::new("reason-history-poisoned")))
            .and_then(|mut s| {
                let recorded = s.record_analysis(k.profile, &file_name, &sha, &analysis)?;
                // The AI answers used for this CV go when it is deleted. Not tying them costs only a
                // cache row left behind, so a failure here does not fail the import.
                if let Some(cache) = &cache {
                    let _ = s.note_ai_answers_used(k.profile, recorded.cv_id, &cache.used_keys());
                }
                Ok(recorded)
            })
    });
    progress("done", 100);
    Ok(Imported {
        file_name,
        analysis,
        recorded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_ai::AiConfig;
    use std::time::{Duration, Instant};

    #[test]
    fn a_cancel_during_the_ai_step_stops_the_import_at_once_and_saves_nothing() {
        // An AI server that takes the connection and never answers: only the cancel can end the call
        // before its 30 s time limit.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let held: Vec<_> = listener.incoming().collect();
            drop(held);
        });
        let opts = AnalyzeOptions {
            ai: Some(AiConfig {
                base_url: format!("http://{addr}/v1"),
                api_key: "test-key".into(),
                ..AiConfig::default()
            }),
            ..AnalyzeOptions::default()
        };
        let cancel = CancelToken::new();
        let later = cancel.clone();
        let stages = Mutex::new(Vec::new());
        let cv = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/corpus/files/001__even.pdf");
        let started = Instant::now();
        let waiter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            later.cancel();
        });
        let r = import_file_cancellable(
            &cv,
            &opts,
            None,
            &|stage, _| stages.lock().unwrap().push(stage),
            &|_| {},
            &cancel,
        );
        waiter.join().unwrap();
        assert!(matches!(r, Err(JobGateError::Cancelled)), "{r:?}");
        assert!(
            stages.lock().unwrap().contains(&"ai"),
            "the AI step had started"
        );
        assert!(
            !stages.lock().unwrap().contains(&"saving"),
            "nothing is saved"
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the call was given up at the cancel, not at its time limit"
        );
    }
}
