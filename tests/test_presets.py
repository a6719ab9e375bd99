"""Preset bundle validation (docs/preset.md): every field, sha256, graph I/O, safe names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from server.core.errors import PresetError
from server.presets.bundle import list_presets, load_bundle, load_preset, resolve, validate_bundle
from support import LENGTH, REPO, variant


def test_tiny_bundle_validates(tiny_bundle):
    preset = validate_bundle(tiny_bundle)
    assert preset.name == "tiny"
    assert (preset.sample_rate_hz, preset.length_samples, preset.latent_size) == (44100, LENGTH, 8)
    assert preset.xy_grid.shape == (4, 4, 8) and not preset.xy_grid.flags.writeable
    assert len(preset.pad_starts) == 16 and preset.classes[0] == "kick"
    assert set(preset.models) == {"oneshot.decoder", "oneshot.encoder"}
    assert preset.drum_map["snare"] == 38


def _set(path, value):
    def edit(manifest, folder):
        *parents, last = path
        node = manifest
        for key in parents:
            node = node[key]
        node[last] = value
    return edit


def _delete(*path):
    def edit(manifest, folder):
        node = manifest
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return edit


def _corrupt_file(manifest, folder):
    with open(folder / "decoder.onnx", "ab") as f:
        f.write(b"\0")


DEC = ("models", "oneshot.decoder")
REFINE = {"steps": 10, "lr": 0.3, "features": [{"name": "mel_db", "shape": [1, 87, 64]}],
          "training": {"command": "x", "chosen_by": "x", "parity": {}}}

BROKEN = {
    "bad_sha": (_set(DEC + ("sha256",), "0" * 64), "models.oneshot.decoder.sha256"),
    "file_changed": (_corrupt_file, "models.oneshot.decoder.sha256"),
    "no_prior": (_delete("latent_prior"), "latent_prior"),
    "no_decoder": (_delete(*DEC), "models.oneshot.decoder"),
    "schema2": (_set(("schema",), 2), "schema"),
    "wrong_name": (_set(("name",), "other"), "name"),
    "unknown_field": (_set(("colour",), "red"), "colour"),
    "unknown_role": (_set(("models", "oneshot.bogus"), {}), "models.oneshot.bogus"),
    "shape_vs_length": (_set(DEC + ("outputs", 0, "shape"), ["batch", 4000]),
                        "models.oneshot.decoder.outputs[0].shape"),
    "input_name": (_set(DEC + ("inputs", 0, "name"), "latent"), "models.oneshot.decoder.inputs[0].name"),
    "dtype": (_set(DEC + ("inputs", 0, "dtype"), "float16"), "models.oneshot.decoder.inputs[0].dtype"),
    "file_traversal": (_set(DEC + ("file",), "../tiny/decoder.onnx"), "models.oneshot.decoder.file"),
    "file_missing": (_set(DEC + ("file",), "nothere.onnx"), "models.oneshot.decoder.file"),
    "rate": (_set(("sample_rate_hz",), 44100.0), "sample_rate_hz"),
    "pads15": (lambda m, f: m["pads"].pop(), "pads"),
    "pad_order": (_set(("pads", 3, "pad"), 4), "pads[3].pad"),
    "pad_xy": (_set(("pads", 2, "xy"), [0.5, 1.5]), "pads[2].xy[1]"),
    "grid_points": (lambda m, f: m["xy_map"]["points"].pop(), "xy_map.points"),
    "grid_width": (lambda m, f: m["xy_map"]["points"][5].pop(), "xy_map.points[5]"),
    "grid_kind": (_set(("xy_map", "kind"), "som"), "xy_map.kind"),
    "prior_std": (_set(("latent_prior", "std", 2), -1.0), "latent_prior.std[2]"),
    "drum_note": (_set(("drum_map", "kick"), 200), "drum_map.kick"),
    "drum_missing": (_delete("drum_map", "perc"), "drum_map.perc"),
    "classes_dup": (_set(("classes", 1), "kick"), "classes"),
    "training_licence": (_set(("training", "data"), [{"source": "x", "items": 1}]),
                         "training.data[0].licence"),
    "class_region": (_set(("xy_map", "class_regions", "bogus"), [0.5, 0.5]), "xy_map.class_regions.bogus"),
    # encode refinement: the object and its two graphs go together; its own fields are checked
    "refine_no_graphs": (_set(("refine",), REFINE), "models.oneshot.refine_target"),
    "refine_no_object": (lambda m, f: m["models"].update({"oneshot.refine_target": m["models"]["oneshot.decoder"],
                                                          "oneshot.refine_step": m["models"]["oneshot.decoder"]}),
                         "refine"),
    "refine_steps": (_set(("refine",), dict(REFINE, steps=1000)), "refine.steps"),
    "refine_batch": (_set(("refine",), dict(REFINE, features=[{"name": "mel_db", "shape": [2, 3]}])),
                     "refine.features[0].shape"),
    "refine_name": (_set(("refine",), dict(REFINE, features=[{"name": "z", "shape": [1, 3]}])), "refine.features"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_bundle_is_refused_naming_the_field(own_presets_dir, case):
    edit, field = BROKEN[case]
    folder = variant(own_presets_dir / "tiny", case.replace("_", "-"), edit)
    with pytest.raises(PresetError) as info:
        load_bundle(folder)
    assert info.value.field == field, str(info.value)


def test_nan_in_json_is_refused(own_presets_dir):
    folder = variant(own_presets_dir / "tiny", "nan", _set(("latent_prior", "std", 0), 12345.5))
    text = (folder / "preset.json").read_text()
    (folder / "preset.json").write_text(text.replace("12345.5", "NaN"))
    with pytest.raises(PresetError, match="preset.json"):
        load_bundle(folder)


def test_graph_shape_lie_is_caught_against_the_onnx_graph(own_presets_dir):
    """A manifest consistent with itself but not with the graph passes load_bundle (no
    onnxruntime) and is refused by validate_bundle, naming the axis."""
    def lie(manifest, folder):
        manifest["length_samples"] = 4000
        manifest["models"]["oneshot.decoder"]["outputs"][0]["shape"] = ["batch", 4000]
        manifest["models"]["oneshot.encoder"]["inputs"][0]["shape"] = ["batch", 4000]
    folder = variant(own_presets_dir / "tiny", "shape-lie", lie)
    load_bundle(folder)
    with pytest.raises(PresetError) as info:
        validate_bundle(folder)
    assert info.value.field == "models.oneshot.decoder.outputs[0].shape[1]"
    assert "4000" in info.value.problem and "4410" in info.value.problem


@pytest.mark.parametrize("name", ["../x", "/etc", "a/b", "..", ".", "", "x" * 65, "-lead", "a\\b"])
def test_names_that_are_paths_are_refused(presets_dir, name):
    with pytest.raises(PresetError):
        resolve(presets_dir, name)


def test_symlink_out_of_presets_dir_is_refused(own_presets_dir, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (own_presets_dir / "sneaky").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PresetError, match="outside"):
        resolve(own_presets_dir, "sneaky")


def test_load_preset_and_list(own_presets_dir):
    variant(own_presets_dir / "tiny", "second", lambda m, f: None)
    (own_presets_dir / "not-a-preset").mkdir()
    assert list_presets(own_presets_dir) == ["second", "tiny"]
    assert load_preset(own_presets_dir, "second").name == "second"
    with pytest.raises(PresetError, match="available: second, tiny"):
        load_preset(own_presets_dir, "missing")


def test_load_bundle_needs_no_onnxruntime(tiny_bundle):
    code = ("import sys; from server.presets.bundle import load_bundle; p = load_bundle(sys.argv[1]); "
            "assert 'onnxruntime' not in sys.modules, 'onnxruntime imported'; print(p.name)")
    out = subprocess.run([sys.executable, "-c", code, str(tiny_bundle)], cwd=REPO,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "tiny"
