"""Same gesture, same rows: the /pattern/xy path was made faster (own datagram packing, the
noise drawn once per seed, a decode skipped when the latent repeats); a real server on the
default preset still answers a run of gestures with the exact datagrams the implementation
before it sent (tests/data/pattern_replies.json, recorded by tests/pattern_golden.py)."""
from __future__ import annotations

import json

import pytest

from pattern_golden import GESTURES, _groove_sha256, record
from support import REPO

GOLDEN = REPO / "tests" / "data" / "pattern_replies.json"


def test_a_run_of_gestures_gets_the_same_replies_byte_for_byte():
    golden = json.loads(GOLDEN.read_text())
    if golden["groove_decoder_sha256"] != _groove_sha256(REPO):
        pytest.skip("presets/default has another groove model than the one the replies were recorded "
                    "with; record them again (tests/pattern_golden.py) on the tree before a change")
    got = record(REPO)
    assert [r["gesture"] for r in golden["replies"]] == [list(g) for g in GESTURES]
    for want, have in zip(golden["replies"], got["replies"]):
        assert have["hits"] == want["hits"], want["gesture"]
        assert have["sha256"] == want["sha256"], f"{want['gesture']}: same hits, other velocities or offsets"
