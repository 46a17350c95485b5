#!/usr/bin/env bash
# Installs what Job Gate needs on a fresh Debian/Ubuntu machine; does nothing that is already done.
# Usage: scripts/setup.sh [app|test|windows]   (app: what running the app needs; test: also the test tools;
#        windows: also what building for Windows and testing it under Wine needs, scripts/test.sh windows)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Build and run: Tauri 2 on Linux (WebKitGTK 4.1); libssl-dev for SQLCipher's crypto; Tesseract with its English,
# Arabic and orientation models for scans and photos (OCR; the OCR tests run it for real). Tests add PDF/DOCX
# tools, a virtual display, WebDriver, a keyring, and PostgreSQL for the sync reference server.
pkgs=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
      libayatana-appindicator3-dev librsvg2-dev nodejs npm python3
      tesseract-ocr tesseract-ocr-eng tesseract-ocr-ara tesseract-ocr-osd)
if [ "$what" = test ]; then
  pkgs+=(poppler-utils libreoffice-writer-nogui xvfb xauth x11-utils webkit2gtk-driver
         dbus gnome-keyring libsecret-tools postgresql)
fi
# Windows from Linux: mingw-w64 links x86_64-pc-windows-gnu (and builds SQLCipher's OpenSSL, with perl and make),
# NSIS packs the installer, Wine 8 (64-bit only: the app and the installer are 64-bit) runs both in the tests.
if [ "$what" = windows ]; then
  pkgs+=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 perl make nsis wine wine64 poppler-utils python3)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere (nvm, the image): accept any working node and npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  for i in 1 2 3; do as_root apt-get update -qq && break || sleep 5; done
  for i in 1 2 3; do as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && break || sleep 10; done
fi

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is needed (https://rustup.rs); install it and run this again" >&2
  exit 1
fi

if [ "$what" = windows ]; then
  rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
  exit 0
fi

# JavaScript tools (Tauri CLI, WebDriver client, axe-core) from the lock file, again when the lock file changed.
if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# The sync reference server's own dependencies (node-postgres).
if [ "$what" = test ] && [ -f server/package-lock.json ] && [ ! -d server/node_modules ]; then
  (cd server && npm ci --no-audit --no-fund --loglevel=error)
fi

# WebDriver server for the end-to-end tests of the app.
if [ "$what" = test ] && ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi
