"""MIDI clock: follow Live's clock from an input port, or send the server's clock out.

In: 24 ticks (0xF8) per beat, Start (0xFA: position 0), Continue (0xFB: from the song position),
Stop (0xFC) and Song Position Pointer (0xF2: the position in 16ths, sent while stopped).
`ClockFollower` is the pure part: bytes and arrival times in, step numbers, tempo and position
out. The tempo is the median, over the last two beats, of half-beat spans (time from tick i to
tick i + 12, divided by 12): a late tick or a burst of them (JACK delivers at period
boundaries, a busy machine wakes late and catches up) moves it little, where a mean or a
least-squares slope would follow them. A gap of more than three ticks' time (a pause, a tempo
jump after stop) restarts the estimate.

`MidiClockIn` offers the clock interface the sequencer uses (`subscribe`, `bpm`, `running`,
`step_s`, `time_of`): every 6th tick is a step (a 16th), `step` = the song position in 16ths.
Its subscribers run on the MIDI port's callback thread (for JACK, JACK's process thread), so
they must be quick: plan, post, return.

Out: `MidiClockOut` subscribes to a clock and posts 6 ticks per step on a `MidiScheduler`, each
at its computed time, plus Start before the first tick and Stop at `stop()`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Callable, List, Optional

from server.io.clock import InternalClock, Listeners

log = logging.getLogger("server.midi.clock")

TICK, START, CONTINUE, STOP, SONG_POSITION = 0xF8, 0xFA, 0xFB, 0xFC, 0xF2
TICKS_PER_BEAT = 24
TICKS_PER_STEP = 6  # a 16th: steps_per_beat = 4
WINDOW = 2 * TICKS_PER_BEAT + 1  # two beats of ticks
SPAN = TICKS_PER_BEAT // 2  # each estimate spans half a beat


class ClockFollower:
    """Pure state of a followed MIDI clock. `feed(message, now)` returns the step that begins
    with this message (a tick on a 16th while running), else None."""

    def __init__(self):
        self.running = False
        self.tick = 0  # song position in ticks: the next tick to arrive is this one
        self._times: deque = deque(maxlen=WINDOW)
        self._tick_s: Optional[float] = None

    @property
    def bpm(self) -> Optional[float]:
        return None if self._tick_s is None else 60.0 / (self._tick_s * TICKS_PER_BEAT)

    @property
    def step_s(self) -> Optional[float]:
        return None if self._tick_s is None else self._tick_s * TICKS_PER_STEP

    def feed(self, message: List[int], now: float) -> Optional[int]:
        status = message[0] if message else None
        if status == TICK:
            self._timing(now)
            if not self.running:
                return None
            tick, self.tick = self.tick, self.tick + 1
            return tick // TICKS_PER_STEP if tick % TICKS_PER_STEP == 0 else None
        if status == START:
            self.running, self.tick = True, 0
        elif status == CONTINUE:
            self.running = True
        elif status == STOP:
            self.running = False
        elif status == SONG_POSITION and len(message) == 3:
            self.tick = ((message[2] << 7) | message[1]) * TICKS_PER_STEP
        return None

    def _timing(self, now: float) -> None:
        times = self._times
        if times and self._tick_s is not None and now - times[-1] > 3 * self._tick_s:
            times.clear()
        elif len(times) == 1 and now - times[-1] > 1.0:  # 1 s per tick: 2.5 bpm, not a clock
            times.clear()
        times.append(now)
        n = len(times)
        if n >= 3:
            span = min(SPAN, n - 1)
            spans = sorted((times[i + span] - times[i]) / span for i in range(n - span))
            self._tick_s = spans[len(spans) // 2]


class MidiClockIn:
    """Follows MIDI clock arriving on `port` (a python-rtmidi MidiIn, opened by the caller)."""

    def __init__(self, port, now: Callable[[], float] = time.monotonic):
        self.port = port
        self.follower = ClockFollower()
        self._now = now
        self._listeners = Listeners("MIDI clock")
        self._last = (0, 0.0)  # (step, its arrival time)

    # --- the clock interface --------------------------------------------------------------
    @property
    def bpm(self) -> float:
        return self.follower.bpm or 120.0

    @property
    def running(self) -> bool:
        return self.follower.running

    @property
    def step_s(self) -> float:
        return self.follower.step_s or 60.0 / (120.0 * 4)

    @property
    def position_steps(self) -> float:
        """The song position in 16ths (what a Song Position Pointer set, or where play is)."""
        return self.follower.tick / TICKS_PER_STEP

    def time_of(self, step: int) -> float:
        last_step, last_time = self._last
        return last_time + (step - last_step) * self.step_s

    def subscribe(self, fn) -> None:
        self._listeners.add(fn)

    def start(self) -> None:
        self.port.set_callback(self._on_message)

    def stop(self) -> None:
        self.port.cancel_callback()
        self.port.delete()  # the port and its MIDI client

    # --- the port's callback thread -------------------------------------------------------
    def _on_message(self, event, data=None) -> None:
        now = self._now()
        step = self.follower.feed(event[0], now)
        if step is None:
            return
        self._last = (step, now)
        self._listeners.notify(step, now)


class MidiClockOut:
    """Sends `clock`'s steps as MIDI clock (24 ppq) through `scheduler` (its own: `stop()`
    drops what is pending on it), planned one step ahead."""

    def __init__(self, clock: InternalClock, scheduler):
        self.clock = clock
        self.scheduler = scheduler
        self._planned = -1
        self._started = False
        self._playing = False
        self._lock = threading.Lock()  # stop() vs a step being planned: no tick after Stop

    def start(self) -> None:
        with self._lock:
            self._planned, self._started, self._playing = -1, False, True
        self.clock.subscribe(self._on_step)

    def stop(self) -> None:
        self.clock.unsubscribe(self._on_step)
        with self._lock:
            self._playing = False
            self.scheduler.flush(keep=lambda message: False)  # ticks planned ahead: not played
            self.scheduler.post(time.monotonic(), [STOP])

    def _on_step(self, step: int, when: float) -> None:
        with self._lock:
            if self._playing:
                self._plan(step, when)

    def _plan(self, step: int, when: float) -> None:
        if not self._started:  # the first step heard: Start, then its ticks (late by the wake-up)
            self._started, self._planned = True, step - 1
            self.scheduler.post(when, [START])
        for s in range(self._planned + 1, step + 2):
            at, tick_s = self.clock.time_of(s), self.clock.step_s / TICKS_PER_STEP
            for k in range(TICKS_PER_STEP):
                self.scheduler.post(at + k * tick_s, [TICK])
        self._planned = step + 1
