"""Data-parallel training: one code path for one process, several cores, several GPUs and several
machines (PyTorch DistributedDataParallel, launched by `torchrun`).

A training loop asks `setup(device, threads)` for a `Dist` and keeps its own structure:

    dist = distributed.setup(args.device, args.threads)   # reads torchrun's RANK/WORLD_SIZE
    model = dist.wrap(model)                             # DDP when world > 1, else the model
    idx = dist.shard(global_idx)                         # this rank's part of the global batch
    ...
    if dist.is_main: save_ckpt(...)                      # rank 0 writes; the others wait
    dist.barrier()

The batch is global: every rank draws the same global batch from the same seeded generator and
trains on its own slice of it (`idx[rank::world]`), and DDP averages the gradients. So one
process and N processes follow the same data stream, a checkpoint resumes under any world size,
and the same seed gives the same weights for a given world size (summation order makes different
world sizes agree to rounding, not bit for bit).

Backends: gloo on CPU, NCCL on CUDA (each process takes the GPU `LOCAL_RANK`). `--nproc N` on a
training command re-launches it under `torchrun --standalone` (`relaunch`); for several machines
run `torchrun --nnodes ... --rdzv-backend c10d --rdzv-endpoint HOST:PORT` yourself
(docs/training.md).

`--sync-trace DIR` (CI, debugging): after every step each rank appends its step and a digest of
its weights to `DIR/rank<R>.jsonl`, and the ranks compare digests; a rank that drifted stops the
run with an error.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as tdist

ENV_KEYS = ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE")


@dataclass(frozen=True)
class Dist:
    rank: int
    world: int
    local_rank: int
    device: torch.device

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def active(self) -> bool:
        return self.world > 1

    def wrap(self, model: torch.nn.Module) -> torch.nn.Module:
        if not self.active:
            return model
        from torch.nn.parallel import DistributedDataParallel

        ids = [self.device.index] if self.device.type == "cuda" else None
        return DistributedDataParallel(model, device_ids=ids)

    def shard(self, batch):
        """This rank's slice of a global batch (an array or tensor indexed on its first axis)."""
        return batch[self.rank::self.world] if self.active else batch

    def check_batch(self, batch: int) -> None:
        if batch % self.world:
            raise SystemExit(f"--batch {batch} is the global batch and must divide evenly among "
                             f"{self.world} processes")

    def barrier(self) -> None:
        if self.active:
            tdist.barrier()

    def close(self) -> None:
        if self.active and tdist.is_initialized():
            tdist.destroy_process_group()


def unwrap(model: torch.nn.Module) -> torch.nn.Module:
    """The model inside a DDP wrapper (state dicts and exports use its own parameter names)."""
    return getattr(model, "module", model)


def setup(device: str, threads: int, env: dict | None = None) -> Dist:
    """Join the process group torchrun started (RANK, WORLD_SIZE, MASTER_ADDR... in the
    environment), or run alone when there is none. Sets torch's intra-op threads."""
    env = os.environ if env is None else env
    torch.set_num_threads(threads)
    world = int(env.get("WORLD_SIZE", "1"))
    rank, local_rank = int(env.get("RANK", "0")), int(env.get("LOCAL_RANK", "0"))
    if device == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("--device cuda: torch sees no CUDA device (this torch is "
                             f"{torch.__version__}); train with --device cpu")
        dev = torch.device("cuda", local_rank)
        torch.cuda.set_device(dev)
    else:
        dev = torch.device("cpu")
    if world > 1 and not tdist.is_initialized():
        tdist.init_process_group("nccl" if dev.type == "cuda" else "gloo")
    return Dist(rank, world, local_rank, dev)


# --- --nproc: re-launch under torchrun on this machine ----------------------------------------
def add_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--nproc", type=int, default=1,
                    help="data-parallel processes on this machine (re-launches under torchrun; "
                         "give each --threads 1 on a 2-core machine)")
    ap.add_argument("--sync-trace", default=None, metavar="DIR",
                    help="after each step, log and compare a digest of every rank's weights (CI)")


def launch_command(nproc: int, module: str, argv: list[str]) -> list[str]:
    """torchrun on this machine for `python -m module argv` (without --nproc)."""
    return [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc}",
            "-m", module, *strip_nproc(argv)]


def strip_nproc(argv: list[str]) -> list[str]:
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a == "--nproc":
            skip = True
        elif not a.startswith("--nproc="):
            out.append(a)
    return out


def relaunch(nproc: int, module: str, argv: list[str]) -> int | None:
    """Run `module` under torchrun with `nproc` processes and return its exit status, or None
    when there is nothing to do (one process, or already inside torchrun)."""
    if nproc <= 1 or "RANK" in os.environ:
        return None
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return subprocess.call(launch_command(nproc, module, argv))


# --- the sync trace -------------------------------------------------------------------------
def weights_digest(model: torch.nn.Module) -> str:
    h = hashlib.sha256()
    for name, tensor in sorted(unwrap(model).state_dict().items()):
        h.update(name.encode())
        h.update(tensor.detach().to("cpu").contiguous().numpy().tobytes())
    return h.hexdigest()


def weights_sums(model: torch.nn.Module) -> list:
    """Each parameter tensor's sum: a fingerprint to compare with a tolerance across world sizes
    (the digest is exact, these survive rounding)."""
    return [float(p.detach().double().sum()) for p in unwrap(model).parameters()]


def trace_step(dist: Dist, folder: str | None, step: int, model: torch.nn.Module, batch=None) -> None:
    """Append this rank's weights digest after `step` steps (and a digest of the global batch's
    indices it drew) and check that all ranks agree on the weights."""
    if folder is None:
        return
    digest = weights_digest(model)
    drawn = None if batch is None else hashlib.sha256(torch.as_tensor(batch).cpu().numpy().tobytes()).hexdigest()[:16]
    path = Path(folder) / f"rank{dist.rank}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as f:
        f.write(json.dumps({"step": step, "world": dist.world, "digest": digest, "sums": weights_sums(model), "batch": drawn,
                            "time": time.time()}) + "\n")
    if dist.active:
        mine = torch.tensor(list(bytes.fromhex(digest)), dtype=torch.int32, device=dist.device)
        everyone = [torch.zeros_like(mine) for _ in range(dist.world)]
        tdist.all_gather(everyone, mine)
        if any(not torch.equal(everyone[0], other) for other in everyone[1:]):
            raise RuntimeError(f"step {step}: the ranks' weights differ (rank {dist.rank}); "
                               "the data-parallel run is broken")
