"""The Link clock adapter on a fake session (Link's multicast never leaves a test)."""

from __future__ import annotations

import threading

import pytest

from server.io.link import QUANTUM, FakeLinkSession, LinkClock
from support import collect_steps


def test_steps_follow_the_session_beat_and_its_bar_phase():
    session = FakeLinkSession(bpm=300.0)
    session.set_tempo(300.0)  # anchored now, at whatever beat the session had reached
    seen = [(step, when) for step, when, _ in collect_steps(LinkClock(session), 20)]
    steps = [s for s, _ in seen]
    assert steps == list(range(steps[0], steps[0] + 20))
    for step, when in seen:
        assert session.beat_at(when) == pytest.approx(step / 4, abs=1e-6)  # on the Link timeline
        if step % 16 == 0:  # a bar line here is a bar line in Live
            phase = session.phase_at(when)
            assert min(phase, QUANTUM - phase) < 1e-6


def test_a_peer_tempo_change_spaces_the_next_steps_at_the_new_tempo():
    session = FakeLinkSession(bpm=300.0)
    marks = []

    def peer(step):
        marks.append(step)
        if len(marks) == 3:
            session.set_tempo(150.0)  # a peer (Live) halves the tempo

    seen = [(step, when) for step, when, _ in collect_steps(LinkClock(session), 8, peer)]
    gaps = [b - a for (_, a), (_, b) in zip(seen, seen[1:])]
    assert gaps[0] == pytest.approx(0.05, abs=1e-6)
    assert gaps[-1] == pytest.approx(0.1, abs=1e-6)


def test_no_steps_while_the_session_is_stopped_and_steps_again_when_it_plays():
    session = FakeLinkSession(bpm=400.0, playing=False)
    clock = LinkClock(session)
    seen, third = [], threading.Event()

    def record(step, when):
        seen.append(step)
        if len(seen) == 3:
            third.set()

    clock.subscribe(record)
    clock.start()
    assert not clock.running
    assert not third.wait(0.3) and seen == []  # stopped: the thread idles
    session.set_playing(True)
    assert third.wait(10)
    assert clock.running
    session.set_playing(False)
    clock.stop()
    assert seen[1:3] == [seen[0] + 1, seen[0] + 2]


def test_set_bpm_goes_to_the_session_and_bad_tempos_are_refused():
    session = FakeLinkSession(bpm=120.0)
    clock = LinkClock(session)
    clock.set_bpm(96.0)
    assert session.tempo() == 96.0 and clock.bpm == 96.0
    assert clock.step_s == pytest.approx(60 / (96 * 4))
    with pytest.raises(ValueError):
        clock.set_bpm(0.0)
    assert session.tempo() == 96.0
