//! Rule-based CV parser: [`Document`] → [`Cv`] (being written: see issue 2).

use jobgate_core::{Cv, Document, Warning};

/// A parsed CV plus what the parser noticed on the way.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub cv: Cv,
    pub warnings: Vec<Warning>,
}

/// Parses a document by rules. Never fails: a document with no recognisable structure gives an empty CV.
pub fn parse(_doc: &Document) -> Parsed {
    Parsed::default()
}
