"""`python -m export.peers measure|growth ...`: time the peers and print JSON on stdout.

    measure --seconds 1 --threads 2      RAVE v2 decoder (torch; onnxruntime if it exports) and
                                         mel + Griffin-Lim, one render of --seconds
    growth --lengths 0.25 0.5 1 2 4      the same peers and our decoder's architecture (random
                                         weights, exported to ONNX here) at each length
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _stats(seconds: list) -> dict:
    ms = np.asarray(seconds) * 1000.0
    return {"n": len(ms), "p50_ms": float(np.percentile(ms, 50)), "p99_ms": float(np.percentile(ms, 99))}


def _timed(call, runs: int, warmup: int = 2) -> dict:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return _stats(times)


def _session(path: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


def rave(seconds: float, runs: int, threads: int, onnx: bool) -> dict:
    import torch

    from export.peers.rave_decoder import build

    model, z, cfg = build(seconds)
    with torch.inference_mode():
        out = {"config": cfg, "torch": _timed(lambda: model(z), runs)}
    if onnx:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "rave_decoder.onnx"
            try:
                torch.onnx.export(model, (z,), str(path), input_names=["z"], output_names=["audio"],
                                  opset_version=17, dynamo=False)
                session = _session(path, threads)
                feed = {"z": z.numpy()}
                out["onnx"] = _timed(lambda: session.run(None, feed), runs)
            except Exception as exc:  # reported, not fatal: the torch figure stands on its own
                out["onnx_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    return out


def griffin_lim(seconds: float, runs: int, sample_rate_hz: int = 44100) -> dict:
    import torch

    from export.peers.griffin_lim import SETTINGS, MelGriffinLim

    samples = int(round(seconds * sample_rate_hz))
    renderer = MelGriffinLim(sample_rate_hz, samples)
    mel = renderer.mel_of(torch.randn(samples) * 0.1)
    with torch.inference_mode():
        return {"settings": SETTINGS, "samples": samples, "torch": _timed(lambda: renderer.render(mel), runs)}


def ours(seconds: float, runs: int, threads: int) -> dict:
    """Our one-shot decoder's architecture at this length, random weights, exported and run the
    way the server runs it (onnxruntime, batch 1)."""
    import torch

    from export.oneshot.model import Decoder, OneshotConfig

    step = OneshotConfig().bands * 4 ** (len(OneshotConfig().dec_channels) - 1)
    cfg = OneshotConfig(length=max(step, int(round(seconds * 44100 / step)) * step))
    decoder = Decoder(cfg).eval()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "decoder.onnx"
        torch.onnx.export(decoder, (torch.zeros(1, cfg.latent_size),), str(path), input_names=["z"],
                          output_names=["audio"], opset_version=17, dynamo=False)
        session = _session(path, threads)
        feed = {"z": np.random.default_rng(0).standard_normal((1, cfg.latent_size)).astype(np.float32)}
        return {"samples": cfg.length, "onnx": _timed(lambda: session.run(None, feed), runs)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m export.peers")
    parser.add_argument("what", choices=("measure", "growth"))
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--lengths", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0, 4.0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    if args.what == "measure":
        try:
            peer = rave(args.seconds, args.runs, args.threads, onnx=True)
        except ImportError as exc:  # acids-rave or its generator's own pieces are not installed
            peer = {"error": f"{exc}; pip install -e .[peers] && pip install --no-deps acids-rave"}
        result = {"threads": args.threads, "rave": peer, "griffin_lim": griffin_lim(args.seconds, args.runs * 2)}
    else:
        result = {"threads": args.threads, "lengths": {
            str(s): {"ours": ours(s, args.runs * 3, args.threads),
                     "rave": rave(s, max(3, args.runs // 2), args.threads, onnx=False)["torch"],
                     "griffin_lim": griffin_lim(s, args.runs)["torch"]} for s in args.lengths}}
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
