"""The melody decoder: a small causal transformer over CP steps with rotary position.

Input `tokens` int64 [batch, time, 4] (shift, pitch, duration, position ids; server.core.melody),
the four field embeddings summed into one vector per note (compound word). Pre-LN blocks with
rotary position embedding on queries and keys (RoFormer): attention depends only on the distance
between notes, so a sliding window of the latest `window` notes needs no absolute positions.
Outputs: logits of the next note's shift, pitch and duration at the LAST step (the graph the
server runs), or at every step (`all_steps=True`, training).

`MelodyStep` is the same network with a key/value cache (the `melody.step` graph): it takes the
new notes and every layer's keys and values of the notes before them, and returns the logits and
the cache grown by the new notes. Keys are cached after rotation at their place in the window
(0, 1, ...), so while the window has not slid the cached run equals the whole-window run.
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


def rotary_angles(t: int, d: int, offset=0, device=None) -> tuple:
    """cos, sin [t, d] of positions offset .. offset+t-1 (RoFormer frequencies, d = head_dim / 2)."""
    pos = torch.arange(t, dtype=torch.float32, device=device) + offset
    inv = torch.exp(torch.arange(d, dtype=torch.float32, device=device) * (-math.log(10000.0) / d))
    ang = pos[:, None] * inv[None, :]
    return torch.cos(ang), torch.sin(ang)


def rotate(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x [B, H, T, D] rotated by the angles of its T positions (half-split layout)."""
    d = x.shape[-1] // 2
    a, b = x[..., :d], x[..., d:]
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)


def rotary(x: torch.Tensor, offset=0) -> torch.Tensor:
    """x [B, H, T, D] -> x rotated by position offset.. offset+T-1 (RoFormer, half-split layout)."""
    return rotate(x, *rotary_angles(x.shape[-2], x.shape[-1] // 2, offset, x.device))


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
        return self.cached(x, mask)[0]

    def cached(self, x: torch.Tensor, mask: torch.Tensor, past_k=None, past_v=None, angles=None) -> tuple:
        """x [B, T, C] after P cached notes (past_k/past_v [B, H, P, C/H], or None; `angles`:
        rotary_angles of positions P.. P+T-1, default 0..T-1) -> (x, keys, values), keys and
        values covering all P + T notes."""
        b, t, c = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.h, c // self.h).permute(2, 0, 3, 1, 4)
        cos, sin = angles if angles is not None else rotary_angles(t, c // self.h // 2, device=x.device)
        q, k = rotate(q, cos, sin), rotate(k, cos, sin)
        if past_k is not None:
            k, v = torch.cat([past_k, k], dim=2), torch.cat([past_v, v], dim=2)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(c // self.h) + mask
        y = (torch.softmax(att, dim=-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.drop(self.proj(y))
        return x + self.drop(self.ff(self.ln2(x))), k, v


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
        angles = rotary_angles(t, self.cfg.d_model // self.cfg.heads // 2, device=tokens.device)
        for blk in self.blocks:
            x = blk.cached(x, mask, angles=angles)[0]
        h = self.ln(x if all_steps else x[:, -1])
        return tuple(o(h) for o in self.out)


class MelodyStep(nn.Module):
    """The decoder with a key/value cache, for the `melody.step` graph.

    tokens [B, T, 4] (the notes after the cached ones), past_keys and past_values
    [layers, B, heads, P, d_model/heads] (P = 0: nothing cached) -> the next note's shift, pitch
    and duration logits (after the last new note) and present_keys / present_values
    [layers, B, heads, P + T, d_model/heads]."""

    def __init__(self, decoder: MelodyDecoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, tokens: torch.Tensor, past_keys: torch.Tensor, past_values: torch.Tensor):
        m = self.decoder
        x = sum(e(tokens[..., i]) for i, e in enumerate(m.emb))
        past, t = past_keys.shape[3], tokens.shape[1]
        rows = torch.arange(t, device=tokens.device)[:, None] + past
        cols = torch.arange(t + past, device=tokens.device)[None, :]
        mask = (cols > rows).to(torch.float32) * -1e9  # the decoder's triu mask, shifted by `past`
        angles = rotary_angles(t, past_keys.shape[4] // 2, past, tokens.device)  # once for every layer
        keys, values = [], []
        for i, blk in enumerate(m.blocks):
            x, k, v = blk.cached(x, mask, past_keys[i], past_values[i], angles)
            keys.append(k)
            values.append(v)
        h = m.ln(x[:, -1])
        return (*(o(h) for o in m.out), torch.stack(keys), torch.stack(values))

    def empty_cache(self, batch: int = 1) -> tuple:
        cfg = self.decoder.cfg
        shape = (cfg.layers, batch, cfg.heads, 0, cfg.d_model // cfg.heads)
        return torch.zeros(shape), torch.zeros(shape)


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
