"""Pure performance state: 16 pads, each a latent point (and the XY it came from), and the
drum pattern's point and controls.

No sockets, threads, files or models. `Engine.apply(request)` changes one pad and returns the
`RenderJob` to run; `Engine.apply_pattern(request)` changes the pattern state and returns the
`PatternJob` to decode. Requests arrive already validated by `server.core.protocol.decode`. Every
request on a pad bumps that pad's `seq`, the counter `/sample` echoes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from server.core.errors import ProtocolError
from server.core.patterns import Controls
from server.core.protocol import (LATENT_ABS_MAX, NPADS, PadCombine, PadLatent, PadMorph, PadRandom,
                                  PadRender, PadVary, PadXY, PatternDensity, PatternFill, PatternRecall,
                                  PatternStore, PatternSwing, PatternTemperature, PatternXY, address_of)

if TYPE_CHECKING:  # the type only: core never imports a higher room at run time
    from server.presets.bundle import Preset

KEEPS_HOME = (PadVary, PadRender)  # gestures that leave the pad's home where it was


def xy_to_latent(grid: np.ndarray, x: float, y: float) -> np.ndarray:
    """Bilinear interpolation on the xy_map grid (rows, cols, D): points[r, c] sits at
    x = c / (cols - 1), y = r / (rows - 1)."""
    rows, cols, _ = grid.shape
    fx = min(max(x, 0.0), 1.0) * (cols - 1)
    fy = min(max(y, 0.0), 1.0) * (rows - 1)
    c0 = min(int(fx), cols - 2)
    r0 = min(int(fy), rows - 2)
    tx, ty = fx - c0, fy - r0
    top = (1.0 - tx) * grid[r0, c0] + tx * grid[r0, c0 + 1]
    bottom = (1.0 - tx) * grid[r0 + 1, c0] + tx * grid[r0 + 1, c0 + 1]
    return ((1.0 - ty) * top + ty * bottom).astype(np.float32)


def _frozen(z: np.ndarray) -> np.ndarray:
    z = np.array(z, dtype=np.float32)
    z.setflags(write=False)
    return z


@dataclass(frozen=True, eq=False)
class PadState:
    z: np.ndarray  # (latent_size,) float32, read-only
    xy: Optional[tuple]  # None once the point left the map (/pad/latent, /pad/random)
    seq: int
    home: Optional[np.ndarray] = None  # where /pad/vary varies around (None: z itself)

    @property
    def centre(self) -> np.ndarray:
        return self.z if self.home is None else self.home


@dataclass(frozen=True, eq=False)
class RenderJob:
    pad: int
    seq: int
    z: np.ndarray  # read-only snapshot; the engine never writes into it
    address: str  # the request that asked for it (for /error)
    width: float = 0.0  # stereo width (/pad/width): > 0 renders R as a close variation of z
    right_noise: Optional[np.ndarray] = None  # the pad's fixed noise for that variation
    gain: float = 1.0  # linear gain on the render: a /pad/encode'd pad plays at its file's level


@dataclass(frozen=True, eq=False)
class PatternJob:
    seq: int
    z: np.ndarray  # read-only groove latent
    controls: Controls
    address: str
    fill: bool = False  # a one-bar fill (/pattern/fill), not a new pattern


PATTERN_START_XY = (0.5, 0.5)


class Engine:
    def __init__(self, preset: Preset, seed: Optional[int] = None):
        self._rng = np.random.default_rng(seed)
        self._seq = [0] * NPADS
        self._pattern_xy = PATTERN_START_XY
        self._controls = Controls(seed=seed or 0)
        self._pattern_seq = 0
        self._scenes: dict = {}  # slot -> (xy, controls)
        self._pad_scenes: dict = {}  # slot -> tuple of 16 PadState (/scene/*)
        self._pattern_handlers = {
            PatternRecall: self._pattern_recall,
            PatternXY: self._pattern_move,
            PatternDensity: lambda r: self._controls.with_density(r.density, r.instrument),
            PatternTemperature: lambda r: self._controls.with_temperature(r.temperature),
            PatternSwing: lambda r: self._controls.with_swing(r.swing),
        }
        self._handlers = {
            PadXY: self._xy,
            PadLatent: self._latent,
            PadRandom: self._random,
            PadRender: self._render,
            PadVary: self._vary,
            PadMorph: self._morph,
            PadCombine: self._combine,
        }
        self.swap_preset(preset)

    @property
    def preset(self) -> Preset:
        return self._preset

    @property
    def latent_size(self) -> int:
        return self._preset.latent_size

    def pad(self, pad: int) -> PadState:
        return self._pads[pad]

    def swap_preset(self, preset: Preset) -> None:
        """Use a new preset; every pad goes to the new preset's start point."""
        pads = []
        for index, (x, y) in enumerate(preset.pad_starts):
            pads.append(PadState(_frozen(xy_to_latent(preset.xy_grid, x, y)), (x, y), self._seq[index]))
        self._preset, self._pads = preset, pads
        self._width = [0.0] * NPADS
        self._right_noise = [None] * NPADS  # drawn at the first /pad/width of the pad
        self._gain = [1.0] * NPADS  # set by /pad/encode; a gesture that moves the pad away resets it
        self._pad_scenes = {}  # points of another latent space mean nothing here

    def apply(self, request) -> RenderJob:
        """Change one pad for a decoded pad request; the returned job renders its new point.
        Raises ProtocolError (and changes nothing) if the request does not fit this preset."""
        z, xy = self._handlers[type(request)](request)
        keeps = type(request) in KEEPS_HOME
        home = self._pads[request.pad].centre if keeps else z
        return self.set_point(request.pad, z, xy, address_of(request), home, gain=None if keeps else 1.0)

    def set_point(self, pad: int, z, xy: Optional[tuple], address: str, home=None,
                  seq: Optional[int] = None, gain: Optional[float] = None) -> RenderJob:
        """Put a pad at `z` (home: where /pad/vary centres, default z) and count the request:
        for gestures whose point was computed elsewhere (/pad/encode, a scene glide). `seq`: the
        number `count_request` gave the request earlier (it is not counted twice). `gain`: the
        pad's render gain from now on (None keeps it: /pad/vary and a re-render play at the level
        the pad had)."""
        z = _frozen(z)
        if seq is None:
            seq = self.count_request(pad)
        self._seq[pad] = max(self._seq[pad], seq)
        self._pads[pad] = PadState(z, xy, seq, z if home is None else _frozen(home))
        if gain is not None:
            self._gain[pad] = float(gain)
        return RenderJob(pad, seq, z, address, self._width[pad], self._right_noise[pad], self._gain[pad])

    def set_width(self, pad: int, width: float) -> RenderJob:
        """Stereo width of the pad's renders from now on (0 = mono); a job re-rendering it. The
        right channel's noise is drawn once per pad, so the image holds still while the pad moves."""
        self._width[pad] = width
        if self._right_noise[pad] is None:
            self._right_noise[pad] = _frozen(self._rng.standard_normal(self.latent_size))
        state = self._pads[pad]
        return self.set_point(pad, state.z, state.xy, "/pad/width", state.centre)

    def count_request(self, pad: int) -> int:
        """Count a request on `pad` now whose point comes later (a prior walk): its seq."""
        self._seq[pad] += 1
        return self._seq[pad]

    def requests(self, pad: int) -> int:
        """Requests counted on `pad` so far (the seq of the newest)."""
        return self._seq[pad]

    def noise(self) -> np.ndarray:
        """A standard normal latent from the engine's seeded generator (same seed, same draws)."""
        return self._rng.standard_normal(self.latent_size).astype(np.float32)

    # --- pad scenes (/scene/*): bookmarks of every pad's point --------------------------------
    def store_scene(self, slot: int) -> None:
        self._pad_scenes[slot] = tuple(self._pads)

    def scene(self, slot: int) -> tuple:
        """The 16 stored PadStates; ProtocolError for an empty slot."""
        if slot not in self._pad_scenes:
            raise ProtocolError("/scene/recall", f"slot {slot} is empty: store it first with /scene/store")
        return self._pad_scenes[slot]

    @property
    def controls(self) -> Controls:
        return self._controls

    def apply_pattern(self, request) -> PatternJob:
        """Change the pattern's point or controls; the returned job decodes the new pattern.
        Raises ProtocolError (and changes nothing) when the preset has no groove model."""
        address = address_of(request)
        groove = self._preset.groove
        if groove is None:
            raise ProtocolError(address, f"preset {self._preset.name} has no groove model "
                                         "(groove.decoder); load a preset that has one")
        if isinstance(request, PatternFill):
            if groove.fill is None:
                raise ProtocolError(address, f"preset {self._preset.name} has no groove.fill (a groove "
                                             "model exported before fills were labelled); retrain or re-export it")
            self._pattern_seq += 1
            z = np.clip(xy_to_latent(groove.grid, *self._pattern_xy) + groove.fill, -LATENT_ABS_MAX, LATENT_ABS_MAX)
            return PatternJob(self._pattern_seq, _frozen(z), self._controls, address, fill=True)
        self._controls = self._pattern_handlers[type(request)](request)
        self._pattern_seq += 1
        z = _frozen(xy_to_latent(groove.grid, *self._pattern_xy))
        return PatternJob(self._pattern_seq, z, self._controls, address)

    def store_pattern(self, request: PatternStore) -> int:
        """Bookmark the pattern's point and controls (works with or without a groove model)."""
        self._scenes[request.slot] = (self._pattern_xy, self._controls)
        return request.slot

    def _pattern_recall(self, request: PatternRecall) -> Controls:
        if request.slot not in self._scenes:
            raise ProtocolError("/pattern/scene/recall", f"slot {request.slot} is empty: "
                                                         "store it first with /pattern/scene/store")
        self._pattern_xy, controls = self._scenes[request.slot]
        return controls

    def _pattern_move(self, request: PatternXY) -> Controls:
        self._pattern_xy = (request.x, request.y)
        return self._controls

    def _xy(self, request: PadXY):
        return _frozen(xy_to_latent(self._preset.xy_grid, request.x, request.y)), (request.x, request.y)

    def _latent(self, request: PadLatent):
        if len(request.z) != self.latent_size:
            raise ProtocolError("/pad/latent", f"needs {self.latent_size} values, got {len(request.z)}")
        return _frozen(request.z), None

    def _random(self, request: PadRandom):
        noise = self._rng.standard_normal(self.latent_size)
        prior = self._preset
        return _frozen(prior.prior_mean + request.spread * prior.prior_std * noise), None

    def _vary(self, request: PadVary):
        noise = self._rng.standard_normal(self.latent_size)
        home = self._pads[request.pad].centre
        return home + request.amount * self._preset.prior_std * noise, None

    def _morph(self, request: PadMorph):
        a, b = self._pads[request.a].z, self._pads[request.b].z
        return (1.0 - request.t) * a + request.t * b, None

    def _combine(self, request: PadCombine):
        mean = self._preset.prior_mean.astype(np.float64)
        z = mean.copy()
        for src, weight in request.terms:
            z += weight * (self._pads[src].z - mean)
        return np.clip(z, -LATENT_ABS_MAX, LATENT_ABS_MAX), None

    def _render(self, request: PadRender):
        state = self._pads[request.pad]
        return state.z, state.xy
