"""The handful of named exceptions the server raises; each message says what to do next.

Foreign errors (onnxruntime, soundfile, json, OS) are translated at the boundary with
`raise ... from`, so callers only ever catch these.
"""


class LatentpadError(Exception):
    """Base of every error the server reports to a person or an OSC client."""


class ConfigError(LatentpadError):
    """A setting (CLI flag) is invalid."""


class ProtocolError(LatentpadError):
    """An OSC message is malformed; `address` names the message ("" when undecodable)."""

    def __init__(self, address: str, problem: str):
        super().__init__(f"{address or '<undecodable>'}: {problem}")
        self.address = address
        self.problem = problem


class PresetError(LatentpadError):
    """A preset bundle is missing or invalid; `field` names the manifest field at fault."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class ModelError(LatentpadError):
    """An ONNX model could not be loaded or run."""


class RenderError(LatentpadError):
    """A render could not be produced or written."""
