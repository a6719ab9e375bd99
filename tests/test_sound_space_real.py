"""The sound-space gestures with the real default preset (a trained encoder and class head), over
real UDP, and the `latentpad classify` / `latentpad kit` commands."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from server.core.config import DEFAULT_PRESETS_DIR
from support import CLASSES, ServerProcess
from test_cli import latentpad

BUNDLE = DEFAULT_PRESETS_DIR / "default"
LMMS_DRUMS = Path("/usr/share/lmms/samples/drums")
KICK = LMMS_DRUMS / "kick01.ogg"
SNARE = LMMS_DRUMS / "snare01.ogg"
needs_default = pytest.mark.skipif(not (BUNDLE / "preset.json").exists(), reason="no default preset")
needs_lmms = pytest.mark.skipif(not KICK.exists() or not SNARE.exists(),
                                reason="Debian lmms-common drum samples not installed")


@needs_default
@needs_lmms
def test_an_encoded_lmms_kick_is_classified_as_a_kick(tmp_path):
    proc = ServerProcess(DEFAULT_PRESETS_DIR, tmp_path / "renders", tmp_path / "logs",
                         "--sample-dir", str(LMMS_DRUMS), "--save-dir", str(tmp_path / "saved"),
                         preset="default")
    c = proc.client()
    try:
        c.hello()
        for pad, (sample, want) in enumerate(((KICK, "kick"), (SNARE, "snare"))):
            assert c.sample("/pad/encode", pad, str(sample), timeout=30)[0] == pad
            c.send("/pad/classify", pad)
            got, *pairs = c.expect("/class", timeout=30)
            assert got == pad and pairs[0] == want, pairs
            assert len(pairs) == 16 and pairs[1] > 0.5
        c.send("/pad/save", 0)
        saved = Path(c.expect("/saved", timeout=30)[1])
        assert saved.parent == tmp_path / "saved" and saved.name.startswith("kick_latent_")
        assert sf.info(saved).samplerate == 44100
    finally:
        c.close()
        proc.stop()


@needs_default
@needs_lmms
def test_classify_command_prints_probabilities_per_file(tmp_path):
    (tmp_path / "junk.wav").write_bytes(b"not audio")
    out = latentpad("classify", KICK, SNARE, tmp_path / "junk.wav")
    lines = out.stdout.splitlines()
    assert out.returncode == 1 and len(lines) == 3, out.stderr
    assert lines[0].startswith(f"{KICK}: kick ") and lines[1].startswith(f"{SNARE}: snare ")
    assert "junk.wav: error: cannot read" in lines[2]


def test_kit_command_writes_the_16_pads_for_a_drum_rack(presets_dir, tmp_path):
    out = latentpad("kit", "--presets-dir", presets_dir, "--preset", "tiny", "--device", "cpu",
                    "-o", tmp_path / "kit", "--sample-rate", 48000)
    assert out.returncode == 0, out.stderr
    files = sorted(p.name for p in (tmp_path / "kit").iterdir())
    assert len(files) == 16 and [f[:3] for f in files] == [f"{i:02d}_" for i in range(1, 17)]
    assert all(f[3:-4] in CLASSES + ["pad"] for f in files), files
    assert {sf.info(tmp_path / "kit" / f).samplerate for f in files} == {48000}
    audio = [sf.read(tmp_path / "kit" / f)[0] for f in files]
    assert len({a.tobytes() for a in audio}) > 1 and all(np.abs(a).max() > 1e-3 for a in audio)


@needs_default
def test_kit_with_the_default_preset_names_pads_by_their_class(tmp_path):
    out = latentpad("kit", "--device", "cpu", "-o", tmp_path / "kit")
    assert out.returncode == 0, out.stderr
    files = sorted(p.name for p in (tmp_path / "kit").iterdir())
    assert files[:2] == ["01_kick.wav", "02_snare.wav"]
    assert sf.info(tmp_path / "kit" / files[0]).frames == 45056
