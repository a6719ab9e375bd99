"""The mel-VAE + Griffin-Lim reference (issue 3): its spectra, training, render and measurement path,
on a tiny model and a handful of synthetic drum sounds, so it runs in seconds."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from export import judge
from export.oneshot import metrics
from export.reference import melvae

SR = 44100
CFG = melvae.MelVAEConfig(**melvae.TINY)


def synthetic_kit(n: int, seed: int) -> tuple[np.ndarray, list[str]]:
    """Kicks (decaying pitch-swept sines) and closed hats (decaying noise), [n, length] float32."""
    rng = np.random.default_rng(seed)
    t = np.arange(CFG.length) / SR
    sounds, labels = [], []
    for i in range(n):
        if i % 2 == 0:
            f = rng.uniform(50, 90) * (1 + 3 * np.exp(-t * 60))
            sounds.append(np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t * rng.uniform(15, 30)))
            labels.append("kick")
        else:
            noise = np.diff(rng.standard_normal(CFG.length + 1))
            sounds.append(0.4 * noise * np.exp(-t * rng.uniform(60, 120)))
            labels.append("closed_hat")
    return np.stack(sounds).astype(np.float32), labels


@pytest.fixture(scope="module")
def spectra():
    return melvae.Spectra(CFG)


def test_griffin_lim_of_the_true_mel_renders_the_sound_at_full_length():
    """With the reference's real settings (128 mels, n_fft 2048, hop 512, 60 iterations)."""
    spectra = melvae.Spectra(melvae.MelVAEConfig())
    audio, _ = synthetic_kit(4, seed=0)
    mel = melvae.log_mels(spectra, audio)
    assert mel.shape == (4, 128, 89)
    with torch.no_grad():
        rendered = spectra.render(mel).numpy()
    assert rendered.shape == audio.shape and np.isfinite(rendered).all()
    own = metrics.log_mel_distance_db(rendered, audio, SR)
    swapped = metrics.log_mel_distance_db(rendered[[1, 0, 3, 2]], audio, SR)  # kick vs hat
    assert own.max() < 1.0 and own.mean() < swapped.mean() / 5


def test_render_is_seeded(spectra):
    audio, _ = synthetic_kit(2, seed=1)
    mel = melvae.log_mels(spectra, audio)
    with torch.no_grad():
        a, b, c = spectra.render(mel, seed=3), spectra.render(mel, seed=3), spectra.render(mel, seed=4)
    assert torch.equal(a, b) and not torch.equal(a, c)


def test_training_lowers_the_reconstruction_loss_and_renders_finite_audio(spectra):
    torch.manual_seed(0)
    audio, _ = synthetic_kit(8, seed=2)
    mels = melvae.log_mels(spectra, audio)
    model = melvae.MelVAE(CFG)
    with torch.no_grad():
        before = (model.decode(model.encode(mels)[0]) - mels).abs().mean().item()
    melvae.train(model, mels, steps=80, batch=8, lr=3e-3)
    with torch.no_grad():
        after = (model.decode(model.encode(mels)[0]) - mels).abs().mean().item()
    assert after < 0.5 * before
    recon, oracle = melvae.reconstruct(model, spectra, audio)
    assert recon.shape == oracle.shape == audio.shape
    figures = melvae.distances(recon, audio, SR)
    assert np.isfinite([figures["mrstft_distance"], figures["log_mel_distance_db"]]).all()


def test_cli_trains_resumes_and_writes_results(tmp_path):
    """The whole command on a tiny synthetic corpus: checkpoint, then a resumed run that only measures."""
    data = tmp_path / "corpus"
    data.mkdir()
    index = {"sample_rate_hz": SR, "classes": ["kick", "snare", "clap", "closed_hat", "open_hat", "tom",
                                              "cymbal", "percussion"]}
    for split, n, seed in (("train", 12, 3), ("test", 4, 4)):
        audio, labels = synthetic_kit(n, seed)
        np.save(data / f"{split}.npy", audio)
        index[split] = [{"label": label} for label in labels]
    (data / "index.json").write_text(json.dumps(index))
    out = tmp_path / "run"
    args = ["--data", str(data), "--out", str(out), "--steps", "20", "--tiny", "--compare", ""]
    train_audio, train_labels, classes, _ = judge.load_split(data, "train")
    small_judge = judge.train_judge(train_audio, train_labels, classes, SR, members=1, steps=50)
    judged = (small_judge, {"overall": None})
    first = melvae.run(melvae.parser().parse_args(args), judged)
    assert (out / "last.pt").exists()
    saved = json.loads((out / "results.json").read_text())
    assert saved["metrics"] == json.loads(json.dumps(first["metrics"]))
    held = saved["metrics"]["heldout"]
    for key in ("melvae_griffin_lim", "griffin_lim_of_true_mel"):
        assert held[key]["sounds"] == 4 and np.isfinite(held[key]["log_mel_distance_db"])
        assert held[key]["judge"]["n"] == 4
    assert saved["parameters"]["decoder"] > 0 and saved["steps"] == 20
    again = melvae.run(melvae.parser().parse_args([*args, "--resume"]), judged)
    assert again["metrics"]["heldout"] == first["metrics"]["heldout"]  # same checkpoint, same seeds, same figures
    melvae.run(melvae.parser().parse_args([*args, "--resume", "--gate-db", "0"]), judged)
    assert json.loads((out / "results_gate0.json").read_text())["config"]["gate_db"] == 0.0
    assert json.loads((out / "results.json").read_text())["config"]["gate_db"] == CFG.gate_db  # kept


def test_nearest_training_sound_matches_the_shared_retrieval_measure():
    library, _ = synthetic_kit(6, seed=5)
    queries, _ = synthetic_kit(3, seed=6)
    index, dist = melvae.nearest_training_sounds(np.concatenate([library[[4]], queries]), library, SR)
    assert index[0] == 4 and dist[0] == 0.0  # a library sound finds itself
    shared = metrics.nearest_neighbour_distance_db(queries, library, SR)
    np.testing.assert_allclose(dist[1:], shared, rtol=1e-6)


def test_gate_renders_cells_near_the_floor_as_silence(spectra):
    """A decoded mel hovering 5 dB above its floor away from the hit: silence with the 10 dB gate,
    low noise without it."""
    mel = torch.full((1, CFG.n_mels, CFG.frames), -(melvae.FLOOR_DB - 5 + melvae.OFFSET_DB) / melvae.SCALE_DB)
    mel[:, :, :4] = -melvae.OFFSET_DB / melvae.SCALE_DB  # the hit: 0 dB for the first frames
    with torch.no_grad():
        gated = spectra.render(mel, gate_db=10.0).numpy()[0]
        open_ = spectra.render(mel, gate_db=0.0).numpy()[0]
    tail = slice(CFG.hop * 12, None)
    assert np.abs(gated[tail]).max() < 1e-6 < np.abs(open_[tail]).max()
    assert np.abs(gated[: CFG.hop * 3]).max() > 1e-3
