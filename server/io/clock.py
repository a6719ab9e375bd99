"""The server's own clock: 16th-note steps on a drift-free schedule against time.monotonic().

Step times are computed, never accumulated: a tempo segment starts at an anchor (a step number
and the monotonic time it falls on) and step n of that segment is at
`anchor_time + (n - anchor_step) * step_s`. A tempo change re-anchors at the next step, so
sleeps that wake late never push later steps late, and a long run keeps its phase.

Subscribers are called on the clock's own thread, at (or just after) each step's time. A
consumer that must act *before* a step (a MIDI sequencer with early micro-timing offsets) reads
the schedule ahead with `time_of(step)` instead of waiting for the call. A subscriber that
raises is logged once and keeps being called: one faulty listener never stops the beat.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from server.core.config import check_bpm

log = logging.getLogger("server.clock")

STEPS_PER_BAR = 16


class Listeners:
    """The clocks' step subscribers: copy-on-write (the clock's thread iterates a snapshot), and a
    subscriber that raises is logged once and keeps being called."""

    def __init__(self, what: str):
        self._what = what
        self._fns: list = []
        self._failed: set = set()

    def add(self, fn: Callable[[int, float], None]) -> None:
        self._fns = self._fns + [fn]

    def remove(self, fn: Callable[[int, float], None]) -> None:
        self._fns = [f for f in self._fns if f is not fn]

    def notify(self, step: int, when: float) -> None:
        for fn in self._fns:
            try:
                fn(step, when)
            except Exception:
                if fn not in self._failed:
                    self._failed.add(fn)
                    log.exception("%s subscriber %r failed; it keeps being called", self._what, fn)


class InternalClock:
    """Steps (16th notes at 4 steps per beat) from 0 at `start()`; `fn(step, when)` per step."""

    def __init__(self, bpm: float = 120.0, steps_per_beat: int = 4):
        if steps_per_beat < 1:
            raise ValueError("steps_per_beat must be at least 1")
        self.steps_per_beat = int(steps_per_beat)
        self._bpm = check_bpm(bpm)
        self._listeners = Listeners("clock")
        self._lock = threading.Lock()  # guards the anchor; held only for arithmetic
        self._wake = threading.Condition(self._lock)
        self._anchor_step = 0
        self._anchor_time = 0.0
        self._next_step = 0
        self._running = False
        self._thread: threading.Thread | None = None

    # --- state --------------------------------------------------------------------------
    @property
    def bpm(self) -> float:
        return self._bpm

    @property
    def running(self) -> bool:
        return self._running

    @property
    def step_s(self) -> float:
        return 60.0 / (self._bpm * self.steps_per_beat)

    def time_of(self, step: int) -> float:
        """The scheduled monotonic time of `step` at the current tempo (valid while running)."""
        with self._lock:
            return self._anchor_time + (step - self._anchor_step) * 60.0 / (self._bpm * self.steps_per_beat)

    def subscribe(self, fn: Callable[[int, float], None]) -> None:
        self._listeners.add(fn)

    def unsubscribe(self, fn: Callable[[int, float], None]) -> None:
        self._listeners.remove(fn)

    # --- control ------------------------------------------------------------------------
    def set_bpm(self, bpm: float) -> None:
        """Change tempo from the next step on; steps already due keep their times."""
        bpm = check_bpm(bpm)
        with self._lock:
            if self._running:
                # re-anchor on the next step, which keeps its old time
                when = self._anchor_time + (self._next_step - self._anchor_step) * self.step_s
                self._anchor_step, self._anchor_time = self._next_step, when
            self._bpm = bpm
            self._wake.notify()

    def start(self, at: float | None = None) -> None:
        """Step 0 falls at `at` (monotonic seconds; now when not given)."""
        self.stop()
        with self._lock:
            self._anchor_step, self._next_step = 0, 0
            self._anchor_time = time.monotonic() if at is None else float(at)
            self._running = True
        self._thread = threading.Thread(target=self._run, name="latentpad-clock", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self._running = False
            self._wake.notify()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    # --- the clock's thread -------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._lock:
                while self._running:
                    step = self._next_step
                    when = self._anchor_time + (step - self._anchor_step) * self.step_s
                    wait = when - time.monotonic()
                    if wait <= 0:
                        break
                    if wait > 0.002:  # coarse wait, woken early by set_bpm/stop
                        self._wake.wait(wait - 0.0015)
                    else:
                        self._lock.release()
                        try:
                            sleep_until(when)
                        finally:
                            self._lock.acquire()
                if not self._running:
                    return
                self._next_step = step + 1
            self._listeners.notify(step, when)


def sleep_until(when: float) -> None:
    """Return at monotonic `when`, not much later: halving sleeps, then a spin for the final
    0.2 ms (OS sleeps overshoot by tens of microseconds). For waits of a few ms at most."""
    while True:
        left = when - time.monotonic()
        if left <= 0:
            return
        if left > 0.0002:
            time.sleep(left / 2)
