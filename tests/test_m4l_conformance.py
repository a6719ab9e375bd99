"""The devices against what real Max for Live devices carry, and Ableton's production guidelines.

Max and Live cannot run here, so the facts below were read from public devices and recorded
with their source; each test checks both devices against them. Sources:
  [KO]  Ableton/maxdevtools maxdiff/known_objects.py (every object as Max creates it, no args)
  [CPU] Ableton/maxdevtools cpu-reporter/CPU Reporter.amxd (a shipped audio effect)
  [FT]  Ableton/maxdevtools maxdiff/tests/test_files/FrozenTest.amxd and Test.amxd (a frozen
        MIDI effect with JS dependencies, and the same device unfrozen)
  [GL]  Ableton/maxdevtools m4l-production-guidelines/m4l-production-guidelines.md
  [RV]  naotokui/RhythmVAE_M4L rhythmvae.maxpat and subpatches/*.maxpat (makenote_for_me.maxpat)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from m4l import build
from m4l.maxobjects import OBJECTS
from m4l.patcher import Patcher
from server.core.patterns import NEUTRAL_DENSITY, Controls

M4L = Path(__file__).resolve().parents[1] / "m4l"
DEVICES = ("latentpad_groove", "latentpad_sampler", "latentpad_continue")
JS = {"latentpad_sampler": M4L / "js" / "sampler_logic.js", "latentpad_groove": M4L / "js" / "groove_logic.js",
      "latentpad_continue": M4L / "js" / "continue_logic.js"}
PARAM_CLASSES = ("live.dial", "live.numbox", "live.text", "live.tab", "live.menu")

# [KO] inlets and outlets of each class as Max creates it with no arguments. Left out: udpsend
# (listed with 0 inlets: it needs host and port to be made) and js (1 outlet when it finds no
# file, which is why the JS must be found; a loaded script declares its own).
KNOWN_OBJECTS = {
    "udpreceive": (1, 1), "buffer~": (1, 2), "play~": (1, 2), "*~": (2, 1), "plugout~": (2, 2),
    "dspstate~": (1, 4), "notein": (1, 3), "stripnote": (2, 2), "makenote": (3, 2), "noteout": (3, 0),
    "midiin": (1, 1), "midiout": (1, 0), "pack": (2, 1), "unpack": (1, 2), "route": (2, 2),
    "sel": (2, 2), "gate": (2, 1), "t": (1, 2), "/": (2, 1), "-": (2, 1), "prepend": (1, 1),
    "pipe": (2, 1), "metro": (2, 1), "transport": (2, 9), "message": (2, 1), "comment": (1, 0),
    "led": (1, 1), "pictslider": (2, 2), "live.thisdevice": (1, 3), "live.dial": (1, 2),
    "live.numbox": (1, 2), "live.text": (1, 2), "live.tab": (1, 3), "live.menu": (1, 3),
    "live.comment": (1, 0),
}
# [RV] boxes with arguments as Max saved them: text -> (inlets, outlets, outlet types)
SAVED_BOXES = {
    "pipe 0 0 0 0": (4, 3, ["", "", ""]),  # subpatches/makenote_for_me.maxpat: delay in inlet 3
    "makenote": (3, 2, ["float", "float"]),
    "route 0 1 2 3 4 5 6 7 8": (10, 10, [""] * 10),
    "route note done": (3, 3, ["", "", ""]),
    "sel 1": (2, 2, ["bang", ""]),
    "sel 0 1": (3, 3, ["bang", "bang", ""]),
    "pack 0 0 0": (3, 1, [""]),
    "unpack 0 0 0": (1, 3, ["int", "int", "int"]),
    "unpack 0. 0.": (1, 2, ["float", "float"]),
    "t b f": (1, 2, ["bang", "float"]),
    "t b l": (1, 2, ["bang", ""]),
    "t l": (1, 1, [""]),
    "t b b b": (1, 3, ["bang", "bang", "bang"]),
    "/ 100.": (2, 1, ["float"]),
    "- 1": (2, 1, ["int"]),
    "prepend set": (1, 1, [""]),
    "metro 1000": (2, 1, ["bang"]),
}
UNIT_FLOAT, UNIT_TIME, UNIT_CUSTOM = 1, 2, 9  # [RV] float dial "noise range" 1, ms dial "transition" 2
HIDDEN = 2  # [CPU] its momentary live.text buttons (Record, DumpToDict) carry parameter_invisible 2
FROZEN_META = 7  # [FT] FrozenTest.amxd's meta chunk (Test.amxd, unfrozen: 1; CPU Reporter: 0)
MOMENTARY = {"latentpad_sampler": {"Random", "Vary", "Morph", "Play", "Transform", "Scene Store",
                                   "Scene Recall"},
             "latentpad_groove": {"Write Clip", "Fill"}, "latentpad_continue": {"Continue"}}


def patch(device: str) -> dict:
    return json.loads((M4L / "src" / f"{device}.maxpat").read_text(encoding="utf-8"))["patcher"]


def boxes(p: dict) -> list:
    return [b["box"] for b in p["boxes"]]


def params(device: str) -> list:
    return [b for b in boxes(patch(device)) if b["maxclass"] in PARAM_CLASSES and b.get("parameter_enable")]


def value(box: dict) -> dict:
    return box["saved_attribute_attributes"]["valueof"]


def is_momentary(box: dict) -> bool:
    return box["maxclass"] == "live.text" and box.get("mode") == 0


def js_defaults(device: str) -> dict:
    match = re.search(r"var DEFAULTS = (\{.*?\});", JS[device].read_text(), re.S)
    assert match, "DEFAULTS table missing"
    return json.loads(match.group(1))


def test_object_table_matches_abletons_known_objects():
    """[KO] The finding: play~, plugout~, prepend and pipe disagreed."""
    for name, counts in KNOWN_OBJECTS.items():
        assert OBJECTS[name][:2] == counts, name


@pytest.mark.parametrize("text", sorted(SAVED_BOXES))
def test_argument_rules_give_the_counts_max_saves(text):
    """[RV] The generator's rules for arguments (pipe, route, sel, pack, unpack, t...)."""
    p = Patcher(100)
    p.obj(text, 0, 0)
    box = p.boxes[0]["box"]
    assert (box["numinlets"], box["numoutlets"], box["outlettype"]) == SAVED_BOXES[text]


@pytest.mark.parametrize("device", DEVICES)
def test_parameter_fields_live_inside_valueof(device):
    """[CPU][RV] parameter_* fields are saved in saved_attribute_attributes.valueof; none on the box."""
    for box in params(device):
        assert not any(k.startswith("parameter_") or k == "unitstyle" for k in box
                       if k != "parameter_enable"), box["varname"]
        assert value(box)["parameter_longname"] == box["varname"]


@pytest.mark.parametrize("device", DEVICES)
def test_numbers_have_unit_styles_and_floats_a_float_one(device):
    """[RV] float dials carry unit style 1 (float) or 2 (time, a ms dial); [CPU][RV] live.tab
    carries 9; [GL] "Parameter Type and Unit Style"."""
    for box in params(device):
        v = value(box)
        if v["parameter_type"] == 0:
            want = UNIT_TIME if v["parameter_longname"] == "Glide" else UNIT_FLOAT
            assert v.get("parameter_unitstyle") == want, v["parameter_longname"]
        elif v["parameter_type"] == 1:
            assert v.get("parameter_unitstyle") == 0, v["parameter_longname"]
        if box["maxclass"] == "live.tab":  # [GL] enable Live mode for live.tab; [CPU] livemode 1
            assert v.get("parameter_unitstyle") == UNIT_CUSTOM and box.get("livemode") == 1


@pytest.mark.parametrize("device", DEVICES)
def test_momentary_buttons_are_hidden_and_fire_only_on_a_press(device):
    """[CPU][GL] a live.text in button mode is Hidden (not automatable, not stored): automation
    or a clip envelope cannot fire Random, Store, Write Clip...; it reaches its message through
    [sel 1], so no value it is set to on load can fire it."""
    p = patch(device)
    by_id = {b["id"]: b for b in boxes(p)}
    buttons = [b for b in params(device) if is_momentary(b)]
    assert {value(b)["parameter_longname"] for b in buttons} == MOMENTARY[device]
    for b in buttons:
        v = value(b)
        assert v["parameter_invisible"] == HIDDEN and "parameter_initial_enable" not in v, b["varname"]
        assert v["parameter_enum"] == ["off", "on"]  # [GL] no generic val1/val2 labels
        targets = [by_id[ln["patchline"]["destination"][0]] for ln in p["lines"]
                   if ln["patchline"]["source"][0] == b["id"]]
        assert [t.get("text") for t in targets] == ["sel 1"], b["varname"]
    for b in params(device):
        if not is_momentary(b):  # every other control is automated and stored
            assert value(b).get("parameter_invisible", 0) == 0, b["varname"]


def _message_of(p: dict, control: str) -> tuple:
    """Follow a control's cords to the [prepend <message> ...] that feeds the JS; return
    (message, extra words, function applied on the way: the `- N` boxes)."""
    by_id = {b["id"]: b for b in boxes(p)}
    offset, at = 0.0, control
    for _ in range(4):
        (nxt,) = [by_id[ln["patchline"]["destination"][0]] for ln in p["lines"]
                  if ln["patchline"]["source"][0] == at and ln["patchline"]["source"][1] == 0]
        words = nxt.get("text", "").split()
        if words[0] == "prepend":
            return words[1], words[2:], offset
        assert words[0] == "-", f"unexpected box between a control and the JS: {words}"
        offset -= float(words[1])
        at = nxt["id"]
    raise AssertionError(f"{control}: no prepend found")


@pytest.mark.parametrize("device", DEVICES)
def test_every_control_starts_at_the_js_default(device):
    """[GL] "Default parameter values ... Initial Enable ... Initial Value"; [CPU] live.tab
    parameter_initial [1] with parameter_initial_enable 1. Each control's initial value, through
    the patch's arithmetic, equals the JS's DEFAULTS entry for the message it sends, so what the
    dials show on first load is what the device does."""
    defaults, p, driven = js_defaults(device), patch(device), set()
    for box in params(device):
        if is_momentary(box):
            continue
        v = value(box)
        assert v["parameter_initial_enable"] == 1, v["parameter_longname"]
        (initial,) = v["parameter_initial"]
        assert v["parameter_mmin"] <= initial <= v["parameter_mmax"], v["parameter_longname"]
        message, _, offset = _message_of(p, box["id"])
        assert initial + offset == pytest.approx(defaults[message]), (v["parameter_longname"], message)
        driven.add(message)
    assert driven == set(defaults), "a DEFAULTS entry no control drives, or a control with none"


def test_groove_defaults_are_the_servers_decode_defaults():
    """The Groove sends its values when the server answers; at their defaults they change nothing."""
    defaults = js_defaults("latentpad_groove")
    assert defaults["density"] == NEUTRAL_DENSITY
    assert defaults["temperature"] == Controls().temperature
    assert defaults["swing"] == Controls().swing


@pytest.mark.parametrize("device", DEVICES)
def test_names_are_meaningful_short_and_untruncated(device):
    """[GL] Parameter Names: unique Long Names, no auto-appended `[1]`, no generic live.dial
    names; Short Names short enough not to be cut, with no stray spaces."""
    longs = [value(b)["parameter_longname"] for b in params(device)]
    assert len(longs) == len(set(longs))
    for box in params(device):
        v = value(box)
        long, short = v["parameter_longname"], v["parameter_shortname"]
        assert not re.search(r"\[\d+\]$", long) and not long.startswith("live."), long
        assert short and short == short.strip() and len(short) <= 9, repr(short)


@pytest.mark.parametrize("device", DEVICES)
def test_every_parameter_has_info_text(device):
    """[GL] Info Text (annotation name + annotation); [RV] parameter_info in valueof."""
    for box in params(device):
        assert box.get("annotation") and box.get("annotation_name") == box["varname"], box["varname"]
        assert value(box).get("parameter_info") == box["annotation"]


@pytest.mark.parametrize("device", DEVICES)
def test_patcher_carries_what_saved_devices_carry(device):
    """[CPU][FT] openrect, latency, project (amxdtype = the device type code), and the
    `parameters` table (box id -> [long name, short name, 0], inherited_shortname 1)."""
    p = patch(device)
    assert p["openrect"] == [0.0, 0.0, p["devicewidth"], 169.0]
    assert p["latency"] == 0 and p["openinpresentation"] == 1
    kind = build.DEVICE_TYPES[dict((n, k) for n, (_, k) in build.DEVICES.items())[device]]
    assert p["project"]["amxdtype"] == int.from_bytes(kind, "big")
    assert p["project"]["contents"] == {"patchers": {}}  # nothing outside the device
    table = {b["id"]: [value(b)["parameter_longname"], value(b)["parameter_shortname"], 0]
             for b in params(device)}
    assert p["parameters"] == {**table, "inherited_shortname": 1}


@pytest.mark.parametrize("device", DEVICES)
def test_presentation_in_whole_pixels_and_no_machine_paths(device):
    """[GL] presentation rects in whole pixels; the left-most element as far from the left edge
    as the right-most from the right; no tab stops in texts; no dependency outside the device:
    no path of the machine that built it anywhere in the patch."""
    p = patch(device)
    shown = [b["presentation_rect"] for b in boxes(p) if b.get("presentation")]
    for rect in shown:
        assert all(float(v).is_integer() for v in rect), rect
    left, right = min(x for x, _, _, _ in shown), max(x + w for x, _, w, _ in shown)
    assert left == p["devicewidth"] - right, (left, p["devicewidth"] - right)
    assert not any("\t" in b.get("text", "") for b in boxes(p))
    text = json.dumps(p)
    assert not re.search(r'"(/|~/|[A-Za-z]:\\\\)[^"]*"', text.replace('"/ 127."', "")), \
        re.search(r'"(/|~/|[A-Za-z]:\\\\)[^"]*"', text)


@pytest.mark.parametrize("device", DEVICES)
def test_frozen_container_matches_the_frozen_test_device(device):
    """[FT] meta 7, the device first with flag 0x11 and type JSON, the JS as TEXT entries."""
    data = (M4L / f"{device}.amxd").read_bytes()
    assert data[12:16] == b"meta" and int.from_bytes(data[20:24], "little") == FROZEN_META
    files = build.read_footer(build.chunks_of(data)["ptch"])
    assert [(f["type"], f["flag"]) for f in files] == [("JSON", 0x11), ("TEXT", 0)]


def test_groove_feeds_the_delay_into_pipes_own_inlet():
    """[RV] makenote_for_me.maxpat sends the delay into [pipe]'s last inlet, not as part of a
    list: the JS's `pitch velocity delay` goes through [unpack], whose outlets fire right to
    left, so the delay and velocity are set before the pitch triggers [pipe]."""
    p = patch("latentpad_groove")
    by_id = {b["id"]: b for b in boxes(p)}
    (pipe,) = [b for b in boxes(p) if b.get("text", "").startswith("pipe ")]
    into = sorted((ln["patchline"]["destination"][1], by_id[ln["patchline"]["source"][0]]["text"],
                   ln["patchline"]["source"][1]) for ln in p["lines"]
                  if ln["patchline"]["destination"][0] == pipe["id"])
    assert into == [(0, "unpack 0 0 0.", 0), (1, "unpack 0 0 0.", 1), (2, "unpack 0 0 0.", 2)]
    assert pipe["numinlets"] == 3 and pipe["numoutlets"] == 2
