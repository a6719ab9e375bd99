"""The sound-space gestures over real UDP against a real `latentpad serve` with the tiny bundle
(sine-bank decoder, linear encoder): /pad/encode, /pad/vary, /pad/morph, /pad/combine,
/pad/classify, /pad/save, /scene/store and /scene/recall. The tiny decoder is invertible
(`tiny_point_of`), so a render tells which latent point a pad is at."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from support import CLASSES, LATENT, RATE, OscClient, ServerProcess, tiny_point_of, variant


@pytest.fixture(scope="module")
def space(presets_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("space")
    samples, outside, saved = root / "samples", root / "outside", root / "saved"
    samples.mkdir()
    outside.mkdir()
    proc = ServerProcess(presets_dir, root / "renders", root / "logs", "--seed", "7",
                         "--sample-dir", str(samples), "--save-dir", str(saved))
    proc.samples, proc.outside, proc.saved = samples, outside, saved
    yield proc
    proc.stop()


@pytest.fixture
def c(space):
    client = OscClient(space.port)
    client.hello()
    yield client
    client.close()


def hit(seconds: float = 0.3, rate: int = 22050, channels: int = 2) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    mono = 0.8 * np.sin(2 * np.pi * 180 * t) * np.exp(-t / 0.05)
    lead = np.zeros(int(0.05 * rate))  # some silence before the onset: trimmed
    mono = np.concatenate([lead, mono])
    return np.stack([mono] * channels, axis=1) if channels > 1 else mono


def point(c: OscClient, pad: int) -> np.ndarray:
    _, path, _ = c.sample("/pad/render", pad)
    return tiny_point_of(path)


def test_encode_places_the_pad_at_the_encoders_mu(space, c, tiny_models):
    from server.workers.analysis import encode_file

    wav = space.samples / "hit.wav"
    sf.write(wav, hit(), 22050, subtype="PCM_16")
    flac = space.samples / "hit.flac"
    sf.write(flac, hit(channels=1), 48000)
    for path in (wav, flac):
        pad, rendered, _ = c.sample("/pad/encode", 0, str(path))
        mu = encode_file(tiny_models, str(path))
        _, same, _ = c.sample("/pad/latent", 1, *[("f", float(v)) for v in mu])
        assert pad == 0 and np.allclose(tiny_point_of(same), mu, atol=1e-4)
        # the same point, played at the file's own level (test_encode_keeps_the_files_level)
        a, b = sf.read(rendered)[0], sf.read(same)[0]
        gain = float(np.dot(a, b) / np.dot(b, b))
        assert 0.5 < gain < 1.0 and np.abs(a - gain * b).max() < 1e-3


def test_encode_keeps_the_files_level_until_the_pad_moves_away(space, c, tiny_models):
    """The encoder hears every sound peak-normalised; a /pad/encode render plays at the file's
    own level: the same hit 20 dB quieter renders 20 dB quieter, /pad/vary keeps that level, and
    a gesture that moves the pad elsewhere (/pad/latent) plays at the model's level again."""
    loud, quiet = space.samples / "loud.wav", space.samples / "quiet.wav"
    sf.write(loud, hit(channels=1), 44100, subtype="FLOAT")
    sf.write(quiet, 0.1 * hit(channels=1), 44100, subtype="FLOAT")
    peak = {}
    for pad, path in ((4, loud), (5, quiet)):
        _, rendered, _ = c.sample("/pad/encode", pad, str(path))
        peak[pad] = float(np.abs(sf.read(rendered)[0]).max())
    assert 20 * np.log10(peak[4] / peak[5]) == pytest.approx(20.0, abs=0.2)
    _, varied, _ = c.sample("/pad/vary", 5, 0.01)
    assert 20 * np.log10(peak[4] / float(np.abs(sf.read(varied)[0]).max())) == pytest.approx(20.0, abs=1.0)
    from server.workers.analysis import encode_file_level

    z, gain = encode_file_level(tiny_models, str(quiet))  # the quiet pad's point, through a gesture that resets
    _, moved, _ = c.sample("/pad/latent", 5, *[("f", float(v)) for v in z])
    assert float(np.abs(sf.read(moved)[0]).max()) == pytest.approx(peak[5] / gain, rel=0.02)
    assert gain == pytest.approx(0.1 * float(np.abs(hit(channels=1)).max()) / 0.9, rel=0.01)


def _bad_files(space) -> list:
    s, out = space.samples, space.outside
    (s / "garbage.wav").write_bytes(b"RIFF\x00\x01garbage" * 100)
    (s / "empty.wav").write_bytes(b"")
    sf.write(s / "silent.wav", np.zeros(4410, np.float32), RATE)
    sf.write(s / "long.wav", np.zeros(601 * 8000, np.int16), 8000)  # over 10 minutes
    sf.write(s / "full.wav", hit(1.0), 22050, subtype="PCM_16")
    (s / "truncated.wav").write_bytes((s / "full.wav").read_bytes()[:20000])
    (s / "header.wav").write_bytes((s / "full.wav").read_bytes()[:30])
    (s / "folder.wav").mkdir(exist_ok=True)
    sf.write(out / "secret.wav", hit(), 22050)
    link = s / "link.wav"
    if not link.exists():
        link.symlink_to(out / "secret.wav")
    return [(str(s / "garbage.wav"), "garbage.wav"), (str(s / "empty.wav"), "empty.wav"),
            (str(s / "silent.wav"), "silent"), (str(s / "long.wav"), "long.wav"),
            (str(s / "truncated.wav"), "truncated"), (str(s / "header.wav"), "header.wav"),
            (str(s / "folder.wav"), "not a file"), (str(s / "missing.wav"), "no such file"),
            (str(out / "secret.wav"), "outside the allowed"), (str(link), "outside the allowed"),
            (str(s / ".." / "outside" / "secret.wav"), "outside the allowed"),
            ("/etc/passwd", "outside the allowed"), ("relative.wav", "not allowed")]


def test_bad_files_get_one_error_naming_the_file_and_leave_the_pad(space, c):
    _, before_path, _ = c.sample("/pad/latent", 2, *[0.5] * LATENT)
    before = Path(before_path).read_bytes()
    for seq, (path, problem) in enumerate(_bad_files(space)):
        c.send("/pad/encode", 2, path)
        address, args = c.recv()
        assert (address, args[0]) == ("/error", "/pad/encode"), (path, address, args)
        assert problem in args[1] and (path in args[1] or path.startswith("relative")), args[1]
        c.send("/ping", seq)
        assert c.expect("/pong") == (seq,)
    _, after_path, _ = c.sample("/pad/render", 2)
    assert Path(after_path).read_bytes() == before
    assert c.quiet(0.2) == []


def test_vary_stays_around_home_and_grows_with_amount(c):
    home = np.linspace(-1.0, 1.0, LATENT)
    c.sample("/pad/latent", 3, *home.tolist())
    spread = {}
    for amount in (0.05, 1.0):
        points = [tiny_point_of(c.sample("/pad/vary", 3, amount)[1]) for _ in range(6)]
        spread[amount] = np.mean([np.linalg.norm(p - home) for p in points])
    assert 0 < spread[0.05] < spread[1.0] / 5
    _, path, _ = c.sample("/pad/vary", 3, 0.0)  # after 12 varies: still exactly home, no drift
    assert np.allclose(tiny_point_of(path), home, atol=1e-4)


def test_morph_ends_are_the_two_pads_and_the_middle_is_between(c):
    a, b = np.full(LATENT, 1.0), np.linspace(-2.0, 0.5, LATENT)
    c.sample("/pad/latent", 4, *a.tolist())
    c.sample("/pad/latent", 5, *b.tolist())
    for t, want in ((0.0, a), (1.0, b), (0.25, 0.75 * a + 0.25 * b)):
        assert np.allclose(tiny_point_of(c.sample("/pad/morph", 6, 4, 5, t)[1]), want, atol=1e-4)


def test_combine_is_latent_arithmetic_around_the_prior_mean(c):
    a, b = np.full(LATENT, 1.0), np.linspace(-2.0, 0.5, LATENT)
    c.sample("/pad/latent", 7, *a.tolist())
    c.sample("/pad/latent", 8, *b.tolist())
    mean = np.zeros(LATENT)  # the tiny bundle's latent_prior.mean
    assert np.allclose(tiny_point_of(c.sample("/pad/combine", 9, 7, 1.0, 7, -1.0)[1]), mean, atol=1e-6)
    got = tiny_point_of(c.sample("/pad/combine", 9, 7, 1.5, 8, -0.5)[1])
    assert np.allclose(got, 1.5 * a - 0.5 * b, atol=1e-4)
    c.send("/pad/combine", 9, 7)
    assert c.expect("/error")[0] == "/pad/combine"


def test_classify_replies_every_class_most_likely_first(c):
    c.sample("/pad/xy", 10, 0.2, 0.8)
    c.send("/pad/classify", 10)
    pad, *pairs = c.expect("/class")
    names, probs = pairs[0::2], pairs[1::2]
    assert pad == 10 and sorted(names) == sorted(CLASSES)
    assert probs == sorted(probs, reverse=True) and abs(sum(probs) - 1.0) < 1e-4


def test_save_copies_the_render_with_a_descriptive_or_given_name(space, c):
    c.send("/pad/save", 15)  # nothing rendered on pad 15 in this server yet
    assert c.expect("/error")[0] == "/pad/save"
    _, rendered, _ = c.sample("/pad/xy", 15, 0.25, 0.5)
    c.send("/pad/save", 15)
    pad, saved = c.expect("/saved")
    saved = Path(saved)
    assert pad == 15 and saved.parent == space.saved
    assert re.fullmatch(r"(%s)_x0\.25_y0\.50_[0-9a-f]{8}\.wav" % "|".join(CLASSES), saved.name), saved.name
    assert saved.read_bytes() == Path(rendered).read_bytes()
    for name, want in (("my kick!", "my_kick_.wav"), ("../../etc/evil.wav", "evil.wav")):
        c.send("/pad/save", 15, name)
        assert c.expect("/saved") == (15, str(space.saved / want))
    assert sorted(p.parent for p in space.saved.iterdir()) == [space.saved] * 3


def test_scene_recall_at_once_and_gliding(c):
    c.send("/scene/recall", 9)
    assert c.expect("/error")[0] == "/scene/recall"
    stored = {pad: np.full(LATENT, 0.1 * pad - 0.8) for pad in range(16)}
    for pad, z in stored.items():
        c.sample("/pad/latent", pad, *z.tolist())
    c.send("/scene/store", 2)
    assert c.expect("/scene") == (2,)
    for pad in range(16):
        c.sample("/pad/random", pad, 1.0)
    c.send("/scene/recall", 2)
    got = [c.recv(30)]
    while got[-1] != ("/scene", (2,)):  # the arrival comes last (after its renders)
        got.append(c.recv(30))
    got += c.quiet(0.5)
    assert len(got) == 17 and got[-1] == ("/scene", (2,))  # 16 renders, then the arrival
    last = {args[0]: args[1] for address, args in got if address == "/sample"}
    assert sorted(last) == list(range(16))
    assert all(np.allclose(tiny_point_of(last[pad]), stored[pad], atol=1e-4) for pad in range(16))

    for pad in range(16):
        c.sample("/pad/random", pad, 1.0)
    c.send("/scene/recall", 2, 400.0)
    samples, scene = [], None
    while scene is None:
        address, args = c.recv()
        samples += [args] if address == "/sample" else []
        scene = args if address == "/scene" else None
    samples += [args for address, args in c.quiet(0.5)]
    assert scene == (2,)
    per_pad = {pad: [s for s in samples if s[0] == pad] for pad in range(16)}
    assert all(len(renders) >= 2 for renders in per_pad.values()), {p: len(r) for p, r in per_pad.items()}
    for pad, renders in per_pad.items():
        assert [s[2] for s in renders] == sorted(s[2] for s in renders)
        assert np.allclose(tiny_point_of(renders[-1][1]), stored[pad], atol=1e-4)


def test_a_gesture_takes_its_pad_out_of_a_glide(c):
    target = np.full(LATENT, 0.3)
    for pad in range(16):
        c.sample("/pad/latent", pad, *target.tolist())
    c.send("/scene/store", 5)
    c.expect("/scene")
    c.sample("/pad/latent", 0, *[-1.0] * LATENT)
    c.send("/scene/recall", 5, 1500.0)
    c.send("/pad/latent", 0, *[0.9] * LATENT)
    replies = []
    while ("/scene", (5,)) not in replies:
        replies.append(c.recv())
    replies += c.quiet(0.5)
    pad0 = [args for address, args in replies if address == "/sample" and args[0] == 0]
    assert np.allclose(tiny_point_of(pad0[-1][1]), 0.9, atol=1e-4)
    pad1 = [args for address, args in replies if address == "/sample" and args[0] == 1]
    assert np.allclose(tiny_point_of(pad1[-1][1]), target, atol=1e-4)


def test_a_preset_without_encoder_refuses_encode_and_classify(own_presets_dir, start_server, tmp_path):
    def drop_encoder(manifest, folder):
        del manifest["models"]["oneshot.encoder"]
        (folder / "encoder.onnx").unlink()

    variant(own_presets_dir / "tiny", "noenc", drop_encoder)
    proc = start_server(own_presets_dir, "--sample-dir", str(tmp_path))
    c = proc.client()
    c.hello()
    c.send("/preset/load", "noenc")
    assert c.expect("/preset") == ("noenc",)
    sf.write(tmp_path / "hit.wav", hit(), 22050)
    for address, args in (("/pad/encode", (0, str(tmp_path / "hit.wav"))), ("/pad/classify", (0,))):
        c.send(address, *args)
        error = c.expect("/error")
        assert error[0] == address and "no encoder" in error[1]
    c.send("/ping", 1)
    assert c.expect("/pong") == (1,)
    c.close()


def test_scene_comes_after_the_last_render_of_the_recall(c):
    """/scene means "arrived": every pad's /sample at its scene point is already sent (issue 17)."""
    stored = {pad: np.full(LATENT, 0.05 * pad - 0.4) for pad in range(16)}
    for pad, z in stored.items():
        c.sample("/pad/latent", pad, *z.tolist())
    c.send("/scene/store", 6)
    assert c.expect("/scene") == (6,)
    for morph_ms in (0.0, 300.0):
        for pad in range(16):
            c.sample("/pad/random", pad, 1.0)
        c.send("/scene/recall", 6, morph_ms)
        before = []
        while (reply := c.recv()) != ("/scene", (6,)):
            before.append(reply)
        after = c.quiet(0.5)
        assert [a for a, _ in after if a == "/sample"] == [], (morph_ms, after)
        last = {args[0]: args[1] for address, args in before if address == "/sample"}
        assert sorted(last) == list(range(16)), morph_ms
        assert all(np.allclose(tiny_point_of(last[pad]), stored[pad], atol=1e-4) for pad in range(16))


def test_save_never_overwrites_and_makes_reserved_names_safe(space, c):
    """Saving a name twice keeps both (`snap.wav`, `snap-2.wav`); traversal names that reduce to the
    same file name do too; names Windows refuses get a safe form; /saved says the name taken."""
    _, first, _ = c.sample("/pad/xy", 14, 0.1, 0.2)
    c.send("/pad/save", 14, "snap")
    assert c.expect("/saved") == (14, str(space.saved / "snap.wav"))
    _, second, _ = c.sample("/pad/xy", 14, 0.9, 0.7)
    c.send("/pad/save", 14, "snap.wav")
    assert c.expect("/saved") == (14, str(space.saved / "snap-2.wav"))
    assert (space.saved / "snap.wav").read_bytes() == Path(first).read_bytes()
    assert (space.saved / "snap-2.wav").read_bytes() == Path(second).read_bytes()
    for name, want in (("../../etc/snapx", "snapx.wav"), ("\\..\\snapx", "snapx-2.wav"),
                       ("con", "con_.wav"), ("NUL.wav", "NUL_.wav"), ("com1.take", "com1_.take.wav"),
                       ("lpt9", "lpt9_.wav"), ("con", "con_-2.wav")):
        c.send("/pad/save", 14, name)
        assert c.expect("/saved") == (14, str(space.saved / want)), name
    assert not [p for p in space.saved.iterdir() if p.name.endswith(".tmp")]
