//! Repairs of OCR misreadings that a rule can be sure of: what reads as an email address but for one
//! confusable character, and digits read as letters inside a phone number or a year.

use regex::Regex;
use std::sync::LazyLock;

/// Letters OCR reads in place of digits, and the digit each stands for.
fn digit_for(c: char) -> Option<char> {
    match c {
        'O' | 'o' | 'D' | 'Q' => Some('0'),
        'l' | 'I' | '|' | 'i' => Some('1'),
        'S' | 's' => Some('5'),
        'B' => Some('8'),
        'Z' | 'z' => Some('2'),
        _ => None,
    }
}

/// Repairs one line of OCR text.
pub fn repair_line(text: &str) -> String {
    let text = repair_emails(text);
    let text = repair_phones(&text);
    repair_years(&text)
}

/// `name@mail,com` → `name@mail.com`; `name ©mail.com`/`name®mail.com` (a misread at sign) →
/// `name@mail.com`; spaces OCR put around the at sign or a dot of an address are closed up, and after
/// a dot or dash inside its lower-case local part (`khaled. mahmoud@…`).
fn repair_emails(text: &str) -> String {
    static SPLIT_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([a-z0-9][a-z0-9_%+-]*[._-]) ([a-z0-9][a-z0-9._%+-]*@[A-Za-z0-9-]+\.)")
            .expect("split local part pattern")
    });
    let text = SPLIT_LOCAL.replace_all(text, "$1$2");
    static AT_LIKE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([A-Za-z0-9][A-Za-z0-9._%+-]*) ?[@©®] ?([A-Za-z0-9-]+(?:[.,] ?[A-Za-z0-9-]+)*[.,] ?[A-Za-z]{2,6})\b")
            .expect("email pattern")
    });
    AT_LIKE
        .replace_all(&text, |c: &regex::Captures| {
            let domain: String = c[2]
                .chars()
                .filter(|ch| *ch != ' ')
                .map(|ch| if ch == ',' { '.' } else { ch })
                .collect();
            format!("{}@{}", &c[1], domain)
        })
        .into_owned()
}

/// Inside a stretch that is a phone number (seven digits or more with phone punctuation), letters
/// that OCR confuses with digits become those digits — only where they touch a digit, and at most
/// two of them.
fn repair_phones(text: &str) -> String {
    static STRETCH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[+(]?[0-9OoDQlI|iSsBZz][0-9OoDQlI|iSsBZz()\- .]{5,}[0-9OoDQlI|iSsBZz]")
            .expect("phone pattern")
    });
    STRETCH
        .replace_all(text, |c: &regex::Captures| {
            let s = &c[0];
            let chars: Vec<char> = s.chars().collect();
            let digits = chars.iter().filter(|ch| ch.is_ascii_digit()).count();
            let letters: Vec<usize> = (0..chars.len())
                .filter(|&i| digit_for(chars[i]).is_some() && !chars[i].is_ascii_digit())
                .collect();
            let touches = |i: usize| {
                (i > 0 && chars[i - 1].is_ascii_digit())
                    || chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
            };
            // A letter standing between letters is a word, not a misread digit.
            let word_like = chars
                .windows(2)
                .any(|w| w[0].is_alphabetic() && w[1].is_alphabetic());
            if digits < 7
                || letters.is_empty()
                || letters.len() > 2
                || word_like
                || !letters.iter().all(|&i| touches(i))
            {
                return s.to_string();
            }
            chars
                .iter()
                .map(|&ch| {
                    if ch.is_ascii_digit() {
                        ch
                    } else {
                        digit_for(ch).unwrap_or(ch)
                    }
                })
                .collect()
        })
        .into_owned()
}

/// A four-character word that is a year but for one letter (`2O19`, `20l8`) becomes that year
/// (1950–2039 only).
fn repair_years(text: &str) -> String {
    static YEAR_LIKE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b[12OlI][09OoDlI][0-9OoDQlIZzSB][0-9OoDQlIZzSB]\b").expect("year pattern")
    });
    YEAR_LIKE
        .replace_all(text, |c: &regex::Captures| {
            let s = &c[0];
            let letters = s.chars().filter(|ch| !ch.is_ascii_digit()).count();
            let fixed: String = s
                .chars()
                .map(|ch| {
                    if ch.is_ascii_digit() {
                        ch
                    } else {
                        digit_for(ch).unwrap_or(ch)
                    }
                })
                .collect();
            let ok = letters == 1
                && fixed
                    .parse::<u32>()
                    .is_ok_and(|y| (1950..=2039).contains(&y));
            if ok { fixed } else { s.to_string() }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_with_a_misread_at_or_dot_are_repaired() {
        assert_eq!(repair_line("omar.said@mail,com"), "omar.said@mail.com");
        assert_eq!(
            repair_line("Email: omar ©mail-ar.test"),
            "Email: omar@mail-ar.test"
        );
        assert_eq!(
            repair_line("m.alsayed @ mail-ar. test"),
            "m.alsayed@mail-ar.test"
        );
        assert_eq!(
            repair_line("khaled. mahmoud@devmix.test"),
            "khaled.mahmoud@devmix.test"
        );
        // A sentence before an address keeps its full stop.
        assert_eq!(
            repair_line("Write to Cairo. omar@mail.test"),
            "Write to Cairo. omar@mail.test"
        );
        // Not an address: left alone.
        assert_eq!(repair_line("© 2020 Fawry, Cairo"), "© 2020 Fawry, Cairo");
    }

    #[test]
    fn phones_and_years_with_letters_for_digits_are_repaired() {
        assert_eq!(repair_line("+20 1O0 555 7788"), "+20 100 555 7788");
        assert_eq!(repair_line("Tel: (O10) 1234 5678"), "Tel: (010) 1234 5678");
        assert_eq!(repair_line("Jan 2O19 — Present"), "Jan 2019 — Present");
        assert_eq!(repair_line("20l8 - 2020"), "2018 - 2020");
    }

    #[test]
    fn words_and_real_numbers_are_left_alone() {
        for s in [
            "BOSS 2019 - 2020 Sales",
            "Led 5 engineers in 2019",
            "ISO 9001 and IS0 standards",
            "1200 users, 14 services",
            "Solid knowledge of SQL",
            "Dec 2018 — Jan 2020",
        ] {
            assert_eq!(repair_line(s), s, "{s}");
        }
    }
}
