//! Job Gate's engine: one API over the phase crates, used alike by the `jobgate` CLI and the desktop app.
//!
//! The phase crates are re-exported under short names; the flows that cross phases live here:
//! [`analyze`] (file → analysis response, rules then optional AI), [`import`] (file → analysis →
//! history) and [`ai`] (the AI step and its
//! SQLite cache). The engine never depends on a GUI toolkit.

pub mod ai;
pub mod analyze;
pub mod clock;
pub mod import;

pub use jobgate_ai as llm;
pub use jobgate_builder as builder;
pub use jobgate_core as core;
pub use jobgate_export as export;
pub use jobgate_extract as extract;
pub use jobgate_parse as parse;
pub use jobgate_score as score;
pub use jobgate_store as store;

pub use analyze::{
    AnalyzeOptions, analyze_by_rules, analyze_bytes, analyze_document, analyze_document_cached,
    analyze_file, analyze_file_cached,
};
pub use import::{Imported, Keep, import_file};
