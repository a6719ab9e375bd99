"""The latentpad Groove (MIDI effect) patch: a thin wiring around js/groove_logic.js.

Live's transport drives the steps: [metro 16n @quantize 16n @active 1] only runs while Live
plays, and each tick asks [transport] for bars/beats/units and tempo. Notes leave through
[unpack 0 0 0.] -> [pipe 0 0 0] (the micro-offset delay, into its own inlet) ->
[makenote 100 60] -> [noteout], to a Drum Rack after this device; MIDI from the track passes
through unchanged.
"""

from __future__ import annotations

from m4l.patcher import Param, Patcher

SERVER_PORT = 9000
REPLY_PORT = 9002
SCRIPT = "groove_logic.js"  # in m4l/js/, frozen into the .amxd
# (long name, short name): the server's instruments, in /pattern/row order
INSTRUMENTS = (("Kick", "Kick"), ("Snare", "Snare"), ("Closed Hat", "C Hat"), ("Open Hat", "O Hat"),
               ("Low Tom", "L Tom"), ("Mid Tom", "M Tom"), ("High Tom", "H Tom"), ("Crash", "Crash"),
               ("Ride", "Ride"))
# the JS's DEFAULTS and the server's decode-time defaults (a test checks all three agree)
DENSITY = 0.5
TEMPERATURE = 0.0
SWING = 0.0


def groove() -> dict:
    p = Patcher(width=472)  # the right margin as wide as the left one (8 px)
    logic = p.server_link(SCRIPT, 4, SERVER_PORT, REPLY_PORT, led_outlet=2, status_outlet=3,
                          status_width=300)

    def control(ui_id: str, words: str, x: float, y: float) -> None:
        box = p.obj("prepend " + words, x, y, 110)
        p.connect(ui_id, 0, box)
        p.connect(box, 0, logic)

    xy = p.ui("pictslider", 200, 40, (8, 30, 120, 120))
    for axis, outlet, px, py, way in (("X", 0, 134, 30, "left to right"), ("Y", 1, 134, 84, "bottom to top")):
        scale = p.obj("/ 127.", 200 + 60 * outlet, 170, 50)
        dial = p.ui("live.dial", 200 + 60 * outlet, 200, (px, py, 44, 48), param=Param(
            f"Groove {axis}", axis, "float", 0.0, 1.0, initial=0.5,
            info=f"Where the pattern sits on the groove map, {way}; a new pattern starts at the next bar."))
        p.connect(xy, outlet, scale)
        p.connect(scale, 0, dial)
        control(dial, axis.lower(), 200 + 120 * outlet, 260)
    for inst, (name, short) in enumerate(INSTRUMENTS):
        dial = p.ui("live.dial", 600 + 60 * inst, 40, (186 + 31 * (inst % 9), 30, 30, 48), param=Param(
            f"Density {name}", short, "float", 0.0, 1.0, initial=DENSITY,
            info=f"How many {name.lower()} hits the pattern has (0.5 = as the model plays it)."))
        control(dial, f"density {inst}", 600 + 60 * inst, 100)
    temperature = p.ui("live.dial", 600, 150, (186, 90, 44, 48), param=Param(
        "Temperature", "Temp", "float", 0.0, 2.0, initial=TEMPERATURE,
        info="0 = the model's most likely pattern; higher = looser, more surprising."))
    control(temperature, "temperature", 600, 210)
    swing = p.ui("live.dial", 660, 150, (390, 90, 44, 48), param=Param(
        "Swing", "Swing", "float", 0.0, 1.0, initial=SWING,
        info="Delays the off-beat 16ths: 0 = as the model plays them, 0.67 = triplet shuffle."))
    control(swing, "swing", 660, 210)
    fill = p.ui("live.text", 820, 150, (240, 124, 90, 18), param=Param(
        "Fill", "Fill", "enum", 0, 1, enum=("off", "on"), momentary=True,
        info="Plays a fill in the next bar, once; then the pattern carries on."),
        text="Fill next bar", mode=0)
    fill_press = p.obj("sel 1", 820, 190, 40)
    fill_msg = p.msg("fill", 820, 215, 40)
    p.connect(fill, 0, fill_press)
    p.connect(fill_press, 0, fill_msg)
    p.connect(fill_msg, 0, logic)
    to_clip = p.ui("live.text", 700, 150, (240, 100, 90, 18), param=Param(
        "Write Clip", "To Clip", "enum", 0, 1, enum=("off", "on"), momentary=True,
        info="Writes the current pattern as notes into the highlighted clip slot (creates a 2-bar clip)."),
        text="Pattern to clip", mode=0)
    press = p.obj("sel 1", 700, 190, 40)
    write = p.msg("writeclip", 700, 215, 60)
    p.connect(to_clip, 0, press)
    p.connect(press, 0, write)
    p.connect(write, 0, logic)

    # Live's transport -> steps
    clock = p.obj("metro 16n @quantize 16n @active 1", 40, 600, 200)
    where = p.obj("transport", 40, 630, 200)
    position = p.obj("pack 0 0 0.", 40, 660, 80)
    tick = p.obj("prepend tick", 40, 690, 80)
    tempo = p.obj("prepend tempo", 160, 690, 80)
    p.connect(clock, 0, where)
    p.connect(where, 0, position, 0)
    p.connect(where, 1, position, 1)
    p.connect(where, 2, position, 1 + 1)
    p.connect(position, 0, tick)
    p.connect(tick, 0, logic)
    p.connect(where, 4, tempo)
    p.connect(tempo, 0, logic)

    # notes out (after the micro-offset delay), MIDI in passes through
    # [unpack] fires right to left: the delay reaches [pipe]'s own delay inlet and the velocity
    # its inlet before the pitch triggers it (as RhythmVAE's makenote_for_me.maxpat feeds it)
    split = p.obj("unpack 0 0 0.", 40, 730, 80)
    delay = p.obj("pipe 0 0 0", 40, 760, 80)
    make = p.obj("makenote 100 60", 40, 790, 100)
    out = p.obj("noteout", 40, 820, 60)
    p.connect(logic, 1, split)
    p.connect(split, 2, delay, 2)
    p.connect(split, 1, delay, 1)
    p.connect(split, 0, delay, 0)
    p.connect(delay, 0, make, 0)
    p.connect(delay, 1, make, 1)
    p.connect(make, 0, out, 0)
    p.connect(make, 1, out, 1)
    thru_in, thru_out = p.obj("midiin", 300, 760, 50), p.obj("midiout", 300, 820, 50)
    p.connect(thru_in, 0, thru_out)
    return p.to_json("latentpad Groove: drum patterns from the latentpad server, played on Live's transport",
                     b"mmmm", (SCRIPT,))
