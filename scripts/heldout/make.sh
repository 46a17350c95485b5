#!/usr/bin/env bash
# Builds the held-out layout set in tests/fixtures/heldout: the corpus truth (tests/fixtures/corpus/truth)
# rendered through JSON Resume themes the sample corpus does not use, printed to PDF by Chromium and
# converted to DOCX by pandoc, with a manifest listing what each layout does not show. The parser is
# never tuned on these files' layouts; they measure how it does on layouts it has not seen.
# Needs network (npm registry) once, chromium and pandoc:  apt-get install chromium pandoc
# Usage: scripts/heldout/make.sh [ID ...]   (default: a mix of English, Arabic and mixed CVs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
ids=${*:-001 009 012 028 030 038}
themes="kendall macchiato paper class spartan short caffeine onepage"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent $(for t in $themes; do printf 'jsonresume-theme-%s ' "$t"; done) >/dev/null
TRUTH_DIR="$root/tests/fixtures/corpus/truth" IDS="$ids" node "$here/render.cjs" $themes
out="$root/tests/fixtures/heldout"; rm -rf "$out"; mkdir -p "$out/files"
for h in html/*.html; do
  b=$(basename "$h" .html)
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/files/$b.pdf" "file://$PWD/$h" >/dev/null 2>&1
  pandoc -f html -t docx -o "$out/files/${b}__pandoc.docx" "$h"
done
TRUTH_DIR="$root/tests/fixtures/corpus/truth" HTML_DIR="$PWD/html" python3 "$here/manifest.py" "$out"
