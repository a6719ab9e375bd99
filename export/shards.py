"""A library of one-shots scanned and decoded once into compact shards that every training
process memory-maps: float16 rows [hits, length] in raw files, a JSON index, no pickle.

    <library>/.latentpad-index/shards-<rate>-<length>/index.json
                                                       shard-00000.f16, shard-00001.f16, ...

It sits beside the sample library's similarity cache (`server.workers.library`) and reads the
library the same way: the same file walk (`sound_files`), the same decoding (`file_hits`: one hit
per short file, exactly as training and `/pad/encode` read it; one per onset in a long recording),
and the same change test (a file is re-decoded when its size or mtime_ns changed, keyed by its
path relative to the library, so a moved library keeps its index).

Updates are incremental: new and changed files are decoded into new shards, deleted files are
dropped from the index, a shard with no live rows is deleted, and a shard less than half live is
compacted into the new ones. New shards are written first and the index is replaced atomically,
so a process still reading the old index reads whole files. A lock file lets any number of
processes (ranks, machines sharing a disk) call `update` at once: one decodes, the others find
everything current.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from server.workers.library import CACHE_DIR, file_hits, sound_files

INDEX_VERSION = 1
SHARD_ROWS = 2048  # 2048 rows of 1 s at 44.1 kHz: ~185 MB per shard
DTYPE = "<f2"


def index_dir(library: Path, sample_rate_hz: int, length: int) -> Path:
    """Inside the library; for a library this user cannot write, in ~/.cache/latentpad/shards."""
    library, name = Path(library), f"shards-{sample_rate_hz}-{length}"
    if os.access(library, os.W_OK):
        return library / CACHE_DIR / name
    key = hashlib.sha256(str(library.resolve()).encode()).hexdigest()[:16]
    return Path.home() / ".cache" / "latentpad" / "shards" / key / name


@dataclass(frozen=True)
class UpdateReport:
    hits: int
    files: int
    decoded: int  # files decoded this run
    reused: int  # files taken from the index
    dropped: int  # files gone since the last run
    skipped: tuple  # (relative path, why) of each file that could not be read as a hit
    shards: int
    bytes: int  # shard files on disk
    seconds: float


class Shards:
    """The hits of an index, memory-mapped: `len`, `rows(idx)` -> float32 [len(idx), length],
    `labels` (per hit, from the label function the index was built with), `paths`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        header = json.loads((self.folder / "index.json").read_text())
        if header.get("version") != INDEX_VERSION:
            raise ValueError(f"{self.folder}: index version {header.get('version')}, want {INDEX_VERSION}")
        self.length = int(header["length_samples"])
        self.sample_rate_hz = int(header["sample_rate_hz"])
        names = sorted(header["shards"])
        self._maps = [np.memmap(self.folder / n, dtype=DTYPE, mode="r", shape=(header["shards"][n], self.length))
                      if header["shards"][n] else np.zeros((0, self.length), DTYPE) for n in names]
        slot = {n: i for i, n in enumerate(names)}
        shard, row, labels, paths = [], [], [], []
        for e in header["files"]:
            for k in range(e["hits"]):
                shard.append(slot[e["shard"]])
                row.append(e["row"] + k)
                labels.append(e["label"])
                paths.append(e["path"])
        self._shard = np.asarray(shard, np.int32)
        self._row = np.asarray(row, np.int64)
        self.labels = labels
        self.paths = paths

    def __len__(self) -> int:
        return len(self._row)

    @property
    def shape(self) -> tuple:
        return (len(self), self.length)

    def rows(self, idx) -> np.ndarray:
        idx = np.arange(len(self))[idx] if isinstance(idx, slice) else np.asarray(idx, np.int64).ravel()
        out = np.empty((idx.size, self.length), np.float32)
        shard, row = self._shard[idx], self._row[idx]
        for s in np.unique(shard):
            take = shard == s
            out[take] = self._maps[s][row[take]]
        return out

    __getitem__ = rows

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        full = self.rows(slice(None))
        return full if dtype is None else full.astype(dtype)


def _read_header(folder: Path) -> dict:
    try:
        header = json.loads((folder / "index.json").read_text())
        return header if header.get("version") == INDEX_VERSION else {}
    except (OSError, ValueError):
        return {}


class _Writer:
    """Appends blocks of rows to new shard files (SHARD_ROWS each), so decoding a large library
    holds at most one shard in memory; `place(block)` -> (shard name, first row)."""

    def __init__(self, folder: Path, first: int):
        self.folder, self.number, self.written = folder, first, {}
        self._buf, self._count = [], 0

    def _name(self) -> str:
        return f"shard-{self.number:05d}.f16"

    def place(self, block: np.ndarray) -> tuple:
        if self._count and self._count + len(block) > SHARD_ROWS:
            self.flush()
        where = (self._name(), self._count)
        self._buf.append(np.asarray(block, DTYPE))
        self._count += len(block)
        return where

    def flush(self) -> None:
        if not self._buf:
            return
        name, tmp = self._name(), self.folder / (self._name() + ".tmp")
        with open(tmp, "wb") as f:
            for block in self._buf:
                f.write(block.tobytes())
        os.replace(tmp, self.folder / name)
        self.written[name] = self._count
        self._buf, self._count, self.number = [], 0, self.number + 1


def update(library: Path, sample_rate_hz: int, length: int, label=lambda rel: None) -> UpdateReport:
    """Bring the shard index of `library` up to date; `label(relative_path)` names each file's
    class (stored in the index). Safe to call from several processes at once."""
    began, library = time.monotonic(), Path(library)
    folder = index_dir(library, sample_rate_hz, length)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _update_locked(library, folder, sample_rate_hz, length, label, began)


def _update_locked(library, folder, sample_rate_hz, length, label, began) -> UpdateReport:
    header = _read_header(folder)
    if (header.get("sample_rate_hz"), header.get("length_samples")) != (sample_rate_hz, length):
        header = {}
    old = {e["path"]: e for e in header.get("files", [])}
    shards = dict(header.get("shards", {}))
    writer = _Writer(folder, max([int(n[6:11]) for n in shards] or [-1]) + 1)
    keep, skipped, counts = {}, [], {"decoded": 0, "reused": 0}
    for path in sound_files([library]):
        key = path.relative_to(library).as_posix()
        try:
            stat = path.stat()
            entry = old.get(key)
            if entry is not None and (entry["size"], entry["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
                keep[key] = entry
                counts["reused"] += 1
                continue
            clips, _ = file_hits(path, sample_rate_hz, length)
        except (ValueError, OSError, RuntimeError) as exc:  # unreadable, silent, not audio
            skipped.append((key, str(exc)))
            continue
        name, row = writer.place(clips)
        keep[key] = {"path": key, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                     "hits": len(clips), "label": label(key), "shard": name, "row": row}
        counts["decoded"] += 1
    live = {}
    for e in keep.values():
        live[e["shard"]] = live.get(e["shard"], 0) + e["hits"]
    sparse = {n for n, rows in shards.items() if live.get(n, 0) * 2 < rows}
    for e in [e for e in keep.values() if e["shard"] in sparse]:  # compaction
        m = np.memmap(folder / e["shard"], dtype=DTYPE, mode="r", shape=(shards[e["shard"]], length))
        e["shard"], e["row"] = writer.place(np.array(m[e["row"]: e["row"] + e["hits"]]))
    writer.flush()
    shards = {n: r for n, r in shards.items() if n not in sparse} | writer.written
    files = [keep[k] for k in sorted(keep)]
    if writer.written or sparse or len(keep) != len(old) or not header:
        new_header = {"version": INDEX_VERSION, "sample_rate_hz": sample_rate_hz, "length_samples": length,
                      "dtype": DTYPE, "shards": shards, "files": files}
        tmp = folder / "index.json.tmp"
        tmp.write_text(json.dumps(new_header))
        os.replace(tmp, folder / "index.json")
    for stale in {p.name for p in folder.glob("shard-*.f16")} - set(shards):
        (folder / stale).unlink()
    size = sum((folder / n).stat().st_size for n in shards)
    return UpdateReport(hits=sum(e["hits"] for e in files), files=len(files), decoded=counts["decoded"],
                        reused=counts["reused"], dropped=len(set(old) - set(keep)), skipped=tuple(skipped),
                        shards=len(shards), bytes=size, seconds=time.monotonic() - began)


def open_index(library: Path, sample_rate_hz: int, length: int) -> Shards:
    return Shards(index_dir(library, sample_rate_hz, length))
