"""Pseudo-QMF filter bank: 16 cosine-modulated bands, analysis and synthesis as (transposed) convs.

The decoder renders 16 bands at 1/16 of the sample rate and this bank sums them back to full
band, so no layer of the model runs at 44.1 kHz. The prototype is a Kaiser-windowed low-pass
whose cutoff is chosen for near-perfect reconstruction (checked in tests).
"""
from __future__ import annotations

import numpy as np
import torch
from scipy.signal import firwin
from torch import nn
from torch.nn import functional as F


def _bank(bands: int, taps: int, cutoff: float, beta: float) -> tuple[np.ndarray, np.ndarray]:
    proto = firwin(taps + 1, cutoff, window=("kaiser", beta))
    n = np.arange(taps + 1)
    k = np.arange(bands)[:, None]
    phase = (2 * k + 1) * np.pi / (2 * bands) * (n - taps / 2)
    sign = np.where(k % 2 == 0, 1.0, -1.0) * np.pi / 4
    analysis = 2 * proto * np.cos(phase + sign)
    synthesis = 2 * proto * np.cos(phase - sign)
    return analysis.astype(np.float32), synthesis.astype(np.float32)


def _reconstruction_error(bands: int, taps: int, cutoff: float, beta: float) -> float:
    pq = PQMF(bands, taps, cutoff, beta)
    x = torch.randn(1, 1, bands * 512, generator=torch.Generator().manual_seed(0))
    y = pq.synthesis(pq.analysis(x))
    m = taps * 2
    return float((y[..., m:-m] - x[..., m:-m]).abs().max())


class PQMF(nn.Module):
    def __init__(self, bands: int = 16, taps: int = 192, cutoff: float = 0.03640625, beta: float = 8.0):
        super().__init__()
        self.bands, self.taps = bands, taps
        h, g = _bank(bands, taps, cutoff, beta)
        # conv1d correlates, so the analysis filters are stored time-reversed
        self.register_buffer("h", torch.from_numpy(h[:, ::-1].copy())[:, None, :])  # [bands, 1, taps+1]
        self.register_buffer("g", torch.from_numpy(g * bands)[:, None, :])      # [bands, 1, taps+1]

    def analysis(self, x: torch.Tensor) -> torch.Tensor:
        """[B, 1, T] -> [B, bands, T / bands]"""
        return F.conv1d(x, self.h, stride=self.bands, padding=self.taps // 2)[..., : x.shape[-1] // self.bands]

    def synthesis(self, y: torch.Tensor, length: int | None = None) -> torch.Tensor:
        """[B, bands, T / bands] -> [B, 1, T]; pass `length` as a Python int to keep ONNX shapes static"""
        t = length if length is not None else y.shape[-1] * self.bands
        out = F.conv_transpose1d(y, self.g, stride=self.bands)  # [B, 1, (T/bands - 1) * bands + taps + 1]
        start = self.taps // 2
        return out[..., start:start + t]


def best_cutoff(bands: int = 16, taps: int = 192, beta: float = 8.0) -> float:
    grid = np.linspace(0.5 / bands * 0.6, 0.5 / bands * 1.4, 161)
    return float(min(grid, key=lambda c: _reconstruction_error(bands, taps, c, beta)))
