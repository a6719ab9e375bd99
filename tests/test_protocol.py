"""The OSC table and the pure functions derived from it."""

from __future__ import annotations

import math
import struct

import numpy as np
import pytest
from pythonosc.osc_message import OscMessage

from server.core import protocol

from server.core.errors import ProtocolError
from server.io.osc import CaptureSink, Replier, parse_datagram
from server.tools import oscdoc
from support import REPO, build

D = 8


def valid_args(spec: protocol.Address) -> list:
    """A valid argument list for any table entry, derived from the table."""
    sample = {"i": lambda a: int(a.low) if a.low is not None else 7,
              "f": lambda a: (a.low + a.high) / 2 if a.low is not None else 0.25,
              "s": lambda a: "/tmp/tiny" if a.pattern is not None and a.pattern.pattern.startswith("/") else "tiny"}
    out = []
    for arg in spec.args:
        if arg.group:
            out.extend([sample[g.tag](g) for g in arg.group] * 2)
        else:
            out.extend([sample[arg.tag](arg)] * (D if arg.count else 1))
    return out


@pytest.mark.parametrize("address", list(protocol.REQUESTS))
def test_every_address_decodes_its_valid_arguments(address):
    spec = protocol.REQUESTS[address]
    request = protocol.decode(address, valid_args(spec), latent_size=D)
    assert type(request) is spec.request
    assert protocol.address_of(request) == address


def test_ints_are_accepted_for_floats_and_optionals_get_defaults():
    assert protocol.decode("/pad/xy", [3, 0, 1], latent_size=D) == protocol.PadXY(3, 0.0, 1.0)
    assert protocol.decode("/pad/random", [2], latent_size=D) == protocol.PadRandom(2, 1.0)
    assert protocol.decode("/hello", [9001], latent_size=D) == protocol.Hello(9001, None)
    assert protocol.decode("/hello", [9001, 48000], latent_size=D).sample_rate_hz == 48000
    z = protocol.decode("/pad/latent", [1] + [0.5] * D, latent_size=D).z
    assert z == (0.5,) * D


BAD = [
    ("/nope", [], "unknown address"),
    ("/pad/xy", [0, 0.5], "3 arguments, got 2"),
    ("/pad/xy", [0, 0.5, 0.5, 0.5], "got 4"),
    ("/pad/xy", [0.0, 0.5, 0.5], "pad must be an int"),
    ("/pad/xy", [True, 0.5, 0.5], "pad must be an int"),
    ("/pad/xy", [0, "a", 0.5], "x must be a float"),
    ("/pad/xy", [0, math.nan, 0.5], "x must be finite"),
    ("/pad/xy", [0, 0.5, math.inf], "y must be finite"),
    ("/pad/xy", [0, 1.5, 0.5], "x must be in [0, 1]"),
    ("/pad/xy", [99, 0.5, 0.5], "pad must be in [0, 15]"),
    ("/pad/xy", [-1, 0.5, 0.5], "pad must be in [0, 15]"),
    ("/pad/latent", [0] + [0.0] * (D - 1), "9 arguments, got 8"),
    ("/pad/latent", [0] + [0.0] * (D - 1) + [11.0], "z must be in [-10, 10]"),
    ("/pad/latent", [0] + [0.0] * (D - 1) + [math.nan], "z must be finite"),
    ("/pad/random", [0, 5.0], "spread must be in [0, 4]"),
    ("/ping", [], "1 arguments, got 0"),
    ("/ping", [1.0], "seq must be an int"),
    ("/hello", [0], "reply_port must be in"),
    ("/hello", [9001, 100], "sample_rate_hz must be in"),
    ("/hello", [9001, 44101], "sample_rate_hz must be one of"),
    ("/preset/load", ["../x"], "not allowed"),
    ("/preset/load", ["/etc"], "not allowed"),
    ("/preset/load", ["a/b"], "not allowed"),
    ("/preset/load", [".."], "not allowed"),
    ("/preset/load", [3], "must be a string"),
    ("/preset/list", [1], "0 arguments, got 1"),
    ("/pad/encode", [0, "kick.wav"], "not allowed"),
    ("/pad/encode", [0, "../x.wav"], "not allowed"),
    ("/pad/vary", [0, 2.5], "amount must be in [0, 2]"),
    ("/pad/morph", [0, 1, 2, 1.5], "t must be in [0, 1]"),
    ("/pad/save", [0, "x" * 121], "not allowed"),
    ("/scene/store", [16], "slot must be in [0, 15]"),
    ("/scene/recall", [0, 60001.0], "morph_ms must be in"),
]


@pytest.mark.parametrize("address,args,problem", BAD)
def test_bad_messages_name_the_address_and_problem(address, args, problem):
    with pytest.raises(ProtocolError) as info:
        protocol.decode(address, args, latent_size=D)
    assert info.value.address == address
    assert problem in info.value.problem


def test_replies_are_float32_plain_values_and_stay_under_8k():
    dgram = protocol.encode("/sample", np.int64(3), "/tmp/x.wav", np.int32(12))
    assert OscMessage(dgram).params == [3, "/tmp/x.wav", 12]
    many = protocol.encode("/presets", *[f"name{i:03d}" + "x" * 50 for i in range(500)])
    assert len(many) < protocol.MAX_DATAGRAM
    assert OscMessage(many).params[0].startswith("name000")
    long_error = protocol.encode("/error", "/x" * 500, "m" * 10000)
    assert len(long_error) < protocol.MAX_DATAGRAM
    with pytest.raises(ValueError):
        protocol.encode("/pong")  # wrong arity is a server bug, not a silent send
    assert b",isi\x00" in dgram


def _python_osc(address: str, typed: list) -> bytes:
    from pythonosc.osc_message_builder import OscMessageBuilder

    builder = OscMessageBuilder(address)
    for tag, value in typed:
        builder.add_arg(value, tag)
    return builder.build().dgram


def test_replies_are_byte_for_byte_what_python_osc_builds():
    """encode packs datagrams itself (the /pattern/xy reply path sends 18 at a time); every reply
    in the table, with strings of every padding length, non-ASCII text and extreme values, comes
    out exactly as python-osc's OscMessageBuilder would make it."""
    rng = np.random.default_rng(0)
    texts = ["", "a", "ab", "abc", "abcd", "/tmp/x.wav", "kick-ü", "ドラム"]
    values = {"i": lambda: int(rng.choice([0, 1, -1, 2**31 - 1, -2**31, int(rng.integers(-999, 999))])),
              "f": lambda: float(rng.choice([0.0, -0.0, 1.0, 3.4e38, 1e-45, float(rng.standard_normal())])),
              "s": lambda: str(rng.choice(texts))}
    checked = 0
    for address, spec in protocol.REPLIES.items():
        fixed = [a for a in spec.args if a.count is None]
        tail = spec.args[-1].group or (spec.args[-1],) if spec.args and spec.args[-1].count else ()
        for repeats in (0, 1, 3, 32):
            if repeats and not tail:
                break
            typed = [(a.tag, values[a.tag]()) for a in fixed + list(tail) * repeats]
            assert protocol._build(address, typed) == _python_osc(address, typed), (address, typed)
            assert protocol.encode(address, *(v for _, v in typed)) == _python_osc(address, typed), address
            checked += 1
    assert checked > len(protocol.REPLIES)
    row = [float(v) for v in rng.random(32).astype(np.float32)]
    assert protocol.encode("/pattern/row", 4, *row) == _python_osc("/pattern/row", [("i", 4)] + [("f", v) for v in row])


def _tags(args):
    return [t for a in args for t in (_tags(a.group) if a.group else [a.tag])]


def test_no_reply_uses_double_tags():
    assert all(t in ("i", "f", "s") for reply in protocol.REPLIES.values() for t in _tags(reply.args))
    assert all(t in ("i", "f", "s") for spec in protocol.REQUESTS.values() for t in _tags(spec.args))


def test_combine_takes_src_weight_pairs_and_class_replies_name_prob_pairs():
    request = protocol.decode("/pad/combine", [0, 1, 1.0, 2, -0.5], latent_size=D)
    assert request == protocol.PadCombine(0, ((1, 1.0), (2, -0.5)))
    for bad, problem in (([0], "got 1"), ([0, 1], "got 2"), ([0, 1, 1.0, 2], "got 4"),
                         ([0] + [1, 0.5] * 9, "got 19"), ([0, 1, 2.5], "weight must be in"),
                         ([0, 16, 1.0], "src must be in"), ([0, 1.0, 1.0], "src must be an int")):
        with pytest.raises(ProtocolError) as info:
            protocol.decode("/pad/combine", bad, latent_size=D)
        assert problem in info.value.problem
    dgram = protocol.encode("/class", 3, "kick", 0.75, "snare", 0.25)
    assert b",isfsf\x00" in dgram and OscMessage(dgram).params[:3] == [3, "kick", 0.75]


def test_docs_osc_md_is_generated_from_the_table():
    committed = (REPO / "docs" / "osc.md").read_text()
    assert committed == oscdoc.markdown(), "regenerate: python -m server.tools.oscdoc --markdown > docs/osc.md"
    for address in list(protocol.REQUESTS) + list(protocol.REPLIES):
        assert f"`{address}`" in committed


def _bundle(*elements: bytes, timetag: int = 1) -> bytes:
    body = b"".join(struct.pack(">i", len(e)) + e for e in elements)
    return b"#bundle\x00" + struct.pack(">Q", timetag) + body


def test_bundles_are_unpacked_at_once_even_when_future_dated():
    far_future = (2**32 * 4_000_000_000) & (2**64 - 1)
    inner = _bundle(build("/ping", 2), timetag=far_future)
    messages = parse_datagram(_bundle(build("/ping", 1), inner, timetag=far_future))
    assert messages == [("/ping", (1,)), ("/ping", (2,))]


@pytest.mark.parametrize("data,address", [
    (b"\x00\x01\x02\x03garbage", ""),
    (b"", ""),
    (b"#bundle\x00\x00", ""),
    (_bundle(build("/ping", 1))[:-2], ""),
    (build("/pad/xy", ("b", b"blob"), 0.5, 0.5), "/pad/xy"),
    (b"/ping\x00\x00\x00,i\x00\x00\x00\x01", "/ping"),  # truncated int
    (b"/\xff\xfe\x00", ""),
])
def test_undecodable_datagrams_raise_protocol_error(data, address):
    with pytest.raises(ProtocolError) as info:
        parse_datagram(data)
    assert info.value.address == address


def test_replier_capture_seam():
    sink = CaptureSink()
    Replier(sink).send(("127.0.0.1", 9001), "/pong", 5)
    assert sink.messages == [(("/pong", (5,)), ("127.0.0.1", 9001))]
