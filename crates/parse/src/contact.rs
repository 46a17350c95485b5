//! Personal information: name, email, phone, location, headline, links.
//!
//! Looked for first in the header (lines before the first heading) and in contact/profile sections, then
//! in the whole document for email and phone. Header lines are also split on "|", "•" and "·", since many
//! CVs put "City | email | phone" on one line. Phone numbers that a right-to-left line turned around
//! ("7788 555 100 20+") are put back in order.

use crate::lines::{Ln, ends_sentence, word_count};
use crate::sections::{Block, heading_of, mentions_language};
use crate::terms::{headings, terms};
use jobgate_core::PersonalInfo;
use jobgate_core::Section;
use jobgate_core::text::is_arabic_char;
use regex::Regex;
use std::sync::OnceLock;

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9.\-]+\.[a-z]{2,}\b").expect("email regex")
    })
}

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\+|\b00)?\(?\+?\d[\d\s().\-/]{5,}\d\)?\+?").expect("phone regex")
    })
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:https?://|www\.)[^\s,;|()<>]+|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|dev|io|net|org|me|co|ai|app|info|biz|tech|site|xyz|page|edu|gov)(?:/[^\s,;|()<>]*)?",
        )
        .expect("url regex")
    })
}

/// Top-level domains common in CVs: an address ending in one of them looks complete.
const COMMON_TLDS: [&str; 24] = [
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "dev", "co", "uk", "us", "ae", "sa",
    "eg", "jo", "qa", "kw", "ma", "info", "me", "ai", "app", "test",
];

fn common_tld(tld: &str) -> bool {
    COMMON_TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

/// The first email address in the text. LinkedIn's "in" badge drawn right after an address
/// ("…@mail.comin") is not part of it: a last label that is a common domain plus "in" loses the "in".
pub(crate) fn find_email(s: &str) -> Option<String> {
    let email = email_re().find(s)?.as_str().trim_end_matches('.');
    let tld = email.rsplit_once('.').map_or("", |(_, t)| t);
    match tld.strip_suffix("in") {
        Some(base) if !common_tld(tld) && common_tld(base) => {
            Some(email[..email.len() - 2].to_string())
        }
        _ => Some(email.to_string()),
    }
}

/// The first phone number in the text: 7 to 15 digits that are not a date or a period.
pub(crate) fn find_phone(s: &str) -> Option<String> {
    for m in phone_re().find_iter(s) {
        let cand = m.as_str().trim();
        let digits = cand.chars().filter(|c| c.is_ascii_digit()).count();
        if !(7..=15).contains(&digits) {
            continue;
        }
        // A period ("2015 - 2019", "2018-02 — 2020-03") is not a phone number.
        if let Some(r) = jobgate_core::dates::find_range(cand)
            && r.end.is_some()
            && r.span.len() + 3 >= cand.len()
        {
            continue;
        }
        if looks_like_iso_date(cand) {
            continue;
        }
        return Some(unreverse_phone(cand));
    }
    None
}

/// The text with email addresses and links blanked out, so their digits are not read as a phone.
fn without_addresses(s: &str) -> String {
    let mut out = email_re().replace_all(s, " ; ").into_owned();
    for l in find_links(&out.clone()) {
        out = out.replace(&l, " ; ");
    }
    out
}

fn looks_like_iso_date(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:19|20)\d\d[-/.]\d\d(?:[-/.]\d\d)?$|^\d\d[-/.]\d\d[-/.](?:19|20)\d\d$")
            .expect("iso date regex")
    })
    .is_match(s)
}

/// "7788 555 100 20+" (a right-to-left line shown in visual order) → "+20 100 555 7788".
fn unreverse_phone(s: &str) -> String {
    let s = s.trim();
    if s.ends_with('+') && !s.starts_with('+') {
        let groups: Vec<&str> = s.trim_end_matches('+').split_whitespace().rev().collect();
        return format!("+{}", groups.join(" "));
    }
    s.to_string()
}

/// Every link (URL, "www.", bare domain) in the text, emails excepted.
pub(crate) fn find_links(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for m in url_re().find_iter(s) {
        let before = &s[..m.start()];
        let after = &s[m.end()..];
        if before.ends_with('@') || after.starts_with('@') || email_re().is_match(m.as_str()) {
            continue;
        }
        // Part of an email address: "name@mail.example.com".
        if before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.contains('@'))
        {
            continue;
        }
        out.push(m.as_str().trim_end_matches(['.', ',']).to_string());
    }
    out
}

/// Strips a leading contact label ("Email:", "Phone", "العنوان:") and returns it folded with the rest.
pub(crate) fn strip_label(s: &str) -> (Option<String>, &str) {
    let t = terms();
    if let Some((label, rest)) = s.split_once([':', '：'])
        && word_count(label) <= 3
        && (t.contact_labels.is(label) || is_name_label(label))
    {
        return (Some(jobgate_core::text::fold(label)), rest.trim());
    }
    (None, s)
}

fn is_name_label(label: &str) -> bool {
    let f = jobgate_core::text::fold(label.trim());
    matches!(f.as_str(), "name" | "full name" | "الاسم" | "الاسم الكامل")
}

/// Header lines split on the separators CVs use between contact details.
fn fragments(s: &str) -> Vec<String> {
    s.split(['|', '•', '·', '\u{f0b7}', '⋅'])
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect()
}

/// "name@mail.t" + "est" → "name@mail.test": an address whose domain stops short (a one-letter last
/// label, or an unknown one followed by more of a domain: "…@student.exa" + "mple.edu"), continued by
/// one word of domain characters in the same case on the next line.
fn mend_broken_email(email: &str, next: &str) -> Option<String> {
    // "name@consult-" + "eg.test": a domain broken after one of its hyphens.
    if email.ends_with('-') && email.contains('@') {
        let first = next.split_whitespace().next()?;
        let whole = format!("{email}{first}");
        return (find_email(&whole).as_deref() == Some(whole.as_str())).then_some(whole);
    }
    let tld = email.rsplit_once('@')?.1.rsplit_once('.')?.1;
    let domain_chars = |s: &str| {
        !s.is_empty()
            && s.len() <= 24
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
    };
    let same_case = |a: &str, b: &str| {
        let upper = |s: &str| s.chars().any(|c| c.is_ascii_uppercase());
        let lower = |s: &str| s.chars().any(|c| c.is_ascii_lowercase());
        upper(a) == upper(b) && lower(a) == lower(b)
    };
    // A complete-looking ending ("…@mail.com" followed by a web address) is not broken.
    let complete = tld.chars().count() >= 2 && (common_tld(tld) || !next.contains('.'));
    (!complete && domain_chars(next) && same_case(email, next))
        .then(|| format!("{email}{next}"))
        .filter(|whole| find_email(whole).as_deref() == Some(whole.as_str()))
}

/// A line that is only a contact detail: an email, phone, link, place or a one-word handle.
pub(crate) fn is_contact_line(s: &str) -> bool {
    let s = s.trim();
    has_contact(s)
        || place_shape(s)
        || (word_count(s) == 1 && !ends_sentence(s) && s.chars().any(|c| c.is_alphabetic()))
}

fn has_contact(s: &str) -> bool {
    find_email(s).is_some() || find_phone(s).is_some() || !find_links(s).is_empty()
}

/// The name a line gives, and a headline written after it.
#[derive(Debug, Clone, PartialEq)]
struct NameLine {
    name: String,
    headline: Option<String>,
}

/// A line that holds a person's name: alone, after a label ("Name: …"), as a document title
/// ("Resume of …", "… - CV"), or followed by the job title ("Omar Hassan, Senior Engineer").
fn name_line(s: &str) -> Option<NameLine> {
    let (label, rest) = strip_label(s);
    let s = if label.is_some() { rest } else { s }.trim();
    let mut name = s;
    for prefix in ["resume of ", "résumé of ", "cv of ", "curriculum vitae of "] {
        if name
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            name = name[prefix.len()..].trim();
        }
    }
    for suffix in [
        "cv",
        "resume",
        "résumé",
        "curriculum vitae",
        "السيرة الذاتية",
        "سيرة ذاتية",
    ] {
        if let Some(cut) = name.len().checked_sub(suffix.len())
            && name
                .get(cut..)
                .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
            && let Some(head) = name[..cut]
                .trim_end()
                .strip_suffix(['-', '–', '—', '|', ':'])
        {
            name = head.trim_end();
        }
    }
    if name_shape(name) {
        return Some(NameLine {
            name: name.to_string(),
            headline: None,
        });
    }
    // "Name, Title" / "Name - Title": the part after the comma is a job title.
    let (first, second) = name
        .split_once([',', '،'])
        .or_else(|| name.split_once(" - "))
        .or_else(|| name.split_once(" – "))?;
    let (first, second) = (first.trim(), second.trim());
    (name_shape(first) && terms().title.count(second) > 0 && !has_contact(second)).then(|| {
        NameLine {
            name: first.to_string(),
            headline: Some(second.to_string()),
        }
    })
}

/// Could this line be a person's name?
fn name_shape(s: &str) -> bool {
    let (label, rest) = strip_label(s);
    let s = if label.is_some() { rest } else { s };
    let words = word_count(s);
    if !(2..=7).contains(&words) || s.chars().count() > 60 {
        return false;
    }
    if s.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '@' | ',' | '،' | ':' | '/' | '(' | ')'))
    {
        // "Khaled Mahmoud | خالد محمود" and "سلمى ناصر (Salma Nasser)" are names; "Cairo, Egypt" is not.
        if !(s.contains('|') || two_scripts(s)) || s.chars().any(|c| c.is_ascii_digit() || c == '@')
        {
            return false;
        }
    }
    if ends_sentence(s) {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters * 10 < s.chars().filter(|c| !c.is_whitespace()).count() * 8 {
        return false;
    }
    let t = terms();
    let probe = s.replace('|', " ");
    t.title.count(&probe) == 0
        && t.company.count(&probe) == 0
        && t.school.count(&probe) == 0
        && !mentions_language(&probe)
        && t.contact_labels.count(&probe) == 0
        && !headings().noise.is(s)
}

/// A name written in both scripts: "سلمى ناصر (Salma Nasser)", "Salma Nasser / سلمى ناصر" — two parts
/// (at a slash or a bracket), one all Arabic letters and the other all Latin.
fn two_scripts(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(['/', '(', ')', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let script = |p: &str| {
        let arabic = p.chars().filter(|c| is_arabic_char(*c)).count();
        let latin = p.chars().filter(|c| c.is_ascii_alphabetic()).count();
        match (arabic, latin) {
            (a, 0) if a > 0 => Some(true),
            (0, l) if l > 0 => Some(false),
            _ => None,
        }
    };
    parts.len() == 2
        && s.matches('(').count() <= 1
        && match (script(parts[0]), script(parts[1])) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
}

/// Could this be a location ("Cairo, Egypt", "Chicago, (US)", "الرياض، السعودية")?
fn location_shape(s: &str) -> bool {
    let words = word_count(s);
    if words == 0 || words > 7 || s.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return false;
    }
    if !s.contains([',', '،']) || ends_sentence(s) || has_contact(s) {
        return false;
    }
    let parts: Vec<&str> = s.split([',', '،']).map(str::trim).collect();
    if parts.iter().any(|p| word_count(p) > 4) {
        return false;
    }
    // "Arabic, English" is a list of languages, "Python, SQL" of skills.
    let t = terms();
    let all_languages = parts
        .iter()
        .all(|p| p.is_empty() || t.languages.is(p) || t.levels.is(p));
    let skill_list = parts
        .iter()
        .filter(|p| {
            jobgate_core::lexicon::SkillLexicon::builtin()
                .canonical(p)
                .is_some()
        })
        .count()
        >= 2;
    // A state or country code ("Boston, MA", "Casablanca, MA") is not the degree "MA".
    let is_code = |p: &str| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase());
    let degree_words: usize = parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| i == 0 || !is_code(p))
        .map(|(_, p)| t.degree.count(p))
        .sum();
    !all_languages && !skill_list && t.title.count(s) == 0 && degree_words == 0
}

/// Does this line name only places ("Cairo", "Dubai UAE", "Cairo (EG)", "الرياض")? Country and state
/// codes written in capitals count as places; any other word does not, so "Cairo University" is no place.
fn place_shape(s: &str) -> bool {
    if word_count(s) > 6 || s.chars().any(|c| c.is_ascii_digit() || c == '@') || has_contact(s) {
        return false;
    }
    let codes: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_lowercase)
        .collect();
    terms()
        .places
        .covers(s, |tok| codes.iter().any(|c| c == tok))
}

/// What the header said.
#[derive(Debug, Default)]
pub(crate) struct HeaderFacts {
    pub(crate) info: PersonalInfo,
    /// Header lines that were not contact details, name, headline or location (summary candidates).
    pub(crate) leftovers: Vec<Ln>,
    /// Spoken languages listed in the header ("Arabic, English").
    pub(crate) languages: Vec<String>,
}

/// Personal information from the blocks, with the whole document as a fallback for email and phone.
pub(crate) fn personal_info(blocks: &[Block], all: &[Ln]) -> HeaderFacts {
    let mut facts = HeaderFacts::default();
    let zone: Vec<&Ln> = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                Section::Header | Section::Contact | Section::Links | Section::Summary
            )
        })
        .flat_map(|b| {
            // A side bar's "About" may hold the contact details above the summary.
            let only_contact = b.kind == Section::Summary;
            b.body
                .iter()
                .take_while(move |l| !only_contact || is_contact_line(&l.text))
        })
        .collect();
    let info = &mut facts.info;

    // Email, phone, links: labelled or not, in the zone first.
    let mut labelled_location: Option<String> = None;
    for ln in &zone {
        for frag in fragments(&ln.text) {
            let (label, rest) = strip_label(&frag);
            if info.email.is_empty()
                && let Some(e) = find_email(rest)
            {
                info.email = e;
            }
            if info.phone.is_empty()
                && let Some(p) = find_phone(&without_addresses(rest))
            {
                info.phone = p;
            }
            for l in find_links(rest) {
                if !info.links.contains(&l) {
                    info.links.push(l);
                }
            }
            if let Some(label) = label
                && labelled_location.is_none()
                && is_location_label(&label)
                && !rest.is_empty()
            {
                labelled_location = Some(rest.to_string());
            }
        }
    }
    for ln in all {
        if info.email.is_empty()
            && let Some(e) = find_email(&ln.text)
        {
            info.email = e;
        }
    }
    // A narrow side bar may break the address before the end of its domain.
    if let Some(whole) = all.windows(2).find_map(|w| {
        let line = w[0].text.trim();
        let last = line.split_whitespace().last().unwrap_or(line);
        (line.contains('@') && (info.email.is_empty() || info.email == line))
            .then(|| {
                mend_broken_email(line, w[1].text.trim())
                    .or_else(|| mend_broken_email(last, w[1].text.trim()))
            })
            .flatten()
    }) {
        info.email = whole;
    }
    if info.phone.is_empty() {
        // Outside the header a phone must be labelled or stand alone on its line, not sit inside a sentence.
        for ln in all {
            let (label, rest) = strip_label(&ln.text);
            if let Some(p) = find_phone(rest)
                && (label.is_some() || p.chars().count() + 4 >= rest.chars().count())
            {
                info.phone = p;
                break;
            }
        }
    }

    // Name: the first line shaped like a name near the top, preferring the largest font when known.
    let top: Vec<&Ln> = {
        let mut v: Vec<&Ln> = zone.iter().copied().take(12).collect();
        if v.is_empty() {
            v = all.iter().take(8).collect();
        }
        v
    };
    let candidates: Vec<(&Ln, NameLine)> = top
        .iter()
        .copied()
        .filter(|l| heading_of(l).is_none())
        .filter_map(|l| name_line(&l.text).map(|n| (l, n)))
        .collect();
    let biggest = candidates
        .iter()
        .filter(|(l, _)| l.font_size.is_some())
        .max_by(|(a, _), (b, _)| {
            a.font_size
                .partial_cmp(&b.font_size)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    let chosen = biggest.or_else(|| candidates.first());
    let name_ln = chosen.map(|(l, _)| *l);
    let mut inline_headline = None;
    if let Some((_, n)) = chosen {
        info.name = n.name.clone();
        inline_headline = n.headline.clone();
    }

    // Headline: the next short line after the name that is not a contact detail.
    let name_pos = name_ln.and_then(|n| zone.iter().position(|l| std::ptr::eq(*l, n)));
    let mut used: Vec<usize> = name_ln.map(|l| vec![l.idx]).unwrap_or_default();
    if let Some(h) = inline_headline {
        info.headline = h;
    } else if let Some(p) = name_pos {
        for l in zone.iter().skip(p + 1).take(3) {
            if l.text == info.name {
                used.push(l.idx);
                continue;
            }
            let words = word_count(&l.text);
            if words <= 10
                && !has_contact(&l.text)
                && !location_shape(&l.text)
                && !ends_sentence(&l.text)
                && heading_of(l).is_none()
                && !is_language_list(&l.text)
                && !headings().noise.is(&l.text)
                && strip_label(&l.text).0.is_none()
            {
                info.headline = l.text.clone();
                used.push(l.idx);
            }
            break;
        }
    }

    // Location: labelled, else a "City, Country" line of the zone, else a line naming only places
    // ("Cairo EG", "دبي").
    if let Some(loc) = labelled_location {
        info.location = loc;
    } else {
        let shapes: [fn(&str) -> bool; 2] = [location_shape, place_shape];
        'outer: for shape in shapes {
            for ln in &zone {
                if used.contains(&ln.idx) {
                    continue;
                }
                for frag in fragments(&ln.text) {
                    if shape(&frag) {
                        info.location = frag.trim().to_string();
                        used.push(ln.idx);
                        break 'outer;
                    }
                }
            }
        }
    }

    // Languages listed in the header, and leftovers.
    for ln in &zone {
        if used.contains(&ln.idx) {
            continue;
        }
        if is_language_list(&ln.text) {
            facts.languages.extend(
                ln.text
                    .split([',', '،', '|', '·', '/'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
            continue;
        }
        if has_contact(&ln.text) || strip_label(&ln.text).0.is_some() {
            continue;
        }
        facts.leftovers.push((*ln).clone());
    }
    facts
}

fn is_location_label(folded: &str) -> bool {
    matches!(
        folded,
        "address"
            | "location"
            | "city"
            | "العنوان"
            | "عنوان"
            | "الموقع"
            | "المدينه"
            | "مكان الاقامه"
            | "الاقامه"
    )
}

/// "Arabic, English" / "العربية، الإنجليزية": a line that only lists spoken languages.
pub(crate) fn is_language_list(s: &str) -> bool {
    let t = terms();
    let parts: Vec<&str> = s
        .split([',', '،', '|', '·', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| t.languages.is(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_not_dates() {
        assert_eq!(
            find_phone("+20 10 1234 5678").as_deref(),
            Some("+20 10 1234 5678")
        );
        assert_eq!(
            find_phone("(555) 123-4567").as_deref(),
            Some("(555) 123-4567")
        );
        assert_eq!(
            find_phone("7788 555 100 20+").as_deref(),
            Some("+20 100 555 7788")
        );
        assert_eq!(find_phone("2015 - 2019"), None);
        assert_eq!(find_phone("2018-02 — 2020-03"), None);
        assert_eq!(find_phone("2020-04-01"), None);
    }

    #[test]
    fn links_without_emails() {
        assert_eq!(
            find_links("omar@mail.dev · https://linkedin.com/in/omar · omar.dev"),
            vec![
                "https://linkedin.com/in/omar".to_string(),
                "omar.dev".into()
            ]
        );
    }

    #[test]
    fn shapes() {
        assert!(name_shape("Omar Hassan El-Sayed"));
        assert!(name_shape("محمد عبد الرحمن السيد"));
        assert!(name_shape("Khaled Mahmoud | خالد محمود"));
        assert!(name_shape("سلمى ناصر (Salma Nasser)"));
        assert!(name_shape("Salma Nasser / سلمى ناصر"));
        assert!(!name_shape("Omar Hassan (Cairo)"));
        assert!(!name_shape("مطور برمجيات (Developer)"));
        assert!(!name_shape("Senior Backend Engineer"));
        assert!(!name_shape("Cairo, Egypt"));
        assert!(location_shape("Cairo, Egypt"));
        assert!(location_shape("Chicago, (US)"));
        assert!(location_shape("الرياض، السعودية"));
        assert!(!location_shape("Arabic, English"));
        assert!(!location_shape("Python, SQL, Docker"));
        let n = |s: &str| name_line(s).map(|n| (n.name, n.headline));
        assert_eq!(
            n("Omar Hassan El-Sayed, Senior Backend Engineer"),
            Some((
                "Omar Hassan El-Sayed".into(),
                Some("Senior Backend Engineer".into())
            ))
        );
        assert_eq!(
            n("Resume of Omar Hassan"),
            Some(("Omar Hassan".into(), None))
        );
        assert_eq!(
            n("Omar Hassan El-Sayed - CV"),
            Some(("Omar Hassan El-Sayed".into(), None))
        );
        assert_eq!(n("Cairo, Egypt"), None);
        assert_eq!(
            mend_broken_email("omar@mailbox.t", "est").as_deref(),
            Some("omar@mailbox.test")
        );
        assert_eq!(mend_broken_email("omar@mailbox.test", "linkedin"), None);
        assert_eq!(
            mend_broken_email("emily@student.exa", "mple.edu").as_deref(),
            Some("emily@student.example.edu")
        );
        assert_eq!(mend_broken_email("omar@mail.com", "omar.dev"), None);
        assert_eq!(
            mend_broken_email("omar@consult-", "eg.test").as_deref(),
            Some("omar@consult-eg.test")
        );
        assert_eq!(mend_broken_email("omar@consult-", "Cairo"), None);
        assert_eq!(mend_broken_email("OMAR@MAILBOX.T", "Cairo"), None);
        assert!(place_shape("Cairo EG"));
        assert!(place_shape("CAIRO"));
        assert!(place_shape("Dubai (UAE)"));
        assert!(place_shape("الرياض"));
        assert!(!place_shape("Cairo University"));
        assert!(!place_shape("Jordan Smith"));
        assert!(!place_shape("Backend Engineer"));
    }
}
