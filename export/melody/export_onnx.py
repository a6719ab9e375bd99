"""Export a trained melody decoder to ONNX, check parity, measure it, and add it to a bundle.

    python -m export.melody.export_onnx --ckpt runs/melody/best.pt --data data/melody --out /tmp/melody
    python -m export.melody.export_onnx --merge /tmp/melody --into presets/default
    python -m export.melody.export_onnx --add-step presets/mine   # an older bundle gets melody.step

Two graphs. `melody.decoder` is the fixed-window decoder: `tokens` int64 [batch, time, 4] (time
1..window, the latest notes) -> next-note `shift_logits`, `pitch_logits`, `duration_logits`
[batch, classes]. Rotary position makes a sliding window exact (attention sees only note
distances). `melody.step` is the same weights with a key/value cache (export.melody.model
MelodyStep): `tokens` (the new notes), `past_keys`, `past_values` [layers, batch, heads, past,
head_dim] -> the three logits and `present_keys`, `present_values` (past + time notes), so the
server runs one note per note drawn instead of the whole window. Its parity is checked against
the torch decoder run over the whole window: a prefill, then one note at a time. Exported
without constant folding so the ONNX initializers keep the torch state_dict names (equal tensors
the exporter merged are Identity nodes named after the dropped one):
`latentpad train melody DIR` fine-tunes from the bundle's ONNX file alone. Parity:
onnxruntime vs torch on corpus windows of several lengths; the export fails above --tolerance.
`melody.json` holds what goes into preset.json: the `melody.decoder` and `melody.step` model
entries and the `melody` object (docs/preset.md); `--merge` sets exactly those keys, nothing else.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import torch

from export import common
from export.melody.model import MelodyDecoder, MelodyStep, count_params
from export.melody.train import load_model, load_sequences
from server.core.melody import FIELDS, HEADS, TICKS_PER_BEAT, VOCAB

FRAGMENT = "melody.json"
FILE = "melody_decoder.onnx"
ROLE = "melody.decoder"
OUTPUTS = tuple(f"{h}_logits" for h in HEADS)
STEP_FILE = "melody_decoder_step.onnx"
STEP_ROLE = "melody.step"
CACHE_INPUTS = ("past_keys", "past_values")
CACHE_OUTPUTS = ("present_keys", "present_values")


def export_model(model: MelodyDecoder, path: Path) -> None:
    model.eval()
    torch.onnx.export(model, (torch.zeros(1, 8, 4, dtype=torch.long),), str(path), input_names=["tokens"],
                      output_names=list(OUTPUTS), opset_version=17, dynamo=False, do_constant_folding=False,
                      dynamic_axes={"tokens": {0: "batch", 1: "time"}, **{o: {0: "batch"} for o in OUTPUTS}})


def export_step_model(model: MelodyDecoder, path: Path) -> None:
    step = MelodyStep(model.eval()).eval()
    cfg = model.cfg
    past = torch.zeros(cfg.layers, 1, cfg.heads, 5, cfg.d_model // cfg.heads)
    cache = {"past_keys": {1: "batch", 3: "past"}, "past_values": {1: "batch", 3: "past"},
             "present_keys": {1: "batch", 3: "total"}, "present_values": {1: "batch", 3: "total"}}
    torch.onnx.export(step, (torch.zeros(1, 3, 4, dtype=torch.long), past, past), str(path),
                      input_names=["tokens", *CACHE_INPUTS], output_names=[*OUTPUTS, *CACHE_OUTPUTS],
                      opset_version=17, dynamo=False, dynamic_axes={
                          "tokens": {0: "batch", 1: "time"}, **{o: {0: "batch"} for o in OUTPUTS}, **cache})


def step_parity(model: MelodyDecoder, path: Path, seqs: list, tolerance: float, melodies: int = 6) -> dict:
    """onnxruntime's melody.step against torch's whole-window decoder: each melody's first notes
    as one prefill (1, 5 or 17 notes), then one note at a time up to the window."""
    sess = common.cpu_session(path, threads=1)
    cfg = model.cfg
    empty = np.zeros((cfg.layers, 1, cfg.heads, 0, cfg.d_model // cfg.heads), np.float32)
    rng = np.random.default_rng(1)
    worst, n = 0.0, 0
    for k in range(melodies):
        s = seqs[rng.integers(len(seqs))]
        s = np.concatenate([s] * (cfg.window // len(s) + 1))[:cfg.window][None]
        prefill = (1, 5, 17)[k % 3] if cfg.window > 17 else 1
        keys, values, t = empty, empty, 0
        for end in [prefill, *range(prefill + 1, cfg.window + 1)]:
            got = sess.run(None, {"tokens": s[:, t:end], "past_keys": keys, "past_values": values})
            keys, values, t = got[3], got[4], end
            with torch.no_grad():
                ref = [x.numpy() for x in model(torch.from_numpy(s[:, :end]))]
            worst = max(worst, max(float(np.abs(a - b).max()) for a, b in zip(ref, got[:3])))
            n += 1
    if worst > tolerance:
        raise SystemExit(f"melody.step parity failed: the cached graph differs from the torch decoder by "
                         f"{worst:.2e} (> {tolerance:.1e})")
    return {"max_abs_diff_logits": worst, "tolerance": tolerance,
            "inputs": f"{n} notes of {melodies} corpus melodies: a prefill of 1, 5 or 17 notes, then one "
                      "note at a time up to the window, against torch over the whole window"}


def parity(model: MelodyDecoder, path: Path, seqs: list, tolerance: float) -> dict:
    sess = common.cpu_session(path, threads=1)
    worst, n = 0.0, 0
    rng = np.random.default_rng(0)
    for length in (1, 5, model.cfg.window // 2, model.cfg.window):
        for _ in range(4):
            s = seqs[rng.integers(len(seqs))]
            w = s[:length][None] if len(s) >= length else np.concatenate([s] * (length // len(s) + 1))[:length][None]
            with torch.no_grad():
                ref = [t.numpy() for t in model(torch.from_numpy(w))]
            got = sess.run(None, {"tokens": w})
            worst = max(worst, max(float(np.abs(a - b).max()) for a, b in zip(ref, got)))
            n += 1
    if worst > tolerance:
        raise SystemExit(f"parity check failed: onnxruntime differs from torch by {worst:.2e} (> {tolerance:.1e})")
    return {"max_abs_diff_logits": worst, "tolerance": tolerance,
            "inputs": f"{n} corpus windows of 1, 5, window/2 and window notes"}


def model_entries(model: MelodyDecoder, folder: Path) -> dict:
    """The `melody.decoder` and `melody.step` entries of preset.json for the files in `folder`."""
    tensor = lambda name, dims, dtype="float32": {"name": name, "shape": dims, "dtype": dtype}  # noqa: E731
    cfg = model.cfg
    logits = [tensor(o, ["batch", VOCAB[h] - 1]) for o, h in zip(OUTPUTS, HEADS)]
    tokens = tensor("tokens", ["batch", "time", len(FIELDS)], "int64")
    head_dim = cfg.d_model // cfg.heads
    cache = lambda name, time: tensor(name, [cfg.layers, "batch", cfg.heads, time, head_dim])  # noqa: E731
    return {ROLE: {"file": FILE, "sha256": common.sha256(folder / FILE), "inputs": [tokens], "outputs": logits},
            STEP_ROLE: {"file": STEP_FILE, "sha256": common.sha256(folder / STEP_FILE),
                        "inputs": [tokens, *(cache(n, "past") for n in CACHE_INPUTS)],
                        "outputs": logits + [cache(n, "total") for n in CACHE_OUTPUTS]}}


def build_fragment(args: argparse.Namespace) -> dict:
    model, ck = load_model(Path(args.ckpt))
    extra = json.loads(ck.get("extra", "{}"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    export_model(model, out / FILE)
    seqs = load_sequences(Path(args.data), "train")
    par = parity(model, out / FILE, seqs, args.tolerance)
    export_step_model(model, out / STEP_FILE)
    par["step"] = step_parity(model, out / STEP_FILE, seqs, args.tolerance)
    data = Path(args.data)
    metrics = json.loads(Path(args.metrics).read_text()) if args.metrics else {}
    if (data / "corpus.json.gz").exists():
        from export.melody.corpus import COLLECTIONS, load
        meta = load(data)["meta"]
        sources = [{"source": c["source"], "licence": c["licence"], "items": c["kept"],
                    "commercial_use": c.get("commercial_use", COLLECTIONS.get(name, {}).get("commercial_use")),
                    "pieces": {s: c[s] for s in ("train", "val", "test")},
                    "notes": {s: c[s + "_notes"] for s in ("train", "val", "test")}}
                   for name, c in meta["collections"].items()]
    else:
        sources = [{"source": f"the user's MIDI folder {data.name}", "licence": "the user's own", "items": len(seqs)}]
    fragment = {
        "models": model_entries(model, out),
        "melody": {
            "kind": "cp_transformer", "ticks_per_beat": TICKS_PER_BEAT, "fields": list(FIELDS),
            "vocab": {f: VOCAB[f] for f in FIELDS}, "window": model.cfg.window, "model": model.cfg.as_dict(),
            "training": {
                "command": args.command or "see docs/models.md", "parameters": count_params(model),
                "steps": int(ck["step"]), "train_seconds": round(float(extra.get("seconds", 0.0)), 1),
                "train_args": extra.get("args", {}), "data": sources,
                "tokeniser": "server.core.melody (compound-word steps: shift, pitch, duration, position)",
                "metrics": metrics, "parity": par}},
    }
    (out / FRAGMENT).write_text(json.dumps(fragment, indent=1) + "\n")
    print(json.dumps({"out": str(out), "parity": par}, indent=1))
    return fragment


def merge(fragment_dir: Path, bundle: Path) -> Path:
    """Copy the ONNX files into `bundle`; set its `melody.*` models and the `melody` object (a
    fragment without the cache graph removes the bundle's `melody.step`), nothing else."""
    from server.presets.bundle import MANIFEST, validate_bundle
    fragment = json.loads((fragment_dir / FRAGMENT).read_text())
    manifest_path = bundle / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["models"].pop(STEP_ROLE, None)
    for role, entry in fragment["models"].items():
        src, dst = fragment_dir / entry["file"], bundle / entry["file"]
        if src.resolve() != dst.resolve():
            shutil.copyfile(src, dst)
        manifest["models"][role] = dict(entry, sha256=common.sha256(dst))
    manifest["melody"] = fragment["melody"]
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(manifest_path)
    validate_bundle(bundle)
    return bundle


def add_step(bundle: Path, tolerance: float = 1e-3) -> dict:
    """Give a bundle from before the cache graph its `melody.step`: the weights read back from its
    melody.decoder ONNX file, the cached graph exported and checked against them on seeded random
    note sequences; the model entry and `melody.training.parity.step` are added, nothing else."""
    from export.melody.train import init_weights
    from server.presets.bundle import MANIFEST, validate_bundle
    model = init_weights(bundle).eval()
    export_step_model(model, bundle / STEP_FILE)
    rng = np.random.default_rng(0)
    seqs = [np.stack([rng.integers(0, VOCAB[f] - 1, model.cfg.window) for f in FIELDS], 1) for _ in range(6)]
    par = step_parity(model, bundle / STEP_FILE, seqs, tolerance)
    par["inputs"] = par["inputs"].replace("corpus melodies", "random note sequences (added to an older bundle)")
    manifest_path = bundle / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["models"][STEP_ROLE] = model_entries(model, bundle)[STEP_ROLE]
    manifest["melody"]["training"]["parity"]["step"] = par
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(manifest_path)
    validate_bundle(bundle)
    return par


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="export the melody decoder (ONNX + parity) into a bundle")
    ap.add_argument("--ckpt")
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--metrics", default="", help="a JSON file from export.melody.evaluate to record")
    ap.add_argument("--command", default="")
    ap.add_argument("--tolerance", type=float, default=1e-3)
    ap.add_argument("--merge", type=Path, help="a folder written by --out")
    ap.add_argument("--into", type=Path, help="a preset bundle to add the melody role to")
    ap.add_argument("--add-step", type=Path, metavar="BUNDLE",
                    help="give an older bundle (melody.decoder alone) its cached melody.step graph")
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.add_step is not None:
        print(json.dumps(add_step(args.add_step, args.tolerance), indent=1))
    if args.ckpt:
        build_fragment(args)
    src = args.merge or (Path(args.out) if args.ckpt else None)
    if args.into is not None and src is not None:
        print(merge(src, args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
