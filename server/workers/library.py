"""The user's sample library for similarity search: walk folders, cut long recordings into hits,
encode every hit, cache the encoder's mu per file, and answer nearest-neighbour queries.

Plain functions and one immutable `Index` (no threads, no sockets): the server runs `build_index`
on its library worker, `latentpad index` / `latentpad similar` call it directly.

Cache: `<library>/.latentpad-index/<preset>.json` (a JSON header: preset, encoder sha256, latent
size and one entry per file keyed by path with its size, mtime_ns, hit start times and rows) plus
`<preset>.f32`, the mu rows as raw little-endian float32 (read with numpy.fromfile). Only JSON and
raw floats are ever loaded. A file whose size or mtime changed is re-encoded, a new one encoded,
a deleted one dropped; a file that cannot be read is skipped (and counted).

Distance: cosine distance in mu-space, 1 - cos(query, entry), in [0, 2].
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from server.core.errors import RenderError
from server.core.sample_io import fit_oneshot, load_oneshot, read_mono, resample

log = logging.getLogger("server.library")

EXTENSIONS = (".wav", ".aif", ".aiff", ".flac", ".ogg")
CACHE_DIR = ".latentpad-index"
LONG_FILE_S = 2.0  # longer files are recordings: cut into hits at onsets
HOP = 256  # onset detector frame hop, samples at the model rate
MIN_GAP_S = 0.08  # two onsets are at least this far apart
FLUX_DB = 12.0  # an onset: frame energy rises this much over the frame before
FLOOR_DB = -50.0  # ... and the frame is within this of the file's loudest frame
ENCODE_BATCH = 32
CACHE_VERSION = 1


@dataclass(frozen=True)
class Index:
    """Every hit in the library: `paths[i]` at `starts_s[i]` has mu `mu[i]`; `unit` = mu rows
    normalised to length 1, so a query is one matrix-vector product."""
    preset: str
    mu: np.ndarray  # [N, latent] float32
    unit: np.ndarray  # [N, latent] float32
    paths: tuple
    starts_s: np.ndarray  # [N] float32
    files: int
    skipped: int

    def __len__(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class IndexReport:
    index: Index
    encoded: int  # files read and encoded this run
    reused: int  # files taken from the cache
    dropped: int  # cached files no longer there
    seconds: float


def make_index(preset: str, mu: np.ndarray, paths, starts_s, files: int = 0, skipped: int = 0) -> Index:
    mu = np.ascontiguousarray(mu, dtype=np.float32).reshape(len(paths), -1)
    norms = np.linalg.norm(mu, axis=1, keepdims=True)
    unit = mu / np.maximum(norms, 1e-12)
    return Index(preset, mu, unit, tuple(paths), np.asarray(starts_s, np.float32), files, skipped)


def nearest(index: Index, query: np.ndarray, k: int) -> list:
    """The k entries nearest `query` by cosine distance: [(path, start_s, distance)], nearest first."""
    if len(index) == 0:
        return []
    q = np.asarray(query, np.float32).ravel()
    distance = 1.0 - index.unit @ (q / max(float(np.linalg.norm(q)), 1e-12))
    k = min(k, distance.size)
    top = np.argpartition(distance, k - 1)[:k]
    top = top[np.argsort(distance[top], kind="stable")]
    return [(index.paths[i], float(index.starts_s[i]), max(0.0, float(distance[i]))) for i in top]


# --- onsets and hits ------------------------------------------------------------------------
def onsets(mono: np.ndarray, rate: int) -> np.ndarray:
    """Sample positions where a hit starts: frames whose energy jumps FLUX_DB over the frame
    before and lie within FLOOR_DB of the loudest frame, at least MIN_GAP_S apart; each refined
    to the first sample within 30 dB of the hit's own peak."""
    frames = mono[: mono.size // HOP * HOP].reshape(-1, HOP)
    if frames.shape[0] < 2:
        return np.zeros(1, np.int64)
    db = 10.0 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    flux = np.diff(db, prepend=-120.0)  # a file that starts loud starts with a hit
    candidates = np.flatnonzero((flux >= FLUX_DB) & (db >= db.max() + FLOOR_DB))
    gap, picked = int(MIN_GAP_S * rate / HOP), []
    for frame in candidates:
        if not picked or frame - picked[-1] >= gap:
            picked.append(int(frame))
    starts = []
    for frame in picked or [0]:
        lo = max(0, (frame - 1) * HOP)
        window = np.abs(mono[lo: lo + 4 * HOP])
        above = np.flatnonzero(window >= window.max() * 10 ** (-30 / 20))
        starts.append(lo + int(above[0]) if above.size else frame * HOP)
    return np.asarray(starts, np.int64)


def file_hits(path: Path, sample_rate_hz: int, length: int) -> tuple:
    """(clips [n, length], start times in seconds) for one file: one hit for a short file (read
    exactly as /pad/encode reads it), one per onset for a recording over LONG_FILE_S."""
    info = sf.info(str(path))
    if info.frames <= LONG_FILE_S * info.samplerate:
        return load_oneshot(path, sample_rate_hz, length)[np.newaxis, :], np.zeros(1, np.float32)
    mono, rate = read_mono(path)
    mono = resample(mono, rate, sample_rate_hz)
    starts = onsets(mono, sample_rate_hz)
    ends = np.append(starts[1:], mono.size)
    clips, kept = [], []
    for start, end in zip(starts, ends):
        try:
            clips.append(fit_oneshot(mono[start:end], length, sample_rate_hz))
            kept.append(start / sample_rate_hz)
        except ValueError:  # a silent stretch
            continue
    if not clips:
        raise ValueError(f"{path.name}: no hits found")
    return np.stack(clips), np.asarray(kept, np.float32)


def sound_files(folders) -> list:
    """Every WAV/AIFF/FLAC/OGG under `folders` (cache folders and hidden ones left out), sorted."""
    found = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(root) / n for n in names if n.lower().endswith(EXTENSIONS) and not n.startswith(".")]
    return sorted(set(found))


# --- cache ----------------------------------------------------------------------------------
def cache_paths(folder: Path, preset: str) -> tuple:
    base = Path(folder) / CACHE_DIR / preset
    return base.with_suffix(".json"), base.with_suffix(".f32")


def _read_cache(folder: Path, preset: str, encoder_sha: str, latent: int) -> dict:
    """{path: (size, mtime_ns, starts, mu rows)} from the cache, or {} if it is absent or stale."""
    header_path, rows_path = cache_paths(folder, preset)
    try:
        header = json.loads(header_path.read_text())
        rows = np.fromfile(rows_path, dtype="<f4")
        if (header.get("version"), header.get("encoder_sha256"), header.get("latent_size")) != \
                (CACHE_VERSION, encoder_sha, latent) or rows.size != header["rows"] * latent:
            return {}
        rows = rows.reshape(-1, latent)
        return {e["path"]: (e["size"], e["mtime_ns"], e["starts_s"], rows[e["row"]: e["row"] + len(e["starts_s"])])
                for e in header["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write_cache(folder: Path, preset: str, encoder_sha: str, latent: int, entries: dict) -> None:
    header_path, rows_path = cache_paths(folder, preset)
    files, blocks, row = [], [], 0
    for path, (size, mtime, starts, mu) in sorted(entries.items()):
        files.append({"path": path, "size": size, "mtime_ns": mtime, "starts_s": list(starts), "row": row})
        blocks.append(np.asarray(mu, "<f4").reshape(-1, latent))
        row += len(starts)
    header = {"version": CACHE_VERSION, "preset": preset, "encoder_sha256": encoder_sha,
              "latent_size": latent, "rows": row, "files": files}
    try:
        header_path.parent.mkdir(exist_ok=True)
        for target, write in ((rows_path, lambda f: np.concatenate(blocks or [np.zeros((0, latent), "<f4")]).tofile(f)),
                              (header_path, lambda f: f.write(json.dumps(header).encode()))):
            tmp = target.with_name(target.name + ".tmp")
            with open(tmp, "wb") as f:
                write(f)
            os.replace(tmp, target)
    except OSError as exc:  # a read-only library still works, it is just indexed again next time
        log.warning("cannot write the library cache in %s: %s", folder, exc)


# --- build ----------------------------------------------------------------------------------
def _encode(models, clips: np.ndarray) -> np.ndarray:
    out = [models.encoder.encode(clips[i: i + ENCODE_BATCH])[0] for i in range(0, len(clips), ENCODE_BATCH)]
    return np.concatenate(out).astype(np.float32)


def build_index(models, folders) -> IndexReport:
    """Index (or update the cached index of) every sound under `folders` for `models`' encoder."""
    preset = models.preset
    if models.encoder is None:
        raise RenderError(f"preset {preset.name} has no encoder (oneshot.encoder) to index a library with")
    began, sha, latent = time.monotonic(), preset.models["oneshot.encoder"].sha256, preset.latent_size
    counts = {"encoded": 0, "reused": 0, "dropped": 0, "skipped": 0, "files": 0}
    paths, starts, rows = [], [], []
    for folder in folders:
        folder = Path(folder)
        cached, fresh = _read_cache(folder, preset.name, sha, latent), {}
        for path in sound_files([folder]):
            key = path.relative_to(folder).as_posix()  # a moved library keeps its cache
            try:
                stat = path.stat()
                old = cached.get(key)
                if old is not None and (old[0], old[1]) == (stat.st_size, stat.st_mtime_ns):
                    fresh[key], counts["reused"] = old, counts["reused"] + 1
                    continue
                clips, hit_starts = file_hits(path, preset.sample_rate_hz, preset.length_samples)
                fresh[key] = (stat.st_size, stat.st_mtime_ns, hit_starts.tolist(), _encode(models, clips))
                counts["encoded"] += 1
            except (ValueError, OSError, RuntimeError, sf.LibsndfileError) as exc:
                log.info("library: skipped %s: %s", path, exc)
                counts["skipped"] += 1
        counts["dropped"] += len(set(cached) - set(fresh))
        _write_cache(folder, preset.name, sha, latent, fresh)
        for key, (_, _, hit_starts, mu) in sorted(fresh.items()):
            paths += [str(folder / key)] * len(hit_starts)
            starts += list(hit_starts)
            rows.append(np.asarray(mu, np.float32).reshape(-1, latent))
        counts["files"] += len(fresh)
    mu = np.concatenate(rows) if rows else np.zeros((0, latent), np.float32)
    index = make_index(preset.name, mu, paths, starts, counts["files"], counts["skipped"])
    return IndexReport(index, counts["encoded"], counts["reused"], counts["dropped"], time.monotonic() - began)
