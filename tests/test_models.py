"""onnxruntime sessions: provider choice, explicit threads, warm-up, shape checks."""

from __future__ import annotations

import numpy as np
import pytest

from server.core.errors import ModelError
from server.presets.bundle import load_bundle
from server.presets.models import load_models
from server.presets.runtime import CPU, CUDA, choose_providers, session_options
from support import CLASSES, LATENT, LENGTH


def test_provider_choice():
    assert choose_providers("auto", [CPU]) == [CPU]
    assert choose_providers("auto", [CUDA, CPU]) == [CUDA, CPU]
    assert choose_providers("cpu", [CUDA, CPU]) == [CPU]
    assert choose_providers("cuda", [CUDA, CPU]) == [CUDA, CPU]
    with pytest.raises(ModelError, match="--device cuda.*gpu extra"):
        choose_providers("cuda", [CPU])


def test_threads_are_explicit():
    options = session_options(3)
    assert (options.intra_op_num_threads, options.inter_op_num_threads) == (3, 1)


def test_decoder_and_encoder_run_batched(tiny_models):
    assert tiny_models.provider == CPU and tiny_models.decoder_warm_ms > 0
    z = np.random.default_rng(0).standard_normal((3, LATENT)).astype(np.float32)
    audio = tiny_models.decoder.render(z)
    assert audio.shape == (3, LENGTH) and audio.dtype == np.float32
    assert not np.array_equal(audio[0], audio[1])  # different z, different sound
    mu, logvar, logits = tiny_models.encoder.encode(audio)
    assert mu.shape == logvar.shape == (3, LATENT) and logits.shape == (3, len(CLASSES))
    with pytest.raises(ModelError, match=r"\[batch, 8\]"):
        tiny_models.decoder.render(np.zeros((1, 5), np.float32))


def test_cuda_request_without_cuda_fails_clearly(tiny_bundle):
    import onnxruntime as ort

    if CUDA in ort.get_available_providers():
        pytest.skip("this onnxruntime has CUDA")
    with pytest.raises(ModelError, match="CUDAExecutionProvider"):
        load_models(load_bundle(tiny_bundle), "cuda", 1)
