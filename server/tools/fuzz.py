"""Table-driven fuzzing of the OSC receive path: every address in `server.core.protocol.REQUESTS`,
broken every way the table says it can break, plus datagrams that are not OSC at all.

Each generated `Case` is a datagram that is bad *by construction* and the `/error` replies it must
get (one per message inside it, naming the address, "" for an undecodable datagram). Values come
from a `Draw` (a seeded `random.Random` here; the tests wrap hypothesis in the same interface,
so failures shrink). Pure: no sockets here; `server.tools.fuzz_run` sends the cases to a server.
"""

from __future__ import annotations

import math
import random
import struct
from dataclasses import dataclass
from typing import Optional, Protocol as Interface

from pythonosc.osc_message_builder import OscMessageBuilder

from server.core.protocol import REQUESTS, Address, Arg

ERROR_ADDRESS_MAX = 256  # /error cuts the address it names to this (the reply table's max_len)
INT32 = (-2**31, 2**31 - 1)
TRAVERSALS = ("..", "../x", "../../etc/passwd", "/etc/passwd", "a/b", "a\\b", ".", "~root",
              "x/../../y", "%2e%2e%2f", "\u2025/x")
UNSUPPORTED = (("b", b"\x00blob"), ("m", (0, 144, 36, 100)), ("r", 0x11223344), ("[", None))
PRINTABLE = "".join(chr(c) for c in range(0x21, 0x7f))


class Draw(Interface):
    """Where a case's choices come from: `RandomDraw` or the tests' hypothesis adapter."""

    def choice(self, options: list): ...
    def integer(self, low: int, high: int) -> int: ...
    def real(self, low: float, high: float) -> float: ...
    def blob(self, low: int, high: int) -> bytes: ...
    def text(self, low: int, high: int) -> str: ...


class RandomDraw:
    def __init__(self, seed: int):
        self._rng = random.Random(seed)

    def choice(self, options):
        return options[self._rng.randrange(len(options))]

    def integer(self, low, high):
        return self._rng.randint(low, high)

    def real(self, low, high):
        return self._rng.uniform(low, high)

    def blob(self, low, high):
        return self._rng.randbytes(self._rng.randint(low, high))

    def text(self, low, high):
        return "".join(self._rng.choices(PRINTABLE, k=self._rng.randint(low, high)))


@dataclass(frozen=True)
class Case:
    kind: str  # the mutation, for reports
    datagram: bytes
    errors: tuple  # the /error addresses it must get, in order


# --- typed values -----------------------------------------------------------------------------
def _valid(arg: Arg, draw: Draw) -> tuple:
    """(tag, value) that the table accepts for `arg`."""
    if arg.tag == "i":
        if arg.choices:
            return "i", draw.choice(list(arg.choices))
        low, high = (int(arg.low), int(arg.high)) if arg.low is not None else (-1000, 1000)
        return "i", draw.integer(low, high)
    if arg.tag == "f":
        low, high = (arg.low, arg.high) if arg.low is not None else (-1.0, 1.0)
        return "f", _f32_inside(draw.real(low, high), low, high)
    for candidate in ("tiny", "/tmp/x.wav", "a"):
        if arg.pattern is None or arg.pattern.fullmatch(candidate):
            return "s", candidate
    raise ValueError(f"no valid sample string for {arg.name}: pattern {arg.pattern.pattern}")


def _f32_inside(value: float, low: float, high: float) -> float:
    """`value` after the float32 round trip the wire does, still inside [low, high]."""
    f32 = struct.unpack(">f", struct.pack(">f", value))[0]
    return f32 if low <= f32 <= high else low


def _wrong_type(arg: Arg, draw: Draw) -> tuple:
    others = [("s", "0.5"), ("N", None), ("T", True), ("F", False)]
    if arg.tag == "i":
        others += [("f", draw.real(-2.0, 2.0)), ("d", 1.0)]
    if arg.tag == "s":
        others += [("i", draw.integer(-5, 5)), ("f", 0.5)]
        others.remove(("s", "0.5"))
    return draw.choice(others)


def _out_of_range(arg: Arg, draw: Draw) -> Optional[tuple]:
    if arg.low is None and not arg.choices:
        return None
    if arg.tag == "i":
        options = []
        if arg.low is not None and arg.low > INT32[0]:
            options += [("i", draw.integer(INT32[0], int(arg.low) - 1)), ("h", -2**40)]
        if arg.high is not None and arg.high < INT32[1]:
            options += [("i", draw.integer(int(arg.high) + 1, INT32[1])), ("h", 2**40)]
        if arg.choices:  # inside the range, not one of the allowed values
            options += [("i", value) for value in (int(arg.low) + 1, int(arg.high) - 1)
                        if value not in arg.choices]
        return draw.choice(options) if options else None
    span = max(abs(arg.low), abs(arg.high), 1.0)
    step = span * 10.0 ** draw.integer(-4, 30)  # far enough past the bound to survive float32
    return "f", draw.choice([arg.low - step, arg.high + step])


# --- mutations: (spec, draw, latent_size) -> Case or None when it does not apply ------------------
def _full(spec: Address, draw: Draw, latent_size: int) -> list:
    """Every argument present and valid (optionals too; two groups for grouped ones)."""
    typed = []
    for arg in spec.args:
        if arg.group:
            typed += [_valid(g, draw) for _ in range(min(2, arg.max_groups)) for g in arg.group]
        elif arg.count == "latent_size":
            typed += [_valid(arg, draw) for _ in range(latent_size)]
        elif arg.count is not None:
            typed += [_valid(arg, draw) for _ in range(2)]
        else:
            typed.append(_valid(arg, draw))
    return typed


def _flat(spec: Address, latent_size: int) -> list:
    """The Arg each position of `_full` stands for."""
    out = []
    for arg in spec.args:
        if arg.group:
            out += list(arg.group) * min(2, arg.max_groups)
        else:
            out += [arg] * (latent_size if arg.count == "latent_size" else 2 if arg.count else 1)
    return out


def build(address: str, typed: list) -> bytes:
    builder = OscMessageBuilder(address)
    for tag, value in typed:
        if tag == "[":
            builder.add_arg([1.0, 2.0])
        else:
            builder.add_arg(value, tag)
    return builder.build().dgram


def _replace(spec, draw, latent_size, kind, make) -> Optional[Case]:
    typed, args = _full(spec, draw, latent_size), _flat(spec, latent_size)
    positions = [i for i, a in enumerate(args) if make(a, draw) is not None]
    if not positions:
        return None
    i = draw.choice(positions)
    typed[i] = make(args[i], draw)
    return Case(kind, build(spec.path, typed), (spec.path,))


def wrong_type(spec, draw, n):
    return _replace(spec, draw, n, "wrong_type", _wrong_type)


def out_of_range(spec, draw, n):
    return _replace(spec, draw, n, "out_of_range", _out_of_range)


def non_finite(spec, draw, n):
    return _replace(spec, draw, n, "non_finite",
                    lambda a, d: ("f", d.choice([math.nan, math.inf, -math.inf])) if a.tag == "f" else None)


def long_string(spec, draw, n):
    return _replace(spec, draw, n, "long_string", lambda a, d: (
        "s", "x" * d.choice([a.max_len + 1, a.max_len + d.integer(2, 4000), 60000])) if a.tag == "s" else None)


def bad_pattern(spec, draw, n):
    def make(arg, d):
        if arg.tag != "s" or arg.pattern is None:
            return None
        bad = [t for t in TRAVERSALS if not arg.pattern.fullmatch(t)]
        text = d.text(1, 40)
        return "s", d.choice(bad + ([text] if not arg.pattern.fullmatch(text) else []))
    return _replace(spec, draw, n, "bad_pattern", make)


def unsupported_tag(spec, draw, n):
    typed = _full(spec, draw, n)
    typed.insert(draw.integer(0, len(typed)), draw.choice(list(UNSUPPORTED)))
    return Case("unsupported_tag", build(spec.path, typed), (spec.path,))


def _variadic(spec: Address) -> Optional[Arg]:
    return spec.args[-1] if spec.args and spec.args[-1].count else None


def too_few(spec, draw, n):
    variadic = _variadic(spec)
    if variadic is not None and variadic.count == "any":
        return None
    fixed = [a for a in spec.args if a.count is None]
    required = sum(not a.optional for a in fixed)
    typed = _full(spec, draw, n)
    if variadic is not None:  # leave the whole variadic tail off, or cut into it
        keep = len(fixed) + (draw.integer(0, n - 1) if variadic.count == "latent_size" else 0)
    elif required:
        keep = draw.integer(0, required - 1)
    else:
        return None
    return Case("too_few", build(spec.path, typed[:keep]), (spec.path,))


def too_many(spec, draw, n):
    variadic = _variadic(spec)
    if variadic is not None and variadic.count == "any":
        return None
    typed = _full(spec, draw, n)
    if variadic is not None and variadic.group:
        extra = draw.choice([1, len(variadic.group) * (variadic.max_groups + 1 - 2)])
    else:
        extra = draw.integer(1, 3)
    filler = draw.choice([a for a in _flat(spec, n)] or [Arg("x", "i")])
    typed += [_valid(filler, draw) for _ in range(extra)]
    return Case("too_many", build(spec.path, typed), (spec.path,))


def huge_list(spec, draw, n):
    if _variadic(spec) is not None and _variadic(spec).count == "any":
        return None
    typed = _full(spec, draw, n)
    count = draw.integer(100, 1500)
    typed += [draw.choice([("f", 0.5), ("i", 1), ("s", "zz")]) for _ in range(count)]
    return Case("huge_list", build(spec.path, typed), (spec.path,))


def truncated(spec, draw, n):
    typed = _full(spec, draw, n)
    if not typed or typed[-1][0] not in "if":
        return None
    return Case("truncated", build(spec.path, typed)[:-draw.integer(1, 4)], (spec.path,))


def unknown_address(spec, draw, n):
    address = draw.choice([spec.path + "/" + draw.text(1, 8), spec.path.upper(), spec.path + "x",
                           "/" + draw.text(1, 300), spec.path.rstrip("/") + "/"])
    if address in REQUESTS:
        address += "_"
    return Case("unknown_address", build(address, _full(spec, draw, n)), (address[:ERROR_ADDRESS_MAX],))


MUTATIONS = (wrong_type, out_of_range, non_finite, long_string, bad_pattern, unsupported_tag,
             too_few, too_many, huge_list, truncated, unknown_address)


def random_bytes(draw: Draw) -> Case:
    data = draw.blob(0, 2000)
    if data[:1] in (b"/", b"#"):
        data = b"\x00" + data[1:]
    return Case("random_bytes", data, ("",))


def bundled(inner: Case, draw: Draw) -> Case:
    """A bad message inside a bundle (its own errors), or a bundle whose framing is broken."""
    element = struct.pack(">i", len(inner.datagram)) + inner.datagram
    bundle = b"#bundle\x00" + struct.pack(">Q", draw.integer(0, 2**64 - 1)) + element
    if draw.choice([False, True]):  # the element's size now runs past the end
        return Case("broken_bundle", bundle[:-draw.integer(1, 3)], ("",))
    return Case("bundle", bundle, inner.errors)


def case(draw: Draw, latent_size: int, addresses: Optional[list] = None) -> Case:
    """One bad datagram, drawn from the whole table (or from `addresses`)."""
    kind = draw.integer(0, 19)
    if kind == 0:
        return random_bytes(draw)
    while True:
        spec = REQUESTS[draw.choice(addresses or list(REQUESTS))]
        made = draw.choice(list(MUTATIONS))(spec, draw, latent_size)
        if made is not None and len(made.datagram) < 65000:
            return bundled(made, draw) if kind == 1 and made.kind != "truncated" else made
