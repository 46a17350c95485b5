//! Dates in CVs: "Mar 2021 – Present", "2015 - 2019", "01/2020 – 12/2021", "يناير ٢٠٢٠ - حتى الآن",
//! "كانون الثاني 2019 – آذار 2021". Normalised to `YYYY`, `YYYY-MM` or `present`.
//!
//! Used by the rule parser (experience and education periods), the builder (validating answers)
//! and the features (years of experience).

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A normalised date: a year with an optional month, or "present".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePoint {
    Month { year: u16, month: u8 },
    Year(u16),
    Present,
}

impl DatePoint {
    /// `YYYY-MM`, `YYYY` or `present`.
    pub fn normalized(&self) -> String {
        match self {
            DatePoint::Month { year, month } => format!("{year:04}-{month:02}"),
            DatePoint::Year(y) => format!("{y:04}"),
            DatePoint::Present => "present".to_string(),
        }
    }

    /// Months since year 0, for arithmetic. A bare year counts as January when it starts a period
    /// and December when it ends one; `present` is `today`.
    pub fn month_index(&self, is_end: bool, today: (u16, u8)) -> i32 {
        match *self {
            DatePoint::Month { year, month } => year as i32 * 12 + month as i32 - 1,
            DatePoint::Year(y) => y as i32 * 12 + if is_end { 11 } else { 0 },
            DatePoint::Present => today.0 as i32 * 12 + today.1 as i32 - 1,
        }
    }

    /// Parses a normalised value back (`2021-03`, `2021`, `present`).
    pub fn from_normalized(s: &str) -> Option<DatePoint> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("present") {
            return Some(DatePoint::Present);
        }
        if let Some((y, m)) = s.split_once('-') {
            let year: u16 = y.parse().ok()?;
            let month: u8 = m.parse().ok()?;
            return (1..=12)
                .contains(&month)
                .then_some(DatePoint::Month { year, month });
        }
        s.parse().ok().map(DatePoint::Year)
    }
}

/// A period found in a line, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub start: Option<DatePoint>,
    pub end: Option<DatePoint>,
    /// Byte range of the whole period text in the line.
    pub span: Range<usize>,
}

impl DateRange {
    /// The period's original text.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.span.clone()]
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("اب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("كانون الاول", 12),
];

const PRESENT: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "to date",
    "date",
    "حتى الآن",
    "حتى الان",
    "الآن",
    "الان",
    "حاليا",
    "حالياً",
    "الحاضر",
    "حتى تاريخه",
    "للآن",
    "مستمر",
];

fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn alternation(words: impl Iterator<Item = &'static str>) -> String {
    let mut v: Vec<&str> = words.collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

fn point_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = alternation(MONTHS.iter().map(|(n, _)| *n));
        let present = alternation(PRESENT.iter().copied());
        // Order matters: the longest forms first.
        let pattern = format!(
            r"(?i)(?:\b(?P<day_y>(?:19|20)\d\d)-(?P<day_m>0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)|(?:(?P<mname>{months})\.?,?\s*(?P<myear>(?:19|20)\d\d)\b)|(?:\b(?P<num_m>0?[1-9]|1[0-2])\s*[/.\-]\s*(?P<num_y>(?:19|20)\d\d)\b)|(?:\b(?P<iso_y>(?:19|20)\d\d)\s*[/\-.]\s*(?P<iso_m>0[1-9]|1[0-2])\b)|(?:\b(?P<year>(?:19|20)\d\d)\b)|(?P<present>(?:\b|^)(?:{present})(?:\b|$))"
        );
        Regex::new(&pattern).expect("date regex")
    })
}

fn separator_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:[-–—~→]+|t ?o|till|until|through|إلى|الى|حتى|لغاية|ـ)?\s*$")
            .expect("separator regex")
    })
}

/// Every date point in `line`, in order, with its byte span.
pub fn find_points(line: &str) -> Vec<(DatePoint, Range<usize>)> {
    let mut out = Vec::new();
    for caps in point_regex().captures_iter(line) {
        let whole = caps.get(0).expect("match");
        let point = if let (Some(y), Some(m)) = (caps.name("day_y"), caps.name("day_m")) {
            // A full ISO date ("2016-06-30"): its day is no month.
            DatePoint::Month {
                year: y.as_str().parse().unwrap_or(0),
                month: m.as_str().parse().unwrap_or(1),
            }
        } else if let (Some(m), Some(y)) = (caps.name("mname"), caps.name("myear")) {
            match (month_number(m.as_str()), y.as_str().parse()) {
                (Some(month), Ok(year)) => DatePoint::Month { year, month },
                _ => continue,
            }
        } else if let (Some(m), Some(y)) = (caps.name("num_m"), caps.name("num_y")) {
            DatePoint::Month {
                year: y.as_str().parse().unwrap_or(0),
                month: m.as_str().parse().unwrap_or(1),
            }
        } else if let (Some(y), Some(m)) = (caps.name("iso_y"), caps.name("iso_m")) {
            DatePoint::Month {
                year: y.as_str().parse().unwrap_or(0),
                month: m.as_str().parse().unwrap_or(1),
            }
        } else if let Some(y) = caps.name("year") {
            DatePoint::Year(y.as_str().parse().unwrap_or(0))
        } else if caps.name("present").is_some() {
            // "date" alone is too common a word: only accept it as "to date".
            if whole.as_str().eq_ignore_ascii_case("date") {
                continue;
            }
            DatePoint::Present
        } else {
            continue;
        };
        out.push((point, whole.range()));
    }
    out
}

/// The first period in `line`: two points joined by a dash or "to"/"إلى", or a single point.
/// A lone "present" is not a period.
pub fn find_range(line: &str) -> Option<DateRange> {
    let points = find_points(line);
    let (i, (p, span)) = points
        .iter()
        .enumerate()
        .find(|(_, (p, _))| *p != DatePoint::Present)?;
    if let Some((q, span2)) = points.get(i + 1)
        && separator_regex().is_match(&line[span.end..span2.start])
    {
        return Some(DateRange {
            start: Some(*p),
            end: Some(*q),
            span: span.start..span2.end,
        });
    }
    // "Since 2019" / "منذ 2019" means it is still going on.
    let before = line[..span.start].trim_end().to_lowercase();
    let ongoing = before.ends_with("since") || before.ends_with("منذ");
    let end = ongoing.then_some(DatePoint::Present);
    Some(DateRange {
        start: Some(*p),
        end,
        span: span.clone(),
    })
}

/// Parses an answer that should be a period ("2019 - 2021", "Mar 2020 – present"): the builder's validator.
pub fn parse_period(text: &str) -> Option<(String, String)> {
    let norm = crate::text::normalize_line(text);
    let r = find_range(&norm)?;
    Some((
        r.start.map(|p| p.normalized()).unwrap_or_default(),
        r.end.map(|p| p.normalized()).unwrap_or_default(),
    ))
}

/// Total years covered by the periods, overlapping periods counted once. `today` is (year, month).
pub fn total_years(periods: &[(DatePoint, Option<DatePoint>)], today: (u16, u8)) -> f64 {
    let mut spans: Vec<(i32, i32)> = periods
        .iter()
        .map(|(s, e)| {
            let a = s.month_index(false, today);
            let b = match e {
                Some(e) => e.month_index(true, today),
                // A single year with no end: count that year.
                None => s.month_index(true, today),
            };
            (a, b.max(a) + 1)
        })
        .collect();
    spans.sort();
    let mut total = 0;
    let mut cur: Option<(i32, i32)> = None;
    for (a, b) in spans {
        match cur {
            Some((ca, cb)) if a <= cb => cur = Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += cb - ca;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    if let Some((ca, cb)) = cur {
        total += cb - ca;
    }
    (total as f64 / 12.0 * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> (String, String) {
        parse_period(s).unwrap_or_default()
    }

    #[test]
    fn english_periods() {
        assert_eq!(
            range("Mar 2021 – Present"),
            ("2021-03".into(), "present".into())
        );
        assert_eq!(range("2015 - 2019"), ("2015".into(), "2019".into()));
        assert_eq!(
            range("January 2018 to June 2020"),
            ("2018-01".into(), "2020-06".into())
        );
        assert_eq!(
            range("01/2020 – 12/2021"),
            ("2020-01".into(), "2021-12".into())
        );
        assert_eq!(
            range("2019-03 — current"),
            ("2019-03".into(), "present".into())
        );
        assert_eq!(range("Since 2019"), ("2019".into(), "present".into()));
        assert_eq!(
            range("2011-09-01 - 2016-06-30"),
            ("2011-09".into(), "2016-06".into())
        );
        assert_eq!(
            range("Sept. 2017 - Oct. 2019"),
            ("2017-09".into(), "2019-10".into())
        );
    }

    #[test]
    fn arabic_periods() {
        assert_eq!(
            range("يناير ٢٠٢٠ - حتى الآن"),
            ("2020-01".into(), "present".into())
        );
        assert_eq!(
            range("كانون الثاني 2019 – آذار 2021"),
            ("2019-01".into(), "2021-03".into())
        );
        assert_eq!(range("من 2016 إلى 2018"), ("2016".into(), "2018".into()));
        assert_eq!(range("2020 - الآن"), ("2020".into(), "present".into()));
    }

    #[test]
    fn no_period_in_plain_text() {
        assert_eq!(parse_period("Led a team of 12 engineers"), None);
        assert_eq!(parse_period("present"), None);
    }

    #[test]
    fn overlapping_years_count_once() {
        let p = |s: &str| DatePoint::from_normalized(s).unwrap();
        let periods = [
            (p("2018-01"), Some(p("2019-12"))),
            (p("2019-01"), Some(p("2020-12"))),
        ];
        assert_eq!(total_years(&periods, (2026, 11)), 3.0);
        assert_eq!(
            total_years(&[(p("2024-11"), Some(p("present")))], (2026, 11)),
            2.1
        );
    }
}
