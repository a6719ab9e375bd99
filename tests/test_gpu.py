"""GPU inference: `--device cuda` with I/O binding, and the CPU fallback when CUDA is missing.

The CUDA test runs only where onnxruntime offers CUDAExecutionProvider (the `gpu` extra on a
machine with a GPU). The bound decoder call and the fallback are exercised everywhere: the bound
path on the CPU, the fallback by an onnxruntime that offers CUDA but cannot start it."""
from __future__ import annotations

import argparse

import numpy as np
import onnxruntime as ort
import pytest

from server.core.errors import ModelError
from server.presets.bundle import load_bundle
from server.presets.models import Decoder, load_models
from server.presets.runtime import CPU, CUDA

NO_CUDA = ("no GPU: this machine's onnxruntime offers no CUDAExecutionProvider (the session that "
           "built this was lent no GPU; run it with the gpu extra on a CUDA machine)")


def test_bound_decoder_call_equals_the_plain_call(tiny_models):
    preset = tiny_models.preset
    session = tiny_models.decoder._session
    bound = Decoder(session, preset, bind_device="cpu")
    z = np.random.default_rng(0).standard_normal((3, preset.latent_size)).astype(np.float32)
    assert bound.bind_device == "cpu" and tiny_models.decoder.bind_device is None  # CPU: no binding by default
    np.testing.assert_array_equal(bound.render(z), tiny_models.decoder.render(z))


def test_cuda_offered_but_not_startable_falls_back_or_fails_clearly(tiny_bundle, monkeypatch, caplog):
    # a CPU onnxruntime told it has CUDA behaves like onnxruntime-gpu on a machine without a GPU
    monkeypatch.setattr(ort, "get_available_providers", lambda: [CUDA, CPU])
    auto = load_models(load_bundle(tiny_bundle), "auto", 1)
    assert auto.provider == CPU and auto.decoder.bind_device is None
    assert "CUDA could not be started" in caplog.text
    with pytest.raises(ModelError, match="--device cuda: onnxruntime offers CUDAExecutionProvider but could not start"):
        load_models(load_bundle(tiny_bundle), "cuda", 1)


def test_bench_section_reports_cpu_and_why_cuda_is_missing(presets_dir):
    from server.tools import bench_gpu

    monkey = pytest.MonkeyPatch()
    monkey.setattr(bench_gpu, "RUNS", 5)
    try:
        result = bench_gpu.measure(argparse.Namespace(presets_dir=presets_dir, preset="tiny", device="cpu", threads=1))
    finally:
        monkey.undo()
    assert result["cpu"]["provider"] == CPU and result["cpu"]["render_to_wav"]["n"] == 5
    text = "\n".join(bench_gpu.lines(result))
    if CUDA in ort.get_available_providers():
        assert result["cuda"]["provider"] == CUDA and result["cuda"]["bound"]
    else:
        assert "--device cuda" in result["cuda"]["skipped"] and "render on cuda" in text


@pytest.mark.skipif(CUDA not in ort.get_available_providers(), reason=NO_CUDA)
def test_cuda_renders_on_the_gpu_and_match_the_cpu(tiny_bundle):
    gpu = load_models(load_bundle(tiny_bundle), "cuda", 1)
    cpu = load_models(load_bundle(tiny_bundle), "cpu", 1)
    assert gpu.provider == CUDA and gpu.decoder.bind_device == "cuda"
    z = np.random.default_rng(1).standard_normal((4, gpu.preset.latent_size)).astype(np.float32)
    np.testing.assert_allclose(gpu.decoder.render(z), cpu.decoder.render(z), atol=1e-3)
