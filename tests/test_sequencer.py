"""The MIDI-out sequencer over real JACK MIDI ports: the notes played are the pattern's, early
and late offsets land around their step, a new pattern starts on the next bar line."""

from __future__ import annotations

import numpy as np
import pytest
import rtmidi

from jack import Jack, jack_available
from midi_probe import Receiver
from server.core.patterns import GM_NOTES, NINST, STEPS, Pattern
from server.io.clock import InternalClock
from server.io.midi_schedule import MidiScheduler, open_output
from server.io.sequencer import DRUM_CHANNEL, NOTE_OFF, NOTE_ON, Sequencer, midi_velocity

pytestmark = pytest.mark.skipif(not jack_available(), reason="jackd (Debian jackd2) is not "
                                "installed: real MIDI ports need it")

NOTE_ON_10, NOTE_OFF_10 = NOTE_ON | DRUM_CHANNEL, NOTE_OFF | DRUM_CHANNEL


def _pattern(hits) -> Pattern:
    """hits: (instrument, step, velocity, offset) cells."""
    velocity = np.zeros((NINST, STEPS), np.float32)
    offset = np.zeros((NINST, STEPS), np.float32)
    for inst, step, vel, off in hits:
        velocity[inst, step], offset[inst, step] = vel, off
    return Pattern(velocity, offset)


@pytest.fixture
def rig():
    """JACK at 32-frame periods, `latentpad out`, its scheduler and a receiver connected to it."""
    with Jack(period=32):
        port = open_output("latentpad out", rtmidi.API_UNIX_JACK)
        scheduler = MidiScheduler(port.send_message)
        scheduler.start()
        synth = Receiver("latentpad out")
        yield scheduler, synth
        synth.close()
        scheduler.stop()
        port.delete()


def _note_ons(got) -> list:
    return [(when, m[1], m[2]) for when, m in got if m[0] == NOTE_ON_10]


def test_notes_are_the_patterns_with_offsets_early_and_late(rig):
    scheduler, synth = rig
    hits = [(0, 0, 1.0, 0.0), (1, 4, 0.6, -0.4), (2, 6, 0.3, 0.4), (0, 8, 0.8, 0.0),
            (1, 12, 0.5, 0.0), (8, 20, 0.9, -0.2)]
    clock = InternalClock(bpm=100.0)  # 150 ms steps
    sequencer = Sequencer(clock, scheduler)
    sequencer.set_pattern(_pattern(hits))
    sequencer.start()
    clock.start()
    got = synth.wait_for(lambda got: len(_note_ons(got)) >= len(hits))
    sequencer.stop()
    clock.stop()
    played = _note_ons(got)[:len(hits)]
    assert [(note, vel) for _, note, vel in played] == [(GM_NOTES[i], midi_velocity(v)) for i, _, v, _ in hits]
    step0, step_s = clock.time_of(0), clock.step_s
    for (when, _, _), (_, step, _, offset) in zip(played, hits):
        # read on the receiver's clock: JACK period boundaries (0.67 ms) plus wake-ups, far
        # inside a quarter of a step; early hits arrive before their step's time
        assert (when - step0) / step_s == pytest.approx(step + offset, abs=0.25)
    assert played[1][0] < clock.time_of(4)
    offs = [(m[1]) for _, m in synth.wait_for(lambda g: sum(m[0] == NOTE_OFF_10 for _, m in g) >= len(hits))
            if m[0] == NOTE_OFF_10]
    assert offs[:len(hits)] == [GM_NOTES[i] for i, _, _, _ in hits]


def test_a_new_pattern_lands_on_the_next_bar_line(rig):
    scheduler, synth = rig
    every_step = range(STEPS)
    kicks = _pattern([(0, s, 1.0, 0.0) for s in every_step])
    snares = _pattern([(1, s, 1.0, -0.3 if s % 16 == 0 else 0.0) for s in every_step])
    clock = InternalClock(bpm=400.0)
    sequencer = Sequencer(clock, scheduler)
    sequencer.set_pattern(kicks)
    sequencer.start()
    clock.start()
    synth.wait_for(lambda got: len(_note_ons(got)) >= 5)  # mid-bar
    sequencer.set_pattern(snares)
    got = synth.wait_for(lambda got: sum(n == GM_NOTES[1] for _, n, _ in _note_ons(got)) >= 3)
    sequencer.stop()
    clock.stop()
    # the plan, read from the scheduler's log of what it sent and when each was due (arrival
    # order over JACK can blur under load; timing on the wire is the test above's job)
    t0, step_s = clock.time_of(0), clock.step_s
    plan = [(round((due - t0) / step_s), m[1]) for due, _, m in scheduler.sent() if m[0] == NOTE_ON_10]
    kick_steps = [step for step, note in plan if note == GM_NOTES[0]]
    snare_steps = [step for step, note in plan if note == GM_NOTES[1]]
    first_snare = min(snare_steps)
    assert first_snare % 16 == 0 and first_snare > 0  # a bar line after the change
    assert kick_steps == list(range(first_snare))  # every step kicked until then, none after
    assert snare_steps[:3] == [first_snare, first_snare + 1, first_snare + 2]
    arrived = [note for _, note, _ in _note_ons(got)]
    assert arrived.count(GM_NOTES[0]) == first_snare  # and all of it came through the port


def test_stop_sends_the_pending_note_offs_and_no_more_notes(rig):
    scheduler, synth = rig
    clock = InternalClock(bpm=400.0)
    sequencer = Sequencer(clock, scheduler, gate_s=0.5)  # notes still on at stop
    sequencer.set_pattern(_pattern([(0, s, 1.0, 0.0) for s in range(STEPS)]))
    sequencer.start()
    clock.start()
    synth.wait_for(lambda got: len(_note_ons(got)) >= 3)
    sequencer.stop()
    clock.stop()
    got = synth.wait_for(lambda g: sum(m[0] == NOTE_OFF_10 for _, m in g) >= len(_note_ons(g)))
    last_on = max(i for i, (_, m) in enumerate(got) if m[0] == NOTE_ON_10)
    assert all(m[0] == NOTE_OFF_10 for _, m in got[last_on + 1:])


class _HandClock:
    """The clock interface, stepped by hand (for what needs no timing)."""
    step_s = 0.1

    def __init__(self):
        self.listeners = []

    def subscribe(self, fn):
        self.listeners.append(fn)

    def unsubscribe(self, fn):
        self.listeners.remove(fn)

    def time_of(self, step):
        return 100.0 + step * self.step_s

    def step(self, n):
        for fn in list(self.listeners):
            fn(n, self.time_of(n))


class _Capture:
    def __init__(self):
        self.posted = []

    def post(self, when, message):
        self.posted.append((when, message))

    def flush(self, keep):
        pass


def test_a_pattern_of_the_wrong_shape_is_refused_and_the_old_one_plays_on():
    clock, capture = _HandClock(), _Capture()
    sequencer = Sequencer(clock, capture)
    good = _pattern([(0, 1, 1.0, 0.0)])
    sequencer.set_pattern(good)
    sequencer.start()
    with pytest.raises(ValueError, match="instruments"):
        sequencer.set_pattern(Pattern(np.zeros((4, STEPS), np.float32), np.zeros((4, STEPS), np.float32)))
    clock.step(0)  # plans steps 0 and 1
    assert sequencer.pattern is good
    assert capture.posted[0] == (pytest.approx(clock.time_of(1)), [NOTE_ON_10, GM_NOTES[0], 127])


def test_a_song_position_jump_replans_from_the_new_step():
    clock, capture = _HandClock(), _Capture()
    sequencer = Sequencer(clock, capture)
    sequencer.set_pattern(_pattern([(0, s, 1.0, 0.0) for s in range(STEPS)]))
    sequencer.start()
    clock.step(0)
    clock.step(1)  # steps 0, 1, 2 planned
    clock.step(16)  # Live jumped to bar 2: 16 and 17
    on_times = [round((when - 100.0) / clock.step_s) for when, m in capture.posted if m[0] == NOTE_ON_10]
    assert on_times == [0, 1, 2, 16, 17]


def test_serve_midi_out_plays_the_replied_pattern_with_its_micro_timing(tmp_path):
    """End to end: `latentpad serve --midi-out --clock-out`, /pattern/xy over UDP; a full 2-bar
    cycle of notes on `latentpad out` is the replied pattern, notes, velocities and offsets
    (read on the receiver's clock, JACK periods of 2.7 ms), and clock ticks come with it."""
    from support import GROOVE_NOTES, ServerProcess, add_groove, build_bundle
    from server.io.midi_clock import TICK

    root = tmp_path / "presets"
    add_groove(build_bundle(root, "tiny"))
    step_s = 60.0 / (200.0 * 4)
    with Jack(period=128):
        server = ServerProcess(root, tmp_path / "renders", tmp_path / "logs", "--midi-out",
                               "--clock-out", "--bpm", "200")
        synth, clock = Receiver("latentpad out"), Receiver("latentpad clock out")
        client = server.client()
        try:
            client.send("/hello", client.port)
            client.expect("/hello")
            client.send("/pattern/xy", 0.9, 0.1)
            velocity, offset = np.zeros((NINST, STEPS)), np.zeros((NINST, STEPS))
            for _ in range(2 * NINST):
                address, args = client.recv()
                (velocity if address == "/pattern/row" else offset)[args[0]] = args[1:]
            swapped = clock.wait_for(lambda got: got)[-1][0] + 16 * step_s  # the next bar line or before
            got = synth.wait_for(lambda g: g and g[-1][0] > swapped + 2 * 32 * step_s, timeout=20)
            assert clock.wait_for(lambda g: sum(m == [TICK] for _, m in g) > 24)
        finally:
            client.close()
            server.stop()  # the sender first: nothing plays into the probes while they close
            synth.close()
            clock.close()
    assert velocity.any(), "the tiny groove decoded an empty pattern: pick another XY"
    played = [(t, n, v) for t, n, v in _note_ons(got) if t > swapped]
    hits = sorted((col + offset[i, col], GROOVE_NOTES[i], midi_velocity(velocity[i, col]))
                  for i, col in zip(*np.nonzero(velocity)))
    first_pos, first_note, first_vel = hits[0]
    tolerance = 0.4 * step_s  # wide for a loaded machine; note and velocity must match too

    def cycle_at(start: float) -> bool:
        """Each hit of the pattern is played in place in the cycle from `start`, and each note
        played between its first and last hit is one of them."""
        if not all(any(abs(t - (start + pos * step_s)) < tolerance and (n, v) == (note, vel)
                       for t, n, v in played) for pos, note, vel in hits):
            return False
        inside = [(t, n, v) for t, n, v in played
                  if start + hits[0][0] * step_s <= t <= start + hits[-1][0] * step_s]
        return all(any(abs(t - (start + pos * step_s)) < tolerance and (n, v) == (note, vel)
                       for pos, note, vel in hits) for t, n, v in inside)

    starts = [t - first_pos * step_s for t, n, v in played if (n, v) == (first_note, first_vel)]
    assert any(cycle_at(start) for start in starts if start + 32 * step_s < played[-1][0])
