"""Build the Max for Live devices: m4l/src/*.maxpat (readable source) and m4l/*.amxd.

    python -m m4l.build           # write src/*.maxpat and *.amxd
    python -m m4l.build --check   # exit 1 if the committed files differ from a fresh build

The .amxd is the unfrozen container Live reads: `ampf` + u32 4 + device type (`iiii`
instrument, `mmmm` MIDI effect, `aaaa` audio effect), `meta` + u32 4 + u32 0, `ptch` + u32
length + the patcher JSON and a trailing NUL; all lengths little-endian. The same source gives
the same bytes on every run (no timestamps, fixed key order).
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

from m4l.groove_patch import groove  # noqa: E402
from m4l.sampler_patch import sampler  # noqa: E402

DEVICE_TYPES = {"instrument": b"iiii", "midi_effect": b"mmmm", "audio_effect": b"aaaa"}
# name -> (patch function, device type)
DEVICES = {"latentpad_sampler": (sampler, "instrument"), "latentpad_groove": (groove, "midi_effect")}


def patch_text(patch: dict) -> str:
    return json.dumps(patch, indent=2, ensure_ascii=False) + "\n"


def pack_amxd(patch_json: str, device_type: str) -> bytes:
    body = patch_json.encode("utf-8") + b"\0"
    return (b"ampf" + struct.pack("<I", 4) + DEVICE_TYPES[device_type]
            + b"meta" + struct.pack("<II", 4, 0)
            + b"ptch" + struct.pack("<I", len(body)) + body)


def unpack_amxd(data: bytes) -> tuple[str, dict]:
    """(device type, patcher JSON) from .amxd bytes; ValueError if the container is malformed."""
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
    kind = {v: k for k, v in DEVICE_TYPES.items()}[chunks["ampf"][:4]]
    body = chunks["ptch"]
    if not body.endswith(b"\0"):
        raise ValueError("ptch chunk has no trailing NUL")
    return kind, json.loads(body[:-1].decode("utf-8"))


def outputs() -> dict[Path, bytes]:
    """Every built file and its bytes."""
    files = {}
    for name, (make, kind) in DEVICES.items():
        text = patch_text(make())
        files[HERE / "src" / f"{name}.maxpat"] = text.encode("utf-8")
        files[HERE / f"{name}.amxd"] = pack_amxd(text, kind)
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
