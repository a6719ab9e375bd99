"""A mel-spectrogram + Griffin-Lim render, SampleVAE's way of turning a model's output into
audio, timed as the peer of our waveform decoder: 128 mels, n_fft 2048, hop 512, Hann window,
mel -> linear magnitude by the filterbank's pseudo-inverse (clipped at 0), then 32 Griffin-Lim
iterations with momentum 0.99 (the fast variant torchaudio uses), in torch on the CPU."""

from __future__ import annotations

import numpy as np

N_MELS, N_FFT, HOP, ITERATIONS, MOMENTUM = 128, 2048, 512, 32, 0.99
SETTINGS = f"{N_MELS} mels, n_fft {N_FFT}, hop {HOP}, {ITERATIONS} Griffin-Lim iterations (momentum {MOMENTUM})"


def mel_filterbank(sample_rate_hz: int, n_fft: int = N_FFT, n_mels: int = N_MELS) -> np.ndarray:
    """Triangular filters on the HTK mel scale, [n_mels, n_fft // 2 + 1]."""
    mel = lambda hz: 2595.0 * np.log10(1.0 + hz / 700.0)  # noqa: E731
    edges_hz = 700.0 * (10 ** (np.linspace(0, mel(sample_rate_hz / 2), n_mels + 2) / 2595.0) - 1.0)
    bins = np.linspace(0, sample_rate_hz / 2, n_fft // 2 + 1)
    low, centre, high = edges_hz[:-2, None], edges_hz[1:-1, None], edges_hz[2:, None]
    rising = (bins - low) / (centre - low)
    falling = (high - bins) / (high - centre)
    return np.maximum(0.0, np.minimum(rising, falling)).astype(np.float32)


class MelGriffinLim:
    def __init__(self, sample_rate_hz: int, samples: int):
        import torch

        self.torch = torch
        self.samples = samples
        self.window = torch.hann_window(N_FFT)
        self.filterbank = mel_filterbank(sample_rate_hz)
        self.inverse = torch.from_numpy(np.linalg.pinv(self.filterbank))

    def mel_of(self, audio):
        """The input the renderer is given: a mel magnitude spectrogram [n_mels, frames]."""
        spec = self.torch.stft(audio, N_FFT, HOP, window=self.window, return_complex=True).abs()
        return self.torch.from_numpy(self.filterbank) @ spec

    def render(self, mel):
        torch = self.torch
        magnitude = (self.inverse @ mel).clamp(min=0.0)
        angles = torch.exp(2j * np.pi * torch.rand(magnitude.shape))
        previous = torch.zeros_like(angles)
        for _ in range(ITERATIONS):
            audio = torch.istft(magnitude * angles, N_FFT, HOP, window=self.window, length=self.samples)
            rebuilt = torch.stft(audio, N_FFT, HOP, window=self.window, return_complex=True)
            angles = rebuilt - (MOMENTUM / (1 + MOMENTUM)) * previous
            previous = rebuilt
            angles = angles / angles.abs().clamp(min=1e-16)
        return torch.istft(magnitude * angles, N_FFT, HOP, window=self.window, length=self.samples)
