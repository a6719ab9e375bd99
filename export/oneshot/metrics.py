"""Held-out measures of the one-shot model, in numpy (so they read ONNX and torch outputs alike)."""
from __future__ import annotations

import numpy as np


def _hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)


def _mel_to_hz(m):
    return 700.0 * (10 ** (np.asarray(m) / 2595.0) - 1.0)


def mel_filterbank(sample_rate_hz: int, n_fft: int, n_mels: int, fmin: float = 20.0) -> np.ndarray:
    """[n_mels, n_fft // 2 + 1] triangular filters (HTK mel scale)."""
    freqs = np.linspace(0, sample_rate_hz / 2, n_fft // 2 + 1)
    edges = _mel_to_hz(np.linspace(_hz_to_mel(fmin), _hz_to_mel(sample_rate_hz / 2), n_mels + 2))
    fb = np.zeros((n_mels, freqs.size), np.float32)
    for i in range(n_mels):
        lo, mid, hi = edges[i], edges[i + 1], edges[i + 2]
        fb[i] = np.clip(np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)), 0, None)
    return fb


def stft_mag(x: np.ndarray, n_fft: int, hop: int) -> np.ndarray:
    """|STFT| [..., frames, bins] with a Hann window, frames starting at 0 (no centre padding)."""
    win = np.hanning(n_fft + 1)[:-1].astype(np.float32)
    pad = np.pad(x, [(0, 0)] * (x.ndim - 1) + [(0, n_fft)])
    n = 1 + (pad.shape[-1] - n_fft) // hop
    idx = np.arange(n_fft)[None, :] + hop * np.arange(n)[:, None]
    return np.abs(np.fft.rfft(pad[..., idx] * win, axis=-1))


def log_mel(x: np.ndarray, sample_rate_hz: int, n_fft: int = 2048, hop: int = 512, n_mels: int = 64) -> np.ndarray:
    """log-mel spectrogram in dB, [..., frames, n_mels]"""
    mel = stft_mag(x, n_fft, hop) ** 2 @ mel_filterbank(sample_rate_hz, n_fft, n_mels).T
    return 10 * np.log10(np.maximum(mel, 1e-8))


def _floored_log_mels(a: np.ndarray, b: np.ndarray, sample_rate_hz: int):
    """Log-mels of `a` and target `b`, both floored 80 dB below each target's peak, and the
    target's level relative to its peak (dB, unfloored)."""
    ma, mb = log_mel(a, sample_rate_hz), log_mel(b, sample_rate_hz)
    peak = mb.max(axis=(-2, -1), keepdims=True)
    return np.maximum(ma, peak - 80.0), np.maximum(mb, peak - 80.0), mb - peak


def log_mel_distance_db(a: np.ndarray, b: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """Mean absolute log-mel difference in dB per sound, floors at -80 dB below each target's peak."""
    fa, fb, _ = _floored_log_mels(a, b, sample_rate_hz)
    return np.abs(fa - fb).mean(axis=(-2, -1))


def log_mel_error_by_level(a: np.ndarray, b: np.ndarray, sample_rate_hz: int,
                           edges_db=(-80.0, -60.0, -40.0, -20.0, 0.0)) -> dict:
    """Where the log-mel distance comes from: the target's mel cells grouped by level below its
    peak, with each group's share of cells, mean absolute error and mean signed error (a minus
    b: positive = too loud) in dB, and its part of the overall distance."""
    fa, fb, level = _floored_log_mels(a, b, sample_rate_hz)
    diff = fa - fb
    out = {}
    for lo, hi in zip(edges_db[:-1], edges_db[1:]):
        cells = (level >= lo) & ((level < hi) if hi < 0 else (level <= hi))
        if cells.any():
            out[f"{lo:g}..{hi:g} dB"] = {
                "share": round(float(cells.mean()), 3),
                "abs_db": round(float(np.abs(diff[cells]).mean()), 2),
                "signed_db": round(float(diff[cells].mean()), 2),
                "part_of_distance_db": round(float(np.abs(diff[cells]).sum() / diff.size), 2)}
    return out


def mrstft_distance(a: np.ndarray, b: np.ndarray, sizes=(2048, 1024, 512, 256, 128, 64)) -> np.ndarray:
    """Multi-resolution STFT distance per sound: spectral convergence + log-magnitude L1, averaged."""
    out = np.zeros(a.shape[0])
    for n in sizes:
        sa = np.maximum(stft_mag(a, n, n // 4), 1e-5)
        sb = np.maximum(stft_mag(b, n, n // 4), 1e-5)
        sc = np.linalg.norm(sa - sb, axis=(-2, -1)) / np.maximum(np.linalg.norm(sb, axis=(-2, -1)), 1e-3)
        out += sc + np.abs(np.log(sa) - np.log(sb)).mean(axis=(-2, -1))
    return out / len(sizes)


def nearest_neighbour_distance_db(queries: np.ndarray, library: np.ndarray, sample_rate_hz: int,
                                  chunk: int = 64) -> np.ndarray:
    """For each query, the log-mel distance (as `log_mel_distance_db`) to its closest library sound:
    the retrieval reference a generative model's reconstruction should beat."""
    return nearest_neighbour(queries, library, sample_rate_hz, chunk)[0]


def nearest_neighbour(queries: np.ndarray, library: np.ndarray, sample_rate_hz: int,
                      chunk: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """(distance in dB, index into `library`) of each query's closest library sound."""
    lq = log_mel(queries, sample_rate_hz)
    ll = log_mel(library, sample_rate_hz)
    best = np.full(len(queries), np.inf)
    where = np.zeros(len(queries), int)
    for i, q in enumerate(lq):
        floor = q.max() - 80.0
        qf = np.maximum(q, floor)
        for j in range(0, len(ll), chunk):
            d = np.abs(np.maximum(ll[j:j + chunk], floor) - qf).mean(axis=(-2, -1))
            k = int(d.argmin())
            if d[k] < best[i]:
                best[i], where[i] = float(d[k]), j + k
    return best, where


def peak_normalise(x: np.ndarray) -> np.ndarray:
    """Each row scaled to peak 1 (the level-free comparisons: retrieval, variety)."""
    return x / np.maximum(np.abs(x).max(axis=-1, keepdims=True), 1e-6)


def mean_pairwise_db(mel: np.ndarray) -> float:
    """Mean log-mel distance (dB, floored 80 dB below the first of each pair's peak) between two
    different rows of `log_mel` output [n, frames, mels]: how varied a set of sounds is."""
    d = []
    for i in range(len(mel) - 1):
        floor = mel[i].max() - 80.0
        d.extend(np.abs(np.maximum(mel[i + 1:], floor) - np.maximum(mel[i], floor)).mean(axis=(-2, -1)))
    return float(np.mean(d)) if d else float("nan")
