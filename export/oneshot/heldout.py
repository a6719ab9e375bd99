"""Held-out figures of any preset, and user-like sound folders cut from the corpus, so the
training-time and fine-tuning figures in docs/models.md can be repeated.

    python -m export.oneshot.heldout measure PRESET_DIR [--kits A,B] [--by-level]   # data/oneshot's held-out kits
    python -m export.oneshot.heldout folder OUT --split train --count 200 --seed 200
    python -m export.oneshot.heldout folder OUT --split test --kits ColomboAcousticDrumkit,HardElectro1

`measure` prints the same figures as the preset's own `training.metrics.heldout` (the sounds of
the corpus' test split, optionally only some kits). `folder` copies original corpus files into
class subfolders, as a user's sample folder would be laid out (unlabelled ones at the top).
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np

from export.oneshot import metrics
from export.oneshot.export_onnx import _session, decode_all, encode_all, heldout_metrics


def measure(preset: Path, data: Path, kits: list | None = None, by_level: bool = False) -> dict:
    from export.judge import load_split

    index = json.loads((data / "index.json").read_text())
    audio, labels, _, sr = load_split(data, "test")
    keep = np.array([kits is None or e["kit"] in kits for e in index["test"]])
    if not keep.any():
        raise SystemExit(f"no held-out sounds from kits {kits} (held out: {index['held_out_kits']})")
    enc, dec = _session(preset / "encoder.onnx"), _session(preset / "decoder.onnx")
    out = {"preset": preset.name, "kits": kits or index["held_out_kits"],
           **heldout_metrics(enc, dec, audio[keep], labels[keep], sr)}
    if by_level:
        recon = decode_all(dec, encode_all(enc, audio[keep])[0])
        out["log_mel_by_level"] = metrics.log_mel_error_by_level(recon, audio[keep], sr)
    return out


def folder(out: Path, data: Path, split: str, count: int | None, seed: int, kits: list | None) -> int:
    entries = json.loads((data / "index.json").read_text())[split]
    chosen = [e for e in entries if (kits is None or e["kit"] in kits) and (count is None or e["label"])]
    if count is not None:
        pick = np.random.default_rng(seed).choice(len(chosen), min(count, len(chosen)), replace=False)
        chosen = [chosen[i] for i in sorted(pick)]
    for i, e in enumerate(chosen):
        src = Path(e["path"])
        target = out / (e["label"] or "")
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, target / f"{i:04d}_{src.name}")
    return len(chosen)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    m = sub.add_parser("measure", help="held-out reconstruction figures of a preset")
    m.add_argument("preset", type=Path)
    m.add_argument("--by-level", action="store_true",
                   help="also split the log-mel distance by the target's level below its peak")
    f = sub.add_parser("folder", help="copy corpus sounds into a user-like folder of class subfolders")
    f.add_argument("out", type=Path)
    f.add_argument("--split", choices=("train", "test"), default="train")
    f.add_argument("--count", type=int, default=None, help="this many labelled sounds, drawn at random")
    f.add_argument("--seed", type=int, default=200)
    for p in (m, f):
        p.add_argument("--data", type=Path, default=Path("data/oneshot"))
        p.add_argument("--kits", default=None, help="comma-separated kit names (default: all)")
    args = ap.parse_args(argv)
    kits = args.kits.split(",") if args.kits else None
    if args.what == "measure":
        print(json.dumps(measure(args.preset, args.data, kits, args.by_level)))
    else:
        n = folder(args.out, args.data, args.split, args.count, args.seed, kits)
        print(f"{n} sounds -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
