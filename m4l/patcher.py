"""A small builder for Max patcher JSON: boxes, patch cords, presentation rects, live.* params.

Used by m4l/sampler_patch.py and m4l/groove_patch.py, which write the readable sources
m4l/src/*.maxpat; m4l/build.py packs those into .amxd. Output is deterministic (ids in order
of creation, sorted keys), so the build is reproducible.
"""

from __future__ import annotations

from m4l.maxobjects import OBJECTS

PARAM_TYPES = {"float": 0, "int": 1, "enum": 2}
TRIGGER_TYPES = {"b": "bang", "f": "float", "i": "int", "l": "list", "s": "symbol"}


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
        if name in ("pack", "pipe"):  # one inlet per value (pipe: values + delay)
            inlets = len(words)
        if name == "pipe":
            count = len(words) - 1
        elif name in ("route", "t"):  # route: one outlet per match + unmatched; t: one per arg
            count = len(words) + (name == "route")
        elif name == "js":
            count = outlets
        if name == "t":  # each argument is the type of its outlet: b f i l s (a: anything)
            types = [TRIGGER_TYPES.get(w, "") for w in words]
        if types is None or len(types) != count:
            types = [""] * count
        return self._add("newobj", text, (x, y, width, 22), inlets, count, types)

    def msg(self, text: str, x: float, y: float, width: float = 70.0) -> str:
        return self._add("message", text, (x, y, width, 22), 2, 1, [""])

    def ui(self, maxclass: str, x: float, y: float, rect, *, param=None, **attrs) -> str:
        """A UI object shown in presentation at `rect` (x, y, w, h); `param` = (long name,
        short name, type, min, max[, enum list]) makes a live.* object a Live parameter."""
        inlets, outlets, types = OBJECTS[maxclass]
        extra = dict(attrs, presentation=1, presentation_rect=[float(v) for v in rect])
        if param is not None:
            long_name, short_name, kind, low, high, *enum = param
            value = {"parameter_longname": long_name, "parameter_shortname": short_name,
                     "parameter_type": PARAM_TYPES[kind], "parameter_mmin": low,
                     "parameter_mmax": high}
            if enum:
                value["parameter_enum"] = enum[0]
            extra.update(parameter_enable=1, varname=long_name,
                         saved_attribute_attributes={"valueof": value})
        return self._add(maxclass, None, (x, y, rect[2], rect[3]), inlets, outlets, types, **extra)

    def connect(self, src: str, outlet: int, dst: str, inlet: int = 0) -> None:
        self.lines.append({"patchline": {"source": [src, outlet], "destination": [dst, inlet]}})

    def chain(self, *ids: str) -> None:
        for a, b in zip(ids, ids[1:]):
            self.connect(a, 0, b, 0)

    def to_json(self, description: str) -> dict:
        width, height = self.size
        return {"patcher": {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 5, "revision": 0, "architecture": "x64",
                           "modernui": 1},
            "classnamespace": "box",
            "rect": [100.0, 100.0, 1200.0, 800.0],
            "openinpresentation": 1,
            "default_fontsize": 10.0,
            "default_fontname": "Arial Bold",
            "gridsize": [8.0, 8.0],
            "devicewidth": float(width),
            "description": description,
            "boxes": self.boxes,
            "lines": self.lines,
            "dependency_cache": [],
            "autosave": 0,
        }}
