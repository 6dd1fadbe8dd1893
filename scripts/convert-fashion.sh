#!/usr/bin/env bash
# Rebuilds static/fashion.bin, the out-of-distribution images of the applications lab, from
# Debian's `dataset-fashion-mnist` (Fashion-MNIST, © 2017 Zalando SE, MIT licence): the first
# 2,000 images of its test set with their labels, in the format of static/mnist.bin (as the test
# split; src/data/bundle.rs). The output is committed, so neither the app nor the tests need this
# script; it is here so anyone can redo it. Install the package first:
#   sudo apt-get install -y dataset-fashion-mnist
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
src="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
for f in t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  if [ ! -f "$src/$f" ]; then
    echo "missing $src/$f: install Debian's dataset-fashion-mnist (or set FASHION_MNIST_DIR)" >&2
    exit 1
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gunzip -c "$src/t10k-images-idx3-ubyte.gz" > "$tmp/images.idx"
gunzip -c "$src/t10k-labels-idx1-ubyte.gz" > "$tmp/labels.idx"
cargo run --release --bin convert-fashion -- "$tmp/images.idx" "$tmp/labels.idx" static/fashion.bin
