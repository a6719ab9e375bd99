"""The groove corpus (real Debian files), the genre generator, and the training/export path on a
tiny model: trains from MIDI clips, resumes, exports, onnx equals torch, merges into a bundle
the server's validator accepts."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from export.groove import corpus
from server.core.patterns import INSTRUMENTS, NINST, STEPS, from_array

H2_DEMOS = corpus.HYDROGEN / "demo_songs"


def _need(path: Path, package: str) -> None:
    if not path.exists():
        pytest.skip(f"Debian package {package} not installed (bash .ci/setup installs it)")


def test_hydrogen_songs_parse_into_patterns():
    _need(H2_DEMOS, "hydrogen-data")
    patterns = corpus.parse_h2song(H2_DEMOS / "GM_kit_demo1.h2song")
    assert len(patterns) >= 8
    stack = np.stack(patterns)
    assert stack.shape[1:] == (NINST, STEPS, 3)
    kick = INSTRUMENTS.index("kick")
    assert stack[:, kick, :, 0].sum() > 0 and stack[..., 0].sum() > 100
    assert set(np.unique(stack[..., 0])) <= {0.0, 1.0}
    hits = stack[..., 0] > 0
    assert (stack[..., 1][hits] > 0).all() and np.abs(stack[..., 2]).max() <= 0.5


def test_lmms_projects_parse_mmpz_and_mmp():
    _need(corpus.LMMS, "lmms-common")
    zipped = corpus.parse_mmp(corpus.LMMS / "demos" / "EsoXLB-CPU.mmpz")
    plain = corpus.parse_mmp(corpus.LMMS / "demos" / "StrictProduction-DearJonDoe.mmp")
    assert len(zipped) > 5 and len(plain) > 1
    assert all(p.shape == (NINST, STEPS, 3) for p in zipped + plain)
    assert sum(p[..., 0].sum() for p in zipped) > 50


@pytest.mark.parametrize("name,instrument", [
    ("Kick", "kick"), ("BassDrum", "kick"), ("Dirty World BD", "kick"), ("Hand Clap", "snare"),
    ("Snare Rimshot", "snare"), ("Hat Pedal", "closed_hat"), ("Loaded O-HiHat", "open_hat"),
    ("hihat_opened02", "open_hat"), ("Floor Tom", "low_tom"), ("Tom 2", "mid_tom"), ("Tom Hi", "high_tom"),
    ("crash16inch", "crash"), ("Ride 2", "ride"), ("Cowbell", None), ("Default preset", None),
])
def test_instrument_names_map_to_the_nine(name, instrument):
    got = corpus.classify(name)
    assert (INSTRUMENTS[got] if got is not None else None) == instrument


def test_the_genre_generator_is_seeded_and_humanised():
    a, genres = corpus.generate(5, seed=3)
    b, _ = corpus.generate(5, seed=3)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert set(genres) == set(corpus.GENRES) and len(a) == 5 * len(corpus.GENRES)
    stack = np.stack(a)
    hits = stack[..., 0] > 0
    assert np.std(stack[..., 1][hits]) > 0.05 and np.std(stack[..., 2][hits]) > 0.02  # not a grid
    house = np.stack([p for p, g in zip(a, genres) if g == "house"])
    assert house[:, INSTRUMENTS.index("kick"), ::4, 0].all()  # four on the floor


@pytest.fixture()
def midi_folder(tmp_path):
    from server.core.groove_midi import write_pattern

    folder = tmp_path / "clips"
    folder.mkdir()
    patterns, _ = corpus.generate(2, seed=1)
    for i, p in enumerate(patterns[:12]):
        write_pattern(from_array(p), folder / f"clip{i:02d}.mid")
    (folder / "broken.mid").write_bytes(b"MThd garbage")
    import mido
    melody = mido.MidiFile()
    melody.tracks.append(mido.MidiTrack([mido.Message("note_on", note=72, velocity=80, time=0)]))
    melody.save(folder / "melody.mid")
    return folder


def test_tiny_train_from_midi_resume_export_parity_merge(midi_folder, tmp_path, capsys):
    torch = pytest.importorskip("torch")  # noqa: F841
    from export.groove import export_onnx, train
    from server.presets.bundle import validate_bundle
    from support import build_bundle

    run = tmp_path / "run"
    args = ["--data", str(midi_folder), "--out", str(run), "--tiny", "--ckpt-every", "5", "--threads", "1"]
    ckpt = train.train(train.parser().parse_args(args + ["--steps", "6"]))
    assert train.load_ckpt(ckpt)["step"] == 6
    ckpt = train.train(train.parser().parse_args(args + ["--steps", "9", "--resume"]))
    assert train.load_ckpt(ckpt)["step"] == 9
    err = capsys.readouterr().err
    assert "skipping broken.mid: " in err and "not a readable MIDI file" in err
    assert "skipping melody.mid: " in err and "no drum notes" in err

    bundle = build_bundle(tmp_path / "presets", "mykit")
    out = tmp_path / "groove"
    assert export_onnx.main(["--ckpt", str(ckpt), "--data", str(midi_folder), "--out", str(out),
                             "--into", str(bundle)]) == 0
    preset = validate_bundle(bundle)
    assert preset.groove is not None and "oneshot.decoder" in preset.models
    manifest = json.loads((bundle / "preset.json").read_text())
    training = manifest["groove"]["training"]
    assert max(v for k, v in training["parity"].items() if k.endswith("diff")) <= 1e-4
    assert 0 <= training["metrics"]["heldout_onset"]["f1"] <= 1
    stats = training["metrics"]["generated_statistics"]
    assert stats["model_distance"] >= 0 and stats["random_baseline_distance"] > 0
    assert training["data"][0]["licence"] == "the user's own"
    # fills labelled in the clips give /pattern/fill its latent step
    assert training["fill"]["fills"] > 0 and preset.groove.fill.shape == (8,)
    # merging again (e.g. a retrained model) replaces the roles and stays valid
    from export.cli import main
    assert main(["export", "groove", "--merge", str(out), "--into", str(bundle)]) == 0
    assert validate_bundle(bundle).groove.grid.shape == (10, 10, 8)


def test_latentpad_train_groove_command(midi_folder, tmp_path, capsys):
    pytest.importorskip("torch")
    from export.cli import main

    bundle = tmp_path / "g"
    assert main(["train", "groove", str(midi_folder), "--tiny", "--steps", "3", "--threads", "1",
                 "--out", str(tmp_path / "run"), "--bundle", str(bundle)]) == 0
    fragment = json.loads((bundle / "groove.json").read_text())
    assert fragment["groove"]["training"]["command"].startswith("latentpad train groove ")
    assert "--merge" in capsys.readouterr().out
    from export.common import load_ckpt

    # your own clips train with part crossover unless told otherwise (docs/models.md)
    assert json.loads(load_ckpt(tmp_path / "run" / "last.pt")["extra"])["args"]["cross"] == 0.5


def test_the_50_clip_timing_path_ends_in_a_preset_the_server_plays(tmp_path, capsys):
    """`python -m export.groove.clip_timing` end to end on a few clips with the tiny setting:
    clips written, `latentpad train groove --into` a copy of the default preset, that preset
    validated, served, and a /pattern/xy answered with its 18 rows."""
    pytest.importorskip("torch")
    from export.groove import clip_timing
    from server.presets.bundle import validate_bundle

    assert clip_timing.main(["--clips", "9", "--source", "generated", "--tiny", "--steps", "3",
                             "--threads", "1", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    result = json.loads(out[out.rindex('{\n "command"'):])
    assert result["pattern_replies"] == 18 and result["serve_ready_seconds"] > 0
    assert result["wall_seconds"] > 0 and result["cpu_seconds"] >= 0 and len(result["load_average_before"]) == 3
    assert result["trains"].startswith("latentpad train groove CLIPS ") and "--into" in result["trains"]
    assert result["heldout_patterns"] == 2  # clip 7 of 9 held out: two 2-bar windows
    preset = validate_bundle(tmp_path / "presets" / "clips")
    assert preset.groove.grid.shape[-1] == 8 and "oneshot.decoder" in preset.models  # tiny groove, default one-shots


def test_the_timing_clips_cut_from_debian_songs_read_back_as_played(tmp_path):
    from export.groove import clip_timing
    from export.groove.corpus import SONGS
    from export.groove.train import load_midi_folder

    if not any(folder.is_dir() for folder in SONGS.values()):
        pytest.skip("Debian simutrans-data / planetblupi-music-midi not installed (bash .ci/setup installs them)")
    real = clip_timing.real_clips(4)
    layouts = clip_timing.make_folder(tmp_path, 4, source="debian")
    assert layouts == ["gm", "live", "lmms", "gm"] and len({name for name, _ in real}) == 4  # 4 songs
    patterns, clip = load_midi_folder(tmp_path, "gm", report=lambda *a: None)
    assert list(clip) == [0, 0, 1, 1, 2, 2, 3, 3]  # 4 bars each: two windows
    for k, (_, played) in enumerate(real):
        back = np.concatenate([patterns[2 * k], patterns[2 * k + 1]], 1)
        assert np.array_equal(back[..., 0], played[..., 0])  # the same hits, same steps
        hits = played[..., 0] > 0
        assert np.abs(back[..., 1][hits] - played[..., 1][hits]).max() <= 1 / 127
        assert np.abs(back[..., 2][hits] - played[..., 2][hits]).max() <= 1 / 120 + 1e-6  # a tick of 120 per 16th


def test_a_folder_without_usable_clips_is_a_clear_error(tmp_path):
    pytest.importorskip("torch")
    from export.groove import train

    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match="no MIDI clips"):
        train.load_patterns(tmp_path / "empty")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.mid").write_bytes(b"nope")
    with pytest.raises(SystemExit, match="none of the 1 MIDI files holds a usable drum clip"):
        train.load_patterns(tmp_path / "bad")


def test_a_hit_threshold_is_folded_into_the_exported_logits():
    """The server's hit is logit > 0 at the default controls; a threshold T chosen by CV shifts
    the decoder's hit logits by -T and leaves velocity and offset alone."""
    torch = pytest.importorskip("torch")
    from export.groove.export_onnx import fold_hit_threshold
    from export.groove.model import GrooveConfig, GrooveVAE
    from server.core.patterns import Controls, shape

    torch.manual_seed(0)
    model = GrooveVAE(GrooveConfig(latent_size=8, channels=16, hidden=32)).eval()
    z = torch.randn(4, 8)
    with torch.no_grad():
        before = [t.numpy().copy() for t in model.decoder(z)]
        fold_hit_threshold(model, -0.5)
        after = [t.numpy() for t in model.decoder(z)]
    np.testing.assert_allclose(after[0], before[0] + 0.5, atol=1e-5)
    np.testing.assert_array_equal(after[1], before[1])
    np.testing.assert_array_equal(after[2], before[2])
    hits = shape(after[0][0], after[1][0], after[2][0], Controls()).hits
    assert np.array_equal(hits, before[0][0] > -0.5)
