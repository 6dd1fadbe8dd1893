#!/usr/bin/env bash
# Installs what building the app needs, only from crates.io (and rustup's own wasm target):
# the wasm32 target, Trunk and the wasm-bindgen-cli matching Cargo.lock. Idempotent: a tool already
# at the right version is kept. Pass --browser to also install what the browser tests need
# (Debian's chromium and chromium-driver, and playwright-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The tools build in a folder of their own: the project's target folder stays free for the builds
# that may run at the same time (scripts/test.sh), and a rerun after a failure reuses their crates.
tools_target="$LATENT_LAB_CACHE/tools-target"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes)"
  # Not --locked: one of its locked dependency versions is missing from the registry mirror.
  CARGO_TARGET_DIR="$tools_target" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes)"
  CARGO_TARGET_DIR="$tools_target" cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
    say "installing playwright-core (drives Debian's chromium; downloads no browser) and axe-core"
    (cd tests/browser && npm ci --no-audit --no-fund)
  fi
fi
