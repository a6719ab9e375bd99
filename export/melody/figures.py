"""Piano rolls of held-out continuations: opening, the real continuation, and the model's.

    python -m export.melody.figures --onnx presets/default/melody_decoder.onnx --data data/melody \\
        --out docs/images/melody_continuations.png

Three test-split melodies (the first three with enough notes from a fixed shuffle): the first 16
notes are the opening (grey), then the real next 24 notes (green, top row of each panel) against
the model's 24 at top-p 0.9 (blue) and greedy (red), each continued through the server's sampler.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from export.melody.evaluate import CONT, OPENING, bar_ticks
from server.core.melody import HEADS, TICKS_PER_BEAT, tokens


def main(argv=None) -> int:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    from export.common import cpu_session
    from export.melody.corpus import load
    from server.presets.melody import MelodySampler, Sampling

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--onnx", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path("data/melody"))
    ap.add_argument("--window", type=int, default=64)
    ap.add_argument("--out", type=Path, default=Path("docs/images/melody_continuations.png"))
    a = ap.parse_args(argv)

    class Shim:
        models = {"melody.decoder": type("E", (), {"inputs": (("tokens", None),), "outputs": tuple(
            (f"{h}_logits", None) for h in HEADS)})()}
        melody = type("M", (), {"window": a.window})()

    sampler = MelodySampler(cpu_session(a.onnx, threads=1), Shim)
    pieces = [p for p in load(a.data)["pieces"] if p["split"] == "test" and len(p["notes"]) >= OPENING + CONT]
    order = np.random.default_rng(3).permutation(len(pieces))[:3]
    fig, axes = plt.subplots(3, 1, figsize=(9, 8))
    for ax, i in zip(axes, order):
        piece = pieces[i]
        notes = np.array(piece["notes"])
        opening = notes[:OPENING]
        real = [(int(r[1]), int(r[0]), int(r[2])) for r in notes[OPENING:OPENING + CONT]]
        args = (tokens(opening), int(opening[-1, 1]), bar_ticks(notes))
        top_p = sampler.sample(*args, Sampling(temperature=1.0, top_p=0.9), np.random.default_rng(0), max_notes=CONT)
        greedy = sampler.sample(*args, Sampling(temperature=0.0), np.random.default_rng(0), max_notes=CONT)
        rows = [("opening", [(int(r[1]), int(r[0]), int(r[2])) for r in opening], "#888888", 0.0),
                ("real", real, "#2a9d47", 0.3), ("top-p 0.9", top_p, "#2b6cb0", 0.0),
                ("greedy", greedy, "#c53030", -0.3)]
        for label, cont, colour, dy in rows:
            for on, p, d in cont:
                ax.add_patch(Rectangle((on / TICKS_PER_BEAT, p - 0.4 + dy), d / TICKS_PER_BEAT, 0.8 * 0.45,
                                       color=colour, alpha=0.85, label=label))
        everything = [p for _, c, _, _ in rows for _, p, _ in c]
        end = max(on + d for _, c, _, _ in rows for on, _, d in c) / TICKS_PER_BEAT
        ax.set_xlim(0, end)
        ax.set_ylim(min(everything) - 2, max(everything) + 2)
        ax.axvline(opening[-1, 1] / TICKS_PER_BEAT, color="k", lw=0.6, ls=":")
        ax.set_title(f"{piece['collection']}: {piece['title'] or piece['key']}", fontsize=8)
        ax.set_ylabel("MIDI pitch", fontsize=7)
        ax.tick_params(labelsize=6)
        handles, labels = ax.get_legend_handles_labels()
        seen = dict(zip(labels, handles))
        ax.legend(seen.values(), seen.keys(), fontsize=6, loc="upper left", ncol=4)
    axes[-1].set_xlabel("beats", fontsize=7)
    fig.tight_layout()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(a.out, dpi=110)
    print(a.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
