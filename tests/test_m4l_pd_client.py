"""An independent Max-like client, end to end: Pure Data (`pd -nogui -nosound`, Debian
puredata-core) sends the messages the Sampler sends (addresses and type tags from
m4l/js/sampler_logic.js's SENDS table), over real UDP with `oscformat` + `netsend -u -b`,
floats as 'f' the way Max sends them; it receives the server's replies with `netreceive -u -b`
+ `oscparse` and prints them. The test reads Pd's printout and checks the replies. The test
preset has no diffusion prior, so the prior's gestures (Random with a class, Transform) must be
answered with an /error that names oneshot.prior, and change nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ServerProcess, free_udp_port

pytestmark = pytest.mark.skipif(shutil.which("pd") is None,
                                reason="Pure Data not installed (apt-get install puredata-core)")

ROOT = Path(__file__).resolve().parents[1]
# one example per signature the Sampler sends (address, type tags, args), in the order a session
# might send them
EXAMPLES = [("/hello", "ii", None), ("/pad/xy", "iff", "0 0.25 0.8"), ("/pad/random", "if", "1 1.5"),
            ("/pad/random", "ifs", "5 1.5 snare"), ("/pad/transform", "isf", "5 clap 0.5"),
            ("/pad/vary", "if", "1 0.5"), ("/pad/morph", "iiif", "2 0 1 0.5"), ("/pad/render", "i", "3"),
            ("/scene/store", "i", "4"), ("/scene/recall", "if", "4 0"), ("/ping", "i", "7")]


def _sampler_sends() -> dict:
    source = (ROOT / "m4l" / "js" / "sampler_logic.js").read_text()
    return json.loads(re.search(r"var SENDS = (\{.*?\});", source, re.S).group(1))


def _pd_patch(server_port: int, reply_port: int) -> str:
    """A Pd patch: connect, send each example 150 ms apart (the first, /hello, at once), print
    every reply as `REPLY: <address parts> <args>`, quit after 4 s."""
    sends = _sampler_sends()
    assert {f"{a} {t}" for a, t, _ in EXAMPLES} == {f"{a} {t}" for a, sigs in sends.items()
                                                    for t in sigs.split("|")}
    objects, connects = [], []

    def add(line: str) -> int:
        objects.append(f"#X {line};")
        return len(objects) - 1

    def connect(a: int, outlet: int, b: int, inlet: int = 0) -> None:
        connects.append(f"#X connect {a} {outlet} {b} {inlet};")

    boot = add("obj 10 10 loadbang")
    order = add("obj 10 20 t b b")
    net = add("obj 10 300 netsend -u -b")
    dial = add(f"msg 10 40 connect 127.0.0.1 {server_port}")
    fmt = add("obj 10 200 oscformat")
    wrap = add("obj 10 230 list prepend send")
    trim = add("obj 10 260 list trim")
    connect(boot, 0, order)
    connect(order, 1, dial)
    connect(dial, 0, net)
    connect(fmt, 0, wrap)
    connect(wrap, 0, trim)
    connect(trim, 0, net)
    for i, (address, tags, args) in enumerate(EXAMPLES):
        assert tags in sends[address].split("|"), f"the Sampler does not send {address} {tags}"
        if args is None:
            args = f"{reply_port} 48000"
        parts = " ".join(address.strip("/").split("/"))
        box = add(f"msg 10 {70 + 10 * i} format {tags} \\, set {parts} \\, {args}")
        wait = add(f"obj 200 {70 + 10 * i} delay {0 if i == 0 else 300 + 150 * i}")
        connect(order, 0, wait)
        connect(wait, 0, box)
        connect(box, 0, fmt)
    listen = add(f"obj 300 10 netreceive -u -b {reply_port}")
    parse = add("obj 300 40 oscparse")
    strip = add("obj 300 70 list trim")
    show = add("obj 300 100 print REPLY")
    connect(listen, 0, parse)
    connect(parse, 0, strip)
    connect(strip, 0, show)
    stop = add("obj 400 10 delay 4000")
    quit_msg = add("msg 400 40 \\; pd quit")
    connect(boot, 0, stop)
    connect(stop, 0, quit_msg)
    return "#N canvas 0 0 600 400 10;\n" + "\n".join(objects + connects) + "\n"


def test_pure_data_speaks_the_sampler_messages_to_a_real_server(presets_dir, tmp_path):
    server = ServerProcess(presets_dir, tmp_path / "renders", tmp_path / "logs")
    try:
        patch = tmp_path / "sampler_client.pd"
        patch.write_text(_pd_patch(server.port, free_udp_port()))
        done = subprocess.run(["pd", "-nogui", "-nosound", "-nomidi", "-stderr", str(patch)],
                              capture_output=True, text=True, timeout=30)
    finally:
        server.stop()
    printed = done.stdout + done.stderr
    replies = [line.split(": ", 1)[1].split() for line in printed.splitlines() if line.startswith("REPLY: ")]
    # the test preset has no diffusion prior: Random with a class and Transform are refused
    errors = [r for r in replies if r[0] == "error"]
    assert [r[1] for r in errors] == ["/pad/random", "/pad/transform"], printed
    assert all("oneshot.prior" in " ".join(r[2:]) for r in errors), printed
    hello = [r for r in replies if r[0] == "hello"]
    assert hello and hello[0][2:] == ["tiny", "16"], printed
    samples = [(int(r[1]), r[2]) for r in replies if r[0] == "sample"]
    # pads 0..3 answer xy/random/vary/morph/render; the scene recall re-renders all 16
    assert {pad for pad, _ in samples} == set(range(16)), printed
    assert len(samples) >= 16 + 4, printed
    for _, path in samples:
        assert Path(path).parent == server.render_dir and path.endswith(".wav")  # its own folder
    assert ["scene", "4"] in replies, printed
    assert ["pong", "7"] in replies, printed
