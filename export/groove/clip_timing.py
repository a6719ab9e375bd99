"""Time `latentpad train groove DIR` on a folder of clips, from nothing to a usable groove model.

    python -m export.groove.clip_timing --clips 50 --steps 800 --threads 2

Writes `--clips` 4-bar drum clips into a temporary folder, in the layouts users bring: General
MIDI on channel 10, a Live Drum Rack clip on channel 1 (C1 = 36), and LMMS-style exports with
one track per instrument named after it. The grooves come from the seeded genre generator
(export/groove/corpus.py), so the check needs no Debian package. Then it runs the same code as
`latentpad train groove DIR --steps N --threads T` (training, ONNX export, parity check, XY map,
metrics) and prints the wall time, the CPU time of all its threads (the wall time it would take on
cores nothing else uses, when that is below threads x wall), the held-out onset F1 on every 8th
clip and the mapping.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

LAYOUTS = ("gm", "live", "lmms")


def write_clip(path: Path, pattern: np.ndarray, layout: str, bpm: float = 120.0) -> None:
    """[9, 32, 3] repeated twice (4 bars) -> a .mid in one of LAYOUTS."""
    import mido

    from server.core.patterns import GM_NOTES, INSTRUMENTS

    tpb, step = 480, 120
    tracks: dict = {}
    for rep in range(2):
        for inst, s in zip(*np.nonzero(pattern[..., 0] > 0.5)):
            tick = max(0, round((rep * 32 + s + pattern[inst, s, 2]) * step))
            vel = max(1, min(127, round(float(pattern[inst, s, 1]) * 127)))
            key = INSTRUMENTS[inst] if layout == "lmms" else "drums"
            channel = {"gm": 9, "live": 0, "lmms": 1 + inst % 8}[layout]
            note = 60 if layout == "lmms" else GM_NOTES[inst]
            tracks.setdefault(key, []).extend([
                (tick, mido.Message("note_on", channel=channel, note=note, velocity=vel)),
                (tick + 60, mido.Message("note_off", channel=channel, note=note, velocity=0))])
    midi = mido.MidiFile(type=1, ticks_per_beat=tpb)
    midi.tracks.append(mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm)),
                                       mido.MetaMessage("time_signature", numerator=4, denominator=4)]))
    for name, events in tracks.items():
        track = mido.MidiTrack([mido.MetaMessage("track_name", name=name)])
        now = 0
        for tick, message in sorted(events, key=lambda e: (e[0], e[1].type == "note_on")):
            track.append(message.copy(time=tick - now))
            now = tick
        midi.tracks.append(track)
    midi.save(path)


def make_folder(folder: Path, clips: int, seed: int = 0) -> list:
    from export.groove.corpus import generate

    patterns, genres = generate(-(-clips // 12), seed)
    order = np.random.default_rng(seed).permutation(len(patterns))[:clips]
    layouts = []
    for k, i in enumerate(order):
        layout = LAYOUTS[k % len(LAYOUTS)]
        write_clip(folder / f"{k:02d}_{genres[i]}_{layout}.mid", patterns[i], layout)
        layouts.append(layout)
    return layouts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="time `latentpad train groove` on N clips")
    ap.add_argument("--clips", type=int, default=50)
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--keep", help="write the clips and the run here instead of a temporary folder")
    args = ap.parse_args(argv)
    from export import cli

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        clips = root / "clips"
        clips.mkdir(parents=True, exist_ok=True)
        make_folder(clips, args.clips)
        t0, c0 = time.perf_counter(), time.process_time()
        cli.main(["train", "groove", str(clips), "--out", str(root / "run"), "--steps", str(args.steps),
                  "--threads", str(args.threads)])
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        fragment = json.loads((root / "run" / "groove" / "groove.json").read_text())
    onset = fragment["groove"]["training"]["metrics"]["heldout_onset"]
    result = {"command": "python -m export.groove.clip_timing " + " ".join(argv if argv is not None else sys.argv[1:]),
              "clips": args.clips, "steps": args.steps, "threads": args.threads,
              "wall_seconds": round(seconds, 1),
              "cpu_seconds": round(cpu, 1),  # all threads: the wall time on otherwise idle cores, near enough
              "train_seconds": fragment["groove"]["training"]["train_seconds"],
              "heldout_onset_f1": onset["f1"], "heldout_patterns": onset["patterns"]}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
