//! Reading the model's answer: find the JSON object in the message, then take each field of DESIGN §2 only
//! when it is well-formed, so a partly wrong answer still gives its good parts.
//!
//! Nothing here trusts the model: unknown keys are ignored, wrong types drop the field, over-long values are
//! dropped or clipped, dates are normalised again, and an email or phone is only taken when it is well-formed
//! AND appears in the CV text (a model must not invent contact details). The same holds for what the
//! CV claims: a skill, a job's employer, a school, a certification, a project or a bullet point the text
//! does not state is dropped (words compared folded, with the article and PDF lam-alef damage allowed
//! for), and every list is capped. Merging with the rule result is [`crate::merge`]'s job.

use jobgate_core::dates::{DatePoint, find_points, parse_period};
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::text::{ascii_digits, fold, is_arabic_char, normalize_line};
use jobgate_core::{Education, Experience, JobGateError, LanguageSkill, Project};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The usable parts of the model's answer. `None` / empty means "not given or not valid": keep the rules' value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AiAnswer {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub headline: Option<String>,
    pub links: Vec<String>,
    pub summary: Option<String>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub skills: Vec<String>,
    pub achievements: Vec<String>,
    pub certifications: Vec<String>,
    pub languages: Vec<LanguageSkill>,
    pub projects: Vec<Project>,
}

impl AiAnswer {
    /// How many fields the answer gives (0 means nothing usable came back).
    pub fn usable_fields(&self) -> usize {
        let scalars = [
            &self.name,
            &self.email,
            &self.phone,
            &self.location,
            &self.headline,
            &self.summary,
        ]
        .iter()
        .filter(|v| v.is_some())
        .count();
        let lists = [
            !self.links.is_empty(),
            !self.experience.is_empty(),
            !self.education.is_empty(),
            !self.skills.is_empty(),
            !self.achievements.is_empty(),
            !self.certifications.is_empty(),
            !self.languages.is_empty(),
            !self.projects.is_empty(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        scalars + lists
    }
}

fn unavailable(id: &str) -> JobGateError {
    JobGateError::ai_unavailable(jobgate_core::Reason::new(id))
}

/// The JSON object in a message: bare, inside ```json fences, or surrounded by a sentence or two.
pub fn extract_json(content: &str) -> Option<Map<String, Value>> {
    let trimmed = content.trim().trim_start_matches('\u{feff}');
    let mut candidates: Vec<&str> = vec![trimmed];
    if let Some(start) = trimmed.find("```") {
        let after = &trimmed[start + 3..];
        // Skip the info string (`json`, `JSON`, ...) up to the end of the fence line.
        let body = after.split_once('\n').map_or(after, |(_, b)| b);
        let body = body.rsplit_once("```").map_or(body, |(b, _)| b);
        candidates.push(body.trim());
    }
    if let (Some(a), Some(b)) = (trimmed.find('{'), trimmed.rfind('}'))
        && a < b
    {
        candidates.push(&trimmed[a..=b]);
    }
    candidates
        .into_iter()
        .find_map(|c| match serde_json::from_str(c) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        })
}

/// Reads and validates the structured CV in `content`. `cv_text` is the text that was sent (for grounding).
/// Fails when there is no JSON object or when not a single field is usable.
pub fn read_answer(content: &str, cv_text: &str) -> Result<AiAnswer, JobGateError> {
    let mut map =
        extract_json(content).ok_or_else(|| unavailable("reason-ai-answer-invalid-json"))?;
    // Some models wrap the object as the analysis response does.
    if let Some(Value::Object(inner)) = map.get("structured_data") {
        map = inner.clone();
    }
    let answer = from_map(&map, cv_text);
    if answer.usable_fields() == 0 {
        return Err(unavailable("reason-ai-answer-no-fields"));
    }
    Ok(answer)
}

/// Most jobs, degrees, skills, ... taken from one answer: a CV has far fewer, a runaway model far more.
const MAX_JOBS: usize = 30;
const MAX_DEGREES: usize = 15;
const MAX_SKILLS: usize = 100;
const MAX_ITEMS: usize = 50;
const MAX_LANGUAGES: usize = 20;
const MAX_PROJECTS: usize = 30;
const MAX_LINKS: usize = 20;
/// Most bullet points of one job.
const MAX_BULLETS: usize = 30;

fn capped<T>(items: impl Iterator<Item = T>, max: usize) -> Vec<T> {
    items.take(max).collect()
}

fn from_map(map: &Map<String, Value>, cv_text: &str) -> AiAnswer {
    let empty = Map::new();
    // A model that drifts into the JSON Resume shape (`basics`, `work`, `startDate`) is read too.
    let pi = map
        .get("personal_info")
        .or_else(|| map.get("basics"))
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let grounding = Grounding::new(cv_text);
    AiAnswer {
        name: Some(short(pi, &["name", "full_name"], 100)).filter(|n| valid_name(n)),
        email: Some(short(pi, &["email"], 254))
            .map(|e| e.trim_start_matches("mailto:").to_string())
            .filter(|e| valid_email(e) && grounding.has_email(e)),
        phone: Some(ascii_digits(&short(pi, &["phone", "mobile"], 40)))
            .filter(|p| valid_phone(p) && grounding.has_phone(p)),
        location: Some(location(pi)).filter(|s| !s.is_empty()),
        headline: Some(short(pi, &["headline", "title", "label"], 200)).filter(|s| !s.is_empty()),
        links: capped(
            strings(pi.get("links").or_else(|| pi.get("profiles")), 300)
                .into_iter()
                .filter(|l| valid_link(l)),
            MAX_LINKS,
        ),
        summary: Some(long(map, &["summary", "profile", "objective"], 3000))
            .filter(|s| !s.is_empty()),
        experience: capped(
            objects(map.get("experience").or_else(|| map.get("work")))
                .filter_map(experience)
                .filter_map(|e| grounding.job(e)),
            MAX_JOBS,
        ),
        education: capped(
            objects(map.get("education"))
                .filter_map(education)
                .filter_map(|e| grounding.degree(e)),
            MAX_DEGREES,
        ),
        skills: capped(
            strings(map.get("skills"), 80)
                .into_iter()
                .filter(|s| grounding.has_skill(s)),
            MAX_SKILLS,
        ),
        achievements: capped(
            strings(map.get("achievements").or_else(|| map.get("awards")), 500)
                .into_iter()
                .filter(|a| grounding.supports(a)),
            MAX_ITEMS,
        ),
        certifications: capped(
            strings(
                map.get("certifications")
                    .or_else(|| map.get("certificates")),
                300,
            )
            .into_iter()
            .filter(|c| grounding.supports(c)),
            MAX_ITEMS,
        ),
        languages: capped(
            list(map.get("languages")).filter_map(language),
            MAX_LANGUAGES,
        ),
        projects: capped(
            list(map.get("projects"))
                .filter_map(project)
                .filter(|p| grounding.supports(&p.title)),
            MAX_PROJECTS,
        ),
    }
}

/// `"Riyadh"`, or a JSON Resume location object (`{"city": "Riyadh", "countryCode": "SA"}`) as one line.
fn location(pi: &Map<String, Value>) -> String {
    match pi.get("location") {
        Some(Value::Object(o)) => {
            let parts: Vec<String> = ["city", "region", "countryCode", "country"]
                .iter()
                .map(|k| short(o, &[k], 80))
                .filter(|p| !p.is_empty())
                .collect();
            parts.join(", ")
        }
        _ => short(pi, &["location", "address", "city"], 150),
    }
}

/// One line of text: whitespace collapsed; empty when missing, not a string, or longer than `max` chars.
fn short(obj: &Map<String, Value>, keys: &[&str], max: usize) -> String {
    let s = keys
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .map(collapse)
        .unwrap_or_default();
    if s.chars().count() > max {
        String::new()
    } else {
        s
    }
}

/// Running text: whitespace collapsed, clipped to `max` chars.
fn long(obj: &Map<String, Value>, keys: &[&str], max: usize) -> String {
    let s = keys
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .map(collapse)
        .unwrap_or_default();
    s.chars().take(max).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn list(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    v.and_then(Value::as_array).into_iter().flatten()
}

fn objects(v: Option<&Value>) -> impl Iterator<Item = &Map<String, Value>> {
    list(v).filter_map(Value::as_object)
}

/// A list of short strings: an array of strings (or of `{"name": ...}` objects), or one comma-separated string.
/// Trimmed, de-duplicated (case-insensitively), items longer than `max` chars dropped.
fn strings(v: Option<&Value>, max: usize) -> Vec<String> {
    let raw: Vec<String> = match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|it| match it {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => ["name", "title", "url", "keyword"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .map(str::to_string),
                _ => None,
            })
            .collect(),
        Some(Value::String(s)) => s.split([',', '،', ';', '\n']).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let mut seen = HashSet::new();
    raw.iter()
        .map(|s| collapse(s.trim_start_matches(['-', '•', '*', '·', ' '])))
        .filter(|s| !s.is_empty() && s.chars().count() <= max)
        .filter(|s| seen.insert(s.to_lowercase()))
        .collect()
}

fn bullets(obj: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let v = keys.iter().find_map(|k| obj.get(*k));
    match v {
        Some(Value::String(s)) => strings(
            Some(&Value::Array(
                s.lines().map(|l| Value::String(l.to_string())).collect(),
            )),
            600,
        ),
        other => strings(other, 600),
    }
}

/// `YYYY`, `YYYY-MM` or `present` from what the model wrote; empty when it is not a plausible date.
pub fn normalize_date(raw: &str) -> String {
    let s = ascii_digits(raw.trim());
    if s.is_empty() {
        return String::new();
    }
    let lower = s.to_lowercase();
    if ["present", "current", "now", "today", "ongoing", "currently"].contains(&lower.as_str()) {
        return "present".into();
    }
    // A full ISO date keeps its year and month.
    let s = match s.get(..7) {
        Some(ym)
            if s.is_ascii()
                && s.len() == 10
                && s.as_bytes()[7] == b'-'
                && s[8..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            ym.to_string()
        }
        _ => s,
    };
    let plausible = |p: &DatePoint| match p {
        DatePoint::Year(y) | DatePoint::Month { year: y, .. } => (1950..=2100).contains(y),
        DatePoint::Present => true,
    };
    if let Some(p) = DatePoint::from_normalized(&s).filter(plausible) {
        return p.normalized();
    }
    find_points(&normalize_line(&s))
        .into_iter()
        .map(|(p, _)| p)
        .find(plausible)
        .map(|p| p.normalized())
        .unwrap_or_default()
}

fn dates(obj: &Map<String, Value>, original_keys: &[&str]) -> (String, String, String) {
    let original = short(obj, original_keys, 100);
    let mut start = normalize_date(&short(
        obj,
        &["start", "start_date", "startDate", "from"],
        40,
    ));
    let mut end = normalize_date(&short(obj, &["end", "end_date", "endDate", "to"], 40));
    if start.is_empty()
        && end.is_empty()
        && let Some((s, e)) = parse_period(&original)
    {
        start = s;
        end = e;
    }
    if end == "present" && start.is_empty() {
        end.clear();
    }
    (start, end, original)
}

fn experience(obj: &Map<String, Value>) -> Option<Experience> {
    let (start, end, period) = dates(obj, &["period", "dates", "duration"]);
    let e = Experience {
        title: short(obj, &["title", "job", "position", "role"], 150),
        company: short(obj, &["company", "employer", "organization", "name"], 150),
        location: short(obj, &["location"], 150),
        start,
        end,
        period,
        achievements: bullets(
            obj,
            &["achievements", "highlights", "responsibilities", "bullets"],
        ),
    };
    (!e.title.is_empty() || !e.company.is_empty()).then_some(e)
}

fn education(obj: &Map<String, Value>) -> Option<Education> {
    let (start, end, years) = dates(obj, &["years", "period", "dates"]);
    let e = Education {
        degree: short(obj, &["degree", "studyType", "qualification"], 200),
        field: short(obj, &["field", "area", "major"], 200),
        school: short(obj, &["school", "institution", "university"], 200),
        start,
        end,
        years,
        grade: short(obj, &["grade", "score", "gpa"], 60),
    };
    (!e.degree.is_empty() || !e.school.is_empty()).then_some(e)
}

fn language(v: &Value) -> Option<LanguageSkill> {
    let l = match v {
        Value::Object(o) => LanguageSkill {
            name: short(o, &["name", "language"], 60),
            level: short(o, &["level", "fluency", "proficiency"], 60),
        },
        Value::String(s) => {
            let s = collapse(s);
            match s.split_once(['(', ':', '-', '–']) {
                Some((name, level)) => LanguageSkill {
                    name: name.trim().to_string(),
                    level: level.trim().trim_end_matches(')').trim().to_string(),
                },
                None => LanguageSkill {
                    name: s,
                    level: String::new(),
                },
            }
        }
        _ => return None,
    };
    (!l.name.is_empty() && l.name.chars().count() <= 60).then_some(l)
}

fn project(v: &Value) -> Option<Project> {
    let p = match v {
        Value::Object(o) => Project {
            title: short(o, &["title", "name"], 200),
            description: long(o, &["description", "summary"], 1000),
            link: Some(short(o, &["link", "url"], 300))
                .filter(|l| valid_link(l))
                .unwrap_or_default(),
        },
        Value::String(s) => Project {
            title: collapse(s).chars().take(200).collect(),
            ..Project::default()
        },
        _ => return None,
    };
    (!p.title.is_empty()).then_some(p)
}

fn email_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
            .expect("email regex")
    })
}

fn phone_run_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\+?\(?\d[\d\s().\-/]{5,}\d").expect("phone regex"))
}

/// A well-formed email address.
pub fn valid_email(s: &str) -> bool {
    s.len() <= 254 && email_regex().is_match(s)
}

/// A well-formed phone number: digits with the usual separators, 7 to 15 digits (E.164 allows 15).
pub fn valid_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +()-./".contains(c))
        && s.chars().filter(|c| *c == '+').count() <= 1
}

fn valid_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=100).contains(&n)
        && !s.contains('@')
        && !s.to_lowercase().contains("http")
        && !s.chars().any(|c| c.is_numeric())
}

fn valid_link(s: &str) -> bool {
    !s.contains('@') && !s.contains(char::is_whitespace) && s.contains('.') && s.len() >= 4
}

/// What the CV text contains, to check that contact details, jobs, degrees and skills were copied, not
/// made up: its words (folded: case, Arabic letter variants, diacritics) and the lexicon skills it mentions.
struct Grounding {
    lower: String,
    phones: Vec<String>,
    words: HashSet<String>,
    /// The folded letters and digits alone, for values whose spaces the extraction lost or added.
    squashed: String,
    skills: Vec<bool>,
}

impl Grounding {
    fn new(text: &str) -> Grounding {
        let ascii: String = text
            .lines()
            .map(|l| ascii_digits(&normalize_line(l)))
            .collect::<Vec<_>>()
            .join("\n");
        // Text extracted from right-to-left lines can hold a number's digit groups in reverse order
        // ("7788 555 100 20+" for "+20 100 555 7788"): both orders count.
        let phones = phone_run_regex()
            .find_iter(&ascii)
            .flat_map(|m| {
                let groups: Vec<&str> = m
                    .as_str()
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|g| !g.is_empty())
                    .collect();
                let reversed: String = groups.iter().rev().copied().collect();
                [groups.concat(), reversed]
            })
            .filter(|d| d.len() >= 7)
            .collect();
        let words = words_of(&ascii)
            .flat_map(|w| [bare(&w).to_string(), w])
            .collect();
        let mut skills = Vec::new();
        SkillLexicon::builtin().mark_all(text, &mut skills);
        Grounding {
            lower: ascii.to_lowercase(),
            phones,
            words,
            squashed: squash(&ascii),
            skills,
        }
    }

    /// Whether the text supports `value`: all its words are in the text when it has one or two, at least
    /// two in three of them when it has more (a model may join or re-punctuate a line), or its letters and
    /// digits appear in this order in the text (a line whose spaces the extraction lost: "UrbanaChampaign").
    /// No words: no.
    fn supports(&self, value: &str) -> bool {
        let value = ascii_digits(value);
        let squashed = squash(&value);
        if squashed.chars().count() >= 4 && self.squashed.contains(&squashed) {
            return true;
        }
        let words: Vec<String> = words_of(&value).collect();
        let found = words
            .iter()
            .filter(|w| self.words.contains(w.as_str()) || self.words.contains(bare(w)))
            .count();
        match words.len() {
            0 => false,
            n @ 1..=2 => found == n,
            n => found * 3 >= n * 2,
        }
    }

    /// A skill the text names: its words are there, or it is a lexicon skill the text mentions under
    /// another spelling ("JS" for JavaScript).
    fn has_skill(&self, skill: &str) -> bool {
        self.supports(skill)
            || SkillLexicon::builtin()
                .canonical_index(skill)
                .is_some_and(|i| self.skills.get(i).copied().unwrap_or(false))
    }

    /// A job the text supports: one at an employer the text never names is dropped, a title it does not
    /// state is cleared (the job stays when its employer is stated), bullet points it does not support
    /// are dropped.
    fn job(&self, mut e: Experience) -> Option<Experience> {
        if !e.company.is_empty() && !self.supports(&e.company) {
            return None;
        }
        self.keep_if_supported(&mut e.title);
        self.keep_if_supported(&mut e.location);
        e.achievements.retain(|a| self.supports(a));
        e.achievements.truncate(MAX_BULLETS);
        (!e.title.is_empty() || !e.company.is_empty()).then_some(e)
    }

    /// A qualification the text supports: the same rule with the school and the degree.
    fn degree(&self, mut e: Education) -> Option<Education> {
        if !e.school.is_empty() && !self.supports(&e.school) {
            return None;
        }
        self.keep_if_supported(&mut e.degree);
        self.keep_if_supported(&mut e.field);
        (!e.degree.is_empty() || !e.school.is_empty()).then_some(e)
    }

    fn keep_if_supported(&self, value: &mut String) {
        if !value.is_empty() && !self.supports(value) {
            value.clear();
        }
    }

    fn has_email(&self, email: &str) -> bool {
        self.lower.contains(&email.to_lowercase())
    }

    /// The same digits as a number in the text, allowing a country code or trunk `0` to be added or dropped.
    fn has_phone(&self, phone: &str) -> bool {
        let d = digits_only(phone);
        let core = d.trim_start_matches('0');
        self.phones.iter().any(|p| {
            let pc = p.trim_start_matches('0');
            *p == d
                || (core.len() >= 7 && pc.len() >= 7 && (pc.ends_with(core) || core.ends_with(pc)))
        })
    }
}

/// The folded words of `s`: runs of letters and digits, split where Arabic letters meet others too (an
/// extracted line can lose the space there: "at\u{202c}مستشفى").
fn words_of(s: &str) -> impl Iterator<Item = String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut arabic = false;
    for c in folded(s).chars() {
        if !c.is_alphanumeric() || (!word.is_empty() && is_arabic_char(c) != arabic) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if !c.is_alphanumeric() {
                continue;
            }
        }
        arabic = is_arabic_char(c);
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

/// [`fold`], and a lam-alef that a PDF's text layer gave in the wrong order (`األمير` for `الأمير`) put back.
fn folded(s: &str) -> String {
    fold(s).replace("اال", "الا")
}

/// The folded letters and digits of `s`, nothing else.
fn squash(s: &str) -> String {
    folded(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// An Arabic word without the article or a joined "and"/"by" before it (`والإدارة` → `اداره`), so a model
/// that writes a word with or without them is still grounded.
fn bare(word: &str) -> &str {
    ["وال", "بال", "فال", "لل", "ال"]
        .iter()
        .find_map(|p| {
            word.strip_prefix(p)
                .filter(|rest| rest.chars().count() >= 2)
        })
        .unwrap_or(word)
}

fn digits_only(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Sara Ali\nsara.ali@example.com | +966 50 123 4567\nRiyadh";

    #[test]
    fn fenced_and_chatty_answers_are_found() {
        assert!(extract_json("```json\n{\"summary\": \"x\"}\n```").is_some());
        assert!(extract_json("```\n{\"summary\": \"x\"}\n```").is_some());
        assert!(extract_json("Here is the JSON:\n{\"summary\": \"x\"}\nHope it helps").is_some());
        assert!(extract_json("{\"summary\": ").is_none());
        assert!(extract_json("[1, 2]").is_none());
    }

    #[test]
    fn contact_details_must_be_in_the_text() {
        let a = read_answer(
            r#"{"personal_info": {"email": "someone@else.org", "phone": "+1 555 000 1111"}, "summary": "x"}"#,
            TEXT,
        )
        .unwrap();
        assert_eq!(a.email, None);
        assert_eq!(a.phone, None);
        let b = read_answer(
            r#"{"personal_info": {"email": "Sara.Ali@example.com", "phone": "0501234567"}}"#,
            TEXT,
        )
        .unwrap();
        assert_eq!(b.email.as_deref(), Some("Sara.Ali@example.com"));
        assert_eq!(b.phone.as_deref(), Some("0501234567"));
    }

    #[test]
    fn phone_groups_reversed_by_right_to_left_extraction_still_match() {
        let text = "\u{202b}القاهرة\u{202c}\n\u{202b}\u{202a}7788 555 100 20+\u{202c}\u{202c}";
        let a = read_answer(r#"{"personal_info": {"phone": "+20 100 555 7788"}}"#, text).unwrap();
        assert_eq!(a.phone.as_deref(), Some("+20 100 555 7788"));
        let b = read_answer(
            r#"{"personal_info": {"phone": "+20 100 555 7799"}, "summary": "x"}"#,
            text,
        )
        .unwrap();
        assert_eq!(b.phone, None);
    }

    #[test]
    fn malformed_contact_details_are_dropped() {
        let a = read_answer(
            r#"{"personal_info": {"name": "Sara Ali", "email": "sara.ali at example", "phone": "call me"}}"#,
            TEXT,
        )
        .unwrap();
        assert_eq!(a.name.as_deref(), Some("Sara Ali"));
        assert_eq!((a.email, a.phone), (None, None));
    }

    #[test]
    fn dates_are_normalised_again() {
        assert_eq!(normalize_date("2021-3"), "2021-03");
        assert_eq!(normalize_date("Mar 2021"), "2021-03");
        assert_eq!(normalize_date("٢٠١٩"), "2019");
        assert_eq!(normalize_date("Present"), "present");
        assert_eq!(normalize_date("soon"), "");
        assert_eq!(normalize_date("21"), "");
        assert_eq!(normalize_date("2021-03-01"), "2021-03");
    }

    #[test]
    fn wrong_types_drop_only_their_field() {
        let a = read_answer(
            r#"{"skills": "Python, SQL، Excel", "experience": "lots", "education": [{"degree": 5}],
                "languages": ["Arabic (native)", {"name": "English", "level": "C1"}],
                "projects": [{"title": "CV parser", "link": "github.com/x/y"}]}"#,
            &format!("{TEXT}\nSkills: Python, SQL, Excel\nProjects: CV parser (github.com/x/y)"),
        )
        .unwrap();
        assert_eq!(a.skills, ["Python", "SQL", "Excel"]);
        assert!(a.experience.is_empty() && a.education.is_empty());
        assert_eq!(a.languages[0].name, "Arabic");
        assert_eq!(a.languages[0].level, "native");
        assert_eq!(a.languages[1].level, "C1");
        assert_eq!(a.projects[0].link, "github.com/x/y");
    }

    #[test]
    fn an_answer_without_any_known_field_is_refused() {
        let e = read_answer(r#"{"hacked": true, "note": "ignored"}"#, TEXT).unwrap_err();
        assert!(e.to_string().contains("none of the expected"), "{e}");
    }

    const CV: &str = "Sara Ali\nData Analyst\nEXPERIENCE\nSenior Data Analyst, Acme Retail — Riyadh\n\
- Cut reporting time by 40% by automating weekly dashboards in Power BI\n\
EDUCATION\nBSc Computer Science, King Saud University\nSKILLS\nSQL, Python, JS\n\
CERTIFICATIONS\nAWS Certified Cloud Practitioner\n";

    #[test]
    fn skills_jobs_and_degrees_the_text_does_not_state_are_dropped() {
        let a = read_answer(
            r#"{"skills": ["SQL", "python", "JavaScript", "Kubernetes", "Rust"],
                "experience": [
                    {"title": "Senior Data Analyst", "company": "Acme Retail",
                     "achievements": ["Cut reporting time by 40% by automating dashboards in Power BI",
                                      "Led a team of 50 engineers at Google"]},
                    {"title": "Chief Executive Officer", "company": "Google"},
                    {"title": "Data Analyst", "company": "Microsoft"}],
                "education": [
                    {"degree": "BSc", "field": "Computer Science", "school": "King Saud University"},
                    {"degree": "PhD", "field": "Astrophysics", "school": "Harvard University"}],
                "certifications": ["AWS Certified Cloud Practitioner", "Certified Kubernetes Administrator"],
                "projects": [{"title": "Mars rover firmware"}]}"#,
            CV,
        )
        .unwrap();
        // "JavaScript" is the lexicon's name for the "JS" the CV lists; Kubernetes and Rust are nowhere.
        assert_eq!(a.skills, ["SQL", "python", "JavaScript"]);
        // A job at an employer the CV never names is dropped, even with a title the CV states.
        assert_eq!(a.experience.len(), 1, "{:?}", a.experience);
        assert_eq!(a.experience[0].company, "Acme Retail");
        assert_eq!(a.experience[0].achievements.len(), 1);
        assert_eq!(a.education.len(), 1);
        assert_eq!(a.education[0].school, "King Saud University");
        assert_eq!(a.certifications, ["AWS Certified Cloud Practitioner"]);
        assert!(a.projects.is_empty());
    }

    #[test]
    fn arabic_words_are_grounded_with_or_without_the_article() {
        let text = "خبرة العمل\nمحاسب أول - شركة الراجحي\nالمهارات: إدارة المشاريع، المحاسبة";
        let a = read_answer(
            r#"{"skills": ["إدارة المشاريع", "محاسبة", "البرمجة"],
                "experience": [{"title": "محاسب اول", "company": "شركة الراجحي"}]}"#,
            text,
        )
        .unwrap();
        assert_eq!(a.skills, ["إدارة المشاريع", "محاسبة"]);
        assert_eq!(a.experience.len(), 1);
        assert_eq!(a.experience[0].title, "محاسب اول");
    }

    #[test]
    fn lists_are_capped() {
        let many: Vec<String> = (0..400).map(|i| format!("skill{i}")).collect();
        let text = many.join(", ");
        let jobs: Vec<Value> = (0..200)
            .map(|i| serde_json::json!({"title": format!("skill{i}")}))
            .collect();
        let answer =
            serde_json::json!({"skills": many, "experience": jobs, "certifications": many});
        let a = read_answer(&answer.to_string(), &text).unwrap();
        assert_eq!(a.skills.len(), MAX_SKILLS);
        assert_eq!(a.experience.len(), MAX_JOBS);
        assert_eq!(a.certifications.len(), MAX_ITEMS);
    }
}
