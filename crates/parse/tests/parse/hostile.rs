//! Hostile text from `jobgate-hostile`: very long lines and lists are parsed in linear time (a
//! quadratic pass would make these tests run for minutes) and still give a sensible CV.

use jobgate_core::Document;
use jobgate_hostile::text;

#[test]
fn a_languages_line_of_100000_items_gives_each_language_once() {
    let doc = Document::from_text(&text::long_languages_line(100_000));
    let cv = jobgate_parse::parse(&doc).cv;
    assert_eq!(cv.personal_info.name, "Jane Doe");
    assert_eq!(
        cv.languages.len(),
        text::LANGUAGES.len(),
        "{:?}",
        cv.languages
    );
}

#[test]
fn a_languages_line_of_100000_words_without_separators_is_parsed() {
    let doc = Document::from_text(&text::long_spaced_languages_line(100_000));
    let cv = jobgate_parse::parse(&doc).cv;
    assert_eq!(cv.personal_info.name, "Jane Doe");
}

#[test]
fn a_skills_line_of_100000_items_gives_each_skill_once() {
    let doc = Document::from_text(&text::long_skills_line(100_000));
    let cv = jobgate_parse::parse(&doc).cv;
    assert_eq!(cv.skills.len(), 6, "{:?}", cv.skills);
}

#[test]
fn a_word_of_a_million_letters_is_parsed() {
    let doc = Document::from_text(&text::long_word(1_000_000));
    assert_eq!(jobgate_parse::parse(&doc).cv.personal_info.name, "Jane Doe");
}
