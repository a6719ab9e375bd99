"""Spectrogram pictures of a preset bundle, to look at what the model renders.

    python -m export.oneshot.figures --preset presets/default --data data/oneshot --out docs/images

writes `<name>_xy_sweep.png` (a 5x5 grid of renders across the XY map, each titled with the
class the encoder's head hears) and, given the corpus, `<name>_heldout.png` (held-out sounds
beside their reconstructions) and `<name>_unseen.png` (per class: real hits of the held-out
sources, their encode -> render, a class draw). Reads only the bundle's ONNX files and JSON, like the server.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402

from export.oneshot import metrics, xymap  # noqa: E402


def _spec(ax, audio: np.ndarray, sr: int, title: str) -> None:
    lm = metrics.log_mel(audio[None], sr, n_fft=1024, hop=256, n_mels=64)[0]
    lm = np.maximum(lm, lm.max() - 80)
    ax.imshow(lm.T, origin="lower", aspect="auto", cmap="magma",
              extent=[0, len(audio) / sr, 0, 64])
    ax.set_title(title, fontsize=7)
    ax.set_xticks([])
    ax.set_yticks([])


def _open(bundle: Path) -> tuple[dict, ort.InferenceSession, ort.InferenceSession]:
    m = json.loads((bundle / "preset.json").read_text())
    dec = ort.InferenceSession(str(bundle / m["models"]["oneshot.decoder"]["file"]))
    enc = ort.InferenceSession(str(bundle / m["models"]["oneshot.encoder"]["file"]))
    return m, dec, enc


def xy_sweep(bundle: Path, out: Path, n: int = 5) -> Path:
    m, dec, enc = _open(bundle)
    sr, classes = m["sample_rate_hz"], m["classes"]
    grid = m["xy_map"]
    nodes = np.asarray(grid["points"], np.float32)
    fig, axes = plt.subplots(n, n, figsize=(2.2 * n, 1.7 * n))
    for r in range(n):
        for c in range(n):
            x, y = c / (n - 1), r / (n - 1)
            z = xymap.xy_to_latent(nodes, grid["rows"], grid["cols"], x, y)[None].astype(np.float32)
            audio = dec.run(None, {"z": z})[0]
            probs = _softmax(enc.run(None, {"audio": audio})[2][0])
            k = int(probs.argmax())
            _spec(axes[n - 1 - r, c], audio[0], sr, f"x{x:.2f} y{y:.2f}: {classes[k]} {probs[k]:.0%}")
    fig.suptitle(f"{m['name']}: renders across the XY map (log-mel, 0-{len(audio[0]) / sr:.2f} s)")
    fig.tight_layout()
    path = out / f"{m['name']}_xy_sweep.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path


def heldout(bundle: Path, data: Path, out: Path, count: int = 8) -> Path:
    m, dec, enc = _open(bundle)
    sr = m["sample_rate_hz"]
    audio = np.load(data / "test.npy", allow_pickle=False)
    length = m["length_samples"]
    audio = np.pad(audio, ((0, 0), (0, max(0, length - audio.shape[1]))))[:, :length].copy()
    index = json.loads((data / "index.json").read_text())["test"]
    pick, seen = [], set()
    for i, e in enumerate(index):  # one per class first, then fill
        if e["label"] and e["label"] not in seen:
            pick.append(i)
            seen.add(e["label"])
    pick = (pick + [i for i in range(len(index)) if i not in pick])[:count]
    fig, axes = plt.subplots(2, len(pick), figsize=(2.2 * len(pick), 3.6))
    for j, i in enumerate(pick):
        mu = enc.run(None, {"audio": audio[i:i + 1]})[0]
        recon = dec.run(None, {"z": mu})[0][0]
        d = metrics.log_mel_distance_db(recon[None], audio[i:i + 1], sr)[0]
        _spec(axes[0, j], audio[i], sr, f"held-out {index[i]['label']}\n{Path(index[i]['path']).name[:22]}")
        _spec(axes[1, j], recon, sr, f"reconstruction ({d:.1f} dB)")
    fig.suptitle(f"{m['name']}: held-out kits (top) and their reconstructions (bottom)")
    fig.tight_layout()
    path = out / f"{m['name']}_heldout.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path


def unseen_sheet(bundle: Path, data: Path, out: Path, per_class: int = 2, seed: int = 0) -> Path:
    """Per class, a column per real hit of the held-out SOURCES (`unseen` split): the real hit,
    its encode -> render, and a prior class draw; through the server's own model code."""
    from server.presets.models import load_models
    from server.presets.bundle import load_bundle
    from server.workers.analysis import encode_audio

    models = load_models(load_bundle(bundle), "cpu", 2)
    classes, sr = list(models.preset.classes), models.preset.sample_rate_hz
    audio = np.load(data / "unseen.npy", allow_pickle=False)
    index = json.loads((data / "index.json").read_text())["unseen"]
    rng = np.random.default_rng(seed)
    sources_ = sorted({e["source"] for e in index})
    cols = []
    for k, c in enumerate(classes):  # one hit of each held-out source per class, then fill
        rows = [j for j, e in enumerate(index) if e["label"] == c]
        first = [next(j for j in rows if index[j]["source"] == src) for src in sources_
                 if any(index[j]["source"] == src for j in rows)]
        cols += [(k, i) for i in (first + [j for j in rows if j not in first])[:per_class]]
    fig, axes = plt.subplots(3, len(cols), figsize=(1.5 * len(cols), 4.4))
    for j, (k, i) in enumerate(cols):
        z = encode_audio(models, 0.9 * metrics.peak_normalise(audio[i]))  # as /pad/encode hears a file
        recon = models.decoder.render(z[None])[0]
        label = "encode + refine" if models.refiner is not None and models.refiner.steps else "encode"
        rows = [(audio[i], f"{classes[k]}\n{index[i]['source'].split('-')[0]}"), (recon, label)]
        if models.prior is not None:
            z = models.prior.draw(rng.standard_normal(models.preset.latent_size).astype(np.float32), k)
            rows.append((models.decoder.render(z[None])[0], "draw"))
        for r, (x, title) in enumerate(rows):
            _spec(axes[r, j], x, sr, title)
    fig.suptitle(f"{bundle.name}: sources it never heard (top), encode -> render (middle), class draw (bottom)")
    fig.tight_layout()
    path = out / f"{bundle.name}_unseen.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path


def _softmax(v: np.ndarray) -> np.ndarray:
    e = np.exp(v - v.max())
    return e / e.sum()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="spectrogram pictures of a preset bundle")
    ap.add_argument("--preset", required=True, type=Path)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=Path("docs/images"))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(xy_sweep(args.preset, args.out))
    if args.data is not None:
        print(heldout(args.preset, args.data, args.out))
        if (args.data / "unseen.npy").exists():
            print(unseen_sheet(args.preset, args.data, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
