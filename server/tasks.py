"""Latest-wins worker: one thread running work off the receive path (file reads, encodes,
classifications and saves; groove decodes on a worker of their own). Latest wins per key (e.g. ("encode", pad)): a task still waiting is replaced by a
newer one with the same key, so a burst of /pad/encode on one pad reads one file.

`submit` only stores the task under a lock; the result (a value or the exception raised) goes to
`done(key, value, error)` through `deliver`, which the app makes `loop.call_soon_threadsafe`.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any, Callable

log = logging.getLogger("server.tasks")


class LatestWinsWorker:
    def __init__(self, deliver: Callable[..., None], name: str = "latentpad-analysis"):
        self._deliver = deliver
        self._cond = threading.Condition()
        self._pending: OrderedDict = OrderedDict()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def submit(self, key: Any, task: Callable[[], Any], done: Callable[[Any, Any, Any], None]) -> bool:
        """Run `task()` on the worker; `done(key, value, error)` later, through `deliver`.
        Never blocks. Returns True when it replaced a task still waiting under the same key."""
        with self._cond:
            replaced = self._pending.pop(key, None) is not None
            self._pending[key] = (task, done)
            self._cond.notify()
            return replaced

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                key, (task, done) = self._pending.popitem(last=False)
            try:
                value, error = task(), None
            except Exception as exc:  # handed to the caller, who turns it into one /error
                value, error = None, exc
            try:
                self._deliver(done, key, value, error)
            except RuntimeError:  # the event loop is gone: shutting down
                log.debug("dropped an analysis result during shutdown")
