"""`latentpad soak`, short: the performance load really runs against a real server subprocess and
the report adds up; the pass/fail rule is checked on its own with made-up figures (the rule,
not this machine's timing, is what a test can pin down)."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from server.tools.soak import verdict
from support import REPO, add_groove, build_bundle

SECONDS, WINDOW = 10, 5


@pytest.fixture(scope="module")
def soaks(tmp_path_factory) -> dict:
    """Both loads, run at once (the CPU time is the servers'; the wall time is the test's)."""
    root = tmp_path_factory.mktemp("soak")
    add_groove(build_bundle(root / "presets", "tiny"))
    running = {}
    for load in ("perform", "install"):
        out = root / f"{load}.json"
        proc = subprocess.Popen([sys.executable, "-m", "server", "soak", "--load", load, "--seconds", str(SECONDS),
                                 "--window", str(WINDOW), "--rss-every", "1", "--preset", "tiny",
                                 "--presets-dir", str(root / "presets"), "--device", "cpu", "--threads", "1",
                                 "--json", str(out)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        running[load] = (proc, out)
    done = {}
    for load, (proc, out) in running.items():
        stdout = proc.communicate(timeout=120)[0]
        result = json.loads(out.read_text())
        assert proc.returncode == (0 if not result["failures"] else 1), stdout
        done[load] = (stdout, result)
    return done


def test_soak_drives_the_load_and_reports_windows(soaks):
    stdout, result = soaks["perform"]
    counts = result["counts"]
    assert counts["moves"] >= 0.8 * 4 * 100 * SECONDS  # 4 pads at 100 Hz (a loaded machine lags a bit)
    assert counts["triggers"] >= 0.8 * SECONDS * 174 / 60 * 4 and counts["patterns"] >= SECONDS * 174 / 240 - 1
    assert 0 < counts["renders"] <= counts["moves"]
    assert (result["errors"], result["render_errors"], result["alive"]) == (0, 0, True)
    assert len(result["windows"]) == SECONDS // WINDOW
    for window in result["windows"]:
        assert window["render"]["n"] > 0 and window["pattern"]["n"] > 0 and window["ping"]["n"] > 0
        assert window["rss_mb"] > 10
    assert math.isfinite(result["rss_growth"])
    assert "latentpad soak: " in stdout and "RSS" in stdout


def test_soak_watches_installation_mode(soaks):
    stdout, result = soaks["install"]
    counts = result["counts"]
    assert counts["moves"] == 0 and counts["probes"] >= SECONDS - 1 and counts["pings"] >= SECONDS - 1
    assert 0 < counts["renders"] <= counts["probes"]
    assert (result["errors"], result["log_errors"], result["render_errors"], result["alive"]) == (0, 0, 0, True)
    assert len(result["windows"]) == SECONDS // WINDOW and all(w["rss_mb"] > 10 for w in result["windows"])
    assert "--load install" in stdout


def _result(**changes) -> dict:
    window = {"render": {"p99_ms": 10.0}, "pattern": {"p99_ms": 3.0}, "ping": {"p99_ms": 0.2}}
    result = {"errors": 0, "first_errors": [], "render_errors": 0, "alive": True, "rss_growth": 0.01,
              "windows": [window, json.loads(json.dumps(window))]}
    for key, value in changes.items():
        if key.startswith("last_"):
            result["windows"][-1][key[5:]]["p99_ms"] = value
        else:
            result[key] = value
    return result


def test_the_soak_rule():
    assert verdict(_result()) == []
    assert verdict(_result(last_render=11.9, last_ping=0.6)) == []  # +19%; ping +0.4 ms is under the floor
    assert "render p99" in verdict(_result(last_render=12.5))[0]
    assert "pattern p99" in verdict(_result(last_pattern=4.0))[0]
    assert "RSS grew 6.0%" in verdict(_result(rss_growth=0.06))[0]
    assert "/error" in verdict(_result(errors=2, first_errors=[("/pad/xy", "x")]))[0]
    assert "render errors" in verdict(_result(render_errors=1))[0]
    assert "died" in verdict(_result(alive=False))[0]
    installation = _result(load="install", last_render=30.0, rss_growth=0.02)
    assert verdict(installation) == []  # an installation: errors and memory, latency only reported
    assert "RSS grew 6.0%" in verdict(_result(load="install", rss_growth=0.06))[0]
    one = _result()
    one["windows"].pop()
    assert "fewer than two windows" in verdict(one)[-1]
