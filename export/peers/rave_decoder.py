"""RAVE's v2 decoder (acids-rave, from PyPI), built from its own gin configuration with random
weights: the cost of its architecture, not its sound.

`pip install --no-deps acids-rave cached-conv gin-config einops` (the `peers` extra) gives the
generator's own code. The package's `rave.core` also imports training-only modules at import time
(GPUtil, librosa, lmdb, pytorch_lightning, torchaudio) whose pinned versions do not install next
to our torch; the generator never calls them, so while its modules load, any of them that is
missing is stood in by an empty module (`_training_only_modules`). The package `__init__` (which
imports the whole training stack) is skipped: `rave` is registered as a bare package and only
`rave.blocks` and `rave.pqmf` are imported. `rave.pqmf` imports `scipy.signal.kaiser`, which
newer SciPy keeps only as `scipy.signal.windows.kaiser`; the old name is pointed at it, and
its filter design gets the scalar arguments newer SciPy wants (`_scipy_compat`).

The v2 values are read from the package's `configs/v2.gin` and the `configs/v1.gin` it includes
(macros CAPACITY, RATIOS, DILATIONS, KERNEL_SIZE, N_BAND, LATENT_SIZE; GeneratorV2 with
amplitude_modulation = True, no noise module; PQMF attenuation 100). Weight norm, a training
device, is left out (identity normalisation), as for an exported RAVE.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import sys
import types
from pathlib import Path

TRAINING_ONLY = ("GPUtil", "librosa", "lmdb", "pytorch_lightning", "torchaudio")
MACROS = ("CAPACITY", "RATIOS", "DILATIONS", "KERNEL_SIZE", "N_BAND", "LATENT_SIZE", "SAMPLING_RATE")


def _training_only_modules() -> None:
    for name in TRAINING_ONLY:
        if name in sys.modules or importlib.util.find_spec(name) is not None:
            continue
        module = types.ModuleType(name)
        sys.modules[name] = module
    lightning = sys.modules.get("pytorch_lightning")
    if isinstance(lightning, types.ModuleType) and not hasattr(lightning, "Callback"):
        lightning.Callback = lightning.LightningModule = object
        lightning.callbacks = types.SimpleNamespace(ModelCheckpoint=object)
    import scipy.signal  # rave.pqmf imports scipy.signal.kaiser, since moved to scipy.signal.windows

    if not hasattr(scipy.signal, "kaiser"):
        scipy.signal.kaiser = scipy.signal.windows.kaiser
    audio = sys.modules.get("torchaudio")
    if isinstance(audio, types.ModuleType) and not hasattr(audio, "transforms"):
        audio.transforms = types.ModuleType("torchaudio.transforms")
        audio.transforms.Spectrogram = audio.transforms.MelSpectrogram = None
        sys.modules["torchaudio.transforms"] = audio.transforms


def rave_modules() -> tuple:
    """(rave.blocks, rave.pqmf, package folder); ImportError when acids-rave is not installed."""
    package = sys.modules.get("rave")
    if package is None:
        spec = importlib.util.find_spec("rave")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("acids-rave is not installed: "
                              "pip install -e .[peers] && pip install --no-deps acids-rave")
        package = types.ModuleType("rave")
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules["rave"] = package
    folder = Path(package.__path__[0])
    _training_only_modules()
    pqmf = importlib.import_module("rave.pqmf")
    _scipy_compat(pqmf)
    return importlib.import_module("rave.blocks"), pqmf, folder


def _scipy_compat(pqmf) -> None:
    """rave.pqmf designs its filter with SciPy calls newer SciPy/NumPy refuse: `kaiserord` and
    `firwin` given a 1-element array where a scalar is due, and `firwin(nyq=)` (now `fs=`).
    The same calls, with the scalar and `fs = 2 * nyq`."""
    import numpy as np
    import scipy.signal

    pqmf.kaiserord = lambda ripple, width: scipy.signal.kaiserord(ripple, float(np.squeeze(width)))
    pqmf.firwin = lambda numtaps, cutoff, nyq=None, **kw: scipy.signal.firwin(
        numtaps, float(np.squeeze(cutoff)), fs=2 * nyq, **kw)


def v2_config(folder: Path) -> dict:
    """The macros of configs/v2.gin, over those of the configs/v1.gin it includes."""
    values: dict = {}
    for name in ("v1.gin", "v2.gin"):
        text = (folder / "configs" / name).read_text()
        for macro in MACROS:
            match = re.search(rf"^{macro}\s*=\s*(\[[^=]*?\]|\S+)\s*$", text, re.M | re.S)
            if match:
                values[macro] = ast.literal_eval(match.group(1))
    return values


def build(seconds: float) -> tuple:
    """(decode(z) -> audio [1, 1, samples], latent tensor for `seconds` of audio, config)."""
    import cached_conv as cc
    import torch

    blocks, pqmf, folder = rave_modules()
    cfg = v2_config(folder)
    cc.use_cached_conv(False)
    generator = blocks.GeneratorV2(
        data_size=cfg["N_BAND"], capacity=cfg["CAPACITY"], ratios=cfg["RATIOS"],
        latent_size=cfg["LATENT_SIZE"], kernel_size=cfg["KERNEL_SIZE"], dilations=cfg["DILATIONS"],
        amplitude_modulation=True).eval()
    bank = pqmf.CachedPQMF(attenuation=100, n_band=cfg["N_BAND"]).eval()
    hop = cfg["N_BAND"] * int(torch.tensor(cfg["RATIOS"]).prod())
    frames = max(1, round(seconds * cfg["SAMPLING_RATE"] / hop))
    z = torch.randn(1, cfg["LATENT_SIZE"], frames)

    class Decode(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.generator, self.bank = generator, bank

        def forward(self, z):
            return self.bank.inverse(self.generator(z))

    cfg.update(hop_samples=hop, frames=frames, samples=frames * hop,
               parameters=sum(p.numel() for p in generator.parameters()))
    return Decode().eval(), z, cfg
