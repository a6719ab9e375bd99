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

from m4l.patcher import Patcher

NPADS = 16
# the diffusion prior's classes, in menu order; the JS's CLASSES table (a test checks they agree)
CLASSES = ("kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion")
FIRST_NOTE = 36
SERVER_PORT = 9000
REPLY_PORT = 9001


def sampler() -> dict:
    p = Patcher(width=648)
    logic = p.obj("js sampler_logic.js", 40, 400, 300, outlets=7)
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

    # pad select, XY, buttons, scenes: each live.* control -> a message for the JS
    def control(ui_id: str, message: str, x: float, y: float, outlet: int = 0) -> None:
        box = p.msg(message, x, y, 110) if " $1" not in message else p.obj(
            "prepend " + message.replace(" $1", ""), x, y, 110)
        p.connect(ui_id, outlet, box)
        p.connect(box, 0, logic)

    pads = p.ui("live.tab", 40, 40, (8, 30, 360, 20), param=(
        "Pad", "Pad", "enum", 0, NPADS - 1, [str(i + 1) for i in range(NPADS)]), num_lines_patching=1)
    control(pads, "select $1", 40, 70)
    xy = p.ui("pictslider", 200, 40, (8, 56, 104, 104))
    x_scale, y_scale = p.obj("/ 127.", 200, 150, 50), p.obj("/ 127.", 260, 150, 50)
    dial_x = p.ui("live.dial", 200, 180, (118, 56, 44, 48), param=("Pad X", "X", "float", 0.0, 1.0))
    dial_y = p.ui("live.dial", 260, 180, (118, 110, 44, 48), param=("Pad Y", "Y", "float", 0.0, 1.0))
    p.connect(xy, 0, x_scale)
    p.connect(xy, 1, y_scale)
    p.connect(x_scale, 0, dial_x)
    p.connect(y_scale, 0, dial_y)
    control(dial_x, "x $1", 200, 230)
    control(dial_y, "y $1", 320, 230)

    row = [("Random", "random", 170), ("Vary", "vary", 226), ("Morph", "morph", 282)]
    for i, (label, message, px) in enumerate(row):
        button = p.ui("live.text", 600 + 80 * i, 40, (px, 56, 52, 18), param=(
            label, label, "enum", 0, 1, ["off", "on"]), text=label, mode=0)
        control(button, message, 600 + 80 * i, 70)
    spread = p.ui("live.dial", 600, 110, (170, 80, 44, 48), param=("Spread", "Spread", "float", 0.0, 4.0))
    amount = p.ui("live.dial", 680, 110, (226, 80, 44, 48), param=("Vary Amount", "Amount", "float", 0.0, 2.0))
    morph_t = p.ui("live.dial", 760, 110, (282, 80, 44, 48), param=("Morph Position", "Morph", "float", 0.0, 1.0))
    control(spread, "spread $1", 600, 170)
    control(amount, "varyamount $1", 680, 200)
    control(morph_t, "morpht $1", 760, 170)
    morph_a = p.ui("live.numbox", 840, 110, (282, 132, 26, 15), param=("Morph A", "A", "int", 1, NPADS))
    morph_b = p.ui("live.numbox", 880, 110, (312, 132, 26, 15), param=("Morph B", "B", "int", 1, NPADS))
    for ui_id, name, x in ((morph_a, "morpha", 840), (morph_b, "morphb", 900)):
        minus = p.obj("- 1", x, 160, 40)  # pads count from 1 on screen, from 0 on the wire
        p.connect(ui_id, 0, minus)
        control(minus, f"{name} $1", x, 200)
    play = p.ui("live.text", 960, 40, (226, 132, 52, 18), param=("Play", "Play", "enum", 0, 1, ["off", "on"]),
                text="Play pad", mode=0)
    control(play, "audition 100", 960, 70)

    scene = p.ui("live.tab", 1000, 110, (376, 30, 136, 20), param=(
        "Scene", "Scene", "enum", 0, 7, [str(i + 1) for i in range(8)]))
    control(scene, "scene $1", 1000, 150)
    for i, (label, message) in enumerate((("Store", "store"), ("Recall", "recall"))):
        button = p.ui("live.text", 1000 + 70 * i, 180, (376 + 70 * i, 56, 66, 18), param=(
            f"Scene {label}", label, "enum", 0, 1, ["off", "on"]), text=label, mode=0)
        control(button, message, 1000 + 70 * i, 210)
    glide = p.ui("live.dial", 1160, 110, (376, 80, 44, 48), param=("Glide", "Glide", "float", 0.0, 5000.0),
                 unitstyle=2)
    control(glide, "glide $1", 1160, 170)

    # the diffusion prior: Random's class, Transform toward a class, Humanize (round robin)
    random_class = p.ui("live.menu", 600, 240, (170, 132, 52, 18), param=(
        "Class", "Class", "enum", 0, len(CLASSES), ["any", *CLASSES]))
    control(random_class, "randomclass $1", 600, 270)
    to_class = p.ui("live.menu", 1240, 40, (520, 30, 66, 20), param=(
        "To", "To", "enum", 0, len(CLASSES) - 1, list(CLASSES)))
    control(to_class, "transformclass $1", 1240, 70)
    transform = p.ui("live.text", 1360, 40, (520, 56, 66, 18), param=(
        "Transform", "Transform", "enum", 0, 1, ["off", "on"]), text="Transform", mode=0)
    control(transform, "transform", 1360, 70)
    strength = p.ui("live.dial", 1240, 110, (520, 80, 44, 48), param=(
        "Strength", "Strength", "float", 0.0, 1.0))
    control(strength, "strength $1", 1240, 170)
    humanize = p.ui("live.dial", 1360, 110, (594, 80, 44, 48), param=(
        "Humanize", "Humanize", "float", 0.0, 2.0))
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
    return p.to_json("latentpad Sampler: 16 pads of one-shots rendered by the latentpad server")
