#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, checks formatting and lints,
# runs every Rust test (engine, CLI, desktop commands), then the end-to-end tests of the real app
# under a virtual display. Ends with one line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0 RUST_BACKTRACE=1
# Line tables only: backtraces keep file and line, while the ~35 test binaries shrink from ~500 MB each
# (full debug info filled ~20 GB per build on a 2-core CI machine) and link much faster.
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

step "setup"
scripts/setup.sh test || exit 1

step "format"
cargo fmt --all -- --check || { echo "cargo fmt: run 'cargo fmt --all'"; exit 1; }

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings || exit 1

step "Rust tests (engine, CLI, desktop commands)"
cargo test --workspace --locked --no-fail-fast 2>&1 | tee -a "$log"
rust_rc=${PIPESTATUS[0]}

step "end-to-end tests of the app"
tests/e2e/run.sh 2>&1 | tee -a "$log"
e2e_rc=${PIPESTATUS[0]}

passed=$(( $(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}') \
         + $(grep -Eo '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}') \
         + $(grep -Eo '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
if [ "$rust_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ]; then
  [ "$failed" -eq 0 ] && failed=1
fi
echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
