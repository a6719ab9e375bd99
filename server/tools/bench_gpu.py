"""`latentpad bench` section: the same renders on the CPU and on CUDA, in one run.

For each device: the decoder's batch-1 call (on CUDA with I/O binding: the audio is allocated on
the GPU and copied back once) and the whole render a pad gets (decode, finish at 48 kHz, 24-bit
WAV written atomically), p50 and p99. When onnxruntime offers no CUDA provider, or cannot start
it, the CUDA half says why and the CPU half is still measured.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

RUNS = 200
TARGET_HZ = 48000


def _device(args, device: str) -> dict:
    from server.core.errors import ModelError
    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    from server.tools.bench import _stats_ms
    from server.workers.render import finish, write_wav_atomic

    try:
        models = load_models(load_preset(args.presets_dir, args.preset), device, args.threads)
    except ModelError as exc:
        return {"skipped": str(exc)}
    rng = np.random.default_rng(0)
    z = rng.standard_normal((RUNS, 1, models.preset.latent_size)).astype(np.float32)
    decode, render = [], []
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-gpu-") as tmp:
        for i in range(RUNS):
            start = time.perf_counter()
            audio = models.decoder.render(z[i])
            decode.append(time.perf_counter() - start)
            write_wav_atomic(Path(tmp) / "pad00.wav", finish(audio[0], models.preset.sample_rate_hz, TARGET_HZ),
                             TARGET_HZ)
            render.append(time.perf_counter() - start)
    return {"provider": models.provider, "bound": models.decoder.bind_device is not None,
            "decoder": _stats_ms(decode), "render_to_wav": _stats_ms(render)}


def measure(args) -> dict:
    import onnxruntime as ort

    return {"available": ort.get_available_providers(),
            "cpu": _device(args, "cpu"), "cuda": _device(args, "cuda")}


def lines(result: dict) -> list:
    from server.tools.bench import _line

    out = []
    for key in ("cpu", "cuda"):
        r = result[key]
        if "skipped" in r:
            out.append(f"{'render on ' + key:<28} skipped: {r['skipped']}")
            continue
        how = f"({r['provider']}{', I/O binding' if r['bound'] else ''})"
        out.append(_line(f"decoder on {key}, batch 1", r["decoder"], how))
        out.append(_line(f"render on {key} -> 48k WAV", r["render_to_wav"], "decode + finish + atomic write"))
    return out
