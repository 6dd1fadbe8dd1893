# Shared settings for the scripts: sourced, not run.
# Builds and tools are cached outside the clone, so a fresh clone reuses them and reruns are fast.
export LATENT_LAB_CACHE="${LATENT_LAB_CACHE:-$HOME/.cache/latent-lab}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$LATENT_LAB_CACHE/target}"
export PATH="$HOME/.cargo/bin:$PATH"
# The versions that work on this kind of machine (see docs/toolchain.md).
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$(dirname "${BASH_SOURCE[0]}")/../Cargo.lock")
export TRUNK_VERSION WASM_BINDGEN_VERSION
