//! Job Gate's engine: one API over the phase crates, used alike by the `jobgate` CLI and the desktop app.
//!
//! The phase crates are re-exported under short names; the flows that cross phases live here:
//! [`analyze`] (file → analysis response). The engine never depends on a GUI toolkit.

pub mod analyze;
pub mod clock;

pub use jobgate_core as core;
pub use jobgate_extract as extract;
pub use jobgate_parse as parse;
pub use jobgate_score as score;

pub use analyze::{AnalyzeOptions, analyze_bytes, analyze_document, analyze_file};
