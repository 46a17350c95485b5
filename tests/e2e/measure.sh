#!/usr/bin/env bash
# Measures the Job Gate app: start to an interactive window, idle memory (PSS of the app and its
# WebKit processes), and the .deb size when one was built.
#   tests/e2e/measure.sh [APP_BIN] [RUNS]     default: target/release/jobgate-desktop, 5 runs
# Runs under Xvfb (xvfb-run) with a throwaway HOME and data folder. Prints one line per figure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
APP_BIN="${1:-$TARGET_DIR/release/jobgate-desktop}"
RUNS="${2:-5}"
[[ -x "$APP_BIN" ]] || { echo "no app binary at $APP_BIN" >&2; exit 1; }

if [[ "${INSIDE_XVFB:-}" != 1 ]]; then
  WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
  mkdir -p "$WORK/home" "$WORK/data"
  INSIDE_XVFB=1 HOME="$WORK/home" JOBGATE_DATA_DIR="$WORK/data" NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$0" "$APP_BIN" "$RUNS"
  DEB="$(ls -1 "$TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -1 || true)"
  if [[ -n "$DEB" ]]; then
    echo "deb: $(basename "$DEB") $(stat -c %s "$DEB") bytes ($(awk "BEGIN{printf \"%.2f\", $(stat -c %s "$DEB")/1048576}") MiB)"
  fi
  echo "binary: $(stat -c %s "$APP_BIN") bytes"
  exit 0
fi

descendants() { local p; for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done; }
pss_kb() { awk '/^Pss:/ {s+=$2} END {print s+0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
rss_kb() { awk '/^Rss:/ {s+=$2} END {print s+0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

for run in $(seq "$RUNS"); do
  LOG="$(mktemp)"
  START=$(date +%s%3N)
  "$APP_BIN" 2> "$LOG" &
  APP=$!
  READY=""
  for _ in $(seq 300); do
    READY=$(sed -n 's/.*JOBGATE_READY epoch_ms=\([0-9]*\).*/\1/p' "$LOG" | head -1)
    [[ -n "$READY" ]] && break
    sleep 0.05
  done
  if [[ -z "$READY" ]]; then echo "run $run: never became ready"; cat "$LOG"; kill "$APP"; exit 1; fi
  echo "run $run: start to interactive $((READY - START)) ms"
  if [[ "$run" == "$RUNS" ]]; then
    sleep 5   # idle
    total_pss=0; total_rss=0
    for p in "$APP" $(descendants "$APP"); do
      name=$(cat "/proc/$p/comm" 2>/dev/null || echo "?")
      pss=$(pss_kb "$p"); rss=$(rss_kb "$p")
      total_pss=$((total_pss + pss)); total_rss=$((total_rss + rss))
      echo "  $name (pid $p): PSS $((pss / 1024)) MB, RSS $((rss / 1024)) MB"
    done
    echo "idle memory: PSS $((total_pss / 1024)) MB, RSS $((total_rss / 1024)) MB"
  fi
  kill "$APP"; wait "$APP" 2>/dev/null || true
  rm -f "$LOG"
  sleep 1
done
