//! Small repairs on one normalised line: bullet glyphs at the start, and phone numbers whose digit
//! groups came out in reverse order because the line was laid out right to left.
//!
//! These are general rules on the text alone; layout repairs (spaces, columns) live in [`crate::layout`].

use regex::Regex;
use std::sync::LazyLock;

/// Glyphs that mark a list item wherever they stand at the start of a line.
pub(crate) const BULLETS: &[char] = &[
    '•', '▪', '▫', '◦', '●', '○', '■', '□', '◆', '◇', '►', '▸', '▹', '‣', '⁃', '∙', '·', '➢', '➤',
    '✓', '✔', '❖', '★', '☆', '→', '»',
];
/// Characters that mark a list item only when a space follows (they also occur inside text).
const DASHES: &[char] = &['-', '–', '—', '*', 'o'];

/// When `line` starts with a bullet glyph, the text after it.
pub fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let private_use = ('\u{F000}'..='\u{F0FF}').contains(&first); // Symbol/Wingdings bullets
    let is_bullet = BULLETS.contains(&first)
        || private_use
        || (DASHES.contains(&first) && rest.starts_with(' '));
    if !is_bullet {
        return None;
    }
    let rest = rest.trim_start();
    // "· · item" or an empty bullet: strip again / nothing left.
    Some(strip_bullet(rest).unwrap_or(rest))
}

/// An email address with a space (or an icon-font glyph drawn over it) before a dot of its domain
/// (`name@mail .test`): glyphs set apart.
static SPLIT_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*)[ \x{E000}-\x{F8FF}]+\.([A-Za-z]{2,}\b)")
        .expect("static regex")
});

/// Closes a space that layout put inside an email's domain: `a@hospitality .test` → `a@hospitality.test`.
pub fn join_split_emails(line: &str) -> String {
    if !line.contains('@') {
        return line.to_string();
    }
    SPLIT_EMAIL.replace_all(line, "$1.$2").into_owned()
}

/// Digit groups followed by a `+`: the international prefix sign ended up at the end because the
/// groups were laid out right to left (`5678 1234 10 20+`).
static REVERSED_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\d+])((?:\d{1,6}[ .\-]){0,6}\d{1,15})\+(\D|$)").expect("static regex")
});

/// Repairs phone numbers whose digit groups were reversed: `5678 1234 10 20+` → `+20 10 1234 5678`.
/// Needs at least 7 digits, so `10+ years` is left alone.
pub fn fix_reversed_phones(line: &str) -> String {
    if !line.contains('+') {
        return line.to_string();
    }
    REVERSED_PHONE
        .replace_all(line, |c: &regex::Captures<'_>| {
            let groups = &c[2];
            let digits = groups.chars().filter(char::is_ascii_digit).count();
            if digits < 7 {
                return c[0].to_string();
            }
            let parts: Vec<&str> = groups.split([' ', '.', '-']).collect();
            let sep = if groups.contains(' ') {
                " "
            } else if groups.contains('-') {
                "-"
            } else {
                "."
            };
            let reversed: Vec<&str> = parts.into_iter().rev().collect();
            format!("{}+{}{}", &c[1], reversed.join(sep), &c[3])
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_are_stripped() {
        assert_eq!(strip_bullet("• Led a team"), Some("Led a team"));
        assert_eq!(strip_bullet("▪Python"), Some("Python"));
        assert_eq!(strip_bullet("- item"), Some("item"));
        assert_eq!(strip_bullet("-5 degrees"), None);
        assert_eq!(strip_bullet("Software"), None);
        assert_eq!(strip_bullet("online"), None);
    }

    #[test]
    fn reversed_phone_groups_are_put_back() {
        assert_eq!(fix_reversed_phones("5678 1234 10 20+"), "+20 10 1234 5678");
        assert_eq!(
            fix_reversed_phones("الهاتف: 4567 123 50 966+ ·"),
            "الهاتف: +966 50 123 4567 ·"
        );
        assert_eq!(fix_reversed_phones("966501234567+"), "+966501234567");
        assert_eq!(
            fix_reversed_phones("10+ years of Python"),
            "10+ years of Python"
        );
        assert_eq!(fix_reversed_phones("+20 10 1234 5678"), "+20 10 1234 5678");
    }

    #[test]
    fn split_emails_are_joined() {
        assert_eq!(
            join_split_emails("+971 50 123 4567 ahmed@hospitality .test"),
            "+971 50 123 4567 ahmed@hospitality.test"
        );
        assert_eq!(
            join_split_emails("a@hospitality\u{E603} .test"),
            "a@hospitality.test"
        );
        assert_eq!(
            join_split_emails("mail a@b.test. Then"),
            "mail a@b.test. Then"
        );
    }
}
