"""Test helpers for real JACK MIDI: a receiving port that records (monotonic time, message), and
a sending port connected to one of the server's virtual inputs."""

from __future__ import annotations

import threading
import time

import pytest

CLOSE_TIMEOUT_S = 10.0


def _delete(port) -> None:
    """Close a JACK MIDI client without letting a stuck close hang the test run: seen under heavy
    load, jack_client_close waiting forever in a futex. Fails the test instead, naming it."""
    closer = threading.Thread(target=port.delete, name="probe-close", daemon=True)
    closer.start()
    closer.join(CLOSE_TIMEOUT_S)
    if closer.is_alive():
        pytest.fail(f"closing a JACK MIDI client hung for {CLOSE_TIMEOUT_S:g} s")


def _port_index(port, name: str) -> int:
    names = port.get_ports()
    match = [i for i, n in enumerate(names) if n.endswith(name)]
    assert match, f"no JACK MIDI port named {name!r}: {names}"
    return match[0]


class Receiver:
    """A JACK MIDI input connected to the output port `name`; `.got` = [(monotonic s, bytes)]."""

    def __init__(self, name: str):
        import rtmidi

        self.got: list = []
        self.port = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name="probe")
        self.port.ignore_types(sysex=True, timing=False, active_sense=True)
        self.port.open_port(_port_index(self.port, name), "probe in")
        # polled, not a callback: a Python callback run from JACK's thread crashed the test process
        # (SIGSEGV in the callback) now and then, mid-test, in long runs of these tests
        self._last = None
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, name="probe-poll", daemon=True)
        self._poller.start()

    def _poll(self) -> None:
        """Times: the first message when polled (0.5 ms), later ones by rtmidi's own deltas
        (JACK's clock), so polling delays do not blur them."""
        while not self._stop.is_set():
            message = self.port.get_message()
            if message is None:
                time.sleep(0.0005)
                continue
            data, delta = message
            at = time.monotonic() if self._last is None else self._last + delta
            self._last = at
            self.got.append((at, data))

    def wait_for(self, condition, timeout: float = 10.0) -> list:
        """Poll until condition(got) holds (a deadline against a hung test, not a speed check)."""
        deadline = time.monotonic() + timeout
        while not condition(self.got):
            if time.monotonic() > deadline:
                pytest.fail(f"MIDI never arrived as expected; got {len(self.got)} messages")
            time.sleep(0.01)
        return list(self.got)

    def close(self) -> None:
        self._stop.set()
        self._poller.join(5)
        _delete(self.port)  # port and JACK client: a client left behind can crash jackd at exit


class Sender:
    """A JACK MIDI output connected to the input port `name`."""

    def __init__(self, name: str):
        import rtmidi

        self.port = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="probe")
        self.port.open_port(_port_index(self.port, name), "probe out")

    def send(self, *message: int) -> None:
        self.port.send_message(list(message))

    def close(self) -> None:
        _delete(self.port)
