"""`latentpad bench` section for melody continuation (a preset with a melody.decoder).

1. `/melody/continue` -> the whole `/melody` reply, 4 bars from a 16-note opening, from a real
   server subprocess over UDP, one request at a time (a new seed each): latency from the send
   to the last reply datagram.
2. The same continuation in-process (server.presets.melody on onnxruntime: with the bundle's
   melody.step key/value cache when it has one, else the whole window per note), and with the same
   weights in torch (read from the ONNX file; `python -m export.melody.bench_torch` in a
   subprocess, so the server never imports torch; needs the export extra) through the same
   sampler loop: the ratio says what the ONNX export buys.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

import numpy as np

from server.core.melody import Note
from server.tools.bench import _served, _stats_ms

RUNS = 60
BARS = 4
OPENING = [Note(60 + [0, 2, 4, 5, 7, 9, 7, 5, 4, 2, 0, 2, 4, 2, 0, -1][i], i * 0.5, 0.5, 96) for i in range(16)]


def measure(args) -> dict:
    from server.presets.bundle import load_preset

    preset = load_preset(args.presets_dir, args.preset)
    if preset.melody is None:
        return {"skipped": f"preset {args.preset} has no melody model"}
    result = {"melody_udp": _round_trips(args), "melody_onnx": _in_process(args, preset)}
    result["melody_torch"] = _torch(preset)
    if "skipped" not in result["melody_torch"]:
        result["torch_p50_over_onnx_p50"] = result["melody_torch"]["p50_ms"] / result["melody_onnx"]["p50_ms"]
    return result


def lines(result: dict) -> list:
    from server.tools.bench import _line

    if "skipped" in result:
        return [f"{'melody/continue 4 bars':<28} skipped: {result['skipped']}"]
    udp, onnx, torch = result["melody_udp"], result["melody_onnx"], result["melody_torch"]
    out = [_line("melody/continue 4 bars, UDP", udp, f"lost {udp['lost']}; {udp['notes']:.0f} notes "
                 "a continuation on average (target p99 <= 50 ms)"),
           _line("melody 4 bars in-process", onnx, "(onnxruntime, 1 intra-op thread, " + (
               "melody.step key/value cache)" if onnx.get("cached") else "whole window per note: no melody.step)"))]
    if "skipped" in torch:
        return out + [f"{'melody 4 bars in torch':<28} skipped: {torch['skipped']}"]
    return out + [_line("melody 4 bars in torch", torch, f"= {result['torch_p50_over_onnx_p50']:.1f}x "
                        "onnxruntime at p50 (same weights, same sampler loop)")]


def _flat(notes) -> list:
    return [v for n in notes for v in (n.pitch, float(n.start), float(n.length), n.velocity)]


def _round_trips(args) -> dict:
    times, lost, counts = [], 0, []
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-") as render_dir:
        with _served(args, render_dir) as client:
            for i in range(RUNS):
                start = time.perf_counter()
                client.send("/melody/continue", i, 0, 1, BARS, 1.0, 0.9, i, 0.0, *_flat(OPENING))
                parts, chunks, notes = 0, None, 0
                while chunks is None or parts < chunks:
                    reply = client.recv(5.0)
                    if reply is None:
                        break
                    if reply[0] == "/error":
                        raise SystemExit(f"latentpad bench: /melody/continue failed: {reply[1]}")
                    if reply[0] == "/melody" and reply[1][0] == i:
                        parts, chunks, notes = parts + 1, reply[1][2], notes + (len(reply[1]) - 3) // 4
                if chunks is not None and parts == chunks:
                    times.append(time.perf_counter() - start)
                    counts.append(notes)
                else:
                    lost += 1
    return _stats_ms(times) | {"lost": lost, "runs": RUNS, "notes": float(np.mean(counts)) if counts else 0.0}


def _time(sampler) -> dict:
    from server.presets.melody import Sampling
    sampler.continue_melody(OPENING, Sampling(bars=BARS, seed=0))  # warm
    times = []
    for i in range(RUNS):
        start = time.perf_counter()
        sampler.continue_melody(OPENING, Sampling(bars=BARS, temperature=1.0, top_p=0.9, seed=i))
        times.append(time.perf_counter() - start)
    return _stats_ms(times) | {"cached": sampler.cached}


def _in_process(args, preset) -> dict:
    from server.presets.models import load_models
    return _time(load_models(preset, args.device, args.threads).melody)


def _torch(preset) -> dict:
    """export.melody.bench_torch in a subprocess: the server never imports torch."""
    command = [sys.executable, "-m", "export.melody.bench_torch", str(preset.folder), "--runs", str(RUNS)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"skipped": "torch side failed or is not installed (export extra): "
                           + (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])
