"""Drum sources beyond the Hydrogen and LMMS kits: GM soundfont kits rendered note by note with
fluidsynth, and Sonic Pi's drum samples.

Soundfonts (Debian `timgm6mb-soundfont`, `csound-soundfont`, `opl3-soundfont`): every drum kit
(bank 128) of the file is played through the `fluidsynth` program, one note every 2 s at three
velocities, reverb and chorus off, and cut into one-shots. The GM drum map names each note's
class. Reserved for independent evaluation and never read here: `fluid-soundfont-gm`,
`fluid-soundfont-gs`, `fluidr3mono-gm-soundfont`, `musescore-general-soundfont*`,
`avldrums.lv2-soundfont` (`RESERVED` below; `default-GM.sf2` is an alternatives link that may
point at one of them, so only the files named in `SOUNDFONTS` are used).
"""
from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from server.core.sample_io import read_mono

RESERVED = ("fluid-soundfont-gm", "fluid-soundfont-gs", "fluidr3mono-gm-soundfont",
            "musescore-general-soundfont", "avldrums.lv2-soundfont")


@dataclass(frozen=True)
class Soundfont:
    package: str
    path: Path
    licence: str


SOUNDFONTS = (
    Soundfont("timgm6mb-soundfont", Path("/usr/share/sounds/sf2/TimGM6mb.sf2"), "GPL-2"),
    Soundfont("csound-soundfont", Path("/usr/share/sounds/sf2/sf_GMbank.sf2"), "LGPL-2.1+"),
    Soundfont("opl3-soundfont", Path("/usr/share/sounds/sf2/OPL-3_FM_128M.sf2"), "GPL-3+"),
)
SONIC_PI = Path("/usr/share/sonic-pi/samples")
SONIC_PI_LICENCE = "CC0 (sonic-pi-samples; per-file credits in its copyright file)"

# GM drum map (General MIDI level 1, channel 10) -> latentpad class; whistles name no drum class
GM_DRUMS: dict[int, str | None] = {
    35: "kick", 36: "kick", 37: "percussion", 38: "snare", 39: "clap", 40: "snare",
    41: "tom", 42: "closed_hat", 43: "tom", 44: "closed_hat", 45: "tom", 46: "open_hat",
    47: "tom", 48: "tom", 49: "cymbal", 50: "tom", 51: "cymbal", 52: "cymbal", 53: "cymbal",
    54: "percussion", 55: "cymbal", 56: "percussion", 57: "cymbal", 58: "percussion", 59: "cymbal",
    **{n: "percussion" for n in range(60, 71)}, 71: None, 72: None,
    **{n: "percussion" for n in range(73, 82)},
}
VELOCITIES = (40, 80, 120)
SPACING_S = 2.0
SLICE_S = 1.6
RENDER_HZ = 44100


def drum_kits(sf2: Path) -> list[tuple[int, str]]:
    """(program, name) of every bank-128 preset, read from the file's `phdr` chunk."""
    data = sf2.read_bytes()
    at = data.find(b"phdr")
    if at < 0:
        raise ValueError(f"{sf2.name}: no preset headers")
    size = struct.unpack("<I", data[at + 4:at + 8])[0]
    kits = []
    for k in range(size // 38 - 1):  # the last record is the terminal EOP
        rec = data[at + 8 + 38 * k: at + 8 + 38 * (k + 1)]
        name = rec[:20].split(b"\0")[0].decode("latin-1").strip()
        program, bank = struct.unpack("<HH", rec[20:24])
        if bank == 128 and name.upper() != "SFX":  # the SFX kit is sound effects, not the GM drum map
            kits.append((program, name))
    return sorted(kits)


def _score(program: int, notes: list[int]) -> "object":
    import mido

    mid = mido.MidiFile(ticks_per_beat=480)  # 120 BPM: 960 ticks a second
    tr = mido.MidiTrack()
    mid.tracks.append(tr)
    tr.append(mido.Message("program_change", channel=9, program=program, time=0))
    step = int(SPACING_S * 960)
    hold = step - 48  # note-off 50 ms before the next hit: a soundfont's release must not cut the sound
    first = True
    for note in notes:
        for vel in VELOCITIES:
            tr.append(mido.Message("note_on", channel=9, note=note, velocity=vel, time=step // 4 if first else step - hold))
            tr.append(mido.Message("note_off", channel=9, note=note, velocity=0, time=hold))
            first = False
    return mid


def render_kit(sf: Soundfont, program: int) -> list[tuple[int, int, np.ndarray]]:
    """(note, velocity, audio) for every GM drum note of one kit, dry, at RENDER_HZ."""
    if shutil.which("fluidsynth") is None:
        raise SystemExit("fluidsynth not found: install the Debian package fluidsynth")
    notes = sorted(GM_DRUMS)
    with tempfile.TemporaryDirectory() as tmp:
        mid, wav = Path(tmp) / "kit.mid", Path(tmp) / "kit.wav"
        _score(program, notes).save(mid)
        subprocess.run(["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-g", "0.4",
                        "-r", str(RENDER_HZ), "-F", str(wav), str(sf.path), str(mid)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        audio, rate = read_mono(wav, max_seconds=1e5)
    if rate != RENDER_HZ:
        raise RuntimeError(f"fluidsynth wrote {rate} Hz, asked for {RENDER_HZ}")
    out = []
    first = int(SPACING_S / 4 * RENDER_HZ)
    for i, (note, vel) in enumerate((n, v) for n in notes for v in VELOCITIES):
        start = first + i * int(SPACING_S * RENDER_HZ)
        out.append((note, vel, audio[start: start + int(SLICE_S * RENDER_HZ)].copy()))
    return out


def soundfont_hits(sf: Soundfont) -> list[dict]:
    """Every audible, distinct hit of every drum kit in a soundfont, as corpus entries with the
    audio under "audio" (the rest is what index.json records)."""
    hits, seen = [], set()
    for program, name in drum_kits(sf.path):
        for note, vel, audio in render_kit(sf, program):
            if np.max(np.abs(audio), initial=0.0) < 1e-4:
                continue  # this kit has no sound on this note
            digest = hashlib.sha1(np.round(audio, 4).tobytes()).hexdigest()
            if digest in seen:
                continue  # kits share samples: the same render once
            seen.add(digest)
            hits.append({"path": f"{sf.path.name}#{program}:{name}/note{note}/v{vel}",
                         "kit": f"{sf.package}:{name}", "label": GM_DRUMS[note],
                         "source": sf.package, "licence": sf.licence, "audio": audio})
    return hits


SONIC_PI_RULES = (
    ("bd_", "kick"), ("drum_bass", "kick"), ("drum_heavy_kick", "kick"), ("elec_hollow_kick", "kick"),
    ("elec_soft_kick", "kick"), ("sn_", "snare"), ("drum_snare", "snare"), ("elec_snare", "snare"),
    ("elec_hi_snare", "snare"), ("elec_lo_snare", "snare"), ("elec_mid_snare", "snare"),
    ("elec_filt_snare", "snare"), ("drum_cymbal_closed", "closed_hat"), ("drum_cymbal_pedal", "closed_hat"),
    ("drum_cymbal_open", "open_hat"), ("drum_cymbal_hard", "cymbal"), ("drum_cymbal_soft", "cymbal"),
    ("drum_splash", "cymbal"), ("elec_cymbal", "cymbal"), ("drum_tom", "tom"), ("elec_fuzz_tom", "tom"),
    ("perc_snap", "clap"), ("drum_cowbell", "percussion"), ("elec_wood", "percussion"),
    ("elec_triangle", "percussion"), ("tabla_", "percussion"), ("perc_bell", "percussion"),
    ("elec_tick", "percussion"),
)


def sonic_pi_files() -> list[tuple[Path, str]]:
    """(file, class) of Sonic Pi's drum hits (its loops, ambiences and synth stabs are left out)."""
    if not SONIC_PI.exists():
        return []
    out = []
    for f in sorted(SONIC_PI.glob("*.flac")):
        label = next((lab for prefix, lab in SONIC_PI_RULES if f.stem.startswith(prefix)), None)
        if label is not None:
            out.append((f, label))
    return out
