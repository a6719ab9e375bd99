"""Melodies <-> Standard MIDI Files (mido): read an opening, write a continuation.

`read_notes(path)` returns every non-drum note (channel 10 left out) with its start and length
in beats, and the first time signature's beats per bar (4 without one). `write_notes` writes a
type-0 file, 480 ticks per beat, one channel. Pure file work; errors are `MidiFileError`.
"""

from __future__ import annotations

from pathlib import Path

from server.core.groove_midi import MidiFileError
from server.core.melody import Note

TICKS_PER_BEAT = 480


def read_notes(path) -> tuple:
    """.mid -> (notes sorted by start, beats_per_bar)."""
    import mido
    try:
        mid = mido.MidiFile(str(path))
    except (OSError, ValueError, EOFError) as exc:
        raise MidiFileError(f"{path}: cannot read as a MIDI file ({exc})") from exc
    tpb, bpb = mid.ticks_per_beat, None
    notes = []
    for track in mid.tracks:
        t, on = 0, {}
        for msg in track:
            t += msg.time
            if msg.type == "time_signature" and bpb is None:
                bpb = msg.numerator * 4.0 / msg.denominator
            if msg.type not in ("note_on", "note_off") or msg.channel == 9:
                continue
            key = (msg.channel, msg.note)
            if msg.type == "note_on" and msg.velocity > 0:
                on.setdefault(key, (t, msg.velocity))
            elif key in on:
                start, vel = on.pop(key)
                notes.append(Note(msg.note, start / tpb, max(1, t - start) / tpb, vel))
    if not notes:
        raise MidiFileError(f"{path}: no notes outside the drum channel")
    return sorted(notes, key=lambda n: (n.start, -n.pitch)), bpb or 4.0


def write_notes(notes, path, bpm: float = 120.0, offset_beats: float = 0.0) -> Path:
    """Notes (starts in beats, shifted by offset_beats) -> a type-0 .mid at `bpm`."""
    import mido
    events = []
    for n in notes:
        on = round((n.start + offset_beats) * TICKS_PER_BEAT)
        off = on + max(1, round(n.length * TICKS_PER_BEAT))
        events += [(on, 1, n.pitch, n.velocity), (off, 0, n.pitch, 0)]
    track = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm), time=0)])
    now = 0
    for tick, kind, pitch, vel in sorted(events):
        msg = "note_on" if kind else "note_off"
        track.append(mido.Message(msg, note=pitch, velocity=vel, time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=0))
    mid = mido.MidiFile(type=0, ticks_per_beat=TICKS_PER_BEAT)
    mid.tracks.append(track)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    mid.save(str(tmp))
    tmp.replace(path)
    return path
