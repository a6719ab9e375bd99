"""Export a trained melody decoder to ONNX, check parity, measure it, and add it to a bundle.

    python -m export.melody.export_onnx --ckpt runs/melody/best.pt --data data/melody --out /tmp/melody
    python -m export.melody.export_onnx --merge /tmp/melody --into presets/default

The graph is the fixed-window decoder: `tokens` int64 [batch, time, 4] (time 1..window, the
latest notes) -> next-note `shift_logits`, `pitch_logits`, `duration_logits` [batch, classes].
Rotary position makes a sliding window exact (attention sees only note distances). Exported
without constant folding so the ONNX initializers keep the torch state_dict names (equal tensors
the exporter merged are Identity nodes named after the dropped one):
`latentpad train melody DIR` fine-tunes from the bundle's ONNX file alone. Parity:
onnxruntime vs torch on corpus windows of several lengths; the export fails above --tolerance.
`melody.json` holds what goes into preset.json: the `melody.decoder` model entry and the
`melody` object (docs/preset.md); `--merge` adds exactly those two keys, nothing else.
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
from export.melody.model import MelodyDecoder, count_params
from export.melody.train import load_model, load_sequences
from server.core.melody import FIELDS, HEADS, TICKS_PER_BEAT, VOCAB

FRAGMENT = "melody.json"
FILE = "melody_decoder.onnx"
ROLE = "melody.decoder"
OUTPUTS = tuple(f"{h}_logits" for h in HEADS)


def export_model(model: MelodyDecoder, path: Path) -> None:
    model.eval()
    torch.onnx.export(model, (torch.zeros(1, 8, 4, dtype=torch.long),), str(path), input_names=["tokens"],
                      output_names=list(OUTPUTS), opset_version=17, dynamo=False, do_constant_folding=False,
                      dynamic_axes={"tokens": {0: "batch", 1: "time"}, **{o: {0: "batch"} for o in OUTPUTS}})


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


def build_fragment(args: argparse.Namespace) -> dict:
    model, ck = load_model(Path(args.ckpt))
    extra = json.loads(ck.get("extra", "{}"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    export_model(model, out / FILE)
    seqs = load_sequences(Path(args.data), "train")
    par = parity(model, out / FILE, seqs, args.tolerance)
    data = Path(args.data)
    metrics = json.loads(Path(args.metrics).read_text()) if args.metrics else {}
    if (data / "corpus.json.gz").exists():
        from export.melody.corpus import load
        meta = load(data)["meta"]
        sources = [{"source": c["source"], "licence": c["licence"], "items": c["kept"],
                    "pieces": {s: c[s] for s in ("train", "val", "test")},
                    "notes": {s: c[s + "_notes"] for s in ("train", "val", "test")}}
                   for c in meta["collections"].values()]
    else:
        sources = [{"source": f"the user's MIDI folder {data.name}", "licence": "the user's own", "items": len(seqs)}]
    tensor = lambda name, dims, dtype="float32": {"name": name, "shape": dims, "dtype": dtype}  # noqa: E731
    fragment = {
        "models": {ROLE: {"file": FILE, "sha256": common.sha256(out / FILE),
                          "inputs": [tensor("tokens", ["batch", "time", len(FIELDS)], "int64")],
                          "outputs": [tensor(o, ["batch", VOCAB[h] - 1]) for o, h in zip(OUTPUTS, HEADS)]}},
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
    """Copy the ONNX file into `bundle`; add the `melody.decoder` model and the `melody` object."""
    from server.presets.bundle import MANIFEST, validate_bundle
    fragment = json.loads((fragment_dir / FRAGMENT).read_text())
    manifest_path = bundle / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    src, dst = fragment_dir / FILE, bundle / FILE
    if src.resolve() != dst.resolve():
        shutil.copyfile(src, dst)
    manifest["models"][ROLE] = dict(fragment["models"][ROLE], sha256=common.sha256(dst))
    manifest["melody"] = fragment["melody"]
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(manifest_path)
    validate_bundle(bundle)
    return bundle


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
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.ckpt:
        build_fragment(args)
    src = args.merge or (Path(args.out) if args.ckpt else None)
    if args.into is not None and src is not None:
        print(merge(src, args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
