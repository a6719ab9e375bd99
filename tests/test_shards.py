"""The shard index of a sound folder: decoded once into float16 shards with a JSON index (no
pickle), memory-mapped, updated incrementally when files change, safe to update from several
processes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

from export import shards
from server.core.sample_io import load_oneshot

RATE, LENGTH = 44100, 2048
ROOT = Path(__file__).resolve().parent.parent


def _hit(path: Path, freq: float) -> None:
    t = np.arange(3000) / RATE
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, (np.sin(2 * np.pi * freq * t) * np.exp(-t / 0.01)).astype(np.float32), RATE)


def _label(rel: str):
    return rel.split("/")[0]


def test_build_matches_the_decoder_and_is_plain_arrays(tmp_path, monkeypatch):
    lib = tmp_path / "lib"
    for i in range(5):
        _hit(lib / "kick" / f"k{i}.wav", 60 + 10 * i)
    (lib / "kick" / "broken.wav").write_bytes(b"RIFF nothing")
    monkeypatch.setattr(shards, "SHARD_ROWS", 2)  # several shards from a few files
    report = shards.update(lib, RATE, LENGTH, _label)
    assert (report.files, report.hits, report.decoded, report.reused) == (5, 5, 5, 0)
    assert [p for p, _ in report.skipped] == ["kick/broken.wav"]
    folder = shards.index_dir(lib, RATE, LENGTH)
    header = json.loads((folder / "index.json").read_text())
    assert sum(header["shards"].values()) == 5 and len(header["shards"]) == 3
    for name, rows in header["shards"].items():  # raw float16 rows, nothing else in the file
        assert (folder / name).stat().st_size == rows * LENGTH * 2
    index = shards.open_index(lib, RATE, LENGTH)
    assert len(index) == 5 and index.labels == ["kick"] * 5
    want = np.stack([load_oneshot(lib / "kick" / f"k{i}.wav", RATE, LENGTH) for i in range(5)])
    got = index.rows([4, 0, 2])
    assert got.dtype == np.float32 and np.abs(got - want[[4, 0, 2]]).max() < 1e-3  # float16 rounding
    assert np.abs(np.asarray(index) - want).max() < 1e-3


def test_update_decodes_only_what_changed_and_compacts(tmp_path, monkeypatch):
    lib = tmp_path / "lib"
    for i in range(6):
        _hit(lib / "snare" / f"s{i}.wav", 200 + 20 * i)
    monkeypatch.setattr(shards, "SHARD_ROWS", 3)
    shards.update(lib, RATE, LENGTH, _label)
    again = shards.update(lib, RATE, LENGTH, _label)
    assert (again.decoded, again.reused, again.dropped) == (0, 6, 0)

    _hit(lib / "snare" / "s1.wav", 900)  # changed
    (lib / "snare" / "s4.wav").unlink()  # deleted
    (lib / "snare" / "s5.wav").unlink()
    _hit(lib / "tom" / "t0.wav", 120)  # new
    report = shards.update(lib, RATE, LENGTH, _label)
    assert (report.decoded, report.reused, report.dropped, report.files) == (2, 3, 2, 5)
    index = shards.open_index(lib, RATE, LENGTH)
    assert index.paths == ["snare/s0.wav", "snare/s1.wav", "snare/s2.wav", "snare/s3.wav", "tom/t0.wav"]
    assert index.labels[-1] == "tom"
    want = load_oneshot(lib / "snare" / "s1.wav", RATE, LENGTH)
    assert np.abs(index.rows([1])[0] - want).max() < 1e-3  # the new content, not the old
    # the second shard (s3, s4, s5) is one third live: compacted, its file gone
    folder = shards.index_dir(lib, RATE, LENGTH)
    names = json.loads((folder / "index.json").read_text())["shards"]
    assert sorted(p.name for p in folder.glob("shard-*.f16")) == sorted(names)
    assert "shard-00001.f16" not in names
    assert np.abs(index.rows([3])[0] - load_oneshot(lib / "snare" / "s3.wav", RATE, LENGTH)).max() < 1e-3


def test_processes_updating_at_once_decode_once(tmp_path):
    lib = tmp_path / "lib"
    for i in range(20):
        _hit(lib / f"h{i:02d}.wav", 300 + i)
    code = ("import sys, json; from export import shards; r = shards.update(sys.argv[1], 44100, 2048); "
            "print(r.decoded, r.hits)")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(lib)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = sorted(tuple(map(int, p.communicate(timeout=120)[0].split())) for p in procs)
    assert results == [(0, 20), (0, 20), (20, 20)]  # one decoded, the others found it current
