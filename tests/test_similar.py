"""The sample library: onset cutting, the cached index, nearest-neighbour queries, `latentpad
index` / `latentpad similar`, and /pad/similar + /library/rescan over real UDP against a real
`latentpad serve` with the default preset (a trained encoder), on copies of Debian lmms-common
drum samples."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from server.core.config import DEFAULT_PRESETS_DIR
from server.workers.library import build_index, make_index, nearest
from support import ServerProcess
from test_cli import latentpad

BUNDLE = DEFAULT_PRESETS_DIR / "default"
LMMS_DRUMS = Path("/usr/share/lmms/samples/drums")
PICKS = ["kick01", "kick02", "snare01", "snare02", "clap01", "hihat_closed01", "hihat_opened01",
         "tom01", "crash01", "bassdrum01", "rim01", "shaker01"]
pytestmark = [
    pytest.mark.skipif(not (BUNDLE / "preset.json").exists(), reason="no default preset"),
    pytest.mark.skipif(not all((LMMS_DRUMS / f"{n}.ogg").exists() for n in PICKS),
                       reason="Debian lmms-common drum samples not installed"),
]
RATE = 44100
PLACED_S = (0.25, 1.0, 1.6, 2.5)  # where the long file's hits start
LONG = [f"{i:02d}_" + "z" * 230 for i in range(36)]  # long names: 32 results need 2 datagrams
DEEP = Path("k" * 200, "y" * 200)  # ... in a deep folder: each result's path ~700 bytes
FILES = len(PICKS) + len(LONG) + 1  # + the long recording


@pytest.fixture(scope="module")
def models():
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    return load_models(load_preset(DEFAULT_PRESETS_DIR, "default"), "cpu", 1)


def make_long_file(path: Path) -> None:
    """Four lmms hits at PLACED_S with silence between them, 3.5 s in all."""
    from server.core.sample_io import resample

    out = np.zeros(int(3.5 * RATE), np.float32)
    for start, name in zip(PLACED_S, ("kick01", "snare01", "clap01", "tom01")):
        audio, rate = sf.read(LMMS_DRUMS / f"{name}.ogg", dtype="float32", always_2d=True)
        mono = resample(audio.mean(axis=1), rate, RATE)
        mono = mono[np.flatnonzero(np.abs(mono) >= np.abs(mono).max() * 10 ** (-30 / 20))[0]:][: int(0.5 * RATE)]
        at = int(start * RATE)
        out[at: at + mono.size] += mono
    sf.write(path, out, RATE, subtype="PCM_16")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("library")
    for name in PICKS:
        shutil.copyfile(LMMS_DRUMS / f"{name}.ogg", root / f"{name}.ogg")
    (root / DEEP).mkdir(parents=True)
    for name, source in zip(LONG, PICKS[2:] * 4):  # no copy of kick01/kick02: they stay unique
        shutil.copyfile(LMMS_DRUMS / f"{source}.ogg", root / DEEP / f"{name}.ogg")
    make_long_file(root / "groove.wav")
    (root / "garbage.wav").write_bytes(b"RIFF\x00\x01garbage" * 100)
    (root / "empty.flac").write_bytes(b"")
    (root / "notes.txt").write_text("not a sound")
    return root


def test_a_long_recording_is_cut_into_hits_at_their_onsets(models, library):
    index = build_index(models, [library]).index
    starts = sorted(s for p, s in zip(index.paths, index.starts_s) if p.endswith("groove.wav"))
    assert len(starts) == len(PLACED_S), starts
    assert np.allclose(starts, PLACED_S, atol=0.020), starts


def test_the_index_is_cached_and_only_changes_are_encoded(models, library, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(library, lib, ignore=shutil.ignore_patterns(".latentpad-index"))
    first = build_index(models, [lib])
    files = FILES
    assert (first.encoded, first.reused, first.index.files, first.index.skipped) == (files, 0, files, 2)
    assert (lib / ".latentpad-index" / "default.json").is_file()
    assert (lib / ".latentpad-index" / "default.f32").stat().st_size == len(first.index) * 32 * 4
    again = build_index(models, [lib])
    assert (again.encoded, again.reused, again.dropped) == (0, files, 0)
    assert np.array_equal(again.index.mu, first.index.mu) and again.index.paths == first.index.paths
    stat = (lib / "snare01.ogg").stat()
    os.utime(lib / "snare01.ogg", ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    touched = build_index(models, [lib])
    assert (touched.encoded, touched.reused) == (1, files - 1)
    (lib / "tom01.ogg").unlink()
    dropped = build_index(models, [lib])
    assert (dropped.encoded, dropped.dropped, dropped.index.files) == (0, 1, files - 1)
    assert not any(p.endswith("tom01.ogg") for p in dropped.index.paths)


def test_a_file_is_its_own_nearest_neighbour(models, library):
    from server.workers.analysis import encode_file

    index = build_index(models, [library]).index
    hits = nearest(index, encode_file(models, str(library / "kick01.ogg"), refine_steps=0), 5)
    assert hits[0][0] == str(library / "kick01.ogg") and hits[0][2] < 1e-5
    assert [d for _, _, d in hits] == sorted(d for _, _, d in hits)


def test_a_query_over_10000_entries_finds_the_nearest():
    rng = np.random.default_rng(5)
    mu = rng.standard_normal((10_000, 32)).astype(np.float32)
    index = make_index("synthetic", mu, [f"/lib/{i}.wav" for i in range(10_000)], np.zeros(10_000))
    target = 4321
    query = mu[target] + 0.01 * rng.standard_normal(32).astype(np.float32)
    began = time.perf_counter()
    hits = nearest(index, query, 32)
    print(f"query over 10,000 entries: {1000 * (time.perf_counter() - began):.3f} ms")
    assert hits[0][0] == f"/lib/{target}.wav" and len(hits) == 32


def test_latentpad_index_and_similar(library, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(library, lib, ignore=shutil.ignore_patterns(".latentpad-index"))
    built = latentpad("index", "--library", lib, "--device", "cpu", "--threads", "1")
    assert built.returncode == 0, built.stderr
    assert f"{FILES} encoded" in built.stdout and "2 skipped" in built.stdout
    found = latentpad("similar", lib / "kick02.ogg", "--library", lib, "-k", "3", "--device", "cpu")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert len(lines) == 5 and lines[2].endswith(str(lib / "kick02.ogg")), found.stdout
    missing = latentpad("similar", lib / "kick02.ogg", "--device", "cpu")
    assert missing.returncode == 2 and "no library" in missing.stderr


@pytest.fixture(scope="module")
def served(library, tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    proc = ServerProcess(DEFAULT_PRESETS_DIR, root / "renders", root / "logs", "--library", str(library),
                         "--sample-dir", str(library), preset="default")
    c = proc.client()
    c.hello()
    c.send("/library/rescan")
    count, files, skipped = c.expect("/library", timeout=60)
    assert (files, skipped) == (FILES, 2) and count == files + len(PLACED_S) - 1
    yield proc, c
    c.close()
    proc.stop()


def similar(c, pad: int, k: int) -> list:
    c.send("/pad/similar", pad, k)
    hits = []
    while len(hits) < k:
        got, *rest = c.expect("/similar", timeout=30)  # every datagram is < 8192 bytes (OscClient)
        assert got == pad and rest and len(rest) % 3 == 0
        hits += [tuple(rest[i: i + 3]) for i in range(0, len(rest), 3)]
    assert len(hits) == k and c.quiet(0.3) == []
    return hits


def test_pad_similar_finds_the_encoded_file_first(served, library):
    proc, c = served
    kick = library / "kick02.ogg"
    assert c.sample("/pad/encode", 3, str(kick), timeout=30)[0] == 3
    hits = similar(c, 3, 5)
    # an encoded pad's point is its file's latent after refinement, the index holds each file's
    # mu: the file still finds itself first, nearer than anything else
    assert hits[0][0] == str(kick) and hits[0][1] == 0.0 and hits[0][2] < hits[1][2], hits
    assert [d for *_, d in hits] == sorted(d for *_, d in hits)


def test_many_long_results_are_split_over_datagrams(served, library):
    proc, c = served
    c.sample("/pad/encode", 4, str(library / DEEP / f"{LONG[0]}.ogg"), timeout=30)
    hits = similar(c, 4, 32)  # every datagram < 8192 bytes (OscClient.recv checks)
    assert len({(p, s) for p, s, _ in hits}) == 32
    assert sum(len(p) for p, _, _ in hits) > 8192  # so they came in more than one datagram


def test_k_out_of_range_is_one_error(served):
    proc, c = served
    c.send("/pad/similar", 0, 33)
    assert c.expect("/error")[0] == "/pad/similar" and c.quiet(0.3) == []


def test_no_library_is_an_error(client):
    client.send("/hello", client.port)
    client.expect("/hello")
    for address, args in (("/pad/similar", (0, 4)), ("/library/rescan", ())):
        client.send(address, *args)
        got, message = client.expect("/error")
        assert got == address and message == "no library: start the server with --library DIR"
    assert client.quiet(0.3) == []


def test_files_changing_while_indexing_do_not_stop_it(models, library, tmp_path, monkeypatch):
    import server.workers.library as lib_module

    lib = tmp_path / "lib"
    lib.mkdir()
    for name in PICKS[:4]:
        shutil.copyfile(LMMS_DRUMS / f"{name}.ogg", lib / f"{name}.ogg")
    real = lib_module.file_hits

    def meddling(path, *args):  # while the first file is read, one vanishes, one is cut short
        if path.name == f"{PICKS[0]}.ogg":
            (lib / f"{PICKS[1]}.ogg").unlink()
            data = (lib / f"{PICKS[2]}.ogg").read_bytes()
            (lib / f"{PICKS[2]}.ogg").write_bytes(data[: len(data) // 20])
        return real(path, *args)

    monkeypatch.setattr(lib_module, "file_hits", meddling)
    report = build_index(models, [lib])
    # the vanished file is skipped; the cut one is skipped or read as far as it goes
    assert report.index.files + report.index.skipped == 4 and report.index.skipped >= 1
    assert str(lib / f"{PICKS[0]}.ogg") in report.index.paths
    assert str(lib / f"{PICKS[3]}.ogg") in report.index.paths
    monkeypatch.setattr(lib_module, "file_hits", real)
    again = build_index(models, [lib])  # the cut file's new size and mtime: read again
    assert not any(p.endswith(f"{PICKS[1]}.ogg") for p in again.index.paths)
