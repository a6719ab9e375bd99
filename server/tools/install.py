"""`latentpad install`: an evolving piece with no Live, meant to run for days.

Slow random walks plus LFOs move the 16 pads' XY points and the pattern's XY (`Drift`, pure
state); the groove pattern plays on the server's own clock (`server.io.clock.InternalClock`)
through the pads' newest renders (`server.io.audio`). It is the normal App too: OSC on the
settings' port answers `/stats`, `/ping` and every other address.

Kept alive by a `Watchdog` thread that restarts a dead audio stream, a stopped clock or a failed
conductor; logs go to a size-rotated file; the drift's state is saved atomically every
`state.save_every_s` (and at exit), and a restart after a crash or power cut resumes from it.
Settings come from one JSON file (presets/install.json, described in docs/standalone.md).
"""

from __future__ import annotations

import asyncio
import json
import logging
import logging.handlers
import math
import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from server.core.config import PACKAGE_ROOT
from server.core.errors import ConfigError
from server.core.protocol import NPADS

log = logging.getLogger("server.install")

DEFAULT_SETTINGS = PACKAGE_ROOT / "presets" / "install.json"
POINTS = NPADS + 1  # the 16 pads, then the pattern
TICK_S = 0.25  # conductor tick
STATE_SCHEMA = 1

# section -> key -> (kind, low, high); kind "num", "int", "str", "str?" (string or null), "int?"
SCHEMA = {
    "": {"about": ("str", None, None), "preset": ("str", None, None), "seed": ("int?", 0, 2**63 - 1),
         "bpm": ("num", 20.0, 400.0), "watchdog_every_s": ("num", 0.05, 60.0)},
    "pads": {"walk_per_s": ("num", 0.0, 1.0), "lfo_depth": ("num", 0.0, 0.5), "lfo_period_s": ("num", 1.0, 1e6),
             "move_every_s": ("num", 0.05, 3600.0), "pads_per_move": ("int", 1, NPADS)},
    "pattern": {"walk_per_s": ("num", 0.0, 1.0), "lfo_depth": ("num", 0.0, 0.5), "lfo_period_s": ("num", 1.0, 1e6),
                "change_every_bars": ("int", 1, 1024), "temperature": ("num", 0.0, 2.0),
                "density": ("num", 0.0, 1.0)},
    "audio": {"device": ("str?", None, None), "sample_rate_hz": ("int", 8000, 192000),
              "blocksize": ("int", 16, 8192), "voices": ("int", 16, 256), "gain": ("num", 0.0, 4.0)},
    "osc": {"host": ("str", None, None), "port": ("int", 0, 65535)},
    "state": {"file": ("str", None, None), "save_every_s": ("num", 0.05, 86400.0)},
    "log": {"file": ("str", None, None), "max_bytes": ("int", 1000, 10**10), "backups": ("int", 1, 100)},
}


def _checked(where: str, value, kind: str, low, high):
    if value is None and kind.endswith("?"):
        return None
    if kind.startswith("str"):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: must be a non-empty string, got {value!r}")
        return value
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or (kind.startswith("int") and not isinstance(value, int)) or not low <= value <= high:
        raise ConfigError(f"{where}: must be {'an integer' if kind.startswith('int') else 'a number'} in "
                          f"{low}..{high}, got {value!r}")
    return value


def load_settings(path) -> dict:
    """The settings file as {section: {key: value}} (top-level keys under ""), every key present
    and checked; ConfigError naming the file and key otherwise."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read installation settings {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: must be a JSON object")
    out = {}
    for section, keys in SCHEMA.items():
        block = data if section == "" else data.get(section)
        if not isinstance(block, dict):
            raise ConfigError(f"{path.name}: {section}: missing or not an object")
        known = set(keys) | (set(SCHEMA) - {""} if section == "" else set())
        for key in block:
            if key not in known:
                raise ConfigError(f"{path.name}: {section + '.' if section else ''}{key}: unknown key "
                                  f"(known: {', '.join(sorted(known))})")
        out[section] = {}
        for key, (kind, low, high) in keys.items():
            where = f"{path.name}: {section + '.' if section else ''}{key}"
            if key not in block and key != "about":
                raise ConfigError(f"{where}: missing")
            out[section][key] = _checked(where, block.get(key, ""), kind, low, high) if key in block else ""
    return out


# --- the drift: pure state ----------------------------------------------------------------------
class Drift:
    """17 points (16 pads, then the pattern) = a reflecting random walk + two LFOs each, over
    time `t` in seconds. Its whole state is JSON (`to_state` / `from_state`), the RNG included."""

    def __init__(self, walks: np.ndarray, phases: np.ndarray, t: float, rng: np.random.Generator):
        self.walks, self.phases, self.t, self.rng = walks, phases, t, rng

    @classmethod
    def fresh(cls, seed: Optional[int], starts) -> "Drift":
        rng = np.random.default_rng(seed)
        return cls(np.array(starts, np.float64), rng.uniform(0, 2 * np.pi, (POINTS, 2)), 0.0, rng)

    def advance(self, dt: float, walk_per_s: np.ndarray) -> None:
        """Walk every point for `dt` seconds (walk_per_s per point: how far a second moves it)."""
        step = self.rng.standard_normal((POINTS, 2)) * (walk_per_s[:, None] * math.sqrt(dt))
        w = np.abs(self.walks + step)  # reflect at 0 and at 1
        self.walks = np.where(w > 1.0, 2.0 - w, w).clip(0.0, 1.0)
        self.t += dt

    def point(self, i: int, depth: float, period_s: float) -> tuple:
        """Where point i is now: its walk plus LFOs (x and y at periods in ratio 1 : 1.31), in [0, 1]."""
        a = 2 * math.pi * self.t / period_s
        x = self.walks[i, 0] + depth * math.sin(a + self.phases[i, 0])
        y = self.walks[i, 1] + depth * math.sin(a / 1.31 + self.phases[i, 1])
        return (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))

    def to_state(self) -> dict:
        return {"schema": STATE_SCHEMA, "t": self.t, "walks": self.walks.tolist(),
                "phases": self.phases.tolist(), "rng": self.rng.bit_generator.state}

    @classmethod
    def from_state(cls, state: dict) -> "Drift":
        walks, phases = np.array(state["walks"], np.float64), np.array(state["phases"], np.float64)
        if state.get("schema") != STATE_SCHEMA or walks.shape != (POINTS, 2) or phases.shape != (POINTS, 2) \
                or not np.all(np.isfinite(walks)) or not math.isfinite(float(state["t"])):
            raise ValueError("not a latentpad installation state")
        rng = np.random.default_rng()
        rng.bit_generator.state = state["rng"]
        return cls(walks.clip(0.0, 1.0), phases, float(state["t"]), rng)


def save_state(path: Path, state: dict) -> None:
    """Write to a temp file in the same folder, fsync, rename over `path`, fsync the folder: after
    a power cut the file is the old state or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def load_state(path: Path) -> Optional[Drift]:
    """The saved drift, or None (no file yet; an unreadable one is kept aside as `.bad`)."""
    if not path.exists():
        return None
    try:
        return Drift.from_state(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("state file %s unreadable (%s): kept as %s.bad, starting fresh", path, exc, path.name)
        os.replace(path, path.with_name(path.name + ".bad"))
        return None


# --- the watchdog -------------------------------------------------------------------------------
@dataclass
class Watched:
    name: str
    alive: Callable[[], bool]
    restart: Callable[[], None]
    restarts: int = 0


class Watchdog:
    """A thread that checks each watched part every `every_s` and restarts the dead ones."""

    def __init__(self, parts: list, every_s: float):
        self.parts, self._every = parts, every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="latentpad-watchdog", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)

    def check(self) -> None:
        for part in self.parts:
            if part.alive():
                continue
            log.warning("watchdog: %s is down; restarting it", part.name)
            try:
                part.restart()
                part.restarts += 1
                log.info("watchdog: %s restarted (%d so far)", part.name, part.restarts)
            except Exception:  # keep watching: the next check tries again
                log.exception("watchdog: restarting %s failed", part.name)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self.check()


# --- the piece ----------------------------------------------------------------------------------
class Installation:
    """Runs on the event loop: the conductor task moves points and asks for renders and patterns;
    the clock's thread plays the newest pattern (one reference read per step) through the voices."""

    def __init__(self, cfg: dict, app, clock, voices, drift: Drift, state_path: Path, render_rate_hz: int):
        from server.app import Client
        from server.workers.tasks import LatestWinsWorker

        self.cfg, self.app, self.clock, self.voices, self.drift = cfg, app, clock, voices, drift
        self.state_path = state_path
        self.loop = asyncio.get_running_loop()
        self.client = Client(("127.0.0.1", app.settings.reply_port), render_rate_hz)
        self.patterns = LatestWinsWorker(lambda done, *r: self.loop.call_soon_threadsafe(done, *r),
                                         name="latentpad-install-pattern")
        self.pattern = None  # the newest decoded Pattern: swapped on the loop, read on the clock thread
        groove = app.models.preset.groove
        notes = groove.notes if groove is not None else ()
        self.pad_of = [n - 36 if 0 <= n - 36 < NPADS else -1 for n in notes]  # the default note map
        pads, pattern = cfg["pads"], cfg["pattern"]
        self.walk_per_s = np.array([pads["walk_per_s"]] * NPADS + [pattern["walk_per_s"]])
        self.task = None
        self._next_pad = 0
        self._moves = self._changes = 0
        self._saved_at = time.monotonic()

    def start(self) -> None:
        self.patterns.start()
        engine, groove = self.app.engine, self.app.models.groove
        if groove is not None:
            from server.core.protocol import PatternDensity, PatternTemperature

            engine.apply_pattern(PatternTemperature(self.cfg["pattern"]["temperature"]))
            engine.apply_pattern(PatternDensity(None, self.cfg["pattern"]["density"]))
            self._change_pattern()
        for pad in range(NPADS):
            self._move(pad)
        self.clock.subscribe(self.step)
        self.clock.start()
        self.start_conductor()

    def start_conductor(self) -> None:
        self.task = self.loop.create_task(self._conduct())

    def stop(self) -> None:
        self.clock.stop()
        if self.task is not None:
            self.task.cancel()
        self.patterns.stop()
        save_state(self.state_path, self.drift.to_state())
        log.info("installation stopped: %s", self.status())

    async def _conduct(self) -> None:
        while True:
            await asyncio.sleep(TICK_S)
            self.tick(TICK_S)

    def tick(self, dt: float) -> None:
        pads, pattern = self.cfg["pads"], self.cfg["pattern"]
        self.drift.advance(dt, self.walk_per_s)
        t = self.drift.t
        while self._moves * pads["move_every_s"] <= t:
            self._moves += 1
            for _ in range(pads["pads_per_move"]):
                self._move(self._next_pad)
                self._next_pad = (self._next_pad + 1) % NPADS
        change_s = pattern["change_every_bars"] * 16 * self.clock.step_s
        while self._changes * change_s <= t:
            self._changes += 1
            self._change_pattern()
        if time.monotonic() - self._saved_at >= self.cfg["state"]["save_every_s"]:
            self._saved_at = time.monotonic()
            self.loop.run_in_executor(None, save_state, self.state_path, self.drift.to_state())
            log.info("status: %s", self.status())

    def status(self) -> str:
        """One line for the log: where the piece is and what the voices and renders did."""
        renders = self.app.worker.stats()
        voices = "audio off" if self.voices is None else (
            f"voices started {self.voices.started}, dropped {self.voices.counts['dropped']}, "
            f"xruns {self.voices.counts['xruns']}")
        return (f"t={self.drift.t:.1f} s, {voices}, renders {renders['renders']}, "
                f"render errors {renders['errors']}")

    def _move(self, pad: int) -> None:
        from server.core.protocol import PadXY

        x, y = self.drift.point(pad, self.cfg["pads"]["lfo_depth"], self.cfg["pads"]["lfo_period_s"])
        self.app.submit_render(self.app.engine.apply(PadXY(pad, x, y)), self.client)

    def _change_pattern(self) -> None:
        from server.core.protocol import PatternXY
        from server.workers.pattern_worker import decode_pattern

        groove = self.app.models.groove
        if groove is None:
            return
        x, y = self.drift.point(NPADS, self.cfg["pattern"]["lfo_depth"], self.cfg["pattern"]["lfo_period_s"])
        job = self.app.engine.apply_pattern(PatternXY(x, y))
        self.patterns.submit("pattern", lambda: decode_pattern(groove, job), self._decoded)

    def _decoded(self, key, pattern, error) -> None:
        if error is not None:
            log.error("pattern decode failed: %s", error)
            return
        self.pattern = pattern

    def step(self, step: int, when: float) -> None:  # the clock's thread
        pattern, voices = self.pattern, self.voices
        if pattern is None or voices is None:
            return
        arrived = time.perf_counter()
        column = step % pattern.velocity.shape[1]
        for inst, pad in enumerate(self.pad_of):
            velocity = float(pattern.velocity[inst, column])
            if velocity > 0.0 and pad >= 0:
                voices.trigger(pad, velocity, arrived)


# --- the command --------------------------------------------------------------------------------
def install_args(p, add_preset_args) -> None:
    add_preset_args(p)
    p.set_defaults(preset=None)
    p.add_argument("--settings", type=Path, default=DEFAULT_SETTINGS,
                   help="installation settings file (default presets/install.json)")
    p.add_argument("--minutes", type=float, default=None, help="stop after this many minutes (default: run on)")
    p.add_argument("--no-audio", action="store_true", help="run without an audio device (for soak tests)")
    p.add_argument("--port", type=int, default=None, help="OSC port (overrides osc.port; 0 = any free one)")
    p.add_argument("--render-dir", type=Path, default=None, help="where WAVs are written")
    p.add_argument("--state", type=Path, default=None, help="state file (overrides state.file)")
    p.add_argument("--log-file", type=Path, default=None, help="log file (overrides log.file)")


def _log_to_file(path: Path, max_bytes: int, backups: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    for other in root.handlers:  # stderr keeps the level it was given; the file gets info and up
        other.setLevel(max(other.level, root.level))
    root.addHandler(handler)
    root.setLevel(min(root.level, logging.INFO))
    return path


def run(args) -> int:
    from server.core.config import Settings, default_render_dir
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    cfg = load_settings(args.settings)
    top, osc = cfg[""], cfg["osc"]
    settings = Settings(host=osc["host"], port=osc["port"] if args.port is None else args.port,
                        presets_dir=args.presets_dir, preset=args.preset or top["preset"],
                        render_dir=args.render_dir or default_render_dir(), device=args.device,
                        intra_op_threads=args.threads, seed=top["seed"])
    state_path = Path(args.state or cfg["state"]["file"]).expanduser().resolve()
    log_path = _log_to_file(Path(args.log_file or cfg["log"]["file"]).expanduser().resolve(),
                            cfg["log"]["max_bytes"], cfg["log"]["backups"])
    models = load_models(load_preset(settings.presets_dir, settings.preset), settings.device,
                         settings.intra_op_threads)
    log.info("installation starting: settings %s, preset %s, log %s", args.settings, settings.preset, log_path)
    asyncio.run(_main(cfg, settings, models, state_path, args))
    return 0


async def _main(cfg: dict, settings, models, state_path: Path, args) -> None:
    from server.app import App
    from server.io.audio import AudioOut, AudioSettings, VoiceEngine, default_choke_groups
    from server.io.clock import InternalClock

    loop = asyncio.get_running_loop()
    app = App(settings, models, loop)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    out = installation = dog = None
    try:
        bound = await app.start()
        rate = models.preset.sample_rate_hz
        if not args.no_audio:
            out = AudioOut(VoiceEngine(AudioSettings(**cfg["audio"]), default_choke_groups(models.preset.drum_map)))
            out.start()
            app.voices, rate = out.engine, out.engine.sample_rate_hz
        drift = load_state(state_path)
        resumed = drift is not None
        if drift is None:
            drift = Drift.fresh(cfg[""]["seed"], [*models.preset.pad_starts, (0.5, 0.5)])
        clock = InternalClock(cfg[""]["bpm"])
        installation = Installation(cfg, app, clock, app.voices, drift, state_path, rate)
        installation.start()
        parts = [Watched("clock", lambda: clock.running, clock.start),
                 Watched("conductor", lambda: not installation.task.done(),
                         lambda: loop.call_soon_threadsafe(installation.start_conductor))]
        if out is not None:
            parts.insert(0, Watched("audio stream", out.alive, out.restart))
        dog = Watchdog(parts, cfg[""]["watchdog_every_s"])
        dog.start()
        print(f"latentpad ready: osc udp {bound[0]}:{bound[1]}, preset {models.preset.name} "
              f"(decoder {models.decoder_warm_ms:.2f} ms warm), provider {models.provider}, "
              f"renders -> {app.render_dir}", flush=True)
        how = f"resumed from {state_path} at t={drift.t:.1f} s" if resumed else f"fresh, state -> {state_path}"
        print(f"latentpad install: {how}; {cfg['']['bpm']:g} bpm; audio "
              f"{out.description if out is not None else 'off'}", flush=True)
        log.info("installation running: %s", how)
        try:
            await asyncio.wait_for(stop.wait(), None if args.minutes is None else args.minutes * 60.0)
        except asyncio.TimeoutError:
            log.info("installation: %g minutes done", args.minutes)
    finally:
        if dog is not None:
            dog.stop()
        if installation is not None:
            installation.stop()
        if out is not None:
            out.close()
        app.close()
