//! Hostile DOCX files: a valid minimal package (content types, relationships, document) plus one
//! hostile feature.

use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const FOOTER_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";

/// A ZIP archive of `(name, bytes)` entries, deflated.
pub fn zip_parts(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    for (name, bytes) in parts {
        z.start_file(*name, opts).expect("zip entry");
        z.write_all(bytes).expect("write to memory");
    }
    z.finish().expect("finish zip").into_inner()
}

/// One `w:p` with one run of text (XML-escaped).
pub fn para(text: &str) -> String {
    let t = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#)
}

/// A `word/document.xml` holding these paragraphs (already XML).
pub fn document_xml(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
    .into_bytes()
}

/// A DOCX from a body and extra relationships (`(id, type, target)`) and parts.
pub fn docx(body: &str, rels: &[(String, &str, String)], extra: Vec<(&str, Vec<u8>)>) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut doc_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in rels {
        doc_rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        ));
    }
    doc_rels.push_str("</Relationships>");
    let mut parts = vec![
        ("[Content_Types].xml", content_types.as_bytes().to_vec()),
        ("_rels/.rels", root_rels.as_bytes().to_vec()),
        ("word/document.xml", document_xml(body)),
        ("word/_rels/document.xml.rels", doc_rels.into_bytes()),
    ];
    parts.extend(extra);
    zip_parts(&parts)
}

/// The body of a normal short CV.
pub fn cv_body() -> String {
    [
        "Jane Doe",
        "jane@example.com",
        "+1 555 123 4567",
        "Experience",
        "Engineer at Acme, Jan 2019 - Mar 2021",
    ]
    .iter()
    .map(|t| para(t))
    .collect()
}

/// A normal DOCX CV: the control that every guard must leave alone.
pub fn docx_plain() -> Vec<u8> {
    docx(&cv_body(), &[], Vec::new())
}

/// A header part of about `bytes` bytes of XML: paragraphs of text, `distinct` different ones.
fn big_part(root: &str, bytes: usize, distinct: usize) -> Vec<u8> {
    let mut body = String::new();
    let mut i = 0;
    while body.len() < bytes {
        body.push_str(&para(&format!(
            "Header line {} of a shared part",
            i % distinct
        )));
        i += 1;
    }
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:{root} xmlns:w="{W}">{body}</w:{root}>"#)
        .into_bytes()
}

/// Class "one DOCX part referenced many times": `refs` header relationships all name the same
/// 1 MiB header part (compressed to ~20 KB), so reading each reference anew inflates and walks
/// `refs` MiB and keeps `refs` copies of its paragraphs.
pub fn docx_shared_header(refs: usize) -> Vec<u8> {
    let rels: Vec<(String, &str, String)> = (0..refs)
        .map(|i| (format!("rIdH{i}"), HEADER_REL, "header1.xml".to_string()))
        .collect();
    docx(
        &cv_body(),
        &rels,
        vec![("word/header1.xml", big_part("hdr", 1 << 20, 100))],
    )
}

/// Class "many distinct parts, each under the per-part cap": `parts` header and footer parts of
/// `part_bytes` each (highly compressible), so only a total budget stops them.
pub fn docx_many_parts(parts: usize, part_bytes: usize) -> Vec<u8> {
    // One paragraph of `part_bytes` of text: under any paragraph count, only bytes add up.
    let part = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:hdr>"#,
        "word ".repeat(part_bytes / 5)
    )
    .into_bytes();
    let names: Vec<String> = (0..parts).map(|i| format!("word/header{i}.xml")).collect();
    let rels: Vec<(String, &str, String)> = (0..parts)
        .map(|i| {
            let kind = if i % 2 == 0 { HEADER_REL } else { FOOTER_REL };
            (format!("rIdH{i}"), kind, format!("header{i}.xml"))
        })
        .collect();
    let extra = names.iter().map(|n| (n.as_str(), part.clone())).collect();
    docx(&cv_body(), &rels, extra)
}

/// Class "zip bomb in the body": `word/document.xml` inflates to `mb` MB (one run of spaces in a
/// paragraph).
pub fn docx_body_bomb(mb: usize) -> Vec<u8> {
    let filler = " ".repeat(mb << 20);
    let body = format!("{}<w:p><w:r><w:t>{filler}</w:t></w:r></w:p>", cv_body());
    docx(&body, &[], Vec::new())
}

/// Class "quadratic list splitting" in a DOCX: a `Languages` heading and one paragraph listing `n`
/// languages.
pub fn docx_long_languages_line(n: usize) -> Vec<u8> {
    let body = format!(
        "{}{}{}",
        cv_body(),
        para("Languages"),
        para(&crate::text::language_list(n))
    );
    docx(&body, &[], Vec::new())
}

/// Class "very many paragraphs": `n` short paragraphs after the CV.
pub fn docx_many_paragraphs(n: usize) -> Vec<u8> {
    let mut body = cv_body();
    body.push_str(&para("Experience"));
    for i in 0..n {
        body.push_str(&para(&format!("• Did task number {i} with Rust")));
    }
    docx(&body, &[], Vec::new())
}

/// Class "very many runs in one paragraph": one paragraph of `n` one-word runs (a long line built
/// piece by piece).
pub fn docx_many_runs(n: usize) -> Vec<u8> {
    let mut p = String::from("<w:p>");
    for i in 0..n {
        p.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{} </w:t></w:r>"#,
            crate::text::LANGUAGES[i % crate::text::LANGUAGES.len()]
        ));
    }
    p.push_str("</w:p>");
    let body = format!("{}{}{p}", cv_body(), para("Languages"));
    docx(&body, &[], Vec::new())
}

/// Class "deep XML nesting": the body's paragraph inside `depth` nested tables/cells.
pub fn docx_deep_tables(depth: usize) -> Vec<u8> {
    let open = "<w:tbl><w:tr><w:tc>";
    let close = "</w:tc></w:tr></w:tbl>";
    let body = format!(
        "{}{}{}{}",
        cv_body(),
        open.repeat(depth),
        para("deep"),
        close.repeat(depth)
    );
    docx(&body, &[], Vec::new())
}
