"""`latentpad` command line. Subcommands are a table; only this module configures logging.

    latentpad serve   [--host H] [--port P] [--preset NAME] [--presets-dir DIR] [--render-dir DIR]
                      [--device auto|cpu|cuda] [--threads N] [--seed N] [--reply-port P] [--keep N]
    latentpad render  [--preset NAME] (--xy X Y | --latent Z... | --random [--spread S])
                      [--seed N] [--sample-rate HZ] -o out.wav
    latentpad pattern [--preset NAME] [--xy X Y] [--density D] [--temperature T] [--seed N]
                      [--bpm BPM] -o groove.mid
    latentpad continue OPENING.mid -o next.mid [--bars N] [--temperature T] [--top-p P] [--seed N]
    latentpad classify FILE... [--preset NAME]
    latentpad kit     [--preset NAME] -o DIR [--sample-rate HZ] [--seed N]
    latentpad index   --library DIR [--preset NAME]
    latentpad similar FILE [--library DIR] [--preset NAME] [-k N]
    latentpad map     [--preset NAME] -o map.png [--data-dir DIR] [--library DIR]
    latentpad doctor  [--presets-dir DIR]
    latentpad devices [--presets-dir DIR]
    latentpad bench   [--seconds S] [--pings N] [--preset NAME] [--json out.json] [--skip SECTION...]
                      [--only SECTION...] [--plot growth.png] [--moves N]
    latentpad fuzz    [--datagrams N] [--seed N] [--preset NAME]
    latentpad soak    [--minutes M | --seconds S] [--window S] [--load perform|install] [--json out.json]
    latentpad train oneshot|groove|prior DIR [--preset NAME] [--steps N] [--device cpu|cuda] [--resume]
    latentpad train melody DIR [--preset NAME] [--steps N]
    latentpad export oneshot --ckpt C --data D --out presets/NAME
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import ipaddress
import logging
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from server.core.config import (DEFAULT_PRESETS_DIR, DEVICES, Settings, default_render_dir,
                                default_sample_dirs, default_save_dir, server_render_dir)
from server.core.errors import LatentpadError

log = logging.getLogger("server.cli")


def _is_loopback(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_DGRAM)
        return all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)
    except (OSError, ValueError):
        return False


def _add_preset_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--preset", default="default", help="preset name (a folder in --presets-dir)")
    p.add_argument("--presets-dir", type=Path, default=DEFAULT_PRESETS_DIR, help="presets folder")
    p.add_argument("--device", choices=DEVICES, default="auto", help="onnxruntime device")
    p.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads")


def _load(settings: Settings):
    from server.presets.bundle import load_preset
    from server.presets.models import load_models

    return load_models(load_preset(settings.presets_dir, settings.preset), settings.device,
                       settings.intra_op_threads)


# --- serve ------------------------------------------------------------------------------------
def _serve_args(p: argparse.ArgumentParser) -> None:
    _add_preset_args(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback)")
    p.add_argument("--port", type=int, default=9000, help="UDP port (0 = any free port)")
    p.add_argument("--reply-port", type=int, default=9001,
                   help="reply port for clients that never sent /hello")
    p.add_argument("--render-dir", type=Path, default=None,
                   help=f"where WAVs are written (default {default_render_dir()})")
    p.add_argument("--keep", type=int, default=4, help="renders kept per pad")
    p.add_argument("--seed", type=int, default=None, help="seed for /pad/random and /pad/vary")
    p.add_argument("--sample-dir", type=Path, action="append", default=None,
                   help="folder /pad/encode may read from (repeatable; default your home folder)")
    p.add_argument("--encode-refine-steps", type=int, default=None, metavar="N",
                   help="refinement steps /pad/encode takes after the encoder (0..200; 0: off, faster "
                        "but farther from the file; default: the preset's refine.steps)")
    p.add_argument("--draw-class-check", type=int, default=None, metavar="N",
                   help="class draws (/pad/random pad class) try up to N candidates and keep the first "
                        "the encoder's class head hears as that class (1..16; 1: off; default: the "
                        "preset's prior.class_check): surer of the class, less varied")
    p.add_argument("--save-dir", type=Path, default=None,
                   help=f"where /pad/save copies renders (default {default_save_dir()})")
    p.add_argument("--library", type=Path, action="append", default=None,
                   help="folder of sounds /pad/similar searches (repeatable; indexed at start)")
    p.add_argument("--midi-in", default=None, metavar="NAME|virtual",
                   help="MIDI input: part of a port's name (see latentpad devices), or 'virtual' for "
                        "our own port 'latentpad in'; reopened when the controller is plugged back in")
    p.add_argument("--controller", default=None, metavar="MAP",
                   help="controller map in presets/controllers/ (gm_pads, push2, launchpad, mpd218); "
                        "default gm_pads; its port names are used when --midi-in is not given")
    p.add_argument("--clock", choices=("internal", "midi", "link"), default="internal",
                   help="the beat for --midi-out/--clock-out: our own (--bpm), MIDI clock from Live "
                        "(port 'latentpad clock in' or --clock-in), or Ableton Link (the link extra)")
    p.add_argument("--bpm", type=float, default=120.0, help="tempo of the internal clock (20..400)")
    p.add_argument("--midi-out", action="store_true",
                   help="play the current pattern on the clock through MIDI port 'latentpad out' (ch. 10)")
    p.add_argument("--clock-out", action="store_true",
                   help="send the clock as MIDI clock (24 ppq, start/stop) on port 'latentpad clock out'")
    p.add_argument("--clock-in", default=None, metavar="NAME",
                   help="with --clock midi: follow the MIDI output port named like NAME")
    from server.io.audio import add_audio_args

    add_audio_args(p)


def _serve(args) -> int:
    from server.app import serve

    settings = Settings(host=args.host, port=args.port, reply_port=args.reply_port,
                        presets_dir=args.presets_dir, preset=args.preset,
                        render_dir=args.render_dir or default_render_dir(), device=args.device,
                        intra_op_threads=args.threads, keep_renders_per_pad=args.keep, seed=args.seed,
                        sample_dirs=tuple(args.sample_dir or default_sample_dirs()),
                        encode_refine_steps=args.encode_refine_steps, draw_class_check=args.draw_class_check,
                        save_dir=args.save_dir or default_save_dir(),
                        library_dirs=tuple(args.library or ()),
                        midi_in=args.midi_in, controller=args.controller,
                        clock=args.clock, bpm=args.bpm, midi_out=args.midi_out, clock_out=args.clock_out,
                        clock_in=args.clock_in)
    if not _is_loopback(settings.host):
        print(f"latentpad: warning: listening on {settings.host}, not loopback: anyone who can "
              "reach this port can drive the server and make it write files", file=sys.stderr)
    models = _load(settings)
    audio = setup = None
    if args.audio:
        from server.io.audio import attach, for_app

        audio = for_app(args, models)
        setup = lambda app: attach(app, audio)  # noqa: E731

    def ready(bound: tuple) -> None:
        print(f"latentpad ready: osc udp {bound[0]}:{bound[1]}, preset {models.preset.name} "
              f"(decoder {models.decoder_warm_ms:.2f} ms warm), provider {models.provider}, "
              f"renders -> {server_render_dir(settings.render_dir, bound[1])}", flush=True)
        if audio is not None:
            print(f"latentpad audio: {audio.description}, {audio.engine.settings.voices} voices", flush=True)

    try:
        asyncio.run(serve(settings, models, ready, setup))
    finally:
        if audio is not None:
            audio.close()
    return 0


# --- render -----------------------------------------------------------------------------------
def _render_args(p: argparse.ArgumentParser) -> None:
    _add_preset_args(p)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--xy", type=float, nargs=2, metavar=("X", "Y"), help="point on the XY map")
    where.add_argument("--latent", type=float, nargs="+", metavar="Z", help="full latent vector")
    where.add_argument("--random", action="store_true", help="a point drawn from the prior")
    p.add_argument("--spread", type=float, default=1.0, help="prior spread for --random")
    p.add_argument("--seed", type=int, default=None, help="seed for --random")
    p.add_argument("--sample-rate", type=int, default=None, help="output rate (default: the model's)")
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="file to write: .wav, .flac or .aif(f), 24-bit (its folder is created)")


# flag -> the OSC message the server would get for it (same decode, same engine)
_RENDER_POINT = (  # (attribute, the flag an error names, message)
    ("xy", "--xy", lambda a: ("/pad/xy", [0, *a.xy])),
    ("latent", "--latent", lambda a: ("/pad/latent", [0, *a.latent])),
    ("random", "--spread", lambda a: ("/pad/random", [0, a.spread])),
)


def _render(args) -> int:
    from server.core.engine import Engine
    from server.tools.flags import AUDIO_SUFFIXES, decode_flag, output_file
    from server.workers.render import render_to_file

    settings = Settings(presets_dir=args.presets_dir, preset=args.preset, device=args.device,
                        intra_op_threads=args.threads, seed=args.seed)
    output = output_file(args.output, AUDIO_SUFFIXES, "hit.wav")
    models = _load(settings)
    engine = Engine(models.preset, settings.seed)
    flag, message = next(((flag, build(args)) for attr, flag, build in _RENDER_POINT if getattr(args, attr)),
                         ("--preset", ("/pad/render", [0])))  # no flag: pad 0's start point
    if args.sample_rate is not None:  # the server's own range check
        decode_flag("--sample-rate", "/hello", [1, args.sample_rate], engine.latent_size)
    job = engine.apply(decode_flag(flag, *message, engine.latent_size))
    path = render_to_file(models, job, output, args.sample_rate)
    rate = args.sample_rate or models.preset.sample_rate_hz
    print(f"wrote {path} ({rate} Hz, 24-bit, preset {models.preset.name}, {models.provider})")
    return 0


# --- pattern ----------------------------------------------------------------------------------
def _pattern_args(p: argparse.ArgumentParser) -> None:
    _add_preset_args(p)
    p.add_argument("--xy", type=float, nargs=2, metavar=("X", "Y"), default=(0.5, 0.5),
                   help="point on the groove map (default the centre)")
    p.add_argument("--density", type=float, default=None, help="density of every instrument, 0..1 (0.5 = as decoded)")
    p.add_argument("--temperature", type=float, default=None, help="0 = most likely pattern, 1 = sampled")
    p.add_argument("--seed", type=int, default=None, help="seed for sampling (same seed, same pattern)")
    p.add_argument("--bpm", type=float, default=120.0, help="tempo written into the file")
    p.add_argument("-o", "--output", type=Path, required=True, help=".mid file to write (its folder is created)")


def _pattern(args) -> int:
    from server.core.engine import Engine
    from server.core.groove_midi import write_pattern
    from server.tools.flags import MIDI_SUFFIXES, decode_flag, output_file
    from server.workers.pattern_worker import decode_pattern

    settings = Settings(presets_dir=args.presets_dir, preset=args.preset, device=args.device,
                        intra_op_threads=args.threads, seed=args.seed)
    output = output_file(args.output, MIDI_SUFFIXES, "groove.mid")
    models = _load(settings)
    engine = Engine(models.preset, settings.seed)
    # the same messages, decode and engine as the server: flags -> OSC requests
    messages = [("--density", "/pattern/density", [args.density])] if args.density is not None else []
    messages += [("--temperature", "/pattern/temperature", [args.temperature])] if args.temperature is not None else []
    messages.append(("--xy", "/pattern/xy", list(args.xy)))
    for flag, address, values in messages:
        job = engine.apply_pattern(decode_flag(flag, address, values, engine.latent_size))
    pattern = decode_pattern(models.groove, job)
    path = write_pattern(pattern, output, args.bpm)
    print(f"wrote {path} ({int(pattern.hits.sum())} hits, 2 bars at {args.bpm:g} BPM, channel 10, "
          f"preset {models.preset.name})")
    return 0


# --- classify / kit (server.tools.offline) ------------------------------------------------------------
def _offline(name: str, module: str = "offline") -> Command:
    def add_args(p: argparse.ArgumentParser) -> None:
        offline = importlib.import_module(f"server.tools.{module}")
        getattr(offline, f"{name}_args")(p, _add_preset_args)

    def run(args) -> int:
        offline = importlib.import_module(f"server.tools.{module}")
        settings = Settings(presets_dir=args.presets_dir, preset=args.preset, device=args.device,
                            intra_op_threads=args.threads)
        return getattr(offline, name)(args, _load(settings))
    return add_args, run


# --- doctor / bench (own modules, imported when used) -----------------------------------------
def _doctor_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--presets-dir", type=Path, default=DEFAULT_PRESETS_DIR, help="presets folder")


def _doctor(args) -> int:
    from server.tools.doctor import run

    return run(args.presets_dir.resolve())


def _devices(args) -> int:
    from server.tools.devices import run

    return run(args.presets_dir.resolve())


def _bench_args(p: argparse.ArgumentParser) -> None:
    _add_preset_args(p)
    p.add_argument("--seconds", type=float, default=3.0, help="seconds per flood phase")
    p.add_argument("--pings", type=int, default=1000, help="number of /ping round trips")
    p.add_argument("--rate", type=float, default=200.0, help="moves per second per pad")
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    p.add_argument("--skip", nargs="*", default=(), metavar="SECTION",
                   help="further sections to leave out, e.g. peers growth (they need torch and take minutes)")
    p.add_argument("--only", nargs="+", default=(), metavar="SECTION",
                   help="run just these further sections (e.g. pattern), without the core pings and /pad/xy floods")
    p.add_argument("--plot", type=Path, default=None, help="growth section: save its plot here (PNG)")
    p.add_argument("--moves", type=int, default=None,
                   help="pattern section: /pattern/xy round trips to time (default 300)")


def _bench(args) -> int:
    from server.tools.bench import run

    return run(args)


# --- train / export: the torch side, in export/; handed over whole, imported only when used ------
TRAINS = {"oneshot": "the one-shot VAE on a folder of sounds, then a preset bundle",
          "groove": "the drum-pattern VAE on a folder of MIDI clips",
          "prior": "a preset's latent diffusion prior on a folder of sounds (settles its XY map)",
          "melody": "fine-tune a preset's melody model on a folder of .mid files"}
EXPORTS = {"oneshot": "a one-shot checkpoint to a preset bundle",
           "groove": "a groove checkpoint to ONNX files, or into a preset"}


def _torch_side_args(models: dict):
    """The model choices listed here (so `--help` needs no torch); the rest goes to export.cli."""
    def add_args(p: argparse.ArgumentParser) -> None:
        p.formatter_class = argparse.RawDescriptionHelpFormatter
        p.epilog = "models:\n" + "\n".join(f"  {name:8}  {what}" for name, what in models.items()) + (
            f"\n\neach model's own flags: latentpad {p.prog.split()[-1]} MODEL --help")
        p.add_argument("model", choices=tuple(models), metavar="MODEL", help=", ".join(models))
        p.add_argument("rest", nargs=argparse.REMAINDER, metavar="...", help="the model's own arguments")
    return add_args


def _torch_side(args) -> int:
    from export.cli import main as export_main  # needs the `export` extra (torch)

    return export_main([args.command, args.model, *args.rest])


@dataclass(frozen=True)
class Command:
    help: str
    add_args: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS = {
    "serve": Command("run the OSC server", _serve_args, _serve),
    "render": Command("render one one-shot to a WAV, offline", _render_args, _render),
    "pattern": Command("write a 2-bar drum pattern from the groove model to a .mid", _pattern_args, _pattern),
    "continue": Command("continue a melody (.mid) with the preset's melody model, to a .mid",
                        *_offline("continue_melody", "continue_cli")),
    "classify": Command("print class probabilities of sound files (needs an encoder)", *_offline("classify")),
    "kit": Command("render the 16 pads' start points to DIR/01_<class>.wav … for a Drum Rack", *_offline("kit")),
    "index": Command("index a sample library for similarity search (needs an encoder)",
                     *_offline("index", "library_cli")),
    "similar": Command("print the library sounds nearest a sound file", *_offline("similar", "library_cli")),
    "map": Command("draw the preset's XY map (and sounds placed on it) to a PNG (needs matplotlib)",
                   *_offline("map", "library_cli")),
    "doctor": Command("check onnxruntime, MIDI, audio and presets", _doctor_args, _doctor),
    "devices": Command("list MIDI ports per API, audio devices and controller maps", _doctor_args, _devices),
    "bench": Command("measure OSC round trip and render latency", _bench_args, _bench),
    "install": Command("run an evolving piece with no Live, on the audio device (settings in one file)",
                       lambda p: importlib.import_module("server.tools.install").install_args(p, _add_preset_args),
                       lambda args: importlib.import_module("server.tools.install").run(args)),
    "m4l": Command("copy the Max for Live devices into Live's User Library (or --to DIR)",
                   lambda p: importlib.import_module("m4l.install").add_args(p),
                   lambda args: importlib.import_module("m4l.install").run(args)),
    "fuzz": Command("send bad datagrams from every address in the OSC table to a fresh server; "
                    "check one /error each and no state change", *_offline("fuzz", "fuzz_run")),
    "soak": Command("run a performance load on a fresh server for minutes; check errors, memory and "
                    "latency drift", *_offline("soak", "soak")),
    "train": Command("train a model on your own sounds (needs the export extra)", _torch_side_args(TRAINS),
                     _torch_side),
    "export": Command("export a checkpoint to a preset bundle (needs the export extra)",
                      _torch_side_args(EXPORTS), _torch_side),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="latentpad", description=__doc__.split("\n")[0])
    parser.add_argument("--log-level", default="warning",
                        choices=("debug", "info", "warning", "error"), help="stderr log level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, help=command.help, description=command.help)
        command.add_args(p)
        p.set_defaults(run=command.run)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        return args.run(args)
    except LatentpadError as exc:
        print(f"latentpad {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
