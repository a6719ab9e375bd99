"""Train the groove VAE on the groove corpus or on a folder of the user's own MIDI clips.

    python -m export.groove.train --data data/groove --out runs/groove --steps 4000
    python -m export.groove.train --data ~/Clips --out runs/myclips        # .mid / .midi files

`--data` is a corpus built by `export.groove.corpus` (train.npy + index.json) or any folder of
MIDI clips (read with `server.core.groove_midi.read_clip`: channel-10 or GM-drum notes, 2-bar
windows). Unreadable clips and clips without drums are skipped with a message; none usable is
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
from server.core.groove_midi import MidiFileError, read_clip

MIDI_EXTS = {".mid", ".midi", ".smf"}
TINY = dict(latent_size=8, channels=16, hidden=32)
CELLS = 9 * 32


def load_midi_folder(folder: Path) -> tuple:
    """-> (patterns [N, 9, 32, 3], the clip index of each pattern)."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in MIDI_EXTS)
    if not files:
        raise SystemExit(f"{folder}: no MIDI clips (.mid, .midi) found")
    patterns, clip = [], []
    for i, f in enumerate(files):
        try:
            windows = read_clip(f)
        except MidiFileError as e:
            print(f"skipping {f.name}: {e}", file=sys.stderr)
            continue
        patterns += windows
        clip += [i] * len(windows)
    if not patterns:
        raise SystemExit(f"{folder}: none of the {len(files)} MIDI files holds a usable drum clip "
                         "(see the messages above)")
    return np.stack(patterns).astype(np.float32), np.array(clip)


def load_patterns(data: Path, split: str = "train") -> np.ndarray:
    """Corpus split, or a MIDI folder: every 8th clip is held out when there are 8 or more."""
    if (data / f"{split}.npy").exists():
        return np.load(data / f"{split}.npy", allow_pickle=False).astype(np.float32)
    if (data / "train.npy").exists():  # a corpus without this split
        return np.load(data / "train.npy", allow_pickle=False).astype(np.float32)
    patterns, clip = load_midi_folder(data)
    test = clip % 8 == 7 if clip.max() >= 7 else np.zeros(len(clip), bool)
    chosen = patterns[test] if split == "test" else patterns[~test]
    return chosen if len(chosen) else patterns


def sampling_weights(data: Path, count: int, real_share: float) -> np.ndarray:
    """Draw probabilities: in a corpus, Hydrogen/LMMS patterns get `real_share` of each batch
    (they are a few hundred among thousands of generated ones); a MIDI folder is uniform."""
    index_path = data / "index.json"
    if not index_path.exists():
        return np.full(count, 1.0 / count)
    real = np.array([e["source"] != "generated" for e in json.loads(index_path.read_text())["train"]])
    if len(real) != count or not real.any() or real.all():
        return np.full(count, 1.0 / count)
    return np.where(real, real_share / real.sum(), (1 - real_share) / (~real).sum())


def augment(batch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Swap the two bars of half the batch (a 2-bar loop heard from its second bar)."""
    swap = rng.random(len(batch)) < 0.5
    out = batch.copy()
    out[swap] = np.roll(batch[swap], 16, axis=2)
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
    patterns = load_patterns(Path(args.data), "train")
    weights = sampling_weights(Path(args.data), len(patterns), args.real_share)
    device = dist.device
    model = GrooveVAE(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    if state is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
    net = dist.wrap(model)
    print(f"training groove VAE: {len(patterns)} patterns, {count_params(model):,} params, "
          f"latent {cfg.latent_size}, steps {start}->{args.steps}, device {device}, "
          f"processes {dist.world}", file=sys.stderr)
    bar = tqdm(range(start, args.steps), initial=start, total=args.steps, unit="step", dynamic_ncols=True,
               disable=not dist.is_main)
    t0 = time.time()
    model.train()
    for step in bar:
        idx = rng.choice(len(patterns), args.batch, p=weights)
        x = torch.from_numpy(dist.shard(augment(patterns[idx], rng))).to(device)  # the global batch, then ours
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
                    help="share of each batch from the Hydrogen/LMMS patterns (corpus only)")
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
