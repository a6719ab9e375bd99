"""Render worker: latest wins per pad, batched decoder calls, atomic 24-bit WAV writes.

The OSC side calls `RenderWorker.submit` (a dict store under a lock, never a wait on a model or
a file); one worker thread takes every pending pad at once, runs the decoder on the batch, and
hands each result to `notify` (the app makes that a `loop.call_soon_threadsafe`). A pad that
gets 200 moves/s keeps one pending slot, so no queue builds; `stats()` counts what happened.
"""

from __future__ import annotations

import io
import logging
import os
import re
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
import soundfile as sf

from server.core.engine import RenderJob
from server.core.errors import RenderError
from server.core.protocol import NPADS
from server.core.sample_io import resample
from server.workers.tasks import KeyedWorker

log = logging.getLogger("server.render")

SUBTYPE = "PCM_24"
FORMATS = {".wav": "WAV", ".flac": "FLAC", ".aif": "AIFF", ".aiff": "AIFF"}  # render -o: by extension
RENDER_NAME_RE = re.compile(r"pad\d{2}_\d{6,}\.wav(\.tmp)?")


def finish(audio: np.ndarray, model_hz: int, target_hz: int) -> np.ndarray:
    """One decoded row [T] (or a stereo pair [T, 2]) -> playable audio: finite, resampled,
    peak-safe in [-1, 1]."""
    audio = np.nan_to_num(audio, nan=0.0, posinf=1.0, neginf=-1.0)
    if audio.ndim == 2:  # stereo: each channel on its own (resample takes rows as a batch)
        audio = np.ascontiguousarray(resample(np.ascontiguousarray(audio.T), model_hz, target_hz).T)
    else:
        audio = resample(audio, model_hz, target_hz)  # libsoxr: no filter to design on first use
    return np.clip(audio, -1.0, 1.0, out=audio)  # nan_to_num made a copy we own


def write_wav_atomic(path: Path, audio: np.ndarray, sample_rate_hz: int, file_format: str = "WAV") -> Path:
    """Write 24-bit PCM (a WAV unless `file_format` says FLAC or AIFF) to `<path>.tmp` in the same
    folder, then rename it over `path`: a reader never sees half a file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    encoded = io.BytesIO()  # libsndfile writing straight to disk costs ~4 ms of small writes
    sf.write(encoded, audio, sample_rate_hz, subtype=SUBTYPE, format=file_format)
    try:
        with open(tmp, "wb") as f:
            f.write(encoded.getbuffer())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


@dataclass(frozen=True, eq=False)
class Rendered:
    job: RenderJob
    target: Any
    path: Path
    audio: Optional[np.ndarray] = None  # what was written, float32 (the voice engine plays it)
    sample_rate_hz: int = 0


@dataclass(frozen=True, eq=False)
class Failed:
    job: RenderJob
    target: Any
    message: str


@dataclass(frozen=True, eq=False)
class _Pending:
    job: RenderJob
    models: Any  # server.presets.models.Models the job's z belongs to
    sample_rate_hz: int
    target: Any  # opaque to the worker: handed back with the result


class RenderWorker:
    def __init__(self, render_dir: Path, keep_per_pad: int, notify: Callable[[Any], None]):
        self._dir = Path(render_dir)
        self._keep = keep_per_pad
        self._notify = notify
        self._worker = KeyedWorker(self._render_all, "latentpad-render")  # latest wins per pad
        self._lock = threading.Lock()  # the counters: written by both threads
        self._counts = {"requests": 0, "renders": 0, "superseded": 0, "errors": 0, "batches": 0}
        self._written = [deque() for _ in range(NPADS)]
        self._serial = [0] * NPADS
        self.stop = self._worker.stop

    def start(self, render_dir: Optional[Path] = None) -> None:
        """Start writing to `render_dir` (default: the folder given at construction)."""
        if render_dir is not None:
            self._dir = Path(render_dir)
        self._dir.mkdir(parents=True, exist_ok=True)
        self._remove_own_files()  # an earlier run's renders and temps
        self._worker.start()

    def remove_renders(self) -> None:
        """After `stop`: delete the renders and temps this worker's names match, then the folder
        if nothing else is left in it (never a file of anyone else's)."""
        try:
            self._remove_own_files()
            self._dir.rmdir()
        except OSError:  # gone already, not a folder, or holding someone else's files
            pass

    def _remove_own_files(self) -> None:
        for stale in self._dir.iterdir():  # our own names only
            if RENDER_NAME_RE.fullmatch(stale.name):
                stale.unlink(missing_ok=True)

    def submit(self, job: RenderJob, models, sample_rate_hz: int, target) -> None:
        """Latest wins: replaces any job still pending for the same pad. Never blocks on work."""
        replaced = self._worker.submit(job.pad, _Pending(job, models, sample_rate_hz, target))
        with self._lock:
            self._counts["requests"] += 1
            self._counts["superseded"] += int(replaced)

    def stats(self) -> dict:
        with self._lock:
            counts = dict(self._counts)
        return dict(counts, pending=self._worker.pending())

    def _render_all(self, pending: list) -> None:
        """Every pad pending at once: one decoder call per preset (a swap can leave two)."""
        groups: dict = {}
        for _, item in pending:
            groups.setdefault(id(item.models), []).append(item)
        for items in groups.values():
            self._render_group(items)

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self._counts[key] += n

    def _render_group(self, items: list) -> None:
        models = items[0].models
        try:
            wide = [item for item in items if item.job.width > 0.0]
            points = [item.job.z for item in items] + [right_point(models, item.job) for item in wide]
            audio = models.decoder.render(np.stack(points))
            right = dict(zip(map(id, wide), audio[len(items):]))
            audio = [row if id(item) not in right else np.stack([row, right[id(item)]], axis=1)
                     for item, row in zip(items, audio)]
        except Exception as exc:  # keep the worker alive; tell every client that waited
            log.exception("decoder failed on a batch of %d", len(items))
            self._count("errors", len(items))
            for item in items:
                self._deliver(Failed(item.job, item.target, f"render failed: {exc}"))
            return
        self._count("batches")
        for item, row in zip(items, audio):
            try:
                path, played = self._write(item, row, models.preset.sample_rate_hz)
            except Exception as exc:
                log.exception("writing pad %d failed", item.job.pad)
                self._count("errors")
                self._deliver(Failed(item.job, item.target, f"render failed: {exc}"))
                continue
            self._count("renders")
            self._deliver(Rendered(item.job, item.target, path, played, item.sample_rate_hz))

    def _write(self, item: _Pending, row: np.ndarray, model_hz: int) -> tuple:
        pad = item.job.pad
        self._serial[pad] += 1
        path = self._dir / f"pad{pad:02d}_{self._serial[pad]:06d}.wav"
        audio = finish(row * item.job.gain if item.job.gain != 1.0 else row, model_hz, item.sample_rate_hz)
        write_wav_atomic(path, audio, item.sample_rate_hz)
        written = self._written[pad]
        written.append(path)
        while len(written) > self._keep:
            written.popleft().unlink(missing_ok=True)
        log.debug("pad %d seq %d -> %s", pad, item.job.seq, path)
        return path, audio

    def _deliver(self, result) -> None:
        try:
            self._notify(result)
        except RuntimeError:  # the event loop is gone: shutting down
            log.debug("dropped a render result during shutdown")


def right_point(models, job: RenderJob) -> np.ndarray:
    """The right channel's point of a wide job: a close variation of z, from the diffusion prior
    when the preset has one (noised to amount width / 2 and denoised), else Gaussian."""
    amount = 0.5 * job.width
    if models.prior is not None:
        return models.prior.vary(job.z, job.right_noise, amount)
    return job.z + amount * models.preset.prior_std * job.right_noise


def render_to_file(models, job: RenderJob, path: Path, sample_rate_hz: Optional[int] = None) -> Path:
    """One job, synchronously, with the worker's own steps (for `latentpad render` and `kit`); the
    extension says the format (FORMATS). RenderError names the file when it cannot be written."""
    path = Path(path)
    file_format = FORMATS.get(path.suffix.lower())
    if file_format is None:
        raise RenderError(f"{path}: cannot write {path.suffix or 'a file without an extension'}; "
                          f"use {', '.join(FORMATS)}")
    model_hz = models.preset.sample_rate_hz
    audio = models.decoder.render(job.z[np.newaxis, :])[0]
    target_hz = sample_rate_hz or model_hz
    try:
        return write_wav_atomic(path, finish(audio, model_hz, target_hz), target_hz, file_format)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from exc
