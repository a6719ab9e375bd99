"""Preset bundles (docs/preset.md): safe name resolution, loading, validation, listing.

Public API, also used by export/ to check a bundle it just wrote:

- `load_bundle(folder) -> Preset`: every manifest field and each ONNX file's sha256; no
  onnxruntime session.
- `validate_bundle(folder) -> Preset`: `load_bundle` plus each model's input/output names,
  ranks, fixed sizes and dtypes checked against the ONNX graph itself (via onnxruntime).
- `load_preset(presets_dir, name) -> Preset`: a name (never a path) inside presets_dir.
- `list_presets(presets_dir) -> list[str]`.
- `check_graph_io(preset, role, graph_inputs, graph_outputs)`: the graph check, for callers
  that already hold an onnxruntime session (server.presets.models).

Only JSON and ONNX files are read from a bundle.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Optional

import numpy as np

from server.core.config import PRESET_NAME_RE
from server.core.errors import PresetError
from server.presets import manifest

MANIFEST = "preset.json"
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
ORT_DTYPES = {"float32": "tensor(float)", "int64": "tensor(int64)"}


@dataclass(frozen=True)
class ModelEntry:
    role: str
    path: Path
    sha256: str
    inputs: tuple  # ((name, (dim, ...)), ...) with dim an int or "batch"
    outputs: tuple


@dataclass(frozen=True, eq=False)
class Preset:
    name: str
    folder: Path
    description: str
    sample_rate_hz: int
    length_samples: int
    latent_size: int
    classes: tuple
    drum_map: Mapping[str, int]
    models: Mapping[str, ModelEntry]
    xy_grid: np.ndarray  # (rows, cols, latent_size) float32, read-only
    class_regions: Mapping[str, tuple]
    prior_mean: np.ndarray  # (latent_size,) float32, read-only
    prior_std: np.ndarray
    pad_starts: tuple  # 16 (x, y) start points
    training: Mapping
    groove: Optional[GrooveSpec] = None  # the drum-pattern model, when the bundle has one
    diffusion: Optional[DiffusionSpec] = None  # the latent prior's sampler, when it has oneshot.prior
    melody: Optional[MelodySpec] = None  # the melody decoder's window, when it has melody.decoder
    refine: Optional[RefineSpec] = None  # encode refinement, when it has oneshot.refine_*


@dataclass(frozen=True)
class DiffusionSpec:
    steps: int  # Euler steps of a full walk from noise
    guidance: float  # classifier-free guidance scale for class-conditioned draws
    training: Mapping
    class_check: int = 1  # class draws tried until the encoder's head hears the class (1: no check)


@dataclass(frozen=True)
class RefineSpec:
    steps: int  # Adam steps on the latent after the encoder (0: the encoder's latent as it is)
    lr: float
    training: Mapping


@dataclass(frozen=True)
class MelodySpec:
    window: int  # notes of context the melody.decoder sees (server.core.melody tokens)
    training: Mapping


@dataclass(frozen=True, eq=False)
class GrooveSpec:
    latent_size: int
    notes: tuple  # GM note per instrument (server.core.patterns.INSTRUMENTS order)
    grid: np.ndarray  # (rows, cols, latent_size) float32, read-only: the groove XY map
    training: Mapping
    fill: Optional[np.ndarray] = None  # latent step toward the labelled fills (/pattern/fill)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise PresetError(MANIFEST, f"not found in {folder}: a preset is a folder holding {MANIFEST}"
                                    " and its ONNX files (docs/preset.md)")
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise PresetError(MANIFEST, f"larger than {MAX_MANIFEST_BYTES} bytes")
    try:
        return json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PresetError(MANIFEST, f"not valid JSON: {exc}") from exc


def _model_entry(folder: Path, role: str, checked: dict) -> ModelEntry:
    field = f"models.{role}"
    path = (folder / checked["file"]).resolve()
    if path.parent != folder:
        raise PresetError(f"{field}.file", "must name a file inside the bundle folder")
    if not path.is_file():
        raise PresetError(f"{field}.file", f"{checked['file']} not found in {folder}")
    actual = _sha256(path)
    if actual != checked["sha256"]:
        raise PresetError(f"{field}.sha256", f"mismatch: manifest says {checked['sha256']}, "
                                             f"{checked['file']} hashes to {actual}; re-export the "
                                             "bundle or fix the manifest")
    return ModelEntry(role, path, actual, checked["inputs"], checked["outputs"])


def load_bundle(folder) -> Preset:
    """Load a bundle folder and validate every manifest field and each file's sha256."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise PresetError("preset", f"{folder} is not a folder")
    if not PRESET_NAME_RE.fullmatch(folder.name):
        raise PresetError("name", f"folder name {folder.name!r} must match {PRESET_NAME_RE.pattern}")
    values = manifest.check_manifest(_read_manifest(folder), folder.name)
    models = {role: _model_entry(folder, role, checked) for role, checked in values.pop("models").items()}
    groove = values.pop("groove")
    if groove is not None:
        groove = GrooveSpec(groove["latent_size"], groove["notes"], groove["grid"],
                            MappingProxyType(groove["training"]), groove["fill"])
    diffusion = values.pop("diffusion")
    if diffusion is not None:
        diffusion = DiffusionSpec(diffusion["steps"], diffusion["guidance"],
                                  MappingProxyType(diffusion["training"]), diffusion["class_check"])
    melody = values.pop("melody")
    if melody is not None:
        melody = MelodySpec(melody["window"], MappingProxyType(melody["training"]))
    refine = values.pop("refine")
    if refine is not None:
        refine = RefineSpec(refine["steps"], refine["lr"], MappingProxyType(refine["training"]))
    return Preset(
        refine=refine,
        melody=melody,
        groove=groove,
        diffusion=diffusion,
        folder=folder,
        models=MappingProxyType(models),
        drum_map=MappingProxyType(values.pop("drum_map")),
        class_regions=MappingProxyType(values.pop("class_regions")),
        training=MappingProxyType(values.pop("training")),
        **values,
    )


def _graph_field(role: str, side: str, index: int) -> str:
    return f"models.{role}.{side}[{index}]"


def _check_side(role: str, side: str, declared: tuple, graph: list) -> None:
    by_name = {arg.name: arg for arg in graph}
    if len(graph) != len(declared):
        raise PresetError(f"models.{role}.{side}", f"manifest declares {len(declared)}, the graph has "
                                                   f"{len(graph)} ({', '.join(by_name)})")
    for i, (name, shape) in enumerate(declared):
        field = _graph_field(role, side, i)
        arg = by_name.get(name)
        if arg is None:
            raise PresetError(f"{field}.name", f"graph has no {side[:-1]} {name!r} "
                                               f"(graph has {', '.join(by_name)})")
        dtype = manifest.TENSOR_DTYPES.get(name, manifest.DTYPE)
        if arg.type != ORT_DTYPES[dtype]:
            raise PresetError(f"{field}.dtype", f"graph says {arg.type}, manifest says {dtype}")
        graph_shape = list(arg.shape)
        if len(graph_shape) != len(shape):
            raise PresetError(f"{field}.shape", f"graph rank {len(graph_shape)} ({graph_shape}), "
                                                f"manifest rank {len(shape)}")
        for axis, (want, got) in enumerate(zip(shape, graph_shape)):
            dynamic = not isinstance(got, int)
            if (want in manifest.DYNAMIC_DIMS) != dynamic or (not dynamic and got != want):
                raise PresetError(f"{field}.shape[{axis}]", f"manifest says {want!r}, graph says "
                                                            f"{got!r} (full graph shape {graph_shape})")


def check_graph_io(preset: Preset, role: str, graph_inputs: list, graph_outputs: list) -> None:
    """Compare a model entry with its graph (onnxruntime NodeArg-like: name, shape, type)."""
    entry = preset.models[role]
    _check_side(role, "inputs", entry.inputs, graph_inputs)
    _check_side(role, "outputs", entry.outputs, graph_outputs)


def validate_bundle(folder) -> Preset:
    """`load_bundle` plus every model's I/O checked against its ONNX graph (onnxruntime)."""
    import onnxruntime as ort  # only here: load_bundle must work without it

    from server.presets.runtime import session_options

    preset = load_bundle(folder)
    for role, entry in preset.models.items():
        try:
            session = ort.InferenceSession(str(entry.path), sess_options=session_options(1),
                                           providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise PresetError(f"models.{role}.file", f"onnxruntime cannot load it: {exc}") from exc
        check_graph_io(preset, role, session.get_inputs(), session.get_outputs())
    return preset


def resolve(presets_dir, name: str) -> Path:
    """The bundle folder for a preset *name*; refuses paths and anything outside presets_dir."""
    if not isinstance(name, str) or not PRESET_NAME_RE.fullmatch(name):
        raise PresetError("preset", f"{str(name)[:80]!r} is not a preset name: use letters, digits, "
                                    "'_', '.', '-' (a folder in the presets dir, not a path)")
    root = Path(presets_dir).resolve()
    folder = (root / name).resolve()
    if folder.parent != root:
        raise PresetError("preset", f"{name!r} resolves outside {root}")
    if not folder.is_dir():
        available = ", ".join(list_presets(root)) or "none"
        raise PresetError("preset", f"no preset {name!r} in {root} (available: {available})")
    return folder


def load_preset(presets_dir, name: str) -> Preset:
    return load_bundle(resolve(presets_dir, name))


def list_presets(presets_dir) -> list:
    """Names of the folders in presets_dir that hold a preset.json (not validated)."""
    root = Path(presets_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if PRESET_NAME_RE.fullmatch(p.name) and (p / MANIFEST).is_file())


def describe(preset: Preset, provider: Optional[str] = None) -> str:
    roles = ", ".join(preset.models)
    return (f"{preset.name}: {preset.sample_rate_hz} Hz, {preset.length_samples} samples, "
            f"latent {preset.latent_size}, {len(preset.classes)} classes, models {roles}"
            + (f", provider {provider}" if provider else ""))
