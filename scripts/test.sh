#!/usr/bin/env bash
# Runs every test: formatting and clippy, the native tests (data, preprocessing, models, losses,
# PCA, the shipped models' quality bar), then the browser tests in headless Chromium, once with
# WebGPU (SwiftShader) and once on the CPU engine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

scripts/install-tools.sh --browser
cargo fetch --locked

say "format and lints"
cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
# The UI exists only for wasm32: lint it there too.
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin latent-lab -- -D warnings

say "native tests"
cargo test --locked

say "web build"
scripts/build-web.sh

say "browser tests (headless Chromium: WebGPU on SwiftShader, and CPU only)"
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)
