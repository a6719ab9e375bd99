"""An independent drum-class judge, trained on real samples only, for scoring generated sounds.

The model's own class head shares the encoder with the decoder, so it may be fooled by exactly the
artefacts the decoder makes. This judge shares nothing with the model. It is two families of small
torch nets, trained on the real, labelled training sounds of the corpus, whose class
probabilities are averaged:

- an MLP ensemble on hand-made features (numpy): per-band level statistics, the loudness envelope,
  spectral centroid and flatness, a cepstrum-like DCT of the log-mel in five time windows,
  attack and decay times, sub-band energy shares and decays, rolloff and slope, and the
  strongest low-frequency peak;
- a small 2-D CNN ensemble over the log-mel patch (64 mels x 89 frames), with mel shifts of up to
  two bands (about a semitone or two) and time/band masks as augmentation.

How the design was chosen: only by leave-kits-out cross-validation on the TRAINING kits (kits
grouped into 5 folds of about equal labelled size; `cross_validate`), never on the held-out kits.
Pooled CV accuracy (overall / mean per class) of the choices tried, 3-member MLP ensembles:
old features 73.0% / 75.6%; + the new features 75.2% / 76.8% (kept); + waveform augmentation
(pitch by resampling, polarity, fades, noise, gain) 74.1% / 74.1% (dropped); a linear model
66.6% / 72.3%, a wider MLP 73.8% / 73.3%, no class weights 73.6% / 72.2% (all dropped); one CNN
74.3% / 78.1%, CNN + MLP averaged 77.3% / 80.0% (kept). The held-out kits were measured once,
after the design was fixed. `python -m export.judge` prints both figures for the final judge.

    python -m export.judge --data data/oneshot      # CV on training kits, then held-out accuracy
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
SECONDS = 45056 / 44100  # the corpus' one-shot length: every sound is padded or cut to it
WINDOWS = ((0, 2), (2, 6), (6, 16), (16, 40), (40, None))  # frames: 0-12, 12-35, 35-93, 93-232 ms, rest
EDGES_HZ = (0, 120, 300, 1000, 3000, 8000)  # sub-bands, the last one up to Nyquist
N_DCT = 16
CNN_FFT, CNN_HOP, CNN_MELS = 2048, 512, 64


def _fit_length(audio: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    n = int(round(SECONDS * sample_rate_hz))
    x = np.asarray(audio, np.float32)[:, :n]
    return np.pad(x, ((0, 0), (0, n - x.shape[1])))


def _dct_matrix(n: int, k: int) -> np.ndarray:
    i = np.arange(n)
    m = np.cos(np.pi / n * (i[None, :] + 0.5) * np.arange(k)[:, None]) * np.sqrt(2 / n)
    m[0] /= np.sqrt(2)
    return m.astype(np.float32)


def _frames_until_below(db: np.ndarray, level: float, start: np.ndarray) -> np.ndarray:
    """Frames from `start` until `db` [n, frames] first falls below `level` (the rest if never)."""
    t = np.arange(db.shape[1])[None]
    below = (db < level) & (t >= start[:, None])
    return np.where(below.any(-1), below.argmax(-1), db.shape[1]) - start


def _timbre(x, mag, power, mel, frame_db, weights, sample_rate_hz) -> list:
    """The features added after cross-validation: spectral shape over time, envelope timing,
    sub-band shares and decays, rolloff, slope, and the low-frequency peak (pitch-ish)."""
    freqs = np.linspace(0, sample_rate_hz / 2, N_FFT // 2 + 1)
    dct = _dct_matrix(N_MELS, N_DCT)
    feats = [mel[:, a:b].mean(1) @ dct.T / 100 for a, b in WINDOWS]
    peak = frame_db.argmax(-1)
    feats.append(np.log1p(peak)[:, None] / 3)
    feats += [np.log1p(_frames_until_below(frame_db, lvl, peak))[:, None] / 5 for lvl in (-6, -12, -20, -30, -45)]
    edges = (*EDGES_HZ, sample_rate_hz)
    bands = np.stack([power[..., (freqs >= lo) & (freqs < hi)].sum(-1) for lo, hi in zip(edges[:-1], edges[1:])], -1)
    total = power.sum(-1)
    for a, b in ((0, 6), (6, 40), (40, None)):
        share = bands[:, a:b].sum(1) / np.maximum(total[:, a:b].sum(1)[:, None], 1e-12)
        feats.append(np.maximum(10 * np.log10(np.maximum(share, 1e-12)), -60) / 30)
    band_db = 10 * np.log10(np.maximum(bands, 1e-12))
    band_db -= band_db.max(1, keepdims=True)
    band_peak = band_db.argmax(1)
    feats += [np.log1p(_frames_until_below(band_db[..., j], -20, band_peak[:, j]))[:, None] / 5
              for j in range(bands.shape[-1])]
    cum = np.cumsum(power, -1) / np.maximum(total[..., None], 1e-12)
    for r in (0.5, 0.85, 0.95):
        roll = freqs[np.minimum((cum < r).sum(-1), len(freqs) - 1)] / (sample_rate_hz / 2)
        feats += [(roll * weights).sum(-1, keepdims=True), roll[:, :4]]
    log_f = np.log(freqs[1:]) - np.log(freqs[1:]).mean()
    log_p = np.log(np.maximum(power[..., 1:], 1e-12))
    slope = ((log_p - log_p.mean(-1, keepdims=True)) * log_f).sum(-1) / (log_f ** 2).sum()
    feats.append((slope * weights).sum(-1, keepdims=True) / 5)
    seg = x[:, :8192] * np.hanning(8192).astype(np.float32)
    spec = np.abs(np.fft.rfft(seg, 16384, axis=-1))
    f_hz = np.fft.rfftfreq(16384, 1 / sample_rate_hz)
    low = (f_hz >= 30) & (f_hz < 1000)
    s = spec[:, low]
    feats.append(np.log2(f_hz[low][s.argmax(-1)] / 30)[:, None] / 5)
    feats.append(np.log10(np.maximum(s.max(-1), 1e-9) / np.maximum(s.mean(-1), 1e-9))[:, None])
    share = np.maximum(s.sum(-1), 1e-12) / np.maximum(spec.sum(-1), 1e-12)
    feats.append(np.maximum(10 * np.log10(share), -60)[:, None] / 30)
    return feats


def features(audio: np.ndarray, sample_rate_hz: int, chunk: int = 128) -> np.ndarray:
    """[N, length] audio -> [N, F] float32, finite for any input (silence, a few samples): per-band
    level statistics relative to the sound's peak, the loudness envelope, spectral centroid and
    flatness over time, zero-crossing rate, and `_timbre`'s features."""
    audio = _fit_length(audio, sample_rate_hz)
    out = []
    fb = metrics.mel_filterbank(sample_rate_hz, N_FFT, N_MELS)
    freqs = np.linspace(0, sample_rate_hz / 2, N_FFT // 2 + 1)
    for i in range(0, len(audio), chunk):
        x = audio[i:i + chunk]
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
            *_timbre(x, mag, power, mel, frame_db, weights, sample_rate_hz),
        ], axis=-1))
    return np.nan_to_num(np.concatenate(out)).astype(np.float32)


def mel_patch(audio: np.ndarray, sample_rate_hz: int, chunk: int = 128) -> np.ndarray:
    """[N, length] audio -> [N, frames, 64] log-mel relative to each sound's peak, scaled to about
    [-1, 1]: the CNN's input."""
    audio = _fit_length(audio, sample_rate_hz)
    out = []
    for i in range(0, len(audio), chunk):
        m = metrics.log_mel(audio[i:i + chunk], sample_rate_hz, CNN_FFT, CNN_HOP, CNN_MELS)
        out.append((np.maximum(m - m.max(axis=(1, 2), keepdims=True), -80.0) + 40) / 40)
    return np.concatenate(out).astype(np.float32)


class MelCNN(nn.Module):
    """Three conv blocks over the [frames, mels] patch, then mean and max over the whole patch."""

    def __init__(self, n_out: int, width: int = 16):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.GELU(), nn.MaxPool2d(2))
        self.body = nn.Sequential(block(1, width), block(width, 2 * width), block(2 * width, 4 * width),
                                  nn.Conv2d(4 * width, 4 * width, 3, padding=1), nn.GELU())
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(8 * width, n_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(x[:, None])
        return self.head(torch.cat([h.mean((2, 3)), h.amax((2, 3))], -1))


@dataclass
class Judge:
    classes: list
    mean: np.ndarray
    std: np.ndarray
    nets: list  # MLPs on `features` (different seeds)
    cnns: list  # MelCNNs on `mel_patch` (different seeds); each family's mean probability counts half
    sample_rate_hz: int

    def probabilities(self, audio: np.ndarray) -> np.ndarray:
        return self._probabilities(features(audio, self.sample_rate_hz), mel_patch(audio, self.sample_rate_hz))

    def _probabilities(self, feats: np.ndarray, mels: np.ndarray) -> np.ndarray:
        f = torch.from_numpy((feats - self.mean) / self.std)
        m = torch.from_numpy(mels)
        with torch.no_grad():
            mlp = [net(f).softmax(-1) for net in self.nets]
            cnn = [torch.cat([net(m[i:i + 256]).softmax(-1) for i in range(0, len(m), 256)]) for net in self.cnns]
            return torch.stack([torch.stack(family).mean(0) for family in (mlp, cnn) if family]).mean(0).numpy()

    def label(self, audio: np.ndarray) -> np.ndarray:
        return self.probabilities(audio).argmax(-1)


def _mlp(n_in: int, n_out: int) -> nn.Module:
    return nn.Sequential(nn.Linear(n_in, 128), nn.GELU(), nn.Dropout(0.3), nn.Linear(128, 64), nn.GELU(),
                         nn.Dropout(0.3), nn.Linear(64, n_out))


def _class_weight(labels: np.ndarray, n_classes: int) -> torch.Tensor:
    counts = np.bincount(labels, minlength=n_classes).astype(np.float32)
    return torch.from_numpy(counts.sum() / np.maximum(counts, 1) / n_classes)


def _train_mlp(xt: torch.Tensor, y: torch.Tensor, weight: torch.Tensor, n_classes: int, steps: int,
               seed: int) -> nn.Module:
    torch.manual_seed(seed)
    net = _mlp(xt.shape[1], n_classes)
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-2)
    loss_fn = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.05)
    g = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        idx = torch.randint(0, len(xt), (128,), generator=g)
        noisy = xt[idx] + 0.1 * torch.randn(xt[idx].shape, generator=g)
        loss = loss_fn(net(noisy), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net.eval()


def _augment_mels(xb: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Shift each patch by -2..2 mel bands and mask a random band range and frame range."""
    b, frames, mels = xb.shape
    shifts = torch.randint(-2, 3, (b,), generator=g)
    out = torch.stack([torch.roll(xb[i], int(shifts[i]), dims=1) for i in range(b)])
    m0, mw = torch.randint(0, mels - 8, (b,), generator=g), torch.randint(0, 8, (b,), generator=g)
    t0, tw = torch.randint(0, frames - 10, (b,), generator=g), torch.randint(0, 10, (b,), generator=g)
    m, t = torch.arange(mels)[None], torch.arange(frames)[None]
    band_mask = (m >= m0[:, None]) & (m < (m0 + mw)[:, None])
    time_mask = (t >= t0[:, None]) & (t < (t0 + tw)[:, None])
    return out.masked_fill(band_mask[:, None, :], -1.0).masked_fill(time_mask[:, :, None], -1.0)


def _train_cnn(mels: torch.Tensor, y: torch.Tensor, weight: torch.Tensor, n_classes: int, epochs: int,
               seed: int, batch: int = 32, lr: float = 3e-3) -> nn.Module:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    net = MelCNN(n_classes)
    steps = epochs * max(1, len(mels) // batch)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-2)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.05)
    net.train()
    for _ in range(steps):
        idx = torch.randint(0, len(mels), (batch,), generator=g)
        loss = loss_fn(net(_augment_mels(mels[idx], g)), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    return net.eval()


def _fit(feats: np.ndarray, mels: np.ndarray, labels: np.ndarray, classes: list, sample_rate_hz: int,
         members: int, steps: int, cnn_members: int, cnn_epochs: int, seed: int) -> Judge:
    mean, std = feats.mean(0), feats.std(0) + 1e-4
    xt = torch.from_numpy((feats - mean) / std)
    y = torch.from_numpy(labels).long()
    weight = _class_weight(labels, len(classes))
    nets = [_train_mlp(xt, y, weight, len(classes), steps, seed + m) for m in range(members)]
    cnns = [_train_cnn(torch.from_numpy(mels), y, weight, len(classes), cnn_epochs, seed + m)
            for m in range(cnn_members)]
    return Judge(list(classes), mean, std, nets, cnns, sample_rate_hz)


def train_judge(audio: np.ndarray, labels: np.ndarray, classes: list, sample_rate_hz: int,
                members: int = 5, steps: int = 1500, seed: int = 0, cnn_members: int = 3,
                cnn_epochs: int = 30) -> Judge:
    """Fit on the labelled sounds (labels >= 0) of `audio`; class-balanced loss, deterministic for a
    seed. `members`/`steps` size the MLP ensemble, `cnn_members`/`cnn_epochs` the CNN one
    (`cnn_members=0`: MLPs only)."""
    keep = labels >= 0
    return _fit(features(audio[keep], sample_rate_hz), mel_patch(audio[keep], sample_rate_hz), labels[keep],
                classes, sample_rate_hz, members, steps, cnn_members, cnn_epochs, seed)


def kit_folds(kits: np.ndarray, labels: np.ndarray, n_folds: int = 5) -> np.ndarray:
    """Fold number per sound: whole kits, largest first, each into the fold with the fewest
    labelled sounds so far."""
    names, counts = np.unique(kits[labels >= 0], return_counts=True)
    load, fold_of = np.zeros(n_folds), {}
    for i in np.argsort(-counts, kind="stable"):
        fold_of[names[i]] = int(np.argmin(load))
        load[fold_of[names[i]]] += counts[i]
    return np.array([fold_of.get(k, -1) for k in kits])


def cross_validate(audio: np.ndarray, labels: np.ndarray, kits: np.ndarray, classes: list, sample_rate_hz: int,
                   n_folds: int = 5, **train_args) -> dict:
    """Leave-kits-out CV of `train_judge` on training sounds: each fold's kits are judged by a
    judge that never heard them. Returns `per_class_accuracy` of the pooled predictions."""
    keep = labels >= 0
    feats, mels = features(audio[keep], sample_rate_hz), mel_patch(audio[keep], sample_rate_hz)
    y, fold = labels[keep], kit_folds(kits[keep], labels[keep], n_folds)
    args = {"members": 5, "steps": 1500, "cnn_members": 3, "cnn_epochs": 30, "seed": 0, **train_args}
    predicted = np.empty_like(y)
    for f in range(n_folds):
        judge = _fit(feats[fold != f], mels[fold != f], y[fold != f], classes, sample_rate_hz, **args)
        predicted[fold == f] = judge._probabilities(feats[fold == f], mels[fold == f]).argmax(-1)
    return per_class_accuracy(predicted, y, classes)


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


def _cache_key(data: Path, seed: int) -> str:
    import hashlib

    h = hashlib.sha256()
    for name in ("train.npy", "index.json"):
        h.update((data / name).read_bytes())
    h.update(f"seed={seed}".encode())
    return h.hexdigest()[:16]


def cached_judge(data: Path, seed: int = 0) -> Judge:
    """`train_judge` on the corpus' training split, kept in `<data>/judge-<key>.pt` (tensors only,
    read back with weights_only=True) so that several evaluations of one corpus share one judge.
    The key hashes the training split and the seed: a rebuilt corpus trains a new judge."""
    path = data / f"judge-{_cache_key(data, seed)}.pt"
    audio, labels, classes, sr = load_split(data, "train")
    if path.exists():
        state = torch.load(path, map_location="cpu", weights_only=True)
        nets = [_mlp(len(state["mean"]), len(classes)) for _ in state["nets"]]
        cnns = [MelCNN(len(classes)) for _ in state["cnns"]]
        for net, sd in zip(nets + cnns, state["nets"] + state["cnns"]):
            net.load_state_dict(sd)
            net.eval()
        return Judge(list(classes), state["mean"].numpy(), state["std"].numpy(), nets, cnns, sr)
    judge = train_judge(audio, labels, classes, sr, seed=seed)
    tmp = path.with_suffix(".tmp")
    torch.save({"mean": torch.from_numpy(np.asarray(judge.mean)), "std": torch.from_numpy(np.asarray(judge.std)),
                "nets": [n.state_dict() for n in judge.nets], "cnns": [c.state_dict() for c in judge.cnns]}, tmp)
    tmp.replace(path)
    return judge


def trained_on_corpus(data: Path, seed: int = 0) -> tuple:
    """(judge, held-out accuracy dict) for a corpus folder made by `export.oneshot_data`."""
    judge = cached_judge(data, seed)
    test, test_labels, classes, _ = load_split(data, "test")
    return judge, per_class_accuracy(judge.label(test), test_labels, classes)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("data/oneshot"))
    ap.add_argument("--folds", type=int, default=5, help="leave-kits-out folds on the training kits (0: skip)")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    if args.folds:
        audio, labels, classes, sr = load_split(args.data, "train")
        index = json.loads((args.data / "index.json").read_text())
        kits = np.array([e["kit"] for e in index["train"]])
        cv = cross_validate(audio, labels, kits, classes, sr, args.folds)
        per_class = np.mean([a for a, _ in cv["per_class"].values()])
        print(json.dumps({"cv_training_kits": cv, "cv_mean_per_class": round(float(per_class), 4)}, indent=1))
    _, held_out = trained_on_corpus(args.data)
    print(json.dumps({"held_out_kits": held_out}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
