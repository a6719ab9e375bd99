"""The prior's denoiser and its sampler, in torch (training, parity) — `server/presets/prior.py` runs the same
sampler in numpy over the exported ONNX denoiser.

Flow matching (rectified flow) in the normalised latent x = (z - mean) / std, with mean and std the
preset's `latent_prior`: x_t = (1 - t) * noise + t * x_data, and the net predicts the velocity
x_data - noise. Sampling integrates dx/dt = v(x, t, class) from t0 to 1 with Euler steps; t0 = 0 draws
a new sound from noise, t0 > 0 starts from a noised copy of a given sound (variation, transformation).
Class conditioning is a one-hot vector; all zeros means unconditioned (trained by dropping the class
20% of the time), which also gives classifier-free guidance: v = v_u + g * (v_c - v_u).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn


@dataclass
class PriorConfig:
    latent_size: int = 32
    n_classes: int = 8
    width: int = 256
    blocks: int = 4
    time_features: int = 16

    def as_dict(self) -> dict:
        return asdict(self)


class _Block(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.film = nn.Linear(width, 2 * width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, h: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        scale, shift = self.film(cond).chunk(2, dim=-1)
        y = self.norm(h) * (1 + scale) + shift
        return h + self.fc2(torch.nn.functional.silu(self.fc1(torch.nn.functional.silu(y))))


class Denoiser(nn.Module):
    """(x [B, latent], t [B, 1], class_onehot [B, classes]) -> velocity [B, latent]."""

    def __init__(self, cfg: PriorConfig):
        super().__init__()
        self.cfg = cfg
        half = cfg.time_features // 2
        self.register_buffer("freqs", torch.exp(torch.linspace(0, math.log(100.0), half)) * math.pi)
        self.cond = nn.Sequential(nn.Linear(cfg.time_features + cfg.n_classes, cfg.width), nn.SiLU(),
                                  nn.Linear(cfg.width, cfg.width))
        self.inp = nn.Linear(cfg.latent_size, cfg.width)
        self.blocks = nn.ModuleList([_Block(cfg.width) for _ in range(cfg.blocks)])
        self.out = nn.Sequential(nn.LayerNorm(cfg.width), nn.Linear(cfg.width, cfg.latent_size))

    def forward(self, x: torch.Tensor, t: torch.Tensor, class_onehot: torch.Tensor) -> torch.Tensor:
        angles = t * self.freqs
        cond = self.cond(torch.cat([torch.sin(angles), torch.cos(angles), class_onehot], dim=-1))
        h = self.inp(x)
        for block in self.blocks:
            h = block(h, cond)
        return self.out(h)


def onehot(classes: np.ndarray, n_classes: int) -> np.ndarray:
    """Class indices -> one-hot rows; -1 -> all zeros (unconditioned)."""
    out = np.zeros((len(classes), n_classes), np.float32)
    keep = classes >= 0
    out[np.flatnonzero(keep), classes[keep]] = 1.0
    return out


def schedule(t0: float, steps: int) -> list:
    """Times of an Euler walk from t0 to 1: `steps` steps for a full walk from noise, proportionally
    fewer (at least one) from a part-noised start. The server uses the same function's numbers."""
    n = max(1, math.ceil(steps * (1.0 - t0) - 1e-9))
    return [t0 + (1.0 - t0) * i / n for i in range(n + 1)]


@torch.no_grad()
def sample(net: Denoiser, x0: torch.Tensor, t0: float, class_onehot: torch.Tensor, steps: int,
           guidance: float) -> torch.Tensor:
    """Integrate from x0 at time t0 to t = 1; guidance applies where class_onehot is not all zero."""
    x = x0.clone()
    times = schedule(t0, steps)
    zeros = torch.zeros_like(class_onehot)
    for a, b in zip(times[:-1], times[1:]):
        t = torch.full((x.shape[0], 1), a)
        v_u = net(x, t, zeros)
        v = v_u + guidance * (net(x, t, class_onehot) - v_u)
        x = x + (b - a) * v
    return x
