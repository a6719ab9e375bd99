"""The latentpad Continue (MIDI effect) patch: a thin wiring around js/continue_logic.js.

Continue (a momentary button, through [sel 1]) tells the JS to read the clip in the highlighted
clip slot through the Live API and send it to the server's /melody/continue; the continuation
comes back on [udpreceive] and the JS writes it into the clip slot below. Temperature, Top-p, Bars
and Seed are Live parameters, each into the JS through [prepend <message>]. MIDI from the track
passes through unchanged.
"""

from __future__ import annotations

from m4l.patcher import Param, Patcher

SERVER_PORT = 9000
REPLY_PORT = 9003
SCRIPT = "continue_logic.js"  # in m4l/js/, frozen into the .amxd
# the JS's DEFAULTS (a test checks the dials' initial values against them)
TEMPERATURE, TOP_P, BARS, SEED = 0.9, 0.9, 4, 0


def continue_() -> dict:
    p = Patcher(width=264)
    logic = p.server_link(SCRIPT, 3, SERVER_PORT, REPLY_PORT, led_outlet=1, status_outlet=2,
                          status_width=228)

    def control(ui_id: str, message: str, x: float, y: float) -> None:
        box = p.obj("prepend " + message, x, y, 110)
        p.connect(ui_id, 0, box)
        p.connect(box, 0, logic)

    temperature = p.ui("live.dial", 40, 40, (8, 30, 44, 48), param=Param(
        "Temperature", "Temp", "float", 0.0, 2.0, initial=TEMPERATURE,
        info="0 = the model's likeliest notes (greedy: gets stuck in loops); 1 = as the model "
             "thinks; higher = wilder."))
    control(temperature, "temperature", 40, 100)
    top_p = p.ui("live.dial", 160, 40, (60, 30, 44, 48), param=Param(
        "Top-p", "Top-p", "float", 0.0, 1.0, initial=TOP_P,
        info="Nucleus sampling: each note is drawn from the likeliest choices that together hold "
             "this much probability (1 = all of them); cuts the unlikely tail."))
    control(top_p, "top_p", 160, 100)
    bars = p.ui("live.numbox", 280, 40, (120, 34, 40, 15), param=Param(
        "Bars", "Bars", "int", 1, 16, initial=BARS,
        info="How many bars of continuation to write into the clip slot below."))
    control(bars, "bars", 280, 100)
    seed = p.ui("live.numbox", 400, 40, (120, 58, 40, 15), param=Param(
        "Seed", "Seed", "int", 0, 9999, initial=SEED,
        info="The same seed and clip give the same continuation; change it for another."))
    control(seed, "seed", 400, 100)
    go = p.ui("live.text", 520, 40, (168, 34, 88, 39), param=Param(
        "Continue", "Continue", "enum", 0, 1, enum=("off", "on"), momentary=True,
        info="Continues the selected clip: its notes go to the latentpad server and the next bars "
             "come back into the clip slot below."), text="Continue", mode=0)
    press = p.obj("sel 1", 520, 100, 40)
    cont = p.msg("continue", 520, 130, 60)
    p.connect(go, 0, press)
    p.connect(press, 0, cont)
    p.connect(cont, 0, logic)

    thru_in, thru_out = p.obj("midiin", 300, 760, 50), p.obj("midiout", 300, 820, 50)
    p.connect(thru_in, 0, thru_out)
    return p.to_json("latentpad Continue: continues the selected clip's melody into the next clip slot "
                     "with the latentpad server's melody model", b"mmmm", (SCRIPT,))
