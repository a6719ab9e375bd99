"""The console script: render, doctor, bench, and the no-torch rule."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from server.cli import _is_loopback, build_parser
from support import LENGTH, REPO


def latentpad(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    script = shutil.which("latentpad")
    command = [script] if script else [sys.executable, "-m", "server"]
    return subprocess.run([*command, *map(str, args)], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def test_server_never_imports_torch_or_export():
    code = ("import sys, server.cli, server.app, server.tools.bench, server.tools.doctor, "
            "server.presets.models, server.presets.bundle, server.workers.render, server.io.osc, "
            "server.core.engine, server.core.protocol, server.workers.space, server.workers.analysis, "
            "server.workers.tasks, server.tools.offline, server.workers.library, server.workers.similar, "
            "server.tools.library_cli, server.tools.xymap; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'export')]; "
            "assert not bad, bad")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    for path in (REPO / "server").rglob("*.py"):
        source = path.read_text()
        assert not re.search(r"^\s*(import|from)\s+torch\b", source, re.M), path
        # the one way into export/: `latentpad train|export` hands over to export.cli, lazily
        imports = re.findall(r"^\s*(?:import|from)\s+(export\S*)", source, re.M)
        assert set(imports) <= ({"export.cli"} if path.name == "cli.py" else set()), (path, imports)


def test_render_writes_a_valid_wav(presets_dir, tmp_path):
    out = latentpad("render", "--preset", "tiny", "--presets-dir", presets_dir, "--device", "cpu",
                    "--xy", 0.2, 0.8, "-o", tmp_path / "hit.wav")
    assert out.returncode == 0, out.stderr
    info = sf.info(str(tmp_path / "hit.wav"))
    assert (info.samplerate, info.frames, info.subtype) == (44100, LENGTH, "PCM_24")
    assert np.abs(sf.read(tmp_path / "hit.wav")[0]).max() > 1e-3
    assert [p.name for p in tmp_path.iterdir()] == ["hit.wav"]


def test_render_random_is_seeded_and_resampled(presets_dir, tmp_path):
    for name in ("a.wav", "b.wav"):
        out = latentpad("render", "--preset", "tiny", "--presets-dir", presets_dir, "--random",
                        "--seed", 3, "--sample-rate", 48000, "-o", tmp_path / name)
        assert out.returncode == 0, out.stderr
    a, rate = sf.read(tmp_path / "a.wav")
    assert rate == 48000 and len(a) == 4800
    assert np.array_equal(a, sf.read(tmp_path / "b.wav")[0])


def test_render_refuses_bad_input_with_a_message(presets_dir, tmp_path):
    out = latentpad("render", "--preset", "tiny", "--presets-dir", presets_dir, "--xy", 2, 0,
                    "-o", tmp_path / "x.wav")
    assert out.returncode == 2 and "x must be in [0, 1]" in out.stderr
    out = latentpad("render", "--preset", "../etc", "--presets-dir", presets_dir, "-o", tmp_path / "x.wav")
    assert out.returncode == 2 and "not a preset name" in out.stderr


def test_doctor_reports_and_exits_zero(presets_dir):
    out = latentpad("doctor", "--presets-dir", presets_dir)
    assert out.returncode == 0, out.stderr
    assert "onnxruntime" in out.stdout and "CPUExecutionProvider" in out.stdout
    assert re.search(r"ok\s+tiny: 44100 Hz", out.stdout)
    assert "midi:" in out.stdout and "audio:" in out.stdout


def test_bench_runs_and_writes_json(presets_dir, tmp_path):
    out = latentpad("bench", "--preset", "tiny", "--presets-dir", presets_dir, "--seconds", 0.3,
                    "--pings", 50, "--json", tmp_path / "bench.json", "--skip", "peers", "growth")
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "bench.json").read_text())
    assert result["ping"]["n"] == 50
    assert 0 < result["xy_1pad"]["renders"] <= result["xy_1pad"]["requests"]
    assert result["decoder"]["p99_ms"] > 0 and "ping round trip" in out.stdout
    library = result["library"]  # 10,000 files, every entry from the cache, every query answered
    assert library["entries"] == library["reused_from_cache"] == library["files"] == 10_000
    assert library["server_library"] == [10_000, 10_000, 0]
    assert library["osc_similar"]["n"] == 200 and library["osc_similar"]["lost"] == 0
    encode = result["encode"]  # the tiny preset has an encoder and no refinement graphs
    assert encode["refine_steps"] == 0 and "refine_step" not in encode and encode["encoder"]["n"] == 40
    assert encode["osc_encode"]["n"] == 20 and encode["osc_encode"]["lost"] == 0


def test_bench_only_runs_the_named_sections(presets_dir, tmp_path):
    out = latentpad("bench", "--preset", "tiny", "--presets-dir", presets_dir, "--only", "gpu",
                    "--json", tmp_path / "bench.json")
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "bench.json").read_text())
    assert "gpu" in result and "ping" not in result and "xy_1pad" not in result
    assert result["gpu"]["cpu"]["decoder"]["n"] > 0 and "ping round trip" not in out.stdout
    out = latentpad("bench", "--presets-dir", presets_dir, "--only", "patterns")
    assert out.returncode != 0 and "no section patterns" in out.stderr and "pattern" in out.stderr


def test_serve_flags_and_loopback_check():
    args = build_parser().parse_args(["serve", "--port", "0", "--seed", "7", "--threads", "1"])
    assert (args.port, args.seed, args.threads, args.host) == (0, 7, 1, "127.0.0.1")
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0")
    from server.core.config import Settings
    from server.core.errors import ConfigError

    assert build_parser().parse_args(["serve", "--encode-refine-steps", "0"]).encode_refine_steps == 0
    with pytest.raises(ConfigError, match="--encode-refine-steps"):
        Settings(encode_refine_steps=500)
