"""`latentpad continue opening.mid -o next.mid`: the melody sampler offline, as /melody/continue."""

from __future__ import annotations

import argparse
from pathlib import Path

from server.core.errors import ConfigError
from server.core.melody import SCALES
from server.core.melody_midi import read_notes, write_notes
from server.presets.melody import Sampling


def continue_melody_args(p: argparse.ArgumentParser, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("opening", type=Path, help="a .mid file: the opening (every non-drum note, one line)")
    p.add_argument("-o", "--output", type=Path, required=True, help=".mid file to write the continuation to")
    p.add_argument("--bars", type=int, default=4, help="bars to continue (1..16)")
    p.add_argument("--temperature", type=float, default=0.9, help="0 = greedy, 1 = the model's probabilities")
    p.add_argument("--top-p", type=float, default=0.9, help="nucleus: keep the likeliest classes up to this mass (1 = off)")
    p.add_argument("--top-k", type=int, default=0, help="keep only the k likeliest classes (0 = off)")
    p.add_argument("--seed", type=int, default=0, help="same seed, same notes")
    p.add_argument("--key", default=None, help="keep to a scale: TONIC:SCALE, e.g. D:dorian "
                   f"(tonic C..B with # or b; scales {', '.join(SCALES)})")
    p.add_argument("--bpm", type=float, default=120.0, help="tempo written into the file")
    p.add_argument("--with-opening", action="store_true", help="write the opening too, then the continuation")


NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def parse_key(text: str) -> tuple:
    tonic, _, scale = text.partition(":")
    scale = scale or "major"
    if not tonic or tonic[0].upper() not in NAMES or scale not in SCALES:
        raise ConfigError(f"--key {text!r}: want TONIC:SCALE, e.g. D:dorian (scales: {', '.join(SCALES)})")
    pc = NAMES[tonic[0].upper()] + tonic[1:].count("#") - tonic[1:].count("b")
    return pc % 12, scale


def continue_melody(args, models) -> int:
    if models.melody is None:
        raise ConfigError(f"preset {models.preset.name} has no melody model (melody.decoder)")
    if not 1 <= args.bars <= 16 or not 0 <= args.temperature <= 2 or not 0 <= args.top_p <= 1:
        raise ConfigError("--bars 1..16, --temperature 0..2, --top-p 0..1")
    opening, bpb = read_notes(args.opening)
    key, scale = parse_key(args.key) if args.key else (None, "major")
    s = Sampling(bars=args.bars, temperature=args.temperature, top_p=args.top_p, top_k=args.top_k,
                 seed=args.seed, key=key, scale=scale, beats_per_bar=bpb)
    notes = models.melody.continue_melody(opening, s)
    offset = 0.0
    if args.with_opening:
        end = max(n.start + n.length for n in opening)
        offset = max(bpb, -(-end // bpb) * bpb)
        notes = opening + [n.__class__(n.pitch, n.start + offset, n.length, n.velocity) for n in notes]
    path = write_notes(notes, args.output, args.bpm)
    print(f"wrote {path} ({len(notes)} notes, {args.bars} bars continued from {len(opening)} notes, "
          f"temperature {args.temperature:g}, top-p {args.top_p:g}, seed {args.seed}, preset {models.preset.name})")
    return 0
