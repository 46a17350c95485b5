#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from tests/fixtures (corpus, extract, heldout, hostile, jobs) and the
# regression inputs in tests/fixtures/fuzz. Safe to re-run: it only adds files (named after their source),
# so a corpus grown by earlier campaigns is kept. The copies are not committed (fuzz/.gitignore).
#
#   extract_pdf   every *.pdf
#   extract_docx  every *.docx as is, plus its structured form (document, styles, rels, first header,
#                 first footer; XML parts joined by NUL — see jobgate_fuzz::docx_from_parts)
#   parse_text    text of every PDF (pdftotext, when installed) and DOCX (paragraphs of document.xml),
#                 the job descriptions, and a copy of each with layout hints on short lines
#                 (see jobgate_fuzz::document_from_text)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$(cd "$here/../tests/fixtures" && pwd)"
corpus="$here/corpus"
mkdir -p "$corpus/extract_pdf" "$corpus/extract_docx" "$corpus/parse_text"

name_of() { # tests/fixtures/corpus/files/x.pdf -> corpus_files_x.pdf
    local rel="${1#"$fixtures"/}"
    echo "${rel//\//_}"
}

while IFS= read -r -d '' f; do
    cp "$f" "$corpus/extract_pdf/$(name_of "$f")"
    if command -v pdftotext >/dev/null; then
        pdftotext -q -enc UTF-8 "$f" "$corpus/parse_text/$(name_of "$f").txt" || true
    fi
done < <(find "$fixtures" -name '*.pdf' -not -path "$fixtures/fuzz/*" -print0)

while IFS= read -r -d '' f; do
    cp "$f" "$corpus/extract_docx/$(name_of "$f")"
done < <(find "$fixtures" -name '*.docx' -not -path "$fixtures/fuzz/*" -print0)

python3 - "$fixtures" "$corpus" <<'EOF'
import pathlib, re, sys, zipfile
fixtures, corpus = map(pathlib.Path, sys.argv[1:3])
parts = ["word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"]
for f in sorted(fixtures.rglob("*.docx")):
    if f.relative_to(fixtures).parts[0] == "fuzz":
        continue
    name = "_".join(f.relative_to(fixtures).parts)
    try:
        z = zipfile.ZipFile(f)
        names = z.namelist()
        header = sorted(n for n in names if re.fullmatch(r"word/header\d*\.xml", n))
        footer = sorted(n for n in names if re.fullmatch(r"word/footer\d*\.xml", n))
        if sum(z.getinfo(p).file_size for p in names) > 1 << 20:
            continue  # zip bomb, deep nesting: over -max_len, the raw copy is enough
        blobs = []
        for p in parts + header[:1] + footer[:1]:
            blobs.append(z.read(p) if p in names else b"")
        if not header:
            blobs.insert(3, b"")
        rels = blobs[2]
        # The structured form stores the first header and footer as header1.xml and footer1.xml.
        if header:
            rels = rels.replace(header[0][5:].encode(), b"header1.xml")
        if footer:
            rels = rels.replace(footer[0][5:].encode(), b"footer1.xml")
        blobs[2] = rels
        (corpus / "extract_docx" / (name + ".parts")).write_bytes(b"\0".join(b.replace(b"\0", b"") for b in blobs))
        xml = z.read("word/document.xml").decode("utf-8", "replace")
    except Exception:
        continue  # hostile archives: the raw copy is enough
    paras = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        if text.strip():
            paras.append(text)
    (corpus / "parse_text" / (name + ".txt")).write_text("\n".join(paras) + "\n")

for f in sorted(fixtures.glob("jobs/*.txt")) + [fixtures / "hostile/notes.txt"]:
    (corpus / "parse_text" / ("_".join(f.relative_to(fixtures).parts))).write_bytes(f.read_bytes())

# Layout-hint variants: short lines become bold headings (\x03), lines starting with a bullet glyph
# bullets (\x04), the first line a big bold name.
for f in sorted((corpus / "parse_text").glob("*.txt")):
    if f.name.startswith("hinted_"):
        continue
    out = []
    for i, line in enumerate(f.read_text(errors="replace").splitlines()):
        s = line.strip()
        if not s:
            continue
        if i == 0 or (len(s.split()) <= 3 and not any(c.isdigit() for c in s)):
            out.append("\x03" + s)
        elif s[0] in "•●▪-–*":
            out.append("\x04" + s[1:].strip())
        else:
            out.append(s)
    (corpus / "parse_text" / ("hinted_" + f.name)).write_text("\n".join(out) + "\n")
EOF

# Earlier findings, so every campaign starts from them.
for target in extract_pdf extract_docx parse_text; do
    if [ -d "$fixtures/fuzz/$target" ]; then
        cp "$fixtures/fuzz/$target"/* "$corpus/$target/" 2>/dev/null || true
    fi
done

for target in extract_pdf extract_docx parse_text; do
    echo "$target: $(find "$corpus/$target" -type f | wc -l) files"
done
