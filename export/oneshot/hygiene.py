"""Corpus hygiene: find one-shots cut off while still loud, and fade them the way they would decay.

A sample file that ends (or is cut by the one-shot window) while the sound is loud stops with a
click: its level falls by more than 20 dB within 10 ms, from above -30 dB (relative to its peak),
and never comes back. Real, whole hits never do that; a model trained on such files learns to
stop sounds dead. The same measure is applied to what the model renders (`export.oneshot.crosssource`).
"""
from __future__ import annotations

import numpy as np

FRAME_S = 0.002     # level read in 2 ms windows every 1 ms
HOP_S = 0.001
FROM_DB = -30.0     # the sound is loud: within 30 dB of its peak
DROP_DB = 20.0      # ... and falls by more than 20 dB
WITHIN_S = 0.010    # ... within 10 ms, and stays down
FADE_S = 0.080      # a cut sound is faded out over the 80 ms before its cut (exponential, to -60 dB)


def level_db(audio: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """Short-time RMS level in dB relative to the sound's own peak RMS, [frames] (or [N, frames])."""
    x = np.atleast_2d(np.asarray(audio, np.float32))
    frame, hop = int(FRAME_S * sample_rate_hz), int(HOP_S * sample_rate_hz)
    n = 1 + max(0, (x.shape[1] - frame) // hop)
    idx = np.arange(frame)[None, :] + hop * np.arange(n)[:, None]
    rms = np.sqrt(np.mean(np.square(x[:, idx]), axis=-1) + 1e-12)
    db = 20 * np.log10(rms / rms.max(axis=1, keepdims=True))
    return db if np.ndim(audio) == 2 else db[0]


def cut_frame(audio: np.ndarray, sample_rate_hz: int) -> int | None:
    """The frame (1 ms units) where a sound is cut off while loud, or None when it is not."""
    db = level_db(audio, sample_rate_hz)
    k = int(round(WITHIN_S / HOP_S))
    # the loudest the sound will ever be again from each frame on
    later_max = np.maximum.accumulate(db[::-1])[::-1]
    loud = db[:-k] > FROM_DB
    falls = later_max[k:] < db[:-k] - DROP_DB
    hits = np.flatnonzero(loud & falls)
    return int(hits[0]) if hits.size else None


def is_cut(audio: np.ndarray, sample_rate_hz: int) -> bool:
    return cut_frame(audio, sample_rate_hz) is not None


def cut_share(audio: np.ndarray, sample_rate_hz: int) -> float:
    """Share of rows [N, T] cut off while loud."""
    return float(np.mean([is_cut(row, sample_rate_hz) for row in audio])) if len(audio) else 0.0


def fade_cut(audio: np.ndarray, sample_rate_hz: int) -> tuple[np.ndarray, bool]:
    """(audio, was_cut): a sound cut while loud gets an exponential decay to -60 dB over the
    FADE_S before the cut (or from its peak, when the cut comes sooner); others come back as-is."""
    frame = cut_frame(audio, sample_rate_hz)
    if frame is None:
        return audio, False
    hop = int(HOP_S * sample_rate_hz)
    end = min(len(audio), frame * hop + int(FRAME_S * sample_rate_hz) + int(WITHIN_S * sample_rate_hz))
    peak_at = int(np.argmax(np.abs(audio[:end])))
    start = max(peak_at, end - int(FADE_S * sample_rate_hz))
    out = audio.copy()
    n = end - start
    if n > 0:
        out[start:end] *= np.power(10.0, -3.0 * np.arange(n) / n).astype(np.float32)  # 0 .. -60 dB
    out[end:] = 0.0
    return out, True
