"""A real JACK server on the dummy driver for MIDI and audio tests: `server.io.jackd.DummyJack`, plus
one recovery a test machine needs.

    with Jack(period=128) as jack:
        ...  # rtmidi on mido.backends.rtmidi/UNIX_JACK, sounddevice's JACK host API

The `jack` fixture in conftest.py gives one per test, and skips (saying why) only when jackd is
not installed. Timing tests ask for a short period (`period=32`, 0.67 ms at 48 kHz).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from server.io.jackd import DummyJack, available


class Jack(DummyJack):
    def __init__(self, rate: int = 48000, period: int = 128):
        super().__init__(rate, period, prefix="latentpad-test", start_timeout_s=10.0)

    def __enter__(self) -> "Jack":
        try:
            return super().__enter__()
        except RuntimeError as exc:
            if "Too many servers" not in str(exc) or not _clear_stale_registry():
                raise
            return super().__enter__()  # once more, after a crashed earlier run's leftovers are gone


def jack_available() -> bool:
    return available()


def _clear_stale_registry() -> bool:
    """JACK keeps at most 8 servers in a registry in /dev/shm; a jackd killed without its cleanup
    (a crashed test run) leaves its entry there for good. With no jackd running at all, every
    entry is stale: remove the registry and the servers' segments (JACK makes them anew).
    Returns False, touching nothing, while any jackd runs."""
    if subprocess.run(["pgrep", "-x", "jackd"], capture_output=True).returncode == 0:
        return False
    shm = Path("/dev/shm")
    for path in list(shm.glob("jack_*")) + list(shm.glob("jack-shm-registry")):
        path.unlink(missing_ok=True)
    return True
