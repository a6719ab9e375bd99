"""Draw each device's presentation layout from the patch's own coordinates:
`python -m m4l.draw` writes m4l/images/<device>.png from m4l/src/<device>.maxpat."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLOURS = {"live.dial": "#f0a030", "live.numbox": "#f0a030", "live.text": "#60a0e0",
           "live.tab": "#60a0e0", "live.menu": "#60a0e0", "pictslider": "#50c080", "led": "#e05050",
           "live.comment": "#bbbbbb"}


def label(box: dict) -> str:
    value = box.get("saved_attribute_attributes", {}).get("valueof", {})
    if box["maxclass"] == "live.tab":
        return f"{value['parameter_longname']} 1..{len(value['parameter_enum'])}"
    if box["maxclass"] == "live.menu":
        return f"{value['parameter_shortname']}: {value['parameter_enum'][0]}"
    if box["maxclass"] == "pictslider":
        return "XY"
    return box.get("text") if box["maxclass"] in ("live.text", "live.comment") else \
        value.get("parameter_shortname", "")


def draw(name: str) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    patch = json.loads((HERE / "src" / f"{name}.maxpat").read_text(encoding="utf-8"))["patcher"]
    width, height = patch["devicewidth"], 169.0
    fig, ax = plt.subplots(figsize=(width / 60, height / 60), dpi=100)
    ax.add_patch(Rectangle((0, 0), width, height, facecolor="#2b2b2b"))
    for entry in patch["boxes"]:
        box = entry["box"]
        if not box.get("presentation"):
            continue
        x, y, w, h = box["presentation_rect"]
        colour = COLOURS.get(box["maxclass"], "#888888")
        ax.add_patch(Rectangle((x, y), w, h, fill=False, edgecolor=colour, linewidth=1.2))
        ax.text(x + w / 2, y + h / 2, label(box), ha="center", va="center", fontsize=5, color=colour)
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)  # Max's y grows downwards
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"{name} presentation ({int(width)} x {int(height)} px, from the .maxpat)", fontsize=7)
    out = HERE / "images" / f"{name}.png"
    out.parent.mkdir(exist_ok=True)
    fig.savefig(out, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return out


if __name__ == "__main__":
    for device in ("latentpad_sampler", "latentpad_groove", "latentpad_continue"):
        print(draw(device).relative_to(HERE.parent))
