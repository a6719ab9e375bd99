"""Export a trained groove VAE: ONNX files, parity check, XY map, metrics; into a bundle.

    # a standalone groove folder (groove_decoder.onnx, groove_encoder.onnx, groove.json)
    python -m export.groove.export_onnx --ckpt runs/groove/last.pt --data data/groove --out /tmp/groove_bundle
    # add it to an existing preset bundle (copies the ONNX files, rewrites preset.json, validates)
    python -m export.groove.export_onnx --merge /tmp/groove_bundle --into presets/default
    # or both at once
    python -m export.groove.export_onnx --ckpt ... --data ... --out /tmp/g --into presets/mykit

`--hit-threshold T` (chosen by cross-validation in `export.groove.evaluate`) is folded into the
decoder's last bias: the exported `hit_logits` are the model's logits minus T, so the server's
hit decision (logit + density bias > temperature noise; logit > 0 at the defaults) is the
evaluation's `logit > T`. T is recorded as `groove.training.hit_threshold`.

`groove.json` holds exactly what goes into a preset.json: the `groove.decoder` and
`groove.encoder` model entries and the `groove` object (docs/preset.md). Parity: onnxruntime
and torch on the same inputs; the export fails above `--tolerance`. The merged bundle is loaded
back with the server's own validator.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from export import common
from export.groove import metrics, songs
from export.groove.corpus import SOURCES
from export.groove.model import GrooveVAE, count_params
from export.groove.train import load_model, load_patterns
from export.oneshot import xymap
from server.core.patterns import GM_NOTES, INSTRUMENTS, STEPS, STEPS_PER_BEAT, Controls, shape

FRAGMENT = "groove.json"
FILES = {"groove.decoder": "groove_decoder.onnx", "groove.encoder": "groove_encoder.onnx"}
MAP_ROWS = MAP_COLS = 10
GENERATED = 1000  # patterns drawn from the XY map for the statistics


_sha256 = common.sha256


def _session(path: Path) -> ort.InferenceSession:
    return common.cpu_session(path, threads=1)


def fold_hit_threshold(model: GrooveVAE, threshold: float) -> GrooveVAE:
    """Shift the decoder's hit logits down by `threshold` (in place): the last conv's bias of the
    hit channels, the first `instruments` of its outputs (decoder: [3, instruments] channels)."""
    last = model.decoder.conv[-1]
    with torch.no_grad():
        last.bias[:model.cfg.instruments] -= float(threshold)
    return model


def export_models(model: GrooveVAE, out: Path) -> None:
    cfg = model.cfg
    kw = dict(opset_version=17, dynamo=False, do_constant_folding=True)
    torch.onnx.export(model.decoder, (torch.zeros(1, cfg.latent_size),), str(out / FILES["groove.decoder"]),
                      input_names=["z"], output_names=["hit_logits", "velocity", "offset"],
                      dynamic_axes={n: {0: "batch"} for n in ("z", "hit_logits", "velocity", "offset")}, **kw)
    torch.onnx.export(model.encoder, (torch.zeros(1, cfg.instruments, cfg.steps, 3),),
                      str(out / FILES["groove.encoder"]), input_names=["pattern"], output_names=["mu", "logvar"],
                      dynamic_axes={n: {0: "batch"} for n in ("pattern", "mu", "logvar")}, **kw)


def parity(model: GrooveVAE, out: Path, patterns: np.ndarray, tolerance: float) -> dict:
    g = torch.Generator().manual_seed(0)
    z = (torch.randn(16, model.cfg.latent_size, generator=g) * 1.5).numpy()
    x = patterns[:16]
    with torch.no_grad():
        dec_t = [t.numpy() for t in model.decoder(torch.from_numpy(z))]
        enc_t = [t.numpy() for t in model.encoder(torch.from_numpy(x))]
    dec_o = _session(out / FILES["groove.decoder"]).run(None, {"z": z})
    enc_o = _session(out / FILES["groove.encoder"]).run(None, {"pattern": x})
    result = {f"decoder_{n}_max_abs_diff": float(np.abs(a - b).max())
              for n, a, b in zip(("hit_logits", "velocity", "offset"), dec_t, dec_o)}
    result.update({f"encoder_{n}_max_abs_diff": float(np.abs(a - b).max())
                   for n, a, b in zip(("mu", "logvar"), enc_t, enc_o)})
    worst = max(result.values())
    result.update(tolerance=tolerance, inputs="16 random latents (N(0, 1.5^2)); 16 corpus patterns")
    if worst > tolerance:
        raise SystemExit(f"parity check failed: onnxruntime differs from torch by {worst:.2e} "
                         f"(> tolerance {tolerance:.1e}); the export is not trustworthy")
    return result


def encode(enc: ort.InferenceSession, patterns: np.ndarray) -> np.ndarray:
    return np.concatenate([enc.run(None, {"pattern": patterns[i:i + 256]})[0]
                           for i in range(0, len(patterns), 256)])


def decode(dec: ort.InferenceSession, z: np.ndarray) -> tuple:
    parts = [dec.run(None, {"z": z[i:i + 256].astype(np.float32)}) for i in range(0, len(z), 256)]
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(3))


def measure(enc, dec, test: np.ndarray, nodes: np.ndarray, test_sources: list) -> dict:
    """Held-out onset F1 (encode -> decode -> logit > 0) and generated-statistics distance."""
    logits, velocity, offset = decode(dec, encode(enc, test))
    target = test[..., 0] > 0.5
    hits = logits > 0
    f1 = metrics.onset_f1(hits, target)
    by_source = {}
    for source in sorted(set(test_sources)):
        keep = np.array([s == source for s in test_sources])
        by_source[source] = dict(metrics.onset_f1(hits[keep], target[keep]), patterns=int(keep.sum()))
    both = hits & target
    f1.update(patterns=int(len(test)), by_source=by_source,
              velocity_mae_on_hits=round(float(np.abs(velocity - test[..., 1])[both].mean()), 4),
              offset_mae_on_hits_16ths=round(float(np.abs(offset - test[..., 2])[both].mean()), 4))
    rng = np.random.default_rng(0)
    points = rng.random((GENERATED, 2))
    z = np.stack([xymap.xy_to_latent(nodes, MAP_ROWS, MAP_COLS, x, y) for x, y in points])
    lg, vel, off = decode(dec, z)
    generated = np.stack([shape(lg[i], vel[i], off[i], Controls()).hits for i in range(len(z))])
    model_d = metrics.stats_distance(generated, target)
    random_d = metrics.stats_distance(metrics.random_baseline(target, GENERATED), target)
    return {"heldout_onset": f1,
            "generated_statistics": {
                "reference": "held-out corpus patterns", "generated": f"{GENERATED} uniform random XY "
                "points on the groove map, default controls (temperature 0, density 0.5)",
                "statistics": list(metrics.STAT_NAMES), "method": metrics.__doc__.split("Distance: ")[1].split("\n\n")[0].replace("\n", " "),
                "model_distance": model_d["distance"], "random_baseline_distance": random_d["distance"],
                "model": model_d, "random_baseline": random_d,
                "reference_means": {n: round(float(v), 4) for n, v in
                                    zip(metrics.STAT_NAMES, metrics.pattern_stats(target).mean(0))}}}


def fill_direction(mu: np.ndarray, patterns: np.ndarray, data: Path) -> tuple:
    """Mean latent of the fills minus that of the other real patterns (the `groove.fill` step
    /pattern/fill takes): labels from the corpus index, or `songs.is_fill` for a MIDI folder."""
    index_path = data / "index.json"
    if index_path.exists():
        entries = json.loads(index_path.read_text())["train"]
        real = np.array([e["source"] != "generated" for e in entries])
        fill = np.array([bool(e.get("fill")) for e in entries])
    else:
        real = np.ones(len(patterns), bool)
        fill = np.array([songs.is_fill(p) for p in patterns])
    if fill.sum() < 1 or (real & ~fill).sum() < 1:
        fill = np.array([songs.is_fill(p) for p in patterns])
        real = np.ones(len(patterns), bool)
    if fill.sum() < 1 or (~fill).sum() < 1:
        return None, {"fills": int(fill.sum()), "note": "no fills in the training data: no groove.fill"}
    step = mu[fill].mean(0) - mu[real & ~fill].mean(0)
    return step, {"fills": int(fill.sum()), "others": int((real & ~fill).sum()),
                  "method": "mean encoder mu of the fill-labelled training patterns minus that of the other real ones"}


def corpus_note(data: Path, n_train: int, train_args: dict) -> str:
    """What is real and what is generated, and how much more often a real pattern is drawn."""
    from export.groove.train import real_mask, real_weight_ratio

    real = real_mask(data, n_train)
    share = float(train_args.get("real_share", 0.3))
    cross = float(train_args.get("cross", 0.0))
    crossed = (f"; {cross:.0%} of each batch is rebuilt by part crossover (kick, snare, hats, toms and "
               "cymbals each from a random pattern of the batch)") if cross > 0 else ""
    if real.all():
        return f"{n_train} training patterns, all real (no generated patterns){crossed}"
    return (f"{int(real.sum())} real training patterns (Debian song, groove and project files: see data) and "
            f"{int((~real).sum())} generated ones; real patterns make up {share:.0%} of each batch, so each is "
            f"drawn {real_weight_ratio(real, share):.1f}x as often as a generated one, and are augmented "
            f"(instrument drops, velocity curves, timing jitter within the pattern's own spread, time feel){crossed}")


def data_sources(data: Path, n_train: int) -> list:
    index_path = data / "index.json"
    if not index_path.exists():
        return [{"source": f"the user's MIDI folder {data.name}", "licence": "the user's own", "items": n_train}]
    index = json.loads(index_path.read_text())
    out = []
    for key, info in SOURCES.items():
        items = sum(e["source"] == key for e in index["train"] + index["test"])
        out.append(dict(info, items=items, held_out=sum(e["source"] == key for e in index["test"])))
    return out


def build_fragment(args: argparse.Namespace) -> dict:
    model, ck = load_model(Path(args.ckpt))
    fold_hit_threshold(model, args.hit_threshold)
    extra = json.loads(ck.get("extra", "{}"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(args.data)
    drum_map = extra.get("args", {}).get("drum_map", "gm")
    train = load_patterns(data, "train", None, drum_map)
    test = load_patterns(data, "test", None, drum_map)
    index_path = data / "index.json"
    test_sources = ([e["source"] for e in json.loads(index_path.read_text())["test"]]
                    if index_path.exists() else ["user"] * len(test))
    export_models(model, out)
    par = parity(model, out, train, args.tolerance)
    enc, dec = _session(out / FILES["groove.encoder"]), _session(out / FILES["groove.decoder"])
    mu = encode(enc, train)
    nodes = xymap.fit_som(mu, MAP_ROWS, MAP_COLS)
    measured = measure(enc, dec, test, nodes, test_sources)
    fill, fill_note = fill_direction(mu, train, data)
    if args.evaluation:
        measured["leave_one_source_out"] = json.loads(Path(args.evaluation).read_text())
    latent, cfg = model.cfg.latent_size, model.cfg
    shape_bt = lambda *dims: ["batch", *dims]  # noqa: E731
    tensor = lambda name, dims: {"name": name, "shape": dims, "dtype": "float32"}  # noqa: E731
    io = {"groove.decoder": ([tensor("z", shape_bt(latent))],
                             [tensor(n, shape_bt(cfg.instruments, cfg.steps)) for n in ("hit_logits", "velocity", "offset")]),
          "groove.encoder": ([tensor("pattern", shape_bt(cfg.instruments, cfg.steps, 3))],
                             [tensor(n, shape_bt(latent)) for n in ("mu", "logvar")])}
    fragment = {
        "models": {role: {"file": FILES[role], "sha256": _sha256(out / FILES[role]),
                          "inputs": io[role][0], "outputs": io[role][1]} for role in FILES},
        "groove": {
            "latent_size": latent, "instruments": list(INSTRUMENTS),
            "drum_map": dict(zip(INSTRUMENTS, GM_NOTES)), "steps": STEPS, "steps_per_beat": STEPS_PER_BEAT,
            "map": {"kind": "grid", "rows": MAP_ROWS, "cols": MAP_COLS,
                    "points": [[round(float(v), 5) for v in n] for n in nodes]},
            "training": {
                "command": args.command or "see docs/preset.md",
                "model": cfg.as_dict(),
                "parameters": {"groove.decoder": count_params(model.decoder), "groove.encoder": count_params(model.encoder)},
                "steps": int(ck["step"]), "train_seconds": round(float(extra.get("seconds", 0.0)), 1),
                "hit_threshold": float(args.hit_threshold),
                "hit_threshold_note": "folded into the decoder's hit-logit bias: hit_logits = the model's "
                                      "logits minus this, so hit where hit_logits > 0 at the default controls",
                "train_args": extra.get("args", {}),
                "data": data_sources(data, len(train)),
                "corpus_note": corpus_note(data, len(train), extra.get("args", {})),
                "fill": fill_note, "metrics": measured, "parity": par}},
    }
    if fill is not None:
        fragment["groove"]["fill"] = [round(float(v), 5) for v in fill]
    (out / FRAGMENT).write_text(json.dumps(fragment, indent=1) + "\n")
    print(json.dumps({"out": str(out), "parity": par, "metrics": measured}, indent=1))
    return fragment


def merge(fragment_dir: Path, bundle: Path) -> Path:
    """Copy the groove ONNX files into `bundle` and add the groove roles to its preset.json."""
    from server.presets.bundle import MANIFEST, validate_bundle

    fragment = json.loads((fragment_dir / FRAGMENT).read_text())
    manifest_path = bundle / MANIFEST
    if not manifest_path.is_file():
        raise SystemExit(f"{bundle}: no {MANIFEST}; --into needs an existing preset bundle")
    manifest = json.loads(manifest_path.read_text())
    for role, entry in fragment["models"].items():
        src, dst = fragment_dir / entry["file"], bundle / entry["file"]
        if src.resolve() != dst.resolve():
            shutil.copyfile(src, dst)
        manifest["models"][role] = dict(entry, sha256=_sha256(dst))
    manifest["groove"] = fragment["groove"]
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(manifest_path)
    validate_bundle(bundle)  # the server's own check, as it will load it
    print(f"groove roles added to {bundle} (validated)")
    return bundle


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="export a groove checkpoint (and/or merge it into a preset bundle)")
    ap.add_argument("--ckpt", help="checkpoint to export (runs/groove/last.pt)")
    ap.add_argument("--data", help="the corpus or MIDI folder it was trained on (map and metrics)")
    ap.add_argument("--out", help="folder for the groove ONNX files and groove.json")
    ap.add_argument("--merge", help="an exported groove folder to merge (instead of --ckpt)")
    ap.add_argument("--into", help="an existing preset bundle to add the groove roles to")
    ap.add_argument("--command", default=None, help="the training command to record")
    ap.add_argument("--tolerance", type=float, default=1e-4)
    ap.add_argument("--hit-threshold", type=float, default=0.0,
                    help="hit where the model's logit > this (chosen by CV; folded into the exported decoder)")
    ap.add_argument("--evaluation", help="an evaluation.json from export.groove.evaluate to store in the manifest")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.merge:
        if not args.into:
            raise SystemExit("--merge needs --into BUNDLE")
        merge(Path(args.merge), Path(args.into))
        return 0
    if not (args.ckpt and args.data and args.out):
        raise SystemExit("export needs --ckpt, --data and --out (or --merge DIR --into BUNDLE)")
    build_fragment(args)
    if args.into:
        merge(Path(args.out), Path(args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
