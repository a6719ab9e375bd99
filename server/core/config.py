"""One frozen, validated settings object, built once at the entry point (the CLI).

Modules receive a `Settings` (or the few values they need); none reads the environment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from server.core.errors import ConfigError

PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the checkout: server/core/config.py
DEFAULT_PRESETS_DIR = PACKAGE_ROOT / "presets"
DEVICES = ("auto", "cpu", "cuda")
PRESET_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
CLOCKS = ("internal", "midi", "link")  # --clock: where the beat comes from (server.io.transport)
MIN_BPM, MAX_BPM = 20.0, 400.0


def check_bpm(bpm: float) -> float:
    bpm = float(bpm)
    if not MIN_BPM <= bpm <= MAX_BPM:  # NaN fails both comparisons
        raise ValueError(f"tempo {bpm} bpm is outside {MIN_BPM:g}..{MAX_BPM:g}")
    return bpm


def default_render_dir() -> Path:
    """Per-user cache folder for rendered one-shots."""
    return Path.home() / ".cache" / "latentpad" / "renders"


def server_render_dir(render_dir: Path, port: int) -> Path:
    """The folder one running server writes its renders to: one per UDP port, so two servers
    given the same --render-dir never overwrite each other's files; removed when it stops."""
    return Path(render_dir) / f"port-{port}"


def default_save_dir() -> Path:
    """Where /pad/save puts a performer's keepers."""
    return Path.home() / "Music" / "latentpad"


def default_sample_dirs() -> tuple:
    """Folders /pad/encode may read from."""
    return (Path.home(),)


def library_dir(folder) -> Path:
    """A --library folder, resolved; ConfigError if it is not a folder."""
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise ConfigError(f"--library {folder}: not a folder; give a folder of sound files")
    return path


def _check_port(name: str, value: int, allow_zero: bool) -> None:
    low = 0 if allow_zero else 1
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 65535:
        raise ConfigError(f"{name} must be an integer in {low}..65535, got {value!r}")


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 9000  # 0 = let the OS choose (the ready line prints the real port)
    reply_port: int = 9001  # where replies go for a client that never sent /hello
    presets_dir: Path = DEFAULT_PRESETS_DIR
    preset: str = "default"
    render_dir: Path = field(default_factory=default_render_dir)
    device: str = "auto"
    intra_op_threads: int = 2
    keep_renders_per_pad: int = 4
    seed: Optional[int] = None
    sample_dirs: tuple = field(default_factory=default_sample_dirs)  # /pad/encode reads only here
    encode_refine_steps: Optional[int] = None  # /pad/encode's refinement steps (None: the preset's; 0: off)
    draw_class_check: Optional[int] = None  # candidates per class draw (None: the preset's prior.class_check; 1: off)
    save_dir: Path = field(default_factory=default_save_dir)  # /pad/save writes here
    library_dirs: tuple = ()  # /pad/similar searches the sounds here (none: no library)
    midi_in: Optional[str] = None  # MIDI input: part of a port's name, or "virtual" (server.io.midi)
    controller: Optional[str] = None  # controller map name in presets/controllers/ (server.core.controllers)
    clock: str = "internal"  # where the beat comes from: internal, midi, link (server.io.transport)
    bpm: float = 120.0  # the internal (or a new Link session's) tempo
    midi_out: bool = False  # play the current pattern as MIDI on `latentpad out`
    clock_out: bool = False  # send MIDI clock on `latentpad clock out`
    clock_in: Optional[str] = None  # with clock "midi": follow the port named like this

    def __post_init__(self) -> None:
        if not isinstance(self.host, str) or not self.host:
            raise ConfigError("--host must be a host name or address, e.g. 127.0.0.1")
        _check_port("--port", self.port, allow_zero=True)
        _check_port("reply_port", self.reply_port, allow_zero=False)
        object.__setattr__(self, "presets_dir", Path(self.presets_dir).expanduser().resolve())
        object.__setattr__(self, "render_dir", Path(self.render_dir).expanduser().resolve())
        object.__setattr__(self, "save_dir", Path(self.save_dir).expanduser().resolve())
        if not self.sample_dirs:
            raise ConfigError("--sample-dir: give at least one folder /pad/encode may read from")
        if self.encode_refine_steps is not None and not 0 <= self.encode_refine_steps <= 200:
            raise ConfigError(f"--encode-refine-steps must be 0..200, got {self.encode_refine_steps}")
        if self.draw_class_check is not None and not 1 <= self.draw_class_check <= 16:
            raise ConfigError(f"--draw-class-check must be 1..16, got {self.draw_class_check}")
        object.__setattr__(self, "sample_dirs",
                           tuple(Path(d).expanduser().resolve() for d in self.sample_dirs))
        object.__setattr__(self, "library_dirs", tuple(library_dir(d) for d in self.library_dirs))
        if not PRESET_NAME_RE.fullmatch(self.preset or ""):
            raise ConfigError(
                f"--preset {self.preset!r} is not a preset name: use letters, digits, '_', '.', '-'"
                " (a folder inside --presets-dir, not a path)"
            )
        if self.device not in DEVICES:
            raise ConfigError(f"--device must be one of {', '.join(DEVICES)}, got {self.device!r}")
        if not isinstance(self.intra_op_threads, int) or not 1 <= self.intra_op_threads <= 256:
            raise ConfigError(f"--threads must be in 1..256, got {self.intra_op_threads!r}")
        if not isinstance(self.keep_renders_per_pad, int) or not 1 <= self.keep_renders_per_pad <= 1000:
            raise ConfigError(f"keep_renders_per_pad must be in 1..1000, got {self.keep_renders_per_pad!r}")
        if self.seed is not None and (not isinstance(self.seed, int) or self.seed < 0):
            raise ConfigError(f"--seed must be a non-negative integer, got {self.seed!r}")
        if self.midi_in is not None and (not isinstance(self.midi_in, str) or not 0 < len(self.midi_in.strip()) <= 128):
            raise ConfigError(f"--midi-in must be part of a MIDI port's name or 'virtual', got {self.midi_in!r}")
        if self.controller is not None and not PRESET_NAME_RE.fullmatch(str(self.controller)):
            raise ConfigError(f"--controller {self.controller!r} is not a map name: use the name of a file "
                              "in presets/controllers/ without .json (not a path)")
        _check_clock_flags(self)


def _check_clock_flags(settings: Settings) -> None:
    """Settings.__post_init__'s part for --clock, --bpm, --clock-out and --clock-in."""
    try:
        check_bpm(settings.bpm)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"--bpm: {exc}") from exc
    if settings.clock not in CLOCKS:
        raise ConfigError(f"--clock must be one of {', '.join(CLOCKS)}, got {settings.clock!r}")
    if settings.clock_out and settings.clock == "midi":
        raise ConfigError("--clock-out sends the server's own clock; with --clock midi Live is the "
                          "clock: leave out one of the two")
    if settings.clock_in is not None and settings.clock != "midi":
        raise ConfigError("--clock-in names the port to follow: give it with --clock midi")
