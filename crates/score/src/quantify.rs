//! Does a bullet state a measurable result? Numbers, percentages, amounts, "x times", number words
//! in English and Arabic ("ضعف", "ثلاث", "مليون").
//!
//! Text is expected normalised (Arabic-Indic digits already ASCII), but digits are mapped again so a
//! hand-made `Cv` works too. Years alone ("since 2019") and digits glued into names ("KS3", "p95",
//! "A8") are not results. Word lists are folded ([`jobgate_core::text::fold`]) before comparing.

use jobgate_core::text::{ascii_digits, fold};

/// English number and multiplier words that state a quantity ("one" is left out: it is mostly a pronoun).
const EN_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "twice",
    "double",
    "doubled",
    "doubling",
    "triple",
    "tripled",
    "tripling",
    "quadrupled",
    "halved",
    "half",
    "percent",
    "per cent",
];

/// Arabic number and multiplier words, folded (أ→ا, ة→ه, ى→ي).
const AR_WORDS: &[&str] = &[
    "ضعف",
    "ضعفين",
    "ضعفي",
    "اضعاف",
    "مضاعفه",
    "مرتين",
    "نصف",
    "ثلث",
    "اثنين",
    "اثنان",
    "اثنتين",
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "سته",
    "سبع",
    "سبعه",
    "ثمان",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "عشرين",
    "عشرات",
    "ثلاثين",
    "اربعين",
    "خمسين",
    "ستين",
    "سبعين",
    "ثمانين",
    "تسعين",
    "مئه",
    "مائه",
    "مئات",
    "مئتين",
    "مائتين",
    "الف",
    "الاف",
    "الفين",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "بالمئه",
    "بالمائه",
];

/// Arabic prefixes that attach to a word (and, with, for, the…), longest first.
const AR_PREFIXES: &[&str] = &[
    "وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل", "ك",
];

const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥', '₹', '﷼'];

/// True when `text` states a number or a measurable result.
pub fn is_quantified(text: &str) -> bool {
    let text = ascii_digits(text);
    if text.contains('%') || text.contains('٪') {
        return true;
    }
    if has_number(&text) {
        return true;
    }
    let folded = fold(&text);
    let tokens: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    for pair in tokens.windows(2) {
        if pair[0] == "per" && pair[1] == "cent" {
            return true;
        }
    }
    tokens
        .iter()
        .any(|t| EN_WORDS.contains(t) || AR_WORDS.contains(t) || ar_prefixed_word(t))
}

fn ar_prefixed_word(token: &str) -> bool {
    AR_PREFIXES.iter().any(|p| {
        token
            .strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && AR_WORDS.contains(&rest))
    })
}

/// A free-standing number that is not a bare year: "480", "2 million", "$1.2M", "40K", "3x", "20+".
fn has_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let end = i;
        let before = start.checked_sub(1).map(|j| chars[j]);
        // Glued to a Latin letter before ("KS3", "p95", "A8"): a name, not a quantity.
        if before.is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        // Letters right after: allowed only as a unit suffix ("40K", "3x", "1.2M", "5bn").
        let mut j = end;
        while j < chars.len() && chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        let suffix: String = chars[end..j]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let suffixed = !suffix.is_empty();
        if suffixed && !matches!(suffix.as_str(), "k" | "m" | "b" | "bn" | "mn" | "x") {
            continue;
        }
        let digits: String = chars[start..end]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let is_year = end - start == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|y| (1950..=2039).contains(&y));
        let currency_before = before.is_some_and(|c| CURRENCY_SYMBOLS.contains(&c))
            || (start >= 2
                && chars[start - 1] == ' '
                && CURRENCY_SYMBOLS.contains(&chars[start - 2]));
        let marked_after = suffixed || chars.get(end).is_some_and(|c| matches!(c, '+' | '%'));
        if !is_year || currency_before || marked_after {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_quantified;

    #[test]
    fn numbers_percentages_and_amounts() {
        for s in [
            "Cut API latency from 480 ms to 120 ms",
            "Raised coverage from 40% to 85%",
            "Saved a client $1.2M annually",
            "Grew followers from 40K to 150K",
            "Made the build 3x faster",
            "Triaged 300+ reports",
            "Managed a USD 600K budget",
            "Delivered the tower two months ahead of schedule",
            "Doubled monthly sales",
        ] {
            assert!(is_quantified(s), "{s}");
        }
    }

    #[test]
    fn arabic_digits_and_number_words() {
        for s in [
            "خفض زمن الاستجابة بنسبة ٤٠٪",
            "رفع المبيعات إلى الضعف",
            "إعداد القوائم المالية لثلاث شركات تابعة",
            "إدارة فريق من 40 عاملًا و3 مقاولين",
            "تدريب عشرات الموظفين الجدد",
            "زيادة الإيرادات مليون ريال",
        ] {
            assert!(is_quantified(s), "{s}");
        }
    }

    #[test]
    fn years_names_and_plain_sentences_are_not_results() {
        for s in [
            "Designed the idempotency layer that removed duplicate charges",
            "Worked on the billing system since 2019",
            "Taught KS3 mathematics",
            "Monitored p95 dashboards",
            "تأسيس نادي القراءة المدرسي",
            "One of the first engineers on the team",
        ] {
            assert!(!is_quantified(s), "{s}");
        }
    }
}
