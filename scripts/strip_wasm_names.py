#!/usr/bin/env python3
"""Drops the `name` custom section (function names for debuggers, ~7 MB of Burn's wasm) from every
.wasm file in Trunk's staging directory, and updates the file's subresource-integrity digest in
index.html to match. scripts/seal_dist.py (Trunk's post-build hook, see Trunk.toml) runs it first;
wasm-bindgen keeps the section and Trunk offers no switch to remove it."""
import base64
import glob
import hashlib
import os
import sys


def read_leb(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def strip(path):
    data = open(path, "rb").read()
    if data[:4] != b"\0asm":
        raise SystemExit(f"{path} is not a WebAssembly module")
    out, i = bytearray(data[:8]), 8
    while i < len(data):
        start = i
        section_id = data[i]
        size, body = read_leb(data, i + 1)
        i = body + size
        if section_id == 0:
            name_len, name_at = read_leb(data, body)
            if data[name_at:name_at + name_len] == b"name":
                continue
        out += data[start:i]
    open(path, "wb").write(out)
    print(f"stripped names: {path}: {len(data)} -> {len(out)} bytes")
    return sri(data), sri(bytes(out))


def main(staging):
    index = os.path.join(staging, "index.html")
    html = open(index).read()
    for wasm in glob.glob(os.path.join(staging, "*.wasm")):
        old, new = strip(wasm)
        html = html.replace(old, new)
    open(index, "w").write(html)


if __name__ == "__main__":
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not staging:
        raise SystemExit("usage: strip_wasm_names.py DIR (or run as a Trunk hook)")
    main(staging)
