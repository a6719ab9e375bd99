"""`latentpad devices`: the MIDI ports per API and the audio devices this machine has now, and
the controller maps. Runs with no JACK server and no sound card, and says so; every probe
catches its own errors.

What it prints is what `serve --midi-in NAME` matches against: any part of a listed input name.
"""

from __future__ import annotations

from pathlib import Path

# APIs that can open a virtual port other programs connect to (WinMM cannot)
VIRTUAL_APIS = ("jack", "alsa", "core")


def midi_lines() -> list:
    try:
        import rtmidi
    except Exception as exc:  # ImportError, or a missing shared library
        return [f"python-rtmidi unavailable: {exc}"]
    from server.io.midi import choose_api, jack_running, quiet_stderr

    lines = []
    running = jack_running()
    for api in rtmidi.get_compiled_api():
        name, display = rtmidi.get_api_name(api), rtmidi.get_api_display_name(api)
        if api == rtmidi.API_UNIX_JACK and not running:
            lines.append(f"{display}: no JACK server running (start one, e.g. jackd -d dummy, to use it)")
            continue
        try:
            with quiet_stderr():
                probe_in, probe_out = rtmidi.MidiIn(api, name="latentpad-devices"), rtmidi.MidiOut(api)
            ins, outs = probe_in.get_ports(), probe_out.get_ports()
            probe_in.delete()
            probe_out.delete()
        except rtmidi.RtMidiError as exc:
            hint = " (no ALSA sequencer: /dev/snd/seq; normal in containers)" if name == "alsa" else ""
            lines.append(f"{display}: unavailable: {exc}{hint}")
            continue
        virtual = "yes" if name in VIRTUAL_APIS else "no"
        lines.append(f"{display}: virtual ports {virtual}")
        lines.append(f"  inputs:  {', '.join(ins) if ins else 'none'}")
        lines.append(f"  outputs: {', '.join(outs) if outs else 'none'}")
    try:
        lines.append(f"serve --midi-in would use: {rtmidi.get_api_display_name(choose_api())}")
    except Exception as exc:  # ConfigError: no API at all
        lines.append(f"serve --midi-in cannot run here: {exc}")
    return lines


def audio_lines() -> list:
    try:
        import sounddevice as sd
    except Exception as exc:  # OSError when the PortAudio library is missing
        return [f"sounddevice unavailable: {exc} (Linux: apt install libportaudio2)"]
    try:
        devices, apis = sd.query_devices(), sd.query_hostapis()
    except Exception as exc:  # sd.PortAudioError
        return [f"PortAudio error: {exc}"]
    if len(devices) == 0:
        return ["no audio devices (no sound card here; jackd -d dummy gives a virtual one)"]
    default_out = sd.default.device[1]
    lines = []
    for index, device in enumerate(devices):
        api = apis[device["hostapi"]]["name"]
        mark = " (default output)" if index == default_out else ""
        lines.append(f"[{index}] {device['name']} ({api}): {device['max_input_channels']} in, "
                     f"{device['max_output_channels']} out, {device['default_samplerate']:.0f} Hz{mark}")
    return lines


def controller_lines(presets_dir: Path) -> list:
    from server.core.controllers import list_maps, load_map
    from server.core.errors import LatentpadError

    lines = []
    for name in list_maps(presets_dir):
        try:
            cmap = load_map(name, presets_dir)
            ports = f"; ports {', '.join(cmap.ports)}" if cmap.ports else ""
            lines.append(f"{name}: {len(cmap.pad_of_note)} notes, {sum(map(len, cmap.ccs.values()))} "
                         f"CCs{ports}")
        except LatentpadError as exc:
            lines.append(f"INVALID {exc}")
    return lines or ["none"]


def print_sections(sections) -> int:
    """Print (title, probe) sections; a probe that raises says so and the others still run."""
    for title, probe in sections:
        try:
            lines = probe()
        except Exception as exc:  # a probe bug must not hide the other sections
            lines = [f"probe failed: {type(exc).__name__}: {exc}"]
        print(f"{title}:")
        for line in lines:
            print(f"  {line}")
    return 0


def run(presets_dir: Path) -> int:
    return print_sections((("MIDI", midi_lines), ("audio", audio_lines),
                           ("controller maps (--controller)", lambda: controller_lines(presets_dir))))
