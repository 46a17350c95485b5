//! The data contract: JSON types shared by the UI, the CLI `--json` output and sync (DESIGN §2).
//!
//! Field names follow the seed guide exactly so the Node.js backend can take them as they are.
//! Every field has a default, so partial JSON (from an older version, the backend or an LLM) still loads.

use crate::i18n::Lang;
use crate::phrase::{Arg, Phrase};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The structured CV (`structured_data`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Cv {
    pub personal_info: PersonalInfo,
    pub summary: String,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub skills: Vec<String>,
    pub achievements: Vec<String>,
    pub certifications: Vec<String>,
    pub languages: Vec<LanguageSkill>,
    pub projects: Vec<Project>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PersonalInfo {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub headline: String,
    pub links: Vec<String>,
}

/// One job. `start`/`end` are normalised (`YYYY`, `YYYY-MM` or `present`); `period` keeps the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Experience {
    #[serde(alias = "job")]
    pub title: String,
    pub company: String,
    pub location: String,
    pub start: String,
    pub end: String,
    pub period: String,
    pub achievements: Vec<String>,
}

/// One degree or course of study. `years` keeps the original text of the dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Education {
    pub degree: String,
    pub field: String,
    pub school: String,
    pub start: String,
    pub end: String,
    pub years: String,
    pub grade: String,
}

/// A spoken language and, when stated, the level ("native", "C1", "ممتاز").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LanguageSkill {
    pub name: String,
    pub level: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Project {
    pub title: String,
    pub description: String,
    pub link: String,
}

impl Cv {
    /// True when nothing at all was filled in.
    pub fn is_empty(&self) -> bool {
        *self == Cv::default()
    }

    /// What the CV says about the person, one field a line: the headline, the summary, the skills,
    /// each job's title and achievements, each degree and its field, the achievements and
    /// certifications, each project's title and description — not the contact details or the names
    /// of employers and schools. What skills are looked for in (the job match).
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(2048);
        let mut add = |s: &str| {
            text.push_str(s);
            text.push('\n');
        };
        add(&self.personal_info.headline);
        add(&self.summary);
        for s in &self.skills {
            add(s);
        }
        for e in &self.experience {
            add(&e.title);
            for a in &e.achievements {
                add(a);
            }
        }
        for e in &self.education {
            add(&e.degree);
            add(&e.field);
        }
        for s in self.achievements.iter().chain(&self.certifications) {
            add(s);
        }
        for p in &self.projects {
            add(&p.title);
            add(&p.description);
        }
        text
    }

    /// The language the CV is written in: Arabic when most letters of its prose (the name, headline
    /// and summary, each job's title, employer and achievements, each degree and school) are Arabic,
    /// else English. Skills are left out: an Arabic CV often lists them in English. What an export
    /// is laid out in when nobody chose, a built CV's headings, a builder session's CV language.
    pub fn language(&self) -> Lang {
        let mut prose = String::new();
        let p = &self.personal_info;
        for s in [&p.name, &p.headline, &self.summary] {
            prose.push_str(s);
            prose.push(' ');
        }
        for e in &self.experience {
            prose.push_str(&e.title);
            prose.push(' ');
            prose.push_str(&e.company);
            for a in &e.achievements {
                prose.push(' ');
                prose.push_str(a);
            }
        }
        for e in &self.education {
            prose.push_str(&e.degree);
            prose.push(' ');
            prose.push_str(&e.school);
        }
        if crate::text::arabic_ratio(&prose) > 0.5 {
            Lang::Ar
        } else {
            Lang::En
        }
    }
}

/// One line of the ATS checklist. `points` of all checks add up to `ats_score`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AtsCheck {
    /// Stable id: `contact`, `experience`, `education`, `skills`, `achievements`, `formatting`, `job_match`.
    pub id: String,
    pub passed: bool,
    pub points: f64,
    pub max_points: f64,
    /// What was found, in the user's language.
    pub message: String,
    /// What to do about it, in the user's language (empty when nothing needs doing).
    pub suggestion: String,
    /// `message` kept as a code with arguments, so the check can be said again in another language
    /// (absent in analyses stored before codes were kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_phrase: Option<Phrase>,
    /// The fixes that make up `suggestion`, biggest gain first, as codes with arguments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestion_phrases: Vec<Phrase>,
}

impl AtsCheck {
    /// Puts `message` and `suggestion` into `lang` from their phrases (a check without phrases keeps
    /// its words). Fixes are joined with a space, as the checklist shows them.
    pub fn localize(&mut self, lang: Lang) {
        if let Some(p) = &self.message_phrase {
            self.message = p.render(lang);
        }
        if !self.suggestion_phrases.is_empty() {
            self.suggestion = self
                .suggestion_phrases
                .iter()
                .map(|p| p.render(lang))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
}

/// Derived facts about the CV (seed guide's `features`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Features {
    pub key_skills: Vec<String>,
    pub total_years_experience: f64,
    pub achievement_count: usize,
    pub has_quantifiable_results: bool,
}

/// A non-fatal problem met on the way (the result is still usable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Warning {
    /// A [`crate::warning::WarningCode`] (`PARTIAL_TEXT`) or, for a failure that did not stop the
    /// work, an [`crate::ErrorCode`] name (`AI_UNAVAILABLE`).
    pub code: String,
    /// In the reader's language; said again from `code` and `args` when the language changes.
    pub message: String,
    /// The typed arguments of the code's message (see [`crate::warning`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// Which parser produced `structured_data`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ParserKind {
    #[default]
    Rules,
    Ai,
}

/// The language a document is mostly written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum DocLanguage {
    #[default]
    En,
    Ar,
    Mixed,
}

/// The analysis response (DESIGN §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AnalysisResponse {
    pub success: bool,
    pub structured_data: Cv,
    pub ats_score: f64,
    pub ats_checks: Vec<AtsCheck>,
    pub suggestions: Vec<String>,
    pub features: Features,
    pub language: DocLanguage,
    pub parser: ParserKind,
    pub warnings: Vec<Warning>,
    /// Seconds.
    pub processing_time: f64,
    pub error_message: Option<String>,
    /// `suggestions` kept as codes with arguments (absent in analyses stored before codes were kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestion_phrases: Vec<Phrase>,
}

impl AnalysisResponse {
    /// Puts every message kept as a code (checks, suggestions, warnings) into `lang`. Words stored
    /// without a code stay as they are (see `jobgate_engine::view` for re-deriving those).
    pub fn localize(&mut self, lang: Lang) {
        for c in &mut self.ats_checks {
            c.localize(lang);
        }
        if !self.suggestion_phrases.is_empty() {
            self.suggestions = self
                .suggestion_phrases
                .iter()
                .map(|p| p.render(lang))
                .collect();
        }
        for w in &mut self.warnings {
            if let Some(p) = w.phrase() {
                w.message = p.render(lang);
            }
        }
    }
}

impl Default for AnalysisResponse {
    fn default() -> Self {
        AnalysisResponse {
            success: true,
            structured_data: Cv::default(),
            ats_score: 0.0,
            ats_checks: Vec::new(),
            suggestions: Vec::new(),
            features: Features::default(),
            language: DocLanguage::En,
            parser: ParserKind::Rules,
            warnings: Vec::new(),
            processing_time: 0.0,
            error_message: None,
            suggestion_phrases: Vec::new(),
        }
    }
}

/// The builder response after every turn (DESIGN §2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BuilderResponse {
    pub session_id: String,
    /// `asking_for_<what>`, `review` or `finalized` (DESIGN §8).
    pub current_state: String,
    pub message: String,
    pub next_questions: Vec<String>,
    pub cv_preview: Cv,
    /// 0–100.
    pub progress: u8,
    /// The parts of the CV with nothing in them yet (`name`, `experience`…).
    pub missing_sections: Vec<crate::Section>,
    pub suggestions: Vec<String>,
    pub estimated_minutes_left: u32,
    /// A rewrite of the last answer waiting for the user to accept (`/accept`) or keep their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_rewrite: Option<String>,
    /// `message` kept as codes with arguments, one a line, so a transcript of earlier turns can be
    /// said again in another language ([`BuilderResponse::localize`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub message_phrases: Vec<Phrase>,
}

impl BuilderResponse {
    /// Puts `message` into `lang` from its phrases (a response without them keeps its words).
    /// The current turn's questions and suggestions are said again by the builder itself.
    pub fn localize(&mut self, lang: Lang) {
        if !self.message_phrases.is_empty() {
            self.message = self
                .message_phrases
                .iter()
                .map(|p| p.render(lang))
                .collect::<Vec<_>>()
                .join("\n");
        }
    }
}

/// The error shape of every failed command and every CLI `--json` failure (DESIGN §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorResponse {
    pub success: bool,
    /// Human message in the user's language.
    pub error: String,
    pub error_code: String,
    pub details: serde_json::Value,
    pub suggested_action: String,
}
