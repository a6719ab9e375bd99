"""Installation mode: the settings file, the drift's saved state, the watchdog on a real JACK
stream, and `latentpad install` itself over JACK's dummy device (killed -9 and resumed)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from server.core.errors import ConfigError
from server.tools.install import (DEFAULT_SETTINGS, POINTS, SCHEMA, Drift, Watchdog, Watched, load_settings,
                                  load_state, save_state)
from support import REPO, OscClient

WALK = np.full(POINTS, 0.05)


def wait_for(condition, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_the_default_settings_file_loads_and_every_key_is_documented():
    cfg = load_settings(DEFAULT_SETTINGS)
    assert cfg[""]["preset"] == "default" and cfg["audio"]["blocksize"] == 128
    doc = (REPO / "docs" / "standalone.md").read_text()
    for section, keys in SCHEMA.items():
        for key in keys:
            assert f"`{section + '.' if section else ''}{key}`" in doc, f"{section}.{key} is not documented"


@pytest.mark.parametrize("edit, named", [
    (lambda d: d["pads"].update(walk_per_s=-1), "pads.walk_per_s"),
    (lambda d: d["audio"].update(blocksize=7), "audio.blocksize"),
    (lambda d: d.update(tempo=120), "tempo: unknown key"),
    (lambda d: d["log"].pop("backups"), "log.backups: missing"),
    (lambda d: d.update(bpm=float("nan")), "bpm"),
])
def test_a_bad_settings_file_is_refused_by_key(tmp_path, edit, named):
    data = json.loads(DEFAULT_SETTINGS.read_text())
    edit(data)
    path = tmp_path / "install.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(path)


def test_a_resumed_drift_goes_on_exactly_as_the_uninterrupted_one():
    drift = Drift.fresh(7, np.full((POINTS, 2), 0.5))
    for _ in range(40):
        drift.advance(0.25, WALK)
    resumed = Drift.from_state(json.loads(json.dumps(drift.to_state())))
    for _ in range(40):
        drift.advance(0.25, WALK)
        resumed.advance(0.25, WALK)
    assert resumed.t == drift.t
    np.testing.assert_array_equal(resumed.walks, drift.walks)
    assert np.all((drift.walks >= 0) & (drift.walks <= 1))
    assert drift.point(3, 0.2, 60.0) == resumed.point(3, 0.2, 60.0)


def test_state_is_written_atomically_and_a_broken_file_is_kept_aside(tmp_path):
    path = tmp_path / "state" / "install.json"
    drift = Drift.fresh(1, np.full((POINTS, 2), 0.25))
    drift.advance(1.0, WALK)
    save_state(path, drift.to_state())
    assert sorted(p.name for p in path.parent.iterdir()) == ["install.json"]  # no temp left behind
    assert load_state(path).t == 1.0
    path.write_text('{"schema": 1, "t": ')  # what no atomic write leaves, but a disk might
    assert load_state(path) is None
    assert (path.parent / "install.json.bad").exists() and not path.exists()


def test_the_watchdog_restarts_an_aborted_stream(jack):
    from server.io.audio import AudioOut, AudioSettings, VoiceEngine
    import sounddevice as sd

    out = AudioOut(VoiceEngine(AudioSettings(sample_rate_hz=jack.rate, blocksize=jack.period)))
    out.start()
    part = Watched("audio stream", out.alive, out.restart)
    dog = Watchdog([part], every_s=0.05)
    dog.start()
    try:
        out.stream.abort()  # a stream that died
        wait_for(lambda: part.restarts == 1 and out.alive(), "the watchdog to restart the stream")
        frames = out.engine.frames
        wait_for(lambda: out.engine.frames > frames, "the restarted stream to play")
    finally:
        dog.stop()
        out.close()
        while sd._initialized:  # PortAudio lets go of JACK before the server stops
            sd._terminate()


def _settings(tmp_path) -> object:
    data = json.loads(DEFAULT_SETTINGS.read_text())
    data["pads"].update(move_every_s=0.5, pads_per_move=4)
    data["state"].update(file=str(tmp_path / "state.json"), save_every_s=0.2)
    data["log"].update(file=str(tmp_path / "log" / "install.log"), max_bytes=2000, backups=2)
    data["bpm"] = 240.0
    path = tmp_path / "install.json"
    path.write_text(json.dumps(data))
    return path


class Install:
    def __init__(self, settings, tmp_path):
        self.out = tmp_path / f"stdout-{time.monotonic_ns()}.txt"
        with open(self.out, "wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "server", "install", "--settings", str(settings), "--port", "0",
                 "--render-dir", str(tmp_path / "renders"), "--device", "cpu", "--threads", "1"],
                cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        wait_for(lambda: "latentpad install:" in self.out.read_text() or self.proc.poll() is not None,
                 "latentpad install to be ready", 60)
        assert self.proc.poll() is None, self.out.read_text()
        self.port = int(re.search(r"osc udp [^:]+:(\d+)", self.out.read_text()).group(1))

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(20)


def _state_t(path) -> float:
    try:
        return json.loads(path.read_text())["t"]
    except (OSError, ValueError):
        return -1.0


def test_install_plays_answers_osc_rotates_logs_and_resumes_after_kill_9(jack, tmp_path):
    settings = _settings(tmp_path)
    state, logs = tmp_path / "state.json", tmp_path / "log"
    first = Install(settings, tmp_path)
    try:
        assert "fresh" in first.out.read_text()
        client = OscClient(first.port)
        client.send("/hello", client.port)
        client.expect("/hello")

        def renders() -> int:
            client.send("/stats")
            return client.expect("/stats")[1]

        wait_for(lambda: renders() > 16, "renders beyond the first 16: the drift moves pads")
        client.close()
        wait_for(lambda: _state_t(state) >= 2.0, "a saved state 2 s into the piece")
    finally:
        first.proc.send_signal(signal.SIGKILL)  # a crash: no goodbye, no final save
        first.proc.wait(10)
    saved = _state_t(state)

    second = Install(settings, tmp_path)
    try:
        resumed = re.search(r"resumed from .* at t=([\d.]+) s", second.out.read_text())
        assert resumed and float(resumed.group(1)) == pytest.approx(saved, abs=0.05)
        wait_for(lambda: _state_t(state) > saved + 1.0, "the resumed piece to go on")
    finally:
        assert second.stop() == 0
    log_text = "".join(p.read_text() for p in sorted(logs.iterdir()))
    assert (logs / "install.log.1").exists()  # rotated at max_bytes, keeping `backups` files
    assert not (logs / "install.log.3").exists()
    played = [int(n) for n in re.findall(r"voices started (\d+)", log_text)]
    assert played and max(played) > 0  # the pattern played through the pads' renders
    assert os.path.getsize(logs / "install.log") <= 2000 + 500
