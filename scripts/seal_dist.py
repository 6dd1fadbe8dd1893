#!/usr/bin/env python3
"""Seals a build folder for hosting, after Trunk has written it (a Trunk post-build hook, see
Trunk.toml; also runs on its own: `python3 scripts/seal_dist.py dist`). Idempotent.

1. Content-Security-Policy: Trunk starts the app with an inline module script. The policy in
   index.html allows no inline script, so the script's SHA-256 goes into its `script-src`.
2. Offline: every file of the build (index.html as './') with its SHA-256 digest, and a version
   (a hash of all of them), go into sw.js. A changed file is a changed sw.js, which the browser
   installs as an update (static/sw.js says how)."""
import base64
import hashlib
import json
import os
import re
import sys

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')


def digest(data):
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def hash_inline_scripts(html):
    """index.html with the digests of its inline scripts (and only those) in script-src."""
    hashes = [f"'{digest(body.encode())}'" for body in INLINE_SCRIPT.findall(html)]
    meta = CSP_META.search(html)
    if meta is None:
        raise SystemExit("index.html has no Content-Security-Policy meta element")
    directives = []
    for directive in meta.group(2).split(";"):
        words = directive.split()
        if words and words[0] == "script-src":
            words = [w for w in words if not w.startswith("'sha256-")] + hashes
        if words:
            directives.append(" ".join(words))
    return html[: meta.start(2)] + "; ".join(directives) + html[meta.end(2) :]


def build_files(root):
    """(url relative to the build's root, integrity) of every file but sw.js, sorted."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            # Precompressed copies (scripts/publish/precompress.mjs) are the same files to a
            # browser: a server picks one for the plain URL, the service worker never asks for them.
            if rel == "sw.js" or rel.endswith((".gz", ".br")):
                continue
            url = "./" if rel == "index.html" else rel
            files.append((url, digest(open(path, "rb").read())))
    return sorted(files)


def seal_service_worker(root):
    files = build_files(root)
    sw_path = os.path.join(root, "sw.js")
    sw = open(sw_path).read()
    # The version covers the worker's own code too (without the two lines written here, so a
    # rerun gives the same version): a release that changes only sw.js still gets a new cache.
    code = re.sub(r"^const (VERSION|FILES) = .*// @(version|files).*$", "", sw, flags=re.M)
    listing_text = "".join(f"{u} {i}\n" for u, i in files)
    version = hashlib.sha256((listing_text + code).encode()).hexdigest()[:16]
    listing = ", ".join(json.dumps([u, i]) for u, i in files)
    sw, n_version = re.subn(r"^const VERSION = .*// @version.*$", f"const VERSION = '{version}'; // @version (written by scripts/seal_dist.py)", sw, flags=re.M)
    sw, n_files = re.subn(r"^const FILES = .*// @files.*$", f"const FILES = [{listing}]; // @files (written by scripts/seal_dist.py)", sw, flags=re.M)
    if (n_version, n_files) != (1, 1):
        raise SystemExit(f"{sw_path}: the // @version and // @files lines are missing")
    open(sw_path, "w").write(sw)
    total = sum(os.path.getsize(os.path.join(root, "index.html" if u == "./" else u)) for u, _ in files)
    print(f"sealed {sw_path}: version {version}, {len(files)} files, {total} bytes")


def seal(root):
    index = os.path.join(root, "index.html")
    html = open(index).read()
    open(index, "w").write(hash_inline_scripts(html))
    seal_service_worker(root)


if __name__ == "__main__":
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not staging:
        raise SystemExit("usage: seal_dist.py DIR (or run as a Trunk hook)")
    # LATENT_LAB_KEEP_WASM_NAMES=1 keeps the function names, for a CPU profile that names Burn's
    # functions (docs/benchmark.md); never for a build that is published.
    keep_names = os.environ.get("LATENT_LAB_KEEP_WASM_NAMES") == "1"
    if os.environ.get("TRUNK_STAGING_DIR") and not keep_names:
        # Trunk runs a stage's hooks at the same time: names must be stripped (which changes the
        # wasm and its integrity in index.html) before anything is hashed, so this hook does both.
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import optimize_wasm
        import strip_wasm_names

        # The published build only (scripts/build-publish.sh): wasm-opt first, as it rewrites the
        # module; stripping the names after it then finds none left.
        if os.environ.get("LATENT_LAB_WASM_OPT"):
            optimize_wasm.main(staging, os.environ["LATENT_LAB_WASM_OPT"])
        strip_wasm_names.main(staging)
    seal(staging)
