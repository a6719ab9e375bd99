"""`latentpad map`: the default preset's XY map drawn to a PNG, with and without sounds placed."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from server.core.config import DEFAULT_PRESETS_DIR
from test_cli import latentpad

BUNDLE = DEFAULT_PRESETS_DIR / "default"
LMMS_DRUMS = Path("/usr/share/lmms/samples/drums")
PICKS = ("kick01", "snare01", "clap01", "hihat_closed01", "tom01")
pytestmark = [
    pytest.mark.skipif(not (BUNDLE / "preset.json").exists(), reason="no default preset"),
]


def png_size(path: Path) -> tuple:
    """(width, height) of a PNG, after checking its signature and IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


def test_map_draws_the_grid_regions_and_pads(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "map.png"
    done = latentpad("map", "-o", out, "--device", "cpu", "--threads", "1")
    assert done.returncode == 0, done.stderr
    assert "0 sounds placed" in done.stdout
    width, height = png_size(out)
    assert 400 <= width <= 2000 and 400 <= height <= 2000


def test_map_places_sounds_from_a_folder(tmp_path):
    pytest.importorskip("matplotlib")
    if not all((LMMS_DRUMS / f"{n}.ogg").exists() for n in PICKS):
        pytest.skip("Debian lmms-common drum samples not installed")
    data = tmp_path / "data"
    data.mkdir()
    for name in PICKS:
        shutil.copyfile(LMMS_DRUMS / f"{name}.ogg", data / f"{name}.ogg")
    (data / "garbage.wav").write_bytes(b"not a sound")
    out = tmp_path / "placed.png"
    done = latentpad("map", "-o", out, "--data-dir", data, "--device", "cpu", "--threads", "1")
    assert done.returncode == 0, done.stderr
    assert f"{len(PICKS)} sounds placed" in done.stdout
    width, height = png_size(out)
    assert 400 <= width <= 2000 and 400 <= height <= 2000


def test_map_refuses_a_missing_folder(tmp_path):
    done = latentpad("map", "-o", tmp_path / "m.png", "--data-dir", tmp_path / "nope", "--device", "cpu")
    assert done.returncode == 2 and "not a folder" in done.stderr
