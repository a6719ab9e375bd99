"""Copy the devices into Live's User Library: `python -m m4l.install [--to DIR]`.

The .amxd files are frozen (they carry their JS), so the two files are all a device needs.
Default folder: `<User Library>/latentpad`, the User Library where Live puts it by default:
  macOS    ~/Music/Ableton/User Library
  Windows  %USERPROFILE%\\Documents\\Ableton\\User Library
Elsewhere (or for a User Library moved in Live's Preferences > Library), name the folder with
--to. Each file is written under a temporary name and renamed, so Live never sees half a device.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVICES = ("latentpad_sampler.amxd", "latentpad_groove.amxd", "latentpad_continue.amxd")
FOLDER = "latentpad"


class InstallError(Exception):
    """Nowhere to install, or a device missing from the checkout; the message says what to do."""


def user_library(platform: str, home: Path, env: dict) -> Path | None:
    """Live's default User Library on this platform, or None where Live does not run."""
    if platform == "darwin":
        return home / "Music" / "Ableton" / "User Library"
    if platform == "win32":
        return Path(env.get("USERPROFILE", home)) / "Documents" / "Ableton" / "User Library"
    return None


def destination(to: Path | None, platform: str, home: Path, env: dict) -> Path:
    if to is not None:
        return to
    library = user_library(platform, home, env)
    if library is None:
        raise InstallError(f"no default Live User Library on {platform}: name a folder with --to DIR")
    return library / FOLDER


def install(dest: Path, source: Path = HERE) -> list[Path]:
    """Copy the devices into `dest` (made if missing); returns the paths written."""
    missing = [name for name in DEVICES if not (source / name).is_file()]
    if missing:
        raise InstallError(f"{', '.join(missing)} missing in {source}: run `python -m m4l.build`")
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DEVICES:
        target, part = dest / name, dest / (name + ".part")
        part.write_bytes((source / name).read_bytes())
        os.replace(part, target)
        written.append(target)
    return written


def add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", type=Path, default=None,
                   help="folder to copy the devices into (default: <Live User Library>/latentpad)")


def run(args: argparse.Namespace, platform: str = sys.platform, home: Path | None = None,
        env: dict | None = None) -> int:
    try:
        dest = destination(args.to, platform, home or Path.home(), os.environ if env is None else env)
        written = install(dest)
    except (InstallError, OSError) as exc:
        print(f"m4l install: error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"installed {path}")
    print(f"In Live: Browser > User Library > {dest.name} (or Places > Add Folder… and pick {dest}).\n"
          "Drag latentpad_sampler onto a MIDI track; drag latentpad_groove onto a track with a Drum\n"
          "Rack, before the Drum Rack; drag latentpad_continue onto a melody track (select a clip,\n"
          "press Continue). Start `latentpad serve` first: the status light comes on.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_args(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
