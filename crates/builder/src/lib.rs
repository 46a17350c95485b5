//! The interactive CV builder (DESIGN §4): a state machine, not free chat.
//!
//! - [`machine`]: the states (named as DESIGN §8), transitions, validation re-asks, loops,
//!   `/back` `/skip` `/edit` `/review` `/done` `/accept`, progress, missing sections and minutes
//!   left, all computed from the state; [`Builder::from_cv`] for "improve my CV".
//! - [`rewrite`]: achievement rewriting by rules from `lexicons/verbs.toml`.
//! - [`validate`]: single-answer checks (email, phone, periods, lists).
//! - [`words`]: yes/no, commands and section names from `lexicons/builder.toml`.
//! - [`session`]: sessions persisted in the store, one transaction per turn, resumable.
//!
//! Questions and messages come from `locales/{en,ar}/builder.ftl`. An LLM rewrite is the `ai`
//! crate's business; exporting the finished CV is the `export` crate's.

pub mod machine;
pub mod rewrite;
pub mod session;
pub mod validate;
pub mod words;

pub use machine::{Builder, Position, Step, Turn};
pub use rewrite::{Rewrite, Rewriter, Tense};
pub use session::Session;
pub use words::{SECTIONS, Section};
