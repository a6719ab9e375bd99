"""workers: the work done off the receive path, latest wins.

Lives here: the latest-wins thread base (`tasks`), one-shot renders and their WAV files (`render`),
pattern decoding (`pattern_worker`), the sound-space gestures (`space`, `analysis`), the diffusion
gestures (`diffusion`) and the sample library with its similarity search (`library`, `similar`).

May import: `server.core` and `server.presets`. Not io, app, cli or tools.
"""
