//! Job Gate's engine: one API over the phase crates, used alike by the `jobgate` CLI and the desktop app.
//!
//! The phase crates are re-exported under short names; the flows that cross phases live here:
//! [`analyze`] (file → analysis response, rules then optional AI), [`import`] (file → analysis →
//! history), [`bounded`] (untrusted files read in worker processes under a deadline and memory and
//! stack limits), [`ai`] (the AI step and its SQLite cache), [`screening`] (many CVs analysed in
//! parallel and ranked against a job, failures kept, CSV) and [`compare`] (two CV versions side by
//! side), [`people`] and [`policy`] (whose data is open on a shared machine, under the administrator's rules), [`settings`] (a person's choices and the rules over them: keys, the language check, AI and sync servers and consent)
//! and [`sync`] (the person's store synced with the organisation's server); [`view`] holds the view models both front ends lay out (score bands, the analysis in the reader's language). The engine never depends on a GUI
//! toolkit.

pub mod ai;
pub mod analyze;
pub mod bounded;
pub mod clock;
pub mod compare;
pub mod import;
pub mod people;
pub mod policy;
pub mod screening;
pub mod settings;
pub mod sync;
pub mod view;

pub use jobgate_ai as llm;
pub use jobgate_builder as builder;
pub use jobgate_core as core;
pub use jobgate_export as export;
pub use jobgate_extract as extract;
pub use jobgate_matching as matching;
pub use jobgate_parse as parse;
pub use jobgate_score as score;
pub use jobgate_store as store;
pub use jobgate_sync as sync_client;

pub use analyze::{
    AnalyzeOptions, analyze_by_rules, analyze_bytes, analyze_document, analyze_document_cached,
    analyze_file, analyze_file_cached,
};
pub use bounded::CancelToken;
pub use import::{Imported, Keep, import_file, import_file_cancellable, import_file_reporting};
