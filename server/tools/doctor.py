"""`latentpad doctor`: what this machine offers the server: onnxruntime, MIDI and audio (the
probes of `latentpad devices`, with versions) and the presets. Doctor always exits 0."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from server.tools import devices


def _onnxruntime() -> list:
    import onnxruntime as ort

    return [f"onnxruntime {ort.__version__}, device {ort.get_device()}",
            f"providers: {', '.join(ort.get_available_providers())}"]


def _midi() -> list:
    try:
        import mido
    except Exception as exc:  # ImportError, or a missing shared library
        return [f"mido unavailable: {exc}"]
    return [f"mido {metadata.version('mido')}, backend {mido.backend.name}", *devices.midi_lines()]


def _audio() -> list:
    try:
        import sounddevice as sd
    except Exception as exc:  # OSError when the PortAudio library is missing
        return [f"sounddevice unavailable: {exc} (Linux: apt install libportaudio2)"]
    return [f"sounddevice {sd.__version__}, {sd.get_portaudio_version()[1]}", *devices.audio_lines()]


def _presets(presets_dir: Path) -> list:
    from server.core.errors import LatentpadError
    from server.presets.bundle import describe, list_presets, validate_bundle

    names = list_presets(presets_dir)
    if not names:
        return [f"no presets in {presets_dir}"]
    lines = [f"in {presets_dir}:"]
    for name in names:
        try:
            lines.append(f"ok      {describe(validate_bundle(presets_dir / name))}")
        except LatentpadError as exc:
            lines.append(f"INVALID {name}: {exc}")
    return lines


def run(presets_dir: Path) -> int:
    print(f"latentpad doctor: python {platform.python_version()} on {platform.platform()} "
          f"({sys.executable})")
    return devices.print_sections((("models", _onnxruntime), ("midi", _midi), ("audio", _audio),
                                   ("presets", lambda: _presets(presets_dir))))
