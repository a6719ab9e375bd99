"""Choose the prior's guidance scale on the training sounds, with the model's own class head.

Classifier-free guidance trades class accuracy for variety: at a high scale every kick draw is the
same kick. Each scale in `GRID` draws 40 sounds per class (the same noise for every scale),
renders them with the preset's decoder and scores them on TRAINING data only:

- `head`: how often the preset's own encoder head names the class asked for;
- `variety`: per class, the mean log-mel distance between two draws over that between two real
  training sounds of the class; the weakest class counts.

The scale kept is the most accurate one whose weakest class keeps at least `MIN_VARIETY` of the
real variety (else the most varied). Then, at that scale, the class check (`prior.class_check`,
`server.presets.prior.checked_draw`): each N in `CHECKS` draws up to N candidates per class draw
and keeps the first the head hears as the class asked for. The head both filters and scores here,
so its accuracy is self-fulfilling and only reported; variety is what the check can cost. Among the N
whose weakest class keeps at least `MIN_VARIETY` of the real variety, the most accurate is kept,
then the fewest candidates (each costs a render and a head run). The
independent judge and the held-out sources play no part, so the figures reported with them stay
independent of these choices.

    python -m export.prior.choose --preset presets/default --data data/oneshot [--write]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from export.oneshot import metrics

GRID = (1.0, 1.5, 2.0, 3.0)
CHECKS = (1, 2, 4, 8)  # 8 renders and head runs at worst: tens of ms on 2 CPU cores
MIN_VARIETY = 0.7
DRAWS = 40
REAL_CAP = 60


def choose(preset_dir: Path, data: Path, seed: int = 0, grid=GRID, checks=CHECKS) -> dict:
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
    prior.guidance = best
    return {"guidance": best, "rule": f"most accurate by the model's own head with every class keeping "
                                      f">= {MIN_VARIETY:g} of the training sounds' variety, else the most varied",
            "draws_per_class": DRAWS, "by_guidance": table,
            "class_check": choose_check(models, real_spread, noise, seed + 1, checks)}


def choose_check(models, real_spread: dict, first: np.ndarray, seed: int, checks=CHECKS) -> dict:
    """`prior.class_check` at the prior's current guidance (see the module's docstring). Each
    draw's first candidate is `first`'s noise (the guidance table's draws, so N = 1 is the kept
    scale's row there); the others come from `seed`."""
    from server.workers.analysis import class_draw

    classes, sr = list(models.preset.classes), models.preset.sample_rate_hz
    more = np.random.default_rng(seed).standard_normal(
        (len(classes), DRAWS, max(checks) - 1, models.preset.latent_size)).astype(np.float32)
    noise = np.concatenate([first[:, :, None], more], axis=2)
    table = {}
    for n in checks:
        head, variety = {}, {}
        for k, c in enumerate(classes):
            z = np.stack([class_draw(models, list(noise[k, d, :n]), k) for d in range(DRAWS)])
            drawn = models.decoder.render(z)
            head[c] = float((models.encoder.encode(drawn)[2].argmax(1) == k).mean())
            if c in real_spread:
                variety[c] = metrics.mean_pairwise_db(metrics.log_mel(metrics.peak_normalise(drawn), sr)) / real_spread[c]
        table[str(n)] = {"head": round(float(np.mean(list(head.values()))), 3),
                         "head_per_class": {c: round(v, 3) for c, v in head.items()},
                         "weakest_variety": round(min(variety.values()), 3),
                         "weakest_variety_class": min(variety, key=variety.get),
                         "variety": {c: round(v, 3) for c, v in variety.items()}}
    ok = [n for n in checks if table[str(n)]["weakest_variety"] >= MIN_VARIETY]
    top = max((table[str(n)]["head"] for n in ok), default=None)
    return {"class_check": min(n for n in ok if table[str(n)]["head"] == top) if ok else 1,
            "rule": f"among the N whose weakest class keeps >= {MIN_VARIETY:g} of the training sounds' "
                    "variety, the most accurate by the head, then the fewest candidates (else 1: no "
                    "check); the head filters and scores, so its accuracy is self-fulfilling",
            "by_candidates": table}


def write(preset_dir: Path, chosen: dict) -> None:
    path = preset_dir / "preset.json"
    manifest = json.loads(path.read_text())
    manifest["prior"]["guidance"] = chosen["guidance"]
    manifest["prior"]["class_check"] = chosen["class_check"].get("set", chosen["class_check"]["class_check"])
    manifest["prior"]["training"]["guidance_choice"] = {k: v for k, v in chosen.items() if k != "class_check"}
    manifest["prior"]["training"]["class_check_choice"] = chosen["class_check"]
    tmp = path.with_name("preset.json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, default=Path("presets/default"))
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--write", action="store_true", help="store the chosen scale and class check in the bundle")
    ap.add_argument("--class-check", type=int, default=None, metavar="N",
                    help="write this prior.class_check instead of the rule's (the table is still kept); "
                         "say why in the bundle's docs")
    args = ap.parse_args(argv)
    chosen = choose(args.preset, args.data)
    chosen["class_check"]["command"] = " ".join(["python -m export.prior.choose", *(sys.argv[1:] if argv is None else argv)])
    if args.class_check is not None:
        chosen["class_check"]["set"] = args.class_check
    print(json.dumps(chosen, indent=1))
    if args.write:
        write(args.preset, chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
