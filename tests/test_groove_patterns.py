"""Drum patterns without a model: post-processing (same seed same pattern, density only adds),
the .mid round trip, bad MIDI files and clips without drums, the OSC table entries."""
from __future__ import annotations

import mido
import numpy as np
import pytest

from server.core import protocol
from server.core.errors import ProtocolError
from server.core.groove_midi import MidiFileError, read_clip, write_pattern
from server.core.patterns import GM_NOTES, INSTRUMENTS, NINST, STEPS, Controls, from_array, shape, to_array


def _decoded(seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(-1.0, 2.0, (NINST, STEPS)), rng.random((NINST, STEPS)),
            rng.uniform(-0.6, 0.6, (NINST, STEPS)))


def test_same_seed_same_pattern_and_another_seed_differs():
    logits, vel, off = _decoded()
    warm = Controls(temperature=1.0, seed=7)
    a, b = shape(logits, vel, off, warm), shape(logits, vel, off, warm)
    assert np.array_equal(a.velocity, b.velocity) and np.array_equal(a.offset, b.offset)
    c = shape(logits, vel, off, Controls(temperature=1.0, seed=8))
    assert not np.array_equal(a.hits, c.hits)


def test_temperature_zero_is_a_threshold_and_offsets_stay_in_range():
    logits, vel, off = _decoded()
    p = shape(logits, vel, off, Controls(seed=3))
    assert np.array_equal(p.hits, logits > 0)
    assert np.abs(p.offset).max() <= 0.5 and (p.offset[~p.hits] == 0).all()
    assert (p.velocity[p.hits] > 0).all() and p.velocity.max() <= 1.0


def test_density_only_adds_as_it_rises_and_is_per_instrument():
    logits, vel, off = _decoded()
    base = Controls(temperature=0.7, seed=1)
    previous = None
    for d in np.linspace(0, 1, 11):
        hits = shape(logits, vel, off, base.with_density(d)).hits
        if previous is not None:
            assert (hits | ~previous).all(), "raising the density removed a hit"
        previous = hits
    assert not shape(logits, vel, off, base.with_density(0.0)).hits.any()
    assert shape(logits, vel, off, base.with_density(1.0)).hits.all()
    kick_only = shape(logits, vel, off, base.with_density(0.0).with_density(1.0, 0)).hits
    assert kick_only[0].all() and not kick_only[1:].any()


def _pattern(seed=5):
    rng = np.random.default_rng(seed)
    hits = rng.random((NINST, STEPS)) < 0.25
    hits[0, 0] = True
    grid = np.stack([hits, rng.uniform(0.05, 1, hits.shape), rng.uniform(-0.5, 0.5, hits.shape)], -1)
    grid[0, 0, 2] = -0.3  # early on the first step: wraps to the clip's end
    return from_array(grid.astype(np.float32))


def test_mid_file_parses_back_to_the_same_pattern(tmp_path):
    pattern = _pattern()
    path = write_pattern(pattern, tmp_path / "groove.mid", bpm=97)
    midi = mido.MidiFile(path)
    assert midi.ticks_per_beat == 480 and midi.type == 0
    assert round(mido.tempo2bpm(next(m.tempo for m in midi.tracks[0] if m.type == "set_tempo"))) == 97
    notes = [m for m in midi.tracks[0] if m.type == "note_on"]
    assert {m.channel for m in notes} == {9} and {m.note for m in notes} <= set(GM_NOTES)
    assert sum(m.time for m in midi.tracks[0]) == 32 * 120  # exactly 2 bars long
    (back,) = read_clip(path)
    assert np.array_equal(back[..., 0] > 0.5, pattern.hits)
    assert np.abs(back[..., 1] - pattern.velocity).max() <= 0.5 / 127 + 1e-6
    assert np.abs(back[..., 2] - pattern.offset).max() <= 0.5 / 120 + 1e-6


def _clip(path, notes, ticks_per_beat=96, channel=0):
    """A one-track file from absolute (tick, note, velocity) note-ons."""
    midi = mido.MidiFile(ticks_per_beat=ticks_per_beat)
    events = sorted([(t, 1, n, v) for t, n, v in notes] + [(t + 10, 0, n, 0) for t, n, v in notes])
    track, now = mido.MidiTrack(), 0
    for tick, on, note, velocity in events:
        kind = "note_on" if on else "note_off"
        track.append(mido.Message(kind, channel=channel, note=note, velocity=velocity, time=tick - now))
        now = tick
    midi.tracks.append(track)
    midi.save(path)
    return path


def test_a_one_bar_clip_on_channel_1_repeats_and_a_long_one_splits(tmp_path):
    # Live-style drum rack clip: channel 1, kick on every beat of one bar
    (p,) = read_clip(_clip(tmp_path / "one_bar.mid", [(beat * 96, 36, 100) for beat in range(4)]))
    assert np.flatnonzero(p[0, :, 0]).tolist() == [0, 4, 8, 12, 16, 20, 24, 28]
    # 4 bars, snare (GM 40, electric snare) only in bars 3-4: two windows, the second has it
    notes = [(step * 24, 36, 90) for step in range(0, 64, 4)] + [(step * 24, 40, 70) for step in (36, 44, 52, 60)]
    windows = read_clip(_clip(tmp_path / "four_bars.mid", notes))
    assert len(windows) == 2
    assert not windows[0][1, :, 0].any() and np.flatnonzero(windows[1][1, :, 0]).tolist() == [4, 12, 20, 28]


@pytest.mark.parametrize("content,needle", [
    (b"", "not a readable MIDI file"),
    (b"MThd\x00\x00\x00\x06\x00\x01", "not a readable MIDI file"),
    (b"RIFF....WAVEfmt ", "not a readable MIDI file"),
])
def test_bad_midi_files_get_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "bad.mid"
    path.write_bytes(content)
    with pytest.raises(MidiFileError) as info:
        read_clip(path)
    assert needle in str(info.value) and "bad.mid" in str(info.value)


def test_a_clip_with_no_drums_gets_a_clear_error(tmp_path):
    midi = mido.MidiFile()
    midi.tracks.append(mido.MidiTrack([mido.Message("note_on", channel=0, note=n, velocity=90, time=120)
                                       for n in (60, 64, 67, 72)]))
    midi.save(tmp_path / "melody.mid")
    with pytest.raises(MidiFileError, match="no drum notes .*pitches \\[60, 64, 67, 72\\]"):
        read_clip(tmp_path / "melody.mid")


def test_the_osc_table_has_the_pattern_addresses():
    D = 8
    assert protocol.decode("/pattern/xy", [0.2, 1], latent_size=D) == protocol.PatternXY(0.2, 1.0)
    assert protocol.decode("/pattern/density", [0.7], latent_size=D) == protocol.PatternDensity(None, 0.7)
    assert protocol.decode("/pattern/density", [8, 0], latent_size=D) == protocol.PatternDensity(8, 0.0)
    assert protocol.decode("/pattern/temperature", [1.5], latent_size=D).temperature == 1.5
    for address, args, problem in (("/pattern/density", [9, 0.5], "instrument must be in [0, 8]"),
                                   ("/pattern/density", [0.5, 0.5], "instrument must be an int"),
                                   ("/pattern/density", [], "1 to 2 arguments"),
                                   ("/pattern/temperature", [3.0], "in [0, 2]"),
                                   ("/pattern/xy", [0.5], "2 arguments, got 1")):
        with pytest.raises(ProtocolError, match=problem.replace("[", "\\[").replace("]", "\\]")):
            protocol.decode(address, args, latent_size=D)
    assert protocol.signature(protocol.REQUESTS["/pattern/density"].args) == "[instrument:i] density:f"
    row = protocol.encode("/pattern/row", 8, *np.linspace(0, 1, STEPS, dtype=np.float32))
    assert len(row) < 1024 and b",i" + b"f" * STEPS in row
    assert to_array(_pattern()).shape == (NINST, STEPS, 3) and len(INSTRUMENTS) == 9
