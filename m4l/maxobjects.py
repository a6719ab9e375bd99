"""Max / Max for Live objects the patches may use: class -> (inlets, outlets, outlet types).

The patch generator takes inlet/outlet counts from here (Max recomputes them on load, but
patch cords must name outlets that exist); tests/test_m4l_patches.py refuses any object that is
not listed. A [js] declares its own outlets (`None`).

The counts of a class with no arguments are the ones Ableton publishes in
Ableton/maxdevtools `maxdiff/known_objects.py` (each object as Max creates it with no
arguments); tests/test_m4l_conformance.py checks this table against facts recorded from that file.
Where arguments change the count (pack, unpack, pipe, gate, route, sel, t, js) the patcher
computes it from them.
"""

SIG = "signal"
OBJECTS = {
    # networking
    "udpsend": (1, 0, []),
    "udpreceive": (1, 1, [""]),
    # scripting: a [js] declares its own outlets; one that finds no file has 1
    "js": (1, None, None),
    # audio
    "buffer~": (1, 2, ["float", "bang"]),
    "play~": (1, 2, [SIG, "bang"]),  # one channel: signal + `done` bang
    "*~": (2, 1, [SIG]),
    "plugout~": (2, 2, [SIG, SIG]),
    "dspstate~": (1, 4, ["int", "float", "int", "int"]),
    # MIDI
    "notein": (1, 3, ["int", "int", "int"]),
    "stripnote": (2, 2, ["int", "int"]),
    "makenote": (3, 2, ["float", "float"]),
    "noteout": (3, 0, []),
    "midiin": (1, 1, ["int"]),
    "midiout": (1, 0, []),
    # control
    "pack": (2, 1, [""]),
    "unpack": (1, 2, ["int", "int"]),
    "route": (2, 2, ["", ""]),
    "sel": (2, 2, ["bang", ""]),
    "gate": (2, 1, [""]),
    "t": (1, 2, ["", ""]),
    "/": (2, 1, ["int"]),
    "-": (2, 1, ["int"]),
    "prepend": (1, 1, [""]),
    "pipe": (2, 1, [""]),
    "metro": (2, 1, ["bang"]),
    "transport": (2, 9, ["int", "int", "float", "float", "float", "", "int", "float", ""]),
    "message": (2, 1, [""]),
    "comment": (1, 0, []),
    # UI
    "led": (1, 1, ["int"]),
    "pictslider": (2, 2, ["int", "int"]),
    # Max for Live
    "live.thisdevice": (1, 3, ["bang", "int", "int"]),
    "live.dial": (1, 2, ["", "float"]),
    "live.numbox": (1, 2, ["", "float"]),
    "live.text": (1, 2, ["", ""]),
    "live.tab": (1, 3, ["", "", "float"]),
    "live.menu": (1, 3, ["", "", "float"]),
    "live.comment": (1, 0, []),
}
UI_CLASSES = {"led", "pictslider", "live.dial", "live.numbox", "live.text", "live.tab", "live.menu",
              "live.comment", "comment", "message"}
