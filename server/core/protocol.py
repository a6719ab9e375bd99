"""THE OSC address table, declared once as data, and the pure functions derived from it.

`REQUESTS` lists every address a client may send (arguments, ranges, reply); `REPLIES` every
address the server sends. `decode` turns (address, args) into a frozen request or raises
`ProtocolError`; `encode` builds a reply datagram (float32 'f', never 'd'; under 8 KB);
`server.tools.oscdoc.markdown` renders docs/osc.md from these tables:
`python -m server.core.protocol --markdown > docs/osc.md`.
"""

from __future__ import annotations

import itertools
import math
import re
import struct
from dataclasses import dataclass
from typing import Any, Callable, Optional

from server.core.config import PRESET_NAME_RE
from server.core.errors import ProtocolError
from server.core.melody import SCALES, MelodyContinue, MelodyKey
from server.core.patterns import GM_NOTES, INSTRUMENTS, NINST
from server.core.requests import (  # noqa: F401  (re-exported: callers import requests from here)
    Hello, Ping, PadXY, PadLatent, PadRandom, PadRender, PresetLoad, PresetList, Stats, PatternXY,
    PatternDensity, PatternTemperature, PatternSwing, PatternFill, PatternChange, PatternCountIn, PatternStore, PatternRecall, PadEncode, PadVary, PadMorph,
    PadCombine, PadClassify, PadSave, SceneStore, SceneRecall,
    PadSimilar, LibraryRescan, PadTrigger, PadTransform, PadHumanize, PadWidth)

NPADS = 16
MAX_DATAGRAM = 8192  # every datagram we send stays strictly below this many bytes
# client rates we resample to: standard ones only, so every up/down ratio (and its filter) is small
SAMPLE_RATES_HZ = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000,
                   176400, 192000)
LATENT_ABS_MAX = 10.0
MELODY_CHUNKS = 16  # datagrams one /melody/continue opening or /melody reply may span
MELODY_NOTES_PER_CHUNK = 200  # notes per datagram: 200 x 16 bytes + tags stays well under 8 KB


@dataclass(frozen=True)
class Arg:
    name: str
    tag: str  # OSC type tag: "i" int32, "f" float32, "s" string
    low: Optional[float] = None
    high: Optional[float] = None
    optional: bool = False  # may be left off: trailing ones, or a leading one (/pattern/density)
    default: Any = None
    count: Optional[str] = None  # variadic: how many values ("latent_size", "any" or "groups")
    group: tuple = ()  # count="groups": the Args one repeated group holds, e.g. (src:i weight:f)
    max_groups: int = 0  # count="groups": 1..max_groups groups
    pattern: Any = None  # strings: compiled regex the whole value must match
    max_len: int = 1024  # strings: longest accepted (requests) / kept (replies)
    choices: tuple = ()  # ints: the only accepted values, when given


@dataclass(frozen=True)
class Address:
    path: str
    args: tuple
    request: type
    reply: str  # reply address(es) a valid message gets
    doc: str


@dataclass(frozen=True)
class Reply:
    path: str
    args: tuple
    doc: str


PAD = Arg("pad", "i", 0, NPADS - 1)
PATTERN_REPLY = "/pattern/row, /pattern/offset"
PATTERN_SCENES = 16
SCENE = Arg("slot", "i", 0, PATTERN_SCENES - 1)
PRESET_NAME = Arg("name", "s", pattern=PRESET_NAME_RE, max_len=64)
CLASS_NAME_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")  # the preset's `classes` decide which exist
CLASS_NAME_REQUIRED = Arg("class_name", "s", pattern=CLASS_NAME_RE, max_len=32)
CLASS_NAME = Arg("class_name", "s", pattern=CLASS_NAME_RE, max_len=32, optional=True)
SCENE_SLOTS = 16

REQUESTS = {a.path: a for a in (
    Address("/hello", (Arg("reply_port", "i", 1, 65535),
                       Arg("sample_rate_hz", "i", 8000, 192000, optional=True,
                           choices=SAMPLE_RATES_HZ)), Hello, "/hello",
            "register this sender: replies go to its host at reply_port; renders are resampled "
            "to sample_rate_hz (default: the preset's rate)"),
    Address("/ping", (Arg("seq", "i"),), Ping, "/pong", "liveness and round-trip check"),
    Address("/pad/xy", (PAD, Arg("x", "f", 0.0, 1.0), Arg("y", "f", 0.0, 1.0)), PadXY, "/sample",
            "move the pad on the preset's 2-D map (bilinear over the xy_map grid); re-render"),
    Address("/pad/latent", (PAD, Arg("z", "f", -LATENT_ABS_MAX, LATENT_ABS_MAX, count="latent_size")),
            PadLatent, "/sample", "set the pad's full latent (exactly latent_size floats); re-render"),
    Address("/pad/random", (PAD, Arg("spread", "f", 0.0, 4.0, optional=True, default=1.0), CLASS_NAME),
            PadRandom, "/sample",
            "a new sound (seeded). With a diffusion prior (oneshot.prior): drawn from it, of class_name "
            "when given (one of the preset's classes; up to prior.class_check draws, the first the "
            "encoder's class head hears as that class kept), starting noise scaled by spread; without one: "
            "mean + spread * std * N(0, 1) from latent_prior, and class_name is refused. Either optional "
            "argument may come alone (told apart by type); re-render"),
    Address("/pad/render", (PAD,), PadRender, "/sample",
            "re-render the pad at its current point (e.g. for every pad after /preset)"),
    Address("/pad/encode", (PAD, Arg("path", "s", pattern=re.compile(r"/.+"), max_len=4096)), PadEncode,
            "/sample", "place a sound file (WAV/AIFF/FLAC/OGG, any rate, trimmed to its onset) in the latent "
            "space: the pad's point and home = the encoder's mu, then the preset's refinement steps when it has "
            "them (docs/preset.md `refine`: a few hundred ms more, closer to the file; serve --encode-refine-steps N "
            "sets how many, 0 turns it off); re-render at the file's own level (kept by "
            "/pad/vary and re-renders; a gesture that moves the pad elsewhere plays at the model's level). "
            "An absolute path inside a "
            "--sample-dir folder (symlinks resolved); /error naming the file for anything else; read and "
            "encoded off the receive path, latest wins per pad"),
    Address("/pad/vary", (PAD, Arg("amount", "f", 0.0, 2.0)), PadVary, "/sample",
            "a variation of the pad's home (seeded). With a diffusion prior: home noised part-way "
            "(amount 0 = none, 2 = all the way: a fresh draw) and denoised, so it keeps the sound's "
            "identity; without one: home + amount * latent_prior.std * N(0, 1). The pad keeps its home "
            "(the point it was last encoded, moved, randomised, morphed, combined or transformed to), so "
            "repeated varies stay around home instead of drifting; re-render"),
    Address("/pad/transform", (PAD, CLASS_NAME_REQUIRED, Arg("strength", "f", 0.0, 1.0)), PadTransform,
            "/sample", "turn the pad's sound toward another class (kick into snare) with the diffusion "
            "prior: noised part-way by strength (0 = unchanged, 1 = a new draw of that class) and "
            "denoised guided by class_name; the result is the pad's new home; re-render. /error when the "
            "preset has no oneshot.prior"),
    Address("/pad/humanize", (PAD, Arg("amount", "f", 0.0, 2.0)), PadHumanize, "/humanize",
            "round robin: with amount > 0 every trigger of the pad (/pad/trigger, a MIDI note) is "
            "followed by /pad/vary pad amount, so the next hit plays a fresh variation of the pad's home "
            "(/sample as usual); 0 turns it off. The Sampler device does the same for the notes it plays"),
    Address("/pad/width", (PAD, Arg("width", "f", 0.0, 1.0)), PadWidth, "/width, /sample",
            "stereo width of the pad's renders from now on: with width > 0 its WAVs are stereo, L the "
            "pad's sound and R a close variation of it (the diffusion prior's /pad/vary at amount "
            "width / 2 with noise fixed per pad, or Gaussian without a prior); 0 = mono again. "
            "Replies /width, then re-renders the pad"),
    Address("/pad/morph", (PAD, Arg("a", "i", 0, NPADS - 1), Arg("b", "i", 0, NPADS - 1),
                           Arg("t", "f", 0.0, 1.0)), PadMorph, "/sample",
            "the pad's point = (1 - t) * point of pad a + t * point of pad b; re-render"),
    Address("/pad/combine", (PAD, Arg("terms", "if", count="groups", max_groups=8, group=(
                Arg("src", "i", 0, NPADS - 1), Arg("weight", "f", -2.0, 2.0)))), PadCombine, "/sample",
            "latent arithmetic: the pad's point = mean + sum of weight * (point of src - mean) over 1 to 8 "
            "(src, weight) pairs, mean = latent_prior.mean (weights may be negative); re-render"),
    Address("/pad/classify", (PAD,), PadClassify, "/class",
            "class probabilities of the pad's current sound (decode, encode, softmax of the class head), "
            "off the receive path; /error if the preset has no encoder"),
    Address("/pad/save", (PAD, Arg("name", "s", optional=True, max_len=120)),
            PadSave, "/saved",
            "copy the pad's latest render into --save-dir as NAME.wav (its last path part, characters "
            "outside [A-Za-z0-9_.-] replaced by _, a name Windows reserves such as con or nul given a "
            "trailing _) or, without a name, `<class>_<x>_<y>_<point hash>.wav`; never replaces a file: "
            "a taken name becomes NAME-2.wav, NAME-3.wav, ... and /saved says which; /error if the pad "
            "has no render yet"),
    Address("/pad/similar", (PAD, Arg("k", "i", 1, 32)), PadSimilar, "/similar",
            "the k sounds in the --library folders nearest the pad's current point (cosine distance "
            "between the point and the hits' encoder mus); off the receive path; /error without --library, "
            "without an encoder or while the first index is still being built"),
    Address("/pad/trigger", (PAD, Arg("velocity", "f", 0.0, 1.0, optional=True, default=1.0)), PadTrigger,
            "—", "play the pad's latest render (serve --audio; without it the trigger is only counted); "
            "MIDI notes from --midi-in trigger pads the same way"),
    Address("/library/rescan", (), LibraryRescan, "/library",
            "re-index the --library folders off the receive path (only new and changed files are "
            "encoded); /library when done"),
    Address("/scene/store", (Arg("slot", "i", 0, SCENE_SLOTS - 1),), SceneStore, "/scene",
            "bookmark all 16 pads' points (and homes) in a slot"),
    Address("/scene/recall", (Arg("slot", "i", 0, SCENE_SLOTS - 1),
                              Arg("morph_ms", "f", 0.0, 60000.0, optional=True, default=0.0)),
            SceneRecall, "/sample, /scene",
            "go to a stored scene: every pad re-renders at its stored point, at once (morph_ms 0) or "
            "gliding there over morph_ms (renders every 20 ms, latest wins; a new recall or a gesture "
            "on a pad stops that pad's glide); /scene when it has arrived: after the /sample of every "
            "pad's arrival render; /error for an empty slot"),
    Address("/pattern/xy", (Arg("x", "f", 0.0, 1.0), Arg("y", "f", 0.0, 1.0)), PatternXY, PATTERN_REPLY,
            "new drum pattern from the preset's groove map (bilinear over groove.map); replies one "
            "/pattern/row and one /pattern/offset per instrument (9); /error if the preset has no groove model"),
    Address("/pattern/density", (Arg("instrument", "i", 0, NINST - 1, optional=True),
                                 Arg("density", "f", 0.0, 1.0)), PatternDensity, PATTERN_REPLY,
            "density of one instrument (0 kick .. 8 ride, see /pattern/row) or, without it, of all: "
            "0 = silent, 0.5 = as the model decoded, 1 = every step; replies the pattern's rows"),
    Address("/pattern/temperature", (Arg("temperature", "f", 0.0, 2.0),), PatternTemperature, PATTERN_REPLY,
            "0 = the most likely pattern (threshold), 1 = sample with the model's probabilities "
            "(same seed, same pattern); replies the pattern's rows"),
    Address("/pattern/swing", (Arg("swing", "f", 0.0, 1.0),), PatternSwing, PATTERN_REPLY,
            "delay every off-8th 16th (steps 1, 3, 5, ...) by swing x 0.5 of a 16th on top of the "
            "model's micro-timing: 0 = as decoded, 0.67 = triplet shuffle; replies the pattern's rows"),
    Address("/pattern/fill", (), PatternFill, "/pattern/fill, /pattern/filloffset",
            "a fill for the next bar, once: the groove decoded at the current point moved along the "
            "preset's fill direction (groove.fill, learnt from labelled fills), its second bar; MIDI out "
            "plays it in the next bar, then the pattern again. Replies one /pattern/fill and one "
            "/pattern/filloffset per instrument; /error if the preset has no groove.fill"),
    Address("/pattern/change", (Arg("now", "i", 0, 1),), PatternChange, "/pattern/change",
            "when a new pattern starts: 0 = at the next bar line (default), 1 = now (the next 16th, "
            "in phase: step s plays column s % 32); for MIDI out and, through the reply, the device"),
    Address("/pattern/countin", (Arg("bars", "i", 0, 4),), PatternCountIn, "/pattern/countin",
            "MIDI out: play bars bars of count-in (a side stick on every beat, the downbeat louder) from "
            "the next bar line, then the pattern; 0 cancels one that has not started"),
    Address("/pattern/scene/store", (SCENE,), PatternStore, "/pattern/scene",
            "bookmark the pattern's point and controls (XY, densities, temperature) in a slot"),
    Address("/pattern/scene/recall", (SCENE,), PatternRecall, PATTERN_REPLY,
            "go back to a stored pattern point and its controls; replies the pattern's rows "
            "(/error for an empty slot)"),
    Address("/melody/continue", (
                Arg("request", "i", 0, 2 ** 31 - 1), Arg("chunk", "i", 0, MELODY_CHUNKS - 1),
                Arg("chunks", "i", 1, MELODY_CHUNKS), Arg("bars", "i", 1, 16),
                Arg("temperature", "f", 0.0, 2.0), Arg("top_p", "f", 0.0, 1.0), Arg("seed", "i"),
                Arg("length", "f", 0.0, 4096.0),
                Arg("notes", "iffi", count="groups", max_groups=MELODY_NOTES_PER_CHUNK, group=(
                    Arg("pitch", "i", 0, 127), Arg("start", "f", 0.0, 4096.0),
                    Arg("length", "f", 0.0, 256.0), Arg("velocity", "i", 0, 127)))),
            MelodyContinue, "/melody",
            "continue a melody with the preset's melody.decoder: the opening's notes (start and length "
            "in beats, 4/4) and its length in beats (a clip's; 0 = up to the bar line after its last "
            "note: the continuation starts there) in `chunks` datagrams of the same request id (chunk 0..chunks-1, any order; "
            "bars, temperature, top_p, seed and length are read from the chunk that completes it), then `bars` bars are sampled off the "
            "receive path (temperature 0 = greedy; top_p 1 = no nucleus cut; same seed and opening, "
            "same notes; latest wins per client) from the first bar line after the opening; /error "
            "without a melody.decoder"),
    Address("/melody/key", (Arg("tonic", "i", -1, 11), Arg("scale", "s", pattern=re.compile(
                r"[a-z][a-z_]{0,31}"), max_len=32)), MelodyKey, "/melody/key",
            "keep this client's continuations in a scale: tonic pitch class (0 = C .. 11 = B; -1 = "
            "no constraint) and scale name (" + ", ".join(SCALES) + "; /error for another name)"),
    Address("/preset/load", (PRESET_NAME,), PresetLoad, "/preset",
            "load and validate the bundle `presets/NAME` off the receive path; on success pads reset to the "
            "new preset's start points; on failure the old preset keeps serving and /error says why; latest "
            "wins: a load asked for while another runs replaces any still waiting, which gets no reply"),
    Address("/preset/list", (), PresetList, "/presets", "list preset folder names"),
    Address("/stats", (), Stats, "/stats", "render worker counters"),
)}

REPLIES = {r.path: r for r in (
    Reply("/hello", (Arg("version", "s"), Arg("preset", "s"), Arg("pads", "i")),
          "server version, current preset, number of pads"),
    Reply("/pong", (Arg("seq", "i"),), "the /ping's seq"),
    Reply("/sample", (Arg("pad", "i"), Arg("path", "s", max_len=4096), Arg("seq", "i")),
          "a new WAV for the pad (24-bit, the client's sample rate); seq = the pad's request "
          "counter of the request it answers (1 = first request on that pad since start)"),
    Reply("/class", (Arg("pad", "i"), Arg("classes", "sf", count="groups", max_groups=64, group=(
              Arg("name", "s", max_len=64), Arg("prob", "f")))),
          "the pad's classes and probabilities as name:s prob:f pairs, most likely first (all classes)"),
    Reply("/width", (Arg("pad", "i"), Arg("width", "f")), "the pad's stereo width now (0 = mono)"),
    Reply("/humanize", (Arg("pad", "i"), Arg("amount", "f")), "the pad's round-robin variation amount now (0 = off)"),
    Reply("/similar", (Arg("pad", "i"), Arg("hits", "sff", count="groups", max_groups=32, group=(
              Arg("path", "s", max_len=4096), Arg("start_s", "f"), Arg("distance", "f")))),
          "nearest first: path:s start_s:f (where the hit starts in the file, seconds) distance:f "
          "(cosine, 0 = same direction, up to 2); several /similar datagrams (same pad, continuing "
          "the list) when k results do not fit in one"),
    Reply("/library", (Arg("count", "i"), Arg("files", "i"), Arg("skipped", "i")),
          "the library index is ready: hits indexed, sound files, files that could not be read"),
    Reply("/saved", (Arg("pad", "i"), Arg("path", "s", max_len=4096)),
          "where /pad/save wrote the WAV (the next free name if the one asked for was taken)"),
    Reply("/scene", (Arg("slot", "i"),),
          "the scene slot stored, or the recalled scene has arrived (after its renders' /sample)"),
    Reply("/pattern/row", (Arg("instrument", "i"), Arg("velocity", "f", count="any")),
          "one instrument's 32 steps (2 bars of 16ths): velocity in [0, 1], 0 = no hit; instruments "
          + ", ".join(f"{i} {name} ({note})" for i, (name, note) in enumerate(zip(INSTRUMENTS, GM_NOTES)))
          + "; apply at the next bar"),
    Reply("/pattern/offset", (Arg("instrument", "i"), Arg("offset", "f", count="any")),
          "the same instrument's micro-timing per step, in 16ths (-0.5..0.5, negative = early; 0 where no hit)"),
    Reply("/pattern/fill", (Arg("instrument", "i"), Arg("velocity", "f", count="any")),
          "one instrument's fill bar (16 steps), like /pattern/row; play it once in the next bar"),
    Reply("/pattern/filloffset", (Arg("instrument", "i"), Arg("offset", "f", count="any")),
          "the fill bar's micro-timing per step, like /pattern/offset"),
    Reply("/pattern/change", (Arg("now", "i"),), "the change mode now: 0 = at the next bar, 1 = now"),
    Reply("/pattern/countin", (Arg("bars", "i"),),
          "the count-in armed (bars; 0 = none), or 0 when MIDI out is off (nothing to count in)"),
    Reply("/pattern/scene", (Arg("slot", "i"),), "the slot the pattern scene was stored in"),
    Reply("/melody", (Arg("request", "i"), Arg("chunk", "i"), Arg("chunks", "i"),
                      Arg("notes", "iffi", count="groups", max_groups=MELODY_NOTES_PER_CHUNK, group=(
                          Arg("pitch", "i"), Arg("start", "f"), Arg("length", "f"), Arg("velocity", "i")))),
          "the continuation of /melody/continue `request`: pitch:i start:f (beats from the "
          "continuation's start: the first bar line after the opening) length:f (beats) velocity:i "
          "groups in time order, over `chunks` datagrams (chunk 0..chunks-1; an empty continuation "
          "is one datagram with no notes)"),
    Reply("/melody/key", (Arg("tonic", "i"), Arg("scale", "s")), "the client's key constraint now"),
    Reply("/preset", (Arg("name", "s"),), "the preset now serving; pads were reset"),
    Reply("/presets", (Arg("name", "s", count="any"),), "preset folder names (not validated)"),
    Reply("/stats", (Arg("requests", "i"), Arg("renders", "i"), Arg("superseded", "i"),
                     Arg("errors", "i")), "render requests, renders done, requests replaced "
          "before rendering (latest wins), render errors"),
    Reply("/error", (Arg("address", "s", max_len=256), Arg("message", "s", max_len=1000)),
          "the request's address (\"\" if undecodable) and what was wrong; nothing else changed"),
)}

REQUEST_ADDRESS = {spec.request: path for path, spec in REQUESTS.items()}


def address_of(request) -> str:
    return REQUEST_ADDRESS[type(request)]


# --- decode ---------------------------------------------------------------------------------
def fmt_number(v) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _range_text(arg: Arg) -> str:
    if arg.low is None:
        return ""
    return f" in [{fmt_number(arg.low)}, {fmt_number(arg.high)}]"


def _check_range(address: str, arg: Arg, value) -> None:
    if arg.low is not None and not arg.low <= value <= arg.high:
        raise ProtocolError(address, f"{arg.name} must be{_range_text(arg)}, got {value!r}")


def _as_int(address: str, arg: Arg, value):
    if type(value) is not int:  # bool is not int here; floats are refused
        raise ProtocolError(address, f"{arg.name} must be an int (i){_range_text(arg)}, "
                                     f"got {type(value).__name__} {value!r}")
    _check_range(address, arg, value)
    if arg.choices and value not in arg.choices:
        raise ProtocolError(address, f"{arg.name} must be one of {', '.join(map(str, arg.choices))}, "
                                     f"got {value}")
    return value


def _as_float(address: str, arg: Arg, value):
    if type(value) not in (int, float):  # Max may send 0 as an int
        raise ProtocolError(address, f"{arg.name} must be a float (f){_range_text(arg)}, "
                                     f"got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ProtocolError(address, f"{arg.name} must be finite, got {value!r}")
    _check_range(address, arg, value)
    return float(value)


def _as_str(address: str, arg: Arg, value):
    if type(value) is not str:
        raise ProtocolError(address, f"{arg.name} must be a string (s), got {type(value).__name__}")
    if len(value) > arg.max_len or (arg.pattern is not None and not arg.pattern.fullmatch(value)):
        raise ProtocolError(address, f"{arg.name} {value[:80]!r} is not allowed: use "
                                     f"{arg.pattern.pattern if arg.pattern else 'a shorter string'}")
    return value


_CHECK: dict[str, Callable] = {"i": _as_int, "f": _as_float, "s": _as_str}


def signature(args: tuple) -> str:
    """`pad:i x:f y:f`, with [optional] and variadic… arguments."""
    def one(a: Arg) -> str:
        if a.group:
            return "(" + " ".join(f"{g.name}:{g.tag}" for g in a.group) + ")…"
        text = f"{a.name}:{a.tag}" + ("…" if a.count else "")
        return f"[{text}]" if a.optional else text
    return " ".join(one(a) for a in args)


_FITS = {"i": lambda v: type(v) is int, "f": lambda v: type(v) in (int, float), "s": lambda v: type(v) is str}


def _present(fixed: tuple, args: tuple) -> tuple:
    """The arguments that the given values stand for: optional ones are left off from the end of
    the list, except that a leading optional argument goes first (`[inst:i] d:f`). When that
    reading does not fit the values' types but leaving off other optional ones does, that one is
    it (`/pad/random pad [spread:f] [class_name:s]` takes `pad class_name`)."""
    missing = len(fixed) - len(args)
    if missing <= 0:
        return fixed
    order = [i for i, a in enumerate(fixed) if a.optional]
    order = order[:1] + order[:0:-1] if order and order[0] == 0 else order[::-1]
    readings = [order[:missing]] + [list(c) for c in itertools.combinations(order, missing)]
    for dropped in readings:
        present = tuple(a for i, a in enumerate(fixed) if i not in dropped)
        if all(_FITS[a.tag](v) for a, v in zip(present, args)):
            return present
    return tuple(a for i, a in enumerate(fixed) if i not in order[:missing])  # its errors name the type


def request_signatures(path: str) -> set:
    """Every type-tag string `decode` accepts for a request without a variadic tail: all ways of
    leaving optional arguments off (which `_present` tells apart by count and type)."""
    fixed = tuple(a for a in REQUESTS[path].args if a.count is None)
    optional = [i for i, a in enumerate(fixed) if a.optional]
    out = set()
    for n in range(len(optional) + 1):
        for dropped in itertools.combinations(optional, n):
            present = tuple(a for i, a in enumerate(fixed) if i not in dropped)
            sample = tuple({"i": 0, "f": 0.5, "s": "x"}[a.tag] for a in present)
            if _present(fixed, sample) == present:
                out.add("".join(a.tag for a in present))
    return out


def decode(address: str, args, *, latent_size: int):
    """(address, args) -> frozen request, or ProtocolError naming the address and problem."""
    spec = REQUESTS.get(address)
    if spec is None:
        raise ProtocolError(address, "unknown address (known: " + ", ".join(REQUESTS) + ")")
    args = tuple(args)
    fixed = tuple(a for a in spec.args if a.count is None)
    variadic = spec.args[-1] if spec.args and spec.args[-1].count else None
    required = sum(not a.optional for a in fixed)
    if variadic is not None and variadic.group:
        n, size = len(args) - len(fixed), len(variadic.group)
        ok = n > 0 and n % size == 0 and n // size <= variadic.max_groups
        want = f"{len(fixed)} + {size} x (1 to {variadic.max_groups})"
    elif variadic is not None:
        ok, want = len(args) == len(fixed) + latent_size, f"{len(fixed) + latent_size}"
    else:
        ok = required <= len(args) <= len(fixed)
        want = str(required) if required == len(fixed) else f"{required} to {len(fixed)}"
    if not ok:
        extra = f" ({variadic.name}: latent_size = {latent_size} values)" if variadic and not variadic.group else ""
        raise ProtocolError(address, f"expects {signature(spec.args)}{extra}: {want} arguments, "
                                     f"got {len(args)}")
    present = _present(fixed, args)
    values = {a.name: _CHECK[a.tag](address, a, v) for a, v in zip(present, args)}
    values.update({a.name: a.default for a in fixed if a not in present})
    if variadic is not None and variadic.group:
        tail, size = args[len(fixed):], len(variadic.group)
        values[variadic.name] = tuple(
            tuple(_CHECK[g.tag](address, g, v) for g, v in zip(variadic.group, tail[i:i + size]))
            for i in range(0, len(tail), size))
    elif variadic is not None:
        values[variadic.name] = tuple(_CHECK[variadic.tag](address, variadic, v)
                                      for v in args[len(fixed):])
    return spec.request(**values)


# --- encode ---------------------------------------------------------------------------------
def _wire_int(v) -> int:
    return int(v.__index__())  # plain int, also from numpy integers


def _wire_float(v) -> float:
    f = float(v)
    if not math.isfinite(f):
        raise ValueError(f"refusing to send non-finite float {v!r}")
    return f


_WIRE: dict[str, Callable] = {"i": _wire_int, "f": _wire_float, "s": str}


def _osc_string(text: str) -> bytes:
    """UTF-8, then 1 to 4 NULs to a multiple of 4 bytes (as python-osc writes strings)."""
    data = text.encode("utf-8")
    return data + b"\0" * (4 - len(data) % 4)


def _wire_floats(values) -> list:
    """_wire_float over a row at once: one finiteness test of the sum (a non-finite value, or
    +inf and -inf, makes it non-finite), then the value-by-value test only to name the culprit."""
    floats = [float(v) for v in values]
    if not math.isfinite(sum(floats)):
        for v in values:
            _wire_float(v)
    return floats


def _pack(address: str, tags: str, values: list) -> bytes:
    """The datagram python-osc's OscMessageBuilder makes for these tags and values, byte for
    byte, without its per-argument appends and the parse-back of the finished message: each run
    of 'i'/'f' arguments is one big-endian struct.pack (int32, float32), strings as above."""
    parts = [_osc_string(address), _osc_string("," + tags)]
    if "s" not in tags:
        parts.append(struct.pack(">" + tags, *values))
        return b"".join(parts)
    run = 0
    for i, tag in enumerate(tags):
        if tag == "s":
            if run < i:
                parts.append(struct.pack(">" + tags[run:i], *values[run:i]))
            parts.append(_osc_string(values[i]))
            run = i + 1
    if run < len(tags):
        parts.append(struct.pack(">" + tags[run:], *values[run:]))
    return b"".join(parts)


def _build(address: str, typed: list) -> bytes:
    """(tag, value) pairs -> the datagram."""
    return _pack(address, "".join(tag for tag, _ in typed), [value for _, value in typed])


def _reply_shape(address: str) -> tuple:
    """(fixed args, the variadic arg or None, the tail it repeats) of a reply, from the table."""
    shape = _REPLY_SHAPES.get(address)
    if shape is None:
        spec = REPLIES[address]
        fixed = tuple(a for a in spec.args if a.count is None)
        variadic = spec.args[-1] if spec.args and spec.args[-1].count else None
        tail = (variadic.group or (variadic,)) if variadic is not None else ()
        shape = _REPLY_SHAPES[address] = (fixed, variadic, tail)
    return shape


_REPLY_SHAPES: dict = {}


def encode(address: str, *args) -> bytes:
    """A reply datagram: plain Python values with the table's tags; strings cut to max_len;
    a variadic tail is shortened until the datagram fits under MAX_DATAGRAM."""
    fixed, variadic, tail = _reply_shape(address)
    if len(args) < len(fixed) or (variadic is None and len(args) != len(fixed)):
        raise ValueError(f"reply {address} takes {signature(REPLIES[address].args)}, got {len(args)} values")
    specs = list(fixed)
    values = []
    for arg, value in zip(fixed, args):
        value = _WIRE[arg.tag](value)
        values.append(value[: arg.max_len] if arg.tag == "s" else value)
    rest = args[len(fixed):]
    if len(tail) == 1 and tail[0].tag == "f":  # a row of floats (/pattern/row, /pattern/offset)
        tags = "".join(a.tag for a in fixed) + "f" * len(rest)
        values += _wire_floats(rest)
    else:
        for i, value in enumerate(rest):
            arg = tail[i % len(tail)]
            specs.append(arg)
            value = _WIRE[arg.tag](value)
            values.append(value[: arg.max_len] if arg.tag == "s" else value)
        tags = "".join(a.tag for a in specs)
    dgram = _pack(address, tags, values)
    while len(dgram) >= MAX_DATAGRAM and variadic is not None and len(values) > len(fixed):
        tags, values = tags[:-len(tail)], values[:-len(tail)]
        dgram = _pack(address, tags, values)
    if len(dgram) >= MAX_DATAGRAM:
        raise ValueError(f"reply {address} is {len(dgram)} bytes, over the {MAX_DATAGRAM} limit")
    return dgram
