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
# Sync goes to one reference server (server/) for the run, on PostgreSQL: a database of its own in the cluster
# at DATABASE_URL when set (scripts/test.sh starts one), else a throwaway cluster from server/scripts/pg.sh.
# The tests get its address and a seeded account's key as E2E_SYNC_URL and E2E_SYNC_KEY.
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
  # The UI's JavaScript, type-checked against the command types generated from Rust (ui/types/commands.d.ts).
  node_modules/.bin/tsc -p ui/jsconfig.json || { echo "the UI does not type-check against ui/types/commands.d.ts" >&2; exit 1; }
  TAURI_DRIVER="${TAURI_DRIVER:-$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")}"
  [[ -x "$TAURI_DRIVER" ]] || { echo "tauri-driver not found: cargo install tauri-driver --locked --version 2.1.0" >&2; exit 1; }
  command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver not found: apt-get install webkit2gtk-driver" >&2; exit 1; }
  export TAURI_DRIVER
  WORK="$(mktemp -d)"
  SYNC_PID="" SYNC_DB="" OWN_PG=""
  finish() {
    if [[ -n "$SYNC_PID" ]]; then kill "$SYNC_PID" 2>/dev/null || true; wait "$SYNC_PID" 2>/dev/null || true; fi
    if [[ -n "$SYNC_DB" ]]; then sql "DROP DATABASE IF EXISTS $SYNC_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
    if [[ -n "$OWN_PG" ]]; then bash server/scripts/pg.sh stop "$WORK/pg" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
  }
  trap finish EXIT
  mkdir -p "$WORK/home" "$WORK/data" "$WORK/out" tests/e2e/artifacts

  # --- the sync server for this run ---
  [[ -d server/node_modules/pg ]] || (cd server && npm ci --no-audit --no-fund --loglevel=error)
  sql() { (cd server && ADMIN_URL="$ADMIN_URL" SQL="$1" node -e \
    "const pg=require('pg');const c=new pg.Client(process.env.ADMIN_URL);c.connect().then(()=>c.query(process.env.SQL)).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})"); }
  if [[ -n "${DATABASE_URL:-}" ]]; then
    ADMIN_URL="$DATABASE_URL"
  else
    # As root, pg.sh hands the cluster's folder to the postgres user, who must be able to enter $WORK.
    chmod 755 "$WORK"
    ADMIN_URL="$(bash server/scripts/pg.sh start "$WORK/pg" | sed -n 's/^DATABASE_URL=//p')"
    OWN_PG=1
  fi
  SYNC_DB="jobgate_e2e_$$"
  sql "CREATE DATABASE $SYNC_DB"
  SYNC_DB_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/$SYNC_DB';console.log(u.href)" "$ADMIN_URL")"
  export E2E_SYNC_KEY="jgs-e2e-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  node server/bin/jobgate-sync-server.mjs serve --port 0 --host 127.0.0.1 --log-level warn \
    --database-url "$SYNC_DB_URL" --seed-account "e2e:$E2E_SYNC_KEY" \
    > "$WORK/sync.out" 2> tests/e2e/artifacts/sync-server.log &
  SYNC_PID=$!
  for _ in $(seq 300); do grep -q '^listening on ' "$WORK/sync.out" 2>/dev/null && break; sleep 0.1; done
  E2E_SYNC_URL="$(sed -n 's/^listening on //p' "$WORK/sync.out")"
  [[ -n "$E2E_SYNC_URL" ]] || { echo "the sync server did not start; see tests/e2e/artifacts/sync-server.log" >&2; exit 1; }
  export E2E_SYNC_URL
  # A throwaway HOME (keyring and WebKit caches), data folder and export folder for this run only.
  export JOBGATE_DATA_DIR="$WORK/data" E2E_OUT_DIR="$WORK/out" NO_AT_BRIDGE=1
  # The machine's policy file: absent at first (a person's own computer); the policy tests write it and start
  # the app again, which reads it at start-up.
  export JOBGATE_POLICY="$WORK/policy.toml"
  # Closing the window as a window manager would (Xvfb has none): a small X11 client, built for this run.
  if cc -O -o "$WORK/wm-close" tests/e2e/wm-close.c -lX11 2>/dev/null; then export E2E_WM_CLOSE="$WORK/wm-close"; fi
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
# The native WebDriver port next to ours, so runs on other ports do not collide on tauri-driver's default (4445).
"$TAURI_DRIVER" --port "$PORT" --native-port $((PORT + 1)) > tests/e2e/artifacts/tauri-driver.log 2>&1 &
DRIVER=$!
cleanup() { kill "$DRIVER" 2>/dev/null || true; wait "$DRIVER" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

E2E_DRIVER_PORT="$PORT" node --test tests/e2e/app.test.mjs
