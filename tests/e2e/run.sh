#!/usr/bin/env bash
# End-to-end tests of the real Job Gate app through WebDriver (tauri-driver + WebKitWebDriver).
#
# Needs (see tests/e2e/README.md): the Tauri system packages, xvfb + xauth, webkit2gtk-driver, dbus,
# gnome-keyring, `npm ci` done, and `cargo install tauri-driver --locked --version 2.1.0`.
#
#   tests/e2e/run.sh            build the debug app (frontend embedded), then run the tests under Xvfb
#                               in a private D-Bus session with an unlocked keyring; exit 1 on failure.
#   SKIP_BUILD=1 tests/e2e/run.sh     reuse the binary already built.
# Screenshots of every screen go to tests/e2e/artifacts/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

if [[ "${1:-}" != "--inside-session" ]]; then
  TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    # No devUrl in tauri.conf.json: a plain debug build embeds ui/.
    cargo build -p jobgate-desktop --locked
  fi
  export APP_BIN="${APP_BIN:-$TARGET_DIR/debug/jobgate-desktop}"
  [[ -x "$APP_BIN" ]] || { echo "no app binary at $APP_BIN" >&2; exit 1; }
  TAURI_DRIVER="${TAURI_DRIVER:-$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")}"
  [[ -x "$TAURI_DRIVER" ]] || { echo "tauri-driver not found: cargo install tauri-driver --locked --version 2.1.0" >&2; exit 1; }
  command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver not found: apt-get install webkit2gtk-driver" >&2; exit 1; }
  export TAURI_DRIVER
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  mkdir -p "$WORK/home" "$WORK/data" "$WORK/out" tests/e2e/artifacts
  # A throwaway HOME (keyring and WebKit caches), data folder and export folder for this run only.
  export JOBGATE_DATA_DIR="$WORK/data" E2E_OUT_DIR="$WORK/out" NO_AT_BRIDGE=1
  # AI requests go to the tests' local fake server (tests/e2e/fake-ai.mjs), never to the internet.
  export E2E_AI_PORT="${E2E_AI_PORT:-4599}"
  export JOBGATE_OPENROUTER_URL="http://127.0.0.1:$E2E_AI_PORT/v1"
  HOME="$WORK/home" xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- bash "$0" --inside-session
  exit $?
fi

# --- inside Xvfb and a private D-Bus session ---------------------------------------------------
# Create and unlock the "login" keyring, which the keyring crate's default target uses.
echo -n "e2e-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null

PORT="${E2E_DRIVER_PORT:-4444}"
"$TAURI_DRIVER" --port "$PORT" > tests/e2e/artifacts/tauri-driver.log 2>&1 &
DRIVER=$!
cleanup() { kill "$DRIVER" 2>/dev/null || true; wait "$DRIVER" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

E2E_DRIVER_PORT="$PORT" node --test tests/e2e/app.test.mjs
