"""The latentpad Sampler (instrument) patch: a thin wiring around js/sampler_logic.js.

Trigger path, all plain Max objects, no JS and no model in it:
  [notein] -> [stripnote] -> [pack 0 0] -> [t l l] -> [route 36 .. 51] -> per pad [gate 2]
  -> voice a or b: [t b f] -> velocity/127 into [*~], `start 0` into [play~ ---lpNa|b] -> [plugout~]
The JS only sets each pad's gate (which of its two buffer~s is live) after a buffer~ reports
it has finished reading, so a pad never plays a half-loaded sample. [t l l] fans each played
note out to the JS as well (`played note velocity`, after the hit: a trigger fires right to
left), which asks the server for the pad's next variation when Humanize is on (round robin).
"""

from __future__ import annotations

from m4l.patcher import Param, Patcher

NPADS = 16
# the diffusion prior's classes, in menu order; the JS's CLASSES table (a test checks they agree)
CLASSES = ("kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion")
FIRST_NOTE = 36
SERVER_PORT = 9000
REPLY_PORT = 9001
SCRIPT = "sampler_logic.js"  # in m4l/js/, frozen into the .amxd


def sampler() -> dict:
    p = Patcher(width=646)  # the right margin as wide as the left one (8 px)
    logic = p.obj(f"js {SCRIPT}", 40, 400, 300, outlets=7)
    send = p.obj(f"udpsend 127.0.0.1 {SERVER_PORT}", 40, 450, 140)
    recv = p.obj(f"udpreceive {REPLY_PORT}", 40, 350, 110)
    p.connect(recv, 0, logic)
    p.connect(logic, 0, send)

    # start-up: say /hello with Live's sample rate; a 1 s tick keeps the status light honest
    device = p.obj("live.thisdevice", 400, 250)
    start = p.obj("t b b", 400, 280, 50)
    dsp = p.obj("dspstate~", 400, 310)
    rate = p.obj("prepend samplerate", 400, 340, 110)
    metro = p.obj("metro 1000", 520, 310, 70)
    p.connect(device, 0, start)
    p.connect(start, 1, metro)
    p.connect(start, 0, dsp)
    p.connect(dsp, 1, rate)
    p.connect(rate, 0, logic)
    p.connect(metro, 0, logic)

    # status
    led = p.ui("led", 40, 500, (8, 8, 16, 16))
    status = p.ui("live.comment", 80, 500, (28, 8, 300, 16), text="offline")
    p.connect(logic, 5, led)
    p.connect(logic, 6, status)

    # pad select, XY, buttons, scenes: each live.* control -> a message for the JS. A value
    # control goes through [prepend <message>]; a momentary button through [sel 1] (a press,
    # never a 0 from its initialisation) to a message box
    def control(ui_id: str, message: str, x: float, y: float, outlet: int = 0) -> None:
        if " $1" in message:
            box = p.obj("prepend " + message.replace(" $1", ""), x, y, 110)
        else:
            press = p.obj("sel 1", x, y, 40)
            box = p.msg(message, x, y + 25, 110)
            p.connect(press, 0, box)
            p.connect(ui_id, outlet, press)
            p.connect(box, 0, logic)
            return
        p.connect(ui_id, outlet, box)
        p.connect(box, 0, logic)

    def button(label: str, long_name: str, info: str, x: float, rect, text: str | None = None) -> str:
        return p.ui("live.text", x, 40, rect, param=Param(
            long_name, label, "enum", 0, 1, enum=("off", "on"), info=info, momentary=True),
            text=text or label, mode=0)

    pads = p.ui("live.tab", 40, 40, (8, 30, 360, 20), param=Param(
        "Pad", "Pad", "enum", 0, NPADS - 1, initial=0, enum=tuple(str(i + 1) for i in range(NPADS)),
        info="The pad the controls below act on (MIDI notes 36-51 play pads 1-16)."),
        num_lines_patching=1)
    control(pads, "select $1", 40, 70)
    xy = p.ui("pictslider", 200, 40, (8, 56, 104, 104))
    x_scale, y_scale = p.obj("/ 127.", 200, 150, 50), p.obj("/ 127.", 260, 150, 50)
    dial_x = p.ui("live.dial", 200, 180, (118, 56, 44, 48), param=Param(
        "Pad X", "X", "float", 0.0, 1.0, initial=0.5,
        info="Where the selected pad sits on the sound map, left to right; the server re-renders it."))
    dial_y = p.ui("live.dial", 260, 180, (118, 110, 44, 48), param=Param(
        "Pad Y", "Y", "float", 0.0, 1.0, initial=0.5,
        info="Where the selected pad sits on the sound map, bottom to top; the server re-renders it."))
    p.connect(xy, 0, x_scale)
    p.connect(xy, 1, y_scale)
    p.connect(x_scale, 0, dial_x)
    p.connect(y_scale, 0, dial_y)
    control(dial_x, "x $1", 200, 230)
    control(dial_y, "y $1", 320, 230)

    row = [("Random", "random", 170,
            "A new sound for the selected pad, drawn from the model (of the Class chosen below)."),
           ("Vary", "vary", 226, "A variation of the selected pad's sound, as far as Amount."),
           ("Morph", "morph", 282,
            "The selected pad becomes a blend of pads A and B, at the Morph position.")]
    for i, (label, message, px, info) in enumerate(row):
        control(button(label, label, info, 600 + 80 * i, (px, 56, 52, 18)), message, 600 + 80 * i, 70)
    spread = p.ui("live.dial", 600, 110, (170, 80, 44, 48), param=Param(
        "Spread", "Spread", "float", 0.0, 4.0, initial=1.0,
        info="How far from the usual Random may reach (1 = the model's own spread)."))
    amount = p.ui("live.dial", 680, 110, (226, 80, 44, 48), param=Param(
        "Vary Amount", "Amount", "float", 0.0, 2.0, initial=0.3,
        info="How different a Vary is from the pad's sound."))
    morph_t = p.ui("live.dial", 760, 110, (282, 80, 44, 48), param=Param(
        "Morph Position", "Morph", "float", 0.0, 1.0, initial=0.5,
        info="Morph's blend: 0 = pad A, 1 = pad B."))
    control(spread, "spread $1", 600, 170)
    control(amount, "varyamount $1", 680, 200)
    control(morph_t, "morpht $1", 760, 170)
    morph_a = p.ui("live.numbox", 840, 110, (282, 132, 26, 15), param=Param(
        "Morph A", "A", "int", 1, NPADS, initial=1, info="The first pad Morph blends."))
    morph_b = p.ui("live.numbox", 880, 110, (312, 132, 26, 15), param=Param(
        "Morph B", "B", "int", 1, NPADS, initial=2, info="The second pad Morph blends."))
    for ui_id, name, x in ((morph_a, "morpha", 840), (morph_b, "morphb", 900)):
        minus = p.obj("- 1", x, 160, 40)  # pads count from 1 on screen, from 0 on the wire
        p.connect(ui_id, 0, minus)
        control(minus, f"{name} $1", x, 200)
    play = button("Play", "Play", "Plays the selected pad at velocity 100.", 960, (226, 132, 52, 18),
                  text="Play pad")
    control(play, "audition 100", 960, 70)

    scene = p.ui("live.tab", 1000, 110, (376, 30, 136, 20), param=Param(
        "Scene", "Scene", "enum", 0, 7, initial=0, enum=tuple(str(i + 1) for i in range(8)),
        info="The scene slot Store and Recall use: a scene holds all 16 pads' sounds."))
    control(scene, "scene $1", 1000, 150)
    for i, (label, message, info) in enumerate((
            ("Store", "store", "Stores all 16 pads' sounds in the selected scene."),
            ("Recall", "recall", "Recalls the selected scene, gliding over the Glide time."))):
        control(button(label, f"Scene {label}", info, 1000 + 70 * i, (376 + 70 * i, 56, 66, 18)),
                message, 1000 + 70 * i, 210)
    glide = p.ui("live.dial", 1160, 110, (376, 80, 44, 48), param=Param(
        "Glide", "Glide", "float", 0.0, 5000.0, initial=0.0, unit="time",
        info="How long Recall takes to move the pads to the scene (0 = at once)."))
    control(glide, "glide $1", 1160, 170)

    # the diffusion prior: Random's class, Transform toward a class, Humanize (round robin)
    random_class = p.ui("live.menu", 600, 240, (170, 132, 52, 18), param=Param(
        "Class", "Class", "enum", 0, len(CLASSES), initial=0, enum=("any", *CLASSES),
        info="The kind of sound Random draws: any, or one class (needs a preset with a prior)."))
    control(random_class, "randomclass $1", 600, 270)
    to_class = p.ui("live.menu", 1240, 40, (520, 30, 66, 20), param=Param(
        "To", "To", "enum", 0, len(CLASSES) - 1, initial=0, enum=CLASSES,
        info="The class Transform turns the selected pad toward."))
    control(to_class, "transformclass $1", 1240, 70)
    transform = button("Transform", "Transform", "Turns the selected pad's sound toward the To class, "
                       "as far as Strength (needs a preset with a prior).", 1360, (520, 56, 66, 18))
    control(transform, "transform", 1360, 70)
    strength = p.ui("live.dial", 1240, 110, (520, 80, 44, 48), param=Param(
        "Strength", "Strength", "float", 0.0, 1.0, initial=0.5,
        info="How far Transform goes: 0 = unchanged, 1 = a new sound of the To class."))
    control(strength, "strength $1", 1240, 170)
    humanize = p.ui("live.dial", 1360, 110, (594, 80, 44, 48), param=Param(
        "Humanize", "Humanize", "float", 0.0, 2.0, initial=0.0,
        info="Round robin: after every hit the pad gets a fresh variation this far away (0 = off)."))
    control(humanize, "humanize $1", 1360, 170)

    # the trigger path and the 16 double-buffered voices
    note = p.obj("notein", 40, 600, 60)
    strip = p.obj("stripnote", 40, 630, 70)
    pair = p.obj("pack 0 0", 40, 660, 60)
    fan = p.obj("t l l", 120, 660, 40)
    played = p.obj("prepend played", 180, 660, 90)
    notes = p.obj("route " + " ".join(str(FIRST_NOTE + i) for i in range(NPADS)), 40, 690, 500)
    buffers = p.obj("route " + " ".join(str(i) for i in range(2 * NPADS)), 40, 560, 900)
    voices = p.obj("route " + " ".join(str(i) for i in range(2 * NPADS)), 40, 530, 900)
    gates = p.obj("route " + " ".join(str(i) for i in range(NPADS)), 600, 690, 400)
    out = p.obj("plugout~", 40, 1000, 60)
    p.connect(note, 0, strip)
    p.connect(note, 1, strip, 1)
    p.connect(strip, 0, pair)
    p.connect(strip, 1, pair, 1)
    p.connect(pair, 0, fan)
    p.connect(fan, 1, notes)  # right outlet first: the hit plays before the JS hears of it
    p.connect(fan, 0, played)
    p.connect(played, 0, logic)
    p.connect(logic, 4, pair)
    p.connect(logic, 1, buffers)
    p.connect(logic, 2, voices)
    p.connect(logic, 3, gates)
    for pad in range(NPADS):
        x = 40 + 60 * pad
        gate = p.obj("gate 2", x, 720, 50)
        p.connect(notes, pad, gate, 1)
        p.connect(gates, pad, gate, 0)
        for slot, letter in enumerate("ab"):
            index, y = 2 * pad + slot, 760 + 120 * slot
            name = f"---lp{pad}{letter}"
            buffer = p.obj(f"buffer~ {name}", x, y, 56)
            loaded = p.msg(f"loaded {pad} {slot}", x, y + 25, 56)
            split = p.obj("t b f", x, y + 50, 40)
            scale = p.obj("/ 127.", x, y + 75, 40)
            start = p.msg("start 0", x + 60 * NPADS, y + 50, 46)
            player = p.obj(f"play~ {name}", x + 60 * NPADS, y + 75, 56)
            gain = p.obj("*~ 0.", x, y + 100, 40)
            p.connect(buffers, index, buffer)
            p.connect(buffer, 1, loaded)
            p.connect(loaded, 0, logic)
            p.connect(gate, slot, split)
            p.connect(split, 1, scale)
            p.connect(scale, 0, gain, 1)
            p.connect(split, 0, start)
            p.connect(start, 0, player)
            p.connect(voices, index, player)
            p.connect(player, 0, gain)
            p.connect(gain, 0, out, 0)
            p.connect(gain, 0, out, 1)
    return p.to_json("latentpad Sampler: 16 pads of one-shots rendered by the latentpad server",
                     b"iiii", (SCRIPT,))
