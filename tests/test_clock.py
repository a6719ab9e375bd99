"""The internal clock's schedule, and MIDI clock in and out over real JACK MIDI ports."""

from __future__ import annotations

import threading
import time

import pytest
import rtmidi

from jack import Jack, jack_available
from midi_probe import Receiver, Sender
from server.io.clock import InternalClock, sleep_until
from server.io.midi_clock import (CONTINUE, SONG_POSITION, START, STOP, TICK, ClockFollower,
                                  MidiClockIn, MidiClockOut)
from server.io.midi_schedule import MidiScheduler, open_input, open_output
from support import collect_steps


def test_steps_count_from_zero_on_a_computed_schedule_and_never_fire_early():
    clock = InternalClock(bpm=375.0)  # 40 ms steps
    seen = collect_steps(clock, 12)
    steps, whens, called = zip(*seen)
    assert steps == tuple(range(12))
    for step, when in zip(steps, whens):
        assert when == pytest.approx(whens[0] + step * 0.04, abs=1e-9)  # computed, not accumulated
    assert all(c >= w for w, c in zip(whens, called))
    assert not clock.running


def test_a_tempo_change_keeps_the_next_step_and_spaces_the_rest_at_the_new_tempo():
    clock = InternalClock(bpm=300.0)  # 50 ms steps
    seen, done = [], threading.Event()

    def on_step(step, when):
        seen.append(when)
        if step == 2:
            clock.set_bpm(150.0)  # 100 ms steps from step 4 on
        if step == 6:
            done.set()

    clock.subscribe(on_step)
    clock.start()
    assert done.wait(10)
    clock.stop()
    gaps = [b - a for a, b in zip(seen, seen[1:])]
    assert gaps[:3] == pytest.approx([0.05] * 3, abs=1e-9)
    assert gaps[3:6] == pytest.approx([0.1] * 3, abs=1e-9)
    assert clock.bpm == 150.0


def test_a_failing_subscriber_does_not_stop_the_clock(caplog):
    clock = InternalClock(bpm=400.0)

    def broken(step, when):
        raise RuntimeError("listener bug")

    clock.subscribe(broken)
    seen = collect_steps(clock, 5)
    assert [s for s, _, _ in seen] == [0, 1, 2, 3, 4]
    assert sum("listener bug" in r.getMessage() or "listener bug" in str(r.exc_info) for r in caplog.records) == 1


@pytest.mark.parametrize("bpm", [0, 19.9, 401, float("nan")])
def test_an_impossible_tempo_is_refused_and_changes_nothing(bpm):
    clock = InternalClock(bpm=120.0)
    with pytest.raises(ValueError, match="bpm"):
        clock.set_bpm(bpm)
    assert clock.bpm == 120.0


def test_the_follower_estimates_tempo_through_jitter_and_reads_song_position():
    follower = ClockFollower()
    tick_s = 60.0 / (128.0 * 24)
    follower.feed([SONG_POSITION, 32 & 0x7F, 32 >> 7], 0.0)  # bar 3 = 32 sixteenths
    follower.feed([CONTINUE], 0.0)
    jitter = [0.0012, -0.0009, 0.0004, -0.0013, 0.0008, 0.0]  # +-1.3 ms, a JACK period's worth
    steps = [follower.feed([TICK], 1.0 + i * tick_s + jitter[i % 6]) for i in range(48)]
    assert [s for s in steps if s is not None] == list(range(32, 40))
    assert follower.bpm == pytest.approx(128.0, rel=0.01)
    follower.feed([STOP], 2.0)
    assert follower.feed([TICK], 2.0 + tick_s) is None and not follower.running


# --- over real JACK MIDI ports ---------------------------------------------------------------
needs_jack = pytest.mark.skipif(not jack_available(), reason="jackd (Debian jackd2) is not installed: "
                                "real MIDI ports need it")


@pytest.fixture
def jack32():
    with Jack(period=32) as server:
        yield server


@needs_jack
def test_midi_clock_in_follows_tempo_start_stop_and_song_position(jack32):
    clock = MidiClockIn(open_input("latentpad clock in", rtmidi.API_UNIX_JACK))
    steps = []
    clock.subscribe(lambda step, when: steps.append(step))
    clock.start()
    live = Sender("latentpad clock in")
    try:
        tick_s = 60.0 / (140.0 * 24)
        live.send(SONG_POSITION, 16, 0)  # bar 2
        live.send(CONTINUE)
        start = time.monotonic()
        for i in range(96):  # 4 beats, timed by the sender like Live's clock
            sleep_until(start + i * tick_s)
            live.send(TICK)
        deadline = time.monotonic() + 5
        while len(steps) < 16 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert steps == list(range(16, 32))
        assert clock.running
        assert clock.bpm == pytest.approx(140.0, rel=0.02)
        live.send(STOP)
        live.send(TICK)  # stopped: a tick keeps the tempo but plays no step
        deadline = time.monotonic() + 5
        while clock.running and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not clock.running
        live.send(START)
        live.send(TICK)  # the first tick after Start is position 0
        deadline = time.monotonic() + 5
        while steps[-1] != 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert steps[16:] == [0]
    finally:
        live.close()
        clock.stop()


@needs_jack
def test_midi_clock_out_sends_start_ticks_at_the_tempo_and_stop(jack32):
    port = open_output("latentpad clock out", rtmidi.API_UNIX_JACK)
    scheduler = MidiScheduler(port.send_message)
    scheduler.start()
    clock = InternalClock(bpm=150.0)
    out = MidiClockOut(clock, scheduler)
    synth = Receiver("latentpad clock out")
    try:
        out.start()
        clock.start()
        synth.wait_for(lambda got: sum(m == [TICK] for _, m in got) >= 72)  # 3 beats
        out.stop()
        clock.stop()
        got = synth.wait_for(lambda got: [STOP] in [m for _, m in got])
        messages = [m for _, m in got]
        assert messages[0] == [START]
        assert messages[-1] == [STOP]
        assert set(map(tuple, messages[1:-1])) == {(TICK,)}
        follower = ClockFollower()
        for when, message in got:  # the receiver's clock: JACK period boundaries, 0.67 ms
            follower.feed(message, when)
        assert follower.bpm == pytest.approx(150.0, rel=0.02)
    finally:
        synth.close()
        scheduler.stop()
        port.delete()
