"""An independent OSC implementation drives the server: liblo's `oscsend` sends, `oscdump`
receives (Debian liblo-tools). Nothing here uses python-osc, so the wire format (32-bit floats,
padding, type tags) is checked against a second implementation, not against itself."""
from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest
import soundfile as sf

from support import ServerProcess, free_udp_port

pytestmark = pytest.mark.skipif(not (shutil.which("oscsend") and shutil.which("oscdump")),
                                reason="liblo-tools (oscsend, oscdump) not installed; bash .ci/setup installs it")


@pytest.fixture()
def liblo(presets_dir, tmp_path):
    """A server whose replies to unregistered senders go to an oscdump process."""
    dump_port = free_udp_port()
    out = tmp_path / "oscdump.txt"
    # a bare port: liblo reads a host in a URL as a multicast group. Only 127.0.0.1 sends to it.
    dump = subprocess.Popen(["oscdump", "-L", str(dump_port)], stdout=open(out, "wb"), stderr=subprocess.STDOUT)
    server = ServerProcess(presets_dir, tmp_path / "renders", tmp_path / "logs", "--reply-port", str(dump_port))
    time.sleep(0.2)  # oscdump binds
    assert dump.poll() is None, out.read_text()

    def send(address: str, types: str, *args) -> None:
        subprocess.run(["oscsend", "127.0.0.1", str(server.port), address, types, *map(str, args)],
                       check=True, timeout=10)

    def lines_with(address: str, count: int = 1, timeout: float = 10.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = [line.split(" ", 1)[-1] for line in out.read_text(errors="replace").splitlines()]  # drop timetag
            found = [line for line in lines if line.startswith(address + " ")]
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no {address} from the server; oscdump got:\n{out.read_text()}")

    yield send, lines_with
    server.stop()
    dump.terminate()
    dump.wait(5)


def test_liblo_client_moves_a_pad_and_gets_a_wav(liblo):
    send, lines_with = liblo
    send("/ping", "i", 17)
    assert lines_with("/pong")[0].split()[1:] == ["i", "17"]
    send("/pad/xy", "iff", 2, 0.25, 0.75)
    line = lines_with("/sample")[0]
    m = re.match(r'/sample isi 2 "(.+)" (\d+)$', line)
    assert m, line
    info = sf.info(m.group(1))
    assert info.samplerate == 44100 and info.frames > 0


def test_liblo_client_bad_messages_get_errors_and_change_nothing(liblo):
    send, lines_with = liblo
    send("/pad/xy", "iff", 99, 0.25, 0.75)          # pad out of range
    send("/pad/xy", "iss", 1, "left", "up")         # wrong types
    send("/pad/xy", "iff", 1, float("nan"), 0.5)    # NaN
    send("/no/such/thing", "i", 1)
    errors = lines_with("/error", 4)
    assert all(e.startswith("/error ss ") for e in errors)
    assert sum('"/pad/xy"' in e for e in errors) == 3 and '"/no/such/thing"' in errors[3]
    send("/ping", "i", 5)
    assert lines_with("/pong")[0].split()[-1] == "5"
    assert lines_with("/sample", 0) == []  # none of the bad moves rendered anything


def test_liblo_doubles_are_read_as_floats(liblo):
    """Max sends 32-bit floats, but other clients send doubles: the same number, accepted."""
    send, lines_with = liblo
    send("/pad/xy", "idd", 4, 0.5, 0.5)
    assert re.match(r'/sample isi 4 ".+" 1$', lines_with("/sample")[0])
