"""Train the one-shot VAE on a corpus folder or on a folder of the user's own sounds.

    python -m export.oneshot.train --data data/oneshot --out runs/oneshot --steps 6000

`--data` is either a corpus built by `export.oneshot_data` (train.npy + index.json) or any folder
of sound files (subfolders name the classes when they are class names). Checkpoints are written
every `--ckpt-every` steps and at the end; `--resume` continues from the latest one.
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

from export import common, distributed, shards
from export.common import load_ckpt, save_ckpt
from export.oneshot.model import AttackLoss, EnvelopeLoss, LogMelLoss, MultiResolutionSTFTLoss, OneshotConfig, OneshotVAE, count_params, kl_divergence
from export.oneshot_data import CLASSES, classify_name
from server.core.sample_io import resample

TINY = dict(latent_size=8, length=4096, dec_channels=(32, 16, 8, 8), enc_channels=(8, 8, 16, 16))


def shard_label(relative_path: str) -> str | None:
    """A sound's class from its folder's name, else its file name (as for a folder of sounds)."""
    parts = Path(relative_path).parts
    return (classify_name(parts[-2]) if len(parts) > 1 else None) or classify_name(Path(parts[-1]).stem)


def load_corpus(data: Path, cfg: OneshotConfig, split: str = "train", lazy: bool = False) -> tuple:
    """(audio [N, length] float32, labels [N] int, -1 = unlabelled). A folder of sounds is decoded
    once into its shard index (`export.shards`, updated when files change); with `lazy` it comes
    back memory-mapped (`Shards`: audio[idx] -> float32 rows) instead of loaded."""
    if (data / f"{split}.npy").exists():
        audio = np.load(data / f"{split}.npy", allow_pickle=False)
        index = json.loads((data / "index.json").read_text())[split]
        labels = np.array([CLASSES.index(e["label"]) if e["label"] else -1 for e in index])
        if audio.shape[1] != cfg.length:
            audio = fit_length(audio, cfg.length)
        return audio.astype(np.float32), labels
    report = shards.update(data, cfg.sample_rate_hz, cfg.length, shard_label)
    if not report.hits:
        if not report.skipped:
            raise SystemExit(f"{data}: no sound files (WAV, AIFF, FLAC, OGG) found")
        raise SystemExit(f"{data}: none of the {len(report.skipped)} sound files found could be read as a "
                         f"one-shot (first: {Path(report.skipped[0][0]).name}: {report.skipped[0][1]})")
    for path, why in report.skipped:
        print(f"skipping {Path(path).name}: {why}", file=sys.stderr)
    if report.decoded:
        print(f"{data}: {report.files} files, {report.hits} hits ({report.decoded} decoded, {report.reused} "
              f"from the index)", file=sys.stderr)
    audio = shards.open_index(data, cfg.sample_rate_hz, cfg.length)
    labels = np.array([CLASSES.index(k) if k else -1 for k in audio.labels])
    return (audio if lazy else np.asarray(audio, np.float32)), labels


def fit_length(audio: np.ndarray, length: int) -> np.ndarray:
    out = np.zeros((audio.shape[0], length), np.float32)
    n = min(length, audio.shape[1])
    out[:, :n] = audio[:, :n]
    return out


def augment(audio: np.ndarray, labels: np.ndarray, semitones: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Add pitch-shifted copies (resampled, like playing a sample faster or slower)."""
    out, labs = [audio], [labels]
    for st in semitones:
        ratio = 2 ** (st / 12)
        up, down = round(ratio * 100), 100
        shifted = resample(audio, up, down)  # longer when up < down: lower pitch at the same rate
        out.append(fit_length(shifted, audio.shape[1]))
        labs.append(labels)
    return np.concatenate(out), np.concatenate(labs)


# timbre augmentation: which transforms may touch which class. A shorter decay turns an open hat
# into a closed one and a cymbal into a hat, and a room tail makes a closed hat ring, so those
# classes are spared what would change their class.
_NO_ENVELOPE = {CLASSES.index(c) for c in ("open_hat", "cymbal", "closed_hat")}
_NO_ROOM = {CLASSES.index("closed_hat")}


def _tilt(x: np.ndarray, db_per_octave: float, sample_rate_hz: int) -> np.ndarray:
    spec = np.fft.rfft(x)
    f = np.fft.rfftfreq(x.size, 1 / sample_rate_hz)
    gain = np.power(np.clip(f, 40.0, None) / 1000.0, db_per_octave / 6.0206)
    return np.fft.irfft(spec * gain, n=x.size).astype(np.float32)


def _decay(x: np.ndarray, tau_s: float, sample_rate_hz: int) -> np.ndarray:
    t = np.arange(x.size) / sample_rate_hz
    return (x * np.exp(-np.clip(t - 0.02, 0.0, None) / tau_s)).astype(np.float32)


def _room(x: np.ndarray, rt60_s: float, wet: float, rng: np.random.Generator, sample_rate_hz: int) -> np.ndarray:
    n = int(min(0.5, 1.5 * rt60_s) * sample_rate_hz)
    t = np.arange(n) / sample_rate_hz
    ir = rng.standard_normal(n) * np.power(10.0, -3.0 * t / rt60_s)
    ir /= np.sqrt(np.sum(ir ** 2))
    tail = np.fft.irfft(np.fft.rfft(x, x.size + n) * np.fft.rfft(ir, x.size + n))[: x.size]
    return ((1 - wet) * x + wet * tail).astype(np.float32)


def augment_timbre(audio: np.ndarray, labels: np.ndarray, seed: int, sample_rate_hz: int) -> tuple[np.ndarray, np.ndarray]:
    """One more copy of every sound, each through one random transform: an EQ tilt of
    +-3 dB/octave, a faster decay (time constant 80-400 ms after the first 20 ms), or a short room
    (RT60 100-350 ms, 10-25% wet); re-peak-normalised to 0.9 like the corpus."""
    rng = np.random.default_rng(seed)
    out = np.empty_like(audio)
    for i, (x, lab) in enumerate(zip(audio, labels)):
        kind = rng.integers(3)
        if kind == 1 and int(lab) in _NO_ENVELOPE:
            kind = 0
        if kind == 2 and int(lab) in _NO_ROOM:
            kind = 0
        if kind == 0:
            y = _tilt(x, rng.uniform(-3, 3), sample_rate_hz)
        elif kind == 1:
            y = _decay(x, rng.uniform(0.08, 0.4), sample_rate_hz)
        else:
            y = _room(x, rng.uniform(0.1, 0.35), rng.uniform(0.1, 0.25), rng, sample_rate_hz)
        peak = float(np.max(np.abs(y)))
        out[i] = y * (0.9 / peak) if peak > 1e-6 else x
    return np.concatenate([audio, out]), np.concatenate([labels, labels])


def _bump(x: np.ndarray, centre_hz: float, gain_db: float, octaves: float, sample_rate_hz: int) -> np.ndarray:
    """A bell EQ: gain_db at centre_hz, falling off as a Gaussian in octaves."""
    spec = np.fft.rfft(x)
    f = np.clip(np.fft.rfftfreq(x.size, 1 / sample_rate_hz), 1.0, None)
    gain = np.power(10.0, gain_db / 20.0 * np.exp(-0.5 * (np.log2(f / centre_hz) / octaves) ** 2))
    return np.fft.irfft(spec * gain, n=x.size).astype(np.float32)


def _pitch(x: np.ndarray, semitones: float) -> np.ndarray:
    """Played faster or slower (linear interpolation), cut or zero-padded to the same length."""
    ratio = 2 ** (semitones / 12)
    pos = np.arange(x.size) * ratio
    return np.interp(pos, np.arange(x.size), x, right=0.0).astype(np.float32)


def wide_augment(batch: np.ndarray, labels: np.ndarray, rng: np.random.Generator, sample_rate_hz: int,
                 p: float) -> np.ndarray:
    """On-the-fly augmentation wider than the stored copies, for an encoder that must meet sounds
    from sources it never heard: each row, with probability `p`, goes through two or three of a
    pitch change of +-4 semitones, an EQ tilt of +-6 dB/octave, a bell EQ of +-9 dB (150 Hz-8 kHz),
    a faster decay (not on hats or cymbals), a short room (not on closed hats) and a tanh drive of
    up to 4x; then it is re-peak-normalised to 0.9 like the corpus. The decoder is asked to
    reconstruct the augmented sound itself, so no label can be wrong."""
    out = batch.copy()
    for i, (x, lab) in enumerate(zip(batch, labels)):
        if rng.random() >= p:
            continue
        kinds = rng.choice(6, size=int(rng.integers(2, 4)), replace=False)
        y = x
        for kind in kinds:
            if kind == 0:
                y = _pitch(y, rng.uniform(-4, 4))
            elif kind == 1:
                y = _tilt(y, rng.uniform(-6, 6), sample_rate_hz)
            elif kind == 2:
                y = _bump(y, float(np.exp(rng.uniform(np.log(150), np.log(8000)))), rng.uniform(-9, 9),
                          rng.uniform(0.3, 1.0), sample_rate_hz)
            elif kind == 3 and int(lab) not in _NO_ENVELOPE:
                y = _decay(y, rng.uniform(0.05, 0.4), sample_rate_hz)
            elif kind == 4 and int(lab) not in _NO_ROOM:
                y = _room(y, rng.uniform(0.1, 0.5), rng.uniform(0.1, 0.35), rng, sample_rate_hz)
            elif kind == 5:
                drive = rng.uniform(1.0, 4.0)
                y = (np.tanh(drive * y / max(float(np.max(np.abs(y))), 1e-6)) / np.tanh(drive)).astype(np.float32)
        peak = float(np.max(np.abs(y)))
        if peak > 1e-6 and np.isfinite(peak):
            out[i] = y * (0.9 / peak)
    return out


def sample_weights(labels: np.ndarray, power: float) -> np.ndarray:
    """Draw probabilities that weigh each labelled class by count**-power (0: as found, 1: every
    class equally often); unlabelled sounds keep the average labelled weight."""
    w = np.ones(len(labels))
    labelled = labels >= 0
    if power > 0 and labelled.any():
        counts = np.bincount(labels[labelled], minlength=len(CLASSES)).astype(float)
        w[labelled] = counts[labels[labelled]] ** -power
        w[~labelled] = w[labelled].mean()
    return w / w.sum()


def lr_at(step: int, steps: int, peak: float) -> float:
    return common.lr_at(step, steps, peak, warmup=200, floor=5e-5)


def config_from_ckpt(ck: dict) -> OneshotConfig:
    d = json.loads(ck["cfg"])
    d["dec_channels"], d["enc_channels"] = tuple(d["dec_channels"]), tuple(d["enc_channels"])
    return OneshotConfig(**d)


def preset_config(folder: Path) -> OneshotConfig:
    """The architecture a preset bundle was trained with (`training.model` in its preset.json)."""
    model = json.loads((folder / "preset.json").read_text())["training"].get("model")
    if not model:
        raise SystemExit(f"{folder.name}: preset.json has no training.model; cannot fine-tune from it")
    model = dict(model, dec_channels=tuple(model["dec_channels"]), enc_channels=tuple(model["enc_channels"]))
    return OneshotConfig(**model)


def init_from_preset(model: OneshotVAE, folder: Path) -> int:
    """Start from a preset's weights: its ONNX files' initializers carry the torch names (under
    `decoder.` / `encoder.`), read with the onnx package (no pickle). Every trainable parameter
    must be found with its shape; returns how many tensors were copied."""
    import onnx
    from onnx import numpy_helper

    manifest = json.loads((folder / "preset.json").read_text())
    state = model.state_dict()
    copied = set()
    for role in ("decoder", "encoder"):
        entry = manifest["models"].get(f"oneshot.{role}")
        if entry is None:
            raise SystemExit(f"{folder.name}: no oneshot.{role} to start from")
        for init in onnx.load(str(folder / entry["file"])).graph.initializer:
            key = f"{role}.{init.name}"
            if key in state and tuple(state[key].shape) == tuple(init.dims):
                state[key] = torch.from_numpy(numpy_helper.to_array(init).copy())
                copied.add(key)
    missing = sorted(name for name, _ in model.named_parameters() if name not in copied)
    if missing:
        raise SystemExit(f"{folder.name}: its ONNX files lack {len(missing)} of this model's parameters "
                         f"(e.g. {missing[0]}); fine-tune from a preset made by latentpad train oneshot")
    model.load_state_dict(state)
    return len(copied)


def train(args: argparse.Namespace) -> Path:
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    dist = distributed.setup(args.device, args.threads)
    dist.check_batch(args.batch)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = out / "last.pt"
    init = Path(args.init) if args.init else None
    cfg = OneshotConfig(**TINY) if args.tiny else OneshotConfig(latent_size=args.latent)
    if init is not None:
        cfg = preset_config(init)
    start = 0
    state = None
    if args.resume and ckpt.exists():
        state = load_ckpt(ckpt)
        cfg, start = config_from_ckpt(state), int(state["step"])
        rng.bit_generator.state = json.loads(state["extra"]).get("rng", rng.bit_generator.state)
    audio, labels = load_corpus(Path(args.data), cfg, lazy=True)
    originals = len(audio)
    if args.augment:  # the augmented copies are held in memory; --no-augment streams from the shards
        audio = np.asarray(audio, np.float32)
        if args.timbre:
            audio, labels = augment_timbre(audio, labels, args.seed, cfg.sample_rate_hz)
        audio, labels = augment(audio, labels, (-1.0, 1.0))
    draw_p = sample_weights(labels, args.balance)
    device = dist.device
    model = OneshotVAE(cfg).to(device)
    if args.freeze_decoder:  # an encoder fine-tune: every render, draw and map point stays as it was
        if init is None and state is None:
            raise SystemExit("--freeze-decoder needs --init PRESET (or --resume): a decoder to keep")
        model.decoder.requires_grad_(False)
    opt = torch.optim.AdamW([q for q in model.parameters() if q.requires_grad], lr=args.lr, weight_decay=1e-4)
    if state is not None:
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
    elif init is not None:
        print(f"starting from preset {init.name}: {init_from_preset(model, init)} tensors", file=sys.stderr)
    loss_fn = MultiResolutionSTFTLoss().to(device)
    mel_fn = LogMelLoss(cfg.sample_rate_hz).to(device) if args.mel_weight > 0 else None
    attack_fn = AttackLoss(cfg.sample_rate_hz).to(device) if args.attack_weight > 0 else None
    env_fn = EnvelopeLoss().to(device) if args.envelope_weight > 0 else None
    net = dist.wrap(model)
    print(f"training oneshot VAE: {originals} sounds, {len(audio)} with augmented copies, encoder "
          f"{count_params(model.encoder):,} / decoder {count_params(model.decoder):,} params, "
          f"steps {start}->{args.steps}, device {device}, processes {dist.world}", file=sys.stderr)
    bar = tqdm(range(start, args.steps), initial=start, total=args.steps, unit="step", dynamic_ncols=True,
               disable=not dist.is_main)
    t0 = time.time()
    model.train()
    for step in bar:
        drawn = rng.choice(len(audio), args.batch, p=draw_p)
        idx = dist.shard(drawn)  # the global batch, then ours
        sign = dist.shard(torch.from_numpy(rng.choice([-1.0, 1.0], args.batch).astype(np.float32))[:, None])
        batch = np.asarray(audio[idx], np.float32)
        if args.wide_augment > 0:
            batch = wide_augment(batch, labels[idx], rng, cfg.sample_rate_hz, args.wide_augment)
        x = (torch.from_numpy(batch) * sign).to(device)
        y = torch.from_numpy(labels[idx]).long().to(device)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr)
        recon, mu, logvar, logits = net(x)
        rec = loss_fn(recon, x)
        if mel_fn is not None:
            rec = rec + args.mel_weight * mel_fn(recon, x)
        if attack_fn is not None:
            rec = rec + args.attack_weight * attack_fn(recon, x)
        if env_fn is not None:
            rec = rec + args.envelope_weight * env_fn(recon, x)
        kl = kl_divergence(mu, logvar)
        # KL warm-up from scratch only: a fine-tune starts from a latent space that already has it
        beta = args.beta if init is not None else args.beta * min(1.0, step / max(1, 0.2 * args.steps))
        labelled = y >= 0
        ce = (torch.nn.functional.cross_entropy(logits[labelled], y[labelled])
              if labelled.any() else torch.zeros((), device=device))
        if dist.active and not labelled.any():  # DDP wants every parameter in every rank's graph
            ce = ce + 0.0 * logits.sum()
        loss = rec + beta * kl + args.class_weight * ce
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([q for q in model.parameters() if q.requires_grad], 5.0)
        opt.step()
        distributed.trace_step(dist, args.sync_trace, step + 1, model, drawn)
        bar.set_postfix(rec=f"{rec.item():.3f}", kl=f"{kl.item():.1f}", ce=f"{ce.item():.2f}")
        last = step + 1 in (args.steps, args.until)
        if dist.is_main and ((step + 1) % args.ckpt_every == 0 or last):
            save_ckpt(ckpt, model, opt, step + 1, {"seconds": time.time() - t0, "args": vars(args),
                                                   "rng": rng.bit_generator.state})
        if last:
            break
    dist.close()
    return ckpt


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="train the one-shot VAE")
    ap.add_argument("--data", required=True, help="corpus folder (train.npy) or a folder of sounds")
    ap.add_argument("--out", default="runs/oneshot")
    ap.add_argument("--steps", type=int, default=6000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--beta", type=float, default=0.01, help="KL weight (after warm-up)")
    ap.add_argument("--class-weight", type=float, default=0.1)
    ap.add_argument("--mel-weight", type=float, default=1.0,
                    help="weight of the log-mel term (dB/10, 80 dB floor) added to the STFT loss; 0: STFT only")
    ap.add_argument("--attack-weight", type=float, default=1.0,
                    help="weight of the attack term (first 32 ms, FFT sizes 256-32); 0: none")
    ap.add_argument("--envelope-weight", type=float, default=1.0,
                    help="weight of the envelope term (RMS dB re the target's peak, 60 dB floor); 0: none")
    ap.add_argument("--balance", type=float, default=0.5,
                    help="class-balanced draws: each class weighed by count**-BALANCE (0: as found)")
    ap.add_argument("--timbre", action=argparse.BooleanOptionalAction, default=True,
                    help="one more copy of each sound through an EQ tilt, a faster decay or a short room")
    ap.add_argument("--wide-augment", type=float, default=0.0, metavar="P",
                    help="share of each batch put through on-the-fly pitch/EQ/bell/decay/room/drive "
                         "changes (wide_augment); 0: none")
    ap.add_argument("--freeze-decoder", action="store_true",
                    help="train the encoder only (needs --init): renders, draws and the XY map are unchanged")
    ap.add_argument("--latent", type=int, default=32)
    ap.add_argument("--augment", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--init", default=None,
                    help="a preset folder to fine-tune from (its architecture and ONNX weights)")
    common.add_run_args(ap, threads=2, ckpt_every=250)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    launched = distributed.relaunch(args.nproc, "export.oneshot.train", sys.argv[1:] if argv is None else argv)
    if launched is not None:
        return launched
    print(train(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
