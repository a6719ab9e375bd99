"""Build the one-shot corpus from Debian's drum sample packages.

Sources (each a Debian package; `SOURCES` below): `hydrogen-drumkits`, `hydrogen-drumkits-effects`
and `hydrogen-data` (Hydrogen kits: `drumkit.xml` names each instrument and its sample layers),
`lmms-common` (LMMS's drum samples), the GM drum kits of `timgm6mb-soundfont`, `csound-soundfont`
and `opl3-soundfont` rendered note by note with fluidsynth, and `sonic-pi-samples`' drum hits
(`export/oneshot/sources.py`). Each sound gets a class from its kit instrument name, GM note or
file name; sounds that name no drum class are kept unlabelled (they still teach the autoencoder).

Three splits: `train`; `test`, whole kits of the training sources held out (the figures of
earlier releases); `unseen`, whole SOURCES held out (`--hold-out-sources`, default
timgm6mb-soundfont and sonic-pi-samples): no kit of theirs is trained, tuned or chosen on.

Hygiene: a sound cut off while still loud (`export/oneshot/hygiene.py`) is faded out the way it
would decay; `index.json` counts them per source (`hygiene`).

    python -m export.oneshot_data --out data/oneshot

writes `train.npy` / `test.npy` / `unseen.npy` (float32 [N, length]) and `index.json`. Nothing
here is committed: the data stays on the machine that built it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from export.oneshot import hygiene, sources
from server.core.sample_io import fit_oneshot, load_oneshot, resample

CLASSES = ("kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion")

HYDROGEN_DIRS = (Path("/usr/share/hydrogen/data/drumkits"),)
LMMS_DRUMS = Path("/usr/share/lmms/samples/drums")
HYDROGEN_COPYRIGHT = Path("/usr/share/doc/hydrogen-drumkits/copyright")
HELD_OUT_KITS = ("ColomboAcousticDrumkit", "HardElectro1", "VariBreaks", "Millo-Drums_v.1")
HELD_OUT_SOURCES = ("timgm6mb-soundfont", "sonic-pi-samples")
SPLITS = ("train", "test", "unseen")
AUDIO_EXTS = {".wav", ".flac", ".ogg", ".aif", ".aiff"}

# First rule that matches wins; order matters (e.g. "ride bell" is a cymbal, "cowbell" is not).
_RULES: tuple[tuple[str, str | None], ...] = (
    (r"empty|fx|zap|whistle|click|roll|guitar|strum|brass|nasty_bass|choke", None),
    (r"clap|fingersnap|snap", "clap"),
    (r"cowbell|agogo|clave|shaker|maraca|tamb|wood|cajon|waterglass|djembe|dununba|kenkeni|"
     r"sangban|conga|bongo|trimo|triangle|\bcb\d*\b|\bmc_cb\b|shake|rim|stick|\brs\b", "percussion"),
    (r"open|\bop\b|semi|swish|\bohh?\b|\bho\b|hihat_opened", "open_hat"),
    (r"closed|\bcl\b|\bchh\b|pedal|foot|\bhh\w*|hat|hihat", "closed_hat"),
    (r"crash|ride|splash|china|cymbal|\bcc\b|\brc\b|\brd\d*\b|sabmute|bell", "cymbal"),
    (r"kick|bassdrum|bass drum|\bbd\b|\bk\b|\bbl\b|\bbd\d|drum_\d|\bdrum\b", "kick"),
    (r"snare|\bsn\d*\b|\bsd\b|\bsr\b", "snare"),
    (r"tom|\bft\b|\bt\d\b|\btm\d*\b|\bht\b", "tom"),
)


def classify_name(text: str) -> str | None:
    """Drum class from an instrument or file name, or None when it names no drum class."""
    t = re.sub(r"[-_.\s]+", " ", text.lower())
    t = re.sub(r"([a-z])(\d)", r"\1 \2", t)
    for pattern, label in _RULES:
        if re.search(pattern, t):
            return label
    return None


@dataclass(frozen=True)
class Item:
    path: str
    kit: str
    label: str | None
    source: str
    licence: str
    split: str


def hydrogen_licences() -> dict[str, str]:
    """Kit folder name -> licence, read from the package's DEP-5 copyright file."""
    out: dict[str, str] = {}
    if not HYDROGEN_COPYRIGHT.exists():
        return out
    for para in HYDROGEN_COPYRIGHT.read_text(errors="replace").split("\n\n"):
        lic = re.search(r"^License:\s*(.+)$", para, re.M)
        if not lic:
            continue
        for kit in re.findall(r"drumkits/([^\s]+?)\.h2drumkit", para):
            out[kit] = lic.group(1).strip()
    return out


def _kit_instruments(kit_dir: Path) -> dict[str, str]:
    """sample file name -> instrument name, from the kit's drumkit.xml."""
    xml = kit_dir / "drumkit.xml"
    names: dict[str, str] = {}
    if not xml.exists():
        return names
    root = ET.parse(xml).getroot()
    for inst in root.iter():
        if not inst.tag.endswith("instrument"):
            continue
        name = next((c.text or "" for c in inst if c.tag.endswith("name")), "")
        for node in inst.iter():
            if node.tag.endswith("filename") and node.text:
                names[Path(node.text).name] = name
    return names


def _licence_for(kit: str, licences: dict[str, str]) -> str:
    squashed = {re.sub(r"\W", "", k).lower(): v for k, v in licences.items()}
    return squashed.get(re.sub(r"\W", "", kit).lower(), "GPL-2+ (hydrogen-drumkits, see its copyright file)")


def discover() -> list[Item]:
    items: list[Item] = []
    licences = hydrogen_licences()
    for base in HYDROGEN_DIRS:
        if not base.exists():
            continue
        for kit_dir in sorted(p for p in base.iterdir() if p.is_dir()):
            instruments = _kit_instruments(kit_dir)
            for f in sorted(kit_dir.iterdir()):
                if f.suffix.lower() not in AUDIO_EXTS:
                    continue
                inst = instruments.get(f.name, "")
                label = classify_name(inst) if inst and not inst.strip().isdigit() else None
                if label is None:
                    label = classify_name(f.stem)
                kit = kit_dir.name
                items.append(Item(str(f), kit, label, "hydrogen-drumkits (Debian)",
                                  _licence_for(kit, licences),
                                  "test" if kit in HELD_OUT_KITS else "train"))
    if LMMS_DRUMS.exists():
        for f in sorted(LMMS_DRUMS.iterdir()):
            if f.suffix.lower() in AUDIO_EXTS:
                items.append(Item(str(f), "lmms-drums", classify_name(f.stem),
                                  "lmms-common (Debian)", "GPL-2+", "train"))
    return items


def _entries(held_out_sources: tuple[str, ...]) -> list[tuple[dict, object]]:
    """(index entry, loader) for every sound of every source; the loader returns raw mono audio
    at its own rate (rate, audio) or raises ValueError."""
    out = []
    for it in discover():
        out.append((asdict(it), it.path))
    effects = [e for e in out if "GuitarStrums" in e[0]["kit"]]
    for e, _ in effects:  # hydrogen-drumkits-effects' kit sits in the same folder as the others
        e.update(source="hydrogen-drumkits-effects (Debian)",
                 licence="GPL-2+ (hydrogen-drumkits-effects, see its copyright file)")
    for f, label in sources.sonic_pi_files():
        out.append(({"path": str(f), "kit": "sonic-pi", "label": label, "source": "sonic-pi-samples",
                     "licence": sources.SONIC_PI_LICENCE, "split": "train"}, f))
    for sf in sources.SOUNDFONTS:
        if not sf.path.exists():
            print(f"note: {sf.path} missing (Debian package {sf.package}); its kits are left out", file=sys.stderr)
            continue
        for hit in sources.soundfont_hits(sf):
            audio = hit.pop("audio")
            out.append((dict(hit, split="train"), (sources.RENDER_HZ, audio)))
    for e, _ in out:
        src = e["source"].split(" ")[0]
        if src in held_out_sources:
            e["split"] = "unseen"
    return out


def build(out: Path, sample_rate_hz: int, length: int,
          held_out_sources: tuple[str, ...] = HELD_OUT_SOURCES) -> dict:
    entries = _entries(held_out_sources)
    if not entries:
        raise SystemExit("no drum samples found: install the Debian packages hydrogen-drumkits, "
                         "hydrogen-data and lmms-common (see .ci/run)")
    arrays: dict[str, list[np.ndarray]] = {s: [] for s in SPLITS}
    index: dict[str, list[dict]] = {s: [] for s in SPLITS}
    skipped, cut = [], {}
    for entry, what in entries:
        try:
            if isinstance(what, tuple):
                rate, raw = what
                audio = fit_oneshot(resample(raw, rate, sample_rate_hz), length, sample_rate_hz)
            else:
                audio = load_oneshot(what, sample_rate_hz, length)
        except ValueError as e:  # silent, empty or unreadable
            skipped.append({"path": entry["path"], "why": str(e)})
            continue
        audio, was_cut = hygiene.fade_cut(audio, sample_rate_hz)
        src = entry["source"].split(" ")[0]
        n_cut = cut.setdefault(src, {"sounds": 0, "cut_while_loud": 0})
        n_cut["sounds"] += 1
        n_cut["cut_while_loud"] += int(was_cut)
        entry["faded"] = was_cut
        arrays[entry["split"]].append(audio)
        index[entry["split"]].append(entry)
    out.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        rows = np.stack(arrays[split]) if arrays[split] else np.zeros((0, length))
        np.save(out / f"{split}.npy", rows.astype(np.float32))
    summary = {
        "sample_rate_hz": sample_rate_hz, "length_samples": length, "classes": list(CLASSES),
        "held_out_kits": list(HELD_OUT_KITS), "held_out_sources": list(held_out_sources),
        "hygiene": {"rule": "cut off while loud: falls > 20 dB within 10 ms from above -30 dB re peak, "
                            "never to come back; faded out exponentially to -60 dB over the 80 ms before",
                    "by_source": cut},
        **{s: index[s] for s in SPLITS}, "skipped": skipped,
    }
    (out / "index.json").write_text(json.dumps(summary, indent=1))
    return summary


def class_counts(entries: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in entries:
        key = e["label"] or "unlabelled"
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--sample-rate", type=int, default=44100)
    ap.add_argument("--length", type=int, default=45056)
    ap.add_argument("--list", action="store_true", help="print each file's class and exit")
    ap.add_argument("--hold-out-sources", default=",".join(HELD_OUT_SOURCES),
                    help="comma-separated source packages to hold out whole (the `unseen` split)")
    args = ap.parse_args(argv)
    if args.list:
        for it in discover():
            print(f"{it.split:5s} {str(it.label):11s} {it.kit:24s} {Path(it.path).name}")
        return 0
    held = tuple(x for x in args.hold_out_sources.split(",") if x)
    s = build(args.out, args.sample_rate, args.length, held)
    print(f"train  {len(s['train'])} {class_counts(s['train'])}")
    print(f"test   {len(s['test'])} {class_counts(s['test'])}  (held-out kits {', '.join(HELD_OUT_KITS)})")
    print(f"unseen {len(s['unseen'])} {class_counts(s['unseen'])}  (held-out sources {', '.join(held)})")
    print("cut off while loud, faded:", {k: f"{v['cut_while_loud']}/{v['sounds']}" for k, v in s["hygiene"]["by_source"].items()})
    print(f"skipped {len(s['skipped'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
