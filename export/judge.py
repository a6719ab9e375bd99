"""An independent drum-class judge, trained on real samples only, for scoring generated sounds.

The model's own class head shares the encoder with the decoder, so it may be fooled by exactly the
artefacts the decoder makes. This judge shares nothing with the model: hand-made features of the
log-mel spectrogram and the amplitude envelope (numpy), and a small MLP trained on the real,
labelled training sounds of the corpus. Its accuracy on the real held-out kits is reported beside
every figure it gives, so a reader can tell how far to trust it.

    python -m export.judge --data data/oneshot      # trains, prints held-out accuracy per class
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from export.oneshot import metrics

N_FFT, HOP, N_MELS, ENV_FRAMES = 1024, 256, 48, 24


def features(audio: np.ndarray, sample_rate_hz: int, chunk: int = 128) -> np.ndarray:
    """[N, length] audio -> [N, F] float32: per-band level statistics relative to the sound's peak,
    the loudness envelope, spectral centroid and flatness over time, zero-crossing rate."""
    out = []
    fb = metrics.mel_filterbank(sample_rate_hz, N_FFT, N_MELS)
    freqs = np.linspace(0, sample_rate_hz / 2, N_FFT // 2 + 1)
    for i in range(0, len(audio), chunk):
        x = audio[i:i + chunk].astype(np.float32)
        mag = metrics.stft_mag(x, N_FFT, HOP)  # [n, frames, bins]
        power = mag ** 2
        mel = 10 * np.log10(np.maximum(power @ fb.T, 1e-10))  # [n, frames, mels]
        peak = mel.max(axis=(1, 2), keepdims=True)
        mel = np.maximum(mel - peak, -80.0)
        frame_db = 10 * np.log10(np.maximum(power.sum(-1), 1e-10))
        frame_db = np.maximum(frame_db - frame_db.max(-1, keepdims=True), -80.0)  # [n, frames]
        loud = frame_db > -40.0
        weights = loud / np.maximum(loud.sum(-1, keepdims=True), 1)
        band_mean = (mel * weights[..., None]).sum(1)
        band_max = mel.max(1)
        band_early = mel[:, :8].mean(1)
        env = frame_db[:, :ENV_FRAMES * 4].reshape(len(x), ENV_FRAMES, 4).mean(-1)
        centroid = (power * freqs).sum(-1) / np.maximum(power.sum(-1), 1e-10) / (sample_rate_hz / 2)
        flat = np.exp(np.log(np.maximum(mag, 1e-8)).mean(-1)) / np.maximum(mag.mean(-1), 1e-8)
        zcr = (np.abs(np.diff(np.sign(x[:, :8192]), axis=-1)) > 0).mean(-1, keepdims=True)
        duration = loud.sum(-1, keepdims=True) / frame_db.shape[1]
        out.append(np.concatenate([
            band_mean / 40, band_max / 40, band_early / 40, env / 40,
            (centroid * weights).sum(-1, keepdims=True), centroid[:, :8],
            (flat * weights).sum(-1, keepdims=True), flat[:, :8], zcr * 4, duration,
        ], axis=-1))
    return np.concatenate(out).astype(np.float32)


@dataclass
class Judge:
    classes: list
    mean: np.ndarray
    std: np.ndarray
    nets: list  # an ensemble of small MLPs (different seeds), probabilities averaged
    sample_rate_hz: int

    def probabilities(self, audio: np.ndarray) -> np.ndarray:
        f = torch.from_numpy((features(audio, self.sample_rate_hz) - self.mean) / self.std)
        with torch.no_grad():
            return torch.stack([net(f).softmax(-1) for net in self.nets]).mean(0).numpy()

    def label(self, audio: np.ndarray) -> np.ndarray:
        return self.probabilities(audio).argmax(-1)


def _mlp(n_in: int, n_out: int) -> nn.Module:
    return nn.Sequential(nn.Linear(n_in, 128), nn.GELU(), nn.Dropout(0.3), nn.Linear(128, 64), nn.GELU(),
                         nn.Dropout(0.3), nn.Linear(64, n_out))


def train_judge(audio: np.ndarray, labels: np.ndarray, classes: list, sample_rate_hz: int,
                members: int = 5, steps: int = 1500, seed: int = 0) -> Judge:
    """Fit on the labelled sounds (labels >= 0) of `audio`; class-balanced, deterministic."""
    keep = labels >= 0
    x = features(audio[keep], sample_rate_hz)
    y = torch.from_numpy(labels[keep]).long()
    mean, std = x.mean(0), x.std(0) + 1e-4
    xt = torch.from_numpy((x - mean) / std)
    counts = np.bincount(labels[keep], minlength=len(classes)).astype(np.float32)
    weight = torch.from_numpy(counts.sum() / np.maximum(counts, 1) / len(classes))
    nets = []
    for m in range(members):
        torch.manual_seed(seed + m)
        net = _mlp(x.shape[1], len(classes))
        opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-2)
        loss_fn = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.05)
        g = torch.Generator().manual_seed(seed + m)
        for _ in range(steps):
            idx = torch.randint(0, len(xt), (128,), generator=g)
            noisy = xt[idx] + 0.1 * torch.randn(xt[idx].shape, generator=g)
            loss = loss_fn(net(noisy), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        nets.append(net)
    return Judge(list(classes), mean, std, nets, sample_rate_hz)


def per_class_accuracy(predicted: np.ndarray, truth: np.ndarray, classes: list) -> dict:
    """{"overall": a, "per_class": {name: (accuracy, n)}} over entries with truth >= 0."""
    keep = truth >= 0
    p, t = predicted[keep], truth[keep]
    return {"overall": round(float((p == t).mean()), 4) if t.size else float("nan"), "n": int(t.size),
            "per_class": {classes[k]: [round(float((p[t == k] == k).mean()), 3), int((t == k).sum())]
                          for k in range(len(classes)) if (t == k).any()}}


def load_split(data: Path, split: str) -> tuple:
    index = json.loads((data / "index.json").read_text())
    audio = np.load(data / f"{split}.npy", allow_pickle=False).astype(np.float32)
    classes = index["classes"]
    labels = np.array([classes.index(e["label"]) if e["label"] else -1 for e in index[split]])
    return audio, labels, classes, index["sample_rate_hz"]


def trained_on_corpus(data: Path) -> tuple:
    """(judge, held-out accuracy dict) for a corpus folder made by `export.oneshot_data`."""
    audio, labels, classes, sr = load_split(data, "train")
    judge = train_judge(audio, labels, classes, sr)
    test, test_labels, _, _ = load_split(data, "test")
    return judge, per_class_accuracy(judge.label(test), test_labels, classes)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    _, held_out = trained_on_corpus(args.data)
    print(json.dumps(held_out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
