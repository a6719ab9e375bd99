"""What the offline commands (`render`, `pattern`, `kit`) share: flags decoded through the
server's own protocol table, with errors that name the flag rather than an OSC address, and `-o`
paths checked before any model is loaded.

`render -o`, `pattern -o` and `kit -o` agree: a missing folder is created, a name that is an
existing folder (or, for `kit`, an existing file) is refused with a message, and a file's
extension says its format: `.wav`, `.flac`, `.aif`/`.aiff` for sounds, `.mid`/`.midi` for patterns;
any other extension is refused rather than written in the wrong format.
"""

from __future__ import annotations

from pathlib import Path

from server.core.errors import ConfigError, ProtocolError
from server.core.protocol import decode

AUDIO_SUFFIXES = (".wav", ".flac", ".aif", ".aiff")
MIDI_SUFFIXES = (".mid", ".midi")


def decode_flag(flag: str, address: str, values: list, latent_size: int):
    """`decode(address, values)`, its ProtocolError retold as a ConfigError about `flag`."""
    try:
        return decode(address, values, latent_size=latent_size)
    except ProtocolError as exc:
        raise ConfigError(f"{flag}: {exc.problem}") from exc


def output_file(path: Path, suffixes: tuple, example: str) -> Path:
    """A checked `-o FILE`: its extension one of `suffixes`, not a folder; its folder created."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ConfigError(f"-o {path} is a folder: give a file name, e.g. -o {path / example}")
    if path.suffix.lower() not in suffixes:
        raise ConfigError(f"-o {path}: the extension says the format; write {', '.join(suffixes)} "
                          f"(e.g. -o {example})")
    _make_folder(path.parent)
    return path


def output_folder(path: Path) -> Path:
    """A checked `-o DIR`: created if missing; an existing file is refused."""
    path = Path(path).expanduser()
    if path.exists() and not path.is_dir():
        raise ConfigError(f"-o {path} is a file: give a folder (created if missing)")
    _make_folder(path)
    return path


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"-o: cannot create the folder {folder}: {exc.strerror or exc}") from exc
