//! Generators of hostile CV files, one function per class of attack, sized by their parameters.
//!
//! Every file is built in memory at test time, so large cases cost no repository space. The PDFs
//! are well formed (exact cross-reference offsets) apart from the one hostile feature they stand
//! for, so a reader cannot reject them for an unrelated reason. Used by the extract and parse
//! tests, the worker's tests and the probes that measure time and memory per class.

pub mod document;
pub mod docx;
pub mod pdf;
pub mod text;

/// zlib-compresses bytes (PDF `/FlateDecode`).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).expect("write to memory");
    enc.finish().expect("write to memory")
}

/// One hostile file at the size the issue describes, by name.
pub struct Case {
    /// Class name, as in the generator's name (`pdf_nested_arrays`).
    pub name: &'static str,
    /// File extension: `pdf`, `docx` or `txt`.
    pub ext: &'static str,
    /// Builds the file.
    pub make: fn() -> Vec<u8>,
}

/// Every class at full size (files under 2 MB), for probes, the worker's tests and a dump to disk.
pub fn catalogue() -> Vec<Case> {
    use docx::*;
    use pdf::*;
    macro_rules! case {
        ($name:ident, $ext:literal, $make:expr) => {
            Case {
                name: stringify!($name),
                ext: $ext,
                make: $make,
            }
        };
    }
    vec![
        case!(pdf_plain, "pdf", pdf_plain),
        case!(pdf_nested_arrays, "pdf", || pdf_nested_arrays(10_000)),
        case!(pdf_nested_dicts, "pdf", || pdf_nested_dicts(10_000)),
        case!(pdf_nested_catalog, "pdf", || pdf_nested_catalog(10_000)),
        case!(pdf_deep_object_stream_nesting, "pdf", || {
            pdf_deep_object_stream_nesting(100_000)
        }),
        case!(pdf_deep_object_stream_dicts, "pdf", || {
            pdf_deep_object_stream_dicts(100_000)
        }),
        case!(pdf_page_tree_loop, "pdf", pdf_page_tree_loop),
        case!(pdf_page_tree_cycle, "pdf", pdf_page_tree_cycle),
        case!(pdf_page_tree_fanout, "pdf", pdf_page_tree_fanout),
        case!(pdf_huge_count, "pdf", pdf_huge_count),
        case!(pdf_shared_page, "pdf", || pdf_shared_page(100_000)),
        case!(pdf_deep_page_tree, "pdf", || pdf_deep_page_tree(10_000)),
        case!(pdf_many_pages, "pdf", || pdf_many_pages(5_000)),
        case!(pdf_shared_content_stream, "pdf", || {
            pdf_shared_content_stream(20_000)
        }),
        case!(pdf_flate_bomb, "pdf", || pdf_flate_bomb(1024)),
        case!(pdf_many_spans, "pdf", || pdf_many_spans(50_000)),
        case!(pdf_many_shows_one_text_object, "pdf", || {
            pdf_many_shows_one_text_object(50_000)
        }),
        case!(pdf_many_spans_one_line, "pdf", || {
            pdf_many_spans_one_line(20_000)
        }),
        case!(pdf_long_text_line, "pdf", || pdf_long_text_line(200_000)),
        case!(pdf_shared_xobject, "pdf", || pdf_shared_xobject(100_000)),
        case!(pdf_xobject_loop, "pdf", pdf_xobject_loop),
        case!(pdf_xobject_fanout, "pdf", || pdf_xobject_fanout(30, 2)),
        case!(pdf_content_nested_arrays, "pdf", || {
            pdf_content_nested_arrays(100_000)
        }),
        case!(pdf_content_nested_dicts, "pdf", || {
            pdf_content_nested_dicts(100_000)
        }),
        case!(pdf_deep_save_state, "pdf", || pdf_deep_save_state(
            1_000_000
        )),
        case!(docx_plain, "docx", docx_plain),
        case!(docx_shared_header, "docx", || docx_shared_header(5_000)),
        case!(docx_many_parts, "docx", || docx_many_parts(32, 8 << 20)),
        case!(docx_body_bomb, "docx", || docx_body_bomb(60)),
        case!(docx_long_languages_line, "docx", || {
            docx_long_languages_line(100_000)
        }),
        case!(docx_many_paragraphs, "docx", || docx_many_paragraphs(
            200_000
        )),
        case!(docx_many_runs, "docx", || docx_many_runs(200_000)),
        case!(docx_deep_tables, "docx", || docx_deep_tables(100_000)),
        case!(long_languages_line, "txt", || {
            text::long_languages_line(100_000).into_bytes()
        }),
        case!(long_spaced_languages_line, "txt", || {
            text::long_spaced_languages_line(100_000).into_bytes()
        }),
        case!(long_skills_line, "txt", || {
            text::long_skills_line(100_000).into_bytes()
        }),
        case!(many_lines, "txt", || text::many_lines(200_000).into_bytes()),
        case!(long_word, "txt", || text::long_word(1_000_000).into_bytes()),
    ]
}
