"""Time `latentpad train groove DIR --into PRESET` on 50 clips, from nothing to a preset the
server plays.

    python -m export.groove.clip_timing                      # 50 real clips, the command's defaults
    python -m export.groove.clip_timing --source generated   # no Debian package needed

1. Writes `--clips` 4-bar drum clips into a temporary folder, in the layouts users bring: General
   MIDI on channel 10, a Live Drum Rack clip on channel 1 (C1 = 36), and LMMS-style exports with
   one track per instrument named after it. `--source debian` (the default) cuts them from the
   real songs of the Debian packages simutrans-data and planetblupi-music-midi (4 consecutive
   4/4 bars from the middle of each song, with their own velocities and micro-timing);
   `--source generated` takes the seeded genre generator's grooves (export/groove/corpus.py).
2. Copies the preset `--preset-from` (default: default) and runs the same code as
   `latentpad train groove DIR --into COPY` (training, ONNX export, parity check, XY map,
   metrics, the merge), with the command's own defaults unless `--steps`/`--threads` are given.
   Timed: wall seconds and this process's CPU seconds (user + system, every thread: about the wall
   time it would take on cores nothing else uses, when below threads x wall), with the load
   average before and after.
3. Starts `latentpad serve --preset COPY` and times it to ready and to the 18 replies of a
   `/pattern/xy`: the preset loads and plays.

Prints one JSON object: the timings, the held-out onset F1 on every 8th clip, the clips' sources.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

LAYOUTS = ("gm", "live", "lmms")
SOURCES = ("debian", "generated")
REPO = Path(__file__).resolve().parents[2]


def write_clip(path: Path, pattern: np.ndarray, layout: str, bpm: float = 120.0, repeats: int = 2) -> None:
    """[9, steps, 3] (16ths) played `repeats` times -> a .mid in one of LAYOUTS."""
    import mido

    from server.core.patterns import GM_NOTES, INSTRUMENTS

    tpb, step, steps = 480, 120, pattern.shape[1]
    tracks: dict = {}
    for rep in range(repeats):
        for inst, s in zip(*np.nonzero(pattern[..., 0] > 0.5)):
            tick = max(0, round((rep * steps + s + pattern[inst, s, 2]) * step))
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


def real_clips(clips: int) -> list:
    """-> [(name, [9, 64, 3])]: 4 bars (two consecutive 2-bar windows) from the middle of each
    Debian song with drums, a song at a time; more clips than songs take the next 4 bars along."""
    from export.groove.corpus import SONGS
    from export.groove.songs import SongError, read_song

    files = [f for folder in SONGS.values() for f in sorted(folder.glob("*.mid"))]
    candidates = []
    for f in files:
        try:
            song = read_song(f)
        except SongError:
            continue
        pairs = [np.concatenate([song.windows[k], song.windows[k + 1]], 1)
                 for k in range(len(song.windows) - 1) if song.bars[k + 1] == song.bars[k] + 2]
        if pairs:
            candidates.append((f.stem, pairs))
    if not candidates:
        raise SystemExit("--source debian needs the Debian packages simutrans-data or planetblupi-music-midi "
                         "(bash .ci/setup installs them); or use --source generated")
    out, turn = [], 0
    while len(out) < clips:
        for name, pairs in candidates:
            if len(out) < clips:
                k = (len(pairs) // 2 + turn) % len(pairs)
                out.append((f"{name}-{k}", pairs[k]))
        turn += 1
    return out


def make_folder(folder: Path, clips: int, seed: int = 0, source: str = "generated") -> list:
    """Write `clips` 4-bar clips into `folder`, the layouts in turn; returns each one's layout."""
    if source == "debian":
        chosen = real_clips(clips)
        repeats = 1
    else:
        from export.groove.corpus import generate

        patterns, genres = generate(-(-clips // 12), seed)
        order = np.random.default_rng(seed).permutation(len(patterns))[:clips]
        chosen, repeats = [(genres[i], patterns[i]) for i in order], 2
    layouts = []
    for k, (name, pattern) in enumerate(chosen):
        layout = LAYOUTS[k % len(LAYOUTS)]
        write_clip(folder / f"{k:02d}_{name}_{layout}.mid", pattern, layout, repeats=repeats)
        layouts.append(layout)
    return layouts


def play_preset(presets_dir: Path, preset: str) -> dict:
    """`latentpad serve` on the preset: seconds to ready, then one /pattern/xy to its 18 replies."""
    from pythonosc.osc_message import OscMessage

    from server.tools.bench import _Client, _start_server

    with tempfile.TemporaryDirectory(prefix="latentpad-clip-timing-") as renders:
        proc, port, _, ready_s = _start_server(argparse.Namespace(
            preset=preset, presets_dir=presets_dir, device="cpu", threads=1), renders)
        try:
            client = _Client(port)
            client.send("/hello", client.port)
            client.recv(5.0)
            start = time.perf_counter()
            client.send("/pattern/xy", 0.5, 0.5)
            rows = []
            while len(rows) < 18:
                data = client.recv_datagram(5.0)
                if data is None:
                    break
                message = OscMessage(data)
                if message.address == "/error":
                    raise SystemExit(f"the trained preset does not play: {message.params}")
                rows.append(message)
            pattern_ms = (time.perf_counter() - start) * 1000.0
        finally:
            proc.terminate()
            proc.wait(10)
    hits = sum(sum(v > 0 for v in m.params[1:]) for m in rows if m.address == "/pattern/row")
    return {"serve_ready_seconds": round(ready_s, 2), "pattern_replies": len(rows),
            "first_pattern_ms": round(pattern_ms, 1), "hits_at_0.5_0.5": int(hits)}


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="time `latentpad train groove DIR --into PRESET` on N clips, "
                                             "then play the preset")
    ap.add_argument("--clips", type=int, default=50)
    ap.add_argument("--source", choices=SOURCES, default="debian",
                    help="debian: cut from the songs of simutrans-data and planetblupi-music-midi; "
                         "generated: the seeded genre generator")
    ap.add_argument("--steps", type=int, default=None, help="passed on (default: the command's own)")
    ap.add_argument("--threads", type=int, default=None, help="passed on (default: the command's own)")
    ap.add_argument("--cross", type=float, default=None, help="passed on (default: the command's own)")
    ap.add_argument("--tiny", action="store_true", help="passed on: a tiny model, to check the path")
    ap.add_argument("--preset-from", default="default", help="the preset (in presets/) the groove is added to a copy of")
    ap.add_argument("--keep", help="write the clips, the run and the preset here instead of a temporary folder")
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    from export import cli

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        clips, presets = root / "clips", root / "presets"
        clips.mkdir(parents=True, exist_ok=True)
        make_folder(clips, args.clips, source=args.source)
        preset = presets / "clips"
        shutil.rmtree(preset, ignore_errors=True)
        shutil.copytree(REPO / "presets" / args.preset_from, preset)
        manifest = json.loads((preset / "preset.json").read_text())  # a preset is named after its folder
        manifest.update(name=preset.name, description=f"{args.preset_from}, with a groove model trained on {args.clips} clips")
        (preset / "preset.json").write_text(json.dumps(manifest, indent=1) + "\n")
        command = ["train", "groove", str(clips), "--out", str(root / "run"), "--into", str(preset),
                   *(["--steps", str(args.steps)] if args.steps else []),
                   *(["--threads", str(args.threads)] if args.threads else []),
                   *(["--cross", str(args.cross)] if args.cross is not None else []), *(["--tiny"] if args.tiny else [])]
        t0, c0 = time.perf_counter(), os.times()
        cli.main(command)
        seconds, c1 = time.perf_counter() - t0, os.times()
        load_after = os.getloadavg()
        manifest = json.loads((preset / "preset.json").read_text())
        played = play_preset(presets, "clips")
    training = manifest["groove"]["training"]
    onset = training["metrics"]["heldout_onset"]
    result = {"command": "python -m export.groove.clip_timing " + " ".join(sys.argv[1:] if argv is None else argv),
              "trains": "latentpad " + " ".join(command[:2] + ["CLIPS"] + command[3:]),
              "clips": args.clips, "source": args.source,
              "wall_seconds": round(seconds, 1),
              "cpu_user_seconds": round(c1.user - c0.user, 1), "cpu_system_seconds": round(c1.system - c0.system, 1),
              "cpu_seconds": round(c1.user - c0.user + c1.system - c0.system, 1),
              "train_seconds": training.get("train_seconds"),
              "load_average_before": [round(v, 2) for v in load_before],
              "load_average_after": [round(v, 2) for v in load_after],
              "heldout_onset_f1": onset["f1"], "heldout_patterns": onset["patterns"], **played}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
