#!/usr/bin/env bash
# One fuzzing campaign: fuzz/run.sh <target> [seconds, default 3600] [extra libFuzzer flags...]
#
# Runs under `nice -n 19` in libFuzzer's fork mode with one worker, so a crash, timeout or OOM is saved
# to fuzz/artifacts/<target>/ and the campaign goes on. Log: fuzz/logs/<target>.log (the last `#N` line
# and the final stats give execs, cov, ft and corpus size). Seed first: fuzz/seed.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh extract_pdf|extract_docx|parse_text [seconds] [libFuzzer flags]}"
seconds="${2:-3600}"
shift $(($# < 2 ? $# : 2))
case "$target" in
    extract_pdf) max_len=1048576 dict=pdf.dict ;;
    extract_docx) max_len=1048576 dict=docx.dict ;;
    parse_text) max_len=65536 dict=cv.dict ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
mkdir -p "$here/logs" "$here/corpus/$target"
cd "$here"
exec nice -n 19 cargo +nightly fuzz run --sanitizer none --debug-assertions "$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -dict="$here/dict/$dict" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -print_final_stats=1 "$@" >"$here/logs/$target.log" 2>&1
