"""A newcomer's first hour (issue 17): the rough edges a fresh clone showed, each pinned by what a
user sees — exit codes and messages of the command line, files on disk, OSC replies over real
UDP from real server subprocesses (and liblo's `oscsend`, as the README uses it)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import soundfile as sf

from support import REPO, OscClient, ServerProcess, build_bundle, tiny_point_of
from test_cli import latentpad

TINY = ("--preset", "tiny", "--device", "cpu")
needs_torch = pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="needs the export extra")


# --- 1. render -o / kit -o: folders and formats ------------------------------------------------
def test_render_o_creates_its_folder_and_refuses_a_folder(presets_dir, tmp_path):
    out = latentpad("render", *TINY, "--presets-dir", presets_dir, "-o", tmp_path / "new" / "deeper" / "hit.wav")
    assert out.returncode == 0, out.stderr
    assert sf.info(str(tmp_path / "new" / "deeper" / "hit.wav")).format == "WAV"
    out = latentpad("render", *TINY, "--presets-dir", presets_dir, "-o", tmp_path / "new")
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert f"-o {tmp_path / 'new'} is a folder" in out.stderr
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["deeper"]


def test_render_o_writes_the_format_its_extension_names_or_refuses(presets_dir, tmp_path):
    for name, fmt in (("hit.flac", "FLAC"), ("hit.aiff", "AIFF"), ("HIT.WAV", "WAV")):
        out = latentpad("render", *TINY, "--presets-dir", presets_dir, "--xy", 0.3, 0.6, "-o", tmp_path / name)
        assert out.returncode == 0, out.stderr
        info = sf.info(str(tmp_path / name))
        assert (info.format, info.subtype, info.samplerate) == (fmt, "PCM_24", 44100), name
    out = latentpad("render", *TINY, "--presets-dir", presets_dir, "-o", tmp_path / "hit.mp3")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "hit.mp3" in out.stderr and ".wav" in out.stderr
    assert not (tmp_path / "hit.mp3").exists()


def test_kit_o_refuses_an_existing_file(presets_dir, tmp_path):
    (tmp_path / "taken").write_text("mine")
    out = latentpad("kit", *TINY, "--presets-dir", presets_dir, "-o", tmp_path / "taken")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "is a file" in out.stderr and (tmp_path / "taken").read_text() == "mine"


# --- 2. /hello from one socket, requests from another ------------------------------------------
def test_a_hello_sets_the_rate_for_other_sockets_of_its_host_and_reply_port(presets_dir, start_server):
    listener = OscClient(0)  # where the replies go: the server's --reply-port
    server = start_server(presets_dir, "--reply-port", str(listener.port))
    listener.server = ("127.0.0.1", server.port)
    greeter, other = server.client(), server.client()
    greeter.send("/hello", listener.port, 48000)
    assert listener.expect("/hello")[1] == "tiny"
    other.send("/pad/xy", 0, 0.25, 0.8)  # a new socket, never said hello
    _, path, _ = listener.expect("/sample")
    assert sf.info(path).samplerate == 48000
    # a client whose replies go elsewhere keeps its own rate and changes nothing for the others
    own = server.client()
    own.hello(22050)
    own.send("/pad/xy", 1, 0.5, 0.5)
    assert sf.info(own.expect("/sample")[1]).samplerate == 22050
    other.send("/pad/xy", 2, 0.5, 0.5)
    assert sf.info(listener.expect("/sample")[1]).samplerate == 48000
    for c in (listener, greeter, other, own):
        c.close()


@pytest.mark.skipif(shutil.which("oscsend") is None, reason="Debian liblo-tools not installed")
def test_the_readme_oscsend_example_renders_at_the_rate_it_asked(presets_dir, start_server):
    """The README's three lines, on free ports: each `oscsend` is a new socket."""
    listener = OscClient(0)
    server = start_server(presets_dir, "--reply-port", str(listener.port))
    readme = (REPO / "README.md").read_text()
    lines = re.findall(r"^oscsend localhost 9000 (/\S+ \S+ [^#\n]*?)\s*#", readme, re.M)
    assert [line.split()[0] for line in lines] == ["/hello", "/pad/xy", "/pad/random"], lines
    for line in lines:
        args = line.replace(" 9001 ", f" {listener.port} ").split()
        subprocess.run(["oscsend", "localhost", str(server.port), *args], check=True, timeout=10)
        reply, values = listener.recv()
        if args[0] == "/hello":
            assert reply == "/hello"
        else:
            assert reply == "/sample" and sf.info(values[1]).samplerate == 48000, values
    listener.close()


# --- 3. bare `latentpad` on PATH -----------------------------------------------------------------
@pytest.mark.skipif(not (REPO / ".venv" / "bin" / "activate").exists(), reason="no .venv in this checkout")
def test_the_readme_says_how_to_put_latentpad_on_path_before_using_it_bare():
    readme = (REPO / "README.md").read_text().splitlines()
    activate = [i for i, line in enumerate(readme) if re.match(r"(source|\.) \.venv/bin/activate\b", line)]
    bare = [i for i, line in enumerate(readme) if re.match(r"latentpad \w", line)]
    assert activate and bare and activate[0] < bare[0], "say how to put latentpad on PATH before using it"
    line = readme[activate[0]].split("#")[0].strip()
    env = dict(os.environ, PATH=":".join(p for p in os.environ["PATH"].split(":") if ".venv" not in p))
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(["bash", "-c", f"{line} && command -v latentpad && latentpad --help"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(REPO / ".venv" / "bin" / "latentpad")) and "usage: latentpad" in done.stdout


# --- 4. one render folder per running server ---------------------------------------------------
def test_two_servers_on_one_render_dir_keep_their_own_files_and_clean_up(presets_dir, tmp_path):
    root = tmp_path / "renders"
    one = ServerProcess(presets_dir, root, tmp_path / "logs1")
    two = ServerProcess(presets_dir, root, tmp_path / "logs2")
    try:
        assert one.render_dir != two.render_dir and one.render_dir.parent == two.render_dir.parent == root
        a, b = one.client(), two.client()
        a.hello()
        b.hello()
        _, path_a, _ = a.sample("/pad/xy", 0, 0.1, 0.1)
        kept = Path(path_a).read_bytes()
        _, path_b, _ = b.sample("/pad/xy", 0, 0.9, 0.9)
        assert path_a != path_b and Path(path_a).read_bytes() == kept
        assert not (tiny_point_of(path_a) == tiny_point_of(path_b)).all()
        a.close()
        b.close()
        one.stop()
        assert not one.render_dir.exists(), "a stopped server removes its render folder"
        assert Path(path_b).exists()
    finally:
        one.stop()
        two.stop()
    assert not two.render_dir.exists() and list(root.iterdir()) == []
    assert "Traceback" not in (tmp_path / "logs1" / "stderr.txt").read_text()


# --- 6. /preset/load: latest wins, quiet shutdown ----------------------------------------------
def test_a_flood_of_preset_loads_runs_the_latest_and_shuts_down_quietly(own_presets_dir, start_server):
    build_bundle(own_presets_dir, "other")
    server = start_server(own_presets_dir)
    client = server.client()
    client.hello()
    names = [("other", "tiny", "missing")[i % 3] for i in range(60)] + ["other"]
    for name in names:
        client.send("/preset/load", name)
    replies = client.quiet(2.0)
    assert replies and replies[-1] == ("/preset", ("other",)), replies[-3:]
    assert len(replies) <= 3, f"{len(replies)} loads ran for {len(names)} requests: {replies}"
    assert client.hello()[1] == "other"
    for name in names:  # and stop while loads are asked for
        client.send("/preset/load", name)
    server.stop()
    client.close()
    assert server.proc.returncode == 0
    stderr = server.stderr_path.read_text()
    assert "Traceback" not in stderr and "CancelledError" not in stderr, stderr


# --- 8. the smaller problems ---------------------------------------------------------------------
@needs_torch
def test_a_failed_train_leaves_no_empty_run_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    for model, out in (("oneshot", tmp_path / "runs" / "zz"), ("groove", tmp_path / "runs" / "gg")):
        done = latentpad("train", model, tmp_path / "empty", "--tiny", "--out", out,
                         *(["--scratch", "--preset", "zz", "--presets-dir", tmp_path / "presets"]
                           if model == "oneshot" else []))
        assert done.returncode != 0 and "found" in done.stdout + done.stderr, done.stderr
        assert not (tmp_path / "runs").exists(), model
    kept = tmp_path / "mine"  # a run folder that was there before keeps what it holds
    kept.mkdir()
    (kept / "notes.txt").write_text("keep")
    done = latentpad("train", "groove", tmp_path / "empty", "--tiny", "--out", kept)
    assert done.returncode != 0 and (kept / "notes.txt").read_text() == "keep"


def test_classify_names_a_missing_file(presets_dir, tmp_path):
    out = latentpad("classify", *TINY, "--presets-dir", presets_dir, tmp_path / "missing.wav", tmp_path)
    lines = out.stdout.splitlines()
    assert out.returncode == 1 and len(lines) == 2, (out.stdout, out.stderr)
    assert lines[0] == f"{tmp_path / 'missing.wav'}: error: cannot read missing.wav: no such file"
    assert lines[1].endswith("a folder, not a sound file")
    assert "System error" not in out.stdout + out.stderr


def test_render_flag_errors_name_the_flag_not_an_osc_address(presets_dir, tmp_path):
    for flags, flag in ((("--xy", 2, -1), "--xy"), (("--latent", 0.5), "--latent"),
                        (("--random", "--spread", -3), "--spread"), (("--sample-rate", 5), "--sample-rate")):
        out = latentpad("render", *TINY, "--presets-dir", presets_dir, *flags, "-o", tmp_path / "x.wav")
        assert out.returncode == 2, (flags, out.stderr)
        assert out.stderr.startswith(f"latentpad render: error: {flag}: "), out.stderr
        assert "/pad/" not in out.stderr and "/hello" not in out.stderr, out.stderr
    assert not (tmp_path / "x.wav").exists()


def test_train_help_lists_the_models():
    out = latentpad("train", "--help")
    assert out.returncode == 0
    for model in ("oneshot", "groove", "prior", "melody"):
        assert re.search(rf"^\s+{model}\s+\S", out.stdout, re.M), out.stdout
    assert "rest" not in out.stdout
    out = latentpad("train", "banjo", "x")
    assert out.returncode == 2 and "choose from 'oneshot', 'groove', 'prior', 'melody'" in out.stderr


def test_every_doc_is_reachable_from_the_readme():
    seen, todo = set(), [REPO / "README.md"]
    while todo:
        page = todo.pop()
        if page in seen or not page.exists():
            continue
        seen.add(page)
        for link in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", page.read_text()):
            todo.append((page.parent / link).resolve())
    docs = {p.resolve() for p in (REPO / "docs").glob("*.md")}
    assert docs - seen == set(), f"linked from nowhere: {sorted(p.name for p in docs - seen)}"
