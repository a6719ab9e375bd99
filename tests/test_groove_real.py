"""Real playing for the groove model: MIDI songs cut into 4/4 windows with their micro-timing,
drum maps (GM/Live, Hydrogen, track names), fills labelled, MMA's groove library rendered by MMA,
the augmentation of real patterns, the added statistics and the evaluation's baselines."""
from __future__ import annotations

import shutil
from pathlib import Path

import mido
import numpy as np
import pytest

from export.groove import evaluate, metrics, songs, train
from server.core.patterns import INSTRUMENTS, NINST, STEPS

KICK, SNARE, HAT, HIGH_TOM = (INSTRUMENTS.index(n) for n in ("kick", "snare", "closed_hat", "high_tom"))
TPB = 480
STEP = TPB // 4


def _song(path: Path, notes, signatures=((0, 4, 4),), channel=9, track_name=None, tpb=TPB) -> Path:
    """notes: (tick, note, velocity); signatures: (tick, numerator, denominator)."""
    events = [(t, 0, mido.MetaMessage("time_signature", numerator=n, denominator=d)) for t, n, d in signatures]
    for tick, note, vel in notes:
        events.append((tick, 1, mido.Message("note_on", channel=channel, note=note, velocity=vel)))
        events.append((tick + 30, 2, mido.Message("note_off", channel=channel, note=note, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    track = mido.MidiTrack([mido.MetaMessage("track_name", name=track_name)] if track_name else [])
    now = 0
    for tick, _, message in events:
        track.append(message.copy(time=tick - now))
        now = tick
    midi = mido.MidiFile(ticks_per_beat=tpb)
    midi.tracks.append(track)
    midi.save(path)
    return path


def test_song_windows_keep_4_4_bars_and_micro_timing(tmp_path):
    bar = 16 * STEP
    notes = [(b * bar + s * STEP, 36, 100) for b in range(6) for s in (0, 8)]
    notes.append((1 * bar + 4 * STEP + 24, 38, 90))  # bar 2, step 4, 0.2 of a 16th late
    notes.append((2 * bar - 18, 42, 60))  # just before bar 3: its step 0, 0.15 early
    # bars 0-1 in 4/4, bar 2 in 3/4 (12 steps), then 4/4 again from tick 2 bar + 12 steps
    three_four = 2 * bar + 12 * STEP
    notes = [n for n in notes if not 2 * bar <= n[0] < three_four] + [(three_four + s * STEP, 36, 100) for s in (0, 16, 32, 48)]
    song = songs.read_song(_song(tmp_path / "s.mid", notes, ((0, 4, 4), (2 * bar, 3, 4), (three_four, 4, 4))))
    assert song.bars == [0, 3, 5]  # bar 2 (3/4) breaks the pairs: windows [0, 1], [3, 4], [5, 6]
    first = song.windows[0]
    assert first.shape == (NINST, STEPS, 3)
    assert first[SNARE, 20, 0] == 1 and first[SNARE, 20, 2] == pytest.approx(0.2)
    assert first[SNARE, 20, 1] == pytest.approx(90 / 127)
    assert first[KICK, ::8, 0].all() and first[KICK].sum(0)[0] == 4
    assert song.mapped[36][0] == "kick" and song.ignored == {}


def test_drum_maps_and_track_names(tmp_path):
    notes = [(s * STEP, 45, 100) for s in range(0, 32, 4)] + [(s * STEP, 56, 80) for s in range(2, 32, 4)]
    path = _song(tmp_path / "h.mid", notes)
    gm, hydrogen = songs.read_song(path, "gm"), songs.read_song(path, "hydrogen")
    assert gm.windows[0][INSTRUMENTS.index("low_tom"), 0, 0] == 1 and gm.ignored == {56: 8}
    assert hydrogen.windows[0][HIGH_TOM, 0, 0] == 1  # Hydrogen's GM kit: note 45 is Tom Hi
    live = songs.read_song(_song(tmp_path / "live.mid", [(s * STEP, 36, 100) for s in range(0, 32, 4)], channel=0))
    assert live.mapping == "gm" and live.windows[0][KICK, ::4, 0].all()  # a Drum Rack clip on channel 1
    named = songs.read_song(_song(tmp_path / "lmms.mid", [(s * STEP, 60, 100) for s in range(0, 32, 2)],
                                  channel=2, track_name="Hihat closed"))
    assert named.mapping == "track names" and named.windows[0][HAT, ::2, 0].all()
    one_bar = songs.read_song(_song(tmp_path / "one.mid", [(s * STEP, 38, 100) for s in (4, 12)]))
    assert len(one_bar.windows) == 1 and one_bar.windows[0][SNARE, [4, 12, 20, 28], 0].all()
    with pytest.raises(songs.SongError, match="no drum notes"):
        songs.read_song(_song(tmp_path / "melody.mid", [(0, 72, 100)], channel=0))


def test_a_key_signature_mido_refuses_is_read_as_c(tmp_path):
    path = _song(tmp_path / "k.mid", [(s * STEP, 36, 100) for s in range(0, 32, 4)])
    midi = mido.MidiFile(path)
    midi.tracks[0].insert(0, mido.MetaMessage("key_signature", key="F"))
    midi.save(path)
    raw = path.read_bytes().replace(b"\xff\x59\x02\xff\x00", b"\xff\x59\x02\xff\xff")  # mode 255
    path.write_bytes(raw)
    with pytest.raises(Exception):
        mido.MidiFile(path)
    assert len(songs.read_song(path).windows) == 1


def test_fills_are_labelled():
    groove = np.zeros((NINST, STEPS, 3), np.float32)
    groove[KICK, ::4, :2] = 1
    assert not songs.is_fill(groove)
    fill = groove.copy()
    fill[HIGH_TOM, 26:30, :2] = 1
    assert songs.is_fill(fill)


def test_mma_grooves_are_rendered_by_mma():
    lib = songs.MMA_LIB / "stdlib" / "50srock.mma"
    if shutil.which("mma") is None or not lib.exists():
        pytest.skip("Debian package mma not installed (bash .ci/setup installs it)")
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        rendered = songs.render_mma(lib, Path(tmp))
    names = {g: (kind, len(w)) for g, kind, w in rendered}
    assert names["50sRock"] == ("groove", 4) and names["50sRockEnd"][0] == "end"
    assert names["50sRockIntro"][0] == "intro"
    windows = [w for _, _, ws in rendered for w in ws]
    hits = np.stack(windows)[..., 0] > 0
    assert hits[:, KICK].any() and hits[:, SNARE].any()
    assert np.abs(np.stack(windows)[..., 2][hits]).max() > 0  # MMA's own humanised timing


def test_real_patterns_are_augmented_and_generated_ones_only_swapped():
    rng = np.random.default_rng(0)
    batch = np.zeros((2, NINST, STEPS, 3), np.float32)
    for b in range(2):
        for inst in (KICK, SNARE, HAT, HIGH_TOM):
            batch[b, inst, ::2, 0] = 1
            batch[b, inst, ::2, 1] = 0.6
            batch[b, inst, ::2, 2] = rng.normal(0, 0.05, 16)
    out = train.augment(batch, rng, np.array([True, False]))
    hits = out[..., 0] > 0.5
    assert np.isin(out[1], [np.roll(batch[1], 16, axis=1), batch[1]]).all()  # generated: at most swapped
    assert hits[0].sum() <= hits[1].sum() and (out[0, ..., 1][hits[0]] != 0.6).any()  # real: varied
    assert np.abs(out[0, ..., 2]).max() <= 0.5 and (out[0, ..., 2][~hits[0]] == 0).all()
    assert hits[0, KICK].any() and hits[0, SNARE].any()  # kick and snare are never dropped


def test_real_share_weighs_real_patterns_by_a_stated_ratio():
    real = np.array([True] * 10 + [False] * 90)
    w = train.sampling_weights(real, 0.9)
    assert w.sum() == pytest.approx(1) and w[real].sum() == pytest.approx(0.9)
    assert train.real_weight_ratio(real, 0.9) == pytest.approx((0.9 / 10) / (0.1 / 90))


def test_ghost_share_and_hat_velocity_variance():
    p = np.zeros((1, NINST, STEPS, 3), np.float32)
    p[0, HAT, :4, 0] = 1
    p[0, HAT, :4, 1] = [0.2, 0.8, 0.2, 0.8]
    p[0, SNARE, 4, :2] = (1, 0.3)
    ghost, var = metrics.velocity_stats(p)[0]
    assert ghost == pytest.approx(3 / 5) and var == pytest.approx(0.09)
    stats = metrics.stats_distance(np.concatenate([p, p]), np.concatenate([p, p]))
    assert stats["distance"] == 0 and "ghost_share" in stats["per_statistic"]


def test_evaluation_baselines_find_the_nearest_pattern_and_score_it():
    rng = np.random.default_rng(1)
    pool = np.zeros((20, NINST, STEPS, 3), np.float32)
    pool[..., 0] = rng.random((20, NINST, STEPS)) < 0.2
    pool[..., 1] = pool[..., 0] * 0.7
    target = pool[[3, 7]].copy()
    target[0, KICK, 0, 0] = 1 - target[0, KICK, 0, 0]  # one cell off
    target[0, KICK, 0, 1] = target[0, KICK, 0, 0] * 0.7
    near = evaluate.nearest(pool, target)
    assert np.array_equal(near[0], pool[3]) and np.array_equal(near[1], pool[7])
    perfect = evaluate.scores(*evaluate.as_prediction(target), target)
    assert perfect["f1"] == 1 and perfect["velocity_mae"] == 0 and perfect["timing_mae_ms_120bpm"] == 0
    assert evaluate.scores(*evaluate.as_prediction(near), target)["f1"] < 1


def test_a_midi_folder_reports_its_drum_mapping(tmp_path):
    folder = tmp_path / "clips"
    folder.mkdir()
    _song(folder / "a.mid", [(s * STEP, 36, 100) for s in range(0, 32, 4)] + [(STEP, 56, 60)])
    _song(folder / "b.mid", [(s * STEP, 60, 100) for s in range(0, 32, 2)], channel=1, track_name="Snare")
    lines = []
    patterns, clip = train.load_midi_folder(folder, "gm", report=lines.append)
    assert patterns.shape == (2, NINST, STEPS, 3) and list(clip) == [0, 1]
    text = "\n".join(lines)
    assert "gm: 1 clips" in text and "track names: 1 clips" in text
    assert "kick" in text and "36 (8 notes)" in text and "Snare (16 notes)" in text
    assert "ignored" in text and "56 (1)" in text


def test_the_timing_folder_holds_every_layout_users_bring(tmp_path):
    from export.groove import clip_timing

    layouts = clip_timing.make_folder(tmp_path, 6)
    assert sorted(set(layouts)) == ["gm", "live", "lmms"]
    lines = []
    patterns, clip = train.load_midi_folder(tmp_path, "gm", report=lines.append)
    assert len(set(clip)) == 6 and len(patterns) == 12  # 4 bars each: two windows
    assert "gm: 4 clips" in lines[0] and "track names: 2 clips" in lines[0]


def test_part_crossover_moves_whole_parts_between_patterns():
    rng = np.random.default_rng(3)
    batch = np.zeros((6, NINST, STEPS, 3), np.float32)
    for b in range(6):  # every pattern and instrument its own marks: where each row came from
        batch[b, :, :, 1] = (b * NINST + np.arange(NINST))[:, None] / 100
    assert np.array_equal(train.cross_parts(batch, rng, 0.0), batch)
    out = train.cross_parts(batch, rng, 1.0)
    donor = np.rint(out[:, :, 0, 1] * 100).astype(int) // NINST  # [6, 9]: the pattern each row is from
    assert np.array_equal(np.rint(out[:, :, 0, 1] * 100).astype(int) % NINST, np.tile(np.arange(NINST), (6, 1)))
    for part in train.PARTS:  # a part's instruments come from one pattern
        assert (donor[:, list(part)] == donor[:, [part[0]]]).all()
    assert (donor != np.arange(6)[:, None]).any()  # and patterns were mixed


def test_the_threshold_choice_prefers_f1_then_the_earlier_candidate_then_zero():
    assert evaluate.best_choice({(0, 0.0): 0.8, (1, -0.5): 0.82, (1, 0.0): 0.81}) == (1, -0.5)
    assert evaluate.best_choice({(0, -0.5): 0.8, (1, 0.0): 0.8}) == (0, -0.5)
    assert evaluate.best_choice({(0, -0.5): 0.8, (0, 0.25): 0.8, (0, 0.0): 0.8}) == (0, 0.0)
    target = np.zeros((1, NINST, STEPS, 3), np.float32)
    target[0, KICK, ::4, 0] = 1
    logits = np.full((1, NINST, STEPS), -3.0)
    logits[0, KICK, ::4] = -0.6  # the model is unsure of the real hits: only a low threshold finds them
    f1 = evaluate.f1_per_threshold(logits, target)
    assert f1[0.0] == 0 and f1[-0.75] == 1 and f1[-1.0] == 1


def test_the_shipped_setting_is_the_one_most_folds_chose():
    a, b = dict(evaluate.CANDIDATES[0]), dict(evaluate.CANDIDATES[2])
    folds = {s: {"cv": {"chosen": dict(c, hit_threshold=t)}}
             for s, c, t in (("x", b, -0.5), ("y", a, 0.0), ("z", b, -0.25), ("w", b, -1.0))}
    got = evaluate.shipped_setting(folds)
    assert {k: got[k] for k in b} == b and got["hit_threshold"] == -0.5
    assert got["folds"]["y"] == evaluate.name(a)
