"""Melody notes and their compound-word (CP) tokens: pure, numpy only.

A note is `(pitch, start_beats, length_beats, velocity)`. The model sees each note as ONE step of
four grouped tokens (the compound word of Hsiao et al. 2021, cut down to a monophonic line):

| field    | values                                              | classes |
|----------|-----------------------------------------------------|---------|
| shift    | onset minus the previous note's onset, 0..96 ticks  | 97 + BOS |
| pitch    | MIDI note 0..127                                     | 128 + BOS |
| duration | 1..96 ticks (class = ticks - 1)                      | 96 + BOS |
| position | onset's place in its bar, 0..95 ticks (input only)   | 96 + BOS |

A tick is 1/12 beat, so 16ths, 8th triplets and 16th triplets are whole ticks. Longer gaps and
notes are clipped to 8 beats. Step 0 is a BOS step (every field at its BOS index). The model
predicts the next note's shift, pitch and duration from one hidden state (the CP-Word heads);
position is derived from the running onset and `beats_per_bar`, not predicted. Velocity is not
in the training corpus, so continuations take the opening's mean velocity.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TICKS_PER_BEAT = 12
MAX_SHIFT = 96
MAX_DURATION = 96
MAX_POSITION = 96
FIELDS = ("shift", "pitch", "duration", "position")
VOCAB = {"shift": MAX_SHIFT + 2, "pitch": 129, "duration": MAX_DURATION + 1, "position": MAX_POSITION + 1}
BOS = {f: VOCAB[f] - 1 for f in FIELDS}
HEADS = ("shift", "pitch", "duration")  # what the decoder predicts, in its output order

# scales for the key constraint: semitones above the tonic
SCALES = {
    "chromatic": tuple(range(12)), "major": (0, 2, 4, 5, 7, 9, 11), "minor": (0, 2, 3, 5, 7, 8, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10), "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11), "pentatonic": (0, 2, 4, 7, 9),
    "minor_pentatonic": (0, 3, 5, 7, 10), "blues": (0, 3, 5, 6, 7, 10),
}


@dataclass(frozen=True)
class Note:
    pitch: int
    start: float  # beats
    length: float  # beats
    velocity: int = 100


def to_ticks(beats: float) -> int:
    return int(round(float(beats) * TICKS_PER_BEAT))


def note_rows(notes, beats_per_bar: float = 4.0) -> np.ndarray:
    """Notes (any order, any overlap) -> int [n, 4] rows (pitch, onset, duration, position) in
    ticks, sorted, monophonic (of notes starting on the same tick the highest is kept)."""
    bar = max(1, to_ticks(beats_per_bar))
    rows = {}
    for n in notes:
        onset = max(0, to_ticks(n.start))
        if onset not in rows or n.pitch > rows[onset][0]:
            rows[onset] = (int(n.pitch), onset, max(1, to_ticks(n.length)))
    out = np.array([(p, o, d, o % bar) for p, o, d in (rows[k] for k in sorted(rows))], dtype=np.int64)
    return out.reshape(-1, 4)


def tokens(rows: np.ndarray, bos: bool = True) -> np.ndarray:
    """[n, 4] (pitch, onset, duration, position) ticks -> [n (+1), 4] token ids (shift, pitch,
    duration, position) with a leading BOS step."""
    rows = np.asarray(rows, dtype=np.int64).reshape(-1, 4)
    shift = np.diff(rows[:, 1], prepend=rows[:1, 1] if len(rows) else rows[:0, 1])
    tok = np.stack([np.clip(shift, 0, MAX_SHIFT), np.clip(rows[:, 0], 0, 127),
                    np.clip(rows[:, 2], 1, MAX_DURATION) - 1, np.clip(rows[:, 3], 0, MAX_POSITION - 1)], 1)
    if bos:
        tok = np.concatenate([np.array([[BOS[f] for f in FIELDS]], dtype=np.int64), tok])
    return tok.astype(np.int64)


def scale_mask(key: int, scale: str) -> np.ndarray:
    """bool [128]: the MIDI pitches in `scale` on tonic pitch class `key` (0 = C)."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (known: {', '.join(SCALES)})")
    pcs = {(key + s) % 12 for s in SCALES[scale]}
    return np.array([p % 12 in pcs for p in range(128)])


# --- requests (decoded by server.core.protocol from the table there) -------------------------
@dataclass(frozen=True)
class MelodyContinue:
    """One datagram of `/melody/continue`: chunk `chunk` of `chunks` of request `request`."""
    request: int
    chunk: int
    chunks: int
    bars: int
    temperature: float
    top_p: float
    seed: int
    length: float  # the opening's length in beats (0 = up to the bar line after its last note)
    notes: tuple  # ((pitch, start, length, velocity), ...)


@dataclass(frozen=True)
class MelodyKey:
    tonic: int  # -1 = no constraint, else pitch class 0 (C) .. 11 (B)
    scale: str


def opening_notes(groups) -> list:
    """(pitch, start, length, velocity) groups -> Notes."""
    return [Note(int(p), float(s), float(n), int(v)) for p, s, n, v in groups]
