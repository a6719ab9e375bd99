"""Pure engine state: XY map, seeded prior, pad independence, atomic failure, preset swap."""

from __future__ import annotations

import numpy as np
import pytest

from server.core.engine import Engine, xy_to_latent
from server.core.errors import ProtocolError
from server.core.protocol import PadLatent, PadRandom, PadRender, PadXY
from server.presets.bundle import load_bundle
from support import variant


@pytest.fixture(scope="module")
def preset(tiny_bundle):
    return load_bundle(tiny_bundle)


def test_xy_corners_are_grid_points_and_middles_are_bilinear(preset):
    grid = preset.xy_grid
    assert np.allclose(xy_to_latent(grid, 0.0, 0.0), grid[0, 0])
    assert np.allclose(xy_to_latent(grid, 1.0, 0.0), grid[0, 3])
    assert np.allclose(xy_to_latent(grid, 0.0, 1.0), grid[3, 0])
    assert np.allclose(xy_to_latent(grid, 1.0, 1.0), grid[3, 3])
    assert np.allclose(xy_to_latent(grid, 1 / 3, 2 / 3), grid[2, 1], atol=1e-6)
    centre = xy_to_latent(grid, 0.5, 0.5)  # middle of the cell (1..2, 1..2)
    assert np.allclose(centre, grid[1:3, 1:3].reshape(4, -1).mean(axis=0), atol=1e-6)
    quarter = xy_to_latent(grid, 1 / 12, 0.0)  # a quarter across cell (0, 0)
    assert np.allclose(quarter, 0.75 * grid[0, 0] + 0.25 * grid[0, 1], atol=1e-6)


def test_pads_start_at_the_preset_start_points(preset):
    engine = Engine(preset)
    for pad, (x, y) in enumerate(preset.pad_starts):
        state = engine.pad(pad)
        assert state.xy == (x, y) and state.seq == 0
        assert np.array_equal(state.z, xy_to_latent(preset.xy_grid, x, y))


def test_a_request_changes_only_its_pad_and_bumps_its_seq(preset):
    engine = Engine(preset)
    before = [engine.pad(p) for p in range(16)]
    job = engine.apply(PadXY(5, 0.2, 0.9))
    assert (job.pad, job.seq, job.address) == (5, 1, "/pad/xy")
    assert engine.pad(5).xy == (0.2, 0.9) and engine.pad(5).seq == 1
    assert all(engine.pad(p) is before[p] for p in range(16) if p != 5)
    assert not job.z.flags.writeable
    again = engine.apply(PadRender(5))
    assert again.seq == 2 and np.array_equal(again.z, job.z)


def test_same_seed_same_points_and_spread_zero_is_the_mean(preset):
    a, b, c = Engine(preset, seed=7), Engine(preset, seed=7), Engine(preset, seed=8)
    za = [a.apply(PadRandom(p, 1.5)).z for p in (1, 2, 1)]
    zb = [b.apply(PadRandom(p, 1.5)).z for p in (1, 2, 1)]
    zc = [c.apply(PadRandom(p, 1.5)).z for p in (1, 2, 1)]
    assert all(np.array_equal(x, y) for x, y in zip(za, zb))
    assert not np.array_equal(za[0], zc[0])
    assert np.array_equal(a.apply(PadRandom(0, 0.0)).z, preset.prior_mean)


def test_a_refused_request_changes_nothing(preset):
    engine = Engine(preset)
    before = engine.pad(3)
    with pytest.raises(ProtocolError):
        engine.apply(PadLatent(3, (0.0,) * 5))
    assert engine.pad(3) is before
    assert engine.apply(PadRender(3)).seq == 1  # the refused request took no seq


def test_swapping_presets_resets_pads_but_keeps_seq(own_presets_dir):
    first = load_bundle(own_presets_dir / "tiny")

    def move_pads(manifest, folder):
        manifest["pads"] = [{"pad": i, "xy": [1.0, 1.0]} for i in range(16)]
    second = load_bundle(variant(own_presets_dir / "tiny", "moved", move_pads))
    engine = Engine(first)
    engine.apply(PadXY(0, 0.0, 0.0))
    engine.swap_preset(second)
    assert engine.preset is second
    assert engine.pad(0).xy == (1.0, 1.0) and engine.pad(0).seq == 1
    assert np.array_equal(engine.pad(0).z, second.xy_grid[3, 3])
