"""onnxruntime sessions for a preset: providers, threads, graph check, warm-up.

Sessions are created and warmed once, off the receive path; `Decoder.render` is then the only
call the render worker makes. onnxruntime releases the GIL while it runs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Optional

import numpy as np
import onnxruntime as ort

from server.core.errors import ModelError
from server.presets.bundle import Preset, check_graph_io
from server.presets.melody import MelodySampler, Sampling
from server.presets.prior import PriorSampler
from server.presets.runtime import CUDA, choose_providers, session_options

log = logging.getLogger("server.models")

WARMUP_RUNS = 5
DECODE_CACHE = 128  # groove decodes kept per preset: 128 x 3.5 KB (3 x 9 x 32 float32) = 0.44 MB


def _session(preset: Preset, role: str, providers: list, threads: int, device: str = "auto") -> ort.InferenceSession:
    entry = preset.models[role]
    try:
        session = ort.InferenceSession(str(entry.path), sess_options=session_options(threads),
                                       providers=providers)
    except Exception as exc:  # onnxruntime's own exception types
        raise ModelError(f"models.{role}: onnxruntime cannot load {entry.path.name}: {exc}; "
                         "re-export the bundle") from exc
    if providers[0] == CUDA and session.get_providers()[0] != CUDA:
        # onnxruntime-gpu offers CUDA but could not start it (no driver, no GPU, CUDA/cuDNN missing)
        if device == "cuda":
            raise ModelError(f"--device cuda: onnxruntime offers {CUDA} but could not start it for "
                             f"{entry.path.name} (no GPU, driver or CUDA libraries?); use --device cpu")
        log.warning("models.%s: CUDA could not be started; running on the CPU", role)
    check_graph_io(preset, role, session.get_inputs(), session.get_outputs())
    return session


class Decoder:
    """z [batch, latent_size] float32 -> audio [batch, length_samples] float32.

    On CUDA the call runs with I/O binding: onnxruntime allocates the output on the GPU, the
    whole graph runs there, and the audio comes back to the host once, for resampling and the
    WAV (`bind_device` forces the bound path on another device, e.g. "cpu" in tests)."""

    def __init__(self, session: ort.InferenceSession, preset: Preset, bind_device: Optional[str] = None):
        (self._input, _), = preset.models["oneshot.decoder"].inputs
        (self._output, _), = preset.models["oneshot.decoder"].outputs
        self._session = session
        self._names = [self._output]
        self.latent_size = preset.latent_size
        self.length_samples = preset.length_samples
        self.provider = session.get_providers()[0]
        self.bind_device = bind_device or ("cuda" if self.provider == CUDA else None)

    def render(self, z: np.ndarray) -> np.ndarray:
        z = np.ascontiguousarray(z, dtype=np.float32)
        if z.ndim != 2 or z.shape[1] != self.latent_size:
            raise ModelError(f"decoder wants z of shape [batch, {self.latent_size}], got {z.shape}")
        try:
            if self.bind_device is not None:
                return self._run_bound(z)
            (audio,) = self._session.run(self._names, {self._input: z})
        except Exception as exc:
            raise ModelError(f"decoder run failed: {exc}") from exc
        return audio

    def _run_bound(self, z: np.ndarray) -> np.ndarray:
        binding = self._session.io_binding()  # one per call: cheap, and no state shared between threads
        binding.bind_cpu_input(self._input, z)  # z is a few floats; copied to the device once
        binding.bind_output(self._output, self.bind_device)  # allocated on the device by onnxruntime
        self._session.run_with_iobinding(binding)
        (audio,) = binding.copy_outputs_to_cpu()  # the one device -> host copy, for the WAV
        return audio


class Encoder:
    """audio [batch, length_samples] -> (mu, logvar, class_logits)."""

    def __init__(self, session: ort.InferenceSession, preset: Preset):
        (self._input, _), = preset.models["oneshot.encoder"].inputs
        self._names = [name for name, _ in preset.models["oneshot.encoder"].outputs]
        self._session = session
        self.length_samples = preset.length_samples

    def encode(self, audio: np.ndarray) -> tuple:
        audio = np.ascontiguousarray(audio, dtype=np.float32)
        if audio.ndim != 2 or audio.shape[1] != self.length_samples:
            raise ModelError(f"encoder wants audio of shape [batch, {self.length_samples}], "
                             f"got {audio.shape}")
        try:
            return tuple(self._session.run(self._names, {self._input: audio}))
        except Exception as exc:
            raise ModelError(f"encoder run failed: {exc}") from exc


class Refiner:
    """Encode refinement (docs/preset.md, `refine`): from the encoder's latent, Adam steps on z that
    lower a reconstruction loss of the render against the sound; each step is one run of
    `oneshot.refine_step` (the decoder's forward and backward). The lowest-loss latent is kept, so
    by its own loss a refined latent is never worse than the encoder's."""

    def __init__(self, target: ort.InferenceSession, step: ort.InferenceSession, preset: Preset):
        self._target, self._step = target, step
        self._features = [name for name, _ in preset.models["oneshot.refine_target"].outputs]
        self.steps, self.lr = preset.refine.steps, preset.refine.lr
        self.length_samples = preset.length_samples

    def refine(self, z: np.ndarray, audio: np.ndarray, steps: Optional[int] = None,
               lr: Optional[float] = None) -> tuple:
        """(z [latent] refined, losses [steps + 1]) for one sound [length_samples] as the encoder heard it."""
        steps = self.steps if steps is None else steps
        lr = self.lr if lr is None else lr
        audio = np.ascontiguousarray(audio, dtype=np.float32).reshape(1, -1)
        if audio.shape[1] != self.length_samples:
            raise ModelError(f"refinement wants audio of {self.length_samples} samples, got {audio.shape[1]}")
        try:
            feeds = dict(zip(self._features, self._target.run(self._features, {"audio": audio})))
            z = np.asarray(z, np.float32).reshape(1, -1).copy()
            m, v = np.zeros_like(z), np.zeros_like(z)
            best, losses = z, []
            for t in range(1, steps + 2):
                loss, grad = self._step.run(["loss", "grad"], dict(feeds, z=z))
                losses.append(float(loss[0]))
                if not np.isfinite(losses[-1]) or not np.all(np.isfinite(grad)):
                    break  # keep the best so far
                if losses[-1] <= min(losses):
                    best = z
                if t > steps:
                    break
                m = 0.9 * m + 0.1 * grad
                v = 0.999 * v + 0.001 * grad * grad
                z = (z - lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)).astype(np.float32)
        except Exception as exc:
            raise ModelError(f"refinement run failed: {exc}") from exc
        return best[0].copy(), losses


class GrooveDecoder:
    """z [batch, groove latent] -> (hit_logits, velocity, offset), each [batch, 9, 32].

    A batch-1 latent decoded before is not run again: the newest DECODE_CACHE outputs are kept,
    keyed by the latent's bytes (exact: the same input gives the same output). A density,
    temperature or swing change, a recalled scene or an XY stream that repeats a point (a MIDI
    CC moves in 128 steps) reuses the decode. The arrays returned are read-only."""

    def __init__(self, session: ort.InferenceSession, preset: Preset):
        (self._input, _), = preset.models["groove.decoder"].inputs
        self._names = [name for name, _ in preset.models["groove.decoder"].outputs]
        self._session = session
        self.latent_size = preset.groove.latent_size
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # the pattern worker decodes; so can the loop, at start
        self.runs = 0  # session runs (decodes the cache answered are not counted)

    def decode(self, z: np.ndarray) -> tuple:
        z = np.ascontiguousarray(z, dtype=np.float32)
        if z.ndim != 2 or z.shape[1] != self.latent_size:
            raise ModelError(f"groove decoder wants z of shape [batch, {self.latent_size}], got {z.shape}")
        key = z.tobytes() if z.shape[0] == 1 else None
        if key is not None:
            with self._lock:
                kept = self._cache.get(key)
                if kept is not None:
                    self._cache.move_to_end(key)
                    return kept
        outputs = self._run(z)
        if key is not None:
            with self._lock:
                self._cache[key] = outputs
                while len(self._cache) > DECODE_CACHE:
                    self._cache.popitem(last=False)
        return outputs

    def _run(self, z: np.ndarray) -> tuple:
        try:
            outputs = tuple(self._session.run(self._names, {self._input: z}))
        except Exception as exc:
            raise ModelError(f"groove decoder run failed: {exc}") from exc
        self.runs += 1
        for array in outputs:
            array.setflags(write=False)
        return outputs


@dataclass(frozen=True, eq=False)
class Models:
    preset: Preset
    decoder: Decoder
    encoder: Optional[Encoder]
    provider: str
    decoder_warm_ms: float  # median batch-1 decoder time after warm-up
    groove: Optional[GrooveDecoder] = None  # when the preset has a groove.decoder
    prior: Optional[PriorSampler] = None  # when the preset has a oneshot.prior (diffusion)
    melody: Optional[MelodySampler] = None  # when the preset has a melody.decoder (+ melody.step)
    refiner: Optional[Refiner] = None  # when the preset has oneshot.refine_target and _step


def _warm_up(decoder: Decoder) -> float:
    z = np.zeros((1, decoder.latent_size), dtype=np.float32)
    times = []
    for _ in range(WARMUP_RUNS):
        start = time.perf_counter()
        decoder.render(z)
        times.append((time.perf_counter() - start) * 1000.0)
    decoder.render(np.zeros((4, decoder.latent_size), dtype=np.float32))  # batched path too
    return float(np.median(times[1:]))


def load_models(preset: Preset, device: str = "auto", threads: int = 2) -> Models:
    """Create, check and warm the preset's sessions. Raises ModelError / PresetError."""
    providers = choose_providers(device, ort.get_available_providers())
    decoder = Decoder(_session(preset, "oneshot.decoder", providers, threads, device), preset)
    encoder = None
    if "oneshot.encoder" in preset.models:
        encoder = Encoder(_session(preset, "oneshot.encoder", providers, threads), preset)
    warm_ms = _warm_up(decoder)
    if encoder is not None:
        encoder.encode(np.zeros((1, preset.length_samples), dtype=np.float32))
    groove = None
    if "groove.decoder" in preset.models:  # one intra-op thread: a tiny model, no contention
        groove = GrooveDecoder(_session(preset, "groove.decoder", providers, 1), preset)
        for _ in range(WARMUP_RUNS):  # the session itself, past the decode cache
            groove._run(np.zeros((1, groove.latent_size), dtype=np.float32))
    prior = None
    if "oneshot.prior" in preset.models:  # a small MLP run a dozen times per draw: one thread
        prior = PriorSampler(_session(preset, "oneshot.prior", providers, 1), preset)
        for _ in range(WARMUP_RUNS):
            prior.draw(np.zeros(preset.latent_size, np.float32), 0)
    melody = None
    if "melody.decoder" in preset.models:  # one note per run, a small transformer: one thread
        step = (_session(preset, "melody.step", providers, 1)  # the cached form, when the bundle has it
                if "melody.step" in preset.models else None)
        melody = MelodySampler(_session(preset, "melody.decoder", providers, 1), preset, step)
        melody.continue_melody([], Sampling(bars=1))
    refiner = None
    if preset.refine is not None:  # the analysis worker's: one thread, so renders keep a core while it runs
        refiner = Refiner(_session(preset, "oneshot.refine_target", providers, 1),
                          _session(preset, "oneshot.refine_step", providers, 1), preset)
        refiner.refine(np.zeros(preset.latent_size, np.float32),
                       np.zeros(preset.length_samples, np.float32), steps=1)
    log.info("preset %s: decoder %.2f ms warm on %s", preset.name, warm_ms, decoder.provider)
    return Models(preset, decoder, encoder, decoder.provider, warm_ms, groove, prior, melody, refiner)
