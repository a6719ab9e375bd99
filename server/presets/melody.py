"""The melody sampler: numpy around the exported CP decoder (`melody.decoder`).

`continue_melody` turns an opening (notes in beats) into the next `bars` bars: the opening is
tokenised (server.core.melody), the decoder sees the latest `window` notes and gives logits for
the next note's shift, pitch and duration. With the bundle's `melody.step` graph (the decoder
with a key/value cache) the opening is run once and each drawn note after it costs one step;
once the window slides (more than `window` notes of context) every note is a whole-window run
again, as without the cache, because the first notes' keys in the deeper layers depend on what
came before them. Both give the logits of the whole-window decoder (export parity, tests). Each
field is drawn in turn with temperature, top-k and
top-p (nucleus) from ONE seeded numpy Generator, so the same seed and opening give the same
notes. Temperature 0 is greedy (argmax). An optional key/scale mask removes pitches outside the
scale before sampling. The line stays monophonic (a shift of 0 is never drawn after a note).

Timing: the continuation starts at the opening's length when given (a clip's), else at the
first bar line at or after the opening's end (the last note's end, at least one bar), and stops at the first note starting `bars` bars
later; notes are cut at that end. Starts are returned in beats from the continuation's start.
Velocity is not modelled (the corpus has none): every note gets the opening's mean velocity.
Runs on a worker thread, never on the receive path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from server.core.errors import ModelError
from server.core.melody import (BOS, FIELDS, HEADS, MAX_POSITION, TICKS_PER_BEAT, Note, note_rows,
                                scale_mask, to_ticks, tokens)

MAX_NOTES_PER_BAR = 32


@dataclass(frozen=True)
class Sampling:
    bars: int = 4
    temperature: float = 1.0
    top_p: float = 0.9
    top_k: int = 0  # 0 = off
    seed: int = 0
    key: Optional[int] = None  # tonic pitch class 0..11 (with scale)
    scale: str = "major"
    beats_per_bar: float = 4.0
    opening_beats: float = 0.0  # the opening's length (a clip's); 0 = to the bar line after its end


def draw(logits: np.ndarray, temperature: float, top_k: int, top_p: float, rng: np.random.Generator) -> int:
    """One class from logits: greedy at temperature 0, else softmax(logits / T) cut to the top k
    and to the smallest set whose probability reaches top_p, renormalised."""
    logits = np.asarray(logits, dtype=np.float64)
    if temperature <= 0.0:
        return int(np.argmax(logits))
    z = logits / temperature
    z = z - z[np.isfinite(z)].max()
    p = np.exp(z)
    order = np.argsort(-p, kind="stable")
    p_sorted = p[order] / p.sum()
    keep = len(p_sorted)
    if top_k > 0:
        keep = min(keep, top_k)
    if 0.0 < top_p < 1.0:
        keep = min(keep, int(np.searchsorted(np.cumsum(p_sorted), top_p)) + 1)
    kept = p_sorted[:keep] / p_sorted[:keep].sum()
    return int(order[rng.choice(keep, p=kept)])


class CachedLogits:
    """Logits of the latest window through `melody.step`, for one continuation (not shared
    between threads): the keys and values of the window's first notes are kept while the next
    window starts with the same notes, so only the notes after them are run."""

    def __init__(self, sampler: "MelodySampler"):
        self._sampler = sampler
        self._tok = np.zeros((0, len(FIELDS)), np.int64)  # the notes whose keys/values are cached
        self._cache = sampler.empty_cache

    def __call__(self, tok: np.ndarray) -> tuple:
        tok = tok[-self._sampler.window:]
        n = len(self._tok)
        if not (0 < n < len(tok) and np.array_equal(tok[:n], self._tok)):
            n, self._cache = 0, self._sampler.empty_cache  # the window slid (or a new one): run it whole
        *logits, keys, values = self._sampler.run_step(tok[n:], *self._cache)
        self._tok, self._cache = tok, (keys, values)
        return tuple(logits)


class MelodySampler:
    """Over `melody.decoder` (a session) and, when the bundle has it, `melody.step` (step_session)."""

    def __init__(self, session, preset, step_session=None):
        entry = preset.models["melody.decoder"]
        (self._input, _), = entry.inputs
        self._names = [name for name, _ in entry.outputs]
        self._session = session
        self.window = preset.melody.window
        self._step = step_session
        if step_session is not None:
            step = preset.models["melody.step"]
            self._step_inputs = [name for name, _ in step.inputs]
            self._step_names = [name for name, _ in step.outputs]
            layers, _, heads, _, head_dim = step.inputs[1][1]
            self.empty_cache = (np.zeros((layers, 1, heads, 0, head_dim), np.float32),) * 2

    @property
    def cached(self) -> bool:
        return self._step is not None

    def logits(self, tok: np.ndarray) -> tuple:
        """tok int64 [time, 4] -> (shift, pitch, duration) logits of the next note (whole window)."""
        try:
            return tuple(o[0] for o in self._session.run(self._names, {self._input: tok[None, -self.window:]}))
        except Exception as exc:
            raise ModelError(f"melody decoder run failed: {exc}") from exc

    def run_step(self, tok: np.ndarray, keys: np.ndarray, values: np.ndarray) -> tuple:
        """melody.step on new notes tok [time, 4] after a cache -> (shift, pitch, duration logits,
        keys, values)."""
        try:
            out = self._step.run(self._step_names, dict(zip(self._step_inputs, (tok[None], keys, values))))
        except Exception as exc:
            raise ModelError(f"melody step run failed: {exc}") from exc
        return out[0][0], out[1][0], out[2][0], out[3], out[4]

    def next_logits(self):
        """A function tok -> the next note's logits for one continuation: cached when it can be."""
        return CachedLogits(self) if self._step is not None else self.logits

    def sample(self, tok: np.ndarray, onset: int, bar: int, s: Sampling, rng: np.random.Generator,
               end: Optional[int] = None, max_notes: int = 0) -> list:
        """Draw notes after the token steps `tok` (last onset `onset` ticks, bar length `bar`
        ticks) until one starts at or after `end` or `max_notes` are drawn: [(onset, pitch, duration)]."""
        allowed = scale_mask(s.key, s.scale) if s.key is not None else None
        out = []
        limit = max_notes or MAX_NOTES_PER_BAR * s.bars + 64
        logits = self.next_logits()
        while len(out) < limit:
            shift_l, pitch_l, dur_l = logits(tok)
            if tok[-1, 0] != BOS["shift"]:
                shift_l = shift_l.copy()
                shift_l[0] = -np.inf  # monophonic: no second note on the same onset
            if allowed is not None:
                pitch_l = np.where(allowed, pitch_l, -np.inf)
            shift = draw(shift_l, s.temperature, s.top_k, s.top_p, rng)
            pitch = draw(pitch_l, s.temperature, s.top_k, s.top_p, rng)
            dur = draw(dur_l, s.temperature, s.top_k, s.top_p, rng) + 1
            onset += shift
            if end is not None and onset >= end:
                break
            step = np.array([[shift, pitch, dur - 1, min(onset % bar, MAX_POSITION - 1)]], dtype=np.int64)
            tok = np.concatenate([tok, step])[-self.window:]
            out.append((onset, pitch, dur))
        return out

    def continue_melody(self, opening, s: Sampling) -> list:
        bar = max(1, to_ticks(s.beats_per_bar))
        rows = note_rows(opening, s.beats_per_bar)
        velocity = int(round(np.mean([n.velocity for n in opening]))) if opening else 100
        opening_end = int((rows[:, 1] + rows[:, 2]).max()) if len(rows) else 0
        start = max(bar, math.ceil(opening_end / bar) * bar) if len(rows) else 0
        if s.opening_beats > 0:
            start = max(to_ticks(s.opening_beats), int(rows[-1, 1]) + 1 if len(rows) else 0)
        end = start + s.bars * bar
        onset = int(rows[-1, 1]) if len(rows) else 0
        drawn = self.sample(tokens(rows), onset, bar, s, np.random.default_rng(s.seed), end=end)
        return [Note(pitch, (on - start) / TICKS_PER_BEAT, min(dur, end - on) / TICKS_PER_BEAT, velocity)
                for on, pitch, dur in drawn if on >= start]


__all__ = ["CachedLogits", "MelodySampler", "Sampling", "draw", "BOS", "FIELDS", "HEADS"]
