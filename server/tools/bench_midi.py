"""`latentpad bench` section "midi": a note's way from a controller's MIDI port to `App.trigger`.

It starts its own uniquely named `jackd -d dummy` (48 kHz, 32-frame periods: 0.67 ms), runs the
App in-process with `--midi-in virtual` on an event-loop thread, and plays notes into
`latentpad in` from a JACK MIDI output in this process, 4-12 ms apart, so sends fall anywhere
in a period. Per note, on one clock (time.perf_counter):

- server: the MIDI callback's receipt (`arrived`) -> `App.trigger` on the event loop: decode,
  map, the bounded note queue and the hop to the loop. This is what the server adds.
- reference, same run: send -> receipt. JACK delivers MIDI at period boundaries, so this is
  transport the server cannot shorten (up to one period plus scheduling).
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time

import numpy as np

from server.io import jackd
from server.io.jackd import DummyJack

MAX_NOTES = 16 * 127  # pad and velocity name the note
NOTES_PER_S = 100  # --seconds 3: 300 notes
RATE, PERIOD = 48000, 32


class _Voices:
    """Records when App.trigger hands a note on (the voice engine's place)."""

    def __init__(self):
        self.seen = []

    def trigger(self, pad: int, velocity: float, arrived: float) -> None:
        self.seen.append((pad, round(velocity * 127), arrived, time.perf_counter()))

    def load(self, pad: int, audio, sample_rate_hz: int) -> None:
        pass


def _stats(seconds) -> dict:
    ms = np.asarray(seconds, np.float64) * 1000.0
    if not ms.size:
        return {"n": 0, "p50_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    return {"n": int(ms.size), "p50_ms": float(np.percentile(ms, 50)),
            "p99_ms": float(np.percentile(ms, 99)), "max_ms": float(ms.max())}


def _on_loop(loop, fn, *args):
    async def call():
        return fn(*args)
    return asyncio.run_coroutine_threadsafe(call(), loop).result(30)


def _play(app, count: int) -> list:
    """`count` notes into `latentpad in`, note i on pad i % 16 with velocity 1 + i // 16 (which
    tells them apart: JACK's dummy driver may lose one); the send times."""
    import rtmidi

    out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="latentpad-bench-controller")
    out.open_port(next(i for i, n in enumerate(out.get_ports()) if "latentpad in" in n))
    rng = np.random.default_rng(0)
    sent = []
    try:
        for i in range(count):
            sent.append(time.perf_counter())
            out.send_message([0x90, 36 + i % 16, 1 + i // 16])
            time.sleep(rng.uniform(0.004, 0.012))
        deadline = time.monotonic() + 5.0
        while len(app.voices.seen) < count and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        out.delete()
    return sent


def measure(args) -> dict:
    if not jackd.available():
        return {"skipped": "jackd (Debian jackd2) is not installed"}
    from server.app import App
    from server.core.config import Settings
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    with DummyJack(RATE, PERIOD, prefix="latentpad-bench-midi"), tempfile.TemporaryDirectory(prefix="latentpad-bench-midi-") as render_dir:
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        settings = Settings(port=0, presets_dir=args.presets_dir, preset=args.preset, render_dir=render_dir,
                            device=args.device, intra_op_threads=args.threads, midi_in="virtual")
        app = _on_loop(loop, App, settings, models, loop)
        app.voices = _Voices()
        try:
            asyncio.run_coroutine_threadsafe(app.start(), loop).result(30)
            sent = _play(app, max(20, min(MAX_NOTES, int(args.seconds * NOTES_PER_S))))
            seen = list(app.voices.seen)
            router = dict(app.midi.router.counters)
        finally:
            _on_loop(loop, app.close)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            loop.close()
    sent_at = {(i % 16, 1 + i // 16): t for i, t in enumerate(sent)}
    return {"period_ms": 1000.0 * PERIOD / RATE, "notes": len(sent), "triggered": len(seen),
            "server": _stats([t - a for _, _, a, t in seen]),
            "jack": _stats([a - sent_at[(pad, v)] for pad, v, a, _ in seen]),
            "dropped": router["dropped"]}


def lines(result: dict) -> list:
    if "skipped" in result:
        return [f"{'midi note -> trigger':<28} skipped: {result['skipped']}"]
    s, j = result["server"], result["jack"]
    return [
        f"{'midi note -> App.trigger':<28} p50 {s['p50_ms']:.3f} ms, p99 {s['p99_ms']:.3f} ms, max "
        f"{s['max_ms']:.3f} ms (receipt to trigger; {result['triggered']}/{result['notes']} notes, "
        f"dropped {result['dropped']})",
        f"{'  reference: JACK transport':<28} p50 {j['p50_ms']:.3f} ms, p99 {j['p99_ms']:.3f} ms "
        f"(send to receipt, {result['period_ms']:.2f} ms periods, jackd -d dummy)",
    ]
