"""Train (or fine-tune) the melody decoder on the music21 corpus or a folder of MIDI files.

    python -m export.melody.train --data data/melody --out runs/melody --steps 6000 --threads 2
    python -m export.melody.train --data my_midis/ --init presets/default --out runs/mine --steps 400

`--data` is a corpus folder (`corpus.json.gz` from export.melody.corpus: the train split is used)
or a folder of .mid files (every melody track, split 90/10 by file for the validation loss).
Batches are random windows of `window` notes (+ the target), transposed by a random -6..+5
semitones. A tqdm bar, `last.pt` every --ckpt-every steps (and `best.pt` by validation loss),
`--resume` continues from last.pt, `--minutes` stops early when the wall budget is spent.
`--init` starts from a checkpoint or from a preset bundle's melody.decoder ONNX weights.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from export import common
from export.common import load_ckpt, save_ckpt
from export.melody.model import MelodyConfig, MelodyDecoder, count_params, loss
from server.core.melody import HEADS, note_rows, tokens
from server.core.melody_midi import read_notes

TINY = dict(d_model=32, layers=1, heads=2, ff=64, window=16, dropout=0.0)


def load_sequences(data: Path, split: str) -> list:
    """Token arrays [n+1, 4] for one split of a corpus folder or a folder of MIDI files."""
    data = Path(data)
    if (data / "corpus.json.gz").exists():
        from export.melody.corpus import load
        return [tokens(np.array(p["notes"])) for p in load(data)["pieces"] if p["split"] == split]
    files = sorted(p for p in data.rglob("*") if p.suffix.lower() in (".mid", ".midi"))
    if not files:
        raise SystemExit(f"{data}: no corpus.json.gz and no .mid files")
    out = []
    for i, f in enumerate(files):
        if (split == "val") != (len(files) >= 10 and i % 10 == 9):
            continue
        try:
            notes, bpb = read_notes(f)
        except Exception as exc:  # noqa: BLE001  one unreadable file is skipped, said once
            print(f"skipping {f.name}: {exc}", file=sys.stderr)
            continue
        if len(notes) >= 4:
            out.append(tokens(note_rows(notes, bpb)))
    return out


def batch(seqs: list, size: int, window: int, rng: np.random.Generator, transpose: bool = True):
    """Random windows of window+1 steps, padded; returns (tokens [B, window+1, 4], lengths)."""
    tok = np.zeros((size, window + 1, 4), dtype=np.int64)  # padding: masked out by lengths
    lengths = np.zeros(size, dtype=np.int64)
    for b in range(size):
        s = seqs[rng.integers(len(seqs))]
        start = rng.integers(0, max(1, len(s) - window))
        w = s[start:start + window + 1].copy()
        if transpose:
            real = w[:, 1] < 128
            lo, hi = w[real, 1].min(), w[real, 1].max()
            k = int(np.clip(rng.integers(-6, 6), -lo, 127 - hi))
            w[real, 1] += k
        tok[b, :len(w)] = w
        lengths[b] = len(w) - 1
    return torch.from_numpy(tok), torch.from_numpy(lengths)


@torch.no_grad()
def evaluate(model: MelodyDecoder, seqs: list, window: int, device) -> dict:
    """Per-field next-note NLL (nats) over every note of `seqs`, in consecutive windows."""
    model.eval()
    tot = {h: 0.0 for h in HEADS}
    n = 0
    for s in seqs:
        for start in range(0, max(1, len(s) - 1), window):
            w = torch.from_numpy(s[start:start + window + 1][None]).to(device)
            if w.shape[1] < 2:
                continue
            terms = loss(model, w)
            k = w.shape[1] - 1
            for h in HEADS:
                tot[h] += float(terms[h]) * k
            n += k
    model.train()
    return {h: tot[h] / max(1, n) for h in HEADS} | {"notes": n}


def config_from_ckpt(ck: dict) -> MelodyConfig:
    return MelodyConfig(**json.loads(ck["cfg"]))


def load_model(path: Path) -> tuple:
    ck = load_ckpt(path)
    model = MelodyDecoder(config_from_ckpt(ck)).eval()
    model.load_state_dict(ck["model"])
    return model, ck


def init_weights(src: Path) -> tuple:
    """A starting model: a checkpoint (.pt) or a preset bundle's melody.decoder ONNX (its
    initializers carry the state_dict names; export keeps them, see export_onnx)."""
    src = Path(src)
    if src.suffix == ".pt":
        return load_model(src)[0]
    import onnx
    from onnx import numpy_helper
    manifest = json.loads((src / "preset.json").read_text())
    cfg = MelodyConfig(**manifest["melody"]["model"])
    model = MelodyDecoder(cfg)
    graph = onnx.load(str(src / manifest["models"]["melody.decoder"]["file"])).graph
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    for node in graph.node:  # the exporter merges equal tensors into one, the others become Identity
        if node.op_type == "Identity" and node.input[0] in weights:
            weights[node.output[0]] = weights[node.input[0]]
    state = model.state_dict()
    missing = [k for k in state if k not in weights]
    if missing:
        raise SystemExit(f"{src}: melody.decoder lacks weights {missing[:3]}…; cannot fine-tune from it")
    model.load_state_dict({k: weights[k] for k in state})
    return model


def train(args: argparse.Namespace) -> Path:
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    torch.set_num_threads(args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = out / "last.pt"
    device = torch.device(args.device)
    train_seqs = load_sequences(Path(args.data), "train")
    val_seqs = load_sequences(Path(args.data), "val") or train_seqs[:8]
    start, state, seconds, best = 0, None, 0.0, float("inf")
    if args.resume and ckpt.exists():
        state = load_ckpt(ckpt)
        model = MelodyDecoder(config_from_ckpt(state))
        model.load_state_dict(state["model"])
        start = int(state["step"])
        extra = json.loads(state["extra"])
        seconds, best = float(extra.get("seconds", 0.0)), float(extra.get("best_val", best))
    elif args.init:
        model = init_weights(Path(args.init))
    else:
        model = MelodyDecoder(MelodyConfig(**TINY) if args.tiny else MelodyConfig(
            d_model=args.d_model, layers=args.layers, heads=args.heads, ff=4 * args.d_model, window=args.window))
    model = model.to(device)
    cfg = model.cfg
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    if state is not None:
        opt.load_state_dict(state["opt"])
    print(f"training melody decoder: {len(train_seqs)} train / {len(val_seqs)} val melodies, "
          f"{count_params(model):,} params, window {cfg.window}, steps {start}->{args.steps}, device {device}",
          file=sys.stderr)
    bar = tqdm(range(start, args.steps), initial=start, total=args.steps, unit="step", dynamic_ncols=True)
    t0 = time.time()
    history = []
    model.train()

    def save(step: int, val: dict | None) -> None:
        save_ckpt(ckpt, model, opt, step, {"seconds": seconds + time.time() - t0, "best_val": best,
                                           "val": val, "args": vars(args), "history": history[-50:],
                                           "train_melodies": len(train_seqs)})

    step = start
    for step in bar:
        for g in opt.param_groups:
            g["lr"] = common.lr_at(step, args.steps, args.lr, warmup=min(200, args.steps // 10 + 1), floor=args.lr / 20)
        tok, lengths = batch(train_seqs, args.batch, cfg.window, rng)
        terms = loss(model, tok.to(device), lengths.to(device))
        total = sum(terms.values())
        opt.zero_grad(set_to_none=True)
        total.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 20 == 0:
            bar.set_postfix({h[:5]: f"{terms[h].item():.3f}" for h in HEADS})
        last = step + 1 == args.steps or (args.minutes and seconds + time.time() - t0 > 60 * args.minutes)
        if (step + 1) % args.ckpt_every == 0 or last:
            val = evaluate(model, val_seqs[:args.val_melodies], cfg.window, device)
            v = sum(val[h] for h in HEADS)
            history.append({"step": step + 1, "val_nll_per_note": round(v, 4)})
            if v < best:
                best = v
                save_ckpt(out / "best.pt", model, opt, step + 1, {"seconds": seconds + time.time() - t0,
                                                                   "val": val, "args": vars(args)})
            save(step + 1, val)
            bar.write(f"step {step + 1}: val nll/note {v:.3f} (best {best:.3f})")
        if last:
            break
    return out / "best.pt" if (out / "best.pt").exists() else ckpt


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="train the melody decoder")
    ap.add_argument("--data", required=True, help="corpus folder (corpus.json.gz) or a folder of .mid files")
    ap.add_argument("--out", default="runs/melody")
    ap.add_argument("--steps", type=int, default=6000)
    ap.add_argument("--minutes", type=float, default=0.0, help="stop (and save) after this many wall minutes")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--d-model", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--window", type=int, default=64)
    ap.add_argument("--val-melodies", type=int, default=300)
    ap.add_argument("--init", default="", help="start from a checkpoint (.pt) or a preset bundle folder")
    common.add_run_args(ap, threads=2, ckpt_every=500)
    return ap


def main(argv: list[str] | None = None) -> int:
    print(train(parser().parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
