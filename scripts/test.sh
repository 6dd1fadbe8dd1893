#!/usr/bin/env bash
# Runs every test: formatting and clippy, the native tests (data, preprocessing, models, losses,
# PCA, the shipped models' quality bar), then the browser tests in headless Chromium, once with
# WebGPU (SwiftShader) and once on the CPU engine.
#
# Nothing is built twice: clippy lints our crate while it is compiled for the tests and for the web
# build (clippy-driver as the workspace's rustc wrapper; dependencies are compiled by plain rustc,
# exactly as in any other build), instead of `cargo clippy` checking every dependency a second time.
# On a fresh machine the tools (Trunk, wasm-bindgen-cli, Chromium) install while the native build
# runs: each leaves cores idle in its single-threaded stretches, which the other fills.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
say() { printf '\033[1m==> %s\033[0m [%s]\n' "$*" "$(date +%T)"; }
SECONDS=0

say "format"
cargo fmt --all -- --check

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
tools_log=$(mktemp)
scripts/install-tools.sh --browser >"$tools_log" 2>&1 &
tools=$!
cargo fetch --locked

# Lints as errors, in our crate only (the form `cargo clippy -- -D warnings` passes them in).
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export RUSTC_WORKSPACE_WRAPPER="$HOME/.cargo/bin/clippy-driver"

say "native build with lints (every target), then the native tests"
cargo test --locked --workspace --all-targets --no-run
cargo test --locked --workspace

say "tools (installed alongside the native build)"
if ! wait "$tools"; then cat "$tools_log"; exit 1; fi
cat "$tools_log"

say "web build with lints (the UI exists only for wasm32)"
scripts/build-web.sh

say "browser tests (headless Chromium: WebGPU on SwiftShader, and CPU only)"
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)
say "all tests passed in $((SECONDS / 60)) min $((SECONDS % 60)) s"
