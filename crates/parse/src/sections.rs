//! Splitting a CV into sections by its headings (`lexicons/headings.toml`), in English and Arabic.
//!
//! A heading is a short line whose folded text is a known heading ("Work Experience", "الخبرات المهنية"),
//! optionally with a colon, a count ("Education(2)") or letter spacing; or a short line that the layout
//! marks as a heading (DOCX style, bold, capitals) and that holds a heading keyword. "Skills: Python, SQL"
//! is a heading with its content on the same line. Lines before the first heading form the `header`.
//!
//! Two general repairs: a run of three or more headings with nothing between them is a navigation menu
//! (web pages saved as documents), not sections; and "Languages" inside a skills section, followed by no
//! spoken language, is a skills group ("Languages: Go, Python"), not the languages section.

use crate::lines::{Ln, is_upper, word_count};
use crate::terms::{headings, terms};
use jobgate_core::text::is_arabic_char;
use jobgate_core::{Section, SectionSpan};

/// A section with its cleaned body lines (what the field rules read).
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) kind: Section,
    pub(crate) heading: Option<Ln>,
    pub(crate) body: Vec<Ln>,
}

/// Strips a trailing colon and a count ("Work Experience(3):" → "Work Experience").
fn heading_core(t: &str) -> &str {
    let mut t = t.trim().trim_end_matches([':', '：']).trim_end();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && t[open + 1..t.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ')
    {
        t = t[..open].trim_end();
    }
    t.trim_end_matches([':', '：']).trim_end()
}

/// A heading line's kind, and text that follows the heading on the same line ("Skills: Python").
pub(crate) fn heading_of(ln: &Ln) -> Option<(Section, Option<String>)> {
    let h = headings();
    let core = heading_core(&ln.text);
    if core.is_empty() || core.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return inline_heading(ln);
    }
    let words = word_count(core);
    if words <= 6
        && let Some(k) = h.exact(core).or_else(|| h.exact(&rejoin_initials(core)))
    {
        return Some((k, None));
    }
    if words <= 10
        && let Some(k) = bilingual_heading(core)
    {
        return Some((k, None));
    }
    if let Some(found) = inline_heading(ln).or_else(|| margin_heading(ln)) {
        return Some(found);
    }
    let marked = ln.heading_hint || ln.bold || is_upper(core);
    if marked && words <= 4 && !crate::lines::ends_sentence(core) {
        return h.keyword(core).map(|k| (k, None));
    }
    None
}

fn inline_heading(ln: &Ln) -> Option<(Section, Option<String>)> {
    let (name, rest) = ln.text.split_once([':', '：'])?;
    let rest = rest.trim();
    if rest.is_empty() || word_count(name) > 4 {
        return None;
    }
    let k = headings().exact(name)?;
    matches!(
        k,
        Section::Skills
            | Section::Languages
            | Section::Summary
            | Section::Certifications
            | Section::Links
    )
    .then(|| (k, Some(rest.to_string())))
}

/// A heading written in two languages on one line, "الخبرات المهنية | Work History", "Education / التعليم",
/// "التعليم Education": split at a separator (`|`, `/`, `•`, `·`, a spaced dash) or where the script changes
/// between Arabic and Latin; every part is a known heading, and all of the same kind.
fn bilingual_heading(core: &str) -> Option<Section> {
    let separated =
        core.contains(['|', '/', '•', '·', '｜']) || core.contains(" - ") || core.contains(" – ");
    let both = core.chars().any(is_arabic_char) && core.chars().any(|c| c.is_ascii_alphabetic());
    if !separated && !both {
        return None;
    }
    let h = headings();
    let by_separator: Vec<String> = core
        .split(['|', '/', '•', '·', '｜'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let parts = if by_separator.len() >= 2 {
        by_separator
    } else {
        script_runs(core)
    };
    if parts.len() < 2 {
        return None;
    }
    let kinds: Vec<Section> = parts
        .iter()
        .map(|p| h.exact(heading_core(p)))
        .collect::<Option<_>>()?;
    kinds.windows(2).all(|w| w[0] == w[1]).then(|| kinds[0])
}

/// The line cut where its words change between Arabic and Latin letters ("التعليم Education").
fn script_runs(t: &str) -> Vec<String> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for w in t.split_whitespace() {
        let arabic = w.chars().find(|c| c.is_alphabetic()).map(is_arabic_char);
        match (runs.last_mut(), arabic) {
            (Some((a, run)), Some(b)) if *a == b => {
                run.push(' ');
                run.push_str(w);
            }
            (Some((_, run)), None) => {
                run.push(' ');
                run.push_str(w);
            }
            (_, Some(b)) => runs.push((b, w.to_string())),
            (None, None) => {}
        }
    }
    runs.into_iter().map(|(_, r)| r).collect()
}

/// "W ork E xperience" → "Work Experience": headings whose first letters are set apart (a drop cap or
/// small capitals drawn as two runs).
fn rejoin_initials(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut words = t.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        if initial && let Some(next) = words.next_if(|n| n.starts_with(|c: char| c.is_lowercase()))
        {
            out.push_str(next);
        }
    }
    out
}

/// A heading in capitals set in a margin, level with the first line of its section, so that both
/// come out as one line ("EXPERIENCE Fawry Digital Payments, Senior Engineer"). Only Latin capitals
/// followed by text that is not itself in capitals: "EDUCATION SECTOR" stays one phrase.
fn margin_heading(ln: &Ln) -> Option<(Section, Option<String>)> {
    let words: Vec<&str> = ln.text.split_whitespace().collect();
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|n| {
            let head = words[..n].join(" ");
            let rest = words[n..].join(" ");
            let capitals = head.chars().any(|c| c.is_ascii_uppercase())
                && !head.chars().any(|c| c.is_lowercase() || is_arabic_char(c));
            let rest_starts = rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_arabic_char(c));
            if !capitals || !rest_starts || is_upper(&rest) {
                return None;
            }
            headings().exact(&head).map(|k| (k, Some(rest)))
        })
}

/// True when a line names a spoken language or a level ("English", "Native", "الإنجليزية").
pub(crate) fn mentions_language(text: &str) -> bool {
    let t = terms();
    t.languages.count(text) > 0 || t.levels.count(text) > 0
}

/// Splits cleaned lines into blocks: the header, then one block per heading.
pub(crate) fn split(lines: &[Ln]) -> Vec<Block> {
    // 1. Candidate headings.
    let mut found: Vec<(usize, Section, Option<String>)> = Vec::new();
    let mut current = Section::Header;
    for (i, ln) in lines.iter().enumerate() {
        let Some((kind, rest)) = heading_of(ln) else {
            continue;
        };
        if kind == Section::Languages && current == Section::Skills {
            let follows_language = match &rest {
                Some(r) => mentions_language(r),
                None => lines[i + 1..]
                    .iter()
                    .take_while(|l| heading_of(l).is_none())
                    .take(4)
                    .any(|l| mentions_language(&l.text)),
            };
            if !follows_language {
                continue;
            }
        }
        current = kind;
        found.push((i, kind, rest));
    }

    // 2. Navigation menus: three or more headings in a row, of three or more kinds.
    let mut nav = vec![false; found.len()];
    let mut start = 0;
    while start < found.len() {
        let mut end = start;
        while end + 1 < found.len()
            && found[end + 1].0 == found[end].0 + 1
            && found[end].2.is_none()
        {
            end += 1;
        }
        let mut kinds: Vec<Section> = found[start..=end]
            .iter()
            .map(|f| f.1)
            .filter(|k| *k != Section::Other)
            .collect();
        kinds.sort_by_key(|k| *k as u8);
        kinds.dedup();
        if end - start >= 2 && kinds.len() >= 3 {
            nav[start..=end].iter_mut().for_each(|n| *n = true);
        }
        start = end + 1;
    }

    // 3. Blocks.
    let mut blocks = vec![Block {
        kind: Section::Header,
        heading: None,
        body: Vec::new(),
    }];
    let mut next = 0;
    for (i, ln) in lines.iter().enumerate() {
        if next < found.len() && found[next].0 == i {
            let (_, kind, rest) = &found[next];
            let is_nav = nav[next];
            next += 1;
            if is_nav {
                // The menu's last entry is followed by the page's own header.
                let followed_by_heading = next < found.len() && found[next].0 == i + 1;
                if !followed_by_heading {
                    blocks.push(Block {
                        kind: Section::Header,
                        heading: None,
                        body: Vec::new(),
                    });
                }
                continue;
            }
            let mut body = Vec::new();
            if let Some(rest) = rest {
                body.push(Ln {
                    text: rest.clone(),
                    ..ln.clone()
                });
            }
            blocks.push(Block {
                kind: *kind,
                heading: Some(ln.clone()),
                body,
            });
            continue;
        }
        if let Some(last) = blocks.last_mut() {
            last.body.push(ln.clone());
        }
    }
    blocks
}

/// The sections of cleaned lines, in document coordinates.
pub(crate) fn to_sections(blocks: &[Block]) -> Vec<SectionSpan> {
    blocks
        .iter()
        .filter(|b| b.heading.is_some() || !b.body.is_empty())
        .map(|b| {
            let start = b
                .body
                .first()
                .map(|l| l.idx)
                .or_else(|| b.heading.as_ref().map(|h| h.idx + 1))
                .unwrap_or(0);
            let end = b.body.last().map(|l| l.idx + 1).unwrap_or(start);
            SectionSpan {
                kind: b.kind,
                heading: b.heading.as_ref().map(|h| h.idx),
                heading_text: b
                    .heading
                    .as_ref()
                    .map(|h| h.text.clone())
                    .unwrap_or_default(),
                lines: start..end.max(start),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_set_apart_join_their_word() {
        assert_eq!(rejoin_initials("W ork E xperience"), "Work Experience");
        assert_eq!(rejoin_initials("E ducation"), "Education");
        assert_eq!(rejoin_initials("A B Testing"), "A B Testing");
    }

    #[test]
    fn headings_in_two_languages_on_one_line() {
        let kind = |t: &str| {
            heading_of(&Ln {
                text: t.into(),
                ..Ln::default()
            })
            .map(|(k, _)| k)
        };
        assert_eq!(
            kind("الخبرات المهنية | Work History"),
            Some(Section::Experience)
        );
        assert_eq!(kind("Education / التعليم"), Some(Section::Education));
        assert_eq!(kind("المهارات Skills"), Some(Section::Skills));
        assert_eq!(
            kind("Certifications – الشهادات المهنية"),
            Some(Section::Certifications)
        );
        // Two headings of different kinds, or a heading beside ordinary words, are not one heading.
        assert_eq!(kind("Education | Skills"), None);
        assert_eq!(kind("التعليم | Cairo University"), None);
    }
}
