//! A plain [`Document`] made from a structured CV, for scoring a CV that did not come from a file
//! (the builder, an imported JSON): its formatting is judged as our ATS-friendly templates would
//! lay it out — standard headings, one fact per line, real text.
//!
//! This is not the exporter (that is `jobgate_export`); it only needs the lines and headings right.

use jobgate_core::document::SourceFormat;
use jobgate_core::text::{detect_language, normalize_line};
use jobgate_core::{Cv, Document, Lang, Line};

fn heading(text: &str) -> Line {
    Line {
        text: text.to_string(),
        bold: true,
        heading_hint: true,
        ..Line::default()
    }
}

fn bullet(text: &str) -> Line {
    Line {
        text: normalize_line(text),
        bullet: true,
        ..Line::default()
    }
}

fn push(lines: &mut Vec<Line>, text: String) {
    let text = normalize_line(&text);
    if !text.is_empty() {
        lines.push(Line::plain(text));
    }
}

fn join(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Lays `cv` out as lines with standard headings (in Arabic when the CV is mostly Arabic).
pub fn document_from_cv(cv: &Cv) -> Document {
    let arabic = cv.language() == Lang::Ar;
    let h = |en: &'static str, ar: &'static str| if arabic { ar } else { en };
    let pi = &cv.personal_info;
    let mut lines = Vec::new();
    push(&mut lines, pi.name.clone());
    push(&mut lines, pi.headline.clone());
    let mut contact = vec![pi.email.as_str(), pi.phone.as_str(), pi.location.as_str()];
    contact.extend(pi.links.iter().map(String::as_str));
    push(&mut lines, join(&contact, " | "));
    if !cv.summary.trim().is_empty() {
        lines.push(heading(h("Summary", "الملخص")));
        push(&mut lines, cv.summary.clone());
    }
    if !cv.experience.is_empty() {
        lines.push(heading(h("Experience", "الخبرات")));
        for e in &cv.experience {
            push(
                &mut lines,
                join(&[&e.title, &e.company, &e.location], " — "),
            );
            let period = if e.period.trim().is_empty() {
                join(&[&e.start, &e.end], " – ")
            } else {
                e.period.clone()
            };
            push(&mut lines, period);
            lines.extend(
                e.achievements
                    .iter()
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| bullet(a)),
            );
        }
    }
    if !cv.education.is_empty() {
        lines.push(heading(h("Education", "التعليم")));
        for e in &cv.education {
            let years = if e.years.trim().is_empty() {
                join(&[&e.start, &e.end], " – ")
            } else {
                e.years.clone()
            };
            push(
                &mut lines,
                join(&[&e.degree, &e.field, &e.school, &years, &e.grade], " — "),
            );
        }
    }
    let lists: [(&str, &str, &Vec<String>); 3] = [
        ("Skills", "المهارات", &cv.skills),
        ("Achievements", "الإنجازات", &cv.achievements),
        ("Certifications", "الشهادات", &cv.certifications),
    ];
    for (en, ar, items) in lists {
        if items.iter().any(|s| !s.trim().is_empty()) {
            lines.push(heading(h(en, ar)));
            lines.extend(
                items
                    .iter()
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| bullet(s)),
            );
        }
    }
    if !cv.languages.is_empty() {
        lines.push(heading(h("Languages", "اللغات")));
        for l in &cv.languages {
            push(&mut lines, join(&[&l.name, &l.level], " — "));
        }
    }
    if !cv.projects.is_empty() {
        lines.push(heading(h("Projects", "المشاريع")));
        for p in &cv.projects {
            push(
                &mut lines,
                join(&[&p.title, &p.description, &p.link], " — "),
            );
        }
    }
    let words: usize = lines
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    let language = detect_language(lines.iter().map(|l| l.text.as_str()));
    Document {
        lines,
        format: SourceFormat::Text,
        pages: words.div_ceil(450).max(1) as u32,
        language,
        links: cv.personal_info.links.clone(),
        ..Document::default()
    }
}
