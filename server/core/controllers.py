"""Controller maps: which note plays which pad, which CC moves what. JSON only, validated strictly.

A map is a JSON file in `presets/controllers/` (or `<presets-dir>/controllers/`), named on the
command line by its file name without `.json` (names only, never paths). Every object in it may
carry a `"comment"` string, which the loader ignores: JSON has no comments, and the template
explains itself that way. Anything else unknown, a duplicate key, a note outside 0..127, a note
used twice, a pad outside 0..15 is refused with a `ControllerError` naming the field.

The voice engine reads `ControllerMap.choke_groups` and `pad_names`; the MIDI router reads
`pad_of_note` and `ccs`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from server.core.config import DEFAULT_PRESETS_DIR, PRESET_NAME_RE
from server.core.errors import LatentpadError
from server.core.protocol import NPADS

SCHEMA = 1
SHIPPED_DIR = DEFAULT_PRESETS_DIR / "controllers"
LAST_PAD = "last"  # a CC's "pad": the pad the last mapped note triggered
# CC targets: what one CC moves, and the keys its binding needs beyond cc/target
TARGETS = {
    "pad_x": ("pad",), "pad_y": ("pad",), "latent": ("pad", "axis"),
    "pattern_x": (), "pattern_y": (), "pattern_density": (), "pattern_temperature": (),
    "pattern_swing": (), "pattern_fill": (),  # pattern_fill: a button, a fill on each press (value >= 64)
}
MODES = ("absolute", "relative")
DEFAULT_LATENT_RANGE = (-3.0, 3.0)


class ControllerError(LatentpadError):
    """A controller map is missing or invalid; `field` names the place in the file at fault."""

    def __init__(self, name: str, field: str, problem: str):
        super().__init__(f"controller map {name}: {field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class CCBinding:
    cc: int
    target: str  # one of TARGETS
    pad: Optional[object] = None  # 0..15, LAST_PAD, or None for pattern targets
    axis: Optional[int] = None  # latent axis (target "latent")
    mode: str = "absolute"  # absolute: value/127 over range; relative: two's-complement steps
    step: float = 1.0 / 128  # relative mode: change per encoder tick, in units of the range
    low: float = 0.0  # the range the CC spans (absolute) or clamps to (relative)
    high: float = 1.0
    instrument: Optional[int] = None  # pattern_density: one instrument (None = all)


@dataclass(frozen=True)
class ControllerMap:
    name: str
    description: str
    ports: tuple  # substrings of the controller's port name, tried in order
    channel: Optional[int]  # 1..16, None = every channel
    pad_of_note: dict  # note -> pad
    ccs: dict  # cc number -> tuple of CCBinding
    pad_names: tuple  # 16 names ("" where none given)
    choke_groups: tuple  # tuples of pads that silence each other

    def choke_of_pad(self) -> dict:
        """pad -> choke group number (1, 2, ...), the form the voice engine takes."""
        return {pad: i + 1 for i, group in enumerate(self.choke_groups) for pad in group}


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError(f"duplicate key {key!r}")
    return dict(pairs)


class _Checker:
    """Field checks that raise ControllerError with the path of the field."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, field: str, problem: str):
        raise ControllerError(self.name, field, problem)

    def obj(self, value, field: str, required: tuple, optional: tuple) -> dict:
        if not isinstance(value, dict):
            self.fail(field, f"must be an object, got {type(value).__name__}")
        allowed = set(required) | set(optional) | {"comment"}
        for key in value:
            if key not in allowed:
                self.fail(f"{field}.{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})")
        for key in required:
            if key not in value:
                self.fail(f"{field}.{key}", "missing")
        if "comment" in value:
            self.string(value["comment"], f"{field}.comment", 2000)
        return value

    def int_in(self, value, field: str, low: int, high: int) -> int:
        if type(value) is not int or not low <= value <= high:
            self.fail(field, f"must be an integer in {low}..{high}, got {value!r}")
        return value

    def number(self, value, field: str) -> float:
        if type(value) not in (int, float) or not math.isfinite(value):
            self.fail(field, f"must be a finite number, got {value!r}")
        return float(value)

    def string(self, value, field: str, max_len: int = 200) -> str:
        if not isinstance(value, str) or len(value) > max_len:
            self.fail(field, f"must be a string of at most {max_len} characters, got {value!r}"[:300])
        return value

    def array(self, value, field: str) -> list:
        if not isinstance(value, list):
            self.fail(field, f"must be an array, got {type(value).__name__}")
        return value


def _pads(c: _Checker, entries) -> dict:
    pad_of_note = {}
    for i, entry in enumerate(c.array(entries, "notes")):
        field = f"notes[{i}]"
        c.obj(entry, field, ("note", "pad"), ())
        note = c.int_in(entry["note"], f"{field}.note", 0, 127)
        pad = c.int_in(entry["pad"], f"{field}.pad", 0, NPADS - 1)
        if note in pad_of_note:
            c.fail(f"{field}.note", f"note {note} is already mapped to pad {pad_of_note[note]}")
        pad_of_note[note] = pad
    if not pad_of_note:
        c.fail("notes", "map at least one note to a pad")
    return pad_of_note


def _binding(c: _Checker, entry, field: str) -> CCBinding:
    c.obj(entry, field, ("cc", "target"),
          ("pad", "axis", "mode", "step", "range", "instrument"))
    cc = c.int_in(entry["cc"], f"{field}.cc", 0, 119)  # 120..127 are channel mode messages
    target = entry["target"]
    if target not in TARGETS:
        c.fail(f"{field}.target", f"must be one of {', '.join(TARGETS)}, got {target!r}")
    needs = TARGETS[target]
    for key in ("pad", "axis"):
        if key in needs and key not in entry:
            c.fail(f"{field}.{key}", f"missing (target {target} needs {' and '.join(needs)})")
        if key not in needs and key in entry:
            c.fail(f"{field}.{key}", f"not used by target {target}")
    pad = entry.get("pad")
    if pad is not None and pad != LAST_PAD:
        c.int_in(pad, f"{field}.pad", 0, NPADS - 1)
    axis = c.int_in(entry["axis"], f"{field}.axis", 0, 255) if "axis" in entry else None
    if "instrument" in entry and target != "pattern_density":
        c.fail(f"{field}.instrument", "only target pattern_density takes an instrument")
    instrument = c.int_in(entry["instrument"], f"{field}.instrument", 0, 8) if "instrument" in entry else None
    mode = entry.get("mode", "absolute")
    if mode not in MODES:
        c.fail(f"{field}.mode", f"must be one of {', '.join(MODES)}, got {mode!r}")
    step = c.number(entry.get("step", 1.0 / 128), f"{field}.step")
    if not 0.0 < step <= 1.0:
        c.fail(f"{field}.step", f"must be in (0, 1], got {step!r}")
    default = {"latent": DEFAULT_LATENT_RANGE, "pattern_temperature": (0.0, 2.0)}.get(target, (0.0, 1.0))
    low, high = default
    if "range" in entry:
        span = c.array(entry["range"], f"{field}.range")
        if len(span) != 2:
            c.fail(f"{field}.range", f"must be [low, high], got {span!r}")
        low, high = (c.number(v, f"{field}.range") for v in span)
        limit = (-10.0, 10.0) if target == "latent" else default
        if low == high or min(low, high) < limit[0] or max(low, high) > limit[1]:
            c.fail(f"{field}.range", f"must be two different values within {list(limit)}, got {span!r}")
    return CCBinding(cc, target, pad, axis, mode, step, low, high, instrument)


def _ccs(c: _Checker, entries) -> dict:
    ccs: dict = {}
    seen = set()
    for i, entry in enumerate(c.array(entries, "cc")):
        binding = _binding(c, entry, f"cc[{i}]")
        what = (binding.cc, binding.target, binding.pad, binding.axis, binding.instrument)
        if what in seen:
            c.fail(f"cc[{i}]", f"CC {binding.cc} is already bound to the same target")
        seen.add(what)
        ccs[binding.cc] = ccs.get(binding.cc, ()) + (binding,)
    return ccs


def _names(c: _Checker, names) -> tuple:
    names = c.array(names, "pad_names")
    if len(names) > NPADS:
        c.fail("pad_names", f"at most {NPADS} names (pads 0..{NPADS - 1}), got {len(names)}")
    names = [c.string(n, f"pad_names[{i}]", 64) for i, n in enumerate(names)]
    return tuple(names + [""] * (NPADS - len(names)))


def _chokes(c: _Checker, groups) -> tuple:
    owner: dict = {}
    result = []
    for i, group in enumerate(c.array(groups, "choke_groups")):
        pads = c.array(group, f"choke_groups[{i}]")
        if len(pads) < 2:
            c.fail(f"choke_groups[{i}]", "a choke group needs at least two pads")
        for j, pad in enumerate(pads):
            c.int_in(pad, f"choke_groups[{i}][{j}]", 0, NPADS - 1)
            if pad in owner:
                c.fail(f"choke_groups[{i}][{j}]", f"pad {pad} is already in choke_groups[{owner[pad]}]")
            owner[pad] = i
        result.append(tuple(pads))
    return tuple(result)


def parse(name: str, text: str) -> ControllerMap:
    """A map from its JSON text; ControllerError naming the field for anything wrong."""
    c = _Checker(name)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except ValueError as exc:  # JSONDecodeError, or a duplicate key
        c.fail("(file)", f"not valid JSON: {exc}")
    c.obj(data, "(top)", ("schema", "name", "notes"),
          ("description", "ports", "channel", "cc", "pad_names", "choke_groups"))
    if data["schema"] != SCHEMA:
        c.fail("schema", f"must be {SCHEMA}, got {data['schema']!r}")
    if data["name"] != name:
        c.fail("name", f"must be the file's name {name!r}, got {data['name']!r}")
    ports = tuple(c.string(p, f"ports[{i}]", 128) for i, p in enumerate(c.array(data.get("ports", []), "ports")))
    if any(not p.strip() for p in ports):
        c.fail("ports", "port name parts must not be empty")
    channel = data.get("channel")
    if channel is not None:
        c.int_in(channel, "channel", 1, 16)
    return ControllerMap(
        name=name, description=c.string(data.get("description", ""), "description", 2000),
        ports=ports, channel=channel, pad_of_note=_pads(c, data["notes"]),
        ccs=_ccs(c, data.get("cc", [])), pad_names=_names(c, data.get("pad_names", [])),
        choke_groups=_chokes(c, data.get("choke_groups", [])))


def search_dirs(presets_dir: Optional[Path] = None) -> tuple:
    """Where maps are looked up: the presets folder's `controllers/`, then the shipped one."""
    dirs = [] if presets_dir is None else [Path(presets_dir) / "controllers"]
    return tuple(dict.fromkeys(dirs + [SHIPPED_DIR]))


def list_maps(presets_dir: Optional[Path] = None) -> list:
    names = set()
    for folder in search_dirs(presets_dir):
        if folder.is_dir():
            names.update(p.stem for p in folder.glob("*.json") if PRESET_NAME_RE.fullmatch(p.stem))
    return sorted(names)


def load_map(name: str, presets_dir: Optional[Path] = None) -> ControllerMap:
    """The map `name` (a file name without .json, never a path), validated."""
    if not isinstance(name, str) or not PRESET_NAME_RE.fullmatch(name):
        raise ControllerError(str(name)[:80], "(name)", "a map name is letters, digits, '_', '.', '-' "
                                                        "(a file in presets/controllers/, not a path)")
    for folder in search_dirs(presets_dir):
        path = folder / f"{name}.json"
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ControllerError(name, "(file)", f"cannot read {path.name}: {exc}") from exc
            return parse(name, text)
    raise ControllerError(name, "(name)", f"no such map; shipped and found: {', '.join(list_maps(presets_dir))}")
