//! The fonts embedded in exported PDFs (OFL, files in `templates/fonts/` with their licence),
//! compiled into the binary and parsed once per process: for shaping (rustybuzz) and for embedding
//! (printpdf, which subsets them to the glyphs used).

use printpdf::ParsedFont;
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

/// One font file, ready for shaping and embedding.
pub struct Face {
    pub shaper: rustybuzz::Face<'static>,
    pub parsed: ParsedFont,
    pub units_per_em: f32,
    /// Ascender and descender (negative) in em.
    pub ascent: f32,
    pub descent: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Face> {
        let shaper = rustybuzz::Face::from_slice(bytes, 0)?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        let units_per_em = shaper.units_per_em() as f32;
        Some(Face {
            ascent: shaper.ascender() as f32 / units_per_em,
            descent: shaper.descender() as f32 / units_per_em,
            units_per_em,
            shaper,
            parsed,
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
        [NOTO_SANS, NOTO_SANS_BOLD, NASKH, NASKH_BOLD]
            .into_iter()
            .map(|b| (b.as_ptr() as usize, Face::load(b)))
            .collect()
    });
    let find = |bytes: &'static [u8]| -> Option<&'static Face> {
        all.iter()
            .find(|(p, _)| *p == bytes.as_ptr() as usize)
            .and_then(|(_, f)| f.as_ref())
    };
    Some((find(family.regular)?, find(family.bold)?))
}
