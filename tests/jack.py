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

_names = itertools.count()


class Jack:
    def __init__(self, rate: int = 48000, period: int = 128):
        self.rate, self.period = rate, period
        self.name = f"latentpad-test-{os.getpid()}-{next(_names)}"
        self.proc = None
        self._log = None
        self._saved_env = None

    @property
    def block_ms(self) -> float:
        return 1000.0 * self.period / self.rate

    def __enter__(self) -> "Jack":
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
