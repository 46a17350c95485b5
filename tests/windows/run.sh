#!/usr/bin/env bash
# Job Gate's Windows build under Wine (Debian's wine64), compared with the Linux build, and its installer.
#
#   tests/windows/run.sh WIN_DIR
#
# WIN_DIR holds jobgate.exe built for x86_64-pc-windows-gnu (scripts/test.sh windows builds it), and may hold
# jobgate-desktop.exe (scripts/package.sh windows builds it; the window itself cannot run under Wine, which has no
# WebView2, but its bounded reader can). LINUX_JOBGATE is the Linux CLI to compare with (default: the debug build
# of the test stage). JOBGATE_SETUP=dist/Job-Gate_<version>_x64-setup.exe checks that installer instead of packing
# one around WIN_DIR's executables. Checks, each printed as "ok"/"FAIL" and counted ("# pass N" / "# fail N" at the end):
#   - the sample corpus and the held-out set analysed on Windows: the same analysis, file by file, as on Linux;
#   - a history and a passcode-locked profile on Windows (SQLite with SQLCipher and its built-in OpenSSL);
#   - exports (English PDF and DOCX, Arabic PDF): the same text and document XML as Linux's;
#   - an Arabic builder session: the same answers, states and CV as Linux's;
#   - the bounded reader: a worker child process on pipes, stopped at its deadline (details.limit = time); the
#     app's own GUI-subsystem executable answering as a worker, when there is one;
#   - the NSIS installer (packaging/windows/installer.nsi, around the app, or the CLI standing in for it; as it
#     ships, without the CLI, which is a zip of its own): a silent install puts the files, shortcut, "Open with"
#     and uninstall entries where they belong, the installed program runs; a newer installer run as the app's
#     updater runs it (/S /UPDATE) while the program is still running updates it in place, keeping a deleted
#     desktop shortcut deleted; a silent uninstall removes them all and leaves the person's data.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
win_dir=$(realpath "${1:?usage: tests/windows/run.sh WIN_DIR}")
target_dir=${CARGO_TARGET_DIR:-$root/target}
linux_cli=${LINUX_JOBGATE:-$target_dir/debug/jobgate}
work=$(mktemp -d)
cleanup() {
  [ -d "$work/prefix" ] && WINEPREFIX=$work/prefix HOME=$work/home wineserver -k 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "FAIL - $1"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

# A private Wine: its own prefix and home (Wine links Desktop and Documents to $HOME), no menu entries written
# into the real home, no Mono/Gecko prompts, no debug noise.
mkdir -p "$work/home"
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
w() { HOME=$work/home wine "$@"; }
winpath() { local p; p=$(realpath -m "$1"); printf 'Z:%s' "${p//\//\\}"; }
t=$SECONDS
HOME=$work/home wineboot -i >/dev/null 2>&1
# Rust's standard library imports bcryptprimitives.dll (ProcessPrng), which Wine 8 lacks: a stand-in.
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/prefix/drive_c/windows/system32/bcryptprimitives.dll" \
  packaging/wine/bcryptprimitives.c -ladvapi32 || { echo "FAIL - the Wine stand-in did not build"; exit 1; }
echo "Wine prefix ready in $((SECONDS - t)) s ($(wine --version))"

cli=$win_dir/jobgate.exe
[ -f "$cli" ] || { echo "no $cli"; exit 1; }
[ -x "$linux_cli" ] || { echo "no Linux CLI at $linux_cli (build it: cargo build -p jobgate-cli)"; exit 1; }

# --- analyses: the corpus and the held-out set, Linux and Windows ---------------------------------------------
mapfile -t files < <(ls tests/fixtures/corpus/files/*.pdf tests/fixtures/corpus/files/*.docx \
                        tests/fixtures/heldout/files/*.pdf tests/fixtures/heldout/files/*.docx 2>/dev/null)
winfiles=(); for f in "${files[@]}"; do winfiles+=("$(winpath "$f")"); done
mkdir -p "$work/lin" "$work/win"
t=$SECONDS
JOBGATE_DATA_DIR=$work/lin-data "$linux_cli" analyze "${files[@]}" --no-history --out-dir "$work/lin" >/dev/null 2>&1
tl=$((SECONDS - t)); t=$SECONDS
JOBGATE_DATA_DIR=$(winpath "$work/win-data") w "$cli" analyze "${winfiles[@]}" --no-history --out-dir "$(winpath "$work/win")" \
  >"$work/win-analyze.log" 2>&1
check "Windows CLI analysed ${#files[@]} CVs ($((SECONDS - t)) s under Wine, ${tl} s on Linux)" \
  test "$(ls "$work/win" | wc -l)" -eq "${#files[@]}"
check "the same analysis on Windows as on Linux, file by file" \
  python3 tests/windows/check.py same-analyses "$work/lin" "$work/win"
for set in corpus heldout; do
  python3 tests/fixtures/corpus/score.py "$work/win" --truth "tests/fixtures/corpus/truth" \
    --manifest "tests/fixtures/$set/manifest.json" 2>/dev/null | grep -iE "^ *(overall|macro)" | head -2 | sed "s/^/  $set (Windows): /"
done

# --- history and a locked profile (SQLCipher with OpenSSL built in) -------------------------------------------
wdata=$(winpath "$work/win-data")
one=$(winpath tests/fixtures/corpus/files/001__even.pdf)
JOBGATE_DATA_DIR=$wdata w "$cli" analyze "$one" --json >/dev/null 2>&1
check "history kept on Windows" bash -c "JOBGATE_DATA_DIR='$wdata' HOME='$work/home' wine '$cli' history --json 2>/dev/null | grep -q 001__even"
ls "$work/win-data/profiles" >"$work/profiles-before" 2>/dev/null
JOBGATE_DATA_DIR=$wdata JOBGATE_PASSCODE=correct-horse-42 w "$cli" profile create Layla --lock >/dev/null 2>&1
JOBGATE_DATA_DIR=$wdata JOBGATE_PASSCODE=correct-horse-42 w "$cli" --profile Layla analyze "$one" --json >/dev/null 2>&1
check "a passcode-locked profile on Windows keeps its history" bash -c \
  "JOBGATE_DATA_DIR='$wdata' JOBGATE_PASSCODE=correct-horse-42 HOME='$work/home' wine '$cli' --profile Layla history --json 2>/dev/null | grep -q 001__even"
# Layla's database is the one file the profile's creation added (the default profile's, made above, is plain).
encrypted() { local f n=0; for f in "$work"/win-data/profiles/*.sqlite3; do
  grep -qxF "$(basename "$f")" "$work/profiles-before" && continue
  n=$((n + 1)); [ "$(head -c 15 "$f" | tr -d '\0')" != "SQLite format 3" ] || return 1; done; [ "$n" -eq 1 ]; }
check "its database is encrypted on disk (no SQLite header: SQLCipher pages)" encrypted

# --- exports ----------------------------------------------------------------------------------------------
en=$work/lin/001__even.pdf.json ar=$work/lin/028__even.pdf.json
export_both() { # INPUT FORMAT NAME [--lang ar]
  local in=$1 fmt=$2 name=$3; shift 3
  JOBGATE_DATA_DIR=$work/lin-data "$linux_cli" export "$in" --format "$fmt" --template classic --out "$work/lin-$name" "$@" >/dev/null 2>&1
  JOBGATE_DATA_DIR=$wdata w "$cli" export "$(winpath "$in")" --format "$fmt" --template classic --out "$(winpath "$work/win-$name")" "$@" >/dev/null 2>&1
}
export_both "$en" pdf en.pdf; export_both "$en" docx en.docx; export_both "$ar" pdf ar.pdf --lang ar
same_pdf_text() { [ -s "$work/win-$1" ] && [ "$(pdftotext "$work/lin-$1" - 2>/dev/null)" = "$(pdftotext "$work/win-$1" - 2>/dev/null)" ] \
  && [ -n "$(pdftotext "$work/win-$1" - 2>/dev/null)" ]; }
same_docx_xml() { python3 -c "import sys,zipfile; r=lambda p: zipfile.ZipFile(p).read('word/document.xml'); sys.exit(r(sys.argv[1])!=r(sys.argv[2]))" \
  "$work/lin-$1" "$work/win-$1"; }
check "English PDF export: the same text as Linux's" same_pdf_text en.pdf
check "English DOCX export: the same document as Linux's" same_docx_xml en.docx
check "Arabic PDF export: the same text as Linux's" same_pdf_text ar.pdf

# --- an Arabic builder session ----------------------------------------------------------------------------
answers=("ليلى حداد" "layla@example.com" "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧" "الرياض، السعودية" "مهندسة برمجيات"
  "مهندسة برمجيات بخبرة ست سنوات في تطوير تطبيقات الويب والجوال، أبحث عن دور قيادي في فريق منتجات."
  "مهندسة برمجيات أولى" "شركة المستقبل" "يناير ٢٠١٨ - ديسمبر ٢٠٢٢" "مسؤولة عن إدارة فريق من ٥ مهندسين" "/accept"
  "لا" "لا" "بكالوريوس علوم الحاسب" "جامعة الملك سعود" "٢٠١٣ - ٢٠١٧" "لا" "Python، SQL، إدارة المشاريع"
  "العربية (اللغة الأم)، الإنجليزية (ممتاز)" "لا يوجد" "لا" "/done")
printf '%s\n' "${answers[@]}" | JOBGATE_DATA_DIR=$work/lin-data "$linux_cli" build --lang ar --json >"$work/lin-build.jsonl" 2>/dev/null
printf '%s\r\n' "${answers[@]}" | JOBGATE_DATA_DIR=$wdata w "$cli" build --lang ar --json >"$work/win-build.jsonl" 2>/dev/null
check "an Arabic builder session: the same on Windows as on Linux" \
  python3 tests/windows/check.py same-states "$work/lin-build.jsonl" "$work/win-build.jsonl"

# --- the bounded reader ---------------------------------------------------------------------------------------
JOBGATE_READ_DEADLINE_MS=1 JOBGATE_DATA_DIR=$wdata w "$cli" analyze "$one" --json --no-history >"$work/deadline.json" 2>/dev/null
check "a worker child on pipes is stopped at its deadline on Windows (details.limit = time)" \
  test "$(python3 tests/windows/check.py limit "$work/deadline.json" 2>/dev/null)" = time
if [ -f "$win_dir/jobgate-desktop.exe" ]; then
  cp "$win_dir/jobgate-desktop.exe" "$work/"
  # The windows-gnu app does not start without WebView2Loader.dll beside it (the installer puts it there).
  cp "$(ls -t "$win_dir"/build/webview2-com-sys-*/out/x64/WebView2Loader.dll | head -1)" "$work/"
  check "the app's GUI-subsystem executable answers as a worker on stdin/stdout" \
    env HOME="$work/home" python3 tests/windows/check.py worker "$work/jobgate-desktop.exe" tests/fixtures/corpus/files/001__even.pdf wine
fi

# --- the installer ----------------------------------------------------------------------------------------
app=$win_dir/jobgate-desktop.exe stand_in=""
[ -f "$app" ] || { app=$cli; stand_in=" (the CLI standing in for the app)"; }
t=$SECONDS
if [ -n "${JOBGATE_SETUP:-}" ]; then
  # The installer scripts/package.sh made for dist/ (around the executables of WIN_DIR), checked as it ships.
  cp "$JOBGATE_SETUP" "$work/setup.exe" && echo "installer: $JOBGATE_SETUP, $(stat -c %s "$work/setup.exe") bytes"
else
  JOBGATE_NSIS_FAST=1 scripts/package.sh nsis "$app" "$work/setup.exe" >"$work/nsis.log" 2>&1 || cat "$work/nsis.log"
  echo "installer built in $((SECONDS - t)) s$stand_in: $(stat -c %s "$work/setup.exe" 2>/dev/null) bytes"
fi
# The "newer" installer an update brings, packed while the first one is checked.
JOBGATE_PACKAGE_VERSION=9.9.9 JOBGATE_NSIS_FAST=1 scripts/package.sh nsis "$app" "$work/update.exe" >"$work/nsis-update.log" 2>&1 &
update_pack=$!
user=$work/prefix/drive_c/users/$(id -un)
inst="$user/AppData/Local/Programs/Job Gate"
# The person's data, which neither install nor uninstall may touch.
mkdir -p "$user/AppData/Roaming/Job Gate/data" && echo keep >"$user/AppData/Roaming/Job Gate/data/jobgate.sqlite3"
t=$SECONDS
w "$work/setup.exe" /S /NOWEBVIEW2; HOME=$work/home wineserver -w
echo "silent install took $((SECONDS - t)) s"
check "installed: the app, WebView2Loader.dll and the uninstaller" bash -c \
  "cd '$inst' && test -f jobgate-desktop.exe -a -f WebView2Loader.dll -a -f uninstall.exe"
check "a Start menu shortcut and a desktop shortcut" \
  test -f "$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Job Gate.lnk" -a -f "$user/Desktop/Job Gate.lnk"
reg() { w reg query "$1" 2>/dev/null | tr -d '\r'; }
no_key() { ! w reg query "$1" >/dev/null 2>&1; }
check "\"Open with Job Gate\" for PDF and DOCX, the default program left alone" bash -c \
  "$(declare -f reg w); work='$work'; reg 'HKCU\\Software\\Classes\\.pdf\\OpenWithProgids' | grep -q JobGate.CV \
   && reg 'HKCU\\Software\\Classes\\.docx\\OpenWithProgids' | grep -q JobGate.CV \
   && reg 'HKCU\\Software\\Classes\\JobGate.CV\\shell\\open\\command' | grep -qF 'jobgate-desktop.exe\" \"%1\"' \
   && ! reg 'HKCU\\Software\\Classes\\.pdf' | grep -q 'JobGate.CV\$'"
check "an Apps & features entry with a quiet uninstall" bash -c \
  "$(declare -f reg w); work='$work'; reg 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Job Gate' | grep -q 'uninstall.exe\" /S'"
installed_cv=$(winpath tests/fixtures/corpus/files/029__elegant__soffice.docx)
if [ -n "$stand_in" ]; then
  check "the installed program runs" bash -c "HOME='$work/home' wine '$inst/jobgate-desktop.exe' analyze '$installed_cv' --json --no-history 2>/dev/null | grep -q ats_score"
else
  check "the installed program runs (its bounded reader)" env HOME="$work/home" python3 tests/windows/check.py worker \
    "$inst/jobgate-desktop.exe" tests/fixtures/corpus/files/029__elegant__soffice.docx wine
fi
# An update as the app's updater runs it: a newer installer with /UPDATE, started while the program is still
# running (here a bounded-reader worker holding the program file open until its input closes, 3 s later).
wait "$update_pack"
echo "update installer packed: $(stat -c %s "$work/update.exe" 2>/dev/null) bytes"
rm -f "$user/Desktop/Job Gate.lnk"
(sleep 3 | HOME=$work/home wine "$inst/jobgate-desktop.exe" --jobgate-worker >/dev/null 2>&1) &
running=$!
sleep 1
t=$SECONDS
w "$work/update.exe" /S /UPDATE /NOWEBVIEW2; wait "$running"; HOME=$work/home wineserver -w
echo "update over the running program took $((SECONDS - t)) s"
check "an update (/S /UPDATE) over the running program installs the newer version in place" bash -c \
  "$(declare -f reg w); work='$work'; reg 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Job Gate' | grep -q 'DisplayVersion.*9\.9\.9' \
   && test -f '$inst/jobgate-desktop.exe' -a -f '$inst/uninstall.exe' -a -f '$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Job Gate.lnk'"
check "the update keeps the desktop shortcut the person deleted deleted, and their data" bash -c \
  "! test -e '$user/Desktop/Job Gate.lnk' && grep -q keep '$user/AppData/Roaming/Job Gate/data/jobgate.sqlite3'"
if [ -n "$stand_in" ]; then
  check "the updated program runs" bash -c "HOME='$work/home' wine '$inst/jobgate-desktop.exe' analyze '$installed_cv' --json --no-history 2>/dev/null | grep -q ats_score"
fi

t=$SECONDS
w "$inst/uninstall.exe" /S; HOME=$work/home wineserver -w
echo "silent uninstall took $((SECONDS - t)) s"
check "uninstalled: no program folder, shortcut, association or Apps & features entry" bash -c \
  "$(declare -f reg no_key w); work='$work'; ! test -e '$inst' && ! test -e '$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Job Gate.lnk' \
   && ! reg 'HKCU\\Software\\Classes\\.pdf\\OpenWithProgids' | grep -q JobGate.CV \
   && no_key 'HKCU\\Software\\Classes\\JobGate.CV' \
   && no_key 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Job Gate'"
check "the person's data is still there after the uninstall" \
  grep -q keep "$user/AppData/Roaming/Job Gate/data/jobgate.sqlite3"

echo "# pass $passed"
echo "# fail $failed"
[ "$failed" -eq 0 ]
