//! The words the builder understands besides free answers: yes/no, the slash commands and the
//! section names of `/edit`, in English and Arabic (`lexicons/builder.toml`).

use jobgate_core::text::{ascii_digits, fold};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use jobgate_core::Section;

/// The parts of the CV the builder asks about, in the order it asks: what `missing_sections` and
/// `/edit` name (by [`Section::as_str`]; `builder-section-<name>` in `locales/`).
pub const SECTIONS: [Section; 12] = [
    Section::Name,
    Section::Email,
    Section::Phone,
    Section::Location,
    Section::Headline,
    Section::Summary,
    Section::Experience,
    Section::Education,
    Section::Skills,
    Section::Languages,
    Section::Certifications,
    Section::Projects,
];

fn asked(id: &str) -> Option<Section> {
    Section::from_name(id).filter(|s| SECTIONS.contains(s))
}

/// What `/edit` may name: one section, or the whole contact block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditTarget {
    Section(Section),
    Contact,
}

/// A slash command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Back,
    Skip,
    /// `/edit SECTION [N]`: the raw argument.
    Edit(String),
    Review,
    Done,
    Accept,
    Unknown(String),
}

#[derive(Debug, Deserialize)]
struct WordsFile {
    yes: Vec<String>,
    no: Vec<String>,
    commands: BTreeMap<String, Vec<String>>,
    sections: BTreeMap<String, Vec<String>>,
}

struct Words {
    yes: Vec<String>,
    no: Vec<String>,
    commands: Vec<(String, String)>,
    sections: Vec<(String, String)>,
}

fn norm(s: &str) -> String {
    fold(s)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '،' | ','))
        .to_string()
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let file: WordsFile = toml::from_str(include_str!("../../../lexicons/builder.toml"))
            .expect("lexicons/builder.toml is valid (tested)");
        let flat = |m: &BTreeMap<String, Vec<String>>| {
            m.iter()
                .flat_map(|(k, vs)| vs.iter().map(move |v| (norm(v), k.clone())))
                .collect()
        };
        Words {
            yes: file.yes.iter().map(|w| norm(w)).collect(),
            no: file.no.iter().map(|w| norm(w)).collect(),
            commands: flat(&file.commands),
            sections: flat(&file.sections),
        }
    })
}

/// `Some(true)` for a yes word, `Some(false)` for a no word, else `None`.
pub fn yes_no(input: &str) -> Option<bool> {
    let w = words();
    let s = norm(input);
    if w.yes.contains(&s) {
        Some(true)
    } else if w.no.contains(&s) {
        Some(false)
    } else {
        None
    }
}

/// True for a "no" / "none" answer.
pub fn is_no(input: &str) -> bool {
    yes_no(input) == Some(false)
}

/// The command in `input` when it starts with a slash.
pub fn command(input: &str) -> Option<Command> {
    let input = input.trim();
    if !input.starts_with('/') {
        return None;
    }
    let (head, rest) = input.split_once(char::is_whitespace).unwrap_or((input, ""));
    let head_n = norm(head);
    let name = words()
        .commands
        .iter()
        .find(|(alias, _)| *alias == head_n)
        .map(|(_, name)| name.as_str());
    Some(match name {
        Some("back") => Command::Back,
        Some("skip") => Command::Skip,
        Some("edit") => Command::Edit(rest.trim().to_string()),
        Some("review") => Command::Review,
        Some("done") => Command::Done,
        Some("accept") => Command::Accept,
        _ => Command::Unknown(head.to_string()),
    })
}

/// Parses the argument of `/edit`: a section name and an optional 1-based entry number.
pub fn edit_target(arg: &str) -> Option<(EditTarget, Option<usize>)> {
    let arg = ascii_digits(arg.trim());
    let (name, number) = match arg.rsplit_once(char::is_whitespace) {
        Some((n, num)) if num.parse::<usize>().is_ok() => (n.trim(), num.parse::<usize>().ok()),
        _ => (arg.as_str(), None),
    };
    let n = norm(name);
    let id = words()
        .sections
        .iter()
        .find(|(alias, _)| *alias == n)
        .map(|(_, id)| id.as_str())?;
    let target = if id == "contact" {
        EditTarget::Contact
    } else {
        EditTarget::Section(asked(id)?)
    };
    Some((target, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_both_languages() {
        for y in ["yes", "Y", "نعم", "أجل"] {
            assert_eq!(yes_no(y), Some(true), "{y}");
        }
        for n in ["no", "N", "لا", "لا يوجد", "None."] {
            assert_eq!(yes_no(n), Some(false), "{n}");
        }
        assert_eq!(yes_no("maybe"), None);
    }

    #[test]
    fn every_section_asked_about_has_a_name_in_both_languages() {
        for lang in jobgate_core::Lang::ALL {
            let loc = jobgate_core::i18n::Localizer::get(lang);
            for s in SECTIONS {
                assert!(loc.has(&format!("builder-section-{s}")), "{lang:?}: {s}");
            }
        }
        assert_eq!(asked("header"), None, "not a part the builder asks about");
        assert_eq!(asked("skills"), Some(Section::Skills));
    }

    #[test]
    fn commands_and_sections() {
        assert_eq!(command("/back"), Some(Command::Back));
        assert_eq!(command("/رجوع"), Some(Command::Back));
        assert_eq!(
            command("/edit experience"),
            Some(Command::Edit("experience".into()))
        );
        assert_eq!(command("hello"), None);
        assert_eq!(command("/fly"), Some(Command::Unknown("/fly".into())));
        assert_eq!(
            edit_target("experience 2"),
            Some((EditTarget::Section(Section::Experience), Some(2)))
        );
        assert_eq!(
            edit_target("الخبرة ٢"),
            Some((EditTarget::Section(Section::Experience), Some(2)))
        );
        assert_eq!(edit_target("contact"), Some((EditTarget::Contact, None)));
        assert_eq!(edit_target("nonsense"), None);
    }
}
