//! The `jobgate` binary end to end, one test binary (one link) for the whole CLI: `analyze`, `build`,
//! `export` (JSON Resume in and out), `match`, and the people on a shared machine (`profile`, `--profile`,
//! `--guest`).

mod analyze;
mod bounded;
mod build;
mod export;
mod matching;
mod ocr;
mod profiles;
mod sync;
