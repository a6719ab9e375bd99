"""The bench's peers (export/peers) do what the figures claim: the mel + Griffin-Lim render gives
back the sound its mel spectrogram came from, and RAVE's decoder is built from RAVE's own v2
configuration and renders the length asked for. Plus the growth plot's drawing."""

from __future__ import annotations

import numpy as np
import pytest


def test_mel_filterbank_is_triangles_over_the_spectrum():
    from export.peers.griffin_lim import mel_filterbank

    bank = mel_filterbank(44100, 2048, 128)
    assert bank.shape == (128, 1025) and bank.min() >= 0.0
    peaks = bank.argmax(axis=1)
    assert np.all(np.diff(peaks) >= 0) and peaks[-1] > 900  # low to high, reaching the top
    assert np.all(bank.max(axis=1) > 0.3)


def test_griffin_lim_renders_the_sound_its_mel_came_from():
    torch = pytest.importorskip("torch", reason="the peers are torch code (the export extra)")
    from export.peers.griffin_lim import MelGriffinLim

    rate, samples = 44100, 22050
    tone = torch.sin(2 * np.pi * 1000.0 * torch.arange(samples) / rate) * 0.5
    renderer = MelGriffinLim(rate, samples)
    torch.manual_seed(0)
    audio = renderer.render(renderer.mel_of(tone)).numpy()
    assert audio.shape == (samples,) and np.isfinite(audio).all()
    spectrum = np.abs(np.fft.rfft(audio * np.hanning(samples)))
    peak_hz = spectrum.argmax() * rate / samples
    assert abs(peak_hz - 1000.0) < 60.0, peak_hz


def test_rave_decoder_is_built_from_its_own_v2_config():
    pytest.importorskip("torch", reason="the peers are torch code (the export extra)")
    pytest.importorskip("cached_conv", reason="RAVE's generator needs the peers extra: pip install -e .[peers]")
    from export.peers import rave_decoder

    try:
        decode, z, cfg = rave_decoder.build(0.2)
    except ImportError as exc:
        pytest.skip(f"acids-rave is not installed ({exc})")
    assert {k: cfg[k] for k in ("CAPACITY", "RATIOS", "N_BAND", "LATENT_SIZE", "KERNEL_SIZE")} == {
        "CAPACITY": 96, "RATIOS": [4, 4, 4, 2], "N_BAND": 16, "LATENT_SIZE": 128, "KERNEL_SIZE": 3}
    assert cfg["DILATIONS"] == [[1, 3, 9], [1, 3, 9], [1, 3, 9], [1, 3]]
    assert cfg["hop_samples"] == 2048 and z.shape == (1, 128, cfg["frames"])
    import torch

    with torch.inference_mode():
        audio = decode(z)
    assert tuple(audio.shape) == (1, 1, cfg["samples"]) and torch.isfinite(audio).all()
    assert cfg["parameters"] > 10_000_000  # RAVE v2 at capacity 96: ~15 M parameters


def test_growth_plot_is_drawn_with_and_without_the_peers(tmp_path):
    pytest.importorskip("matplotlib", reason="the plot needs matplotlib (the export extra)")
    from server.tools.bench_growth import plot

    flood = {"p50_ms": 3.0, "p99_ms": 5.0}
    pads = {str(n): {"p50_ms": 3.0 * n, "p99_ms": 5.0 * n} for n in (1, 2, 4)}
    lengths = {str(s): {"ours": {"onnx": flood}, "rave": {"p50_ms": 100.0 * s}, "griffin_lim": {"p50_ms": 50.0 * s}}
               for s in (0.25, 1.0, 4.0)}
    for name, result in (("full.png", {"lengths": {"lengths": lengths}, "pads": pads}),
                         ("skipped.png", {"lengths": {"skipped": "no torch"}, "pads": pads})):
        assert plot(result, tmp_path / name) == str(tmp_path / name)
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
