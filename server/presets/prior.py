"""The latent diffusion prior's sampler: numpy around the exported denoiser (`oneshot.prior`).

Flow matching in the normalised latent x = (z - mean) / std (mean, std: the preset's
`latent_prior`). A walk integrates dx/dt = v(x, t, class) with Euler steps from t0 to 1; the
denoiser runs once per step, conditioned and unconditioned rows in one batch when a class guides
it (classifier-free guidance: v = v_u + g (v_c - v_u)). The same schedule as
`export.prior.model.schedule`, so onnx and torch walks match.

- draw:      t0 = 0 from noise (scaled by `spread`): a new sound, of a class or of any.
- vary:      noise the sound to t0 = 1 - amount / 2 and walk back, unguided: amount 0 keeps it,
             2 forgets it (a fresh draw); in between the sound keeps its identity.
- transform: the same, guided toward another class: strength 0 keeps it, 1 is a new draw of
             that class.

A class draw can be checked (`checked_draw`, the preset's `prior.class_check`): up to N draws
from N noises, the first one whose render the encoder's class head hears as the class asked for
is kept, else the one it hears as that class most likely.

All randomness comes in as arrays from the caller (the engine's seeded generator): same seed,
same sound. Runs on a worker thread, never on the receive path.
"""

from __future__ import annotations

import math
from typing import Optional

import numpy as np

from server.core.errors import ModelError


def schedule(t0: float, steps: int) -> list:
    n = max(1, math.ceil(steps * (1.0 - t0) - 1e-9))
    return [t0 + (1.0 - t0) * i / n for i in range(n + 1)]


class PriorSampler:
    def __init__(self, session, preset):
        self._session = session
        self._names = [name for name, _ in preset.models["oneshot.prior"].outputs]
        self.mean = preset.prior_mean.astype(np.float32)
        self.std = preset.prior_std.astype(np.float32)
        self.steps = preset.diffusion.steps
        self.guidance = preset.diffusion.guidance
        self.classes = tuple(preset.classes)
        self.latent_size = preset.latent_size

    def _velocity(self, x: np.ndarray, t: float, onehot: Optional[np.ndarray]) -> np.ndarray:
        n = x.shape[0]
        if onehot is None:
            feed_x, feed_c = x, np.zeros((n, len(self.classes)), np.float32)
        else:
            feed_x = np.concatenate([x, x])
            feed_c = np.concatenate([np.zeros_like(onehot), onehot])
        feed_t = np.full((feed_x.shape[0], 1), t, np.float32)
        try:
            (v,) = self._session.run(self._names, {"x": feed_x, "t": feed_t, "class_onehot": feed_c})
        except Exception as exc:
            raise ModelError(f"prior run failed: {exc}") from exc
        if onehot is None:
            return v
        return v[:n] + self.guidance * (v[n:] - v[:n])

    def walk(self, x: np.ndarray, t0: float, class_index: Optional[int]) -> np.ndarray:
        """x [batch, latent] (normalised) at time t0 -> latent z [batch, latent] at t = 1."""
        x = np.array(x, dtype=np.float32)
        onehot = None
        if class_index is not None:
            onehot = np.zeros((x.shape[0], len(self.classes)), np.float32)
            onehot[:, class_index] = 1.0
        times = schedule(t0, self.steps)
        for a, b in zip(times[:-1], times[1:]):
            x += (b - a) * self._velocity(x, a, onehot)
        return self.mean + self.std * x

    def draw(self, noise: np.ndarray, class_index: Optional[int] = None, spread: float = 1.0) -> np.ndarray:
        """A new point: noise [latent] -> z [latent]."""
        return self.walk(spread * noise[np.newaxis], 0.0, class_index)[0]

    def renoise(self, z: np.ndarray, noise: np.ndarray, t0: float, class_index: Optional[int]) -> np.ndarray:
        """z noised back to time t0 (0 = all noise, 1 = z itself), then walked to t = 1."""
        t0 = min(max(t0, 0.0), 1.0)
        if t0 >= 1.0:
            return np.asarray(z, np.float32)
        x1 = (np.asarray(z, np.float32) - self.mean) / self.std
        x = (1.0 - t0) * noise + t0 * x1
        return self.walk(x[np.newaxis], t0, class_index)[0]

    def vary(self, z: np.ndarray, noise: np.ndarray, amount: float) -> np.ndarray:
        return self.renoise(z, noise, 1.0 - amount / 2.0, None)

    def transform(self, z: np.ndarray, noise: np.ndarray, class_index: int, strength: float) -> np.ndarray:
        return self.renoise(z, noise, 1.0 - strength, class_index)


def checked_draw(prior: PriorSampler, hear, noises, class_index: int, spread: float = 1.0) -> np.ndarray:
    """A class draw the model itself hears as that class: draws from `noises` in turn until
    `hear(z)` (class probabilities of z's render, in the preset's class order) is highest at
    `class_index`; if none is, the draw heard as it most likely. One noise: a plain draw."""
    best, best_p = None, -1.0
    for noise in noises:
        z = prior.draw(noise, class_index, spread)
        if len(noises) == 1:
            return z
        probs = np.asarray(hear(z))
        if int(probs.argmax()) == class_index:
            return z
        if probs[class_index] > best_p:
            best, best_p = z, float(probs[class_index])
    return best
