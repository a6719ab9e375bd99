"""Drum patterns <-> Standard MIDI Files (mido), General MIDI drum map on channel 10.

`write_pattern(pattern, path, bpm)` writes a type-0 file, 480 ticks per beat, one note per hit
at its step plus its micro-timing offset; an early hit on step 0 wraps to the end of the 2-bar
clip (where a looping clip plays it). `read_clip(path)` reads a drum clip back into 2-bar
patterns: the inverse of `write_pattern` up to MIDI's resolution (velocity 1/127, timing
1/120 of a 16th). Pure file work, no threads; errors are `MidiFileError` with what to do next.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from server.core.errors import LatentpadError
from server.core.patterns import (GM_NOTES, NINST, NOTE_TO_INSTRUMENT, OFFSET_LIMIT, STEPS,
                                  STEPS_PER_BEAT, Pattern)

TICKS_PER_BEAT = 480
DRUM_CHANNEL = 9  # channel 10, counted from 1
NOTE_TICKS = 60
MIN_BPM, MAX_BPM = 20.0, 400.0


class MidiFileError(LatentpadError):
    """A MIDI file cannot be read as a drum clip, or a pattern cannot be written."""


def write_pattern(pattern: Pattern, path, bpm: float = 120.0) -> Path:
    import mido

    if not MIN_BPM <= bpm <= MAX_BPM:
        raise MidiFileError(f"--bpm must be in {MIN_BPM:g}..{MAX_BPM:g}, got {bpm}")
    step_ticks = TICKS_PER_BEAT // STEPS_PER_BEAT
    clip_ticks = STEPS * step_ticks
    events = []
    for inst, step in zip(*np.nonzero(pattern.velocity > 0)):
        tick = round((step + float(pattern.offset[inst, step])) * step_ticks) % clip_ticks
        velocity = max(1, min(127, round(float(pattern.velocity[inst, step]) * 127)))
        length = max(1, min(NOTE_TICKS, clip_ticks - 1 - tick))
        note = GM_NOTES[inst]
        events.append((tick, 1, mido.Message("note_on", channel=DRUM_CHANNEL, note=note, velocity=velocity)))
        events.append((tick + length, 0, mido.Message("note_off", channel=DRUM_CHANNEL, note=note, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1], e[2].note))
    track = mido.MidiTrack([mido.MetaMessage("track_name", name="latentpad groove", time=0),
                            mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm), time=0),
                            mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0)])
    now = 0
    for tick, _, message in events:
        track.append(message.copy(time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=clip_ticks - now))
    midi = mido.MidiFile(type=0, ticks_per_beat=TICKS_PER_BEAT)
    midi.tracks.append(track)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        midi.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MidiFileError(f"cannot write {path}: {exc}") from exc
    return path


def _notes(path: Path) -> tuple:
    """((tick, channel, note, velocity) for every note-on, end tick, ticks per beat)."""
    import mido

    try:
        midi = mido.MidiFile(path)
    except Exception as exc:  # mido raises OSError, EOFError, ValueError, KeyError, IndexError...
        raise MidiFileError(f"{path}: not a readable MIDI file ({type(exc).__name__}: {exc}); "
                            "export the clip from your DAW as a .mid") from exc
    if midi.type == 2:
        raise MidiFileError(f"{path}: type-2 MIDI files (independent sequences) are not supported; "
                            "save it as type 0 or 1")
    notes, tick = [], 0
    for message in mido.merge_tracks(midi.tracks):
        tick += message.time
        if message.type == "note_on" and message.velocity > 0:
            notes.append((tick, message.channel, message.note, message.velocity))
    return notes, tick, midi.ticks_per_beat


def read_clip(path) -> list:
    """A drum clip -> list of [9, 32, 3] float32 arrays (hit, velocity, offset), one per 2 bars.

    Channel-10 notes are read; a file with none there is read on every channel (Live writes
    Drum Rack clips on channel 1). GM notes fold onto the 9 instruments (server.core.patterns);
    other notes are ignored. A clip of one bar or less is repeated to fill two. 4/4 assumed."""
    path = Path(path)
    notes, end, tpb = _notes(path)
    if not tpb or tpb <= 0:
        raise MidiFileError(f"{path}: ticks per beat is {tpb}; only metrical (PPQ) timing is supported")
    drums = [n for n in notes if n[1] == DRUM_CHANNEL] or notes
    drums = [n for n in drums if n[2] in NOTE_TO_INSTRUMENT]
    if not drums:
        found = sorted({n[2] for n in notes})
        raise MidiFileError(f"{path}: no drum notes ({len(notes)} notes, pitches "
                            f"{found[:12] or 'none'}); a groove clip needs General MIDI drum notes "
                            "(kick 36, snare 38, hats 42/46, toms, crash 49, ride 51)")
    step_ticks = tpb / STEPS_PER_BEAT
    end = max(end, max(n[0] for n in drums) + 1)
    bar_steps = STEPS // 2
    bars = max(1, math.ceil(round(end / step_ticks, 3) / bar_steps))
    total_steps = max(STEPS, math.ceil(bars / 2) * STEPS)
    grid = np.zeros((NINST, total_steps, 3), np.float32)
    for tick, _, note, velocity in drums:
        position = tick / step_ticks
        step = int(math.floor(position + 0.5)) % total_steps
        offset = float(np.clip(position - math.floor(position + 0.5), -OFFSET_LIMIT, OFFSET_LIMIT))
        inst = NOTE_TO_INSTRUMENT[note]
        if velocity / 127 > grid[inst, step, 1]:
            grid[inst, step] = (1.0, velocity / 127, offset)
    if bars == 1:  # one bar: play it twice
        grid[:, bar_steps:STEPS] = grid[:, :bar_steps]
    windows = [grid[:, i:i + STEPS] for i in range(0, total_steps, STEPS)]
    return [w.copy() for w in windows if w[..., 0].any()]
