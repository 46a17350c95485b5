//! The small document model every renderer draws: a [`Cv`] turned into an ordered list of blocks
//! (name, contact line, section headings, entries, bullets, paragraphs) with localized headings
//! and dates. Text direction is decided here, once per document. Layout (fonts, sizes, pages) is
//! left to the renderers.

use crate::template::{Section, Template, heading_id};
use jobgate_core::{Cv, Lang, i18n::Localizer};

/// One block of the exported CV, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The person's name (document title).
    Name(String),
    /// The line under the name ("Senior Backend Engineer").
    Headline(String),
    /// Email, phone, location, links: shown on one line, separated by [`CONTACT_SEPARATOR`].
    Contact(Vec<String>),
    /// A standard section heading in the document's language.
    Heading(Section, String),
    /// A job, a degree or a project: `title` (bold), `org` (company, location) and `dates`.
    Entry {
        title: String,
        org: String,
        dates: String,
    },
    /// One list item (achievement, certification, language).
    Bullet(String),
    /// A list item of a short list that a two-column template may lay out in two columns.
    ShortItem(String),
    /// A paragraph (summary, skills, project description).
    Text(String),
}

/// Between contact items and between an entry's organisation and place.
pub const CONTACT_SEPARATOR: &str = " | ";

/// What the renderers draw.
#[derive(Debug, Clone)]
pub struct Doc {
    pub lang: Lang,
    /// Right-to-left throughout (paragraph direction, alignment, bullets).
    pub rtl: bool,
    /// Document title and author for the file's properties.
    pub title: String,
    pub author: String,
    pub blocks: Vec<Block>,
}

/// Builds the document model of `cv` for `template`, with headings in `lang`.
pub fn build(cv: &Cv, template: &Template, lang: Lang) -> Doc {
    let loc = Localizer::get(lang);
    let text = |id: &str| clean(&loc.format::<&str, &str>(id, &[]));
    let mut blocks = Vec::new();
    let p = &cv.personal_info;
    if !p.name.trim().is_empty() {
        blocks.push(Block::Name(clean(&p.name)));
    }
    if !p.headline.trim().is_empty() {
        blocks.push(Block::Headline(clean(&p.headline)));
    }
    let contact: Vec<String> = [&p.email, &p.phone, &p.location]
        .into_iter()
        .chain(p.links.iter())
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        blocks.push(Block::Contact(contact));
    }
    let sep = format!("{} ", text("export-list-separator"));
    for &section in &template.sections.order {
        let mut body = Vec::new();
        match section {
            Section::Summary => push_text(&mut body, &cv.summary),
            Section::Experience => {
                for e in &cv.experience {
                    let org = join_nonempty(&[&e.company, &e.location], CONTACT_SEPARATOR);
                    let dates = dates(loc, &e.start, &e.end, &e.period);
                    if e.title.trim().is_empty() && org.is_empty() {
                        continue;
                    }
                    body.push(Block::Entry {
                        title: clean(if e.title.trim().is_empty() {
                            &e.company
                        } else {
                            &e.title
                        }),
                        org: if e.title.trim().is_empty() {
                            clean(&e.location)
                        } else {
                            org
                        },
                        dates,
                    });
                    for a in &e.achievements {
                        push_bullet(&mut body, a);
                    }
                }
            }
            Section::Education => {
                for e in &cv.education {
                    let degree = match (e.degree.trim(), e.field.trim()) {
                        ("", f) => f.to_string(),
                        (d, "") => d.to_string(),
                        (d, f) if d.to_lowercase().contains(&f.to_lowercase()) => d.to_string(),
                        (d, f) => clean(
                            &loc.format("export-degree-field", &[("degree", d), ("field", f)]),
                        ),
                    };
                    let org = join_nonempty(&[&e.school, &e.grade], CONTACT_SEPARATOR);
                    if degree.is_empty() && org.is_empty() {
                        continue;
                    }
                    let (title, org) = if degree.is_empty() {
                        (clean(&e.school), clean(&e.grade))
                    } else {
                        (clean(&degree), org)
                    };
                    body.push(Block::Entry {
                        title,
                        org,
                        dates: dates(loc, &e.start, &e.end, &e.years),
                    });
                }
            }
            Section::Skills => {
                let skills: Vec<String> = cv
                    .skills
                    .iter()
                    .map(|s| clean(s))
                    .filter(|s| !s.is_empty())
                    .collect();
                if !skills.is_empty() {
                    body.push(Block::Text(skills.join(&sep)));
                }
            }
            Section::Languages => {
                for l in &cv.languages {
                    let (name, level) = (clean(&l.name), clean(&l.level));
                    if name.is_empty() {
                        continue;
                    }
                    body.push(Block::ShortItem(if level.is_empty() {
                        name
                    } else {
                        format!("{name} ({level})")
                    }));
                }
            }
            Section::Certifications => {
                for c in &cv.certifications {
                    let c = clean(c);
                    if !c.is_empty() {
                        body.push(Block::ShortItem(c));
                    }
                }
            }
            Section::Projects => {
                for pr in &cv.projects {
                    if pr.title.trim().is_empty() && pr.description.trim().is_empty() {
                        continue;
                    }
                    body.push(Block::Entry {
                        title: clean(&pr.title),
                        org: clean(&pr.link),
                        dates: String::new(),
                    });
                    push_text(&mut body, &pr.description);
                }
            }
            Section::Achievements => {
                for a in &cv.achievements {
                    push_bullet(&mut body, a);
                }
            }
            // Not listed by a template (checked when it loads): shown in the header, or no part of
            // an export.
            Section::Header
            | Section::Name
            | Section::Email
            | Section::Phone
            | Section::Location
            | Section::Headline
            | Section::Contact
            | Section::Links
            | Section::Other => {}
        }
        if !body.is_empty() {
            blocks.push(Block::Heading(section, text(&heading_id(section))));
            blocks.extend(body);
        }
    }
    let title = clean(&p.name);
    Doc {
        lang,
        rtl: lang.is_rtl(),
        author: title.clone(),
        title,
        blocks,
    }
}

/// The language a CV is written in, for exports where the user did not choose one
/// ([`Cv::language`]).
pub fn language_of(cv: &Cv) -> Lang {
    cv.language()
}

fn push_text(body: &mut Vec<Block>, s: &str) {
    for para in s.split('\n') {
        let para = clean(para);
        if !para.is_empty() {
            body.push(Block::Text(para));
        }
    }
}

fn push_bullet(body: &mut Vec<Block>, s: &str) {
    let s = clean(s);
    let s = s
        .trim_start_matches(['•', '-', '*', '·', '▪', '●', '–'])
        .trim();
    if !s.is_empty() {
        body.push(Block::Bullet(s.to_string()));
    }
}

fn join_nonempty(parts: &[&String], sep: &str) -> String {
    parts
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// One line of text: no control characters, no bidi controls or isolation marks (the renderers
/// decide direction themselves), single spaces.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// "Mar 2021 – Present" from normalised dates; the original text when the dates are not normalised.
fn dates(loc: &Localizer, start: &str, end: &str, original: &str) -> String {
    let one = |d: &str| -> Option<String> {
        let d = d.trim();
        if d.eq_ignore_ascii_case("present") {
            return Some(clean(&loc.format::<&str, &str>("export-present", &[])));
        }
        let (y, m) = d.split_once('-').unwrap_or((d, ""));
        if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        match m.get(..2).and_then(|m| m.parse::<u8>().ok()) {
            Some(m @ 1..=12) => Some(format!(
                "{} {y}",
                clean(&loc.format::<&str, &str>(&format!("export-month-{m}"), &[]))
            )),
            _ => Some(y.to_string()),
        }
    };
    match (one(start), end.trim()) {
        (Some(s), "") => s,
        (Some(s), e) => match one(e) {
            Some(e) => format!("{s} – {e}"),
            None => clean(original),
        },
        (None, _) => clean(original),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_core::{Education, Experience};

    fn cv() -> Cv {
        let mut cv = Cv::default();
        cv.personal_info.name = "  Omar\u{2068} Hassan ".into();
        cv.personal_info.email = "omar@example.test".into();
        cv.experience.push(Experience {
            title: "Engineer".into(),
            company: "Fawry".into(),
            location: "Cairo".into(),
            start: "2021-03".into(),
            end: "present".into(),
            achievements: vec!["• Cut latency by 75%".into()],
            ..Default::default()
        });
        cv.education.push(Education {
            degree: "Bachelor".into(),
            field: "Computer Engineering".into(),
            school: "Cairo University".into(),
            start: "2011".into(),
            end: "2016".into(),
            ..Default::default()
        });
        cv
    }

    #[test]
    fn headings_dates_and_text_follow_the_language() {
        let t = crate::template::load("classic").unwrap();
        let en = build(&cv(), &t, Lang::En);
        assert!(!en.rtl);
        assert_eq!(en.blocks[0], Block::Name("Omar Hassan".into()));
        assert!(en.blocks.contains(&Block::Entry {
            title: "Engineer".into(),
            org: "Fawry | Cairo".into(),
            dates: "Mar 2021 – Present".into()
        }));
        assert!(
            en.blocks
                .contains(&Block::Bullet("Cut latency by 75%".into()))
        );
        assert!(en.blocks.contains(&Block::Entry {
            title: "Bachelor, Computer Engineering".into(),
            org: "Cairo University".into(),
            dates: "2011 – 2016".into()
        }));
        let ar = build(&cv(), &t, Lang::Ar);
        assert!(ar.rtl);
        assert!(
            ar.blocks.iter().any(
                |b| matches!(b, Block::Heading(Section::Experience, h) if h == "الخبرة العملية")
            )
        );
        assert!(
            ar.blocks
                .iter()
                .any(|b| matches!(b, Block::Entry { dates, .. } if dates == "مارس 2021 – حتى الآن"))
        );
        // No isolation marks leak from Fluent into the document.
        assert!(
            ar.blocks
                .iter()
                .all(|b| !format!("{b:?}").contains('\u{2068}'))
        );
    }

    #[test]
    fn empty_sections_have_no_heading() {
        let t = crate::template::load("classic").unwrap();
        let d = build(&cv(), &t, Lang::En);
        assert!(
            !d.blocks
                .iter()
                .any(|b| matches!(b, Block::Heading(Section::Skills, _)))
        );
    }

    #[test]
    fn unnormalised_dates_keep_the_original_text() {
        let loc = Localizer::get(Lang::En);
        assert_eq!(dates(loc, "", "", "Summer 2019"), "Summer 2019");
        assert_eq!(dates(loc, "2019", "", ""), "2019");
    }
}
