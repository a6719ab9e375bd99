"""Real drum playing from Debian packages: songs as Standard MIDI Files, and MMA's groove library.

    python -m export.groove.songs /usr/share/games/simutrans/music/07-Transport-chaos.mid

MIDI songs and clips (`read_song`): every drum note (channel 10; in a file without channel-10
notes, tracks whose names say a drum, as LMMS exports them; else every channel, as Live writes a
Drum Rack clip on channel 1) is placed on the 16th grid with its micro-timing; bars come
from the file's own time signatures, and only 2-bar windows of two whole 4/4 bars are kept
(a 3/4 or 6/8 passage is skipped, not squeezed; pairs start again after it). Notes map to the 9 instruments through a drum
map (`DRUM_MAPS`: General MIDI, which Live's Drum Rack C1=36 kits follow for 36-51, or
Hydrogen's GM-kit order); notes outside the map are counted and reported, never guessed.

MMA grooves (`render_mma`): MMA's library (`/usr/share/mma/lib/**.mma`, its own text format
of `Begin Drum ... Sequence ... End` blocks and `DefGroove NAME` lines) is rendered by MMA
itself, the format's reference implementation: one song per library file with every 4/4
groove in turn for 8 bars, so each groove's sequence and its own humanisation (RTime, RVolume,
RSkip) come out as MMA plays them. Grooves whose names say Fill, Intro or End are labelled so.

A window is labelled a fill (`is_fill`) when its last 8 steps carry at least 3 tom hits, or at
least 4 snare hits more than the first bar's last 8 steps: the drummer's turnaround.
"""
from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from server.core.patterns import INSTRUMENTS, NINST, NOTE_TO_INSTRUMENT, OFFSET_LIMIT, STEPS, STEPS_PER_BEAT

DRUM_CHANNEL = 9
BAR_STEPS = STEPS // 2
_I = INSTRUMENTS.index
# Hydrogen's GM kits (GMRockKit, GMkit): instrument k plays MIDI note 36 + k.
HYDROGEN_MAP = {36: _I("kick"), 37: _I("snare"), 38: _I("snare"), 39: _I("snare"), 40: _I("snare"),
                41: _I("low_tom"), 42: _I("closed_hat"), 43: _I("mid_tom"), 44: _I("closed_hat"),
                45: _I("high_tom"), 46: _I("open_hat"), 48: _I("ride"), 49: _I("crash"),
                50: _I("ride"), 51: _I("crash")}
DRUM_MAPS = {"gm": dict(NOTE_TO_INSTRUMENT), "live": dict(NOTE_TO_INSTRUMENT), "hydrogen": HYDROGEN_MAP}
TOMS = [_I("low_tom"), _I("mid_tom"), _I("high_tom")]


class SongError(ValueError):
    """A file that holds no usable 4/4 drum playing."""


@dataclass
class Song:
    windows: list  # [9, 32, 3] float32 each
    bars: list  # the first bar of each window, counted from 0
    fills: list  # bool per window
    mapped: dict = field(default_factory=dict)  # note -> (instrument, count)
    ignored: dict = field(default_factory=dict)  # note -> count
    mapping: str = "gm"  # the drum map used, or "track names"


@contextlib.contextmanager
def _lenient_key_signatures():
    """Some game MIDI files carry key signatures mido refuses (mode 255); read them as C."""
    from mido.midifiles import meta

    spec = meta._META_SPEC_BY_TYPE.get("key_signature")
    original = spec.decode if spec is not None else None

    def decode(message, data):
        try:
            original(message, data)
        except meta.KeySignatureError:
            message.key = "C"
    if spec is not None:
        spec.decode = decode
    try:
        yield
    finally:
        if spec is not None:
            spec.decode = original


def _events(path: Path) -> tuple:
    """-> (notes [(tick, channel, note, velocity, track_name)], time signatures [(tick, num, den)],
    end tick, ticks per beat)."""
    import mido

    try:
        with _lenient_key_signatures():
            midi = mido.MidiFile(path)
    except Exception as exc:  # mido raises many kinds on broken files
        raise SongError(f"{path.name}: not a readable MIDI file ({type(exc).__name__}: {exc})") from exc
    if midi.type == 2 or not midi.ticks_per_beat:
        raise SongError(f"{path.name}: type-2 or SMPTE-timed MIDI is not supported")
    notes, signatures, end = [], [], 0
    for track in midi.tracks:
        tick, name = 0, ""
        for message in track:
            tick += message.time
            if message.type == "track_name":
                name = message.name
            elif message.type == "time_signature":
                signatures.append((tick, message.numerator, message.denominator))
            elif message.type == "note_on" and message.velocity > 0:
                notes.append((tick, message.channel, message.note, message.velocity, name))
        end = max(end, tick)
    return notes, sorted(signatures), end, midi.ticks_per_beat


def _bar_starts(signatures: list, end: int, tpb: int) -> list:
    """[(start tick, ticks per 16th, is 4/4)] for every bar up to `end`."""
    bars, tick = [], 0
    sig = [(0, 4, 4)] + [s for s in signatures]
    k = 0
    while tick < end:
        while k + 1 < len(sig) and sig[k + 1][0] <= tick:
            k += 1
        num, den = sig[k][1], sig[k][2]
        length = max(1, round(tpb * 4 * num / den))
        bars.append((tick, tpb / STEPS_PER_BEAT, (num, den) == (4, 4)))
        tick += length
    return bars


def is_fill(window: np.ndarray) -> bool:
    hits = window[..., 0] > 0.5
    last, before = hits[:, STEPS - 8:], hits[:, BAR_STEPS - 8:BAR_STEPS]
    snare = _I("snare")
    return bool(last[TOMS].sum() >= 3 or last[snare].sum() - before[snare].sum() >= 4)


def read_song(path, drum_map: str = "gm", min_hits: int = 4) -> Song:
    from export.groove.corpus import classify  # the instrument names of Hydrogen and LMMS

    path = Path(path)
    notes, signatures, end, tpb = _events(path)
    drums = [n for n in notes if n[1] == DRUM_CHANNEL]
    table = DRUM_MAPS[drum_map]
    by_name = False
    if not drums:  # no channel 10: tracks named like a drum (LMMS exports one track per instrument)
        drums = [n for n in notes if n[4] and classify(n[4]) is not None]
        by_name = bool(drums)
    if not drums:  # a Drum Rack clip (Live writes channel 1): the notes through the drum map
        drums = [n for n in notes if n[2] in table]
    if not drums:
        raise SongError(f"{path.name}: no drum notes (nothing on channel 10, no track named like a "
                        f"drum, no note of the {drum_map} drum map)")
    bars = _bar_starts(signatures, max(end, max(n[0] for n in drums) + 1), tpb)
    starts = np.array([b[0] for b in bars])
    grid = np.zeros((NINST, len(bars) * BAR_STEPS, 3), np.float32)
    mapped, ignored = {}, {}
    for tick, _, note, velocity, name in drums:
        inst = classify(name) if by_name else table.get(note)
        key = name if by_name else note
        if inst is None:
            ignored[key] = ignored.get(key, 0) + 1
            continue
        mapped[key] = (INSTRUMENTS[inst], mapped.get(key, ("", 0))[1] + 1)
        bar = int(np.searchsorted(starts, tick + bars[0][1] * OFFSET_LIMIT, side="right") - 1)
        position = bar * BAR_STEPS + (tick - bars[bar][0]) / bars[bar][1]
        step = int(np.floor(position + 0.5))
        if not 0 <= step < grid.shape[1]:
            continue
        if velocity / 127 > grid[inst, step, 1]:
            offset = float(np.clip(position - step, -OFFSET_LIMIT, OFFSET_LIMIT))
            grid[inst, step] = (1.0, velocity / 127, offset)
    song = Song([], [], [], mapped, ignored, "track names" if by_name else drum_map)
    if len(bars) == 1:  # a one-bar clip: play it twice
        bars = bars * 2
        grid = np.concatenate([grid, grid], 1)
    b = 0
    while b + 1 < len(bars):
        if not (bars[b][2] and bars[b + 1][2]):  # pairs start again after a bar in another metre
            b += 1
            continue
        window = grid[:, b * BAR_STEPS:(b + 2) * BAR_STEPS].copy()
        if window[..., 0].sum() >= min_hits:
            song.windows.append(window)
            song.bars.append(b)
            song.fills.append(is_fill(window))
        b += 2
    return song


# --- MMA ----------------------------------------------------------------------------------------
MMA_LIB = Path("/usr/share/mma/lib")
MMA_BARS = 8  # bars rendered per groove: covers SeqSize 1, 2, 4 and 8


def mma_grooves(lib_file: Path) -> list:
    """The 4/4 grooves a library file defines, in order (`Time 4` in force at `DefGroove`)."""
    grooves, time = [], 4
    for line in lib_file.read_text(errors="replace").splitlines():
        words = line.split("//")[0].split()
        if len(words) >= 2 and words[0].lower() == "time":
            try:
                time = int(float(words[1]))
            except ValueError:
                pass
        if len(words) >= 2 and words[0].lower() == "defgroove" and time == 4:
            grooves.append(words[1])
    return grooves


def groove_kind(name: str) -> str:
    low = name.lower()
    return next((k for k in ("fill", "intro", "end") if k in low), "groove")


def render_mma(lib_file: Path, workdir: Path, mma: str = "mma") -> list:
    """-> [(groove name, kind, [windows])] for every 4/4 groove of one MMA library file."""
    grooves = mma_grooves(lib_file)
    if not grooves:
        return []
    song = workdir / (lib_file.stem + ".mma")
    out = workdir / (lib_file.stem + ".mid")
    lines = ["Tempo 120", "Time 4"]
    for g in grooves:
        lines.append(f"Groove {g}")
        lines += [f"{b + 1} C" for b in range(MMA_BARS)]
    song.write_text("\n".join(lines) + "\n")
    run = subprocess.run([mma, "-f", str(out), str(song)], capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or not out.exists():
        raise SongError(f"mma failed on {lib_file.name}: {run.stdout[-300:]} {run.stderr[-300:]}")
    read = read_song(out, "gm", min_hits=1)
    windows = dict(zip(read.bars, read.windows))
    result = []
    for k, g in enumerate(grooves):
        first = k * MMA_BARS
        mine = [windows[b] for b in range(first, first + MMA_BARS, 2) if b in windows]
        result.append((g, groove_kind(g), mine))
    return result


def mma_library(lib: Path = MMA_LIB) -> list:
    return sorted(p for p in lib.glob("**/*.mma") if p.is_file())


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for a in args:
        p = Path(a)
        if p.suffix == ".mma":
            if not shutil.which("mma"):
                raise SystemExit("mma is not installed (Debian package mma)")
            with tempfile.TemporaryDirectory() as tmp:
                for g, kind, w in render_mma(p, Path(tmp)):
                    print(f"{g}: {kind}, {len(w)} windows")
            continue
        song = read_song(p)
        print(f"{p.name}: {len(song.windows)} windows, {sum(song.fills)} fills; mapped "
              f"{ {k: v for k, v in song.mapped.items()} }; ignored {song.ignored}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
