"""The latent diffusion prior: training and export (tiny, on real files), the bundle contract, the
numpy sampler against torch, and the gestures over real UDP (/pad/random class, /pad/vary,
/pad/transform) on a server subprocess."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import soundfile as sf

from support import CLASSES, LATENT, RATE, OscClient, ServerProcess, build_bundle, read_manifest, write_manifest

torch = pytest.importorskip("torch", reason="training the prior needs the export extra (torch)")


def _write_sounds(folder):
    """Six kicks (low decaying sines) and six snares (noise bursts) in class subfolders."""
    rng = np.random.default_rng(0)
    t = np.arange(int(0.2 * RATE)) / RATE
    for i in range(6):
        (folder / "kick").mkdir(parents=True, exist_ok=True)
        (folder / "snare").mkdir(parents=True, exist_ok=True)
        kick = np.sin(2 * np.pi * (50 + 10 * i) * t) * np.exp(-t / 0.08)
        snare = rng.standard_normal(t.size) * np.exp(-t / 0.05) * 0.5
        sf.write(folder / "kick" / f"k{i}.wav", kick.astype(np.float32), RATE)
        sf.write(folder / "snare" / f"s{i}.wav", snare.astype(np.float32), RATE)


@pytest.fixture(scope="module")
def prior_sounds(tmp_path_factory):
    sounds = tmp_path_factory.mktemp("prior_sounds")
    _write_sounds(sounds)
    return sounds


@pytest.fixture(scope="module")
def prior_presets(tmp_path_factory, prior_sounds):
    """A presets folder with `tiny` (no prior) and `withprior` (tiny + a prior trained here, and
    its XY map settled through it)."""
    from export.cli import main as export_main

    root = tmp_path_factory.mktemp("prior_presets")
    build_bundle(root, "tiny")
    build_bundle(root, "withprior")
    sounds = prior_sounds
    assert export_main(["train", "prior", str(sounds), "--preset", "withprior", "--presets-dir", str(root),
                        "--steps", "150", "--threads", "1", "--tiny"]) == 0
    manifest = read_manifest(root / "withprior")
    manifest["prior"]["class_check"] = 4  # class draws over UDP below go through the head's check
    write_manifest(root / "withprior", manifest)
    return root


def test_training_adds_a_valid_prior_to_the_bundle(prior_presets):
    from server.presets.bundle import validate_bundle

    manifest = read_manifest(prior_presets / "withprior")
    entry = manifest["models"]["oneshot.prior"]
    assert entry["file"] == "prior.onnx" and (prior_presets / "withprior" / "prior.onnx").is_file()
    assert manifest["prior"]["kind"] == "flow_matching"
    training = manifest["prior"]["training"]
    assert training["sounds"] == 12 and training["labelled"] == 12
    assert training["parity"]["max_abs_diff"] <= 1e-4
    assert "latentpad train prior" in training["command"]
    preset = validate_bundle(prior_presets / "withprior")
    assert preset.diffusion.steps == manifest["prior"]["steps"]


def _head_probability(models, z, k):
    from server.workers.analysis import classify_point

    return dict(classify_point(models, z))[models.preset.classes[k]]


def test_training_settles_the_map_through_the_prior(prior_presets):
    """Each node of a class region either already sounds like its class to the model's own head
    (kept) or is walked through the prior toward it, at the weakest strength that gets there."""
    from export.prior.settle import THRESHOLD, T0S
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    xy = read_manifest(prior_presets / "withprior")["xy_map"]
    settled = xy["settled"]
    som = np.asarray(settled["som_points"], np.float32)
    assert settled["som_points"] == read_manifest(prior_presets / "tiny")["xy_map"]["points"]
    points, classes, used = np.asarray(xy["points"], np.float32), settled["node_classes"], settled["node_t0"]
    assert set(classes) <= {-1, 0, 1} and {0, 1} <= set(classes)  # only kick and snare were trained on
    assert settled["nodes_moved"] == sum(t < 1.0 for t in used) > 0
    assert "latentpad train prior" in settled["command"]
    models = load_models(load_bundle(prior_presets / "withprior"), "cpu", 1)
    prior = models.prior
    for i, (k, t0) in enumerate(zip(classes, used)):
        if t0 == 1.0:
            np.testing.assert_array_equal(points[i], som[i])
            assert k < 0 or _head_probability(models, som[i], k) >= THRESHOLD
            continue
        assert k >= 0 and t0 in T0S
        want = prior.walk((t0 * (som[i] - prior.mean) / prior.std)[None], t0, k)[0]
        np.testing.assert_allclose(points[i], want, atol=1e-4)  # the server's own walk (5-decimal JSON)
        if t0 != T0S[-1]:  # above the floor: the weakest settle the head hears as the class
            assert _head_probability(models, points[i], k) >= THRESHOLD


def test_each_node_gets_the_weakest_settle_its_class_is_heard_at(prior_presets):
    """settle_nodes (batched per class) against the rule, node by node: the first of the SOM point
    and T0S whose render the head gives p >= threshold, else the floor. Every node is given a class
    and the threshold is the median of the head's answers, so nodes land on several strengths."""
    from export.prior.settle import T0S, settle_nodes
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    models = load_models(load_bundle(prior_presets / "withprior"), "cpu", 1)
    prior = models.prior
    som = np.asarray(read_manifest(prior_presets / "withprior")["xy_map"]["settled"]["som_points"], np.float32)
    classes = np.arange(len(som)) % 2
    steps = [1.0, *T0S]
    candidates = [[som[i] if t == 1.0 else prior.walk((t * (som[i] - prior.mean) / prior.std)[None], t, int(k))[0]
                   for t in steps] for i, k in enumerate(classes)]
    heard = np.array([[_head_probability(models, z, k) for z in row] for row, k in zip(candidates, classes)])
    threshold = float(np.median(heard))
    points, used = settle_nodes(models, som, classes, T0S, threshold)
    for i in range(len(som)):
        j = next((j for j in range(len(steps)) if heard[i, j] >= threshold), len(steps) - 1)
        assert used[i] == steps[j]
        np.testing.assert_allclose(points[i], candidates[i][j], atol=1e-5)
    assert len(set(used.tolist())) >= 3  # the rule was exercised, not just "all kept" or "all at the floor"


def test_no_settle_keeps_the_som(prior_presets, prior_sounds, tmp_path):
    from export.cli import main as export_main

    build_bundle(tmp_path, "plain")
    before = read_manifest(tmp_path / "plain")["xy_map"]
    assert export_main(["train", "prior", str(prior_sounds), "--preset", "plain", "--presets-dir", str(tmp_path),
                        "--steps", "20", "--threads", "1", "--tiny", "--no-settle"]) == 0
    manifest = read_manifest(tmp_path / "plain")
    assert "oneshot.prior" in manifest["models"] and manifest["xy_map"] == before


def test_settling_again_starts_from_the_som(prior_presets, prior_sounds, tmp_path):
    from export.prior.settle import settle_bundle

    folder = tmp_path / "withprior"
    shutil.copytree(prior_presets / "withprior", folder)
    first = read_manifest(folder)["xy_map"]
    settle_bundle(folder, prior_sounds, "test")
    again = read_manifest(folder)["xy_map"]
    assert again["settled"]["som_points"] == first["settled"]["som_points"]
    np.testing.assert_allclose(again["points"], first["points"], atol=2e-5)


def test_a_broken_settled_record_is_refused_by_field(prior_presets, tmp_path):
    from server.core.errors import PresetError
    from server.presets.bundle import load_bundle

    folder = tmp_path / "withprior"
    shutil.copytree(prior_presets / "withprior", folder)
    manifest = read_manifest(folder)
    manifest["xy_map"]["settled"]["node_classes"][3] = len(CLASSES)
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match=r"xy_map\.settled\.node_classes\[3\]"):
        load_bundle(folder)
    manifest["xy_map"]["settled"]["node_classes"][3] = -1
    manifest["xy_map"]["settled"]["som_points"].pop()
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match=r"xy_map\.settled\.som_points"):
        load_bundle(folder)


def test_numpy_sampler_matches_the_torch_sampler(tmp_path):
    """The server's walk (numpy around onnxruntime) and export.prior.model.sample agree."""
    from export.prior.model import Denoiser, PriorConfig, onehot, sample
    from export.prior.train import export
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    folder = build_bundle(tmp_path, "tiny")
    torch.manual_seed(3)
    net = Denoiser(PriorConfig(latent_size=LATENT, n_classes=len(CLASSES), width=32, blocks=1)).eval()
    export(net, folder, read_manifest(folder), {"steps": 0}, "test", tmp_path)
    models = load_models(load_bundle(folder), "cpu", 1)
    prior = models.prior
    noise = np.random.default_rng(0).standard_normal((3, LATENT)).astype(np.float32)
    for cls in (None, 1):
        want = sample(net, torch.from_numpy(noise), 0.0,
                      torch.from_numpy(onehot(np.array([-1 if cls is None else cls] * 3), len(CLASSES))),
                      prior.steps, prior.guidance).numpy() * prior.std + prior.mean
        got = np.stack([prior.draw(n, cls) for n in noise])
        np.testing.assert_allclose(got, want, atol=1e-4)
    home = noise[0]
    np.testing.assert_array_equal(prior.vary(home, noise[1], 0.0), home)  # amount 0: the sound itself
    far = [np.linalg.norm(prior.vary(home, n, a) - home) for a in (0.25, 1.5) for n in noise]
    assert np.mean(far[3:]) > np.mean(far[:3])  # more amount, further away


def test_manifest_prior_object_and_role_go_together(tmp_path):
    from server.core.errors import PresetError
    from server.presets.bundle import load_bundle

    folder = build_bundle(tmp_path, "tiny")
    manifest = read_manifest(folder)
    manifest["prior"] = {"kind": "flow_matching", "steps": 12, "guidance": 2.0,
                         "training": {"command": "x", "parity": {}}}
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match="models.oneshot.prior"):
        load_bundle(folder)
    manifest["prior"]["steps"] = 0
    manifest["models"]["oneshot.prior"] = dict(manifest["models"]["oneshot.decoder"])
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match="oneshot.prior"):  # wrong I/O names for the role
        load_bundle(folder)


def test_manifest_with_prior_steps_out_of_range_names_the_field(prior_presets, tmp_path):
    from server.core.errors import PresetError
    from server.presets.bundle import load_bundle

    folder = tmp_path / "withprior"
    shutil.copytree(prior_presets / "withprior", folder)
    manifest = read_manifest(folder)
    manifest["prior"]["steps"] = 0
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match="prior.steps"):
        load_bundle(folder)
    del manifest["prior"]
    manifest_path = folder / "preset.json"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(PresetError, match="prior"):
        load_bundle(folder)


class _EchoPrior:
    """draw(noise, class) -> the noise itself: which candidate was kept shows in the result."""

    def draw(self, noise, class_index, spread=1.0):
        return np.asarray(noise, np.float32) * spread


def test_checked_draw_keeps_the_first_candidate_heard_as_the_class_else_the_likeliest():
    from server.presets.prior import checked_draw

    noises = [np.full(LATENT, float(i), np.float32) for i in range(4)]
    heard = []

    def hear(z):  # candidate i is heard as class 1 with probability p[i]
        heard.append(int(z[0]))
        p = {0: 0.2, 1: 0.45, 2: 0.7, 3: 0.9}[int(z[0])]
        return np.array([1.0 - p, p])

    assert checked_draw(_EchoPrior(), hear, noises, 1)[0] == 2.0 and heard == [0, 1, 2]  # stops at the first
    heard.clear()
    assert checked_draw(_EchoPrior(), hear, noises[:2], 1)[0] == 1.0  # none heard as 1: the likeliest
    heard.clear()
    assert checked_draw(_EchoPrior(), hear, noises[:1], 1)[0] == 0.0 and heard == []  # one noise: no check


def test_class_check_makes_class_draws_the_head_hears_as_asked(prior_presets):
    """Real ONNX: the checked draw is heard (render -> encoder head) as the class asked for at
    least as often as the plain draw from the same first noise, and whenever any candidate is."""
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models
    from server.workers.analysis import class_draw, hear_point

    models = load_models(load_bundle(prior_presets / "withprior"), "cpu", 1)
    assert models.preset.diffusion.class_check == 4
    rng = np.random.default_rng(4)
    plain, checked = [], []
    for k in (0, 1):
        for _ in range(6):
            noises = list(rng.standard_normal((4, LATENT)).astype(np.float32))
            candidates = [int(hear_point(models, models.prior.draw(n, k)).argmax()) == k for n in noises]
            z = class_draw(models, noises, k)
            plain.append(candidates[0])
            checked.append(int(hear_point(models, z).argmax()) == k)
            assert checked[-1] == any(candidates)
    assert sum(checked) >= sum(plain)


def test_manifest_class_check_out_of_range_or_without_an_encoder_names_the_field(prior_presets, tmp_path):
    from server.core.errors import PresetError
    from server.presets.bundle import load_bundle

    folder = tmp_path / "withprior"
    shutil.copytree(prior_presets / "withprior", folder)
    manifest = read_manifest(folder)
    for bad in (0, 17, 2.5):
        manifest["prior"]["class_check"] = bad
        write_manifest(folder, manifest)
        with pytest.raises(PresetError, match="prior.class_check"):
            load_bundle(folder)
    manifest["prior"]["class_check"] = 3
    del manifest["models"]["oneshot.encoder"]
    write_manifest(folder, manifest)
    with pytest.raises(PresetError, match="oneshot.encoder"):
        load_bundle(folder)


@pytest.fixture(scope="module")
def prior_server(prior_presets, tmp_path_factory):
    root = tmp_path_factory.mktemp("prior_server")
    proc = ServerProcess(prior_presets, root / "renders", root / "logs", "--seed", "11", preset="withprior")
    yield proc
    proc.stop()


def _audio(path) -> np.ndarray:
    return sf.read(path, dtype="float32")[0]


def test_random_of_a_class_same_seed_same_sound(prior_presets, prior_server, tmp_path):
    client = OscClient(prior_server.port)
    client.hello()
    first = client.sample("/pad/random", 0, "kick")
    other = ServerProcess(prior_presets, tmp_path / "renders", tmp_path / "logs", "--seed", "11",
                          preset="withprior")
    try:
        again = OscClient(other.port)
        again.hello()
        second = again.sample("/pad/random", 0, "kick")
        np.testing.assert_array_equal(_audio(first[1]), _audio(second[1]))
        again.close()
    finally:
        other.stop()
    third = client.sample("/pad/random", 0, 1.0, "snare")
    assert not np.array_equal(_audio(first[1]), _audio(third[1]))
    client.close()


def test_vary_and_transform_render_and_bad_classes_change_nothing(prior_server):
    client = OscClient(prior_server.port)
    client.hello()
    _, base, _ = client.sample("/pad/xy", 2, 0.3, 0.7)
    _, varied, _ = client.sample("/pad/vary", 2, 0.5)
    assert not np.array_equal(_audio(base), _audio(varied))
    _, moved, _ = client.sample("/pad/transform", 2, "snare", 0.8)
    client.send("/pad/transform", 2, "trumpet", 0.5)
    address, message = client.expect("/error")
    assert address == "/pad/transform" and "trumpet" in message and "kick" in message
    client.send("/pad/random", 2, "Kick!")
    assert client.expect("/error")[0] == "/pad/random"
    _, same, _ = client.sample("/pad/render", 2)
    np.testing.assert_array_equal(_audio(same), _audio(moved))  # the refused ones changed nothing
    client.close()


def test_without_a_prior_class_gestures_are_refused_and_gaussian_still_works(server):
    client = OscClient(server.port)
    client.hello()
    client.send("/pad/transform", 5, "snare", 0.5)
    address, message = client.expect("/error")
    assert address == "/pad/transform" and "oneshot.prior" in message
    client.send("/pad/random", 5, "kick")
    address, message = client.expect("/error")
    assert address == "/pad/random" and "oneshot.prior" in message
    client.sample("/pad/random", 5, 0.5)
    client.sample("/pad/vary", 5, 0.2)
    client.close()


def test_humanize_gives_each_trigger_a_fresh_variation_until_turned_off(prior_server):
    client = OscClient(prior_server.port)
    client.hello()
    _, home, _ = client.sample("/pad/xy", 7, 0.6, 0.4)
    client.send("/pad/humanize", 7, 0.4)
    assert client.expect("/humanize") == (7, pytest.approx(0.4))
    heard = [_audio(home)]
    for _ in range(3):
        client.send("/pad/trigger", 7, 1.0)
        pad, path, _ = client.expect("/sample")
        assert pad == 7
        heard.append(_audio(path))
    for a in range(len(heard)):
        for b in range(a + 1, len(heard)):
            assert not np.array_equal(heard[a], heard[b])  # every hit a different one
    client.send("/pad/humanize", 7, 0.0)
    assert client.expect("/humanize") == (7, 0.0)
    client.send("/pad/trigger", 7, 1.0)
    assert client.quiet(0.5) == []  # off: a trigger renders nothing
    client.close()


def test_width_makes_the_pad_stereo_with_a_close_variation_on_the_right(prior_server):
    client = OscClient(prior_server.port)
    client.hello()
    _, mono, _ = client.sample("/pad/xy", 9, 0.2, 0.8)
    client.send("/pad/width", 9, 0.6)
    assert client.expect("/width") == (9, pytest.approx(0.6))
    _, wide, _ = client.expect("/sample")
    stereo = _audio(wide)
    assert stereo.ndim == 2 and stereo.shape[1] == 2
    np.testing.assert_allclose(stereo[:, 0], _audio(mono), atol=1e-5)  # L: the pad's own sound
    assert not np.allclose(stereo[:, 1], stereo[:, 0], atol=1e-3)  # R: a variation of it
    _, moved, _ = client.sample("/pad/xy", 9, 0.3, 0.7)  # width stays with the pad
    assert _audio(moved).ndim == 2
    client.send("/pad/width", 9, 0.0)
    assert client.expect("/width") == (9, 0.0)
    _, back, _ = client.expect("/sample")
    assert _audio(back).ndim == 1
    client.close()


def test_bench_prior_section_times_the_checked_class_draw(prior_presets, tmp_path):
    import subprocess
    import sys

    from support import REPO

    out = subprocess.run([sys.executable, "-m", "server", "bench", "--preset", "withprior", "--presets-dir",
                          str(prior_presets), "--only", "prior", "--json", str(tmp_path / "bench.json")],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "bench.json").read_text())["prior"]
    assert result["class_check"] == 4 and result["checked_draw_and_decode"]["n"] == 300
    # a checked draw renders at least once more than a plain draw and decode
    assert result["checked_draw_and_decode"]["p50_ms"] > result["walk"]["p50_ms"]
    assert result["osc_random_class"]["lost"] == 0 and "class draw, checked + decode" in out.stdout


def test_draw_class_check_flag_overrides_the_presets(prior_presets, tmp_path):
    """`serve --draw-class-check 1` on a preset whose prior.class_check is 4 plays the same class
    draw as the preset with class_check 1 (same seed, same sound); 0 is refused at start."""
    plain = tmp_path / "plain"
    shutil.copytree(prior_presets / "withprior", plain / "withprior")
    manifest = read_manifest(plain / "withprior")
    manifest["prior"]["class_check"] = 1
    write_manifest(plain / "withprior", manifest)
    played = []
    for presets, extra in ((prior_presets, ("--draw-class-check", "1")), (plain, ())):
        proc = ServerProcess(presets, tmp_path / f"r{len(played)}", tmp_path / f"l{len(played)}", "--seed", "11",
                             *extra, preset="withprior")
        try:
            client = OscClient(proc.port)
            client.hello()
            played.append([_audio(client.sample("/pad/random", 0, c)[1]) for c in ("kick", "snare", "kick")])
            client.close()
        finally:
            proc.stop()
    for a, b in zip(*played):
        np.testing.assert_array_equal(a, b)
    from server.core.config import Settings
    from server.core.errors import ConfigError

    for bad in (0, 17):
        with pytest.raises(ConfigError, match="--draw-class-check"):
            Settings(draw_class_check=bad)


def test_choose_picks_guidance_and_class_check_by_its_rule_and_can_be_overridden(prior_presets, tmp_path):
    """export.prior.choose on a small labelled corpus: the class-check table covers every N, the
    written prior.class_check is the rule's (most accurate among those keeping 0.7 of the real
    variety, then the fewest), or the one given with --class-check; the bundle still loads."""
    from export.prior import choose
    from server.presets.bundle import load_bundle

    rng = np.random.default_rng(2)
    t = np.arange(int(0.2 * RATE)) / RATE
    sounds, labels = [], []
    for i in range(8):
        sounds.append(np.sin(2 * np.pi * (45 + 9 * i) * t) * np.exp(-t / 0.08))
        sounds.append(rng.standard_normal(t.size) * np.exp(-t / (0.03 + 0.01 * i)) * 0.5)
        labels += ["kick", "snare"]
    data = tmp_path / "corpus"
    data.mkdir()
    np.save(data / "train.npy", np.stack(sounds).astype(np.float32))
    (data / "index.json").write_text(json.dumps({"sample_rate_hz": RATE, "classes": list(CLASSES),
                                                 "train": [{"label": c} for c in labels]}))
    folder = tmp_path / "withprior"
    shutil.copytree(prior_presets / "withprior", folder)
    assert choose.main(["--preset", str(folder), "--data", str(data), "--write"]) == 0
    prior = read_manifest(folder)["prior"]
    table = prior["training"]["class_check_choice"]["by_candidates"]
    assert sorted(map(int, table)) == list(choose.CHECKS)
    ok = [int(n) for n, row in table.items() if row["weakest_variety"] >= choose.MIN_VARIETY]
    want = min(n for n in ok if table[str(n)]["head"] == max(table[str(m)]["head"] for m in ok)) if ok else 1
    assert prior["class_check"] == want and "export.prior.choose" in prior["training"]["class_check_choice"]["command"]
    assert choose.main(["--preset", str(folder), "--data", str(data), "--write", "--class-check", "2"]) == 0
    prior = read_manifest(folder)["prior"]
    assert prior["class_check"] == 2 and prior["training"]["class_check_choice"]["class_check"] == want
    assert load_bundle(folder).diffusion.class_check == 2
