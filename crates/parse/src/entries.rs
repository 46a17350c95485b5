//! Entries of dated sections (experience, education, certifications, awards): segmentation and fields.
//!
//! Every line of a section is a date line (holds a period and little else), a label ("Highlights"),
//! a body line (a bullet or a sentence: an achievement or a description) or a head line (short: title,
//! company, school, degree, location). Date lines anchor entries. If the section opens with a date, each
//! entry is the date and the head lines after it ("Jan 2019 – Now / Title / Company"); otherwise each
//! entry is the run of head lines just before its date, plus head lines right after it when the run before
//! was a single line ("Company / 2019 – 2021 / Title"). Without any date, each run of head lines starts an
//! entry. Head lines are then split ("Title at Company", "Title, Company", "Company | Title",
//! "المسمى في الشركة") and the pieces given roles by the words in `lexicons/cv_terms.toml`.

use crate::lines::{Ln, ends_sentence, word_count};
use crate::terms::{headings, terms};
use jobgate_core::dates::{DatePoint, DateRange, find_range};
use jobgate_core::text::fold;
use jobgate_core::{Education, Experience};
use regex::Regex;
use std::sync::OnceLock;

/// What one line of a dated section is.
#[derive(Debug, Clone)]
pub(crate) enum Role {
    /// A period, and what else the line said ("Acme Corp  2019 – 2021" → "Acme Corp").
    Date {
        range: DateRange,
        text: String,
        rest: String,
    },
    Label,
    Body,
    Head,
}

/// One entry before its fields are named.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawEntry {
    pub(crate) head: Vec<String>,
    pub(crate) range: Option<DateRange>,
    /// The period as written.
    pub(crate) period: String,
    pub(crate) body: Vec<String>,
    /// Head lines after the first body line (grades, issuers written late).
    pub(crate) late_head: Vec<String>,
}

fn filler_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b\d+\s*(?:years?|yrs?|months?|mos?)\b|\b(?:issued(?: on)?|awarded(?: on)?|completed(?: on)?|date|dates|from|since|period|duration|expires?|expiry|valid until|graduated|graduation|class of|expected|سنوات|سنة|أشهر|شهر|شهور)\b|\bمن\b|\bمنذ\b|\bإلى\b|\bالى\b|\bتاريخ\b|\bصدرت\b|\bبتاريخ\b|[()\[\]]",
        )
        .expect("filler regex")
    })
}

/// Removes the date and filler words ("Issued on:", "2 years 6 months") from a date line.
fn rest_of(text: &str, range: &DateRange) -> String {
    let mut rest = String::new();
    rest.push_str(&text[..range.span.start]);
    rest.push(' ');
    rest.push_str(&text[range.span.end..]);
    // A second period on the line (the duration, a second format) is filler too.
    let rest = filler_re().replace_all(&rest, " ");
    let rest = rest
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '|' | ',' | '،' | ':' | '-' | '–' | '—' | '·' | '•' | '/' | '.'
                )
        })
        .to_string();
    if rest.chars().any(|c| c.is_alphabetic()) {
        rest
    } else {
        String::new()
    }
}

/// "… Manufacturing Inc.", "… Ltd.", "B.Sc.": a final full stop that closes an abbreviation, not a sentence.
fn ends_with_abbreviation(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    let core = last.trim_end_matches('.');
    let t = terms();
    (core.chars().count() <= 4
        && core.chars().all(|c| c.is_alphabetic())
        && core.starts_with(|c: char| c.is_uppercase()))
        || t.company.is(last)
        || t.degree.is(last)
        || core.contains('.')
}

/// True for achievement or description lines rather than titles and names.
pub(crate) fn is_sentence(text: &str) -> bool {
    let words = word_count(text);
    if words > 13 {
        return true;
    }
    let t = terms();
    if words >= 3 && t.starts.prefix_words(text) > 0 {
        return true;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    let first_ascii = first.trim_matches(|c: char| !c.is_alphanumeric());
    if words >= 4
        && first_ascii.len() > 4
        && first_ascii.is_ascii()
        && first_ascii.to_lowercase().ends_with("ed")
        && t.title.count(text) == 0
        && t.company.count(text) == 0
        && t.school.count(text) == 0
    {
        return true;
    }
    if ends_sentence(text) && words >= 5 && !ends_with_abbreviation(text) {
        return true;
    }
    if text.contains('%') && words >= 4 {
        return true;
    }
    let roles =
        t.title.count(text) + t.company.count(text) + t.school.count(text) + t.degree.count(text);
    words >= 9 && roles == 0
}

/// "Present", "حتى الآن" alone on a line: the end of a period whose start stands elsewhere, not a head.
fn is_only_present(text: &str) -> bool {
    matches!(
        fold(text.trim_matches(|c: char| !c.is_alphanumeric())).as_str(),
        "present"
            | "current"
            | "now"
            | "today"
            | "ongoing"
            | "to date"
            | "till date"
            | "حتي الان"
            | "الان"
            | "حاليا"
    )
}

/// Classifies one line of a dated section.
pub(crate) fn role_of(ln: &Ln) -> Role {
    role_with(ln, true)
}

/// Classifies one line; `bullets` says whether a bullet marks a body line in this section.
fn role_with(ln: &Ln, bullets: bool) -> Role {
    let text = ln.text.as_str();
    if headings().labels.is(text.trim_end_matches(':')) || is_only_present(text) {
        return Role::Label;
    }
    if let Some(range) = find_range(text)
        && range.start.is_some()
    {
        let rest = rest_of(text, &range);
        let open_end = text[range.span.end..]
            .trim_start()
            .starts_with(['—', '–', '-'])
            && rest.is_empty();
        // A title and a place side by side can be longer than one phrase ("Bachelor of Science
        // Accounting and Finance, University of Leeds"): short parts between commas, no full stop.
        let parts_short = word_count(&rest) <= 14
            && !ends_sentence(&rest)
            && rest.split([',', '،', '|']).count() >= 2
            && rest.split([',', '،', '|']).all(|p| word_count(p) <= 7);
        if (word_count(&rest) <= 8 || parts_short)
            && !(is_sentence(&rest) && word_count(&rest) >= 4)
        {
            let mut range = range;
            if open_end && range.end.is_none() {
                range.end = Some(DatePoint::Present);
            }
            // A range that a right-to-left layout turned round ("2020-01 – 2016-08"): a period never
            // ends before it starts.
            if let (Some(a), Some(b)) = (range.start, range.end)
                && b != DatePoint::Present
                && a != DatePoint::Present
                && b.month_index(true, (0, 1)) < a.month_index(false, (0, 1))
            {
                range.start = Some(b);
                range.end = Some(a);
            }
            let span_text = text[range.span.clone()].to_string();
            let period = if open_end {
                text[range.span.start..].trim().to_string()
            } else {
                span_text
            };
            return Role::Date {
                range,
                text: period,
                rest,
            };
        }
    }
    if (bullets && ln.bullet) || is_sentence(text) {
        Role::Body
    } else {
        Role::Head
    }
}

/// Joins lines that a PDF wrapped: a line that starts in lower case, or a very short tail after a long line.
pub(crate) fn push_body(body: &mut Vec<String>, line: &str, bullet: bool) {
    if let Some(last) = body.last_mut() {
        let first = line.chars().next().unwrap_or(' ');
        let continues = !bullet
            && !ends_sentence(last)
            && (first.is_lowercase()
                || (word_count(line) <= 2 && word_count(last) >= 8 && !line.contains(':')));
        if continues {
            last.push(' ');
            last.push_str(line);
            return;
        }
    }
    body.push(line.to_string());
}

/// Splits a section into raw entries.
pub(crate) fn segment(lines: &[Ln]) -> Vec<RawEntry> {
    let mut roles: Vec<Role> = lines.iter().map(role_of).collect();
    // When the dates themselves are list items, every line is one (a web page's lists saved as a
    // document): bullets then tell nothing, the words do.
    let bulleted_dates = lines
        .iter()
        .zip(&roles)
        .any(|(l, r)| l.bullet && matches!(r, Role::Date { .. }));
    if bulleted_dates {
        roles = lines.iter().map(|l| role_with(l, false)).collect();
    }
    let dates: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Date { .. }))
        .map(|(i, _)| i)
        .collect();
    if dates.is_empty() {
        return segment_undated(lines, &roles);
    }
    let first_content = roles.iter().position(|r| !matches!(r, Role::Label));
    let date_first = first_content == Some(dates[0]);

    // The head lines right before a date (labels skipped), at most three, none below `floor`.
    let heads_before = |d: usize, floor: usize| -> Vec<usize> {
        let mut j = d;
        let mut before = Vec::new();
        while j > floor && before.len() < 3 {
            j -= 1;
            match roles[j] {
                Role::Head => before.push(j),
                Role::Label => {}
                _ => break,
            }
        }
        before.reverse();
        before
    };
    // Entries repeat one shape: as many head lines before each date as before the first one. Head
    // lines between two dates beyond those belong to the entry above ("School / date / Field / Degree").
    // Counted in pieces, so "Title at Company" on one line allows "Title / Company" on two.
    let per_entry = if date_first {
        0
    } else {
        heads_before(dates[0], 0)
            .iter()
            .map(|&i| split_head(&lines[i].text).0.len())
            .sum()
    };
    let keep_last = |mut v: Vec<usize>| -> Vec<usize> {
        if per_entry > 0 && v.len() > per_entry {
            v.drain(..v.len() - per_entry);
        }
        v
    };

    // For each date: the index range of its head lines, then its span.
    let mut starts: Vec<usize> = Vec::new();
    let mut heads: Vec<Vec<usize>> = Vec::new();
    let mut floor = 0;
    for (n, &d) in dates.iter().enumerate() {
        let next_date = dates.get(n + 1).copied().unwrap_or(lines.len());
        let mut h = Vec::new();
        if date_first {
            let mut j = d + 1;
            while j < next_date && h.len() < 3 {
                match roles[j] {
                    Role::Head => h.push(j),
                    Role::Label => {}
                    _ => break,
                }
                j += 1;
            }
            starts.push(d);
        } else {
            let before = if n == 0 {
                heads_before(d, floor)
            } else {
                keep_last(heads_before(d, floor))
            };
            let start = before.first().copied().unwrap_or(d);
            h.extend(before);
            // Head lines after the date, short of those the next entry opens with.
            let reserved = if n + 1 < dates.len() {
                keep_last(heads_before(next_date, d + 1))
                    .first()
                    .copied()
                    .unwrap_or(next_date)
            } else {
                next_date
            };
            let mut k = d + 1;
            while k < reserved.min(next_date) && h.len() < 3 {
                match roles[k] {
                    Role::Head => h.push(k),
                    Role::Label => {}
                    _ => break,
                }
                k += 1;
            }
            starts.push(start);
        }
        floor = h
            .iter()
            .copied()
            .chain(std::iter::once(d))
            .max()
            .unwrap_or(d)
            + 1;
        heads.push(h);
    }

    let mut out = Vec::new();
    for (n, &d) in dates.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let begin = if n == 0 { 0 } else { starts[n] };
        let mut e = RawEntry::default();
        let Role::Date { range, text, rest } = &roles[d] else {
            continue;
        };
        e.range = Some(range.clone());
        e.period = text.clone();
        for &i in heads[n].iter().filter(|&&i| i < d) {
            e.head.push(lines[i].text.clone());
        }
        if !rest.is_empty() {
            e.head.push(rest.clone());
        }
        for &i in heads[n].iter().filter(|&&i| i > d) {
            e.head.push(lines[i].text.clone());
        }
        let mut seen_body = false;
        for i in begin.min(d)..end {
            if i == d || heads[n].contains(&i) {
                continue;
            }
            match &roles[i] {
                Role::Label => {}
                Role::Date { rest, .. } => {
                    // A second date line inside an entry: keep its words, drop the date.
                    if !rest.is_empty() {
                        e.late_head.push(rest.clone());
                    }
                }
                Role::Body => {
                    seen_body = true;
                    push_body(&mut e.body, &lines[i].text, lines[i].bullet);
                }
                Role::Head => {
                    if seen_body || i > d {
                        // Short lines among the achievements: a wrapped tail, a short bullet, a grade.
                        if seen_body && !lines[i].bullet {
                            let before = e.body.len();
                            push_body(&mut e.body, &lines[i].text, false);
                            if e.body.len() > before {
                                e.body.pop();
                                e.late_head.push(lines[i].text.clone());
                            }
                        } else {
                            e.late_head.push(lines[i].text.clone());
                        }
                    } else if i < d {
                        e.late_head.push(lines[i].text.clone());
                    }
                }
            }
        }
        out.push(e);
    }
    out
}

/// Entries of a section without dates: each run of head lines opens one.
fn segment_undated(lines: &[Ln], roles: &[Role]) -> Vec<RawEntry> {
    let mut out: Vec<RawEntry> = Vec::new();
    let mut in_body = true;
    for (ln, role) in lines.iter().zip(roles) {
        match role {
            Role::Label => {}
            Role::Head => {
                if in_body || out.is_empty() {
                    out.push(RawEntry::default());
                    in_body = false;
                }
                if let Some(e) = out.last_mut() {
                    e.head.push(ln.text.clone());
                }
            }
            Role::Body | Role::Date { .. } => {
                if out.is_empty() {
                    out.push(RawEntry::default());
                }
                in_body = true;
                if let Some(e) = out.last_mut() {
                    push_body(&mut e.body, &ln.text, ln.bullet);
                }
            }
        }
    }
    out
}

/// Splits a head line on the separators between title and company. Returns the pieces and whether the
/// order is known to be "title first" (" at ", " في ", " لدى ").
fn split_head(line: &str) -> (Vec<String>, bool) {
    for sep in [" at ", " @ ", " لدى ", " في ", " بشركة "] {
        if let Some((a, b)) = line.split_once(sep)
            && !a.trim().is_empty()
            && !b.trim().is_empty()
        {
            let b = if sep == " بشركة " {
                format!("شركة {}", b.trim())
            } else {
                b.trim().to_string()
            };
            return (vec![a.trim().to_string(), b], true);
        }
    }
    for sep in [" | ", " — ", " – ", " - ", "|", "—", "–", " · ", " • "] {
        if line.contains(sep) {
            let parts: Vec<String> = line
                .split(sep)
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() >= 2 {
                return (parts, false);
            }
        }
    }
    (vec![line.trim().to_string()], false)
}

fn title_score(s: &str) -> i32 {
    let t = terms();
    t.title.count(s) as i32 * 2 - t.company.count(s) as i32 * 2 - t.school.count(s) as i32
}

fn company_score(s: &str) -> i32 {
    let t = terms();
    t.company.count(s) as i32 * 2 + t.school.count(s) as i32 - t.title.count(s) as i32 * 2
}

/// Could this piece be a place ("Riyadh, Saudi Arabia", "Remote")?
fn looks_like_place(s: &str) -> bool {
    let f = fold(s);
    let words = word_count(s);
    matches!(
        f.as_str(),
        "remote" | "hybrid" | "on-site" | "onsite" | "عن بعد"
    ) || (words <= 4
        && s.contains([',', '،'])
        && title_score(s) <= 0
        && company_score(s) <= 0
        && s.split([',', '،']).all(|p| word_count(p) <= 2))
}

/// Names the pieces of an experience entry's head lines.
pub(crate) fn experience_from(e: &RawEntry) -> Experience {
    let mut pieces: Vec<String> = Vec::new();
    let mut title_first_known = None;
    for h in &e.head {
        if is_issuer_line(h) {
            continue;
        }
        let (parts, ordered) = split_head(h);
        if ordered && title_first_known.is_none() {
            title_first_known = Some(pieces.len());
        }
        pieces.extend(parts);
    }
    // One piece with commas: "Senior Staff Nurse, Cardiology, Royal Infirmary".
    if pieces.len() == 1 && pieces[0].contains([',', '،']) {
        let parts: Vec<&str> = pieces[0].split([',', '،']).map(str::trim).collect();
        let mut best = (i32::MIN, parts.len() - 1);
        for k in 1..parts.len() {
            let title = parts[..k].join(", ");
            let company = parts[k..].join(", ");
            let mut score = title_score(&title) + company_score(&company);
            if k == parts.len() - 1 {
                score += 1;
            }
            if score > best.0 {
                best = (score, k);
            }
        }
        let k = best.1;
        pieces = vec![parts[..k].join(", "), parts[k..].join(", ")];
    }
    let mut exp = Experience {
        start: e
            .range
            .as_ref()
            .and_then(|r| r.start)
            .map(|p| p.normalized())
            .unwrap_or_default(),
        end: e
            .range
            .as_ref()
            .and_then(|r| r.end)
            .map(|p| p.normalized())
            .unwrap_or_default(),
        period: e.period.clone(),
        achievements: e.body.clone(),
        ..Experience::default()
    };
    // A place among the pieces.
    if pieces.len() >= 3
        && let Some(i) = pieces.iter().rposition(|p| looks_like_place(p))
    {
        exp.location = pieces.remove(i);
    }
    match pieces.len() {
        0 => {}
        1 => {
            if company_score(&pieces[0]) > 0 && title_score(&pieces[0]) < 0 {
                exp.company = pieces[0].clone();
            } else {
                exp.title = pieces[0].clone();
            }
        }
        _ => {
            let (ti, ci) = if let Some(t) = title_first_known {
                (t, t + 1)
            } else {
                let ti = (0..pieces.len())
                    .max_by_key(|&i| (title_score(&pieces[i]), -(i as i32)))
                    .unwrap_or(0);
                let ci = (0..pieces.len())
                    .filter(|&i| i != ti)
                    .max_by_key(|&i| (company_score(&pieces[i]), -(i as i32)))
                    .unwrap_or(if ti == 0 { 1 } else { 0 });
                (ti, ci)
            };
            exp.title = pieces[ti].clone();
            exp.company = pieces.get(ci).cloned().unwrap_or_default();
            if exp.location.is_empty()
                && let Some(other) = (0..pieces.len())
                    .filter(|&i| i != ti && i != ci)
                    .map(|i| &pieces[i])
                    .find(|p| looks_like_place(p))
            {
                exp.location = other.clone();
            }
        }
    }
    exp
}

/// "Issued by X", "Awarded by X", "صادرة عن": the issuer of a certificate or award, not its name.
pub(crate) fn is_issuer_line(s: &str) -> bool {
    let f = fold(s);
    [
        "issued by",
        "awarded by",
        "issuer",
        "provided by",
        "offered by",
        "صادره عن",
        "صادر عن",
        "الجهه المانحه",
        "مقدمه من",
        "من قبل",
    ]
    .iter()
    .any(|p| f.starts_with(p))
}

fn grade_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:grade|gpa|cgpa|score|result|honours|honors|التقدير|المعدل|الدرجة)\s*[:：]?\s*")
            .expect("grade regex")
    })
}

/// A grade line ("Grade: GPA 3.8", "First Class", "ممتاز"), its value.
fn grade_of(s: &str) -> Option<String> {
    let t = terms();
    if let Some(m) = grade_re().find(s) {
        let v = s[m.end()..].trim();
        if !v.is_empty() {
            return Some(v.to_string());
        }
    }
    if t.grade.is(s)
        || (t.grade.prefix_words(s) > 0 && word_count(s) <= 4 && t.degree.count(s) == 0)
    {
        return Some(s.trim().to_string());
    }
    None
}

/// Names the pieces of an education entry's head lines.
pub(crate) fn education_from(e: &RawEntry) -> Education {
    let t = terms();
    let mut ed = Education {
        start: e
            .range
            .as_ref()
            .and_then(|r| r.start)
            .map(|p| p.normalized())
            .unwrap_or_default(),
        end: e
            .range
            .as_ref()
            .and_then(|r| r.end.or(r.start))
            .map(|p| p.normalized())
            .unwrap_or_default(),
        years: e.period.clone(),
        ..Education::default()
    };
    if e.range.as_ref().is_some_and(|r| r.end.is_none()) {
        // A single date on an education entry is the graduation.
        ed.start.clear();
    }
    let mut pieces: Vec<String> = Vec::new();
    for h in &e.head {
        if let Some(g) = grade_of(h) {
            ed.grade = g;
            continue;
        }
        let (parts, _) = split_head(h);
        for p in parts {
            if p.contains([',', '،']) {
                pieces.extend(
                    p.split([',', '،'])
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty()),
                );
            } else {
                pieces.push(p);
            }
        }
    }
    for l in e.late_head.iter().chain(e.body.iter()) {
        if ed.grade.is_empty()
            && let Some(g) = grade_of(l)
        {
            ed.grade = g;
        }
    }
    // No degree in the head: short lines under it (a field marked as a list item, the degree after it)
    // are the degree and the field, not achievements.
    let has_degree = pieces
        .iter()
        .any(|p| t.degree.prefix_words(p) > 0 || t.degree.count(p) > 0);
    if !has_degree {
        let short = |l: &&String| {
            word_count(l) <= 6
                && !is_sentence(l)
                && grade_of(l).is_none()
                && !l.chars().any(|c| c.is_ascii_digit())
        };
        let extra: Vec<String> = e
            .body
            .iter()
            .chain(e.late_head.iter())
            .filter(short)
            .cloned()
            .collect();
        if extra
            .iter()
            .any(|p| t.degree.prefix_words(p) > 0 || t.degree.count(p) > 0)
        {
            pieces.extend(extra);
        }
    }
    // "BSc (Hons)" split by a comma from its field: keep the pieces but know which is which.
    let school_i = (0..pieces.len())
        .filter(|&i| t.school.count(&pieces[i]) > 0)
        .max_by_key(|&i| {
            (
                t.school.count(&pieces[i]),
                -(t.degree.count(&pieces[i]) as i32),
            )
        });
    let degree_i = (0..pieces.len())
        .filter(|&i| Some(i) != school_i)
        .filter(|&i| t.degree.prefix_words(&pieces[i]) > 0 || t.degree.count(&pieces[i]) > 0)
        .max_by_key(|&i| {
            t.degree.prefix_words(&pieces[i]) as i32 * 2 + t.degree.count(&pieces[i]) as i32
        });
    let school_i = school_i.or_else(|| {
        (0..pieces.len()).find(|&i| Some(i) != degree_i && grade_of(&pieces[i]).is_none())
    });
    if let Some(i) = school_i {
        ed.school = pieces[i].clone();
    }
    if let Some(i) = degree_i {
        let d = pieces[i].clone();
        let mut split = None;
        for sep in [" in ", " في ", " - ", " – ", ": "] {
            if let Some((a, b)) = d.split_once(sep)
                && !a.trim().is_empty()
                && !b.trim().is_empty()
            {
                split = Some((a.trim().to_string(), b.trim().to_string()));
                break;
            }
        }
        match split {
            Some((a, b)) => {
                ed.degree = a;
                ed.field = b;
            }
            None => ed.degree = d,
        }
    }
    let rest: Vec<String> = (0..pieces.len())
        .filter(|&i| Some(i) != school_i && Some(i) != degree_i)
        .map(|i| pieces[i].clone())
        .filter(|p| grade_of(p).is_none() && !looks_like_place(p))
        .collect();
    if ed.field.is_empty() && !rest.is_empty() {
        ed.field = rest.join(", ");
    } else if ed.degree.is_empty() && !rest.is_empty() {
        ed.degree = rest.join(", ");
    }
    if ed.degree.is_empty() && !ed.field.is_empty() {
        std::mem::swap(&mut ed.degree, &mut ed.field);
    }
    ed
}

/// True when an entry's head reads like study rather than a job.
/// A school's name alone does not make a study: teachers, lecturers and heads of department work at
/// schools, so a school with a job title and no degree is a job.
pub(crate) fn looks_like_education(e: &RawEntry) -> bool {
    let t = terms();
    let head = e.head.join(" | ");
    let (school, degree, title) = (
        t.school.count(&head),
        t.degree.count(&head),
        t.title.count(&head),
    );
    degree > 0 && title <= school + degree || school > 0 && title == 0
}

/// The period text of a line if it is nothing but a period (a two-column leftover).
pub(crate) fn bare_date(ln: &Ln) -> Option<(DateRange, String)> {
    match role_of(ln) {
        Role::Date { range, text, rest } if rest.is_empty() => Some((range, text)),
        _ => None,
    }
}
