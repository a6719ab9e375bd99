"""Data-parallel training under a real `torchrun` (gloo, CPU): the ranks hold the same weights
after every step, a run killed mid-way resumes from rank 0's checkpoint with a different world
size and continues the same run, and the same seed gives the same weights."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from export import distributed  # noqa: E402
from export.common import load_ckpt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", PYTHONPATH=str(ROOT))


def _patterns(folder: Path) -> Path:
    """A small groove corpus: 64 random 2-bar patterns (hit, velocity, offset)."""
    rng = np.random.default_rng(0)
    x = np.zeros((64, 9, 32, 3), np.float32)
    x[..., 0] = rng.random((64, 9, 32)) < 0.25
    x[..., 1] = x[..., 0] * rng.uniform(0.3, 1.0, (64, 9, 32))
    x[..., 2] = x[..., 0] * rng.uniform(-0.3, 0.3, (64, 9, 32))
    folder.mkdir()
    np.save(folder / "train.npy", x)
    return folder


def _groove(data: Path, out: Path, trace: Path, *extra: str) -> list:
    return ["-m", "export.groove.train", "--data", str(data), "--out", str(out), "--tiny",
            "--batch", "8", "--threads", "1", "--steps", "100000", "--sync-trace", str(trace), *extra]


def _torchrun(nproc: int, args: list) -> list:
    return [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc}", *args]


def _trace(path: Path) -> dict:
    if not path.exists():
        return {}
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]
    return {e["step"]: e for e in lines}


def _ckpt_digest(path: Path) -> tuple:
    from export.groove.model import GrooveVAE
    from export.groove.train import config_from_ckpt

    ck = load_ckpt(path)
    model = GrooveVAE(config_from_ckpt(ck))
    model.load_state_dict(ck["model"])
    return int(ck["step"]), distributed.weights_digest(model)


def _tree(pid: int) -> list:
    """`pid` and all its descendants (torchrun's workers run in their own process groups)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return out


def _signal(pids: list, sig: int) -> None:
    for p in pids:
        try:
            os.kill(p, sig)
        except ProcessLookupError:
            pass


def _stop_after_a_checkpoint(proc: subprocess.Popen, trace: Path, ckpt: Path, timeout_s: float = 40.0,
                             err: Path | None = None) -> int:
    """Freeze the whole run (SIGSTOP to the launcher and its workers) at a moment when rank 0 has
    traced at least one step past its latest checkpoint, then kill it; -> the checkpoint's step."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, ("the 2-process run ended before it was killed:\n"
                                     + (err.read_text()[-3000:] if err is not None and err.exists() else ""))
        if len(_trace(trace)) >= 12 and ckpt.exists():
            pids = _tree(proc.pid)
            _signal(pids, signal.SIGSTOP)
            step = int(load_ckpt(ckpt)["step"])
            if max(_trace(trace)) > step:
                _signal(pids, signal.SIGKILL)
                proc.wait(10)
                return step
            _signal(pids, signal.SIGCONT)
        time.sleep(0.02)
    _signal(_tree(proc.pid), signal.SIGKILL)
    raise AssertionError("the 2-process run traced no 12 steps in time")


@pytest.fixture
def launched():
    """Processes a test starts; any still running at teardown are killed with their workers."""
    procs = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            _signal(_tree(proc.pid), signal.SIGKILL)
            proc.wait(10)


def test_two_ranks_agree_killed_run_resumes_with_one_process(tmp_path, launched):
    data = _patterns(tmp_path / "data")
    run, trace2, trace_again = tmp_path / "run", tmp_path / "trace2", tmp_path / "trace_again"
    proc = subprocess.Popen(_torchrun(2, _groove(data, run, trace2, "--ckpt-every", "5")), cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=open(tmp_path / "run.err", "wb"))
    launched.append(proc)
    step = _stop_after_a_checkpoint(proc, trace2 / "rank0.jsonl", run / "last.pt", err=tmp_path / "run.err")

    rank0, rank1 = _trace(trace2 / "rank0.jsonl"), _trace(trace2 / "rank1.jsonl")
    both = sorted(set(rank0) & set(rank1))
    assert both == list(range(1, len(both) + 1)) and len(both) >= 10
    assert all(rank0[s]["world"] == 2 and rank0[s]["digest"] == rank1[s]["digest"] for s in both)
    assert all(rank0[s]["batch"] == rank1[s]["batch"] for s in both)  # one global batch, split
    assert len({rank0[s]["digest"] for s in both}) == len(both)  # the weights moved every step
    assert step % 5 == 0 and step >= 10
    assert _ckpt_digest(run / "last.pt") == (step, rank0[step]["digest"])  # rank 0 wrote what all held

    trace1 = tmp_path / "trace1"
    subprocess.run([sys.executable, *_groove(data, run, trace1, "--resume", "--until", str(step + 3))],
                   cwd=ROOT, env=ENV, check=True, capture_output=True, timeout=60)
    resumed = _trace(trace1 / "rank0.jsonl")
    assert sorted(resumed) == [step + 1, step + 2, step + 3] and resumed[step + 1]["world"] == 1
    assert int(load_ckpt(run / "last.pt")["step"]) == step + 3
    # the same run continued: the one process drew the global batch the two drew next (the data
    # generator is restored from the checkpoint) and took nearly the same step with it
    assert resumed[step + 1]["batch"] == rank0[step + 1]["batch"]
    before, two, one = (np.array(e["sums"]) for e in (rank0[step], rank0[step + 1], resumed[step + 1]))
    assert np.linalg.norm(one - two) < 0.5 * np.linalg.norm(two - before)

    # a second 2-process run with the same seed (it stops at step 4), after the first: two 2-rank
    # runs at once on a 2-core machine once lost a rank to SIGABRT; same seed, same world size:
    # the same weights, bit for bit
    again = subprocess.Popen(_torchrun(2, _groove(data, tmp_path / "again", trace_again, "--until", "4")),
                             cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "again.err", "wb"))
    launched.append(again)
    assert again.wait(60) == 0, (tmp_path / "again.err").read_text()[-2000:]
    repeated = _trace(trace_again / "rank0.jsonl")
    assert sorted(repeated) == [1, 2, 3, 4]
    assert [repeated[s]["digest"] for s in (1, 2, 3, 4)] == [rank0[s]["digest"] for s in (1, 2, 3, 4)]


def _sounds(folder: Path, rate: int) -> Path:
    """Four kicks and four snares (decaying sines) in class subfolders."""
    import soundfile as sf

    rng = np.random.default_rng(0)
    t = np.arange(int(0.1 * rate)) / rate
    for cls in ("kick", "snare"):
        (folder / cls).mkdir(parents=True)
        for i in range(4):
            hit = np.sin(2 * np.pi * rng.uniform(50, 400) * t) * np.exp(-t / 0.02)
            sf.write(folder / cls / f"{cls}{i}.wav", hit.astype(np.float32), rate)
    return folder


def _agree(trace: Path, steps: int) -> None:
    rank0, rank1 = _trace(trace / "rank0.jsonl"), _trace(trace / "rank1.jsonl")
    assert sorted(rank0) == sorted(rank1) == list(range(1, steps + 1))
    assert all(rank0[s]["world"] == 2 and rank0[s]["digest"] == rank1[s]["digest"] for s in rank0)
    assert len({e["digest"] for e in rank0.values()}) == steps


def test_oneshot_two_ranks_agree(tmp_path):
    """The one-shot loop (memory-mapped shards of a folder of sounds) under torchrun."""
    sounds, trace = _sounds(tmp_path / "sounds", 44100), tmp_path / "trace"
    subprocess.run(_torchrun(2, ["-m", "export.oneshot.train", "--data", str(sounds),
                                 "--out", str(tmp_path / "run"), "--tiny", "--no-augment", "--batch", "4",
                                 "--threads", "1", "--steps", "3", "--sync-trace", str(trace)]),
                   cwd=ROOT, env=ENV, check=True, capture_output=True, timeout=120)
    _agree(trace, 3)
    assert int(load_ckpt(tmp_path / "run" / "last.pt")["step"]) == 3


def test_prior_two_ranks_agree_and_rank_0_exports(tmp_path):
    from support import RATE, build_bundle

    build_bundle(tmp_path / "presets", "tiny")
    sounds, trace = _sounds(tmp_path / "sounds", RATE), tmp_path / "trace"
    subprocess.run(_torchrun(2, ["-m", "export.prior.train", "--preset", str(tmp_path / "presets" / "tiny"),
                                 "--data", str(sounds), "--out", str(tmp_path / "run"), "--tiny", "--batch", "8",
                                 "--threads", "1", "--steps", "3", "--no-settle", "--sync-trace", str(trace)]),
                   cwd=ROOT, env=ENV, check=True, capture_output=True, timeout=120)
    _agree(trace, 3)
    assert int(load_ckpt(tmp_path / "run" / "prior.pt")["step"]) == 3
    manifest = json.loads((tmp_path / "presets" / "tiny" / "preset.json").read_text())
    assert manifest["models"]["oneshot.prior"]["file"] == "prior.onnx"


def test_global_batch_is_split_evenly_and_the_launch_drops_nproc():
    two = [distributed.Dist(r, 2, r, torch.device("cpu")) for r in (0, 1)]
    batch = np.arange(8)
    parts = [d.shard(batch) for d in two]
    assert sorted(np.concatenate(parts).tolist()) == batch.tolist() and len(parts[0]) == len(parts[1]) == 4
    with pytest.raises(SystemExit, match="global batch"):
        two[0].check_batch(7)
    cmd = distributed.launch_command(4, "export.cli", ["train", "oneshot", "d", "--nproc", "4", "--nproc=4", "--tiny"])
    assert cmd[-6:] == ["-m", "export.cli", "train", "oneshot", "d", "--tiny"]
    assert "--nproc-per-node=4" in cmd and "--standalone" in cmd
