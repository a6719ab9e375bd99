"""MIDI in: backend choice, the input router, one input port and its hot-plug watcher.

Ports are python-rtmidi's (the library under mido's rtmidi backend), used directly: the router
reads the raw 1-3 bytes of a channel message, so no message object is built per event on the
receive path. Backend: JACK when a JACK server is running, else ALSA on Linux; CoreMIDI on
macOS, WinMM on Windows.

Real-time rules. `MidiRouter.feed` runs on the MIDI thread (JACK's process thread under JACK):
it decodes and maps only, and holds the router's lock for a few dict/deque operations. Notes go
into a bounded deque (the oldest is dropped, and counted, when it is full); CCs are coalesced per
target, latest wins (relative encoders add up their steps), so a 10 kHz flood holds at most one
pending value per bound target. One drain at a time is scheduled on the event loop with
`call_soon_threadsafe`; there it triggers pads (`App.trigger`) and turns CCs into the same OSC
requests a client would send, through `App.handle`: same decode, engine, render and replies.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import sys
import threading
import time
from typing import Callable, Optional

from server.core.controllers import LAST_PAD, ControllerMap
from server.core.engine import PATTERN_START_XY
from server.core.errors import ConfigError
from server.core.protocol import LATENT_ABS_MAX

log = logging.getLogger("server.midi")

VIRTUAL = "virtual"  # --midi-in virtual: open our own port instead of a controller's
VIRTUAL_PORT = "latentpad in"
CLIENT_NAME = "latentpad"
NOTE_CAPACITY = 256  # pending note-ons between two drains; more means the loop is stalled
POLL_S = 0.5  # hot-plug watcher: how often the port list is read
NOTE_ON, CONTROL_CHANGE = 0x90, 0xB0


@contextlib.contextmanager
def quiet_stderr():
    """libjack prints 'cannot connect to server' lines on fd 2 when no server runs; a probe
    should say that once, in its own words."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def jack_running() -> bool:
    import rtmidi

    if rtmidi.API_UNIX_JACK not in rtmidi.get_compiled_api():
        return False
    with quiet_stderr():
        try:
            rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name=f"{CLIENT_NAME}-probe").delete()
            return True
        except rtmidi.RtMidiError:  # rtmidi's SystemError: no server (it never starts one)
            return False


def choose_api() -> int:
    """JACK when a server is running; else the platform's own API (ALSA, CoreMIDI, WinMM)."""
    import rtmidi

    if jack_running():
        return rtmidi.API_UNIX_JACK
    problems = []
    for api in (rtmidi.API_LINUX_ALSA, rtmidi.API_MACOSX_CORE, rtmidi.API_WINDOWS_MM):
        if api in rtmidi.get_compiled_api():
            try:
                with quiet_stderr():  # alsa-lib prints its own error too
                    rtmidi.MidiIn(api, name=f"{CLIENT_NAME}-probe").delete()
                return api
            except rtmidi.RtMidiError as exc:
                problems.append(f"{api_name(api)}: {exc}")
    raise ConfigError("no MIDI API usable here (" + "; ".join(problems + ["JACK: no server running"])
                      + "); on Linux start a JACK server (jackd -d dummy) or load the ALSA sequencer (snd-seq)")


def api_name(api: int) -> str:
    import rtmidi

    return rtmidi.get_api_display_name(api)


def match_port(names: list, wanted: tuple) -> Optional[str]:
    """The first port whose name contains one of `wanted` (tried in order, case-insensitive)."""
    for part in wanted:
        for name in names:
            if part.lower() in name.lower():
                return name
    return None


class MidiRouter:
    """Maps raw MIDI to pad triggers and engine requests. `feed` on the MIDI thread, `_drain`
    on the event loop (see the module docstring)."""

    def __init__(self, app, controller: ControllerMap, loop, note_capacity: int = NOTE_CAPACITY):
        self.app = app
        self.controller = controller
        self._loop = loop
        self._lock = threading.Lock()
        self._notes: collections.deque = collections.deque(maxlen=note_capacity)
        self._ccs: dict = {}  # (binding, pad) -> value 0..1 (absolute) or summed ticks (relative)
        self._scheduled = False
        self._last_pad = 0  # the pad the last mapped note hit (CC "pad": "last")
        self._pattern_xy = PATTERN_START_XY  # where MIDI last put the pattern (it moves one axis)
        # received: every message; notes: mapped note-ons among them; applied: triggers and CC
        # requests handed to the App; coalesced: CC values replaced before a drain; dropped: notes
        # pushed out of a full queue; ignored: unmapped, other channels, note-offs
        self.counters = dict.fromkeys(("received", "notes", "applied", "coalesced", "dropped", "ignored"), 0)
        self.max_pending_notes = 0
        self.max_pending_ccs = 0

    # --- MIDI thread ----------------------------------------------------------------------------
    def feed(self, data, arrived: float) -> None:
        """One channel message (its raw bytes) that arrived at time.perf_counter() `arrived`."""
        self.counters["received"] += 1
        if len(data) != 3 or (self.controller.channel is not None
                              and (data[0] & 0x0F) + 1 != self.controller.channel):
            self.counters["ignored"] += 1
            return
        kind, number, value = data[0] & 0xF0, data[1], data[2]
        if kind == NOTE_ON and value > 0 and number in self.controller.pad_of_note:
            self._note(self.controller.pad_of_note[number], value / 127.0, arrived)
        elif kind == CONTROL_CHANGE and number in self.controller.ccs:
            self._cc(self.controller.ccs[number], value)
        else:  # note-offs (one-shots play out), unmapped notes and CCs, other messages
            self.counters["ignored"] += 1

    def _note(self, pad: int, velocity: float, arrived: float) -> None:
        self.counters["notes"] += 1
        self._last_pad = pad
        with self._lock:
            if len(self._notes) == self._notes.maxlen:
                self.counters["dropped"] += 1  # the deque drops the oldest
            self._notes.append((pad, velocity, arrived))
            self.max_pending_notes = max(self.max_pending_notes, len(self._notes))
            schedule, self._scheduled = not self._scheduled, True
        if schedule:
            self._schedule()

    def _cc(self, bindings: tuple, value: int) -> None:
        with self._lock:
            for b in bindings:
                pad = self._last_pad if b.pad == LAST_PAD else b.pad
                key = (b, pad)
                old = self._ccs.get(key)
                if old is not None:
                    self.counters["coalesced"] += 1
                if b.target == "pattern_fill":  # a press is kept until the drain, whatever follows
                    self._ccs[key] = max(old or 0.0, value / 127.0)
                elif b.mode == "relative":  # 1..63 up, 65..127 down (two's complement)
                    ticks = value - 128 if value >= 64 else value
                    self._ccs[key] = ticks + (old or 0)
                else:
                    self._ccs[key] = value / 127.0
            self.max_pending_ccs = max(self.max_pending_ccs, len(self._ccs))
            schedule, self._scheduled = not self._scheduled, True
        if schedule:
            self._schedule()

    def _schedule(self) -> None:
        try:
            self._loop.call_soon_threadsafe(self._drain)
        except RuntimeError:  # the loop is closed: shutting down
            pass

    def pending(self) -> tuple:
        """(notes, CC targets) waiting for the next drain."""
        with self._lock:
            return len(self._notes), len(self._ccs)

    # --- event loop -----------------------------------------------------------------------------
    def _drain(self) -> None:
        with self._lock:
            notes = list(self._notes)
            self._notes.clear()
            ccs, self._ccs = self._ccs, {}
            self._scheduled = False
        for pad, velocity, arrived in notes:
            self.app.trigger(pad, velocity, arrived)
        self.counters["applied"] += len(notes)
        for (binding, pad), value in ccs.items():
            message = self._request(binding, pad, value)
            if message is None:
                self.counters["ignored"] += 1
                continue
            self.app.handle(*message, self.app.midi_sender())
            self.counters["applied"] += 1

    def _request(self, b, pad: Optional[int], value) -> Optional[tuple]:
        """(address, args) for one coalesced CC: the OSC message a client would have sent."""
        engine = self.app.engine

        def moved(current: float) -> float:
            if b.mode == "absolute":
                return b.low + value * (b.high - b.low)
            lo, hi = min(b.low, b.high), max(b.low, b.high)
            return min(max(current + value * b.step * (b.high - b.low), lo), hi)

        if b.target in ("pad_x", "pad_y"):
            x, y = engine.pad(pad).xy or (0.5, 0.5)
            x, y = (moved(x), y) if b.target == "pad_x" else (x, moved(y))
            return "/pad/xy", (pad, x, y)
        if b.target == "latent":
            z = [float(v) for v in engine.pad(pad).z]
            if b.axis >= len(z):  # the preset's latent is smaller than the map assumed
                return None
            z[b.axis] = min(max(moved(z[b.axis]), -LATENT_ABS_MAX), LATENT_ABS_MAX)
            return "/pad/latent", (pad, *z)
        if b.target in ("pattern_x", "pattern_y"):
            x, y = self._pattern_xy
            self._pattern_xy = (moved(x), y) if b.target == "pattern_x" else (x, moved(y))
            return "/pattern/xy", self._pattern_xy
        controls = engine.controls
        if b.target == "pattern_fill":
            return ("/pattern/fill", ()) if value >= 0.5 else None
        if b.target == "pattern_swing":
            return "/pattern/swing", (min(max(moved(controls.swing), 0.0), 1.0),)
        if b.target == "pattern_density":
            current = controls.density[b.instrument if b.instrument is not None else 0]
            density = moved(current)
            return "/pattern/density", (density,) if b.instrument is None else (b.instrument, density)
        return "/pattern/temperature", (moved(controls.temperature),)

    def stats(self) -> dict:
        notes, ccs = self.pending()
        return {**self.counters, "pending_notes": notes, "pending_ccs": ccs,
                "max_pending_notes": self.max_pending_notes, "max_pending_ccs": self.max_pending_ccs}


class MidiInput:
    """One rtmidi input: our virtual port, or the first port whose name contains one of
    `wanted`, reopened by a watcher thread when it vanishes and comes back (checked every
    `poll_s`; a port that goes and returns between two checks is not noticed)."""

    def __init__(self, wanted: tuple, feed: Callable, api: int, poll_s: float = POLL_S):
        self.wanted = wanted
        self.api = api
        self.port: Optional[str] = None  # the port we are connected to (None: waiting for it)
        self._feed = feed
        self._poll_s = poll_s
        self._midi = None
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="latentpad-midi-watch", daemon=True)
        self.reconnects = 0

    @property
    def virtual(self) -> bool:
        return self.wanted == (VIRTUAL,)

    def start(self) -> None:
        import rtmidi

        try:
            self._midi = rtmidi.MidiIn(self.api, name=CLIENT_NAME)
        except rtmidi.RtMidiError as exc:
            raise ConfigError(f"cannot open MIDI ({api_name(self.api)}): {exc}") from exc
        self._midi.ignore_types(sysex=True, timing=True, active_sense=True)
        if self.virtual:
            try:
                self._midi.set_callback(self._callback)
                self._midi.open_virtual_port(VIRTUAL_PORT)
            except (rtmidi.RtMidiError, NotImplementedError) as exc:
                raise ConfigError(f"{api_name(self.api)} has no virtual MIDI ports ({exc}); give "
                                  "--midi-in with the name of a port to read") from exc
            self.port = VIRTUAL_PORT
            log.info("midi in: virtual port %r (%s)", VIRTUAL_PORT, api_name(self.api))
            return
        names = self._midi.get_ports()
        if not self._open(names):
            log.warning("midi in: no input matches %s yet (inputs now: %s); it is opened when it "
                        "appears", " or ".join(map(repr, self.wanted)), ", ".join(names) or "none")
        self._watcher.start()

    def _callback(self, event, data=None) -> None:  # rtmidi's thread
        self._feed(event[0], time.perf_counter())

    def _open(self, names: list) -> bool:
        name = match_port(names, self.wanted)
        if name is None:
            return False
        self._midi.set_callback(self._callback)  # close_port cancels the callback
        self._midi.open_port(names.index(name), "in")
        self.port = name
        log.info("midi in: %r (%s)", name, api_name(self.api))
        return True

    def _watch(self) -> None:
        failing = False
        while not self._stop.wait(self._poll_s):
            try:
                self.check()
                failing = False
            except Exception:  # e.g. the JACK server went away: say so once, keep watching
                if not failing:
                    log.exception("midi in: checking the port list failed")
                failing = True

    def check(self) -> None:
        """One watcher step: notice the port vanish, or reopen it when it is back."""
        names = self._midi.get_ports()
        if self.port is not None and self.port not in names:
            log.warning("midi in: %r vanished; waiting for it to come back", self.port)
            self._midi.close_port()
            self.port = None
        elif self.port is None and self._open(names):
            self.reconnects += 1
            log.warning("midi in: %r is back", self.port)

    def close(self) -> None:
        self._stop.set()
        if self._watcher.is_alive():
            self._watcher.join(5.0)
        if self._midi is not None:
            self._midi.close_port()
            self._midi.delete()
            self._midi = None


class Midi:
    """The server's MIDI input: a controller map, a router and a port (`App.midi`)."""

    def __init__(self, app, controller: ControllerMap, wanted: tuple, loop, api: Optional[int] = None,
                 poll_s: float = POLL_S):
        self.controller = controller
        self.router = MidiRouter(app, controller, loop)
        self.input = MidiInput(wanted, self.router.feed, choose_api() if api is None else api, poll_s)

    def start(self) -> None:
        self.input.start()

    def close(self) -> None:
        self.input.close()
        log.info("midi in: closed; %s", ", ".join(f"{k} {v}" for k, v in self.router.stats().items()))


def start_midi(app, loop) -> Midi:
    """The MIDI input `serve --midi-in NAME|virtual [--controller MAP]` asks for, started."""
    from server.core.controllers import load_map

    s = app.settings
    controller = load_map(s.controller or "gm_pads", s.presets_dir)
    wanted = (s.midi_in,) if s.midi_in else controller.ports
    if not wanted:
        raise ConfigError(f"--controller {controller.name} names no port: give --midi-in NAME "
                          "(part of the port's name) or --midi-in virtual")
    midi = Midi(app, controller, wanted, loop)
    midi.start()
    return midi
