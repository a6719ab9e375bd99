"""The one-shot waveform VAE.

decoder: z -> 16 PQMF bands at 2.76 kHz (three x4 transposed-conv stages with dilated residual
blocks) plus a 16-band filtered-noise branch (hats and cymbals are mostly shaped noise), summed,
shaped by a per-band gain envelope, and turned into 44.1 kHz audio by the PQMF synthesis bank. Nothing runs at the full rate but the
final fixed filter bank, which is what makes a 1 s render take a few milliseconds on a CPU.

encoder: audio -> PQMF bands -> strided convs -> (mu, logvar); a class head reads mu.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn import functional as F

from export.oneshot.metrics import mel_filterbank
from export.oneshot.pqmf import PQMF


@dataclass(frozen=True)
class OneshotConfig:
    latent_size: int = 32
    n_classes: int = 8
    length: int = 45056                        # samples; must be a multiple of bands * 4**3
    sample_rate_hz: int = 44100
    bands: int = 16
    dec_channels: tuple[int, ...] = (128, 96, 64, 32)
    enc_channels: tuple[int, ...] = (64, 96, 128, 192)
    noise_seed: int = 1234

    @property
    def frames(self) -> int:
        return self.length // self.bands

    @property
    def base_frames(self) -> int:
        return self.frames // 4 ** (len(self.dec_channels) - 1)

    def as_dict(self) -> dict:
        return asdict(self)

    def check(self) -> None:
        if self.length % (self.bands * 4 ** (len(self.dec_channels) - 1)):
            raise ValueError(f"length {self.length} must be a multiple of "
                             f"{self.bands * 4 ** (len(self.dec_channels) - 1)}")


class ResBlock(nn.Module):
    def __init__(self, ch: int, dilations: tuple[int, ...] = (1, 3, 9)):
        super().__init__()
        self.convs = nn.ModuleList(
            nn.Sequential(nn.LeakyReLU(0.2), nn.Conv1d(ch, ch, 3, dilation=d, padding=d),
                          nn.LeakyReLU(0.2), nn.Conv1d(ch, ch, 1))
            for d in dilations)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for conv in self.convs:
            x = x + conv(x)
        return x


class Decoder(nn.Module):
    def __init__(self, cfg: OneshotConfig):
        super().__init__()
        self.cfg = cfg
        c = cfg.dec_channels
        self.fc = nn.Linear(cfg.latent_size, c[0] * cfg.base_frames)
        self.stages = nn.ModuleList(
            nn.Sequential(nn.LeakyReLU(0.2), nn.ConvTranspose1d(c[i], c[i + 1], 8, stride=4, padding=2),
                          ResBlock(c[i + 1]))
            for i in range(len(c) - 1))
        self.wave_out = nn.Conv1d(c[-1], cfg.bands, 7, padding=3)
        self.noise_amp = nn.Conv1d(c[-2], cfg.bands, 3, padding=1)
        # per-band gain envelope in (0, 1): lets tails decay to true silence; without it biases
        # leave a constant value in each band, which the synthesis bank turns into a steady hum
        self.gate = nn.Conv1d(c[-2], cfg.bands, 3, padding=1)
        nn.init.constant_(self.gate.bias, 2.0)
        g = torch.Generator().manual_seed(cfg.noise_seed)
        self.register_buffer("noise", torch.randn(1, cfg.bands, cfg.frames, generator=g))
        self.pqmf = PQMF(cfg.bands)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        """z [B, latent] -> audio [B, length]"""
        x = self.fc(z).view(z.shape[0], self.cfg.dec_channels[0], self.cfg.base_frames)
        for i, stage in enumerate(self.stages):
            if i == len(self.stages) - 1:
                amp = F.softplus(self.noise_amp(x) - 3.0)
                amp = F.interpolate(amp, scale_factor=4.0, mode="linear", align_corners=False)
                gate = torch.sigmoid(self.gate(x))
                gate = F.interpolate(gate, scale_factor=4.0, mode="linear", align_corners=False)
            x = stage(x)
        bands = (self.wave_out(x) + amp * self.noise) * gate
        return self.pqmf.synthesis(bands, self.cfg.length)[:, 0, :]


class Encoder(nn.Module):
    def __init__(self, cfg: OneshotConfig):
        super().__init__()
        c = cfg.enc_channels
        self.pqmf = PQMF(cfg.bands)
        self.inp = nn.Conv1d(cfg.bands, c[0], 7, padding=3)
        self.stages = nn.Sequential(*(
            nn.Sequential(ResBlock(c[i], (1, 3)), nn.LeakyReLU(0.2),
                          nn.Conv1d(c[i], c[i + 1], 8, stride=4, padding=2))
            for i in range(len(c) - 1)))
        self.out = nn.Linear(c[-1] * cfg.base_frames, 2 * cfg.latent_size)
        self.head = nn.Sequential(nn.Linear(cfg.latent_size, 64), nn.LeakyReLU(0.2),
                                  nn.Linear(64, cfg.n_classes))
        self.latent_size = cfg.latent_size

    def forward(self, audio: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """audio [B, length] -> mu, logvar [B, latent], class_logits [B, classes]"""
        x = self.pqmf.analysis(audio[:, None, :]) * 4.0
        x = self.stages(self.inp(x))
        x = F.leaky_relu(x, 0.2).flatten(1)
        h = self.out(x)
        mu, logvar = h[:, : self.latent_size], h[:, self.latent_size:]  # constant slices: static ONNX shapes
        logvar = logvar.clamp(-12.0, 6.0)
        return mu, logvar, self.head(mu)


class OneshotVAE(nn.Module):
    def __init__(self, cfg: OneshotConfig):
        super().__init__()
        cfg.check()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)

    def forward(self, audio: torch.Tensor):
        mu, logvar, logits = self.encoder(audio)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.decoder(z), mu, logvar, logits


class MultiResolutionSTFTLoss(nn.Module):
    """Spectral convergence + log-magnitude L1 over several FFT sizes (transients need small ones)."""

    def __init__(self, sizes: tuple[int, ...] = (2048, 1024, 512, 256, 128, 64)):
        super().__init__()
        self.sizes = sizes
        for n in sizes:
            self.register_buffer(f"win{n}", torch.hann_window(n))

    def spec(self, x: torch.Tensor, n: int) -> torch.Tensor:
        s = torch.stft(x, n, hop_length=n // 4, window=getattr(self, f"win{n}"), return_complex=True)
        return s.abs().clamp_min(1e-5)

    def forward(self, y: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        loss = y.new_zeros(())
        for n in self.sizes:
            sy, sx = self.spec(y, n), self.spec(x, n)
            sc = torch.linalg.norm(sx - sy, dim=(-2, -1)) / torch.linalg.norm(sx, dim=(-2, -1)).clamp_min(1e-3)
            loss = loss + sc.mean() + (sy.log() - sx.log()).abs().mean()
        return loss / len(self.sizes)


class LogMelLoss(nn.Module):
    """Mean absolute log-mel difference in dB / 10, both floored 80 dB below the target's peak: the
    held-out measure's own terms. The STFT loss's log-magnitudes weigh a -120 dB tail like a -20 dB
    body; this term cares only about what is audible, which is where the errors are (see
    `python -m export.oneshot.heldout measure PRESET --by-level` and docs/models.md)."""

    def __init__(self, sample_rate_hz: int, n_fft: int = 2048, hop: int = 512, n_mels: int = 64,
                 floor_db: float = 80.0):
        super().__init__()
        self.n_fft, self.hop, self.floor_db = n_fft, hop, floor_db
        self.register_buffer("win", torch.hann_window(n_fft))
        self.register_buffer("fb", torch.from_numpy(mel_filterbank(sample_rate_hz, n_fft, n_mels).T.copy()))

    def db(self, x: torch.Tensor) -> torch.Tensor:
        s = torch.stft(x, self.n_fft, hop_length=self.hop, window=self.win, return_complex=True)
        power = s.real.square() + s.imag.square()  # [batch, bins, frames]
        return 10 * torch.log10((power.transpose(-1, -2) @ self.fb).clamp_min(1e-8))

    def forward(self, y: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        my, mx = self.db(y), self.db(x)
        floor = mx.detach().amax(dim=(-2, -1), keepdim=True) - self.floor_db
        return (torch.maximum(my, floor) - torch.maximum(mx, floor)).abs().mean() / 10


class AttackLoss(nn.Module):
    """The first `attack_s` (30 ms after the 2 ms pre-roll) at fine time resolution: spectral
    convergence + log-magnitude L1 at FFT sizes 256 down to 32. The full-length losses average
    over a second of audio, so a lost kick click or a smeared snare crack costs them little."""

    def __init__(self, sample_rate_hz: int, attack_s: float = 0.032):
        super().__init__()
        self.n = int(attack_s * sample_rate_hz)
        self.stft = MultiResolutionSTFTLoss(sizes=(256, 128, 64, 32))

    def forward(self, y: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.stft(y[:, : self.n], x[:, : self.n])


class EnvelopeLoss(nn.Module):
    """The loudness envelope: RMS level in 5.8 ms frames, in dB relative to the TARGET's peak,
    both sides floored 60 dB below it, mean absolute difference / 10. Tails that grow (a closed
    hat coming back open) and levels that drift cost here, in the target's own scale."""

    def __init__(self, frame: int = 512, hop: int = 256, floor_db: float = 60.0):
        super().__init__()
        self.frame, self.hop, self.floor_db = frame, hop, floor_db

    def db(self, x: torch.Tensor) -> torch.Tensor:
        frames = x.unfold(-1, self.frame, self.hop)
        return 10 * torch.log10(frames.square().mean(-1).clamp_min(1e-10))

    def forward(self, y: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        ey, ex = self.db(y), self.db(x)
        floor = ex.detach().amax(-1, keepdim=True) - self.floor_db
        return (torch.maximum(ey, floor) - torch.maximum(ex, floor)).abs().mean() / 10


def kl_divergence(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    return 0.5 * (mu.pow(2) + logvar.exp() - 1.0 - logvar).sum(-1).mean()


def count_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())
