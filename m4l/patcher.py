"""A small builder for Max patcher JSON: boxes, patch cords, presentation rects, live.* params.

Used by m4l/sampler_patch.py and m4l/groove_patch.py, which write the readable sources
m4l/src/*.maxpat; m4l/build.py packs those into .amxd. Output is deterministic (ids in order
of creation, a fixed key order, fixed dates), so the build is reproducible.

The saved fields follow what shipped devices carry (facts and their sources are listed in
tests/test_m4l_conformance.py): parameter fields inside `saved_attribute_attributes.valueof`,
an initial value on every control, a unit style on every number, momentary buttons hidden
from automation, info text, and the patcher's `parameters`, `openrect`, `latency` and
`project` blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from m4l.maxobjects import OBJECTS

PARAM_TYPES = {"float": 0, "int": 1, "enum": 2}
# Max's Unit Style menu, in order (the saved `parameter_unitstyle` is the index)
UNIT_STYLES = {"int": 0, "float": 1, "time": 2, "hertz": 3, "db": 4, "percent": 5, "pan": 6,
               "semitones": 7, "midi": 8, "custom": 9, "native": 10}
DEFAULT_UNITS = {"float": "float", "int": "int"}  # enum: none, but live.tab carries custom
HIDDEN = 2  # parameter_invisible: 0 automated and stored, 1 stored only, 2 hidden
TRIGGER_TYPES = {"b": "bang", "f": "float", "i": "int"}  # l, s, a: "" as Max saves them
HFS_EPOCH_OFFSET_S = 2082844800  # seconds from 1904-01-01 (Max's dates) to 1970-01-01
BUILD_DATE_HFS = 1767225600 + HFS_EPOCH_OFFSET_S  # 2026-01-01 00:00 UTC: fixed, reproducible


@dataclass(frozen=True)
class Param:
    """A live.* control's Live parameter. `initial` is the value the control outputs on load
    and must equal the device JS's default for the message it drives; a `momentary` button is
    hidden from automation and not stored (it fires an action, it holds no value)."""
    long_name: str
    short_name: str
    kind: str  # float | int | enum
    low: float
    high: float
    initial: float | None = None
    enum: tuple = ()
    unit: str | None = None
    info: str = ""
    momentary: bool = False


class Patcher:
    def __init__(self, width: int, height: int = 169):
        self.boxes: list = []
        self.lines: list = []
        self.size = (width, height)

    def _add(self, maxclass: str, box_text: str | None, rect, inlets: int, outlets: int,
             outlettype: list, **extra) -> str:
        box_id = f"obj-{len(self.boxes) + 1}"
        box = {"id": box_id, "maxclass": maxclass, "numinlets": inlets, "numoutlets": outlets,
               "outlettype": outlettype, "patching_rect": [float(v) for v in rect]}
        if box_text is not None:
            box["text"] = box_text
        box.update(extra)
        self.boxes.append({"box": box})
        return box_id

    def obj(self, text: str, x: float, y: float, width: float = 90.0, *, outlets: int = 0) -> str:
        """A newobj box, `text` = class and arguments, e.g. `route 0 1 2`; `outlets` for [js]
        (the script declares its own)."""
        name, *args = text.split()
        inlets, count, types = OBJECTS[name]
        words = [a for a in args if not a.startswith("@")]
        if name == "pack":  # one inlet per value
            inlets = len(words)
        if name == "pipe" and words:  # values then the delay: one inlet each, one outlet per value
            inlets, count = len(words), len(words) - 1
        elif name == "unpack" and words:
            count = len(words)
            types = ["float" if "." in w else "int" for w in words]
        elif name == "gate" and words:  # gate N: N outlets
            count = int(words[0])
        elif name in ("route", "sel") and words:  # one outlet per match + unmatched; an inlet
            count = inlets = len(words) + 1       # per match (it changes that match) + the input
            types = (["bang"] * len(words) if name == "sel" else [""] * len(words)) + [""]
        elif name == "t":  # one outlet per argument
            count = len(words)
        elif name == "js":
            count = outlets
        elif name in ("/", "-") and words:
            types = ["float" if "." in words[0] else "int"]
        if name == "t":  # each argument is the type of its outlet: b f i l s (a: anything)
            types = [TRIGGER_TYPES.get(w, "") for w in words]
        if types is None or len(types) != count:
            types = [""] * count
        extra = {}
        if name == "js":  # as Max saves a [js] box; the file is frozen into the device
            extra["saved_object_attributes"] = {"filename": words[0], "parameter_enable": 0}
        return self._add("newobj", text, (x, y, width, 22), inlets, count, types, **extra)

    def msg(self, text: str, x: float, y: float, width: float = 70.0) -> str:
        return self._add("message", text, (x, y, width, 22), 2, 1, [""])

    def ui(self, maxclass: str, x: float, y: float, rect, *, param: Param | None = None, **attrs) -> str:
        """A UI object shown in presentation at `rect` (x, y, w, h); `param` makes a live.*
        object a Live parameter."""
        inlets, outlets, types = OBJECTS[maxclass]
        extra = dict(attrs, presentation=1, presentation_rect=[float(v) for v in rect])
        if param is not None:
            extra.update(parameter_enable=1, varname=param.long_name,
                         saved_attribute_attributes={"valueof": valueof(param, maxclass)})
            if param.info:
                extra.update(annotation=param.info, annotation_name=param.long_name)
            if maxclass == "live.tab":
                extra["livemode"] = 1
        return self._add(maxclass, None, (x, y, rect[2], rect[3]), inlets, outlets, types, **extra)

    def connect(self, src: str, outlet: int, dst: str, inlet: int = 0) -> None:
        self.lines.append({"patchline": {"source": [src, outlet], "destination": [dst, inlet]}})

    def chain(self, *ids: str) -> None:
        for a, b in zip(ids, ids[1:]):
            self.connect(a, 0, b, 0)

    def server_link(self, script: str, outlets: int, server_port: int, reply_port: int,
                    led_outlet: int, status_outlet: int, status_width: float) -> str:
        """The JS wired to the server, as the Groove and Continue devices have it: [udpreceive] into
        the JS, its outlet 0 to [udpsend]; at load, `hello` then a 1 s tick (the status light
        stays honest); an LED and a status line fed by the given outlets. Returns the JS's id."""
        logic = self.obj(f"js {script}", 40, 400, 300, outlets=outlets)
        send = self.obj(f"udpsend 127.0.0.1 {server_port}", 40, 450, 140)
        recv = self.obj(f"udpreceive {reply_port}", 40, 350, 110)
        self.connect(recv, 0, logic)
        self.connect(logic, 0, send)

        device = self.obj("live.thisdevice", 400, 250)
        start = self.obj("t b b", 400, 280, 50)
        hello = self.msg("hello", 400, 310, 50)
        alive = self.obj("metro 1000", 480, 310, 70)
        self.connect(device, 0, start)
        self.connect(start, 1, alive)
        self.connect(start, 0, hello)
        self.connect(hello, 0, logic)
        self.connect(alive, 0, logic)

        led = self.ui("led", 40, 500, (8, 8, 16, 16))
        status = self.ui("live.comment", 80, 500, (28, 8, status_width, 16), text="offline")
        self.connect(logic, led_outlet, led)
        self.connect(logic, status_outlet, status)
        return logic

    def parameters(self) -> dict:
        """The patcher's `parameters` block: box id -> [long name, short name, 0]."""
        table = {}
        for entry in self.boxes:
            value = entry["box"].get("saved_attribute_attributes", {}).get("valueof")
            if value:
                table[entry["box"]["id"]] = [value["parameter_longname"], value["parameter_shortname"], 0]
        table["inherited_shortname"] = 1
        return table

    def to_json(self, description: str, amxd_type: bytes, scripts: tuple = ()) -> dict:
        """`amxd_type` is the device type code (b"iiii", b"mmmm", b"aaaa"); `scripts` the JS files
        the device loads (frozen into the .amxd by m4l/build.py and listed as its dependencies)."""
        width, height = self.size
        return {"patcher": {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 5, "revision": 0, "architecture": "x64",
                           "modernui": 1},
            "classnamespace": "box",
            "rect": [100.0, 100.0, 1200.0, 800.0],
            "openrect": [0.0, 0.0, float(width), float(height)],
            "openinpresentation": 1,
            "default_fontsize": 10.0,
            "default_fontname": "Arial Bold",
            "gridsize": [8.0, 8.0],
            "devicewidth": float(width),
            "description": description,
            "boxes": self.boxes,
            "lines": self.lines,
            "parameters": self.parameters(),
            "dependency_cache": [{"name": name, "patcherrelativepath": "./js", "type": "TEXT",
                                  "implicit": 1} for name in scripts],
            "latency": 0,
            "is_mpe": 0,
            "minimum_live_version": "",
            "minimum_max_version": "",
            "platform_compatibility": 0,
            "project": project(amxd_type),
            "autosave": 0,
        }}


def valueof(param: Param, maxclass: str) -> dict:
    value = {"parameter_longname": param.long_name, "parameter_shortname": param.short_name,
             "parameter_type": PARAM_TYPES[param.kind], "parameter_mmin": param.low,
             "parameter_mmax": param.high}
    if param.enum:
        value["parameter_enum"] = list(param.enum)
    unit = param.unit or DEFAULT_UNITS.get(param.kind) or ("custom" if maxclass == "live.tab" else None)
    if unit is not None:
        value["parameter_unitstyle"] = UNIT_STYLES[unit]
    if param.momentary:
        value["parameter_invisible"] = HIDDEN
    if param.initial is not None:
        value.update(parameter_initial_enable=1, parameter_initial=[param.initial])
    if param.info:
        value["parameter_info"] = param.info
    return value


def project(amxd_type: bytes) -> dict:
    """The `project` block a device saved by Max carries (its own files, none outside it)."""
    return {"version": 1, "creationdate": BUILD_DATE_HFS, "modificationdate": BUILD_DATE_HFS,
            "viewrect": [0.0, 0.0, 300.0, 500.0], "autoorganize": 1, "hideprojectwindow": 1,
            "showdependencies": 1, "autolocalize": 0, "contents": {"patchers": {}},
            "layout": {}, "searchpath": {}, "detailsvisible": 0,
            "amxdtype": int.from_bytes(amxd_type, "big"), "readonly": 0, "devpathtype": 0,
            "devpath": ".", "sortmode": 0, "viewmode": 0, "includepackages": 0}
