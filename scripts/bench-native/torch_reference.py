"""The lab's default model trained in PyTorch, as `bench-native` trains it with Burn, for a
comparison on the same GPU (issue #13: what a real GPU pays). Same layers (784→256→16→256→784,
ReLU, PyTorch's default initialisation, which is Burn's: uniform in ±1/√fan_in), same loss (binary
cross-entropy on the logits, summed over the 784 pixels, averaged over the batch), Adam with
β₁ 0.9, β₂ 0.999, ε 1e-5 at the lab's 2e-3, the same digits (static/mnist-train.bin), the loss read
back every 50 steps and at the end, ten warm-up steps.

Usage (from the repository root, on a machine with PyTorch):
    python3 scripts/bench-native/torch_reference.py [--seconds S] [--batches 64,256] [--devices cuda,cpu]
Prints one line per measurement and, last, all of them as one JSON object.
"""

import argparse
import json
import struct
import time
import zlib

import numpy as np
import torch
from torch import nn

PIXELS = 784
STEPS_PER_READ = 50
WARM_UP_STEPS = 10
WARM_UP_RUNS = 30
INFERENCE_RUNS = 300


def load_split(path):
    """The images of one of the app's digit files (header, then raw DEFLATE: labels, pixels)."""
    data = open(path, "rb").read()
    assert data[:4] == b"LLDS", path
    n_train, n_test = struct.unpack_from("<II", data, 8)
    payload = zlib.decompress(data[20:], -15)
    n = n_train + n_test
    pixels = np.frombuffer(payload, dtype=np.uint8, offset=n, count=n * PIXELS)
    return pixels.reshape(n, PIXELS).astype(np.float32) / 255.0


def lab_model():
    return nn.Sequential(
        nn.Linear(PIXELS, 256), nn.ReLU(),
        nn.Linear(256, 16),
        nn.Linear(16, 256), nn.ReLU(),
        nn.Linear(256, PIXELS),
    )


def bce_with_logits(logits, target):
    return (nn.functional.softplus(logits) - target * logits).sum(dim=1).mean()


def train(device, images, batch, seconds):
    torch.manual_seed(1)
    model = lab_model().to(device)
    optim = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.999), eps=1e-5)
    rng = np.random.default_rng(1)
    order, cursor = rng.permutation(len(images)), 0

    def step():
        nonlocal order, cursor
        if cursor + batch > len(order):
            order, cursor = rng.permutation(len(images)), 0
        x = torch.from_numpy(images[order[cursor:cursor + batch]]).to(device)
        cursor += batch
        optim.zero_grad(set_to_none=True)
        loss = bce_with_logits(model(x), x)
        loss.backward()
        optim.step()
        return loss

    for _ in range(WARM_UP_STEPS):
        step().item()
    start, steps = time.perf_counter(), 0
    while True:
        loss = step()
        steps += 1
        if steps % STEPS_PER_READ == 0:
            value = loss.item()
            if time.perf_counter() - start >= seconds:
                break
    return steps, time.perf_counter() - start, value


def one_image_latency(device, images):
    model = lab_model().to(device).eval()
    times = []
    with torch.no_grad():
        for run in range(WARM_UP_RUNS + INFERENCE_RUNS):
            image = images[run % len(images)][None, :]
            start = time.perf_counter()
            x = torch.from_numpy(image).to(device)
            pixels = torch.sigmoid(model(x)).cpu().numpy()
            elapsed = (time.perf_counter() - start) * 1e3
            if run >= WARM_UP_RUNS:
                times.append(elapsed)
    times.sort()
    at = lambda q: times[round((len(times) - 1) * q)]
    return at(0.5), at(0.95)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--batches", default="64,256,1024")
    parser.add_argument("--devices", default="cuda")
    args = parser.parse_args()
    train_images = load_split("static/mnist-train.bin")
    test_images = load_split("static/mnist-test.bin")
    results = []
    for name in args.devices.split(","):
        device = torch.device(name)
        label = f"torch-{name}"
        for batch in map(int, args.batches.split(",")):
            steps, seconds, loss = train(device, train_images, batch, args.seconds)
            per_s = steps / seconds
            print(f"{label} training, batch {batch:5}: {per_s:8.1f} steps/s, {per_s * batch:10.0f} "
                  f"images/s, {1e3 / per_s:.3f} ms a step, loss {loss:.2f} after {steps + WARM_UP_STEPS} steps")
            results.append({"engine": label, "what": "training", "batch": batch,
                            "steps_per_s": per_s, "images_per_s": per_s * batch, "loss": loss})
        p50, p95 = one_image_latency(device, test_images)
        print(f"{label} one image, read back: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
        results.append({"engine": label, "what": "one_image", "p50_ms": p50, "p95_ms": p95})
    print(json.dumps({"torch": torch.__version__, "results": results}))


if __name__ == "__main__":
    main()
