//! Linear checks of a PDF before pdf_oxide parses it, for what the library would otherwise do
//! without bound: its object and content parsers recurse once per nested array or dictionary (a
//! file nested 10,000 deep overflows the stack), and it concatenates a page's content streams anew
//! for every reference (one stream named 20,000 times is gigabytes).
//!
//! [`check_file`] walks the file's bytes once, outside strings, comments and stream data, counting
//! the nesting of `[` and `<<`; object streams (`/ObjStm`, where compressed objects hide) are
//! inflated within the document's [`Budget`] and walked the same way. [`check_page`] inflates each
//! content stream of a page and each form it can draw once, walks them for nesting, and charges
//! the budget with the page's content as the library will assemble it (a stream once per reference).

use jobgate_core::Phrase;
use pdf_oxide::object::{Object, ObjectRef};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Deepest nesting of arrays and dictionaries accepted (a CV's PDF rarely goes past 10).
pub const MAX_NESTING: usize = 64;

/// Most decoded bytes of object streams and content one document may hold (a CV's is under 2 MB).
pub const MAX_DECODED_BYTES: usize = 64 << 20;

/// Most strings the content streams of one page may show (a dense CV page drawn glyph by glyph has
/// a few thousand).
pub const MAX_TEXT_OBJECTS: usize = 20_000;

/// Most bytes of shown strings on one page (a dense CV page has under 30 KB).
pub const MAX_PAGE_TEXT_BYTES: usize = 512 << 10;

/// Deepest graphics-state nesting (`q` … `Q`) a page's content may reach (CVs stay under 20).
pub const MAX_SAVES: usize = 10_000;

/// Most forms (`/XObject /Subtype /Form`) a page may reach.
const MAX_FORMS: usize = 2_000;

/// Decoded bytes left for one document.
pub(crate) struct Budget {
    left: usize,
    /// Decoded sizes and text objects of the streams already inflated, by object.
    sizes: HashMap<ObjectRef, (usize, Counts)>,
    /// Forms already checked.
    forms: HashSet<ObjectRef>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            left: MAX_DECODED_BYTES,
            sizes: HashMap::new(),
            forms: HashSet::new(),
        }
    }
}

impl Budget {
    fn charge(&mut self, n: usize) -> Result<(), Phrase> {
        self.left = self.left.checked_sub(n).ok_or_else(|| {
            Phrase::new("reason-pdf-decoded-too-large").value("mb", MAX_DECODED_BYTES >> 20)
        })?;
        Ok(())
    }
}

/// Walks the file's bytes: nesting depth, and the objects inside object streams.
pub(crate) fn check_file(bytes: &[u8], budget: &mut Budget) -> Result<(), Phrase> {
    walk(bytes, Mode::File, budget).map(|_| ())
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// The file itself: streams are skipped, object streams inflated and walked.
    File,
    /// Objects from an object stream.
    Objects,
    /// A content stream: inline image data is skipped.
    Content,
}

fn too_deep() -> Phrase {
    Phrase::new("reason-pdf-nested").value("max", MAX_NESTING)
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0
}

/// True when `word` stands at `i` as a keyword of its own.
fn keyword_at(data: &[u8], i: usize, word: &[u8]) -> bool {
    data[i..].starts_with(word)
        && (i == 0 || is_delimiter(data[i - 1]))
        && data.get(i + word.len()).is_none_or(|b| is_delimiter(*b))
}

fn find_from(data: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= data.len() {
        match data[i..].iter().position(|b| *b == first) {
            Some(p) => i += p,
            None => return None,
        }
        if data[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The end of a literal string starting at `i` (its `(`): balanced parentheses, backslash escapes.
/// A string that never closes ends at the next `endobj`, so an unbalanced `(` cannot hide the rest
/// of the file from the walk.
fn skip_string(data: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut k = i;
    while k < data.len() {
        match data[k] {
            b'\\' => k += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            b'e' if data[k..].starts_with(b"endobj") => return k,
            _ => {}
        }
        k += 1;
    }
    data.len()
}

/// What a content stream does that costs the library per occurrence.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Counts {
    /// Strings shown (literal or hex): every piece of text is at least one.
    texts: usize,
    /// Bytes of those strings.
    text_bytes: usize,
    /// Deepest graphics-state nesting (`q` without its `Q`).
    saves: usize,
}

/// Walks bytes for nesting; counts what a content stream does.
fn walk(data: &[u8], mode: Mode, budget: &mut Budget) -> Result<Counts, Phrase> {
    let mut depth = 0usize;
    let mut counts = Counts::default();
    let mut saved = 0usize;
    // Where the last dictionary opened at depth 0 began: a stream's own dictionary.
    let mut dict_start = 0usize;
    let n = data.len();
    let mut i = 0;
    while i < n {
        match data[i] {
            b'%' => {
                while i < n && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let end = skip_string(data, i);
                counts.texts += 1;
                counts.text_bytes += end - i;
                i = end;
                continue;
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                if depth == 0 {
                    dict_start = i;
                }
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_deep());
                }
                i += 2;
                continue;
            }
            b'<' => {
                // A hex string holds hex digits and spaces only; anything else ends it.
                let start = i;
                i += 1;
                while i < n && (data[i].is_ascii_hexdigit() || data[i].is_ascii_whitespace()) {
                    i += 1;
                }
                counts.texts += 1;
                counts.text_bytes += (i - start) / 2;
                continue;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 2;
                continue;
            }
            b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_deep());
                }
            }
            b']' => depth = depth.saturating_sub(1),
            b's' if mode == Mode::File && keyword_at(data, i, b"stream") => {
                let mut start = i + 6;
                if data.get(start) == Some(&b'\r') {
                    start += 1;
                }
                if data.get(start) == Some(&b'\n') {
                    start += 1;
                }
                let dict = &data[dict_start.min(i)..i];
                // The data ends where a direct `/Length` says when `endstream` stands there (as
                // the library reads it); otherwise at the next `endstream`.
                let end = direct_length(dict)
                    .map(|len| start.saturating_add(len))
                    .filter(|&e| {
                        e <= n && {
                            let rest = &data[e..];
                            let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
                            rest[skip..].starts_with(b"endstream")
                        }
                    })
                    .or_else(|| find_from(data, start, b"endstream"))
                    .unwrap_or(n);
                if find_from(dict, 0, b"/ObjStm").is_some() {
                    let objects = inflate(dict, &data[start..end], budget)?;
                    walk(&objects, Mode::Objects, budget)?;
                }
                depth = 0;
                i = end + 9;
                continue;
            }
            b'q' if mode == Mode::Content && keyword_at(data, i, b"q") => {
                saved += 1;
                counts.saves = counts.saves.max(saved);
            }
            b'Q' if mode == Mode::Content && keyword_at(data, i, b"Q") => {
                saved = saved.saturating_sub(1)
            }
            b'I' if mode == Mode::Content && keyword_at(data, i, b"ID") => {
                // Inline image data runs to an `EI` between white space.
                let mut k = i + 3;
                while k + 2 <= n
                    && !(data[k..].starts_with(b"EI")
                        && data[k - 1].is_ascii_whitespace()
                        && data.get(k + 2).is_none_or(|b| is_delimiter(*b)))
                {
                    k += 1;
                }
                i = k + 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(counts)
}

/// A stream's `/Length` when it is a direct number (`/Length 120`, not `/Length 7 0 R`).
fn direct_length(dict: &[u8]) -> Option<usize> {
    // `/Length`, not `/Length1` (font programs have both).
    let mut from = 0;
    let at = loop {
        let at = find_from(dict, from, b"/Length")?;
        if dict.get(at + 7).is_none_or(|b| is_delimiter(*b)) {
            break at;
        }
        from = at + 7;
    };
    let rest = &dict[at + 7..];
    let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = &rest[digits..];
    let after = &after[after.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    // `7 0 R` is a reference: a second number follows.
    if digits == 0 || after.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

/// The filter names of a stream, from its dictionary's raw bytes (`/Filter /F` or `/Filter [/A /B]`).
fn filters_in(dict: &[u8]) -> Vec<&[u8]> {
    let Some(at) = find_from(dict, 0, b"/Filter") else {
        return Vec::new();
    };
    let rest = &dict[at + 7..];
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let rest = &rest[start..];
    let value = if rest.first() == Some(&b'[') {
        &rest[1..rest.iter().position(|b| *b == b']').unwrap_or(rest.len())]
    } else {
        let end = rest
            .iter()
            .skip(1)
            .position(|b| is_delimiter(*b))
            .map_or(rest.len(), |p| p + 1);
        &rest[..end]
    };
    value
        .split(|b| *b == b'/' || b.is_ascii_whitespace())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Inflates an object stream within the budget; one with another filter cannot be checked.
fn inflate(dict: &[u8], data: &[u8], budget: &mut Budget) -> Result<Vec<u8>, Phrase> {
    let out = match filters_in(dict).as_slice() {
        [] => data.to_vec(),
        [b"FlateDecode"] | [b"Fl"] => inflate_capped(data, budget.left)?,
        _ => return Err(Phrase::new("reason-pdf-unknown-filter")),
    };
    budget.charge(out.len())?;
    Ok(out)
}

/// Inflates zlib (or raw deflate) data, failing past `limit` bytes. A damaged stream gives what
/// inflated before the damage, as pdf_oxide reads it.
fn inflate_capped(data: &[u8], limit: usize) -> Result<Vec<u8>, Phrase> {
    let mut out = Vec::new();
    let cap = limit as u64 + 1;
    let _ = flate2::read::ZlibDecoder::new(data)
        .take(cap)
        .read_to_end(&mut out);
    if out.is_empty() && !data.is_empty() {
        let _ = flate2::read::DeflateDecoder::new(data)
            .take(cap)
            .read_to_end(&mut out);
    }
    if out.len() > limit {
        return Err(
            Phrase::new("reason-pdf-decoded-too-large").value("mb", MAX_DECODED_BYTES >> 20)
        );
    }
    Ok(out)
}

/// Checks one page before its text is read: each content stream and each form it can draw is
/// inflated once and walked for nesting; the page's assembled content (a stream counted once per
/// reference) and every form are charged to the budget.
pub(crate) fn check_page(
    doc: &pdf_oxide::PdfDocument,
    index: usize,
    budget: &mut Budget,
) -> Result<(), Phrase> {
    let Ok(page) = doc.get_page(index) else {
        return Ok(());
    };
    let Some(dict) = page.as_dict() else {
        return Ok(());
    };
    let mut streams: Vec<Object> = Vec::new();
    match dict.get("Contents") {
        Some(Object::Reference(r)) => match doc.load_object(*r) {
            Ok(Object::Array(items)) => streams.extend(items),
            Ok(_) => streams.push(Object::Reference(*r)),
            Err(_) => {}
        },
        Some(Object::Array(items)) => streams.extend(items.iter().cloned()),
        _ => {}
    }
    let mut text_objects = 0usize;
    let mut text_bytes = 0usize;
    let mut saves = 0usize;
    for item in &streams {
        if let Object::Reference(r) = item {
            let (size, counts) = content_size(doc, *r, budget)?;
            budget.charge(size + 1)?;
            text_objects += counts.texts;
            text_bytes += counts.text_bytes;
            saves += counts.saves;
        }
    }
    // The library keeps every saved graphics state until its `Q`.
    if saves > MAX_SAVES {
        return Err(Phrase::new("reason-pdf-saves-deep").value("max", MAX_SAVES));
    }
    // The library's span extraction grows faster than the number of text objects.
    if text_objects > MAX_TEXT_OBJECTS {
        return Err(Phrase::new("reason-pdf-page-pieces").value("max", MAX_TEXT_OBJECTS));
    }
    if text_bytes > MAX_PAGE_TEXT_BYTES {
        return Err(Phrase::new("reason-pdf-page-text").value("kb", MAX_PAGE_TEXT_BYTES >> 10));
    }
    // Forms reachable from the page's resources, each checked once per document.
    let mut pending: Vec<Object> = inherited_resources(doc, dict).into_iter().collect();
    let mut seen_forms = 0usize;
    while let Some(resources) = pending.pop() {
        let Some(xobjects) = resolve(doc, &resources)
            .and_then(|r| r.as_dict().and_then(|d| d.get("XObject")).cloned())
            .and_then(|x| resolve(doc, &x))
        else {
            continue;
        };
        let Some(xobjects) = xobjects.as_dict() else {
            continue;
        };
        for x in xobjects.values() {
            let Some(r) = x.as_reference() else { continue };
            if !budget.forms.insert(r) {
                continue;
            }
            seen_forms += 1;
            if seen_forms > MAX_FORMS {
                return Err(Phrase::new("reason-pdf-many-forms").value("max", MAX_FORMS));
            }
            let Ok(form) = doc.load_object(r) else {
                continue;
            };
            let Object::Stream { dict, .. } = &form else {
                continue;
            };
            if dict.get("Subtype").and_then(Object::as_name) != Some("Form") {
                continue;
            }
            let (size, _) = content_size(doc, r, budget)?;
            budget.charge(size)?;
            if let Some(res) = dict.get("Resources") {
                pending.push(res.clone());
            }
        }
    }
    Ok(())
}

/// The page's `/Resources`, or its nearest ancestor's (inherited), looking up at most 32 levels.
fn inherited_resources(
    doc: &pdf_oxide::PdfDocument,
    page: &HashMap<String, Object>,
) -> Option<Object> {
    let mut node = page.clone();
    for _ in 0..32 {
        if let Some(r) = node.get("Resources") {
            return Some(r.clone());
        }
        let parent = resolve(doc, node.get("Parent")?)?;
        node = parent.as_dict()?.clone();
    }
    None
}

fn resolve(doc: &pdf_oxide::PdfDocument, obj: &Object) -> Option<Object> {
    match obj {
        Object::Reference(r) => doc.load_object(*r).ok(),
        o => Some(o.clone()),
    }
}

/// The decoded size and text objects of a content stream, inflating and walking it the first
/// time it is seen.
fn content_size(
    doc: &pdf_oxide::PdfDocument,
    r: ObjectRef,
    budget: &mut Budget,
) -> Result<(usize, Counts), Phrase> {
    if let Some(size) = budget.sizes.get(&r) {
        return Ok(*size);
    }
    let decoded = match doc.load_object(r) {
        Ok(Object::Stream { dict, data }) => {
            let filters: Vec<&str> = match dict.get("Filter") {
                Some(Object::Name(n)) => vec![n.as_str()],
                Some(Object::Array(a)) => a.iter().filter_map(Object::as_name).collect(),
                _ => Vec::new(),
            };
            match filters.as_slice() {
                [] => Some(data.to_vec()),
                ["FlateDecode"] if !dict.contains_key("DecodeParms") && !doc.is_encrypted() => {
                    Some(inflate_capped(&data, budget.left)?)
                }
                // Other filters, predictors and encrypted files: the library decodes (its Flate
                // decoder stops at 256 MB).
                _ => Object::Stream { dict, data }.decode_stream_data().ok(),
            }
        }
        _ => None,
    };
    let Some(decoded) = decoded else {
        budget.sizes.insert(r, (0, Counts::default()));
        return Ok((0, Counts::default()));
    };
    let counts = walk(&decoded, Mode::Content, budget)?;
    budget.sizes.insert(r, (decoded.len(), counts));
    Ok((decoded.len(), counts))
}

/// Most page-tree entries walked when counting pages.
const MAX_TREE_ENTRIES: usize = 200_000;

/// Most paths from the root of the page tree a walk without a visited set would follow, to the
/// 50 levels pdf_oxide's walks go down (a tree of N nodes has N).
const MAX_TREE_PATHS: u64 = 50_000;

/// Levels pdf_oxide's recursive page-tree walks go down before stopping.
const ORACLE_DEPTH: usize = 51;

/// The number of distinct pages reachable from the catalog, counted up to `limit`, by a walk that
/// remembers every node it visited and ignores `/Count`. `Ok(None)` when the tree cannot be walked
/// (the library's own recovery is used then); an error when the tree names a page twice, or
/// lists nodes again so that a walk without a visited set (pdf_oxide's, while it reads a page's
/// text) would follow more than [`MAX_TREE_PATHS`] paths: a node that lists itself twice doubles
/// them at every level.
pub(crate) fn count_pages(
    doc: &pdf_oxide::PdfDocument,
    limit: usize,
) -> Result<Option<usize>, Phrase> {
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.as_dict()?.get("Pages")?.as_reference())
    else {
        return Ok(None);
    };
    let mut stack = vec![(root, 0usize)];
    let mut kids_of: HashMap<ObjectRef, Vec<ObjectRef>> = HashMap::new();
    let mut leaves: HashSet<ObjectRef> = HashSet::new();
    let mut visited = HashSet::new();
    let mut pages = 0usize;
    let mut entries = 0usize;
    let mut again = false;
    while let Some((r, depth)) = stack.pop() {
        entries += 1;
        if entries > MAX_TREE_ENTRIES {
            return Err(Phrase::new("reason-pdf-tree-entries").value("max", MAX_TREE_ENTRIES));
        }
        // The library walks the tree recursively, one stack frame per level.
        if depth > MAX_NESTING {
            return Err(Phrase::new("reason-pdf-tree-deep").value("max", MAX_NESTING));
        }
        if !visited.insert(r) {
            if leaves.contains(&r) {
                return Err(Phrase::new("reason-pdf-tree-repeats"));
            }
            again = true;
            continue;
        }
        let Ok(node) = doc.load_object(r) else {
            continue;
        };
        let Some(d) = node.as_dict() else { continue };
        match (d.get("Type").and_then(Object::as_name), d.get("Kids")) {
            (Some("Page"), _) | (None, None) => {
                leaves.insert(r);
                pages += 1;
            }
            (_, Some(kids)) => {
                if let Some(kids) = resolve(doc, kids).as_ref().and_then(Object::as_array) {
                    let refs: Vec<ObjectRef> =
                        kids.iter().filter_map(Object::as_reference).collect();
                    stack.extend(refs.iter().rev().map(|k| (*k, depth + 1)));
                    kids_of.insert(r, refs);
                }
            }
            _ => {}
        }
    }
    if !again {
        return Ok((pages > 0).then_some(pages.min(limit)));
    }
    // Paths of at most ORACLE_DEPTH levels from each node, level by level, saturating.
    let mut paths: HashMap<ObjectRef, u64> = HashMap::new();
    for _ in 0..ORACLE_DEPTH {
        let next: HashMap<ObjectRef, u64> = kids_of
            .iter()
            .map(|(node, kids)| {
                let below = kids.iter().fold(1u64, |acc, k| {
                    acc.saturating_add(*paths.get(k).unwrap_or(&1))
                });
                (*node, below.min(MAX_TREE_PATHS + 1))
            })
            .collect();
        paths = next;
    }
    if paths.get(&root).copied().unwrap_or(1) > MAX_TREE_PATHS {
        return Err(Phrase::new("reason-pdf-tree-loop"));
    }
    Ok((pages > 0).then_some(pages.min(limit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(data: &[u8], mode: Mode) -> bool {
        walk(data, mode, &mut Budget::default()).is_ok()
    }

    #[test]
    fn brackets_in_strings_comments_and_hex_do_not_count() {
        let deep = "[".repeat(100);
        assert!(!depth_ok(deep.as_bytes(), Mode::File));
        for text in [
            format!("({deep})"),
            format!("(a \\( {deep})"),
            format!("% {deep}\n[1]"),
            format!("<41 42> ({deep})"),
        ] {
            assert!(depth_ok(text.as_bytes(), Mode::File), "{text}");
        }
    }

    #[test]
    fn an_unclosed_string_ends_at_endobj() {
        let text = format!("1 0 obj ( endobj 2 0 obj {} endobj", "[".repeat(100));
        assert!(!depth_ok(text.as_bytes(), Mode::File));
    }

    #[test]
    fn stream_data_and_inline_images_are_skipped() {
        let deep = "[".repeat(100);
        let file = format!("<< /Length 100 >>\nstream\n{deep}\nendstream\n[1]");
        assert!(depth_ok(file.as_bytes(), Mode::File));
        let content = format!("BI /W 1 /H 1 ID {deep} EI\nBT (x) Tj ET");
        let counts = walk(content.as_bytes(), Mode::Content, &mut Budget::default());
        assert_eq!(counts.map(|c| c.texts), Ok(1));
        let counts = walk(b"[(ab) 5 <4142>] TJ", Mode::Content, &mut Budget::default());
        assert_eq!(counts.map(|c| (c.texts, c.text_bytes)), Ok((2, 6)));
        let counts = walk(b"q q Q q q Q Q Q q", Mode::Content, &mut Budget::default());
        assert_eq!(counts.map(|c| c.saves), Ok(3));
    }

    #[test]
    fn a_direct_length_is_read() {
        assert_eq!(direct_length(b"<< /Length1 900 /Length 120 >>"), Some(120));
        assert_eq!(direct_length(b"<< /Length 7 0 R >>"), None);
        assert_eq!(direct_length(b"<</Length 5/Filter/FlateDecode>>"), Some(5));
    }

    #[test]
    fn filters_are_read_from_raw_dictionaries() {
        assert_eq!(
            filters_in(b"<< /Filter /FlateDecode /N 3 >>"),
            [b"FlateDecode"]
        );
        assert_eq!(
            filters_in(b"<</Filter[/ASCII85Decode /FlateDecode]>>"),
            [&b"ASCII85Decode"[..], b"FlateDecode"]
        );
        assert!(filters_in(b"<< /N 3 >>").is_empty());
    }

    #[test]
    fn inflation_stops_at_the_limit() {
        let data = zlib(&vec![b' '; 10_000]);
        assert_eq!(inflate_capped(&data, 10_000).map(|v| v.len()), Ok(10_000));
        assert!(inflate_capped(&data, 9_999).is_err());
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).expect("memory");
        enc.finish().expect("memory")
    }
}
