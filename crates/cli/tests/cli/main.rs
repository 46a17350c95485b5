//! The `jobgate` binary end to end, one test binary (one link) for the whole CLI: `analyze`, `build`,
//! `match`, and the people on a shared machine (`profile`, `--profile`, `--guest`).

mod analyze;
mod build;
mod matching;
mod profiles;
