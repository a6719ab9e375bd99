"""Timed MIDI output: a scheduler thread that sends each message at its monotonic time.

Producers (the sequencer, MIDI clock out) `post(when, message)` ahead of time, from any thread;
one thread sleeps until the earliest message is due and sends it, so a send is never later than
the OS lets a thread wake, and never early. Each send's lateness (actual send time minus
scheduled time, both `time.monotonic()`) can be read back from a bounded log (`sent()`) for
`latentpad bench`.

Ports are python-rtmidi ports; `open_output` makes a virtual output port (what Live or a synth
connects to) on the MIDI API the server uses (JACK when a JACK server runs; see server.io.midi.choose_api).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections import deque
from typing import Callable, Optional

from server.core.errors import ConfigError
from server.io.clock import sleep_until

log = logging.getLogger("server.midi.out")

SPIN_S = 0.002  # the last 2 ms before a send are waited out by sleep_until, not the condition


def open_output(port_name: str, api: int):
    """A virtual output port named `port_name` on rtmidi API `api` (server.io.midi.choose_api picks
    one); ConfigError saying what to do if none opens."""
    import rtmidi

    try:
        port = rtmidi.MidiOut(api, name="latentpad")
        port.open_virtual_port(port_name)
    except rtmidi.RtMidiError as exc:
        raise ConfigError(f"cannot open MIDI output {port_name!r} ({rtmidi.get_api_display_name(api)}): "
                          f"{exc}; on Linux start JACK (jackd -d dummy) or load the ALSA sequencer") from exc
    return port


def open_input(port_name: str, api: int, connect_to: Optional[str] = None):
    """A virtual input port named `port_name`, or (with `connect_to`) an input connected to the
    first existing output port whose name contains `connect_to`."""
    import rtmidi

    try:
        port = rtmidi.MidiIn(api, name="latentpad")
        if connect_to is None:
            port.open_virtual_port(port_name)
        else:
            names = port.get_ports()
            match = [i for i, name in enumerate(names) if connect_to in name]
            if not match:
                raise ConfigError(f"no MIDI output port named like {connect_to!r}; ports: "
                                  f"{', '.join(names) or 'none'} (see `latentpad doctor`)")
            port.open_port(match[0], port_name)
    except rtmidi.RtMidiError as exc:
        raise ConfigError(f"cannot open MIDI input {port_name!r} ({rtmidi.get_api_display_name(api)}): "
                          f"{exc}; on Linux start JACK (jackd -d dummy) or load the ALSA sequencer") from exc
    port.ignore_types(sysex=True, timing=False, active_sense=True)  # clock bytes are wanted
    return port


class MidiScheduler:
    """Sends `post`ed messages at their time on one thread; `sent()` for the bench."""

    def __init__(self, send: Callable[[list], None], keep: int = 100_000):
        self._send = send
        self._heap: list = []
        self._order = itertools.count()  # equal times keep their posting order
        self._wake = threading.Condition(threading.Lock())
        self._sent = deque(maxlen=keep)  # (scheduled, sent, message), for the bench
        self._sending = threading.Lock()  # flush() from another thread vs the scheduler's sends
        self._running = False
        self._thread: Optional[threading.Thread] = None

    def start(self) -> None:
        self._running = True
        self._thread = threading.Thread(target=self._run, name="latentpad-midi-out", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the thread, then send at once what is still pending: what producers kept when
        they stopped (note-offs, a clock Stop)."""
        with self._wake:
            self._running = False
            self._wake.notify()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.flush(keep=lambda message: True)

    def post(self, when: float, message: list) -> None:
        with self._wake:
            heapq.heappush(self._heap, (when, next(self._order), message))
            if self._heap[0][2] is message:
                self._wake.notify()

    def flush(self, keep: Callable[[list], bool]) -> None:
        """Send now the pending messages `keep` accepts (note-offs on stop); drop the rest."""
        with self._wake:
            pending, self._heap = sorted(self._heap), []
        with self._sending:
            for _, _, message in pending:
                if keep(message):
                    self._send(message)

    def sent(self) -> list:
        """(scheduled, actual send, message) of the last timed sends, oldest first (monotonic s)."""
        return list(self._sent)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._running:
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    if wait is not None and wait <= SPIN_S:
                        break
                    self._wake.wait(None if wait is None else wait - SPIN_S)
                if not self._running:
                    return
                when, _, message = heapq.heappop(self._heap)
            sleep_until(when)
            with self._sending:
                self._sent.append((when, time.monotonic(), message))
                self._send(message)
