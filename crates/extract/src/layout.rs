//! Reading order for positioned text: runs → rows → fragments → columns → lines.
//!
//! General rules only (no per-template tuning): runs whose vertical extents overlap form a row;
//! a row breaks into fragments where the horizontal gap is wide; a vertical gutter that no fragment
//! crosses, with a dense column of text on each side, makes two columns that are read one after the
//! other instead of interleaved; right-to-left rows are read right to left with left-to-right runs
//! (Latin, numbers) kept in their own order; a space is put wherever glyphs stand apart.

use crate::fixups::BULLETS;
use jobgate_core::text::is_arabic_char;

use crate::pdf::PageRuns;
use crate::{RawLine, RawPage};

/// One run of text with its box (y grows downwards: `y0` is the top).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
    pub font_size: f32,
    pub bold: bool,
    /// Each character with its left and right edge, when the backend knows them.
    pub glyphs: Vec<(char, f32, f32)>,
}

impl Run {
    fn height(&self) -> f32 {
        (self.y1 - self.y0).max(0.1)
    }
    fn mid(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A piece of a row: runs close enough together to be read as one line.
#[derive(Debug, Clone)]
struct Frag {
    runs: Vec<Run>,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    size: f32,
    row: usize,
    chars: usize,
}

impl Frag {
    fn new(runs: Vec<Run>, row: usize) -> Frag {
        let x0 = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
        let x1 = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
        let y0 = runs.iter().map(|r| r.y0).fold(f32::INFINITY, f32::min);
        let y1 = runs.iter().map(|r| r.y1).fold(f32::NEG_INFINITY, f32::max);
        let size = median(runs.iter().map(|r| r.font_size)).max(1.0);
        let chars = runs
            .iter()
            .map(|r| r.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        Frag {
            runs,
            x0,
            x1,
            y0,
            y1,
            size,
            row,
            chars,
        }
    }
}

/// Lays one page out into lines in reading order.
pub fn lay_out_page(page: &PageRuns) -> RawPage {
    let rows = rows(&page.runs);
    let mut frags: Vec<Frag> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for f in fragments(row) {
            frags.push(Frag::new(f, i));
        }
    }
    let page_rtl = is_rtl(&page.runs);
    let mut lines = Vec::new();
    let emit_rows = |frags: &[&Frag], column: u8, lines: &mut Vec<RawLine>| {
        // Fragments are already in row order; within a row, in reading order.
        for f in frags {
            lines.push(line_of(&f.runs, column, page_rtl));
        }
    };
    match find_columns(&frags) {
        None => emit_rows(&frags.iter().collect::<Vec<_>>(), 0, &mut lines),
        Some(zones) => {
            for zone in zones {
                match zone {
                    Zone::Rows(ix) => {
                        let fs: Vec<&Frag> = ix.iter().map(|&i| &frags[i]).collect();
                        emit_rows(&fs, 0, &mut lines);
                    }
                    Zone::Columns { left, right } => {
                        let chars =
                            |ix: &[usize]| ix.iter().map(|&i| frags[i].chars).sum::<usize>();
                        let (lcol, rcol) = if chars(&left) >= chars(&right) {
                            (0, 1)
                        } else {
                            (1, 0)
                        };
                        let (first, second) = if page_rtl {
                            ((right, rcol), (left, lcol))
                        } else {
                            ((left, lcol), (right, rcol))
                        };
                        for (ix, col) in [first, second] {
                            let fs: Vec<&Frag> = ix.iter().map(|&i| &frags[i]).collect();
                            emit_rows(&fs, col, &mut lines);
                        }
                    }
                }
            }
        }
    }
    mark_headings(&mut lines);
    RawPage { lines }
}

/// Larger-than-body or bold short lines are heading candidates (the parser decides).
fn mark_headings(lines: &mut [RawLine]) {
    let body = {
        // The body size is the size most characters are set in.
        let mut by_size: Vec<(i32, usize)> = Vec::new();
        for l in lines.iter() {
            let key = (l.font_size.unwrap_or(0.0) * 2.0).round() as i32;
            let n = l.text.chars().count();
            match by_size.iter_mut().find(|(k, _)| *k == key) {
                Some((_, c)) => *c += n,
                None => by_size.push((key, n)),
            }
        }
        by_size
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(k, _)| k as f32 / 2.0)
            .unwrap_or(0.0)
    };
    for l in lines.iter_mut() {
        let words = l.text.split_whitespace().count();
        let larger = l.font_size.is_some_and(|s| s >= body * 1.15);
        l.heading_hint = words > 0 && words <= 6 && (larger || l.bold) && !l.text.ends_with('.');
    }
}

/// A vertical stretch of the page: read row by row, or as two columns one after the other.
#[derive(Debug)]
enum Zone {
    Rows(Vec<usize>),
    Columns { left: Vec<usize>, right: Vec<usize> },
}

/// Looks for a vertical gutter with a dense column of text on both sides. Returns the page cut into
/// zones (fragment indices in row order), or `None` when the page is one column.
fn find_columns(frags: &[Frag]) -> Option<Vec<Zone>> {
    if frags.len() < 8 {
        return None;
    }
    let mut candidates: Vec<f32> = frags.iter().map(|f| f.x1 + 0.5).collect();
    candidates.sort_by(f32::total_cmp);
    candidates.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    let mut best: Option<(usize, Vec<Zone>)> = None;
    for g in candidates {
        let zones = zones_at(frags, g);
        let score: usize = zones
            .iter()
            .map(|z| match z {
                Zone::Columns { left, right } => left.len() + right.len(),
                Zone::Rows(_) => 0,
            })
            .sum();
        if score > 0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, zones));
        }
    }
    best.map(|(_, z)| z)
}

/// Cuts the page at rows that cross `g`; keeps the stretches in between that hold two dense columns.
fn zones_at(frags: &[Frag], g: f32) -> Vec<Zone> {
    let crosses = |f: &Frag| f.x0 < g && f.x1 > g;
    let rows = frags.iter().map(|f| f.row).max().map_or(0, |m| m + 1);
    let mut row_crosses = vec![false; rows];
    for f in frags {
        if crosses(f) {
            row_crosses[f.row] = true;
        }
    }
    // Stretches of rows between crossing rows.
    let mut zones: Vec<Zone> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let flush = |pending: &mut Vec<usize>, zones: &mut Vec<Zone>| {
        if pending.is_empty() {
            return;
        }
        let ix = std::mem::take(pending);
        let (left, right): (Vec<usize>, Vec<usize>) = ix.iter().partition(|&&i| frags[i].x1 <= g);
        if is_column(frags, &left) && is_column(frags, &right) {
            zones.push(Zone::Columns { left, right });
        } else {
            push_rows(zones, ix);
        }
    };
    for (i, f) in frags.iter().enumerate() {
        if row_crosses[f.row] {
            flush(&mut pending, &mut zones);
            push_rows(&mut zones, vec![i]);
        } else {
            pending.push(i);
        }
    }
    flush(&mut pending, &mut zones);
    zones
}

fn push_rows(zones: &mut Vec<Zone>, ix: Vec<usize>) {
    if let Some(Zone::Rows(last)) = zones.last_mut() {
        last.extend(ix);
    } else {
        zones.push(Zone::Rows(ix));
    }
}

/// A column is at least four rows, most of them close below the one before (running text or a
/// list), not a few labels or dates spread down the page. A longer side bar whose short lists are
/// set a little apart (contact lines, skills under small headings) is a column too: eight rows or
/// more, nearly all within two and a half lines of the one before, where labels in a margin stand
/// an entry's height apart.
fn is_column(frags: &[Frag], ix: &[usize]) -> bool {
    if ix.len() < 4 {
        return false;
    }
    let (mut close, mut near, mut steps) = (0, 0, 0);
    for w in ix.windows(2) {
        let (a, b) = (&frags[w[0]], &frags[w[1]]);
        if b.row == a.row {
            continue; // a date or a second field on the same row
        }
        steps += 1;
        let gap = b.y0 - a.y1;
        let size = a.size.max(b.size);
        if gap <= 1.2 * size {
            close += 1;
        }
        if gap <= 2.5 * size {
            near += 1;
        }
    }
    (steps >= 3 && close * 10 >= steps * 6) || (steps >= 7 && near * 10 >= steps * 9)
}

/// Groups runs into rows by vertical overlap, top to bottom.
fn rows(runs: &[Run]) -> Vec<Vec<Run>> {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.mid().total_cmp(&b.mid()));
    let mut rows: Vec<Vec<Run>> = Vec::new();
    let mut band: Option<(f32, f32)> = None;
    for r in sorted {
        let joins = band.is_some_and(|(top, bottom)| {
            let overlap = bottom.min(r.y1) - top.max(r.y0);
            overlap >= 0.5 * r.height().min(bottom - top)
        });
        if joins && let (Some(row), Some((top, bottom))) = (rows.last_mut(), band.as_mut()) {
            row.push(r.clone());
            *top = top.min(r.y0);
            *bottom = bottom.max(r.y1);
        } else {
            rows.push(vec![r.clone()]);
            band = Some((r.y0, r.y1));
        }
    }
    rows.into_iter().flat_map(split_overprinted).collect()
}

/// A row where text of one size is drawn over text of another (a date floated onto the end of a
/// company name by a right-to-left page: "شركة المراعي" and "2019-01 —" in the same place) is two
/// lines on top of each other, not one line to read left to right: each size becomes a row of its
/// own, the one that starts higher first.
fn split_overprinted(row: Vec<Run>) -> Vec<Vec<Run>> {
    let overprinted = |a: &Run, b: &Run| {
        let shared = a.x1.min(b.x1) - a.x0.max(b.x0);
        (a.font_size - b.font_size).abs() > 0.5
            && shared > 0.3 * (a.x1 - a.x0).min(b.x1 - b.x0)
            && shared > 1.0
    };
    let any = row
        .iter()
        .enumerate()
        .any(|(i, a)| row[i + 1..].iter().any(|b| overprinted(a, b)));
    if !any {
        return vec![row];
    }
    let mut sizes: Vec<Vec<Run>> = Vec::new();
    for r in row {
        match sizes
            .iter_mut()
            .find(|g| (g[0].font_size - r.font_size).abs() <= 0.5)
        {
            Some(g) => g.push(r),
            None => sizes.push(vec![r]),
        }
    }
    let top = |g: &Vec<Run>| g.iter().map(|r| r.y0).fold(f32::INFINITY, f32::min);
    sizes.sort_by(|a, b| top(a).total_cmp(&top(b)));
    sizes
}

fn is_rtl(runs: &[Run]) -> bool {
    let (mut ar, mut lat) = (0, 0);
    for r in runs {
        for c in r.text.chars().filter(|c| c.is_alphabetic()) {
            if is_arabic_char(c) {
                ar += 1;
            } else {
                lat += 1;
            }
        }
    }
    ar > lat
}

/// Splits a row into pieces separated by wide gaps, in reading order.
fn fragments(row: &[Run]) -> Vec<Vec<Run>> {
    let rtl = is_rtl(row);
    let mut sorted: Vec<Run> = row.to_vec();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let size = median(sorted.iter().map(|r| r.font_size)).max(1.0);
    let mut frags: Vec<Vec<Run>> = Vec::new();
    let mut right = f32::NEG_INFINITY;
    let mut last_size = 0.0f32;
    for r in sorted {
        // A wide gap; or more than an em between text of clearly different sizes (a section label
        // in a margin column level with the first line of its section).
        let gap = r.x0 - right;
        let (small, large) = (
            last_size.min(r.font_size).max(1.0),
            last_size.max(r.font_size),
        );
        let new_size = large >= 1.2 * small && gap > 1.0 * small;
        if gap > 2.0 * size || new_size || frags.is_empty() {
            frags.push(Vec::new());
        }
        right = right.max(r.x1);
        last_size = r.font_size;
        if let Some(f) = frags.last_mut() {
            f.push(r);
        }
    }
    if rtl {
        frags.reverse();
    }
    frags
}

/// Joins a fragment's runs into one line: the visual (left-to-right) text is built first, then
/// right-to-left stretches are put in logical order. A line that mixes Arabic and Latin letters
/// takes the page's direction: the direction of a paragraph is the document's, not that of the
/// script with more letters on the line ("إربد، JO | name@mail.test" is still laid out right to
/// left in an Arabic CV, and "Khaled Mahmoud | خالد محمود" left to right in an English one).
fn line_of(frag: &[Run], column: u8, page_rtl: bool) -> RawLine {
    let size = median(frag.iter().map(|r| r.font_size)).max(1.0);
    let merged = merge_points(frag, size);
    let frag = &merged[..];
    let letters = frag
        .iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| c.is_alphabetic());
    let (mut arabic, mut latin) = (false, false);
    for c in letters {
        if is_arabic_char(c) {
            arabic = true;
        } else {
            latin = true;
        }
    }
    let mut order: Vec<&Run> = frag.iter().collect();
    order.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // A list item's bullet stands where its paragraph starts: at the left of an Arabic sentence in
    // a left-to-right list ("• تحسين الأداء بنسبة 30%"), at the right in a right-to-left one.
    let bullet = |t: Option<char>| t.is_some_and(|c| BULLETS.contains(&c));
    let bullet_left = bullet(
        order
            .first()
            .and_then(|r| r.text.trim_start().chars().next()),
    );
    let bullet_right = bullet(order.last().and_then(|r| r.text.trim_end().chars().last()));
    // A line with letters of both scripts, or none at all ("2017-12 — 2015-07"), takes the page's
    // direction.
    let rtl = if arabic == latin {
        page_rtl
    } else if bullet_left != bullet_right {
        bullet_right
    } else {
        is_rtl(frag)
    };
    let mut visual = String::new();
    // A run without width is text put back over glyphs (a ligature with its mark, "لاً"): its place is
    // a point at the glyph's left edge, its letters already in reading order.
    let pointlike = |r: &Run| r.x1 - r.x0 < 0.05 * size;
    let mut prev: Option<&Run> = None;
    for r in &order {
        let mut t = spaced_text(r);
        if pointlike(r) && t.chars().any(is_arabic_char) {
            t = t.chars().rev().collect();
        }
        if let Some(p) = prev {
            let gap = r.x0 - p.x1;
            // The point sits at the glyph's left edge: a gap before it is a space, after it is not.
            if gap > 0.15 * size && !pointlike(p) && !visual.ends_with(' ') && !t.starts_with(' ') {
                visual.push(' ');
                // Wider than a letter-spacing gap: a word space, as the library writes one inside
                // letter-spaced text (see [`close_tracking`]).
                if gap > 0.4 * size {
                    visual.push(' ');
                }
            }
        }
        visual.push_str(&t);
        prev = Some(r);
    }
    let text = visual_to_logical(&close_tracking(&visual), rtl);
    let bold = frag.iter().all(|r| r.bold);
    RawLine {
        text,
        font_size: Some(size),
        bold,
        heading_hint: false,
        bullet: false,
        column,
    }
}

/// Puts text drawn over another run's glyphs among those glyphs, at its place, instead of after the
/// whole run. Two kinds: a run without width (text put back over glyphs, see [`line_of`]: a vowel
/// sign that LibreOffice writes as `/ActualText`, "جدًا" in "جيد جدًا مع مرتبة الشرف"), and a run
/// of vowel signs alone (LibreOffice draws "ممرضًا جديدًا" with the two signs after all the letters,
/// and the library makes them one span of their own), each sign at its glyph's place. A sign belongs
/// between the letters whose middles stand either side of it; one that falls outside every other
/// run stays a run of its own.
fn merge_points(frag: &[Run], size: f32) -> Vec<Run> {
    /// Glyphs to put among another run's, in drawn order, and where.
    type Piece = (Vec<(char, f32, f32)>, f32);
    let pointlike = |r: &Run| r.x1 - r.x0 < 0.05 * size;
    let mid = |g: &(char, f32, f32)| (g.1 + g.2) / 2.0;
    let pieces = |r: &Run| -> Option<Vec<Piece>> {
        if r.text.trim().is_empty() {
            return None;
        }
        if pointlike(r) {
            // Letters in reading order: drawn (visual) order is the reverse for Arabic.
            let mut letters: Vec<char> = r.text.trim().chars().collect();
            if letters.iter().any(|c| is_arabic_char(*c)) {
                letters.reverse();
            }
            let at = r.x0;
            return Some(vec![(
                letters.into_iter().map(|c| (c, at, at)).collect(),
                at,
            )]);
        }
        let marks: Vec<(char, f32, f32)> = r
            .glyphs
            .iter()
            .filter(|g| !g.0.is_whitespace())
            .copied()
            .collect();
        let only_marks = r.glyphs.len() == r.text.chars().count()
            && !marks.is_empty()
            && marks.iter().all(|g| is_combining_mark(g.0));
        only_marks.then(|| marks.into_iter().map(|g| (vec![g], g.1)).collect())
    };
    let mut runs: Vec<Run> = Vec::with_capacity(frag.len());
    let mut over: Vec<(&Run, Vec<Piece>)> = Vec::new();
    for r in frag {
        match pieces(r) {
            Some(p) => over.push((r, p)),
            None => runs.push(r.clone()),
        }
    }
    let inside = |r: &Run, at: f32| {
        r.glyphs.len() >= 2
            && r.glyphs.windows(2).all(|w| mid(&w[0]) <= mid(&w[1]))
            && r.glyphs.first().is_some_and(|g| mid(g) < at)
            && r.glyphs.last().is_some_and(|g| mid(g) > at)
    };
    for (r, pieces) in over {
        if !pieces
            .iter()
            .all(|(_, at)| runs.iter().any(|h| inside(h, *at)))
        {
            runs.push(r.clone());
            continue;
        }
        for (glyphs, at) in pieces {
            if let Some(host) = runs.iter_mut().find(|h| inside(h, at)) {
                let i = host.glyphs.partition_point(|g| mid(g) < at);
                host.glyphs.splice(i..i, glyphs);
                host.text = host.glyphs.iter().map(|g| g.0).collect();
            }
        }
    }
    runs
}

fn is_ltr_strong(c: char) -> bool {
    c.is_alphanumeric() && !is_arabic_char(c)
}

/// The mirrored bracket or quote of `c` (what a right-to-left run shows), `c` itself otherwise.
pub(crate) fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    }
}

/// Letter-spaced (tracked) text, "2 0 2 1 - 0 3  –  P r e s e n t": the library puts one space
/// between tracked glyphs and two where a real space was. A stretch between double spaces made of four
/// or more single characters with single spaces between them is closed up ("2021-03 – Present"), before
/// the bidi step, which would otherwise take each digit of a right-to-left line for a number of its own.
fn close_tracking(visual: &str) -> std::borrow::Cow<'_, str> {
    // Mostly single characters; a few pieces joined by punctuation ("0 2-2 0 2 0").
    let tracked = |chunk: &str| {
        let tokens: Vec<&str> = chunk.split(' ').collect();
        let single = tokens.iter().filter(|t| t.chars().count() == 1).count();
        tokens.len() >= 4
            && single * 4 >= tokens.len() * 3
            && tokens.iter().all(|t| {
                t.chars().count() <= 3 && t.chars().filter(|c| c.is_alphanumeric()).count() <= 2
            })
    };
    let chunks: Vec<&str> = visual.split("  ").collect();
    if !chunks.iter().any(|c| tracked(c.trim())) {
        return std::borrow::Cow::Borrowed(visual);
    }
    // In a line that is letter-spaced, a short word is too ("ى ت ح").
    let short = |chunk: &str| chunk.len() > 1 && chunk.split(' ').all(|t| t.chars().count() == 1);
    let closed: Vec<String> = chunks
        .iter()
        .map(|c| {
            let t = c.trim();
            if tracked(t) || short(t) {
                t.replace(' ', "")
            } else {
                t.to_string()
            }
        })
        .filter(|c| !c.is_empty())
        .collect();
    std::borrow::Cow::Owned(closed.join(" "))
}

/// Puts one visual line in logical order. In a right-to-left line everything is reversed, then each
/// left-to-right stretch (Latin words with the spaces and punctuation between them, or one number)
/// is turned back. In a left-to-right line only the Arabic stretches are reversed.
pub fn visual_to_logical(visual: &str, rtl: bool) -> String {
    let chars: Vec<char> = visual.chars().collect();
    // Latin text is left to right whatever the paragraph; without Arabic or Latin letters (dates,
    // numbers) only a right-to-left paragraph changes the order.
    let latin = chars.iter().any(|&c| is_ltr_strong(c) && !c.is_numeric());
    if !chars.iter().any(|&c| is_arabic_char(c)) && (latin || !rtl) {
        return visual.to_string();
    }
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    if rtl {
        let rev: Vec<char> = chars.iter().rev().copied().collect();
        let mut i = 0;
        while i < rev.len() {
            // A percent or currency sign drawn right after a number belongs to it ("30%").
            let sign_of_number = matches!(rev[i], '%' | '٪' | '$' | '€' | '£')
                && rev.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !is_ltr_strong(rev[i]) && !sign_of_number {
                out.push(mirror(rev[i]));
                i += 1;
                continue;
            }
            // One stretch: letters and digits, with neutrals inside; a space ends a number, unless
            // a left-to-right mark closes the stretch (the producer said it is one embedded
            // left-to-right run: "+20 100 555 7788").
            let embedded = rev[..i]
                .iter()
                .rev()
                .find(|c| **c != ' ')
                .is_some_and(|c| *c == '\u{200E}');
            let mut j = i + 1;
            let mut end = i + 1;
            while j < rev.len() {
                let c = rev[j];
                // A right-to-left mark is as strong as an Arabic letter: a producer that wrote
                // one between two Latin items ("name@mail.test ‏|‏ +20 100") keeps them apart. So
                // does a list separator: the items of a right-to-left contact line are read right
                // to left, whatever their script.
                if is_arabic_char(c) || matches!(c, '\u{200F}' | '\u{061C}' | '|' | '•' | '·') {
                    break;
                }
                if c == ' ' && rev[j - 1].is_ascii_digit() && !embedded {
                    break;
                }
                if is_ltr_strong(c) {
                    end = j + 1;
                }
                j += 1;
            }
            if embedded {
                // Its Latin punctuation at the start too ("+" of "+20").
                while end < j && rev[end].is_ascii_punctuation() {
                    end += 1;
                }
            }
            out.extend(rev[i..end].iter().rev());
            i = end;
        }
    } else {
        let mut i = 0;
        while i < chars.len() {
            if !is_arabic_char(chars[i]) {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut end = i + 1;
            while j < chars.len() && !is_ltr_strong(chars[j]) {
                if is_arabic_char(chars[j]) {
                    end = j + 1;
                }
                j += 1;
            }
            out.extend(chars[i..end].iter().rev().map(|&c| mirror(c)));
            i = end;
        }
    }
    paired_brackets(&mut out);
    out.into_iter().collect()
}

/// Turns brackets the right way round where a whole line has them backwards ("العربية )اللغة الأم("
/// → "العربية (اللغة الأم)"). Producers disagree on the text of a bracket drawn in right-to-left
/// text: some map the glyph drawn (the mirror image), some the character typed, so a reader that
/// mirrors brackets when it puts a stretch back in logical order is right for one and wrong for the
/// other. A closing bracket with no opening one before it says which: when a pair type reads as
/// nested only with every bracket of that type turned round, they are turned round.
fn paired_brackets(line: &mut [char]) {
    for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
        let nested = |flip: bool| {
            let mut depth = 0i32;
            for &c in line.iter() {
                let (o, cl) = if flip { (close, open) } else { (open, close) };
                if c == o {
                    depth += 1;
                } else if c == cl {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
            }
            depth == 0
        };
        if !nested(false) && nested(true) {
            for c in line.iter_mut() {
                if *c == open {
                    *c = close;
                } else if *c == close {
                    *c = open;
                }
            }
        }
    }
}

/// A lam-alef ligature is one glyph for two letters. A producer that maps it to "لا" in reading order
/// (LibreOffice) leaves the library to share the glyph's width out evenly, lam on the left, so the
/// visual text reads "لا" where every other pair reads right to left: "المؤهلات" came out "المؤهالت".
/// Two such halves — lam then alef, of one width, edge to edge — are put in drawn order (alef first).
fn unsplit_lam_alef(glyphs: &[(char, f32, f32)]) -> std::borrow::Cow<'_, [(char, f32, f32)]> {
    let halves = |a: &(char, f32, f32), b: &(char, f32, f32)| {
        a.0 == 'ل'
            && matches!(b.0, 'ا' | 'أ' | 'إ' | 'آ')
            && ((a.2 - a.1) - (b.2 - b.1)).abs() < 0.02
            && (a.2 - b.1).abs() < 0.02
            && a.2 > a.1
    };
    // Where glyph places are only estimated (shared out along a span), every letter meets the next
    // exactly and equal halves say nothing. Drawn glyphs meet only roughly; the halves of one glyph
    // meet exactly.
    let rough = |a: &(char, f32, f32), b: &(char, f32, f32)| (b.1 - a.2).abs() > 0.005;
    let stands_out = |i: usize| {
        let before = i.checked_sub(1).map(|p| rough(&glyphs[p], &glyphs[i]));
        let after = glyphs.get(i + 2).map(|n| rough(&glyphs[i + 1], n));
        (glyphs[i + 1].1 - glyphs[i].2).abs() < 0.001
            && (before.unwrap_or(false) || after.unwrap_or(false))
    };
    let ligature = |i: usize| halves(&glyphs[i], &glyphs[i + 1]) && stands_out(i);
    if !(0..glyphs.len().saturating_sub(1)).any(ligature) {
        return std::borrow::Cow::Borrowed(glyphs);
    }
    let mut out = glyphs.to_vec();
    let mut i = 0;
    while i + 1 < out.len() {
        if ligature(i) {
            let (lam, alef) = (out[i].0, out[i + 1].0);
            out[i].0 = alef;
            out[i + 1].0 = lam;
            i += 2;
        } else {
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The run's text with spaces put back where glyphs stand apart (glued words).
fn spaced_text(r: &Run) -> String {
    if r.glyphs.len() < 2 {
        return r.text.clone();
    }
    let size = r.font_size.max(1.0);
    let mut out = String::with_capacity(r.text.len() + 8);
    let mut prev: Option<(char, f32, f32)> = None;
    for &(c, x0, x1) in unsplit_lam_alef(&r.glyphs).iter() {
        if let Some((pc, px0, px1)) = prev {
            let gap = if x0 >= px1 - 0.01 { x0 - px1 } else { px0 - x1 };
            // A glyph without width is a point at the left edge of what it stands for (see
            // [`merge_points`]): the gap after it is that glyph's width, no space.
            let point = px1 - px0 < 0.01;
            if gap > 0.2 * size
                && !point
                && !pc.is_whitespace()
                && !c.is_whitespace()
                && !is_combining_mark(pc)
                && !is_combining_mark(c)
            {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some((c, x0, x1));
    }
    out
}

/// Combining marks (Arabic harakat and tanween, Latin accents): drawn over a letter, never a word
/// of their own, so their place says nothing about spaces.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{FE20}'..='\u{FE2F}')
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, x1: f32) -> Run {
        Run {
            text: text.into(),
            x0,
            x1,
            y0: 100.0,
            y1: 110.0,
            font_size: 10.0,
            ..Default::default()
        }
    }

    /// The first line laid out from `runs`.
    fn first_line(runs: Vec<Run>) -> String {
        let page = PageRuns { runs, width: 595.0 };
        lay_out_page(&page).lines[0].text.clone()
    }

    #[test]
    fn letter_spaced_text_is_closed_up_before_the_bidi_step() {
        assert_eq!(
            close_tracking("2 0 1 9 - 0 1  –  P r e s e n t"),
            "2019-01 – Present"
        );
        // Drawn right to left: the period comes out whole, in logical order.
        let visual = "ن آ ل ا ى ت ح  –  2 0 2 0 - 0 2";
        assert_eq!(
            visual_to_logical(&close_tracking(visual), true),
            "2020-02 – حتىالآن"
                .chars()
                .rev()
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
        );
        // Ordinary text with single letters stays.
        assert_eq!(close_tracking("Plan A or B  then C"), "Plan A or B  then C");
        assert_eq!(
            close_tracking("ن آ ل ا  ى ت ح  –  0 2-2 0 2 0"),
            "نآلا ىتح – 02-2020"
        );
        assert_eq!(close_tracking("و أ ب"), "و أ ب");
    }

    #[test]
    fn a_lam_alef_ligature_shared_out_evenly_reads_in_drawn_order() {
        // "المؤهلات" as LibreOffice draws it, left to right: ت, then the ligature's halves, then the rest.
        let glyphs = [
            ('ت', 492.736, 506.792),
            ('ل', 506.820, 512.133),
            ('ا', 512.133, 517.446),
            ('ه', 517.418, 527.120),
            ('ؤ', 527.120, 535.884),
            ('م', 535.912, 545.292),
            ('ل', 545.208, 550.458),
            ('ا', 550.500, 555.288),
        ];
        let drawn: String = unsplit_lam_alef(&glyphs).iter().map(|g| g.0).collect();
        assert_eq!(visual_to_logical(&drawn, true), "المؤهلات");
        // Separate glyphs of different widths (the article "ال") stay as they are.
        assert_eq!(unsplit_lam_alef(&glyphs[6..]).as_ref(), &glyphs[6..]);
        // So do letters placed by estimate, all meeting exactly ("خالد" drawn د ل ا خ).
        let even = [
            ('د', 342.28125, 354.8789),
            ('ل', 354.8789, 362.1914),
            ('ا', 362.1914, 369.5039),
            ('خ', 369.5039, 384.33984),
        ];
        assert_eq!(unsplit_lam_alef(&even).as_ref(), &even);
    }

    #[test]
    fn a_bullet_says_where_an_arabic_list_item_starts() {
        let words = "ةبسنب ءادألا نيسحت";
        // In a left-to-right list: bullet at the left, number after the words.
        let ltr = vec![
            run("•", 55.0, 59.0),
            run(words, 63.0, 160.0),
            run(" 30%", 160.0, 183.0),
        ];
        assert_eq!(first_line(ltr), "• تحسين الأداء بنسبة 30%");
        // In a right-to-left list: bullet at the right, the number on the left.
        let rtl = vec![
            run("30% ", 300.0, 323.0),
            run(words, 323.0, 420.0),
            run("•", 424.0, 428.0),
        ];
        assert_eq!(first_line(rtl), "• تحسين الأداء بنسبة 30%");
    }

    /// A run with each glyph's place (`glyphs` in drawn order, left to right).
    fn drawn(glyphs: &[(char, f32, f32)]) -> Run {
        Run {
            text: glyphs.iter().map(|g| g.0).collect(),
            x0: glyphs[0].1,
            x1: glyphs[glyphs.len() - 1].2,
            glyphs: glyphs.to_vec(),
            ..run("", 0.0, 0.0)
        }
    }

    #[test]
    fn a_vowel_sign_drawn_over_a_word_goes_inside_it() {
        // "جدًا" drawn as ا, د, ج with the sign between alef and dal: given as a point (an
        // `/ActualText`)…
        let word = [
            ('ا', 100.0, 103.0),
            ('د', 103.0, 108.0),
            ('ج', 108.0, 114.0),
        ];
        let point = run("\u{64B}", 103.2, 103.2);
        assert_eq!(first_line(vec![drawn(&word), point]), "جد\u{64B}ا");
        // …or as a run of signs alone, each at its glyph's place ("ممرضًا جديدًا").
        let words = [
            ('ا', 100.0, 103.0),
            ('د', 103.0, 108.0),
            ('ي', 108.0, 111.0),
            ('د', 111.0, 116.0),
            ('ج', 116.0, 122.0),
            (' ', 122.0, 125.0),
            ('ا', 125.0, 128.0),
            ('ض', 128.0, 137.0),
            ('ر', 137.0, 142.0),
            ('م', 142.0, 147.0),
            ('م', 147.0, 152.0),
        ];
        let signs = drawn(&[('\u{64B}', 102.6, 102.6), ('\u{64B}', 128.2, 128.2)]);
        let signs = Run { x1: 128.2, ..signs };
        assert_eq!(
            first_line(vec![drawn(&words), signs]),
            "ممرض\u{64B}ا جديد\u{64B}ا"
        );
    }

    #[test]
    fn brackets_come_out_nested_whichever_way_the_producer_mapped_them() {
        // The glyph drawn for "(" in right-to-left text is ")": mapped as drawn…
        assert_eq!(
            visual_to_logical("(مألا ةغللا) ةيبرعلا", true),
            "العربية (اللغة الأم)"
        );
        // …or as typed.
        assert_eq!(
            visual_to_logical(")مألا ةغللا( ةيبرعلا", true),
            "العربية (اللغة الأم)"
        );
        // A lone bracket, or brackets already nested, stay as they are.
        assert_eq!(visual_to_logical("(1 دنب", true), "بند 1)");
        assert_eq!(visual_to_logical("a (b) ةيبرعلا", false), "a (b) العربية");
    }

    #[test]
    fn a_right_to_left_mark_keeps_latin_items_of_an_arabic_line_apart() {
        // A contact line as our PDF export draws it, left to right, marks included.
        let visual = "https://x.test/m \u{200E} \u{200F}|\u{200F} \u{200F}EG\u{200E} ,ةرهاقلا \u{200F}|\u{200F} \u{200F}+20 100 555 7788\u{200E} \u{200F}|\u{200F} \u{200F}m@mail.test\u{200E}";
        let logical = visual_to_logical(visual, true);
        let clean: String = logical
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}'))
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            clean,
            "m@mail.test | +20 100 555 7788 | القاهرة, EG | https://x.test/m"
        );
    }
}
