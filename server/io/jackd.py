"""A private JACK server on the dummy driver (Debian `jackd2`): a real audio device and real MIDI
ports with no sound card, for `latentpad bench` and the tests.

    with DummyJack(period=32) as jack:    # 48 kHz, 32-frame periods (0.67 ms)
        ...                                # rtmidi's JACK API, sounddevice's JACK host API

Each server gets its own name, and `JACK_DEFAULT_SERVER` names it for this process (and children
it starts) while it runs; `JACK_NO_START_SERVER` keeps a client from spawning a server of its own.
JACK delivers MIDI at period boundaries, so timing read at a JACK port is quantised to the period.
The server runs in sync mode (`--sync`): it waits for its clients each cycle, so a client that
is late under load delays that cycle instead of losing its MIDI events, which the default
asynchronous mode did now and then on a busy 2-core machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid

_ENV = ("JACK_DEFAULT_SERVER", "JACK_NO_START_SERVER")


def available() -> bool:
    return shutil.which("jackd") is not None and shutil.which("jack_wait") is not None


class DummyJack:
    def __init__(self, rate: int = 48000, period: int = 128, prefix: str = "latentpad",
                 start_timeout_s: float = 20.0):
        self.rate, self.period = rate, period
        # a random part: /dev/shm (JACK's registry) may be shared with other runs, pids too
        self.name = f"{prefix}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.start_timeout_s = start_timeout_s
        self.proc = None
        self._log = None
        self._saved: dict = {}

    @property
    def block_ms(self) -> float:
        return 1000.0 * self.period / self.rate

    def running(self) -> bool:
        out = subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, timeout=5).stdout
        return "running" in out and "not" not in out

    def __enter__(self) -> "DummyJack":
        self._log = tempfile.TemporaryFile()
        self._saved = {key: os.environ.get(key) for key in _ENV}
        os.environ.update(JACK_DEFAULT_SERVER=self.name, JACK_NO_START_SERVER="1")
        self.proc = subprocess.Popen(
            ["jackd", "--no-realtime", "--sync", "-n", self.name, "-d", "dummy", "-r", str(self.rate),
             "-p", str(self.period)], stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline and self.proc.poll() is None:
            if self.running():
                return self
            time.sleep(0.05)
        code = self.proc.poll()
        self.__exit__(None, None, None)
        raise RuntimeError(f"jackd -n {self.name} did not start (exit status {code}): {self.output()}")

    def output(self) -> str:
        """What jackd printed so far."""
        if self._log is None:
            return ""
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
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved = {}
