"""Measure a preset's sound space and its diffusion prior with the independent judge.

    python -m export.prior.evaluate --preset presets/default --data data/oneshot [--write]

Everything runs through the server's own code (`server.presets.models.load_models`: the ONNX decoder,
encoder and the numpy prior sampler), so the figures are those of what a performer plays. The
judge (`export.judge`) is trained on the corpus' real training sounds only; its accuracy on the
real held-out kits is reported first. Measured:

- map regions: every XY-map node whose training sounds are mostly of class c (on the SOM the map
  was settled from, `export.prior.settle`), rendered as the pad plays it and judged; beside the
  unsettled SOM node, and the variety settling leaves (within-class spread of the renders);
- plain Gaussian draws (`/pad/random` without a prior): how often the judge and the model's own
  class head agree, and the class mix;
- prior draws of each class against Gaussian draws: the rate at which the judge names the class
  asked for, beside two baselines from the same VAE: the class's share of unconditioned Gaussian
  draws, and a class-conditional Gaussian (the class's latent mean and spread);
- variations (`/pad/vary` with the prior) of training sounds per amount: log-mel distance to the
  source, and how often a variation is closer to its source than to every other training sound.

`--write` stores the result under `prior.training.metrics` in the bundle's preset.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

from export.judge import per_class_accuracy, trained_on_corpus
from export.oneshot import metrics, xymap

DRAWS_PER_CLASS = 40
AMOUNTS = (0.25, 0.5, 1.0, 1.5)
SOURCES_PER_CLASS = 8


def _decode(models, z: np.ndarray) -> np.ndarray:
    return np.concatenate([models.decoder.render(z[i:i + 32]) for i in range(0, len(z), 32)])


def _encode(models, audio: np.ndarray) -> tuple:
    mus, logits = [], []
    for i in range(0, len(audio), 32):
        mu, _, lg = models.encoder.encode(audio[i:i + 32])
        mus.append(mu)
        logits.append(lg)
    return np.concatenate(mus), np.concatenate(logits)


def _mel(audio: np.ndarray, sr: int) -> np.ndarray:
    return metrics.log_mel(audio, sr)


def _mel_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """log-mel distance (dB) between each row of a [n, F, M] and each of b [m, F, M] -> [n, m]."""
    out = np.empty((len(a), len(b)))
    for i, q in enumerate(a):
        floor = q.max() - 80.0
        out[i] = np.abs(np.maximum(b, floor) - np.maximum(q, floor)).mean(axis=(-2, -1))
    return out


def _within_class_spread(mel: np.ndarray, classes: np.ndarray) -> float:
    """Mean log-mel distance (dB) between two sounds of the same class, over classes with 2+."""
    spread = []
    for k in np.unique(classes):
        idx = np.flatnonzero(classes == k)
        if len(idx) > 1:
            d = _mel_distance(mel[idx], mel[idx])
            spread.append(d[np.triu_indices(len(idx), 1)].mean())
    return round(float(np.mean(spread)), 2)


def _neighbour_step(mel: np.ndarray, rows: int, cols: int) -> float:
    """Mean log-mel distance (dB) between grid neighbours: how big one step of a sweep is."""
    g = mel.reshape(rows, cols, *mel.shape[1:])
    steps = [_mel_distance(g[r, c][None], g[r + dr, c + dc][None])[0, 0]
             for r in range(rows) for c in range(cols) for dr, dc in ((0, 1), (1, 0))
             if r + dr < rows and c + dc < cols]
    return round(float(np.mean(steps)), 2)


def _map_variety(map_audio, som_audio, has, node_classes, audio, labels, rows: int, cols: int, sr: int) -> dict:
    """What settling costs, for the map as played and the SOM it came from: how different the
    nodes of one class region sound from each other (beside real training sounds of those classes,
    up to 40 each), how many node pairs are near-duplicates, and how big a step between
    neighbouring nodes is."""
    real = np.concatenate([np.flatnonzero(labels == k)[:40] for k in np.unique(node_classes)])
    out = {"note": "log-mel distances in dB: same_class = mean between two class-region nodes of one "
                   "class; pairs_under_1db = class-region node pairs closer than 1 dB; neighbour_step = "
                   "mean between grid neighbours (all nodes)",
           "training_sounds_same_class": _within_class_spread(_mel(audio[real], sr), labels[real])}
    for name, renders in (("map", map_audio), ("som", som_audio)):
        mel = _mel(renders, sr)
        d = _mel_distance(mel[has], mel[has])[np.triu_indices(int(has.sum()), 1)]
        out[name] = {"same_class": _within_class_spread(mel[has], node_classes),
                     "pairs_under_1db": int((d < 1.0).sum()), "neighbour_step": _neighbour_step(mel, rows, cols)}
    return out


def evaluate(preset_dir: Path, data: Path, seed: int = 0, guidance: float | None = None,
             judge_seed: int = 0) -> dict:
    from export.judge import load_split
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    torch.set_num_threads(2)
    judge, judge_held_out = trained_on_corpus(data, judge_seed)
    models = load_models(load_bundle(preset_dir), "cpu", 2)
    preset = models.preset
    classes, sr = list(preset.classes), preset.sample_rate_hz
    rng = np.random.default_rng(seed)
    audio, labels, _, _ = load_split(data, "train")
    mu, _ = _encode(models, audio)
    out = {"judge_real_held_out": judge_held_out}

    # map regions (issue 3): the nodes as the pad plays them; classes from the SOM they came from
    rows, cols = preset.xy_grid.shape[:2]
    nodes = preset.xy_grid.reshape(rows * cols, -1)
    settled = json.loads((preset_dir / "preset.json").read_text())["xy_map"].get("settled")
    som = np.asarray(settled["som_points"], np.float32) if settled else nodes
    majority = xymap.node_majority(som, mu, labels, len(classes))
    has = majority >= 0
    map_audio = _decode(models, nodes)
    som_audio = _decode(models, som) if settled else map_audio
    out["map_regions"] = per_class_accuracy(judge.label(map_audio[has]), majority[has], classes)
    out["map_regions"]["variety"] = _map_variety(map_audio, som_audio, has, majority[has], audio, labels,
                                                 rows, cols, sr)
    if settled:
        out["map_regions"]["settled"] = {k: settled[k] for k in ("threshold", "t0s", "nodes_moved")}
        out["map_regions"]["som_unsettled"] = per_class_accuracy(judge.label(som_audio[has]),
                                                                 majority[has], classes)

    # plain Gaussian draws: the /pad/random of a preset without a prior
    n_draws = DRAWS_PER_CLASS * len(classes)
    gauss_z = preset.prior_mean + preset.prior_std * rng.standard_normal((n_draws, preset.latent_size))
    gauss_audio = _decode(models, gauss_z.astype(np.float32))
    gauss_judge = judge.label(gauss_audio)
    _, gauss_head = _encode(models, gauss_audio)
    out["gaussian_random"] = {
        "draws": n_draws,
        "judge_agrees_with_model_head": round(float((gauss_head.argmax(1) == gauss_judge).mean()), 4),
        "judge_class_share": {c: round(float((gauss_judge == k).mean()), 3) for k, c in enumerate(classes)}}

    # class-conditional Gaussian baseline from the same latents
    cond_gauss = {}
    for k, c in enumerate(classes):
        mk = mu[labels == k]
        if len(mk) < 2:
            continue
        z = mk.mean(0) + mk.std(0) * rng.standard_normal((DRAWS_PER_CLASS, preset.latent_size))
        cond_gauss[c] = float((judge.label(_decode(models, z.astype(np.float32))) == k).mean())

    if models.prior is None:
        out["prior"] = None
        return out

    prior = models.prior
    if guidance is not None:  # try another guidance scale than the manifest's
        prior.guidance = guidance
    from server.workers.analysis import class_draw

    checks = preset.diffusion.class_check
    per_class, overall = {}, []
    for k, c in enumerate(classes):
        z = np.stack([class_draw(models, list(rng.standard_normal((checks, preset.latent_size)).astype(np.float32)), k)
                      for _ in range(DRAWS_PER_CLASS)])  # as /pad/random pad 1 class plays them
        hit = judge.label(_decode(models, z)) == k
        overall.append(hit)
        per_class[c] = {"prior": round(float(hit.mean()), 3),
                        "gaussian_share": out["gaussian_random"]["judge_class_share"][c],
                        "class_gaussian": round(cond_gauss.get(c, float("nan")), 3)}
    out["prior_draws"] = {
        "draws_per_class": DRAWS_PER_CLASS, "steps": prior.steps, "guidance": prior.guidance, "class_check": checks,
        "judged_as_asked": round(float(np.concatenate(overall).mean()), 4),
        "class_gaussian_judged_as_class": round(float(np.mean(list(cond_gauss.values()))), 4),
        "per_class": per_class}

    # unconditioned draws: do they land where the training sounds are (no holes)?
    x_train = (mu - prior.mean) / prior.std
    unc = np.stack([prior.draw(rng.standard_normal(preset.latent_size).astype(np.float32)) for _ in range(200)])

    def nearest(z):
        x = (z - prior.mean) / prior.std
        return np.sqrt(((x[:, None, :] - x_train[None]) ** 2).sum(-1)).min(1)

    loo = np.sqrt(((x_train[:, None] - x_train[None]) ** 2).sum(-1))
    np.fill_diagonal(loo, np.inf)
    out["holes"] = {
        "note": "distance (normalised latent units) from a draw to its nearest training latent",
        "training_to_other_training_median": round(float(np.median(loo.min(1))), 3),
        "prior_median": round(float(np.median(nearest(unc))), 3),
        "gaussian_median": round(float(np.median(nearest(gauss_z[:200]))), 3)}

    # variations (issue 7): closer to the source than to any other training sound?
    recon_mel = _mel(_decode(models, mu), sr)
    var = {}
    for k, c in enumerate(classes):
        idx = np.flatnonzero(labels == k)[:SOURCES_PER_CLASS]
        if not len(idx):
            continue
        row = {}
        for amount in AMOUNTS:
            z = np.stack([prior.vary(mu[i], rng.standard_normal(preset.latent_size).astype(np.float32), amount)
                          for i in idx])
            d = _mel_distance(_mel(_decode(models, z), sr), recon_mel)  # [sources, training]
            to_source = d[np.arange(len(idx)), idx]
            d[np.arange(len(idx)), idx] = np.inf
            row[str(amount)] = {"to_source_db": round(float(to_source.mean()), 2),
                                "nearest_other_db": round(float(d.min(1).mean()), 2),
                                "closer_to_source": round(float((to_source < d.min(1)).mean()), 3)}
        var[c] = row
    out["variations"] = {"sources_per_class": SOURCES_PER_CLASS, "per_class": var,
                         "closer_to_source_by_amount": {
                             str(a): round(float(np.mean([v[str(a)]["closer_to_source"] for v in var.values()])), 3)
                             for a in AMOUNTS},
                         "to_source_db_by_amount": {
                             str(a): round(float(np.mean([v[str(a)]["to_source_db"] for v in var.values()])), 2)
                             for a in AMOUNTS}}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, default=Path("presets/default"))
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--guidance", type=float, default=None, help="override the manifest's guidance scale")
    ap.add_argument("--judge-seed", type=int, default=0,
                    help="train the judge with another seed: is a figure the model's or one judge's?")
    ap.add_argument("--write", action="store_true", help="store the result in the bundle's preset.json")
    args = ap.parse_args(argv)
    if args.write and (args.guidance is not None or args.judge_seed != 0):
        ap.error("--guidance and --judge-seed are for checking; --write stores the manifest's own, judged by seed 0")
    result = evaluate(args.preset, args.data, args.seed, args.guidance, args.judge_seed)
    result["command"] = "python -m export.prior.evaluate " + " ".join(sys.argv[1:] if argv is None else argv)
    print(json.dumps(result, indent=1))
    if args.write:
        path = args.preset / "preset.json"
        manifest = json.loads(path.read_text())
        manifest["training"]["metrics"]["independent_judge"] = {
            k: result[k] for k in ("judge_real_held_out", "map_regions", "gaussian_random")}
        if manifest.get("prior"):
            manifest["prior"]["training"]["metrics"] = {
                k: result[k] for k in ("prior_draws", "holes", "variations", "command")}
        tmp = path.with_name("preset.json.tmp")
        tmp.write_text(json.dumps(manifest, indent=1) + "\n")
        tmp.replace(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
