"""The 2-D map for XY control: a self-organising map fitted to the training sounds' latents.

Every grid node lands on real sounds (a small final neighbourhood pulls nodes onto the data), and
neighbours stay similar, so sweeping the pad glides between plausible sounds and classes form
regions. Deterministic: batch SOM initialised on the latents' first two principal axes.
"""
from __future__ import annotations

import numpy as np


def _grid(rows: int, cols: int) -> np.ndarray:
    r, c = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    return np.stack([r.ravel(), c.ravel()], axis=1).astype(np.float64)


def best_nodes(nodes: np.ndarray, latents: np.ndarray) -> np.ndarray:
    d = ((latents[:, None, :] - nodes[None, :, :]) ** 2).sum(-1)
    return d.argmin(1)


def fit_som(latents: np.ndarray, rows: int = 12, cols: int = 12, epochs: int = 40,
            sigma_end: float = 0.6) -> np.ndarray:
    """-> nodes [rows * cols, D], row-major (node r * cols + c sits at x = c/(cols-1), y = r/(rows-1))."""
    x = latents.astype(np.float64)
    mean = x.mean(0)
    _, s, vt = np.linalg.svd(x - mean, full_matrices=False)
    scale = s[:2] / np.sqrt(len(x))
    pos = _grid(rows, cols)
    u = pos[:, 0] / (rows - 1) * 2 - 1
    v = pos[:, 1] / (cols - 1) * 2 - 1
    nodes = mean + 2 * (u[:, None] * scale[0] * vt[0] + v[:, None] * scale[1] * vt[1])
    grid_d2 = ((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1)
    sigma0 = max(rows, cols) / 2
    for e in range(epochs):
        sigma = sigma0 * (sigma_end / sigma0) ** (e / max(1, epochs - 1))
        bmu = best_nodes(nodes, x)
        h = np.exp(-grid_d2[:, bmu] / (2 * sigma ** 2))     # [nodes, samples]
        nodes = (h @ x) / np.maximum(h.sum(1, keepdims=True), 1e-12)
    return nodes.astype(np.float32)


def class_regions(nodes: np.ndarray, rows: int, cols: int, latents: np.ndarray, labels: np.ndarray,
                  classes: list[str]) -> dict[str, list[float]]:
    """Class -> [x, y] of the node where that class is densest (counts smoothed over neighbours)."""
    bmu = best_nodes(nodes, latents)
    pos = _grid(rows, cols)
    kernel = np.exp(-((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1) / 2.0)
    out = {}
    for k, name in enumerate(classes):
        counts = np.bincount(bmu[labels == k], minlength=len(nodes)).astype(float)
        if counts.sum() == 0:
            continue
        total = np.bincount(bmu, minlength=len(nodes)).astype(float)
        share = (kernel @ counts) / np.maximum(kernel @ total, 1e-9)     # how much of the area is k
        score = share * np.sqrt(kernel @ counts)
        best = int(score.argmax())
        out[name] = [round(float(pos[best, 1] / (cols - 1)), 4), round(float(pos[best, 0] / (rows - 1)), 4)]
    return out


def node_majority(nodes: np.ndarray, latents: np.ndarray, labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Majority training class of the sounds that map to each node (-1 where none is labelled)."""
    bmu = best_nodes(nodes, latents)
    out = np.full(len(nodes), -1)
    for i in range(len(nodes)):
        labs = labels[(bmu == i) & (labels >= 0)]
        if labs.size:
            out[i] = np.bincount(labs, minlength=n_classes).argmax()
    return out


def xy_to_latent(nodes: np.ndarray, rows: int, cols: int, x: float, y: float) -> np.ndarray:
    """Bilinear interpolation on the grid, exactly as the server does it."""
    fx, fy = x * (cols - 1), y * (rows - 1)
    c0, r0 = min(int(fx), cols - 2), min(int(fy), rows - 2)
    tx, ty = fx - c0, fy - r0
    g = nodes.reshape(rows, cols, -1)
    top = g[r0, c0] * (1 - tx) + g[r0, c0 + 1] * tx
    bot = g[r0 + 1, c0] * (1 - tx) + g[r0 + 1, c0 + 1] * tx
    return top * (1 - ty) + bot * ty
