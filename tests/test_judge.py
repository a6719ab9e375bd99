"""The independent drum-class judge (`export/judge.py`): it learns clearly different classes from a
few real-style sounds with each of its two model families, it is deterministic for a seed, its
inputs stay finite for silent or short sounds, and its cross-validation never splits a kit."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the judge needs the export extra (torch)")
judge = pytest.importorskip("export.judge", reason="the judge needs the export extra (torch)")

SR = 44100
LENGTH = 45056
CLASSES = ["kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion"]
KICK, HAT = CLASSES.index("kick"), CLASSES.index("closed_hat")


def synthetic(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Alternating kicks (pitch-swept low sines) and closed hats (short high noise), [n, LENGTH]."""
    rng = np.random.default_rng(seed)
    t = np.arange(LENGTH) / SR
    sounds, labels = [], []
    for i in range(n):
        if i % 2 == 0:
            f = rng.uniform(45, 90) * (1 + rng.uniform(1, 4) * np.exp(-t * 60))
            sounds.append(np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t * rng.uniform(8, 30)))
            labels.append(KICK)
        else:
            noise = np.diff(rng.standard_normal(LENGTH + 1))
            sounds.append(rng.uniform(0.1, 0.8) * noise * np.exp(-t * rng.uniform(40, 120)))
            labels.append(HAT)
    return np.stack(sounds).astype(np.float32), np.array(labels)


SMALL = {"members": 1, "steps": 150, "cnn_members": 1, "cnn_epochs": 30}


@pytest.fixture(scope="module")
def trained():
    torch.set_num_threads(1)
    audio, labels = synthetic(18, seed=1)
    labels[:2] = -1  # unlabelled sounds are left out of training
    return judge.train_judge(audio, labels, CLASSES, SR, **SMALL)


def test_each_family_tells_kicks_from_hats_on_unseen_sounds(trained):
    audio, labels = synthetic(16, seed=2)
    assert (trained.label(audio) == labels).mean() >= 0.9
    for family in ({"cnns": []}, {"nets": []}):
        alone = dataclasses.replace(trained, **family)
        assert (alone.label(audio) == labels).mean() >= 0.9, family
    probabilities = trained.probabilities(audio)
    assert probabilities.shape == (16, len(CLASSES))
    np.testing.assert_allclose(probabilities.sum(1), 1.0, atol=1e-5)


def test_same_seed_same_judge_other_seed_another():
    audio, labels = synthetic(12, seed=1)
    probe, _ = synthetic(6, seed=3)
    quick = {"members": 1, "steps": 30, "cnn_members": 1, "cnn_epochs": 4}
    first = judge.train_judge(audio, labels, CLASSES, SR, **quick).probabilities(probe)
    again = judge.train_judge(audio, labels, CLASSES, SR, **quick).probabilities(probe)
    other = judge.train_judge(audio, labels, CLASSES, SR, **quick, seed=7).probabilities(probe)
    np.testing.assert_array_equal(again, first)
    assert not np.allclose(other, first)


def test_inputs_are_finite_and_fixed_size_for_silent_short_and_clipped_sounds(trained):
    silent = np.zeros((1, LENGTH), np.float32)
    short = np.full((1, 10), 0.5, np.float32)
    clipped = np.sign(np.sin(np.arange(2 * LENGTH) / 7.0))[None].astype(np.float32)
    full, _ = synthetic(1, seed=4)
    shapes = set()
    for audio in (silent, short, clipped, full):
        f, m = judge.features(audio, SR), judge.mel_patch(audio, SR)
        assert np.isfinite(f).all() and np.isfinite(m).all()
        shapes.add((f.shape, m.shape))
        assert np.isfinite(trained.probabilities(audio)).all()
    assert len(shapes) == 1


def test_cross_validation_holds_whole_kits_out():
    kits = np.array(["a"] * 10 + ["b"] * 6 + ["c"] * 6 + ["d"] * 4 + ["e"] * 3)
    labels = np.zeros(len(kits), int)
    labels[-3:] = -1  # kit "e" has no labelled sound: in no fold
    fold = judge.kit_folds(kits, labels, n_folds=3)
    for kit in "abcd":
        assert len(set(fold[kits == kit])) == 1
    assert set(fold[kits == "e"]) == {-1}
    assert sorted(set(fold[labels >= 0])) == [0, 1, 2]

    audio, labels = synthetic(16, seed=5)
    kits = np.repeat(["k1", "k2", "k3", "k4"], 4)
    result = judge.cross_validate(audio, labels, kits, CLASSES, SR, n_folds=4, **{**SMALL, "cnn_members": 0})
    assert result["n"] == 16
    assert result["overall"] >= 0.8
