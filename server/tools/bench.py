"""`latentpad bench`: latency of a real server subprocess, seen from a UDP client.

1. `/ping` round trip, sequential.
2. `/pad/xy` -> `/sample` under a stream of moves (default 200/s per pad) on one pad, then on
   four pads at once. Latency runs from the send of the move a render answered (the reply's
   `seq`) to the arrival of its `/sample`; superseded moves get no reply (latest wins).
3. A reference measured in the same run, in-process: the raw decoder call (batch 1).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import math
import os
import platform
import re
import select
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

READY = re.compile(r"latentpad ready: osc udp ([^:]+):(\d+), .*provider (\S+),")

# Further sections, each a module with `measure(args) -> dict` (run after the core sections, in
# this order, with the server stopped) and `lines(result) -> list[str]` (the printed report).
# Its result lands in the JSON under its key.
SECTIONS = (
    ("peers", "server.tools.bench_peers"),
    ("growth", "server.tools.bench_growth"),
    ("prior", "server.tools.bench_prior"),
    ("library", "server.tools.bench_library"),
    ("audio", "server.tools.bench_audio"),
    ("pattern", "server.tools.bench_pattern"),
    ("midi", "server.tools.bench_midi"),
    ("gpu", "server.tools.bench_gpu"),
    ("melody", "server.tools.bench_melody"),
    ("encode", "server.tools.bench_encode"),
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _stats_ms(seconds: list) -> dict:
    if not seconds:
        return {"n": 0, "p50_ms": math.nan, "p99_ms": math.nan, "max_ms": math.nan}
    ms = np.asarray(seconds) * 1000.0
    return {"n": len(ms), "p50_ms": float(np.percentile(ms, 50)),
            "p99_ms": float(np.percentile(ms, 99)), "max_ms": float(ms.max())}


class _Client:
    def __init__(self, port: int):
        self.server = ("127.0.0.1", port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]

    def send(self, address: str, *args) -> None:
        builder = OscMessageBuilder(address)
        for arg in args:
            builder.add_arg(arg)
        self.sock.sendto(builder.build().dgram, self.server)

    def recv_datagram(self, timeout: float):
        ready, _, _ = select.select([self.sock], [], [], max(timeout, 0.0))
        return self.sock.recvfrom(65536)[0] if ready else None

    def recv(self, timeout: float):
        data = self.recv_datagram(timeout)
        if data is None:
            return None
        message = OscMessage(data)
        return message.address, tuple(message.params)


def _start_server(args, render_dir: str, extra: tuple = ()):
    command = [sys.executable, "-m", "server", "serve", "--port", "0", "--preset", args.preset,
               "--presets-dir", str(args.presets_dir), "--render-dir", render_dir,
               "--device", args.device, "--threads", str(args.threads), *extra]
    err = tempfile.TemporaryFile()
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True)
    ready, _, _ = select.select([proc.stdout], [], [], 30.0)
    line = proc.stdout.readline() if ready else ""
    match = READY.search(line)
    if not match:
        proc.kill()
        err.seek(0)
        raise SystemExit(f"latentpad bench: server did not start:\n{err.read().decode()}")
    return proc, int(match.group(2)), match.group(3), time.perf_counter() - started


@contextlib.contextmanager
def _served(args, render_dir: str, extra: tuple = ()):
    """A bench section's server (`_start_server`) and a client that has said /hello to it; the
    server is stopped on the way out, whatever happened inside."""
    proc, port, _, _ = _start_server(args, render_dir, extra)
    try:
        client = _Client(port)
        client.send("/hello", client.port)
        client.recv(5.0)
        yield client
    finally:
        proc.terminate()
        proc.wait(10)


def _round_trips(client: _Client, count: int, send, want: str, timeout_s: float = 2.0) -> dict:
    """`send(i)`, then wait for the `want` reply (or an /error), one request at a time; p50/p99
    of the answered ones and how many got no `want` (none for `timeout_s` counts as lost)."""
    times, lost = [], 0
    for i in range(count):
        start = time.perf_counter()
        send(i)
        while True:
            reply = client.recv(timeout_s)
            if reply is None or reply[0] in (want, "/error"):
                break
        if reply is None or reply[0] != want:
            lost += 1
            continue
        times.append(time.perf_counter() - start)
    return _stats_ms(times) | {"lost": lost}


def _pings(client: _Client, count: int) -> dict:
    times = []
    for seq in range(count):
        start = time.perf_counter()
        client.send("/ping", seq)
        while True:
            reply = client.recv(2.0)
            if reply is None or reply == ("/pong", (seq,)):
                break
        if reply is not None:
            times.append(time.perf_counter() - start)
    return _stats_ms(times) | {"lost": count - len(times)}


def _flood(client: _Client, pads: list, rate: float, seconds: float, sent: dict) -> dict:
    """Moves at `rate` per pad for `seconds`; `sent[pad]` = requests sent so far (= server seq)."""
    send_times: dict = {}
    answered: dict = {}
    latencies, renders, requests = [], 0, 0
    start = time.perf_counter()
    tick, k = 1.0 / rate, 0
    deadline = start + seconds
    last_seq = {}
    while True:
        now = time.perf_counter()
        if now < deadline and now >= start + k * tick:
            angle = 2 * math.pi * k / (rate * 1.5)
            for pad in pads:
                sent[pad] += 1
                send_times[(pad, sent[pad])] = time.perf_counter()
                client.send("/pad/xy", pad, 0.5 + 0.4 * math.cos(angle + pad), 0.5 + 0.4 * math.sin(angle))
                requests += 1
                last_seq[pad] = sent[pad]
            k += 1
            continue
        done = all(answered.get(p) == last_seq.get(p) for p in pads)
        if now >= deadline and (done or now > deadline + 5.0):
            break
        wait = (start + k * tick - now) if now < deadline else 0.05
        reply = client.recv(wait)
        if reply and reply[0] == "/sample":
            pad, _, seq = reply[1]
            arrived = time.perf_counter()
            if (pad, seq) in send_times:
                latencies.append(arrived - send_times[(pad, seq)])
                answered[pad] = seq
                renders += 1
    return _stats_ms(latencies) | {"pads": len(pads), "rate_per_pad": rate, "seconds": seconds,
                                   "requests": requests, "renders": renders}


def _decoder_reference(args, runs: int = 300) -> dict:
    """The decoder alone, in-process: batch 1 (the reference for reply latency) and batch 4 (what
    four moving pads cost the worker per round, which bounds how many renders a second it does)."""
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    rng = np.random.default_rng(0)

    def timed(batch: int) -> list:
        z = rng.standard_normal((runs, batch, models.preset.latent_size)).astype(np.float32)
        times = []
        for i in range(runs):
            start = time.perf_counter()
            models.decoder.render(z[i])
            times.append(time.perf_counter() - start)
        return times

    times, batch4 = timed(1), _stats_ms(timed(4))
    return _stats_ms(times) | {"batch4": batch4, "provider": models.provider,
                               "length_samples": models.preset.length_samples,
                               "sample_rate_hz": models.preset.sample_rate_hz}


def _line(label: str, s: dict, extra: str = "") -> str:
    return f"{label:<28} n={s['n']:<5} p50 {s['p50_ms']:7.3f} ms  p99 {s['p99_ms']:7.3f} ms  {extra}"


def _core(args, results: dict) -> None:
    """The core sections: pings and /pad/xy floods through a server, then the decoder alone."""
    with tempfile.TemporaryDirectory(prefix="latentpad-bench-") as render_dir:
        proc, port, provider, startup_s = _start_server(args, render_dir)
        results["startup_s"] = round(startup_s, 3)
        try:
            client = _Client(port)
            client.send("/hello", client.port)
            client.recv(5.0)
            sent = {pad: 0 for pad in range(4)}
            results["ping"] = _pings(client, args.pings)
            results["xy_1pad"] = _flood(client, [0], args.rate, args.seconds, sent)
            results["xy_4pads"] = _flood(client, [0, 1, 2, 3], args.rate, args.seconds, sent)
            client.send("/hello", client.port, 48000)  # Live's usual rate: renders are resampled
            client.recv(5.0)
            results["xy_1pad_48k"] = _flood(client, [0], args.rate, args.seconds, sent)
        finally:
            proc.terminate()
            proc.wait(10)
    results["machine"]["provider"] = provider
    ref = results["decoder"] = _decoder_reference(args)
    for key in ("xy_1pad", "xy_4pads", "xy_1pad_48k"):
        results[key]["p99_over_decoder_p99"] = results[key]["p99_ms"] / ref["p99_ms"]
    m = results["machine"]
    print(f"latentpad bench: {m['cpu']}, {m['cores']} cores, onnxruntime {m['onnxruntime']}, "
          f"provider {provider}, preset {args.preset} ({ref['length_samples']} samples @ "
          f"{ref['sample_rate_hz']} Hz), {args.threads} intra-op threads")
    print(f"{'start to ready':<28} {results['startup_s']:.2f} s (process start, models loaded and warm)")
    print(_line("ping round trip", results["ping"], f"lost {results['ping']['lost']}"))
    for key, label in (("xy_1pad", "xy -> /sample, 1 pad"), ("xy_4pads", "xy -> /sample, 4 pads"),
                       ("xy_1pad_48k", "xy -> /sample, 1 pad, 48 kHz")):
        r = results[key]
        print(_line(label, r, f"{r['rate_per_pad']:.0f} moves/s/pad x {r['seconds']:g} s: "
                              f"renders {r['renders']} / requests {r['requests']}, "
                              f"p99 = {r['p99_over_decoder_p99']:.1f}x decoder p99"))
    print(_line("decoder in-process, batch 1", ref, f"({ref['provider']})"))
    print(_line("decoder in-process, batch 4", ref["batch4"],
                f"= {4000 / ref['batch4']['p50_ms']:.0f} renders/s at p50"))


def run(args) -> int:
    import onnxruntime as ort

    args.presets_dir = args.presets_dir.resolve()
    only = tuple(getattr(args, "only", None) or ())
    unknown = sorted(set(only) - {key for key, _ in SECTIONS})
    if unknown:
        raise SystemExit(f"latentpad bench --only: no section {', '.join(unknown)} "
                         f"(sections: {', '.join(key for key, _ in SECTIONS)})")
    results = {"machine": {"cpu": _cpu_model(), "cores": os.cpu_count(),
                           "onnxruntime": ort.__version__, "python": platform.python_version()}}
    if only:  # just these sections: no core figures, so say what machine they ran on
        m = results["machine"]
        print(f"latentpad bench --only {' '.join(only)}: {m['cpu']}, {m['cores']} cores, onnxruntime "
              f"{m['onnxruntime']}, preset {args.preset}, {args.threads} intra-op threads")
    else:
        _core(args, results)
    for key, module in SECTIONS:
        if (key not in only) if only else key in (getattr(args, "skip", None) or ()):
            continue
        section = importlib.import_module(module)
        results[key] = section.measure(args)
        for text in section.lines(results[key]):
            print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0
