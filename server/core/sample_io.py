"""Read a user's sound file as a model-ready one-shot.

Pure functions over files and arrays (no threads, no sockets). Used by `export/` to build corpora
and by the server for a user's files, so the server and training see sounds the same way.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

ONSET_DB = -30.0          # onset = first sample within 30 dB of the peak
PRE_ROLL_S = 0.002        # keep 2 ms before the onset
FADE_S = 0.010            # fade applied when a sound is cut short
MAX_FILE_SECONDS = 600.0  # refuse longer files: a one-shot is not a 10-minute recording
SILENCE_PEAK = 1e-4       # -80 dBFS


def resample(audio: np.ndarray, from_hz: int, to_hz: int) -> np.ndarray:
    """libsoxr HQ resampling of mono [T] or a batch [N, T] (no-op when the rates match)."""
    if from_hz == to_hz:
        return audio
    if audio.ndim == 2:
        return np.stack([resample(row, from_hz, to_hz) for row in audio])
    return soxr.resample(audio, from_hz, to_hz, quality="HQ").astype(np.float32, copy=False)


def read_mono(path: str | os.PathLike, max_seconds: float = MAX_FILE_SECONDS) -> tuple[np.ndarray, int]:
    """Read any libsndfile format (WAV, AIFF, FLAC, OGG) as float32 mono; ValueError on bad files."""
    if not os.path.exists(path):  # libsndfile would say only "System error."
        raise ValueError(f"cannot read {Path(path).name}: no such file")
    if os.path.isdir(path):
        raise ValueError(f"cannot read {Path(path).name}: a folder, not a sound file")
    try:
        info = sf.info(str(path))
    except (RuntimeError, sf.LibsndfileError) as e:
        raise ValueError(f"cannot read {Path(path).name}: {e}") from e
    if info.frames <= 0:
        raise ValueError(f"{Path(path).name} is empty")
    if info.frames > max_seconds * info.samplerate:
        raise ValueError(f"{Path(path).name} is {info.frames / info.samplerate:.0f} s long; "
                         f"one-shots over {max_seconds:.0f} s are refused")
    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, sf.LibsndfileError) as e:
        raise ValueError(f"cannot decode {Path(path).name}: {e}") from e
    if data.shape[0] == 0:
        raise ValueError(f"{Path(path).name} is empty")
    return data.mean(axis=1), int(rate)


def fit_oneshot(mono: np.ndarray, length: int, sample_rate_hz: int) -> np.ndarray:
    """Trim to the onset, cut or pad to `length`, peak-normalise to 0.9."""
    return fit_oneshot_level(mono, length, sample_rate_hz)[0]


def fit_oneshot_level(mono: np.ndarray, length: int, sample_rate_hz: int) -> tuple[np.ndarray, float]:
    """`fit_oneshot`, and the gain that puts the result back at the sound's own level (its peak
    over 0.9): the model sees every sound at one level, the pad plays it at the file's."""
    mono = np.nan_to_num(mono.astype(np.float32, copy=False))
    peak = float(np.max(np.abs(mono))) if mono.size else 0.0
    if peak < SILENCE_PEAK:
        raise ValueError("the sound is silent (peak below -80 dBFS)")
    above = np.flatnonzero(np.abs(mono) >= peak * 10 ** (ONSET_DB / 20))
    start = max(0, int(above[0]) - int(PRE_ROLL_S * sample_rate_hz))
    x = mono[start:start + length]
    out = np.zeros(length, np.float32)
    out[: x.size] = x
    if mono.size - start > length:
        n = int(FADE_S * sample_rate_hz)
        out[-n:] *= np.linspace(1.0, 0.0, n, dtype=np.float32)
    peak_out = float(np.max(np.abs(out)))
    return out * (0.9 / peak_out), peak_out / 0.9


def load_oneshot(path: str | os.PathLike, sample_rate_hz: int, length: int) -> np.ndarray:
    """A file as a model input: mono, at `sample_rate_hz`, trimmed to its onset, `length` samples."""
    return load_oneshot_level(path, sample_rate_hz, length)[0]


def load_oneshot_level(path: str | os.PathLike, sample_rate_hz: int, length: int) -> tuple[np.ndarray, float]:
    """`load_oneshot`, and the gain back to the file's own level (`fit_oneshot_level`)."""
    mono, rate = read_mono(path)
    head = mono[: int(np.ceil((length + PRE_ROLL_S * rate) * rate / sample_rate_hz)) + rate]
    # resample only what can end up in the window (plus the onset search), not a long recording
    peak_at = int(np.argmax(np.abs(mono)))
    if peak_at >= head.size - rate // 2:
        head = mono
    return fit_oneshot_level(resample(head, rate, sample_rate_hz), length, sample_rate_hz)
