"""What a performer reaches for: /pattern/swing, /pattern/fill, /pattern/change, /pattern/countin
over real UDP (a tiny groove model built in the test), and the MIDI-out sequencer's fill,
count-in and change-now driven step by step through its clock callback."""
from __future__ import annotations

import numpy as np
import pytest

from server.core.patterns import NINST, STEPS, Controls, Pattern, shape
from server.io.sequencer import COUNT_NOTE, COUNT_VELOCITY, NOTE_ON, Sequencer
from support import add_groove, build_bundle, read_manifest, write_manifest

BAR = STEPS // 2


@pytest.fixture(scope="module")
def presets(tmp_path_factory):
    root = tmp_path_factory.mktemp("groove_controls")
    add_groove(build_bundle(root, "tiny"))
    filled = add_groove(build_bundle(root, "filled"))
    manifest = read_manifest(filled)
    manifest["groove"]["fill"] = [1.5, -1.0, 0.5, 2.0]
    write_manifest(filled, manifest)
    return root


def _rows(client, row: str, offset: str, steps: int) -> tuple:
    velocity, off = np.full((NINST, steps), np.nan), np.full((NINST, steps), np.nan)
    for _ in range(2 * NINST):
        address, args = client.recv()
        assert address in (row, offset), (address, args)
        assert len(args) == 1 + steps
        (velocity if address == row else off)[args[0]] = args[1:]
    assert not np.isnan(velocity).any() and not np.isnan(off).any()
    return velocity, off


def test_swing_delays_the_off_eighth_sixteenths(presets, start_server):
    server = start_server(presets, "--preset", "tiny", "--seed", "2")
    client = server.client()
    try:
        client.hello()
        client.send("/pattern/density", 1.0)  # every step a hit: every offset is visible
        velocity, straight = _rows(client, "/pattern/row", "/pattern/offset", STEPS)
        client.send("/pattern/swing", 0.6)
        swung_velocity, swung = _rows(client, "/pattern/row", "/pattern/offset", STEPS)
        assert np.array_equal(swung_velocity, velocity)  # swing moves hits, never adds or drops one
        assert np.allclose(swung[:, 0::2], straight[:, 0::2])
        assert np.allclose(swung[:, 1::2], np.clip(straight[:, 1::2] + 0.3, -0.5, 0.5), atol=1e-6)
        client.send("/pattern/swing", 0.0)
        assert np.allclose(_rows(client, "/pattern/row", "/pattern/offset", STEPS)[1], straight)
        client.send("/pattern/swing", 1.5)
        assert client.expect("/error")[0] == "/pattern/swing"
    finally:
        client.close()


def test_fill_replies_the_second_bar_of_the_pattern_moved_along_groove_fill(presets, start_server):
    from server.core.engine import xy_to_latent
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    server = start_server(presets, "--preset", "filled", "--seed", "3", name="filled")
    client = server.client()
    try:
        client.hello()
        client.send("/pattern/xy", 0.3, 0.7)
        _rows(client, "/pattern/row", "/pattern/offset", STEPS)
        client.send("/pattern/fill")
        velocity, offset = _rows(client, "/pattern/fill", "/pattern/filloffset", BAR)
    finally:
        client.close()
    models = load_models(load_bundle(presets / "filled"), "cpu", 1)
    groove = models.preset.groove
    z = xy_to_latent(groove.grid, 0.3, 0.7) + groove.fill
    lg, vel, off = models.groove.decode(z[None].astype(np.float32))
    want = shape(lg[0], vel[0], off[0], Controls(seed=3))
    assert np.allclose(velocity, want.velocity[:, BAR:], atol=1e-6)
    assert np.allclose(offset, want.offset[:, BAR:], atol=1e-6)


def test_fill_without_groove_fill_change_and_countin_replies(presets, start_server):
    server = start_server(presets, "--preset", "tiny", name="plainfill")
    client = server.client()
    try:
        client.hello()
        client.send("/pattern/fill")
        address, message = client.expect("/error")
        assert address == "/pattern/fill" and "groove.fill" in message
        client.send("/pattern/change", 1)
        assert client.expect("/pattern/change") == (1,)
        client.send("/pattern/change", 2)
        assert client.expect("/error")[0] == "/pattern/change"
        client.send("/pattern/countin", 2)
        assert client.expect("/pattern/countin") == (0,)  # no --midi-out: nothing to count in
        client.send("/pattern/countin", 5)
        assert client.expect("/error")[0] == "/pattern/countin"
    finally:
        client.close()


# --- the sequencer, step by step ----------------------------------------------------------------
class StepClock:
    step_s = 0.1

    def subscribe(self, callback):
        self.callback = callback

    def unsubscribe(self, callback):
        pass

    def time_of(self, step: int) -> float:
        return step * self.step_s


class Capture:
    def __init__(self):
        self.posted = []

    def post(self, when, message):
        self.posted.append((round(when, 6), list(message)))

    def flush(self, keep):
        pass


def _one_hit_pattern(inst: int) -> Pattern:
    velocity = np.zeros((NINST, STEPS), np.float32)
    velocity[inst, :] = 0.5
    return Pattern(velocity, np.zeros_like(velocity))


def _played(capture, steps) -> dict:
    """step -> sorted notes started on it."""
    out: dict = {}
    for when, (status, note, vel) in capture.posted:
        if status & 0xF0 == NOTE_ON:
            out.setdefault(round(when / StepClock.step_s), []).append((note, vel))
    return {s: sorted(out.get(s, [])) for s in steps}


def _sequencer():
    clock, capture = StepClock(), Capture()
    seq = Sequencer(clock, capture)
    seq.start()
    return seq, clock, capture


def test_a_fill_replaces_the_next_bar_once_then_the_pattern_plays_on():
    seq, clock, capture = _sequencer()
    kick, snare = _one_hit_pattern(0), _one_hit_pattern(1)
    seq.set_pattern(kick)
    clock.callback(0, 0.0)
    seq.set_fill(snare)
    for step in range(1, 3 * BAR):
        clock.callback(step, 0.0)
    played = _played(capture, range(3 * BAR))
    assert all(played[s] == [(36, 64)] for s in range(BAR))  # bar 1: the pattern
    assert all(played[s] == [(38, 64)] for s in range(BAR, 2 * BAR))  # bar 2: the fill
    assert all(played[s] == [(36, 64)] for s in range(2 * BAR, 3 * BAR))  # then the pattern again


def test_count_in_plays_side_sticks_on_the_beats_then_the_pattern():
    seq, clock, capture = _sequencer()
    seq.set_pattern(_one_hit_pattern(0))
    seq.count_in(2)
    for step in range(3 * BAR):
        clock.callback(step, 0.0)
    played = _played(capture, range(3 * BAR))
    for s in range(2 * BAR):
        if s % 4:
            assert played[s] == []
        else:
            assert played[s] == [(COUNT_NOTE, COUNT_VELOCITY[0] if s % BAR == 0 else COUNT_VELOCITY[1])]
    assert all(played[s] == [(36, 64)] for s in range(2 * BAR, 3 * BAR))


def test_change_now_swaps_at_the_next_step_and_next_bar_waits_for_the_bar_line():
    seq, clock, capture = _sequencer()
    seq.set_pattern(_one_hit_pattern(0))
    for step in range(5):
        clock.callback(step, 0.0)
    seq.set_pattern(_one_hit_pattern(1))  # at the next bar line
    for step in range(5, 9):
        clock.callback(step, 0.0)
    seq.set_pattern(_one_hit_pattern(2), now=True)
    for step in range(9, BAR + 2):
        clock.callback(step, 0.0)
    played = _played(capture, range(BAR + 2))
    # planned one step ahead: the change-now pattern starts with the first step not yet planned
    assert all(played[s] == [(36, 64)] for s in range(10))
    assert all(played[s] == [(42, 64)] for s in range(10, BAR + 2))
