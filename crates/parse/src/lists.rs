//! The list-like sections: skills, languages with levels, certifications, achievements/awards, projects.
//!
//! Skills are split on commas, bullets, "·", "|", ";" and the Arabic comma; group labels before a colon
//! ("Tools: Excel, SAP") are dropped. A line with none of these separators may list skills with only
//! spaces between them ("Go Python SQL"); it is split at the known skills of the skills lexicon
//! (`jobgate_core::lexicon`), see [`split_spaced`]. Languages are matched against the spoken-language list of
//! `lexicons/cv_terms.toml` and take the level written next to them, or, in grid layouts that list the
//! names first and the levels after, the levels in order.

use crate::contact::find_links;
use crate::entries::{Role, is_issuer_line, push_body, role_of, segment};
use crate::lines::{Ln, ends_sentence, word_count};
use crate::sections::heading_of;
use crate::terms::terms;
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::fold;
use jobgate_core::{LanguageSkill, Project};
use std::collections::{HashSet, VecDeque};

/// Skills from the lines of skills sections.
pub(crate) fn skills(lines: &[&Ln]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for ln in lines {
        let text = ln.text.as_str();
        if matches!(role_of(ln), Role::Date { ref rest, .. } if rest.is_empty()) {
            continue;
        }
        // "Tools: Excel, SAP" → the label goes.
        let text = match text.split_once([':', '：']) {
            Some((label, rest)) if word_count(label) <= 4 && !rest.trim().is_empty() => rest,
            _ => text,
        };
        let mut items: Vec<String> = text
            .split([',', '،', '·', '|', '•', ';', '؛', '▪', '●'])
            .map(str::to_string)
            .collect();
        if items.len() >= 2 {
            items[0] = without_group_label(&items[0]);
        }
        // A line with no separator at all may be a run of skills with only spaces between them.
        let items: Vec<String> = if items.len() == 1 {
            split_spaced(&items[0])
        } else {
            items
        };
        for item in &items {
            let item = item
                .trim()
                .trim_matches(|c: char| matches!(c, '-' | '–' | '.' | '*'))
                .trim();
            if item.is_empty()
                || word_count(item) > 5
                || item.chars().count() > 50
                || (ends_sentence(item) && word_count(item) > 3)
                || !item.chars().any(|c| c.is_alphanumeric())
            {
                continue;
            }
            let key = fold(item);
            if seen.insert(key) {
                out.push(item.to_string());
            }
        }
    }
    out
}

/// "Languages Go" → "Go": the first item of a skills line that starts with a group's name set apart
/// without a colon (moderncv's label column, a table's first cell). The name is one or two words of
/// `skill_group_words`; the item stays whole when it is itself a known skill ("Data Modelling") and
/// what follows the name is not.
fn without_group_label(item: &str) -> String {
    let lex = SkillLexicon::builtin();
    let item = item.trim();
    let words: Vec<&str> = item.split_whitespace().collect();
    for n in (1..=2.min(words.len().saturating_sub(1))).rev() {
        let label = words[..n].join(" ");
        if !terms().skill_group.is(&label) {
            continue;
        }
        let rest = words[n..].join(" ");
        if lex.canonical(&rest).is_some() || lex.canonical(item).is_none() {
            return rest;
        }
    }
    item.to_string()
}

/// Words that glue a phrase together: a stretch containing one is prose, not a skill of its own.
const GLUE: [&str; 14] = [
    "في", "من", "على", "مع", "الى", "عن", "او", "و", "and", "or", "in", "with", "of", "for",
];

/// Splits a line of skills written with only spaces between them ("Patient Assessment IV Therapy ECG
/// Interpretation", "العمل الجماعي حل المشكلات") at the known skills of the lexicon, longest spelling
/// first. Unknown words between them become items of their own only when they are clearly separate:
/// capitalised (or Arabic) words with no glue word, and, next to a single known skill, two words or more
/// (so "Advanced Excel" stays whole). A bare number ("Google Analytics 4") stays with what it follows.
/// Otherwise the line is kept as it is.
fn split_spaced(item: &str) -> Vec<String> {
    let whole = vec![item.to_string()];
    if word_count(item) < 2 {
        return whole;
    }
    let pieces = SkillLexicon::builtin().split_run(item);
    let known = pieces.iter().filter(|p| p.skill.is_some()).count();
    if known == 0 || pieces.len() < 2 {
        return whole;
    }
    let mut out: Vec<String> = Vec::new();
    for p in &pieces {
        // "الزكاة والضريبة": a skill with a conjunction glued on joins the one before it.
        if p.prefixed
            && p.text.starts_with(['و', 'ف'])
            && let Some(prev) = out.last_mut()
        {
            prev.push(' ');
            prev.push_str(&p.text);
            continue;
        }
        if p.skill.is_some() {
            out.push(p.text.clone());
            continue;
        }
        let is_number = p
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ' '));
        if is_number && let Some(prev) = out.last_mut() {
            prev.push(' ');
            prev.push_str(&p.text);
            continue;
        }
        let separate = p.text.split_whitespace().all(|w| {
            let f = fold(w);
            !GLUE.contains(&f.as_str())
                // Capitalised, a number, or a script without case (Arabic).
                && w.chars().next().is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || (c.is_alphabetic() && !c.is_lowercase() && !c.is_ascii())
                })
        });
        if !separate || (known == 1 && pieces.len() == 2 && word_count(&p.text) < 2) {
            return whole;
        }
        out.push(p.text.clone());
    }
    out
}

/// Could this unknown word be a language name ("Yoruba" is not listed, "Swahili" is)?
fn language_like(s: &str) -> bool {
    let t = terms();
    if t.languages.is(s) {
        return true;
    }
    if word_count(s) != 1 || t.levels.is(s) {
        return false;
    }
    let f = fold(s);
    ["ish", "ese", "ian", "ic", "an", "ية", "يه"]
        .iter()
        .any(|suf| f.ends_with(suf))
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
}

/// Splits "English (Native)", "English - C1", "English: Fluent" into name and level.
fn name_and_level(s: &str) -> (String, String) {
    let s = s.trim();
    for sep in ["(", ":", "：", " - ", " – ", " — ", " -", "- "] {
        if let Some((a, b)) = s.split_once(sep) {
            let a = a.trim();
            let b = b.trim().trim_end_matches(')').trim();
            if !a.is_empty() {
                return (a.to_string(), b.to_string());
            }
        }
    }
    // "English Native", "العربية اللغة الأم": a known name followed by a known level.
    // Names and levels are a few words each; a longer stretch is neither (and trying every split
    // of it would be quadratic).
    let t = terms();
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 8 {
        return (s.to_string(), String::new());
    }
    for k in 1..words.len() {
        let (a, b) = (words[..k].join(" "), words[k..].join(" "));
        if t.languages.is(&a) && t.levels.is(&b) {
            return (a, b);
        }
    }
    (s.to_string(), String::new())
}

/// Languages with levels from the lines of languages sections (or a header list).
/// A line that names known skills ("Go Python SQL") and no spoken language or level.
pub(crate) fn names_skills_not_languages(text: &str) -> bool {
    let t = terms();
    t.languages.count(text) == 0
        && t.levels.count(text) == 0
        && !SkillLexicon::builtin().find_all(text).is_empty()
}

/// A line that is nothing but known skills: one ("Machine Learning") or a few with spaces between
/// them ("Go Python SQL").
pub(crate) fn only_skills(text: &str) -> bool {
    let lex = SkillLexicon::builtin();
    let text = text.trim();
    if text.is_empty() || terms().languages.count(text) > 0 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    lex.canonical(text).is_some()
        || ((2..=6).contains(&words.len()) && words.iter().all(|w| lex.canonical(w).is_some()))
}

pub(crate) fn languages(items: &[String]) -> Vec<LanguageSkill> {
    let t = terms();
    let mut out: Vec<LanguageSkill> = Vec::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut waiting_levels: VecDeque<String> = VecDeque::new();
    let mut first_without_level = 0usize;
    for line in items {
        let tokens: Vec<String> = line
            .split([',', '،', '|', '·', ';', '•'])
            .flat_map(pairs_in_a_row)
            .collect();
        for token in &tokens {
            let token = token.trim();
            if token.is_empty() {
                continue;
            }
            let (name, level) = name_and_level(token);
            if language_like(&name) {
                let level = if level.is_empty() && !waiting_levels.is_empty() {
                    waiting_levels.pop_front().unwrap_or_default()
                } else {
                    level
                };
                if names.insert(fold(&name)) {
                    out.push(LanguageSkill { name, level });
                }
            } else if t.levels.is(token) || t.levels.prefix_words(token) > 0 {
                // Levels never empty again, so the first language without one only moves on.
                while first_without_level < out.len() && !out[first_without_level].level.is_empty()
                {
                    first_without_level += 1;
                }
                match out.get_mut(first_without_level) {
                    Some(l) => l.level = token.to_string(),
                    None => waiting_levels.push_back(token.to_string()),
                }
            }
        }
    }
    out
}

/// "Arabic — Native  English — Fluent": pairs of a language and its level set side by side with only
/// space between them are cut before each known language name that a level separator follows.
fn pairs_in_a_row(token: &str) -> Vec<String> {
    let t = terms();
    let words: Vec<&str> = token.split_whitespace().collect();
    let opens_level = |w: &str| {
        matches!(w, "—" | "–" | "-" | ":") || w.starts_with('(') || w.starts_with(['—', '–'])
    };
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    for i in 1..words.len() {
        let name = words[i].trim_end_matches(':');
        let separated = words[i].ends_with(':') || words.get(i + 1).is_some_and(|w| opens_level(w));
        if separated && t.languages.is(name) && words[start..i].iter().any(|w| opens_level(w)) {
            out.push(words[start..i].join(" "));
            start = i;
        }
    }
    out.push(words[start..].join(" "));
    out
}

/// Certifications: one per entry (its name, not its issuer), or one per line when nothing is dated.
pub(crate) fn certifications(lines: &[Ln]) -> Vec<String> {
    let dated = lines
        .iter()
        .any(|l| matches!(role_of(l), Role::Date { .. }));
    let mut out: Vec<String> = Vec::new();
    if dated {
        for e in segment(lines) {
            let name = e
                .head
                .iter()
                .chain(e.body.iter())
                .find(|h| !is_issuer_line(h))
                .cloned();
            if let Some(n) = name {
                out.push(n);
            }
        }
    } else {
        for ln in lines {
            if is_issuer_line(&ln.text) || heading_of(ln).is_some() {
                continue;
            }
            push_body(&mut out, &ln.text, ln.bullet);
        }
    }
    let mut out: Vec<String> = out.iter().map(|c| certificate_name(c)).collect();
    out.retain(|c| c.chars().any(|ch| ch.is_alphabetic()));
    out
}

/// A certificate's name without the issuer and year written after it on the same line:
/// "Project Management Professional, PMI (2021)" → "Project Management Professional". The year goes
/// when it closes the line (in brackets or after a separator); the issuer is the last comma part when
/// it is short, holds no digits and no word of a certificate's own name ("Microsoft Certified: Azure
/// Fundamentals, Microsoft"), and something name-like stays before it.
pub(crate) fn certificate_name(s: &str) -> String {
    static YEAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let year = YEAR.get_or_init(|| {
        regex::Regex::new(
            r"(?:\s*[\(\[][^\(\)\[\]]*\b(?:19|20)\d\d[^\(\)\[\]]*[\)\]]|\s*(?:[,،|–—-]|\s)\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d(?:\s*[-/.]\s*\d{1,2})?)\s*$",
        )
        .expect("certificate year regex")
    });
    let mut t = year.replace(s.trim(), "").trim().to_string();
    t = t
        .trim_end_matches([',', '،', '|', '–', '—', '-', ' '])
        .to_string();
    if let Some(cut) = t.rfind([',', '،']) {
        let (name, issuer) = (
            t[..cut].trim(),
            t[cut..].trim_start_matches([',', '،']).trim(),
        );
        let issuer_like = (1..=5).contains(&word_count(issuer))
            && !issuer.chars().any(|c| c.is_ascii_digit())
            && terms().certificate.count(issuer) == 0;
        if issuer_like && word_count(name) >= 2 {
            t = name.to_string();
        }
    }
    if t.chars().any(|c| c.is_alphabetic()) {
        t
    } else {
        s.trim().to_string()
    }
}

/// Achievements and awards: each bullet, or each award's name.
pub(crate) fn achievements(lines: &[Ln]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let dated = lines
        .iter()
        .any(|l| matches!(role_of(l), Role::Date { .. }));
    if dated {
        for e in segment(lines) {
            if let Some(n) = e.head.iter().find(|h| !is_issuer_line(h)) {
                out.push(n.clone());
            } else {
                out.extend(e.body.iter().cloned());
            }
        }
    } else {
        for ln in lines {
            if is_issuer_line(&ln.text) {
                continue;
            }
            push_body(&mut out, &ln.text, ln.bullet);
        }
    }
    out
}

/// Projects: a short title line, then its description; a link when one is written.
pub(crate) fn projects(lines: &[Ln]) -> Vec<Project> {
    let mut out: Vec<Project> = Vec::new();
    for ln in lines {
        let role = role_of(ln);
        let links = find_links(&ln.text);
        let only_link = !links.is_empty() && word_count(&ln.text) <= 2;
        match role {
            Role::Head if !only_link => out.push(Project {
                title: ln.text.clone(),
                ..Project::default()
            }),
            Role::Label | Role::Date { .. } => {}
            _ => {
                if out.is_empty() {
                    out.push(Project::default());
                }
                let p = out.last_mut().expect("one project");
                if only_link {
                    if p.link.is_empty() {
                        p.link = links[0].clone();
                    }
                    continue;
                }
                if p.title.is_empty() && !ln.bullet && word_count(&ln.text) <= 8 {
                    p.title = ln.text.clone();
                    continue;
                }
                if !p.description.is_empty() {
                    p.description.push(' ');
                }
                p.description.push_str(&ln.text);
                if p.link.is_empty()
                    && let Some(l) = links.first()
                {
                    p.link = l.clone();
                }
            }
        }
    }
    for p in &mut out {
        if p.link.is_empty()
            && let Some(l) = find_links(&p.title).first()
        {
            p.link = l.clone();
        }
    }
    out.retain(|p| !p.title.is_empty() || !p.description.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skills_of(lines: &[&str]) -> Vec<String> {
        let lns: Vec<Ln> = lines
            .iter()
            .map(|t| Ln {
                text: t.to_string(),
                ..Ln::default()
            })
            .collect();
        skills(&lns.iter().collect::<Vec<_>>())
    }

    #[test]
    fn space_separated_english_skills_are_split_at_known_skills() {
        let got = skills_of(&[
            "Patient Assessment IV Therapy ECG Interpretation Wound Care",
            "Go Python SQL",
            "Figma Design Systems",
            "Google Ads Meta Ads Manager Google Analytics 4",
        ]);
        for want in [
            "Patient Assessment",
            "IV Therapy",
            "ECG Interpretation",
            "Wound Care",
            "Go",
            "Python",
            "SQL",
            "Figma",
            "Design Systems",
            "Google Ads",
            "Meta Ads Manager",
            "Google Analytics 4",
        ] {
            assert!(got.iter().any(|s| s == want), "{want} not in {got:?}");
        }
        assert!(!got.iter().any(|s| s.contains("Therapy ECG")), "{got:?}");
    }

    #[test]
    fn space_separated_arabic_skills_are_split_and_conjunctions_kept() {
        let got = skills_of(&[
            "العمل الجماعي حل المشكلات",
            "الزكاة والضريبة التدقيق الداخلي",
        ]);
        assert_eq!(
            got,
            [
                "العمل الجماعي",
                "حل المشكلات",
                "الزكاة والضريبة",
                "التدقيق الداخلي"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn single_skills_and_phrases_stay_whole() {
        let got = skills_of(&[
            "Project Management",
            "Advanced Excel",
            "Widget Tuning Gadget Repair",
            "Experienced in Python and SQL",
            "Excel, Power BI",
        ]);
        assert_eq!(
            got,
            [
                "Project Management",
                "Advanced Excel",
                "Widget Tuning Gadget Repair",
                "Experienced in Python and SQL",
                "Excel",
                "Power BI"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn certificate_issuer_and_year_are_not_its_name() {
        for (line, name) in [
            (
                "Project Management Professional, PMI (2021)",
                "Project Management Professional",
            ),
            (
                "Certified Kubernetes Administrator, CNCF, 2022",
                "Certified Kubernetes Administrator",
            ),
            (
                "Microsoft Certified: Azure Fundamentals, Microsoft – Mar 2020",
                "Microsoft Certified: Azure Fundamentals",
            ),
            (
                "شهادة المحاسب الإداري، معهد المحاسبين الإداريين (2019)",
                "شهادة المحاسب الإداري",
            ),
            // A comma part that is more of the name stays; so does a name alone.
            (
                "Cisco CCNA, Security Certification",
                "Cisco CCNA, Security Certification",
            ),
            (
                "AWS Certified Developer - Associate",
                "AWS Certified Developer - Associate",
            ),
            ("PMP, PMI", "PMP, PMI"),
        ] {
            assert_eq!(certificate_name(line), name, "{line}");
        }
    }

    #[test]
    fn language_pairs_side_by_side_are_apart() {
        let got =
            languages(&["Arabic — Native speaker   English — Fluent   German (B1)".to_string()]);
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|l| (l.name.as_str(), l.level.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Arabic", "Native speaker"),
                ("English", "Fluent"),
                ("German", "B1")
            ]
        );
        let got = languages(&["العربية — اللغة الأم الإنجليزية — جيد جدا".to_string()]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].name, "الإنجليزية");
        // One language whose level names another language is one pair.
        assert_eq!(
            languages(&["English — as a second language".to_string()]).len(),
            1
        );
    }

    #[test]
    fn a_group_name_before_its_skills_is_not_a_skill() {
        let ln = |t: &str| Ln {
            text: t.into(),
            ..Ln::default()
        };
        let lines = [
            ln("Languages Go, Python, SQL"),
            ln("Infrastructure Kubernetes, Docker"),
            ln("Data Modelling, ETL, Excel"),
            ln("Data Data Warehousing, Power BI"),
            ln("قواعد البيانات Oracle، PostgreSQL"),
        ];
        let refs: Vec<&Ln> = lines.iter().collect();
        assert_eq!(
            skills(&refs),
            [
                "Go",
                "Python",
                "SQL",
                "Kubernetes",
                "Docker",
                "Data Modelling",
                "ETL",
                "Excel",
                "Data Warehousing",
                "Power BI",
                "Oracle",
                "PostgreSQL"
            ]
        );
    }
}
