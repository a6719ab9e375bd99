"""presets: preset bundles and the models in them.

Lives here: finding, loading and validating a bundle (`bundle`, `manifest`), onnxruntime's options
and providers (`runtime`), the sessions and their warm-up (`models`) and the diffusion prior's
sampler (`prior`).

May import: `server.core` and onnxruntime. Not workers, io, app, cli or tools.
"""
