"""`latentpad index`, `latentpad similar` and `latentpad map`: the sample library and the XY map
offline, through the same index, models and analysis as the server (imported by `server.cli`
when used)."""

from __future__ import annotations

import argparse
from pathlib import Path

from server.core.errors import ConfigError


def _library_arg(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--library", type=Path, action="append", default=None, required=required,
                   help="folder of sounds (repeatable); its index is cached in DIR/.latentpad-index/")


def _folders(args) -> tuple:
    from server.core.config import library_dir

    if not args.library:
        raise ConfigError("no library: give --library DIR")
    return tuple(library_dir(d) for d in args.library)


def _index(args, models):
    from server.workers.library import build_index

    report = build_index(models, _folders(args))
    index = report.index
    rate = report.encoded / report.seconds if report.seconds > 0 else 0.0
    print(f"indexed {len(index)} hits in {index.files} files for preset {index.preset}: "
          f"{report.encoded} encoded ({rate:.1f} files/s), {report.reused} from the cache, "
          f"{report.dropped} dropped, {index.skipped} skipped, {report.seconds:.2f} s")
    return report


def index_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    _library_arg(p, required=True)


def index(args, models) -> int:
    """Build or update the library's cached index; print the counts and the time taken."""
    _index(args, models)
    return 0


def similar_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("file", type=Path, help="a sound file (WAV/AIFF/FLAC/OGG)")
    _library_arg(p, required=False)
    p.add_argument("-k", type=int, default=8, help="how many (1..32)")


def similar(args, models) -> int:
    """Print the k library hits nearest FILE: distance, start in seconds, path."""
    import time

    from server.workers.analysis import encode_file
    from server.workers.library import nearest

    if not 1 <= args.k <= 32:
        raise ConfigError(f"-k must be in 1..32, got {args.k}")
    index = _index(args, models).index
    mu = encode_file(models, str(args.file), refine_steps=0)  # the encoder's mu, as the index holds
    began = time.perf_counter()
    hits = nearest(index, mu, args.k)
    print(f"{len(hits)} nearest of {len(index)} (cosine distance, {1000 * (time.perf_counter() - began):.2f} ms):")
    for path, start_s, distance in hits:
        print(f"{distance:.4f}  {start_s:8.3f} s  {path}")
    return 0


def map_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="PNG to write")
    p.add_argument("--data-dir", type=Path, action="append", default=None,
                   help="folder of sounds to place on the map (repeatable)")
    _library_arg(p, required=False)


def map(args, models) -> int:  # noqa: A001 (the command's name)
    """Draw the preset's XY map to a PNG (see `server.tools.xymap`)."""
    from server.tools.xymap import draw_map

    folders = [*(args.data_dir or ()), *(args.library or ())]
    for folder in folders:
        if not Path(folder).is_dir():
            raise ConfigError(f"{folder}: not a folder of sounds")
    placed = draw_map(models, args.output, folders)
    print(f"wrote {args.output} (preset {models.preset.name}, {placed} sounds placed)")
    return 0
