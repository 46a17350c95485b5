//! Job Gate's shared vocabulary, used by every other crate.
//!
//! - [`contract`]: the JSON shapes of DESIGN §2 (structured CV, analysis, builder, error responses).
//! - [`error`]: one error enum whose variants are the user-facing error codes.
//! - [`i18n`]: Fluent messages in English and Arabic, with a correct Arabic plural rule.
//! - [`document`]: the extracted text of a CV, as lines, before it is parsed.
//! - [`text`] and [`dates`]: normalisation of digits, presentation forms, bidi marks and dates.
//! - [`lexicon`]: the skills lexicon (canonical skills, synonyms, Arabic equivalents).
//! - [`phrase`]: messages kept as a Fluent id with typed arguments, rendered when shown (bidi done once).
//! - [`section`]: the parts of a CV (one `Section` enum with stable names), and where the parser found them.
//! - [`warning`]: the warning codes, like the error codes.
//! - [`net`]: the policy for server addresses people type (the host shown is the host used).
//!
//! This crate does no I/O besides reading data files compiled into it.

pub mod contract;
pub mod dates;
pub mod document;
pub mod error;
pub mod i18n;
pub mod jsonresume;
pub mod lexicon;
pub mod net;
pub mod phrase;
pub mod section;
pub mod text;
pub mod warning;

pub use contract::*;
pub use document::{Document, Line};
pub use error::{ErrorCode, JobGateError, Reason, UpdateKind};
pub use i18n::Lang;
pub use phrase::{Arg, Phrase, Segment};
pub use section::{Section, SectionSpan};
pub use warning::{PartialCause, WarningCode};
