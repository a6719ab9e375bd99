"""The training/export path, on a tiny model: trains, resumes, exports, onnx equals torch, the
server's validator accepts the bundle. Also the filter bank and the corpus labelling."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from export.oneshot import export_onnx, train  # noqa: E402
from export.oneshot.pqmf import PQMF  # noqa: E402
from export.oneshot_data import CLASSES, classify_name  # noqa: E402
from server.presets.bundle import validate_bundle  # noqa: E402

LMMS = Path("/usr/share/lmms/samples/drums")


def test_pqmf_reconstructs_within_minus_50_db():
    pq = PQMF()
    x = torch.randn(2, 1, 16 * 1024, generator=torch.Generator().manual_seed(1))
    bands = pq.analysis(x)
    assert bands.shape == (2, 16, 1024)
    y = pq.synthesis(bands)
    err = (y - x)[..., 512:-512].abs().max() / x.abs().max()
    assert err < 10 ** (-50 / 20)


@pytest.mark.parametrize("name,label", [
    ("Kick-Softest", "kick"), ("BD_07", "kick"), ("snare_hiphop01", "snare"), ("HandClap-Hard", "clap"),
    ("hihat_closed03", "closed_hat"), ("Hat Pedal", "closed_hat"), ("HiHatSemiopen-1", "open_hat"),
    ("Tom Hi", "tom"), ("floortom_01", "tom"), ("Crash18-2", "cymbal"), ("RideBell-2", "cymbal"),
    ("Cowbell-Hard", "percussion"), ("Djembe1 Slap", "percussion"), ("emptySample", None), ("xFX_6", None),
])
def test_drum_names_map_to_classes(name, label):
    assert classify_name(name) == label


@pytest.fixture()
def user_folder(tmp_path):
    if not LMMS.exists():
        pytest.skip("Debian package lmms-common not installed (bash .ci/setup installs it)")
    for cls, pattern in (("kick", "kick0*"), ("snare", "snare0*"), ("hats", "hihat_closed0*")):
        (tmp_path / "sounds" / cls).mkdir(parents=True)
        for f in sorted(LMMS.glob(pattern))[:3]:
            shutil.copy(f, tmp_path / "sounds" / cls / f.name)
    (tmp_path / "sounds" / "broken.wav").write_bytes(b"RIFF....not a wav")
    return tmp_path / "sounds"


def test_tiny_train_resume_export_parity(user_folder, tmp_path, capsys):
    run = tmp_path / "run"
    args = ["--data", str(user_folder), "--out", str(run), "--tiny", "--ckpt-every", "5", "--threads", "1"]
    ckpt = train.train(train.parser().parse_args(args + ["--steps", "6"]))
    assert train.load_ckpt(ckpt)["step"] == 6
    ckpt = train.train(train.parser().parse_args(args + ["--steps", "9", "--resume"]))
    state = train.load_ckpt(ckpt)
    assert state["step"] == 9
    assert "skipping broken.wav" in capsys.readouterr().err

    out = tmp_path / "presets" / "mykit"
    export_onnx.export_bundle(export_onnx.parser().parse_args(
        ["--ckpt", str(ckpt), "--data", str(user_folder), "--out", str(out), "--name", "mykit"]))
    manifest = json.loads((out / "preset.json").read_text())
    par = manifest["training"]["parity"]
    assert par["decoder_audio_max_abs_diff"] < 1e-3 and par["encoder_mu_max_abs_diff"] < 1e-3
    preset = validate_bundle(out)
    assert preset.latent_size == manifest["latent_size"] == 8
    assert manifest["training"]["data"][0]["items"] == 9  # 3 kicks, 3 snares, 3 hats; the broken file skipped

    # onnx equals torch, checked here independently of the exporter's own check
    import onnxruntime as ort
    cfg = train.config_from_ckpt(state)
    from export.oneshot.model import OneshotVAE
    model = OneshotVAE(cfg).eval()
    model.load_state_dict(state["model"])
    z = np.random.default_rng(3).standard_normal((4, cfg.latent_size)).astype(np.float32)
    with torch.no_grad():
        want = model.decoder(torch.from_numpy(z)).numpy()
    got = ort.InferenceSession(str(out / "decoder.onnx")).run(None, {"z": z})[0]
    assert got.shape == (4, cfg.length)
    assert np.abs(got - want).max() < 1e-4


def test_export_refuses_when_parity_fails(user_folder, tmp_path, monkeypatch):
    ckpt = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(tmp_path / "run"), "--tiny", "--steps", "2", "--threads", "1"]))
    real_session = export_onnx._session

    class Lying:
        def __init__(self, path):
            self.s = real_session(path)

        def run(self, names, feeds):
            return [o + 0.01 for o in self.s.run(names, feeds)]

    monkeypatch.setattr(export_onnx, "_session", Lying)
    with pytest.raises(SystemExit, match="parity check failed"):
        export_onnx.export_bundle(export_onnx.parser().parse_args(
            ["--ckpt", str(ckpt), "--data", str(user_folder), "--out", str(tmp_path / "p" / "x"), "--name", "x"]))


def test_corpus_holds_out_whole_kits(tmp_path):
    from export import oneshot_data
    items = oneshot_data.discover()
    if not items:
        pytest.skip("Debian drum packages not installed (bash .ci/setup installs them)")
    train_kits = {i.kit for i in items if i.split == "train"}
    test_kits = {i.kit for i in items if i.split == "test"}
    assert test_kits and not (train_kits & test_kits)
    labels = {i.label for i in items if i.label}
    assert labels == set(CLASSES)
    assert all(i.licence for i in items)


def _tiny_bundle(user_folder: Path, run: Path, bundle: Path) -> Path:
    """A tiny model trained 3 steps on the user folder and exported as a bundle to start from."""
    ckpt = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(run), "--tiny", "--steps", "3", "--threads", "1"]))
    return export_onnx.export_bundle(export_onnx.parser().parse_args(
        ["--ckpt", str(ckpt), "--data", str(user_folder), "--out", str(bundle), "--name", bundle.name]))


def test_fine_tune_starts_from_the_presets_own_weights(user_folder, tmp_path):
    """--init copies a preset's ONNX weights into the model: with a zero learning rate the
    checkpoint decodes exactly what the preset's decoder.onnx does; `latentpad train oneshot
    --from` runs the same path and writes a valid preset."""
    import onnxruntime as ort

    from export.cli import main as export_main
    from export.oneshot.model import OneshotVAE

    presets = tmp_path / "presets"
    _tiny_bundle(user_folder, tmp_path / "a", presets / "base")
    tuned = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(tmp_path / "b"), "--init", str(presets / "base"),
         "--lr", "0", "--steps", "1", "--threads", "1"]))
    state = train.load_ckpt(tuned)
    model = OneshotVAE(train.config_from_ckpt(state)).eval()
    model.load_state_dict(state["model"])
    z = np.random.default_rng(5).standard_normal((3, model.cfg.latent_size)).astype(np.float32)
    with torch.no_grad():
        want = model.decoder(torch.from_numpy(z)).numpy()
    got = ort.InferenceSession(str(presets / "base" / "decoder.onnx")).run(None, {"z": z})[0]
    assert np.abs(got - want).max() < 1e-4

    assert export_main(["train", "oneshot", str(user_folder), "--preset", "tuned", "--from", "base",
                        "--presets-dir", str(presets), "--out", str(tmp_path / "c"), "--steps", "2",
                        "--threads", "1"]) == 0
    manifest = json.loads((presets / "tuned" / "preset.json").read_text())
    assert "--from base" in manifest["training"]["command"]
    assert Path(manifest["training"]["train_args"]["init"]).name == "base"
    assert validate_bundle(presets / "tuned").latent_size == 8
    with pytest.raises(SystemExit, match="no preset bundle"):
        export_main(["train", "oneshot", str(user_folder), "--from", "nope", "--presets-dir", str(presets)])
    # fine-tuning from `default` is what the command does unless told --scratch
    with pytest.raises(SystemExit, match="--from default: no preset bundle .*--scratch"):
        export_main(["train", "oneshot", str(user_folder), "--presets-dir", str(presets)])
    assert export_main(["train", "oneshot", str(user_folder), "--preset", "new", "--scratch", "--tiny",
                        "--presets-dir", str(presets), "--out", str(tmp_path / "d"), "--steps", "2",
                        "--threads", "1"]) == 0
    assert json.loads((presets / "new" / "preset.json").read_text())["training"]["train_args"]["init"] is None


def test_encoder_fine_tune_keeps_the_decoder(user_folder, tmp_path):
    """--freeze-decoder trains the encoder alone: after real steps at a real learning rate, the
    checkpoint's decoder renders exactly what the preset's decoder.onnx does (every draw and
    map point sounds as before) while the encoder has moved; it refuses to run without a decoder
    to keep."""
    import onnxruntime as ort

    from export.oneshot.model import OneshotVAE

    presets = tmp_path / "presets"
    _tiny_bundle(user_folder, tmp_path / "a", presets / "base")
    tuned = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(tmp_path / "b"), "--init", str(presets / "base"),
         "--freeze-decoder", "--wide-augment", "1", "--lr", "1e-2", "--steps", "3", "--threads", "1"]))
    state = train.load_ckpt(tuned)
    model = OneshotVAE(train.config_from_ckpt(state)).eval()
    model.load_state_dict(state["model"])
    z = np.random.default_rng(5).standard_normal((3, model.cfg.latent_size)).astype(np.float32)
    with torch.no_grad():
        want = model.decoder(torch.from_numpy(z)).numpy()
        audio = np.random.default_rng(6).standard_normal((2, model.cfg.length)).astype(np.float32) * 0.3
        mu = model.encoder(torch.from_numpy(audio))[0].numpy()
    got = ort.InferenceSession(str(presets / "base" / "decoder.onnx")).run(None, {"z": z})[0]
    assert np.abs(got - want).max() < 1e-5
    before = ort.InferenceSession(str(presets / "base" / "encoder.onnx")).run(None, {"audio": audio})[0]
    assert np.abs(before - mu).max() > 1e-3
    # the graft: the new encoder goes into the bundle, the decoder file and the map stay
    shutil.copytree(presets / "base", presets / "graft")
    (presets / "graft" / "preset.json").write_text(
        (presets / "graft" / "preset.json").read_text().replace('"name": "base"', '"name": "graft"'))
    decoder_bytes = (presets / "graft" / "decoder.onnx").read_bytes()
    old = json.loads((presets / "graft" / "preset.json").read_text())
    export_onnx.export_bundle(export_onnx.parser().parse_args(
        ["--ckpt", str(tuned), "--data", str(user_folder), "--out", str(presets / "graft"), "--encoder-only"]))
    new = json.loads((presets / "graft" / "preset.json").read_text())
    assert (presets / "graft" / "decoder.onnx").read_bytes() == decoder_bytes
    assert new["xy_map"] == old["xy_map"] and new["pads"] == old["pads"]
    assert new["models"]["oneshot.encoder"]["sha256"] != old["models"]["oneshot.encoder"]["sha256"]
    assert new["training"]["metrics"]["heldout_previous_encoder"] == old["training"]["metrics"]["heldout"]
    assert new["training"]["encoder_fine_tune"]["train_args"]["freeze_decoder"] is True
    grafted = ort.InferenceSession(str(presets / "graft" / "encoder.onnx")).run(None, {"audio": audio})[0]
    assert np.abs(grafted - mu).max() < 1e-3
    assert validate_bundle(presets / "graft").latent_size == 8
    # a checkpoint whose decoder moved is refused, and the bundle is left as it was
    moved = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(tmp_path / "d"), "--init", str(presets / "base"),
         "--lr", "1e-2", "--steps", "3", "--threads", "1"]))
    before = (presets / "graft" / "preset.json").read_bytes()
    with pytest.raises(SystemExit, match="decoder differs"):
        export_onnx.export_bundle(export_onnx.parser().parse_args(
            ["--ckpt", str(moved), "--data", str(user_folder), "--out", str(presets / "graft"), "--encoder-only"]))
    assert (presets / "graft" / "preset.json").read_bytes() == before
    with pytest.raises(SystemExit, match="--freeze-decoder needs --init"):
        train.train(train.parser().parse_args(
            ["--data", str(user_folder), "--out", str(tmp_path / "c"), "--tiny", "--freeze-decoder",
             "--steps", "1", "--threads", "1"]))


def test_log_mel_loss_is_the_held_out_measure_in_torch():
    """The training term measures what the held-out figure measures (dB/10, same 80 dB floor),
    is zero on a perfect copy, and gives gradients only where the sound is audible."""
    from export.oneshot import metrics
    from export.oneshot.model import LogMelLoss

    rng = np.random.default_rng(3)
    decay = np.exp(-np.arange(22050) / 3000.0).astype(np.float32)
    x = rng.standard_normal((2, 22050)).astype(np.float32) * decay
    y = x + 0.02 * rng.standard_normal(x.shape).astype(np.float32)
    loss = LogMelLoss(44100)
    got = 10 * loss(torch.from_numpy(y), torch.from_numpy(x)).item()
    want = float(metrics.log_mel_distance_db(y, x, 44100).mean())
    assert got == pytest.approx(want, rel=0.1) and want > 1.0  # framing differs (centred STFT)
    assert loss(torch.from_numpy(x), torch.from_numpy(x)).item() == 0.0
    quiet = torch.from_numpy(x * 1e-6).requires_grad_()  # 120 dB down: all below the floor
    loss(quiet, torch.from_numpy(x)).backward()
    assert quiet.grad.abs().max().item() == 0.0


def test_log_mel_error_by_level_splits_the_distance_and_its_sign():
    """The groups' parts add up to the distance (less what lies below the floor), and a copy that
    is too loud reads as too loud."""
    from export.oneshot import metrics

    rng = np.random.default_rng(4)
    x = (rng.standard_normal((2, 22050)) * np.exp(-np.arange(22050) / 2000.0)).astype(np.float32)
    y = 2.0 * x + 0.01 * rng.standard_normal(x.shape).astype(np.float32)
    split = metrics.log_mel_error_by_level(y, x, 44100)
    total = float(metrics.log_mel_distance_db(y, x, 44100).mean())
    parts = sum(group["part_of_distance_db"] for group in split.values())
    assert 0 < parts <= total + 0.05
    assert split["-20..0 dB"]["signed_db"] == pytest.approx(6.0, abs=1.0)  # 2x amplitude: +6 dB


# --- encode refinement (export.oneshot.refine, server.presets.models.Refiner) --------------------
def _sounds(user_folder: Path, length: int, sample_rate_hz: int) -> np.ndarray:
    from server.core.sample_io import load_oneshot_level

    return np.stack([load_oneshot_level(p, sample_rate_hz, length)[0] for p in sorted(user_folder.rglob("*0*.ogg"))])


def test_refine_graph_gives_torchs_loss_and_gradient(user_folder, tmp_path):
    """The exported step graph (traced forward + backward, with the rewritten upsampling and
    adjoint convolutions) gives the loss and d loss / d z that torch's autograd gives through the
    decoder's own forward."""
    from torch.nn import functional as F

    from export.oneshot import refine
    from export.oneshot.model import OneshotVAE

    x = torch.randn(2, 5, 37)
    assert torch.allclose(refine.upsample4(x), F.interpolate(x, scale_factor=4.0, mode="linear", align_corners=False),
                          atol=1e-6)
    ckpt = train.train(train.parser().parse_args(
        ["--data", str(user_folder), "--out", str(tmp_path / "run"), "--tiny", "--steps", "2", "--threads", "1"]))
    ck = train.load_ckpt(ckpt)
    model = OneshotVAE(train.config_from_ckpt(ck))
    model.load_state_dict(ck["model"])
    model.eval().requires_grad_(False)
    cfg = model.cfg
    refine.export_refine(model.decoder, cfg.sample_rate_hz, cfg.length, tmp_path)
    import onnxruntime as ort

    target = ort.InferenceSession(str(tmp_path / "refine_target.onnx"), providers=["CPUExecutionProvider"])
    step = ort.InferenceSession(str(tmp_path / "refine_step.onnx"), providers=["CPUExecutionProvider"])
    loss_fn = refine.RefineLoss(cfg.sample_rate_hz)
    rng = np.random.default_rng(0)
    for audio in _sounds(user_folder, cfg.length, cfg.sample_rate_hz)[:3]:
        z = torch.from_numpy(rng.standard_normal((1, cfg.latent_size)).astype(np.float32)).requires_grad_(True)
        features = loss_fn.features(torch.from_numpy(audio[None]))
        loss = loss_fn(model.decoder(z), z, *features)
        (grad,) = torch.autograd.grad(loss.sum(), z)
        feeds = dict(zip(refine.FEATURES, target.run(None, {"audio": audio[None].astype(np.float32)})))
        onnx_loss, onnx_grad = step.run(None, dict(feeds, z=z.detach().numpy()))
        assert onnx_loss[0] == pytest.approx(float(loss), rel=1e-4)
        assert np.linalg.norm(onnx_grad - grad.numpy()) <= 1e-3 * np.linalg.norm(grad.numpy())
        assert np.abs(grad.numpy()).max() > 0


def test_refined_encode_lowers_the_loss_and_is_what_the_server_plays(user_folder, tmp_path, start_server):
    """`install` adds the graphs to a bundle the server's validator accepts; the refinement lowers
    its loss from the encoder's latent; `encode_audio` and a real /pad/encode over UDP play the
    refined latent, not the encoder's."""
    import soundfile as sf

    from export.oneshot import refine
    from export.oneshot.model import OneshotVAE
    from server.core.sample_io import load_oneshot_level
    from server.presets.models import load_models
    from server.workers.analysis import encode_audio

    presets = tmp_path / "presets"
    bundle = _tiny_bundle(user_folder, tmp_path / "a", presets / "refined")
    ck = train.load_ckpt(tmp_path / "a" / "last.pt")
    model = OneshotVAE(train.config_from_ckpt(ck))
    model.load_state_dict(ck["model"])
    cfg = model.cfg
    sounds = _sounds(user_folder, cfg.length, cfg.sample_rate_hz)
    chosen = refine.install(bundle, model.eval().decoder, sounds, [3, 6], [0.1, 0.3], command="test",
                            chosen_on="the test's sounds")
    assert chosen["steps"] in (3, 6) and chosen["lr"] in (0.1, 0.3)
    preset = validate_bundle(bundle)
    assert preset.refine.steps == chosen["steps"]
    models = load_models(preset, "cpu", 1)
    lowered = 0
    for audio in sounds:
        mu = models.encoder.encode(audio[None])[0][0]
        z, losses = models.refiner.refine(mu, audio)
        assert len(losses) == chosen["steps"] + 1
        lowered += min(losses) < losses[0]
        assert np.array_equal(encode_audio(models, audio), z)
    assert lowered == len(sounds)

    samples = tmp_path / "samples"
    samples.mkdir()
    path = sorted(user_folder.rglob("kick0*.ogg"))[0]
    (samples / "kick.ogg").write_bytes(path.read_bytes())
    audio, _ = load_oneshot_level(samples / "kick.ogg", cfg.sample_rate_hz, cfg.length)
    mu = models.encoder.encode(audio[None])[0]
    z = encode_audio(models, audio)[None]
    refined, plain = models.decoder.render(np.concatenate([z, mu]))

    def misfit(played, render):  # the played file is a render at the file's own level (clipped at full scale)
        keep = np.abs(played) < 0.99
        gain = float(np.dot(played[keep], render[keep]) / np.dot(render[keep], render[keep]))
        return float(np.abs(played[keep] - gain * render[keep]).max())

    # the preset's steps, then refinement turned off by the performer (--encode-refine-steps 0)
    for extra, name in (((), "srv"), (("--encode-refine-steps", "0"), "off")):
        srv = start_server(presets, "--sample-dir", str(samples), *extra, preset="refined", name=name)
        c = srv.client()
        c.hello()
        _, rendered, _ = c.sample("/pad/encode", 0, str(samples / "kick.ogg"), timeout=60)
        c.close()
        played = sf.read(rendered, dtype="float32")[0]
        if not extra:
            assert misfit(played, refined) < 1e-3 < misfit(played, plain)
        else:
            assert misfit(played, plain) < 1e-3 < misfit(played, refined)
