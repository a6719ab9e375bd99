"""`latentpad map`: a picture of a preset's 2-D XY map (the grid of latent points /pad/xy
interpolates over), its labelled class_regions and the 16 pads' start points; optionally sounds
from folders, each encoded and drawn at its best-matching grid node (euclidean distance between
the encoder's mu and the node's latent point, a little jitter), coloured by the class the
encoder's head names. matplotlib (the export extra) is imported only here, only when drawing."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from server.core.errors import ConfigError

log = logging.getLogger("server.xymap")
JITTER = 0.25  # of one grid cell


def _pyplot():
    try:
        import matplotlib
    except ImportError as exc:
        raise ConfigError("latentpad map needs matplotlib: pip install 'latentpad[export]' "
                          "(or pip install matplotlib)") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def place_sounds(models, folders) -> tuple:
    """(xy [n, 2], class index [n]) of every hit in the sound files under `folders`: the grid
    node nearest its mu, and the class head's argmax. Unreadable files are left out."""
    from server.workers.library import file_hits, sound_files

    preset = models.preset
    rows, cols, latent = preset.xy_grid.shape
    nodes = preset.xy_grid.reshape(-1, latent)
    xy, classes = [], []
    for path in sound_files(folders):
        try:
            clips, _ = file_hits(path, preset.sample_rate_hz, preset.length_samples)
        except (ValueError, OSError, RuntimeError) as exc:
            log.info("map: skipped %s: %s", path, exc)
            continue
        mu, _, logits = models.encoder.encode(clips)
        node = np.argmin(((mu[:, None, :] - nodes[None, :, :]) ** 2).sum(-1), axis=1)
        xy.append(np.stack([node % cols / (cols - 1), node // cols / (rows - 1)], axis=1))
        classes.append(np.argmax(logits, axis=1))
    if not xy:
        return np.zeros((0, 2)), np.zeros(0, int)
    return np.concatenate(xy), np.concatenate(classes)


def draw_map(models, output: Path, folders=()) -> int:
    """Write the map PNG to `output`; returns how many sounds were placed on it."""
    plt = _pyplot()
    preset = models.preset
    rows, cols, _ = preset.xy_grid.shape
    if folders and models.encoder is None:
        raise ConfigError(f"preset {preset.name} has no encoder to place sounds with")
    xy, classes = place_sounds(models, folders) if folders else (np.zeros((0, 2)), np.zeros(0, int))
    fig, ax = plt.subplots(figsize=(8, 8), dpi=100)
    gx, gy = np.meshgrid(np.linspace(0, 1, cols), np.linspace(0, 1, rows))
    ax.scatter(gx.ravel(), gy.ravel(), s=12, c="0.75", marker="+", label="grid nodes", zorder=1)
    if len(xy):
        rng = np.random.default_rng(0)
        cell = np.array([1 / (cols - 1), 1 / (rows - 1)])
        jittered = xy + rng.uniform(-JITTER, JITTER, xy.shape) * cell
        colours = plt.get_cmap("tab10")
        for i, name in enumerate(preset.classes):
            mine = classes == i
            if mine.any():
                ax.scatter(*jittered[mine].T, s=14, color=colours(i % 10), alpha=0.8, label=name, zorder=2)
    for name, (x, y) in preset.class_regions.items():
        ax.annotate(name, (x, y), ha="center", va="center", fontsize=11, weight="bold", zorder=4,
                    bbox={"boxstyle": "round", "fc": "white", "alpha": 0.8})
    starts = np.asarray(preset.pad_starts, float)
    ax.scatter(*starts.T, s=90, facecolors="none", edgecolors="black", label="pad starts", zorder=3)
    for pad, (x, y) in enumerate(starts):
        ax.annotate(str(pad + 1), (x, y), xytext=(5, 5), textcoords="offset points", fontsize=8, zorder=4)
    ax.set(xlim=(-0.05, 1.05), ylim=(-0.05, 1.05), xlabel="x", ylabel="y", aspect="equal",
           title=f"{preset.name}: XY map {rows}x{cols}, {len(xy)} sounds placed")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    try:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(output, format="png", bbox_inches="tight")
    except OSError as exc:
        raise ConfigError(f"-o {output}: cannot write: {exc}") from exc
    finally:
        plt.close(fig)
    return len(xy)
