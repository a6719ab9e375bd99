"""A real JACK server on the dummy driver, for MIDI and audio tests (Debian `jackd2`).

Each server gets its own name, so test runs side by side never share one; `JACK_DEFAULT_SERVER`
is set for this process (and so for children it starts) while the server runs. JACK delivers
MIDI at period boundaries: timing tests ask for a short period (`period=32`, 0.67 ms at 48 kHz).

    with Jack(period=128) as jack:
        ...  # rtmidi on mido.backends.rtmidi/UNIX_JACK, sounddevice's JACK host API

The `jack` fixture in conftest.py gives one per test, and skips (saying why) only when jackd is
not installed.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
import uuid

_names = itertools.count()


class Jack:
    def __init__(self, rate: int = 48000, period: int = 128):
        self.rate, self.period = rate, period
        # a random part too: test runs in other containers share /dev/shm and may share our pid
        self.name = f"latentpad-test-{os.getpid()}-{uuid.uuid4().hex[:8]}-{next(_names)}"
        self.proc = None
        self._log = None
        self._saved_env = None

    @property
    def block_ms(self) -> float:
        return 1000.0 * self.period / self.rate

    def __enter__(self) -> "Jack":
        try:
            return self._start()
        except RuntimeError as exc:
            if "Too many servers" not in str(exc) or not _clear_stale_registry():
                raise
            return self._start()  # once more, after a crashed earlier run's leftovers are gone

    def _start(self) -> "Jack":
        self._log = tempfile.TemporaryFile()
        self._saved_env = {k: os.environ.get(k) for k in ("JACK_DEFAULT_SERVER", "JACK_NO_START_SERVER")}
        os.environ["JACK_DEFAULT_SERVER"] = self.name
        os.environ["JACK_NO_START_SERVER"] = "1"  # a client must never spawn its own server
        self.proc = subprocess.Popen(
            ["jackd", "--no-realtime", "-n", self.name, "-d", "dummy", "-r", str(self.rate),
             "-p", str(self.period)], stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            ok = subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, timeout=5)
            if "running" in ok.stdout and "not" not in ok.stdout:
                return self
            time.sleep(0.05)
        self.__exit__(None, None, None)
        raise RuntimeError(f"jackd did not start: {self.output()}")

    def output(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for key, value in (self._saved_env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def jack_available() -> bool:
    return shutil.which("jackd") is not None and shutil.which("jack_wait") is not None


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
