from __future__ import annotations

import pytest

from support import OscClient, ServerProcess, build_bundle


@pytest.fixture(scope="session")
def presets_dir(tmp_path_factory):
    """A presets folder holding one tiny but real bundle, `tiny`."""
    root = tmp_path_factory.mktemp("presets")
    build_bundle(root, "tiny")
    return root


@pytest.fixture(scope="session")
def tiny_bundle(presets_dir):
    return presets_dir / "tiny"


@pytest.fixture
def own_presets_dir(tmp_path):
    """A fresh presets folder per test (for tests that add broken bundles)."""
    root = tmp_path / "presets"
    build_bundle(root, "tiny")
    return root


@pytest.fixture(scope="session")
def tiny_models(tiny_bundle):
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    return load_models(load_bundle(tiny_bundle), "cpu", 1)


@pytest.fixture(scope="session")
def server(presets_dir, tmp_path_factory):
    """One `latentpad serve` subprocess shared by tests that keep to their own pads."""
    root = tmp_path_factory.mktemp("server")
    proc = ServerProcess(presets_dir, root / "renders", root / "logs")
    yield proc
    proc.stop()


@pytest.fixture
def start_server(tmp_path):
    """Factory for servers a test owns (own seed, own presets dir); all stopped at teardown."""
    procs = []

    def start(presets_dir, *extra, name="srv", preset="tiny"):
        proc = ServerProcess(presets_dir, tmp_path / name / "renders", tmp_path / name / "logs", *extra,
                             preset=preset)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        proc.stop()


@pytest.fixture
def client(server):
    c = OscClient(server.port)
    yield c
    c.close()


@pytest.fixture
def jack():
    """A real JACK server (dummy driver, 48 kHz, 128-frame periods) for this test only."""
    from jack import Jack, jack_available

    if not jack_available():
        pytest.skip("jackd (Debian jackd2) is not installed: real MIDI/audio ports need it")
    with Jack(period=128) as server:
        yield server
