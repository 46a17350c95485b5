//! DOCX reading with `zip` + `quick-xml`: body paragraphs in order, table cells row by row, text boxes
//! (`w:txbxContent`, skipping `mc:Fallback` copies), headers first and footers last, list numbering,
//! heading styles, bold, font sizes, tabs and breaks, hyperlink text and targets.
//!
//! Hostile input is bounded here: every part is inflated through a reader that stops at
//! [`MAX_PART_BYTES`], all parts together at [`MAX_TOTAL_BYTES`] (zip bombs become
//! `CORRUPTED_FILE`), a part named by many relationships is read once, a part holds at most
//! [`MAX_PARAGRAPHS`], XML is streamed (no DTD, no entity
//! expansion: unknown entities are dropped, so an entity bomb is just a few bytes of text), and the
//! walker keeps counters instead of recursing, so deep nesting costs nothing. A truncated archive is
//! read entry by entry from its local headers; what could be read comes back with a `PARTIAL_TEXT`
//! warning. Normalisation, language and the final `Document` are left to the crate root.

use crate::{RawLine, RawPage};
use jobgate_core::error::Result;
use jobgate_core::{JobGateError, PartialCause, Phrase, Reason};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::cell::Cell;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

/// Most bytes one part may inflate to. A CV's document.xml is well under 1 MB.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;

/// Most bytes all the parts read from one file may inflate to together (each part read once,
/// however many relationships name it).
pub const MAX_TOTAL_BYTES: u64 = 24 * 1024 * 1024;

/// Most paragraphs one part may hold (a long CV has a few hundred).
pub const MAX_PARAGRAPHS: usize = 20_000;

/// What a DOCX gave: lines in reading order, hyperlink targets, and whether some of it was unreadable.
pub(crate) struct DocxText {
    pub page: RawPage,
    pub links: Vec<String>,
    pub partial: Option<PartialCause>,
}

/// Reads a DOCX held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<DocxText> {
    match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => read_archive(archive),
        Err(e) => read_damaged(bytes, &e.to_string()),
    }
}

/// A damaged archive; `detail` is the zip library's own account, kept for support.
fn damaged_archive(detail: impl std::fmt::Display) -> JobGateError {
    JobGateError::corrupted(Reason::new("reason-docx-damaged").with_technical(detail))
}

/// A document whose parts inflate past the per-file budget.
fn bomb() -> JobGateError {
    JobGateError::corrupted(Phrase::new("reason-docx-bomb").value("mb", MAX_PART_BYTES >> 20))
}

/// A reader that fails once more than `left` bytes of this part, or more than the file's shared
/// budget, have come through (inflation caps).
struct Capped<'a, R> {
    inner: R,
    left: u64,
    total: &'a Cell<u64>,
}

impl<'a, R> Capped<'a, R> {
    fn new(inner: R, total: &'a Cell<u64>) -> Self {
        Capped {
            inner,
            left: MAX_PART_BYTES,
            total,
        }
    }
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.left.min(self.total.get());
        let want = buf
            .len()
            .min(left.saturating_add(1).min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > left {
            // Past a cap the whole file is refused: later parts see an empty budget.
            self.total.set(0);
            return Err(std::io::Error::other(BOMB));
        }
        self.left -= n as u64;
        self.total.set(self.total.get() - n as u64);
        Ok(n)
    }
}

const BOMB: &str = "its parts inflate beyond the 16 MB limit (zip bomb?)";

fn zip_error(e: zip::result::ZipError) -> JobGateError {
    let text = e.to_string();
    if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
        JobGateError::EncryptedFile
    } else {
        damaged_archive(text)
    }
}

fn read_archive<R: Read + std::io::Seek>(mut archive: zip::ZipArchive<R>) -> Result<DocxText> {
    let total = Cell::new(MAX_TOTAL_BYTES);
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let styles = match names.iter().any(|n| n == "word/styles.xml") {
        true => {
            let f = archive.by_name("word/styles.xml").map_err(zip_error)?;
            check_size(f.size())?;
            read_styles(BufReader::new(Capped::new(f, &total)))?
        }
        false => Styles::default(),
    };
    let rels = match names.iter().any(|n| n == "word/_rels/document.xml.rels") {
        true => {
            let f = archive
                .by_name("word/_rels/document.xml.rels")
                .map_err(zip_error)?;
            check_size(f.size())?;
            read_rels(BufReader::new(Capped::new(f, &total)))
        }
        false => HashMap::new(),
    };
    let body = {
        let f = archive.by_name("word/document.xml").map_err(|e| match e {
            zip::result::ZipError::FileNotFound => {
                JobGateError::corrupted(Reason::new("reason-docx-no-body"))
            }
            e => zip_error(e),
        })?;
        check_size(f.size())?;
        walk(BufReader::new(Capped::new(f, &total)), &styles)?
    };
    // Headers and footers in the order the relationships name them (default, first, even).
    let mut header_parts: Vec<&String> = Vec::new();
    let mut footer_parts: Vec<&String> = Vec::new();
    let mut rel_targets: Vec<(&String, &Rel)> = rels.iter().collect();
    rel_targets.sort_by(|a, b| a.0.cmp(b.0));
    for (_, rel) in &rel_targets {
        if rel.kind.ends_with("/header") {
            header_parts.push(&rel.target);
        } else if rel.kind.ends_with("/footer") {
            footer_parts.push(&rel.target);
        }
    }
    let mut partial = body.partial.clone();
    // A part named by many relationships is read once.
    let mut read_before = std::collections::HashSet::new();
    let mut read_parts =
        |parts: &[&String], archive: &mut zip::ZipArchive<R>| -> Result<Vec<Para>> {
            let mut out = Vec::new();
            for target in parts {
                let name = format!("word/{}", target.trim_start_matches('/'));
                if !read_before.insert(name.clone()) {
                    continue;
                }
                let Ok(f) = archive.by_name(&name) else {
                    continue;
                };
                if check_size(f.size()).is_err() {
                    partial.get_or_insert(PartialCause::PartTooLarge);
                    continue;
                }
                match walk(BufReader::new(Capped::new(f, &total)), &styles) {
                    Ok(part) => out.extend(part.paras),
                    // Over the file's budget: the whole file is refused, as for the body.
                    Err(_) if total.get() == 0 => return Err(bomb()),
                    Err(_) => {
                        partial.get_or_insert(PartialCause::PartDamaged);
                    }
                }
            }
            Ok(out)
        };
    let headers = read_parts(&header_parts, &mut archive)?;
    let footers = read_parts(&footer_parts, &mut archive)?;

    let mut lines: Vec<RawLine> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &headers {
        for l in p.lines() {
            if seen.insert(l.text.clone()) {
                lines.push(l);
            }
        }
    }
    for p in &body.paras {
        lines.extend(p.lines());
    }
    for p in &footers {
        for l in p.lines() {
            if seen.insert(l.text.clone()) {
                lines.push(l);
            }
        }
    }
    let mut links = Vec::new();
    for id in &body.link_ids {
        if let Some(rel) = rels.get(id)
            && rel.external
            && !links.contains(&rel.target)
        {
            links.push(rel.target.clone());
        }
    }
    Ok(DocxText {
        page: RawPage { lines },
        links,
        partial,
    })
}

fn check_size(declared: u64) -> Result<()> {
    if declared > MAX_PART_BYTES {
        Err(bomb())
    } else {
        Ok(())
    }
}

/// A DOCX whose central directory is missing (truncated download): read local entries in order.
fn read_damaged(bytes: &[u8], why: &str) -> Result<DocxText> {
    let total = Cell::new(MAX_TOTAL_BYTES);
    let mut cursor = Cursor::new(bytes);
    loop {
        let file = match zip::read::read_zipfile_from_stream(&mut cursor) {
            Ok(Some(f)) => f,
            Ok(None) | Err(_) => break,
        };
        if file
            .name()
            .map(|n| n == "word/document.xml")
            .unwrap_or(false)
        {
            let body = walk(
                BufReader::new(Capped::new(file, &total)),
                &Styles::default(),
            )?;
            let lines: Vec<RawLine> = body.paras.iter().flat_map(Para::lines).collect();
            if lines.is_empty() {
                break;
            }
            return Ok(DocxText {
                page: RawPage { lines },
                links: Vec::new(),
                partial: Some(PartialCause::DamagedArchive),
            });
        }
    }
    Err(damaged_archive(why))
}

// ---------------------------------------------------------------------------------------------
// Relationships and styles

struct Rel {
    target: String,
    kind: String,
    external: bool,
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    for a in e.attributes().flatten() {
        if a.key.local_name().as_ref() == local {
            return Some(unescape(&a.value));
        }
    }
    None
}

/// Predefined XML entities and character references; anything else is dropped (no DTD expansion).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        match rest.find(';') {
            Some(j) => {
                push_entity(&mut out, &rest[..j]);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends the character an XML entity (`amp`, `#x41`, `#65`…) names; unknown and NUL ones are dropped.
pub(crate) fn push_entity(out: &mut String, name: &str) {
    match name {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        _ => {
            let code = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = name.strip_prefix('#') {
                d.parse().ok()
            } else {
                None
            };
            if let Some(c) = code.and_then(char::from_u32).filter(|c| *c != '\0') {
                out.push(c);
            }
        }
    }
}

fn read_rels(src: impl BufRead) -> HashMap<String, Rel> {
    let mut map = HashMap::new();
    let mut reader = Reader::from_reader(src);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == "Relationship" =>
            {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let kind = attr(&e, "Type").unwrap_or_default();
                    let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                    map.insert(
                        id,
                        Rel {
                            target,
                            kind,
                            external,
                        },
                    );
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    map
}

#[derive(Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    bold: Option<bool>,
    size: Option<f32>,
    outline: bool,
    numbered: bool,
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_size: Option<f32>,
}

impl Styles {
    /// Follows `basedOn` (at most 16 steps, styles can loop) and returns the first value `f` gives.
    fn find<T>(&self, id: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut cur = self.by_id.get(id);
        for _ in 0..16 {
            let s = cur?;
            if let Some(v) = f(s) {
                return Some(v);
            }
            cur = s.based_on.as_deref().and_then(|b| self.by_id.get(b));
        }
        None
    }

    fn is_heading(&self, id: &str) -> bool {
        let by_name = |s: &Style| {
            let n = s.name.to_lowercase();
            (n.starts_with("heading") || n == "title" || n == "subtitle" || s.outline)
                .then_some(true)
        };
        let lid = id.to_lowercase();
        lid.starts_with("heading") || lid == "title" || self.find(id, by_name).unwrap_or(false)
    }

    fn is_list(&self, id: &str) -> bool {
        let lid = id.to_lowercase();
        lid.contains("list")
            || self
                .find(id, |s| {
                    (s.numbered || s.name.to_lowercase().contains("list bullet")).then_some(true)
                })
                .unwrap_or(false)
    }
}

fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

fn half_points(e: &BytesStart<'_>) -> Option<f32> {
    attr(e, "val")
        .and_then(|v| v.parse::<f32>().ok())
        .map(|v| v / 2.0)
        .filter(|v| *v > 0.0 && *v < 500.0)
}

fn read_styles(src: impl BufRead) -> Result<Styles> {
    let mut styles = Styles::default();
    let mut reader = Reader::from_reader(src);
    let mut buf = Vec::new();
    let mut cur: Option<(String, Style)> = None;
    let mut in_defaults = false;
    loop {
        let ev = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(quick_xml::Error::Io(e)) if e.to_string().contains(BOMB) => {
                return Err(bomb());
            }
            Err(_) => break,
        };
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    cur = attr(&e, "styleId").map(|id| (id, Style::default()));
                }
                "docDefaults" => in_defaults = true,
                "name" => {
                    if let (Some((_, s)), Some(v)) = (cur.as_mut(), attr(&e, "val")) {
                        s.name = v;
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "b" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.bold = Some(on_off(&e));
                    }
                }
                "sz" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.size = half_points(&e);
                    } else if in_defaults {
                        styles.default_size = half_points(&e);
                    }
                }
                "outlineLvl" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.outline = attr(&e, "val").is_some_and(|v| v != "9");
                    }
                }
                "numPr" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.numbered = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "style" => {
                    if let Some((id, s)) = cur.take() {
                        styles.by_id.insert(id, s);
                    }
                }
                "docDefaults" => in_defaults = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

// ---------------------------------------------------------------------------------------------
// The body walker

/// One paragraph as it is being read.
#[derive(Default)]
struct Para {
    text: String,
    /// Every run that carried text was bold.
    all_bold: bool,
    has_text_run: bool,
    size: Option<f32>,
    heading: bool,
    bullet: bool,
}

impl Para {
    fn new() -> Para {
        Para {
            all_bold: true,
            ..Para::default()
        }
    }

    fn lines(&self) -> Vec<RawLine> {
        self.text
            .split('\n')
            .filter(|t| !t.trim().is_empty())
            .map(|t| RawLine {
                text: t.to_string(),
                font_size: self.size,
                bold: self.has_text_run && self.all_bold,
                heading_hint: self.heading,
                bullet: self.bullet,
                column: 0,
            })
            .collect()
    }
}

struct Part {
    paras: Vec<Para>,
    link_ids: Vec<String>,
    partial: Option<PartialCause>,
}

/// Run properties being read.
#[derive(Default)]
struct Run {
    bold: Option<bool>,
    size: Option<f32>,
    hidden: bool,
    style_bold: Option<bool>,
}

fn walk(src: impl BufRead, styles: &Styles) -> Result<Part> {
    let mut reader = Reader::from_reader(src);
    {
        let cfg = reader.config_mut();
        cfg.check_end_names = false;
        cfg.allow_dangling_amp = true;
    }
    let mut buf = Vec::new();
    let mut out = Part {
        paras: Vec::new(),
        link_ids: Vec::new(),
        partial: None,
    };
    let mut stack: Vec<Para> = Vec::new();
    let mut para_style: Vec<Option<String>> = Vec::new();
    let mut skip = 0u32; // depth inside mc:Fallback
    let mut ppr = 0u32; // depth inside w:pPr
    let mut run = Run::default();
    let mut in_run = 0u32;
    let mut in_rpr = false;
    let mut in_t = false;
    loop {
        let ev = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(quick_xml::Error::Io(e)) if e.to_string().contains(BOMB) => {
                return Err(bomb());
            }
            Err(_) => {
                out.partial = Some(PartialCause::DamagedText);
                break;
            }
        };
        let (start, empty) = match &ev {
            Event::Start(_) => (true, false),
            Event::Empty(_) => (true, true),
            _ => (false, false),
        };
        if skip > 0 {
            match ev {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
            continue;
        }
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) if start => {
                let name = e.local_name();
                match name.as_ref() {
                    "Fallback" if !empty => skip = 1,
                    "p" if !empty => {
                        stack.push(Para::new());
                        para_style.push(None);
                    }
                    "pPr" if !empty => ppr += 1,
                    "pStyle" if ppr > 0 => {
                        if let (Some(p), Some(id)) = (stack.last_mut(), attr(e, "val")) {
                            p.heading |= styles.is_heading(&id);
                            p.bullet |= styles.is_list(&id);
                            if p.size.is_none() {
                                p.size = styles.find(&id, |s| s.size);
                            }
                            if let Some(slot) = para_style.last_mut() {
                                *slot = Some(id);
                            }
                        }
                    }
                    "numPr" if ppr > 0 => {
                        if let Some(p) = stack.last_mut() {
                            p.bullet = true;
                        }
                    }
                    "outlineLvl" if ppr > 0 => {
                        if let Some(p) = stack.last_mut() {
                            p.heading |= attr(e, "val").is_some_and(|v| v != "9");
                        }
                    }
                    "r" if !empty && ppr == 0 => {
                        in_run += 1;
                        let style_bold = para_style
                            .last()
                            .and_then(|s| s.as_deref())
                            .and_then(|id| styles.find(id, |s| s.bold));
                        run = Run {
                            style_bold,
                            ..Run::default()
                        };
                    }
                    "rPr" if !empty && in_run > 0 && ppr == 0 => in_rpr = true,
                    "rStyle" if in_rpr => {
                        if let Some(id) = attr(e, "val") {
                            if let Some(b) = styles.find(&id, |s| s.bold) {
                                run.style_bold = Some(b);
                            }
                            if run.size.is_none() {
                                run.size = styles.find(&id, |s| s.size);
                            }
                        }
                    }
                    "b" | "bCs" if in_rpr => {
                        let b = on_off(e);
                        run.bold = Some(run.bold.unwrap_or(false) || b);
                    }
                    "sz" if in_rpr => run.size = half_points(e),
                    "vanish" if in_rpr => run.hidden = on_off(e),
                    "t" if !empty && in_run > 0 && !run.hidden => in_t = true,
                    "tab" | "ptab" if in_run > 0 && ppr == 0 && !in_rpr => push(&mut stack, " "),
                    "br" | "cr" if in_run > 0 && !in_rpr => push(&mut stack, "\n"),
                    "noBreakHyphen" if in_run > 0 => push(&mut stack, "-"),
                    "hyperlink" => {
                        if let Some(id) = attr(e, "id") {
                            out.link_ids.push(id);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                "p" => {
                    if let Some(p) = stack.pop() {
                        out.paras.push(p);
                        if out.paras.len() > MAX_PARAGRAPHS {
                            return Err(JobGateError::corrupted(
                                Phrase::new("reason-docx-too-many-paragraphs")
                                    .value("max", MAX_PARAGRAPHS),
                            ));
                        }
                    }
                    para_style.pop();
                }
                "pPr" => ppr = ppr.saturating_sub(1),
                "r" => {
                    in_run = in_run.saturating_sub(1);
                    in_t = false;
                }
                "rPr" => in_rpr = false,
                "t" => in_t = false,
                _ => {}
            },
            Event::Text(ref t) if in_t => {
                let s: &str = t;
                add_text(&mut stack, &run, s, styles);
            }
            Event::CData(ref t) if in_t => {
                let s: &str = t.as_ref();
                add_text(&mut stack, &run, s, styles);
            }
            Event::GeneralRef(ref r) if in_t => {
                let mut s = String::new();
                push_entity(&mut s, r);
                add_text(&mut stack, &run, &s, styles);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // A truncated document leaves paragraphs open: keep what they hold.
    while let Some(p) = stack.pop() {
        out.paras.push(p);
    }
    Ok(out)
}

fn push(stack: &mut [Para], s: &str) {
    if let Some(p) = stack.last_mut() {
        p.text.push_str(s);
    }
}

fn add_text(stack: &mut [Para], run: &Run, s: &str, styles: &Styles) {
    let Some(p) = stack.last_mut() else {
        return;
    };
    p.text.push_str(s);
    if !s.trim().is_empty() {
        p.has_text_run = true;
        if !run.bold.or(run.style_bold).unwrap_or(false) {
            p.all_bold = false;
        }
        if let Some(sz) = run.size.or(styles.default_size) {
            p.size = Some(p.size.map_or(sz, |cur: f32| cur.max(sz)));
        }
    }
}
