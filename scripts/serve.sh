#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080 (rebuilding on changes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/install-tools.sh
cargo fetch --target wasm32-unknown-unknown --locked
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}" "$@"
