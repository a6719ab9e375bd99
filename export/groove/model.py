"""The groove VAE: pattern [batch, 9, 32, 3] (hit, velocity, offset) -> z -> per-cell outputs.

Small and fast (about 0.4 M parameters; a batch-1 decode is well under a millisecond on one
CPU core). The encoder reads the 27 values of each step as channels of a 1-D conv over time;
the decoder mirrors it. Outputs, the `groove.decoder` ONNX role:
    hit_logits [batch, 9, 32]   logits of a hit at each cell
    velocity   [batch, 9, 32]   in (0, 1), meaningful where there is a hit
    offset     [batch, 9, 32]   micro-timing in 16ths, in (-0.5, 0.5), negative = early
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn

from server.core.patterns import NINST, OFFSET_LIMIT, STEPS


@dataclass(frozen=True)
class GrooveConfig:
    latent_size: int = 16
    channels: int = 96
    hidden: int = 256
    instruments: int = NINST
    steps: int = STEPS

    def as_dict(self) -> dict:
        return asdict(self)


class Encoder(nn.Module):
    """pattern [B, 9, 32, 3] -> (mu, logvar) [B, latent]."""

    def __init__(self, cfg: GrooveConfig):
        super().__init__()
        c, half = cfg.channels, cfg.steps // 2
        self.net = nn.Sequential(
            nn.Conv1d(cfg.instruments * 3, c, 3, padding=1), nn.GELU(),
            nn.Conv1d(c, c, 3, stride=2, padding=1), nn.GELU(),
            nn.Flatten(), nn.Linear(c * half, cfg.hidden), nn.GELU())
        self.mu = nn.Linear(cfg.hidden, cfg.latent_size)
        self.logvar = nn.Linear(cfg.hidden, cfg.latent_size)

    def forward(self, pattern: torch.Tensor):
        b, i, t, f = pattern.shape
        x = pattern.permute(0, 1, 3, 2).reshape(b, i * f, t)
        h = self.net(x)
        return self.mu(h), self.logvar(h).clamp(-12.0, 8.0)


class Decoder(nn.Module):
    """z [B, latent] -> hit_logits, velocity, offset, each [B, 9, 32]."""

    def __init__(self, cfg: GrooveConfig):
        super().__init__()
        c, self.half, self.c = cfg.channels, cfg.steps // 2, cfg.channels
        self.inst = cfg.instruments
        self.fc = nn.Sequential(nn.Linear(cfg.latent_size, cfg.hidden), nn.GELU(),
                                nn.Linear(cfg.hidden, c * self.half), nn.GELU())
        self.conv = nn.Sequential(
            nn.ConvTranspose1d(c, c, 4, stride=2, padding=1), nn.GELU(),
            nn.Conv1d(c, c, 3, padding=1), nn.GELU(),
            nn.Conv1d(c, cfg.instruments * 3, 1))

    def forward(self, z: torch.Tensor):
        h = self.fc(z).reshape(z.shape[0], self.c, self.half)
        out = self.conv(h).reshape(z.shape[0], 3, self.inst, -1)
        return out[:, 0], torch.sigmoid(out[:, 1]), OFFSET_LIMIT * torch.tanh(out[:, 2])


class GrooveVAE(nn.Module):
    def __init__(self, cfg: GrooveConfig):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)

    def forward(self, pattern: torch.Tensor):
        mu, logvar = self.encoder(pattern)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar) if self.training else mu
        return self.decoder(z), mu, logvar


def loss_terms(outputs, pattern: torch.Tensor, mu, logvar, free_bits: float = 0.1) -> dict:
    logits, velocity, offset = outputs
    hit = pattern[..., 0]
    mask = hit > 0.5
    n = mask.sum().clamp(min=1)
    bce = nn.functional.binary_cross_entropy_with_logits(logits, hit)
    vel = ((velocity - pattern[..., 1]) ** 2 * mask).sum() / n
    off = ((offset - pattern[..., 2]) ** 2 * mask).sum() / n
    kl_dims = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).mean(0)
    kl = torch.clamp(kl_dims, min=free_bits).sum()
    return {"bce": bce, "velocity": vel, "offset": off, "kl": kl, "kl_raw": kl_dims.sum()}


def count_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())
