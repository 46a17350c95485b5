#!/usr/bin/env bash
# Builds Job Gate's installers into dist/ on a Debian/Ubuntu machine, offline (package registries only).
#
#   scripts/package.sh            all of them
#   scripts/package.sh linux      dist/*.deb and dist/*.rpm (Tauri's bundler, natively)
#   scripts/package.sh windows    dist/Job-Gate_<version>_x64-setup.exe: the app cross-compiled for
#                                 x86_64-pc-windows-gnu with Debian's mingw-w64, packed by Debian's NSIS
#                                 (packaging/windows/installer.nsi); and dist/Job-Gate-CLI_<version>_x64.zip, the
#                                 command line for career centres' scripts (a job seeker needs only the app, and
#                                 the CLI would make the installer two thirds larger; JOBGATE_INSTALL_CLI=1 puts
#                                 it in the installer too)
#   scripts/package.sh nsis APP_EXE OUT [CLI_EXE]
#                                 only the installer, around the given executables (the Windows test stage packs
#                                 its CLI build this way: tests/windows/run.sh)
#
# Why not Tauri's own NSIS bundler: on Linux it downloads its NSIS plugin (nsis_tauri_utils.dll) from GitHub and,
# for an embedded WebView2 bootstrapper, Microsoft's; neither is reachable from a machine that only has the
# package registries. Our script needs only Debian's nsis. Why not x86_64-pc-windows-msvc with cargo-xwin: xwin
# downloads the MSVC CRT and the Windows SDK from Microsoft on first use. See docs/BENCHMARKS.md (Installers).
#
# Environment: CARGO_TARGET_DIR as cargo's; JOBGATE_NSIS_FAST=1 packs with zlib (the tests: faster, larger);
# JOBGATE_WEBVIEW2_SETUP=/path/MicrosoftEdgeWebview2Setup.exe embeds
# Microsoft's WebView2 bootstrapper (for career centres without the internet), otherwise the installer fetches it
# only on the rare Windows that lacks WebView2.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-all}
target_dir=${CARGO_TARGET_DIR:-$root/target}
win=x86_64-pc-windows-gnu
# JOBGATE_PACKAGE_VERSION overrides the version (the tests pack a "newer" installer to update with).
version=${JOBGATE_PACKAGE_VERSION:-$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' tauri.conf.json | head -1)}
# A plain build: the lint wrapper of scripts/test.sh is not wanted for release binaries.
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never} CARGO_INCREMENTAL=0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_debs() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "package: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  for i in 1 2 3; do as_root apt-get update -qq && break || sleep 5; done
  for i in 1 2 3; do as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && break || sleep 10; done
}
timed() { local t=$SECONDS; "$@"; echo "package: '$*' took $((SECONDS - t)) s"; }
size_of() { stat -c %s "$1" | awk -v f="$1" '{ printf "package: %s %.2f MB (%d bytes)\n", f, $1 / 1048576, $1 }'; }

# The Windows toolchain: Rust's windows-gnu standard library (rustup), mingw-w64 to link, NSIS to pack.
windows_tools() {
  need_debs gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 nsis perl make
  rustup target list --installed | grep -qx "$win" || rustup target add "$win"
}

# WebView2Loader.dll: the windows-gnu app loads it at start (MSVC builds link it statically); webview2-com-sys
# ships Microsoft's redistributable copy, which its build script puts in its OUT_DIR.
webview2_loader() {
  local dll
  dll=$(ls -t "$target_dir/$win"/release/build/webview2-com-sys-*/out/x64/WebView2Loader.dll 2>/dev/null | head -1)
  [ -n "$dll" ] || dll=$(ls -t "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/webview2-com-sys-*/x64/WebView2Loader.dll 2>/dev/null | head -1)
  [ -n "$dll" ] || { echo "package: WebView2Loader.dll not found (build the app for $win first)" >&2; return 1; }
  echo "$dll"
}

# nsis APP_EXE OUT [CLI_EXE]
nsis() {
  local app=$1 out=$2 cli=${3:-} defs=()
  need_debs nsis
  defs+=(-DVERSION="$version" -DOUTFILE="$(realpath -m "$out")" -DAPP_EXE="$(realpath "$app")"
         -DICON="$root/icons/icon.ico" -DLOADER="$(webview2_loader)")
  [ -z "$cli" ] || defs+=(-DCLI_EXE="$(realpath "$cli")")
  [ -z "${JOBGATE_WEBVIEW2_SETUP:-}" ] || defs+=(-DWEBVIEW2_SETUP="$(realpath "$JOBGATE_WEBVIEW2_SETUP")")
  mkdir -p "$(dirname "$out")"
  # JOBGATE_NSIS_FAST=1 (the tests): zlib instead of solid LZMA, seconds instead of minutes for debug builds.
  local fast=()
  [ "${JOBGATE_NSIS_FAST:-}" != 1 ] || fast=(-X"SetCompressor /FINAL zlib")
  makensis -V2 -INPUTCHARSET UTF8 "${fast[@]}" "${defs[@]}" packaging/windows/installer.nsi
}

windows() {
  windows_tools
  # One cargo call for both binaries: their shared dependencies are built once. tauri/custom-protocol is what
  # `tauri build` sets for a release (the page is served from the binary, never from a dev server).
  timed nice -n 10 cargo build --release --locked --target "$win" -p jobgate-desktop -p jobgate-cli \
    --features tauri/custom-protocol
  local bin="$target_dir/$win/release" out="dist/Job-Gate_${version}_x64-setup.exe"
  local zip="dist/Job-Gate-CLI_${version}_x64.zip" with_cli=()
  [ "${JOBGATE_INSTALL_CLI:-}" != 1 ] || with_cli=("$bin/jobgate.exe")
  timed nsis "$bin/jobgate-desktop.exe" "$out" "${with_cli[@]}"
  rm -f "$zip"
  python3 - "$zip" "$bin/jobgate.exe" README.md <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.write(sys.argv[2], "jobgate.exe")
    z.write(sys.argv[3], "README.md")
PY
  # The update bundle is the installer itself (the app's updater runs it with /P /UPDATE /R), signed for its
  # version when the organisation's key is in the environment (src-tauri/README.md, Updates).
  if [ -n "${TAURI_SIGNING_PRIVATE_KEY:-}${TAURI_SIGNING_PRIVATE_KEY_PATH:-}" ]; then
    [ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund --loglevel=error
    npx tauri signer sign --app-version "$version" "$out" >/dev/null && echo "package: signed, $out.sig"
  fi
  size_of "$bin/jobgate-desktop.exe"; size_of "$bin/jobgate.exe"; size_of "$out"; size_of "$zip"
}

linux() {
  scripts/setup.sh app
  [ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund --loglevel=error
  # deb and rpm in one call (a second call would find the bundle-type marker already patched in the binary).
  TAURI_APP_PATH=src-tauri timed nice -n 10 npx tauri build --ci --bundles deb,rpm
  mkdir -p dist
  local f name
  for f in "$target_dir"/release/bundle/deb/*_"$version"_*.deb "$target_dir"/release/bundle/rpm/*-"$version"-*.rpm; do
    # "Job Gate_0.1.0_amd64.deb" -> "job-gate_0.1.0_amd64.deb" (the package's own name; no space to quote).
    name=$(basename "$f" | tr '[:upper:] ' '[:lower:]-')
    cp "$f" "dist/$name"
    size_of "dist/$name"
  done
}

case "$what" in
  all) linux; windows ;;
  linux) linux ;;
  windows) windows ;;
  nsis) shift; nsis "$@" ;;
  *) echo "usage: scripts/package.sh [linux|windows|all] | nsis APP_EXE OUT [CLI_EXE]" >&2; exit 2 ;;
esac
echo "package: done; dist/ has:"
ls -l dist/ 2>/dev/null || true
