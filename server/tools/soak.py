"""`latentpad soak`: a performance load on a real server subprocess for minutes on end, to show
that nothing creeps: no errors, memory flat, latency at the end as at the start.

The load, over UDP from this process: 4 pads (0-3) moving on circles at 100 moves/s each, a new
`/pattern/xy` every bar and a `/pad/trigger` on pads 8-11 at every 16th, at 174 BPM (triggers go
to other pads than the moving ones, so each moving pad's `/sample` seq still says which move it
answers); a `/ping` every second. RSS is read from /proc/<pid>/status every `--rss-every`
seconds. Latencies are kept per window (`--window`, a minute by default) and the first window is
compared with the last complete one.

`--load install` soaks installation mode instead: it starts `latentpad install --no-audio` (the
installation drives its own pads and pattern) and only watches: a `/ping` every second, a
`/pad/render` of pad 15 every second as a render probe (a probe the installation's own move
supersedes gets no reply and is counted as lost, not timed), RSS, and ERROR lines in its log.

Pass (exit 0) needs: zero `/error` replies and zero render errors; the server alive; RSS at the
end within 5% of RSS at the end of the first window (the first window is warm-up: allocator
arenas and caches fill); every p99 in the last window within 20% of the first window's, or within
`P99_FLOOR_MS` of it (sub-millisecond p99s move more than 20% from scheduler noise alone).
"""

from __future__ import annotations

import contextlib
import json
import math
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from server.core.protocol import REQUESTS

BPM = 174.0
MOVE_HZ = 100.0
MOVING_PADS = (0, 1, 2, 3)
TRIGGER_PADS = (8, 9, 10, 11)
RSS_GROWTH_MAX = 0.05
P99_GROWTH_MAX = 0.20
P99_FLOOR_MS = 0.5
PROBE_PAD = 15
KINDS = ("render", "pattern", "ping")


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


@dataclass
class Window:
    latencies: dict = field(default_factory=lambda: {k: [] for k in KINDS})
    rss: list = field(default_factory=list)

    def summary(self) -> dict:
        out = {}
        for kind, values in self.latencies.items():
            ms = np.asarray(values) * 1000.0
            out[kind] = {"n": len(ms), "p50_ms": float(np.percentile(ms, 50)) if len(ms) else math.nan,
                         "p99_ms": float(np.percentile(ms, 99)) if len(ms) else math.nan}
        out["rss_mb"] = self.rss[-1] / 2**20 if self.rss else math.nan
        return out


class Load:
    """The performance load's schedule and bookkeeping; `run` drives it against a server."""

    def __init__(self, client, pid: int, seconds: float, window_s: float, rss_every_s: float,
                 patterns: bool, install: bool = False):
        self.client, self.pid, self.seconds, self.window_s = client, pid, seconds, window_s
        self.rss_every_s, self.patterns, self.install = rss_every_s, patterns, install
        self.probe_sent = None
        self.start = 0.0  # perf_counter at the start of `run`
        self.triggers = "/pad/trigger" in REQUESTS
        self.windows: list = [Window()]
        self.sent = {pad: 0 for pad in MOVING_PADS}
        self.in_flight = {pad: {} for pad in MOVING_PADS}  # seq -> send time
        self.pattern_sent = None
        self.ping_sent: dict = {}
        self.errors: list = []
        self.counts = {"moves": 0, "renders": 0, "patterns": 0, "triggers": 0, "pings": 0, "probes": 0,
                       "probes_lost": 0}

    def _window(self, now: float) -> Window:
        while len(self.windows) <= int(now // self.window_s):
            self.windows.append(Window())
        return self.windows[int(now // self.window_s)]

    def _move(self, k: int) -> None:
        angle = 2 * math.pi * k / (MOVE_HZ * 3.0)  # one circle every 3 s
        for pad in MOVING_PADS:
            self.sent[pad] += 1
            self.in_flight[pad][self.sent[pad]] = time.perf_counter()
            self.client.send("/pad/xy", pad, 0.5 + 0.4 * math.cos(angle + pad), 0.5 + 0.4 * math.sin(angle + pad))
        self.counts["moves"] += len(MOVING_PADS)

    def _bar(self, bar: int) -> None:
        if self.patterns:
            self.pattern_sent = time.perf_counter()
            self.client.send("/pattern/xy", (bar * 0.37) % 1.0, (bar * 0.61) % 1.0)
            self.counts["patterns"] += 1

    def _sixteenth(self, n: int) -> None:
        if self.triggers:
            self.client.send("/pad/trigger", TRIGGER_PADS[n % len(TRIGGER_PADS)], 0.5 + 0.5 * (n % 4 == 0))
            self.counts["triggers"] += 1

    def _ping(self, n: int) -> None:
        self.ping_sent[n] = time.perf_counter()
        self.client.send("/ping", n)
        self.counts["pings"] += 1

    def _probe(self, n: int) -> None:
        self.counts["probes_lost"] += self.probe_sent is not None
        self.probe_sent = time.perf_counter()
        self.client.send("/pad/render", PROBE_PAD)
        self.counts["probes"] += 1

    def _reply(self, reply: tuple, now: float, arrived: float) -> None:
        address, args = reply
        window = self._window(now)
        if address == "/sample" and self.install and args[0] == PROBE_PAD and self.probe_sent is not None:
            window.latencies["render"].append(arrived - self.probe_sent)
            self.counts["renders"] += 1
            self.probe_sent = None
        elif address == "/sample" and args[0] in self.in_flight:
            pad, seq = args[0], args[2]
            pending = self.in_flight[pad]
            if seq in pending:
                window.latencies["render"].append(arrived - pending[seq])
                self.counts["renders"] += 1
            for old in [s for s in pending if s <= seq]:  # superseded moves get no reply
                del pending[old]
        elif address == "/pattern/row" and args[0] == 0 and self.pattern_sent is not None:
            window.latencies["pattern"].append(arrived - self.pattern_sent)
            self.pattern_sent = None
        elif address == "/pong" and args[0] in self.ping_sent:
            window.latencies["ping"].append(arrived - self.ping_sent.pop(args[0]))
        elif address == "/error":
            self.errors.append(args)

    def run(self) -> None:
        beat = 60.0 / BPM
        if self.install:  # the installation plays itself: only watch
            periods = {self._probe: 1.0, self._ping: 1.0, self._rss: self.rss_every_s}
        else:
            periods = {self._move: 1.0 / MOVE_HZ, self._sixteenth: beat / 4, self._bar: beat * 4,
                       self._ping: 1.0, self._rss: self.rss_every_s}
        due = {task: 0.0 for task in periods}
        ticks = {task: 0 for task in periods}
        start = self.start = time.perf_counter()
        while True:
            now = time.perf_counter() - start
            if now >= self.seconds:
                break
            for task, period in periods.items():
                if now >= due[task]:
                    task(ticks[task])
                    ticks[task] += 1
                    due[task] += period
                    if due[task] < now - 1.0:  # fell far behind (a stalled machine): skip, not burst
                        due[task] = now + period
            reply = self.client.recv(max(0.0, min(due.values()) - (time.perf_counter() - start)))
            if reply is not None:
                arrived = time.perf_counter()
                self._reply(reply, arrived - start, arrived)
        drain_until = time.perf_counter() + 1.0
        while time.perf_counter() < drain_until:  # late replies belong to the last window
            reply = self.client.recv(0.05)
            if reply is not None:
                self._reply(reply, min(time.perf_counter() - start, self.seconds - 1e-6), time.perf_counter())

    def _rss(self, n: int) -> None:
        now = time.perf_counter() - self.start
        self._window(now).rss.append(rss_bytes(self.pid))


def verdict(result: dict) -> list:
    """The soak's failures as readable lines (empty: it passed)."""
    failures = []
    if result["errors"]:
        failures.append(f"{result['errors']} /error replies (first: {result['first_errors'][:3]})")
    if result["render_errors"]:
        failures.append(f"{result['render_errors']} render errors in /stats")
    if not result["alive"]:
        failures.append("the server died")
    growth = result["rss_growth"]
    if not growth < RSS_GROWTH_MAX:
        failures.append(f"RSS grew {100 * growth:.1f}% (limit {100 * RSS_GROWTH_MAX:.0f}%)")
    first, last = result["windows"][0], result["windows"][-1]
    # latency drift is the performance soak's rule (issue 8); an installation is judged on errors
    # and memory (issue 6), its probes' latencies are reported, not judged
    for kind in KINDS if result.get("load") != "install" else ():
        a, b = first[kind]["p99_ms"], last[kind]["p99_ms"]
        if math.isnan(a) and math.isnan(b):
            continue
        if not (b <= a * (1 + P99_GROWTH_MAX) or b - a <= P99_FLOOR_MS):
            failures.append(f"{kind} p99 {a:.2f} ms in the first window, {b:.2f} ms in the last "
                            f"(limit +{100 * P99_GROWTH_MAX:.0f}% or +{P99_FLOOR_MS} ms)")
    if len(result["windows"]) < 2:
        failures.append("fewer than two windows: run longer than --window")
    return failures


def _start_install(args, folder: Path):
    """`latentpad install` on a free port, its state and log in `folder`; with no audio device
    (`--no-audio`) unless `--jack-audio` (then it plays to the JACK dummy server `measure` started)."""
    import re
    import select
    import subprocess
    import sys

    log_file = folder / "install.log"
    audio = [] if getattr(args, "jack_audio", False) else ["--no-audio"]
    command = [sys.executable, "-m", "server", "install", *audio, "--port", "0",
               "--minutes", f"{args.seconds / 60.0 + 1.0:.3f}", "--render-dir", str(folder / "renders"),
               "--state", str(folder / "state.json"), "--log-file", str(log_file),
               "--presets-dir", str(args.presets_dir), "--preset", args.preset, "--device", args.device,
               "--threads", str(args.threads)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready, _, _ = select.select([proc.stdout], [], [], 60.0)
    match = re.search(r"latentpad ready: osc udp ([^:]+):(\d+), .*provider (\S+),",
                      proc.stdout.readline() if ready else "")
    if not match:
        proc.kill()
        raise SystemExit(f"latentpad soak: `latentpad install` did not start; see {log_file}")
    return proc, int(match.group(2)), match.group(3), log_file


def _voices_started(log_file):
    """The installation's own count of voices played, from its last status line (None: none yet)."""
    import re

    if log_file is None or not Path(log_file).exists():
        return None
    counts = re.findall(r"voices started (\d+)", Path(log_file).read_text())
    return int(counts[-1]) if counts else None


def _log_errors(log_file) -> int:
    if log_file is None or not Path(log_file).exists():
        return 0
    return sum(" ERROR " in line or " CRITICAL " in line for line in Path(log_file).read_text().splitlines())


def measure(args, models) -> dict:
    from server.tools.bench import _Client, _start_server

    args.presets_dir = Path(args.presets_dir).resolve()
    install = args.load == "install"
    with tempfile.TemporaryDirectory(prefix="latentpad-soak-") as folder, contextlib.ExitStack() as stack:
        if install and getattr(args, "jack_audio", False):
            from server.io.jackd import DummyJack
            stack.enter_context(DummyJack(48000, 128, prefix="latentpad-soak"))
        log_file = None
        if install:
            proc, port, provider, log_file = _start_install(args, Path(folder))
        else:
            proc, port, provider, _ = _start_server(args, folder)
        try:
            client = _Client(port)
            client.send("/hello", client.port)
            client.recv(5.0)
            load = Load(client, proc.pid, args.seconds, args.window, args.rss_every,
                        models.groove is not None, install)
            load.run()
            client.send("/stats")
            stats = client.recv(5.0)
            alive = proc.poll() is None
        finally:
            proc.terminate()
            proc.wait(10)
        log_errors = _log_errors(log_file)
        voices = _voices_started(log_file)
    complete = int(args.seconds // args.window)
    windows = [w.summary() for w in load.windows[:complete]] or [load.windows[0].summary()]
    rss = [w.rss for w in load.windows[:complete] if w.rss]
    baseline, end = (rss[0][-1], rss[-1][-1]) if rss else (math.nan, math.nan)
    return {"load": args.load, "jack_audio": bool(getattr(args, "jack_audio", False)), "voices_started": voices,
            "seconds": args.seconds, "window_s": args.window, "preset": models.preset.name,
            "provider": provider, "bpm": BPM, "move_hz": MOVE_HZ, "pads": len(MOVING_PADS),
            "counts": load.counts, "errors": len(load.errors) + log_errors, "log_errors": log_errors,
            "first_errors": load.errors[:5],
            "render_errors": stats[1][3] if stats and stats[0] == "/stats" else -1,
            "alive": alive, "rss_baseline_mb": baseline / 2**20, "rss_end_mb": end / 2**20,
            "rss_growth": (end - baseline) / baseline, "windows": windows}


def lines(result: dict) -> list:
    c = result["counts"]
    if result["load"] == "install":
        out = [f"latentpad soak --load install: {result['seconds']:g} s, preset {result['preset']} "
               f"({result['provider']}); the installation plays itself "
               f"({'to a JACK dummy audio device' if result.get('jack_audio') else 'no audio device'}; "
               f"voices started: {result.get('voices_started')})",
               f"  {c['probes']} render probes on pad {PROBE_PAD} ({c['probes_lost']} superseded by the "
               f"installation), {c['pings']} pings; {result['errors']} errors ({result['log_errors']} ERROR "
               f"lines in its log); render errors {result['render_errors']}"]
    else:
        out = [f"latentpad soak: {result['seconds']:g} s, preset {result['preset']} ({result['provider']}); "
               f"{result['pads']} pads x {result['move_hz']:g} moves/s, /pattern/xy every bar and "
               f"/pad/trigger every 16th at {result['bpm']:g} BPM",
               f"  sent {c['moves']} moves, {c['patterns']} patterns, {c['triggers']} triggers, {c['pings']} pings; "
               f"{c['renders']} renders answered; {result['errors']} /error; render errors {result['render_errors']}"]
    out.append(f"  {'window':>6} {'render p50':>10} {'render p99':>10} {'pattern p99':>12} {'ping p99':>9} {'RSS MB':>8}")
    for i, w in enumerate(result["windows"]):
        out.append(f"  {i:>6} {w['render']['p50_ms']:10.2f} {w['render']['p99_ms']:10.2f} "
                   f"{w['pattern']['p99_ms']:12.2f} {w['ping']['p99_ms']:9.3f} {w['rss_mb']:8.1f}")
    out.append(f"  RSS {result['rss_baseline_mb']:.1f} MB after the first window -> {result['rss_end_mb']:.1f} MB "
               f"at the end ({100 * result['rss_growth']:+.2f}%)")
    return out


# --- `latentpad soak` ---------------------------------------------------------------------------
def soak_args(p, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("--minutes", type=float, default=30.0, help="how long to run the load")
    p.add_argument("--seconds", type=float, default=None, help="or give the length in seconds")
    p.add_argument("--window", type=float, default=60.0, help="seconds per latency window (first vs last)")
    p.add_argument("--rss-every", type=float, default=5.0, help="seconds between RSS samples")
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    p.add_argument("--load", choices=("perform", "install"), default="perform",
                   help="perform: drive a server with the performance load; install: watch `latentpad install`")
    p.add_argument("--jack-audio", action="store_true",
                   help="--load install: play to a JACK dummy device (48 kHz, 128 frames) started for the "
                        "soak, instead of --no-audio (needs Debian jackd2)")


def soak(args, models) -> int:
    args.seconds = args.seconds if args.seconds is not None else args.minutes * 60.0
    result = measure(args, models)
    result["failures"] = verdict(result)
    for line in lines(result):
        print(line)
    for failure in result["failures"]:
        print(f"  FAIL {failure}")
    print("latentpad soak: " + ("ok" if not result["failures"] else "FAILED"))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str))
    return 0 if not result["failures"] else 1
