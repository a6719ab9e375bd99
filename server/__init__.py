"""latentpad runtime server: OSC in, ONNX decoder, one-shot WAVs out. Never imports torch."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("latentpad")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
