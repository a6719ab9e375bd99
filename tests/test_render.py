"""Render worker in-process: latest wins, batching, atomic writes, resampling, errors."""

from __future__ import annotations

import threading
import time

import numpy as np
import soundfile as sf

from server.core.engine import Engine
from server.core.protocol import PadRender, PadXY
from server.workers.render import Failed, Rendered, RenderWorker, finish, write_wav_atomic


class GatedDecoder:
    """Wraps the real decoder; blocks the first call until released; can fail once."""

    def __init__(self, decoder, fail_once=False):
        self._decoder, self.fail_once = decoder, fail_once
        self.gate, self.entered = threading.Event(), threading.Event()
        self.batches = []

    def render(self, z):
        self.entered.set()
        self.gate.wait(10)
        self.batches.append(len(z))
        if self.fail_once:
            self.fail_once = False
            raise RuntimeError("boom")
        return self._decoder.render(z)


class FakeModels:
    def __init__(self, models, decoder):
        self.preset, self.decoder = models.preset, decoder


def _worker(tmp_path, keep=4):
    results, done = [], threading.Condition()

    def notify(result):
        with done:
            results.append(result)
            done.notify_all()

    worker = RenderWorker(tmp_path / "renders", keep, notify)
    worker.start()
    return worker, results, done


def _wait(done, results, predicate, timeout=10):
    with done:
        assert done.wait_for(lambda: predicate(results), timeout), results


def test_latest_wins_per_pad_and_pads_batch_together(tmp_path, tiny_models):
    decoder = GatedDecoder(tiny_models.decoder)
    models = FakeModels(tiny_models, decoder)
    worker, results, done = _worker(tmp_path)
    engine = Engine(tiny_models.preset)
    try:
        worker.submit(engine.apply(PadRender(0)), models, 44100, "client")
        assert decoder.entered.wait(5)  # the worker is busy with pad 0's first job
        for i in range(200):
            for pad in (0, 1, 2):
                worker.submit(engine.apply(PadXY(pad, i / 200, 0.5)), models, 44100, "client")
        decoder.gate.set()
        _wait(done, results, lambda r: len(r) >= 4)
        time.sleep(0.1)
        stats = worker.stats()
    finally:
        worker.stop()
    assert stats["requests"] == 601 and stats["renders"] == 4 and stats["superseded"] == 597
    assert decoder.batches == [1, 3]  # pads 0, 1, 2 rendered in one decoder call
    last = {r.job.pad: r.job.seq for r in results}
    assert last == {0: 201, 1: 200, 2: 200}
    assert all(isinstance(r, Rendered) and r.target == "client" for r in results)


def test_renders_are_atomic_and_only_the_last_few_are_kept(tmp_path, tiny_models):
    (tmp_path / "renders").mkdir(parents=True)
    (tmp_path / "renders" / "pad00_000042.wav").write_bytes(b"stale")  # an earlier run's
    (tmp_path / "renders" / "pad01_000001.wav.tmp").write_bytes(b"half")
    (tmp_path / "renders" / "mine.wav").write_bytes(b"not ours")
    worker, results, done = _worker(tmp_path, keep=3)
    engine = Engine(tiny_models.preset)
    try:
        for i in range(10):
            worker.submit(engine.apply(PadXY(4, i / 10, 0.1)), tiny_models, 48000, None)
            _wait(done, results, lambda r: len(r) == i + 1)
    finally:
        worker.stop()
    names = sorted(p.name for p in (tmp_path / "renders").iterdir())
    assert names == ["mine.wav", "pad04_000008.wav", "pad04_000009.wav", "pad04_000010.wav"]
    audio, rate = sf.read(results[-1].path)
    assert rate == 48000 and len(audio) == 4800
    assert sf.info(str(results[-1].path)).subtype == "PCM_24"


def test_a_failing_render_reports_and_the_worker_keeps_going(tmp_path, tiny_models):
    decoder = GatedDecoder(tiny_models.decoder, fail_once=True)
    decoder.gate.set()
    models = FakeModels(tiny_models, decoder)
    worker, results, done = _worker(tmp_path)
    engine = Engine(tiny_models.preset)
    try:
        worker.submit(engine.apply(PadRender(7)), models, 44100, "c")
        _wait(done, results, lambda r: len(r) == 1)
        worker.submit(engine.apply(PadRender(7)), models, 44100, "c")
        _wait(done, results, lambda r: len(r) == 2)
    finally:
        worker.stop()
    assert isinstance(results[0], Failed) and "boom" in results[0].message
    assert results[0].job.address == "/pad/render"
    assert isinstance(results[1], Rendered)
    assert worker.stats()["errors"] == 1


def test_finish_is_peak_safe_and_resamples_to_the_client_rate():
    audio = np.array([0.5, 2.0, -3.0, np.nan, np.inf] * 882, dtype=np.float32)
    out = finish(audio, 44100, 44100)
    assert out.dtype == np.float32 and np.isfinite(out).all() and np.abs(out).max() <= 1.0
    up = finish(np.sin(np.arange(4410, dtype=np.float32) / 10), 44100, 48000)
    assert len(up) == 4800 and np.abs(up).max() <= 1.0
    down = finish(np.zeros(45056, np.float32), 44100, 22050)
    assert len(down) == 22528


def test_write_wav_atomic_leaves_no_temp(tmp_path):
    path = write_wav_atomic(tmp_path / "x.wav", np.zeros(100, np.float32), 44100)
    assert [p.name for p in tmp_path.iterdir()] == ["x.wav"]
    assert sf.info(str(path)).frames == 100
