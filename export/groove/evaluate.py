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
"Before" is the shipped preset's groove model on the same patterns (for Hydrogen and LMMS, only
the files it held out; it never saw the other three sources).

Settings are chosen by cross-validation on the training sources only: for each S, every
candidate in CANDIDATES is trained (`--steps` / 2) without S and without a second real source V
(the next one in the list) and measured on V; the best F1 on V is trained without S and
measured on S. S is never looked at until its own model is final.
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

CANDIDATES = ({"real_share": 0.9, "beta": 0.05, "latent": 16}, {"real_share": 0.9, "beta": 0.02, "latent": 32})
GENERATED = 500


def reconstruct(model, patterns: np.ndarray) -> tuple:
    with torch.no_grad():
        out = [model(torch.from_numpy(patterns[i:i + 512])) for i in range(0, len(patterns), 512)]
    logits, vel, off = (np.concatenate([o[0][k].numpy() for o in out]) for k in range(3))
    return logits > 0, vel, off


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


def sample(model, count: int = GENERATED, seed: int = 0) -> np.ndarray:
    z = torch.from_numpy(np.random.default_rng(seed).standard_normal((count, model.cfg.latent_size)).astype(np.float32))
    with torch.no_grad():
        lg, vel, off = (t.numpy() for t in model.decoder(z))
    out = [shape(lg[i], vel[i], off[i], Controls()) for i in range(count)]
    return np.stack([np.stack([p.hits, p.velocity, p.offset], -1) for p in out]).astype(np.float32)


def fit(args, holdout: str, setting: dict, steps: int, tag: str) -> object:
    run = Path(args.out) / tag
    ap = gtrain.parser().parse_args([
        "--data", args.data, "--out", str(run), "--steps", str(steps), "--holdout-source", holdout,
        "--real-share", str(setting["real_share"]), "--beta", str(setting["beta"]),
        "--latent", str(setting["latent"]),
        "--threads", "1", "--seed", str(args.seed), "--ckpt-every", str(steps), "--resume"])
    model, _ = gtrain.load_model(gtrain.train(ap))
    return model


def evaluate_source(args, source: str, sources: list, patterns: np.ndarray, entries: list) -> dict:
    t0 = time.time()
    inner = sources[(sources.index(source) + 1) % len(sources)]
    inner_f1 = {}
    candidates = CANDIDATES if args.setting is None else ()
    for k, setting in enumerate(candidates):
        model = fit(args, f"{source},{inner}", setting, max(1, args.steps // 2), f"{source}-cv{k}")
        val = patterns[[e["source"] == inner for e in entries]]
        inner_f1[k] = scores(*reconstruct(model, val), val)["f1"]
    chosen = json.loads(args.setting) if args.setting else CANDIDATES[max(inner_f1, key=lambda k: inner_f1[k])]
    model = fit(args, source, chosen, args.steps, f"{source}-final")
    held = np.array([e["source"] == source for e in entries])
    target, pool = patterns[held], patterns[~held]
    generated_pool = pool[[e["source"] == "generated" for e, h in zip(entries, held) if not h]]
    near, templ = nearest(pool, target), nearest(generated_pool, target)
    return {
        "patterns": int(held.sum()), "bars": int(2 * held.sum()),
        "fills": int(sum(bool(e.get("fill")) for e, h in zip(entries, held) if h)),
        "cv": ({"validation_source": inner, "f1_per_candidate": {json.dumps(CANDIDATES[k]): v for k, v in inner_f1.items()},
                "chosen": chosen} if args.setting is None else {"chosen": chosen, "by": args.setting_note}),
        "model": dict(scores(*reconstruct(model, target), target),
                      stats_distance=metrics.stats_distance(sample(model), target)["distance"]),
        "nearest_training_pattern": dict(scores(*as_prediction(near), target),
                                         stats_distance=metrics.stats_distance(near, target)["distance"]),
        "template_generator": dict(scores(*as_prediction(templ), target),
                                   stats_distance=metrics.stats_distance(templ, target)["distance"]),
        "seconds": round(time.time() - t0, 1)}


def before(preset: Path, patterns: np.ndarray, entries: list, sources: list) -> dict:
    """The shipped ONNX groove model on each source's patterns it did not train on."""
    import onnxruntime as ort

    enc = ort.InferenceSession(str(preset / "groove_encoder.onnx"), providers=["CPUExecutionProvider"])
    dec = ort.InferenceSession(str(preset / "groove_decoder.onnx"), providers=["CPUExecutionProvider"])
    out = {}
    for source in sources:
        seen_before = source in ("hydrogen", "lmms")
        keep = np.array([e["source"] == source and (e["split"] == "test" or not seen_before) for e in entries])
        target = patterns[keep]
        mu = enc.run(None, {"pattern": target})[0]
        lg, vel, off = dec.run(None, {"z": mu})
        out[source] = dict(scores(lg > 0, vel, off, target), patterns=int(keep.sum()))
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


def merge(paths: list, out: Path) -> dict:
    """Join per-source runs (one process per held-out source, run side by side) into one."""
    parts = [json.loads(Path(p).read_text()) for p in paths]
    result = {"commands": [r["command"] for r in parts], "steps": parts[0]["steps"],
              "candidates": parts[0]["candidates"], "before": parts[0].get("before", {}), "sources": {}}
    for r in parts:
        result["sources"].update(r["sources"])
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
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sources", default=",".join(REAL), help="real sources to hold out in turn")
    ap.add_argument("--before", default="presets/default", help="preset whose groove model is 'before'")
    ap.add_argument("--setting", help='skip the per-fold CV: this JSON setting, e.g. {"real_share": 0.9, "beta": 0.02, "latent": 32}')
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
    result = {"command": command, "steps": args.steps, "candidates": list(CANDIDATES), "sources": {}}
    if args.before and (Path(args.before) / "groove_encoder.onnx").exists():
        result["before"] = before(Path(args.before), patterns, entries, chosen)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for source in chosen:
        result["sources"][source] = evaluate_source(args, source, present, patterns, entries)
        (out / "evaluation.json").write_text(json.dumps(result, indent=1) + "\n")
        print(json.dumps({source: result["sources"][source]}), flush=True)
    result["table"] = table(result)
    (out / "evaluation.json").write_text(json.dumps(result, indent=1) + "\n")
    print(result["table"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
