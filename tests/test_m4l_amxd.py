"""The built .amxd devices: the container parses back to the source patch; the build is
reproducible and the committed files are what a fresh build writes."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from m4l import build

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"latentpad_sampler": "instrument", "latentpad_groove": "midi_effect"}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_amxd_parses_back_to_the_source_patch(name):
    data = (ROOT / "m4l" / f"{name}.amxd").read_bytes()
    assert data[:4] == b"ampf" and data[12:16] == b"meta" and data[24:28] == b"ptch"
    assert struct.unpack_from("<I", data, 28)[0] == len(data) - 32
    kind, patch = build.unpack_amxd(data)
    assert kind == KINDS[name]
    assert patch == json.loads((ROOT / "m4l" / "src" / f"{name}.maxpat").read_text(encoding="utf-8"))


def test_build_is_reproducible_and_committed_files_are_fresh():
    assert build.outputs() == build.outputs()
    done = subprocess.run([sys.executable, "-m", "m4l.build", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_check_fails_on_a_stale_device(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "HERE", tmp_path)
    (tmp_path / "src").mkdir()
    assert build.main(["--check"]) == 1


@pytest.mark.parametrize("bad", [b"", b"ampf\x04\x00\x00\x00iiii", b"ampf\x04\x00\x00\x00iiii"
                                 b"meta\x04\x00\x00\x00\x00\x00\x00\x00ptch\xff\x00\x00\x00{}"])
def test_malformed_container_is_refused(bad):
    with pytest.raises((ValueError, IndexError)):
        build.unpack_amxd(bad)
