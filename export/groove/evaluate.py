"""Groove evaluation on real playing: leave one real source out, train on the rest, measure.

    python -m export.groove.evaluate --data data/groove --out runs/groove-eval --steps 2000
    # or one process per held-out source, side by side, then joined:
    python -m export.groove.evaluate --data data/groove --out runs/groove-eval-lmms --steps 2000 --sources lmms
    python -m export.groove.evaluate --merge runs/groove-eval-*/evaluation.json --out runs/groove-eval

For each real source S (Hydrogen, LMMS, MMA, Simutrans, Planet Blupi), a model is trained on
every other source (generated patterns included) and measured on all of S's patterns:
- onset F1 of reconstruction (encode -> decode -> hit where the logit > 0), micro-averaged;
- velocity MAE and micro-timing MAE (in ms at 120 BPM: one 16th = 125 ms) on the hits both the
  reconstruction and the original have;
- the statistics distance (export.groove.metrics: densities, syncopation, downbeats, ghost-note
  share, hat velocity variance) between 500 patterns decoded from z ~ N(0, I) and S's patterns.
Beside it, two baselines measured the same way: the nearest training pattern (fewest differing
hit cells, any training source) and the template generator alone (the nearest of the generated
patterns); for the statistics, those retrieved patterns stand in for the generated set.
"Before" (`--before PRESET`) is the leave-one-source-out evaluation that preset's manifest
stores, or, where it stores none, its groove model on the corpus's held-out files of each source.

Settings are chosen by cross-validation on the training sources only: for each S, every
candidate in CANDIDATES is trained (`--inner-steps`, default `--steps` / 2) without S and
without a second real source V (the next one in the list) and measured on V at every hit
threshold in THRESHOLDS (hit where the logit > threshold); the (candidate, threshold) with the
best F1 on V is trained without S (`--steps`) and measured on S at that threshold. S is never
looked at until its own model is final. Ties go to the earlier candidate and the threshold
nearest 0. The shipped model takes the setting most folds chose and the median of their
thresholds (`shipped_setting` in the merged evaluation.json); its threshold is folded into the
exported decoder's hit-logit bias (`export_onnx --hit-threshold`), so the server's
`logit > 0` is the same decision.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from export.groove import metrics, train as gtrain
from export.groove.corpus import REAL
from server.core.patterns import Controls, shape

CANDIDATES = ({"real_share": 0.9, "beta": 0.02, "latent": 32, "cross": 0.0},  # the shipped setting before
              {"real_share": 0.9, "beta": 0.005, "latent": 64, "cross": 0.0},
              {"real_share": 0.9, "beta": 0.005, "latent": 64, "cross": 0.5},
              {"real_share": 0.9, "beta": 0.001, "latent": 128, "cross": 0.5})
THRESHOLDS = (-1.5, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5)  # hit where the logit > threshold
GENERATED = 500


def decoded(model, patterns: np.ndarray) -> tuple:
    """encode (mu) -> decode: (hit logits, velocity, offset), each [N, 9, 32]."""
    with torch.no_grad():
        out = [model(torch.from_numpy(patterns[i:i + 512])) for i in range(0, len(patterns), 512)]
    return tuple(np.concatenate([o[0][k].numpy() for o in out]) for k in range(3))


def reconstruct(model, patterns: np.ndarray, threshold: float = 0.0) -> tuple:
    logits, vel, off = decoded(model, patterns)
    return logits > threshold, vel, off


def f1_per_threshold(logits: np.ndarray, target: np.ndarray) -> dict:
    """Onset F1 at every threshold in THRESHOLDS."""
    t = target[..., 0] > 0.5
    return {th: metrics.onset_f1(logits > th, t)["f1"] for th in THRESHOLDS}


def best_choice(table: dict) -> tuple:
    """{(candidate index, threshold): F1} -> the best key; ties: earlier candidate, then the
    threshold nearest 0."""
    return max(table, key=lambda k: (table[k], -k[0], -abs(k[1])))


def name(setting: dict) -> str:
    return "-".join(f"{k}{setting.get(k, 0.0)}" for k in ("beta", "latent", "real_share", "cross"))


def scores(hits: np.ndarray, vel: np.ndarray, off: np.ndarray, target: np.ndarray) -> dict:
    t = target[..., 0] > 0.5
    both = hits & t
    f1 = metrics.onset_f1(hits, t)
    return dict(f1, velocity_mae=round(float(np.abs(vel - target[..., 1])[both].mean()), 4),
                timing_mae_ms_120bpm=round(float(np.abs(off - target[..., 2])[both].mean())
                                           * metrics.MS_PER_16TH_AT_120, 2))


def nearest(pool: np.ndarray, target: np.ndarray) -> np.ndarray:
    """For each target pattern, the pool pattern with the fewest differing hit cells."""
    a = (target[..., 0] > 0.5).reshape(len(target), -1).astype(np.float32)
    b = (pool[..., 0] > 0.5).reshape(len(pool), -1).astype(np.float32)
    best = np.zeros(len(a), int)
    for i in range(0, len(a), 256):
        d = a[i:i + 256].sum(1, keepdims=True) + b.sum(1)[None] - 2 * a[i:i + 256] @ b.T
        best[i:i + 256] = d.argmin(1)
    return pool[best]


def as_prediction(patterns: np.ndarray) -> tuple:
    return patterns[..., 0] > 0.5, patterns[..., 1], patterns[..., 2]


def sample(model, count: int = GENERATED, seed: int = 0, threshold: float = 0.0) -> np.ndarray:
    """Patterns decoded from z ~ N(0, I) with the server's post-processing (default controls),
    the logits shifted by the hit threshold as the exported decoder is."""
    z = torch.from_numpy(np.random.default_rng(seed).standard_normal((count, model.cfg.latent_size)).astype(np.float32))
    with torch.no_grad():
        lg, vel, off = (t.numpy() for t in model.decoder(z))
    lg = lg - threshold
    out = [shape(lg[i], vel[i], off[i], Controls()) for i in range(count)]
    return np.stack([np.stack([p.hits, p.velocity, p.offset], -1) for p in out]).astype(np.float32)


def fit(args, holdout: str, setting: dict, steps: int, tag: str) -> tuple:
    run = Path(args.out) / tag
    ap = gtrain.parser().parse_args([
        "--data", args.data, "--out", str(run), "--steps", str(steps), "--holdout-source", holdout,
        "--real-share", str(setting["real_share"]), "--beta", str(setting["beta"]),
        "--latent", str(setting["latent"]), "--cross", str(setting.get("cross", 0.0)),
        "--threads", "1", "--seed", str(args.seed), "--ckpt-every", str(steps), "--resume"])
    model, ck = gtrain.load_model(gtrain.train(ap))
    return model, round(float(json.loads(ck["extra"]).get("seconds", 0.0)), 1)


def evaluate_source(args, source: str, sources: list, patterns: np.ndarray, entries: list) -> dict:
    t0 = time.time()
    inner = sources[(sources.index(source) + 1) % len(sources)]
    inner_f1, inner_seconds = {}, {}
    candidates = CANDIDATES if args.setting is None else ()
    inner_steps = args.inner_steps or max(1, args.steps // 2)
    val = patterns[[e["source"] == inner for e in entries]]
    for k, setting in enumerate(candidates):
        model, inner_seconds[k] = fit(args, f"{source},{inner}", setting, inner_steps, f"{source}-cv-{name(setting)}")
        for th, f1 in f1_per_threshold(decoded(model, val)[0], val).items():
            inner_f1[(k, th)] = f1
    if args.setting is None:
        k, threshold = best_choice(inner_f1)
        chosen = dict(CANDIDATES[k], hit_threshold=threshold)
    else:
        chosen = dict({"hit_threshold": 0.0}, **json.loads(args.setting))
    setting = {key: v for key, v in chosen.items() if key != "hit_threshold"}
    model, seconds = fit(args, source, setting, args.steps, f"{source}-final-{name(setting)}")
    threshold = float(chosen["hit_threshold"])
    held = np.array([e["source"] == source for e in entries])
    target, pool = patterns[held], patterns[~held]
    generated_pool = pool[[e["source"] == "generated" for e, h in zip(entries, held) if not h]]
    near, templ = nearest(pool, target), nearest(generated_pool, target)
    cv = ({"validation_source": inner, "validation_patterns": int(len(val)), "steps": inner_steps,
           "train_seconds": {name(CANDIDATES[k]): v for k, v in inner_seconds.items()},
           "f1_per_candidate_and_threshold": {name(CANDIDATES[k]): {str(th): inner_f1[(k, th)] for th in THRESHOLDS}
                                              for k in inner_seconds},
           "best_validation_f1": inner_f1[best_choice(inner_f1)], "chosen": chosen}
          if args.setting is None else {"chosen": chosen, "by": args.setting_note})
    return {
        "patterns": int(held.sum()), "bars": int(2 * held.sum()),
        "fills": int(sum(bool(e.get("fill")) for e, h in zip(entries, held) if h)),
        "cv": cv, "train_seconds": seconds,
        "model": dict(scores(*reconstruct(model, target, threshold), target), hit_threshold=threshold,
                      f1_at_threshold_0=metrics.onset_f1(decoded(model, target)[0] > 0, target[..., 0] > 0.5)["f1"],
                      stats_distance=metrics.stats_distance(sample(model, threshold=threshold), target)["distance"]),
        "nearest_training_pattern": dict(scores(*as_prediction(near), target),
                                         stats_distance=metrics.stats_distance(near, target)["distance"]),
        "template_generator": dict(scores(*as_prediction(templ), target),
                                   stats_distance=metrics.stats_distance(templ, target)["distance"]),
        "seconds": round(time.time() - t0, 1)}


def before(preset: Path, patterns: np.ndarray, entries: list, sources: list) -> dict:
    """'Before' for each source: the leave-one-source-out figures the preset's manifest already
    stores (the previous evaluation), or, without them, the shipped ONNX groove model on each
    source's patterns it did not train on (the corpus's held-out files)."""
    manifest = json.loads((preset / "preset.json").read_text()) if (preset / "preset.json").exists() else {}
    stored = manifest.get("groove", {}).get("training", {}).get("metrics", {}).get("leave_one_source_out", {})
    if stored.get("sources"):
        return {s: dict(stored["sources"][s]["model"], patterns=stored["sources"][s]["patterns"],
                        setting=stored["sources"][s].get("cv", {}).get("chosen"), steps=stored.get("steps"),
                        what="the previous leave-one-source-out run stored in the preset's manifest")
                for s in sources if s in stored["sources"]}
    import onnxruntime as ort

    enc = ort.InferenceSession(str(preset / "groove_encoder.onnx"), providers=["CPUExecutionProvider"])
    dec = ort.InferenceSession(str(preset / "groove_decoder.onnx"), providers=["CPUExecutionProvider"])
    out = {}
    for source in sources:
        keep = np.array([e["source"] == source and e["split"] == "test" for e in entries])
        target = patterns[keep]
        mu = enc.run(None, {"pattern": target})[0]
        lg, vel, off = dec.run(None, {"z": mu})
        out[source] = dict(scores(lg > 0, vel, off, target), patterns=int(keep.sum()),
                           what="the preset's groove model on the corpus's held-out files of this source")
    return out


def table(result: dict) -> str:
    rows = ["| held-out source | patterns | before F1 | F1 | vel MAE | timing MAE ms | stats dist | nearest F1 / vel / ms / dist | template F1 / vel / ms / dist |",
            "|---|---|---|---|---|---|---|---|---|"]
    for s, r in result["sources"].items():
        m, n, t = r["model"], r["nearest_training_pattern"], r["template_generator"]
        b = result.get("before", {}).get(s, {}).get("f1", "")
        rows.append(f"| {s} | {r['patterns']} | {b} | {m['f1']} | {m['velocity_mae']} | {m['timing_mae_ms_120bpm']} | "
                    f"{m['stats_distance']} | {n['f1']} / {n['velocity_mae']} / {n['timing_mae_ms_120bpm']} / {n['stats_distance']} | "
                    f"{t['f1']} / {t['velocity_mae']} / {t['timing_mae_ms_120bpm']} / {t['stats_distance']} |")
    return "\n".join(rows)


def shipped_setting(sources: dict) -> dict:
    """The setting for the model trained on every source: the one most folds chose (ties: the
    earlier candidate) and the median of those folds' thresholds."""
    chosen = [r["cv"]["chosen"] for r in sources.values()]
    names = [name(c) for c in chosen]
    order = [name(c) for c in CANDIDATES]
    best = max(set(names), key=lambda n: (names.count(n), -order.index(n) if n in order else -len(order)))
    pick = next(c for c in chosen if name(c) == best)
    thresholds = [float(c["hit_threshold"]) for c in chosen if name(c) == best]
    return dict({k: v for k, v in pick.items() if k != "hit_threshold"}, hit_threshold=float(np.median(thresholds)),
                rule="the setting most folds chose by their inner CV; the median of their hit thresholds",
                folds=dict(zip(sources, names)))


def merge(paths: list, out: Path) -> dict:
    """Join per-source runs (one process per held-out source, run side by side) into one."""
    parts = [json.loads(Path(p).read_text()) for p in paths]
    result = {"commands": [r["command"] for r in parts], "steps": parts[0]["steps"],
              "candidates": parts[0]["candidates"], "thresholds": parts[0].get("thresholds", [0.0]), "before": parts[0].get("before", {}), "sources": {}}
    for r in parts:
        result["sources"].update(r["sources"])
    result["shipped_setting"] = shipped_setting(result["sources"])
    result["table"] = table(result)
    out.mkdir(parents=True, exist_ok=True)
    (out / "evaluation.json").write_text(json.dumps(result, indent=1) + "\n")
    print(result["table"])
    return result


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "--merge":  # --merge A.json B.json ... --out DIR
        k = argv.index("--out")
        merge(argv[1:k], Path(argv[k + 1]))
        return 0
    ap = argparse.ArgumentParser(description="leave-one-real-source-out evaluation of the groove VAE")
    ap.add_argument("--data", default="data/groove")
    ap.add_argument("--out", default="runs/groove-eval")
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--inner-steps", type=int, default=None, help="steps of the inner-CV models (default: --steps / 2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sources", default=",".join(REAL), help="real sources to hold out in turn")
    ap.add_argument("--before", default="presets/default", help="preset whose groove model is 'before'")
    ap.add_argument("--setting", help='skip the per-fold CV: this JSON setting, e.g. '
                    '{"real_share": 0.9, "beta": 0.02, "latent": 32, "hit_threshold": 0.0}')
    ap.add_argument("--setting-note", default="", help="how --setting was chosen (recorded)")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    data = Path(args.data)
    patterns, entries = gtrain.corpus_all(data)
    index = gtrain.corpus_index(data)
    for e, split in zip(entries, ["train"] * len(index["train"]) + ["test"] * len(index["test"])):
        e["split"] = split
    present = [s for s in REAL if any(e["source"] == s for e in entries)]
    chosen = [s for s in args.sources.split(",") if s in present]
    command = "python -m export.groove.evaluate " + " ".join(argv if argv is not None else sys.argv[1:])
    result = {"command": command, "steps": args.steps, "candidates": list(CANDIDATES),
              "thresholds": list(THRESHOLDS), "sources": {}}
    if args.before and (Path(args.before) / "groove_encoder.onnx").exists():
        result["before"] = before(Path(args.before), patterns, entries, chosen)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for source in chosen:
        result["sources"][source] = evaluate_source(args, source, present, patterns, entries)
        (out / "evaluation.json").write_text(json.dumps(result, indent=1) + "\n")
        print(json.dumps({source: result["sources"][source]}), flush=True)
    if args.setting is None and len(chosen) == len(present):
        result["shipped_setting"] = shipped_setting(result["sources"])
    result["table"] = table(result)
    (out / "evaluation.json").write_text(json.dumps(result, indent=1) + "\n")
    print(result["table"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
