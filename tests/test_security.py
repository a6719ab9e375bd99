"""Security: the server listens on loopback unless told otherwise and says where; names and paths
in messages cannot reach outside the folders they are meant for (traversal attempts, symlinks);
only ONNX and JSON are ever loaded, so a pickle planted in a bundle never runs."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

from support import REPO, ServerProcess, build_bundle, sha256, variant

TRAVERSAL_NAMES = ["..", ".", "../tiny", "../../etc", "/etc", "/tmp", "tiny/..", "tiny/../tiny", "a/b",
                   "a\\b", "~", "~root", "%2e%2e", "..%2f..%2fetc", " tiny", "\u2025",
                   "tiny/", "./tiny", "x" * 65, ""]


def _udp_binding(port: int) -> str:
    """The local address /proc/net/udp lists for our UDP port (hex, as the kernel writes it)."""
    for line in Path("/proc/net/udp").read_text().splitlines()[1:]:
        local = line.split()[1]
        if int(local.split(":")[1], 16) == port:
            return local.split(":")[0]
    raise AssertionError(f"port {port} is not in /proc/net/udp")


def test_binds_loopback_by_default_and_says_so(presets_dir, tmp_path):
    server = ServerProcess(presets_dir, tmp_path / "renders", tmp_path / "logs")  # no --host
    try:
        assert f"osc udp 127.0.0.1:{server.port}," in server.ready_line
        assert _udp_binding(server.port) == "0100007F"  # 127.0.0.1, not 0.0.0.0
        assert server.stderr_path.read_text() == ""  # nothing to warn about
    finally:
        server.stop()
    open_server = ServerProcess(presets_dir, tmp_path / "r2", tmp_path / "l2", "--host", "0.0.0.0")
    try:
        assert _udp_binding(open_server.port) == "00000000"
        warning = open_server.stderr_path.read_text()
        assert "warning: listening on 0.0.0.0, not loopback" in warning
    finally:
        open_server.stop()


def test_preset_names_cannot_leave_the_presets_folder(own_presets_dir, start_server, tmp_path):
    outside = tmp_path / "outside"
    build_bundle(outside, "evil")  # a valid bundle, but not in the presets folder
    (own_presets_dir / "linked").symlink_to(outside / "evil", target_is_directory=True)
    server = start_server(own_presets_dir)
    client = server.client()
    client.hello()
    for name in TRAVERSAL_NAMES + ["linked", str(outside / "evil"), "../" + outside.name + "/evil"]:
        client.send("/preset/load", name)
        address, message = client.expect("/error", timeout=15)
        assert address == "/preset/load", (name, message)
        assert client.quiet(0.05) == []
    assert client.hello()[1] == "tiny"
    client.close()


def test_save_names_cannot_write_outside_the_save_folder(presets_dir, start_server, tmp_path):
    save_dir = tmp_path / "saved"
    server = start_server(presets_dir, "--save-dir", str(save_dir), "--sample-dir", str(tmp_path / "none"))
    client = server.client()
    client.hello()
    client.sample("/pad/xy", 0, 0.5, 0.5)
    before = {p for p in tmp_path.rglob("*") if "saved" not in p.parts}
    escaped = Path("/tmp/escape")
    existed = escaped.exists()
    names = ["../escape", "../../escape", "/tmp/escape", "a/../../escape", "..", ".", "/", "..\\escape",
             "~/escape", "x/" * 40 + "escape", "escape\x00.wav"]
    for name in names:
        client.send("/pad/save", 0, name)
        address, args = client.recv(10)
        if address == "/saved":
            assert Path(args[1]).parent == save_dir.resolve(), (name, args)
        else:
            assert (address, args[0]) == ("/error", "/pad/save"), (name, address, args)
    assert {p for p in tmp_path.rglob("*") if "saved" not in p.parts} - before <= {
        p for p in (server.render_dir.iterdir())}  # only new renders, nothing else outside saved/
    assert existed or not escaped.exists()
    client.close()


class Payload:
    """Unpickling this creates a file: the proof a pickle was loaded."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_in_a_bundle_is_never_loaded(own_presets_dir, start_server, tmp_path):
    marker = tmp_path / "pickle-ran"

    def plant(manifest, folder, name):
        (folder / name).write_bytes(pickle.dumps(Payload(marker)))
        manifest["models"]["oneshot.decoder"].update(file=name, sha256=sha256(folder / name))
    for name in ("decoder.pkl", "decoder.pt", "decoder.onnx"):
        variant(own_presets_dir / "tiny", "planted-" + name.split(".")[1],
                lambda m, f, name=name: plant(m, f, name))
    server = start_server(own_presets_dir)
    client = server.client()
    client.hello()
    for kind in ("pkl", "pt", "onnx"):
        client.send("/preset/load", f"planted-{kind}")
        address, message = client.expect("/error", timeout=15)
        assert address == "/preset/load" and "models.oneshot.decoder" in message, message
    client.close()
    assert not marker.exists(), "a pickle in a bundle was unpickled"


FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "joblib", "marshal", "shelve", "torch", "yaml"}
FORBIDDEN_CALLS = {"load", "loads"}  # on numpy: np.load can unpickle (allow_pickle)


def test_the_server_imports_no_deserialiser_but_json():
    """Statically, over every server module: no pickle-like module is imported and numpy's
    np.load (which can unpickle) is never called."""
    for path in sorted((REPO / "server").rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0]]
            else:
                names = []
            assert not set(names) & FORBIDDEN_MODULES, (path.name, names)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert not (node.value.id in ("np", "numpy") and node.attr in FORBIDDEN_CALLS), path.name

