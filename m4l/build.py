"""Build the Max for Live devices: m4l/src/*.maxpat (readable source) and m4l/*.amxd.

    python -m m4l.build           # write src/*.maxpat and *.amxd
    python -m m4l.build --check   # exit 1 if the committed files differ from a fresh build

Each .amxd is a FROZEN device: it carries the JS it loads, so Live finds it with no setup (Max
looks for a [js] file in the device's own folder and its search path, never in a subfolder).
The container, as Ableton/maxdevtools `maxdiff/amxd_textconv.py` and
`maxdiff/freezing_utils.py` read it:

    chunks, each tag + u32 little-endian length + data:
      `ampf` 4: device type (`iiii` instrument, `mmmm` MIDI effect, `aaaa` audio effect)
      `meta` 4: u32 (7 in the frozen test device, maxdiff/tests/test_files/FrozenTest.amxd)
      `ptch` n: the frozen patch:
        `mx@c` + u32 BE 16 (header size) + u64 BE offset of the footer, from `mx@c`
        the files, back to back: the device's patcher JSON + NUL first, then each dependency
        footer: `dlst` + u32 BE footer size, then per file `dire` + u32 BE entry size and
        fields, each tag + u32 BE field size (8 + data) + data, big-endian:
          `type` 4 chars (JSON, TEXT), `fnam` name + NUL padded to a multiple of 4,
          `sz32` size, `of32` offset from `mx@c`, `vers` 0,
          `flag` 0x11 for the device itself and 0 for a dependency, `mdat` HFS+ seconds.

The same source gives the same bytes on every run (no timestamps, fixed key order, a fixed date).
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # `python m4l/build.py`
    sys.path.insert(0, str(HERE.parent))

from m4l.continue_patch import continue_  # noqa: E402
from m4l.groove_patch import groove  # noqa: E402
from m4l.patcher import BUILD_DATE_HFS  # noqa: E402
from m4l.sampler_patch import sampler  # noqa: E402

DEVICE_TYPES = {"instrument": b"iiii", "midi_effect": b"mmmm", "audio_effect": b"aaaa"}
# name -> (patch function, device type)
DEVICES = {"latentpad_sampler": (sampler, "instrument"), "latentpad_groove": (groove, "midi_effect"),
           "latentpad_continue": (continue_, "midi_effect")}
JS_DIR = HERE / "js"
FROZEN_META = 7
FROZEN_HEADER_SIZE = 16
DEVICE_FLAG = 0x11  # the footer's flag on the device's own entry


def patch_text(patch: dict) -> str:
    return json.dumps(patch, indent=2, ensure_ascii=False) + "\n"


def _field(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack(">I", 8 + len(data)) + data


def _name_field(name: str) -> bytes:
    raw = name.encode("ascii") + b"\0"
    return raw + b"\0" * (-len(raw) % 4)


def freeze(device_name: str, patch_json: str, scripts: dict) -> bytes:
    """The `ptch` data of a frozen device: its patch and `scripts` (file name -> bytes)."""
    files = [(f"{device_name}.amxd", b"JSON", patch_json.encode("utf-8") + b"\0", DEVICE_FLAG)]
    files += [(name, b"TEXT", data, 0) for name, data in scripts.items()]
    body, entries, at = b"", b"", FROZEN_HEADER_SIZE
    for name, kind, data, flag in files:
        fields = (_field(b"type", kind) + _field(b"fnam", _name_field(name))
                  + _field(b"sz32", struct.pack(">I", len(data))) + _field(b"of32", struct.pack(">I", at))
                  + _field(b"vers", struct.pack(">I", 0)) + _field(b"flag", struct.pack(">I", flag))
                  + _field(b"mdat", struct.pack(">I", BUILD_DATE_HFS)))
        entries += b"dire" + struct.pack(">I", 8 + len(fields)) + fields
        body += data
        at += len(data)
    footer = b"dlst" + struct.pack(">I", 8 + len(entries)) + entries
    return b"mx@c" + struct.pack(">IQ", FROZEN_HEADER_SIZE, at) + body + footer


def pack_amxd(device_name: str, patch_json: str, device_type: str, scripts: dict) -> bytes:
    ptch = freeze(device_name, patch_json, scripts)
    return (b"ampf" + struct.pack("<I", 4) + DEVICE_TYPES[device_type]
            + b"meta" + struct.pack("<II", 4, FROZEN_META)
            + b"ptch" + struct.pack("<I", len(ptch)) + ptch)


def read_footer(ptch: bytes) -> list[dict]:
    """The frozen files of a `ptch` chunk: [{name, type, flag, data}], the device first."""
    if ptch[:4] != b"mx@c":
        raise ValueError("ptch chunk is not frozen (no mx@c header)")
    footer_at = struct.unpack_from(">Q", ptch, 8)[0]
    footer = ptch[footer_at:]
    if footer[:4] != b"dlst" or struct.unpack_from(">I", footer, 4)[0] != len(footer):
        raise ValueError("frozen footer: no dlst, or its size is not the footer's")
    files, at = [], 8
    while at < len(footer):
        if footer[at:at + 4] != b"dire":
            raise ValueError(f"frozen footer: expected dire at {at}")
        end = at + struct.unpack_from(">I", footer, at + 4)[0]
        fields, k = {}, at + 8
        while k < end:
            size = struct.unpack_from(">I", footer, k + 4)[0]
            fields[footer[k:k + 4].decode("ascii")] = footer[k + 8:k + size]
            k += size
        offset, size = (struct.unpack(">I", fields[f])[0] for f in ("of32", "sz32"))
        if offset + size > footer_at:
            raise ValueError(f"frozen file {fields['fnam']!r} runs past the footer")
        files.append({"name": fields["fnam"].rstrip(b"\0").decode("ascii"),
                      "type": fields["type"].decode("ascii"),
                      "flag": struct.unpack(">I", fields["flag"])[0],
                      "data": ptch[offset:offset + size]})
        at = end
    return files


def chunks_of(data: bytes) -> dict:
    chunks, at = {}, 0
    while at < len(data):
        if at + 8 > len(data):
            raise ValueError(f"truncated chunk header at byte {at}")
        tag, size = data[at:at + 4].decode("ascii"), struct.unpack_from("<I", data, at + 4)[0]
        if at + 8 + size > len(data):
            raise ValueError(f"chunk {tag!r} says {size} bytes, only {len(data) - at - 8} left")
        chunks[tag] = data[at + 8:at + 8 + size]
        at += 8 + size
    if list(chunks)[:1] != ["ampf"] or "ptch" not in chunks or "meta" not in chunks:
        raise ValueError(f"not an amxd container: chunks {list(chunks)}")
    return chunks


def unpack_amxd(data: bytes) -> tuple[str, dict, dict]:
    """(device type, patcher JSON, frozen files name -> bytes) from .amxd bytes; ValueError if
    the container is malformed. An unfrozen device has no frozen files."""
    chunks = chunks_of(data)
    kind = {v: k for k, v in DEVICE_TYPES.items()}[chunks["ampf"][:4]]
    body, frozen = chunks["ptch"], {}
    if body[:4] == b"mx@c":
        files = read_footer(body)
        device, deps = files[0], files[1:]
        if device["flag"] != DEVICE_FLAG or device["type"] != "JSON":
            raise ValueError("the first frozen file is not the device")
        body, frozen = device["data"], {f["name"]: f["data"] for f in deps}
    if not body.endswith(b"\0"):
        raise ValueError("patch has no trailing NUL")
    return kind, json.loads(body[:-1].decode("utf-8")), frozen


def scripts_of(patch: dict) -> dict:
    """The JS files a patch loads ([js name.js] boxes) -> their bytes from m4l/js/."""
    names = sorted({b["box"]["text"].split()[1] for b in patch["patcher"]["boxes"]
                    if b["box"].get("text", "").split()[:1] == ["js"]})
    return {name: (JS_DIR / name).read_bytes() for name in names}


def outputs() -> dict[Path, bytes]:
    """Every built file and its bytes."""
    files = {}
    for name, (make, kind) in DEVICES.items():
        patch = make()
        text = patch_text(patch)
        files[HERE / "src" / f"{name}.maxpat"] = text.encode("utf-8")
        files[HERE / f"{name}.amxd"] = pack_amxd(name, text, kind, scripts_of(patch))
    return files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if committed files are stale")
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.relative_to(HERE.parent))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(path.relative_to(HERE.parent))
    if stale:
        print("stale (run python -m m4l.build): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
