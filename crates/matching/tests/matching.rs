//! jobgate-matching tests (one binary): job descriptions in English and Arabic, ranking on hand-built
//! analyses and on the sample corpus (first from its truth data, then through the real pipeline).

#[path = "matching/common.rs"]
mod common;
#[path = "matching/generators.rs"]
mod generators;
#[path = "matching/parse.rs"]
mod parse;
#[path = "matching/pipeline.rs"]
mod pipeline;
#[path = "matching/ranking.rs"]
mod ranking;
