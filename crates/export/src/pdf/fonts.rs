//! The fonts embedded in exported PDFs (OFL, files in `templates/fonts/` with their licence),
//! compiled into the binary and parsed once per process for shaping (rustybuzz). Each PDF embeds
//! a subset of each font with only the glyphs it draws ([`subset`], allsorts — the subsetter
//! printpdf itself uses, which printpdf only calls with its heavy `text_layout` feature).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

/// Font family names a template may ask for.
pub const NAMES: [&str; 2] = ["Noto Sans", "Noto Naskh Arabic"];

static NOTO_SANS: &[u8] = include_bytes!("../../../../templates/fonts/NotoSans-Regular.ttf");
static NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../../templates/fonts/NotoSans-Bold.ttf");
static NASKH: &[u8] = include_bytes!("../../../../templates/fonts/NotoNaskhArabic-Regular.ttf");
static NASKH_BOLD: &[u8] = include_bytes!("../../../../templates/fonts/NotoNaskhArabic-Bold.ttf");

/// A family's regular and bold files.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    pub regular: &'static [u8],
    pub bold: &'static [u8],
}

/// The embedded family called `name` (case-insensitive).
pub fn by_name(name: &str) -> Option<Family> {
    match name.trim().to_ascii_lowercase().as_str() {
        "noto sans" => Some(Family {
            regular: NOTO_SANS,
            bold: NOTO_SANS_BOLD,
        }),
        "noto naskh arabic" => Some(Family {
            regular: NASKH,
            bold: NASKH_BOLD,
        }),
        _ => None,
    }
}

/// One font file, ready for shaping and subsetting.
pub struct Face {
    pub shaper: rustybuzz::Face<'static>,
    /// The font file.
    pub data: &'static [u8],
    /// PostScript name, for the embedded font's `/BaseFont`.
    pub postscript_name: &'static str,
    pub units_per_em: f32,
    /// An invisible glyph with no advance (the zero width joiner's), used to mark where a cluster
    /// starts and ends for text extraction.
    pub blank: Option<u16>,
    /// Ascender and descender (negative) in em.
    pub ascent: f32,
    pub descent: f32,
}

impl Face {
    fn load(bytes: &'static [u8], postscript_name: &'static str) -> Option<Face> {
        let shaper = rustybuzz::Face::from_slice(bytes, 0)?;
        let units_per_em = shaper.units_per_em() as f32;
        let blank = shaper
            .glyph_index('\u{200D}')
            .filter(|&g| shaper.glyph_hor_advance(g) == Some(0))
            .map(|g| g.0);
        Some(Face {
            blank,
            ascent: shaper.ascender() as f32 / units_per_em,
            descent: shaper.descender() as f32 / units_per_em,
            units_per_em,
            shaper,
            data: bytes,
            postscript_name,
        })
    }

    /// True when the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// Parses the files of `family` once per process (and `None` if a file does not parse).
pub fn load(family: Family) -> Option<(&'static Face, &'static Face)> {
    static CACHE: OnceLock<Vec<(usize, Option<Face>)>> = OnceLock::new();
    let all: &'static Vec<(usize, Option<Face>)> = CACHE.get_or_init(|| {
        [
            (NOTO_SANS, "NotoSans-Regular"),
            (NOTO_SANS_BOLD, "NotoSans-Bold"),
            (NASKH, "NotoNaskhArabic-Regular"),
            (NASKH_BOLD, "NotoNaskhArabic-Bold"),
        ]
        .into_iter()
        .map(|(b, name)| (b.as_ptr() as usize, Face::load(b, name)))
        .collect()
    });
    let find = |bytes: &'static [u8]| -> Option<&'static Face> {
        all.iter()
            .find(|(p, _)| *p == bytes.as_ptr() as usize)
            .and_then(|(_, f)| f.as_ref())
    };
    Some((find(family.regular)?, find(family.bold)?))
}

/// A font cut down to some of its glyphs, ready to embed.
pub struct Subset {
    /// The subset font file (TrueType).
    pub data: Vec<u8>,
    /// `XXXXXX+PostScriptName`: the tag marks a subset (ISO 32000-1, 9.6.4); it is derived from the
    /// glyphs kept, so the same document gives the same file.
    pub name: String,
    /// Glyph id in the full font → glyph id in the subset.
    pub gids: BTreeMap<u16, u16>,
}

/// The subset of `face` with the glyphs `used` (and `.notdef`), or `None` if the font cannot be cut.
pub fn subset(face: &Face, used: &BTreeSet<u16>) -> Option<Subset> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    // `.notdef` first; allsorts numbers the kept glyphs by their position in this list.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.iter().copied().filter(|g| *g != 0))
        .collect();
    let file = ReadScope::new(face.data).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    let data =
        allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (face.postscript_name, &ids).hash(&mut hasher);
    let mut h = hasher.finish();
    let tag: String = (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect();
    Some(Subset {
        data,
        name: format!("{tag}+{}", face.postscript_name),
        gids: ids
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new as u16))
            .collect(),
    })
}
