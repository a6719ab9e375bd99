"""Drum patterns: the instrument table and pure post-processing of a groove decoder's output.

A pattern is 9 instruments x 32 steps (2 bars of 16ths in 4/4) with, per cell, a velocity in
[0, 1] (0 = no hit) and a micro-timing offset in 16ths (negative = early, within +-0.5).

`shape(decoded, controls)` turns the decoder's hit logits into hits with the performer's
temperature and per-instrument density, deterministically: the same seed gives the same
pattern. No model, no I/O, no threads.

How the controls act (one fixed uniform draw `u` [9, 32] per seed):
    bias_i = DENSITY_GAIN * logit(density_i)     (density 0.5 = the model as decoded: bias 0)
    hit    = logit + bias_i > temperature * logit(u)
Temperature 0 is a plain threshold at p = 0.5; temperature 1 samples each step with the
model's probability; raising a density only ever adds hits, lowering it only removes them,
because `u` stays fixed while the controls move.

Swing (0..1) delays every off-8th 16th (steps 1, 3, 5, ...) by swing * SWING_MAX_16THS on top
of the decoded micro-timing (clipped to +-0.5): 0 = as decoded, 2/3 = triplet (shuffle) feel.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

STEPS = 32  # 2 bars of 16ths
STEPS_PER_BEAT = 4
OFFSET_LIMIT = 0.5  # |offset| in 16ths
DENSITY_GAIN = 2.0
NEUTRAL_DENSITY = 0.5
SWING_MAX_16THS = 0.5  # swing 1.0 delays the off-8th 16ths by half a 16th

# (name, General MIDI note, the GM notes folded onto it when reading a MIDI clip).
# One table for the corpus, the model's rows, the OSC `inst` index and the MIDI files.
INSTRUMENT_TABLE = (
    ("kick", 36, (35, 36)),
    ("snare", 38, (37, 38, 39, 40)),
    ("closed_hat", 42, (42, 44)),
    ("open_hat", 46, (46,)),
    ("low_tom", 45, (41, 43, 45)),
    ("mid_tom", 47, (47, 48)),
    ("high_tom", 50, (50,)),
    ("crash", 49, (49, 52, 55, 57)),
    ("ride", 51, (51, 53, 59)),
)
INSTRUMENTS = tuple(name for name, _, _ in INSTRUMENT_TABLE)
GM_NOTES = tuple(note for _, note, _ in INSTRUMENT_TABLE)
NINST = len(INSTRUMENTS)
NOTE_TO_INSTRUMENT = {n: i for i, (_, _, notes) in enumerate(INSTRUMENT_TABLE) for n in notes}


@dataclass(frozen=True)
class Controls:
    """The performer's decode-time controls."""
    density: tuple = (NEUTRAL_DENSITY,) * NINST  # per instrument, in [0, 1]
    temperature: float = 0.0  # 0 = threshold; 1 = sample with the model's probabilities
    seed: int = 0
    swing: float = 0.0  # 0 = as decoded; 1 = off-8th 16ths half a 16th late

    def with_density(self, value: float, instrument=None) -> "Controls":
        density = list(self.density)
        for i in range(NINST) if instrument is None else (instrument,):
            density[i] = float(value)
        return replace(self, density=tuple(density))

    def with_temperature(self, value: float) -> "Controls":
        return replace(self, temperature=float(value))

    def with_swing(self, value: float) -> "Controls":
        return replace(self, swing=float(value))


@dataclass(frozen=True, eq=False)
class Pattern:
    velocity: np.ndarray  # [9, 32] float32 in [0, 1]; 0 = no hit
    offset: np.ndarray  # [9, 32] float32 in 16ths, [-0.5, 0.5]; 0 where there is no hit

    @property
    def hits(self) -> np.ndarray:
        return self.velocity > 0


def noise(seed: int, shape=(NINST, STEPS)) -> np.ndarray:
    """The fixed uniform draw for a seed (open interval, so its logit is finite)."""
    u = np.random.default_rng(seed).random(shape)
    return np.clip(u, 1e-6, 1 - 1e-6)


def _logit(p) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


@lru_cache(maxsize=16)
def _noise_logit(seed: int, shape: tuple) -> np.ndarray:
    """logit(noise(seed)), read-only: the same every call for a seed, so drawn once (a new
    numpy Generator per pattern was most of `shape`'s time). 16 seeds x 2.3 KB at most."""
    threshold = _logit(noise(seed, shape))
    threshold.setflags(write=False)
    return threshold


@lru_cache(maxsize=64)
def _density_bias(density: tuple) -> np.ndarray:
    """Per-instrument logit bias [9, 1], read-only: -inf at density 0, +inf at 1."""
    d = np.asarray(density, dtype=np.float64)
    bias = DENSITY_GAIN * _logit(d)[:, None]
    bias = np.where(d[:, None] <= 0.0, -np.inf, np.where(d[:, None] >= 1.0, np.inf, bias))
    bias.setflags(write=False)
    return bias


def shape(hit_logits: np.ndarray, velocity: np.ndarray, offset: np.ndarray,
          controls: Controls) -> Pattern:
    """Decoder output for one pattern ([9, 32] each) + controls -> a Pattern."""
    logits = np.nan_to_num(np.asarray(hit_logits, dtype=np.float64), nan=-1e9)
    bias = _density_bias(tuple(float(d) for d in controls.density))
    temperature = float(controls.temperature)
    # temperature 0: temperature * logit(u) is +-0 everywhere (u is clipped, so the logit is finite),
    # and x > -0.0 is x > 0.0: the plain threshold, without touching the noise
    threshold = 0.0 if temperature == 0.0 else temperature * _noise_logit(int(controls.seed), logits.shape)
    hits = logits + bias > threshold
    vel = np.clip(np.nan_to_num(np.asarray(velocity, dtype=np.float32)), 0.01, 1.0)
    off = np.nan_to_num(np.asarray(offset, dtype=np.float32))
    if controls.swing:
        off = off.copy()
        off[:, 1::2] += np.float32(controls.swing * SWING_MAX_16THS)
    off = np.clip(off, -OFFSET_LIMIT, OFFSET_LIMIT)
    return Pattern(np.where(hits, vel, 0.0).astype(np.float32), np.where(hits, off, 0.0).astype(np.float32))


def from_array(pattern: np.ndarray) -> Pattern:
    """[9, 32, 3] (hit, velocity, offset) -> Pattern (the corpus layout)."""
    hits = pattern[..., 0] > 0.5
    vel = np.where(hits, np.clip(pattern[..., 1], 0.01, 1.0), 0.0).astype(np.float32)
    off = np.where(hits, np.clip(pattern[..., 2], -OFFSET_LIMIT, OFFSET_LIMIT), 0.0).astype(np.float32)
    return Pattern(vel, off)


def to_array(pattern: Pattern) -> np.ndarray:
    """Pattern -> [9, 32, 3] float32 (hit, velocity, offset)."""
    return np.stack([pattern.hits.astype(np.float32), pattern.velocity, pattern.offset], -1)
