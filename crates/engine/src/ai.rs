//! The AI step of an analysis (DESIGN §5): the rule result is sent with the document text to an
//! OpenAI-compatible model, the answer is validated and merged, and the CV is scored again. Any
//! failure keeps the rule result and says why in an `AI_UNAVAILABLE` warning.

use jobgate_ai::{AiCache, AiConfig, CancelToken};
use jobgate_core::{AnalysisResponse, Document, JobGateError, Lang, ParserKind, Warning};
use jobgate_store::{ProfileId, Store};
use std::sync::Mutex;

/// AI answers kept in the profile's SQLite cache: the same document analysed again costs nothing,
/// and wiping the profile wipes its answers. It remembers the keys it was asked for, so that the import
/// can tie them to the CV (deleting the CV then deletes its answers).
pub struct StoreCache<'a> {
    store: &'a Mutex<Store>,
    profile: ProfileId,
    used: Mutex<Vec<String>>,
}

impl<'a> StoreCache<'a> {
    pub fn new(store: &'a Mutex<Store>, profile: ProfileId) -> StoreCache<'a> {
        StoreCache {
            store,
            profile,
            used: Mutex::new(Vec::new()),
        }
    }

    /// The keys looked up or written so far.
    pub fn used_keys(&self) -> Vec<String> {
        self.used.lock().map(|u| u.clone()).unwrap_or_default()
    }

    fn note(&self, key: &str) {
        if let Ok(mut used) = self.used.lock()
            && !used.iter().any(|k| k == key)
        {
            used.push(key.to_string());
        }
    }
}

impl AiCache for StoreCache<'_> {
    fn get(&self, key: &str) -> Option<String> {
        let store = self.store.lock().ok()?;
        let answer = store.cached_ai_answer(self.profile, key).ok().flatten();
        if answer.is_some() {
            self.note(key);
        }
        answer
    }
    fn put(&self, key: &str, value: &str) {
        self.note(key);
        // A cache that cannot be written only costs a later call; the analysis itself is not affected.
        if let Ok(mut store) = self.store.lock() {
            let _ = store.cache_ai_answer(self.profile, key, value);
        }
    }
}

/// Why AI cannot be tried at all with this configuration: an address the shared policy refuses, no key
/// for a server that needs one, or a key that may not travel there (plain HTTP off this machine).
pub fn missing_key(cfg: &AiConfig) -> Option<JobGateError> {
    jobgate_ai::client::ready_to_send(cfg).err()
}

/// Lets the model improve `analysis` (a rule result for `doc`): on success the merged CV replaces
/// the rule CV, is scored again and `parser` becomes `ai`; on any failure the rule result stays and
/// an `AI_UNAVAILABLE` warning in `lang` carries the reason.
pub fn improve(
    doc: &Document,
    analysis: &mut AnalysisResponse,
    cfg: &AiConfig,
    cache: Option<&dyn AiCache>,
    lang: Lang,
    today: (u16, u8),
    cancel: &CancelToken,
) {
    let result = match missing_key(cfg) {
        Some(e) => Err(e),
        None => jobgate_ai::enhance_cancellable(
            &doc.text(),
            &analysis.structured_data,
            cfg,
            cache,
            cancel,
        ),
    };
    match result {
        Ok(cv) => {
            // The rule parse ran in the bounded worker; the score finds the document's sections again.
            let report = jobgate_score::score(&cv, doc, lang);
            analysis.features = jobgate_score::features(&cv, today);
            analysis.ats_score = report.score;
            analysis.ats_checks = report.checks;
            analysis.suggestions = report.suggestions;
            analysis.suggestion_phrases = report.suggestion_phrases;
            analysis.structured_data = cv;
            analysis.parser = ParserKind::Ai;
        }
        Err(e) => analysis.warnings.push(Warning::from_error(&e, lang)),
    }
}
