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

/// Cleans one line's text; returns the text and whether it started with a bullet glyph.
pub(crate) fn clean_text(s: &str) -> (String, bool) {
    let mut t: String = s.chars().filter(|c| !is_icon(*c)).collect();
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
    (unglue_duration(&close_letter_spacing(&t)), bullet)
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

/// The document's lines, cleaned, empty ones dropped.
pub(crate) fn clean(doc: &Document) -> Vec<Ln> {
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
    }
}
