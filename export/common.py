"""Pieces every model's training and export share: checkpoints, the learning-rate schedule,
file digests and the onnxruntime session used for parity checks and metrics."""
from __future__ import annotations

import argparse
import hashlib
import json
import math
from pathlib import Path

import onnxruntime as ort
import torch

from export import distributed


def lr_at(step: int, steps: int, peak: float, warmup: int, floor: float) -> float:
    """Linear warm-up, then cosine decay from `peak` to `floor` at `steps`."""
    if step < warmup:
        return peak * (step + 1) / warmup
    t = (step - warmup) / max(1, steps - warmup)
    return floor + 0.5 * (peak - floor) * (1 + math.cos(math.pi * min(1.0, t)))


def save_ckpt(path: Path, model: torch.nn.Module, opt: torch.optim.Optimizer, step: int, extra: dict) -> None:
    """Tensors and JSON strings only, so `load_ckpt` can read it with weights_only=True.
    Written to a temp name and renamed: a crash mid-write keeps the previous checkpoint."""
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step,
                "cfg": json.dumps(model.cfg.as_dict()), "extra": json.dumps(extra)}, tmp)
    tmp.replace(path)


def load_ckpt(path: Path) -> dict:
    return torch.load(path, map_location="cpu", weights_only=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cpu_session(path: Path, threads: int = 2) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def add_run_args(ap: argparse.ArgumentParser, *, threads: int, ckpt_every: int) -> None:
    """The arguments every training script shares: device, threads, seed, checkpoints, size."""
    ap.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    ap.add_argument("--threads", type=int, default=threads, help="torch intra-op threads")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ckpt-every", type=int, default=ckpt_every)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--until", type=int, default=None, metavar="STEP",
                    help="checkpoint and stop after STEP (of --steps' schedule): a long run in slices")
    ap.add_argument("--tiny", action="store_true", help="a tiny model that only proves the path (CI)")
    distributed.add_args(ap)  # --nproc, --sync-trace
