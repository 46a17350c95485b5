//! Text normalisation shared by extraction, parsing, the builder and matching.
//!
//! Arabic text from PDFs and Word arrives with presentation forms (U+FExx), the lam-alef ligature,
//! Arabic-Indic digits, bidi control marks and tatweel; Latin text with ligatures (ﬁ) and odd spaces.
//! Everything is brought to one plain form here so the rules downstream see one spelling.

use crate::contract::DocLanguage;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Bidi controls and zero-width characters that carry no text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}'
    )
}

/// Maps Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits to ASCII.
pub fn ascii_digits(s: &str) -> String {
    s.chars().map(ascii_digit).collect()
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Normalises one line: NFKC (presentation forms, ligatures), ASCII digits, no bidi marks or tatweel,
/// Arabic comma kept, all runs of whitespace collapsed to one space, trimmed.
pub fn normalize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_line_into(s, &mut out);
    out
}

/// [`normalize_line`] into a reused buffer (cleared first), for callers that normalise many lines.
pub fn normalize_line_into(s: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    // NFKC leaves text that is already in NFKC as it is, and checking is far cheaper than
    // normalising: most lines (plain Latin or plain Arabic letters) skip the NFKC pass.
    if s.is_ascii() || s.chars().all(is_plain_nfkc) {
        clean_plain(s, out);
    } else if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().for_each(|c| clean_char(c, &mut space, out));
    } else {
        s.nfkc().for_each(|c| clean_char(c, &mut space, out));
    }
    if out.contains(TATWEEL) {
        drop_kashida(out);
    }
}

const TATWEEL: char = '\u{0640}';

/// Tatweel (kashida) only stretches a word ("مـــدير"), so it goes; but one that ends a word after
/// a letter stays, since that is how the word is written before a number or a Latin word ("لـ 12").
fn drop_kashida(out: &mut String) {
    let chars: Vec<char> = out.chars().collect();
    let mut kept = String::with_capacity(out.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != TATWEEL {
            kept.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| chars[k] != TATWEEL)
            .unwrap_or(chars.len());
        let after_letter = i > 0 && is_arabic_char(chars[i - 1]);
        let ends_word = chars.get(end).is_none_or(|n| !is_arabic_char(*n));
        if after_letter && ends_word {
            kept.push(TATWEEL);
        }
        i = end;
    }
    // A word of tatweel alone (a drawn line) leaves no word behind.
    out.clear();
    for word in kept.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Characters that are surely in NFKC: ASCII, basic Arabic letters, digits and punctuation (each
/// NFKC quick-check Yes with combining class 0, tested below), decided without a table lookup.
fn is_plain_nfkc(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '،' | '؛' | '؟')
}

/// [`clean_char`] over a line of [`is_plain_nfkc`] characters, where all whitespace is ASCII: words
/// are cut at bytes and copied whole, unless they hold a tatweel or an Arabic-Indic digit.
fn clean_plain(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        if is_ascii_space(bytes[i]) {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !is_ascii_space(bytes[i]) {
            i += 1;
        }
        let word = &s[start..i];
        if word.is_ascii() || !word.contains(|c| c == TATWEEL || ascii_digit(c) != c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(word);
        } else {
            word.chars().for_each(|c| clean_char(c, &mut space, out));
        }
    }
}

/// `char::is_whitespace` for ASCII (space and U+0009–U+000D).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | 0x09..=0x0D)
}

/// One character of an NFKC line: invisible marks dropped, digits made ASCII, whitespace collapsed
/// (`space` remembers a pending one; none at the start). Tatweel is left to [`drop_kashida`].
fn clean_char(c: char, space: &mut bool, out: &mut String) {
    if is_invisible(c) {
        return;
    }
    let c = ascii_digit(c);
    if c.is_whitespace() {
        *space = true;
        return;
    }
    if *space && !out.is_empty() {
        out.push(' ');
    }
    *space = false;
    out.push(c);
}

/// True for letters of the Arabic script.
pub fn is_arabic_char(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

/// Share of Arabic letters among all letters of `s` (0.0 when there are no letters).
pub fn arabic_ratio(s: &str) -> f64 {
    let (mut ar, mut all) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        if is_arabic_char(c) {
            ar += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        ar as f64 / all as f64
    }
}

/// Decides the language of a whole text: Arabic above 60 % Arabic letters, English below 15 %, else mixed.
pub fn detect_language<'a>(lines: impl IntoIterator<Item = &'a str>) -> DocLanguage {
    let (mut ar, mut all) = (0usize, 0usize);
    for line in lines {
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            all += 1;
            if is_arabic_char(c) {
                ar += 1;
            }
        }
    }
    if all == 0 {
        return DocLanguage::En;
    }
    let r = ar as f64 / all as f64;
    if r >= 0.6 {
        DocLanguage::Ar
    } else if r <= 0.15 {
        DocLanguage::En
    } else {
        DocLanguage::Mixed
    }
}

/// Lower-cases and strips Arabic letter variants (alef forms, taa marbuta, alef maqsura) and diacritics,
/// for comparing words, never for display.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in normalize_line(s).chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            // The Arabic block has no case: no lookup in the lower-case tables.
            '\u{0600}'..='\u{06FF}' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_and_lam_alef_become_plain_letters() {
        // "مهندس" in presentation forms, and the lam-alef ligature U+FEFB.
        assert_eq!(
            normalize_line("\u{FEE3}\u{FEEC}\u{FEE8}\u{FEAA}\u{FEB1}"),
            "مهندس"
        );
        assert_eq!(normalize_line("\u{FEFB}"), "لا");
    }

    #[test]
    fn digits_marks_and_spaces_are_normalised() {
        assert_eq!(
            normalize_line("\u{202B}٢٠١٩ –  ۲۰۲۱\u{202C}\u{00A0} "),
            "2019 – 2021"
        );
        assert_eq!(normalize_line("con\u{FB01}dent"), "confident");
        assert_eq!(normalize_line("مـــدير"), "مدير");
        assert_eq!(
            normalize_line("ـــ مـــدير لـ 12 بـExcel"),
            "مدير لـ 12 بـExcel"
        );
    }

    #[test]
    fn plain_characters_need_no_normalisation() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
        for c in (0u32..0x80)
            .chain(0x0600..0x0700)
            .filter_map(char::from_u32)
        {
            if is_plain_nfkc(c) {
                assert_eq!(
                    is_nfkc_quick(std::iter::once(c)),
                    IsNormalized::Yes,
                    "{c:?}"
                );
                assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            }
        }
        // The quick path gives what the full NFKC pass gives.
        for s in [
            "  Python,   SQL\t and\u{00A0}Excel  ",
            "\u{FEE3}\u{FEEC}\u{FEE8}\u{FEAA}\u{FEB1} \u{FEFB}",
            "ادارة \u{0627}\u{0654}عمال و\u{0625}دارة المشاريع، اكسل ٢٠١٩",
            "e\u{0301}cole Ｆｕｌｌ ｗｉｄｔｈ ① مُدير",
            " ـ مـــدير  ـ\u{0B} ٣ سنوات\t٢٠١٩-٢٠٢١ ، خبرة؛ ",
            "\x0B\x0C a \r\n b ",
        ] {
            let (mut slow, mut space) = (String::new(), false);
            s.nfkc().for_each(|c| clean_char(c, &mut space, &mut slow));
            drop_kashida(&mut slow);
            assert_eq!(normalize_line(s), slow, "{s:?}");
        }
    }

    #[test]
    fn language_detection() {
        assert_eq!(
            detect_language(["Software engineer at Acme"]),
            DocLanguage::En
        );
        assert_eq!(
            detect_language(["مهندس برمجيات في شركة أكمي"]),
            DocLanguage::Ar
        );
        assert_eq!(
            detect_language(["مهندس برمجيات", "Senior Software Engineer"]),
            DocLanguage::Mixed
        );
    }

    #[test]
    fn folding_unifies_arabic_variants() {
        assert_eq!(fold("إدارة"), fold("ادارة"));
        assert_eq!(fold("JavaScript"), "javascript");
    }
}
