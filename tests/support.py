"""Test helpers: a tiny but real preset bundle (built with onnx, no torch), a UDP OSC client,
and a `latentpad serve` subprocess."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

REPO = Path(__file__).resolve().parent.parent
LATENT = 8
LENGTH = 4410
RATE = 44100
CLASSES = ["kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "perc"]
NOTES = [36, 38, 39, 42, 46, 45, 49, 37]


# --- bundle -----------------------------------------------------------------------------------
def tiny_decoder_weight() -> np.ndarray:
    """The tiny decoder is audio = tanh(z @ W): a sine bank, z picks the mix."""
    n = np.arange(LENGTH) / RATE
    freqs = 80.0 * 1.5 ** np.arange(LATENT)
    return (0.5 * np.sin(2 * np.pi * freqs[:, None] * n) * np.exp(-n / 0.03)).astype(np.float32)


def tiny_point_of(wav_path) -> np.ndarray:
    """The latent point a tiny-bundle render (at 44.1 kHz) came from: least squares on
    arctanh(audio) = z @ W, over the samples tanh did not squash."""
    import soundfile as sf

    audio, _ = sf.read(str(wav_path), dtype="float64")
    weight = tiny_decoder_weight().astype(np.float64)
    keep = np.abs(audio) < 0.9
    z, *_ = np.linalg.lstsq(weight[:, keep].T, np.arctanh(audio[keep]), rcond=None)
    return z


def _decoder_model():
    from onnx import TensorProto, helper, numpy_helper

    weight = tiny_decoder_weight()
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["z", "W"], ["mixed"]), helper.make_node("Tanh", ["mixed"], ["audio"])],
        "tiny_decoder",
        [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["batch", LATENT])],
        [helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["batch", LENGTH])],
        [numpy_helper.from_array(weight, "W")],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def _encoder_model():
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(1)
    weights = [numpy_helper.from_array((rng.standard_normal((LENGTH, size)) * 0.01).astype(np.float32), name)
               for name, size in (("Wm", LATENT), ("Wl", LATENT), ("Wc", len(CLASSES)))]
    nodes = [helper.make_node("MatMul", ["audio", w], [out])
             for w, out in (("Wm", "mu"), ("Wl", "logvar"), ("Wc", "class_logits"))]
    graph = helper.make_graph(
        nodes, "tiny_encoder",
        [helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["batch", LENGTH])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", size])
         for name, size in (("mu", LATENT), ("logvar", LATENT), ("class_logits", len(CLASSES)))],
        weights,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tiny_manifest(name: str, folder: Path) -> dict:
    rng = np.random.default_rng(0)
    rows = cols = 4
    points = (rng.standard_normal((rows * cols, LATENT)) * 1.5).round(4).tolist()
    return {
        "schema": 1,
        "name": name,
        "description": "tiny test preset: sine-bank decoder, linear encoder",
        "sample_rate_hz": RATE,
        "length_samples": LENGTH,
        "latent_size": LATENT,
        "classes": CLASSES,
        "drum_map": dict(zip(CLASSES, NOTES)),
        "models": {
            "oneshot.decoder": {
                "file": "decoder.onnx", "sha256": sha256(folder / "decoder.onnx"),
                "inputs": [{"name": "z", "shape": ["batch", LATENT], "dtype": "float32"}],
                "outputs": [{"name": "audio", "shape": ["batch", LENGTH], "dtype": "float32"}],
            },
            "oneshot.encoder": {
                "file": "encoder.onnx", "sha256": sha256(folder / "encoder.onnx"),
                "inputs": [{"name": "audio", "shape": ["batch", LENGTH], "dtype": "float32"}],
                "outputs": [{"name": "mu", "shape": ["batch", LATENT], "dtype": "float32"},
                            {"name": "logvar", "shape": ["batch", LATENT], "dtype": "float32"},
                            {"name": "class_logits", "shape": ["batch", len(CLASSES)], "dtype": "float32"}],
            },
        },
        "xy_map": {"kind": "grid", "rows": rows, "cols": cols, "points": points,
                   "class_regions": {"kick": [0.1, 0.1]}},
        "latent_prior": {"mean": [0.0] * LATENT, "std": [1.0] * LATENT},
        "pads": [{"pad": i, "xy": [(i % 4) / 3, (i // 4) / 3]} for i in range(16)],
        "training": {"command": "tests/support.py", "data": [], "metrics": {}, "parity": {}},
    }


def build_bundle(presets_dir: Path, name: str = "tiny") -> Path:
    import onnx

    folder = Path(presets_dir) / name
    folder.mkdir(parents=True)
    onnx.save(_decoder_model(), folder / "decoder.onnx")
    onnx.save(_encoder_model(), folder / "encoder.onnx")
    write_manifest(folder, tiny_manifest(name, folder))
    return folder


# --- groove (drum patterns): a tiny linear decoder/encoder added to a bundle ---------------------
GROOVE_LATENT = 4
GROOVE_SHAPE = (9, 32)


def _groove_decoder_model():
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(2)
    cells = GROOVE_SHAPE[0] * GROOVE_SHAPE[1]
    inits = [numpy_helper.from_array((rng.standard_normal((GROOVE_LATENT, cells)) * s).astype(np.float32), name)
             for name, s in (("Wh", 2.0), ("Wv", 1.0), ("Wo", 1.0))]
    inits += [numpy_helper.from_array(np.array([-1, *GROOVE_SHAPE], np.int64), "shape"),
              numpy_helper.from_array(np.array(0.5, np.float32), "half")]
    make = helper.make_node
    nodes = [make("MatMul", ["z", "Wh"], ["h"]), make("Reshape", ["h", "shape"], ["hit_logits"]),
             make("MatMul", ["z", "Wv"], ["v"]), make("Reshape", ["v", "shape"], ["v3"]),
             make("Sigmoid", ["v3"], ["velocity"]),
             make("MatMul", ["z", "Wo"], ["o"]), make("Reshape", ["o", "shape"], ["o3"]),
             make("Tanh", ["o3"], ["o4"]), make("Mul", ["o4", "half"], ["offset"])]
    graph = helper.make_graph(
        nodes, "tiny_groove_decoder",
        [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["batch", GROOVE_LATENT])],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["batch", *GROOVE_SHAPE])
         for n in ("hit_logits", "velocity", "offset")], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


def _groove_encoder_model():
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(3)
    size = GROOVE_SHAPE[0] * GROOVE_SHAPE[1] * 3
    inits = [numpy_helper.from_array((rng.standard_normal((size, GROOVE_LATENT)) * 0.05).astype(np.float32), n)
             for n in ("Wm", "Wl")] + [numpy_helper.from_array(np.array([-1, size], np.int64), "flat")]
    make = helper.make_node
    nodes = [make("Reshape", ["pattern", "flat"], ["x"]), make("MatMul", ["x", "Wm"], ["mu"]),
             make("MatMul", ["x", "Wl"], ["logvar"])]
    graph = helper.make_graph(
        nodes, "tiny_groove_encoder",
        [helper.make_tensor_value_info("pattern", TensorProto.FLOAT, ["batch", *GROOVE_SHAPE, 3])],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["batch", GROOVE_LATENT]) for n in ("mu", "logvar")],
        inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)


GROOVE_INSTRUMENTS = ["kick", "snare", "closed_hat", "open_hat", "low_tom", "mid_tom", "high_tom", "crash", "ride"]
GROOVE_NOTES = [36, 38, 42, 46, 45, 47, 50, 49, 51]


def add_groove(folder: Path) -> Path:
    """Add tiny groove.decoder / groove.encoder models and the `groove` object to a bundle."""
    import onnx

    folder = Path(folder)
    onnx.save(_groove_decoder_model(), folder / "groove_decoder.onnx")
    onnx.save(_groove_encoder_model(), folder / "groove_encoder.onnx")
    manifest = read_manifest(folder)
    tensor = lambda name, *dims: {"name": name, "shape": ["batch", *dims], "dtype": "float32"}  # noqa: E731
    manifest["models"]["groove.decoder"] = {
        "file": "groove_decoder.onnx", "sha256": sha256(folder / "groove_decoder.onnx"),
        "inputs": [tensor("z", GROOVE_LATENT)],
        "outputs": [tensor(n, *GROOVE_SHAPE) for n in ("hit_logits", "velocity", "offset")]}
    manifest["models"]["groove.encoder"] = {
        "file": "groove_encoder.onnx", "sha256": sha256(folder / "groove_encoder.onnx"),
        "inputs": [tensor("pattern", *GROOVE_SHAPE, 3)],
        "outputs": [tensor(n, GROOVE_LATENT) for n in ("mu", "logvar")]}
    rng = np.random.default_rng(4)
    manifest["groove"] = {
        "latent_size": GROOVE_LATENT, "instruments": GROOVE_INSTRUMENTS,
        "drum_map": dict(zip(GROOVE_INSTRUMENTS, GROOVE_NOTES)), "steps": 32, "steps_per_beat": 4,
        "map": {"kind": "grid", "rows": 3, "cols": 3,
                "points": (rng.standard_normal((9, GROOVE_LATENT))).round(4).tolist()},
        "training": {"command": "tests/support.py", "data": [], "metrics": {}, "parity": {}}}
    write_manifest(folder, manifest)
    return folder


def write_manifest(folder: Path, manifest: dict) -> None:
    (Path(folder) / "preset.json").write_text(json.dumps(manifest, indent=1))


def read_manifest(folder: Path) -> dict:
    return json.loads((Path(folder) / "preset.json").read_text())


def variant(source: Path, name: str, edit) -> Path:
    """Copy a bundle under a new name and let `edit(manifest, folder)` break it."""
    folder = source.parent / name
    shutil.copytree(source, folder)
    manifest = copy.deepcopy(read_manifest(folder))
    manifest["name"] = name
    edit(manifest, folder)
    write_manifest(folder, manifest)
    return folder


# --- OSC client -------------------------------------------------------------------------------
def free_udp_port() -> int:
    """A UDP port on 127.0.0.1 that was free a moment ago (for a client that binds it itself)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def build(address: str, *args) -> bytes:
    """Args are values (type guessed) or (tag, value) pairs for exact tags."""
    builder = OscMessageBuilder(address)
    for arg in args:
        if isinstance(arg, tuple):
            builder.add_arg(arg[1], arg[0])
        else:
            builder.add_arg(arg)
    return builder.build().dgram


class OscClient:
    def __init__(self, server_port: int, timeout: float = 5.0):
        self.server = ("127.0.0.1", server_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.port = self.sock.getsockname()[1]
        self.timeout = timeout

    def close(self) -> None:
        self.sock.close()

    def send(self, address: str, *args) -> None:
        self.sock.sendto(build(address, *args), self.server)

    def send_raw(self, data: bytes) -> None:
        self.sock.sendto(data, self.server)

    def recv(self, timeout: float | None = None) -> tuple:
        self.sock.settimeout(self.timeout if timeout is None else timeout)
        data, _ = self.sock.recvfrom(65536)
        assert len(data) < 8192
        message = OscMessage(data)
        return message.address, tuple(message.params)

    def expect(self, address: str, timeout: float | None = None) -> tuple:
        got, args = self.recv(timeout)
        assert got == address, f"expected {address}, got {got} {args}"
        return args

    def hello(self, sample_rate: int | None = None) -> tuple:
        self.send("/hello", self.port, *([sample_rate] if sample_rate else []))
        return self.expect("/hello")

    def quiet(self, seconds: float = 0.3) -> list:
        """Everything that arrives until `seconds` pass with nothing."""
        got = []
        try:
            while True:
                got.append(self.recv(seconds))
        except socket.timeout:
            return got

    def sample(self, address: str, *args, timeout: float | None = None) -> tuple:
        """Send a pad request and wait for its /sample (pad, path, seq)."""
        self.send(address, *args)
        return self.expect("/sample", timeout)


# --- server process ---------------------------------------------------------------------------
READY = re.compile(r"latentpad ready: osc udp ([^:]+):(\d+), ")


class ServerProcess:
    def __init__(self, presets_dir: Path, render_dir: Path, log_dir: Path, *extra: str,
                 preset: str = "tiny"):
        log_dir.mkdir(parents=True, exist_ok=True)
        self.stdout_path = log_dir / "stdout.txt"
        self.stderr_path = log_dir / "stderr.txt"
        command = [sys.executable, "-m", "server", "serve", "--port", "0", "--preset", preset,
                   "--presets-dir", str(presets_dir), "--render-dir", str(render_dir),
                   "--device", "cpu", "--threads", "1", *extra]
        started = time.monotonic()
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.proc = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=err)
        self.ready_line, self.port = self._wait_ready(started)
        self.ready_s = time.monotonic() - started
        self.render_root = render_dir  # --render-dir; this server writes to its own folder in it:
        self.render_dir = Path(re.search(r"renders -> (.+)$", self.ready_line).group(1))

    def _wait_ready(self, started: float) -> tuple:
        while time.monotonic() - started < 30:
            match = READY.search(self.stdout_path.read_text())
            if match:
                return self.stdout_path.read_text().splitlines()[0], int(match.group(2))
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"server did not get ready:\n{self.stderr_path.read_text()}")

    def client(self) -> OscClient:
        return OscClient(self.port)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def collect_steps(clock, count: int, on_step=None) -> list:
    """Start `clock` and return (step, when, called_at) for its first `count` steps, then stop it;
    `on_step(step)` runs inside each call (a peer changing tempo mid-run)."""
    import threading

    seen, done = [], threading.Event()

    def record(step, when):
        seen.append((step, when, time.monotonic()))
        if on_step:
            on_step(step)
        if len(seen) == count:
            done.set()

    clock.subscribe(record)
    clock.start()
    assert done.wait(10), f"{type(clock).__name__} stopped ticking"
    clock.stop()
    return seen[:count]
