"""The built .amxd devices are frozen: each carries the JS it loads, so Live finds it with no
setup. The container parses back to the source patch and the JS files' bytes; the build is
reproducible and the committed files are what a fresh build writes.

The frozen layout is read here by a reader of its own (not m4l.build's), written from the
format as Ableton's maxdevtools reads it (`maxdiff/amxd_textconv.py`: chunks with little-endian
lengths; `maxdiff/freezing_utils.py` and `frozen_device_printer.py`: `mx@c`, a 64-bit
big-endian footer offset at byte 8, a `dlst` footer of `dire` entries whose fields carry
big-endian sizes that count their own 8-byte header).
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from m4l import build

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"latentpad_sampler": "instrument", "latentpad_groove": "midi_effect", "latentpad_continue": "midi_effect"}
SCRIPTS = {"latentpad_sampler": "sampler_logic.js", "latentpad_groove": "groove_logic.js",
           "latentpad_continue": "continue_logic.js"}


def be32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "big")


def frozen_files(amxd: bytes) -> tuple[bytes, list]:
    """(device type code, [(name, type, flag, bytes)]) read from a frozen .amxd."""
    chunks, at = {}, 0
    while at < len(amxd):
        size = int.from_bytes(amxd[at + 4:at + 8], "little")
        chunks[amxd[at:at + 4]] = amxd[at + 8:at + 8 + size]
        at += 8 + size
    ptch = chunks[b"ptch"]
    assert ptch[:4] == b"mx@c" and be32(ptch, 4) == 16
    footer_at = int.from_bytes(ptch[8:16], "big")
    footer = ptch[footer_at:]
    assert footer[:4] == b"dlst" and be32(footer, 4) == len(footer)
    files, at = [], 8
    while at < len(footer):
        assert footer[at:at + 4] == b"dire"
        end, k, fields = at + be32(footer, at + 4), at + 8, {}
        while k < end:
            fields[footer[k:k + 4]] = footer[k + 8:k + be32(footer, k + 4)]
            k += be32(footer, k + 4)
        offset, size = be32(fields[b"of32"], 0), be32(fields[b"sz32"], 0)
        assert 16 <= offset and offset + size <= footer_at
        files.append((fields[b"fnam"].rstrip(b"\0").decode("ascii"), fields[b"type"].decode("ascii"),
                      be32(fields[b"flag"], 0), ptch[offset:offset + size]))
        assert len(fields[b"fnam"]) % 4 == 0 and fields[b"fnam"].endswith(b"\0")
        at = end
    return chunks[b"ampf"], files


@pytest.mark.parametrize("name", sorted(KINDS))
def test_frozen_device_carries_its_patch_and_the_js_bytes(name):
    data = (ROOT / "m4l" / f"{name}.amxd").read_bytes()
    assert data[:4] == b"ampf" and data[12:16] == b"meta" and data[24:28] == b"ptch"
    assert struct.unpack_from("<I", data, 28)[0] == len(data) - 32
    kind, files = frozen_files(data)
    assert kind == build.DEVICE_TYPES[KINDS[name]]
    (device_name, device_type, device_flag, device), *deps = files
    assert (device_name, device_type, device_flag) == (f"{name}.amxd", "JSON", 0x11)
    source = (ROOT / "m4l" / "src" / f"{name}.maxpat").read_bytes()
    assert device == source + b"\0"
    assert [(n, t, f) for n, t, f, _ in deps] == [(SCRIPTS[name], "TEXT", 0)]
    assert deps[0][3] == (ROOT / "m4l" / "js" / SCRIPTS[name]).read_bytes()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_js_the_patch_loads_is_frozen_and_listed_as_a_dependency(name):
    _, files = frozen_files((ROOT / "m4l" / f"{name}.amxd").read_bytes())
    frozen = {n for n, t, _, _ in files[1:]}
    patch = json.loads(files[0][3][:-1])["patcher"]
    loads = {b["box"]["text"].split()[1] for b in patch["boxes"] if b["box"].get("text", "").startswith("js ")}
    saved = {b["box"]["saved_object_attributes"]["filename"] for b in patch["boxes"]
             if b["box"].get("text", "").startswith("js ")}
    assert loads == saved == frozen == {d["name"] for d in patch["dependency_cache"]}
    assert all(d["type"] == "TEXT" and "bootpath" not in d for d in patch["dependency_cache"])


@pytest.mark.parametrize("name", sorted(KINDS))
def test_build_reader_agrees(name):
    kind, patch, frozen = build.unpack_amxd((ROOT / "m4l" / f"{name}.amxd").read_bytes())
    assert kind == KINDS[name]
    assert patch == json.loads((ROOT / "m4l" / "src" / f"{name}.maxpat").read_text(encoding="utf-8"))
    assert frozen == {SCRIPTS[name]: (ROOT / "m4l" / "js" / SCRIPTS[name]).read_bytes()}


def test_an_unfrozen_container_still_parses():
    body = b'{"patcher": {"boxes": []}}\0'
    data = (b"ampf" + struct.pack("<I", 4) + b"aaaa" + b"meta" + struct.pack("<II", 4, 0)
            + b"ptch" + struct.pack("<I", len(body)) + body)
    assert build.unpack_amxd(data) == ("audio_effect", {"patcher": {"boxes": []}}, {})


def test_build_is_reproducible_and_committed_files_are_fresh():
    assert build.outputs() == build.outputs()
    done = subprocess.run([sys.executable, "-m", "m4l.build", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_changed_js_file_makes_the_build_stale(tmp_path, monkeypatch):
    """The JS is in the device: editing m4l/js/*.js without rebuilding is caught."""
    fresh = build.outputs()
    js = tmp_path / "js"
    js.mkdir()
    for name in SCRIPTS.values():
        (js / name).write_bytes((ROOT / "m4l" / "js" / name).read_bytes() + b"// edited\n")
    monkeypatch.setattr(build, "JS_DIR", js)
    changed = build.outputs()
    assert {p.name for p in fresh if fresh[p] != changed[p]} == {f"{n}.amxd" for n in KINDS}


def test_check_fails_on_a_stale_device(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "HERE", tmp_path)
    (tmp_path / "src").mkdir()
    assert build.main(["--check"]) == 1


@pytest.mark.parametrize("bad", [b"", b"ampf\x04\x00\x00\x00iiii", b"ampf\x04\x00\x00\x00iiii"
                                 b"meta\x04\x00\x00\x00\x00\x00\x00\x00ptch\xff\x00\x00\x00{}",
                                 b"ampf\x04\x00\x00\x00iiiimeta\x04\x00\x00\x00\x07\x00\x00\x00"
                                 b"ptch\x14\x00\x00\x00mx@c\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00\x10dlst"])
def test_malformed_container_is_refused(bad):
    with pytest.raises((ValueError, IndexError, struct.error)):
        build.unpack_amxd(bad)
