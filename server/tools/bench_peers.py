"""`latentpad bench` section "peers": our decoder against RAVE's v2 decoder and a mel +
Griffin-Lim render of the same length, same machine, same run, same thread count.

The peers are torch code (export/peers); they run in a `python -m export.peers measure`
subprocess that prints JSON, so the server never imports torch. Our decoder is timed here, in
onnxruntime as the server runs it, just before. Without torch or acids-rave the section says
what to install and skips.
"""

from __future__ import annotations

import json
import subprocess
import sys

from server.tools.bench import _decoder_reference

INSTALL = "pip install -e .[peers] && pip install --no-deps acids-rave"


def _peers(what: list, threads: int, timeout_s: float = 900.0) -> dict:
    command = [sys.executable, "-m", "export.peers", *what, "--threads", str(threads)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"skipped": f"`{' '.join(command[1:])}` ran over {timeout_s:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"skipped": f"{last[:200]} ({INSTALL})"}
    return json.loads(done.stdout)


def measure(args) -> dict:
    ours = _decoder_reference(args, runs=100)
    seconds = ours["length_samples"] / ours["sample_rate_hz"]
    result = {"ours": ours, "seconds": seconds,
              **_peers(["measure", "--seconds", f"{seconds:.4f}", "--runs", "10"], args.threads)}
    base = ours["p50_ms"]
    ratios = {}
    for name, section in (("rave_torch", result.get("rave", {}).get("torch")),
                          ("rave_onnx", result.get("rave", {}).get("onnx")),
                          ("griffin_lim", result.get("griffin_lim", {}).get("torch"))):
        if section:
            ratios[name] = section["p50_ms"] / base
    result["p50_ratio_to_ours"] = ratios
    return result


def lines(r: dict) -> list:
    o = r["ours"]
    out = [f"peers, one {r['seconds']:.2f} s one-shot, {o['provider']}, same threads, p50 / p99:",
           f"  {'ours (preset decoder, onnxruntime)':<44} {o['p50_ms']:9.2f} / {o['p99_ms']:9.2f} ms  (1.0x)"]
    if "skipped" in r:
        return out + [f"  peers skipped: {r['skipped']}"]
    rave, ratios = r["rave"], r["p50_ratio_to_ours"]
    if "error" in rave:
        out.append(f"  RAVE v2 decoder skipped: {rave['error']}")
    else:
        c = rave["config"]
        label = f"RAVE v2 decoder ({c['parameters'] / 1e6:.1f} M params)"
        out.append(f"  {label + ', torch':<44} {rave['torch']['p50_ms']:9.2f} / {rave['torch']['p99_ms']:9.2f} ms  "
                   f"({ratios['rave_torch']:.0f}x)")
        if "onnx" in rave:
            out.append(f"  {label + ', onnxruntime':<44} {rave['onnx']['p50_ms']:9.2f} / "
                       f"{rave['onnx']['p99_ms']:9.2f} ms  ({ratios['rave_onnx']:.0f}x)")
        else:
            out.append(f"  RAVE v2 decoder does not export to ONNX here: {rave.get('onnx_error')}")
    gl = r["griffin_lim"]
    out.append(f"  {'mel + Griffin-Lim, torch':<44} {gl['torch']['p50_ms']:9.2f} / {gl['torch']['p99_ms']:9.2f} ms  "
               f"({ratios['griffin_lim']:.0f}x; {gl['settings']})")
    return out
