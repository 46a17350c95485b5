//! The six checks of the seed guide (DESIGN §3), each worth a fixed share of 100 points:
//! contact 15, experience 25, education 10, skills 15, achievements 20, formatting 15.
//!
//! Each check returns raw points (rounded later), a message saying what was found with the evidence,
//! and fixes — concrete things to do, each with the points it would win back. The words come from
//! `locales/{en,ar}/ats.ftl`; numbers and names from the CV. Job-description matching is not here
//! (`jobgate_matching` appends its own check through [`crate::AtsReport::add_check`]).

use crate::layout::{Layout, contact_in_body, layout};
use crate::quantify::is_quantified;
use jobgate_core::dates::{DatePoint, find_points};
use jobgate_core::lexicon::SkillLexicon;
use jobgate_core::phrase::list_of;
use jobgate_core::text::{ascii_digits, fold};
use jobgate_core::{Arg, Cv, Document, Phrase, SectionSpan};

pub(crate) const CONTACT: f64 = 15.0;
pub(crate) const EXPERIENCE: f64 = 25.0;
pub(crate) const EDUCATION: f64 = 10.0;
pub(crate) const SKILLS: f64 = 15.0;
pub(crate) const ACHIEVEMENTS: f64 = 20.0;
pub(crate) const FORMATTING: f64 = 15.0;

/// Skills a CV should list for full points.
const SKILLS_TARGET: usize = 8;
/// Bullets across the CV for full points on quantity.
const BULLETS_TARGET: usize = 6;
/// Share of bullets with a number for full points on results.
const QUANTIFIED_TARGET: f64 = 0.6;
/// How many names or examples a message lists before "…".
const LIST_MAX: usize = 3;

/// One check before rounding.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub id: &'static str,
    pub max: f64,
    pub raw: f64,
    pub message: Phrase,
    /// (points won back, what to do), in the order found.
    pub fixes: Vec<(f64, Phrase)>,
}

/// Messages as codes with arguments (put into words later, in the reader's language).
struct Say;

impl Say {
    fn t(&self, id: &str, args: &[(&str, Arg)]) -> Phrase {
        args.iter()
            .fold(Phrase::new(id), |p, (k, v)| p.arg(k, v.clone()))
    }

    fn n(&self, id: &str, count: usize, args: &[(&str, Arg)]) -> Phrase {
        self.t(id, args).count(count)
    }

    /// "a, b, c…" with the reader's comma.
    fn list(&self, items: &[Arg]) -> Arg {
        list_of(items.iter().cloned(), LIST_MAX)
    }

    /// A short quotation from the CV, in the reader's quotation marks.
    fn quote(&self, text: &str) -> Arg {
        Arg::Phrase(Box::new(
            Phrase::new("ats-quote").cv("text", shorten(text, 70)),
        ))
    }
}

fn cv(text: &str) -> Arg {
    Arg::Cv(text.trim().to_string())
}

fn ph(p: Phrase) -> Arg {
    Arg::Phrase(Box::new(p))
}

fn value(v: impl ToString) -> Arg {
    Arg::Value(v.to_string())
}

fn cvs(items: &[String]) -> Vec<Arg> {
    items.iter().map(|s| cv(s)).collect()
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Runs every check, in the order they are shown.
pub(crate) fn run(cv: &Cv, doc: &Document, sections: &[SectionSpan]) -> Vec<Outcome> {
    let say = Say;
    let lay = layout(doc, sections, &cv.personal_info.name);
    vec![
        contact(cv, &say),
        experience(cv, &say),
        education(cv, &say),
        skills(cv, &say),
        achievements(cv, &say),
        formatting(cv, doc, &lay, &say),
    ]
}

/// An email is usable when it has a name, an `@` and a domain with a dot.
fn email_ok(email: &str) -> bool {
    let e = email.trim();
    match e.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && !e.contains(char::is_whitespace)
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

fn digit_count(s: &str) -> usize {
    ascii_digits(s).chars().filter(char::is_ascii_digit).count()
}

fn contact(cv: &Cv, say: &Say) -> Outcome {
    let pi = &cv.personal_info;
    let (mut raw, mut fixes) = (0.0, Vec::new());
    let (mut found, mut missing) = (Vec::new(), Vec::new());
    let field = |id: &str| ph(say.t(id, &[]));
    let item = |id: &str, value: &str| {
        ph(say.t(
            "ats-contact-item",
            &[("field", field(id)), ("value", self::cv(value))],
        ))
    };

    if filled(&pi.name) {
        raw += 4.0;
        found.push(field("ats-field-name"));
    } else {
        missing.push(field("ats-field-name"));
        fixes.push((4.0, say.t("ats-fix-contact-name", &[])));
    }
    if email_ok(&pi.email) {
        raw += 5.0;
        found.push(item("ats-field-email", &pi.email));
    } else if filled(&pi.email) {
        raw += 2.0;
        found.push(item("ats-field-email", &pi.email));
        fixes.push((
            3.0,
            say.t(
                "ats-fix-contact-email-invalid",
                &[("email", self::cv(&pi.email))],
            ),
        ));
    } else {
        missing.push(field("ats-field-email"));
        fixes.push((5.0, say.t("ats-fix-contact-email", &[])));
    }
    let digits = digit_count(&pi.phone);
    if digits >= 7 {
        raw += 4.0;
        found.push(item("ats-field-phone", &pi.phone));
    } else if filled(&pi.phone) {
        raw += 1.5;
        found.push(item("ats-field-phone", &pi.phone));
        fixes.push((
            2.5,
            say.n(
                "ats-fix-contact-phone-invalid",
                digits,
                &[("phone", self::cv(&pi.phone))],
            ),
        ));
    } else {
        missing.push(field("ats-field-phone"));
        fixes.push((4.0, say.t("ats-fix-contact-phone", &[])));
    }
    if filled(&pi.location) {
        raw += 2.0;
        found.push(item("ats-field-location", &pi.location));
    } else {
        missing.push(field("ats-field-location"));
        fixes.push((2.0, say.t("ats-fix-contact-location", &[])));
    }

    let all = |items: Vec<Arg>| Arg::List { items, more: false };
    let message = if found.is_empty() {
        say.t("ats-contact-none", &[])
    } else if missing.is_empty() {
        say.t("ats-contact-complete", &[("found", all(found))])
    } else {
        say.t(
            "ats-contact-partial",
            &[("found", all(found)), ("missing", all(missing))],
        )
    };
    Outcome {
        id: "contact",
        max: CONTACT,
        raw,
        message,
        fixes,
    }
}

/// How an entry is named in messages: its company, else its title, else its position in the list.
fn entry_label(primary: &str, secondary: &str, index: usize) -> Arg {
    if filled(primary) {
        Arg::Cv(shorten(primary, 40))
    } else if filled(secondary) {
        Arg::Cv(shorten(secondary, 40))
    } else {
        value(format!("#{}", index + 1))
    }
}

fn experience(cv: &Cv, say: &Say) -> Outcome {
    let jobs = &cv.experience;
    if jobs.is_empty() {
        let projects = cv.projects.iter().filter(|p| filled(&p.title)).count();
        let (raw, message) = if projects > 0 {
            (5.0, say.n("ats-experience-none-projects", projects, &[]))
        } else {
            (0.0, say.t("ats-experience-none", &[]))
        };
        return Outcome {
            id: "experience",
            max: EXPERIENCE,
            raw,
            message,
            fixes: vec![(EXPERIENCE - raw, say.t("ats-fix-experience-none", &[]))],
        };
    }
    let (mut no_title, mut no_company, mut no_dates) = (Vec::new(), Vec::new(), Vec::new());
    let mut complete = 0;
    for (i, e) in jobs.iter().enumerate() {
        let label = entry_label(&e.company, &e.title, i);
        let has_dates = filled(&e.start) || filled(&e.period);
        if !filled(&e.title) {
            no_title.push(label.clone());
        }
        if !filled(&e.company) {
            no_company.push(label.clone());
        }
        if !has_dates {
            no_dates.push(label);
        }
        if filled(&e.title) && filled(&e.company) && has_dates {
            complete += 1;
        }
    }
    // 10 points for having the section, 15 shared by title, company and dates of every entry.
    let per_field = 15.0 / 3.0 / jobs.len() as f64;
    let mut raw = 10.0;
    let mut fixes = Vec::new();
    for (missing, id) in [
        (&no_title, "ats-fix-experience-title"),
        (&no_company, "ats-fix-experience-company"),
        (&no_dates, "ats-fix-experience-dates"),
    ] {
        raw += per_field * (jobs.len() - missing.len()) as f64;
        if !missing.is_empty() {
            fixes.push((
                per_field * missing.len() as f64,
                say.n(id, missing.len(), &[("entries", say.list(missing))]),
            ));
        }
    }
    // The latest job by start date (CVs are not always in reverse order), else the first listed.
    let (li, latest) = jobs
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            DatePoint::from_normalized(&e.start).map(|d| (d.month_index(false, (0, 1)), i))
        })
        .max_by_key(|&(m, i)| (m, std::cmp::Reverse(i)))
        .map(|(_, i)| (i, &jobs[i]))
        .unwrap_or((0, &jobs[0]));
    let first = if filled(&latest.title) && filled(&latest.company) {
        ph(say.t(
            "ats-entry-at",
            &[
                ("title", Arg::Cv(shorten(&latest.title, 40))),
                ("company", Arg::Cv(shorten(&latest.company, 40))),
            ],
        ))
    } else {
        entry_label(&latest.title, &latest.company, li)
    };
    let message = if complete == jobs.len() {
        say.n("ats-experience-complete", jobs.len(), &[("first", first)])
    } else {
        say.n(
            "ats-experience-partial",
            jobs.len(),
            &[("complete", value(complete))],
        )
    };
    Outcome {
        id: "experience",
        max: EXPERIENCE,
        raw,
        message,
        fixes,
    }
}

fn education(cv: &Cv, say: &Say) -> Outcome {
    let entries = &cv.education;
    if entries.is_empty() {
        let certs = cv.certifications.iter().filter(|c| filled(c)).count();
        let (raw, message) = if certs > 0 {
            (2.0, say.n("ats-education-none-certs", certs, &[]))
        } else {
            (0.0, say.t("ats-education-none", &[]))
        };
        return Outcome {
            id: "education",
            max: EDUCATION,
            raw,
            message,
            fixes: vec![(EDUCATION - raw, say.t("ats-fix-education-none", &[]))],
        };
    }
    let (mut no_degree, mut no_school, mut no_dates) = (Vec::new(), Vec::new(), Vec::new());
    let mut complete = 0;
    for (i, e) in entries.iter().enumerate() {
        let label = entry_label(&e.school, &e.degree, i);
        let has_degree = filled(&e.degree) || filled(&e.field);
        let has_dates = filled(&e.start) || filled(&e.end) || filled(&e.years);
        if !has_degree {
            no_degree.push(label.clone());
        }
        if !filled(&e.school) {
            no_school.push(label.clone());
        }
        if !has_dates {
            no_dates.push(label);
        }
        if has_degree && filled(&e.school) && has_dates {
            complete += 1;
        }
    }
    let per_field = 5.0 / 3.0 / entries.len() as f64;
    let mut raw = 5.0;
    let mut fixes = Vec::new();
    for (missing, id) in [
        (&no_degree, "ats-fix-education-degree"),
        (&no_school, "ats-fix-education-school"),
        (&no_dates, "ats-fix-education-dates"),
    ] {
        raw += per_field * (entries.len() - missing.len()) as f64;
        if !missing.is_empty() {
            fixes.push((
                per_field * missing.len() as f64,
                say.n(id, missing.len(), &[("entries", say.list(missing))]),
            ));
        }
    }
    let e = &entries[0];
    let degree = [e.degree.trim(), e.field.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let first = Arg::List {
        items: [degree.as_str(), e.school.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| Arg::Cv(shorten(s, 50)))
            .collect(),
        more: false,
    };
    let message = if complete == entries.len() {
        say.n("ats-education-complete", entries.len(), &[("first", first)])
    } else {
        say.n(
            "ats-education-partial",
            entries.len(),
            &[("complete", value(complete))],
        )
    };
    Outcome {
        id: "education",
        max: EDUCATION,
        raw,
        message,
        fixes,
    }
}

/// The CV's skills, trimmed and each once (compared folded).
pub(crate) fn distinct_skills(cv: &Cv) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for s in &cv.skills {
        let s = s.trim().trim_end_matches(['.', ',', '،', ';']).trim();
        if s.is_empty() {
            continue;
        }
        let key = fold(s);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(s.to_string());
        }
    }
    out
}

/// Known skills the CV mentions in its jobs, summary and projects but does not list as skills.
fn skills_in_text_not_listed(cv: &Cv, listed: &[String]) -> Vec<String> {
    let lex = SkillLexicon::builtin();
    let mut text = String::new();
    text.push_str(&cv.summary);
    for e in &cv.experience {
        text.push('\n');
        text.push_str(&e.title);
        for a in &e.achievements {
            text.push('\n');
            text.push_str(a);
        }
    }
    for p in &cv.projects {
        text.push('\n');
        text.push_str(&p.title);
        text.push('\n');
        text.push_str(&p.description);
    }
    let listed_names: Vec<String> = listed
        .iter()
        .flat_map(|s| {
            let mut names: Vec<String> = lex.find_all(s).iter().map(|k| k.name.clone()).collect();
            names.push(fold(s));
            names
        })
        .collect();
    lex.find_all(&text)
        .into_iter()
        .filter(|k| !listed_names.contains(&k.name) && !listed_names.contains(&fold(&k.name)))
        .map(|k| k.name.clone())
        .collect()
}

fn skills(cv: &Cv, say: &Say) -> Outcome {
    let listed = distinct_skills(cv);
    let n = listed.len();
    let from_text = skills_in_text_not_listed(cv, &listed);
    // A fix, followed by the skills the CV names elsewhere when there are some.
    let with_hint = |fix: Phrase| {
        if from_text.is_empty() {
            fix
        } else {
            say.t(
                "ats-two-sentences",
                &[
                    ("first", ph(fix)),
                    (
                        "second",
                        ph(say.t(
                            "ats-fix-skills-from-text",
                            &[("skills", say.list(&cvs(&from_text)))],
                        )),
                    ),
                ],
            )
        }
    };
    if n == 0 {
        return Outcome {
            id: "skills",
            max: SKILLS,
            raw: 0.0,
            message: say.t("ats-skills-none", &[]),
            fixes: vec![(SKILLS, with_hint(say.t("ats-fix-skills-none", &[])))],
        };
    }
    // 12 points for the number of skills, 3 for writing them as keywords.
    let count_raw = 12.0 * n.min(SKILLS_TARGET) as f64 / SKILLS_TARGET as f64;
    let long: Vec<&String> = listed
        .iter()
        .filter(|s| s.split_whitespace().count() > 4 || s.chars().count() > 40)
        .collect();
    let form_raw = 3.0 * (n - long.len()) as f64 / n as f64;
    let mut fixes = Vec::new();
    if n < SKILLS_TARGET {
        fixes.push((
            12.0 - count_raw,
            with_hint(say.n(
                "ats-fix-skills-more",
                n,
                &[("target", value(SKILLS_TARGET))],
            )),
        ));
    }
    if let Some(example) = long.first() {
        fixes.push((
            3.0 - form_raw,
            say.n(
                "ats-fix-skills-long",
                long.len(),
                &[("example", say.quote(example))],
            ),
        ));
    }
    Outcome {
        id: "skills",
        max: SKILLS,
        raw: count_raw + form_raw,
        message: say.n(
            "ats-skills-found",
            n,
            &[("examples", say.list(&cvs(&listed)))],
        ),
        fixes,
    }
}

/// Every bullet of the CV: achievements under jobs, then the achievements section.
pub(crate) fn bullets(cv: &Cv) -> impl Iterator<Item = &str> {
    cv.experience
        .iter()
        .flat_map(|e| e.achievements.iter())
        .chain(cv.achievements.iter())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

fn achievements(cv: &Cv, say: &Say) -> Outcome {
    let all: Vec<&str> = bullets(cv).collect();
    let total = all.len();
    if total == 0 {
        return Outcome {
            id: "achievements",
            max: ACHIEVEMENTS,
            raw: 0.0,
            message: say.n("ats-achievements-none", cv.experience.len(), &[]),
            fixes: vec![(ACHIEVEMENTS, say.t("ats-fix-achievements-none", &[]))],
        };
    }
    let plain: Vec<&str> = all.iter().copied().filter(|b| !is_quantified(b)).collect();
    let quantified = total - plain.len();
    let mut fixes = Vec::new();
    // 6 points for having enough bullets, 14 for stating results with numbers.
    let amount_raw = 6.0 * total.min(BULLETS_TARGET) as f64 / BULLETS_TARGET as f64;
    if total < BULLETS_TARGET {
        let bare: Vec<Arg> = cv
            .experience
            .iter()
            .enumerate()
            .filter(|(_, e)| e.achievements.iter().all(|a| a.trim().is_empty()))
            .map(|(i, e)| entry_label(&e.company, &e.title, i))
            .collect();
        let text = if bare.is_empty() {
            say.n(
                "ats-fix-achievements-more",
                total,
                &[("target", value(BULLETS_TARGET))],
            )
        } else {
            say.n(
                "ats-fix-achievements-jobs",
                bare.len(),
                &[("entries", say.list(&bare))],
            )
        };
        fixes.push((6.0 - amount_raw, text));
    }
    let share = quantified as f64 / total as f64;
    let result_raw = 14.0 * (share / QUANTIFIED_TARGET).min(1.0);
    let needed = ((QUANTIFIED_TARGET * total as f64).ceil() as usize).saturating_sub(quantified);
    if needed > 0
        && let Some(example) = plain.first()
    {
        fixes.push((
            14.0 - result_raw,
            say.n(
                "ats-fix-achievements-quantify",
                needed,
                &[
                    ("plain", value(plain.len())),
                    ("total", value(total)),
                    ("example", say.quote(example)),
                ],
            ),
        ));
    }
    Outcome {
        id: "achievements",
        max: ACHIEVEMENTS,
        raw: amount_raw + result_raw,
        message: say.n(
            "ats-achievements-found",
            total,
            &[("quantified", value(quantified))],
        ),
        fixes,
    }
}

/// How a date is written, for the consistency check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DateStyle {
    /// "Mar 2021", "مارس 2021"
    MonthName,
    /// "03/2021", "2021-03"
    Numeric,
    /// "2021"
    YearOnly,
}

/// The styles used in a list of period texts (sorted, each once).
pub(crate) fn date_styles<'a>(periods: impl Iterator<Item = &'a str>) -> Vec<DateStyle> {
    let mut styles = Vec::new();
    for p in periods {
        let p = ascii_digits(p);
        for (point, span) in find_points(&p) {
            let style = match point {
                DatePoint::Month { .. } if p[span].chars().any(char::is_alphabetic) => {
                    DateStyle::MonthName
                }
                DatePoint::Month { .. } => DateStyle::Numeric,
                DatePoint::Year(_) => DateStyle::YearOnly,
                DatePoint::Present => continue,
            };
            if !styles.contains(&style) {
                styles.push(style);
            }
        }
    }
    styles.sort();
    styles
}

fn formatting(cv: &Cv, doc: &Document, lay: &Layout, say: &Say) -> Outcome {
    let mut raw = 0.0;
    let mut fixes = Vec::new();

    // Section headings: 4 points.
    let h = lay.headings.len();
    let headings_raw = match h {
        0 => 0.0,
        1 => 1.0,
        2 => 2.5,
        _ => 4.0,
    };
    raw += headings_raw;
    if headings_raw < 4.0 {
        let text = if lay.odd_headings.is_empty() {
            say.t("ats-fix-format-headings", &[])
        } else {
            let odd: Vec<Arg> = lay.odd_headings.iter().map(|h| say.quote(h)).collect();
            say.n(
                "ats-fix-format-headings-rename",
                odd.len(),
                &[("headings", say.list(&odd))],
            )
        };
        fixes.push((4.0 - headings_raw, text));
    }
    let headings_text = if h == 0 {
        say.t("ats-format-headings-none", &[])
    } else {
        say.n(
            "ats-format-headings",
            h,
            &[("list", say.list(&cvs(&lay.headings)))],
        )
    };

    // Consistent dates: 3 points. Experience and education are compared each within itself:
    // year-only studies beside month-and-year jobs is a common, readable choice.
    let exp_styles = date_styles(cv.experience.iter().map(|e| e.period.as_str()));
    let edu_styles = date_styles(cv.education.iter().map(|e| e.years.as_str()));
    let any_dates = cv
        .experience
        .iter()
        .any(|e| filled(&e.start) || filled(&e.period))
        || cv
            .education
            .iter()
            .any(|e| filled(&e.start) || filled(&e.end) || filled(&e.years));
    let mixed = if exp_styles.len() > 1 {
        exp_styles
    } else {
        edu_styles
    };
    let dates_text = if !any_dates {
        fixes.push((3.0, say.t("ats-fix-format-no-dates", &[])));
        say.t("ats-format-dates-none", &[])
    } else if mixed.len() > 1 {
        raw += 1.0;
        let names: Vec<Arg> = mixed.iter().map(|s| ph(style_name(*s, say))).collect();
        fixes.push((
            2.0,
            say.t("ats-fix-format-dates", &[("styles", say.list(&names))]),
        ));
        say.n("ats-format-dates-mixed", mixed.len(), &[])
    } else {
        raw += 3.0;
        say.t("ats-format-dates-consistent", &[])
    };

    // Extractable text, nothing hidden in images or text boxes: 3 points.
    let text_text = if !lay.has_text {
        fixes.push((3.0, say.t("ats-fix-format-no-text", &[])));
        say.t("ats-format-text-none", &[])
    } else if lay.problems.is_empty() {
        raw += 3.0;
        say.t("ats-format-text-ok", &[])
    } else {
        let text_raw = (3.0 - 1.5 * lay.problems.len() as f64).max(0.0);
        raw += text_raw;
        fixes.push((
            3.0 - text_raw,
            say.t(
                "ats-fix-format-text",
                &[("problems", say.list(&lay.problems))],
            ),
        ));
        say.n("ats-format-text-problems", lay.problems.len(), &[])
    };

    // Sensible length, 1–2 pages: 3 points.
    let w = lay.words;
    let mut length_raw = match w {
        0..80 => 0.0,
        80..200 => 1.5,
        200..=1100 => 3.0,
        _ => 1.5,
    };
    if lay.pages > 3 {
        length_raw = 0.0;
    } else if lay.pages > 2 {
        length_raw = f64::min(length_raw, 1.5);
    }
    raw += length_raw;
    if length_raw < 3.0 && lay.has_text {
        let pages = value(lay.pages);
        let id = if w < 200 {
            "ats-fix-format-short"
        } else {
            "ats-fix-format-long"
        };
        fixes.push((3.0 - length_raw, say.n(id, w, &[("pages", pages)])));
    } else if length_raw < 3.0 {
        // No text at all: the fix above already says what to do.
        fixes.push((3.0, say.t("ats-fix-format-no-text", &[])));
    }
    let length_text = say.n(
        "ats-format-length",
        w,
        &[("pages", ph(say.n("ats-pages", lay.pages as usize, &[])))],
    );

    // Email and phone in the body text, not only in a header or an image: 2 points.
    let pi = &cv.personal_info;
    let contact_text = match contact_in_body(doc, &pi.email, &pi.phone) {
        Some(true) => {
            raw += 2.0;
            say.t("ats-format-contact-body", &[])
        }
        Some(false) => {
            fixes.push((2.0, say.t("ats-fix-format-contact", &[])));
            say.t("ats-format-contact-hidden", &[])
        }
        None => {
            fixes.push((2.0, say.t("ats-fix-format-contact", &[])));
            say.t("ats-format-contact-none", &[])
        }
    };

    let message = say.t(
        "ats-format-summary",
        &[
            ("headings", ph(headings_text)),
            ("length", ph(length_text)),
            ("dates", ph(dates_text)),
            ("text", ph(text_text)),
            ("contact", ph(contact_text)),
        ],
    );
    // The "no text" fix may have been added twice (text and length); keep one, with both gains.
    let mut merged: Vec<(f64, Phrase)> = Vec::new();
    for (gain, text) in fixes {
        match merged.iter_mut().find(|(_, t)| *t == text) {
            Some(m) => m.0 += gain,
            None => merged.push((gain, text)),
        }
    }
    Outcome {
        id: "formatting",
        max: FORMATTING,
        raw,
        message,
        fixes: merged,
    }
}

fn style_name(style: DateStyle, say: &Say) -> Phrase {
    let id = match style {
        DateStyle::MonthName => "ats-date-style-month-name",
        DateStyle::Numeric => "ats-date-style-numeric",
        DateStyle::YearOnly => "ats-date-style-year",
    };
    say.t(id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_styles_are_told_apart() {
        let s = date_styles(["Mar 2021 – Present", "2018 - 2021"].into_iter());
        assert_eq!(s, vec![DateStyle::MonthName, DateStyle::YearOnly]);
        let s = date_styles(["03/2021 - 05/2022", "2019-01 – 2020-12"].into_iter());
        assert_eq!(s, vec![DateStyle::Numeric]);
        let s = date_styles(["يناير ٢٠٢٠ - حتى الآن", "مارس 2018 - ديسمبر 2019"].into_iter());
        assert_eq!(s, vec![DateStyle::MonthName]);
    }

    #[test]
    fn emails_and_shortening() {
        assert!(email_ok("a.b@c.com"));
        assert!(!email_ok("a.b@com"));
        assert!(!email_ok("a b@c.com"));
        assert_eq!(shorten("short", 10), "short");
        let long = shorten("Reduced the time it takes to close the monthly books", 20);
        assert!(long.ends_with('…') && long.chars().count() <= 21, "{long}");
    }
}
