"""MIDI in over real JACK MIDI ports (jackd -d dummy): notes trigger pads, CCs move pads through
the same engine path as OSC (a real UDP client gets the /sample), a port that vanishes and comes
back is picked up again, and a 10 kHz flood leaves bounded queues and a server that answers.

The server is an in-process App on its own event loop thread (so the tests can read the router's
counters and give it a voice engine that records triggers), talking real UDP on 127.0.0.1; one
test runs `latentpad serve --midi-in virtual` as a subprocess.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import subprocess
import sys
import threading
import time

import pytest

from server.app import App
from server.core.config import Settings
from server.io.midi import MidiRouter
from support import OscClient

rtmidi = pytest.importorskip("rtmidi")

NOTE_ON, NOTE_OFF, CC = 0x90, 0x80, 0xB0


class Voices:
    """Stands in for server.io.audio's voice engine: records what the App hands it."""

    def __init__(self):
        self.triggers: queue.Queue = queue.Queue()

    def trigger(self, pad: int, velocity: float, arrived: float) -> None:
        self.triggers.put((pad, velocity, arrived, time.perf_counter()))

    def load(self, pad: int, audio, sample_rate_hz: int) -> None:  # a new render for the pad
        pass

    def next(self) -> tuple:
        return self.triggers.get(timeout=5)


def on_loop(loop, fn, *args):
    """Run fn(*args) on the App's loop thread and return its result."""
    async def call():
        return fn(*args)
    return asyncio.run_coroutine_threadsafe(call(), loop).result(10)


@contextlib.contextmanager
def running_app(models, tmp_path, presets_dir, **settings):
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    s = Settings(port=0, presets_dir=presets_dir, preset="tiny", render_dir=tmp_path / "renders",
                 device="cpu", intra_op_threads=1, seed=3, sample_dirs=(tmp_path,), **settings)
    app = on_loop(loop, App, s, models, loop)
    app.voices = Voices()
    try:
        bound = asyncio.run_coroutine_threadsafe(app.start(), loop).result(20)
        client = OscClient(bound[1])
        client.hello()
        yield app, client, loop
        client.close()
    finally:
        on_loop(loop, app.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


def wait_for(predicate, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def controller_out(port: str | None = None, client: str = "fakectl"):
    """A JACK MIDI output standing in for a controller: a port of its own named `port` (for
    --midi-in NAME to find), or, with no name, connected to the server's 'latentpad in'."""
    out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name=client)
    if port is not None:
        out.open_virtual_port(port)
        return out
    names = out.get_ports()
    out.open_port(next(i for i, n in enumerate(names) if "latentpad in" in n))
    return out


# --- over JACK ports ------------------------------------------------------------------------------
def test_notes_trigger_pads_with_their_velocity_and_a_cc_moves_a_pad(jack, tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir, midi_in="virtual") as (app, client, loop):
        assert app.controller.name == "gm_pads"
        out = controller_out()
        voices = app.voices
        out.send_message([NOTE_ON, 38, 64])  # GM snare: pad 2
        pad, velocity, arrived, played = voices.next()
        assert (pad, velocity) == (2, pytest.approx(64 / 127))
        assert arrived <= played
        out.send_message([NOTE_ON | 9, 51, 127])  # any channel: ride, pad 15, full velocity
        assert voices.next()[:2] == (15, 1.0)
        out.send_message([NOTE_OFF, 38, 0])  # note-offs, velocity-0 note-ons and unmapped notes:
        out.send_message([NOTE_ON, 38, 0])  # nothing (one-shots play out)
        out.send_message([NOTE_ON, 60, 100])
        out.send_message([CC, 16, 127])  # CC 16: X of the last hit pad (15) -> 1.0
        pad, path, seq = client.expect("/sample")
        assert pad == 15 and path.endswith(".wav")
        assert on_loop(loop, lambda: app.engine.pad(15).xy[0]) == 1.0
        assert voices.triggers.empty()
        router = app.midi.router
        wait_for(lambda: router.counters["received"] == 6, "all six messages")
        assert router.counters["ignored"] == 3 and app.triggers == 2
        out.delete()


def test_a_vanished_controller_is_picked_up_again(jack, tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir, midi_in="fakectl") as (app, client, loop):
        midi = app.midi.input
        assert midi.port is None  # not plugged in yet: the server waits for it
        out = controller_out("pads")
        wait_for(lambda: midi.port is not None, "the controller to be opened")
        assert "fakectl" in midi.port
        out.send_message([NOTE_ON, 36, 100])
        assert app.voices.next()[0] == 0
        out.close_port()
        out.delete()  # unplugged
        wait_for(lambda: midi.port is None, "the watcher to notice the port is gone")
        out = controller_out("pads")  # plugged back in
        wait_for(lambda: midi.port is not None, "the watcher to reopen the port")
        assert midi.reconnects == 2  # first appearance, then the return
        out.send_message([NOTE_ON, 37, 90])
        assert app.voices.next()[:2] == (1, pytest.approx(90 / 127))
        out.delete()


@pytest.fixture
def jack_long_periods():
    """JACK with 512-frame periods (10.7 ms): the dummy driver's cycles are irregular when the
    machine is busy, and a writer's port buffer holds one period's events, so at 128 frames a
    10 kHz stream loses about half its messages inside JACK itself, before any reader."""
    from jack import Jack, jack_available

    if not jack_available():
        pytest.skip("jackd (Debian jackd2) is not installed: real MIDI ports need it")
    with Jack(period=512) as server:
        yield server


# The flood comes from another process, as a controller would: a sender spinning in this process
# would hold the GIL against the App's loop thread and measure the test, not the server.
FLOOD = """
import sys, time, rtmidi
out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="flood")
out.open_port(next(i for i, n in enumerate(out.get_ports()) if "latentpad in" in n))
rate, seconds, sent = 10_000, 2.0, 0
start = time.perf_counter()
while sent < rate * seconds:  # 10 messages a millisecond: half notes, half two CCs
    time.sleep(max(0.0, start + sent / rate - time.perf_counter()))
    for k in range(sent, sent + 10):
        out.send_message([0x90, 36 + k % 16, 1 + k % 127] if k % 2 else [0xB0, 16 + k % 4 // 2, k % 128])
    sent += 10
time.sleep(0.2)  # let JACK take the last period before the port goes
print(sent, time.perf_counter() - start)
"""


def test_a_10khz_flood_leaves_bounded_queues_and_a_server_that_answers(jack_long_periods, tiny_models,
                                                                        tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir, midi_in="virtual") as (app, client, loop):
        flood = subprocess.run([sys.executable, "-c", FLOOD], capture_output=True, text=True, timeout=60)
        assert flood.returncode == 0, flood.stderr
        sent, seconds = int(flood.stdout.split()[0]), float(flood.stdout.split()[1])
        router = app.midi.router
        wait_for(lambda: router.pending() == (0, 0), "the router to drain")
        stats = router.stats()
        print(f"flood: {sent} sent in {seconds:.2f} s, router {stats}")
        assert stats["received"] >= sent // 4, f"JACK delivered only {stats['received']} of {sent}: no flood"
        notes = stats["notes"]
        assert stats["max_pending_notes"] <= 256
        assert stats["max_pending_ccs"] <= 2 * 16  # two CC targets on the last hit pad, 16 pads
        assert app.triggers + stats["dropped"] == notes  # every note played or counted as dropped
        assert stats["applied"] - app.triggers == (stats["received"] - notes) - stats["coalesced"]
        assert stats["coalesced"] > 0  # CCs did pile up between drains, and were merged
        client.quiet(0.5)  # the renders the CCs asked for
        client.send("/ping", 7)
        assert client.expect("/pong") == (7,)


def test_serve_with_a_virtual_midi_input(jack, presets_dir, start_server):
    server = start_server(presets_dir, "--midi-in", "virtual", "--controller", "gm_pads")
    client = server.client()
    client.hello()
    out = controller_out()
    out.send_message([NOTE_ON, 40, 100])  # pad 4 is now the last hit pad
    out.send_message([CC, 17, 0])  # its Y -> 0
    pad, path, seq = client.expect("/sample")
    assert pad == 4
    out.delete()
    client.close()


def _devices() -> str:
    from support import REPO

    done = subprocess.run([sys.executable, "-m", "server", "devices"], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def test_devices_lists_jack_ports_and_audio_and_maps(jack):
    out = controller_out("pads")
    text = _devices()
    assert "Jack: virtual ports yes" in text and "fakectl:pads" in text
    assert "serve --midi-in would use: Jack" in text
    assert "system (JACK Audio Connection Kit)" in text and "48000 Hz" in text
    assert "push2: 16 notes, 11 CCs" in text
    out.delete()


def test_devices_says_so_when_there_is_no_jack_server(monkeypatch):
    monkeypatch.setenv("JACK_DEFAULT_SERVER", "latentpad-test-nobody-runs-this")
    monkeypatch.setenv("JACK_NO_START_SERVER", "1")
    text = _devices()
    assert "Jack: no JACK server running" in text
    assert "Cannot connect" not in text and "controller maps" in text  # libjack's own lines muted


def test_serve_refuses_an_unknown_controller_map(presets_dir, start_server):
    with pytest.raises(RuntimeError, match="controller map nope: \\(name\\): no such map"):
        start_server(presets_dir, "--midi-in", "virtual", "--controller", "nope")


def test_bench_midi_section_measures_both_legs(presets_dir):
    import argparse

    from jack import jack_available

    from server.tools import bench_midi

    if not jack_available():
        pytest.skip("jackd (Debian jackd2) is not installed: the bench section starts one")

    result = bench_midi.measure(argparse.Namespace(presets_dir=presets_dir, preset="tiny", device="cpu",
                                                   threads=1, seconds=0.3))
    assert result["notes"] == 30 and 0 < result["triggered"] <= 30 and result["dropped"] == 0
    assert result["server"]["n"] == result["jack"]["n"] == result["triggered"]
    assert 0 < result["server"]["p50_ms"] <= result["server"]["p99_ms"]
    assert "midi note -> App.trigger" in bench_midi.lines(result)[0]


# --- the router alone: the mapping arithmetic, fed bytes directly ----------------------------------
class RouterApp:
    """An in-process App whose router is fed bytes directly (no port)."""

    def __init__(self, app, loop, controller):
        from server.core.controllers import load_map

        self.app, self.loop = app, loop
        cmap = load_map(controller) if isinstance(controller, str) else controller
        self.router = MidiRouter(app, cmap, loop)

    def feed(self, *messages) -> None:
        for message in messages:
            self.router.feed(message, time.perf_counter())
        on_loop(self.loop, lambda: None)  # a drain scheduled before this call has run

    def pad(self, pad: int):
        return on_loop(self.loop, self.app.engine.pad, pad)


def test_relative_encoders_step_and_clamp_and_latent_axes_move(tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir) as (app, client, loop):
        r = RouterApp(app, loop, "push2")
        r.feed([NOTE_ON, 44, 100])  # push2: pad 4
        assert app.voices.next()[0] == 4
        x0, y0 = r.pad(4).xy
        r.feed([CC, 71, 1], [CC, 71, 1], [CC, 71, 1])  # three ticks right, coalesced or not
        assert r.pad(4).xy == pytest.approx((x0 + 3 / 128, y0))
        r.feed([CC, 72, 127])  # one tick down (two's complement -1)
        assert r.pad(4).xy == pytest.approx((x0 + 3 / 128, y0 - 1 / 128))
        r.feed(*[[CC, 71, 63]] * 10)  # far past the edge: clamped to 1
        assert r.pad(4).xy[0] == 1.0
        z0 = r.pad(4).z.copy()
        r.feed([CC, 73, 10])  # latent axis 0, 10 ticks of 0.005 of the 6-wide range
        z1 = r.pad(4).z
        assert z1[0] == pytest.approx(z0[0] + 10 * 0.005 * 6, abs=1e-6)
        assert list(z1[1:]) == pytest.approx(list(z0[1:]))
        assert r.pad(4).xy is None  # a latent move leaves the map, as /pad/latent does


def test_channel_filter_and_absolute_knobs(tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir) as (app, client, loop):
        r = RouterApp(app, loop, "mpd218")  # channel 10 only
        r.feed([NOTE_ON, 36, 100])  # channel 1: not this controller
        assert r.router.counters["ignored"] == 1 and app.voices.triggers.empty()
        r.feed([NOTE_ON | 9, 41, 100], [CC | 9, 3, 0], [CC | 9, 9, 127])  # pad 5, X 0, Y 1
        assert app.voices.next()[0] == 5
        assert r.pad(5).xy == (0.0, 1.0)
        r.feed([CC | 9, 12, 127])  # latent axis 0 -> top of the default range [-3, 3]
        assert r.pad(5).z[0] == pytest.approx(3.0)


def test_a_pattern_cc_on_a_preset_without_groove_is_one_error_not_a_crash(tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir) as (app, client, loop):
        r = RouterApp(app, loop, "gm_pads")
        r.feed([CC, 18, 64])  # pattern X; the tiny preset has no groove model
        address, message = client.expect("/error")
        assert address == "/pattern/xy" and "no groove model" in message
        client.send("/ping", 1)
        assert client.expect("/pong") == (1,)


def test_a_latent_axis_beyond_the_preset_is_ignored_and_counted(tiny_models, tmp_path, presets_dir):
    from server.core.controllers import parse

    cmap = parse("wide", '{"schema": 1, "name": "wide", "notes": [{"note": 36, "pad": 0}], "cc": ['
                         '{"cc": 1, "target": "latent", "pad": 0, "axis": 8},'
                         '{"cc": 2, "target": "latent", "pad": 0, "axis": 7}]}')
    with running_app(tiny_models, tmp_path, presets_dir) as (app, client, loop):
        r = RouterApp(app, loop, cmap)
        z0 = r.pad(0).z.copy()
        r.feed([CC, 1, 127])  # the tiny preset's latent has 8 axes: 0..7
        assert list(r.pad(0).z) == list(z0) and r.router.counters["ignored"] == 1
        r.feed([CC, 2, 0])
        assert r.pad(0).z[7] == pytest.approx(-3.0) and r.router.counters["applied"] == 1
        assert client.expect("/sample")[0] == 0


def test_swing_and_fill_ccs_send_their_pattern_requests(tiny_models, tmp_path, presets_dir):
    with running_app(tiny_models, tmp_path, presets_dir) as (app, client, loop):
        r = RouterApp(app, loop, "gm_pads")  # CC 20 swing, CC 21 fill (a button)
        r.feed([CC, 21, 127], [CC, 21, 0])  # press and release, maybe coalesced: the press counts
        assert client.expect("/error")[0] == "/pattern/fill"  # the tiny preset has no groove model
        ignored = r.router.counters["ignored"]
        r.feed([CC, 21, 0])  # a release alone plays nothing
        assert r.router.counters["ignored"] == ignored + 1 and client.quiet(0.2) == []
        r.feed([CC, 20, 127])
        assert client.expect("/error")[0] == "/pattern/swing"
