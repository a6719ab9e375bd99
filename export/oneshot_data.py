"""Build the one-shot corpus from Debian's drum sample packages.

Sources: `hydrogen-drumkits` and `hydrogen-data` (Hydrogen kits: `drumkit.xml` names each
instrument and its sample layers) and `lmms-common` (LMMS's drum samples). Each sound gets a
class from its kit instrument name, else its file name; sounds that name no drum class are kept
unlabelled (they still teach the autoencoder). Whole kits are held out for evaluation.

    python -m export.oneshot_data --out data/oneshot

writes `train.npy` / `test.npy` (float32 [N, length]) and `index.json`. Nothing here is committed:
the data stays on the machine that built it.
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

from server.core.sample_io import load_oneshot

CLASSES = ("kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion")

HYDROGEN_DIRS = (Path("/usr/share/hydrogen/data/drumkits"),)
LMMS_DRUMS = Path("/usr/share/lmms/samples/drums")
HYDROGEN_COPYRIGHT = Path("/usr/share/doc/hydrogen-drumkits/copyright")
HELD_OUT_KITS = ("ColomboAcousticDrumkit", "HardElectro1", "VariBreaks", "Millo-Drums_v.1")
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


def build(out: Path, sample_rate_hz: int, length: int) -> dict:
    items = discover()
    if not items:
        raise SystemExit("no drum samples found: install the Debian packages hydrogen-drumkits, "
                         "hydrogen-data and lmms-common (see .ci/run)")
    arrays: dict[str, list[np.ndarray]] = {"train": [], "test": []}
    index: dict[str, list[dict]] = {"train": [], "test": []}
    skipped = []
    for it in items:
        try:
            audio = load_oneshot(it.path, sample_rate_hz, length)
        except ValueError as e:  # silent, empty or unreadable
            skipped.append({"path": it.path, "why": str(e)})
            continue
        arrays[it.split].append(audio)
        index[it.split].append(asdict(it))
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "test"):
        np.save(out / f"{split}.npy", np.stack(arrays[split]).astype(np.float32))
    summary = {
        "sample_rate_hz": sample_rate_hz, "length_samples": length, "classes": list(CLASSES),
        "held_out_kits": list(HELD_OUT_KITS), "train": index["train"], "test": index["test"],
        "skipped": skipped,
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
    args = ap.parse_args(argv)
    if args.list:
        for it in discover():
            print(f"{it.split:5s} {str(it.label):11s} {it.kit:24s} {Path(it.path).name}")
        return 0
    s = build(args.out, args.sample_rate, args.length)
    print(f"train {len(s['train'])} {class_counts(s['train'])}")
    print(f"test  {len(s['test'])} {class_counts(s['test'])}  (held-out kits {', '.join(HELD_OUT_KITS)})")
    print(f"skipped {len(s['skipped'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
