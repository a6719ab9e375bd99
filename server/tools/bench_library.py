"""`latentpad bench` section: `/pad/similar` over a library of 10,000 files.

The library is 10,000 short WAV files in a temporary folder. Their index cache is written
beforehand with latents drawn from the preset's `latent_prior` (encoding 10,000 files would take
about a minute and does not change what a query costs: one matrix-vector product over the rows
and a partial sort); the server then takes every entry from the cache, as it does for a library
indexed before. Measured: `nearest` in-process (k = 8), the decoder's render of one sound in the
same run (the reference), and end to end through a server subprocess over UDP:
`/pad/similar pad 8` -> the `/similar` reply, one at a time.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

FILES = 10_000
QUERIES = 500
K = 8


def _library(folder: Path, models) -> None:
    from server.workers.library import _write_cache

    preset, rng = models.preset, np.random.default_rng(0)
    t = np.arange(int(0.05 * preset.sample_rate_hz)) / preset.sample_rate_hz
    entries = {}
    for i in range(FILES):
        path = folder / f"{i // 1000:02d}" / f"hit{i:05d}.wav"
        path.parent.mkdir(exist_ok=True)
        sf.write(path, (rng.standard_normal(t.size) * np.exp(-t / 0.01) * 0.5).astype(np.float32),
                 preset.sample_rate_hz, subtype="PCM_16")
        stat = path.stat()
        mu = preset.prior_mean + preset.prior_std * rng.standard_normal(preset.latent_size)
        entries[path.relative_to(folder).as_posix()] = (stat.st_size, stat.st_mtime_ns, [0.0], mu[None])
    _write_cache(folder, preset.name, preset.models["oneshot.encoder"].sha256, preset.latent_size, entries)


def measure(args) -> dict:
    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    from server.tools.bench import _round_trips, _served, _stats_ms
    from server.workers.library import build_index, nearest

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    if models.encoder is None:
        return {"skipped": f"preset {args.preset} has no oneshot.encoder to index a library with"}
    rng = np.random.default_rng(1)
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-library-") as tmp:
        library = Path(tmp) / "library"
        library.mkdir()
        _library(library, models)
        report = build_index(models, [library])
        result = {"files": FILES, "entries": len(report.index), "reused_from_cache": report.reused,
                  "index_seconds": round(report.seconds, 2), "k": K}
        queries, decode = [], []
        for _ in range(QUERIES):
            z = models.preset.prior_mean + models.preset.prior_std * rng.standard_normal(models.preset.latent_size)
            start = time.perf_counter()
            nearest(report.index, z, K)
            queries.append(time.perf_counter() - start)
        for _ in range(100):
            start = time.perf_counter()
            models.decoder.render(z[np.newaxis].astype(np.float32))
            decode.append(time.perf_counter() - start)
        result["query"], result["decoder"] = _stats_ms(queries), _stats_ms(decode)

        with _served(args, str(Path(tmp) / "renders"), ("--library", str(library))) as client:
            client.send("/library/rescan")
            deadline = time.monotonic() + 120.0
            while time.monotonic() < deadline:
                reply = client.recv(5.0)
                if reply is not None and reply[0] == "/library":
                    result["server_library"] = list(reply[1])
                    break
            result["osc_similar"] = _round_trips(client, 200, lambda i: client.send("/pad/similar", i % 16, K),
                                                 "/similar")
    result["query"]["p99_over_decoder_p99"] = result["query"]["p99_ms"] / result["decoder"]["p99_ms"]
    return result


def lines(result: dict) -> list:
    from server.tools.bench import _line

    if "skipped" in result:
        return [f"{'library query':<28} skipped: {result['skipped']}"]
    r = result
    return [
        _line(f"similar: nearest k={r['k']}", r["query"],
              f"{r['entries']} entries ({r['reused_from_cache']} files from the cache); "
              f"p99 = {r['query']['p99_over_decoder_p99']:.3f}x decoder p99"),
        _line("decoder alone (same run)", r["decoder"]),
        _line("/pad/similar -> /similar", r["osc_similar"],
              f"over UDP, server library {r.get('server_library')}; lost {r['osc_similar']['lost']}"),
    ]
