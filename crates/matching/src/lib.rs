//! Job matching: reads a job description ([`parse_job`], [`load_job`]) and ranks analysed CVs against
//! it ([`rank`]) with a score out of 100 made of separate, explained components; also the job-match
//! line of a single CV's analysis ([`job_match_check`]).
//!
//! Skills on both sides go through the skills lexicon (`lexicons/skills.toml`), so synonyms,
//! abbreviations and Arabic spellings meet ("JS" = "JavaScript" = "جافاسكريبت"); the other words job
//! descriptions use (cues, headings, degrees, languages, title words) are data in `data/job_terms.toml`.
//! This crate does not analyse CVs (the engine does) and prints nothing (the CLI and the app do).

mod job;
mod rank;
mod terms;

pub use job::{EducationLevel, JobSpec, job_text, job_text_reporting, load_job, parse_job};
pub use rank::{Candidate, MatchComponent, MatchResult, job_match_check, match_one, rank, rank_in};
