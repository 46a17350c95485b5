//! Rule-based CV parser: [`Document`] → [`Cv`], in English, Arabic and mixed CVs.
//!
//! The flow: clean the lines ([`lines`]: bullets, icons, letter spacing) → split into sections by headings
//! ([`sections`], headings are data in `lexicons/headings.toml`) → personal information from the header
//! ([`contact`]) → dated entries for experience and education ([`entries`]) → the list sections ([`lists`]).
//! Layouts without headings still give contact details and, from their dated lines, entries.
//!
//! Parsing never fails: text with no recognisable structure gives a mostly empty CV. Extraction (reading
//! files, reading order, Arabic shaping) is `jobgate-extract`'s job; scoring is `jobgate-score`'s; the
//! optional AI parser lives in `jobgate-ai`.

mod contact;
mod entries;
mod lines;
mod lists;
mod sections;
mod terms;

pub use jobgate_core::{Section, SectionSpan};

use entries::{
    RawEntry, bare_date, education_from, experience_from, looks_like_education, segment,
};
use jobgate_core::{Cv, Document, Warning};
use lines::{Ln, word_count};
use sections::Block;

/// A parsed CV plus what the parser noticed on the way.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub cv: Cv,
    pub warnings: Vec<Warning>,
    /// The document's sections as [`sections`] gives them, found once for the parse and for the ATS
    /// score's judgement of the headings.
    pub sections: Vec<SectionSpan>,
}

/// The document's sections, in order: the header (lines before the first heading, when there are any),
/// then one section per recognised heading (also in [`Parsed::sections`]).
pub fn sections(doc: &Document) -> Vec<SectionSpan> {
    let lines = lines::clean(doc);
    sections::to_sections(&sections::split(&lines))
}

fn bodies(blocks: &[Block], kind: Section) -> Vec<&Ln> {
    blocks
        .iter()
        .filter(|b| b.kind == kind)
        .flat_map(|b| b.body.iter())
        .collect()
}

fn owned(lines: &[&Ln]) -> Vec<Ln> {
    lines.iter().map(|l| (*l).clone()).collect()
}

/// Parses a document by rules. Never fails: a document with no recognisable structure gives an empty CV.
pub fn parse(doc: &Document) -> Parsed {
    let lines = lines::clean(doc);
    let blocks = sections::split(&lines);
    let mut warnings = Vec::new();
    let mut cv = Cv::default();

    let facts = contact::personal_info(&blocks, &lines);
    cv.personal_info = facts.info;

    // Summary: its section, else the header's sentences.
    let summary: Vec<&Ln> = bodies(&blocks, Section::Summary);
    let summary_lines: Vec<String> = if summary.is_empty() {
        facts
            .leftovers
            .iter()
            .filter(|l| word_count(&l.text) >= 8 && entries::is_sentence(&l.text))
            .map(|l| l.text.clone())
            .collect()
    } else {
        summary
            .iter()
            .skip_while(|l| contact::is_contact_line(&l.text))
            .map(|l| l.text.clone())
            .collect()
    };
    cv.summary = summary_lines.join(" ");

    // Experience and education.
    let exp_blocks: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == Section::Experience)
        .collect();
    let edu_blocks: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == Section::Education)
        .collect();
    for b in &exp_blocks {
        for e in segment(&b.body) {
            let x = experience_from(&e);
            if !(x.title.is_empty() && x.company.is_empty() && x.start.is_empty()) {
                cv.experience.push(x);
            }
        }
    }
    for b in &edu_blocks {
        for e in segment(&b.body) {
            let x = education_from(&e);
            if !(x.school.is_empty() && x.degree.is_empty()) {
                cv.education.push(x);
            }
        }
    }
    if exp_blocks.is_empty() || edu_blocks.is_empty() {
        // No heading for them: dated entries wherever they are (header, unknown sections).
        let loose: Vec<Ln> = blocks
            .iter()
            .filter(|b| matches!(b.kind, Section::Header | Section::Other))
            .flat_map(|b| b.body.iter())
            .filter(|l| {
                facts.leftovers.iter().any(|x| x.idx == l.idx)
                    || !blocks
                        .iter()
                        .any(|b| b.kind == Section::Header && b.body.iter().any(|x| x.idx == l.idx))
            })
            .cloned()
            .collect();
        let found: Vec<RawEntry> = segment(&loose)
            .into_iter()
            .filter(|e| e.range.is_some() && !e.head.is_empty())
            .collect();
        for e in found {
            if looks_like_education(&e) {
                if edu_blocks.is_empty() {
                    cv.education.push(education_from(&e));
                }
            } else if exp_blocks.is_empty() {
                cv.experience.push(experience_from(&e));
            }
        }
        if blocks.iter().all(|b| b.heading.is_none()) && !lines.is_empty() {
            warnings.push(Warning::no_section_headings());
        }
    }
    fill_leftover_dates(&blocks, &mut cv);

    // A "Languages" heading over programming languages ("Go Python SQL", as themes group skills)
    // heads skills: its lines that name no spoken language but known skills go to the skills.
    let (coded, spoken): (Vec<&Ln>, Vec<&Ln>) = bodies(&blocks, Section::Languages)
        .into_iter()
        .partition(|l| lists::names_skills_not_languages(&l.text));
    let mut skill_lines = bodies(&blocks, Section::Skills);
    skill_lines.extend(coded);
    // Skill groups under headings of their own ("Programming", "Web"), each skill on its own line,
    // fall into whatever section came before: two or more such lines in a row are skills.
    for b in blocks
        .iter()
        .filter(|b| matches!(b.kind, Section::Header | Section::Summary | Section::Other))
    {
        let flags: Vec<bool> = b.body.iter().map(|l| lists::only_skills(&l.text)).collect();
        for (i, l) in b.body.iter().enumerate() {
            let next = flags.get(i + 1).copied().unwrap_or(false);
            let prev = i > 0 && flags[i - 1];
            if flags[i] && (next || prev) {
                skill_lines.push(l);
            }
        }
    }
    cv.skills = lists::skills(&skill_lines);
    let lang_lines: Vec<String> = spoken
        .iter()
        .filter(|l| !(l.heading_hint && lists::languages(std::slice::from_ref(&l.text)).is_empty()))
        .map(|l| l.text.clone())
        .collect();
    cv.languages = lists::languages(&lang_lines);
    if cv.languages.is_empty() {
        cv.languages = lists::languages(&facts.languages);
    }
    cv.certifications = lists::certifications(&owned(&bodies(&blocks, Section::Certifications)));
    cv.achievements = lists::achievements(&owned(&bodies(&blocks, Section::Achievements)));
    cv.projects = lists::projects(&owned(&bodies(&blocks, Section::Projects)));
    for l in lists::projects(&owned(&bodies(&blocks, Section::Links))) {
        if !l.link.is_empty() && !cv.personal_info.links.contains(&l.link) {
            cv.personal_info.links.push(l.link);
        }
    }
    Parsed {
        cv,
        warnings,
        sections: sections::to_sections(&blocks),
    }
}

/// Two-column leftovers: periods that extraction pushed out of their entry, into a section with no
/// dates of its own (skills, languages), go, in order, to the education and then the experience entries
/// that have none.
fn fill_leftover_dates(blocks: &[Block], cv: &mut Cv) {
    let orphans: Vec<(jobgate_core::dates::DateRange, String)> = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                Section::Skills | Section::Languages | Section::Links | Section::Contact
            )
        })
        .flat_map(|b| b.body.iter())
        .filter_map(bare_date)
        .collect();
    let mut orphans = orphans.into_iter();
    let norm =
        |p: Option<jobgate_core::dates::DatePoint>| p.map(|p| p.normalized()).unwrap_or_default();
    for ed in cv
        .education
        .iter_mut()
        .filter(|e| e.start.is_empty() && e.end.is_empty())
    {
        let Some((r, text)) = orphans.next() else {
            return;
        };
        ed.start = norm(r.start);
        ed.end = norm(r.end.or(r.start));
        ed.years = text;
    }
    for ex in cv.experience.iter_mut().filter(|e| e.start.is_empty()) {
        let Some((r, text)) = orphans.next() else {
            return;
        };
        ex.start = norm(r.start);
        ex.end = norm(r.end);
        ex.period = text;
    }
}
