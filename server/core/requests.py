"""Requests: small frozen values, the only thing the engine and app ever see (decoded from OSC
by `server.core.protocol.decode`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Client:
    """Where a client's replies go, and the sample rate it asked for in /hello."""
    reply_to: tuple  # (host, port) replies go to
    sample_rate_hz: Optional[int]  # None: the preset's own rate


@dataclass(frozen=True)
class Hello:
    reply_port: int
    sample_rate_hz: Optional[int] = None


@dataclass(frozen=True)
class Ping:
    seq: int


@dataclass(frozen=True)
class PadXY:
    pad: int
    x: float
    y: float


@dataclass(frozen=True)
class PadLatent:
    pad: int
    z: tuple


@dataclass(frozen=True)
class PadRandom:
    pad: int
    spread: float = 1.0
    class_name: Optional[str] = None  # a class of the preset (needs a diffusion prior)


@dataclass(frozen=True)
class PadRender:
    pad: int


@dataclass(frozen=True)
class PresetLoad:
    name: str


@dataclass(frozen=True)
class PresetList:
    pass


@dataclass(frozen=True)
class Stats:
    pass


@dataclass(frozen=True)
class PatternXY:
    x: float
    y: float


@dataclass(frozen=True)
class PatternDensity:
    instrument: Optional[int]  # None: every instrument
    density: float


@dataclass(frozen=True)
class PatternTemperature:
    temperature: float


@dataclass(frozen=True)
class PatternSwing:
    swing: float


@dataclass(frozen=True)
class PatternFill:
    pass


@dataclass(frozen=True)
class PatternChange:
    now: int  # 0: new patterns start at the next bar line; 1: at the next step


@dataclass(frozen=True)
class PatternCountIn:
    bars: int


@dataclass(frozen=True)
class PatternStore:
    slot: int


@dataclass(frozen=True)
class PatternRecall:
    slot: int


@dataclass(frozen=True)
class PadEncode:
    pad: int
    path: str


@dataclass(frozen=True)
class PadVary:
    pad: int
    amount: float


@dataclass(frozen=True)
class PadWidth:
    pad: int
    width: float


@dataclass(frozen=True)
class PadHumanize:
    pad: int
    amount: float


@dataclass(frozen=True)
class PadTransform:
    pad: int
    class_name: str
    strength: float


@dataclass(frozen=True)
class PadMorph:
    pad: int
    a: int
    b: int
    t: float


@dataclass(frozen=True)
class PadCombine:
    pad: int
    terms: tuple  # ((src, weight), ...)


@dataclass(frozen=True)
class PadClassify:
    pad: int


@dataclass(frozen=True)
class PadSave:
    pad: int
    name: Optional[str] = None


@dataclass(frozen=True)
class SceneStore:
    slot: int


@dataclass(frozen=True)
class SceneRecall:
    slot: int
    morph_ms: float = 0.0


@dataclass(frozen=True)
class PadSimilar:
    pad: int
    k: int


@dataclass(frozen=True)
class LibraryRescan:
    pass


@dataclass(frozen=True)
class PadTrigger:
    pad: int
    velocity: float = 1.0
