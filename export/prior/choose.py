"""Choose the prior's guidance scale on the training sounds, with the model's own class head.

Classifier-free guidance trades class accuracy for variety: at a high scale every kick draw is the
same kick. Each scale in `GRID` draws 40 sounds per class (the same noise for every scale),
renders them with the preset's decoder and scores them on TRAINING data only:

- `head`: how often the preset's own encoder head names the class asked for;
- `variety`: per class, the mean log-mel distance between two draws over that between two real
  training sounds of the class; the weakest class counts.

The scale kept is the most accurate one whose weakest class keeps at least `MIN_VARIETY` of the
real variety (else the most varied). The independent judge and the held-out sources play no part,
so the figures reported with them stay independent of this choice.

    python -m export.prior.choose --preset presets/default --data data/oneshot [--write]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from export.oneshot import metrics

GRID = (1.0, 1.5, 2.0, 3.0)
MIN_VARIETY = 0.7
DRAWS = 40
REAL_CAP = 60


def choose(preset_dir: Path, data: Path, seed: int = 0, grid=GRID) -> dict:
    from export.judge import load_split
    from server.presets.models import load_models
    from server.presets.bundle import load_bundle

    models = load_models(load_bundle(preset_dir), "cpu", 2)
    prior = models.prior
    if prior is None:
        raise SystemExit(f"{preset_dir.name} has no prior to choose a guidance for")
    classes, sr = list(models.preset.classes), models.preset.sample_rate_hz
    audio, labels, corpus_classes, _ = load_split(data, "train")
    real_spread = {}
    for k, c in enumerate(classes):
        rows = [i for i, lab in enumerate(labels) if lab >= 0 and corpus_classes[lab] == c][:REAL_CAP]
        if len(rows) > 1:
            real_spread[c] = metrics.mean_pairwise_db(metrics.log_mel(metrics.peak_normalise(audio[rows]), sr))
    noise = np.random.default_rng(seed).standard_normal((len(classes), DRAWS, models.preset.latent_size)).astype(np.float32)
    table = {}
    for g in grid:
        prior.guidance = g
        head, variety = {}, {}
        for k, c in enumerate(classes):
            z = np.stack([prior.draw(n, k) for n in noise[k]])
            drawn = models.decoder.render(z)
            head[c] = float((models.encoder.encode(drawn)[2].argmax(1) == k).mean())
            if c in real_spread:
                variety[c] = metrics.mean_pairwise_db(metrics.log_mel(metrics.peak_normalise(drawn), sr)) / real_spread[c]
        table[str(g)] = {"head": round(float(np.mean(list(head.values()))), 3),
                         "weakest_variety": round(min(variety.values()), 3),
                         "weakest_variety_class": min(variety, key=variety.get),
                         "variety": {c: round(v, 3) for c, v in variety.items()}}
    ok = [g for g in grid if table[str(g)]["weakest_variety"] >= MIN_VARIETY]
    best = (max(ok, key=lambda g: table[str(g)]["head"]) if ok
            else max(grid, key=lambda g: table[str(g)]["weakest_variety"]))
    return {"guidance": best, "rule": f"most accurate by the model's own head with every class keeping "
                                      f">= {MIN_VARIETY:g} of the training sounds' variety, else the most varied",
            "draws_per_class": DRAWS, "by_guidance": table}


def write(preset_dir: Path, chosen: dict) -> None:
    path = preset_dir / "preset.json"
    manifest = json.loads(path.read_text())
    manifest["prior"]["guidance"] = chosen["guidance"]
    manifest["prior"]["training"]["guidance_choice"] = chosen
    tmp = path.with_name("preset.json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, default=Path("presets/default"))
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--write", action="store_true", help="store the chosen scale in the bundle")
    args = ap.parse_args(argv)
    chosen = choose(args.preset, args.data)
    print(json.dumps(chosen, indent=1))
    if args.write:
        write(args.preset, chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
