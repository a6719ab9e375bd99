"""onnxruntime's side of a preset: which execution providers, and the session options (threads,
sequential execution, full graph optimisation, quiet logs). Imports no other module of ours but
errors, so the bundle check (`server.presets.bundle.validate_bundle`) and the sessions
(`server.presets.models`) both use it without importing each other.
"""

from __future__ import annotations

import onnxruntime as ort

from server.core.errors import ModelError

CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"


def choose_providers(device: str, available) -> list:
    """`auto` = CUDA when onnxruntime offers it, else CPU; `cuda` without it is an error."""
    available = list(available)
    if device == "cpu":
        return [CPU]
    if CUDA in available:
        return [CUDA, CPU]
    if device == "cuda":
        raise ModelError(f"--device cuda: onnxruntime {ort.__version__} has no {CUDA} (available: "
                         f"{', '.join(available)}); install the gpu extra (pip install "
                         "'latentpad[gpu]') or use --device cpu")
    return [CPU]


def session_options(threads: int) -> ort.SessionOptions:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only; warnings would flood the performer's terminal
    return options
