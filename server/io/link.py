"""Ableton Link as a clock source, behind a small session adapter.

A Link session is a shared beat timeline: a tempo, the beat at any moment, the phase within a
quantum (4 beats: a 4/4 bar), and (with start/stop sync) whether the peers are playing. The
server sees it only through `LinkSession`:

    tempo() -> bpm            set_tempo(bpm)
    beat_at(t) -> beat        time_at(beat) -> t          (t in time.monotonic() seconds)
    phase_at(t) -> beats into the bar                     playing() -> bool, set_playing(bool)

`FakeLinkSession` is a timeline in this process (tests, and a peer's moves by hand);
`LinkPythonSession` is the real one through the optional `link` extra (LinkPython-extern), imported
only when `--clock link` asks for it. Link's multicast discovery starts when it is enabled, so
no test constructs it.

`LinkClock` turns a session into the server's clock interface: step n (a 16th) is at
`time_at(n / 4)`, so step % 16 == 0 falls on Link's bar line and patterns land in phase with
Live. Its thread re-reads the timeline before each step, so a peer's tempo change or a start
or stop takes effect at the next step.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import Optional

from server.core.errors import ConfigError
from server.io.clock import Listeners, check_bpm, sleep_until

log = logging.getLogger("server.link")

QUANTUM = 4.0  # beats per bar
STEPS_PER_BEAT = 4


class FakeLinkSession:
    """One tempo segment at a time: beat = anchor_beat + (t - anchor_t) * bpm / 60."""

    def __init__(self, bpm: float = 120.0, playing: bool = True, now=time.monotonic):
        self._now = now
        self._lock = threading.Lock()
        self._bpm = check_bpm(bpm)
        self._anchor = (0.0, now())  # (beat, time)
        self._playing = playing

    def tempo(self) -> float:
        return self._bpm

    def set_tempo(self, bpm: float) -> None:
        """A tempo change now (by us or a peer); the beat at this moment is kept."""
        bpm = check_bpm(bpm)
        with self._lock:
            now = self._now()
            self._anchor = (self._beat_at(now), now)
            self._bpm = bpm

    def beat_at(self, t: float) -> float:
        with self._lock:
            return self._beat_at(t)

    def time_at(self, beat: float) -> float:
        with self._lock:
            anchor_beat, anchor_t = self._anchor
            return anchor_t + (beat - anchor_beat) * 60.0 / self._bpm

    def phase_at(self, t: float) -> float:
        return self.beat_at(t) % QUANTUM

    def playing(self) -> bool:
        return self._playing

    def set_playing(self, playing: bool) -> None:
        self._playing = bool(playing)

    def close(self) -> None:
        pass

    def _beat_at(self, t: float) -> float:
        anchor_beat, anchor_t = self._anchor
        return anchor_beat + (t - anchor_t) * self._bpm / 60.0


class LinkPythonSession:
    """The real Link session (LinkPython-extern: `pip install latentpad[link]`). Link's clock is
    its own microsecond count; the offset to time.monotonic() is read once at start."""

    def __init__(self, bpm: float = 120.0):
        try:
            import link
        except ImportError as exc:
            raise ConfigError("--clock link needs Ableton Link for Python: "
                              "pip install 'latentpad[link]' (LinkPython-extern)") from exc
        self._link = link.Link(check_bpm(bpm))
        self._link.startStopSyncEnabled = True
        self._link.enabled = True  # joins the session: multicast on the local network
        self._offset_s = self._link.clock().micros() / 1e6 - time.monotonic()

    def _micros(self, t: float) -> int:
        return int(round((t + self._offset_s) * 1e6))

    def tempo(self) -> float:
        return self._link.captureAppSessionState().tempo()

    def set_tempo(self, bpm: float) -> None:
        state = self._link.captureAppSessionState()
        state.setTempo(check_bpm(bpm), self._micros(time.monotonic()))
        self._link.commitAppSessionState(state)

    def beat_at(self, t: float) -> float:
        return self._link.captureAppSessionState().beatAtTime(self._micros(t), QUANTUM)

    def time_at(self, beat: float) -> float:
        micros = self._link.captureAppSessionState().timeAtBeat(beat, QUANTUM)
        return micros / 1e6 - self._offset_s

    def phase_at(self, t: float) -> float:
        return self._link.captureAppSessionState().phaseAtTime(self._micros(t), QUANTUM)

    def playing(self) -> bool:
        return self._link.captureAppSessionState().isPlaying()

    def set_playing(self, playing: bool) -> None:
        state = self._link.captureAppSessionState()
        state.setIsPlaying(bool(playing), self._micros(time.monotonic()))
        self._link.commitAppSessionState(state)

    def close(self) -> None:
        self._link.enabled = False


class LinkClock:
    """The clock interface on a Link session: steps only while the session plays."""

    steps_per_beat = STEPS_PER_BEAT

    def __init__(self, session):
        self.session = session
        self._listeners = Listeners("Link clock")
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    @property
    def bpm(self) -> float:
        return self.session.tempo()

    @property
    def running(self) -> bool:
        return self._thread is not None and self.session.playing()

    @property
    def step_s(self) -> float:
        return 60.0 / (self.session.tempo() * STEPS_PER_BEAT)

    def time_of(self, step: int) -> float:
        return self.session.time_at(step / STEPS_PER_BEAT)

    def set_bpm(self, bpm: float) -> None:
        self.session.set_tempo(bpm)

    def subscribe(self, fn) -> None:
        self._listeners.add(fn)

    def unsubscribe(self, fn) -> None:
        self._listeners.remove(fn)

    def start(self) -> None:
        self.stop()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="latentpad-link", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        last = None
        while not self._stop.is_set():
            if not self.session.playing():
                last = None
                self._stop.wait(0.005)
                continue
            now = time.monotonic()
            step = math.ceil(self.session.beat_at(now) * STEPS_PER_BEAT - 1e-9)
            if last is not None and step <= last + 2:  # in step (or one woken late): the next
                step = last + 1
            when = self.time_of(step)
            if when - now > 0.003:  # wake a little before, then re-read: tempo may have moved
                self._stop.wait(min(when - now - 0.002, 0.05))
                continue
            sleep_until(when)
            last = step
            self._listeners.notify(step, when)
