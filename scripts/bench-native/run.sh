#!/usr/bin/env bash
# What the lab's model costs natively on this machine's GPU (issue #13, docs/toolchain.md "On a real
# GPU"): builds `bench-native` twice (autotune off, as the browser runs; and on), runs both, then the
# PyTorch reference when python3 has torch. Needs a GPU with Vulkan (or any adapter wgpu finds).
# Usage: scripts/bench-native/run.sh [SECONDS per measurement, default 8]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
seconds="${1:-8}"
# Its own target folder: these builds turn on Burn features the app's builds leave off.
target="$LATENT_LAB_CACHE/gpu-target"
for feature in native-gpu native-gpu-autotune; do
  CARGO_TARGET_DIR="$target" cargo build --locked --release --features "$feature" --bin bench-native
  cp "$target/release/bench-native" "$target/bench-$feature"
done
"$target/bench-native-gpu" --seconds "$seconds" --engines wgpu,flex
"$target/bench-native-gpu-autotune" --seconds "$seconds" --engines wgpu
if python3 -c 'import torch' 2>/dev/null; then
  devices=$(python3 -c 'import torch; print("cuda,cpu" if torch.cuda.is_available() else "cpu")')
  python3 scripts/bench-native/torch_reference.py --seconds "$seconds" --devices "$devices"
else
  echo "python3 has no torch: the PyTorch reference is left out"
fi
