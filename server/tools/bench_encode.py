"""`latentpad bench` section: placing a sound with `/pad/encode` (the encoder, then refinement).

In-process, the server's own objects on a synthetic hit (a decaying tone plus a noise burst): the
encoder alone, one refinement step (`oneshot.refine_step`: the decoder's forward and backward),
the whole encode as `/pad/encode` runs it (`encode_audio`: the encoder and the preset's
`refine.steps` steps) and, in the same run, the decoder alone as the reference. Then end to end
through a server subprocess over UDP: `/pad/encode pad file` -> `/sample`, one at a time, so the
figure includes reading the file, the analysis worker and the WAV write. Encoding is not on the
render path: it runs on the analysis worker while pads keep playing.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

RUNS = 40


def _hit(rate: int, length: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(length) / rate
    tone = np.sin(2 * np.pi * (60 + 40 * rng.random()) * t) * np.exp(-t / 0.15)
    noise = rng.standard_normal(length) * np.exp(-t / 0.02) * 0.5
    x = (tone + noise).astype(np.float32)
    return 0.9 * x / np.abs(x).max()


def measure(args) -> dict:
    import soundfile as sf

    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    from server.tools.bench import _round_trips, _served, _stats_ms
    from server.workers.analysis import encode_audio

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    if models.encoder is None:
        return {"skipped": f"preset {args.preset} has no oneshot.encoder"}
    preset = models.preset
    hits = [_hit(preset.sample_rate_hz, preset.length_samples, i) for i in range(RUNS)]
    enc, step, full, dec = [], [], [], []
    for x in hits:
        start = time.perf_counter()
        mu = models.encoder.encode(x[np.newaxis])[0][0]
        enc.append(time.perf_counter() - start)
        if models.refiner is not None:
            start = time.perf_counter()
            models.refiner.refine(mu, x, steps=1)  # the features, then two steps' runs (start + 1)
            step.append((time.perf_counter() - start) / 2)
        start = time.perf_counter()
        encode_audio(models, x)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        models.decoder.render(mu[np.newaxis])
        dec.append(time.perf_counter() - start)
    refine_steps = models.refiner.steps if models.refiner is not None else 0
    result = {"refine_steps": refine_steps, "encoder": _stats_ms(enc), "encode": _stats_ms(full),
              "decoder": _stats_ms(dec)}
    if step:
        result["refine_step"] = _stats_ms(step)
        result["refine_step"]["p50_over_decoder_p50"] = result["refine_step"]["p50_ms"] / result["decoder"]["p50_ms"]

    with tempfile.TemporaryDirectory(prefix="latentpad-bench-encode-") as root:
        samples = Path(root) / "samples"
        samples.mkdir()
        for i, x in enumerate(hits[:8]):
            sf.write(samples / f"hit{i}.wav", x, preset.sample_rate_hz, subtype="FLOAT")
        with _served(args, str(Path(root) / "renders"), ("--sample-dir", str(samples))) as client:
            result["osc_encode"] = _round_trips(
                client, RUNS // 2, lambda i: client.send("/pad/encode", i % 16, str(samples / f"hit{i % 8}.wav")),
                "/sample", timeout_s=30.0)
    return result


def lines(result: dict) -> list:
    from server.tools.bench import _line

    if "skipped" in result:
        return [f"{'encode':<28} skipped: {result['skipped']}"]
    r = result
    out = [_line("encoder alone", r["encoder"])]
    if "refine_step" in r:
        out.append(_line("refinement step", r["refine_step"],
                         f"decoder forward + backward; p50 = {r['refine_step']['p50_over_decoder_p50']:.1f}x decoder p50"))
    out += [_line("encode as /pad/encode runs it", r["encode"], f"encoder + {r['refine_steps']} refinement steps"),
            _line("decoder alone (same run)", r["decoder"]),
            _line("/pad/encode -> /sample", r["osc_encode"],
                  f"one at a time over UDP, file read and WAV written; lost {r['osc_encode']['lost']}")]
    return out
