"""Pattern worker: decodes the groove on its own thread, latest wins.

The receive path calls `PatternWorker.submit` (a store under a lock, never a wait on a model);
one thread takes the newest pending job, runs the groove decoder (a tiny model: well under a
millisecond) and `server.core.patterns.shape`, and hands the result to `notify` (the app makes that
a `loop.call_soon_threadsafe`). A 200 Hz XY stream keeps one pending slot per client.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

import numpy as np

from server.core.engine import PatternJob
from server.core.patterns import Pattern, shape
from server.workers.tasks import LatestWinsWorker

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
    """Latest wins per client: a LatestWinsWorker of its own, with counters for /stats."""

    def __init__(self, notify: Callable[[Any], None]):
        self._notify = notify
        self._worker = LatestWinsWorker(lambda done, *result: done(*result), name="latentpad-pattern")
        self._lock = threading.Lock()
        self._counts = {"requests": 0, "patterns": 0, "superseded": 0, "errors": 0}

    def start(self) -> None:
        self._worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._worker.stop(timeout)

    def submit(self, job: PatternJob, groove, target) -> None:
        replaced = self._worker.submit(target, partial(decode_pattern, groove, job), partial(self._done, job))
        with self._lock:
            self._counts["requests"] += 1
            self._counts["superseded"] += int(replaced)

    def stats(self) -> dict:
        with self._lock:
            return dict(self._counts, pending=self._counts["requests"] - self._counts["superseded"]
                        - self._counts["patterns"] - self._counts["errors"])

    def _done(self, job: PatternJob, target, pattern, error) -> None:
        """On the worker thread: count, then hand over to the loop through `notify`."""
        if error is None:
            result, key = PatternReady(job, target, pattern), "patterns"
        else:  # keep the worker alive; tell the client
            log.error("pattern decode failed: %s", error)
            result, key = PatternFailed(job, target, f"pattern failed: {error}"), "errors"
        with self._lock:
            self._counts[key] += 1
        try:
            self._notify(result)
        except RuntimeError:  # the event loop is gone: shutting down
            log.debug("dropped a pattern during shutdown")
