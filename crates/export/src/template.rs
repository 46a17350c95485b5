//! Export templates as data: `templates/base.toml` plus one `templates/<name>/template.toml` per
//! template that overrides it key by key. Both files are compiled into the binary, so the CLI and the
//! app work from any folder. This module only loads and checks templates; the renderers read them.

use jobgate_core::error::Result;
use jobgate_core::{JobGateError, Phrase, Reason};
use serde::Deserialize;

const BASE: &str = include_str!("../../../templates/base.toml");

/// Every template shipped with Job Gate, in the order they are listed to users.
const SOURCES: [(&str, &str); 3] = [
    (
        "classic",
        include_str!("../../../templates/classic/template.toml"),
    ),
    (
        "modern",
        include_str!("../../../templates/modern/template.toml"),
    ),
    (
        "compact",
        include_str!("../../../templates/compact/template.toml"),
    ),
];

/// One template, after merging its overrides over the base.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    #[serde(skip)]
    pub name: String,
    pub description: Description,
    pub page: Page,
    pub fonts: Fonts,
    pub sizes: Sizes,
    pub spacing: Spacing,
    pub colours: Colours,
    pub header: Header,
    pub headings: Headings,
    pub sections: Sections,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Description {
    pub en: String,
    pub ar: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum PageSize {
    A4,
    Letter,
}

impl PageSize {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub size: PageSize,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub margin_inline: f32,
    pub columns: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    pub latin: String,
    pub arabic: String,
    pub docx_latin: String,
    pub docx_arabic: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub name: f32,
    pub headline: f32,
    pub heading: f32,
    pub entry: f32,
    pub body: f32,
    pub small: f32,
    pub line_height: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    pub after_header: f32,
    pub before_heading: f32,
    pub after_heading: f32,
    pub before_entry: f32,
    pub after_paragraph: f32,
    pub bullet_indent: f32,
}

/// Colours as `RRGGBB` (no `#`), checked at load.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    pub text: String,
    pub muted: String,
    pub accent: String,
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Start,
    Center,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub align: Align,
    pub name_in_accent: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub uppercase: bool,
    pub rule_below: bool,
    pub in_accent: bool,
}

/// The section vocabulary of `jobgate_core`: a template lists the sections that have a heading
/// ([`Section::has_heading`]).
pub use jobgate_core::Section;

/// The Fluent id of a section's heading in an export (`export-heading-<name>`).
pub fn heading_id(section: Section) -> String {
    format!("export-heading-{}", section.as_str())
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    pub order: Vec<Section>,
}

/// Names of the shipped templates.
pub fn names() -> Vec<String> {
    SOURCES.iter().map(|(n, _)| n.to_string()).collect()
}

/// Loads the template called `name` (`TEMPLATE_NOT_FOUND` if there is none).
pub fn load(name: &str) -> Result<Template> {
    let key = name.trim().to_ascii_lowercase();
    let Some((_, source)) = SOURCES.iter().find(|(n, _)| *n == key) else {
        return Err(JobGateError::TemplateNotFound {
            name: name.to_string(),
            available: names(),
        });
    };
    parse(&key, source)
}

/// Merges `source` over the base and checks the result. A faulty template is our bug, reported as
/// `EXPORT_FAILED` with the reason (the shipped ones are checked by the tests).
pub fn parse(name: &str, source: &str) -> Result<Template> {
    // What is wrong in a template is for its author (the shipped ones are checked by the tests): a
    // technical detail after words for the person.
    let bad = |detail: String| {
        JobGateError::export_failed(
            Reason::from(Phrase::new("reason-template-faulty").cv("name", name))
                .with_technical(detail),
        )
    };
    let mut base: toml::Table = BASE.parse().map_err(|e| bad(format!("base: {e}")))?;
    let over: toml::Table = source.parse().map_err(|e| bad(format!("{e}")))?;
    merge(&mut base, over);
    let mut t: Template = toml::Value::Table(base)
        .try_into()
        .map_err(|e| bad(format!("{e}")))?;
    t.name = name.to_string();
    for c in [
        &mut t.colours.text,
        &mut t.colours.muted,
        &mut t.colours.accent,
        &mut t.colours.rule,
    ] {
        let hex = c.trim_start_matches('#').to_ascii_uppercase();
        if hex.len() != 6 || !hex.chars().all(|ch| ch.is_ascii_hexdigit()) {
            return Err(bad(format!("colour {c} is not #RRGGBB")));
        }
        *c = hex;
    }
    if !(1..=2).contains(&t.page.columns) {
        return Err(bad(format!(
            "columns must be 1 or 2, not {}",
            t.page.columns
        )));
    }
    if crate::pdf::fonts::by_name(&t.fonts.latin).is_none()
        || crate::pdf::fonts::by_name(&t.fonts.arabic).is_none()
    {
        return Err(bad(format!(
            "unknown font {} / {} (embedded: {})",
            t.fonts.latin,
            t.fonts.arabic,
            crate::pdf::fonts::NAMES.join(", ")
        )));
    }
    if t.sections.order.is_empty() {
        return Err(bad("no sections".into()));
    }
    if let Some(s) = t.sections.order.iter().find(|s| !s.has_heading()) {
        return Err(bad(format!("{s} is not a section with a heading")));
    }
    Ok(t)
}

/// Deep merge: tables merge key by key, anything else is replaced.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// `RRGGBB` → (r, g, b) in 0..=1.
pub fn rgb(hex: &str) -> (f32, f32, f32) {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f32 / 255.0;
    (c(0), c(2), c(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_template_loads_and_overrides_the_base() {
        for name in names() {
            let t = load(&name).unwrap();
            assert!(!t.description.en.is_empty() && !t.description.ar.is_empty());
        }
        assert_eq!(load("modern").unwrap().colours.accent, "1F5FA8");
        assert_eq!(load("classic").unwrap().colours.accent, "222222");
        assert_eq!(load("compact").unwrap().page.columns, 2);
        // Unchanged keys come from the base.
        assert_eq!(load("modern").unwrap().page.margin_top, 18.0);
    }

    #[test]
    fn every_section_with_a_heading_has_its_heading_in_both_languages() {
        for lang in jobgate_core::Lang::ALL {
            let loc = jobgate_core::i18n::Localizer::get(lang);
            for s in Section::ALL.into_iter().filter(|s| s.has_heading()) {
                assert!(loc.has(&heading_id(s)), "{lang:?}: {s}");
            }
        }
    }

    #[test]
    fn unknown_template_lists_the_available_ones() {
        let e = load("fancy").unwrap_err();
        assert_eq!(e.code().as_str(), "TEMPLATE_NOT_FOUND");
        assert!(format!("{:?}", e.details()).contains("classic"));
    }

    #[test]
    fn faulty_overrides_are_refused_with_a_reason() {
        for src in [
            "[colours]\naccent = \"blue\"",
            "[page]\ncolumns = 3",
            "[fonts]\nlatin = \"Comic Sans\"",
            "[page]\nsize = \"A3\"",
            "[nonsense]\nx = 1",
            "[sections]\norder = [\"summary\", \"email\"]",
        ] {
            let e = parse("t", src).unwrap_err();
            assert_eq!(e.code().as_str(), "EXPORT_FAILED", "{src}");
        }
    }
}
