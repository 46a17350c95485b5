#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine (what CI runs) and ends with one line "tests: N passed, N failed".
#
#   scripts/test.sh            everything: setup, format, build + lint, Rust tests, sync server tests, end-to-end,
#                              Windows
#   scripts/test.sh engine     the fast loop: build + every Rust test, without the app's end-to-end run or the
#                              server stage (the desktop crate's own tests run on Tauri's mock runtime, no window)
#   scripts/test.sh rust       build + lint, then every Rust test (engine, CLI, desktop commands)
#   scripts/test.sh e2e        the end-to-end tests of the real app (builds the app if it is not built)
#   scripts/test.sh server     the sync reference server's tests against a throwaway PostgreSQL
#   scripts/test.sh windows    the CLI cross-built for Windows (x86_64-pc-windows-gnu), checked under Wine against
#                              the Linux build, and the NSIS installer installed and uninstalled silently under Wine
#                              (tests/windows/run.sh; its cross build is the `wincheck` profile: see Cargo.toml and
#                              docs/BENCHMARKS.md, Installers)
#
# The workspace is compiled once. Clippy runs as the compiler of our own crates (RUSTC_WORKSPACE_WRAPPER, exactly
# what `cargo clippy` does, but with code generation), so the lint pass and the test build are the same build;
# the app the end-to-end tests drive is the `jobgate-desktop` binary that build made. Every stage uses the same
# environment, so no stage rebuilds what another built (see ARCHITECTURE.md, Testing).
set -uo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0 RUST_BACKTRACE=1
# Clippy as the workspace compiler; `-D warnings` as `cargo clippy -- -D warnings` passes it.
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
log=$(mktemp)
pgdir=""
winbuild="" winlog=""
cleanup() {
  [ -z "$winbuild" ] || kill "$winbuild" 2>/dev/null
  rm -f "$log" ${winlog:+"$winlog" "$winlog.rc"}
  [ -z "$pgdir" ] || bash server/scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
t0=$(date +%s)
step() { printf '\n=== %s (%s, +%ss)\n' "$1" "$(date +%T)" "$(( $(date +%s) - t0 ))"; }
rc=0
run_logged() { "$@" 2>&1 | tee -a "$log"; local r=${PIPESTATUS[0]}; [ "$r" -eq 0 ] || rc=1; }

setup() {
  step "setup"
  scripts/setup.sh test || exit 1
  scripts/setup.sh windows || exit 1
}

format() {
  step "format"
  cargo fmt --all -- --check || { echo "cargo fmt: run 'cargo fmt --all'"; exit 1; }
}

build() {
  step "build + lint (clippy -D warnings on every target, one build)"
  cargo test --workspace --all-targets --locked --no-run || { echo "build or lint failed"; exit 1; }
}

# One throwaway PostgreSQL for the whole run (the sync server's tests and the sync client's tests against it);
# DATABASE_URL from outside is used as it is.
start_postgres() {
  [ -n "${DATABASE_URL:-}" ] && return 0
  step "PostgreSQL for the sync tests"
  pgdir=$(mktemp -d)
  DATABASE_URL=$(bash server/scripts/pg.sh start "$pgdir" | sed -n 's/^DATABASE_URL=//p')
  [ -n "$DATABASE_URL" ] || { echo "could not start PostgreSQL (server/scripts/pg.sh)"; exit 1; }
  export DATABASE_URL
}

rust_tests() {
  step "Rust tests (engine, CLI, desktop commands)"
  run_logged cargo test --workspace --locked --no-fail-fast "$@"
}

server_tests() {
  step "sync reference server tests (Node.js, PostgreSQL)"
  (cd server && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }) || { rc=1; return; }
  run_logged node --test server/test/
}

e2e_tests() {
  step "end-to-end tests of the app"
  # The app is the binary the Rust test build made (tauri's `test` feature only adds the mock runtime module).
  SKIP_BUILD=1 run_logged tests/e2e/run.sh
}

# One cross build (the CLI, `wincheck` profile: dependencies at opt-level 1, the vendored OpenSSL unoptimised)
# reused by every check; the Linux CLI it is compared with is the one the build stage made.
windows_build() {
  # The installer takes WebView2Loader.dll from webview2-com-sys's sources (the app's dependency, not the CLI's).
  cargo fetch --locked --target x86_64-pc-windows-gnu >/dev/null \
    && cargo build --locked --target x86_64-pc-windows-gnu -p jobgate-cli --profile wincheck
}

# `all` starts the cross build in the background at the lowest priority right after the format check: it uses
# the CPU the Linux build and the tests leave idle (linking, the app's window, PostgreSQL), and never slows them
# much; its output is shown when the Windows stage begins.
windows_build_in_background() {
  winlog=$(mktemp)
  (nice -n 19 bash -c "$(declare -f windows_build); windows_build" >"$winlog" 2>&1; echo $? >"$winlog.rc") &
  winbuild=$!
}

windows_tests() {
  step "Windows build under Wine (CLI end to end, installer, update)"
  if [ -n "${winbuild:-}" ]; then
    wait "$winbuild"
    grep -E '^(error|warning)|Finished|could not' "$winlog"
    [ "$(cat "$winlog.rc")" = 0 ] || { cat "$winlog"; echo "Windows cross build failed"; rc=1; return; }
  else
    scripts/setup.sh windows || { rc=1; return; }
    windows_build || { echo "Windows cross build failed"; rc=1; return; }
  fi
  local target_dir=${CARGO_TARGET_DIR:-target}
  [ -x "$target_dir/debug/jobgate" ] || cargo build --locked -p jobgate-cli || { rc=1; return; }
  run_logged tests/windows/run.sh "$target_dir/x86_64-pc-windows-gnu/wincheck"
}

case "$what" in
  all) setup; format; windows_build_in_background; build; start_postgres; rust_tests; server_tests; e2e_tests
       windows_tests ;;
  engine) build; start_postgres; rust_tests ;;
  rust) format; build; start_postgres; rust_tests ;;
  e2e) build; e2e_tests ;;
  server) start_postgres; server_tests ;;
  windows) windows_tests ;;
  *) echo "usage: scripts/test.sh [all|engine|rust|e2e|server|windows]" >&2; exit 2 ;;
esac

step "done"
passed=$(( $(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}') \
         + $(grep -Eo '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}') \
         + $(grep -Eo '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
