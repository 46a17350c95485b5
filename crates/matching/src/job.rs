//! Job description parsing: title, required and preferred skills, minimum years of experience,
//! education level and spoken languages, from English or Arabic text (or a .txt/.pdf/.docx file, or
//! a scan or photo of one).
//!
//! The text is read line by line. Section headings ("Requirements", "Nice to have", "المتطلبات",
//! "يفضل") set what the skills below them are; a cue inside a clause ("is a plus", "must", "يشترط",
//! "ميزة إضافية") overrides the section for that clause. Skills come from the skills lexicon only, so
//! "JS", "JavaScript" and "جافاسكريبت" are one skill. Reading never fails on text; files can fail.

use crate::terms::{Phrase, Terms, Words, tokens};
use jobgate_core::error::Result;
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::{detect_language, fold, is_arabic_char, normalize_line};
use jobgate_core::{DocLanguage, JobGateError, Lang, Reason};
use jobgate_extract::FileKind;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::OnceLock;

/// An education level, lowest first (the order is used to compare a CV with a job).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    HighSchool,
    Diploma,
    Bachelor,
    Master,
    Phd,
}

impl EducationLevel {
    /// The Fluent message id of the level's name (`match-level-bachelor`).
    pub fn message_id(self) -> &'static str {
        match self {
            EducationLevel::HighSchool => "match-level-high-school",
            EducationLevel::Diploma => "match-level-diploma",
            EducationLevel::Bachelor => "match-level-bachelor",
            EducationLevel::Master => "match-level-master",
            EducationLevel::Phd => "match-level-phd",
        }
    }
}

/// What a job asks for. Skills are canonical lexicon names ("JavaScript"); languages canonical English
/// names ("Arabic").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobSpec {
    pub title: String,
    /// The language the description is written in (reasons follow it unless told otherwise).
    pub language: DocLanguage,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    pub min_years: Option<f64>,
    pub education: Option<EducationLevel>,
    pub languages: Vec<String>,
    /// Skills a description in Arabic writes in Latin letters ("SAP", "PostgreSQL"): Arabic reasons name
    /// them so too, as the reader knows them ([`JobSpec::skill_label`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub latin_skills: Vec<String>,
    /// Requirements that offer a choice ("Tableau or Power BI"): each group is one requirement, met by
    /// any of its skills. Its skills are also in `required_skills` or `preferred_skills`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Vec<String>>,
}

impl JobSpec {
    /// How to name one of the job's skills (a canonical name) to a reader of `lang`: as the
    /// description wrote it when that was in Latin letters inside Arabic text, else the lexicon's label.
    pub fn skill_label(&self, name: &str, lang: Lang) -> String {
        let lex = SkillLexicon::builtin();
        if lang == Lang::Ar && self.latin_skills.iter().any(|s| s == name) {
            return name.to_string();
        }
        lex.index_of(name)
            .map(|i| lex.skills()[i].label(lang).to_string())
            .unwrap_or_else(|| name.to_string())
    }

    /// [`Self::skill_label`] of each name, joined as a list in `lang`.
    pub fn skill_labels(&self, names: &[String], lang: Lang) -> String {
        let labels: Vec<String> = names.iter().map(|n| self.skill_label(n, lang)).collect();
        labels.join(list_separator(lang))
    }
}

/// Between the items of a list in `lang`.
pub(crate) fn list_separator(lang: Lang) -> &'static str {
    if lang == Lang::Ar { "، " } else { ", " }
}

/// Whether what a clause names is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Preferred,
    /// Named in the duties or an untitled part: preferred, or required if nothing else is.
    Mentioned,
    /// About the company or its offer.
    Ignored,
}

/// Parses a job description written in English, Arabic or both.
pub fn parse_job(text: &str) -> JobSpec {
    let terms = Terms::get();
    let lex = SkillLexicon::builtin();
    let lines: Vec<String> = text
        .lines()
        .map(normalize_line)
        .filter(|l| !l.is_empty())
        .collect();
    let language = detect_language(lines.iter().map(String::as_str));
    let (title, title_line) = find_title(&lines, terms);

    let mut required: Vec<String> = Vec::new();
    let mut preferred: Vec<String> = Vec::new();
    let mut mentioned: Vec<String> = Vec::new();
    let mut years: Vec<(Need, f64, bool)> = Vec::new();
    let mut education: Vec<(Need, EducationLevel)> = Vec::new();
    let mut languages: Vec<String> = Vec::new();
    let mut latin: Vec<String> = Vec::new();
    let mut alternatives: Vec<Vec<String>> = Vec::new();
    // Which skills an Arabic description writes in Latin letters.
    let mut note_latin = |text: &str| {
        if language != DocLanguage::En {
            for s in lex.find_all(&latin_only(text)) {
                push_unique(&mut latin, &s.name);
            }
        }
    };

    for s in lex.find_all(&title) {
        push_unique(&mut required, &s.name);
    }
    note_latin(&title);

    let mut section = Need::Mentioned;
    let mut language_section = false;
    for (n, line) in lines.iter().enumerate() {
        if Some(n) == title_line {
            continue;
        }
        let body = strip_bullet(line);
        let (heading, rest) = split_heading(body, terms);
        if let Some((need, is_languages)) = heading {
            section = need;
            language_section = is_languages;
            if rest.trim().is_empty() {
                continue;
            }
        }
        for (need, clause) in clauses(rest, section, terms) {
            let words = tokens(&fold(clause));
            if need == Need::Ignored {
                continue;
            }
            for s in lex.find_all(clause) {
                let list = match need {
                    Need::Required => &mut required,
                    Need::Preferred => &mut preferred,
                    _ => &mut mentioned,
                };
                push_unique(list, &s.name);
            }
            note_latin(clause);
            for group in alternatives_in(clause, terms) {
                if !alternatives.contains(&group) {
                    alternatives.push(group);
                }
            }
            if let Some(y) = years_in(&words, terms) {
                years.push((need, y, words.has_any(&terms.experience_words)));
            }
            if let Some(level) = education_in(&words, terms) {
                education.push((need, level));
            }
            for name in languages_in(&words, terms, language_section, |_| true) {
                push_unique(&mut languages, &name);
            }
        }
    }

    if required.is_empty() {
        required = std::mem::take(&mut mentioned);
    }
    for s in mentioned {
        push_unique(&mut preferred, &s);
    }
    preferred.retain(|s| !required.contains(s));
    // A choice counts where all of its skills are, in one list.
    alternatives.retain(|g| {
        g.iter().all(|s| required.contains(s)) || g.iter().all(|s| preferred.contains(s))
    });
    latin.retain(|s| required.contains(s) || preferred.contains(s));

    // The first number of years said about experience, outside "preferred" clauses when there is one.
    let min_years = years
        .iter()
        .filter(|(_, _, exp)| *exp)
        .find(|(need, _, _)| *need != Need::Preferred)
        .or_else(|| years.iter().find(|(_, _, exp)| *exp))
        .or_else(|| years.first())
        .map(|(_, y, _)| *y);
    let education = education
        .iter()
        .filter(|(need, _)| *need != Need::Preferred)
        .map(|(_, l)| *l)
        .min()
        .or_else(|| education.iter().map(|(_, l)| *l).min());

    JobSpec {
        title,
        language,
        required_skills: required,
        preferred_skills: preferred,
        min_years,
        education,
        languages,
        latin_skills: latin,
        alternatives,
    }
}

/// The choices a clause offers: skills joined by "or"/"أو" ("Tableau or Power BI", "Salesforce أو
/// HubSpot", "Python, R or Julia"). Within a comma-separated part, the last skill before each "or" and
/// the first after it are alternatives; the parts right before that are a skill and nothing else join
/// the choice ("Python, R or Julia"). Canonical names, each group of two or more.
fn alternatives_in(clause: &str, terms: &Terms) -> Vec<Vec<String>> {
    let lex = SkillLexicon::builtin();
    let is_or = |w: &str| terms.alternative_words.iter().any(|a| *a == fold(w));
    let parts: Vec<&str> = clause.split([',', '،', ';', '؛']).collect();
    let mut out = Vec::new();
    for (n, part) in parts.iter().enumerate() {
        let words: Vec<&str> = part.split_whitespace().collect();
        let cuts: Vec<usize> = (0..words.len()).filter(|&i| is_or(words[i])).collect();
        if cuts.is_empty() {
            continue;
        }
        let mut pieces: Vec<String> = Vec::new();
        let mut start = 0;
        for &c in &cuts {
            pieces.push(words[start..c].join(" "));
            start = c + 1;
        }
        pieces.push(words[start..].join(" "));
        let mut group: Vec<String> = Vec::new();
        let add = |group: &mut Vec<String>, name: &str| {
            if !group.iter().any(|g| g == name) {
                group.push(name.to_string());
            }
        };
        // Bare skills listed before ("Python, R or Julia", "Python, R, or Julia").
        let bare = |p: &str| p.trim().is_empty() || lex.canonical(p.trim()).is_some();
        if bare(&pieces[0]) {
            let before: Vec<&str> = parts[..n]
                .iter()
                .rev()
                .take_while(|p| lex.canonical(p.trim()).is_some())
                .copied()
                .collect();
            for p in before.iter().rev() {
                if let Some(s) = lex.canonical(p.trim()) {
                    add(&mut group, &s.name);
                }
            }
        }
        let last = |p: &str| lex.find_all(p).last().map(|s| s.name.clone());
        let first = |p: &str| lex.find_all(p).first().map(|s| s.name.clone());
        match last(&pieces[0]) {
            Some(head) => add(&mut group, &head),
            None if group.is_empty() => continue,
            None => {}
        }
        let mut whole = true;
        for p in &pieces[1..] {
            match first(p) {
                Some(s) => add(&mut group, &s),
                None => whole = false,
            }
        }
        if whole && group.len() >= 2 {
            out.push(group);
        }
    }
    out
}

/// The text with its Arabic-script words made separators, so only what is written in Latin letters
/// can be read as a skill.
fn latin_only(text: &str) -> String {
    text.chars()
        .map(|c| if is_arabic_char(c) { ',' } else { c })
        .collect()
}

/// Reads a job description file: PDF or DOCX (by their first bytes) through the extractor, anything
/// else as UTF-8 or UTF-16 text.
pub fn load_job(path: &Path) -> Result<JobSpec> {
    // Size-checked, regular files only (the extractor's reader), like a CV.
    let bytes = jobgate_extract::read_file(path)?;
    let text = job_text(&bytes)?;
    if text.trim().is_empty() {
        return Err(JobGateError::invalid_input(
            "job",
            jobgate_core::phrase::Phrase::new("reason-job-file-no-text")
                .cv("path", path.display().to_string()),
        ));
    }
    Ok(parse_job(&text))
}

/// The text of a job description given as bytes (PDF, DOCX, a scan or photo read by OCR, UTF-8 or
/// UTF-16 text with a byte order mark).
pub fn job_text(bytes: &[u8]) -> Result<String> {
    job_text_reporting(bytes, &|_| {})
}

/// [`job_text`], announcing each page OCR starts to read (a scanned job advert takes seconds a page).
pub fn job_text_reporting(
    bytes: &[u8],
    progress: &dyn Fn(jobgate_extract::ocr::Progress),
) -> Result<String> {
    if bytes.len() as u64 > jobgate_core::error::MAX_FILE_BYTES {
        return Err(JobGateError::FileTooLarge {
            max_bytes: jobgate_core::error::MAX_FILE_BYTES,
            actual_bytes: bytes.len() as u64,
        });
    }
    let document = matches!(
        jobgate_extract::sniff(bytes),
        FileKind::Pdf | FileKind::Docx | FileKind::Image(_)
    );
    if document || bytes.starts_with(b"PK\x03\x04") {
        return Ok(jobgate_extract::extract_reporting(bytes, progress)?.text());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => Ok(s.to_string()),
        _ => Err(JobGateError::UnsupportedFileType {
            detected: "binary data (not text, PDF or DOCX)".into(),
        }),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16(&units)
        .map_err(|_| JobGateError::corrupted(Reason::new("reason-text-bad-utf16")))
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// A line without its bullet or numbering ("- ", "• ", "1. ", "1) ").
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start_matches(|c: char| {
        matches!(
            c,
            '-' | '*' | '•' | '·' | '●' | '▪' | '◦' | '–' | '—' | '>' | '✓' | '✔'
        ) || c.is_whitespace()
    });
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    if digits > 0 && digits <= 2 {
        let after = &t[digits..];
        if let Some(r) = after.strip_prefix(['.', ')', '-']) {
            return r.trim_start();
        }
    }
    t
}

/// A heading at the start of the line (the whole line, or "Heading: content"): its section and
/// whether it is about languages, and the content after it.
fn split_heading<'a>(line: &'a str, terms: &Terms) -> (Option<(Need, bool)>, &'a str) {
    let (head, rest) = match line.split_once([':', '：']) {
        Some((h, r)) => (h, r),
        None => (line, ""),
    };
    let words = tokens(&fold(head));
    if words.is_empty() || words.len() > 6 {
        return (None, line);
    }
    let is = |list: &[Phrase]| list.contains(&words);
    let heading = if is(&terms.preferred_headings) {
        Some((Need::Preferred, false))
    } else if is(&terms.language_headings) {
        Some((Need::Required, true))
    } else if is(&terms.required_headings) {
        Some((Need::Required, false))
    } else if is(&terms.mentioned_headings) {
        Some((Need::Mentioned, false))
    } else if is(&terms.ignored_headings) {
        Some((Need::Ignored, false))
    } else {
        None
    };
    match heading {
        Some(h) => (Some(h), rest),
        None => (None, line),
    }
}

/// Splits a line into clauses (at ';' and sentence ends) and decides what each one needs; inside a
/// clause with both kinds of cue, the comma-separated parts take the last cue before or in them.
fn clauses<'a>(line: &'a str, section: Need, terms: &Terms) -> Vec<(Need, &'a str)> {
    let mut out = Vec::new();
    for clause in split_sentences(line) {
        let need_of = |s: &str| {
            let w = tokens(&fold(s));
            if w.has_any(&terms.preferred_cues) {
                Some(Need::Preferred)
            } else if w.has_any(&terms.required_cues) {
                Some(Need::Required)
            } else {
                None
            }
        };
        let w = tokens(&fold(clause));
        let has_pref = w.has_any(&terms.preferred_cues);
        let has_req = w.has_any(&terms.required_cues);
        if section == Need::Ignored {
            out.push((Need::Ignored, clause));
        } else if has_pref && has_req {
            let mut carry = section;
            for part in clause.split([',', '،']) {
                if let Some(n) = need_of(part) {
                    carry = n;
                }
                out.push((carry, part));
            }
        } else if has_pref {
            out.push((Need::Preferred, clause));
        } else if has_req {
            out.push((Need::Required, clause));
        } else {
            out.push((section, clause));
        }
    }
    out
}

/// Splits at ';' '؛' and at a full stop followed by a space (not inside "Node.js" or "B.Sc").
fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let cut = matches!(c, ';' | '؛') || (c == '.' && next.is_none_or(char::is_whitespace));
        if cut {
            if i > start {
                out.push(&line[start..i]);
            }
            start = i + c.len_utf8();
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The title: a "Job title: …" line, else the first line when it is short and not a heading,
/// else what follows "looking for a" / "نبحث عن" in the first line.
fn find_title(lines: &[String], terms: &Terms) -> (String, Option<usize>) {
    for (n, line) in lines.iter().enumerate().take(12) {
        if let Some((head, rest)) = line.split_once([':', '：'])
            && !rest.trim().is_empty()
        {
            let w = tokens(&fold(strip_bullet(head)));
            if terms.title_labels.contains(&w) {
                return (clean_title(rest, terms), Some(n));
            }
        }
    }
    let Some(first) = lines.first() else {
        return (String::new(), None);
    };
    let (heading, _) = split_heading(first, terms);
    let words = tokens(&fold(first));
    if heading.is_none() && !words.is_empty() && words.len() <= 12 && !first.ends_with(':') {
        return (clean_title(first, terms), Some(0));
    }
    static LOOKING: OnceLock<Regex> = OnceLock::new();
    let re = LOOKING.get_or_init(|| {
        Regex::new(r"(?i)(?:looking for|seeking|hiring)\s+(?:an?\s+)?(.{3,60}?)(?:\s+(?:to|who|with|for|at|in)\b|[,.]|$)|(?:نبحث عن|مطلوب)\s+(.{3,60}?)(?:\s+(?:لديه|لديها|للعمل|لـ|ل)\b|[،,.]|$)")
            .expect("valid regex")
    });
    if let Some(c) = re.captures(first) {
        let t = c
            .get(1)
            .or_else(|| c.get(2))
            .map(|m| m.as_str())
            .unwrap_or("");
        return (clean_title(t, terms), None);
    }
    (String::new(), None)
}

/// A title without filler in front ("Hiring:", "مطلوب") and trailing punctuation.
fn clean_title(raw: &str, terms: &Terms) -> String {
    let mut t = raw
        .trim()
        .trim_end_matches([':', '.', '،', ','])
        .trim()
        .to_string();
    loop {
        let words = tokens(&fold(&t));
        let Some(p) = terms
            .title_prefixes
            .iter()
            .find(|p| p.len() < words.len() && words.starts_with(p))
        else {
            break;
        };
        // Drop as many words of the original as the prefix has.
        let mut rest = t.as_str();
        for _ in 0..p.len() {
            rest = rest
                .trim_start()
                .split_once(char::is_whitespace)
                .map(|(_, r)| r)
                .unwrap_or("");
        }
        t = rest
            .trim_start_matches([':', '-', '–', ' '])
            .trim()
            .to_string();
    }
    t
}

/// Minimum years of experience named in a clause ("5+ years", "3-5 years", "خبرة لا تقل عن ثلاث سنوات").
fn years_in(words: &[String], terms: &Terms) -> Option<f64> {
    if words.has_any(&terms.not_experience_words) {
        return None;
    }
    // Spell numbers as digits and "two years" words as "2 years".
    let mut spelled: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    'outer: while i < words.len() {
        for (phrase, n) in &terms.dual {
            if words[i..].starts_with(phrase) {
                spelled.push(n.to_string());
                spelled.push(terms.year_units[0].clone());
                i += phrase.len();
                continue 'outer;
            }
        }
        match terms.numbers.get(&words[i]) {
            Some(n) => spelled.push(n.to_string()),
            None => spelled.push(words[i].clone()),
        }
        i += 1;
    }
    let joined = spelled.join(" ");
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let re = YEARS.get_or_init(|| {
        Regex::new(r"(?:^|\s)(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:(?:-|to|الي|او|or|و)?\s*\d{1,2}\s*\+?\s*)?(?:\+\s*)?(\S+)")
            .expect("valid regex")
    });
    for c in re.captures_iter(&joined) {
        let unit = c.get(2).map(|m| m.as_str()).unwrap_or("");
        if terms.year_units.iter().any(|u| u == unit) {
            let n: f64 = c[1].parse().ok()?;
            if n > 0.0 && n <= 40.0 {
                return Some(n);
            }
        }
    }
    None
}

/// The lowest education level a job clause names (a bare "degree" counts as a bachelor's only when no
/// level is named).
fn education_in(words: &[String], terms: &Terms) -> Option<EducationLevel> {
    let mut found: Option<EducationLevel> = None;
    for (level, phrases, _) in &terms.education {
        for p in phrases {
            if p.len() == 1 && p[0] == "degree" {
                continue;
            }
            if words.find(p).is_some() {
                found = Some(found.map_or(*level, |f| f.min(*level)));
            }
        }
    }
    if found.is_none()
        && let Some(i) = words.iter().position(|w| w == "degree")
        && (i == 0 || !words[i - 1].chars().all(|c| c.is_ascii_digit()))
    {
        found = Some(EducationLevel::Bachelor);
    }
    found
}

/// The highest education level in a CV's education entry (abbreviations like "BA" trusted here).
pub(crate) fn education_level_of(text: &str) -> Option<EducationLevel> {
    let terms = Terms::get();
    let words = tokens(&fold(text));
    let raw = tokens(&normalize_line(text));
    let mut best: Option<EducationLevel> = None;
    for (level, phrases, abbrev) in &terms.education {
        let hit = phrases.iter().any(|p| words.find(p).is_some())
            || abbrev
                .iter()
                .any(|a| raw.iter().any(|r| r.trim_end_matches('.') == a.as_str()));
        if hit {
            best = Some(best.map_or(*level, |b| b.max(*level)));
        }
    }
    best
}

/// Spoken languages named in a clause (of those `keep` accepts, by canonical name).
fn languages_in(
    words: &[String],
    terms: &Terms,
    language_section: bool,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut context = None;
    let mut out = Vec::new();
    for (name, phrases) in terms.languages.iter().filter(|(n, _)| keep(n)) {
        let hit = phrases.iter().any(|p| {
            let arabic_script = p[0].chars().any(is_arabic_char);
            // Arabic-script names need a word about languages nearby (checked once, when needed).
            (!arabic_script
                || *context.get_or_insert_with(|| {
                    language_section || words.has_any(&terms.language_context)
                }))
                && words.find(p).is_some()
        });
        if hit {
            out.push(name.clone());
        }
    }
    out
}

/// Spoken languages named in a CV's language entry or skills ("Arabic (native)", "الإنجليزية"), of
/// those `keep` accepts.
pub(crate) fn language_names_in(text: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    languages_in(&tokens(&fold(text)), Terms::get(), true, keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_bullets_and_sentences() {
        assert_eq!(strip_bullet("• Python"), "Python");
        assert_eq!(strip_bullet("2) Go"), "Go");
        assert_eq!(
            split_sentences("Node.js and B.Sc. required; Go is a plus. Done"),
            vec!["Node.js and B.Sc", " required", " Go is a plus", " Done"]
        );
    }

    #[test]
    fn years_in_english_and_arabic() {
        let t = Terms::get();
        let y = |s: &str| years_in(&tokens(&fold(s)), t);
        assert_eq!(y("5+ years of experience"), Some(5.0));
        assert_eq!(y("At least three years in backend work"), Some(3.0));
        assert_eq!(y("3-5 years experience"), Some(3.0));
        assert_eq!(y("خبرة لا تقل عن ٣ سنوات"), Some(3.0));
        assert_eq!(y("خبرة لا تقل عن ثلاث سنوات"), Some(3.0));
        assert_eq!(y("خبرة سنتين على الأقل"), Some(2.0));
        assert_eq!(y("age between 25 and 35 years"), None);
        assert_eq!(y("Python 3"), None);
    }

    #[test]
    fn education_levels() {
        assert_eq!(
            education_level_of("BSc (Hons) Adult Nursing"),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(
            education_level_of("Master of Accounting Science"),
            Some(EducationLevel::Master)
        );
        assert_eq!(
            education_level_of("بكالوريوس علوم الحاسب"),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(
            education_level_of("BA Computer Science"),
            Some(EducationLevel::Bachelor)
        );
        let t = Terms::get();
        let e = |s: &str| education_in(&tokens(&fold(s)), t);
        assert_eq!(e("Proficient in MS Office"), None);
        assert_eq!(
            e("Bachelor's or Master's degree in Computer Science"),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(
            e("درجة الماجستير في المحاسبة"),
            Some(EducationLevel::Master)
        );
    }

    #[test]
    fn a_requirement_that_offers_a_choice_is_one_group() {
        let j = parse_job(
            "Data Analyst\nRequirements:\n- SQL and Python\n- Experience with Tableau or Power BI\n\
             - خبرة في Salesforce أو HubSpot\n- Go, Rust, or Java\n- CI/CD pipelines",
        );
        assert!(
            j.alternatives
                .contains(&vec!["Tableau".to_string(), "Power BI".to_string()]),
            "{j:?}"
        );
        assert!(
            j.alternatives
                .contains(&vec!["Salesforce".to_string(), "HubSpot".to_string()]),
            "{j:?}"
        );
        assert!(
            j.alternatives
                .iter()
                .any(|g| g.len() == 3 && g.contains(&"Rust".to_string())),
            "{j:?}"
        );
        // "SQL and Python" and "CI/CD" offer no choice.
        assert_eq!(j.alternatives.len(), 3, "{:?}", j.alternatives);
        for s in [
            "SQL",
            "Python",
            "Tableau",
            "Power BI",
            "Salesforce",
            "HubSpot",
        ] {
            assert!(
                j.required_skills.iter().any(|r| r == s),
                "{s}: {:?}",
                j.required_skills
            );
        }
    }

    #[test]
    fn a_vendor_product_is_not_the_vendor_s_other_product() {
        let j = parse_job(
            "Finance Systems Lead\nRequirements:\n- Oracle NetSuite administration\n- SQL",
        );
        assert!(
            j.required_skills.iter().any(|s| s == "NetSuite"),
            "{:?}",
            j.required_skills
        );
        assert!(
            !j.required_skills.iter().any(|s| s == "Oracle"),
            "{:?}",
            j.required_skills
        );
    }
}
