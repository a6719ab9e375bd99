"""The melody continuation in torch, for `latentpad bench`'s ratio (the server never imports torch).

    python -m export.melody.bench_torch PRESET_FOLDER --runs 60

The weights come from the bundle's melody_decoder.onnx (export.melody.train.init_weights); the
sampler loop is the server's own (server.presets.melody) with torch standing in for
onnxruntime's sessions (the whole-window decoder, and the cached step when the bundle has
melody.step, as the server runs it), on the opening and settings server/tools/bench_melody.py
uses. Prints JSON: p50_ms, p99_ms, n, cached.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from export.melody.model import MelodyStep
from export.melody.train import init_weights
from server.presets.bundle import load_bundle
from server.presets.melody import MelodySampler, Sampling
from server.tools.bench_melody import BARS, OPENING


class TorchSession:
    """onnxruntime's `run` over the torch model: the sampler loop cannot tell them apart."""

    def __init__(self, model):
        self.model = model.eval()

    def run(self, names, feed):
        with torch.no_grad():
            return [t.numpy() for t in self.model(*(torch.from_numpy(v) for v in feed.values()))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("preset", type=Path)
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    preset = load_bundle(a.preset)
    model = init_weights(preset.folder).eval()
    step = TorchSession(MelodyStep(model)) if "melody.step" in preset.models else None
    sampler = MelodySampler(TorchSession(model), preset, step)
    sampler.continue_melody(OPENING, Sampling(bars=BARS, seed=0))
    times = []
    for i in range(a.runs):
        start = time.perf_counter()
        sampler.continue_melody(OPENING, Sampling(bars=BARS, temperature=1.0, top_p=0.9, seed=i))
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"n": len(times), "p50_ms": float(np.percentile(times, 50)),
                      "p99_ms": float(np.percentile(times, 99)), "max_ms": float(np.max(times)),
                      "cached": sampler.cached}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
