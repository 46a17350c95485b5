//! Hostile PDFs. Each is a valid one-page CV ("Jane Doe", an email) plus one hostile feature.

use crate::deflate;
use std::fmt::Write as _;

/// A PDF under construction: numbered objects, then a classic cross-reference table.
#[derive(Default)]
pub struct Builder {
    objects: Vec<Vec<u8>>,
}

impl Builder {
    /// Reserves the next object number.
    pub fn reserve(&mut self) -> usize {
        self.objects.push(Vec::new());
        self.objects.len()
    }

    /// Adds an object and returns its number.
    pub fn add(&mut self, body: impl Into<Vec<u8>>) -> usize {
        self.objects.push(body.into());
        self.objects.len()
    }

    /// Sets the body of a reserved object.
    pub fn set(&mut self, id: usize, body: impl Into<Vec<u8>>) {
        self.objects[id - 1] = body.into();
    }

    /// The file, with exact offsets in its cross-reference table; `root` is the catalog.
    pub fn finish(&self, root: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", self.objects.len() + 1);
        for off in offsets {
            table.push_str(&format!("{off:010} 00000 n \n"));
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            self.objects.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

/// A stream object: `dict` holds the entries besides `/Length`.
pub fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

/// A `/FlateDecode` stream object.
pub fn flate_stream(dict: &str, data: &[u8]) -> Vec<u8> {
    stream(&format!("/Filter /FlateDecode {dict}"), &deflate(data))
}

/// The text every generated CV shows: a name and an email on two lines.
pub const CV_TEXT: &str =
    "BT /F1 14 Tf 72 720 Td (Jane Doe) Tj ET\nBT /F1 10 Tf 72 700 Td (jane@example.com) Tj ET\n";

/// The usual objects: catalog 1, page tree 2, page 3, font 4. The page dictionary gets `extra`
/// and `/Contents contents`; returns the builder with objects 1–4 set.
fn skeleton(contents: &str, resources_extra: &str, page_extra: &str) -> Builder {
    let mut b = Builder::default();
    b.add("<< /Type /Catalog /Pages 2 0 R >>");
    b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    b.add(format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> {resources_extra} >> /Contents {contents} {page_extra} >>"
    ));
    b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    b
}

/// A normal one-page CV: the control that every guard must leave alone.
pub fn pdf_plain() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// Class "deep object nesting (arrays)": the page dictionary holds an array nested `depth` deep
/// (`[[[…]]]`); a recursive-descent object parser overflows its stack.
pub fn pdf_nested_arrays(depth: usize) -> Vec<u8> {
    let deep = nested(depth, "[", "]", "0");
    let mut b = skeleton("5 0 R", "", &format!("/Deep {deep}"));
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "deep object nesting (dictionaries)": `<< /A << /A … >> >>` nested `depth` deep in the
/// page dictionary.
pub fn pdf_nested_dicts(depth: usize) -> Vec<u8> {
    let deep = nested(depth, "<< /A ", " >>", "0");
    let mut b = skeleton("5 0 R", "", &format!("/Deep {deep}"));
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "deep nesting in the trailer / catalog": the catalog itself holds `depth` nested arrays,
/// read before any page.
pub fn pdf_nested_catalog(depth: usize) -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.set(
        1,
        format!(
            "<< /Type /Catalog /Pages 2 0 R /Deep {} >>",
            nested(depth, "[", "]", "0")
        ),
    );
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "deep nesting hidden in an object stream": the page object lives compressed inside an
/// `/ObjStm` (PDF 1.5, cross-reference stream), with an array nested `depth` deep. A byte scan of
/// the file does not see the brackets; only the inflated object stream holds them.
pub fn pdf_deep_object_stream_nesting(depth: usize) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Deep {} >>",
        nested(depth, "[", "]", "0")
    );
    object_stream_file(&page)
}

/// Class "deep dictionary nesting hidden in an object stream".
pub fn pdf_deep_object_stream_dicts(depth: usize) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Deep {} >>",
        nested(depth, "<< /A ", " >>", "0")
    );
    object_stream_file(&page)
}

/// A PDF 1.5 file: catalog 1, pages 2, font 4, content 5 as plain objects; page 3 compressed in
/// object stream 6; cross-reference stream 7.
fn object_stream_file(page: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = [0usize; 8];
    let mut obj = |out: &mut Vec<u8>, id: usize, body: &[u8]| {
        offsets[id] = out.len();
        out.extend_from_slice(format!("{id} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    obj(&mut out, 1, b"<< /Type /Catalog /Pages 2 0 R >>");
    obj(&mut out, 2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    obj(
        &mut out,
        4,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    );
    obj(&mut out, 5, &stream("", CV_TEXT.as_bytes()));
    let header = "3 0 ";
    let body = format!("{header}{page}");
    obj(
        &mut out,
        6,
        &flate_stream(
            &format!("/Type /ObjStm /N 1 /First {}", header.len()),
            body.as_bytes(),
        ),
    );
    // Cross-reference stream: type (1 byte), field 2 (4 bytes), field 3 (2 bytes), unfiltered.
    let xref_at = out.len();
    offsets[7] = xref_at;
    let mut rows = Vec::new();
    for (id, offset) in offsets.iter().enumerate() {
        let (t, f2, f3): (u8, u32, u16) = match id {
            0 => (0, 0, 65535),
            3 => (2, 6, 0),
            _ => (1, *offset as u32, 0),
        };
        rows.push(t);
        rows.extend_from_slice(&f2.to_be_bytes());
        rows.extend_from_slice(&f3.to_be_bytes());
    }
    let xref = stream(
        "/Type /XRef /Size 8 /W [1 4 2] /Index [0 8] /Root 1 0 R",
        &rows,
    );
    out.extend_from_slice(b"7 0 obj\n");
    out.extend_from_slice(&xref);
    out.extend_from_slice(format!("\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

/// Class "page tree loop": the root page-tree node lists itself among its kids and claims
/// `/Count 1000000000`. A walk that follows kids without remembering visited nodes never ends, one
/// that trusts `/Count` allocates a billion entries.
pub fn pdf_page_tree_loop() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.set(
        2,
        "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1000000000 >>",
    );
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "page tree cycle through two nodes": the root's second kid is a node whose kid is the
/// root again (each with an honest-looking `/Count`).
pub fn pdf_page_tree_cycle() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.set(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>");
    b.add(stream("", CV_TEXT.as_bytes()));
    b.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>");
    b.finish(1)
}

/// Class "page tree that lists itself twice": the root names itself twice and then the page, with a
/// huge `/Count`; a count that recurses without a visited set doubles at every level (2^depth).
pub fn pdf_page_tree_fanout() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.set(
        2,
        "<< /Type /Pages /Kids [2 0 R 2 0 R 3 0 R] /Count 1000000000 >>",
    );
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "huge /Count": an honest tree with one page that claims two billion pages.
pub fn pdf_huge_count() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    b.set(2, "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>");
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// Class "one page listed many times": the page tree lists the same page object `refs` times
/// (with an honest `/Count`).
pub fn pdf_shared_page(refs: usize) -> Vec<u8> {
    let mut b = skeleton("5 0 R", "", "");
    let kids = vec!["3 0 R"; refs].join(" ");
    b.set(
        2,
        format!("<< /Type /Pages /Kids [{kids}] /Count {refs} >>"),
    );
    b.add(stream("", CV_TEXT.as_bytes()));
    b.finish(1)
}

/// About 64 KiB of drawing operators (no text): what a shared stream repeats.
fn drawing_ops(bytes: usize) -> Vec<u8> {
    let line = b"0.5 w 10 10 m 20 20 l S\n";
    line.iter().copied().cycle().take(bytes).collect()
}

/// Class "one content stream referenced many times": the page's `/Contents` array names the same
/// 64 KiB stream (compressed to a few hundred bytes) `refs` times; 20,000 references decode to
/// 1.3 GB of content when each reference is inflated and concatenated anew.
pub fn pdf_shared_content_stream(refs: usize) -> Vec<u8> {
    let refs_list = vec!["6 0 R"; refs].join(" ");
    let mut b = skeleton(&format!("[5 0 R {refs_list}]"), "", "");
    b.add(stream("", CV_TEXT.as_bytes()));
    let mut ops = drawing_ops(64 * 1024);
    ops.push(b'\n');
    b.add(flate_stream("", &ops));
    b.finish(1)
}

/// Class "decompression bomb": one content stream that inflates to `mb` megabytes (spaces and a
/// drawing operator, ~1000:1).
pub fn pdf_flate_bomb(mb: usize) -> Vec<u8> {
    let mut b = skeleton("[5 0 R 6 0 R]", "", "");
    b.add(stream("", CV_TEXT.as_bytes()));
    b.add(flate_stream("", &drawing_ops(mb * 1024 * 1024)));
    b.finish(1)
}

/// Class "many spans on a page": `n` separate text objects, each one short word at its own place
/// (rows of 40 across the page, rows 0.5 pt apart, wrapping down the page).
pub fn pdf_many_spans(n: usize) -> Vec<u8> {
    let mut content = String::from(CV_TEXT);
    for i in 0..n {
        let x = 20 + (i % 40) * 14;
        let y = 680.0 - ((i / 40) % 1300) as f32 * 0.5;
        let _ = writeln!(content, "BT /F1 1 Tf {x} {y:.1} Td (w{}) Tj ET", i % 10);
    }
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "many spans in one text object": one `BT` … `ET` that moves and shows a word `n` times
/// (a limit on text objects alone does not see them).
pub fn pdf_many_shows_one_text_object(n: usize) -> Vec<u8> {
    let mut content = format!("{CV_TEXT}BT /F1 1 Tf 20 680 Td\n");
    for i in 0..n {
        let dx = if i % 40 == 39 { -546 } else { 14 };
        let dy = if i % 40 == 39 { -0.5 } else { 0.0 };
        let _ = writeln!(content, "{dx} {dy} Td (w{}) Tj", i % 10);
    }
    content.push_str("ET\n");
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "many spans on one line": `n` one-letter text objects on the same baseline, each a little
/// to the right of the last (one row to lay out).
pub fn pdf_many_spans_one_line(n: usize) -> Vec<u8> {
    let mut content = String::from(CV_TEXT);
    for i in 0..n {
        let x = 20.0 + (i as f32) * (570.0 / n.max(1) as f32);
        let _ = writeln!(content, "BT /F1 1 Tf {x:.3} 600 Td (x) Tj ET");
    }
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "one long text line": a single `Tj` of `n` characters (words separated by spaces).
pub fn pdf_long_text_line(n: usize) -> Vec<u8> {
    let words: String = "English, Arabic, French, "
        .chars()
        .cycle()
        .take(n)
        .collect();
    let content = format!(
        "{CV_TEXT}BT /F1 10 Tf 72 600 Td (Languages) Tj ET\nBT /F1 1 Tf 20 580 Td ({words}) Tj ET\n"
    );
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "form drawn many times": the page draws one form XObject (with a line of text) `draws`
/// times.
pub fn pdf_shared_xobject(draws: usize) -> Vec<u8> {
    let mut content = String::from(CV_TEXT);
    for _ in 0..draws {
        content.push_str("/X0 Do\n");
    }
    let mut b = skeleton("5 0 R", "/XObject << /X0 6 0 R >>", "");
    b.add(flate_stream("", content.as_bytes()));
    b.add(stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>",
        b"BT /F1 10 Tf 72 500 Td (Languages: English) Tj ET",
    ));
    b.finish(1)
}

/// Class "form that draws itself": a form XObject whose content draws the same form (endless
/// recursion without a visited set or depth limit).
pub fn pdf_xobject_loop() -> Vec<u8> {
    let mut b = skeleton("5 0 R", "/XObject << /X0 6 0 R >>", "");
    b.add(stream("", format!("{CV_TEXT}/X0 Do\n").as_bytes()));
    b.add(stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /X0 6 0 R >> >>",
        b"BT /F1 10 Tf 72 500 Td (loop) Tj ET\n/X0 Do",
    ));
    b.finish(1)
}

/// Class "exponential form fan-out" (billion laughs): `depth` levels of forms, each drawing the
/// next level `fanout` times, so the last level is drawn `fanout^depth` times.
pub fn pdf_xobject_fanout(depth: usize, fanout: usize) -> Vec<u8> {
    let mut b = skeleton("5 0 R", "/XObject << /X0 6 0 R >>", "");
    b.add(stream("", format!("{CV_TEXT}/X0 Do\n").as_bytes()));
    for level in 0..depth {
        let id = 6 + level;
        let body = if level + 1 == depth {
            "BT /F1 10 Tf 72 500 Td (leaf) Tj ET".to_string()
        } else {
            "/X Do\n".repeat(fanout)
        };
        let resources = if level + 1 == depth {
            "/Font << /F1 4 0 R >>".to_string()
        } else {
            format!("/Font << /F1 4 0 R >> /XObject << /X {} 0 R >>", id + 1)
        };
        b.add(stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << {resources} >>"
            ),
            body.as_bytes(),
        ));
    }
    b.finish(1)
}

/// Class "deep nesting inside a content stream": a `TJ` operand nested `depth` arrays deep
/// (compressed, so invisible to a scan of the file's bytes).
pub fn pdf_content_nested_arrays(depth: usize) -> Vec<u8> {
    let content = format!(
        "{CV_TEXT}BT /F1 10 Tf 72 600 Td {} TJ ET\n",
        nested(depth, "[", "]", "(x)")
    );
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "deep inline dictionary in a content stream": a marked-content property list nested
/// `depth` dictionaries deep.
pub fn pdf_content_nested_dicts(depth: usize) -> Vec<u8> {
    let content = format!(
        "/P {} BDC\n{CV_TEXT}EMC\n",
        nested(depth, "<< /A ", " >>", "0")
    );
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "graphics state stack growth": `n` unbalanced `q` (save state) before the text.
pub fn pdf_deep_save_state(n: usize) -> Vec<u8> {
    let content = format!("{}{CV_TEXT}", "q\n".repeat(n));
    let mut b = skeleton("5 0 R", "", "");
    b.add(flate_stream("", content.as_bytes()));
    b.finish(1)
}

/// Class "many pages": a flat tree of `n` distinct pages, each with the CV text.
pub fn pdf_many_pages(n: usize) -> Vec<u8> {
    let mut b = Builder::default();
    b.add("<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + i)).collect();
    b.add(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    b.add(stream("", CV_TEXT.as_bytes()));
    b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for _ in 0..n {
        b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>");
    }
    b.finish(1)
}

/// Class "deep page tree": a chain of `depth` page-tree nodes, each the only kid of the last, with
/// the one page at the bottom (recursive tree walks overflow).
pub fn pdf_deep_page_tree(depth: usize) -> Vec<u8> {
    let mut b = Builder::default();
    b.add("<< /Type /Catalog /Pages 2 0 R >>");
    let root = b.reserve();
    b.add(stream("", CV_TEXT.as_bytes()));
    b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    // Nodes 5 .. 5+depth-1 below the root, then the page.
    let first = 5;
    let page = first + depth;
    b.set(
        root,
        format!(
            "<< /Type /Pages /Kids [{} 0 R] /Count 1 >>",
            if depth == 0 { page } else { first }
        ),
    );
    for level in 0..depth {
        let id = first + level;
        let kid = if level + 1 == depth { page } else { id + 1 };
        let parent = if level == 0 { root } else { id - 1 };
        b.add(format!(
            "<< /Type /Pages /Parent {parent} 0 R /Kids [{kid} 0 R] /Count 1 >>"
        ));
    }
    let parent = if depth == 0 { root } else { page - 1 };
    b.add(format!(
        "<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
    ));
    b.finish(1)
}
