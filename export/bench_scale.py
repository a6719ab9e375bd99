"""Figures for docs/training.md: how training and the data index scale on this machine.

    python -m export.bench_scale index --hits 50000 --library /tmp/lp-50k   # make, index, update, map
    python -m export.bench_scale train --full --runs 1x2 1x1 2x1 --steps 25  # steps/s: procs x threads

`index` makes a synthetic library of one-shots from the Debian Hydrogen kits (each hit a kit
sample through a random pitch shift of +-4 semitones, a gain of -12..0 dB and a one-pole low- or
high-pass; said plainly: generated data, for measuring only), builds its shard index, updates it
after a few files changed, and maps it from two processes at once to read their memory.
`train` runs the one-shot model's training loop under torchrun with 1, 2, ... processes on the
same global batch and reports steps/s (the machine's load is printed with it: on a shared
machine the figures are what was left over).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

KITS = Path("/usr/share/hydrogen/data/drumkits")
RATE = 44100


def _sources(length: int) -> tuple:
    from export.oneshot_data import AUDIO_EXTS, classify_name
    from server.core.sample_io import load_oneshot

    clips, names = [], []
    for f in sorted(p for p in KITS.rglob("*") if p.suffix.lower() in AUDIO_EXTS):
        try:
            clips.append(load_oneshot(f, RATE, length))
        except ValueError:
            continue
        label = classify_name(f.stem) or classify_name(f.parent.name) or "other"
        names.append(f"{label}_{f.parent.name[:12]}_{f.stem[:16]}".replace(" ", "-"))
    return np.stack(clips), names


def make_library(folder: Path, hits: int, seed: int = 0) -> dict:
    """`hits` WAV files (16-bit, 44.1 kHz, <= 1 s) in folders of 1000 under `folder`."""
    import soundfile as sf
    from scipy.signal import lfilter

    began = time.monotonic()
    clips, names = _sources(RATE)
    rng = np.random.default_rng(seed)
    grid = np.arange(RATE, dtype=np.float64)
    for i in range(hits):
        k = i % len(clips)
        ratio = 2 ** (rng.uniform(-4, 4) / 12)
        x = np.interp(grid * ratio, grid, clips[k], right=0.0)  # played faster or slower
        a = np.exp(-2 * np.pi * rng.uniform(200, 8000) / RATE)
        low = lfilter([1 - a], [1, -a], x)
        x = low if rng.random() < 0.5 else x - low  # one-pole low-pass or its high-pass
        x = x / max(1e-6, np.abs(x).max()) * 0.9 * 10 ** (rng.uniform(-12, 0) / 20)
        end = int(np.flatnonzero(np.abs(x) > 1e-4).max(initial=RATE // 10)) + 1
        path = folder / f"{i // 1000:03d}" / f"{i:06d}_{names[k]}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        sf.write(path, x[:end].astype(np.float32), RATE, subtype="PCM_16")
    return {"hits": hits, "sources": len(clips), "seconds": round(time.monotonic() - began, 1),
            "bytes": sum(p.stat().st_size for p in folder.rglob("*.wav"))}


def _memory_probe(library: str, length: int, batches: int) -> None:
    """One 'rank': map the index, draw batches of 16 like training does, print its memory."""
    from export.shards import open_index

    index = open_index(Path(library), RATE, length)
    rng = np.random.default_rng(os.getpid())
    for _ in range(batches):
        index.rows(rng.choice(len(index), 16))
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) * 1024
    # anonymous: this process's own memory (the index's tables, numpy, Python); file-backed:
    # shard pages it touched, in the page cache, shared with every other rank and reclaimable
    print(json.dumps({"rss": fields["Rss"], "anonymous": fields["Anonymous"],
                      "file_backed": fields["Rss"] - fields["Anonymous"], "rows_read": batches * 16}))


def index_figures(args) -> dict:
    from export.oneshot.train import shard_label
    from export.shards import open_index, update

    library = Path(args.library)
    out = {"machine": _machine()}
    if not (library / "000").is_dir():
        library.mkdir(parents=True, exist_ok=True)
        out["library"] = make_library(library, args.hits)
    report = update(library, RATE, args.length, shard_label)
    out["build"] = vars(report)
    out["unchanged"] = vars(update(library, RATE, args.length, shard_label))
    files = sorted(library.rglob("*.wav"))
    rng = np.random.default_rng(1)
    changed = rng.choice(len(files), 150, replace=False)
    for j in changed[:100]:  # rewrite 100 (new mtime), delete 50
        p = files[j]
        p.write_bytes(p.read_bytes())
    for j in changed[100:]:
        files[j].unlink()
    out["after_100_changed_50_deleted"] = vars(update(library, RATE, args.length, shard_label))
    index = open_index(library, RATE, args.length)
    out["hits"] = len(index)
    out["float32_in_memory_bytes"] = len(index) * args.length * 4
    probes = [subprocess.Popen([sys.executable, "-m", "export.bench_scale", "probe", str(library),
                                str(args.length)], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    out["ranks"] = [json.loads(p.communicate()[0]) for p in probes]
    return out


def _machine() -> dict:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    return {"cpu": cpu, "cores": os.cpu_count(), "load_1min": os.getloadavg()[0]}


def train_figures(args) -> dict:
    """steps/s of the one-shot model's loop (tiny config unless --full) per process count."""
    out = {"machine": _machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="lp-scale-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        length = 4096 if not args.full else 45056
        rng = np.random.default_rng(0)
        np.save(data / "train.npy", (rng.standard_normal((256, length)) * 0.1).astype(np.float32))
        (data / "index.json").write_text(json.dumps({"train": [{"label": "kick"}] * 256}))
        for spec in args.runs:
            n, threads = (int(v) for v in spec.split("x"))
            run = Path(tmp) / f"run{spec}"
            cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={n}",
                   "-m", "export.oneshot.train", "--data", str(data), "--out", str(run),
                   "--steps", str(args.steps), "--batch", str(args.batch), "--threads", str(threads),
                   "--no-augment", "--ckpt-every", str(10 * args.steps), "--sync-trace", str(run / "trace")]
            if not args.full:
                cmd.append("--tiny")
            load = os.getloadavg()[0]
            began = time.monotonic()
            subprocess.run(cmd, check=True, capture_output=True)
            wall = time.monotonic() - began
            steps = [json.loads(line) for line in (run / "trace" / "rank0.jsonl").read_text().splitlines()]
            w = args.warmup  # steps left out of the rate: the first ones allocate and warm caches
            steady = (len(steps) - 1 - w) / (steps[-1]["time"] - steps[w]["time"])
            out["runs"].append({"processes": n, "threads_each": threads, "steps": len(steps),
                                "wall_s": round(wall, 1), "load_before": round(load, 2),
                                "steps_per_s": round(steady, 2),
                                "samples_per_s": round(steady * args.batch, 1)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    ix = sub.add_parser("index")
    ix.add_argument("--library", default=os.path.join(tempfile.gettempdir(), "latentpad-50k"))
    ix.add_argument("--hits", type=int, default=50_000)
    ix.add_argument("--length", type=int, default=45056)
    tr = sub.add_parser("train")
    tr.add_argument("--runs", nargs="+", default=["1x2", "1x1", "2x1"], metavar="PROCSxTHREADS",
                    help="process count x torch threads per process, one run each")
    tr.add_argument("--steps", type=int, default=60)
    tr.add_argument("--warmup", type=int, default=5)
    tr.add_argument("--batch", type=int, default=16)
    tr.add_argument("--full", action="store_true", help="the full-size model (default: the tiny one)")
    pr = sub.add_parser("probe")
    pr.add_argument("library")
    pr.add_argument("length", type=int)
    pr.add_argument("--batches", type=int, default=200)
    args = ap.parse_args(argv)
    if args.what == "probe":
        _memory_probe(args.library, args.length, args.batches)
        return 0
    result = index_figures(args) if args.what == "index" else train_figures(args)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
