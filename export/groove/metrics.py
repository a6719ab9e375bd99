"""Groove metrics: onset F1 of reconstruction, and how close generated patterns' statistics are
to the corpus's, against a random baseline.

Statistics per pattern (all from the hit grid [9, 32]):
- density per instrument: hits / 32, one statistic per instrument (9);
- syncopation: share of hits on the off-8th 16ths (steps 1, 3, 5, ... of each bar);
- downbeats: share of the 8 quarter-note downbeats (steps 0, 4, ...) that carry a hit;
- total density: hits / 288;
- ghost-note share: share of hits softer than GHOST_VELOCITY (needs velocities);
- hat velocity variance: variance of the closed and open hats' velocities (needs velocities).
Distance: for each statistic, the 1-D Wasserstein distance between the generated patterns'
values and the reference corpus's values, divided by the corpus's standard deviation of that
statistic (so each counts alike), averaged over the statistics (12 from hits alone; 14 when
the patterns carry velocities, [N, 9, 32, 3]). 0 = same distributions.
The random baseline draws each cell independently with the reference's overall hit rate.
"""
from __future__ import annotations

import numpy as np

from server.core.patterns import INSTRUMENTS, STEPS

STAT_NAMES = tuple(f"density_{n}" for n in INSTRUMENTS) + ("syncopation", "downbeats", "density_total")
VELOCITY_STAT_NAMES = ("ghost_share", "hat_velocity_variance")
GHOST_VELOCITY = 0.35
HATS = [INSTRUMENTS.index("closed_hat"), INSTRUMENTS.index("open_hat")]
MS_PER_16TH_AT_120 = 125.0  # 60000 / 120 / 4


def onset_f1(predicted: np.ndarray, target: np.ndarray) -> dict:
    """Micro-averaged over every cell: predicted and target are boolean hit grids [N, 9, 32]."""
    p, t = predicted.astype(bool), target.astype(bool)
    tp = float((p & t).sum())
    precision = tp / max(1.0, float(p.sum()))
    recall = tp / max(1.0, float(t.sum()))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def velocity_stats(patterns: np.ndarray) -> np.ndarray:
    """[N, 9, 32, 3] -> [N, 2]: ghost-note share, hat velocity variance."""
    hits = patterns[..., 0] > 0.5
    vel = patterns[..., 1].astype(np.float64)
    ghost = ((vel < GHOST_VELOCITY) & hits).sum((1, 2)) / np.maximum(hits.sum((1, 2)), 1)
    hat_hits, hat_vel = hits[:, HATS].reshape(len(hits), -1), vel[:, HATS].reshape(len(hits), -1)
    n = np.maximum(hat_hits.sum(1), 1)
    mean = (hat_vel * hat_hits).sum(1) / n
    var = (((hat_vel - mean[:, None]) ** 2) * hat_hits).sum(1) / n
    return np.stack([ghost, var], 1)


def pattern_stats(hits: np.ndarray) -> np.ndarray:
    """[N, 9, 32] bool -> [N, 12] statistics (STAT_NAMES); [N, 9, 32, 3] -> [N, 14]."""
    if hits.ndim == 4:
        return np.concatenate([pattern_stats(hits[..., 0] > 0.5), velocity_stats(hits)], 1)
    h = hits.astype(np.float64)
    per_inst = h.mean(2)
    steps = np.arange(STEPS)
    total_hits = h.sum((1, 2))
    offbeat = h[:, :, steps % 2 == 1].sum((1, 2)) / np.maximum(total_hits, 1)
    downbeat = h[:, :, steps % 4 == 0].max(1).mean(1)
    return np.concatenate([per_inst, offbeat[:, None], downbeat[:, None], h.mean((1, 2))[:, None]], 1)


def _wasserstein_1d(a: np.ndarray, b: np.ndarray) -> float:
    qs = np.linspace(0, 1, 201)
    return float(np.abs(np.quantile(a, qs) - np.quantile(b, qs)).mean())


def stats_distance(generated: np.ndarray, reference: np.ndarray) -> dict:
    g, r = pattern_stats(generated), pattern_stats(reference)
    names = STAT_NAMES + (VELOCITY_STAT_NAMES if g.shape[1] > len(STAT_NAMES) else ())
    scale = np.maximum(r.std(0), 1e-3)
    per = {name: round(_wasserstein_1d(g[:, k], r[:, k]) / scale[k], 4) for k, name in enumerate(names)}
    return {"distance": round(float(np.mean(list(per.values()))), 4), "per_statistic": per,
            "generated_means": {n: round(float(v), 4) for n, v in zip(names, g.mean(0))}}


def random_baseline(reference: np.ndarray, count: int, seed: int = 0) -> np.ndarray:
    rate = float(reference.mean())
    return np.random.default_rng(seed).random((count,) + reference.shape[1:]) < rate
