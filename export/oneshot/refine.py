"""Encode refinement: the gradient of a reconstruction loss with respect to the latent, as an ONNX graph.

The encoder is amortised: one pass maps a sound to a latent, and on a kit from a source it never
heard that latent is not the one whose render is closest to the sound. `/pad/encode` can close
part of that gap at the pad: starting from the encoder's mu it takes a few Adam steps on z,
each one a run of this graph (render, compare with the sound, back-propagate to z), and keeps the
latent with the lowest loss. The server runs the steps in numpy (`server.presets.models.Refiner`);
torch never runs in the server.

The graph is the decoder's forward and backward traced to plain ATen ops (`make_fx`), then
exported by the dynamo ONNX exporter. Two pieces are rewritten so that every op has an ONNX form:
- the decoder's two linear x4 upsamplings become a depthwise transposed convolution of the
  edge-padded input (`upsample4`, exact: checked against `F.interpolate`);
- `convolution_backward` (input gradient only) becomes the adjoint convolution (`_conv_input_grad`).
The loss works on convolutions only (a DFT basis as conv weights), so its backward is convolutions too.

loss = log-mel (the held-out measure's own terms, dB / 10, floor 80 dB below the sound's peak)
     + attack (spectral convergence + log-magnitude over the first 32 ms at FFT sizes 256..32)
     + envelope (RMS level in 11.6 ms frames, dB / 10 relative to the sound's peak, floor 60 dB)
     + `prior_weight` * mean(z^2)  (keeps z where the decoder was trained)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from export.oneshot.metrics import mel_filterbank

MEL_FFT = 1024      # the held-out measure uses 2048; half the DFT size is a quarter of the work
ATTACK_FFTS = (256, 128, 64, 32)
EPS = 1e-8  # power floor (-80 dB re full scale), added rather than clamped: smooth gradients near silence
UP_KERNEL = (0.125, 0.375, 0.625, 0.875, 0.875, 0.625, 0.375, 0.125)


def upsample4(x: torch.Tensor) -> torch.Tensor:
    """F.interpolate(x, scale_factor=4, mode="linear", align_corners=False) as a transposed conv."""
    c = x.shape[1]
    padded = torch.cat([x[..., :1], x, x[..., -1:]], dim=-1)
    w = torch.tensor(UP_KERNEL, dtype=x.dtype).view(1, 1, 8).expand(c, 1, 8).contiguous()
    y = F.conv_transpose1d(padded, w, stride=4, groups=c)  # [B, C, 4 * (L + 2) + 4]
    return y[..., 6:6 + 4 * x.shape[-1]]


def decode(decoder: nn.Module, z: torch.Tensor) -> torch.Tensor:
    """`Decoder.forward` with `upsample4` in place of F.interpolate (same audio)."""
    cfg = decoder.cfg
    x = decoder.fc(z).view(z.shape[0], cfg.dec_channels[0], cfg.base_frames)
    for i, stage in enumerate(decoder.stages):
        if i == len(decoder.stages) - 1:
            amp = upsample4(F.softplus(decoder.noise_amp(x) - 3.0))
            gate = upsample4(torch.sigmoid(decoder.gate(x)))
        x = stage(x)
    bands = (decoder.wave_out(x) + amp * decoder.noise) * gate
    return decoder.pqmf.synthesis(bands, cfg.length)[:, 0, :]


class ConvSpectrum(nn.Module):
    """|STFT|^2 by convolution with a Hann-windowed DFT basis (no padding): [B, T] -> [B, bins, frames]."""

    def __init__(self, n_fft: int, hop: int):
        super().__init__()
        self.hop = hop
        n = np.arange(n_fft)
        k = np.arange(n_fft // 2 + 1)[:, None]
        win = 0.5 - 0.5 * np.cos(2 * np.pi * n / n_fft)
        basis = np.concatenate([np.cos(2 * np.pi * k * n / n_fft) * win, -np.sin(2 * np.pi * k * n / n_fft) * win])
        self.register_buffer("basis", torch.from_numpy(basis.astype(np.float32))[:, None, :])
        self.bins = n_fft // 2 + 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s = F.conv1d(x[:, None, :], self.basis, stride=self.hop)
        return s[:, : self.bins].square() + s[:, self.bins:].square()


def _soft_max(db: torch.Tensor, floor: torch.Tensor, width_db: float = 1.0) -> torch.Tensor:
    """max(db, floor) with the corner rounded over about `width_db`: a bin near the floor moves the
    loss smoothly, so float rounding (onnxruntime's or torch's) cannot flip its gradient on and off."""
    return floor + width_db * F.softplus((db - floor) / width_db)


def _smooth_abs(d: torch.Tensor, width: float) -> torch.Tensor:
    """|d| with the corner at 0 rounded over `width` (0.5 dB for the dB terms, 0.1 for the log-magnitudes):
    a difference that float rounding moves by a few thousandths cannot flip its gradient."""
    return (d.square() + width * width).sqrt() - width


class RefineLoss(nn.Module):
    """The loss in two halves: `features` of the sound (once per encode) and `forward` (each step)."""

    def __init__(self, sample_rate_hz: int, prior_weight: float = 0.01):
        super().__init__()
        self.prior_weight = prior_weight
        self.mel_spec = ConvSpectrum(MEL_FFT, MEL_FFT // 2)
        self.register_buffer("fb", torch.from_numpy(mel_filterbank(sample_rate_hz, MEL_FFT, 64).T.copy()))
        self.attack_n = int(0.032 * sample_rate_hz)
        self.attack = nn.ModuleList(ConvSpectrum(n, n // 4) for n in ATTACK_FFTS)
        self.register_buffer("env_kernel", torch.full((1, 1, 512), 1.0 / 512))

    def _mel_db(self, x, floor=None):
        power = self.mel_spec(x).transpose(1, 2) @ self.fb
        return 10 * torch.log10(power + _quiet(power, floor, (1, 2)))

    def _env_db(self, x, floor=None):
        power = F.conv1d(x[:, None, :].square(), self.env_kernel, stride=256)[:, 0]
        return 10 * torch.log10(power + _quiet(power, floor, (1,)))

    def features(self, x: torch.Tensor) -> tuple:
        """(mel dB floored 80 dB below its peak, floor, attack magnitudes x4, envelope dB floored 60 dB below its peak, floor)"""
        mx = self._mel_db(x)
        floor = mx.amax(dim=(1, 2), keepdim=True) - 80.0
        ex = self._env_db(x)
        efloor = ex.amax(-1, keepdim=True) - 60.0
        attack = []
        for spec in self.attack:
            power = spec(x[:, : self.attack_n])
            attack.append((power + 1e-6 * power.amax((1, 2), keepdim=True) + EPS).sqrt())
        return (torch.maximum(mx, floor), floor, *attack, torch.maximum(ex, efloor), efloor)

    def forward(self, y: torch.Tensor, z: torch.Tensor, *features) -> torch.Tensor:
        mx, floor, *attack, ex, efloor = features
        mel = _smooth_abs(_soft_max(self._mel_db(y, floor), floor) - mx, 0.5).mean(dim=(1, 2)) / 10
        sc_sum, log_sum = y.new_zeros(y.shape[0]), y.new_zeros(y.shape[0])
        for spec, px in zip(self.attack, attack):
            # magnitudes with a floor 60 dB below the sound's own peak bin, added inside the root:
            # a bin near zero (the DC bin of a short frame crosses it) has a bounded gradient
            quiet = 1e-6 * px.amax((1, 2), keepdim=True).square() + EPS
            py = (spec(y[:, : self.attack_n]) + quiet).sqrt()
            sc_sum = sc_sum + ((py - px).square().sum((1, 2)) + EPS).sqrt() / px.square().sum((1, 2)).sqrt()
            log_sum = log_sum + _smooth_abs(py.log() - px.log(), 0.1).mean((1, 2))
        attack_loss = (sc_sum + log_sum) / len(self.attack)
        env = _smooth_abs(_soft_max(self._env_db(y, efloor), efloor) - ex, 0.5).mean(-1) / 10
        return mel + attack_loss + env + self.prior_weight * z.square().mean(-1)


def _quiet(power: torch.Tensor, floor_db, dims: tuple) -> torch.Tensor:
    """The power added before a dB: 20 dB under the floor (the sound's own, or for the sound itself
    80 dB under its peak), so bins far below the floor have small, smooth gradients."""
    if floor_db is None:
        return (power.amax(dims, keepdim=True) * 1e-10).clamp_min(1e-20)
    return 10.0 ** ((floor_db - 20.0) / 10.0)


FEATURES = ("mel_db", "mel_floor", "attack256", "attack128", "attack64", "attack32", "env_db", "env_floor")


def _dft_nodes(name: str, n_fft: int) -> list:
    """ONNX nodes that compute `ConvSpectrum`'s basis [2 * (n_fft / 2 + 1), 1, n_fft] at load time
    (cos and -sin of 2 pi k n / n_fft, Hann-windowed; k n taken modulo n_fft in integers first),
    instead of storing it: 4 MB for the 1024-point basis."""
    from onnx import helper, numpy_helper

    def const(suffix, value):
        return helper.make_node("Constant", [], [f"{name}_{suffix}"], value=numpy_helper.from_array(value))

    n = np.arange(n_fft, dtype=np.int64)
    bins = n_fft // 2 + 1
    win = (0.5 - 0.5 * np.cos(2 * np.pi * n / n_fft)).astype(np.float32)
    make = helper.make_node
    return [
        const("n", n[None, :]), const("k", np.arange(bins, dtype=np.int64)[:, None]),
        const("size", np.array(n_fft, np.int64)), const("step", np.array(2 * np.pi / n_fft, np.float32)),
        const("win", win[None, :]), const("shape", np.array([2 * bins, 1, n_fft], np.int64)),
        make("Mul", [f"{name}_k", f"{name}_n"], [f"{name}_kn"]),
        make("Mod", [f"{name}_kn", f"{name}_size"], [f"{name}_kn_mod"], fmod=0),
        make("Cast", [f"{name}_kn_mod"], [f"{name}_knf"], to=1),
        make("Mul", [f"{name}_knf", f"{name}_step"], [f"{name}_angle"]),
        make("Cos", [f"{name}_angle"], [f"{name}_cos"]), make("Sin", [f"{name}_angle"], [f"{name}_sin"]),
        make("Neg", [f"{name}_sin"], [f"{name}_nsin"]),
        make("Concat", [f"{name}_cos", f"{name}_nsin"], [f"{name}_cs"], axis=0),
        make("Mul", [f"{name}_cs", f"{name}_win"], [f"{name}_flat"]),
        make("Reshape", [f"{name}_flat", f"{name}_shape"], [name]),
    ]


def compact(path: Path, bases: list) -> None:
    """Shrink a saved graph: all-zero initializers become ConstantOfShape, and the DFT bases are
    computed at load time (`_dft_nodes`). The parity check runs on the compacted file."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(path))
    graph = model.graph
    keep, nodes = [], []
    for init in graph.initializer:
        value = numpy_helper.to_array(init)
        basis = next((b for b in bases if b.shape == value.shape and np.allclose(b, value, atol=1e-6)), None)
        if basis is not None:
            nodes += _dft_nodes(init.name, basis.shape[-1])
        elif value.size >= 4096 and value.dtype == np.float32 and not value.any():
            shape = numpy_helper.from_array(np.array(value.shape, np.int64), f"{init.name}_shape")
            nodes += [helper.make_node("Constant", [], [f"{init.name}_shape"], value=shape),
                      helper.make_node("ConstantOfShape", [f"{init.name}_shape"], [init.name],
                                       value=numpy_helper.from_array(np.zeros(1, np.float32)))]
        else:
            keep.append(init)
    del graph.initializer[:]
    graph.initializer.extend(keep)
    old = list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes + old)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def _conv_input_grad(grad_output, input, weight, bias_sizes, stride, padding, dilation, transposed,
                     output_padding, groups, output_mask):
    """aten.convolution_backward for 1-d convs when only the input's gradient is asked for: the
    adjoint convolution (transposed for a conv, plain for a transposed conv)."""
    if list(output_mask) != [True, False, False] or weight.dim() != 3:
        raise NotImplementedError(f"convolution_backward with mask {output_mask}")
    if transposed:
        gi = F.conv1d(grad_output, weight, None, stride, padding, dilation, groups)
        return gi[..., : input.shape[-1]], None, None
    k = weight.shape[-1]
    if stride[0] == 1 and groups == 1 and output_padding[0] == 0:  # a plain conv of the flipped kernel (faster than ConvTranspose)
        reach = dilation[0] * (k - 1) - padding[0]
        flipped = weight.transpose(0, 1).flip(-1)
        if reach >= 0:
            gi = F.conv1d(grad_output, flipped, None, 1, reach, dilation)
            return gi[..., : input.shape[-1]], None, None
    natural = (grad_output.shape[-1] - 1) * stride[0] - 2 * padding[0] + dilation[0] * (k - 1) + 1
    extra = input.shape[-1] - natural
    gi = F.conv_transpose1d(grad_output, weight, None, stride, padding, min(extra, stride[0] - 1), groups, dilation)
    if gi.shape[-1] < input.shape[-1]:
        gi = F.pad(gi, (0, input.shape[-1] - gi.shape[-1]))
    return gi, None, None


class RefineStep(nn.Module):
    """(z [1, latent], *features of the sound) -> (loss [1], grad [1, latent])."""

    def __init__(self, decoder: nn.Module, sample_rate_hz: int, prior_weight: float = 0.01):
        super().__init__()
        self.decoder = decoder
        self.loss = RefineLoss(sample_rate_hz, prior_weight)

    def loss_and_grad(self, z: torch.Tensor, *features):
        z = z.detach().requires_grad_(True)
        with torch.enable_grad():
            loss = self.loss(decode(self.decoder, z), z, *features)
            (grad,) = torch.autograd.grad(loss.sum(), z)
        return loss.detach(), grad


class _Features(nn.Module):
    def __init__(self, loss: RefineLoss):
        super().__init__()
        self.loss = loss

    def forward(self, audio):
        return self.loss.features(audio)


def export_refine(decoder: nn.Module, sample_rate_hz: int, length: int, folder: Path,
                  prior_weight: float = 0.01) -> dict:
    """Write `refine_target.onnx` (audio -> features) and `refine_step.onnx` (z, features -> loss,
    grad), batch 1; returns their manifest entries' inputs and outputs."""
    from torch._decomp import core_aten_decompositions
    from torch.fx.experimental.proxy_tensor import make_fx

    decoder = decoder.eval().requires_grad_(False)
    step = RefineStep(decoder, sample_rate_hz, prior_weight).eval()
    audio = torch.zeros(1, length)
    audio[0, 100] = 1.0
    torch.onnx.export(_Features(step.loss), (audio,), str(folder / "refine_target.onnx"), input_names=["audio"],
                      output_names=list(FEATURES), opset_version=17, dynamo=False, do_constant_folding=True)
    z = torch.zeros(1, decoder.cfg.latent_size)
    features = step.loss.features(audio)
    table = dict(core_aten_decompositions())
    table[torch.ops.aten.convolution_backward.default] = _conv_input_grad
    graph = make_fx(lambda z, *f: step.loss_and_grad(z, *f), decomposition_table=table)(z, *features)

    class Traced(nn.Module):
        def __init__(self):
            super().__init__()
            self.traced = graph

        def forward(self, z, *f):
            return self.traced(z, *f)

    program = torch.onnx.export(Traced().eval(), (z, *features), dynamo=True, input_names=["z", *FEATURES],
                                output_names=["loss", "grad"], optimize=True, verbose=False)
    program.save(str(folder / "refine_step.onnx"))
    for name in ("refine_target.onnx", "refine_step.onnx"):
        compact(folder / name, [spec.basis.numpy() for spec in (step.loss.mel_spec, *step.loss.attack)])
    return {"target": {"inputs": [["audio", [1, length]]],
                       "outputs": [[n, list(f.shape)] for n, f in zip(FEATURES, features)]},
            "step": {"inputs": [["z", [1, decoder.cfg.latent_size]]] + [[n, list(f.shape)] for n, f in zip(FEATURES, features)],
                     "outputs": [["loss", [1]], ["grad", [1, decoder.cfg.latent_size]]]}}


def _bundle_decoder_matches(decoder: nn.Module, folder: Path) -> float:
    """Largest |render difference| between the checkpoint's decoder and the bundle's decoder.onnx."""
    from export.common import cpu_session

    z = np.random.default_rng(0).standard_normal((4, decoder.cfg.latent_size)).astype(np.float32)
    session = cpu_session(folder / "decoder.onnx")
    with torch.no_grad():
        ours = decoder(torch.from_numpy(z)).numpy()
    return float(np.abs(session.run(None, {"z": z})[0] - ours).max())


def parity(step: RefineStep, folder: Path, audio: np.ndarray, latent_size: int) -> dict:
    """onnxruntime against torch on real sounds from random latents: the largest |loss difference|
    and the largest relative error of the gradient, |g_onnx - g_torch| / |g_torch|."""
    from export.common import cpu_session

    target, graph = cpu_session(folder / "refine_target.onnx"), cpu_session(folder / "refine_step.onnx")
    rng = np.random.default_rng(0)
    loss_err = grad_err = 0.0
    for x in audio:
        x = x[None].astype(np.float32)
        z = rng.standard_normal((1, latent_size)).astype(np.float32)
        features = step.loss.features(torch.from_numpy(x))
        loss, grad = step.loss_and_grad(torch.from_numpy(z), *features)
        feeds = dict(zip(FEATURES, target.run(None, {"audio": x})))
        onnx_loss, onnx_grad = graph.run(None, dict(feeds, z=z))
        loss_err = max(loss_err, float(abs(onnx_loss[0] - loss[0])))
        grad_err = max(grad_err, float(np.linalg.norm(onnx_grad - grad.numpy()) / max(np.linalg.norm(grad.numpy()), 1e-12)))
    return {"loss_max_abs": loss_err, "grad_max_relative": round(grad_err, 6), "sounds": len(audio)}


def measure(folder: Path, audio: np.ndarray, settings: list, sample_rate_hz: int) -> list:
    """Mean log-mel distance (peak-normalised, the held-out measure) of encode -> refine -> render
    for each (steps, lr) in `settings`, through the server's own code."""
    from export.oneshot import metrics
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models

    models = load_models(load_bundle(folder), "cpu", 2)
    mu = np.concatenate([models.encoder.encode(audio[i:i + 16])[0] for i in range(0, len(audio), 16)])
    rows = []
    for steps, lr in settings:
        t0 = time.perf_counter()
        z = np.stack([models.refiner.refine(m, x, steps=steps, lr=lr)[0] if steps else m for m, x in zip(mu, audio)])
        seconds = (time.perf_counter() - t0) / len(audio)
        renders = np.concatenate([models.decoder.render(z[i:i + 16]) for i in range(0, len(z), 16)])
        d = metrics.log_mel_distance_db(metrics.peak_normalise(renders), metrics.peak_normalise(audio), sample_rate_hz)
        rows.append({"steps": steps, "lr": lr, "log_mel_db": round(float(d.mean()), 3),
                     "seconds_per_sound": round(seconds, 3)})
        print(f"steps {steps:3d} lr {lr:.3f}: {d.mean():.3f} dB, {seconds:.2f} s per sound", file=sys.stderr)
    return rows


def choose(rows: list, tolerance_db: float) -> dict:
    """The fewest steps (then the best lr) within `tolerance_db` of the best mean log-mel distance."""
    best = min(r["log_mel_db"] for r in rows)
    near = [r for r in rows if r["log_mel_db"] <= best + tolerance_db]
    return min(near, key=lambda r: (r["steps"], r["log_mel_db"]))


def install(folder: Path, decoder: nn.Module, audio: np.ndarray, steps: list, lrs: list, *, command: str,
            chosen_on: str, prior_weight: float = 0.01, tolerance_db: float = 0.05, tolerance: float = 1e-3) -> dict:
    """Export the two graphs into the bundle `folder` (whose decoder.onnx `decoder` must be), check
    them against torch, choose steps and lr on `audio` (peak 0.9, as /pad/encode hears a file) and
    write the `refine` object and the models' entries into its preset.json."""
    from export.common import sha256

    differs = _bundle_decoder_matches(decoder, folder)
    if differs > 1e-3:
        raise SystemExit(f"the checkpoint's decoder is not {folder.name}/decoder.onnx (renders differ by "
                         f"{differs:.3g}); refinement must step through the decoder the bundle plays")
    cfg = decoder.cfg
    t0 = time.time()
    io = export_refine(decoder, cfg.sample_rate_hz, cfg.length, folder, prior_weight)
    export_s = time.time() - t0
    checked = parity(RefineStep(decoder, cfg.sample_rate_hz, prior_weight), folder, audio[:4], cfg.latent_size)
    if checked["grad_max_relative"] > tolerance:
        raise SystemExit(f"refine parity failed: {checked}")

    def entry(name, tensors):
        return {"file": name, "sha256": sha256(folder / name),
                "inputs": [{"name": n, "shape": list(s), "dtype": "float32"} for n, s in tensors["inputs"]],
                "outputs": [{"name": n, "shape": list(s), "dtype": "float32"} for n, s in tensors["outputs"]]}

    manifest_path = folder / "preset.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["models"]["oneshot.refine_target"] = entry("refine_target.onnx", io["target"])
    manifest["models"]["oneshot.refine_step"] = entry("refine_step.onnx", io["step"])
    manifest["refine"] = {"steps": 0, "lr": lrs[0],
                          "features": [{"name": n, "shape": list(s)} for n, s in io["target"]["outputs"]],
                          "training": {"command": command, "chosen_by": "", "parity": checked}}
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")  # steps 0 while choosing
    rows = measure(folder, audio, [(0, lrs[0])] + [(s, lr) for lr in lrs for s in steps], cfg.sample_rate_hz)
    chosen = choose(rows[1:], tolerance_db)
    manifest["refine"].update(steps=chosen["steps"], lr=chosen["lr"])
    manifest["refine"]["training"].update(
        chosen_by=(f"{len(audio)} sounds of {chosen_on}: the fewest steps, then the best lr, within "
                   f"{tolerance_db} dB of the best mean log-mel distance (encode -> refine -> render)"),
        candidates=rows, export_seconds=round(export_s, 1), prior_weight=prior_weight)
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest["refine"]


def add_to_bundle(args: argparse.Namespace) -> dict:
    from export.common import load_ckpt
    from export.judge import load_split
    from export.oneshot import metrics
    from export.oneshot.model import OneshotVAE
    from export.oneshot.train import config_from_ckpt

    ck = load_ckpt(Path(args.ckpt))
    model = OneshotVAE(config_from_ckpt(ck))
    model.load_state_dict(ck["model"])
    model.eval().requires_grad_(False)
    audio, labels, _, _ = load_split(Path(args.data), args.split)
    rng = np.random.default_rng(args.seed)
    pick = np.concatenate([rng.choice(np.flatnonzero(labels == k), min(args.per_class, int((labels == k).sum())),
                                      replace=False) for k in np.unique(labels[labels >= 0])])
    audio = 0.9 * metrics.peak_normalise(np.asarray(audio[pick], np.float32))  # as /pad/encode hears a file
    return install(Path(args.preset), model.decoder, audio, args.steps, args.lrs,
                   command=" ".join(["python -m export.oneshot.refine", *sys.argv[1:]]),
                   chosen_on=(f"the corpus' {args.split!r} split ({args.per_class} per class: kits of the "
                              "training sources held out of training; never the unseen sources)"),
                   prior_weight=args.prior_weight, tolerance_db=args.tolerance_db, tolerance=args.tolerance)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ckpt", required=True, help="the checkpoint whose decoder the bundle plays")
    ap.add_argument("--preset", required=True, help="bundle folder to add the refinement graphs to")
    ap.add_argument("--data", default="data/oneshot")
    ap.add_argument("--split", default="test", help="where steps and lr are chosen (never 'unseen')")
    ap.add_argument("--per-class", type=int, default=6)
    ap.add_argument("--steps", type=int, nargs="+", default=[10, 20, 30])
    ap.add_argument("--lrs", type=float, nargs="+", default=[0.1, 0.2, 0.3])
    ap.add_argument("--prior-weight", type=float, default=0.01)
    ap.add_argument("--tolerance-db", type=float, default=0.05)
    ap.add_argument("--tolerance", type=float, default=1e-3, help="largest gradient error, relative (L2)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.split == "unseen":
        raise SystemExit("--split unseen: the unseen sources are for measuring, never for choosing settings")
    torch.set_num_threads(2)
    print(json.dumps(add_to_bundle(args), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
