#!/usr/bin/env python3
"""Runs binaryen's wasm-opt (optimising for size: -Oz) on every .wasm file in Trunk's staging directory
and updates the file's subresource-integrity digest in index.html to match. Only the published
build does this (scripts/build-publish.sh sets LATENT_LAB_WASM_OPT to npm binaryen's wasm-opt, and
scripts/seal_dist.py, Trunk's post-build hook, calls it first): on Burn's wasm it takes minutes,
which the test build should not pay."""
import glob
import os
import subprocess
import sys

from strip_wasm_names import sri

# The WebAssembly features rustc's wasm32-unknown-unknown target uses (its defaults plus simd128,
# see .cargo/config.toml). wasm-opt must be told, or it refuses the module; it adds none of its own.
FEATURES = [
    "--enable-simd",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]


def optimize(path, wasm_opt):
    before = open(path, "rb").read()
    # LATENT_LAB_WASM_OPT_LEVEL (-Os, -O3, …) is for measuring the alternatives (docs/toolchain.md).
    level = os.environ.get("LATENT_LAB_WASM_OPT_LEVEL", "-Oz")
    subprocess.run([wasm_opt, level, *FEATURES, "--strip-debug", "--strip-producers", path, "-o", path], check=True)
    after = open(path, "rb").read()
    print(f"wasm-opt {level}: {path}: {len(before)} -> {len(after)} bytes")
    return sri(before), sri(after)


def main(staging, wasm_opt):
    index = os.path.join(staging, "index.html")
    html = open(index).read()
    for wasm in glob.glob(os.path.join(staging, "*.wasm")):
        old, new = optimize(wasm, wasm_opt)
        html = html.replace(old, new)
    open(index, "w").write(html)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: optimize_wasm.py DIR WASM_OPT")
    main(sys.argv[1], sys.argv[2])
