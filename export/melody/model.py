"""The melody decoder: a small causal transformer over CP steps with rotary position.

Input `tokens` int64 [batch, time, 4] (shift, pitch, duration, position ids; server.core.melody),
the four field embeddings summed into one vector per note (compound word). Pre-LN blocks with
rotary position embedding on queries and keys (RoFormer): attention depends only on the distance
between notes, so a sliding window of the latest `window` notes needs no absolute positions.
Outputs: logits of the next note's shift, pitch and duration at the LAST step (the graph the
server runs), or at every step (`all_steps=True`, training).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

from server.core.melody import FIELDS, HEADS, VOCAB


@dataclass
class MelodyConfig:
    d_model: int = 128
    layers: int = 4
    heads: int = 4
    ff: int = 512
    window: int = 64
    dropout: float = 0.1

    def as_dict(self) -> dict:
        return asdict(self)


def rotary(x: torch.Tensor) -> torch.Tensor:
    """x [B, H, T, D] -> x rotated by position (RoFormer, half-split layout)."""
    d = x.shape[-1] // 2
    t = torch.arange(x.shape[-2], dtype=torch.float32, device=x.device)
    inv = torch.exp(torch.arange(d, dtype=torch.float32, device=x.device) * (-math.log(10000.0) / d))
    ang = t[:, None] * inv[None, :]
    cos, sin = torch.cos(ang), torch.sin(ang)
    a, b = x[..., :d], x[..., d:]
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)


class Block(nn.Module):
    def __init__(self, cfg: MelodyConfig):
        super().__init__()
        self.h = cfg.heads
        self.ln1, self.ln2 = nn.LayerNorm(cfg.d_model), nn.LayerNorm(cfg.d_model)
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        self.ff = nn.Sequential(nn.Linear(cfg.d_model, cfg.ff), nn.GELU(), nn.Linear(cfg.ff, cfg.d_model))
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, c = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.h, c // self.h).permute(2, 0, 3, 1, 4)
        q, k = rotary(q), rotary(k)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(c // self.h) + mask
        y = (torch.softmax(att, dim=-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.drop(self.proj(y))
        return x + self.drop(self.ff(self.ln2(x)))


class MelodyDecoder(nn.Module):
    def __init__(self, cfg: MelodyConfig):
        super().__init__()
        self.cfg = cfg
        self.emb = nn.ModuleList(nn.Embedding(VOCAB[f], cfg.d_model) for f in FIELDS)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.layers))
        self.ln = nn.LayerNorm(cfg.d_model)
        self.out = nn.ModuleList(nn.Linear(cfg.d_model, VOCAB[f] - 1) for f in HEADS)  # BOS never predicted

    def forward(self, tokens: torch.Tensor, all_steps: bool = False):
        x = sum(e(tokens[..., i]) for i, e in enumerate(self.emb))
        t = tokens.shape[1]
        mask = torch.triu(torch.full((t, t), -1e9, device=tokens.device), diagonal=1)
        for blk in self.blocks:
            x = blk(x, mask)
        h = self.ln(x if all_steps else x[:, -1])
        return tuple(o(h) for o in self.out)


def loss(model: MelodyDecoder, tok: torch.Tensor, lengths: torch.Tensor | None = None):
    """Mean next-note NLL per field over valid steps; tok [B, T+1, 4] (BOS first)."""
    logits = model(tok[:, :-1], all_steps=True)
    target = tok[:, 1:]
    valid = torch.ones(target.shape[:2], dtype=torch.bool, device=tok.device)
    if lengths is not None:
        valid = torch.arange(target.shape[1], device=tok.device)[None] < lengths[:, None]
    out = {}
    for i, name in enumerate(HEADS):
        nll = F.cross_entropy(logits[i].flatten(0, 1), target[..., i].flatten(), reduction="none")
        out[name] = (nll * valid.flatten()).sum() / valid.sum().clamp(min=1)
    return out


def count_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())
