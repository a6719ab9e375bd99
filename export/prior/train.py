"""Train the latent prior of a one-shot preset and add it to the bundle (`prior.onnx`).

The data are the preset's own encoder's latents of a corpus (a folder made by `export.oneshot_data`,
or a folder of the user's sounds, subfolders naming classes), so any preset can get a prior:

    python -m export.prior.train --preset presets/default --data data/oneshot
    latentpad train prior DIR --preset NAME          (the same, from the command line)

Latents are normalised by the preset's `latent_prior` mean and std. Each step draws, per sound, the
encoder's mean or a sample of its posterior (half and half), so the prior learns the regions the
decoder was trained on rather than 850 points. Weights are averaged (EMA) for export. Then the
XY map is settled through the new prior (`export.prior.settle`; `--no-settle` leaves the SOM).
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch
from tqdm import tqdm

from export import common, distributed
from export.prior.model import Denoiser, PriorConfig, onehot, sample

GUIDANCE = 2.0
SAMPLE_STEPS = 12


def corpus_latents(preset: Path, data: Path) -> tuple:
    """(mu, logvar, labels) of every training sound in `data`, through the preset's encoder."""
    from export.oneshot.train import load_corpus
    from export.oneshot_data import CLASSES

    manifest = json.loads((preset / "preset.json").read_text())
    if "oneshot.encoder" not in manifest["models"]:
        raise SystemExit(f"{preset.name}: the prior is trained on the encoder's latents; this preset has none")
    cfg = SimpleNamespace(length=manifest["length_samples"], sample_rate_hz=manifest["sample_rate_hz"])
    audio, labels = load_corpus(data, cfg, "train", lazy=True)  # a large library stays memory-mapped
    named = [CLASSES[k] if k >= 0 else None for k in labels]  # the corpus' names -> this preset's classes
    labels = np.array([manifest["classes"].index(n) if n in manifest["classes"] else -1 for n in named])
    enc = common.cpu_session(preset / manifest["models"]["oneshot.encoder"]["file"])
    mus, logvars = [], []
    for i in range(0, len(audio), 32):
        mu, logvar, _ = enc.run(None, {"audio": audio[i:i + 32]})
        mus.append(mu)
        logvars.append(logvar)
    return np.concatenate(mus), np.concatenate(logvars), labels, manifest


def _save(path: Path, net, ema, opt, step: int, g: torch.Generator, info: dict) -> None:
    """Tensors and JSON only (read back with weights_only=True); written by rank 0, renamed."""
    tmp = path.with_suffix(".tmp")
    torch.save({"model": net.state_dict(), "ema": ema.state_dict(), "opt": opt.state_dict(), "step": step,
                "generator": g.get_state(), "cfg": json.dumps(net.cfg.as_dict()), "extra": json.dumps(info)}, tmp)
    tmp.replace(path)


def train(args: argparse.Namespace) -> tuple:
    torch.manual_seed(args.seed)
    dist = distributed.setup("cpu", args.threads)  # a small MLP: CPU processes only
    dist.check_batch(args.batch)
    preset = Path(args.preset)
    mu, logvar, labels, manifest = corpus_latents(preset, Path(args.data))
    mean = np.asarray(manifest["latent_prior"]["mean"], np.float32)
    std = np.asarray(manifest["latent_prior"]["std"], np.float32)
    cfg = PriorConfig(latent_size=manifest["latent_size"], n_classes=len(manifest["classes"]),
                      width=64 if args.tiny else 256, blocks=2 if args.tiny else 4)
    net = Denoiser(cfg)
    ema = copy.deepcopy(net).eval()
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    mu_t = torch.from_numpy((mu - mean) / std)
    sd_t = torch.from_numpy(np.exp(0.5 * logvar) / std)
    cls_t = torch.from_numpy(onehot(labels, cfg.n_classes))
    g = torch.Generator().manual_seed(args.seed)
    ckpt, start, losses = (Path(args.out) / "prior.pt" if args.out else None), 0, []
    if ckpt is not None and args.resume and ckpt.exists():
        state = common.load_ckpt(ckpt)
        net.load_state_dict(state["model"])
        ema.load_state_dict(state["ema"])
        opt.load_state_dict(state["opt"])
        g.set_state(state["generator"])
        start, losses = int(state["step"]), json.loads(state["extra"])["recent_losses"]
    model, net = net, dist.wrap(net)
    started = time.time()
    for step in tqdm(range(start, args.steps), initial=start, total=args.steps, desc="prior", unit="step",
                     mininterval=1.0, file=sys.stderr, disable=not dist.is_main):
        for group in opt.param_groups:
            group["lr"] = common.lr_at(step, args.steps, args.lr, 200, args.lr * 0.05)
        idx = torch.randint(0, len(mu_t), (args.batch,), generator=g)
        posterior = (torch.rand(args.batch, 1, generator=g) < 0.5).float()
        data = mu_t[idx] + posterior * sd_t[idx] * torch.randn(mu_t[idx].shape, generator=g)
        cond = cls_t[idx] * (torch.rand(args.batch, 1, generator=g) >= 0.2).float()
        noise = torch.randn(data.shape, generator=g)
        t = torch.rand(args.batch, 1, generator=g)
        x_t = (1 - t) * noise + t * data
        data, noise, t, x_t, cond = (dist.shard(v) for v in (data, noise, t, x_t, cond))  # ours of the global batch
        loss = torch.nn.functional.mse_loss(net(x_t, t, cond), data - noise)
        opt.zero_grad()
        loss.backward()
        opt.step()
        decay = min(0.999, (1 + step) / (10 + step))
        with torch.no_grad():
            for pe, p in zip(ema.parameters(), model.parameters()):
                pe.mul_(decay).add_(p, alpha=1 - decay)
        losses = (losses + [loss.item()])[-200:]
        distributed.trace_step(dist, args.sync_trace, step + 1, model, idx)
        if ckpt is not None and dist.is_main and ((step + 1) % args.ckpt_every == 0 or step + 1 == args.steps):
            ckpt.parent.mkdir(parents=True, exist_ok=True)
            _save(ckpt, model, ema, opt, step + 1, g, {"recent_losses": losses, "args": vars(args)})
    dist.close()
    info = {"steps": args.steps, "train_seconds": round(time.time() - started, 1),
            "final_loss": round(float(np.mean(losses[-200:])), 4), "sounds": int(len(mu)),
            "labelled": int((labels >= 0).sum()), "config": cfg.as_dict(),
            "parameters": int(sum(p.numel() for p in ema.parameters()))}
    return ema, info, manifest


def export(net: Denoiser, preset: Path, manifest: dict, info: dict, command: str, data: Path,
           tolerance: float = 1e-4) -> dict:
    """Write prior.onnx, check it against torch on the sampler's own inputs, record it in preset.json."""
    cfg = net.cfg
    path = preset / "prior.onnx"
    dummy = (torch.zeros(2, cfg.latent_size), torch.zeros(2, 1), torch.zeros(2, cfg.n_classes))
    torch.onnx.export(net, dummy, str(path), input_names=["x", "t", "class_onehot"],
                      output_names=["velocity"], opset_version=17, dynamo=False,
                      dynamic_axes={"x": {0: "batch"}, "t": {0: "batch"}, "class_onehot": {0: "batch"},
                                    "velocity": {0: "batch"}})
    session = common.cpu_session(path, 1)
    g = torch.Generator().manual_seed(1)
    x = torch.randn(64, cfg.latent_size, generator=g)
    t = torch.rand(64, 1, generator=g)
    c = torch.from_numpy(onehot(np.arange(64) % (cfg.n_classes + 1) - 1, cfg.n_classes))
    with torch.no_grad():
        want = net(x, t, c).numpy()
    got = session.run(None, {"x": x.numpy(), "t": t.numpy(), "class_onehot": c.numpy()})[0]
    max_abs = float(np.abs(got - want).max())
    if max_abs > tolerance:
        raise SystemExit(f"prior.onnx differs from torch by {max_abs:.2e} (> {tolerance:g}); not exported")
    n = cfg.latent_size
    manifest["models"]["oneshot.prior"] = {
        "file": "prior.onnx", "sha256": common.sha256(path),
        "inputs": [{"name": "x", "shape": ["batch", n], "dtype": "float32"},
                   {"name": "t", "shape": ["batch", 1], "dtype": "float32"},
                   {"name": "class_onehot", "shape": ["batch", cfg.n_classes], "dtype": "float32"}],
        "outputs": [{"name": "velocity", "shape": ["batch", n], "dtype": "float32"}]}
    manifest["prior"] = {
        "kind": "flow_matching", "steps": SAMPLE_STEPS, "guidance": GUIDANCE,
        "training": {"command": command, "data": f"the preset's encoder latents of {data.name} (training split)",
                     **info, "parity": {"max_abs_diff": max_abs, "inputs": 64},
                     "metrics": manifest.get("prior", {}).get("training", {}).get("metrics", {})}}
    tmp = preset / "preset.json.tmp"  # a server or test reading the bundle never sees half a file
    tmp.write_text(json.dumps(manifest, indent=1) + "\n")
    tmp.replace(preset / "preset.json")
    from server.presets.bundle import validate_bundle

    validate_bundle(preset)
    return {"max_abs_diff": max_abs}


def check_sampler(net: Denoiser, n_classes: int) -> None:
    """A quick sanity line: class-conditioned draws should differ by class."""
    x0 = torch.randn(n_classes, net.cfg.latent_size, generator=torch.Generator().manual_seed(0))
    out = sample(net, x0, 0.0, torch.eye(n_classes), SAMPLE_STEPS, GUIDANCE)
    print(f"prior: class-conditioned draws, spread across classes {float(out.std(0).mean()):.3f}",
          file=sys.stderr)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="train a preset's latent prior and add prior.onnx to it")
    ap.add_argument("--preset", required=True, help="the bundle folder, e.g. presets/default")
    ap.add_argument("--data", required=True, help="the sounds: a corpus folder (train.npy) or a folder of files")
    ap.add_argument("--steps", type=int, default=8000)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tiny", action="store_true", help="a tiny net that only proves the path (CI)")
    ap.add_argument("--out", default=None, help="a run folder for checkpoints (prior.pt); none without it")
    ap.add_argument("--ckpt-every", type=int, default=1000)
    ap.add_argument("--resume", action="store_true", help="continue from --out's prior.pt")
    distributed.add_args(ap)
    ap.add_argument("--command", default=None, help="the command to record in the manifest")
    ap.add_argument("--no-settle", action="store_true",
                    help="leave the XY map as the SOM (default: settle it through the new prior, export.prior.settle)")
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    launched = distributed.relaunch(args.nproc, "export.prior.train", sys.argv[1:] if argv is None else argv)
    if launched is not None:
        return launched
    net, info, manifest = train(args)
    if int(os.environ.get("RANK", "0")) != 0:  # rank 0 exports; the others are done
        return 0
    check_sampler(net, info["config"]["n_classes"])
    command = args.command or "python -m export.prior.train " + " ".join(sys.argv[1:] if argv is None else argv)
    par = export(net, Path(args.preset), manifest, info, command, Path(args.data))
    settled = None
    if not args.no_settle:
        from export.prior.settle import settle_bundle

        settled = settle_bundle(Path(args.preset), Path(args.data), f"settled at the end of: {command}")
    print(json.dumps({"prior": str(Path(args.preset) / "prior.onnx"), **info, "parity": par,
                      "xy_map_settled": settled}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
