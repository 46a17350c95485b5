//! The plain-text copy: the same blocks as the DOCX and PDF, one per line, UTF-8, no layout, no
//! bidi controls (a text file has no direction; viewers apply the Unicode bidi algorithm per line).

use crate::model::{Block, CONTACT_SEPARATOR, Doc};
use crate::template::Template;

/// Renders `doc` as plain text (ends with a newline).
pub fn render(doc: &Doc, template: &Template) -> Vec<u8> {
    let mut out = String::new();
    let mut previous_was_heading_or_top = true;
    for block in &doc.blocks {
        match block {
            Block::Name(s) | Block::Headline(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Block::Contact(items) => {
                out.push_str(&items.join(CONTACT_SEPARATOR));
                out.push('\n');
            }
            Block::Heading(_, h) => {
                out.push('\n');
                out.push_str(&heading_text(h, template));
                out.push('\n');
                previous_was_heading_or_top = true;
                continue;
            }
            Block::Entry { title, org, dates } => {
                if !previous_was_heading_or_top {
                    out.push('\n');
                }
                out.push_str(title);
                out.push('\n');
                let second = [org.as_str(), dates.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(CONTACT_SEPARATOR);
                if !second.is_empty() {
                    out.push_str(&second);
                    out.push('\n');
                }
            }
            Block::Bullet(s) | Block::ShortItem(s) => {
                out.push_str("- ");
                out.push_str(s);
                out.push('\n');
            }
            Block::Text(s) => {
                out.push_str(s);
                out.push('\n');
            }
        }
        previous_was_heading_or_top = false;
    }
    out.into_bytes()
}

/// A section heading as the template shows it (upper case for Latin text when asked).
pub fn heading_text(h: &str, template: &Template) -> String {
    if template.headings.uppercase {
        h.to_uppercase()
    } else {
        h.to_string()
    }
}
