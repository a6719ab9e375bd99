"""Every address of the protocol table fuzzed over real UDP against a real server subprocess:
wrong types and arity, out of range, NaN/inf, huge strings and lists, unsupported tags, cut
datagrams, bundles and random bytes (`server.tools.fuzz` derives them all from the table, `server.tools.fuzz_run` sends them). Each bad
datagram must get exactly its one `/error`, the server must live, and its state (every pad's
render, the pattern, scenes, counters) must read back unchanged.

CI sends a few thousand datagrams; `LATENTPAD_FUZZ_DATAGRAMS=100000 pytest tests/test_fuzz.py`
(or `latentpad fuzz --datagrams 100000`) is the full run. Hypothesis runs derandomized, so a run
repeats exactly; a failure shrinks to a small batch.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.core.protocol import REQUESTS
from server.tools import fuzz, fuzz_run
from server.tools.bench import _Client
from support import LATENT, REPO, ServerProcess, add_groove, build_bundle

DATAGRAMS = int(os.environ.get("LATENTPAD_FUZZ_DATAGRAMS", "1000"))
BATCH = 25  # datagrams per hypothesis example (one /ping checkpoint each)


class HypothesisDraw:
    """`server.tools.fuzz.Draw` over hypothesis, so a failing batch shrinks."""

    def __init__(self, data):
        self.data = data

    def choice(self, options):
        return self.data.draw(st.sampled_from(options))

    def integer(self, low, high):
        return self.data.draw(st.integers(low, high))

    def real(self, low, high):
        return self.data.draw(st.floats(low, high, allow_nan=False, allow_infinity=False))

    def blob(self, low, high):
        return self.data.draw(st.binary(min_size=low, max_size=high))

    def text(self, low, high):
        return self.data.draw(st.text(fuzz.PRINTABLE, min_size=low, max_size=high))


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory):
    """A server on a tiny bundle with a groove model, so pattern state can be read back too."""
    root = tmp_path_factory.mktemp("fuzz")
    add_groove(build_bundle(root / "presets", "tiny"))
    proc = ServerProcess(root / "presets", root / "renders", root / "logs")
    yield proc
    proc.stop()


@pytest.fixture
def udp(fuzz_server):
    client = _Client(fuzz_server.port)
    yield client
    client.sock.close()


def _check(report: fuzz_run.Report) -> None:
    for problem, cases, got in report.problems[:3]:
        pytest.fail(f"{problem}: sent {[(c.kind, c.datagram[:80], c.errors) for c in cases]}, got {got}")


def test_every_address_gets_every_mutation_and_one_error_each(fuzz_server, udp):
    before = fuzz_run.snapshot(udp)
    report, draw, seq = fuzz_run.Report(), fuzz.RandomDraw(0), 0
    for address, spec in REQUESTS.items():
        for mutation in fuzz.MUTATIONS:
            cases = [c for c in (mutation(spec, draw, LATENT) for _ in range(4)) if c is not None]
            cases += [fuzz.bundled(c, draw) for c in cases if c.kind != "truncated"]
            fuzz_run.run_batch(udp, cases, seq, report)
            seq += 1
        _check(report)
    fuzz_run.run_batch(udp, [fuzz.random_bytes(draw) for _ in range(50)], seq, report)
    _check(report)
    assert {"wrong_type", "too_few", "too_many", "huge_list", "unknown_address", "random_bytes",
            "bundle", "broken_bundle", "out_of_range", "non_finite", "long_string", "bad_pattern",
            "truncated", "unsupported_tag"} <= set(report.kinds)
    assert report.errors >= report.datagrams  # a bundle of one bad message gets one error too
    assert fuzz_server.proc.poll() is None
    assert fuzz_run.differences(before, fuzz_run.snapshot(udp)) == []


def test_property_any_bad_datagram_gets_one_error_and_changes_nothing(fuzz_server, udp):
    before = fuzz_run.snapshot(udp)
    report = fuzz_run.Report()
    seqs = iter(range(10**9))

    @settings(max_examples=max(1, DATAGRAMS // BATCH), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def batch(data):
        draw = HypothesisDraw(data)
        cases = [fuzz.case(draw, LATENT) for _ in range(BATCH)]
        fuzz_run.run_batch(udp, cases, next(seqs), report)
        _check(report)

    batch()
    print(f"fuzz: {report.line()}")
    assert report.datagrams >= DATAGRAMS * 0.9 and report.errors >= report.datagrams
    assert fuzz_server.proc.poll() is None, "the server died"
    assert fuzz_run.differences(before, fuzz_run.snapshot(udp)) == []


def test_latentpad_fuzz_command_reports_ok(tmp_path):
    presets = tmp_path / "presets"
    add_groove(build_bundle(presets, "tiny"))
    done = subprocess.run([sys.executable, "-m", "server", "fuzz", "--datagrams", "400", "--seed", "3",
                           "--preset", "tiny", "--presets-dir", str(presets), "--device", "cpu",
                           "--threads", "1"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "400 datagrams" in done.stdout and "0 mismatches" in done.stdout
    assert "state unchanged" in done.stdout
