"""Train the groove VAE on the groove corpus or on a folder of the user's own MIDI clips.

    python -m export.groove.train --data data/groove --out runs/groove --steps 4000
    python -m export.groove.train --data ~/Clips --out runs/myclips        # .mid / .midi files

`--data` is a corpus built by `export.groove.corpus` (train.npy + index.json) or any folder of
MIDI clips (read with `export.groove.songs.read_song` through `--drum-map`, the mapping
reported; 2-bar windows of 4/4 bars). Unreadable clips and clips without drums are skipped with a message; none usable is
an error. Checkpoints every `--ckpt-every` steps and at the end; `--resume` continues.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from export import common, distributed
from export.common import load_ckpt, save_ckpt
from export.groove.model import GrooveConfig, GrooveVAE, count_params, loss_terms
from export.groove.songs import DRUM_MAPS, SongError, read_song

MIDI_EXTS = {".mid", ".midi", ".smf"}
TINY = dict(latent_size=8, channels=16, hidden=32)
CELLS = 9 * 32


def load_midi_folder(folder: Path, drum_map: str = "gm", report=print) -> tuple:
    """-> (patterns [N, 9, 32, 3], the clip index of each pattern). Each clip is read by
    `export.groove.songs.read_song` (4/4 bars from its time signatures, 2-bar windows, a one-bar
    clip played twice) through `drum_map`; the notes used and ignored are reported."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in MIDI_EXTS)
    if not files:
        raise SystemExit(f"{folder}: no MIDI clips (.mid, .midi) found")
    patterns, clip, mapped, ignored, how = [], [], {}, {}, {}
    for i, f in enumerate(files):
        try:
            song = read_song(f, drum_map)
        except SongError as e:
            print(f"skipping {f.name}: {e}", file=sys.stderr)
            continue
        patterns += song.windows
        clip += [i] * len(song.windows)
        how[song.mapping] = how.get(song.mapping, 0) + 1
        for key, (inst, n) in song.mapped.items():
            mapped.setdefault(inst, {})[key] = mapped.get(inst, {}).get(key, 0) + n
        for key, n in song.ignored.items():
            ignored[key] = ignored.get(key, 0) + n
    if not patterns:
        raise SystemExit(f"{folder}: none of the {len(files)} MIDI files holds a usable drum clip "
                         "(see the messages above)")
    report(f"drum mapping ({', '.join(f'{k}: {v} clips' for k, v in how.items())}):")
    for inst, keys in mapped.items():
        report(f"  {inst:<11} <- " + ", ".join(f"{k} ({n} notes)" for k, n in sorted(keys.items(), key=str)))
    if ignored:
        report("  ignored (not one of the 9 instruments): " +
               ", ".join(f"{k} ({n})" for k, n in sorted(ignored.items(), key=str)))
    return np.stack(patterns).astype(np.float32), np.array(clip)


def corpus_index(data: Path) -> dict | None:
    path = data / "index.json"
    return json.loads(path.read_text()) if path.exists() else None


def corpus_all(data: Path) -> tuple:
    """A corpus's train and test splits together -> (patterns, index entries)."""
    index = corpus_index(data)
    parts = [np.load(data / f"{s}.npy", allow_pickle=False).astype(np.float32) for s in ("train", "test")]
    return np.concatenate(parts), index["train"] + index["test"]


def load_patterns(data: Path, split: str = "train", holdout_source: str | None = None,
                  drum_map: str = "gm") -> np.ndarray:
    """Corpus split, or a MIDI folder: every 8th clip is held out when there are 8 or more.
    With `holdout_source` (a corpus only), "train" is every pattern of every other source and
    "test" is every pattern of that source: the leave-one-source-out split."""
    if holdout_source is not None:
        patterns, entries = corpus_all(data)
        held = set(holdout_source.split(","))
        keep = np.array([e["source"] in held for e in entries])
        if not keep.any():
            raise SystemExit(f"--holdout-source {holdout_source}: no such source in {data}")
        return patterns[keep] if split == "test" else patterns[~keep]
    if (data / f"{split}.npy").exists():
        return np.load(data / f"{split}.npy", allow_pickle=False).astype(np.float32)
    if (data / "train.npy").exists():  # a corpus without this split
        return np.load(data / "train.npy", allow_pickle=False).astype(np.float32)
    patterns, clip = load_midi_folder(data, drum_map, report=(print if split == "train" else lambda *a: None))
    test = clip % 8 == 7 if clip.max() >= 7 else np.zeros(len(clip), bool)
    chosen = patterns[test] if split == "test" else patterns[~test]
    return chosen if len(chosen) else patterns


def train_entries(data: Path, holdout_source: str | None = None) -> list | None:
    index = corpus_index(data)
    if index is None:
        return None
    if holdout_source is None:
        return index["train"]
    held = set(holdout_source.split(","))
    return [e for e in index["train"] + index["test"] if e["source"] not in held]


def real_mask(data: Path, count: int, holdout_source: str | None = None) -> np.ndarray:
    """True for patterns a drummer or a song file played (a MIDI folder: all of them)."""
    entries = train_entries(data, holdout_source)
    if entries is None or len(entries) != count:
        return np.ones(count, bool)
    return np.array([e["source"] != "generated" for e in entries])


def sampling_weights(real: np.ndarray, real_share: float) -> np.ndarray:
    """Draw probabilities: real patterns get `real_share` of each batch in all, generated ones
    the rest (a folder of the user's clips, all real, is uniform)."""
    count = len(real)
    if not real.any() or real.all():
        return np.full(count, 1.0 / count)
    return np.where(real, real_share / real.sum(), (1 - real_share) / (~real).sum())


def real_weight_ratio(real: np.ndarray, real_share: float) -> float:
    """How many times a real pattern is drawn for each draw of one generated pattern."""
    if not real.any() or real.all():
        return 1.0
    return float((real_share / real.sum()) / ((1 - real_share) / (~real).sum()))


def augment(batch: np.ndarray, rng: np.random.Generator, real: np.ndarray | None = None) -> np.ndarray:
    """Swap the two bars of half the batch (a 2-bar loop heard from its second bar). Real
    patterns (`real`, bool per row) are also varied as a player would vary them:
    - instrument drops: half of them lose one instrument other than kick and snare;
    - velocity curves: v -> v ** g, g log-uniform in [0.7, 1.4] (softer or harder touch);
    - micro-timing jitter: N(0, (0.5 s)^2) per hit, s = the pattern's own offset spread;
    - time feel: all offsets scaled by U(0.7, 1.3) (a tighter or looser player, any tempo)."""
    swap = rng.random(len(batch)) < 0.5
    out = batch.copy()
    out[swap] = np.roll(batch[swap], 16, axis=2)
    if real is None or not real.any():
        return out
    for i in np.nonzero(real)[0]:
        hits = out[i, :, :, 0] > 0.5
        if rng.random() < 0.5:
            present = [k for k in range(2, out.shape[1]) if hits[k].any()]
            if present and hits.sum() - hits[present[0]].sum() >= 4:
                k = present[rng.integers(len(present))]
                out[i, k] = 0.0
                hits[k] = False
        g = float(np.exp(rng.uniform(np.log(0.7), np.log(1.4))))
        out[i, :, :, 1] = np.where(hits, np.clip(out[i, :, :, 1], 0.01, 1.0) ** g, 0.0)
        offsets = out[i, :, :, 2][hits]
        spread = float(offsets.std()) if offsets.size > 1 else 0.0
        feel = rng.uniform(0.7, 1.3)
        jitter = rng.normal(0.0, 0.5 * spread, hits.shape)
        out[i, :, :, 2] = np.where(hits, np.clip(out[i, :, :, 2] * feel + jitter, -0.5, 0.5), 0.0)
    return out


# instruments a player's limbs keep together: a part crossed over between patterns moves as one
PARTS = ((0,), (1,), (2, 3), (4, 5, 6), (7, 8))  # kick | snare | hats | toms | cymbals


def cross_parts(batch: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    """Part crossover: `share` of the batch is rebuilt from the batch's own patterns, each part
    (PARTS: kick, snare, hats, toms, cymbals) from a pattern drawn at random, so the model meets
    combinations no single song played (kick of one groove under the hats of another)."""
    out = batch.copy()
    rows = np.nonzero(rng.random(len(batch)) < share)[0]
    for part in PARTS:
        donors = rng.integers(len(batch), size=len(rows))
        for inst in part:
            out[rows, inst] = batch[donors, inst]
    return out


def lr_at(step: int, steps: int, peak: float) -> float:
    return common.lr_at(step, steps, peak, warmup=100, floor=2e-5)


def config_from_ckpt(ck: dict) -> GrooveConfig:
    return GrooveConfig(**json.loads(ck["cfg"]))


def load_model(path: Path) -> tuple:
    ck = load_ckpt(path)
    model = GrooveVAE(config_from_ckpt(ck)).eval()
    model.load_state_dict(ck["model"])
    return model, ck


def train(args: argparse.Namespace) -> Path:
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    dist = distributed.setup(args.device, args.threads)
    dist.check_batch(args.batch)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = out / "last.pt"
    cfg = GrooveConfig(**TINY) if args.tiny else GrooveConfig(latent_size=args.latent)
    start, state, seconds = 0, None, 0.0
    if args.resume and ckpt.exists():
        state = load_ckpt(ckpt)
        cfg, start = config_from_ckpt(state), int(state["step"])
        seconds = float(json.loads(state["extra"]).get("seconds", 0.0))
        rng.bit_generator.state = json.loads(state["extra"]).get("rng", rng.bit_generator.state)
    holdout = getattr(args, "holdout_source", None)
    patterns = load_patterns(Path(args.data), "train", holdout, args.drum_map)
    real = real_mask(Path(args.data), len(patterns), holdout)
    weights = sampling_weights(real, args.real_share)
    device = dist.device
    model = GrooveVAE(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    if state is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
    net = dist.wrap(model)
    print(f"training groove VAE: {len(patterns)} patterns ({int(real.sum())} real, each drawn "
          f"{real_weight_ratio(real, args.real_share):.1f}x as often as a generated one), {count_params(model):,} params, "
          f"latent {cfg.latent_size}, steps {start}->{args.steps}, device {device}, "
          f"processes {dist.world}", file=sys.stderr)
    bar = tqdm(range(start, args.steps), initial=start, total=args.steps, unit="step", dynamic_ncols=True,
               disable=not dist.is_main)
    t0 = time.time()
    model.train()
    for step in bar:
        idx = rng.choice(len(patterns), args.batch, p=weights)
        # the global batch, then ours
        batch = cross_parts(patterns[idx], rng, args.cross) if args.cross > 0 else patterns[idx]
        x = torch.from_numpy(dist.shard(augment(batch, rng, real[idx] if args.augment else None))).to(device)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr)
        outputs, mu, logvar = net(x)
        t = loss_terms(outputs, x, mu, logvar)
        beta = args.beta * min(1.0, step / max(1, 0.3 * args.steps))
        loss = CELLS * t["bce"] + 20 * t["velocity"] + 40 * t["offset"] + beta * t["kl"]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        distributed.trace_step(dist, args.sync_trace, step + 1, model, idx)
        if step % 20 == 0:
            bar.set_postfix(bce=f"{t['bce'].item():.4f}", vel=f"{t['velocity'].item():.4f}",
                            off=f"{t['offset'].item():.4f}", kl=f"{t['kl_raw'].item():.1f}")
        last = step + 1 in (args.steps, args.until)
        if dist.is_main and ((step + 1) % args.ckpt_every == 0 or last):
            save_ckpt(ckpt, model, opt, step + 1, {"seconds": seconds + time.time() - t0,
                                                   "patterns": int(len(patterns)), "args": vars(args),
                                                   "rng": rng.bit_generator.state})
        if last:
            break
    dist.close()
    return ckpt


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="train the groove VAE")
    ap.add_argument("--data", required=True, help="corpus folder (train.npy) or a folder of MIDI clips")
    ap.add_argument("--out", default="runs/groove")
    ap.add_argument("--steps", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--beta", type=float, default=0.3, help="KL weight (after warm-up)")
    ap.add_argument("--latent", type=int, default=16)
    ap.add_argument("--real-share", type=float, default=0.3,
                    help="share of each batch from real (not generated) patterns (corpus only)")
    ap.add_argument("--holdout-source", default=None,
                    help="corpus only: train on every other source (leave-one-source-out evaluation); "
                         "several as a,b")
    ap.add_argument("--drum-map", choices=sorted(DRUM_MAPS), default="gm",
                    help="MIDI folders: the note layout (gm = General MIDI and Live's Drum Rack, C1 = 36; "
                         "hydrogen = Hydrogen's GM kits, note 36 + instrument); tracks named like a drum "
                         "(LMMS exports) are read by name")
    ap.add_argument("--cross", type=float, default=0.0,
                    help="share of each batch rebuilt by part crossover (kick, snare, hats, toms, cymbals "
                         "each from a random pattern of the batch); 0 = none")
    ap.add_argument("--no-augment", dest="augment", action="store_false",
                    help="no instrument drops, velocity curves or timing jitter on real patterns")
    common.add_run_args(ap, threads=1, ckpt_every=500)  # 1 thread is fastest for this small model
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    launched = distributed.relaunch(args.nproc, "export.groove.train", sys.argv[1:] if argv is None else argv)
    if launched is not None:
        return launched
    print(train(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
