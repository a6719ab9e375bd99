"""The groove roles in a bundle, and the server answering /pattern/* over real UDP (a tiny
groove model built in the test); `latentpad pattern` writing a .mid."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from server.core.errors import PresetError, ProtocolError
from server.core.groove_midi import read_clip
from server.presets.bundle import validate_bundle
from support import REPO, OscClient, add_groove, build_bundle, variant

NINST, STEPS = 9, 32


@pytest.fixture(scope="module")
def groove_presets(tmp_path_factory):
    root = tmp_path_factory.mktemp("groove_presets")
    add_groove(build_bundle(root, "tiny"))
    build_bundle(root, "plain")  # no groove
    return root


def test_a_bundle_with_groove_roles_validates_and_one_without_still_loads(groove_presets):
    preset = validate_bundle(groove_presets / "tiny")
    assert preset.groove.latent_size == 4 and preset.groove.grid.shape == (3, 3, 4)
    assert preset.groove.notes[:3] == (36, 38, 42)
    assert validate_bundle(groove_presets / "plain").groove is None


@pytest.mark.parametrize("edit,field", [
    (lambda m, f: m.pop("groove"), "models.groove.decoder"),
    (lambda m, f: m["models"].pop("groove.decoder"), "models.groove.decoder"),
    (lambda m, f: m["groove"].update(instruments=["kick"] * 9), "groove.instruments"),
    (lambda m, f: m["groove"]["drum_map"].update(kick=128), "groove.drum_map.kick"),
    (lambda m, f: m["groove"].update(steps=16), "groove.steps"),
    (lambda m, f: m["groove"]["map"]["points"].pop(), "groove.map.points"),
    (lambda m, f: m["groove"].update(latent_size=5), "groove.map.points[0]"),
    (lambda m, f: m["models"]["groove.decoder"]["inputs"][0].update(shape=["batch", 5]),
     "models.groove.decoder.inputs[0].shape"),
    (lambda m, f: m["models"]["groove.decoder"].update(sha256="0" * 64), "models.groove.decoder.sha256"),
])
def test_bad_groove_manifests_name_the_field(groove_presets, tmp_path, edit, field):
    import shutil
    src = tmp_path / "src" / "tiny"
    shutil.copytree(groove_presets / "tiny", src)
    with pytest.raises(PresetError) as info:
        validate_bundle(variant(src, "broken", edit))
    assert info.value.field.startswith(field), str(info.value)


def test_engine_pattern_jobs_need_a_groove_model(groove_presets):
    from server.core.engine import Engine
    from server.core.protocol import PatternDensity, PatternXY
    from server.presets.bundle import load_bundle

    engine = Engine(load_bundle(groove_presets / "tiny"), seed=3)
    job = engine.apply_pattern(PatternXY(0.0, 0.0))
    assert job.seq == 1 and job.controls.seed == 3 and job.z.shape == (4,)
    job = engine.apply_pattern(PatternDensity(2, 0.9))
    assert job.controls.density[2] == 0.9 and job.controls.density[0] == 0.5
    plain = Engine(load_bundle(groove_presets / "plain"))
    with pytest.raises(ProtocolError, match="has no groove model"):
        plain.apply_pattern(PatternXY(0.5, 0.5))


def test_a_repeated_latent_reuses_its_decode_and_returns_the_same_outputs(groove_presets, monkeypatch):
    """Only the latent decides the decode: a density change at the same point, or the same point
    again, is answered from the decode cache with the same arrays; the oldest entry goes first."""
    from server.core.engine import Engine
    from server.core.protocol import PatternDensity, PatternXY
    from server.presets import models as models_module
    from server.presets.bundle import load_bundle
    from server.workers.pattern_worker import decode_pattern

    monkeypatch.setattr(models_module, "DECODE_CACHE", 2)
    groove = models_module.load_models(load_bundle(groove_presets / "tiny"), "cpu", 1).groove
    engine = Engine(load_bundle(groove_presets / "tiny"), seed=3)
    start = groove.runs
    first = decode_pattern(groove, engine.apply_pattern(PatternXY(0.2, 0.7)))
    denser = decode_pattern(groove, engine.apply_pattern(PatternDensity(None, 0.9)))
    assert groove.runs == start + 1  # same point: one session run for both
    assert denser.hits.sum() >= first.hits.sum()
    z = engine.apply_pattern(PatternXY(0.2, 0.7)).z[None]
    fresh = groove._run(np.ascontiguousarray(z))  # the session itself, past the cache
    kept = groove.decode(z)
    assert all(np.array_equal(a, b) for a, b in zip(kept, fresh)) and not kept[0].flags.writeable
    for x in (0.9, 0.5):  # two other points push 0.2 0.7 out of a 2-entry cache
        groove.decode(engine.apply_pattern(PatternXY(x, 0.1)).z[None])
    runs = groove.runs
    groove.decode(z)
    assert groove.runs == runs + 1
    assert groove.decode(np.zeros((2, groove.latent_size), np.float32))[0].shape[0] == 2  # batches run


def _pattern(client: OscClient) -> tuple:
    """The 18 replies of one pattern -> (velocity [9, 32], offset [9, 32])."""
    velocity, offset = np.full((NINST, STEPS), np.nan), np.full((NINST, STEPS), np.nan)
    for _ in range(2 * NINST):
        address, args = client.recv()
        assert address in ("/pattern/row", "/pattern/offset"), (address, args)
        assert len(args) == 1 + STEPS and all(type(v) is float for v in args[1:])
        (velocity if address == "/pattern/row" else offset)[args[0]] = args[1:]
    assert not np.isnan(velocity).any() and not np.isnan(offset).any()
    return velocity, offset


def test_server_replies_rows_and_offsets_over_udp(groove_presets, start_server):
    server = start_server(groove_presets, "--seed", "5")
    client = server.client()
    try:
        client.hello()
        client.send("/pattern/xy", 0.2, 0.8)
        velocity, offset = _pattern(client)  # support's recv asserts every datagram < 8192 bytes
        assert velocity.max() <= 1 and velocity.min() >= 0 and np.abs(offset).max() <= 0.5
        assert (offset[velocity == 0] == 0).all() and (velocity > 0).any()
        client.send("/pattern/xy", 0.2, 0.8)
        again = _pattern(client)
        assert np.array_equal(again[0], velocity) and np.array_equal(again[1], offset)  # same seed, same pattern
        client.send("/pattern/temperature", 1.0)
        _pattern(client)
        client.send("/pattern/density", 0.0)
        assert not _pattern(client)[0].any()
        client.send("/pattern/density", 0, 1.0)
        silent_but_kick = _pattern(client)[0]
        assert (silent_but_kick[0] > 0).all() and not silent_but_kick[1:].any()
        client.send("/pattern/density", 9, 1.0)
        assert client.expect("/error")[0] == "/pattern/density"
        client.send("/pattern/scene/store", 3)
        assert client.expect("/pattern/scene") == (3,)
        client.send("/pattern/density", 0.5)
        client.send("/pattern/xy", 0.9, 0.1)
        moved = client.quiet(0.3)  # one or two patterns: the second request may supersede the first
        assert len(moved) in (2 * NINST, 4 * NINST)
        client.send("/pattern/scene/recall", 3)
        assert np.array_equal(_pattern(client)[0], silent_but_kick)
        client.send("/pattern/scene/recall", 4)
        assert "slot 4 is empty" in client.expect("/error")[1]
        assert client.quiet(0.2) == []
    finally:
        client.close()


def test_a_flood_of_pattern_moves_answers_the_last(groove_presets, start_server):
    server = start_server(groove_presets, name="flood")
    client = server.client()
    try:
        client.hello()
        for i in range(300):
            client.send("/pattern/xy", i / 299, 0.5)
        replies = client.quiet(0.5)
        # whole patterns only, never more than were asked for; how many moves the worker coalesces
        # depends on the machine's speed (the faster /pattern/xy path now answers most), so it is
        # not asserted: the behaviour is that the last move is the one that sounds
        assert len(replies) % (2 * NINST) == 0 and 0 < len(replies) <= 300 * 2 * NINST
        client.send("/pattern/xy", 1.0, 0.5)
        last = _pattern(client)
        rows = {args[0]: args[1:] for address, args in replies[-2 * NINST:] if address == "/pattern/row"}
        assert np.array_equal(np.array([rows[i] for i in range(NINST)]), last[0])
    finally:
        client.close()


def test_pattern_on_a_preset_without_groove_is_an_error(groove_presets, start_server):
    server = start_server(groove_presets, "--preset", "plain", name="plain")
    client = server.client()
    try:
        client.hello()
        client.send("/pattern/xy", 0.5, 0.5)
        address, message = client.expect("/error")
        assert address == "/pattern/xy" and "no groove model" in message
        client.send("/ping", 1)
        assert client.expect("/pong") == (1,)
    finally:
        client.close()


def test_latentpad_pattern_writes_a_mid_that_parses_back(groove_presets, tmp_path):
    out = tmp_path / "groove.mid"
    cmd = [sys.executable, "-m", "server", "pattern", "--presets-dir", str(groove_presets), "--preset", "tiny",
           "--xy", "0.2", "0.8", "--temperature", "1", "--seed", "4", "--bpm", "128", "-o", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "128 BPM" in done.stdout
    first = read_clip(out)[0]
    again = tmp_path / "again.mid"
    subprocess.run(cmd[:-1] + [str(again)], cwd=REPO, check=True, capture_output=True, timeout=60)
    assert np.array_equal(read_clip(again)[0], first)  # same seed, same pattern
    bad = subprocess.run(cmd[:-2] + ["--preset", "plain", "-o", str(tmp_path / "x.mid")], cwd=REPO,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "no groove model" in bad.stderr


def test_latentpad_pattern_o_agrees_with_render_and_kit(groove_presets, tmp_path):
    """Issue 17: a missing folder is made, a folder or another extension is refused with a
    message, and a flag's bad value is reported under the flag's name, not an OSC address."""
    base = [sys.executable, "-m", "server", "pattern", "--presets-dir", str(groove_presets), "--preset", "tiny"]

    def run(*args):
        return subprocess.run(base + [str(a) for a in args], cwd=REPO, capture_output=True, text=True, timeout=60)

    done = run("-o", tmp_path / "new" / "deeper" / "groove.mid")
    assert done.returncode == 0, done.stderr
    assert read_clip(tmp_path / "new" / "deeper" / "groove.mid")[0].shape[0] > 0
    for args, message in (((tmp_path / "new",), "is a folder"), ((tmp_path / "groove.wav",), ".mid"),
                          ((tmp_path / "x.mid", "--density", 3), "--density: "),
                          ((tmp_path / "x.mid", "--xy", 0.5, -1), "--xy: ")):
        done = run("-o", *args)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "/pattern/" not in done.stderr
    assert not (tmp_path / "groove.wav").exists() and not (tmp_path / "x.mid").exists()


def test_bench_pattern_round_trips_time_all_18_replies_and_check_them(groove_presets):
    import argparse

    from server.tools import bench_pattern

    result = bench_pattern._pattern_round_trips(argparse.Namespace(
        presets_dir=groove_presets, preset="tiny", device="cpu", threads=1, moves=20))
    assert result["n"] == 20 and result["lost"] == 0 and 0 < result["p50_ms"] <= result["p99_ms"]
    with pytest.raises(SystemExit, match="has no groove model"):
        bench_pattern._pattern_round_trips(argparse.Namespace(
            presets_dir=groove_presets, preset="plain", device="cpu", threads=1))
