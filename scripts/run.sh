#!/usr/bin/env bash
# Runs Job Gate. With no arguments: the desktop app. With arguments: the `jobgate` CLI
# (same engine), e.g. `scripts/run.sh analyze tests/fixtures/corpus/files/001__even.pdf`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  scripts/setup.sh app >&2
  cargo build --release --locked -q -p jobgate-cli
  exec target/release/jobgate "$@"
fi
scripts/setup.sh app
exec cargo run --release --locked -p jobgate-desktop
