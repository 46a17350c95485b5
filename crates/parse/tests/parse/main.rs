//! The rule parser's tests in one binary: rules on small documents, and the accuracy ratchets on the
//! sample corpus, on held-out layouts and on scans read by OCR, and the inputs the fuzzers found.

mod common;
mod corpus_accuracy;
mod fuzz;
mod generators_accuracy;
mod heldout_accuracy;
mod hostile;
mod rules;
mod scans_accuracy;
