//! Checking and normalising single answers: names, emails, phones, periods and lists.
//! Each check returns the value to store, or why it was refused (the builder turns that into a
//! friendly re-ask in the user's language).

use jobgate_core::LanguageSkill;
use jobgate_core::dates::{DatePoint, parse_period};
use jobgate_core::text::{ascii_digits, normalize_line};

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    Name,
    Email,
    Phone,
    Period,
    PeriodOrder {
        start: String,
        end: String,
    },
    TooLong {
        len: usize,
        max: usize,
    },
    /// Refused with a fixed message (a Fluent id), e.g. "please answer yes or no".
    Note(&'static str),
}

/// Longest answer kept for a one-line field (a summary or description may be longer).
pub const MAX_FIELD: usize = 200;
pub const MAX_TEXT: usize = 2000;

/// A normalised free-text answer, not empty and not too long.
pub fn text(input: &str, max: usize) -> Result<String, Invalid> {
    let s = normalize_line(input);
    if s.is_empty() {
        return Err(Invalid::Empty);
    }
    let len = s.chars().count();
    if len > max {
        return Err(Invalid::TooLong { len, max });
    }
    Ok(s)
}

/// A person's name: at least two letters, no digits or `@`.
pub fn name(input: &str) -> Result<String, Invalid> {
    let s = text(input, 100)?;
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || s.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return Err(Invalid::Name);
    }
    Ok(s)
}

/// An email address (`name@example.com`); the domain is lower-cased.
pub fn email(input: &str) -> Result<String, Invalid> {
    let s = text(input, MAX_FIELD)?;
    let s = s.trim_start_matches("mailto:");
    let (local, domain) = s.split_once('@').ok_or(Invalid::Email)?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if !local_ok || !domain_ok {
        return Err(Invalid::Email);
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

/// A phone number: 7 to 15 digits, an optional leading `+`, spaces, dashes, dots and brackets.
/// Arabic-Indic digits become ASCII; the user's grouping is kept.
pub fn phone(input: &str) -> Result<String, Invalid> {
    let s = ascii_digits(&text(input, 40)?);
    let body = s.strip_prefix('+').unwrap_or(&s);
    let digits = body.chars().filter(|c| c.is_ascii_digit()).count();
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()/".contains(c));
    if !allowed || !(7..=15).contains(&digits) {
        return Err(Invalid::Phone);
    }
    Ok(s)
}

/// A period: (start, end, the original text). `end` is `present`, a date, or empty for a single date.
pub fn period(input: &str) -> Result<(String, String, String), Invalid> {
    let s = text(input, MAX_FIELD)?;
    let (start, end) = parse_period(&s).ok_or(Invalid::Period)?;
    if start.is_empty() {
        return Err(Invalid::Period);
    }
    let plausible = |v: &str| match DatePoint::from_normalized(v) {
        Some(DatePoint::Year(y)) | Some(DatePoint::Month { year: y, .. }) => {
            (1940..=2100).contains(&y)
        }
        Some(DatePoint::Present) => true,
        None => v.is_empty(),
    };
    if !plausible(&start) || !plausible(&end) {
        return Err(Invalid::Period);
    }
    if let (Some(a), Some(b)) = (
        DatePoint::from_normalized(&start),
        DatePoint::from_normalized(&end),
    ) && b != DatePoint::Present
        && a.month_index(false, (2100, 1)) > b.month_index(true, (2100, 1))
    {
        return Err(Invalid::PeriodOrder { start, end });
    }
    Ok((start, end, s))
}

/// Items of a list answer, split on commas and semicolons (Latin and Arabic), duplicates removed.
pub fn list(input: &str) -> Vec<String> {
    let s = normalize_line(input);
    let mut out: Vec<String> = Vec::new();
    for item in s.split([',', '،', ';', '؛', '|', '\n']) {
        let item = item.trim().trim_start_matches(['-', '•', '*']).trim();
        if !item.is_empty() && !out.iter().any(|o| o.to_lowercase() == item.to_lowercase()) {
            out.push(item.to_string());
        }
    }
    out
}

/// Languages with their levels: "Arabic (native), English - fluent, French: B2".
pub fn languages(input: &str) -> Vec<LanguageSkill> {
    list(input)
        .into_iter()
        .map(|item| {
            if let Some((name, rest)) = item.split_once('(') {
                return LanguageSkill {
                    name: name.trim().to_string(),
                    level: rest.trim_end_matches(')').trim().to_string(),
                };
            }
            for sep in [" - ", " – ", ":", " — "] {
                if let Some((name, level)) = item.split_once(sep) {
                    return LanguageSkill {
                        name: name.trim().to_string(),
                        level: level.trim().to_string(),
                    };
                }
            }
            LanguageSkill {
                name: item,
                level: String::new(),
            }
        })
        .collect()
}

/// The first web link in a text (`https://…`, `www.…`), if any.
pub fn link(input: &str) -> Option<String> {
    input
        .split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(email(" Sara@Example.COM ").unwrap(), "Sara@example.com");
        assert_eq!(email("a.b+c@mail.co.uk").unwrap(), "a.b+c@mail.co.uk");
        for bad in [
            "sara",
            "sara@",
            "@x.com",
            "sara@example",
            "sara @x.com",
            "sara@x.c0m",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_with_arabic_digits() {
        assert_eq!(phone("+966 ٥٠ ١٢٣ ٤٥٦٧").unwrap(), "+966 50 123 4567");
        assert_eq!(phone("(020) 7946-0958").unwrap(), "(020) 7946-0958");
        for bad in ["12345", "call me", "+44 20 7946 0958 1234 5678", "07x946"] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn periods() {
        assert_eq!(
            period("Mar 2021 – Present").unwrap(),
            (
                "2021-03".into(),
                "present".into(),
                "Mar 2021 – Present".into()
            )
        );
        assert_eq!(period("2015 - 2019").unwrap().0, "2015");
        assert_eq!(period("يناير ٢٠٢٠ - حتى الآن").unwrap().1, "present");
        assert!(matches!(
            period("2021 - 2019"),
            Err(Invalid::PeriodOrder { .. })
        ));
        assert_eq!(period("last year"), Err(Invalid::Period));
    }

    #[test]
    fn lists_and_languages() {
        assert_eq!(
            list("Excel, Python، SQL; excel"),
            ["Excel", "Python", "SQL"]
        );
        let l = languages("Arabic (native), English - fluent, French");
        assert_eq!(l[0].name, "Arabic");
        assert_eq!(l[0].level, "native");
        assert_eq!(l[1].level, "fluent");
        assert_eq!(l[2].level, "");
    }
}
