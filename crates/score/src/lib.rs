//! Deterministic, explained ATS score (being written: see issue 2).

use jobgate_core::{AtsCheck, Cv, Document, Features, Lang};

/// The score, its checklist (points add up to the score) and the top suggestions, in order.
#[derive(Debug, Clone, Default)]
pub struct AtsReport {
    pub score: f64,
    pub checks: Vec<AtsCheck>,
    pub suggestions: Vec<String>,
}

/// Scores a CV. `doc` gives the layout facts (headings, length, extractable text).
pub fn score(_cv: &Cv, _doc: &Document, _lang: Lang) -> AtsReport {
    AtsReport::default()
}

/// Derived facts about a CV. `today` is (year, month), used for periods that run to "present".
pub fn features(_cv: &Cv, _today: (u16, u8)) -> Features {
    Features::default()
}
