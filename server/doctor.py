"""`latentpad doctor`: what this machine offers the server. Every probe catches its own errors
and says what it found; doctor itself always exits 0."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path


def _onnxruntime() -> list:
    import onnxruntime as ort

    return [f"onnxruntime {ort.__version__}, device {ort.get_device()}",
            f"providers: {', '.join(ort.get_available_providers())}"]


def _midi() -> list:
    lines = []
    try:
        import mido
        import rtmidi
    except Exception as exc:  # ImportError, or a missing shared library
        return [f"mido/rtmidi unavailable: {exc}"]
    lines.append(f"mido {metadata.version('mido')}, backend {mido.backend.name}")
    for api in rtmidi.get_compiled_api():
        name = rtmidi.get_api_display_name(api)
        try:
            probe = rtmidi.MidiIn(api)
            ins = probe.get_ports()
            probe.delete()
            probe = rtmidi.MidiOut(api)
            outs = probe.get_ports()
            probe.delete()
            lines.append(f"rtmidi {name}: inputs {ins or 'none'}, outputs {outs or 'none'}")
        except Exception as exc:  # rtmidi raises SystemError subclasses
            hint = {"ALSA": "no ALSA sequencer (/dev/snd/seq); normal in containers",
                    "Jack": "no JACK server running (start one: jackd -d dummy)"}.get(name, "")
            lines.append(f"rtmidi {name}: unavailable ({exc}){'; ' + hint if hint else ''}")
    return lines


def _audio() -> list:
    try:
        import sounddevice as sd
    except Exception as exc:  # OSError when the PortAudio library is missing
        return [f"sounddevice unavailable: {exc} (Linux: apt install libportaudio2)"]
    lines = [f"sounddevice {sd.__version__}, {sd.get_portaudio_version()[1]}"]
    try:
        devices = sd.query_devices()
        apis = sd.query_hostapis()
    except Exception as exc:  # sd.PortAudioError
        return lines + [f"PortAudio error: {exc}"]
    lines.append(f"host APIs: {', '.join(api['name'] for api in apis) or 'none'}")
    if len(devices) == 0:
        lines.append("no audio devices (a container? start jackd -d dummy for a virtual one)")
    for index, device in enumerate(devices):
        lines.append(f"[{index}] {device['name']}: {device['max_input_channels']} in, "
                     f"{device['max_output_channels']} out, {device['default_samplerate']:.0f} Hz")
    return lines


def _presets(presets_dir: Path) -> list:
    from server.errors import LatentpadError
    from server.presets import describe, list_presets, validate_bundle

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
    probes = (("models", _onnxruntime), ("midi", _midi), ("audio", _audio),
              ("presets", lambda: _presets(presets_dir)))
    for title, probe in probes:
        try:
            lines = probe()
        except Exception as exc:  # a probe bug must not hide the other sections
            lines = [f"probe failed: {type(exc).__name__}: {exc}"]
        print(f"{title}:")
        for line in lines:
            print(f"  {line}")
    return 0
