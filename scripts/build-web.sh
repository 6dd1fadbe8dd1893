#!/usr/bin/env bash
# Builds the web app into dist/ (release, offline: every tool comes from scripts/install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/install-tools.sh
cargo fetch --target wasm32-unknown-unknown --locked
trunk build --release --offline "$@"
