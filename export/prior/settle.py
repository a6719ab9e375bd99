"""Settle the XY map through the diffusion prior, so that a class's region plays that class.

    python -m export.prior.settle --preset presets/default --data data/oneshot

A map node is a self-organising-map prototype: the weighted average of the training latents that
land near it. Inside a region that is a fine sound; near a border it is a blend (a hat that is half
a cymbal), and the pad plays the blend. Settling walks each such node a short way through the
prior toward its own class:

- a node's class is the majority class of the training sounds that land on it (nodes no sound
  lands on are left as they are);
- a settle of strength t0 scales the node's normalised latent by t0 (no noise: it is
  deterministic, so neighbours stay neighbours) and walks it from time t0 back to 1 with the class's
  guidance (`server.presets.prior.PriorSampler.walk`, the server's own sampler);
- each node gets the weakest settle in `T0S` at which the model's own class head names its class
  with probability >= `THRESHOLD`; a node the head already hears as its class is not moved, and
  the strongest settle is the floor. The independent judge (`export.judge`) plays no part here:
  it measures the result (`export.prior.evaluate`).

The raw SOM points, each node's class and its settle stay in `xy_map.settled`, so settling again
(after the prior is retrained) starts from the SOM, never from an already settled map.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from export.oneshot import xymap

T0S = (0.7, 0.5, 0.4, 0.3, 0.2)  # weakest first; 1.0 = the SOM node itself
THRESHOLD = 0.8


def _head_probability(models, z: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """What /pad/classify would answer for each point (`server.workers.analysis.classify_point`): the
    probability of classes[i]."""
    from server.workers.analysis import classify_point

    names = models.preset.classes
    return np.array([dict(classify_point(models, p))[names[k]] for p, k in zip(z, classes)])


def settle_nodes(models, som: np.ndarray, node_classes: np.ndarray, t0s=T0S,
                 threshold: float = THRESHOLD) -> tuple:
    """(points [N, D], t0 per node [N]; 1.0 where the node kept its SOM point)."""
    prior = models.prior
    points, used = som.astype(np.float32).copy(), np.ones(len(som))
    todo = np.flatnonzero(node_classes >= 0)
    todo = todo[_head_probability(models, points[todo], node_classes[todo]) < threshold]
    for t0 in t0s:
        if not len(todo):
            break
        moved = np.empty((len(todo), som.shape[1]), np.float32)
        for k in np.unique(node_classes[todo]):
            rows = node_classes[todo] == k
            x = t0 * (som[todo[rows]] - prior.mean) / prior.std
            moved[rows] = prior.walk(x.astype(np.float32), t0, int(k))
        points[todo], used[todo] = moved, t0
        if t0 != t0s[-1]:  # the floor keeps whatever the head says
            todo = todo[_head_probability(models, moved, node_classes[todo]) < threshold]
    return points, used


def settle_bundle(preset: Path, data: Path, command: str, t0s=T0S, threshold: float = THRESHOLD) -> dict:
    """Settle the bundle's map in place (preset.json, written atomically); returns the summary."""
    from export.prior.train import corpus_latents
    from server.presets.bundle import load_bundle, validate_bundle
    from server.presets.models import load_models

    mu, _, labels, manifest = corpus_latents(preset, data)
    models = load_models(load_bundle(preset), "cpu", 2)
    if models.prior is None:
        raise SystemExit(f"{preset.name}: settling the map needs the prior (oneshot.prior); train it first")
    xy = manifest["xy_map"]
    som = np.asarray(xy.get("settled", {}).get("som_points", xy["points"]), np.float32)
    node_classes = xymap.node_majority(som, mu, labels, len(manifest["classes"]))
    points, used = settle_nodes(models, som, node_classes, t0s, threshold)
    summary = {"by": "oneshot.prior", "command": command, "threshold": threshold, "t0s": list(t0s),
               "guidance": models.prior.guidance, "nodes": int(len(som)),
               "nodes_with_a_class": int((node_classes >= 0).sum()), "nodes_moved": int((used < 1.0).sum())}
    xy["points"] = [[round(float(v), 5) for v in p] for p in points]
    xy["settled"] = {**summary, "node_classes": [int(k) for k in node_classes],
                     "node_t0": [float(t) for t in used],
                     "som_points": [[round(float(v), 5) for v in p] for p in som]}
    tmp = preset / "preset.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(preset / "preset.json")
    validate_bundle(preset)
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", type=Path, required=True, help="the bundle folder, e.g. presets/default")
    ap.add_argument("--data", type=Path, required=True, help="the sounds the map's classes come from")
    ap.add_argument("--threshold", type=float, default=THRESHOLD,
                    help="class-head probability at which a node counts as settled")
    args = ap.parse_args(argv)
    command = "python -m export.prior.settle " + " ".join(sys.argv[1:] if argv is None else argv)
    print(json.dumps(settle_bundle(args.preset, args.data, command, T0S, args.threshold), indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
