"""The server's clock and what plays on it, as the App's feature object, built from Settings.

    --clock internal|midi|link   where the beat comes from (internal: --bpm)
    --midi-out                   play the current pattern on `latentpad out` (channel 10)
    --clock-out                  send the internal or Link clock as MIDI clock on `latentpad clock out`
    --clock-in NAME              with --clock midi: follow the output port named like NAME
                                 (default: our own virtual input `latentpad clock in`)

Nothing here runs unless one of --midi-out / --clock-out / --clock midi|link asks for it. The
App hands every decoded pattern to `play`; the sequencer swaps it in at the next bar line.
"""

from __future__ import annotations

import logging
from typing import Optional

from server.io.clock import InternalClock

log = logging.getLogger("server.transport")

OUT_PORT, CLOCK_OUT_PORT, CLOCK_IN_PORT = "latentpad out", "latentpad clock out", "latentpad clock in"


class Transport:
    def __init__(self, settings):
        self.settings = settings
        self.clock = None
        self.sequencer = None
        self._stops: list = []  # how to undo each thing started, undone in reverse at close()

    @property
    def wanted(self) -> bool:
        s = self.settings
        return s.midi_out or s.clock_out or s.clock != "internal"

    def start(self, preset, first_pattern=None) -> None:
        """Open ports and start the clock, playing `first_pattern` (a Pattern, or None)."""
        if not self.wanted:
            return
        notes = _notes(preset)
        from server.io.midi import choose_api
        from server.io.midi_schedule import open_output

        s = self.settings
        api = choose_api()
        self.clock = self._make_clock(api)
        if s.midi_out:
            from server.io.sequencer import Sequencer

            scheduler = self._scheduler(open_output(OUT_PORT, api))
            self.sequencer = Sequencer(self.clock, scheduler, notes or ())
            if first_pattern is not None:
                self.sequencer.set_pattern(first_pattern)
            elif notes is None:
                log.warning("--midi-out: preset has no groove model; nothing plays until one is loaded")
            self._start(self.sequencer)
        if s.clock_out:
            from server.io.midi_clock import MidiClockOut

            self._start(MidiClockOut(self.clock, self._scheduler(open_output(CLOCK_OUT_PORT, api))))
        self._start(self.clock)
        log.info("clock %s at %.1f bpm; midi out %s; clock out %s", s.clock, self.clock.bpm,
                 OUT_PORT if s.midi_out else "off", CLOCK_OUT_PORT if s.clock_out else "off")

    def play(self, pattern, now: bool = False) -> None:
        """A new pattern from the App (loop thread): lands at the next bar line (`now`: next step)."""
        if self.sequencer is not None:
            self.sequencer.set_pattern(pattern, now)

    def fill(self, pattern) -> None:
        """A fill (its second bar) for the next bar, once."""
        if self.sequencer is not None:
            self.sequencer.set_fill(pattern)

    def count_in(self, bars: int) -> int:
        """Arm a count-in on MIDI out; returns the bars armed (0 without --midi-out)."""
        if self.sequencer is None:
            return 0
        self.sequencer.count_in(bars)
        return bars

    def preset_changed(self, preset) -> None:
        """The new preset's drum map plays from the next note on (the pattern plays on)."""
        notes = _notes(preset)
        if self.sequencer is not None and notes is not None:
            self.sequencer.notes = notes

    def close(self) -> None:
        while self._stops:
            undo = self._stops.pop()
            try:
                undo()
            except Exception:
                log.exception("closing the transport: %r failed", undo)

    def _start(self, part) -> None:
        part.start()
        self._stops.append(part.stop)

    def _scheduler(self, port):
        from server.io.midi_schedule import MidiScheduler

        self._stops.append(port.delete)  # closes the port and the MIDI client (JACK: a clean exit)
        scheduler = MidiScheduler(port.send_message)
        self._start(scheduler)
        return scheduler

    def _make_clock(self, api: int):
        s = self.settings
        if s.clock == "midi":
            from server.io.midi_clock import MidiClockIn
            from server.io.midi_schedule import open_input

            return MidiClockIn(open_input(CLOCK_IN_PORT, api, s.clock_in))
        if s.clock == "link":
            from server.io.link import LinkClock, LinkPythonSession

            session = LinkPythonSession(s.bpm)
            self._stops.append(session.close)
            return LinkClock(session)
        return InternalClock(s.bpm)


def _notes(preset) -> Optional[tuple]:
    """The preset's groove drum map (GM note per instrument), None without a groove model."""
    return None if preset.groove is None else tuple(preset.groove.notes)
