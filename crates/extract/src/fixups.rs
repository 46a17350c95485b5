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

/// A lam-alef ligature whose text the producer wrote in drawn order, alef first ("اإلسكندرية" for
/// "الإسكندرية", "االستجابة" for "الاستجابة"): Arabic never writes one alef right after another, so
/// an alef, an alef with or without hamza and a lam are put back as lam-alef.
pub fn fix_reversed_lam_alef(line: &str) -> std::borrow::Cow<'_, str> {
    static REVERSED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("ا([اأإآ])ل").expect("static regex"));
    REVERSED.replace_all(line, "ال$1")
}

/// Lines cut at a page break and printed again at the top of the next page (a browser that moves
/// a block to the next page may leave its clipped first line behind: "University of Leeds 2010 09
/// 2013 06" at the foot of page 1, "University of Leeds 2010-09 — 2013-06" at the head of page 2).
/// Returns the indices of the lines to drop: lines at the foot of a page, read upwards, that have
/// no letters (dates) or whose letters are those of one of the first lines of the next page, up to
/// and including the highest such line that has letters. Nothing is dropped without one.
pub fn repeated_at_page_break(lines: &[(u32, &str)]) -> Vec<usize> {
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut drop = Vec::new();
    for (i, w) in lines.windows(2).enumerate() {
        if w[0].0 == w[1].0 {
            continue;
        }
        // `i` is the last line of its page.
        let next: Vec<String> = lines[i + 1..]
            .iter()
            .take_while(|l| l.0 == w[1].0)
            .take(4)
            .map(|l| key(l.1))
            .filter(|k| k.chars().count() >= 6)
            .collect();
        let mut cut = None;
        for j in (0..=i).rev().take(4) {
            if lines[j].0 != w[0].0 {
                break;
            }
            let k = key(lines[j].1);
            if k.is_empty() {
                continue;
            }
            if next.iter().any(|n| nearly_equal(&k, n)) {
                cut = Some(j);
            } else {
                break;
            }
        }
        if let Some(j) = cut {
            drop.extend(j..=i);
        }
    }
    drop
}

/// Equal but for at most one letter in twelve changed, missing or extra (a clipped glyph).
fn nearly_equal(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 {
        return false;
    }
    let allowed = a.len().max(b.len()) / 12;
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= allowed
}

/// Undoes text read as glyph ids: a subset TrueType font whose ToUnicode map is missing (a file cut
/// short before it) gives each glyph's id as its character, "2PDU+DVVDQ" for "Omar Hassan". Fonts
/// in the standard Macintosh glyph order put every printable ASCII character 29 ids before its
/// code, so moving each character 29 places on gives the text back. Done on a whole document, and
/// only when it has almost no lowercase letters and the moved text reads as English (several
/// everyday words); returns whether it was done.
pub fn undo_glyph_id_text(lines: &mut [String]) -> bool {
    // Words long enough not to turn up by chance; looked for inside the text, since the space
    // glyph often maps to nothing and words run together.
    const EVERYDAY: &[&str] = &[
        "experience",
        "education",
        "skills",
        "languages",
        "university",
        "engineer",
        "developer",
        "manager",
        "present",
        "project",
        "with",
        "years",
        "work",
    ];
    let shift = |c: char| match c {
        '\u{3}' => ' ',
        '!'..='a' => char::from_u32(c as u32 + 29).unwrap_or(c),
        _ => c,
    };
    let letters = lines
        .iter()
        .flat_map(|l| l.chars())
        .filter(char::is_ascii_alphabetic);
    let (all, lower) = letters.fold((0usize, 0usize), |(a, l), c| {
        (a + 1, l + usize::from(c.is_ascii_lowercase()))
    });
    if all < 20 || lower * 10 > all {
        return false;
    }
    let moved: Vec<String> = lines
        .iter()
        .map(|l| l.chars().map(shift).collect())
        .collect();
    let text = moved.join(" ").to_ascii_lowercase();
    if EVERYDAY.iter().filter(|w| text.contains(*w)).count() < 3 {
        return false;
    }
    for (line, m) in lines.iter_mut().zip(moved) {
        *line = m;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_lam_alef_written_alef_first_is_put_back() {
        use super::fix_reversed_lam_alef as fix;
        assert_eq!(fix("جامعة اإلسكندرية"), "جامعة الإسكندرية");
        assert_eq!(fix("حتى اآلن"), "حتى الآن");
        assert_eq!(fix("زمن االستجابة"), "زمن الاستجابة");
        // Right as written.
        assert_eq!(fix("إلى الإسكندرية والأنظمة"), "إلى الإسكندرية والأنظمة");
    }

    #[test]
    fn a_block_cut_at_a_page_break_and_printed_again_is_read_once() {
        let lines = [
            (0, "Cockburn School 2014-09 — 2019-08"),
            (0, "University of Leeds 2010 09 2013 06"),
            (1, "University of Leeds 2010-09 — 2013-06"),
            (1, "Mathematics"),
        ];
        assert_eq!(repeated_at_page_break(&lines), vec![1]);
        // A clipped letter, and a line of dates below it.
        let lines = [
            (0, "إدارة جداول الكميات"),
            (0, "جامعة الإسكند ية"),
            (0, "09 2010 06 2015"),
            (1, "جامعة الإسكندرية"),
            (1, "2010-09 — 2015-06"),
        ];
        assert_eq!(repeated_at_page_break(&lines), vec![1, 2]);
        // A page that just ends with dates, and a next page about something else, keep everything.
        let lines = [
            (0, "Acme Ltd"),
            (0, "2019 — 2021"),
            (1, "Education"),
            (1, "University of York"),
        ];
        assert!(repeated_at_page_break(&lines).is_empty());
    }

    #[test]
    fn text_read_as_glyph_ids_is_moved_back_only_when_it_then_reads_as_english() {
        let mut lines = vec![
            "2PDU+DVVDQ".to_string(),
            "%DFNHQGHQJLQHHUZLWK\u{3}\\HDUV\u{3}RI\u{3}H[SHULHQFH".to_string(),
            ":RUN\u{3}DQG\u{3}WKH\u{3}ZRUOG".to_string(),
        ];
        assert!(undo_glyph_id_text(&mut lines));
        assert_eq!(lines[0], "OmarHassan");
        assert_eq!(lines[2], "Work and the world");
        // Capitals that are real text stay as they are.
        let mut caps = vec!["EXPERIENCE EDUCATION SKILLS WORK WITH ACME AND IBM".to_string()];
        assert!(!undo_glyph_id_text(&mut caps));
        assert_eq!(
            caps[0],
            "EXPERIENCE EDUCATION SKILLS WORK WITH ACME AND IBM"
        );
    }

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
