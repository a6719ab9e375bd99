"""The Max for Live patches by structure and by contract with the OSC table (Max cannot run here).

Structure: every patch parses, every object is a known Max / Max for Live object, every patch
cord joins an existing outlet to an existing inlet, live.* parameters have unique names.
Contract: every OSC address and type tag the devices send (each signature, where an address is
sent in more than one shape: `if|ifs`) is in server.core.protocol.REQUESTS with the same types, every
address they route is in REPLIES with the same types, read from the tables themselves; the
Sampler's class menus list the classes presets are trained with.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from export.oneshot_data import CLASSES as TRAINED_CLASSES
from m4l.maxobjects import OBJECTS
from server.core.config import Settings
from server.core.protocol import REPLIES, REQUESTS, request_signatures

M4L = Path(__file__).resolve().parents[1] / "m4l"
PATCHES = sorted((M4L / "src").glob("*.maxpat"))
JS_FILES = {"latentpad_sampler": M4L / "js" / "sampler_logic.js",
            "latentpad_groove": M4L / "js" / "groove_logic.js",
            "latentpad_continue": M4L / "js" / "continue_logic.js"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["patcher"]


def boxes(patch: dict) -> list:
    return [b["box"] for b in patch["boxes"]]


def class_of(box: dict) -> str:
    return box["text"].split()[0] if box["maxclass"] == "newobj" else box["maxclass"]


def js_table(source: str, name: str) -> dict:
    """A `var NAME = {...};` table from a device's JS (written as JSON-compatible literals)."""
    match = re.search(r"var " + name + r" = (\{.*?\});", source, re.S)
    assert match, f"{name} table missing"
    return json.loads(match.group(1))


def request_tags(path: str) -> set:
    """Every type-tag string the server accepts for a request (optional args left off); a request
    with a variadic tail of groups is written as its fixed tags then one group (`iiiiffi` + `iffi`)."""
    spec = REQUESTS[path]
    tail = spec.args[-1] if spec.args and spec.args[-1].count else None
    if tail is not None:
        assert tail.group, f"{path}: only variadic groups are sent by the devices"
        return {"".join(a.tag for a in spec.args[:-1]) + "".join(g.tag for g in tail.group)}
    return request_signatures(path)


def reply_tags(path: str) -> str:
    """The reply's fixed tags, then one tag of a variadic tail (`if` = inst:i velocity:f…)."""
    spec = REPLIES[path]
    tags = "".join(a.tag for a in spec.args if a.count is None)
    variadic = spec.args[-1] if spec.args and spec.args[-1].count else None
    if variadic is not None:
        tags += "".join(g.tag for g in variadic.group) if variadic.group else variadic.tag
    return tags


def test_both_devices_have_a_source_patch():
    assert [p.stem for p in PATCHES] == ["latentpad_continue", "latentpad_groove", "latentpad_sampler"]


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_every_object_is_a_known_max_object(path):
    unknown = sorted({class_of(b) for b in boxes(load(path))} - set(OBJECTS))
    assert not unknown, f"{path.name}: not on the Max/M4L object list: {unknown}"


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_patch_cords_join_existing_outlets_and_inlets(path):
    patch = load(path)
    by_id = {b["id"]: b for b in boxes(patch)}
    assert len(by_id) == len(patch["boxes"]), "duplicate box ids"
    for line in patch["lines"]:
        (src, outlet), (dst, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        assert src in by_id and dst in by_id, line
        assert 0 <= outlet < by_id[src]["numoutlets"], (by_id[src].get("text"), outlet)
        assert 0 <= inlet < by_id[dst]["numinlets"], (by_id[dst].get("text"), inlet)


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_controls_are_live_parameters_with_unique_names_and_shown_in_presentation(path):
    live = [b for b in boxes(load(path)) if b["maxclass"] in
            ("live.dial", "live.numbox", "live.text", "live.tab")]
    assert live
    names = [b["saved_attribute_attributes"]["valueof"]["parameter_longname"] for b in live]
    assert len(names) == len(set(names)), names
    for b in live:
        assert b["parameter_enable"] == 1 and b["presentation"] == 1, b["varname"]
    device_width = load(path)["devicewidth"]
    for b in boxes(load(path)):
        if b.get("presentation"):
            x, y, w, h = b["presentation_rect"]
            assert x >= 0 and y >= 0 and x + w <= device_width and y + h <= 169, (b["id"], b["maxclass"])


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_presentation_rects_do_not_overlap(path):
    shown = [(b["id"], b["maxclass"], b["presentation_rect"]) for b in boxes(load(path)) if b.get("presentation")]
    for i, (a_id, a_class, (ax, ay, aw, ah)) in enumerate(shown):
        for b_id, b_class, (bx, by, bw, bh) in shown[i + 1:]:
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, f"{path.stem}: {a_class} {a_id} overlaps {b_class} {b_id}"


def test_sampler_class_menus_list_the_trained_classes():
    """Random's Class menu (any + the classes) and Transform's To menu send an index; the JS turns
    it into a name from its CLASSES table: menus, table and `latentpad train oneshot` agree, and so
    does the default preset."""
    source = JS_FILES["latentpad_sampler"].read_text()
    js_classes = json.loads(re.search(r"var CLASSES = (\[.*?\]);", source, re.S).group(1))
    default = json.loads((M4L.parent / "presets" / "default" / "preset.json").read_text())["classes"]
    assert js_classes == list(TRAINED_CLASSES) == default
    menus = {b["varname"]: b["saved_attribute_attributes"]["valueof"]["parameter_enum"]
             for b in boxes(load(M4L / "src" / "latentpad_sampler.maxpat")) if b["maxclass"] == "live.menu"}
    assert menus == {"Class": ["any", *js_classes], "To": js_classes}


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_js_outlets_match_the_patch(path):
    js_boxes = [b for b in boxes(load(path)) if class_of(b) == "js"]
    assert len(js_boxes) == 1
    script = M4L / "js" / js_boxes[0]["text"].split()[1]
    assert script == JS_FILES[path.stem]
    declared = int(re.search(r"outlets = (\d+);", script.read_text()).group(1))
    assert js_boxes[0]["numoutlets"] == declared


@pytest.mark.parametrize("device", sorted(JS_FILES))
def test_every_address_a_device_sends_is_a_request_with_the_same_types(device):
    sends = js_table(JS_FILES[device].read_text(), "SENDS")
    for address, signatures in sends.items():
        assert address in REQUESTS, f"{device} sends {address}, not in server.core.protocol.REQUESTS"
        for tags in signatures.split("|"):
            assert tags in request_tags(address), (
                f"{device} sends {address} {tags}; the table accepts {sorted(request_tags(address))}")


@pytest.mark.parametrize("device", sorted(JS_FILES))
def test_every_address_a_device_routes_is_a_reply_with_the_same_types(device):
    receives = js_table(JS_FILES[device].read_text(), "RECEIVES")
    for address, tags in receives.items():
        assert address in REPLIES, f"{device} routes {address}, not in server.core.protocol.REPLIES"
        assert tags == reply_tags(address), f"{device} reads {address} as {tags}, table: {reply_tags(address)}"


@pytest.mark.parametrize("device", sorted(JS_FILES))
def test_no_osc_address_outside_the_declared_tables(device):
    """Every "/address" literal in the JS and every /message box in the patch is declared."""
    source = JS_FILES[device].read_text()
    declared = set(js_table(source, "SENDS")) | set(js_table(source, "RECEIVES"))
    literals = set(re.findall(r'"(/[a-z][a-z/]*)"', source))
    assert literals <= declared, literals - declared
    for b in boxes(load(M4L / "src" / f"{device}.maxpat")):
        if b["maxclass"] == "message" and b["text"].startswith("/"):
            assert b["text"].split()[0] in REQUESTS, b["text"]


@pytest.mark.parametrize("path", PATCHES, ids=lambda p: p.stem)
def test_udpsend_targets_the_server_default_port(path):
    sends = [b["text"].split() for b in boxes(load(path)) if class_of(b) == "udpsend"]
    assert sends == [["udpsend", "127.0.0.1", str(Settings.__dataclass_fields__["port"].default)]]


def test_devices_listen_on_different_reply_ports():
    ports = {p.stem: [b["text"].split()[1] for b in boxes(load(p)) if class_of(b) == "udpreceive"]
             for p in PATCHES}
    assert ports == {"latentpad_groove": ["9002"], "latentpad_sampler": ["9001"], "latentpad_continue": ["9003"]}
    sampler = (M4L / "js" / "sampler_logic.js").read_text()
    groove = (M4L / "js" / "groove_logic.js").read_text()
    assert "s.replyPort = 9001" in sampler and "replyPort: 9002" in groove
    assert "replyPort: 9003" in (M4L / "js" / "continue_logic.js").read_text()


def _reachable(patch: dict, start: str, avoid: frozenset = frozenset()) -> set:
    """Boxes a message from `start` can reach, never passing through a box in `avoid`."""
    edges: dict = {}
    for line in patch["lines"]:
        edges.setdefault(line["patchline"]["source"][0], []).append(line["patchline"]["destination"][0])
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen and nxt not in avoid:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_sampler_note_path_reaches_every_voice_without_js_or_network():
    patch = load(M4L / "src" / "latentpad_sampler.maxpat")
    by_class: dict = {}
    for b in boxes(patch):
        by_class.setdefault(class_of(b), []).append(b)
    side = frozenset(b["id"] for c in ("js", "udpsend", "udpreceive") for b in by_class[c])
    reach = _reachable(patch, by_class["notein"][0]["id"], avoid=side)
    players = by_class["play~"]
    assert len(players) == 32 and all(p["id"] in reach for p in players)
    # the only way from a note to the JS is the fan-out that tells it `played note velocity`
    # (Humanize), on the trigger outlet that fires after the one that plays the note
    by_id = {b["id"]: b for b in boxes(patch)}
    js = by_class["js"][0]["id"]
    into_js = [ln["source"][0] for ln in (x["patchline"] for x in patch["lines"])
               if ln["destination"][0] == js and ln["source"][0] in reach]
    assert [by_id[src]["text"] for src in into_js] == ["prepend played"]
    assert not side & _reachable(patch, by_class["notein"][0]["id"], avoid=frozenset({js}))
    (fan,) = [b["id"] for b in by_class["t"] if b["text"] == "t l l"]
    outs = sorted((ln["source"][1], by_id[ln["destination"][0]]["text"].split()[0])
                  for ln in (x["patchline"] for x in patch["lines"]) if ln["source"][0] == fan)
    assert outs == [(0, "prepend"), (1, "route")]  # a trigger fires right to left: the note first
    # each voice plays one of the pad's two buffers, and both exist
    buffers = sorted(b["text"].split()[1] for b in by_class["buffer~"])
    assert buffers == sorted(p["text"].split()[1] for p in players)
    assert buffers == sorted(f"---lp{pad}{s}" for pad in range(16) for s in "ab")
