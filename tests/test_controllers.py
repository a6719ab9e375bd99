"""Controller maps: every shipped map validates; a bad map is refused with the field named."""

from __future__ import annotations

import copy
import json

import pytest

from server.core.controllers import SHIPPED_DIR, ControllerError, list_maps, load_map, parse
from server.core.protocol import NPADS

SHIPPED = ("gm_pads", "push2", "launchpad", "mpd218", "template")


def test_every_shipped_map_validates_and_names_itself():
    assert set(SHIPPED) <= set(list_maps())
    for name in SHIPPED:
        cmap = load_map(name)
        assert cmap.name == name
        assert set(cmap.pad_of_note.values()) <= set(range(NPADS))
        assert len(cmap.pad_names) == NPADS


def test_drum_maps_reach_all_sixteen_pads_in_drum_rack_order():
    for name in ("gm_pads", "push2", "launchpad", "mpd218"):
        cmap = load_map(name)
        assert sorted(cmap.pad_of_note.values()) == list(range(NPADS)), name
        lowest = min(cmap.pad_of_note)
        assert cmap.pad_of_note[lowest] == 0, f"{name}: the lowest note is the bottom-left pad"
    assert load_map("gm_pads").pad_of_note == {36 + p: p for p in range(NPADS)}
    launchpad = load_map("launchpad").pad_of_note
    assert launchpad[11] == 0 and launchpad[14] == 3 and launchpad[21] == 4 and launchpad[44] == 15
    push2 = load_map("push2").pad_of_note
    assert push2[36] == 0 and push2[44] == 4 and push2[63] == 15
    assert load_map("mpd218").channel == 10


def test_choke_groups_and_pad_names_are_there_for_the_voice_engine():
    gm = load_map("gm_pads")
    assert gm.pad_names[0] == "Kick" and gm.pad_names[6] == "Closed Hat"
    assert gm.choke_of_pad() == {6: 1, 8: 1, 10: 1}


def test_push2_encoders_are_relative_and_mpd218_knobs_absolute():
    push2 = [b for bs in load_map("push2").ccs.values() for b in bs]
    assert {b.mode for b in push2 if b.target != "pattern_fill"} == {"relative"}
    assert [b.cc for b in push2 if b.target == "pattern_fill"] == [102]  # a button, not an encoder
    assert {b.mode for bs in load_map("mpd218").ccs.values() for b in bs} == {"absolute"}


def _template() -> dict:
    return json.loads((SHIPPED_DIR / "template.json").read_text())


def _bad(edit) -> ControllerError:
    data = copy.deepcopy(_template())
    edit(data)
    with pytest.raises(ControllerError) as info:
        parse("template", json.dumps(data))
    return info.value


@pytest.mark.parametrize("edit,field,words", [
    (lambda d: d.update(colour="red"), "(top).colour", "unknown key"),
    (lambda d: d["notes"][1].update(velocity=3), "notes[1].velocity", "unknown key"),
    (lambda d: d["cc"][0].update(speed=2), "cc[0].speed", "unknown key"),
    (lambda d: d["notes"][0].update(note=128), "notes[0].note", "0..127"),
    (lambda d: d["notes"][0].update(note=-1), "notes[0].note", "0..127"),
    (lambda d: d["notes"][0].update(note=36.0), "notes[0].note", "integer"),
    (lambda d: d["notes"][2].update(note=36), "notes[2].note", "already mapped to pad 0"),
    (lambda d: d["notes"][1].update(pad=16), "notes[1].pad", "0..15"),
    (lambda d: d["notes"][1].pop("pad"), "notes[1].pad", "missing"),
    (lambda d: d.update(notes=[]), "notes", "at least one"),
    (lambda d: d.update(channel=17), "channel", "1..16"),
    (lambda d: d.update(schema=2), "schema", "must be 1"),
    (lambda d: d.update(name="other"), "name", "file's name"),
    (lambda d: d["cc"][0].update(target="volume"), "cc[0].target", "must be one of"),
    (lambda d: d["cc"][0].update(cc=120), "cc[0].cc", "0..119"),
    (lambda d: d["cc"][0].update(pad=99), "cc[0].pad", "0..15"),
    (lambda d: d["cc"][0].pop("pad"), "cc[0].pad", "missing"),
    (lambda d: d["cc"][3].update(pad=1), "cc[3].pad", "not used by target pattern_x"),
    (lambda d: d["cc"][2].update(mode="log"), "cc[2].mode", "absolute, relative"),
    (lambda d: d["cc"][2].update(range=[0, 0]), "cc[2].range", "two different values"),
    (lambda d: d["cc"][0].update(range=[0, 2]), "cc[0].range", "within [0.0, 1.0]"),
    (lambda d: d["cc"][2].update(step=0), "cc[2].step", "(0, 1]"),
    (lambda d: d["cc"].append(dict(d["cc"][3])), "cc[7]", "already bound"),
    (lambda d: d.update(pad_names=["x"] * 17), "pad_names", "at most 16"),
    (lambda d: d.update(choke_groups=[[1, 2], [2, 3]]), "choke_groups[1][0]", "already in choke_groups[0]"),
    (lambda d: d.update(choke_groups=[[1]]), "choke_groups[0]", "at least two"),
    (lambda d: d.update(choke_groups=[[1, 16]]), "choke_groups[0][1]", "0..15"),
    (lambda d: d.update(comment=5), "(top).comment", "string"),
])
def test_a_bad_map_names_the_field(edit, field, words):
    error = _bad(edit)
    assert error.field == field
    assert words in error.problem
    assert field in str(error)


def test_comments_are_allowed_anywhere_and_ignored():
    data = _template()
    plain = parse("template", json.dumps(data))
    data["notes"][3]["comment"] = "the clap"
    data["cc"][6]["comment"] = "temperature"
    assert parse("template", json.dumps(data)) == plain


def test_duplicate_keys_and_broken_json_are_refused():
    with pytest.raises(ControllerError, match=r"\(file\).*duplicate key 'name'"):
        parse("x", '{"schema": 1, "name": "x", "name": "x", "notes": [{"note": 1, "pad": 0}]}')
    with pytest.raises(ControllerError, match=r"\(file\).*not valid JSON"):
        parse("x", '{"schema": 1,')


def test_maps_are_found_by_name_only(tmp_path):
    for name in ("../presets/controllers/gm_pads", "/etc/passwd", "gm_pads.json/..", ""):
        with pytest.raises(ControllerError, match="not a path"):
            load_map(name)
    with pytest.raises(ControllerError, match="no such map.*gm_pads"):
        load_map("nope")


def test_a_presets_folder_can_carry_its_own_maps(tmp_path):
    own = tmp_path / "controllers"
    own.mkdir()
    data = _template()
    data["name"] = "mine"
    (own / "mine.json").write_text(json.dumps(data))
    assert load_map("mine", tmp_path).pad_of_note[39] == 3
    assert "mine" in list_maps(tmp_path) and "gm_pads" in list_maps(tmp_path)
    (own / "broken.json").write_text("{")
    with pytest.raises(ControllerError, match="broken: \\(file\\)"):
        load_map("broken", tmp_path)
