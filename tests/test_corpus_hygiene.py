"""The one-shot corpus' hygiene and sources: a sound cut off while loud is found and faded the way
it would decay; natural decays, fast hats and clicks followed by a body are left alone; soundfont
drum kits are read from the file's own preset headers; the GM drum map names every class."""

from __future__ import annotations

import struct

import numpy as np

from export.oneshot import hygiene, sources
from export.oneshot_data import CLASSES

SR = 44100


def decaying(tau_s: float, seconds: float = 1.0, hz: float = 200.0) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (0.9 * np.sin(2 * np.pi * hz * t) * np.exp(-t / tau_s)).astype(np.float32)


def test_a_sound_cut_while_loud_is_found_and_faded_out():
    x = decaying(0.3)
    x[int(0.2 * SR):] = 0.0  # cut at 200 ms, while still about -6 dB
    frame = hygiene.cut_frame(x, SR)
    assert frame is not None and 190 <= frame <= 200
    faded, was_cut = hygiene.fade_cut(x, SR)
    assert was_cut and not hygiene.is_cut(faded, SR)
    # the fade takes at most the 80 ms before the cut; what came before is untouched
    keep = int(0.2 * SR) - int(hygiene.FADE_S * SR) - int(0.02 * SR)
    assert np.array_equal(faded[:keep], x[:keep])
    assert np.all(np.abs(faded[int(0.2 * SR):]) == 0)


def test_natural_decays_fast_hats_and_clicks_are_not_cut():
    assert not hygiene.is_cut(decaying(0.3), SR)            # a tom ringing out
    assert not hygiene.is_cut(decaying(0.01, hz=7000), SR)  # a tight closed hat: fast, but smooth
    click = decaying(0.002, hz=3000)
    body = decaying(0.15, hz=60) * 0.5
    assert not hygiene.is_cut(click + body, SR)             # a kick's click falls fast, the body stays
    assert hygiene.fade_cut(decaying(0.3), SR)[1] is False


def test_cut_share_counts_rows():
    cut = decaying(0.3)
    cut[int(0.1 * SR):] = 0.0
    assert hygiene.cut_share(np.stack([cut, decaying(0.3), decaying(0.3), cut]), SR) == 0.5


def _sf2_with_presets(presets: list[tuple[str, int, int]]) -> bytes:
    recs = b"".join(name.encode().ljust(20, b"\0") + struct.pack("<HHHIII", program, bank, i, 0, 0, 0)
                    for i, (name, program, bank) in enumerate(presets + [("EOP", 0, 0)]))
    phdr = b"phdr" + struct.pack("<I", len(recs)) + recs
    pdta = b"LIST" + struct.pack("<I", 4 + len(phdr)) + b"pdta" + phdr
    return b"RIFF" + struct.pack("<I", 4 + len(pdta)) + b"sfbk" + pdta


def test_drum_kits_are_the_bank_128_presets_without_sound_effects(tmp_path):
    sf2 = tmp_path / "kit.sf2"
    sf2.write_bytes(_sf2_with_presets([("Piano", 0, 0), ("Standard", 0, 128), ("TR 808", 25, 128),
                                       ("SFX", 56, 128), ("Strings", 48, 0)]))
    assert sources.drum_kits(sf2) == [(0, "Standard"), (25, "TR 808")]


def test_gm_drum_map_covers_every_class_and_never_the_reserved_packages():
    assert set(v for v in sources.GM_DRUMS.values() if v) == set(CLASSES)
    assert sources.GM_DRUMS[36] == "kick" and sources.GM_DRUMS[42] == "closed_hat" and sources.GM_DRUMS[46] == "open_hat"
    for sf in sources.SOUNDFONTS:
        assert not any(r in sf.package or r.split("-")[0] in sf.path.name.lower() for r in sources.RESERVED)
