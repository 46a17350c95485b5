//! The analysis flow: file bytes → [`Document`] → structured CV → ATS report → analysis response.

use jobgate_ai::{AiCache, AiConfig, CancelToken};
use jobgate_core::error::Result;
use jobgate_core::{AnalysisResponse, Document, Lang, ParserKind};
use std::path::Path;
use std::time::Instant;

/// How to analyse.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// Language of messages and suggestions; `None` follows the document (Arabic CV → Arabic messages).
    pub lang: Option<Lang>,
    /// Today's (year, month); `None` reads the system clock.
    pub today: Option<(u16, u8)>,
    /// The AI server to improve the rule result with; `None` never calls out (`--no-ai`).
    pub ai: Option<AiConfig>,
}

impl AnalyzeOptions {
    fn today(&self) -> (u16, u8) {
        self.today.unwrap_or_else(crate::clock::today)
    }
}

/// Analyses a PDF or DOCX file on disk.
pub fn analyze_file(path: &Path, opts: &AnalyzeOptions) -> Result<AnalysisResponse> {
    analyze_file_cached(path, opts, None)
}

/// [`analyze_file`] with a cache for AI answers (see [`crate::ai::StoreCache`]).
pub fn analyze_file_cached(
    path: &Path,
    opts: &AnalyzeOptions,
    cache: Option<&dyn AiCache>,
) -> Result<AnalysisResponse> {
    timed(|| {
        let bytes = jobgate_extract::read_file(path)?;
        analyze_untrusted(&bytes, opts, cache)
    })
}

/// Analyses a PDF or DOCX given as bytes.
pub fn analyze_bytes(bytes: &[u8], opts: &AnalyzeOptions) -> Result<AnalysisResponse> {
    timed(|| analyze_untrusted(bytes, opts, None))
}

/// The bytes of a file from anyone: extracted, parsed and scored in a bounded worker
/// ([`crate::bounded`]), then improved by AI here when `opts.ai` is set.
pub fn analyze_untrusted(
    bytes: &[u8],
    opts: &AnalyzeOptions,
    cache: Option<&dyn AiCache>,
) -> Result<AnalysisResponse> {
    let (doc, mut r) = crate::bounded::analyse(bytes, opts)?;
    if let Some(cfg) = &opts.ai {
        improve_with_ai(&doc, &mut r, cfg, cache, opts, &CancelToken::new());
    }
    Ok(r)
}

/// Runs one analysis and sets its `processing_time`: the seconds `work` took, to the microsecond.
/// Every entry point wraps its whole work in it (an inner one's figure is replaced by the outer
/// one's, which includes it), and [`stamp`] is the one place the field is written.
pub(crate) fn timed(work: impl FnOnce() -> Result<AnalysisResponse>) -> Result<AnalysisResponse> {
    let started = Instant::now();
    let mut r = work()?;
    stamp(&mut r, started);
    Ok(r)
}

/// [`timed`] for work that cannot fail.
fn timed_ok(work: impl FnOnce() -> AnalysisResponse) -> AnalysisResponse {
    let started = Instant::now();
    let mut r = work();
    stamp(&mut r, started);
    r
}

fn stamp(r: &mut AnalysisResponse, started: Instant) {
    r.processing_time = (started.elapsed().as_secs_f64() * 1e6).round() / 1e6;
}

/// Parses and scores an already extracted document: by rules, then by AI when `opts.ai` is set.
pub fn analyze_document(doc: &Document, opts: &AnalyzeOptions) -> AnalysisResponse {
    analyze_document_cached(doc, opts, None)
}

/// [`analyze_document`] with a cache for AI answers.
pub fn analyze_document_cached(
    doc: &Document,
    opts: &AnalyzeOptions,
    cache: Option<&dyn AiCache>,
) -> AnalysisResponse {
    timed_ok(|| {
        let mut r = analyze_by_rules(doc, opts);
        if let Some(cfg) = &opts.ai {
            improve_with_ai(doc, &mut r, cfg, cache, opts, &CancelToken::new());
        }
        r
    })
}

/// The AI step of an analysis (the profile's answer cache when given); `cancel` gives the call up at
/// once (an import's Cancel).
pub(crate) fn improve_with_ai(
    doc: &Document,
    r: &mut AnalysisResponse,
    cfg: &AiConfig,
    cache: Option<&dyn AiCache>,
    opts: &AnalyzeOptions,
    cancel: &CancelToken,
) {
    let lang = opts.lang.unwrap_or(Lang::for_document(doc.language));
    crate::ai::improve(doc, r, cfg, cache, lang, opts.today(), cancel);
}

/// Parses and scores an already extracted document by rules only.
pub fn analyze_by_rules(doc: &Document, opts: &AnalyzeOptions) -> AnalysisResponse {
    timed_ok(|| {
        let lang = opts.lang.unwrap_or(Lang::for_document(doc.language));
        let parsed = jobgate_parse::parse(doc);
        let features = jobgate_score::features(&parsed.cv, opts.today());
        let report = jobgate_score::score_parsed(&parsed, doc, lang);
        let mut warnings = doc.warnings.clone();
        if let Some(info) = &doc.ocr {
            warnings.extend(jobgate_extract::ocr::warnings::warnings(info, &parsed.cv));
        }
        warnings.extend(parsed.warnings);
        let mut r = AnalysisResponse {
            success: true,
            structured_data: parsed.cv,
            ats_score: report.score,
            ats_checks: report.checks,
            suggestions: report.suggestions,
            suggestion_phrases: report.suggestion_phrases,
            features,
            language: doc.language,
            parser: ParserKind::Rules,
            warnings,
            processing_time: 0.0,
            error_message: None,
        };
        // The warnings were made before the reader's language was known.
        r.localize(lang);
        r
    })
}
