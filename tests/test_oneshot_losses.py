"""The one-shot training's sound terms and draws: the attack and envelope losses see what the
issue's listeners heard (a lost click, a tail that grows), timbre augmentation spares the classes
a decay would change, and class-balanced draws lift rare classes."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from export.oneshot.model import AttackLoss, EnvelopeLoss
from export.oneshot.train import augment_timbre, sample_weights, wide_augment
from export.oneshot_data import CLASSES

SR = 44100


def _hit(tau_s: float, click: float = 0.0) -> torch.Tensor:
    t = torch.arange(16384) / SR
    body = 0.8 * torch.sin(2 * torch.pi * 60 * t) * torch.exp(-t / tau_s)
    tick = click * torch.sin(2 * torch.pi * 4000 * t) * torch.exp(-t / 0.002)
    return (body + tick)[None]


def test_envelope_loss_sees_a_tail_that_grows():
    env = EnvelopeLoss()
    tight, ringing = _hit(0.03), _hit(0.3)
    assert float(env(tight, tight)) == 0.0
    assert float(env(ringing, tight)) > 1.0  # dB/10: more than 10 dB off on average


def test_attack_loss_sees_a_lost_click_the_tail_does_not_matter():
    attack = AttackLoss(SR)
    with_click, without = _hit(0.2, click=0.6), _hit(0.2)
    lost = float(attack(without, with_click))
    later = _hit(0.2, click=0.6).clone()
    later[:, 4000:] *= 0.1  # a different tail, the same first 32 ms
    assert lost > 0.2 and float(attack(later, with_click)) < 1e-6


def test_timbre_augmentation_keeps_every_class_and_spares_hat_decays():
    rng = np.random.default_rng(0)
    t = np.arange(8192) / SR
    audio = (0.9 * rng.standard_normal((40, 8192)) * np.exp(-t / 0.2)).astype(np.float32)
    labels = np.array([CLASSES.index("open_hat")] * 20 + [CLASSES.index("kick")] * 20)
    out, out_labels = augment_timbre(audio, labels, seed=1, sample_rate_hz=SR)
    assert out.shape == (80, 8192) and np.array_equal(out_labels, np.concatenate([labels, labels]))
    assert np.allclose(np.abs(out[40:]).max(1), 0.9, atol=1e-4)  # re-peak-normalised like the corpus
    late = lambda x: np.sqrt(np.mean(x[:, 4000:] ** 2, 1)) / np.sqrt(np.mean(x[:, :1000] ** 2, 1))
    hats_before, hats_after = late(audio[:20]), late(out[40:60])
    assert np.all(hats_after > 0.5 * hats_before)  # no open hat's tail was cut short


def test_wide_augmentation_changes_most_rows_and_spares_hat_decays():
    rng = np.random.default_rng(2)
    t = np.arange(8192) / SR
    audio = (0.9 * rng.standard_normal((40, 8192)) * np.exp(-t / 0.2)).astype(np.float32)
    labels = np.array([CLASSES.index("closed_hat")] * 20 + [CLASSES.index("kick")] * 20)
    assert np.array_equal(wide_augment(audio, labels, np.random.default_rng(0), SR, 0.0), audio)
    out = wide_augment(audio, labels, np.random.default_rng(0), SR, 1.0)
    assert out.shape == audio.shape and np.all(np.isfinite(out))
    changed = np.abs(out - audio).max(1) > 1e-3
    assert changed.all()  # two or three changes per row, never a no-op
    assert np.allclose(np.abs(out).max(1), 0.9, atol=1e-4)
    late = lambda x: np.sqrt(np.mean(x[:, 5000:] ** 2, 1)) / np.sqrt(np.mean(x[:, :1000] ** 2, 1))
    # a pitch change stretches a tail by at most 4 semitones' worth; no hat is given a room or cut short
    assert np.all(late(out[:20]) > 0.45 * late(audio[:20])) and np.all(late(out[:20]) < 2.0 * late(audio[:20]))


def test_balanced_draws_lift_rare_classes():
    labels = np.array([0] * 90 + [2] * 10 + [-1] * 20)
    p = sample_weights(labels, 0.5)
    share = {k: p[labels == k].sum() for k in (0, 2)}
    # a class's share grows as count**0.5: 10 clap against 90 kick draws 1:3 instead of 1:9
    assert abs(p.sum() - 1) < 1e-9 and share[2] / share[0] == pytest.approx(1 / 3)
    assert np.allclose(sample_weights(labels, 0.0), 1 / len(labels))
