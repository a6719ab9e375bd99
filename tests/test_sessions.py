"""Servers a test owns: seeded sound, preset loading and refusal, default reply port."""

from __future__ import annotations

import socket

import numpy as np
import soundfile as sf

from support import OscClient, variant

RANDOM_SEQUENCE = [(0,), (1, 2.0), (0, 0.5), (5, 4.0)]


def _randoms(server) -> list:
    client = server.client()
    client.hello()
    audio = []
    for args in RANDOM_SEQUENCE:
        _, path, _ = client.sample("/pad/random", *args)
        audio.append(sf.read(path, dtype="float32")[0])
    client.close()
    return audio


def test_same_seed_same_samples(presets_dir, start_server):
    a = start_server(presets_dir, "--seed", "7", name="a")
    b = start_server(presets_dir, "--seed", "7", name="b")
    first, second = _randoms(a), _randoms(b)
    assert all(np.array_equal(x, y) for x, y in zip(first, second))
    assert not np.array_equal(first[0], first[2])  # the pad really moved


def test_broken_presets_are_refused_and_the_old_one_keeps_serving(own_presets_dir, start_server):
    tiny = own_presets_dir / "tiny"
    variant(tiny, "bad-sha", lambda m, f: m["models"]["oneshot.decoder"].update(sha256="ab" * 32))
    variant(tiny, "no-prior", lambda m, f: m.pop("latent_prior"))

    def shape_lie(m, f):
        m["length_samples"] = 4000
        m["models"]["oneshot.decoder"]["outputs"][0]["shape"] = ["batch", 4000]
        m["models"]["oneshot.encoder"]["inputs"][0]["shape"] = ["batch", 4000]
    variant(tiny, "shape-lie", shape_lie)
    variant(tiny, "corner", lambda m, f: m.update(pads=[{"pad": i, "xy": [1.0, 1.0]} for i in range(16)]))
    server = start_server(own_presets_dir)
    client = server.client()
    client.hello()
    _, path, _ = client.sample("/pad/render", 0)
    before = sf.read(path, dtype="float32")[0]
    refusals = {
        "bad-sha": "models.oneshot.decoder.sha256: mismatch",
        "no-prior": "latent_prior: missing",
        "shape-lie": "models.oneshot.decoder.outputs[0].shape[1]",
        "missing": "no preset 'missing'",
        "../tiny": "not allowed",
        "/etc": "not allowed",
    }
    for name, problem in refusals.items():
        client.send("/preset/load", name)
        address, message = client.expect("/error", timeout=15)
        assert address == "/preset/load" and problem in message, message
        assert client.quiet(0.1) == []
    assert client.hello()[1] == "tiny"
    _, path, _ = client.sample("/pad/render", 0)
    assert np.array_equal(sf.read(path, dtype="float32")[0], before)

    client.send("/preset/load", "corner")
    assert client.expect("/preset", timeout=15) == ("corner",)
    assert client.hello()[1] == "corner"
    _, path, _ = client.sample("/pad/render", 0)  # pads reset to the new start point
    _, other, _ = client.sample("/pad/xy", 5, 1.0, 1.0)
    assert np.array_equal(sf.read(path)[0], sf.read(other)[0])
    assert not np.array_equal(sf.read(path, dtype="float32")[0], before)
    client.send("/preset/list")
    assert client.expect("/presets") == ("bad-sha", "corner", "no-prior", "shape-lie", "tiny")


def test_clients_without_hello_get_replies_on_the_default_reply_port(presets_dir, start_server):
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    reply_port = listener.getsockname()[1]
    listener.close()
    server = start_server(presets_dir, "--reply-port", str(reply_port))
    receiver = OscClient(server.port)  # bound to reply_port below, never says /hello
    receiver.sock.close()
    receiver.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.sock.bind(("127.0.0.1", reply_port))
    sender = OscClient(server.port)
    try:
        sender.send("/ping", 9)
        assert receiver.expect("/pong") == (9,)
        sender.send("/pad/xy", 0, 2.0, 0.0)
        assert receiver.expect("/error")[0] == "/pad/xy"
    finally:
        sender.close()
        receiver.close()
