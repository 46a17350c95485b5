//! Cleaned lines: what the rules look at. Bullet glyphs and icon glyphs are taken off (the bullet is
//! remembered), letter-spaced headings ("S K I L L S") are closed up, and each line keeps the index of
//! the document line it came from so sections can be reported in document coordinates.
//!
//! Extraction has already normalised the text (NFKC, digits, bidi marks); nothing here changes words.

use jobgate_core::{Document, Line};

/// One non-empty line after cleaning.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ln {
    pub(crate) text: String,
    /// Index of the document line.
    pub(crate) idx: usize,
    pub(crate) bullet: bool,
    pub(crate) heading_hint: bool,
    pub(crate) bold: bool,
    pub(crate) font_size: Option<f32>,
}

/// Glyphs that open list items.
fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '◦'
            | '●'
            | '►'
            | '‣'
            | '⁃'
            | '*'
            | '✓'
            | '✔'
            | '➢'
            | '➤'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '❖'
            | '▸'
            | '▹'
            | '–'
            | '—'
            | '-'
            | '−'
            | '→'
            | '⇒'
            | '★'
            | '☆'
            | '♦'
            | '>'
    )
}

/// Icon fonts (private use area), emoji and pictographs carry no text.
fn is_icon(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}' | '\u{F0000}'..='\u{10FFFF}' | '\u{FFFD}')
}

/// Icons carry no text, but an icon between two pieces of text starts a new item: CV generators draw
/// one before each contact detail ("✉ name@x.test 📍 Munich, DE"), often with no other separator. Icons
/// at either end go; one inside the line becomes " | ", the separator the contact rules split on.
fn icons_to_separators(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_icon(c) {
            pending = true;
            continue;
        }
        if pending && c.is_whitespace() && out.ends_with(char::is_whitespace) {
            continue;
        }
        if pending && !c.is_whitespace() {
            if out.chars().any(|o| o.is_alphanumeric()) && !out.trim_end().ends_with('|') {
                out.truncate(out.trim_end().len());
                out.push_str(" | ");
            }
            pending = false;
        }
        out.push(c);
    }
    out
}

/// Cleans one line's text; returns the text and whether it started with a bullet glyph.
pub(crate) fn clean_text(s: &str) -> (String, bool) {
    let mut t = icons_to_separators(s);
    t = t.trim().to_string();
    let mut bullet = false;
    loop {
        let mut chars = t.chars();
        match chars.next() {
            // A dash before a digit is a date range's dash or a minus, not a bullet ("— 2015").
            Some(c) if is_bullet_glyph(c) => {
                let rest = chars.as_str().trim_start();
                if matches!(c, '-' | '–' | '—' | '−')
                    && rest.starts_with(|d: char| d.is_ascii_digit())
                {
                    // "- 2019" is still a leftover dash: drop it without calling it a bullet.
                    t = rest.to_string();
                    continue;
                }
                bullet = true;
                t = rest.to_string();
            }
            _ => break,
        }
    }
    (
        unglue_phone(&unglue_duration(&close_letter_spacing(&t))),
        bullet,
    )
}

/// "+44 7700 900456Manchester, GB" → "+44 7700 900456 | Manchester, GB": a phone number and the
/// place set beside it with no space between them (two contact details drawn edge to edge).
fn unglue_phone(t: &str) -> String {
    let glued = t
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && !w[1].is_ascii_digit() && w[1] > 0x40 && w[1] != b' ');
    if !glued {
        return t.to_string();
    }
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(\+?\d[\d \-()]{6,}\d)(\p{Lu}\p{Ll}{2,}|\p{Arabic}{2,})")
            .expect("glued phone regex")
    });
    re.replace_all(t, "$1 | $2").into_owned()
}

/// "Mar, 20202 years 6 months" → "Mar, 2020 2 years 6 months": a year and a duration written with no
/// space between them (two runs of a document side by side).
fn unglue_duration(t: &str) -> String {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)\b((?:19|20)\d\d)(\d{1,2}\s*(?:years?|yrs?|months?|mos?)\b)")
            .expect("duration regex")
    });
    re.replace_all(t, "$1 $2").into_owned()
}

/// "S U M M A RY" → "SUMMARY": when most words are single letters, the spaces are layout, not text.
fn close_letter_spacing(t: &str) -> String {
    let words: Vec<&str> = t.split(' ').collect();
    if words.len() < 4 {
        return t.to_string();
    }
    let single = words.iter().filter(|w| w.chars().count() == 1).count();
    if single * 10 >= words.len() * 7 && words.iter().all(|w| w.chars().count() <= 2) {
        words.concat()
    } else {
        t.to_string()
    }
}

/// The document's lines, cleaned, empty ones dropped, periods wrapped in a narrow column mended.
pub(crate) fn clean(doc: &Document) -> Vec<Ln> {
    let mut lines = clean_lines(doc);
    mend_hyphen_wraps(&mut lines);
    mend_wrapped_periods(&mut lines);
    lines
}

/// A word hyphenated at a line end ("Software Engineer-" + "ing Manager", as LaTeX and Typst
/// hyphenate) is one word again: the next line, starting in lower case and not a list item, is joined
/// on without the hyphen — or with it, when the next line begins with the second half of a compound
/// ("data-" + "driven", `compound_tails` in `lexicons/cv_terms.toml`). Left alone otherwise ("2019-" +
/// "2021", "e-" + "Commerce").
fn mend_hyphen_wraps(lines: &mut Vec<Ln>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let this = &lines[i].text;
        let next = &lines[i + 1];
        let mut tail = this.chars().rev();
        let wrapped = tail.next() == Some('-')
            && tail
                .next()
                .is_some_and(|c| c.is_alphabetic() && c.is_lowercase())
            && !next.bullet
            && next.text.chars().next().is_some_and(|c| c.is_lowercase());
        if wrapped {
            // An address keeps its hyphen ("name@consult-" + "eg.test").
            let last = this.split_whitespace().last().unwrap_or("");
            let address = last.contains('@') || last.contains("://") || last.starts_with("www.");
            let first: String = next
                .text
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let compound = crate::terms::terms().compound_tail.is(&first);
            let mut joined = if address || compound {
                this.to_string()
            } else {
                this[..this.len() - 1].to_string()
            };
            joined.push_str(&next.text);
            lines[i].text = joined;
            lines.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// A period set in a narrow date column (moderncv) and wrapped there, read row by row with the entry
/// beside it: "Mar 2021 – Senior Engineer, Fawry" + "Present", or "Apr Senior Engineer" + "2019–Present".
/// When the next line is nothing but the rest of the period, it goes back where it belongs:
/// "Mar 2021 – Present Senior Engineer, Fawry", "Apr 2019–Present Senior Engineer".
fn mend_wrapped_periods(lines: &mut Vec<Ln>) {
    use jobgate_core::dates::{DatePoint, find_points};
    let only_dates = |t: &str| {
        // A period alone is short and holds a digit or a word like "Present".
        if t.len() > 48 {
            return false;
        }
        let points = find_points(t);
        !points.is_empty() && points[0].1.start == 0 && {
            let mut rest = t.to_string();
            for (_, r) in points.iter().rev() {
                rest.replace_range(r.clone(), " ");
            }
            !rest.chars().any(|c| c.is_alphanumeric())
        }
    };
    let is_month = |w: &str| {
        (3..=10).contains(&w.chars().count())
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
            && matches!(find_points(&format!("{w} 2000")).first(), Some((DatePoint::Month { .. }, r)) if r.start == 0)
    };
    let mut i = 0;
    while i + 1 < lines.len() {
        let (this, next) = (&lines[i].text, &lines[i + 1].text);
        let mut mended = None;
        // Only a line that starts with a number or a month name can hold the first half.
        let lead = this.split_whitespace().next().unwrap_or("");
        let leads = lead.starts_with(|c: char| c.is_ascii_digit()) || is_month(lead);
        if leads && only_dates(next) {
            let points = find_points(this);
            // "Mar 2021 – Senior…": one point at the start, a dash after it, and no more dates.
            if let [(p, r)] = points.as_slice()
                && r.start == 0
                && *p != DatePoint::Present
            {
                let after = this[r.end..].trim_start();
                if let Some(rest) = after.strip_prefix(['–', '—', '-', '−']) {
                    let start = &this[..r.end];
                    mended = Some(format!("{start} – {} {}", next.trim(), rest.trim()));
                }
            }
            // "Apr Senior…" + "2019–Present": a month name alone before the entry's words.
            if mended.is_none()
                && points.is_empty()
                && let Some((first, rest)) = this.split_once(' ')
                && is_month(first)
                && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                mended = Some(format!("{first} {} {}", next.trim(), rest.trim()));
            }
        }
        if let Some(text) = mended {
            lines[i].text = text;
            lines.remove(i + 1);
        }
        i += 1;
    }
}

fn clean_lines(doc: &Document) -> Vec<Ln> {
    doc.lines
        .iter()
        .enumerate()
        .filter_map(|(idx, l): (usize, &Line)| {
            let (text, glyph) = clean_text(&l.text);
            let text = text.trim_matches(|c: char| c.is_whitespace()).to_string();
            if text.is_empty() || !text.chars().any(|c| c.is_alphanumeric()) {
                return None;
            }
            Some(Ln {
                text,
                idx,
                bullet: l.bullet || glyph,
                heading_hint: l.heading_hint,
                bold: l.bold,
                font_size: l.font_size,
            })
        })
        .collect()
}

/// Number of words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when a line has Latin letters and they are all capitals ("WORK EXPERIENCE").
pub(crate) fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 3
}

/// True when the line ends a sentence.
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '؟', '。'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_icons_and_letter_spacing() {
        assert_eq!(clean_text("• Led a team"), ("Led a team".into(), true));
        assert_eq!(
            clean_text("\u{F0E0} omar@x.test"),
            ("omar@x.test".into(), false)
        );
        assert_eq!(clean_text("S U M M A RY"), ("SUMMARY".into(), false));
        assert_eq!(clean_text("— 2015-07"), ("2015-07".into(), false));
        assert_eq!(clean_text("A B testing"), ("A B testing".into(), false));
        assert_eq!(
            clean_text("+44 7700 900456Manchester, GB"),
            ("+44 7700 900456 | Manchester, GB".into(), false)
        );
        assert_eq!(
            clean_text("Raised revenue 2024Q1"),
            ("Raised revenue 2024Q1".into(), false)
        );
        assert_eq!(
            clean_text("\u{F0E0} reem@x.test \u{F3C5} جدة, SA \u{F095}"),
            ("reem@x.test | جدة, SA".into(), false)
        );
        assert_eq!(
            clean_text("name@x.test | \u{F08C} linkedin.com/in/x"),
            ("name@x.test | linkedin.com/in/x".into(), false)
        );
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_one_word() {
        let ln = |t: &str, bullet: bool| Ln {
            text: t.into(),
            bullet,
            ..Ln::default()
        };
        let mut v = vec![
            ln("Senior Software Engineer-", false),
            ln("ing Manager, Fawry", false),
            ln("Built an e-", false),
            ln("Commerce site", false),
            ln("Mar 2019-", false),
            ln("2021", false),
            ln("Led the data-", false),
            ln("platform team", true),
            ln("Email: omar@consult-", false),
            ln("eg.test", false),
            ln("Built a data-", false),
            ln("driven pricing model and a cross-", false),
            ln("functional team", false),
        ];
        mend_hyphen_wraps(&mut v);
        let texts: Vec<&str> = v.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Senior Software Engineering Manager, Fawry",
                "Built an e-",
                "Commerce site",
                "Mar 2019-",
                "2021",
                "Led the data-",
                "platform team",
                "Email: omar@consult-eg.test",
                "Built a data-driven pricing model and a cross-functional team"
            ]
        );
    }

    #[test]
    fn a_period_wrapped_in_its_column_is_mended() {
        let ln = |t: &str| Ln {
            text: t.into(),
            ..Ln::default()
        };
        let mend = |a: &str, b: &str| {
            let mut v = vec![ln(a), ln(b), ln("Built things")];
            mend_wrapped_periods(&mut v);
            v.into_iter().map(|l| l.text).collect::<Vec<_>>()
        };
        assert_eq!(
            mend("Mar 2021 – Senior Engineer, Fawry", "Present"),
            ["Mar 2021 – Present Senior Engineer, Fawry", "Built things"]
        );
        assert_eq!(
            mend("Jun 2018 – Backend Engineer, Swvl", "Feb 2021"),
            ["Jun 2018 – Feb 2021 Backend Engineer, Swvl", "Built things"]
        );
        assert_eq!(
            mend("Apr Senior Engineer, Fawry", "2019–Present"),
            ["Apr 2019–Present Senior Engineer, Fawry", "Built things"]
        );
        // A whole period, or a next line with words, stays as it is.
        assert_eq!(
            mend("Mar 2021 – Present Senior Engineer", "2019"),
            ["Mar 2021 – Present Senior Engineer", "2019", "Built things"]
        );
        assert_eq!(
            mend("Mar 2021 – Senior Engineer", "Present tense writing"),
            [
                "Mar 2021 – Senior Engineer",
                "Present tense writing",
                "Built things"
            ]
        );
    }
}
