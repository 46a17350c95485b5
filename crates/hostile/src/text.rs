//! Plain CV text for the parser (what extraction gives as lines).

/// Language names used to fill long lists.
pub const LANGUAGES: [&str; 12] = [
    "English", "Arabic", "French", "German", "Spanish", "Italian", "Turkish", "Urdu", "Hindi",
    "Persian", "Russian", "Chinese",
];

/// Class "quadratic list splitting": a `Languages` heading followed by one line of `n` languages
/// separated by commas (and a few other separators a list splitter looks for).
pub fn long_languages_line(n: usize) -> String {
    format!(
        "Jane Doe\njane@example.com\nLanguages\n{}\n",
        language_list(n)
    )
}

/// `n` language names with levels, joined by `, `, `; ` and ` | ` in turn.
pub fn language_list(n: usize) -> String {
    let seps = [", ", "; ", " | "];
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push_str(seps[i % seps.len()]);
        }
        s.push_str(LANGUAGES[i % LANGUAGES.len()]);
        if i % 4 == 1 {
            s.push_str(" (fluent)");
        }
    }
    s
}

/// Class "quadratic word splits": a `Languages` heading and one line of `n` words with only spaces
/// between them (a name/level splitter that tries every split point of a token is quadratic).
pub fn long_spaced_languages_line(n: usize) -> String {
    let words: Vec<&str> = (0..n)
        .map(|i| if i % 2 == 0 { "English" } else { "fluent" })
        .collect();
    format!(
        "Jane Doe\njane@example.com\nLanguages\n{}\n",
        words.join(" ")
    )
}

/// Class "one very long line": a `Skills` heading and one line of `n` comma-separated skills.
pub fn long_skills_line(n: usize) -> String {
    let skills = [
        "Rust",
        "SQL",
        "Python",
        "Excel",
        "Project management",
        "Git",
    ];
    let list: Vec<&str> = (0..n).map(|i| skills[i % skills.len()]).collect();
    format!("Jane Doe\njane@example.com\nSkills\n{}\n", list.join(", "))
}

/// Class "very many lines": a CV whose experience section has `n` lines (bullets, dates, titles).
pub fn many_lines(n: usize) -> String {
    let mut s = String::from("Jane Doe\njane@example.com\n+1 555 123 4567\nExperience\n");
    for i in 0..n {
        match i % 4 {
            0 => s.push_str(&format!("Engineer at Company {i}\n")),
            1 => s.push_str("Jan 2019 - Mar 2021\n"),
            2 => s.push_str("• Built things with Rust and SQL\n"),
            _ => s.push_str("Languages: English, Arabic\n"),
        }
    }
    s
}

/// Class "one line without separators": `n` characters of one word-like run (no spaces, commas).
pub fn long_word(n: usize) -> String {
    format!("Jane Doe\nSkills\n{}\n", "a".repeat(n))
}
