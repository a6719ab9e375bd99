"""`python -m m4l.install`: the frozen devices land in Live's User Library (or a named folder)
whole, and still carry their JS there."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from m4l import build, install

ROOT = Path(__file__).resolve().parents[1]


def test_default_folder_is_the_user_library_on_macos_and_windows(tmp_path):
    home = tmp_path / "home"
    assert install.destination(None, "darwin", home, {}) == home / "Music/Ableton/User Library/latentpad"
    win = install.destination(None, "win32", home, {"USERPROFILE": str(tmp_path / "me")})
    assert win == tmp_path / "me" / "Documents" / "Ableton" / "User Library" / "latentpad"
    assert install.destination(tmp_path / "x", "linux", home, {}) == tmp_path / "x"


def test_elsewhere_it_asks_for_a_folder(tmp_path, capsys):
    with pytest.raises(install.InstallError, match="--to"):
        install.destination(None, "linux", tmp_path, {})
    assert install.run(argparse.Namespace(to=None), platform="linux", home=tmp_path, env={}) == 2
    assert "--to DIR" in capsys.readouterr().err


def test_install_copies_both_frozen_devices_and_says_where(tmp_path, capsys):
    home = tmp_path / "home"
    assert install.run(argparse.Namespace(to=None), platform="darwin", home=home, env={}) == 0
    dest = home / "Music" / "Ableton" / "User Library" / "latentpad"
    assert sorted(p.name for p in dest.iterdir()) == sorted(install.DEVICES)  # no .part left over
    for name in install.DEVICES:
        data = (dest / name).read_bytes()
        assert data == (ROOT / "m4l" / name).read_bytes()
        _, patch, frozen = build.unpack_amxd(data)
        assert set(frozen) == {b["box"]["saved_object_attributes"]["filename"]
                               for b in patch["patcher"]["boxes"] if b["box"].get("text", "").startswith("js ")}
    out = capsys.readouterr().out
    assert str(dest / "latentpad_sampler.amxd") in out and "User Library" in out


def test_reinstall_replaces_an_old_copy(tmp_path):
    (tmp_path / "latentpad_groove.amxd").write_bytes(b"old")
    install.install(tmp_path)
    assert (tmp_path / "latentpad_groove.amxd").read_bytes() == (ROOT / "m4l" / "latentpad_groove.amxd").read_bytes()


def test_a_missing_device_is_named(tmp_path):
    with pytest.raises(install.InstallError, match="latentpad_sampler.amxd"):
        install.install(tmp_path / "dest", source=tmp_path)


def test_latentpad_m4l_installs_the_frozen_devices_from_the_command_line(tmp_path):
    """`latentpad m4l --to DIR`, the console script a user runs, copies both devices byte for byte."""
    import subprocess
    import sys as _sys

    out = subprocess.run([_sys.executable, "-m", "server", "m4l", "--to", str(tmp_path / "dest")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    root = Path(__file__).resolve().parents[1] / "m4l"
    for name in ("latentpad_sampler.amxd", "latentpad_groove.amxd"):
        assert (tmp_path / "dest" / name).read_bytes() == (root / name).read_bytes()
        assert f"installed {tmp_path / 'dest' / name}" in out.stdout
