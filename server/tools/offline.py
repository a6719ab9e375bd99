"""`latentpad classify` and `latentpad kit`: the sound-space gestures offline, through the same
engine, models, analysis and WAV writer as the server (imported by `server.cli` when used)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def classify_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("files", nargs="+", type=Path, help="sound files (WAV/AIFF/FLAC/OGG)")


def classify(args, models) -> int:
    """Print each file's class probabilities, most likely first; 1 if any file was refused."""
    from server.core.sample_io import load_oneshot
    from server.workers.analysis import class_probs_of_audio

    preset, status = models.preset, 0
    for path in args.files:
        try:
            audio = load_oneshot(path, preset.sample_rate_hz, preset.length_samples)
            probs = class_probs_of_audio(models, audio)
        except ValueError as exc:
            print(f"{path}: error: {exc}")
            status = 1
            continue
        print(f"{path}: " + " ".join(f"{name} {prob:.3f}" for name, prob in probs))
    return status


def kit_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="folder for the 16 WAVs")
    p.add_argument("--sample-rate", type=int, default=None, help="output rate (default: the model's)")
    p.add_argument("--seed", type=int, default=None, help="engine seed")


def pad_label(models, start_xy: tuple, z: np.ndarray) -> str:
    """What a pad's start point is: the class whose xy_map region it sits on, else the class
    the encoder hears, else 'pad'."""
    from server.workers.analysis import UNSAFE, classify_point

    for name, xy in models.preset.class_regions.items():
        if np.allclose(xy, start_xy, atol=1e-4):
            return UNSAFE.sub("_", name)
    if models.encoder is not None:
        return UNSAFE.sub("_", classify_point(models, z)[0][0])
    return "pad"


def kit(args, models) -> int:
    """The 16 pads' start points as `DIR/01_<class>.wav` … `16_<class>.wav` (a Drum Rack's order)."""
    from server.core.engine import Engine
    from server.core.protocol import PadRender
    from server.tools.flags import decode_flag, output_folder
    from server.workers.render import render_to_file

    engine = Engine(models.preset, args.seed)
    if args.sample_rate is not None:  # the server's own range check
        decode_flag("--sample-rate", "/hello", [1, args.sample_rate], engine.latent_size)
    output = output_folder(args.output)
    for pad, start in enumerate(models.preset.pad_starts):
        job = engine.apply(PadRender(pad))
        name = f"{pad + 1:02d}_{pad_label(models, start, job.z)}.wav"
        render_to_file(models, job, output / name, args.sample_rate)  # RenderError names the file
        print(output / name)
    rate = args.sample_rate or models.preset.sample_rate_hz
    print(f"wrote 16 pads to {args.output} ({rate} Hz, 24-bit, preset {models.preset.name})")
    return 0
