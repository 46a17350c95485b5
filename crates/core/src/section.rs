//! The parts of a CV, one vocabulary for every crate: the parser's sections of a document, the
//! builder's questions and `missing_sections`, the export templates' section order, the history's
//! compare view.
//!
//! Each part has one stable lower-case name ([`Section::as_str`], also its serde name): `experience`,
//! `education`, `name`… Fluent ids are built from it (`builder-section-<name>`,
//! `export-heading-<name>`), so the words are in `locales/`, not here.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A part of a CV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Lines of a document before its first heading: name, headline, contact details.
    Header,
    Name,
    Email,
    Phone,
    Location,
    Headline,
    /// A heading of contact details ("Contact", "معلومات الاتصال").
    Contact,
    Links,
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    Certifications,
    Projects,
    Achievements,
    /// A recognised heading of a section the CV contract has no field for (interests, references…).
    Other,
}

impl Section {
    /// Every section, in this order.
    pub const ALL: [Section; 17] = [
        Section::Header,
        Section::Name,
        Section::Email,
        Section::Phone,
        Section::Location,
        Section::Headline,
        Section::Contact,
        Section::Links,
        Section::Summary,
        Section::Experience,
        Section::Education,
        Section::Skills,
        Section::Languages,
        Section::Certifications,
        Section::Projects,
        Section::Achievements,
        Section::Other,
    ];

    /// The stable lower-case name (`experience`, `education`…), as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Name => "name",
            Section::Email => "email",
            Section::Phone => "phone",
            Section::Location => "location",
            Section::Headline => "headline",
            Section::Contact => "contact",
            Section::Links => "links",
            Section::Summary => "summary",
            Section::Experience => "experience",
            Section::Education => "education",
            Section::Skills => "skills",
            Section::Languages => "languages",
            Section::Certifications => "certifications",
            Section::Projects => "projects",
            Section::Achievements => "achievements",
            Section::Other => "other",
        }
    }

    /// The section named `name` ([`Section::as_str`]); `None` for any other text.
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// True for the sections a CV document shows under a heading of their own (what an export
    /// template may list): summary, experience, education, skills, languages, certifications,
    /// projects and achievements.
    pub fn has_heading(self) -> bool {
        matches!(
            self,
            Section::Summary
                | Section::Experience
                | Section::Education
                | Section::Skills
                | Section::Languages
                | Section::Certifications
                | Section::Projects
                | Section::Achievements
        )
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A section of a document as the parser found it, in the document's line indices: what the ATS
/// score reads to judge the headings, so the document is split once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSpan {
    pub kind: Section,
    /// The heading line (`None` for the header before the first heading).
    pub heading: Option<usize>,
    /// The heading's text as written.
    pub heading_text: String,
    /// The body lines (after the heading, up to the next heading).
    pub lines: Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_and_round_trip_through_serde() {
        for s in Section::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(serde_json::from_str::<Section>(&json).unwrap(), s);
            assert_eq!(Section::from_name(s.as_str()), Some(s));
        }
        assert_eq!(Section::from_name("hobbies"), None);
        assert!(serde_json::from_str::<Section>("\"hobbies\"").is_err());
    }
}
