"""asyncio UDP transport for OSC. python-osc is used for the wire format only.

Bundles are unpacked at once (timetags ignored, never slept on); each message goes to
`handle(address, args, sender)` with exact-address dispatch done by the app via the protocol
table. A datagram that cannot be decoded goes to `undecodable(error, sender)`. Replies leave
through a `Replier`, whose sink is the socket (or a list, for tests: `CaptureSink`).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Callable

from pythonosc.osc_message import OscMessage
from pythonosc.parsing import osc_types

from server.core import protocol
from server.core.errors import ProtocolError

log_in = logging.getLogger("server.osc.in")
log_out = logging.getLogger("server.osc.out")

BUNDLE_PREFIX = b"#bundle\x00"
WIRE_TAGS = frozenset("ifsdhTFN")  # tags decoded into plain values; anything else is refused
MAX_BUNDLE_DEPTH = 8
RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024  # absorb bursts (a 200 Hz XY stream) without drops


def _message(data: bytes) -> tuple:
    try:
        address, index = osc_types.get_string(data, 0)
    except Exception as exc:
        raise ProtocolError("", f"undecodable OSC address: {exc}") from exc
    try:
        tags, index = osc_types.get_string(data, index) if data[index:] else (",", index)
    except Exception as exc:
        raise ProtocolError(address, f"undecodable type tags: {exc}") from exc
    unsupported = sorted(set(tags[1:]) - WIRE_TAGS) if tags.startswith(",") else [tags[:1]]
    if unsupported:
        raise ProtocolError(address, f"unsupported OSC type tag {unsupported[0]!r} "
                                     "(send i, f or s)")
    try:
        params = tuple(OscMessage(data).params)
        end = _arguments_end(data, index, tags[1:])
    except Exception as exc:  # python-osc ParseError, or decode errors it does not wrap
        raise ProtocolError(address, f"undecodable arguments: {exc}") from exc
    if end != len(data):  # python-osc zero-pads a short float: a cut datagram would pass
        raise ProtocolError(address, f"datagram is {len(data)} bytes, its type tags {tags!r} "
                                     f"need {end}: truncated or padded")
    return address, params


_FIXED_BYTES = {"i": 4, "f": 4, "h": 8, "d": 8, "T": 0, "F": 0, "N": 0}


def _arguments_end(data: bytes, index: int, tags: str) -> int:
    """Where arguments with these tags, starting at `index`, end."""
    for tag in tags:
        index = osc_types.get_string(data, index)[1] if tag == "s" else index + _FIXED_BYTES[tag]
    return index


def _bundle(data: bytes, depth: int) -> list:
    if depth > MAX_BUNDLE_DEPTH:
        raise ProtocolError("", f"bundles nested deeper than {MAX_BUNDLE_DEPTH}")
    if len(data) < 16:
        raise ProtocolError("", "truncated bundle header")
    messages, index = [], 16  # "#bundle\0" + 8-byte timetag, ignored: run now
    while index < len(data):
        try:
            size, index = osc_types.get_int(data, index)
        except Exception as exc:
            raise ProtocolError("", f"bad bundle element size: {exc}") from exc
        if size <= 0 or size % 4 or index + size > len(data):
            raise ProtocolError("", f"bad bundle element size {size}")
        messages.extend(parse_datagram(data[index:index + size], depth + 1))
        index += size
    return messages


def parse_datagram(data: bytes, depth: int = 0) -> list:
    """A datagram -> [(address, args), ...]; ProtocolError if any part cannot be decoded (then
    none of its messages is used)."""
    if data.startswith(BUNDLE_PREFIX):
        return _bundle(data, depth)
    if data.startswith(b"/"):
        return [_message(data)]
    raise ProtocolError("", f"not an OSC message or bundle ({len(data)} bytes)")


class Replier:
    """Builds replies from the protocol table and hands them to a sink(dgram, addr)."""

    def __init__(self, sink: Callable[[bytes, tuple], None]):
        self.sink = sink

    def send(self, to: tuple, address: str, *args) -> None:
        dgram = protocol.encode(address, *args)
        log_out.debug("%s %s -> %s:%s", address, args, to[0], to[1])
        self.sink(dgram, to)


class CaptureSink:
    """Test seam: collects (dgram, addr) instead of sending; `.messages` decodes them."""

    def __init__(self):
        self.sent: list = []

    def __call__(self, dgram: bytes, addr: tuple) -> None:
        self.sent.append((dgram, addr))

    @property
    def messages(self) -> list:
        return [(_message(dgram), addr) for dgram, addr in self.sent]


class OscEndpoint(asyncio.DatagramProtocol):
    def __init__(self, handle: Callable, undecodable: Callable):
        self._handle = handle
        self._undecodable = undecodable
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        sender = addr[:2]
        try:
            messages = parse_datagram(data)
        except ProtocolError as error:
            log_in.info("undecodable datagram from %s:%s: %s", sender[0], sender[1], error)
            self._undecodable(error, sender)
            return
        for address, args in messages:
            log_in.debug("%s %s from %s:%s", address, args, sender[0], sender[1])
            self._handle(address, args, sender)

    def error_received(self, exc: Exception) -> None:  # e.g. ICMP port unreachable
        log_out.debug("socket error: %s", exc)

    def send(self, dgram: bytes, addr: tuple) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.sendto(dgram, addr)


async def open_udp(host: str, port: int, endpoint: OscEndpoint) -> tuple:
    """Bind UDP host:port (0 = any free port); returns (transport, (host, bound port))."""
    loop = asyncio.get_running_loop()
    family, _, _, _, sockaddr = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)[0]
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
        sock.bind(sockaddr)
    except OSError:
        sock.close()
        raise
    transport, _ = await loop.create_datagram_endpoint(lambda: endpoint, sock=sock)
    return transport, sock.getsockname()[:2]
