#!/usr/bin/env bash
# Usage: scripts/build-publish.sh [FOLDER] (default: the repository's dist/)
# Builds the web app for publishing into FOLDER (what you copy to a web server, README "Publish it
# for a course"): the `web-publish` profile (whole-program LTO, one codegen unit, optimised for size
# but for the CPU engine's matrix kernels; Cargo.toml says why), binaryen's wasm-opt -Oz (from npm,
# pinned in scripts/publish/package.json), then gzip and brotli copies of every file next to it. Slow
# on purpose (the first time: 37 minutes on 2 busy cores, 13 CPU-minutes; docs/toolchain.md
# "Published build"); the tests use the faster build of scripts/build-web.sh.
# Its own target folder keeps the test build's warm and free while this one links.
set -euo pipefail
out="$(realpath -m "${1:-$(dirname "$0")/../dist}")"
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_DIR="$LATENT_LAB_CACHE/publish-target"
scripts/install-tools.sh
if [ ! -x scripts/publish/node_modules/.bin/wasm-opt ]; then
  (cd scripts/publish && npm ci --no-audit --no-fund)
fi
export LATENT_LAB_WASM_OPT="$PWD/scripts/publish/node_modules/.bin/wasm-opt"
cargo fetch --target wasm32-unknown-unknown --locked
trunk build --release --offline --cargo-profile web-publish --dist "$out"
node scripts/publish/precompress.mjs "$out"
