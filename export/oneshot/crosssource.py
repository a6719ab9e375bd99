"""How a preset holds up on drum sources it never heard: the `unseen` split of the corpus (whole
Debian packages left out of training, tuning and every choice; `export.oneshot_data`).

    python -m export.oneshot.crosssource --preset presets/default --data data/oneshot [--write]

Everything runs through the server's own code (the ONNX encoder and decoder, the numpy prior
sampler), as `/pad/encode` and `/pad/random pad 1 class` play. The judge (`export.judge`) is
trained on the corpus' real TRAINING sounds only, so it never heard the unseen sources either; its
accuracy on the unseen real hits is its leave-source-out accuracy, the ceiling every judged
figure is read against. The model was not tuned against this judge. Per class:

- `encode`: how often the judge names an encode -> render as the original's class (the encoder,
  then the preset's refinement steps when it has them, as /pad/encode plays it), and its ratio
  to how often it names the originals right (the ceiling); beside it the same for each hit's
  nearest training sound (retrieval, the baseline);
- `retrieval`: how often the render is closer to the original than the nearest training sound is
  (log-mel, 64 bands, both sides peak-normalised, floor 80 dB below the original's peak);
- `draws`: 40 prior draws per class (checked by the class head as the preset's `prior.class_check`
  says), how often the judge names the class asked for, beside the
  judge's accuracy on real unseen hits of that class;
- `variety`: mean log-mel distance between two draws of a class, over that of two real unseen
  hits of the class;
- `cut_while_loud`: share of draws and of XY-map renders cut off while loud
  (`export.oneshot.hygiene`), beside the real unseen hits as loaded (before corpus hygiene);
- `level`: peak of encode -> render in dBFS (the original is at -0.9 dBFS).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from export.judge import cached_judge, load_split, per_class_accuracy
from export.oneshot import hygiene, metrics

DRAWS_PER_CLASS = 40
PAIRS_CAP = 60  # sounds per class for the within-class spread (pairs grow as n^2)


def _batched(fn, x: np.ndarray, size: int = 32) -> np.ndarray:
    return np.concatenate([fn(x[i:i + size]) for i in range(0, len(x), size)])


def evaluate(preset_dir: Path, data: Path, split: str = "unseen", seed: int = 0, min_nn_db: float = 0.0,
             class_check: int | None = None) -> dict:
    from server.presets.models import load_models
    from server.presets.bundle import load_bundle
    from server.workers.analysis import class_draw, encode_audio

    torch.set_num_threads(2)
    index = json.loads((data / "index.json").read_text())
    train_audio, train_labels, classes, sr = load_split(data, "train")
    audio, labels, _, _ = load_split(data, split)
    judge = cached_judge(data, seed=0)
    models = load_models(load_bundle(preset_dir), "cpu", 2)
    rng = np.random.default_rng(seed)
    keep = labels >= 0
    audio, labels = audio[keep], labels[keep]
    entries = [e for e in index[split] if e["label"]]
    # packages share samples (two GM soundfonts, 808 hits everywhere): a held-out hit whose
    # nearest training sound is a near-copy was heard in training; `min_nn_db` leaves those out
    nn_db, nn_at = metrics.nearest_neighbour(metrics.peak_normalise(audio), metrics.peak_normalise(train_audio), sr)
    fresh = nn_db >= min_nn_db
    audio, labels, nn_db, nn_at = audio[fresh], labels[fresh], nn_db[fresh], nn_at[fresh]
    entries = [e for e, f in zip(entries, fresh) if f]

    out: dict = {"preset": preset_dir.name, "split": split,
                 "sources": {src: sum(e["source"] == src for e in entries) for src in sorted({e["source"] for e in entries})},
                 "sounds": int(len(audio)), "min_nearest_training_db": min_nn_db,
                 "left_out_as_near_copies": int((~fresh).sum())}
    real_judged = judge.label(audio)
    ceiling = per_class_accuracy(real_judged, labels, classes)
    out["judge_on_real_unseen"] = dict(ceiling, note="the judge's leave-source-out accuracy: it was "
                                       "trained on the training sources only")

    # encode -> render
    heard = 0.9 * metrics.peak_normalise(audio)  # as /pad/encode hears a file (server.io.audio)
    t0 = time.perf_counter()
    z = np.stack([encode_audio(models, x) for x in heard])  # the encoder, then the preset's refinement
    encode_s = (time.perf_counter() - t0) / len(audio)
    renders = _batched(models.decoder.render, z)
    encoded = per_class_accuracy(judge.label(renders), labels, classes)
    retrieved = per_class_accuracy(judge.label(train_audio[nn_at]), labels, classes)
    out["encode"] = {
        "judged_as_original_class": encoded,
        "baseline_nearest_training_sound": dict(retrieved, note="the judge on each hit's nearest training "
                                                 "sound (log-mel, peak-normalised): retrieval instead of the model"),
        "ratio_to_ceiling": round(encoded["overall"] / ceiling["overall"], 3),
        "refine_steps": models.refiner.steps if models.refiner is not None else 0,
        "seconds_per_encode": round(encode_s, 3),
        "ratio_to_ceiling_per_class": {c: round(encoded["per_class"][c][0] / max(ceiling["per_class"][c][0], 1e-6), 3)
                                       for c in encoded["per_class"]}}

    # reconstruction against retrieval, both sides peak-normalised
    model_db = metrics.log_mel_distance_db(metrics.peak_normalise(renders), metrics.peak_normalise(audio), sr)
    wins = model_db < nn_db
    out["retrieval"] = {
        "model_log_mel_db": round(float(model_db.mean()), 3), "nearest_training_db": round(float(nn_db.mean()), 3),
        "model_wins": round(float(wins.mean()), 3),
        "per_class": {classes[k]: {"model_wins": round(float(wins[labels == k].mean()), 3),
                                   "model_db": round(float(model_db[labels == k].mean()), 2),
                                   "nearest_db": round(float(nn_db[labels == k].mean()), 2)}
                      for k in range(len(classes)) if (labels == k).any()}}
    peaks = 20 * np.log10(np.maximum(np.abs(renders).max(-1), 1e-6))
    out["level"] = {"render_peak_dbfs_median": round(float(np.median(peaks)), 2),
                    "original_peak_dbfs": round(float(20 * np.log10(0.9)), 2),
                    "note": "the encoder sees every sound peak-normalised; the server puts a /pad/encode "
                            "render back at the file's own level (docs/models.md)"}

    # class draws through the prior, as /pad/random pad 1 class plays them
    prior = models.prior
    out["draws"] = None
    if prior is not None:
        # as /pad/random plays a class draw (`class_check`: as serve --draw-class-check N would)
        checks = class_check or models.preset.diffusion.class_check
        per_class, spread, cut_draws, overall = {}, {}, [], []
        for k, c in enumerate(classes):
            z = np.stack([class_draw(models, list(rng.standard_normal((checks, prior.mean.shape[0])).astype(np.float32)), k)
                          for _ in range(DRAWS_PER_CLASS)])
            drawn = _batched(models.decoder.render, z)
            hit = judge.label(drawn) == k
            overall.append(hit)
            cut_draws += [hygiene.is_cut(x, sr) for x in drawn]
            real = audio[labels == k][:PAIRS_CAP]
            draw_spread = metrics.mean_pairwise_db(metrics.log_mel(metrics.peak_normalise(drawn), sr))
            real_spread = metrics.mean_pairwise_db(metrics.log_mel(metrics.peak_normalise(real), sr)) if len(real) > 1 else float("nan")
            per_class[c] = {"judged_as_asked": round(float(hit.mean()), 3),
                            "judge_on_real": ceiling["per_class"].get(c, [float("nan")])[0]}
            spread[c] = {"draws_db": round(draw_spread, 2), "real_db": round(real_spread, 2),
                         "ratio": round(draw_spread / real_spread, 3) if real_spread == real_spread else None}
        out["draws"] = {"per_class": DRAWS_PER_CLASS, "class_check": checks, "judged_as_asked": round(float(np.concatenate(overall).mean()), 4),
                        "by_class": per_class}
        out["variety"] = spread
        out["cut_while_loud"] = {"draws": round(float(np.mean(cut_draws)), 4)}
    grid = models.preset.xy_grid.reshape(-1, models.preset.latent_size)
    map_audio = _batched(models.decoder.render, grid.astype(np.float32))
    real_cut = [bool(e.get("faded")) for e in entries]
    out.setdefault("cut_while_loud", {}).update(
        xy_map=round(hygiene.cut_share(map_audio, sr), 4),
        real_unseen_as_loaded=round(float(np.mean(real_cut)), 4),
        note="real unseen hits measured as loaded (window cut included), before corpus hygiene faded them")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, default=Path("presets/default"))
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--split", default="unseen", help="unseen (whole sources held out) or test (kits)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-nn-db", type=float, default=0.0,
                    help="leave out held-out hits whose nearest training sound is closer than this "
                         "(log-mel dB, peak-normalised): near-copies shared between packages")
    ap.add_argument("--draw-class-check", type=int, default=None, metavar="N",
                    help="class draws as `serve --draw-class-check N` plays them (default: the preset's "
                         "prior.class_check)")
    ap.add_argument("--key", default="unseen_sources", help="the key under training.metrics for --write")
    ap.add_argument("--write", action="store_true",
                    help="store the result under training.metrics.unseen_sources in the bundle's preset.json")
    ap.add_argument("--out", type=Path, default=None, help="also write the result to this JSON file")
    args = ap.parse_args(argv)
    result = evaluate(args.preset, args.data, args.split, args.seed, args.min_nn_db, args.draw_class_check)
    result["command"] = "python -m export.oneshot.crosssource " + " ".join(sys.argv[1:] if argv is None else argv)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    if args.write:
        path = args.preset / "preset.json"
        manifest = json.loads(path.read_text())
        manifest["training"]["metrics"][args.key] = result
        tmp = path.with_name("preset.json.tmp")
        tmp.write_text(json.dumps(manifest, indent=1) + "\n")
        tmp.replace(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
