"""`latentpad bench` section: trigger-to-sound latency of the voice engine through JACK's dummy driver.

It starts its own uniquely named `jackd -d dummy` (48 kHz, 128-frame blocks), runs the App
in-process on an event-loop thread with audio attached (`serve --audio`'s wiring), and sends real
`/pad/trigger` datagrams over UDP 127.0.0.1 at irregular intervals, so arrivals fall anywhere in a
block. Latency per voice, as `server.io.audio` records it: from the message's arrival (the
perf_counter the App read when the datagram was handled) to the start of the callback that mixes
the voice's first sample (voices start at frame 0 of that block). Target: p99 <= one block + 1 ms.

References measured in the same run: the same triggers made in-process (`VoiceEngine.trigger`,
no OSC), and the callback period the device actually kept (its jitter bounds the latency).
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time

import numpy as np

from server.io import jackd
from server.io.jackd import DummyJack

TRIGGERS = 400
RATE, BLOCK = 48000, 128


def _stats(seconds) -> dict:
    ms = np.asarray(seconds, np.float64) * 1000.0
    if not ms.size:
        return {"n": 0, "p50_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    return {"n": int(ms.size), "p50_ms": float(np.percentile(ms, 50)), "p99_ms": float(np.percentile(ms, 99)),
            "max_ms": float(ms.max())}


def _fire(engine, send, count: int, rng) -> dict:
    """`count` triggers of pad 0 via `send()`, 4-12 ms apart; the latencies of the voices they started."""
    first = engine.started
    for _ in range(count):
        send()
        time.sleep(rng.uniform(0.004, 0.012))
    deadline = time.monotonic() + 5.0
    while engine.started < first + count and time.monotonic() < deadline:
        time.sleep(0.01)
    lat = engine.latencies()
    rows = slice(len(lat["arrived"]) - (engine.started - first), None)
    return {"block": _stats(lat["block"][rows] - lat["arrived"][rows]),
            "dac": _stats(lat["dac"][rows] - lat["arrived"][rows])}


async def _on_loop(fn, *args):
    return fn(*args)


def _run(args, render_dir: str) -> dict:
    import socket

    from pythonosc.osc_message_builder import OscMessageBuilder

    from server.app import App
    from server.core.config import Settings
    from server.io.audio import AudioOut, AudioSettings, VoiceEngine, attach, default_choke_groups
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    settings = Settings(port=0, presets_dir=args.presets_dir, preset=args.preset, render_dir=render_dir,
                        device=args.device, intra_op_threads=args.threads)
    models = load_models(load_preset(settings.presets_dir, settings.preset), settings.device,
                         settings.intra_op_threads)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="bench-audio-loop", daemon=True)
    thread.start()
    app = App(settings, models, loop)
    out = AudioOut(VoiceEngine(AudioSettings(sample_rate_hz=RATE, blocksize=BLOCK),
                               default_choke_groups(models.preset.drum_map)))
    try:
        host, port = asyncio.run_coroutine_threadsafe(app.start(), loop).result(30)
        asyncio.run_coroutine_threadsafe(_on_loop(attach, app, out), loop).result(30)
        engine = out.engine
        deadline = time.monotonic() + 30.0
        while engine.slots(0) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        builder = OscMessageBuilder("/pad/trigger")
        builder.add_arg(0)
        builder.add_arg(1.0, "f")
        datagram = builder.build().dgram
        rng = np.random.default_rng(0)
        osc = _fire(engine, lambda: sock.sendto(datagram, (host, port)), TRIGGERS, rng)
        direct = _fire(engine, lambda: engine.trigger(0, 1.0), TRIGGERS, rng)
        sock.close()
        return {"device": out.description, "osc": osc, "direct": direct, "xruns": engine.counts["xruns"],
                "callback_period": _stats(engine.callback_periods())}
    finally:
        out.close()
        loop.call_soon_threadsafe(app.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        import sounddevice as sd

        while sd._initialized:  # let go of the JACK server before it stops
            sd._terminate()


def measure(args) -> dict:
    if not jackd.available():
        return {"skipped": "jackd (Debian jackd2) is not installed: no JACK dummy device to measure on"}
    block_ms = 1000.0 * BLOCK / RATE
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-audio-") as render_dir, DummyJack(RATE, BLOCK, prefix="latentpad-bench-audio"):
        result = _run(args, render_dir)
    result.update(block_ms=block_ms, target_ms=block_ms + 1.0, sample_rate_hz=RATE, blocksize=BLOCK)
    result["meets_target"] = result["osc"]["block"]["p99_ms"] <= result["target_ms"]
    return result


def lines(result: dict) -> list:
    if "skipped" in result:
        return [f"{'trigger -> sound':<28} skipped: {result['skipped']}"]

    def row(label, s, extra=""):
        return f"{label:<28} n={s['n']:<5} p50 {s['p50_ms']:7.3f} ms  p99 {s['p99_ms']:7.3f} ms  {extra}"

    verdict = "meets" if result["meets_target"] else "MISSES"
    return [
        f"audio out: {result['device']} (JACK dummy driver, its own jackd), xruns {result['xruns']}",
        row("trigger -> block, OSC", result["osc"]["block"],
            f"max {result['osc']['block']['max_ms']:.3f} ms; {verdict} p99 <= one block + 1 ms "
            f"= {result['target_ms']:.2f} ms"),
        row("trigger -> block, direct", result["direct"]["block"], "(in-process trigger, no OSC: reference)"),
        row("trigger -> DAC time, OSC", result["osc"]["dac"], "(adds the device's output buffering)"),
        row("callback period", result["callback_period"], f"(nominal {result['block_ms']:.3f} ms; the "
            "newest 8192 callbacks)"),
    ]
