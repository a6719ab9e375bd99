"""Pattern replies recorded from a real server on the default preset: what a performer gets for a
fixed run of gestures (moves, densities, temperature, swing, a repeated point, a fill).

`tests/data/pattern_replies.json` holds, per gesture, the sha256 of the 18 reply datagrams in
the order they arrived and the hits they carry, recorded from the implementation before the
/pattern/xy path was made faster; tests/test_pattern_replies.py checks the current server
against it. To record from a tree (its own `python -m server`, its own presets/default):

    cd TREE && python /path/to/tests/pattern_golden.py --write OUT.json

When presets/default gets a new groove model, the replies are recorded again from the old
implementation (a `git archive 26dba30` tree) with the new model put into that tree's own
presets/default: its two groove ONNX files, their `models` entries and the `groove` object (that
tree's server reads the manifest of its day, not today's).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

READY = re.compile(r"latentpad ready: osc udp ([^:]+):(\d+),")
REPLIES = ("/pattern/row", "/pattern/offset", "/pattern/fill", "/pattern/filloffset")
GESTURES = (
    ("/pattern/xy", 0.5, 0.5), ("/pattern/xy", 0.0, 0.0), ("/pattern/xy", 1.0, 1.0),
    ("/pattern/xy", 0.13, 0.87), ("/pattern/xy", 0.731, 0.244), ("/pattern/density", 0.8),
    ("/pattern/density", 2, 0.2), ("/pattern/temperature", 0.7), ("/pattern/swing", 0.5),
    ("/pattern/xy", 0.13, 0.87), ("/pattern/density", 0.5), ("/pattern/xy", 0.5, 0.5),
    ("/pattern/fill",), ("/pattern/temperature", 0.0), ("/pattern/xy", 0.3125, 0.6),
)


def _datagram(address: str, *args) -> bytes:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg, "f" if isinstance(arg, float) else "i")
    return builder.build().dgram


def _groove_sha256(tree: Path) -> str:
    manifest = json.loads((tree / "presets" / "default" / "preset.json").read_text())
    return manifest["models"]["groove.decoder"]["sha256"]


def record(tree: Path) -> dict:
    """Start `python -m server serve` in `tree` (default preset, seed 0, 1 thread), play GESTURES
    one at a time and keep each one's 18 replies."""
    with tempfile.TemporaryDirectory(prefix="latentpad-golden-") as renders:
        proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--port", "0", "--seed", "0",
                                 "--device", "cpu", "--threads", "1", "--render-dir", renders],
                                cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            match = READY.search(proc.stdout.readline())
            if not match:
                raise RuntimeError(f"the server in {tree} did not start")
            server = ("127.0.0.1", int(match.group(2)))
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind(("127.0.0.1", 0))
            sock.settimeout(10.0)
            sock.sendto(_datagram("/hello", sock.getsockname()[1]), server)
            sock.recvfrom(65536)
            out = []
            for gesture in GESTURES:
                sock.sendto(_datagram(*gesture), server)
                datagrams = []
                while len(datagrams) < 18:
                    data, _ = sock.recvfrom(65536)
                    if OscMessage(data).address in REPLIES:
                        datagrams.append(data)
                rows = [OscMessage(d).params for d in datagrams]
                out.append({"gesture": list(gesture),
                            "sha256": hashlib.sha256(b"".join(datagrams)).hexdigest(),
                            "hits": ["".join("x" if v > 0 else "." for v in r[1:]) for r in rows[:9]]})
                time.sleep(0.01)
            sock.close()
        finally:
            proc.terminate()
            proc.wait(10)
    return {"groove_decoder_sha256": _groove_sha256(tree), "replies": out}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="record the default preset's pattern replies from this tree")
    ap.add_argument("--write", type=Path, required=True, help="the JSON to write")
    args = ap.parse_args(argv)
    args.write.write_text(json.dumps(record(Path.cwd()), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
