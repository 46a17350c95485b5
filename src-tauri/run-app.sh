#!/usr/bin/env bash
# Starts the Job Gate desktop app from a source checkout.
# On Debian/Ubuntu it first installs the system libraries Tauri needs when they are missing
# (asks for sudo when not root). Everything else comes from cargo.
#   src-tauri/run-app.sh            debug build (fast to compile)
#   src-tauri/run-app.sh --release  optimised build (slower to compile, faster app)
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev librsvg2-dev libayatana-appindicator3-dev)
if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "Installing system packages the app needs: ${missing[*]}"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
elif ! pkg-config --exists webkit2gtk-4.1 2>/dev/null && [[ "$(uname)" == "Linux" ]]; then
  echo "Install WebKitGTK 4.1 development files (e.g. webkit2gtk4.1-devel on Fedora) and run this again." >&2
  exit 1
fi

command -v cargo >/dev/null || { echo "Install Rust first: https://rustup.rs" >&2; exit 1; }
exec cargo run -p jobgate-desktop "$@"
