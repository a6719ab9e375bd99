"""The voice engine on a real PortAudio device (JACK's dummy driver): notes in, voices out.

Every sound check reads what the audio callback really wrote (the engine's capture ring, a copy
of each output block), at the stream frame where the engine says the voice started.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from server.core.errors import ConfigError
from server.io.audio import (AudioOut, AudioSettings, VoiceEngine, default_choke_groups, velocity_gain)

RATE = 48000
OPEN_HAT, CLOSED_HAT = 10, 6  # GM 46 and 42 on the default note map (36 + pad)


def wait_for(condition, what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


@pytest.fixture
def device(jack):
    """A started AudioOut over the JACK dummy device; PortAudio lets go of JACK before it stops."""
    outs = []

    def start(choke=None, voices=16):
        engine = VoiceEngine(AudioSettings(sample_rate_hz=jack.rate, blocksize=jack.period, voices=voices),
                             choke=choke, capture_s=4.0)
        out = AudioOut(engine)
        out.start()
        outs.append(out)
        return out

    yield start
    import sounddevice as sd

    for out in outs:
        out.close()
    while sd._initialized:  # PortAudio's JACK client must go before the server does;
        sd._terminate()  # the next AudioOut.start() initialises it again


def constant(level: float, seconds: float) -> np.ndarray:
    return np.full(int(seconds * RATE), level, np.float32)


def hit(engine: VoiceEngine, pad: int, velocity: float = 1.0) -> int:
    """Trigger and wait until the callback starts the voice; returns its first stream frame."""
    before = engine.started
    engine.trigger(pad, velocity)
    wait_for(lambda: engine.started > before, f"pad {pad} to start")
    return int(engine.latencies()["frame"][-1])


def played(engine: VoiceEngine, frame: int, count: int) -> np.ndarray:
    wait_for(lambda: engine.frames >= frame + count, "the device to play on")
    return engine.captured(frame, count)


def test_a_triggered_pad_plays_its_render_sample_for_sample(device):
    out = device()
    engine = out.engine
    t = np.arange(RATE // 4) / RATE
    sound = (0.5 * np.sin(2 * np.pi * 440 * t) * np.exp(-t / 0.05)).astype(np.float32)
    engine.load(3, sound, RATE)
    assert "JACK" in out.description
    frame = hit(engine, 3)
    got = played(engine, frame, sound.size + 256)
    expected = engine.prepare(sound, RATE)
    np.testing.assert_allclose(got[:sound.size], expected, atol=1e-6)
    assert np.all(got[sound.size:] == 0.0)  # the voice ended; nothing else sounds


def test_velocity_scales_the_voice(device):
    engine = device().engine
    engine.load(0, constant(0.8, 0.015), RATE)  # 720 frames: over before the next hit
    loud = played(engine, hit(engine, 0, 1.0), 1000)
    soft = played(engine, hit(engine, 0, 0.5), 1000)
    assert loud[500] == pytest.approx(0.8, abs=1e-6)
    assert soft[500] == pytest.approx(0.8 * velocity_gain(0.5), abs=1e-6)
    assert velocity_gain(0.5) == pytest.approx(0.25)


def test_closed_hat_chokes_a_ringing_open_hat(device):
    engine = device(choke={OPEN_HAT: 1, CLOSED_HAT: 1}).engine
    engine.load(OPEN_HAT, constant(0.3, 2.0), RATE)
    engine.load(CLOSED_HAT, constant(0.05, 1.0), RATE)
    engine.load(0, constant(0.1, 2.0), RATE)  # a kick outside the group keeps sounding
    opened = hit(engine, OPEN_HAT)
    kick = hit(engine, 0)
    closed = hit(engine, CLOSED_HAT)
    assert opened <= kick <= closed
    got = played(engine, closed - 10, 2000)
    ringing = got[:10]
    assert np.allclose(ringing, 0.3 + 0.1 * (kick < closed - 10))
    fade = int(0.003 * RATE)
    assert np.allclose(got[10 + fade + 5:], 0.05 + 0.1)  # open hat gone; closed hat and kick sound
    assert engine.counts["choked"] == 1


def test_the_seventeenth_voice_steals_the_oldest(device):
    engine = device().engine
    engine.load(1, constant(0.01, 3.0), RATE)
    for _ in range(16):
        first = hit(engine, 1)
    assert played(engine, first, 100)[-1] == pytest.approx(0.16, abs=1e-5)
    seventeenth = hit(engine, 1)
    got = played(engine, seventeenth, 2000)
    assert got[-1] == pytest.approx(0.16, abs=1e-5)  # 16 voices, not 17: the oldest faded out
    assert engine.counts["stolen"] == 1
    assert engine.active_voices() == 16


def test_round_robin_slots_play_in_turn(device):
    engine = device().engine
    engine.set_slots(2, [constant(level, 0.004) for level in (0.1, 0.2, 0.3)], RATE)  # 192 frames
    levels = [played(engine, hit(engine, 2), 300)[40] for _ in range(4)]  # each over before the next
    assert levels == pytest.approx([0.1, 0.2, 0.3, 0.1], abs=1e-6)


def test_a_pad_with_no_render_is_silent_and_counted(device):
    engine = device().engine
    engine.trigger(5)
    wait_for(lambda: engine.counts["silent"] == 1, "the trigger to be taken")
    assert engine.started == 0


def test_latency_ring_records_arrival_to_first_block(device):
    engine = device().engine
    engine.load(0, constant(0.1, 0.01), RATE)
    for _ in range(5):
        hit(engine, 0)
    lat = engine.latencies()
    assert len(lat["arrived"]) == 5
    assert np.all(lat["block"] >= lat["arrived"])  # a voice starts in a block after its message
    assert np.all(lat["dac"] >= lat["block"])  # and reaches the DAC after that block is computed


def test_an_aborted_stream_restarts(device):
    out = device()
    out.stream.abort()
    assert not out.alive()
    out.restart()
    assert out.alive() and out.restarts == 1
    out.engine.load(0, constant(0.1, 0.05), RATE)
    assert played(out.engine, hit(out.engine, 0), 100)[50] == pytest.approx(0.1, abs=1e-6)


def test_hats_share_a_choke_group_by_the_presets_class_names():
    groups = default_choke_groups({"kick": 36, "closed_hat": 42, "open_hat": 46})
    assert groups == {6: 1, 8: 1, 10: 1}


def test_bad_audio_settings_name_the_flag():
    with pytest.raises(ConfigError, match="--blocksize"):
        AudioSettings(blocksize=3)
    with pytest.raises(ConfigError, match="--voices"):
        AudioSettings(voices=8)


def test_a_missing_device_is_named(device):  # the fixture: PortAudio lets go of JACK after
    engine = VoiceEngine(AudioSettings(device="no-such-card"))
    with pytest.raises(ConfigError, match="no-such-card"):
        AudioOut(engine).start()
