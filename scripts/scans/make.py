#!/usr/bin/env python3
"""Makes the scanned and photographed CVs of tests/fixtures/scans from the sample corpus.

Pages of corpus PDFs are rendered to grey images (pdftoppm, poppler-utils), then spoiled the way
scanners and phone cameras spoil them: a tilt of about a degree, sensor noise, JPEG compression, a page
on its side. They are written as JPEG or PNG files, as image-only PDFs (JPEG pages kept as DCTDecode
bytes, PNG pages as Flate images, by img2pdf) and as a PDF that mixes a scanned page with a typed one.
The truth is the corpus truth (tests/fixtures/corpus/truth), so the manifest points at it.

Needs: pdftoppm, Python 3 with Pillow, img2pdf and pypdf (pip install pillow img2pdf pypdf).
Deterministic pictures (a fixed seed per file); the PDF wrappers differ run to run in their dates and IDs only.
Run from the repository root: python3 scripts/scans/make.py [--only CORPUS_FILE ...] (--only makes
just those rows and keeps the other files and manifest rows as they are).
"""
import io
import json
import random
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageFilter
import img2pdf
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fixtures/corpus"
OUT = ROOT / "tests/fixtures/scans"

# (corpus file, output kind, dpi, options). Kinds: jpg/png (page 1 only; single-page CVs), pdf-jpeg,
# pdf-png (every page an image), mixed (page 1 scanned, the rest typed), tiff (every page, one
# multi-page TIFF in black and white with CCITT G4 compression, as office scanners and faxes make).
PLAN = [
    ("003__stackoverflow.pdf", "jpg", 200, {"tilt": 1.0, "noise": 10, "quality": 70}),
    ("009__stackoverflow.pdf", "png", 150, {"tilt": -0.7, "noise": 0}),
    ("012__stackoverflow.pdf", "jpg", 200, {"turn": 90, "noise": 6, "quality": 75}),
    ("001__even.pdf", "pdf-jpeg", 150, {"tilt": 0.8, "noise": 8, "quality": 60}),
    ("002__flat.pdf", "pdf-png", 150, {"tilt": 0.0, "noise": 0}),
    ("005__flat.pdf", "mixed", 200, {"tilt": -1.0, "noise": 8, "quality": 65}),
    ("030__stackoverflow.pdf", "jpg", 200, {"tilt": -1.0, "noise": 10, "quality": 70}),
    ("028__even.pdf", "pdf-jpeg", 200, {"tilt": 0.6, "noise": 8, "quality": 60}),
    ("029__flat.pdf", "pdf-png", 150, {"tilt": 0.0, "noise": 0}),
    ("031__even.pdf", "mixed", 200, {"tilt": 0.9, "noise": 6, "quality": 65}),
    ("038__flat.pdf", "pdf-jpeg", 200, {"tilt": -0.8, "noise": 8, "quality": 60}),
    # Phone photos of page 1: the page on a darker table, seen a little from one side, lit unevenly,
    # stored sideways with an EXIF orientation tag (as phones do).
    ("009__stackoverflow.pdf", "photo", 200, {"noise": 5, "quality": 72}),
    ("030__stackoverflow.pdf", "photo", 200, {"noise": 5, "quality": 72}),
    # Multi-page TIFFs from a document scanner: black and white, all pages in one file.
    ("011__flat.pdf", "tiff", 300, {"tilt": 0.5, "noise": 0}),
    ("032__flat.pdf", "tiff", 300, {"tilt": -0.4, "noise": 0}),
]


def render(pdf: Path, dpi: int) -> list:
    """Every page of `pdf` as a grey PIL image."""
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf)],
        check=False, capture_output=True,
    )
    if out.returncode != 0:
        sys.exit(f"pdftoppm failed on {pdf}")
    # pdftoppm to stdout concatenates the PNGs; split them at their signatures.
    sig = b"\x89PNG\r\n\x1a\n"
    parts = [sig + p for p in out.stdout.split(sig) if p]
    return [Image.open(io.BytesIO(p)).convert("L") for p in parts]


def spoil(img: Image.Image, rng: random.Random, tilt=0.0, noise=0, turn=0, **_):
    if tilt:
        img = img.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if noise:
        w, h = img.size
        grain = Image.effect_noise((w, h), noise)
        img = Image.blend(img, grain.point(lambda v: min(255, v + 64)), 0.12)
        img = img.filter(ImageFilter.GaussianBlur(0.4))
    if turn:
        img = img.rotate(turn, expand=True)  # counter-clockwise: the page lies on its side
    return img


def photographed(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page as a phone photographs it: on a table, in perspective, brighter on one side."""
    w, h = page.size
    canvas = Image.new("L", (int(w * 1.12), int(h * 1.08)), 90)
    canvas.paste(page, (int(w * 0.06), int(h * 0.04)))
    cw, ch = canvas.size
    d = 0.03
    # Corners of the source quad for each output corner: the top edge looks a little narrower.
    quad = (cw * d, 0, 0, ch, cw, ch, cw * (1 - d), 0)
    canvas = canvas.transform((cw, ch), Image.QUAD, quad, resample=Image.BICUBIC)
    light = Image.linear_gradient("L").rotate(90).resize((cw, ch)).point(lambda v: 175 + v * 80 // 255)
    from PIL import ImageChops
    canvas = ImageChops.multiply(canvas, light)
    return canvas


def encoded(img: Image.Image, fmt: str, quality=70, **_) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpg":
        img.save(buf, "JPEG", quality=quality, optimize=True)
    else:
        img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def main():
    manifest = json.loads((CORPUS / "manifest.json").read_text())
    rows = {Path(d["file"]).name: d for d in manifest["documents"]}
    (OUT / "files").mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[sys.argv.index("--only") + 1:]) if "--only" in sys.argv else None
    kept = {}
    if only is not None and (OUT / "manifest.json").exists():
        kept = {d["file"]: d for d in json.loads((OUT / "manifest.json").read_text())["documents"]}
    docs = []
    for name, kind, dpi, opts in PLAN:
        if only is not None and name not in only:
            docs.extend(d for f, d in kept.items() if Path(f).name.startswith(name[:-4] + "__") and d["scan"] == kind)
            continue
        rng = random.Random(name)
        src = CORPUS / "files" / name
        pages = [spoil(p, rng, **opts) for p in render(src, dpi)]
        stem = name[:-4] + f"__scan{dpi}"
        if kind in ("jpg", "png"):
            target = f"{stem}.{kind}"
            data = encoded(pages[0], kind, **opts)
        elif kind == "photo":
            target = f"{name[:-4]}__photo.jpg"
            shot = photographed(pages[0], rng).rotate(90, expand=True)  # stored sideways
            exif = Image.Exif()
            exif[0x0112] = 6  # "rotate 90° clockwise to view"
            buf = io.BytesIO()
            shot.save(buf, "JPEG", quality=opts.get("quality", 72), optimize=True, exif=exif)
            data = buf.getvalue()
        elif kind in ("pdf-jpeg", "pdf-png"):
            fmt = "jpg" if kind == "pdf-jpeg" else "png"
            layout = img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)))
            target = f"{stem}__{fmt}.pdf"
            data = img2pdf.convert([encoded(p, fmt, **opts) for p in pages], layout_fun=layout)
        elif kind == "mixed":
            layout = img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)))
            scanned = PdfReader(io.BytesIO(img2pdf.convert([encoded(pages[0], "jpg", **opts)], layout_fun=layout)))
            typed = PdfReader(str(src))
            w = PdfWriter()
            w.add_page(scanned.pages[0])
            for p in typed.pages[1:]:
                w.add_page(p)
            buf = io.BytesIO()
            w.write(buf)
            target = f"{stem}__mixed.pdf"
            data = buf.getvalue()
        elif kind == "tiff":
            target = f"{stem}.tif"
            bw = [p.point(lambda v: 255 if v > 160 else 0).convert("1") for p in pages]
            buf = io.BytesIO()
            bw[0].save(buf, "TIFF", compression="group4", save_all=True, append_images=bw[1:], dpi=(dpi, dpi))
            data = buf.getvalue()
        else:
            sys.exit(f"unknown kind {kind}")
        (OUT / "files" / target).write_bytes(data)
        row = rows[name]
        docs.append({
            "file": f"files/{target}",
            "cv_id": row["cv_id"],
            "language": row["language"],
            "format": "pdf" if target.endswith(".pdf") else ("jpg" if kind == "photo" else kind),
            "theme": row["theme"],
            "scan": kind,
            "hidden": row.get("hidden", []),
        })
        print(f"{target}: {len(data) // 1024} KB")
    (OUT / "manifest.json").write_text(json.dumps({"documents": docs}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
