"""Latest-wins workers: one thread each, work off the receive path.

`KeyedWorker` is the one mechanism: pending work is kept per key (a pad, a client, ("encode", pad)),
a newer submit for a key replaces the one still waiting, and the thread hands *everything*
pending to `handle(items)` at once (oldest first), so the render worker can batch a decoder call
across pads. `submit` only stores under a lock: it never waits on work.

`LatestWinsWorker` runs callables on it (file reads, encodes, classifications, saves; groove
decodes on a worker of their own): each result, a value or the exception raised, goes to
`done(key, value, error)` through `deliver`, which the app makes `loop.call_soon_threadsafe`.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any, Callable

log = logging.getLogger("server.tasks")


class KeyedWorker:
    def __init__(self, handle: Callable[[list], None], name: str):
        self._handle = handle
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

    def submit(self, key: Any, item: Any) -> bool:
        """Store `item` under `key`; True when it replaced an item still waiting there."""
        with self._cond:
            replaced = self._pending.pop(key, None) is not None
            self._pending[key] = item
            self._cond.notify()
            return replaced

    def pending(self) -> int:
        with self._cond:
            return len(self._pending)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                items, self._pending = list(self._pending.items()), OrderedDict()
            self._handle(items)


class LatestWinsWorker:
    def __init__(self, deliver: Callable[..., None], name: str = "latentpad-analysis"):
        self._deliver = deliver
        self._worker = KeyedWorker(self._run_all, name)
        self.start, self.stop = self._worker.start, self._worker.stop

    def submit(self, key: Any, task: Callable[[], Any], done: Callable[[Any, Any, Any], None]) -> bool:
        """Run `task()` on the worker; `done(key, value, error)` later, through `deliver`.
        Never blocks. Returns True when it replaced a task still waiting under the same key."""
        return self._worker.submit(key, (task, done))

    def _run_all(self, items: list) -> None:
        for key, (task, done) in items:
            try:
                value, error = task(), None
            except Exception as exc:  # handed to the caller, who turns it into one /error
                value, error = None, exc
            try:
                self._deliver(done, key, value, error)
            except RuntimeError:  # the event loop is gone: shutting down
                log.debug("dropped a result during shutdown")
