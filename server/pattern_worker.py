"""Pattern worker: decodes the groove on its own thread, latest wins.

The receive path calls `PatternWorker.submit` (a store under a lock, never a wait on a model);
one thread takes the newest pending job, runs the groove decoder (a tiny model: well under a
millisecond) and `server.patterns.shape`, and hands the result to `notify` (the app makes that
a `loop.call_soon_threadsafe`). A 200 Hz XY stream keeps one pending slot per client.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from server.engine import PatternJob
from server.patterns import Pattern, shape

log = logging.getLogger("server.patterns")


@dataclass(frozen=True, eq=False)
class PatternReady:
    job: PatternJob
    target: Any
    pattern: Pattern


@dataclass(frozen=True, eq=False)
class PatternFailed:
    job: PatternJob
    target: Any
    message: str


def decode_pattern(groove, job: PatternJob) -> Pattern:
    """Groove decoder + post-processing for one job (also `latentpad pattern`'s path)."""
    logits, velocity, offset = groove.decode(job.z[np.newaxis, :])
    return shape(logits[0], velocity[0], offset[0], job.controls)


class PatternWorker:
    def __init__(self, notify: Callable[[Any], None]):
        self._notify = notify
        self._cond = threading.Condition()
        self._pending: dict = {}  # target -> (job, groove): latest wins per client
        self._stopping = False
        self._counts = {"requests": 0, "patterns": 0, "superseded": 0, "errors": 0}
        self._thread = threading.Thread(target=self._run, name="latentpad-pattern", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def submit(self, job: PatternJob, groove, target) -> None:
        with self._cond:
            self._counts["requests"] += 1
            if target in self._pending:
                self._counts["superseded"] += 1
            self._pending[target] = (job, groove)
            self._cond.notify()

    def stats(self) -> dict:
        with self._cond:
            return dict(self._counts, pending=len(self._pending))

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                batch, self._pending = list(self._pending.items()), {}
            for target, (job, groove) in batch:
                try:
                    result = PatternReady(job, target, decode_pattern(groove, job))
                    key = "patterns"
                except Exception as exc:  # keep the worker alive; tell the client
                    log.exception("pattern decode failed")
                    result, key = PatternFailed(job, target, f"pattern failed: {exc}"), "errors"
                with self._cond:
                    self._counts[key] += 1
                try:
                    self._notify(result)
                except RuntimeError:  # the event loop is gone: shutting down
                    log.debug("dropped a pattern during shutdown")
