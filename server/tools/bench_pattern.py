"""`latentpad bench` sections for drum patterns and the server's clock.

1. `/pattern/xy` -> all 18 replies (9 `/pattern/row`, 9 `/pattern/offset`) from a real server
   subprocess over UDP, one move at a time: latency from the send to the 18th datagram. While
   the clock runs the client reads only each reply's address (parsing 18 rows of 33 arguments
   with python-osc cost the client itself about 0.25 ms, which the figure counted); the rows are
   parsed and checked after. The reference, in the same run: the groove decoder plus
   post-processing, in-process.
2. MIDI-out timing: the sequencer plays a busy pattern (16ths with early and late offsets) on
   the internal clock through a JACK dummy server the bench starts (its own name, 32-frame
   periods = 0.67 ms at 48 kHz). Two figures per message, both against the schedule:
   *send* = the scheduler's send time minus the scheduled time (time.monotonic());
   *receive* = arrival at a JACK MIDI input port (time.monotonic() in its callback) minus the
   scheduled time: JACK hands MIDI over at period boundaries, so this one includes up to one
   period of quantisation and the receiving thread's wake-up.
"""

from __future__ import annotations

import tempfile
import time

import numpy as np
from pythonosc.osc_message import OscMessage
from pythonosc.parsing import osc_types

from server.io import jackd
from server.io.jackd import DummyJack
from server.tools.bench import _served, _stats_ms

MOVES = 300
JITTER_BPM = 240.0
JITTER_SECONDS = 8.0
JACK_PERIOD = 32


def measure(args) -> dict:
    from server.presets.bundle import load_preset

    if load_preset(args.presets_dir, args.preset).groove is None:
        result = {"skipped": f"preset {args.preset} has no groove model"}
    else:
        result = {"pattern_xy": _pattern_round_trips(args), "groove": _groove_reference(args)}
        result["pattern_xy"]["p99_over_groove_p99"] = result["pattern_xy"]["p99_ms"] / result["groove"]["p99_ms"]
    result["midi_out"] = _midi_out_jitter()
    return result


def lines(result: dict) -> list:
    from server.tools.bench import _line

    midi = result["midi_out"]
    if "skipped" in result:
        out = [f"{'pattern/xy -> 18 replies':<28} skipped: {result['skipped']}"]
    else:
        xy, groove = result["pattern_xy"], result["groove"]
        out = [_line("pattern/xy -> 18 replies", xy, f"lost {xy['lost']}, p99 = "
                     f"{xy['p99_over_groove_p99']:.1f}x groove p99 (target p99 <= 2 ms)"),
               _line("groove decode in-process", groove, "(decoder + shape, batch 1)")]
    if "skipped" in midi:
        return out + [f"{'midi out timing':<28} skipped: {midi['skipped']}"]
    return out + [
        _line("midi out, at send", midi["send"], f"scheduler clock; {midi['messages']} messages at "
              f"{midi['bpm']:g} bpm (target p99 <= 1 ms)"),
        _line("midi out, at JACK input", midi["receive"], f"receiver's clock, JACK period "
              f"{midi['period_ms']:.2f} ms; lost {midi['lost']}")]


# --- /pattern/xy through a server ---------------------------------------------------------------
def _pattern_round_trips(args) -> dict:
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-") as render_dir:
        with _served(args, render_dir) as client:
            rng = np.random.default_rng(0)
            times, lost = [], 0
            moves = getattr(args, "moves", None) or MOVES
            for _ in range(moves):
                x, y = (float(v) for v in rng.random(2))
                start = time.perf_counter()
                client.send("/pattern/xy", x, y)
                replies = []
                while len(replies) < 18:
                    data = client.recv_datagram(2.0)
                    if data is None:
                        break
                    address = osc_types.get_string(data, 0)[0]  # the address only, while timing
                    if address == "/error":
                        raise SystemExit(f"latentpad bench: /pattern/xy failed: {OscMessage(data).params} "
                                         "(does --preset have a groove model?)")
                    if address in ("/pattern/row", "/pattern/offset"):
                        replies.append(data)
                if len(replies) == 18:
                    times.append(time.perf_counter() - start)
                    _check_rows(replies)
                else:
                    lost += 1
    return _stats_ms(times) | {"lost": lost, "moves": moves}


def _check_rows(replies: list) -> None:
    """After the clock stopped: the 18 replies parse, one row and one offset row per instrument."""
    from server.core.patterns import NINST, STEPS

    rows = [OscMessage(data) for data in replies]
    for address in ("/pattern/row", "/pattern/offset"):
        got = sorted(m.params[0] for m in rows if m.address == address)
        if got != list(range(NINST)) or any(len(m.params) != 1 + STEPS for m in rows):
            raise SystemExit(f"latentpad bench: {address} replies were not one row of {STEPS} steps per "
                             f"instrument: {got}")


def _groove_reference(args, runs: int = 300) -> dict:
    from server.core.engine import Engine
    from server.core.protocol import PatternXY
    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    from server.workers.pattern_worker import decode_pattern

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    engine = Engine(models.preset, 0)
    rng = np.random.default_rng(1)
    jobs = [engine.apply_pattern(PatternXY(*(float(v) for v in rng.random(2)))) for _ in range(runs)]
    times = []
    for job in jobs:
        start = time.perf_counter()
        decode_pattern(models.groove, job)
        times.append(time.perf_counter() - start)
    return _stats_ms(times)


# --- MIDI out through JACK -------------------------------------------------------------------
def _busy_pattern():
    """Hats on every 16th (alternately 0.2 early and late), kick and snare on the beats."""
    from server.core.patterns import NINST, STEPS, Pattern

    velocity = np.zeros((NINST, STEPS), np.float32)
    offset = np.zeros((NINST, STEPS), np.float32)
    velocity[2, :], offset[2, :] = 0.6, np.where(np.arange(STEPS) % 2, 0.2, -0.2)
    velocity[0, ::8] = 1.0
    velocity[1, 4::8], offset[1, 4::8] = 0.9, -0.1
    return Pattern(velocity, offset)


def _midi_out_jitter() -> dict:
    if not jackd.available():
        return {"skipped": "jackd is not installed (Debian jackd2)"}
    try:
        with DummyJack(48000, JACK_PERIOD, prefix="latentpad-bench-pattern"):
            return _play_and_measure()
    except RuntimeError as exc:  # jackd did not start
        return {"skipped": str(exc)}


def _play_and_measure() -> dict:
    import rtmidi

    from server.io.clock import InternalClock
    from server.io.midi_schedule import MidiScheduler, open_output
    from server.io.sequencer import Sequencer

    port = open_output("latentpad out", rtmidi.API_UNIX_JACK)
    receiver = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name="latentpad-bench")
    arrivals = []
    try:
        receiver.open_port([i for i, n in enumerate(receiver.get_ports()) if n.endswith("latentpad out")][0],
                           "bench in")
        receiver.set_callback(lambda event, data=None: arrivals.append((time.monotonic(), event[0])))
        scheduler = MidiScheduler(port.send_message)
        scheduler.start()
        clock = InternalClock(JITTER_BPM)
        sequencer = Sequencer(clock, scheduler)
        sequencer.set_pattern(_busy_pattern())
        sequencer.start()
        clock.start(time.monotonic() + 0.1)
        time.sleep(JITTER_SECONDS)
        clock.stop()
        time.sleep(0.3)  # the notes planned ahead play out, on schedule
        sequencer.stop()
        scheduler.stop()
        time.sleep(0.1)  # the last arrivals
        sent = scheduler.sent()
    finally:
        receiver.cancel_callback()
        receiver.delete()
        port.delete()
    received = _match(sent, arrivals)
    return {"send": _stats_ms([at - when for when, at, _ in sent]),
            "receive": _stats_ms(received),
            "messages": len(sent), "lost": len(sent) - len(received), "bpm": JITTER_BPM,
            "period_ms": 1000.0 * JACK_PERIOD / 48000, "seconds": JITTER_SECONDS}


def _match(sent: list, arrivals: list, give_up_s: float = 0.05) -> list:
    """Arrival minus schedule per message: the i-th arrival of some bytes is the earliest send of
    the same bytes not yet matched and scheduled at most `give_up_s` before it (older: lost)."""
    from collections import defaultdict, deque

    pending = defaultdict(deque)
    for when, _, message in sent:
        pending[tuple(message)].append(when)
    lateness = []
    for at, message in arrivals:
        queue = pending[tuple(message)]
        while queue and queue[0] < at - give_up_s:
            queue.popleft()
        if queue:
            lateness.append(at - queue.popleft())
    return lateness
