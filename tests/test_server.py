"""A real `latentpad serve` subprocess over real UDP on 127.0.0.1 (shared by these tests;
each test keeps to its own pads)."""

from __future__ import annotations

import math
import struct
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from server import __version__
from support import LENGTH, build


def test_ready_line_hello_and_ping(server, client):
    # how fast it gets ready is the bench's to report (`latentpad bench`), not a timed test's
    assert "provider CPUExecutionProvider" in server.ready_line
    assert client.hello() == (__version__, "tiny", 16)
    client.send("/ping", 41)
    assert client.expect("/pong") == (41,)
    client.send("/stats")
    assert len(client.expect("/stats")) == 4


def test_xy_gives_a_wav_at_the_clients_sample_rate(client):
    client.hello(48000)
    pad, path, seq = client.sample("/pad/xy", 1, 0.3, 0.7)
    assert pad == 1 and seq >= 1
    info = sf.info(path)
    assert (info.samplerate, info.frames, info.subtype) == (48000, round(LENGTH * 48000 / 44100), "PCM_24")
    audio, _ = sf.read(path, dtype="float32")
    assert np.sqrt(np.mean(audio**2)) > 1e-3 and np.abs(audio).max() <= 1.0
    client.hello()  # back to the model's rate
    _, path, _ = client.sample("/pad/xy", 1, 0.3, 0.7)
    assert sf.info(path).samplerate == 44100 and sf.info(path).frames == LENGTH


def _bundle(*elements: bytes) -> bytes:
    return b"#bundle\x00" + struct.pack(">Q", 1) + b"".join(struct.pack(">i", len(e)) + e for e in elements)


MALFORMED = [
    ("/nope", build("/nope", 1)),
    ("/pad/xy", build("/pad/xy", 2, 0.5)),
    ("/pad/xy", build("/pad/xy", 2, "a", 0.5)),
    ("/pad/xy", build("/pad/xy", 2.0, 0.5, 0.5)),
    ("/pad/xy", build("/pad/xy", 2, math.nan, 0.5)),
    ("/pad/xy", build("/pad/xy", 2, 0.5, math.inf)),
    ("/pad/xy", build("/pad/xy", 2, 1.5, 0.5)),
    ("/pad/xy", build("/pad/xy", 99, 0.5, 0.5)),
    ("/pad/xy", build("/pad/xy", 2, ("b", b"blob"), 0.5)),
    ("/pad/xy", build("/pad/xy", 2, ("T", True), 0.5)),
    ("/pad/latent", build("/pad/latent", 2, *[0.1] * 7)),
    ("/pad/latent", build("/pad/latent", 2, *[0.1] * 7, 10.5)),
    ("/pad/random", build("/pad/random", 2, -1.0)),
    ("/pad/render", build("/pad/render")),
    ("/preset/load", build("/preset/load", "../x")),
    ("/preset/load", build("/preset/load", "/etc")),
    ("/preset/load", build("/preset/load", "a/b")),
    ("/pad/xy", _bundle(build("/pad/xy", 2, math.nan, 0.5))),
    ("", b"\x13\x37 random bytes \xff\x00"),
    ("/pad/xy", b"/pad/xy\x00" + b",iff"),  # tags cut short: the address still names it
    ("", _bundle(build("/pad/xy", 2, 0.1, 0.1))[:-3]),
]


def test_every_malformed_message_gets_one_error_and_changes_nothing(client):
    client.hello()
    _, before_path, before_seq = client.sample("/pad/render", 2)
    before = Path(before_path).read_bytes()
    for seq, (address, datagram) in enumerate(MALFORMED):
        client.send_raw(datagram)
        client.send("/ping", seq)
        reply = client.recv()
        assert reply[0] == "/error" and reply[1][0] == address, (datagram, reply)
        assert client.recv() == ("/pong", (seq,)), f"more than one reply to {datagram!r}"
    _, after_path, after_seq = client.sample("/pad/render", 2)
    assert after_seq == before_seq + 1  # none of the bad messages counted as a request
    assert after_path != before_path and Path(after_path).read_bytes() == before
    assert client.quiet(0.2) == []


def test_a_flood_of_moves_renders_far_less_and_answers_the_last(server, client):
    client.hello()
    _, _, seq0 = client.sample("/pad/render", 3)
    client.send("/stats")
    stats0 = client.expect("/stats")
    moves = 500
    for i in range(moves):
        client.send("/pad/xy", 3, i / (moves - 1), 0.3)
        if i % 50 == 49:
            time.sleep(0.001)  # a fast controller, not a kernel buffer overrun
    samples, incomplete = [], []
    for address, args in client.quiet(0.5):
        assert address == "/sample" and args[0] == 3
        samples.append(args)
        try:  # a reader never sees half a file (it may be pruned already: keep 4)
            incomplete += [args[1]] if sf.info(args[1]).frames != LENGTH else []
        except RuntimeError:
            pass
    assert not incomplete
    assert 1 <= len(samples) < moves / 2, len(samples)
    assert samples[-1][2] == seq0 + moves, "the last reply answers the last move"
    assert [s[2] for s in samples] == sorted(s[2] for s in samples)
    client.send("/stats")
    stats1 = client.expect("/stats")
    requests, renders, superseded, errors = (b - a for a, b in zip(stats0, stats1))
    assert (requests, renders, errors) == (moves, len(samples), 0)
    assert superseded == moves - renders
    last = Path(samples[-1][1]).read_bytes()
    _, again, _ = client.sample("/pad/xy", 3, 1.0, 0.3)
    assert Path(again).read_bytes() == last
    names = [p.name for p in server.render_dir.iterdir()]
    assert not [n for n in names if n.endswith(".tmp")]
    for pad in range(16):
        assert len([n for n in names if n.startswith(f"pad{pad:02d}_")]) <= 4


def test_messages_in_a_bundle_all_run(client):
    client.hello()
    client.send_raw(_bundle(build("/ping", 1), _bundle(build("/ping", 2)), build("/pad/render", 4)))
    got = [client.recv(), client.recv(), client.recv()]
    assert got[:2] == [("/pong", (1,)), ("/pong", (2,))]
    assert got[2][0] == "/sample" and got[2][1][0] == 4


def test_preset_list(client):
    client.hello()
    client.send("/preset/list")
    assert client.expect("/presets") == ("tiny",)
