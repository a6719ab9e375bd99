"""The level-free comparisons the cross-source figures rest on: nearest training sound (distance
and which one), peak normalisation, and the within-set variety."""

from __future__ import annotations

import numpy as np

from export.oneshot import metrics

SR = 44100


def _tone(hz: float, tau_s: float, gain: float = 0.9) -> np.ndarray:
    t = np.arange(8192) / SR
    return (gain * np.sin(2 * np.pi * hz * t) * np.exp(-t / tau_s)).astype(np.float32)


def test_nearest_neighbour_finds_the_same_sound_at_another_level():
    library = np.stack([_tone(100, 0.05), _tone(1000, 0.05), _tone(5000, 0.02)])
    queries = metrics.peak_normalise(np.stack([_tone(1000, 0.05, gain=0.1), _tone(5000, 0.02, gain=0.3)]))
    dist, at = metrics.nearest_neighbour(queries, metrics.peak_normalise(library), SR, chunk=2)
    assert at.tolist() == [1, 2] and np.all(dist < 0.05)
    assert np.allclose(dist, metrics.nearest_neighbour_distance_db(queries, metrics.peak_normalise(library), SR))


def test_variety_is_zero_for_copies_and_grows_with_difference():
    same = metrics.log_mel(np.stack([_tone(200, 0.1)] * 3), SR)
    near = metrics.log_mel(np.stack([_tone(200, 0.1), _tone(220, 0.1)]), SR)
    far = metrics.log_mel(np.stack([_tone(200, 0.1), _tone(4000, 0.01)]), SR)
    assert metrics.mean_pairwise_db(same) == 0.0
    assert 0.0 < metrics.mean_pairwise_db(near) < metrics.mean_pairwise_db(far)
    assert np.isnan(metrics.mean_pairwise_db(same[:1]))
