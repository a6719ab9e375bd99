"""Held-out measures of the melody decoder, with baselines, on the corpus's test split.

    python -m export.melody.evaluate --ckpt runs/melody/best.pt --onnx /tmp/melody/melody_decoder.onnx \\
        --data data/melody --json runs/melody/metrics.json

- Token perplexity: exp(mean next-note NLL) per field (shift, pitch, duration) over every note of
  the test split (torch, consecutive windows of `window` notes), and the same for a first-order
  Markov baseline (each field given the previous note's same field, add-0.5 smoothing, fitted on
  the train split).
- Continuations: every test melody with at least OPENING + CONT notes; the first OPENING notes are
  the opening, the next CONT the real continuation. Each method continues the opening by CONT
  notes through the shipped path (onnxruntime + server.presets.melody, seeds 0..): the model with
  top-p 0.9 (T 1), with no cut (T 1, p 1), and greedy (T 0); the Markov baseline sampled; and
  "repeat the opening" (the opening's notes again, same rhythm). Distances to the real
  continuations, total variation (0 = same distribution, 1 = disjoint): pitch-class histogram
  per melody (averaged), and, pooled over all melodies, melodic interval (semitones, clipped to
  +-12) and inter-onset interval (ticks).
- Loops: share of continuations stuck in a loop (the last 12 notes repeat with a period of 1..4
  notes) and share of 4-note n-grams (pitch, shift, duration) that repeat one earlier in the same
  continuation; the real continuations are the reference.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from server.core.melody import HEADS, MAX_POSITION, VOCAB, tokens

OPENING, CONT = 16, 24
LOOP_TAIL, NGRAM = 12, 4


def tv(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a / max(a.sum(), 1e-12), b / max(b.sum(), 1e-12)
    return float(0.5 * np.abs(a - b).sum())


def bar_ticks(notes: np.ndarray) -> int:
    """A melody's bar length, estimated from its bar positions: up to the next whole beat."""
    return int(-(-(int(notes[:, 3].max()) + 1) // 12) * 12)


class Markov:
    """First-order Markov chain per field (shift, pitch, duration): P(x_t | x_{t-1})."""

    def __init__(self, seqs: list, alpha: float = 0.5):
        self.alpha = alpha
        self.tables = []
        for i, h in enumerate(HEADS):
            n = VOCAB[h] - 1
            t = np.zeros((VOCAB[h], n))
            for s in seqs:
                np.add.at(t, (s[:-1, i], s[1:, i]), 1)
            self.tables.append(t)

    def probs(self, field: int, prev: int) -> np.ndarray:
        row = self.tables[field][prev] + self.alpha
        return row / row.sum()

    def nll(self, seqs: list) -> dict:
        out = {}
        for i, h in enumerate(HEADS):
            tot, n = 0.0, 0
            for s in seqs:
                for a, b in zip(s[:-1, i], s[1:, i]):
                    tot -= np.log(self.probs(i, a)[b])
                    n += 1
            out[h] = tot / n
        return out

    def sample(self, tok: np.ndarray, onset: int, bar: int, n: int, rng) -> list:
        out, prev = [], tok[-1]
        for _ in range(n):
            shift = int(rng.choice(VOCAB["shift"] - 1, p=self.probs(0, prev[0])))
            if shift == 0:
                shift = 1 + int(np.argmax(self.probs(0, prev[0])[1:]))
            pitch = int(rng.choice(128, p=self.probs(1, prev[1])))
            dur = int(rng.choice(VOCAB["duration"] - 1, p=self.probs(2, prev[2])))
            onset += shift
            out.append((onset, pitch, dur + 1))
            prev = np.array([shift, pitch, dur, min(onset % bar, MAX_POSITION - 1)])
        return out


def repeat_opening(rows: np.ndarray, n: int) -> list:
    """The opening's notes again from where it left off, same inter-onset gaps, cycled."""
    gaps = np.diff(rows[:, 1])
    gap_back = int(gaps[gaps > 0].mean().round()) if (gaps > 0).any() else 12
    out, onset = [], int(rows[-1, 1])
    for k in range(n):
        i = k % len(rows)
        onset += gap_back if i == 0 else int(rows[i, 1] - rows[i - 1, 1])
        out.append((onset, int(rows[i, 0]), int(rows[i, 2])))
    return out


def loop_stats(cont: list) -> tuple:
    """(stuck: the last LOOP_TAIL notes repeat with period 1..4, repeated n-gram share)."""
    steps = [(p, on - prev_on, d) for (on, p, d), (prev_on, _, _) in zip(cont[1:], cont[:-1])]
    tail = steps[-LOOP_TAIL:]
    stuck = any(all(tail[i] == tail[i - k] for i in range(k, len(tail))) for k in range(1, 5))
    grams = [tuple(steps[i:i + NGRAM]) for i in range(len(steps) - NGRAM + 1)]
    seen, rep = set(), 0
    for g in grams:
        rep += g in seen
        seen.add(g)
    return stuck, rep / max(1, len(grams))


def distributions(opening: np.ndarray, cont: list) -> tuple:
    pitches = np.array([p for _, p, _ in cont])
    onsets = np.array([int(opening[-1, 1])] + [on for on, _, _ in cont])
    prev_pitch = np.concatenate([[opening[-1, 0]], pitches])
    pc = np.bincount(pitches % 12, minlength=12).astype(float)
    iv = np.bincount(np.clip(np.diff(prev_pitch), -12, 12) + 12, minlength=25).astype(float)
    ioi = np.bincount(np.clip(np.diff(onsets), 0, 96), minlength=97).astype(float)
    return pc, iv, ioi


def measure(sampler, markov: Markov, pieces: list, limit: int) -> dict:
    from server.presets.melody import Sampling
    methods = {
        "model top-p 0.9 (T 1.0)": Sampling(temperature=1.0, top_p=0.9),
        "model no cut (T 1.0, p 1)": Sampling(temperature=1.0, top_p=1.0),
        "model greedy (T 0)": Sampling(temperature=0.0, top_p=1.0),
        "first-order Markov": None, "repeat the opening": None,
    }
    acc = {m: {"pc": [], "iv": np.zeros(25), "ioi": np.zeros(97), "stuck": [], "rep": []} for m in [*methods, "real"]}
    used = [p for p in pieces if len(p) >= OPENING + CONT][:limit]
    for k, notes in enumerate(used):
        opening, real_rows = notes[:OPENING], notes[OPENING:OPENING + CONT]
        bar = bar_ticks(notes)
        tok = tokens(opening)
        real = [(int(r[1]), int(r[0]), int(r[2])) for r in real_rows]
        pc_r, iv_r, ioi_r = distributions(opening, real)
        conts = {"real": real}
        for name, s in methods.items():
            rng = np.random.default_rng(k)
            if s is not None:
                conts[name] = sampler.sample(tok, int(opening[-1, 1]), bar, s, rng, max_notes=CONT)
            elif name == "first-order Markov":
                conts[name] = markov.sample(tok, int(opening[-1, 1]), bar, CONT, rng)
            else:
                conts[name] = repeat_opening(opening, CONT)
        for name, cont in conts.items():
            pc, iv, ioi = distributions(opening, cont)
            a = acc[name]
            a["pc"].append(tv(pc, pc_r))
            a["iv"] += iv
            a["ioi"] += ioi
            stuck, rep = loop_stats(cont)
            a["stuck"].append(stuck)
            a["rep"].append(rep)
        print(f"\rcontinuations: {k + 1}/{len(used)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    real = acc["real"]
    table = {}
    for name, a in acc.items():
        table[name] = {"pitch_class_tv": round(float(np.mean(a["pc"])), 4),
                       "interval_tv": round(tv(a["iv"], real["iv"]), 4),
                       "ioi_tv": round(tv(a["ioi"], real["ioi"]), 4),
                       "stuck_in_loop": round(float(np.mean(a["stuck"])), 4),
                       "repeated_4grams": round(float(np.mean(a["rep"])), 4)}
    return {"melodies": len(used), "opening_notes": OPENING, "continuation_notes": CONT, "table": table}


def markdown(result: dict) -> str:
    lines = ["| method | pitch-class TV | interval TV | inter-onset TV | stuck in a loop | repeated 4-grams |",
             "|---|---|---|---|---|---|"]
    for name, r in result["continuations"]["table"].items():
        lines.append(f"| {name} | {r['pitch_class_tv']:.3f} | {r['interval_tv']:.3f} | {r['ioi_tv']:.3f} | "
                     f"{r['stuck_in_loop']:.1%} | {r['repeated_4grams']:.1%} |")
    ppl = result["perplexity"]
    lines += ["", "| model | shift ppl | pitch ppl | duration ppl | per-token ppl |", "|---|---|---|---|---|"]
    for name in ("model", "first-order Markov"):
        p = ppl[name]
        lines.append(f"| {name} | {p['shift']:.2f} | {p['pitch']:.2f} | {p['duration']:.2f} | {p['token']:.2f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    import torch
    from export.common import cpu_session
    from export.melody.corpus import load
    from export.melody.export_onnx import STEP_FILE
    from export.melody.train import evaluate, load_model
    from server.presets.melody import MelodySampler

    ap = argparse.ArgumentParser(description="held-out measures of the melody decoder with baselines")
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--onnx", required=True, help="the exported melody_decoder.onnx (the shipped path; "
                    "melody_decoder_step.onnx beside it is used when there)")
    ap.add_argument("--data", default="data/melody")
    ap.add_argument("--limit", type=int, default=400, help="test melodies continued")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    corpus = load(Path(a.data))
    test = [np.array(p["notes"]) for p in corpus["pieces"] if p["split"] == "test"]
    train_seqs = [tokens(np.array(p["notes"])) for p in corpus["pieces"] if p["split"] == "train"]
    test_seqs = [tokens(n) for n in test]
    model, _ = load_model(Path(a.ckpt))
    nll = evaluate(model, test_seqs, model.cfg.window, torch.device("cpu"))
    markov = Markov(train_seqs)
    m_nll = markov.nll(test_seqs)
    ppl = {name: {**{h: round(float(np.exp(v[h])), 3) for h in HEADS},
                  "token": round(float(np.exp(np.mean([v[h] for h in HEADS]))), 3)}
           for name, v in (("model", nll), ("first-order Markov", m_nll))}

    cfg = model.cfg
    cache = (cfg.layers, "batch", cfg.heads, "past", cfg.d_model // cfg.heads)
    logits = tuple((f"{h}_logits", None) for h in HEADS)
    entry = lambda inputs, outputs: type("E", (), {"inputs": inputs, "outputs": outputs})()  # noqa: E731

    class Shim:  # the server's sampler over the exported graphs, with a plain window
        models = {"melody.decoder": entry((("tokens", None),), logits),
                  "melody.step": entry((("tokens", None), ("past_keys", cache), ("past_values", cache)),
                                       logits + (("present_keys", None), ("present_values", None)))}
        melody = type("M", (), {"window": cfg.window})()

    step = Path(a.onnx).with_name(STEP_FILE)  # the cached graph beside it, as the server runs it
    sampler = MelodySampler(cpu_session(Path(a.onnx), threads=1), Shim,
                            cpu_session(step, threads=1) if step.exists() else None)
    result = {"split": "test", "test_melodies": len(test), "test_notes": int(sum(len(n) for n in test)),
              "perplexity": ppl, "perplexity_note": "exp(mean NLL) per field; token = geometric mean over "
              "the three predicted fields", "continuations": measure(sampler, markov, test, a.limit),
              "method": __doc__.split("\n\n", 2)[2].strip()}
    result["markdown"] = markdown(result)
    print(result["markdown"])
    if a.json:
        a.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
