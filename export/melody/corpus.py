"""The melody corpus: monophonic tunes from the corpus that ships inside `music21` (PyPI).

    python -m export.melody.corpus --out data/melody                        # the freely usable collections
    python -m export.melody.corpus --out data/melody-all --collections oneills1850 essenFolksong

Each tune becomes a list of notes `(pitch, onset, duration, position)` in ticks of 1/12 beat
(quarter note = 12 ticks: 16ths, 8th triplets and 16th triplets are all whole ticks), where
`position` is the onset's place in its bar (from the score's measures, pickup bars padded).
Rests become gaps between onsets; tied notes are merged; grace notes dropped; chords keep their
top note. Velocity is not in the sources (ABC carries none), so the model does not predict it.

Hygiene: tunes with fewer than MIN_NOTES notes are dropped, and exact duplicates are dropped
transposition-invariantly (same interval and rhythm sequence): the Essen collection holds
variants entered twice, which must not sit on both sides of a split. Split by piece (a hash of
collection/file/index): 80% train, 10% validation, 10% test.

Licences: each collection's terms are recorded with it (and go into the manifest). By default
only the collections with no restriction on commercial use are read (FREE): O'Neill's (public
domain tunes; the transcription states no licence of its own). The Essen collection is licensed
for non-commercial use only; a model trained on it inherits that, so it is read only when named
with --collections.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

TICKS_PER_BEAT = 12
MIN_NOTES = 12

# collection folder in music21/corpus -> what the manifest says about it. `commercial_use`: no
# restriction on commercial use is stated (the default selection, FREE). music21's own
# corpus/license.txt says some encodings restrict commercial use in their files or folders.
COLLECTIONS = {
    "essenFolksong": {
        "source": "music21 corpus (PyPI music21): Essen Folksong Collection, ABC encodings by Seymour Schlien",
        "licence": "non-commercial distribution and use (permission of Ewa Dahlig-Turek, EsAC; "
                   "corpus/essenFolksong/license.txt in music21)",
        "commercial_use": False},
    "oneills1850": {
        "source": "music21 corpus (PyPI music21): O'Neill's 1850 Melodies (1903), ABC transcription by Norbert Paap",
        "licence": "tunes public domain (published 1903); transcription distributed with music21, "
                   "no separate licence stated (music21 corpus/license.txt)",
        "commercial_use": True},
}
FREE = tuple(name for name, c in COLLECTIONS.items() if c["commercial_use"])


def corpus_root() -> Path:
    import music21
    return Path(os.path.dirname(music21.__file__)) / "corpus"


def split_of(key: str) -> str:
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 10
    return "test" if h == 0 else "val" if h == 1 else "train"


def tune_notes(score) -> list:
    """A music21 Score -> [[pitch, onset, dur, pos], ...] in ticks (monophonic, ties merged)."""
    from music21 import chord, note, stream
    part = score.parts[0] if score.parts else score
    notes = []
    measures = list(part.getElementsByClass(stream.Measure))
    if not measures:
        return []
    for m in measures:
        pad = float(m.paddingLeft or 0.0)
        for n in m.notesAndRests:
            ql = float(n.quarterLength)
            if ql <= 0 or isinstance(n, note.Rest):
                continue
            pitch = max(p.midi for p in n.pitches) if isinstance(n, chord.Chord) else n.pitch.midi
            onset = round((float(m.offset) + float(n.offset)) * TICKS_PER_BEAT)
            pos = round((float(n.offset) + pad) * TICKS_PER_BEAT)
            dur = max(1, round(ql * TICKS_PER_BEAT))
            tie = n.tie.type if n.tie is not None else None
            if tie in ("continue", "stop") and notes and notes[-1][0] == pitch \
                    and notes[-1][1] + notes[-1][2] == onset:
                notes[-1][2] += dur
                continue
            if notes and onset <= notes[-1][1]:
                continue  # a second voice or overlap: keep the line monophonic
            notes.append([int(pitch), int(onset), int(dur), int(pos)])
    return notes


def dedup_key(notes: list) -> str:
    ivs = [b[0] - a[0] for a, b in zip(notes, notes[1:])]
    rhythm = [b[1] - a[1] for a, b in zip(notes, notes[1:])] + [n[2] for n in notes]
    return hashlib.sha256(json.dumps([ivs, rhythm]).encode()).hexdigest()


def build(out: Path, collections=FREE, limit: int = 0) -> dict:
    import music21
    root = corpus_root()
    pieces, seen, stats = [], set(), {}
    t0 = time.time()
    for coll in collections:
        files = sorted((root / coll).glob("*.abc"))
        st = stats.setdefault(coll, {"tunes": 0, "kept": 0, "short": 0, "duplicate": 0, "unreadable": 0})
        for f in files:
            try:
                parsed = music21.converter.parse(str(f), format="abc", forceSource=True)
            except Exception:  # noqa: BLE001  a file music21 cannot read is counted, not fatal
                st["unreadable"] += 1
                continue
            scores = parsed.scores if hasattr(parsed, "scores") else [parsed]
            for i, s in enumerate(scores):
                st["tunes"] += 1
                try:
                    notes = tune_notes(s)
                except Exception:  # noqa: BLE001
                    st["unreadable"] += 1
                    continue
                if len(notes) < MIN_NOTES:
                    st["short"] += 1
                    continue
                k = dedup_key(notes)
                if k in seen:
                    st["duplicate"] += 1
                    continue
                seen.add(k)
                key = f"{coll}/{f.name}#{i}"
                title = str(s.metadata.title) if s.metadata is not None and s.metadata.title else ""
                pieces.append({"key": key, "collection": coll, "title": title[:80],
                               "split": split_of(key), "notes": notes})
                st["kept"] += 1
                if limit and st["kept"] >= limit:
                    break
            print(f"\r{coll}: {f.name} {st['kept']} kept ({time.time() - t0:.0f}s)", end="", file=sys.stderr)
            if limit and st["kept"] >= limit:
                break
        print(file=sys.stderr)
    for coll in stats:
        for sp in ("train", "val", "test"):
            stats[coll][sp] = sum(p["split"] == sp and p["collection"] == coll for p in pieces)
            stats[coll][sp + "_notes"] = sum(len(p["notes"]) for p in pieces
                                             if p["split"] == sp and p["collection"] == coll)
    meta = {"ticks_per_beat": TICKS_PER_BEAT, "collections": {c: {**COLLECTIONS[c], **stats[c]} for c in stats}}
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "corpus.json.gz.tmp"
    with gzip.open(tmp, "wt") as fh:
        json.dump({"meta": meta, "pieces": pieces}, fh)
    tmp.replace(out / "corpus.json.gz")
    return meta


def load(path: Path) -> dict:
    path = Path(path)
    if path.is_dir():
        path = path / "corpus.json.gz"
    with gzip.open(path, "rt") as fh:
        return json.load(fh)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("data/melody"))
    ap.add_argument("--collections", nargs="+", default=list(FREE), choices=list(COLLECTIONS),
                    help=f"music21 collections to read (default: {' '.join(FREE)}: no restriction on "
                         "commercial use stated; " + "; ".join(f"{n}: {c['licence'].split(' (')[0]}" for n, c in COLLECTIONS.items()) + ")")
    ap.add_argument("--limit", type=int, default=0, help="at most this many tunes per collection (tests)")
    return ap


def main(argv=None) -> int:
    a = parser().parse_args(argv)
    meta = build(a.out, tuple(a.collections), a.limit)
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
