"""The Max for Live patches by structure and by contract with the OSC table (Max cannot run here).

Structure: every patch parses, every object is a known Max / Max for Live object, every patch
cord joins an existing outlet to an existing inlet, live.* parameters have unique names.
Contract: every OSC address and type tag the devices send is in server.protocol.REQUESTS with
the same types, every address they route is in REPLIES with the same types, read from the
tables themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from m4l.maxobjects import OBJECTS
from server.config import Settings
from server.protocol import REPLIES, REQUESTS, _present

M4L = Path(__file__).resolve().parents[1] / "m4l"
PATCHES = sorted((M4L / "src").glob("*.maxpat"))
JS_FILES = {"latentpad_sampler": M4L / "js" / "sampler_logic.js",
            "latentpad_groove": M4L / "js" / "groove_logic.js"}


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
    """Every type-tag string the server accepts for a request (optional args left off)."""
    spec = REQUESTS[path]
    fixed = tuple(a for a in spec.args if a.count is None)
    required = sum(not a.optional for a in fixed)
    assert len(fixed) == len(spec.args), f"{path}: variadic requests are not sent by the devices"
    return {"".join(a.tag for a in _present(fixed, n)) for n in range(required, len(fixed) + 1)}


def reply_tags(path: str) -> str:
    """The reply's fixed tags, then one tag of a variadic tail (`if` = inst:i velocity:f…)."""
    spec = REPLIES[path]
    tags = "".join(a.tag for a in spec.args if a.count is None)
    variadic = spec.args[-1] if spec.args and spec.args[-1].count else None
    if variadic is not None:
        tags += "".join(g.tag for g in variadic.group) if variadic.group else variadic.tag
    return tags


def test_both_devices_have_a_source_patch():
    assert [p.stem for p in PATCHES] == ["latentpad_groove", "latentpad_sampler"]


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
    for address, tags in sends.items():
        assert address in REQUESTS, f"{device} sends {address}, not in server.protocol.REQUESTS"
        assert tags in request_tags(address), (
            f"{device} sends {address} {tags}; the table accepts {sorted(request_tags(address))}")


@pytest.mark.parametrize("device", sorted(JS_FILES))
def test_every_address_a_device_routes_is_a_reply_with_the_same_types(device):
    receives = js_table(JS_FILES[device].read_text(), "RECEIVES")
    for address, tags in receives.items():
        assert address in REPLIES, f"{device} routes {address}, not in server.protocol.REPLIES"
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
    assert ports == {"latentpad_groove": ["9002"], "latentpad_sampler": ["9001"]}
    sampler = (M4L / "js" / "sampler_logic.js").read_text()
    groove = (M4L / "js" / "groove_logic.js").read_text()
    assert "s.replyPort = 9001" in sampler and "replyPort: 9002" in groove


def _reachable(patch: dict, start: str) -> set:
    edges: dict = {}
    for line in patch["lines"]:
        edges.setdefault(line["patchline"]["source"][0], []).append(line["patchline"]["destination"][0])
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_sampler_note_path_reaches_every_voice_without_js_or_network():
    patch = load(M4L / "src" / "latentpad_sampler.maxpat")
    by_class: dict = {}
    for b in boxes(patch):
        by_class.setdefault(class_of(b), []).append(b)
    reach = _reachable(patch, by_class["notein"][0]["id"])
    players = by_class["play~"]
    assert len(players) == 32 and all(p["id"] in reach for p in players)
    assert not {b["id"] for c in ("js", "udpsend", "udpreceive") for b in by_class[c]} & reach
    # each voice plays one of the pad's two buffers, and both exist
    buffers = sorted(b["text"].split()[1] for b in by_class["buffer~"])
    assert buffers == sorted(p["text"].split()[1] for p in players)
    assert buffers == sorted(f"---lp{pad}{s}" for pad in range(16) for s in "ab")
