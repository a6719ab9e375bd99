"""Faults a performer meets, on a real server subprocess over real UDP: a corrupt or truncated
ONNX file, a manifest that lies about a graph's shapes, a render folder that goes away, a decoder
that raises while running, clients that vanish. Each gets a clear error; the server keeps
serving from its last good state."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

from support import LATENT, LENGTH, REPO, OscClient, sha256, tiny_decoder_weight, variant


def _with_decoder(manifest: dict, folder: Path, data: bytes) -> None:
    """Replace the bundle's decoder file and make the manifest's sha256 agree, so only the file's
    content (not the checksum) is at fault."""
    (folder / "decoder.onnx").write_bytes(data)
    manifest["models"]["oneshot.decoder"]["sha256"] = sha256(folder / "decoder.onnx")


def _decoder_bytes(length: int = LENGTH, fail_above: float | None = None) -> bytes:
    """audio = tanh(z @ W) with W cut to `length` samples; with `fail_above`, a graph that runs
    at load and warm-up but raises in onnxruntime for any z with a value over it (its Reshape
    asks for one sample more than there is)."""
    from onnx import TensorProto, helper, numpy_helper

    inits = [numpy_helper.from_array(tiny_decoder_weight()[:, :length], "W")]
    nodes = [helper.make_node("MatMul", ["z", "W"], ["mixed"]),
             helper.make_node("Tanh", ["mixed"], ["audio" if fail_above is None else "wave"])]
    if fail_above is not None:
        inits += [numpy_helper.from_array(np.array(fail_above, np.float32), "limit"),
                  numpy_helper.from_array(np.array([length], np.int64), "length"),
                  numpy_helper.from_array(np.array([-1], np.int64), "rows"),
                  numpy_helper.from_array(np.array([1], np.int64), "one")]
        nodes += [helper.make_node("ReduceMax", ["z"], ["peak"], keepdims=0),
                  helper.make_node("Greater", ["peak", "limit"], ["over"]),
                  helper.make_node("Cast", ["over"], ["extra0"], to=TensorProto.INT64),
                  helper.make_node("Reshape", ["extra0", "one"], ["extra"]),
                  helper.make_node("Add", ["length", "extra"], ["cols"]),
                  helper.make_node("Concat", ["rows", "cols"], ["shape"], axis=0),
                  helper.make_node("Reshape", ["wave", "shape"], ["audio"])]
    graph = helper.make_graph(
        nodes, "fault_decoder", [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["batch", LATENT])],
        [helper.make_tensor_value_info("audio", TensorProto.FLOAT, ["batch", length])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    return model.SerializeToString()


BROKEN_FILES = {
    "truncated": lambda data: data[: len(data) // 2],
    "corrupt": lambda data: bytes(b ^ 0x5A for b in data[:64]) + data[64:],
    "random": lambda data: np.random.default_rng(0).bytes(4096),
    "empty": lambda data: b"",
}


def _serve_fails(presets_dir: Path, preset: str, *extra: str) -> str:
    done = subprocess.run([sys.executable, "-m", "server", "serve", "--port", "0", "--preset", preset,
                           "--presets-dir", str(presets_dir), "--device", "cpu", "--threads", "1", *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "latentpad ready" not in done.stdout, done.stdout + done.stderr
    return done.stderr


def test_corrupt_and_truncated_onnx_files_are_refused_by_name(own_presets_dir, start_server):
    tiny = own_presets_dir / "tiny"
    good = (tiny / "decoder.onnx").read_bytes()
    for name, breaks in BROKEN_FILES.items():
        variant(tiny, name, lambda m, f, breaks=breaks: _with_decoder(m, f, breaks(good)))
    variant(tiny, "short-graph", lambda m, f: _with_decoder(m, f, _decoder_bytes(LENGTH // 2)))

    # at start: the command says which model of which preset, and exits 2 (no traceback)
    stderr = _serve_fails(own_presets_dir, "truncated")
    assert "models.oneshot.decoder" in stderr and "decoder.onnx" in stderr and "Traceback" not in stderr
    stderr = _serve_fails(own_presets_dir, "short-graph")
    assert "models.oneshot.decoder.outputs[0].shape[1]" in stderr and str(LENGTH // 2) in stderr

    # while serving: /error names the preset and the field; the old preset keeps serving
    server = start_server(own_presets_dir)
    client = server.client()
    client.hello()
    _, path, _ = client.sample("/pad/xy", 0, 0.2, 0.9)
    before = Path(path).read_bytes()
    for name, field in [(n, "models.oneshot.decoder") for n in BROKEN_FILES] + [
            ("short-graph", "models.oneshot.decoder.outputs[0].shape[1]")]:
        client.send("/preset/load", name)
        address, message = client.expect("/error", timeout=15)
        assert address == "/preset/load" and message.startswith(f"{name}: {field}"), message
        assert "still serving tiny" in message
        assert client.quiet(0.1) == []
    assert client.hello()[1] == "tiny"
    _, path, _ = client.sample("/pad/render", 0)
    assert Path(path).read_bytes() == before
    client.close()


def test_a_render_folder_that_goes_away_gives_errors_then_recovers(presets_dir, start_server, tmp_path):
    """Permissions do not stop root, so the folder is made unusable another way: it is replaced
    by a plain file of the same name (the same ENOTDIR a yanked or remounted disk gives)."""
    server = start_server(presets_dir)
    client = server.client()
    client.hello()
    _, path, _ = client.sample("/pad/xy", 2, 0.4, 0.4)
    expected = sf.read(path, dtype="float32")[0]
    shutil.rmtree(server.render_dir)
    server.render_dir.write_text("not a folder")
    client.send("/pad/xy", 2, 0.4, 0.4)
    address, message = client.expect("/error", timeout=10)
    assert address == "/pad/xy" and message.startswith("pad 2: render failed") and "Not a directory" in message
    client.send("/ping", 1)
    assert client.expect("/pong") == (1,)
    server.render_dir.unlink()
    server.render_dir.mkdir()
    _, path, _ = client.sample("/pad/render", 2)
    assert np.array_equal(sf.read(path, dtype="float32")[0], expected)
    client.send("/stats")
    requests, renders, _, errors = client.expect("/stats")
    assert (requests, renders, errors) == (3, 2, 1)
    client.close()

    # at start: a render dir that is a file is a clear refusal
    blocked = tmp_path / "blocked"
    blocked.write_text("x")
    assert "--render-dir" in _serve_fails(presets_dir, "tiny", "--render-dir", str(blocked))


def test_a_decoder_that_raises_while_running_reports_and_keeps_serving(own_presets_dir, start_server):
    variant(own_presets_dir / "tiny", "fragile", lambda m, f: _with_decoder(m, f, _decoder_bytes(fail_above=9.0)))
    server = start_server(own_presets_dir, "--preset", "fragile")
    client = server.client()
    client.hello()
    _, good_path, _ = client.sample("/pad/latent", 5, *[1.0] * LATENT)
    good = Path(good_path).read_bytes()
    client.send("/pad/latent", 5, *[9.5] * LATENT)
    address, message = client.expect("/error", timeout=10)
    assert address == "/pad/latent" and message.startswith("pad 5: render failed: decoder run failed")
    assert Path(good_path).read_bytes() == good  # the last good render is still there
    _, other, _ = client.sample("/pad/xy", 6, 0.5, 0.5)
    assert sf.info(other).frames == LENGTH
    _, again, _ = client.sample("/pad/latent", 5, *[1.0] * LATENT)
    assert Path(again).read_bytes() == good
    client.send("/stats")
    assert client.expect("/stats")[3] == 1
    client.close()


def test_clients_that_vanish_do_not_stop_the_server(server):
    """Each vanished client registered a reply port and closed it before its renders came back:
    the server's replies there meet ICMP port-unreachable. More of them than the client table
    holds (64), to show it stays bounded."""
    for n in range(80):
        ghost = OscClient(server.port)
        ghost.hello()
        for i in range(10):
            ghost.send("/pad/xy", 15, i / 10, 0.5)
        ghost.send("/pad/classify", 15)
        ghost.close()
    live = server.client()
    live.hello()
    live.send("/ping", 7)
    assert live.expect("/pong") == (7,)
    _, path, _ = live.sample("/pad/xy", 14, 0.1, 0.1)
    assert sf.info(path).frames == LENGTH
    live.send("/stats")
    assert live.expect("/stats")[3] == 0  # no render failed because its client was gone
    assert server.proc.poll() is None
    live.close()
