"""`latentpad bench` section "growth": how cost grows with the one-shot's length (0.25-4 s: our
decoder's architecture with random weights exported to ONNX, RAVE's v2 decoder and mel +
Griffin-Lim, all from a `python -m export.peers growth` subprocess, so the server never imports
torch) and with the number of pads moving at once (1-16, through a real server subprocess, the
bench's own flood). `--plot out.png` saves both as a figure (matplotlib)."""

from __future__ import annotations

import tempfile

from server.tools.bench import _flood, _served
from server.tools.bench_peers import _peers

LENGTHS_S = (0.25, 0.5, 1.0, 2.0, 4.0)
PAD_COUNTS = (1, 2, 4, 8, 16)


def _pads(args) -> dict:
    out = {}
    with tempfile.TemporaryDirectory(prefix="latentpad-growth-") as render_dir:
        with _served(args, render_dir) as client:
            sent = {pad: 0 for pad in range(max(PAD_COUNTS))}
            for count in PAD_COUNTS:
                out[str(count)] = _flood(client, list(range(count)), args.rate, args.seconds, sent)
    return out


def measure(args) -> dict:
    result = {"lengths": _peers(["growth", "--lengths", *map(str, LENGTHS_S), "--runs", "6"], args.threads),
              "pads": _pads(args)}
    if getattr(args, "plot", None):
        result["plot"] = plot(result, args.plot)
    return result


def plot(result: dict, path) -> str:
    try:
        import matplotlib
    except ImportError:
        return "skipped: matplotlib is not installed (pip install -e .[export])"
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    lengths = result["lengths"].get("lengths", {})
    xs = [float(s) for s in lengths]
    for key, label in (("ours", "ours (onnxruntime)"), ("rave", "RAVE v2 decoder (torch)"),
                       ("griffin_lim", "mel + Griffin-Lim (torch)")):
        ys = [(v[key]["onnx"] if key == "ours" else v[key])["p50_ms"] for v in lengths.values()]
        left.plot(xs, ys, marker="o", label=label)
    if lengths:
        left.set(xscale="log", yscale="log")
        left.set_xticks(xs, [f"{x:g}" for x in xs], minor=False)
        left.set_xticks([], minor=True)
        left.legend()
    else:
        left.text(0.5, 0.5, "peers skipped:\n" + result["lengths"].get("skipped", "")[:80], ha="center",
                  va="center", wrap=True, transform=left.transAxes)
    left.set(xlabel="one-shot length (s)", ylabel="render p50 (ms)", title="render cost vs length, batch 1")
    counts = [int(c) for c in result["pads"]]
    for stat in ("p50_ms", "p99_ms"):
        right.plot(counts, [result["pads"][str(c)][stat] for c in counts], marker="o", label=stat[:3])
    right.set(xscale="log", xlabel="pads moving at once", ylabel="/pad/xy -> /sample (ms)",
              title="reply latency vs pads moving")
    right.set_xticks(counts, [str(c) for c in counts])
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return str(path)


def lines(r: dict) -> list:
    out = ["growth with length, p50 ms (ours onnxruntime / RAVE v2 torch / mel+GL torch):"]
    lengths = r["lengths"]
    if "skipped" in lengths:
        out.append(f"  skipped: {lengths['skipped']}")
    else:
        for s, v in lengths["lengths"].items():
            out.append(f"  {float(s):5.2f} s ({v['ours']['samples']:>6} samples) {v['ours']['onnx']['p50_ms']:9.2f} "
                       f"{v['rave']['p50_ms']:9.2f} {v['griffin_lim']['p50_ms']:9.2f}")
    out.append("growth with pads moving at once (each at the bench --rate), /pad/xy -> /sample p50 / p99:")
    for count, f in r["pads"].items():
        out.append(f"  {int(count):>2} pads {f['p50_ms']:8.2f} / {f['p99_ms']:8.2f} ms  renders {f['renders']} / "
                   f"requests {f['requests']}")
    if "plot" in r:
        out.append(f"  plot: {r['plot']}")
    return out
