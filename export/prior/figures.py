"""Spectrograms of what the diffusion prior plays, through the server's own sampler.

    python -m export.prior.figures --preset presets/default --out docs/images

writes `<name>_prior.png`, three panels in one picture:
- draws: four prior draws of each class (a row per class), seeds 0..3;
- vary: one draw of a few classes, then `/pad/vary` at amounts 0.25, 0.5, 1.0, 1.5 (same noise);
- transform: a kick turned toward snare, and a closed hat toward cymbal, at strengths 0 .. 1.
and, when the map was settled through the prior (`export.prior.settle`), `<name>_settled.png`:
for a moved node of each class, its SOM render beside the settled one the pad now plays.
Every tile is titled with what the preset's own class head hears (a quick read; the independent
judge's figures are in preset.json).
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

from export.oneshot.figures import _spec  # noqa: E402

AMOUNTS = (0.0, 0.25, 0.5, 1.0, 1.5)
STRENGTHS = (0.0, 0.25, 0.5, 0.75, 1.0)


def draw_figure(preset_dir: Path, out: Path) -> Path:
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    models = load_models(load_bundle(preset_dir), "cpu", 2)
    prior, preset = models.prior, models.preset
    if prior is None:
        raise SystemExit(f"{preset.name} has no oneshot.prior")
    classes, sr, n = list(preset.classes), preset.sample_rate_hz, preset.latent_size

    def noise(seed):
        return np.random.default_rng(seed).standard_normal(n).astype(np.float32)

    def heard(audio):
        return classes[int(models.encoder.encode(audio[None])[2].argmax())] if models.encoder else "?"

    rows = len(classes) + 4
    fig, axes = plt.subplots(rows, 5, figsize=(10, 1.25 * rows))
    for k, c in enumerate(classes):
        for s in range(4):
            audio = models.decoder.render(prior.draw(noise(100 * k + s), k)[None])[0]
            _spec(axes[k, s], audio, sr, f"draw {c} #{s} -> {heard(audio)}")
        axes[k, 4].axis("off")
    for r, c in enumerate(("kick", "snare")):
        home = prior.draw(noise(7 + r), classes.index(c))
        for j, amount in enumerate(AMOUNTS):
            audio = models.decoder.render(prior.vary(home, noise(99), amount)[None])[0]
            _spec(axes[len(classes) + r, j], audio, sr, f"vary {c} {amount:g} -> {heard(audio)}")
    for r, (src, dst) in enumerate((("kick", "snare"), ("closed_hat", "cymbal"))):
        home = prior.draw(noise(11 + r), classes.index(src))
        for j, strength in enumerate(STRENGTHS):
            z = prior.transform(home, noise(42), classes.index(dst), strength)
            audio = models.decoder.render(z[None])[0]
            _spec(axes[len(classes) + 2 + r, j], audio, sr, f"{src}->{dst} {strength:g}: {heard(audio)}")
    fig.suptitle(f"{preset.name}: prior draws per class; vary by amount; transform by strength "
                 "(log-mel, 1.02 s, 64 bands)", fontsize=9)
    fig.tight_layout()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{preset.name}_prior.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path


def draw_settled(preset_dir: Path, out: Path):
    """SOM node against settled node, one moved node per class (the first in map order)."""
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    settled = json.loads((preset_dir / "preset.json").read_text())["xy_map"].get("settled")
    if not settled:
        return None
    models = load_models(load_bundle(preset_dir), "cpu", 2)
    preset = models.preset
    classes, cols = list(preset.classes), preset.xy_grid.shape[1]
    points = preset.xy_grid.reshape(-1, preset.latent_size)
    som = np.asarray(settled["som_points"], np.float32)
    picked = {}
    for i, (k, t0) in enumerate(zip(settled["node_classes"], settled["node_t0"])):
        if t0 < 1.0 and k not in picked:
            picked[k] = i
    fig, axes = plt.subplots(len(picked), 2, figsize=(7, 1.3 * len(picked)), squeeze=False)
    for row, (k, i) in enumerate(sorted(picked.items())):
        where = f"{classes[k]} node x{i % cols} y{i // cols}"
        for col, (z, what) in enumerate(((som[i], "SOM"), (points[i], f"settled t0={settled['node_t0'][i]:g}"))):
            audio = models.decoder.render(z[None])[0]
            heard = classes[int(models.encoder.encode(audio[None])[2].argmax())]
            _spec(axes[row, col], audio, preset.sample_rate_hz, f"{where}, {what} -> {heard}")
    fig.suptitle(f"{preset.name}: map nodes before and after settling (log-mel, 1.02 s)", fontsize=9)
    fig.tight_layout()
    path = out / f"{preset.name}_settled.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, default=Path("presets/default"))
    ap.add_argument("--out", type=Path, default=Path("docs/images"))
    args = ap.parse_args(argv)
    print(draw_figure(args.preset, args.out), file=sys.stderr)
    print(draw_settled(args.preset, args.out) or "the map is not settled: no settled figure", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
