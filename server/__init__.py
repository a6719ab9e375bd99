"""latentpad runtime server: OSC in, ONNX decoder, one-shot WAVs out. Never imports torch.

The rooms, lowest first; a module imports only from its own room or the rooms below it
(tests/test_layers.py checks every import):

    core/      pure: protocol table, requests, errors, settings, engine state, patterns
    presets/   bundles, manifest, onnxruntime sessions, the prior's sampler
    workers/   latest-wins work off the receive path: render, patterns, sound space, library
    io/        transports: OSC, MIDI, clocks, Link, audio voices, the JACK helper
    app.py     wires the rooms into a running server
    tools/     what a user runs besides serve: bench, fuzz, soak, doctor, devices, install, ...
    cli.py     the `latentpad` command line (and __main__.py)
"""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("latentpad")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
