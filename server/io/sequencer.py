"""MIDI out of the current drum pattern on the server's clock.

The sequencer subscribes to a clock (internal, followed MIDI clock or Link) and, on each step's
call, plans the *next* step: every hit becomes a note-on at
`clock.time_of(step) + offset * step_s` and a note-off a short gate later, posted to a
`MidiScheduler` that sends each at its time. Planning one step ahead is what lets early
micro-timing offsets (down to -0.5 of a 16th) play before their step; late ones (up to +0.5)
simply wait. Steps the sequencer never planned (the first one after start) are planned on the
spot, and whatever of them is already due goes out at once.

A new pattern (`set_pattern`, from any thread) lands on the next bar line, never mid-bar: the
swap happens when the first step of a bar is planned, so that bar's early hits already come
from the new pattern. The 2-bar pattern loops in phase with the clock: step s plays column
s % 32 (like a clip launched in legato), so the song's bar 2 always plays the pattern's bar 2.
`set_pattern(p, now=True)` swaps at the next step planned instead ("change now", in phase).

A fill (`set_fill`, a decoded pattern whose second bar is the fill) replaces the next bar once,
then the pattern plays on. A count-in (`count_in(bars)`) plays that many bars of a side stick on
every beat (the downbeat louder) from the next bar line, in place of the pattern.
"""

from __future__ import annotations

import threading
from typing import Optional, Sequence

import numpy as np

from server.core.patterns import GM_NOTES, STEPS, Pattern

STEPS_PER_BAR = 16
DRUM_CHANNEL = 9  # channel 10, counted from 1
NOTE_ON, NOTE_OFF = 0x90, 0x80
GATE_S = 0.03  # note length: drums ignore it, synths and samplers in one-shot mode too
COUNT_NOTE = 37  # GM side stick
COUNT_VELOCITY = (110, 70)  # downbeat, other beats


def midi_velocity(velocity: float) -> int:
    """[0, 1] -> 1..127, as in the .mid writer (server.core.groove_midi)."""
    return max(1, min(127, round(float(velocity) * 127)))


class Sequencer:
    """Plays patterns on `clock` through `scheduler`; `notes[i]` is instrument i's MIDI note."""

    def __init__(self, clock, scheduler, notes: Sequence[int] = GM_NOTES,
                 channel: int = DRUM_CHANNEL, gate_s: float = GATE_S):
        self.clock = clock
        self.scheduler = scheduler
        self.notes = tuple(int(n) for n in notes)
        self.channel = channel
        self.gate_s = gate_s
        self._lock = threading.Lock()  # guards _pending: held only to swap a reference
        self._playing = threading.Lock()  # stop() vs a step being planned: no note after stop
        self._active = False
        self._pending: Optional[Pattern] = None
        self._pending_now = False
        self._current: Optional[Pattern] = None
        self._fill_pending: Optional[Pattern] = None
        self._fill: Optional[Pattern] = None  # playing in the current bar
        self._count_pending = 0
        self._counting = 0  # count-in bars left, this one included
        self._planned = None  # the last step planned (None: nothing yet)

    # --- control (any thread) -------------------------------------------------------------
    def _check(self, pattern: Pattern) -> None:
        if pattern.velocity.shape != (len(self.notes), STEPS):
            raise ValueError(f"pattern is {pattern.velocity.shape}, the sequencer plays "
                             f"{len(self.notes)} instruments x {STEPS} steps")

    def set_pattern(self, pattern: Pattern, now: bool = False) -> None:
        """Play `pattern` from the next bar line (at once if nothing is playing yet); with
        `now`, from the next step planned."""
        self._check(pattern)
        with self._lock:
            self._pending, self._pending_now = pattern, bool(now)

    def set_fill(self, pattern: Pattern) -> None:
        """Play `pattern`'s second bar in place of the next bar, once."""
        self._check(pattern)
        with self._lock:
            self._fill_pending = pattern

    def count_in(self, bars: int) -> None:
        """`bars` bars of count-in from the next bar line (0 cancels one not yet started)."""
        with self._lock:
            self._count_pending = max(0, int(bars))

    @property
    def pattern(self) -> Optional[Pattern]:
        return self._current

    def start(self) -> None:
        with self._playing:
            self._planned, self._active = None, True
        self.clock.subscribe(self._on_step)

    def stop(self) -> None:
        """Stop planning; notes already on get their note-off now, planned note-ons are dropped."""
        self.clock.unsubscribe(self._on_step)
        with self._playing:
            self._active = False
            self.scheduler.flush(keep=lambda message: message[0] & 0xF0 == NOTE_OFF)

    # --- the clock's thread ---------------------------------------------------------------
    def _on_step(self, step: int, when: float) -> None:
        with self._playing:
            if self._active:
                self._plan_ahead(step)

    def _plan_ahead(self, step: int) -> None:
        # in step: carry on from the plan; else (start, a missed step, a song position jump) replan
        first = self._planned + 1 if self._planned in (step, step + 1) else step
        for s in range(first, step + 2):
            self._plan(s)
        self._planned = step + 1

    def _plan(self, step: int) -> None:
        bar_line = step % STEPS_PER_BAR == 0
        if bar_line or self._current is None or self._pending_now:
            with self._lock:
                pending, self._pending, self._pending_now = self._pending, None, False
                if bar_line:
                    self._fill, self._fill_pending = self._fill_pending, None
                    self._counting = max(0, self._counting - 1)
                    if self._count_pending:
                        self._counting, self._count_pending = self._count_pending, 0
            if pending is not None:
                self._current = pending
        at, step_s = self.clock.time_of(step), self.clock.step_s
        if self._counting:
            if step % 4 == 0:
                velocity = COUNT_VELOCITY[0] if bar_line else COUNT_VELOCITY[1]
                self.scheduler.post(at, [NOTE_ON | self.channel, COUNT_NOTE, velocity])
                self.scheduler.post(at + self.gate_s, [NOTE_OFF | self.channel, COUNT_NOTE, 0])
            return
        pattern, column = self._current, step % STEPS
        if self._fill is not None:
            pattern, column = self._fill, STEPS_PER_BAR + step % STEPS_PER_BAR
        if pattern is None:
            return
        velocity = pattern.velocity[:, column]
        for inst in np.flatnonzero(velocity > 0):
            on = at + float(pattern.offset[inst, column]) * step_s
            note = self.notes[inst]
            self.scheduler.post(on, [NOTE_ON | self.channel, note, midi_velocity(velocity[inst])])
            self.scheduler.post(on + self.gate_s, [NOTE_OFF | self.channel, note, 0])
