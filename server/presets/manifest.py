"""Field-by-field checks of `preset.json` (docs/preset.md, schema 1). Pure: no files, no ONNX.

Every failure is a `PresetError` whose `field` is the manifest path (`xy_map.points[3]`).
`ROLE_IO` is the one table of ONNX input/output names and shapes per model role.
"""

from __future__ import annotations

import math
import re

import numpy as np

from server.core.errors import PresetError
from server.core.melody import FIELDS as MELODY_FIELDS, HEADS as MELODY_HEADS, TICKS_PER_BEAT, VOCAB as MELODY_VOCAB
from server.core.patterns import INSTRUMENTS, STEPS, STEPS_PER_BEAT

SCHEMA = 1
NPADS = 16
DTYPE = "float32"
MODEL_FILE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\.onnx")
SHA256_RE = re.compile(r"[0-9a-fA-F]{64}")
TOP_LEVEL = ("schema", "name", "description", "sample_rate_hz", "length_samples", "latent_size",
             "classes", "drum_map", "models", "xy_map", "latent_prior", "pads", "training")
OPTIONAL_TOP_LEVEL = ("groove", "prior", "melody", "refine")
MELODY_KEYS = ("kind", "ticks_per_beat", "fields", "vocab", "window", "model", "training")
DYNAMIC_DIMS = ("batch", "time", "past", "total")  # dims the graph leaves open (past + time = total)
TENSOR_DTYPES = {"tokens": "int64"}  # tensors that are not float32, by name
PRIOR_KEYS = ("kind", "steps", "guidance", "training")
REFINE_KEYS = ("steps", "lr", "features", "training")
REFINE_ROLES = ("oneshot.refine_target", "oneshot.refine_step")
GROOVE_KEYS = ("latent_size", "instruments", "drum_map", "steps", "steps_per_beat", "map", "training")
GROOVE_ROLES = ("groove.decoder", "groove.encoder")
REQUIRED_ROLES = ("oneshot.decoder",)

# role -> (inputs, outputs); each tensor is (name, shape); shape dims are "batch" or the
# name of the manifest field that fixes the size ("classes" = len(classes)).
ROLE_IO = {
    "oneshot.decoder": ((("z", ("batch", "latent_size")),),
                        (("audio", ("batch", "length_samples")),)),
    "oneshot.encoder": ((("audio", ("batch", "length_samples")),),
                        (("mu", ("batch", "latent_size")), ("logvar", ("batch", "latent_size")),
                         ("class_logits", ("batch", "classes")))),
    "groove.decoder": ((("z", ("batch", "groove_latent_size")),),
                       (("hit_logits", ("batch", "groove_instruments", "groove_steps")),
                        ("velocity", ("batch", "groove_instruments", "groove_steps")),
                        ("offset", ("batch", "groove_instruments", "groove_steps")))),
    "groove.encoder": ((("pattern", ("batch", "groove_instruments", "groove_steps", "groove_features")),),
                       (("mu", ("batch", "groove_latent_size")), ("logvar", ("batch", "groove_latent_size")))),
    "oneshot.prior": ((("x", ("batch", "latent_size")), ("t", ("batch", 1)),
                       ("class_onehot", ("batch", "classes"))),
                      (("velocity", ("batch", "latent_size")),)),
    "melody.decoder": ((("tokens", ("batch", "time", len(MELODY_FIELDS))),),
                       tuple((f"{h}_logits", ("batch", MELODY_VOCAB[h] - 1)) for h in MELODY_HEADS)),
    # the same decoder with a key/value cache: the new notes and every layer's cached keys/values in,
    # the logits after the last new note and the grown cache out (export.melody.model.MelodyStep)
    "melody.step": ((("tokens", ("batch", "time", len(MELODY_FIELDS))),
                     *((name, ("melody_layers", "batch", "melody_heads", "past", "melody_head_dim"))
                       for name in ("past_keys", "past_values"))),
                    (*((f"{h}_logits", ("batch", MELODY_VOCAB[h] - 1)) for h in MELODY_HEADS),
                     *((name, ("melody_layers", "batch", "melody_heads", "total", "melody_head_dim"))
                       for name in ("present_keys", "present_values")))),
}


def get(obj: dict, key: str, path: str):
    if key not in obj:
        raise PresetError(f"{path}{key}", "missing (see docs/preset.md)")
    return obj[key]


def want_object(value, field: str, keys: tuple = (), optional: tuple = ()) -> dict:
    if not isinstance(value, dict):
        raise PresetError(field, f"must be an object, got {type(value).__name__}")
    if keys:
        unknown = sorted(set(value) - set(keys) - set(optional))
        if unknown:
            raise PresetError(f"{field}.{unknown[0]}" if field else unknown[0],
                              f"unknown field (known: {', '.join(keys + optional)})")
        for key in keys:
            get(value, key, f"{field}." if field else "")
    return value


def want_int(value, field: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise PresetError(field, f"must be an integer in {low}..{high}, got {value!r}")
    return value


def want_str(value, field: str, pattern=None) -> str:
    if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
        rule = f" matching {pattern.pattern}" if pattern is not None else ""
        raise PresetError(field, f"must be a string{rule}, got {value!r}")
    return value


def want_list(value, field: str, length: int | None = None) -> list:
    if not isinstance(value, list):
        raise PresetError(field, f"must be a list, got {type(value).__name__}")
    if length is not None and len(value) != length:
        raise PresetError(field, f"must have {length} items, got {len(value)}")
    return value


def want_floats(value, field: str, length: int, low=-math.inf, high=math.inf) -> np.ndarray:
    want_list(value, field, length)
    for i, v in enumerate(value):
        if type(v) not in (int, float) or not math.isfinite(v) or not low <= v <= high:
            raise PresetError(f"{field}[{i}]", f"must be a finite number in [{low}, {high}], got {v!r}")
    return np.asarray(value, dtype=np.float32)


def frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def check_classes(raw: dict) -> tuple:
    classes = want_list(raw["classes"], "classes")
    if not classes:
        raise PresetError("classes", "must name at least one class")
    for i, name in enumerate(classes):
        want_str(name, f"classes[{i}]")
    if len(set(classes)) != len(classes):
        raise PresetError("classes", "names must be unique")
    return tuple(classes)


def check_drum_map(raw: dict, classes: tuple) -> dict:
    drum_map = want_object(raw["drum_map"], "drum_map")
    for name, note in drum_map.items():
        if name not in classes:
            raise PresetError(f"drum_map.{name}", f"not a class (classes: {', '.join(classes)})")
        want_int(note, f"drum_map.{name}", 0, 127)
    missing = [c for c in classes if c not in drum_map]
    if missing:
        raise PresetError(f"drum_map.{missing[0]}", "missing: every class needs a GM note")
    return dict(drum_map)


def refine_io(role: str, sizes: dict) -> tuple:
    """The encode-refinement graphs (batch 1): the sound's features, shaped as the `refine` object says."""
    if "refine_features" not in sizes:
        raise PresetError(f"models.{role}", "needs the top-level `refine` object (docs/preset.md)")
    features = sizes["refine_features"]
    if role == "oneshot.refine_target":
        return (("audio", (1, "length_samples")),), features
    return (("z", (1, "latent_size")), *features), (("loss", (1,)), ("grad", (1, "latent_size")))


def expected_io(role: str, sizes: dict) -> tuple:
    """The role's (inputs, outputs) with dims resolved: ((name, ("batch", 32)), ...)."""
    def resolve(tensors):
        return tuple((name, tuple(d if d in DYNAMIC_DIMS or isinstance(d, int) else sizes[d] for d in shape))
                     for name, shape in tensors)
    inputs, outputs = refine_io(role, sizes) if role in REFINE_ROLES else ROLE_IO[role]
    return resolve(inputs), resolve(outputs)


def check_tensors(value, field: str, expected: tuple) -> tuple:
    want_list(value, field, len(expected))
    for i, (tensor, (name, shape)) in enumerate(zip(value, expected)):
        at = f"{field}[{i}]"
        want_object(tensor, at, ("name", "shape", "dtype"))
        if tensor["name"] != name:
            raise PresetError(f"{at}.name", f"must be {name!r}, got {tensor['name']!r}")
        if tensor["shape"] != list(shape):
            raise PresetError(f"{at}.shape", f"must be {list(shape)} for this preset's sizes, "
                                             f"got {tensor['shape']!r}")
        dtype = TENSOR_DTYPES.get(name, DTYPE)
        if tensor["dtype"] != dtype:
            raise PresetError(f"{at}.dtype", f"must be {dtype!r}, got {tensor['dtype']!r}")
    return expected


def check_model_entry(role: str, entry, sizes: dict) -> dict:
    field = f"models.{role}"
    want_object(entry, field, ("file", "sha256", "inputs", "outputs"))
    want_str(entry["file"], f"{field}.file", MODEL_FILE_RE)
    want_str(entry["sha256"], f"{field}.sha256", SHA256_RE)
    inputs, outputs = expected_io(role, sizes)
    check_tensors(entry["inputs"], f"{field}.inputs", inputs)
    check_tensors(entry["outputs"], f"{field}.outputs", outputs)
    return {"file": entry["file"], "sha256": entry["sha256"].lower(),
            "inputs": inputs, "outputs": outputs}


def check_models(raw: dict, sizes: dict) -> dict:
    models = want_object(raw["models"], "models")
    for role in models:
        if role not in ROLE_IO and role not in REFINE_ROLES:
            raise PresetError(f"models.{role}", f"unknown role (known: {', '.join((*ROLE_IO, *REFINE_ROLES))})")
    for role in REQUIRED_ROLES:
        get(models, role, "models.")
    has_groove = "groove_latent_size" in sizes
    for role in GROOVE_ROLES:
        if role in models and not has_groove:
            raise PresetError(f"models.{role}", "needs the top-level `groove` object (docs/preset.md)")
    if has_groove and "groove.decoder" not in models:
        raise PresetError("models.groove.decoder", "missing: a preset with a `groove` object needs it")
    if ("melody.decoder" in models) != ("melody" in raw):
        raise PresetError("melody" if "melody.decoder" in models else "models.melody.decoder",
                          "missing: the melody.decoder model and the `melody` object go together")
    if "melody.step" in models and "melody.decoder" not in models:
        raise PresetError("models.melody.decoder", "missing: melody.step is the cached form of "
                                                   "melody.decoder and needs it beside it")
    refine_parts = ["refine" in raw] + [role in models for role in REFINE_ROLES]
    if any(refine_parts) and not all(refine_parts):
        missing = "refine" if "refine" not in raw else "models." + next(r for r in REFINE_ROLES if r not in models)
        raise PresetError(missing, "missing: the `refine` object and the oneshot.refine_target and "
                                   "oneshot.refine_step models go together")
    if "refine" in raw and "oneshot.encoder" not in models:
        raise PresetError("models.oneshot.encoder", "missing: encode refinement starts from the encoder's latent")
    return {role: check_model_entry(role, entry, sizes) for role, entry in models.items()}


def check_xy_map(raw: dict, latent_size: int, classes: tuple) -> tuple:
    xy = want_object(raw["xy_map"], "xy_map", ("kind", "rows", "cols", "points"),
                     optional=("class_regions", "settled"))
    if xy["kind"] != "grid":
        raise PresetError("xy_map.kind", f"must be 'grid', got {xy['kind']!r}")
    rows = want_int(xy["rows"], "xy_map.rows", 2, 256)
    cols = want_int(xy["cols"], "xy_map.cols", 2, 256)
    points = want_list(xy["points"], "xy_map.points", rows * cols)
    grid = np.stack([want_floats(p, f"xy_map.points[{i}]", latent_size)
                     for i, p in enumerate(points)]).reshape(rows, cols, latent_size)
    regions = want_object(xy.get("class_regions", {}), "xy_map.class_regions")
    for name, centre in regions.items():
        if name not in classes:
            raise PresetError(f"xy_map.class_regions.{name}", "not a class")
        want_floats(centre, f"xy_map.class_regions.{name}", 2, 0.0, 1.0)
    if "settled" in xy:
        check_settled(xy["settled"], rows * cols, latent_size, len(classes))
    return frozen(grid), {k: tuple(float(v) for v in c) for k, c in regions.items()}


def check_settled(settled, nodes: int, latent_size: int, n_classes: int) -> None:
    """`xy_map.settled` (written by export.prior.settle): the SOM the points were settled from,
    each node's class and settle strength. Checked so a broken record is named, not half-used."""
    field = "xy_map.settled"
    want_object(settled, field, ("som_points", "node_classes", "node_t0"),
                optional=("by", "command", "threshold", "t0s", "guidance", "nodes", "nodes_with_a_class", "nodes_moved"))
    for i, p in enumerate(want_list(settled["som_points"], f"{field}.som_points", nodes)):
        want_floats(p, f"{field}.som_points[{i}]", latent_size)
    for i, k in enumerate(want_list(settled["node_classes"], f"{field}.node_classes", nodes)):
        want_int(k, f"{field}.node_classes[{i}]", -1, n_classes - 1)
    want_floats(settled["node_t0"], f"{field}.node_t0", nodes, 0.0, 1.0)


def check_grid(value, field: str, size: int) -> np.ndarray:
    grid = want_object(value, field, ("kind", "rows", "cols", "points"))
    if grid["kind"] != "grid":
        raise PresetError(f"{field}.kind", f"must be 'grid', got {grid['kind']!r}")
    rows = want_int(grid["rows"], f"{field}.rows", 2, 256)
    cols = want_int(grid["cols"], f"{field}.cols", 2, 256)
    points = want_list(grid["points"], f"{field}.points", rows * cols)
    return frozen(np.stack([want_floats(p, f"{field}.points[{i}]", size)
                            for i, p in enumerate(points)]).reshape(rows, cols, size))


def check_groove(raw: dict) -> dict | None:
    """The optional `groove` object: the drum-pattern model's sizes, instruments and XY map."""
    if "groove" not in raw:
        return None
    groove = want_object(raw["groove"], "groove", GROOVE_KEYS, optional=("fill",))
    latent_size = want_int(groove["latent_size"], "groove.latent_size", 1, 512)
    if groove["instruments"] != list(INSTRUMENTS):
        raise PresetError("groove.instruments", f"must be {list(INSTRUMENTS)} (the server's 9 "
                                                f"instruments, in order), got {groove['instruments']!r}")
    drum_map = want_object(groove["drum_map"], "groove.drum_map", INSTRUMENTS)
    notes = tuple(want_int(drum_map[name], f"groove.drum_map.{name}", 0, 127) for name in INSTRUMENTS)
    want_int(groove["steps"], "groove.steps", STEPS, STEPS)
    want_int(groove["steps_per_beat"], "groove.steps_per_beat", STEPS_PER_BEAT, STEPS_PER_BEAT)
    grid = check_grid(groove["map"], "groove.map", latent_size)
    training = want_object(groove["training"], "groove.training")
    for key in ("command", "data", "metrics", "parity"):
        get(training, key, "groove.training.")
    fill = (frozen(want_floats(groove["fill"], "groove.fill", latent_size, -10.0, 10.0))
            if "fill" in groove else None)
    return {"latent_size": latent_size, "notes": notes, "grid": grid, "training": training, "fill": fill}


def check_diffusion_prior(raw: dict, models: dict) -> dict | None:
    """The optional `prior` object (docs/preset.md): the sampler settings of `oneshot.prior`."""
    if "prior" not in raw:
        if "oneshot.prior" in models:
            raise PresetError("prior", "missing: a bundle with a oneshot.prior model needs the `prior` object")
        return None
    prior = want_object(raw["prior"], "prior", PRIOR_KEYS, ("class_check",))
    if "oneshot.prior" not in models:
        raise PresetError("models.oneshot.prior", "missing: the `prior` object needs it")
    class_check = want_int(prior.get("class_check", 1), "prior.class_check", 1, 16)
    if class_check > 1 and "oneshot.encoder" not in models:
        raise PresetError("models.oneshot.encoder", "missing: prior.class_check hears draws with the encoder's class head")
    if prior["kind"] != "flow_matching":
        raise PresetError("prior.kind", f"must be 'flow_matching', got {prior['kind']!r}")
    steps = want_int(prior["steps"], "prior.steps", 1, 100)
    guidance = float(want_floats([prior["guidance"]], "prior.guidance", 1, 0.0, 10.0)[0])
    training = want_object(prior["training"], "prior.training")
    for key in ("command", "parity"):
        get(training, key, "prior.training.")
    return {"steps": steps, "guidance": guidance, "training": training, "class_check": class_check}


def check_refine(raw: dict) -> dict | None:
    """The optional `refine` object: Adam steps on the latent after the encoder (docs/preset.md)."""
    if "refine" not in raw:
        return None
    refine = want_object(raw["refine"], "refine", REFINE_KEYS)
    steps = want_int(refine["steps"], "refine.steps", 0, 200)
    lr = float(want_floats([refine["lr"]], "refine.lr", 1, 0.0, 10.0)[0])
    features = []
    for i, tensor in enumerate(want_list(refine["features"], "refine.features")):
        at = f"refine.features[{i}]"
        want_object(tensor, at, ("name", "shape"))
        want_str(tensor["name"], f"{at}.name", re.compile(r"[a-z][a-z0-9_]{0,63}"))
        shape = want_list(tensor["shape"], f"{at}.shape")
        for j, d in enumerate(shape):
            want_int(d, f"{at}.shape[{j}]", 1, 1 << 20)
        if not shape or shape[0] != 1:
            raise PresetError(f"{at}.shape", f"must start with the batch of 1, got {shape!r}")
        features.append((tensor["name"], tuple(shape)))
    if not features or len({n for n, _ in features}) != len(features) or {"z", "audio"} & {n for n, _ in features}:
        raise PresetError("refine.features", "must name one or more distinct tensors other than z and audio")
    training = want_object(refine["training"], "refine.training")
    for key in ("command", "chosen_by", "parity"):
        get(training, key, "refine.training.")
    return {"steps": steps, "lr": lr, "features": tuple(features), "training": training}


def check_melody(raw: dict) -> dict | None:
    """The optional `melody` object: the CP tokeniser the decoder was trained with (it must be
    the server's, server.core.melody) and its context window."""
    if "melody" not in raw:
        return None
    melody = want_object(raw["melody"], "melody", MELODY_KEYS)
    if melody["kind"] != "cp_transformer":
        raise PresetError("melody.kind", f"must be 'cp_transformer', got {melody['kind']!r}")
    want_int(melody["ticks_per_beat"], "melody.ticks_per_beat", TICKS_PER_BEAT, TICKS_PER_BEAT)
    if melody["fields"] != list(MELODY_FIELDS):
        raise PresetError("melody.fields", f"must be {list(MELODY_FIELDS)}, got {melody['fields']!r}")
    vocab = want_object(melody["vocab"], "melody.vocab", MELODY_FIELDS)
    for f in MELODY_FIELDS:
        want_int(vocab[f], f"melody.vocab.{f}", MELODY_VOCAB[f], MELODY_VOCAB[f])
    window = want_int(melody["window"], "melody.window", 1, 4096)
    model = want_object(melody["model"], "melody.model")
    training = want_object(melody["training"], "melody.training")
    for key in ("command", "data", "parity"):
        get(training, key, "melody.training.")
    sizes = {}
    if isinstance(raw["models"], dict) and "melody.step" in raw["models"]:  # the cache's shape: the model's sizes
        layers = want_int(get(model, "layers", "melody.model."), "melody.model.layers", 1, 256)
        heads = want_int(get(model, "heads", "melody.model."), "melody.model.heads", 1, 256)
        d_model = want_int(get(model, "d_model", "melody.model."), "melody.model.d_model", 1, 65536)
        if d_model % heads:
            raise PresetError("melody.model.d_model", f"must be a multiple of heads ({heads}), got {d_model}")
        sizes = {"melody_layers": layers, "melody_heads": heads, "melody_head_dim": d_model // heads}
    return {"window": window, "training": training, "sizes": sizes}


def check_prior(raw: dict, latent_size: int) -> tuple:
    prior = want_object(raw["latent_prior"], "latent_prior", ("mean", "std"))
    mean = want_floats(prior["mean"], "latent_prior.mean", latent_size)
    std = want_floats(prior["std"], "latent_prior.std", latent_size, 0.0)
    return frozen(mean), frozen(std)


def check_pads(raw: dict) -> tuple:
    pads = want_list(raw["pads"], "pads", NPADS)
    starts = []
    for i, pad in enumerate(pads):
        want_object(pad, f"pads[{i}]", ("pad", "xy"))
        if pad["pad"] != i or type(pad["pad"]) is not int:
            raise PresetError(f"pads[{i}].pad", f"must be {i} (pads listed in order 0..15)")
        starts.append(tuple(float(v) for v in want_floats(pad["xy"], f"pads[{i}].xy", 2, 0.0, 1.0)))
    return tuple(starts)


def check_training(raw: dict) -> dict:
    training = want_object(raw["training"], "training")
    for key in ("command", "data", "metrics", "parity"):
        get(training, key, "training.")
    want_str(training["command"], "training.command")
    for i, item in enumerate(want_list(training["data"], "training.data")):
        want_object(item, f"training.data[{i}]")
        for key in ("source", "licence", "items"):
            get(item, key, f"training.data[{i}].")
        want_str(item["source"], f"training.data[{i}].source")
        want_str(item["licence"], f"training.data[{i}].licence")
    want_object(training["metrics"], "training.metrics")
    want_object(training["parity"], "training.parity")
    return training


def check_manifest(raw, folder_name: str) -> dict:
    """Validate every field; returns the checked values (arrays frozen), keyed like the JSON."""
    want_object(raw, "", TOP_LEVEL, OPTIONAL_TOP_LEVEL)
    want_int(raw["schema"], "schema", SCHEMA, SCHEMA)
    if raw["name"] != folder_name:
        raise PresetError("name", f"must equal the folder name {folder_name!r}, got {raw['name']!r}")
    want_str(raw["description"], "description")
    sample_rate_hz = want_int(raw["sample_rate_hz"], "sample_rate_hz", 8000, 192000)
    length = want_int(raw["length_samples"], "length_samples", 1, 60 * sample_rate_hz)
    latent_size = want_int(raw["latent_size"], "latent_size", 1, 512)
    classes = check_classes(raw)
    sizes = {"latent_size": latent_size, "length_samples": length, "classes": len(classes)}
    groove = check_groove(raw)
    if groove is not None:
        sizes.update(groove_latent_size=groove["latent_size"], groove_instruments=len(groove["notes"]),
                     groove_steps=STEPS, groove_features=3)
    melody = check_melody(raw)
    if melody is not None:
        sizes.update(melody.pop("sizes"))
    refine = check_refine(raw)
    if refine is not None:
        sizes["refine_features"] = refine["features"]
    grid, regions = check_xy_map(raw, latent_size, classes)
    mean, std = check_prior(raw, latent_size)
    models = check_models(raw, sizes)
    return {
        "name": raw["name"], "description": raw["description"], "sample_rate_hz": sample_rate_hz,
        "length_samples": length, "latent_size": latent_size, "classes": classes,
        "drum_map": check_drum_map(raw, classes), "models": models,
        "xy_grid": grid, "class_regions": regions, "prior_mean": mean, "prior_std": std,
        "pad_starts": check_pads(raw), "training": check_training(raw), "groove": groove,
        "diffusion": check_diffusion_prior(raw, models), "melody": melody, "refine": refine,
    }
