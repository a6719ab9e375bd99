"""What the sound-space gestures do off the receive path: read and encode a user's file, classify
a latent point, name and copy a render into the save folder.

Plain functions over models, paths and arrays (no threads, no sockets); the app runs them on its
analysis worker and the CLI (`latentpad classify`, `latentpad kit`) calls them directly. Every
problem a user can cause is a `RenderError` whose message names the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Optional

import numpy as np

from server.core.errors import RenderError
from server.core.sample_io import load_oneshot_level
from server.presets.prior import checked_draw

UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
# names Windows refuses for a file whatever its extension (con.wav is CON): given a trailing "_"
WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                              *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})
MAX_SAVES_PER_NAME = 10_000


def allowed_file(path: str, allowed_dirs) -> Path:
    """`path` with symlinks resolved, if it is a readable file inside one of `allowed_dirs`."""
    try:
        real = Path(path).resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise RenderError(f"{path}: no such file ({exc.__class__.__name__})") from exc
    if not any(real.is_relative_to(d) for d in allowed_dirs):
        raise RenderError(f"{path}: outside the allowed sample folders "
                          f"({', '.join(map(str, allowed_dirs))}); add one with --sample-dir")
    if not real.is_file():
        raise RenderError(f"{path}: not a file")
    if not os.access(real, os.R_OK):
        raise RenderError(f"{path}: not readable (permissions)")
    return real


def check_complete(path: Path, shown: str) -> None:
    """Refuse a WAV/AIFF whose sound data chunk claims more bytes than the file holds (a cut-off
    copy or download); libsndfile would read it silently shorter."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(12)
        if len(head) < 12 or (head[:4], head[8:12]) not in (
                (b"RIFF", b"WAVE"), (b"FORM", b"AIFF"), (b"FORM", b"AIFC")):
            return  # other formats: libsndfile's own checks
        order = "little" if head[:4] == b"RIFF" else "big"
        data_ids = (b"data",) if order == "little" else (b"SSND",)
        offset = 12
        while offset + 8 <= size:
            f.seek(offset)
            chunk = f.read(8)
            length = int.from_bytes(chunk[4:8], order)
            if chunk[:4] in data_ids:
                if length != 0xFFFFFFFF and offset + 8 + length > size:
                    raise RenderError(f"{shown}: truncated: the sound data says {length} bytes, the "
                                      f"file holds {size - offset - 8}")
                return
            offset += 8 + length + (length & 1)


def encode_file(models, path: str, allowed_dirs=None, refine_steps: int | None = None) -> np.ndarray:
    """A sound file -> its latent (latent_size,) float32 (`encode_audio`; `refine_steps=0`: the
    encoder's mu alone, as the library index holds). RenderError names the file."""
    return encode_file_level(models, path, allowed_dirs, refine_steps)[0]


def encode_file_level(models, path: str, allowed_dirs=None,
                      refine_steps: int | None = None) -> tuple[np.ndarray, float]:
    """(mu, gain): `encode_file`, and the gain that puts a render back at the file's own level
    (the encoder hears every sound peak-normalised to 0.9; /pad/encode plays it as loud as it was)."""
    if models.encoder is None:
        raise RenderError(f"preset {models.preset.name} has no encoder (oneshot.encoder); "
                          "load a preset that has one")
    real = allowed_file(path, allowed_dirs) if allowed_dirs is not None else Path(path)
    preset = models.preset
    try:
        check_complete(real, path)
        audio, gain = load_oneshot_level(real, preset.sample_rate_hz, preset.length_samples)
    except (ValueError, OSError) as exc:
        raise RenderError(f"{path}: {exc}") from exc
    return encode_audio(models, audio, refine_steps), float(gain)


def encode_audio(models, audio: np.ndarray, refine_steps: int | None = None) -> np.ndarray:
    """The latent /pad/encode plays for one peak-normalised clip [length_samples]: the encoder's mu,
    then refinement steps when the preset has them (`Refiner`): `refine_steps`, or the preset's
    `refine.steps` when None; 0 is the encoder's mu alone."""
    mu, _, _ = models.encoder.encode(audio[np.newaxis, :])
    z = np.asarray(mu[0], dtype=np.float32)
    if models.refiner is not None:
        steps = models.refiner.steps if refine_steps is None else refine_steps
        if steps > 0:
            z, _ = models.refiner.refine(z, audio, steps=steps)
    return z


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - np.max(logits))
    return e / e.sum()


def class_probs_of_audio(models, audio: np.ndarray) -> list:
    """[(class, probability)] for one model-rate clip, most likely first."""
    if models.encoder is None:
        raise RenderError(f"preset {models.preset.name} has no encoder (oneshot.encoder) to "
                          "classify with; load a preset that has one")
    _, _, logits = models.encoder.encode(audio[np.newaxis, :])
    probs = softmax(np.asarray(logits[0], dtype=np.float64))
    return sorted(zip(models.preset.classes, probs.tolist()), key=lambda kv: -kv[1])


def classify_point(models, z: np.ndarray) -> list:
    """Decode `z`, encode the sound, softmax the class head: [(class, probability)], best first."""
    audio = models.decoder.render(np.asarray(z, np.float32)[np.newaxis, :])[0]
    audio = np.clip(np.nan_to_num(audio), -1.0, 1.0)
    return class_probs_of_audio(models, audio)


def hear_point(models, z: np.ndarray) -> np.ndarray:
    """The class head's probabilities [classes], in the preset's class order, for z's render."""
    audio = models.decoder.render(np.asarray(z, np.float32)[np.newaxis, :])[0]
    audio = np.clip(np.nan_to_num(audio), -1.0, 1.0)
    _, _, logits = models.encoder.encode(audio[np.newaxis, :])
    return softmax(np.asarray(logits[0], dtype=np.float64))


def class_draw(models, noises, class_index: int, spread: float = 1.0) -> np.ndarray:
    """/pad/random pad spread class: the prior's draw, checked by the class head when the preset
    asks for it (`prior.class_check` noises, `server.presets.prior.checked_draw`)."""
    return checked_draw(models.prior, lambda z: hear_point(models, z), noises, class_index, spread)


def point_hash(z: np.ndarray) -> str:
    return hashlib.sha1(np.asarray(z, np.float32).tobytes()).hexdigest()[:8]


def save_name(name: Optional[str], label: str, xy: Optional[tuple], z: np.ndarray) -> str:
    """The file name /pad/save writes: the given name made safe, or what the sound is. Safe on
    every system: no path parts, only [A-Za-z0-9_.-], no leading or trailing dot, and not a name
    Windows reserves (con, nul, aux, com1, ...: those get a trailing "_")."""
    if name is not None:
        base = UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(".")
        base = base[:-4] if base.lower().endswith(".wav") else base
        base = base.rstrip(".")
        if not base:
            raise RenderError(f"save name {name!r} has nothing left after removing unsafe characters")
    else:
        where = f"x{xy[0]:.2f}_y{xy[1]:.2f}" if xy is not None else "latent"
        base = UNSAFE.sub("_", f"{label}_{where}_{point_hash(z)}")
    if base.split(".", 1)[0].upper() in WINDOWS_RESERVED:
        stem, dot, rest = base.partition(".")
        base = f"{stem}_{dot}{rest}"
    return base + ".wav"


def _free_names(filename: str):
    """kick.wav, kick-2.wav, kick-3.wav, ..."""
    stem, suffix = filename[: -len(".wav")], ".wav"
    yield filename
    for n in range(2, MAX_SAVES_PER_NAME + 1):
        yield f"{stem}-{n}{suffix}"


def _claim(tmp: Path, target: Path) -> bool:
    """Give the finished temp file the name `target` only if no file has it: False if one has."""
    try:
        os.link(tmp, target)  # atomic, and fails on an existing name (another process's too)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: reserve the name, then move over it
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        os.replace(tmp, target)
        return True
    tmp.unlink()
    return True


def save_copy(render: Path, save_dir: Path, filename: str) -> Path:
    """Copy a finished render into `save_dir` (created if missing) under `filename`, or the next
    free name (`kick-2.wav`, `kick-3.wav`, ...): a save never replaces an earlier one. The copy is
    complete before it gets its name; the name taken is returned (what /saved says)."""
    save_dir.mkdir(parents=True, exist_ok=True)
    tmp = save_dir / f".{filename}.{os.getpid()}.tmp"
    try:
        shutil.copyfile(render, tmp)
        for candidate in _free_names(filename):
            target = save_dir / candidate
            if _claim(tmp, target):
                return target
    except OSError as exc:
        raise RenderError(f"cannot save {filename} in {save_dir}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    raise RenderError(f"{save_dir} holds {MAX_SAVES_PER_NAME} saves named {filename}: give another name")
