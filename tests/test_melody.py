"""Melody continuation: the CP tokens, the sampler (seeded, top-p/top-k, key), the melody role in a
bundle, /melody/continue over real UDP (chunked both ways), `latentpad continue`, and the torch
side: a tiny model trained for a few steps (resume), exported with parity, fine-tuned from ONNX."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from server.core.errors import PresetError
from server.core.melody import (BOS, FIELDS, MAX_SHIFT, Note, note_rows, scale_mask, tokens)
from server.core.protocol import MELODY_NOTES_PER_CHUNK
from server.presets.melody import Sampling, draw
from support import REPO, OscClient, build_bundle, read_manifest, variant, write_manifest

torch = pytest.importorskip("torch")

OPENING = [Note(60 + [0, 2, 4, 5, 7, 5, 4, 2][i], i * 0.5, 0.5, 80 + i) for i in range(8)]


def add_melody(folder: Path, seed: int = 0, step: bool = True) -> Path:
    """A tiny random-weight melody decoder exported the shipping way (with its cached `melody.step`
    graph unless step=False: a bundle from before the cache), added to a bundle."""
    from export.melody.export_onnx import (FILE, ROLE, STEP_FILE, STEP_ROLE, export_model, export_step_model,
                                           model_entries)
    from export.melody.model import MelodyConfig, MelodyDecoder
    from export.melody.train import TINY
    from server.core.melody import TICKS_PER_BEAT, VOCAB

    torch.manual_seed(seed)
    model = MelodyDecoder(MelodyConfig(**TINY))
    export_model(model, folder / FILE)
    export_step_model(model, folder / STEP_FILE)
    manifest = read_manifest(folder)
    entries = model_entries(model, folder)
    manifest["models"][ROLE] = entries[ROLE]
    if step:
        manifest["models"][STEP_ROLE] = entries[STEP_ROLE]
    manifest["melody"] = {"kind": "cp_transformer", "ticks_per_beat": TICKS_PER_BEAT, "fields": list(FIELDS),
                          "vocab": dict(VOCAB), "window": model.cfg.window, "model": model.cfg.as_dict(),
                          "training": {"command": "tests", "data": [], "parity": {}}}
    write_manifest(folder, manifest)
    return folder


@pytest.fixture(scope="module")
def melody_presets(tmp_path_factory):
    root = tmp_path_factory.mktemp("melody_presets")
    add_melody(build_bundle(root, "tiny"))
    add_melody(build_bundle(root, "uncached"), step=False)  # same weights, no melody.step: an older bundle
    build_bundle(root, "plain")
    return root


@pytest.fixture(scope="module")
def sampler(melody_presets):
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models
    return load_models(load_bundle(melody_presets / "tiny"), "cpu", 1).melody


# --- tokens -------------------------------------------------------------------------------------
def test_cp_tokens_are_one_step_per_note_with_shift_pitch_duration_and_bar_position():
    notes = [Note(64, 1.0, 0.5), Note(60, 0.0, 1.0), Note(55, 0.0, 0.25), Note(67, 5.5, 20.0)]
    rows = note_rows(notes)
    assert rows.tolist() == [[60, 0, 12, 0], [64, 12, 6, 12], [67, 66, 96 * 2 + 48, 18]]  # top note kept
    tok = tokens(rows)
    assert tok[0].tolist() == [BOS[f] for f in FIELDS]
    assert tok[1:].tolist() == [[0, 60, 11, 0], [12, 64, 5, 12], [54, 67, 95, 18]]  # duration clipped to 8 beats
    assert tokens(np.array([[60, 0, 1, 0], [62, 500, 1, 20]]))[2, 0] == MAX_SHIFT


def test_scale_mask_holds_the_scale_on_its_tonic():
    d_dorian = np.flatnonzero(scale_mask(2, "dorian")[60:72]) + 60
    assert d_dorian.tolist() == [60, 62, 64, 65, 67, 69, 71]  # C D E F G A B: D dorian's notes
    assert scale_mask(0, "chromatic").all()
    with pytest.raises(ValueError, match="unknown scale"):
        scale_mask(0, "lydian_flat13")


# --- sampling -----------------------------------------------------------------------------------
def test_draw_greedy_top_k_and_top_p_keep_only_what_they_should():
    logits = np.log(np.array([0.5, 0.3, 0.15, 0.05]))
    rng = np.random.default_rng(0)
    assert draw(logits, 0.0, 0, 1.0, rng) == 0
    assert {draw(logits, 1.0, 1, 1.0, rng) for _ in range(50)} == {0}
    assert {draw(logits, 1.0, 0, 0.7, rng) for _ in range(300)} == {0, 1}  # 0.5 + 0.3 reaches 0.7
    assert {draw(logits, 1.0, 0, 1.0, rng) for _ in range(600)} == {0, 1, 2, 3}
    counts = np.bincount([draw(logits, 1.0, 0, 1.0, rng) for _ in range(4000)], minlength=4) / 4000
    assert np.abs(counts - [0.5, 0.3, 0.15, 0.05]).max() < 0.03
    hot = np.bincount([draw(logits, 3.0, 0, 1.0, rng) for _ in range(4000)], minlength=4) / 4000
    assert hot[3] > 0.12  # temperature flattens the distribution
    a = [draw(logits, 1.0, 0, 1.0, np.random.default_rng(5)) for _ in range(20)]
    assert a == [draw(logits, 1.0, 0, 1.0, np.random.default_rng(5)) for _ in range(20)]


def test_same_seed_same_notes_other_seed_other_notes(sampler):
    s = Sampling(bars=4, temperature=1.0, top_p=0.95, seed=11)
    a = sampler.continue_melody(OPENING, s)
    assert a == sampler.continue_melody(OPENING, s) and len(a) > 0
    b = sampler.continue_melody(OPENING, Sampling(bars=4, temperature=1.0, top_p=0.95, seed=12))
    assert a != b


def test_continuation_is_monophonic_inside_its_bars_and_keeps_the_opening_velocity(sampler):
    for seed in range(5):
        notes = sampler.continue_melody(OPENING, Sampling(bars=2, temperature=1.2, top_p=1.0, seed=seed))
        starts = [n.start for n in notes]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert all(0 <= n.start < 8 and n.start + n.length <= 8 + 1e-9 and n.length > 0 for n in notes)
        assert {n.velocity for n in notes} <= {round(np.mean([n.velocity for n in OPENING]))}


def test_the_continuation_starts_at_the_openings_length_or_the_next_bar_line(sampler):
    from server.core.melody import TICKS_PER_BEAT, note_rows
    rows = note_rows(OPENING)
    for opening_beats, start_beats in ((0.0, 4.0), (8.0, 8.0), (6.0, 6.0)):
        s = Sampling(bars=2, temperature=1.0, top_p=1.0, seed=2, opening_beats=opening_beats)
        got = sampler.continue_melody(OPENING, s)
        start, end = start_beats * TICKS_PER_BEAT, start_beats * TICKS_PER_BEAT + 2 * 4 * TICKS_PER_BEAT
        drawn = sampler.sample(tokens(rows), int(rows[-1, 1]), 48, s, np.random.default_rng(2), end=end)
        want = [(p, (on - start) / TICKS_PER_BEAT) for on, p, _ in drawn if on >= start]
        assert [(n.pitch, n.start) for n in got] == want and want


def test_key_constraint_keeps_every_pitch_in_the_scale(sampler):
    allowed = scale_mask(9, "minor_pentatonic")
    for seed in range(4):
        notes = sampler.continue_melody(OPENING, Sampling(bars=4, temperature=1.5, top_p=1.0, seed=seed,
                                                          key=9, scale="minor_pentatonic"))
        assert notes and all(allowed[n.pitch] for n in notes)
    free = [n.pitch for s in range(4) for n in sampler.continue_melody(
        OPENING, Sampling(bars=4, temperature=1.5, top_p=1.0, seed=s))]
    assert not all(allowed[p] for p in free)  # the random tiny model wanders out without the mask


# --- the key/value cache (melody.step) ----------------------------------------------------------
@pytest.fixture(scope="module")
def uncached(melody_presets):
    from server.presets.bundle import load_bundle
    from server.presets.models import load_models
    return load_models(load_bundle(melody_presets / "uncached"), "cpu", 1).melody


class Recording:
    """An onnxruntime session that notes how many new notes each run was given."""

    def __init__(self, session):
        self.session, self.notes = session, []

    def run(self, names, feed):
        self.notes.append(feed["tokens"].shape[1])
        return self.session.run(names, feed)


def test_the_cached_step_gives_the_whole_window_logits_note_by_note(melody_presets):
    """melody.step through the sampler's cache against melody.decoder over the whole window, note
    by note over three windows of a melody: one note per run until the window slides, then the
    whole window each note (the first notes' deeper keys depend on what came before them)."""
    import onnxruntime as ort
    from server.presets.bundle import load_bundle
    from server.presets.melody import MelodySampler
    preset = load_bundle(melody_presets / "tiny")
    def session(role):
        return ort.InferenceSession(str(preset.models[role].path), providers=["CPUExecutionProvider"])
    step = Recording(session("melody.step"))
    sampler = MelodySampler(session("melody.decoder"), preset, step)
    window = sampler.window
    rng = np.random.default_rng(3)
    rows = np.array([[60 + int(rng.integers(-7, 8)), 6 * k, int(rng.integers(1, 12)), (6 * k) % 48]
                     for k in range(3 * window)])
    tok = tokens(rows)
    prefill = 5
    cached = sampler.next_logits()
    worst = 0.0
    for end in range(prefill, len(tok) + 1):
        got, want = cached(tok[:end]), sampler.logits(tok[:end])
        worst = max(worst, max(float(np.abs(a - b).max()) for a, b in zip(got, want)))
    assert worst < 1e-4
    assert step.notes[0] == prefill
    assert step.notes[1:window - prefill + 1] == [1] * (window - prefill)  # cached: one new note a run
    assert set(step.notes[window - prefill + 1:]) == {window}  # slid: the whole window again
    # a new continuation starts its own cache; a different opening is never served from an old one
    other = sampler.next_logits()
    changed = tok[:8].copy()
    changed[3, 1] += 1
    for a, b in zip(other(changed), sampler.logits(changed)):
        assert np.abs(a - b).max() < 1e-4


def test_a_bundle_without_the_cache_graph_loads_and_plays_the_same_notes(sampler, uncached):
    """An older bundle (melody.decoder alone) runs the whole window for every note; the cached
    bundle with the same weights gives the same continuation for the same seed, before and after
    the window slides."""
    assert sampler.cached and not uncached.cached
    long_opening = [Note(60 + (i * 5) % 12, i * 0.25, 0.25, 90) for i in range(40)]
    for seed in range(6):
        for opening in (OPENING, long_opening):
            for key in (None, 2):
                s = Sampling(bars=4, temperature=1.0, top_p=0.95, seed=seed, key=key)
                got = sampler.continue_melody(opening, s)
                assert got == uncached.continue_melody(opening, s) and got


def test_an_older_bundle_gets_its_cache_graph_from_its_own_onnx_weights(melody_presets, tmp_path, uncached):
    from export.melody.export_onnx import add_step
    from server.presets.bundle import validate_bundle
    from server.presets.models import load_models
    bundle = tmp_path / "uncached"
    shutil.copytree(melody_presets / "uncached", bundle)
    parity = add_step(bundle)
    assert parity["max_abs_diff_logits"] < 1e-4
    preset = validate_bundle(bundle)
    assert read_manifest(bundle)["melody"]["training"]["parity"]["step"] == parity
    upgraded = load_models(preset, "cpu", 1).melody
    assert upgraded.cached
    s = Sampling(bars=4, temperature=1.0, top_p=0.9, seed=7)
    assert upgraded.continue_melody(OPENING, s) == uncached.continue_melody(OPENING, s)


# --- bundle -------------------------------------------------------------------------------------
def test_a_bundle_with_the_melody_role_validates(melody_presets):
    from server.presets.bundle import validate_bundle
    preset = validate_bundle(melody_presets / "tiny")
    assert preset.melody.window == 16 and {"melody.decoder", "melody.step"} <= set(preset.models)
    step = preset.models["melody.step"]
    assert [name for name, _ in step.inputs] == ["tokens", "past_keys", "past_values"]
    assert step.inputs[1][1] == (1, "batch", 2, "past", 16)  # tiny: 1 layer, 2 heads of 16
    assert step.outputs[3] == ("present_keys", (1, "batch", 2, "total", 16))
    assert "melody.step" not in validate_bundle(melody_presets / "uncached").models
    assert validate_bundle(melody_presets / "plain").melody is None


@pytest.mark.parametrize("edit,field", [
    (lambda m, f: m.pop("melody"), "melody"),
    (lambda m, f: m["models"].pop("melody.decoder"), "models.melody.decoder"),
    (lambda m, f: m["melody"]["vocab"].update(pitch=128), "melody.vocab.pitch"),
    (lambda m, f: m["melody"].update(ticks_per_beat=24), "melody.ticks_per_beat"),
    (lambda m, f: m["melody"].update(fields=["pitch"]), "melody.fields"),
    (lambda m, f: m["melody"].update(window=0), "melody.window"),
    (lambda m, f: m["melody"].update(kind="rnn"), "melody.kind"),
    (lambda m, f: m["melody"]["training"].pop("parity"), "melody.training.parity"),
    (lambda m, f: m["models"]["melody.decoder"]["inputs"][0].update(dtype="float32"),
     "models.melody.decoder.inputs[0].dtype"),
    (lambda m, f: m["models"]["melody.decoder"]["outputs"][1].update(shape=["batch", 127]),
     "models.melody.decoder.outputs[1].shape"),
    (lambda m, f: m["models"]["melody.decoder"].update(sha256="0" * 64), "models.melody.decoder.sha256"),
    (lambda m, f: m["models"]["melody.step"].update(sha256="0" * 64), "models.melody.step.sha256"),
    (lambda m, f: m["models"]["melody.step"]["inputs"][1]["shape"].__setitem__(0, 3),
     "models.melody.step.inputs[1].shape"),
    (lambda m, f: m["models"]["melody.step"]["outputs"][3].update(name="keys"), "models.melody.step.outputs[3].name"),
    (lambda m, f: m["melody"]["model"].pop("heads"), "melody.model.heads"),
    (lambda m, f: m["melody"]["model"].update(d_model=33), "melody.model.d_model"),
    # consistent manifest, but the graph has 1 layer, not 2: the graph check names the axis
    (lambda m, f: (m["melody"]["model"].update(layers=2), [t["shape"].__setitem__(0, 2) for t in
                   m["models"]["melody.step"]["inputs"][1:] + m["models"]["melody.step"]["outputs"][3:]]),
     "models.melody.step.inputs[1].shape[0]"),
    (lambda m, f: m["models"]["melody.step"].update(file="melody_decoder.onnx",
                                                    sha256=m["models"]["melody.decoder"]["sha256"]),
     "models.melody.step.inputs"),  # the whole-window graph named as the cached one
])
def test_bad_melody_manifests_name_the_field(melody_presets, tmp_path, edit, field):
    from server.presets.bundle import validate_bundle
    src = tmp_path / "src" / "tiny"
    shutil.copytree(melody_presets / "tiny", src)
    with pytest.raises(PresetError) as info:
        validate_bundle(variant(src, "broken", edit))
    assert info.value.field.startswith(field), str(info.value)


# --- OSC ----------------------------------------------------------------------------------------
def _flat(notes) -> list:
    return [v for n in notes for v in (n.pitch, n.start, n.length, n.velocity)]


def _receive_melody(client: OscClient, request: int) -> list:
    parts, chunks = {}, None
    while chunks is None or len(parts) < chunks:
        args = client.expect("/melody", timeout=20)
        assert args[0] == request
        chunks = args[2]
        parts[args[1]] = args[3:]
    flat = [v for i in sorted(parts) for v in parts[i]]
    return [Note(*flat[i:i + 4]) for i in range(0, len(flat), 4)]


def test_melody_continue_over_udp_chunked_both_ways_equals_the_sampler(melody_presets, start_server, sampler):
    srv = start_server(melody_presets)
    client = srv.client()
    try:
        client.hello()
        opening = [Note(60 + (i * 5) % 12, i * 0.25, 0.25, 90) for i in range(MELODY_NOTES_PER_CHUNK + 40)]
        head = dict(bars=16, temperature=1.0, top_p=0.95, seed=4)
        # the long opening in two datagrams, the second first: order does not matter
        client.send("/melody/continue", 9, 1, 2, 16, 1.0, 0.95, 4, 0.0, *_flat(opening[MELODY_NOTES_PER_CHUNK:]))
        assert client.quiet(0.3) == []  # nothing until the opening is whole
        client.send("/melody/continue", 9, 0, 2, 16, 1.0, 0.95, 4, 0.0, *_flat(opening[:MELODY_NOTES_PER_CHUNK]))
        got = _receive_melody(client, 9)
        want = sampler.continue_melody(opening, Sampling(**head))
        assert len(want) > 0
        assert [(n.pitch, n.velocity) for n in got] == [(n.pitch, n.velocity) for n in want]
        assert np.allclose([(n.start, n.length) for n in got], [(n.start, n.length) for n in want], atol=1e-5)
        # a key constraint for this client, then a short opening in one datagram
        client.send("/melody/key", 4, "major")
        assert client.expect("/melody/key") == (4, "major")
        client.send("/melody/continue", 10, 0, 1, 2, 1.4, 1.0, 1, 0.0, *_flat(OPENING))
        notes = _receive_melody(client, 10)
        assert notes and all(scale_mask(4, "major")[n.pitch] for n in notes)
        client.send("/melody/key", 0, "lydian")
        assert "unknown scale" in client.expect("/error")[1]
        client.send("/melody/continue", 11, 1, 1, 2, 1.0, 0.9, 0, 0.0, *_flat(OPENING))
        assert "chunk 1 is not below chunks 1" in client.expect("/error")[1]
    finally:
        client.close()


def test_melody_continue_without_a_melody_model_is_one_error(melody_presets, tmp_path):
    from support import ServerProcess
    proc = ServerProcess(melody_presets, tmp_path / "renders", tmp_path / "logs", preset="plain")
    client = proc.client()
    try:
        client.hello()
        client.send("/melody/continue", 1, 0, 1, 4, 0.9, 0.9, 0, 0.0, *_flat(OPENING))
        address, args = client.recv()
        assert address == "/error" and args[0] == "/melody/continue" and "no melody model" in args[1]
        assert client.quiet(0.3) == []
    finally:
        client.close()
        proc.stop()


# --- CLI ----------------------------------------------------------------------------------------
def test_latentpad_continue_writes_a_mid_that_reads_back(melody_presets, tmp_path):
    from server.core.melody_midi import read_notes, write_notes
    opening = write_notes(OPENING, tmp_path / "opening.mid")
    out = tmp_path / "next.mid"
    cmd = [sys.executable, "-m", "server", "continue", str(opening), "-o", str(out), "--bars", "2",
           "--temperature", "0.9", "--top-p", "0.9", "--seed", "3", "--key", "C:major",
           "--presets-dir", str(melody_presets), "--preset", "tiny", "--device", "cpu"]
    run = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    notes, _ = read_notes(out)
    assert notes and all(scale_mask(0, "major")[n.pitch] for n in notes)
    assert max(n.start + n.length for n in notes) <= 8 + 1e-6
    again = tmp_path / "again.mid"
    subprocess.run(cmd[:6] + [str(again)] + cmd[7:], cwd=REPO, check=True, capture_output=True, timeout=120)
    assert again.read_bytes() == out.read_bytes()  # same seed, same file


# --- torch side ---------------------------------------------------------------------------------
def _midi_folder(folder: Path, n: int = 12) -> Path:
    from server.core.melody_midi import write_notes
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for i in range(n):
        scale = [0, 2, 4, 5, 7, 9, 11, 12]
        notes = [Note(60 + scale[int(rng.integers(8))], k * 0.5, 0.5, 90) for k in range(24)]
        write_notes(notes, folder / f"tune{i:02d}.mid")
    return folder


def test_train_resume_export_parity_and_fine_tune_from_the_onnx(tmp_path):
    from export.common import sha256 as common_sha
    from export.melody import export_onnx, train
    data = _midi_folder(tmp_path / "mids")
    run = tmp_path / "run"
    args = ["--data", str(data), "--out", str(run), "--tiny", "--threads", "1", "--ckpt-every", "5"]
    train.main(args + ["--steps", "5"])
    first = torch.load(run / "last.pt", weights_only=True)
    assert first["step"] == 5
    train.main(args + ["--steps", "10", "--resume"])
    second = torch.load(run / "last.pt", weights_only=True)
    assert second["step"] == 10 and json.loads(second["extra"])["history"][-1]["step"] == 10
    out = tmp_path / "frag"
    export_onnx.main(["--ckpt", str(run / "last.pt"), "--data", str(data), "--out", str(out)])
    fragment = json.loads((out / "melody.json").read_text())
    assert fragment["melody"]["training"]["parity"]["max_abs_diff_logits"] < 1e-3
    assert fragment["melody"]["training"]["parity"]["step"]["max_abs_diff_logits"] < 1e-3  # the cached graph
    # the ONNX file alone is enough to start fine-tuning: same weights back
    bundle = add_melody(build_bundle(tmp_path / "presets", "tiny"))
    model = train.init_weights(bundle)
    import onnx
    from onnx import numpy_helper
    init = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(bundle / "melody_decoder.onnx")).graph.initializer}
    assert np.array_equal(model.state_dict()["emb.1.weight"].numpy(), init["emb.1.weight"])
    # merge the trained fragment into the bundle: validated by the server's own checks
    export_onnx.merge(out, bundle)
    from server.presets.bundle import validate_bundle
    merged = validate_bundle(bundle)
    assert merged.melody.window == 16
    assert merged.models["melody.step"].sha256 == common_sha(out / "melody_decoder_step.onnx")
    # a fragment from before the cache graph takes the bundle's (now stale) melody.step away with it
    old = json.loads((out / "melody.json").read_text())
    old["models"].pop("melody.step")
    (out / "melody.json").write_text(json.dumps(old))
    export_onnx.merge(out, bundle)
    assert "melody.step" not in validate_bundle(bundle).models


def test_latentpad_train_melody_fine_tunes_from_a_preset_and_adds_it(tmp_path):
    data = _midi_folder(tmp_path / "mine")
    presets = tmp_path / "presets"
    add_melody(build_bundle(presets, "tiny"))
    build_bundle(presets, "target")
    cmd = [sys.executable, "-m", "server", "train", "melody", str(data), "--from", "tiny", "--presets-dir",
           str(presets), "--steps", "6", "--threads", "1", "--out", str(tmp_path / "run"),
           "--into", str(presets / "target")]
    run = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "OMP_WAIT_POLICY": "PASSIVE"})
    assert run.returncode == 0, run.stderr[-2000:]
    manifest = read_manifest(presets / "target")
    assert manifest["melody"]["training"]["steps"] == 6
    assert "latentpad train melody" in manifest["melody"]["training"]["command"]
    assert manifest["melody"]["model"]["d_model"] == 32  # the --from preset's size, not a new model


def test_the_corpus_reads_only_collections_free_for_commercial_use_unless_named(tmp_path):
    """The default corpus leaves out the non-commercial Essen collection; its licence and whether
    commercial use is allowed travel with every collection into the manifest."""
    pytest.importorskip("music21")
    from export.melody import corpus
    assert corpus.FREE == ("oneills1850",) and not corpus.COLLECTIONS["essenFolksong"]["commercial_use"]
    assert corpus.parser().parse_args([]).collections == ["oneills1850"]
    meta = corpus.build(tmp_path / "free", limit=3)
    assert list(meta["collections"]) == ["oneills1850"]
    got = meta["collections"]["oneills1850"]
    assert got["kept"] == 3 and got["commercial_use"] and "public domain" in got["licence"]
    assert "non-commercial" in corpus.COLLECTIONS["essenFolksong"]["licence"]
    assert corpus.parser().parse_args(["--collections", "oneills1850", "essenFolksong"]).collections[1] == "essenFolksong"
    pieces = corpus.load(tmp_path / "free")["pieces"]
    assert {p["collection"] for p in pieces} == {"oneills1850"} and all(len(p["notes"]) >= 12 for p in pieces)


def test_evaluation_measures_catch_loops_and_score_a_copy_as_zero_distance():
    from export.melody.evaluate import Markov, distributions, loop_stats, repeat_opening, tv
    loop = [(12 * k, 60 + (k % 2) * 2, 12) for k in range(24)]  # two notes forever
    assert loop_stats(loop) == (True, pytest.approx(18 / 20))  # 23 steps, 20 4-grams, 2 distinct
    rng = np.random.default_rng(0)
    wander = [(12 * k, int(p), 12) for k, p in enumerate(rng.integers(50, 80, 24))]
    stuck, rep = loop_stats(wander)
    assert not stuck and rep < 0.1
    opening = np.array([[60, 0, 12, 0], [64, 12, 6, 12], [67, 18, 6, 18]])
    again = repeat_opening(opening, 4)
    assert [p for _, p, _ in again] == [60, 64, 67, 60] and [o for o, _, _ in again] == [27, 39, 45, 54]
    a = distributions(opening, again)
    assert all(tv(x, x) == 0 for x in a) and tv(np.array([1.0, 0]), np.array([0, 1.0])) == 1
    seqs = [tokens(np.array([[60 + (k % 3), 12 * k, 12, (12 * k) % 48] for k in range(20)]))]
    chain = Markov(seqs)
    assert np.argmax(chain.probs(1, 60)) == 61 and np.isclose(chain.probs(1, 60).sum(), 1)
    assert chain.nll(seqs)["pitch"] < chain.nll([tokens(np.array([[70, 0, 12, 0], [40, 12, 12, 12]]))])["pitch"]


def test_the_default_preset_continues_a_major_tune_mostly_in_its_key():
    """The shipped model (presets/default melody.decoder) on an opening it never saw."""
    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    models = load_models(load_preset(REPO / "presets", "default"), "cpu", 1)
    twinkle = [Note(p, i * 1.0, 1.0, 90) for i, p in enumerate([60, 60, 67, 67, 69, 69, 67])]
    twinkle += [Note(p, 8 + i * 1.0, 1.0, 90) for i, p in enumerate([65, 65, 64, 64, 62, 62, 60])]
    in_key = scale_mask(0, "major")
    shares = []
    for seed in range(4):
        notes = models.melody.continue_melody(twinkle, Sampling(bars=4, temperature=0.9, top_p=0.9, seed=seed))
        assert len(notes) >= 4 and all(0 <= n.start < 16 for n in notes)
        shares.append(np.mean([in_key[n.pitch] for n in notes]))
    assert np.mean(shares) >= 0.85, shares
    assert models.melody.cached  # the shipped bundle carries melody.step
    training = read_manifest(REPO / "presets" / "default")["melody"]["training"]
    assert training["parity"]["max_abs_diff_logits"] < 1e-3
    assert training["parity"]["step"]["max_abs_diff_logits"] < 1e-3
    # trained only on data free for commercial use: a performer who is paid can play it
    assert training["data"] and all(d["commercial_use"] for d in training["data"])
    assert not any("Essen" in d["source"] for d in training["data"])
    table = training["metrics"]["continuations"]["table"]
    assert table["model greedy (T 0)"]["stuck_in_loop"] > table["model top-p 0.9 (T 1.0)"]["stuck_in_loop"]
